//! Properties of the deadline engine, through the public API only
//! (`danvan::domain::calendar`, `danvan::domain::deadlines`): for any
//! calendar, any statutory limits and any petition whose dates are in
//! order, a deadline is a working day, never before its start, never
//! earlier when a limit grows, and a petition's state agrees with its
//! deadlines and its days left.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use danvan::domain::calendar::Calendar;
use danvan::domain::deadlines::{ExtensionFact, PetitionFacts, deadlines, petition_status, task_state};
use danvan::model::{DayCount, Limit, PetitionState, PetitionType, Rules, TaskState};
use proptest::prelude::*;
use std::path::Path;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn plus(date: NaiveDate, days: u32) -> NaiveDate {
    date + Days::new(u64::from(days))
}

/// The calendar of the bundled workspace (2021–2026, with swapped Saturdays).
fn bundled() -> Calendar {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("records/danvan.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (config, diags) = danvan::load::parse_config(&path, &text);
    assert!(diags.is_empty(), "{diags:?}");
    config.unwrap().calendar()
}

fn date_in(from: &'static str, span_days: u32) -> impl Strategy<Value = NaiveDate> {
    (0..span_days).prop_map(move |offset| plus(d(from), offset))
}

/// The bundled calendar, or up to 400 holidays and 60 swapped days anywhere
/// in 2020–2031, or a hostile one with long runs of days off.
fn calendar() -> impl Strategy<Value = Calendar> {
    let random = (
        proptest::collection::vec(date_in("2020-01-01", 4_383), 0..400),
        proptest::collection::vec(date_in("2020-01-01", 4_383), 0..60),
    )
        .prop_map(|(holidays, workdays)| Calendar::new(holidays, workdays));
    let runs = proptest::collection::vec((date_in("2020-01-01", 4_383), 1u32..40), 0..20).prop_map(|runs| {
        let days = runs
            .into_iter()
            .flat_map(|(start, len)| (0..len).map(move |i| plus(start, i)));
        Calendar::new(days, [])
    });
    prop_oneof![Just(bundled()), random, runs]
}

fn count() -> impl Strategy<Value = DayCount> {
    prop_oneof![Just(DayCount::Calendar), Just(DayCount::Working)]
}

fn limit() -> impl Strategy<Value = Limit> {
    (0u32..120, count()).prop_map(|(days, count)| Limit { days, count })
}

/// Statutory limits, each possibly overridden as `[rules]` may.
fn rules() -> impl Strategy<Value = Rules> {
    (
        proptest::collection::vec(proptest::option::of(limit()), Rules::KEYS.len()),
        0u32..4,
    )
        .prop_map(|(overrides, max_extensions)| {
            let mut rules = Rules::default();
            for (key, over) in Rules::KEYS.iter().zip(overrides) {
                if let Some(limit) = over {
                    assert!(rules.set(key, limit));
                }
            }
            rules.max_extensions = max_extensions;
            rules
        })
}

fn kind() -> impl Strategy<Value = PetitionType> {
    prop_oneof![
        Just(PetitionType::Complaint),
        Just(PetitionType::Denunciation),
        Just(PetitionType::Recommendation),
    ]
}

/// A petition whose dates are in order, as `check` requires: received ≤
/// accepted ≤ each extension, and resolved after acceptance (or receipt).
fn petition() -> impl Strategy<Value = PetitionFacts> {
    (
        kind(),
        1u8..=2,
        any::<bool>(),
        any::<bool>(),
        date_in("2021-01-01", 1_826),
        proptest::option::of(0u32..60),
        proptest::collection::vec((0u32..90, proptest::option::of(1u32..45)), 0..4),
        proptest::option::of(0u32..200),
        any::<bool>(),
    )
        .prop_map(
            |(kind, round, complex, remote, received, accept_after, ext, resolve_after, especially_complex)| {
                let accepted = accept_after.map(|n| plus(received, n));
                let from = accepted.unwrap_or(received);
                let mut extensions: Vec<ExtensionFact> = match accepted {
                    Some(a) => ext
                        .into_iter()
                        .map(|(n, days)| ExtensionFact { date: plus(a, n), days })
                        .collect(),
                    None => Vec::new(),
                };
                extensions.sort_by_key(|e| e.date);
                let resolved = resolve_after.map(|n| plus(from, n));
                // An extension is decided before the petition is resolved.
                if let Some(r) = resolved {
                    extensions.retain(|e| e.date <= r);
                }
                PetitionFacts {
                    kind,
                    round: if kind == PetitionType::Complaint { round } else { 1 },
                    complex,
                    especially_complex,
                    remote,
                    received,
                    accepted,
                    extensions,
                    resolved,
                }
            },
        )
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_deadline_is_a_working_day_never_before_its_start_and_never_earlier_for_more_days(
        cal in calendar(),
        start in date_in("2020-06-01", 3_650),
        days in 0u32..200,
        more in 1u32..60,
        count in count(),
    ) {
        let due = cal.deadline(start, days, count);
        prop_assert!(cal.is_working_day(due), "{due} ({}) is a day off", due.weekday());
        prop_assert!(!cal.is_day_off(due));
        prop_assert!(due >= start);
        if days > 0 {
            prop_assert!(due > start);
        }
        prop_assert!(cal.deadline(start, days + more, count) >= due);
        // A later start never gives an earlier deadline either.
        prop_assert!(cal.deadline(start.succ_opt().unwrap(), days, count) >= due);
        // Weekends are days off unless swapped; the move is to the first working day.
        prop_assert_eq!(cal.next_working_day(due), due);
        let counted = cal.last_counted_day(start, days, count);
        prop_assert!(counted <= due);
        prop_assert!(counted.iter_days().take_while(|&x| x < due).all(|x| cal.is_day_off(x)));
    }

    #[test]
    fn a_petition_deadline_is_a_working_day_after_its_start(
        cal in calendar(),
        rules in rules(),
        p in petition(),
        as_of in date_in("2021-01-01", 2_500),
    ) {
        let due = deadlines(&p, &rules, &cal, as_of);
        prop_assert!(cal.is_working_day(due.acceptance));
        prop_assert!(due.acceptance >= p.received);
        match due.resolution {
            Some(r) => {
                let accepted = p.accepted.expect("a resolution deadline needs an acceptance");
                prop_assert!(accepted <= as_of, "acceptance on {accepted} has not happened by {as_of}");
                prop_assert!(cal.is_working_day(r));
                prop_assert!(r >= accepted);
            }
            None => prop_assert!(
                p.accepted.is_none_or(|a| a > as_of) || rules.resolution_limit(&p).is_none()
            ),
        }
    }

    #[test]
    fn a_longer_limit_or_an_extension_never_moves_a_deadline_earlier(
        cal in calendar(),
        rules in rules(),
        p in petition(),
        key in 0..Rules::KEYS.len(),
        more in 1u32..90,
        extension in 0u32..60,
    ) {
        let as_of = NaiveDate::MAX;
        let before = deadlines(&p, &rules, &cal, as_of);
        // One limit grows by `more` days, counted the same way.
        let name = Rules::KEYS[key];
        let mut longer = rules;
        if let Some(Some(limit)) = rules.get(name) {
            let grown = Limit { days: limit.days + more, count: limit.count };
            prop_assert!(longer.set(name, grown));
        }
        let after = deadlines(&p, &longer, &cal, as_of);
        prop_assert!(after.acceptance >= before.acceptance);
        match (before.resolution, after.resolution) {
            (Some(b), Some(a)) => prop_assert!(a >= b, "{name}: {b} → {a}"),
            (None, None) => {}
            (b, a) => prop_assert!(false, "{name}: {b:?} → {a:?}"),
        }
        // One more extension decision, on or after the others.
        let mut extended = p.clone();
        if let Some(accepted) = p.accepted {
            let last = p.extensions.last().map_or(accepted, |e| e.date);
            extended.extensions.push(plus(last, extension).into());
            let after = deadlines(&extended, &rules, &cal, as_of);
            prop_assert!(after.resolution >= before.resolution);
            if p.kind != PetitionType::Denunciation {
                prop_assert_eq!(after.resolution, before.resolution, "only denunciations are extended");
            }
        }
    }

    #[test]
    fn a_petition_state_agrees_with_its_deadlines(
        cal in calendar(),
        rules in rules(),
        p in petition(),
        after_receipt in 0u32..500,
        due_within in 0u32..30,
    ) {
        let as_of = plus(p.received, after_receipt);
        let s = petition_status(&p, &rules, &cal, as_of, due_within);
        prop_assert_eq!(&s.deadlines, &deadlines(&p, &rules, &cal, as_of));
        let accepted = p.accepted.filter(|&a| a <= as_of);
        let resolved = p.resolved.filter(|&r| r <= as_of);
        // Resolved by the as-of date ⇔ a resolved state, with no days left.
        prop_assert_eq!(resolved.is_some(), s.state.is_resolved(), "{:?}", s.state);
        if let Some(r) = resolved {
            prop_assert_eq!(s.days_left, None);
            let due = if accepted.is_some() { s.deadlines.resolution } else { Some(s.deadlines.acceptance) };
            let on_time = due.is_none_or(|due| r <= due);
            let expected = if on_time { PetitionState::ResolvedOnTime } else { PetitionState::ResolvedLate };
            prop_assert_eq!(s.state, expected);
        }
        match s.state {
            PetitionState::AwaitingAcceptance | PetitionState::AcceptanceOverdue => {
                prop_assert!(accepted.is_none());
                let left = s.days_left.expect("days left to accept");
                prop_assert_eq!(left, days_between(as_of, s.deadlines.acceptance));
                prop_assert_eq!(left < 0, s.state == PetitionState::AcceptanceOverdue);
            }
            PetitionState::Overdue => {
                prop_assert!(accepted.is_some());
                let left = s.days_left.expect("an overdue petition has days left");
                prop_assert!(left < 0);
                prop_assert!(s.deadlines.resolution.is_some_and(|r| r < as_of));
            }
            PetitionState::DueSoon => {
                prop_assert!(accepted.is_some());
                let left = s.days_left.expect("a petition due soon has days left");
                prop_assert!((0..=i64::from(due_within)).contains(&left));
                prop_assert_eq!(Some(left), s.deadlines.resolution.map(|r| days_between(as_of, r)));
            }
            PetitionState::Open => {
                prop_assert!(accepted.is_some());
                match s.days_left {
                    Some(left) => prop_assert!(left > i64::from(due_within)),
                    None => prop_assert!(s.deadlines.resolution.is_none()),
                }
            }
            PetitionState::ResolvedOnTime | PetitionState::ResolvedLate => {}
        }
        // Once resolved, a petition's state never changes again.
        if let Some(r) = resolved {
            let later = petition_status(&p, &rules, &cal, plus(as_of, 1 + (r.day() % 300)), due_within);
            prop_assert_eq!(later.state, s.state);
        }
    }

    #[test]
    fn a_task_state_agrees_with_its_dates(
        due in proptest::option::of(date_in("2022-01-01", 1_000)),
        done in proptest::option::of(date_in("2022-01-01", 1_000)),
        as_of in date_in("2022-01-01", 1_200),
        due_within in 0u32..30,
    ) {
        let state = task_state(due, done, as_of, due_within);
        let done_by = done.filter(|&d| d <= as_of);
        match state {
            TaskState::Done => prop_assert!(done_by.is_some_and(|d| due.is_none_or(|due| d <= due))),
            TaskState::DoneLate => prop_assert!(done_by.is_some_and(|d| due.is_some_and(|due| d > due))),
            TaskState::Overdue => prop_assert!(done_by.is_none() && due.is_some_and(|due| due < as_of)),
            TaskState::DueSoon => {
                let left = days_between(as_of, due.unwrap());
                prop_assert!(done_by.is_none() && (0..=i64::from(due_within)).contains(&left));
            }
            TaskState::Open => prop_assert!(
                done_by.is_none() && due.is_none_or(|due| days_between(as_of, due) > i64::from(due_within))
            ),
        }
    }
}

#[test]
fn the_bundled_calendar_knows_its_swapped_saturdays_and_tet() {
    let cal = bundled();
    // Sat 2024-05-04 was worked in exchange for the 30/4–1/5 bridge.
    assert_eq!(d("2024-05-04").weekday(), Weekday::Sat);
    assert!(cal.is_working_day(d("2024-05-04")));
    // Tết 2025: 25/1–2/2; a limit ending inside it moves to Mon 3/2.
    assert_eq!(cal.next_working_day(d("2025-01-28")), d("2025-02-03"));
    for year in 2021..=2026 {
        assert!(cal.covers_year(year), "{year}");
    }
}
