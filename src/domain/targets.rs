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
use foldhash::{HashMap, HashMapExt};
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
    /// Every month (or quarter) of the span up to the date, with the
    /// matching records dated in it.
    Every { min: u32, periods: Vec<PeriodCount<'a>> },
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

/// One month (or quarter) of an `every` measure.
pub struct PeriodCount<'a> {
    pub period: Period,
    /// The matching records dated in the period (by [`counting_date`]).
    pub records: Vec<Item<'a>>,
    /// At least `min` records.
    pub met: bool,
    /// The period has not ended on the date: it counts once it is met, and
    /// cannot fail before it ends.
    pub running: bool,
}

impl PeriodCount<'_> {
    /// Whether the period is part of the share: ended, or met already.
    pub fn counted(&self) -> bool {
        self.met || !self.running
    }
}

/// The months (or quarters, granularity `g`) from the one holding `from`
/// to the one holding the snapshot's date, each with the records of `kind`
/// matching `filter` on that date and dated in it, and whether it holds at
/// least `min` of them. What a standard kept month by month is judged on
/// (Quy định 11-QĐi/TW: the head of a committee receives citizens at least
/// one day a month, a commune's two): the `every` measure of a target, and
/// the month-by-month line of a review.
pub fn periods_met<'a>(
    snap: &'a Snapshot<'_>,
    kind: Kind,
    filter: &'a Filter,
    min: u32,
    g: Granularity,
    from: NaiveDate,
) -> Vec<PeriodCount<'a>> {
    let as_of = snap.as_of;
    let mut periods: Vec<PeriodCount<'a>> = Period::range(from, as_of, g)
        .into_iter()
        .map(|period| PeriodCount {
            period,
            records: Vec::new(),
            met: false,
            running: period.end() > as_of,
        })
        .collect();
    let Some(first) = periods.first().map(|p| p.period.start()) else {
        return periods;
    };
    for item in snap.items(kind).filter(|i| i.matches_all(filter, as_of)) {
        let date = counting_date(&item, filter);
        if date < first.max(from) || date > as_of {
            continue;
        }
        if let Some(p) = periods.iter_mut().find(|p| p.period.contains(date)) {
            p.records.push(item);
        }
    }
    for p in &mut periods {
        p.met = p.records.len() >= min as usize;
    }
    periods
}

