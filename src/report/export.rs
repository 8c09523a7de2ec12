//! `danvan export`: flat rows for spreadsheets and databases (Excel,
//! LibreOffice, DuckDB, a national roll-up), one table per kind, with the
//! states and deadlines derived as of a date.
//!
//! Columns have stable English names (listed in each row type's `COLUMNS`,
//! the CSV order). Every row ends with `as_of` and `committee`, so files
//! from several dates or committees can be stacked. No personal data: the
//! petition rows come from the deadline register, whose record type never
//! serializes the petitioner.

use super::petitions::{Entry, RegisterOptions, register};
use crate::domain::snapshot::{Item, Snapshot};
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// A row of an export table.
pub trait Row: Serialize {
    /// The column names, in CSV order; the same keys as the JSON object.
    const COLUMNS: &'static [&'static str];
}

/// Where every row comes from: the date it was computed for and the committee.
#[derive(Debug, Clone, Serialize)]
pub struct Stamp {
    pub as_of: NaiveDate,
    pub committee: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelRow {
    pub id: String,
    pub title: String,
    pub units: Vec<String>,
    pub unit_names: Vec<String>,
    pub lead: String,
    pub lead_name: String,
    pub started: NaiveDate,
    /// Only once ended on the as-of date.
    pub ended: Option<NaiveDate>,
    pub status: ModelStatus,
    /// The "Dân vận khéo" level held on the as-of date.
    pub recognition: Option<Recognition>,
    pub recognized: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub indicators: BTreeMap<String, f64>,
    /// Progress notes dated on or before the as-of date.
    pub updates: usize,
    pub last_update: Option<NaiveDate>,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub file: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

impl Row for ModelRow {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "title",
        "units",
        "unit_names",
        "lead",
        "lead_name",
        "started",
        "ended",
        "status",
        "recognition",
        "recognized",
        "tags",
        "indicators",
        "updates",
        "last_update",
        "summary",
        "source",
        "file",
        "as_of",
        "committee",
    ];
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: MeetingType,
    pub date: NaiveDate,
    pub period: Option<String>,
    pub units: Vec<String>,
    pub unit_names: Vec<String>,
    pub chair: Option<String>,
    pub participants: Vec<String>,
    pub participant_names: Vec<String>,
    pub attendance: Option<u32>,
    pub situation: Option<String>,
    pub assessment: Option<String>,
    /// Tasks the conclusion assigns, and how they stand on the as-of date.
    pub conclusions: usize,
    pub conclusions_done: usize,
    pub conclusions_open: usize,
    pub conclusions_overdue: usize,
    /// "245-TB/HU", once the notice is issued.
    pub notice_number: Option<String>,
    pub notice_date: Option<NaiveDate>,
    /// The rest of an issued notice, so that an export imports back whole.
    pub notice_subject: Option<String>,
    pub notice_signer: Option<String>,
    pub notice_signer_title: Option<String>,
    pub notice_recipients: Vec<String>,
    pub file: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

impl Row for MeetingRow {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "title",
        "type",
        "date",
        "period",
        "units",
        "unit_names",
        "chair",
        "participants",
        "participant_names",
        "attendance",
        "situation",
        "assessment",
        "conclusions",
        "conclusions_done",
        "conclusions_open",
        "conclusions_overdue",
        "notice_number",
        "notice_date",
        "notice_subject",
        "notice_signer",
        "notice_signer_title",
        "notice_recipients",
        "file",
        "as_of",
        "committee",
    ];
}

/// A petition: the register's entry (deadlines, state, days left) and the
/// rest of the record but the petitioner.
#[derive(Debug, Clone, Serialize)]
pub struct PetitionRow<'a> {
    #[serde(flatten)]
    pub entry: Entry<'a>,
    pub unit_names: Vec<String>,
    pub handler_name: Option<String>,
    pub summary: Option<String>,
    pub meeting: Option<String>,
    /// Extension decisions dated on or before the as-of date.
    pub extensions: Vec<NaiveDate>,
    pub file: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

impl Row for PetitionRow<'_> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "type",
        "round",
        "received",
        "units",
        "unit_names",
        "handler",
        "handler_name",
        "channel",
        "field",
        "summary",
        "complex",
        "remote",
        "meeting",
        "accepted",
        "acceptance_deadline",
        "extensions",
        "resolution_deadline",
        "resolved",
        "state",
        "days_left",
        "outcome",
        "file",
        "as_of",
        "committee",
    ];
}

