//! Targets as of a date: the actual value of each measure, the value
//! expected by now on the way to the goal, and the target's status.
//!
//! Everything is computed from a [`Snapshot`], so a record counts from its
//! own date and a petition's or a task's `state` is its state on that date
//! (SPEC section 2, targets.toml). A series needs one snapshot per date;
//! [`Timeline`] builds each one once and shares it between targets.

use super::snapshot::{Item, Snapshot};
use crate::model::Period;
use crate::model::*;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// Which records (units, observations) make up a target's figure on the
/// snapshot's date: what `danvan show TARGET` lists so a user can count the
/// figure by hand.
pub enum Detail<'a> {
    /// Every record counted.
    Count { records: Vec<Item<'a>> },
    /// The denominator's records, each with whether it also matches
    /// `success` (the numerator).
    Share { records: Vec<(Item<'a>, bool)> },
    /// Every unit that exists on the date with the matching records held
    /// in it; `elsewhere` are matching records that count for no such unit
    /// (committee-wide, or held in a unit that has ceased).
    Coverage {
        min: u32,
        units: Vec<UnitCount<'a>>,
        elsewhere: Vec<Item<'a>>,
    },
    /// Each matching model with its indicator (absent counts as 0).
    Sum {
        indicator: &'a str,
        records: Vec<(Item<'a>, Option<f64>)>,
    },
    /// The observations made on or before the date, oldest first; the
    /// last one is the figure.
    Manual { observations: Vec<&'a Observation> },
}

/// The sum of indicator values, exact where they are whole numbers: those
/// are added as integers (the loader keeps every value within 2^53, so
/// an `i128` never overflows), the others as floats. Starts from +0.0:
/// a float `sum()` of nothing is -0.0, which prints as "-0".
pub fn exact_sum(values: impl Iterator<Item = f64>) -> f64 {
    let (mut whole, mut rest) = (0i128, 0.0f64);
    for v in values {
        if v.fract() == 0.0 && v.abs() <= 9_007_199_254_740_992.0 {
            whole += v as i128;
        } else {
            rest += v;
        }
    }
    whole as f64 + rest
}

/// One unit of a coverage measure.
pub struct UnitCount<'a> {
    pub unit: &'a Unit,
    pub records: Vec<Item<'a>>,
    /// At least `min` records.
    pub covered: bool,
}

/// A target's figure on a date and how it is made.
pub struct Evaluation<'a> {
    /// `None` when there is no figure: a share with an empty denominator, a
    /// coverage with no unit, a manual target before its first observation.
    pub value: Option<f64>,
    /// The period records must fall in, for a measure with `within`.
    pub period: Option<Period>,
    pub detail: Detail<'a>,
}

/// The target's figure on the snapshot's date, with the records behind it.
pub fn evaluate<'a>(snap: &'a Snapshot<'_>, target: &'a Target) -> Evaluation<'a> {
    let as_of = snap.as_of;
    let matching =
        |kind: Kind, filter: &'a Filter| snap.items(kind).filter(move |item| item.matches_all(filter, as_of));
    match &target.measure {
        Measure::Count { kind, filter, within } => {
            let period = within.map(|g| Period::containing(as_of, g));
            let records: Vec<Item<'a>> = matching(*kind, filter)
                .filter(|item| in_period(item, filter, period))
                .collect();
            Evaluation {
                value: Some(records.len() as f64),
                period,
                detail: Detail::Count { records },
            }
        }
        Measure::Share { kind, filter, success } => {
            let records: Vec<(Item<'a>, bool)> = matching(*kind, filter)
                .map(|item| (item, item.matches_all(success, as_of)))
                .collect();
            let numerator = records.iter().filter(|(_, ok)| *ok).count();
            let value = percent(numerator, records.len());
            Evaluation {
                value,
                period: None,
                detail: Detail::Share { records },
            }
        }
        Measure::Coverage {
            kind,
            filter,
            min,
            within,
        } => {
            let period = within.map(|g| Period::containing(as_of, g));
            let records: Vec<Item<'a>> = matching(*kind, filter)
                .filter(|item| in_period(item, filter, period))
                .collect();
            let held_in = |item: &Item<'_>, unit: &Unit| item.units().iter().any(|u| u.value == unit.id.value);
            let units: Vec<UnitCount<'a>> = snap
                .ws
                .config
                .units
                .iter()
                .filter(|u| u.exists_on(as_of))
                .map(|unit| {
                    let records: Vec<Item<'a>> = records.iter().filter(|i| held_in(i, unit)).copied().collect();
                    let covered = records.len() >= *min as usize;
                    UnitCount { unit, records, covered }
                })
                .collect();
            let elsewhere = records
                .iter()
                .filter(|i| !units.iter().any(|u| held_in(i, u.unit)))
                .copied()
                .collect();
            let value = percent(units.iter().filter(|u| u.covered).count(), units.len());
            Evaluation {
                value,
                period,
                detail: Detail::Coverage {
                    min: *min,
                    units,
                    elsewhere,
                },
            }
        }
        Measure::Sum {
            kind,
            indicator,
            filter,
        } => {
            let records: Vec<(Item<'a>, Option<f64>)> = matching(*kind, filter)
                .map(|item| {
                    let value = match item {
                        Item::Model(m, _) => m.indicators.get(indicator).copied(),
                        _ => None,
                    };
                    (item, value)
                })
                .collect();
            let total = exact_sum(records.iter().filter_map(|(_, v)| *v));
            Evaluation {
                value: Some(total),
                period: None,
                detail: Detail::Sum { indicator, records },
            }
        }
        Measure::Manual => {
            // The loader keeps observations sorted by date.
            let observations: Vec<&'a Observation> = target.observations.iter().filter(|o| o.date <= as_of).collect();
            let value = observations.last().map(|o| o.value);
            Evaluation {
                value,
                period: None,
                detail: Detail::Manual { observations },
            }
        }
    }
}

/// The target's actual value on the snapshot's date.
pub fn actual(snap: &Snapshot<'_>, target: &Target) -> Option<f64> {
    evaluate(snap, target).value
}

/// `part` of `whole` in percent; `None` for an empty whole.
fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The date a record counts from, which `within` puts in a period: a
/// model filtered on its recognition counts from the day it was recognised
/// (a model started in 2021 and recognised in 2023 is one of 2023's
/// recognitions); any other record from its own date (a model's start, a
/// meeting's or a task's meeting date, a petition's receipt).
pub fn counting_date(item: &Item<'_>, filter: &Filter) -> NaiveDate {
    match item {
        Item::Model(m, _) if filter.clauses.iter().any(|c| c.key == "recognition") => {
            m.recognized.as_ref().map_or(item.date(), |d| d.value)
        }
        _ => item.date(),
    }
}

fn in_period(item: &Item<'_>, filter: &Filter, period: Option<Period>) -> bool {
    period.is_none_or(|p| p.contains(counting_date(item, filter)))
}

/// Snapshots of one workspace at several dates, each built once: a series
/// of five years for ten targets builds five snapshots, not fifty. The
/// snapshot it starts from is used for its own date.
pub struct Timeline<'s, 'w> {
    base: &'s Snapshot<'w>,
    snapshots: BTreeMap<NaiveDate, Snapshot<'w>>,
}

impl<'s, 'w> Timeline<'s, 'w> {
    pub fn new(base: &'s Snapshot<'w>) -> Timeline<'s, 'w> {
        Timeline {
            base,
            snapshots: BTreeMap::new(),
        }
    }

    /// The workspace as it stood on `date`.
    pub fn at(&mut self, date: NaiveDate) -> &Snapshot<'w> {
        if date == self.base.as_of {
            return self.base;
        }
        let (ws, due_within) = (self.base.ws, self.base.due_within);
        self.snapshots
            .entry(date)
            .or_insert_with(|| Snapshot::new(ws, date, due_within))
    }

    /// The target's actual value on `date`.
    pub fn actual(&mut self, target: &Target, date: NaiveDate) -> Option<f64> {
        actual(self.at(date), target)
    }
}

/// Where a target stands on a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub actual: Option<f64>,
    /// The figure on the deadline, which the status judges once the
    /// deadline has passed; `None` before.
    pub at_deadline: Option<f64>,
    /// On the straight line from the baseline to the goal (see [`expected`]).
    pub expected: Option<f64>,
    /// See [`percent_of_goal`]; uncapped.
    pub percent_of_goal: Option<f64>,
    pub status: TargetStatus,
}

