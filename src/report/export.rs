//! `danvan export`: flat rows for spreadsheets and databases (Excel,
//! LibreOffice, DuckDB, a national roll-up), one table per kind, with the
//! states and deadlines derived as of a date.
//!
//! The columns come from the record types: `id`, then every field a record
//! type exports (see `record!`: a date counts once it has passed, an
//! outcome once the petition is resolved), with the columns derived on the
//! date put after the field they belong to (a unit's name after `units`,
//! the deadlines after the dates they count from), then `file`, `as_of`,
//! `committee` and `parent` (the committee above: for a commune, its
//! province), so files from several dates, committees and provinces can be
//! stacked (the national roll-up of examples/rollup/). The targets are one
//! more table: each target where it stands on the date, as `danvan
//! progress` gives it. Column names are stable English keys. No personal
//! data: the petitioner is not a column.

use crate::domain::snapshot::{Item, Snapshot};
use crate::domain::{self, deadlines};
use crate::model::fields::{Export, FieldInfo};
use crate::model::figures;
use crate::model::*;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;

/// What export writes a table of: one kind of record, or the targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Records(Kind),
    Targets,
}

impl Part {
    /// Every table, in the order written.
    pub fn all() -> Vec<Part> {
        let mut all: Vec<Part> = Kind::ALL.iter().map(|&(_, k)| Part::Records(k)).collect();
        all.push(Part::Targets);
        all
    }

    /// Its name: the file stem (`petitions.csv`, `targets.jsonl`) and the sheet.
    pub fn name(self) -> &'static str {
        match self {
            Part::Records(kind) => kind.as_str(),
            Part::Targets => "targets",
        }
    }
}

/// The export of one kind: its columns, and one row of values per record.
#[derive(Debug, Clone)]
pub struct Table {
    /// What it holds ([`Part::name`]).
    pub name: &'static str,
    pub columns: Vec<&'static str>,
    /// Each row holds a value per column, in the columns' order.
    pub rows: Vec<Vec<Value>>,
}

/// How a kind's rows are laid out.
struct Shape {
    /// Columns before the record's fields (a task's meeting).
    head: &'static [&'static str],
    fields: &'static [FieldInfo],
    /// Columns derived on the date, each group after the field named, or
    /// after every field (`""`).
    added: &'static [(&'static str, &'static [&'static str])],
}

/// The last columns of every row.
const TAIL: [&str; 4] = ["file", "as_of", "committee", "parent"];

impl Shape {
    fn columns(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self.head.to_vec();
        let after = |out: &mut Vec<&'static str>, field: &str| {
            for (_, cols) in self.added.iter().filter(|(a, _)| *a == field) {
                out.extend_from_slice(cols);
            }
        };
        for f in self.fields.iter().filter(|f| f.export != Export::Skip) {
            out.push(f.key);
            after(&mut out, f.key);
        }
        after(&mut out, "");
        out.extend(TAIL);
        out
    }

    /// One row: the `head` values, the record's exported fields with the
    /// derived groups after their fields (from `added`, asked for by the
    /// field's key, `""` last), then the tail.
    fn row(
        &self,
        head: Vec<Value>,
        fields: Vec<(&'static str, Value)>,
        mut added: impl FnMut(&str) -> Vec<Value>,
        tail: [Value; 4],
    ) -> Vec<Value> {
        let mut out = head;
        for (key, value) in fields {
            out.push(value);
            if self.added.iter().any(|(a, _)| *a == key) {
                out.extend(added(key));
            }
        }
        out.extend(added(""));
        out.extend(tail);
        out
    }

    fn table(&self, kind: Kind, rows: Vec<Vec<Value>>) -> Table {
        let columns = self.columns();
        debug_assert!(
            rows.iter().all(|r| r.len() == columns.len()),
            "{kind}: a row does not fit its columns"
        );
        Table {
            name: kind.as_str(),
            columns,
            rows,
        }
    }
}