/// One task a conclusion assigned.
#[derive(Debug, Clone, Serialize)]
pub struct ConclusionRow {
    /// `MEETING#N`.
    pub id: String,
    pub meeting: String,
    pub meeting_date: NaiveDate,
    pub meeting_type: MeetingType,
    /// The task's place in its meeting, from 1.
    pub number: usize,
    pub text: String,
    pub assignee: String,
    pub assignee_name: String,
    pub units: Vec<String>,
    pub due: Option<NaiveDate>,
    /// Only once reported done on the as-of date.
    pub done: Option<NaiveDate>,
    pub state: TaskState,
    /// Days to the due date of an unfinished task; negative when late.
    pub days_left: Option<i64>,
    pub notice_number: Option<String>,
    pub file: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

impl Row for ConclusionRow {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "meeting",
        "meeting_date",
        "meeting_type",
        "number",
        "text",
        "assignee",
        "assignee_name",
        "units",
        "due",
        "done",
        "state",
        "days_left",
        "notice_number",
        "file",
        "as_of",
        "committee",
    ];
}

/// Reads a record's date only when it is on or before the as-of date: a
/// later one has not happened yet.
fn by(d: Option<&Sp<NaiveDate>>, as_of: NaiveDate) -> Option<NaiveDate> {
    d.map(|x| x.value).filter(|&x| x <= as_of)
}

fn ids(refs: &[Ref]) -> Vec<String> {
    refs.iter().map(|r| r.value.clone()).collect()
}

fn unit_names(ws: &Workspace, refs: &[Ref]) -> Vec<String> {
    refs.iter().map(|r| ws.config.unit_name(&r.value).to_owned()).collect()
}

