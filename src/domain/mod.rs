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
        round: p.round(),
        complex: p.complex,
        remote: p.remote,
        received: p.received.value,
        accepted: p.accepted.as_ref().map(|d| d.value),
        extensions: p.extensions.iter().map(|d| d.value).collect(),
        resolved: p.resolved.as_ref().map(|d| d.value),
    }
}

/// Years in which a working-day deadline of this petition falls, for the
/// calendar-coverage warning: those deadlines are only right when the
/// calendar lists that year's holidays.
pub fn working_day_deadline_years(p: &Petition, rules: &Rules, calendar: &Calendar) -> Vec<i32> {
    let facts = facts(p);
    let d = deadlines::deadlines(&facts, rules, calendar, NaiveDate::MAX);
    let mut years = Vec::new();
    if rules.acceptance_limit(p.kind).count == DayCount::Working {
        years.push(d.acceptance.year());
    }
    if let (Some(limit), Some(due)) = (rules.resolution_limit(&facts), d.resolution)
        && limit.count == DayCount::Working
    {
        years.push(due.year());
    }
    years
}
