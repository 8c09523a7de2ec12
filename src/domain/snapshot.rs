//! The workspace as it stood on one date: which records exist, and the
//! state of every petition and conclusion task. Computed once per date,
//! read by every report.

use super::deadlines::{self, PetitionStatus, TaskStatus};
use crate::model::*;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::borrow::Cow;

/// Days ahead that count as "due soon" unless a command says otherwise.
pub const DUE_SOON_DAYS: u32 = 7;

pub struct Snapshot<'w> {
    pub ws: &'w Workspace,
    pub as_of: NaiveDate,
    pub due_within: u32,
    /// Parallel to `ws.petitions`, as far as the last petition received on
    /// or before the date: those received later do not exist yet (the
    /// workspace keeps petitions sorted by receipt).
    pub petitions: Vec<PetitionStatus>,
    /// Parallel to `ws.meetings[i].conclusions`, as far as the last meeting
    /// held on or before the date (see [`Snapshot::task_statuses`]).
    pub tasks: Vec<Vec<TaskStatus>>,
}

impl<'w> Snapshot<'w> {
    pub fn new(ws: &'w Workspace, as_of: NaiveDate, due_within: u32) -> Snapshot<'w> {
        let calendar = ws.config.calendar();
        // Deadlines are counted in working days, petition by petition: on
        // every core, each under the limits in force on the day it was
        // received. Only for the petitions that exist on the date: a series
        // of past year-ends counts about half of them.
        let existing = ws.petitions.partition_point(|p| p.received.value <= as_of);
        let petitions = ws.petitions[..existing]
            .par_iter()
            .map(|p| deadlines::petition_status(&super::facts(p), ws.rules_for(p), &calendar, as_of, due_within))
            .collect();
        let held = ws.meetings.partition_point(|m| m.date.value <= as_of);
        let tasks = ws.meetings[..held]
            .iter()
            .map(|m| task_statuses(m, as_of, due_within))
            .collect();
        Snapshot {
            ws,
            as_of,
            due_within,
            petitions,
            tasks,
        }
    }

    /// Every record of `kind` that exists on the as-of date, oldest first.
    pub fn items(&self, kind: Kind) -> Box<dyn Iterator<Item = Item<'_>> + '_> {
        let as_of = self.as_of;
        match kind {
            Kind::Model => Box::new(
                self.ws
                    .models
                    .iter()
                    .filter(move |m| m.started.value <= as_of)
                    .map(move |m| Item::Model(m, m.status_on(as_of))),
            ),
            Kind::Meeting => Box::new(
                self.ws
                    .meetings
                    .iter()
                    .filter(move |m| m.date.value <= as_of)
                    .map(Item::Meeting),
            ),
            // The snapshot holds statuses for those that exist on the date
            // only (the first of the workspace's, sorted by date).
            Kind::Petition => Box::new(
                self.ws
                    .petitions
                    .iter()
                    .zip(&self.petitions)
                    .map(|(p, s)| Item::Petition(p, s)),
            ),
            Kind::Conclusion => Box::new(self.ws.meetings.iter().zip(&self.tasks).flat_map(|(m, states)| {
                m.conclusions
                    .iter()
                    .zip(states)
                    .enumerate()
                    .map(move |(i, (c, s))| Item::Task(m, i, c, *s))
            })),
        }
    }

    /// The states of the tasks of the workspace's `i`-th meeting on the
    /// date; for a meeting held later (which the snapshot holds none for),
    /// counted here (`show --as-of` before the meeting).
    pub fn task_statuses(&self, i: usize) -> Cow<'_, [TaskStatus]> {
        match self.tasks.get(i) {
            Some(states) => Cow::Borrowed(states),
            None => Cow::Owned(task_statuses(&self.ws.meetings[i], self.as_of, self.due_within)),
        }
    }

    /// The status of one of the workspace's petitions on the date; for one
    /// received later (which the snapshot holds no status for), the
    /// deadlines it will have, counted here (`show --as-of` before receipt).
    pub fn petition_status(&self, p: &Petition) -> Option<Cow<'_, PetitionStatus>> {
        let i = self.ws.petitions.iter().position(|x| std::ptr::eq(x, p))?;
        Some(match self.petitions.get(i) {
            Some(status) => Cow::Borrowed(status),
            None => Cow::Owned(deadlines::petition_status(
                &super::facts(p),
                self.ws.rules_for(p),
                &self.ws.config.calendar(),
                self.as_of,
                self.due_within,
            )),
        })
    }
}