/// Where the target stands on `as_of`. After the deadline the target is
/// judged on its figure on the deadline (a goal reached later is still
/// missed); `actual` stays the figure on `as_of`.
pub fn progress(timeline: &mut Timeline<'_, '_>, target: &Target, as_of: NaiveDate) -> Progress {
    let actual = timeline.actual(target, as_of);
    let at_deadline = if as_of > target.deadline {
        timeline.actual(target, target.deadline)
    } else {
        actual
    };
    assess(target, as_of, actual, at_deadline)
}

/// The arithmetic of [`progress`], given the figures on `as_of` and on the
/// deadline (the same figure when the deadline has not passed).
pub fn assess(target: &Target, as_of: NaiveDate, actual: Option<f64>, at_deadline: Option<f64>) -> Progress {
    let expected = expected(target, as_of);
    let status = status(
        target.direction,
        target.goal,
        actual,
        expected,
        as_of > target.deadline,
        at_deadline,
    );
    Progress {
        actual,
        at_deadline: at_deadline.filter(|_| as_of > target.deadline),
        expected,
        // Once the deadline has passed the target is judged on its figure on
        // the deadline, and so is its share of the goal.
        percent_of_goal: if as_of > target.deadline { at_deadline } else { actual }
            .map(|a| percent_of_goal(target.direction, target.goal, a)),
        status,
    }
}