/// The file of a record, relative to the workspace, with `/` on every system.
fn file(ws: &Workspace, id: FileId) -> String {
    let parts: Vec<String> = ws
        .rel_path(id)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn stamp(snap: &Snapshot<'_>) -> Stamp {
    Stamp {
        as_of: snap.as_of,
        committee: snap.ws.config.committee.name.clone(),
    }
}

/// The notice, when issued on or before the as-of date.
fn issued<'m>(snap: &Snapshot<'_>, m: &'m Meeting) -> Option<&'m Notice> {
    m.notice.as_ref().filter(|n| n.date.value <= snap.as_of)
}

/// "245-TB/HU", when the notice is issued on or before the as-of date.
fn notice_number(snap: &Snapshot<'_>, m: &Meeting) -> Option<String> {
    let notice = m.notice.as_ref().filter(|n| n.date.value <= snap.as_of)?;
    Some(notice.full_number(&snap.ws.config.committee.notice_suffix))
}

pub fn models(snap: &Snapshot<'_>) -> Vec<ModelRow> {
    let ws = snap.ws;
    snap.items(Kind::Model)
        .filter_map(|item| {
            let Item::Model(m, status) = item else { return None };
            let updates: Vec<NaiveDate> = m.updates.iter().filter_map(|u| by(Some(&u.date), snap.as_of)).collect();
            Some(ModelRow {
                id: m.id.clone(),
                title: m.title.clone(),
                units: ids(&m.units),
                unit_names: unit_names(ws, &m.units),
                lead: m.lead.value.clone(),
                lead_name: ws.config.org_name(&m.lead.value).to_owned(),
                started: m.started.value,
                ended: by(m.ended.as_ref(), snap.as_of),
                status,
                recognition: item.recognition_on(snap.as_of),
                recognized: by(m.recognized.as_ref(), snap.as_of).filter(|_| m.recognition.is_some()),
                tags: m.tags.clone(),
                indicators: m.indicators.clone(),
                updates: updates.len(),
                last_update: updates.into_iter().max(),
                summary: m.summary.clone(),
                source: m.source.clone(),
                file: file(ws, m.file),
                stamp: stamp(snap),
            })
        })
        .collect()
}

pub fn meetings(snap: &Snapshot<'_>) -> Vec<MeetingRow> {
    let ws = snap.ws;
    let states = task_states(snap);
    snap.items(Kind::Meeting)
        .filter_map(|item| {
            let Item::Meeting(m) = item else { return None };
            let tasks = states.get(m.id.as_str()).map_or(&[][..], Vec::as_slice);
            let count = |wanted: &[TaskState]| tasks.iter().filter(|s| wanted.contains(s)).count();
            Some(MeetingRow {
                id: m.id.clone(),
                title: m.title.clone(),
                kind: m.kind,
                date: m.date.value,
                period: m.period.map(|p| p.to_string()),
                units: ids(&m.units),
                unit_names: unit_names(ws, &m.units),
                chair: m.chair.clone(),
                participants: ids(&m.participants),
                participant_names: m
                    .participants
                    .iter()
                    .map(|o| ws.config.org_name(&o.value).to_owned())
                    .collect(),
                attendance: m.attendance,
                situation: m.situation.clone(),
                assessment: m.assessment.clone(),
                conclusions: tasks.len(),
                conclusions_done: count(&[TaskState::Done, TaskState::DoneLate]),
                conclusions_open: count(&[TaskState::Open, TaskState::DueSoon, TaskState::Overdue]),
                conclusions_overdue: count(&[TaskState::Overdue]),
                notice_number: notice_number(snap, m),
                notice_date: m.notice.as_ref().and_then(|n| by(Some(&n.date), snap.as_of)),
                notice_subject: issued(snap, m).map(|n| n.subject.clone()),
                notice_signer: issued(snap, m).map(|n| n.signer.clone()),
                notice_signer_title: issued(snap, m).map(|n| n.signer_title.clone()),
                notice_recipients: issued(snap, m).map(|n| n.recipients.clone()).unwrap_or_default(),
                file: file(ws, m.file),
                stamp: stamp(snap),
            })
        })
        .collect()
}

/// The task states of each meeting, by meeting id.
fn task_states<'s>(snap: &'s Snapshot<'_>) -> HashMap<&'s str, Vec<TaskState>> {
    let mut states: HashMap<&str, Vec<TaskState>> = HashMap::new();
    for item in snap.items(Kind::Conclusion) {
        if let Item::Task(m, _, _, s) = item {
            states.entry(m.id.as_str()).or_default().push(s.state);
        }
    }
    states
}

pub fn petitions<'a>(snap: &'a Snapshot<'_>) -> Vec<PetitionRow<'a>> {
    let ws = snap.ws;
    let by_id: HashMap<&str, &Petition> = ws.petitions.iter().map(|p| (p.id.as_str(), p)).collect();
    let every = RegisterOptions {
        query: Default::default(),
        states: Vec::new(),
        overdue: false,
        due_within: None,
    };
    let mut rows: Vec<PetitionRow<'a>> = register(snap, &every)
        .petitions
        .into_iter()
        .filter_map(|entry| {
            let p = by_id.get(entry.id)?;
            Some(PetitionRow {
                unit_names: unit_names(ws, &p.units),
                handler_name: p.handler.as_ref().map(|h| ws.config.org_name(&h.value).to_owned()),
                summary: p.summary.clone(),
                meeting: p.meeting.as_ref().map(|m| m.value.clone()),
                extensions: p.extensions.iter().filter_map(|e| by(Some(e), snap.as_of)).collect(),
                file: file(ws, p.file),
                stamp: stamp(snap),
                entry,
            })
        })
        .collect();
    // The register sorts by urgency; a table reads best in date order.
    rows.sort_by(|a, b| (a.entry.received, &a.entry.id).cmp(&(b.entry.received, &b.entry.id)));
    rows
}

pub fn conclusions(snap: &Snapshot<'_>) -> Vec<ConclusionRow> {
    let ws = snap.ws;
    snap.items(Kind::Conclusion)
        .filter_map(|item| {
            let Item::Task(m, i, c, status) = item else { return None };
            Some(ConclusionRow {
                id: item.id().into_owned(),
                meeting: m.id.clone(),
                meeting_date: m.date.value,
                meeting_type: m.kind,
                number: i + 1,
                text: c.text.clone(),
                assignee: c.assignee.value.clone(),
                assignee_name: ws.config.org_name(&c.assignee.value).to_owned(),
                units: ids(&m.units),
                due: c.due.as_ref().map(|d| d.value),
                done: status.done,
                state: status.state,
                days_left: status.days_left,
                notice_number: notice_number(snap, m),
                file: file(ws, m.file),
                stamp: stamp(snap),
            })
        })
        .collect()
}

/// One value of an export row as one flat field (a CSV field, a
/// spreadsheet cell): lists joined with `;`, maps as `key=value;…`.
pub fn flat_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        // 320.0 from an f64 indicator reads as 320 in a spreadsheet.
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            _ => n.to_string(),
        },
        Value::Array(items) => items.iter().map(flat_text).collect::<Vec<_>>().join(";"),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}={}", flat_text(v)))
            .collect::<Vec<_>>()
            .join(";"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_flatten_lists_and_maps() {
        assert_eq!(flat_text(&serde_json::json!(["tan-my", "lap-vo"])), "tan-my;lap-vo");
        assert_eq!(
            flat_text(&serde_json::json!({"households": 320.0, "members": 12.5})),
            "households=320;members=12.5"
        );
        assert_eq!(flat_text(&Value::Null), "");
        assert_eq!(flat_text(&serde_json::json!(false)), "false");
    }
}