/// The states of a meeting's tasks on `as_of`.
fn task_statuses(m: &Meeting, as_of: NaiveDate, due_within: u32) -> Vec<TaskStatus> {
    m.conclusions
        .iter()
        .map(|c| {
            deadlines::task_status(
                c.due.as_ref().map(|d| d.value),
                c.done.as_ref().map(|d| d.value),
                as_of,
                due_within,
            )
        })
        .collect()
}

/// One record seen through the snapshot, with its derived state.
#[derive(Clone, Copy)]
pub enum Item<'a> {
    /// A model and its status on the date.
    Model(&'a Model, ModelStatus),
    Meeting(&'a Meeting),
    Petition(&'a Petition, &'a PetitionStatus),
    /// A conclusion task: its meeting, its index (from 0) and its status.
    Task(&'a Meeting, usize, &'a Conclusion, TaskStatus),
}

impl<'a> Item<'a> {
    pub fn kind(&self) -> Kind {
        match self {
            Item::Model(..) => Kind::Model,
            Item::Meeting(_) => Kind::Meeting,
            Item::Petition(..) => Kind::Petition,
            Item::Task(..) => Kind::Conclusion,
        }
    }

    /// The record id; a task is `MEETING#N`, numbered from 1.
    pub fn id(&self) -> Cow<'a, str> {
        match self {
            Item::Model(m, _) => Cow::Borrowed(&m.id),
            Item::Meeting(m) => Cow::Borrowed(&m.id),
            Item::Petition(p, _) => Cow::Borrowed(&p.id),
            Item::Task(m, i, ..) => Cow::Owned(m.task_id(*i)),
        }
    }

    /// The date the record counts from.
    pub fn date(&self) -> NaiveDate {
        match self {
            Item::Model(m, _) => m.started.value,
            Item::Meeting(m) | Item::Task(m, ..) => m.date.value,
            Item::Petition(p, _) => p.received.value,
        }
    }

    pub fn units(&self) -> &'a [Ref] {
        match self {
            Item::Model(m, _) => &m.units,
            Item::Meeting(m) | Item::Task(m, ..) => &m.units,
            Item::Petition(p, _) => &p.units,
        }
    }

    /// The organisations a record belongs to: a model's lead, a meeting's
    /// participants, a petition's handler, a task's assignee.
    pub fn orgs(&self) -> Vec<&'a str> {
        match self {
            Item::Model(m, _) => vec![m.lead.value.as_str()],
            Item::Meeting(m) => m.participants.iter().map(|o| o.value.as_str()).collect(),
            Item::Petition(p, _) => p.handler.iter().map(|o| o.value.as_str()).collect(),
            Item::Task(_, _, c, _) => vec![c.assignee.value.as_str()],
        }
    }

    pub fn type_str(&self) -> Option<&'static str> {
        match self {
            Item::Meeting(m) => Some(m.kind.as_str()),
            Item::Petition(p, _) => Some(p.kind.as_str()),
            _ => None,
        }
    }

    /// A model's status, a petition's or a task's state on the date.
    pub fn status_str(&self) -> Option<&'static str> {
        match self {
            Item::Model(_, status) => Some(status.as_str()),
            Item::Petition(_, s) => Some(s.state.as_str()),
            Item::Task(.., s) => Some(s.state.as_str()),
            Item::Meeting(_) => None,
        }
    }

    pub fn field(&self) -> Option<&'a str> {
        match self {
            Item::Petition(p, _) => p.field.as_deref(),
            _ => None,
        }
    }

    pub fn tags(&self) -> &'a [String] {
        match self {
            Item::Model(m, _) => &m.tags,
            _ => &[],
        }
    }

    /// A one-line description: title, or a petition's summary.
    pub fn title(&self) -> &'a str {
        match self {
            Item::Model(m, _) => &m.title,
            Item::Meeting(m) => &m.title,
            Item::Petition(p, _) => p.summary.as_deref().unwrap_or(""),
            Item::Task(_, _, c, _) => &c.text,
        }
    }

    /// A model's recognition level as it stood on `as_of`.
    pub fn recognition_on(&self, as_of: NaiveDate) -> Option<Recognition> {
        match self {
            Item::Model(m, _) => match (&m.recognition, &m.recognized) {
                (Some(r), Some(d)) if d.value <= as_of => Some(r.value),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the record matches one `where` clause of a target, as of
    /// `as_of`: on the record's fields (a field known only once a date has
    /// passed, like a petition's outcome, matches from that date), or on
    /// what the date derives: a model's status then, a petition's or a
    /// task's state, a complaint's round (1 when not written; a
    /// denunciation or recommendation has none), a task's units (its
    /// meeting's).
    pub fn matches(&self, clause: &Clause, as_of: NaiveDate) -> bool {
        let wanted = clause.values.as_slice();
        let text = |t: &str| wanted.iter().any(|v| matches!(v, FilterValue::Text(w) if w == t));
        let key = clause.key.as_str();
        match (key, self) {
            ("status", Item::Model(_, status)) => text(status.as_str()),
            ("state", _) => self.status_str().is_some_and(text),
            ("round", Item::Petition(p, _)) => p
                .round()
                .is_some_and(|r| wanted.contains(&FilterValue::Int(i64::from(r)))),
            ("units", Item::Task(m, ..)) => m.units.iter().any(|u| text(&u.value)),
            (_, Item::Model(m, _)) => m.field_known(key, as_of) && m.field_matches(key, wanted) == Some(true),
            (_, Item::Meeting(m)) => m.field_known(key, as_of) && m.field_matches(key, wanted) == Some(true),
            (_, Item::Petition(p, _)) => p.field_known(key, as_of) && p.field_matches(key, wanted) == Some(true),
            (_, Item::Task(_, _, c, _)) => c.field_known(key, as_of) && c.field_matches(key, wanted) == Some(true),
        }
    }

    pub fn matches_all(&self, filter: &Filter, as_of: NaiveDate) -> bool {
        filter.clauses.iter().all(|c| self.matches(c, as_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A complaint received on `received`, in a file named after it.
    fn complaint(received: &str) -> (String, String) {
        (
            format!("petitions/{received}.toml"),
            format!(
                "type = \"complaint\"\nround = 1\nreceived = {received}\nunits = [\"tan-my\"]\nhandler = \"ubnd\"\n"
            ),
        )
    }

    #[test]
    fn a_snapshot_counts_only_the_petitions_received_by_its_date() {
        // Written out of date order: the workspace sorts them by receipt.
        let files: Vec<(String, String)> = ["2024-05-02", "2023-03-01", "2024-01-10"].map(complaint).into();
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let dir = crate::load::tests::workspace(&files);
        let loaded = crate::check::load(dir.path());
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        let ws = loaded.workspace.unwrap();

        let snap = Snapshot::new(&ws, d("2024-01-10"), DUE_SOON_DAYS);
        assert_eq!(snap.petitions.len(), 2, "received on the date counts, later does not");
        let ids: Vec<String> = snap.items(Kind::Petition).map(|i| i.id().into_owned()).collect();
        assert_eq!(ids, ["2023-03-01", "2024-01-10"]);

        // A petition received later has no status in the snapshot, but its
        // deadlines are still counted when asked for (`show --as-of`).
        let later = ws.petitions.iter().find(|p| p.id == "2024-05-02").unwrap();
        let status = snap.petition_status(later).unwrap();
        let on_receipt = Snapshot::new(&ws, d("2024-05-02"), DUE_SOON_DAYS);
        assert_eq!(status.deadlines, on_receipt.petition_status(later).unwrap().deadlines);
        assert!(matches!(status, Cow::Owned(_)));
        assert!(matches!(on_receipt.petition_status(later).unwrap(), Cow::Borrowed(_)));

        assert!(Snapshot::new(&ws, d("2023-02-28"), DUE_SOON_DAYS).petitions.is_empty());
    }

    #[test]
    fn a_snapshot_holds_the_tasks_of_the_meetings_held_by_its_date() {
        let meeting = |date: &str| {
            (
                format!("meetings/{date}.toml"),
                format!(
                    "title = \"Hội nghị\"\ntype = \"conference\"\ndate = {date}\n\
                     [[conclusion]]\ntext = \"Báo cáo\"\nassignee = \"ubnd\"\ndue = 2024-12-31\n"
                ),
            )
        };
        let files = [meeting("2024-06-01"), meeting("2023-06-01")];
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let dir = crate::load::tests::workspace(&files);
        let loaded = crate::check::load(dir.path());
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        let ws = loaded.workspace.unwrap();
        assert_eq!(ws.meeting("2024-06-01").map(|m| m.date.value), Some(d("2024-06-01")));
        assert!(ws.meeting("2024-06-02").is_none());

        let snap = Snapshot::new(&ws, d("2023-12-31"), DUE_SOON_DAYS);
        assert_eq!(snap.tasks.len(), 1, "the meeting of 2024 is not held yet");
        assert_eq!(snap.items(Kind::Conclusion).count(), 1);
        // Its task's state is still counted when asked for (`show --as-of`).
        let later = ws.meetings.iter().position(|m| m.id == "2024-06-01").unwrap();
        let states = snap.task_statuses(later);
        assert!(matches!(states, Cow::Owned(_)));
        assert_eq!(states.len(), 1);
        assert_eq!(states[0].days_left, Some(366));
    }
}