const MODEL: Shape = Shape {
    head: &["id"],
    fields: Model::FIELDS,
    added: &[
        ("units", &["unit_names"]),
        ("lead", &["lead_name"]),
        // Progress notes dated on or before the as-of date.
        ("", &["updates", "last_update"]),
    ],
};

const MEETING: Shape = Shape {
    head: &["id"],
    fields: Meeting::FIELDS,
    added: &[
        ("units", &["unit_names"]),
        ("participants", &["participant_names"]),
        // Its tasks as they stand on the date, and its notice once issued.
        (
            "",
            &[
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
            ],
        ),
    ],
};

const PETITION: Shape = Shape {
    head: &["id"],
    fields: Petition::FIELDS,
    added: &[
        ("units", &["unit_names"]),
        ("handler", &["handler_name"]),
        ("accepted", &["acceptance_deadline", "acceptance_provisional"]),
        // The days each extension decided by the date adds (0 for one that
        // does not count), then the deadline it makes.
        (
            "extensions",
            &["extension_days", "resolution_deadline", "resolution_provisional"],
        ),
        ("resolved", &["state", "days_left"]),
    ],
};

const CONCLUSION: Shape = Shape {
    head: &["id", "meeting", "meeting_date", "meeting_type", "number"],
    fields: Conclusion::FIELDS,
    added: &[
        ("assignee", &["assignee_name"]),
        ("", &["units", "state", "days_left", "notice_number"]),
    ],
};

/// The export of `part` as of the snapshot's date.
pub fn table_of(snap: &Snapshot<'_>, part: Part) -> Table {
    match part {
        Part::Records(kind) => table(snap, kind),
        Part::Targets => targets(snap),
    }
}

/// The export of `kind` as of the snapshot's date.
pub fn table(snap: &Snapshot<'_>, kind: Kind) -> Table {
    match kind {
        Kind::Model => models(snap),
        Kind::Meeting => meetings(snap),
        Kind::Petition => petitions(snap),
        Kind::Conclusion => conclusions(snap),
    }
}

fn json(value: impl serde::Serialize) -> Value {
    crate::model::fields::export_value(&value)
}

fn ids(refs: &[Ref]) -> Value {
    json(refs.iter().map(|r| r.value.as_str()).collect::<Vec<_>>())
}

fn unit_names(ws: &Workspace, refs: &[Ref]) -> Value {
    json(
        refs.iter()
            .map(|r| crate::i18n::unit_name(&ws.config, &r.value))
            .collect::<Vec<_>>(),
    )
}

