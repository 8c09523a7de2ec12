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
    /// Parallel to `ws.petitions`.
    pub petitions: Vec<PetitionStatus>,
    /// Parallel to `ws.meetings[i].conclusions`.
    pub tasks: Vec<Vec<TaskStatus>>,
}

impl<'w> Snapshot<'w> {
    pub fn new(ws: &'w Workspace, as_of: NaiveDate, due_within: u32) -> Snapshot<'w> {
        let calendar = ws.config.calendar();
        // Deadlines are counted in working days, petition by petition: on
        // every core, each under the limits in force on the day it was received.
        let petitions = ws
            .petitions
            .par_iter()
            .map(|p| deadlines::petition_status(&super::facts(p), ws.rules_for(p), &calendar, as_of, due_within))
            .collect();
        let tasks = ws
            .meetings
            .iter()
            .map(|m| {
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
            })
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
            Kind::Petition => Box::new(
                self.ws
                    .petitions
                    .iter()
                    .zip(&self.petitions)
                    .filter(move |(p, _)| p.received.value <= as_of)
                    .map(|(p, s)| Item::Petition(p, s)),
            ),
            Kind::Conclusion => Box::new(
                self.ws
                    .meetings
                    .iter()
                    .zip(&self.tasks)
                    .filter(move |(m, _)| m.date.value <= as_of)
                    .flat_map(|(m, states)| {
                        m.conclusions
                            .iter()
                            .zip(states)
                            .enumerate()
                            .map(move |(i, (c, s))| Item::Task(m, i, c, *s))
                    }),
            ),
        }
    }

    pub fn petition_status(&self, p: &Petition) -> Option<&PetitionStatus> {
        let i = self.ws.petitions.iter().position(|x| std::ptr::eq(x, p))?;
        self.petitions.get(i)
    }
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
            Item::Task(m, i, ..) => Cow::Owned(format!("{}#{}", m.id, i + 1)),
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