/// The value expected on `date` on the straight line from the baseline
/// (its value on its date) to the goal (on the deadline): the baseline
/// before the baseline date, the goal from the deadline on.
///
/// A target without a baseline is a standard to keep rather than a level
/// to climb to ("at least one reception a month", "85% on time"): the goal
/// is expected on every date, so such a target is achieved, behind or
/// missed, never merely on track. (Drawing the line from 0 at the first
/// record instead would call a 40% on-time rate "on track" early on.)
pub fn expected(target: &Target, date: NaiveDate) -> Option<f64> {
    let Some(base) = &target.baseline else {
        return Some(target.goal);
    };
    if date <= base.date {
        return Some(base.value);
    }
    if date >= target.deadline {
        return Some(target.goal);
    }
    let span = (target.deadline - base.date).num_days() as f64;
    let done = (date - base.date).num_days() as f64;
    Some(base.value + (target.goal - base.value) * done / span)
}

/// The actual value as a percentage of the goal: actual ÷ goal for
/// at-least, goal ÷ actual for at-most (100 when the actual is 0: nothing
/// is better than any ceiling). An at-least goal of 0 is met by anything.
pub fn percent_of_goal(direction: Direction, goal: f64, actual: f64) -> f64 {
    match direction {
        Direction::AtLeast if goal == 0.0 => {
            if actual >= 0.0 {
                100.0
            } else {
                0.0
            }
        }
        Direction::AtLeast => actual / goal * 100.0,
        Direction::AtMost if actual <= 0.0 => 100.0,
        Direction::AtMost => goal / actual * 100.0,
    }
}

/// Whether `value` is at least as good as `bar`: ≥ for at-least, ≤ for
/// at-most (with a rounding margin, so 2.0000000001 reaches 2).
pub fn at_least_as_good(direction: Direction, value: f64, bar: f64) -> bool {
    let margin = 1e-9 * bar.abs().max(1.0);
    match direction {
        Direction::AtLeast => value >= bar - margin,
        Direction::AtMost => value <= bar + margin,
    }
}

/// The status, in this order: no figure → no-data; the goal met →
/// achieved (after the deadline: met on the deadline); the deadline passed
/// → missed; at least as good as expected by now → on-track; else behind.
pub fn status(
    direction: Direction,
    goal: f64,
    actual: Option<f64>,
    expected: Option<f64>,
    deadline_passed: bool,
    at_deadline: Option<f64>,
) -> TargetStatus {
    let Some(actual) = actual else {
        return TargetStatus::NoData;
    };
    let judged = if deadline_passed { at_deadline } else { Some(actual) };
    if judged.is_some_and(|v| at_least_as_good(direction, v, goal)) {
        TargetStatus::Achieved
    } else if deadline_passed {
        TargetStatus::Missed
    } else if expected.is_none_or(|e| at_least_as_good(direction, actual, e)) {
        TargetStatus::OnTrack
    } else {
        TargetStatus::Behind
    }
}

/// One point of a series: the actual value at the end of a period.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SeriesPoint {
    pub period: Period,
    /// The period's last day, or the as-of date or deadline when earlier.
    pub end: NaiveDate,
    pub actual: Option<f64>,
}