/// Where an `every` measure's span starts: its `from`, else the day after
/// the target's baseline, else the first record of its kind.
pub fn every_start(ws: &Workspace, target: &Target) -> Option<NaiveDate> {
    match &target.measure {
        Measure::Every { from: Some(from), .. } => Some(*from),
        _ => target
            .baseline
            .as_ref()
            .and_then(|b| b.date.checked_add_days(Days::new(1)))
            .or_else(|| first_date(ws, target)),
    }
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
        Measure::Every {
            kind,
            filter,
            min,
            every,
            ..
        } => {
            let periods = match every_start(snap.ws, target) {
                Some(from) => periods_met(snap, *kind, filter, *min, *every, from),
                None => Vec::new(),
            };
            let counted: Vec<&PeriodCount<'_>> = periods.iter().filter(|p| p.counted()).collect();
            let value = percent(counted.iter().filter(|p| p.met).count(), counted.len());
            Evaluation {
                value,
                period: None,
                detail: Detail::Every { min: *min, periods },
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
/// snapshot it starts from is used for its own date. A target's figure on
/// a date is also counted once: a report asks for the figure on the
/// deadline for its status, its series and its verdict.
pub struct Timeline<'s, 'w> {
    base: &'s Snapshot<'w>,
    snapshots: BTreeMap<NaiveDate, Snapshot<'w>>,
    /// Figures by target (its address: a target the workspace holds,
    /// which outlives the timeline) and date.
    figures: HashMap<(*const Target, NaiveDate), Option<f64>>,
}

impl<'s, 'w> Timeline<'s, 'w> {
    pub fn new(base: &'s Snapshot<'w>) -> Timeline<'s, 'w> {
        Timeline {
            base,
            snapshots: BTreeMap::new(),
            figures: HashMap::new(),
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
    pub fn actual(&mut self, target: &'w Target, date: NaiveDate) -> Option<f64> {
        let key = (std::ptr::from_ref(target), date);
        if let Some(&figure) = self.figures.get(&key) {
            return figure;
        }
        let figure = actual(self.at(date), target);
        self.figures.insert(key, figure);
        figure
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
pub fn progress<'w>(timeline: &mut Timeline<'_, 'w>, target: &'w Target, as_of: NaiveDate) -> Progress {
    let actual = timeline.actual(target, as_of);
    let at_deadline = if as_of > target.deadline.value {
        timeline.actual(target, target.deadline.value)
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
        as_of > target.deadline.value,
        at_deadline,
    );
    Progress {
        actual,
        at_deadline: at_deadline.filter(|_| as_of > target.deadline.value),
        expected,
        // Once the deadline has passed the target is judged on its figure on
        // the deadline, and so is its share of the goal.
        percent_of_goal: if as_of > target.deadline.value {
            at_deadline
        } else {
            actual
        }
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
    if date >= target.deadline.value {
        return Some(target.goal);
    }
    let span = (target.deadline.value - base.date).num_days() as f64;
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
    #[serde(serialize_with = "crate::model::figures::opt")]
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
pub fn series<'w>(
    timeline: &mut Timeline<'_, 'w>,
    target: &'w Target,
    g: Granularity,
    as_of: NaiveDate,
) -> Vec<SeriesPoint> {
    let after_baseline = target
        .baseline
        .as_ref()
        .and_then(|b| b.date.checked_add_days(Days::new(1)));
    let first = first_date(timeline.base.ws, target);
    let Some(from) = after_baseline.into_iter().chain(first).min() else {
        return Vec::new();
    };
    let to = as_of.min(target.deadline.value);
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
            deadline: Sp::new(d(deadline), Span::default()),
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

    /// A workspace of receptions on the given dates, chaired by "Bí thư"
    /// unless the date is followed by " pct" (chaired by the Phó Bí thư).
    fn receptions(dates: &[&str]) -> Workspace {
        let files: Vec<(String, String)> = dates
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let (date, chair) = match text.strip_suffix(" pct") {
                    Some(date) => (date, "Phó Bí thư"),
                    None => (*text, "Bí thư"),
                };
                (
                    format!("meetings/m{i}.toml"),
                    format!("title = \"Tiếp công dân\"\ntype = \"reception\"\ndate = {date}\nchair = \"{chair}\"\n"),
                )
            })
            .collect();
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let dir = crate::load::tests::workspace(&files);
        let loaded = crate::check::load(dir.path());
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        loaded.workspace.expect("the workspace loads")
    }

    fn every_target(from: Option<&str>, min: u32, every: Granularity) -> Target {
        let mut t = target(Direction::AtLeast, 100.0, None, "2025-12-31");
        t.measure = Measure::Every {
            kind: Kind::Meeting,
            filter: Filter {
                clauses: vec![
                    Clause {
                        key: "type".into(),
                        values: vec![FilterValue::Text("reception".into())],
                        spans: vec![Span::default()],
                        span: Span::default(),
                    },
                    Clause {
                        key: "chair".into(),
                        values: vec![FilterValue::Text("Bí thư".into())],
                        spans: vec![Span::default()],
                        span: Span::default(),
                    },
                ],
            },
            min,
            every,
            from: from.map(d),
        };
        t
    }

    #[test]
    fn every_month_is_the_share_of_months_met_up_to_the_date() {
        // Receptions by the Secretary on 15/1, 10/3 and 20/3, 5/4; one on 14/2
        // chaired by someone else; nothing in May.
        let ws = receptions(&["2024-01-15", "2024-02-14 pct", "2024-03-10", "2024-03-20", "2024-04-05"]);
        let t = every_target(Some("2024-01-01"), 1, Granularity::Month);
        // On 31/5: January, March, April met; February and May not: 3 of 5.
        let snap = Snapshot::new(&ws, d("2024-05-31"), 7);
        let e = evaluate(&snap, &t);
        assert!(close(e.value, 60.0), "{:?}", e.value);
        let Detail::Every { periods, .. } = &e.detail else {
            panic!()
        };
        let met: Vec<(String, usize, bool)> = periods
            .iter()
            .map(|p| (p.period.to_string(), p.records.len(), p.met))
            .collect();
        assert_eq!(
            met,
            [
                ("2024-01".to_owned(), 1, true),
                ("2024-02".to_owned(), 0, false),
                ("2024-03".to_owned(), 2, true),
                ("2024-04".to_owned(), 1, true),
                ("2024-05".to_owned(), 0, false),
            ]
        );
        // On 20/5 May is still running and not yet met: it is left out, 3 of 4.
        let snap = Snapshot::new(&ws, d("2024-05-20"), 7);
        assert!(close(evaluate(&snap, &t).value, 75.0));
        // On 4/4 April is running and not yet met; on 5/4 it is met and counts: 3 of 4.
        let snap = Snapshot::new(&ws, d("2024-04-04"), 7);
        assert!(close(evaluate(&snap, &t).value, 2.0 / 3.0 * 100.0));
        let snap = Snapshot::new(&ws, d("2024-04-05"), 7);
        assert!(close(evaluate(&snap, &t).value, 75.0));
        // Two a month (a commune's head, Quy định 11): only March.
        let two = every_target(Some("2024-01-01"), 2, Granularity::Month);
        let snap = Snapshot::new(&ws, d("2024-05-31"), 7);
        assert!(close(evaluate(&snap, &two).value, 20.0));
        // Quarters: Q1 (January, March) met, Q2 met by April, running: 2 of 2.
        let q = every_target(Some("2024-01-01"), 1, Granularity::Quarter);
        assert!(close(evaluate(&snap, &q).value, 100.0));
        // Before the span starts there is no month: no figure.
        let snap = Snapshot::new(&ws, d("2023-12-31"), 7);
        assert_eq!(evaluate(&snap, &t).value, None);
    }

    #[test]
    fn a_timeline_counts_each_figure_once_and_keeps_targets_apart() {
        let ws = receptions(&["2024-03-10", "2024-04-05"]);
        let snap = Snapshot::new(&ws, d("2024-04-30"), 7);
        let from_january = every_target(Some("2024-01-01"), 1, Granularity::Month);
        let from_march = every_target(None, 1, Granularity::Month);
        let mut timeline = Timeline::new(&snap);
        let end_of_march = d("2024-03-31");
        // Two targets on one date: each its own figure (1 of 3 months, 1 of 1).
        let a = timeline.actual(&from_january, end_of_march);
        let b = timeline.actual(&from_march, end_of_march);
        assert!(close(a, 100.0 / 3.0) && close(b, 100.0), "{a:?} {b:?}");
        // Asked again, the same figures, from the two already counted.
        assert_eq!(timeline.actual(&from_january, end_of_march), a);
        assert_eq!(timeline.actual(&from_march, snap.as_of), Some(100.0));
        assert_eq!(timeline.figures.len(), 3, "one figure per target and date");
        // And each is what the snapshot of its date gives.
        let march = Snapshot::new(&ws, end_of_march, 7);
        assert_eq!(a, actual(&march, &from_january));
    }

    #[test]
    fn the_span_of_every_starts_at_from_else_after_the_baseline_else_at_the_first_record() {
        let ws = receptions(&["2024-03-10", "2024-04-05"]);
        // From 1/1: January and February count, unmet: 2 of 4.
        let snap = Snapshot::new(&ws, d("2024-04-30"), 7);
        assert!(close(
            evaluate(&snap, &every_target(Some("2024-01-01"), 1, Granularity::Month)).value,
            50.0
        ));
        // Without `from`: from the first reception's month, March: 2 of 2.
        assert!(close(
            evaluate(&snap, &every_target(None, 1, Granularity::Month)).value,
            100.0
        ));
        // With a baseline on 31/1: from February: 2 of 3.
        let mut t = every_target(None, 1, Granularity::Month);
        t.baseline = Some(Baseline {
            value: 0.0,
            date: d("2024-01-31"),
        });
        assert!(close(evaluate(&snap, &t).value, 2.0 / 3.0 * 100.0));
        assert_eq!(every_start(&ws, &t), Some(d("2024-02-01")));
        // A record before `from` counts for nothing.
        let t = every_target(Some("2024-03-15"), 1, Granularity::Month);
        let Detail::Every { periods, .. } = evaluate(&snap, &t).detail else {
            panic!()
        };
        assert_eq!(periods[0].records.len(), 0, "the reception of 10/3 is before the span");
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