fn org_names(ws: &Workspace, refs: &[Ref]) -> Value {
    json(refs.iter().map(|r| ws.config.org_name(&r.value)).collect::<Vec<_>>())
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

fn tail(snap: &Snapshot<'_>, id: FileId) -> [Value; 4] {
    [
        json(file(snap.ws, id)),
        json(snap.as_of),
        json(&snap.ws.config.committee.name),
        json(&snap.ws.config.committee.parent),
    ]
}

/// The columns of the targets' table before the tail.
const TARGET_COLUMNS: [&str; 15] = [
    "id",
    "title",
    "measure",
    "direction",
    "goal",
    "unit",
    "percent",
    "deadline",
    "baseline",
    "baseline_date",
    "actual",
    "at_deadline",
    "expected",
    "percent_of_goal",
    "status",
];

/// Each target as `danvan progress` has it on the date: one row per target.
fn targets(snap: &Snapshot<'_>) -> Table {
    let ws = snap.ws;
    let all: Vec<&Target> = ws.targets.iter().collect();
    let progress = super::progress::progress(snap, &all, None);
    let rows = progress
        .targets
        .iter()
        .zip(&ws.targets)
        .map(|(p, t)| {
            let mut row = vec![
                json(&p.id),
                json(&p.title),
                json(p.measure),
                json(p.direction),
                figures::value(Some(p.goal)),
                json(&t.unit),
                json(p.percent),
                json(p.deadline),
                json(p.baseline.as_ref().map(|b| b.value)),
                json(p.baseline.as_ref().map(|b| b.date)),
                figures::value(p.actual),
                figures::value(p.at_deadline),
                figures::value(p.expected),
                figures::value(p.percent_of_goal),
                json(p.status),
            ];
            row.extend(tail(snap, t.file));
            row
        })
        .collect();
    let mut columns: Vec<&'static str> = TARGET_COLUMNS.to_vec();
    columns.extend(TAIL);
    Table {
        name: Part::Targets.name(),
        columns,
        rows,
    }
}

/// A record's exported fields as of the date.
fn fields(export: impl FnOnce(&mut Vec<(&'static str, Value)>)) -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    export(&mut out);
    out
}

/// Replaces the value of a field column by what the date derives.
fn set(fields: &mut [(&'static str, Value)], key: &str, value: Value) {
    if let Some(slot) = fields.iter_mut().find(|(k, _)| *k == key) {
        slot.1 = value;
    }
}

/// The notice, when issued on or before the as-of date.
fn issued<'m>(snap: &Snapshot<'_>, m: &'m Meeting) -> Option<&'m Notice> {
    m.notice.as_ref().filter(|n| n.date.value <= snap.as_of)
}

/// "245-TB/HU", when the notice is issued on or before the as-of date.
fn notice_number(snap: &Snapshot<'_>, m: &Meeting) -> Value {
    json(issued(snap, m).map(|n| n.full_number(&snap.ws.config.committee.notice_suffix)))
}

fn models(snap: &Snapshot<'_>) -> Table {
    let ws = snap.ws;
    let rows = snap
        .items(Kind::Model)
        .filter_map(|item| {
            let Item::Model(m, status) = item else { return None };
            let mut values = fields(|out| m.export_fields(snap.as_of, out));
            // A model recorded as stopped was running until it ended.
            set(&mut values, "status", json(status));
            let updates: Vec<NaiveDate> = m
                .updates
                .iter()
                .map(|u| u.date.value)
                .filter(|&d| d <= snap.as_of)
                .collect();
            Some(MODEL.row(
                vec![json(&m.id)],
                values,
                |after| match after {
                    "units" => vec![unit_names(ws, &m.units)],
                    "lead" => vec![json(ws.config.org_name(&m.lead.value))],
                    _ => vec![json(updates.len()), json(updates.iter().max())],
                },
                tail(snap, m.file),
            ))
        })
        .collect();
    MODEL.table(Kind::Model, rows)
}

fn meetings(snap: &Snapshot<'_>) -> Table {
    let ws = snap.ws;
    let states = task_states(snap);
    let rows = snap
        .items(Kind::Meeting)
        .filter_map(|item| {
            let Item::Meeting(m) = item else { return None };
            let tasks = states.get(m.id.as_str()).map_or(&[][..], Vec::as_slice);
            let count = |wanted: fn(TaskState) -> bool| json(tasks.iter().filter(|&&s| wanted(s)).count());
            let notice = issued(snap, m);
            Some(MEETING.row(
                vec![json(&m.id)],
                fields(|out| m.export_fields(snap.as_of, out)),
                |after| match after {
                    "units" => vec![unit_names(ws, &m.units)],
                    "participants" => vec![org_names(ws, &m.participants)],
                    _ => vec![
                        json(tasks.len()),
                        count(TaskState::is_finished),
                        count(|s| !s.is_finished()),
                        count(|s| s == TaskState::Overdue),
                        notice_number(snap, m),
                        json(notice.map(|n| n.date.value)),
                        json(notice.map(|n| &n.subject)),
                        json(notice.map(|n| &n.signer)),
                        json(notice.map(|n| &n.signer_title)),
                        json(notice.map_or(&[][..], |n| n.recipients.as_slice())),
                    ],
                },
                tail(snap, m.file),
            ))
        })
        .collect();
    MEETING.table(Kind::Meeting, rows)
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

fn petitions(snap: &Snapshot<'_>) -> Table {
    let ws = snap.ws;
    // In date order, as the records are: a table reads best so.
    let rows = snap
        .items(Kind::Petition)
        .filter_map(|item| {
            let Item::Petition(p, s) = item else { return None };
            let mut values = fields(|out| p.export_fields(snap.as_of, out));
            // A complaint without a round is a first complaint; the others have none.
            set(&mut values, "round", json(p.round()));
            let counted = deadlines::counted_extensions(&domain::facts(p), ws.rules_for(p), snap.as_of);
            let extension_days: Vec<u32> = (p.extensions.iter().enumerate())
                .filter(|(_, e)| e.date.value <= snap.as_of)
                .map(|(i, _)| counted.iter().find(|c| c.index == i).map_or(0, |c| c.days))
                .collect();
            Some(PETITION.row(
                vec![json(&p.id)],
                values,
                |after| match after {
                    "units" => vec![unit_names(ws, &p.units)],
                    "handler" => vec![json(p.handler.as_ref().map(|h| ws.config.org_name(&h.value)))],
                    "accepted" => vec![json(s.deadlines.acceptance), json(s.deadlines.acceptance_provisional)],
                    "extensions" => vec![
                        json(&extension_days),
                        json(s.deadlines.resolution),
                        json(s.deadlines.resolution_provisional),
                    ],
                    "resolved" => vec![json(s.state), json(s.days_left)],
                    _ => Vec::new(),
                },
                tail(snap, p.file),
            ))
        })
        .collect();
    PETITION.table(Kind::Petition, rows)
}

fn conclusions(snap: &Snapshot<'_>) -> Table {
    let ws = snap.ws;
    let rows = snap
        .items(Kind::Conclusion)
        .filter_map(|item| {
            let Item::Task(m, i, c, status) = item else { return None };
            Some(CONCLUSION.row(
                vec![
                    json(item.id()),
                    json(&m.id),
                    json(m.date.value),
                    json(m.kind),
                    json(i + 1),
                ],
                fields(|out| c.export_fields(snap.as_of, out)),
                |after| match after {
                    "assignee" => vec![json(ws.config.org_name(&c.assignee.value))],
                    _ => vec![
                        ids(&m.units),
                        json(status.state),
                        json(status.days_left),
                        notice_number(snap, m),
                    ],
                },
                tail(snap, m.file),
            ))
        })
        .collect();
    CONCLUSION.table(Kind::Conclusion, rows)
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
    fn columns_come_from_the_record_types() {
        assert_eq!(
            PETITION.columns(),
            [
                "id",
                "type",
                "round",
                "received",
                "channel",
                "units",
                "unit_names",
                "field",
                "summary",
                "complex",
                "especially_complex",
                "remote",
                "handler",
                "handler_name",
                "meeting",
                "accepted",
                "acceptance_deadline",
                "acceptance_provisional",
                "extensions",
                "extension_days",
                "resolution_deadline",
                "resolution_provisional",
                "resolved",
                "state",
                "days_left",
                "outcome",
                "file",
                "as_of",
                "committee",
                "parent",
            ]
        );
        // No personal data, no import key, no nested table is a column.
        for shape in [&MODEL, &MEETING, &PETITION, &CONCLUSION] {
            let columns = shape.columns();
            for hidden in ["petitioner", "import_key", "update", "conclusion", "notice"] {
                assert!(!columns.contains(&hidden), "{hidden}");
            }
            let mut unique = columns.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), columns.len(), "{columns:?}");
        }
        assert_eq!(
            CONCLUSION.columns()[..6],
            ["id", "meeting", "meeting_date", "meeting_type", "number", "text"]
        );
    }

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