/// The actual value at the end of each period of granularity `g`, from the
/// first period after the baseline date (or the period of the first record
/// or observation, when earlier or when there is no baseline) to the
/// period of the deadline, or of `as_of` when earlier. The last point is
/// taken on the deadline or `as_of`, never after. A point is the figure
/// as of its end date like any other, so for a measure with `within` it is
/// the figure of that date's period (a yearly series of a monthly count
/// shows each December).
pub fn series(timeline: &mut Timeline<'_, '_>, target: &Target, g: Granularity, as_of: NaiveDate) -> Vec<SeriesPoint> {
    let after_baseline = target
        .baseline
        .as_ref()
        .and_then(|b| b.date.checked_add_days(Days::new(1)));
    let first = first_date(timeline.base.ws, target);
    let Some(from) = after_baseline.into_iter().chain(first).min() else {
        return Vec::new();
    };
    let to = as_of.min(target.deadline);
    Period::range(from, to, g)
        .into_iter()
        .map(|period| {
            let end = period.end().min(to);
            SeriesPoint {
                period,
                end,
                actual: timeline.actual(target, end),
            }
        })
        .collect()
}

/// The date of the first record of the target's kind, or its first
/// observation: where a series without a baseline starts.
fn first_date(ws: &Workspace, target: &Target) -> Option<NaiveDate> {
    // The workspace keeps every kind sorted by date.
    match target.measure.kind() {
        None => target.observations.first().map(|o| o.date),
        Some(Kind::Model) => ws.models.first().map(|m| m.started.value),
        Some(Kind::Meeting) => ws.meetings.first().map(|m| m.date.value),
        Some(Kind::Petition) => ws.petitions.first().map(|p| p.received.value),
        Some(Kind::Conclusion) => ws
            .meetings
            .iter()
            .find(|m| !m.conclusions.is_empty())
            .map(|m| m.date.value),
    }
}

