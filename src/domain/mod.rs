//! The rules of the domain: calendars, deadlines, states, periods, targets.
//! Pure functions of the records and an as-of date: no I/O, no printing.

pub mod calendar;
pub mod deadlines;
pub mod holidays;
pub mod ids;
pub mod lunar;
pub mod query;
pub mod snapshot;
pub mod targets;

use crate::model::*;
use calendar::Calendar;
use chrono::{Datelike, NaiveDate};
use deadlines::PetitionFacts;

/// What a petition's deadlines depend on, from its record.
pub fn facts(p: &Petition) -> PetitionFacts {
    PetitionFacts {
        kind: p.kind,
        round: p.round().unwrap_or(1),
        complex: p.complex,
        especially_complex: p.especially_complex,
        remote: p.remote,
        received: p.received.value,
        accepted: p.accepted.as_ref().map(|d| d.value),
        extensions: p
            .extensions
            .iter()
            .map(|e| deadlines::ExtensionFact {
                date: e.date.value,
                days: e.days.as_ref().map(|d| d.value),
            })
            .collect(),
        resolved: p.resolved.as_ref().map(|d| d.value),
    }
}

/// The years whose days off a petition's provisional deadlines rest on,
/// for the calendar-coverage warning (W001): for each provisional deadline
/// (see [`deadlines::Deadlines`]), its own year when the workspace does not
/// list it, else the first year from the day after the count's start to
/// the deadline that it does not list. Every record's dates are taken as
/// past (the deadlines of the record as written).
pub fn provisional_years(p: &Petition, rules: &Rules, calendar: &Calendar) -> Vec<i32> {
    let facts = facts(p);
    let d = deadlines::deadlines(&facts, rules, calendar, NaiveDate::MAX);
    let mut years = Vec::new();
    let mut year_of = |start: NaiveDate, due: NaiveDate| {
        let first = start.succ_opt().unwrap_or(start).year();
        let year = if calendar.covers_year(due.year()) {
            (first..=due.year()).find(|&y| !calendar.covers_year(y))
        } else {
            Some(due.year())
        };
        years.extend(year);
    };
    if d.acceptance_provisional {
        year_of(facts.received, d.acceptance);
    }
    if let (true, Some(due), Some(accepted)) = (d.resolution_provisional, d.resolution, facts.accepted) {
        year_of(accepted, due);
    }
    years
}