#[cfg(test)]
mod sum_tests {
    #[test]
    fn whole_numbers_are_summed_exactly() {
        let big = 9_007_199_254_740_992.0;
        // As floats, 2^53 + 1 + 1 is 2^53: each 1 is lost.
        assert_eq!(super::exact_sum([big, 1.0, 1.0, -2.0].into_iter()), big);
        assert_eq!(super::exact_sum([0.1, 0.2, 3.0].into_iter()), 3.0 + (0.1 + 0.2));
        let zero = super::exact_sum(std::iter::empty());
        assert!(zero == 0.0 && zero.is_sign_positive());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::fixtures::d;

    fn target(direction: Direction, goal: f64, baseline: Option<(f64, &str)>, deadline: &str) -> Target {
        Target {
            id: "t".into(),
            file: FileId::default(),
            span: Span::default(),
            title: "t".into(),
            deadline: d(deadline),
            deadline_span: Span::default(),
            goal,
            direction,
            baseline: baseline.map(|(value, date)| Baseline { value, date: d(date) }),
            measure: Measure::Manual,
            observations: Vec::new(),
            unit: None,
            source: None,
            note: None,
        }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn expected_follows_the_line_from_baseline_to_goal() {
        // 0 on 2020-12-31 to 60 on 2025-12-31: 1826 days (2024 is a leap year).
        let t = target(Direction::AtLeast, 60.0, Some((0.0, "2020-12-31")), "2025-12-31");
        assert!(
            close(expected(&t, d("2020-06-30")), 0.0),
            "before the baseline: the baseline"
        );
        assert!(close(expected(&t, d("2020-12-31")), 0.0));
        // 2023-06-30 is 911 days after the baseline: 60 × 911 / 1826.
        assert!(close(expected(&t, d("2023-06-30")), 60.0 * 911.0 / 1826.0));
        assert!(close(expected(&t, d("2025-12-31")), 60.0));
        assert!(
            close(expected(&t, d("2027-01-01")), 60.0),
            "after the deadline: the goal"
        );
        // Falling: 4.9 on 2021-12-31 to 3.0 on 2025-12-31 (1461 days); half-way
        // (2023-12-31, 730 days) it is 4.9 − 1.9 × 730 / 1461.
        let poor = target(Direction::AtMost, 3.0, Some((4.9, "2021-12-31")), "2025-12-31");
        assert!(close(expected(&poor, d("2023-12-31")), 4.9 - 1.9 * 730.0 / 1461.0));
        // Without a baseline the goal is expected all along.
        let norm = target(Direction::AtLeast, 85.0, None, "2025-12-31");
        assert!(close(expected(&norm, d("2021-01-01")), 85.0));
        // A baseline on the deadline itself: no division by zero.
        let same = target(Direction::AtLeast, 10.0, Some((2.0, "2025-12-31")), "2025-12-31");
        assert!(close(expected(&same, d("2025-12-31")), 2.0));
        assert!(close(expected(&same, d("2026-01-01")), 10.0));
    }

    #[test]
    fn percent_of_goal_in_both_directions() {
        assert_eq!(percent_of_goal(Direction::AtLeast, 8.0, 6.0), 75.0);
        assert_eq!(percent_of_goal(Direction::AtLeast, 8.0, 12.0), 150.0, "not capped");
        assert_eq!(percent_of_goal(Direction::AtLeast, 0.0, 3.0), 100.0);
        assert_eq!(percent_of_goal(Direction::AtMost, 3.0, 4.0), 75.0);
        assert_eq!(percent_of_goal(Direction::AtMost, 3.0, 2.0), 150.0);
        assert_eq!(percent_of_goal(Direction::AtMost, 3.0, 0.0), 100.0, "nothing left: 100");
        assert_eq!(percent_of_goal(Direction::AtMost, 0.0, 0.0), 100.0);
        assert_eq!(
            percent_of_goal(Direction::AtMost, 0.0, 2.0),
            0.0,
            "a ceiling of 0, two over it"
        );
    }

    #[test]
    fn status_decisions() {
        use Direction::{AtLeast, AtMost};
        use TargetStatus::*;
        let s =
            |dir, actual, expected, passed, at_deadline| status(dir, 10.0, actual, Some(expected), passed, at_deadline);
        assert_eq!(s(AtLeast, None, 5.0, false, None), NoData);
        assert_eq!(
            s(AtLeast, None, 5.0, true, Some(12.0)),
            NoData,
            "no figure now: no data"
        );
        assert_eq!(
            s(AtLeast, Some(10.0), 5.0, false, Some(10.0)),
            Achieved,
            "the goal itself is met"
        );
        assert_eq!(s(AtLeast, Some(6.0), 5.0, false, Some(6.0)), OnTrack);
        assert_eq!(
            s(AtLeast, Some(5.0), 5.0, false, Some(5.0)),
            OnTrack,
            "exactly as expected"
        );
        assert_eq!(s(AtLeast, Some(4.0), 5.0, false, Some(4.0)), Behind);
        assert_eq!(s(AtLeast, Some(9.0), 10.0, true, Some(9.0)), Missed);
        // Judged on the deadline: reached later is still missed, and a goal
        // met on the deadline stays achieved whatever followed.
        assert_eq!(s(AtLeast, Some(12.0), 10.0, true, Some(9.0)), Missed);
        assert_eq!(s(AtLeast, Some(8.0), 10.0, true, Some(10.0)), Achieved);
        assert_eq!(
            s(AtLeast, Some(8.0), 10.0, true, None),
            Missed,
            "no figure on the deadline"
        );
        // At most 10: lower is better.
        assert_eq!(s(AtMost, Some(10.0), 12.0, false, Some(10.0)), Achieved);
        assert_eq!(s(AtMost, Some(11.0), 12.0, false, Some(11.0)), OnTrack);
        assert_eq!(s(AtMost, Some(13.0), 12.0, false, Some(13.0)), Behind);
        assert_eq!(s(AtMost, Some(11.0), 12.0, true, Some(11.0)), Missed);
        // Rounding does not make a met goal unmet: 0.7 − 0.4 is 0.29999999999999993.
        assert_eq!(status(AtLeast, 0.3, Some(0.7 - 0.4), None, false, None), Achieved);
    }

    #[test]
    fn assess_puts_it_together() {
        let t = target(Direction::AtLeast, 60.0, Some((0.0, "2020-12-31")), "2025-12-31");
        let p = assess(&t, d("2023-06-30"), Some(20.0), Some(20.0));
        assert_eq!(p.status, TargetStatus::Behind, "20 < 29.9 expected");
        assert!(close(p.percent_of_goal, 100.0 / 3.0));
        let p = assess(&t, d("2023-06-30"), Some(30.0), Some(30.0));
        assert_eq!(p.status, TargetStatus::OnTrack);
        let p = assess(&t, d("2026-06-30"), Some(61.0), Some(58.0));
        assert_eq!(p.status, TargetStatus::Missed);
        assert_eq!(p.actual, Some(61.0));
        assert_eq!(assess(&t, d("2023-06-30"), None, None).percent_of_goal, None);
    }
}
