//! Statutory deadlines of petitions and the states they put a petition or a
//! conclusion task in (SPEC section 4).
//!
//! The limits are data ([`Rules`], in `model`); this counts the days.
//! Everything is read *as of* a date: a date in a record counts only once
//! it has passed.

use chrono::NaiveDate;

use crate::domain::calendar::{Calendar, Counted};
use crate::model::{Limit, PetitionState, PetitionType, Rules, TaskState};

impl Rules {
    /// The limit for resolving a petition, from acceptance, before any
    /// denunciation extension. A complaint whose round is not 2 is a first
    /// complaint (the loader rejects other rounds).
    pub fn resolution_limit(&self, p: &PetitionFacts) -> Option<Limit> {
        match p.kind {
            PetitionType::Complaint if p.round == 2 => Some(self.complaint2_resolution.pick(p.complex, p.remote)),
            PetitionType::Complaint => Some(self.complaint_resolution.pick(p.complex, p.remote)),
            PetitionType::Denunciation => Some(self.denunciation_resolution),
            PetitionType::Recommendation => self.recommendation_resolution,
        }
    }
}

/// The facts of one petition that its deadlines depend on.
#[derive(Debug, Clone)]
pub struct PetitionFacts {
    pub kind: PetitionType,
    /// 1 or 2 for complaints (second-time resolution); 1 for the others.
    pub round: u8,
    pub complex: bool,
    /// Đặc biệt phức tạp: a denunciation may be extended twice.
    pub especially_complex: bool,
    pub remote: bool,
    pub received: NaiveDate,
    pub accepted: Option<NaiveDate>,
    /// Dated extension decisions; they count for denunciations only.
    pub extensions: Vec<ExtensionFact>,
    pub resolved: Option<NaiveDate>,
}

/// An extension decision: its date, and its days when it gives fewer than
/// the most the law allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtensionFact {
    pub date: NaiveDate,
    pub days: Option<u32>,
}

impl From<NaiveDate> for ExtensionFact {
    /// A decision for the most the law allows.
    fn from(date: NaiveDate) -> Self {
        ExtensionFact { date, days: None }
    }
}

/// How many extensions Luật Tố cáo 2018 art. 30 allows a denunciation: none
/// for an ordinary case, one for a complex case (phức tạp), two for an
/// especially complex one (đặc biệt phức tạp).
pub fn extensions_allowed(p: &PetitionFacts) -> u32 {
    if p.especially_complex {
        2
    } else if p.complex {
        1
    } else {
        0
    }
}

/// One extension decision as it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountedExtension {
    /// Its place among the petition's extensions as written (from 0).
    pub index: usize,
    pub date: NaiveDate,
    /// The days it adds: those it gives, at most the `[rules]` extension
    /// (30 days by art. 30; a longer one counts as 30).
    pub days: u32,
}

/// The extensions of a denunciation that count on `as_of`, in date order:
/// those decided by then, at most `max_extensions` (2: a third never
/// counts). One more than the case's complexity allows still counts: the
/// decision was made (`check` warns and names the flag to set). None for a
/// complaint or recommendation.
pub fn counted_extensions(p: &PetitionFacts, rules: &Rules, as_of: NaiveDate) -> Vec<CountedExtension> {
    if p.kind != PetitionType::Denunciation {
        return Vec::new();
    }
    let mut made: Vec<(usize, &ExtensionFact)> = p
        .extensions
        .iter()
        .enumerate()
        .filter(|(_, e)| e.date <= as_of)
        .collect();
    made.sort_by_key(|(i, e)| (e.date, *i));
    let most = rules.denunciation_extension.days;
    made.into_iter()
        .take(usize::try_from(rules.max_extensions).unwrap_or(usize::MAX))
        .map(|(index, e)| CountedExtension {
            index,
            date: e.date,
            days: e.days.map_or(most, |d| d.min(most)),
        })
        .collect()
}

impl PetitionFacts {
    /// Acceptance as it stood on `as_of`: a later date has not happened yet.
    fn accepted_by(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        self.accepted.filter(|&d| d <= as_of)
    }

    fn resolved_by(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        self.resolved.filter(|&d| d <= as_of)
    }
}

/// A petition's deadlines as of a date.
///
/// A deadline is *provisional* when counting it asked whether a day of a
/// year the workspace's `[calendar]` does not list is a day off: it rests on
/// the statutory days off computed for that year (Labour Code 2019 art.
/// 111–112, [`crate::domain::holidays`]) and may move when the government
/// announces the year. This holds for calendar-day limits too, since one
/// that ends on a day off moves to the next working day (BLDS 2015 art.
/// 148). Listing the year in `[calendar]` removes the mark.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Deadlines {
    /// The last day to accept (thụ lý), counted from receipt.
    pub acceptance: NaiveDate,
    /// The last day to resolve, counted from acceptance: `None` until the
    /// petition is accepted, or when no limit applies (recommendations by
    /// default).
    pub resolution: Option<NaiveDate>,
    /// Whether `acceptance` is provisional.
    #[serde(skip_serializing_if = "is_false")]
    pub acceptance_provisional: bool,
    /// Whether `resolution` is provisional (false when there is none).
    #[serde(skip_serializing_if = "is_false")]
    pub resolution_provisional: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// The deadlines of a petition as its record stood on `as_of`: an
/// acceptance or an extension dated after `as_of` has not happened yet.
pub fn deadlines(p: &PetitionFacts, rules: &Rules, cal: &Calendar, as_of: NaiveDate) -> Deadlines {
    let acceptance_limit = rules.acceptance_limit(p.kind);
    let acceptance = cal.counted_deadline(p.received, acceptance_limit.days, acceptance_limit.count);
    let resolution = p
        .accepted_by(as_of)
        .and_then(|accepted| resolution_deadline(p, rules, cal, accepted, as_of));
    Deadlines {
        acceptance: acceptance.day,
        resolution: resolution.map(|r| r.day),
        acceptance_provisional: acceptance.provisional,
        resolution_provisional: resolution.is_some_and(|r| r.provisional),
    }
}

fn resolution_deadline(
    p: &PetitionFacts,
    rules: &Rules,
    cal: &Calendar,
    accepted: NaiveDate,
    as_of: NaiveDate,
) -> Option<Counted> {
    let base = rules.resolution_limit(p)?;
    let mut last = cal.count(Counted::start(accepted), base.days, base.count);
    // Luật Tố cáo 2018 art. 30: each extension decision adds up to 30
    // days, at most twice. Counting each extension on from the plain end
    // of the previous limit, and moving off a day off only at the very end
    // (BLDS 2015 art. 148), equals counting base + the extensions' days
    // from acceptance, and still works when the two limits count days
    // differently.
    for e in counted_extensions(p, rules, as_of) {
        last = cal.count(last, e.days, rules.denunciation_extension.count);
    }
    Some(cal.settle(last))
}

/// Where a petition stands on a date, with its deadlines.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PetitionStatus {
    pub state: PetitionState,
    pub deadlines: Deadlines,
    /// Calendar days from `as_of` to the deadline that matters now (the
    /// acceptance deadline before acceptance, the resolution deadline
    /// after): negative when late, 0 on the day itself. `None` once
    /// resolved, or when no limit applies.
    pub days_left: Option<i64>,
    /// Whether the deadline the state is judged on (the acceptance deadline
    /// before acceptance, the resolution deadline after) is provisional
    /// (see [`Deadlines`]).
    #[serde(skip_serializing_if = "is_false")]
    pub provisional: bool,
    /// Whether the petition was accepted on the date (which deadline it is
    /// judged on: see [`PetitionStatus::current_deadline`]).
    #[serde(skip)]
    pub accepted: bool,
}

/// The state of a petition on `as_of` (SPEC section 4). A petition is due
/// soon when its resolution deadline is at most `due_within` days away.
///
/// A petition received after `as_of` does not exist yet; callers filter it
/// out (here it would read as awaiting acceptance).
pub fn petition_status(
    p: &PetitionFacts,
    rules: &Rules,
    cal: &Calendar,
    as_of: NaiveDate,
    due_within: u32,
) -> PetitionStatus {
    let deadlines = deadlines(p, rules, cal, as_of);
    let accepted = p.accepted_by(as_of);
    let (state, days_left) = match (accepted, p.resolved_by(as_of)) {
        (_, Some(resolved)) => {
            // Never accepted (not accepted, withdrawn, transferred): the
            // answer was due by the acceptance deadline. No resolution limit
            // (a recommendation by default): always on time.
            let due = match accepted {
                Some(_) => deadlines.resolution,
                None => Some(deadlines.acceptance),
            };
            let on_time = due.is_none_or(|due| resolved <= due);
            let state = if on_time {
                PetitionState::ResolvedOnTime
            } else {
                PetitionState::ResolvedLate
            };
            (state, None)
        }
        (None, None) => {
            let left = days_between(as_of, deadlines.acceptance);
            let state = if left >= 0 {
                PetitionState::AwaitingAcceptance
            } else {
                PetitionState::AcceptanceOverdue
            };
            (state, Some(left))
        }
        (Some(_), None) => match deadlines.resolution {
            None => (PetitionState::Open, None),
            Some(due) => {
                let left = days_between(as_of, due);
                let state = match urgency(left, due_within) {
                    Urgency::Overdue => PetitionState::Overdue,
                    Urgency::DueSoon => PetitionState::DueSoon,
                    Urgency::Open => PetitionState::Open,
                };
                (state, Some(left))
            }
        },
    };
    // Before acceptance every state is judged on the acceptance deadline,
    // after it on the resolution deadline.
    let provisional = match accepted {
        Some(_) => deadlines.resolution_provisional,
        None => deadlines.acceptance_provisional,
    };
    PetitionStatus {
        state,
        deadlines,
        days_left,
        provisional,
        accepted: accepted.is_some(),
    }
}

impl PetitionStatus {
    /// The deadline the petition is judged on: the acceptance deadline
    /// until it is accepted, the resolution deadline after (none when no
    /// limit applies).
    pub fn current_deadline(&self) -> Option<NaiveDate> {
        if self.accepted {
            self.deadlines.resolution
        } else {
            Some(self.deadlines.acceptance)
        }
    }
}

/// Where a task a conclusion assigned stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TaskStatus {
    pub state: TaskState,
    /// The day it was reported done, when that is on or before the date.
    pub done: Option<NaiveDate>,
    /// An unfinished task with a due date: calendar days to it, negative
    /// when late, 0 on the day itself.
    pub days_left: Option<i64>,
    /// An overdue task: days past due on the date; a task done late: days
    /// past due when it was done.
    pub days_late: Option<i64>,
}

/// [`task_state`] with the days left or late.
pub fn task_status(due: Option<NaiveDate>, done: Option<NaiveDate>, as_of: NaiveDate, due_within: u32) -> TaskStatus {
    let state = task_state(due, done, as_of, due_within);
    // A done date after the as-of date is not known yet on that date.
    let done = done.filter(|&d| d <= as_of);
    let days_left = due.filter(|_| !state.is_finished()).map(|d| days_between(as_of, d));
    let days_late = match (state, due, done) {
        (TaskState::Overdue, Some(due), _) => Some(days_between(due, as_of)),
        (TaskState::DoneLate, Some(due), Some(done)) => Some(days_between(due, done)),
        _ => None,
    };
    TaskStatus {
        state,
        done,
        days_left,
        days_late,
    }
}

/// The state on `as_of` of a task a conclusion assigned, due by `due` and
/// reported done on `done`. A task is due soon when its due date is at
/// most `due_within` days away; a task with no due date is never late.
pub fn task_state(due: Option<NaiveDate>, done: Option<NaiveDate>, as_of: NaiveDate, due_within: u32) -> TaskState {
    match (done.filter(|&d| d <= as_of), due) {
        (Some(done), due) if due.is_none_or(|due| done <= due) => TaskState::Done,
        (Some(_), _) => TaskState::DoneLate,
        (None, None) => TaskState::Open,
        (None, Some(due)) => match urgency(days_between(as_of, due), due_within) {
            Urgency::Overdue => TaskState::Overdue,
            Urgency::DueSoon => TaskState::DueSoon,
            Urgency::Open => TaskState::Open,
        },
    }
}

/// How pressing an unfinished item is, shared by petitions and tasks.
enum Urgency {
    Overdue,
    DueSoon,
    Open,
}

fn urgency(days_left: i64, due_within: u32) -> Urgency {
    if days_left < 0 {
        Urgency::Overdue
    } else if days_left <= i64::from(due_within) {
        Urgency::DueSoon
    } else {
        Urgency::Open
    }
}

/// Calendar days from `from` to `to`, negative when `to` is earlier. Any two
/// dates chrono can hold are well within range of the result.
fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::fixtures::{announced, announced_lists, d, vietnam};
    use crate::domain::holidays::statutory_days_off;

    fn complaint(received: &str) -> PetitionFacts {
        PetitionFacts {
            kind: PetitionType::Complaint,
            round: 1,
            complex: false,
            especially_complex: false,
            remote: false,
            received: d(received),
            accepted: None,
            extensions: Vec::new(),
            resolved: None,
        }
    }

    fn of_kind(kind: PetitionType, received: &str) -> PetitionFacts {
        PetitionFacts {
            kind,
            ..complaint(received)
        }
    }

    /// The deadlines with everything in the record already past.
    fn deadlines_late(p: &PetitionFacts, rules: &Rules) -> Deadlines {
        deadlines(p, rules, &vietnam(), d("2030-01-01"))
    }

    #[test]
    fn complaint_acceptance_is_10_days_from_receipt() {
        // Received Fri 2023-03-03; 10 days from Sat 03-04 → Mon 03-13, a working day.
        let p = complaint("2023-03-03");
        assert_eq!(deadlines_late(&p, &Rules::default()).acceptance, d("2023-03-13"));
        // Received Wed 2023-03-01; 10 days → Sat 03-11 → Mon 03-13.
        let p = complaint("2023-03-01");
        assert_eq!(deadlines_late(&p, &Rules::default()).acceptance, d("2023-03-13"));
        // Received Tue 2023-01-10; 10 days → Fri 01-20, first day of Tết
        // (20–26) → Fri 01-27. Round 2 has the same limit (art. 36).
        let mut p = complaint("2023-01-10");
        assert_eq!(deadlines_late(&p, &Rules::default()).acceptance, d("2023-01-27"));
        p.round = 2;
        assert_eq!(deadlines_late(&p, &Rules::default()).acceptance, d("2023-01-27"));
    }

    #[test]
    fn complaint_resolution_every_round_and_case() {
        // Accepted Thu 2023-03-16. Mar 16 + 15 = Mar 31, so:
        //   +30 = Sat 04-15 → Mon 04-17;
        //   +45 = Sun 04-30, in the 29/4–3/5 break → Thu 05-04;
        //   +60 = Mon 05-15 (Apr 30 + 15), a working day;
        //   +70 = Thu 05-25.
        let cases = [
            // (round, complex, remote, expected)
            (1, false, false, "2023-04-17"), // 30
            (1, true, false, "2023-05-04"),  // 45
            (1, false, true, "2023-05-04"),  // 45
            (1, true, true, "2023-05-15"),   // 60
            (2, false, false, "2023-05-04"), // 45
            (2, true, false, "2023-05-15"),  // 60
            (2, false, true, "2023-05-15"),  // 60
            (2, true, true, "2023-05-25"),   // 70
        ];
        for (round, complex, remote, expected) in cases {
            let p = PetitionFacts {
                round,
                complex,
                remote,
                accepted: Some(d("2023-03-16")),
                ..complaint("2023-03-10")
            };
            assert_eq!(
                deadlines_late(&p, &Rules::default()).resolution,
                Some(d(expected)),
                "round {round}, complex {complex}, remote {remote}"
            );
        }
    }

    #[test]
    fn complaint_resolution_across_a_year_boundary() {
        // Accepted Fri 2023-12-15; +30 = Sun 2024-01-14 → Mon 01-15.
        let p = PetitionFacts {
            accepted: Some(d("2023-12-15")),
            ..complaint("2023-12-08")
        };
        assert_eq!(deadlines_late(&p, &Rules::default()).resolution, Some(d("2024-01-15")));
    }

    #[test]
    fn working_day_override_of_a_complaint_limit() {
        // [rules] complaint_resolution = { days = 30, count = "working" }.
        // Accepted Mon 2023-03-13: Tue–Fri of its week (4) and five full
        // weeks (25) reach Fri 04-21; Mon 04-24 is the 30th working day. No
        // holiday in between (Giỗ Tổ 2023 was moved to 29/4–3/5).
        let mut rules = Rules::default();
        assert!(rules.set("complaint_resolution", Limit::working(30)));
        let p = PetitionFacts {
            accepted: Some(d("2023-03-13")),
            ..complaint("2023-03-03")
        };
        assert_eq!(deadlines_late(&p, &rules).resolution, Some(d("2023-04-24")));
    }

    #[test]
    fn denunciation_acceptance_in_working_days() {
        // Received Fri 2023-04-28, before 30/4–1/5: Sat 29/4–Wed 3/5 off;
        // Thu 5/4 (1), Fri 5/5 (2), Mon 5/8 (3), Tue 5/9 (4), Wed 5/10 (5),
        // Thu 5/11 (6), Fri 5/12 (7).
        let p = of_kind(PetitionType::Denunciation, "2023-04-28");
        assert_eq!(deadlines_late(&p, &Rules::default()).acceptance, d("2023-05-12"));
        // Received Thu 2024-04-25: Fri 4/26 (1); Sat 4/27–Wed 5/1 off;
        // Thu 5/2 (2), Fri 5/3 (3), Sat 5/4 swapped working day (4), Sun off,
        // Mon 5/6 (5), Tue 5/7 (6), Wed 5/8 (7).
        let p = of_kind(PetitionType::Denunciation, "2024-04-25");
        assert_eq!(deadlines_late(&p, &Rules::default()).acceptance, d("2024-05-08"));
    }

    #[test]
    fn denunciation_extensions() {
        // Accepted Wed 2024-05-08. May 8 + 23 = May 31, so:
        //   30 days = Fri 06-07;
        //   60 days = Sun 07-07 → Mon 07-08 (one extension);
        //   90 days = Tue 08-06 (two extensions; Jul 7 + 30).
        // The base and extension are summed before the day-off shift, so
        // two extensions end on 08-06, not on 07-08 + 30 = Wed 08-07.
        let base = PetitionFacts {
            accepted: Some(d("2024-05-08")),
            ..of_kind(PetitionType::Denunciation, "2024-04-25")
        };
        let with = |extensions: &[&str]| PetitionFacts {
            extensions: extensions.iter().map(|e| d(e).into()).collect(),
            ..base.clone()
        };
        let rules = Rules::default();
        let cal = vietnam();
        let as_of = d("2024-12-31");
        let resolution = |p: &PetitionFacts| deadlines(p, &rules, &cal, as_of).resolution;
        assert_eq!(resolution(&base), Some(d("2024-06-07")));
        assert_eq!(resolution(&with(&["2024-06-03"])), Some(d("2024-07-08")));
        assert_eq!(resolution(&with(&["2024-06-03", "2024-07-01"])), Some(d("2024-08-06")));
        // A third extension is beyond art. 30 and ignored.
        assert_eq!(
            resolution(&with(&["2024-06-03", "2024-07-01", "2024-08-01"])),
            Some(d("2024-08-06"))
        );
        // An extension decided after as_of does not count yet.
        let p = with(&["2024-06-03", "2024-07-01"]);
        assert_eq!(
            deadlines(&p, &rules, &cal, d("2024-06-15")).resolution,
            Some(d("2024-07-08"))
        );
        // [rules] may allow a third one.
        let mut three = rules;
        three.max_extensions = 3;
        let p = with(&["2024-06-03", "2024-07-01", "2024-08-01"]);
        // 120 days = Thu 09-05 (Aug 6 + 30: 25 days to Aug 31, 5 more).
        assert_eq!(deadlines(&p, &three, &cal, as_of).resolution, Some(d("2024-09-05")));
    }

    #[test]
    fn an_extension_may_give_fewer_days_and_never_more_than_30() {
        // Luật Tố cáo 2018 art. 30: each extension at most 30 days. An
        // especially complex denunciation accepted Wed 2024-05-08: 30 days
        // → Fri 06-07. Extended on 06-03 by 20 days: Jun 7 + 20 = Thu
        // 06-27. Extended again on 06-25 by the full 30: Jun 27 + 30 = Sat
        // 07-27 → Mon 07-29.
        let p = PetitionFacts {
            especially_complex: true,
            accepted: Some(d("2024-05-08")),
            extensions: vec![
                ExtensionFact {
                    date: d("2024-06-03"),
                    days: Some(20),
                },
                d("2024-06-25").into(),
            ],
            ..of_kind(PetitionType::Denunciation, "2024-04-25")
        };
        let rules = Rules::default();
        let cal = vietnam();
        let at = |as_of: &str| deadlines(&p, &rules, &cal, d(as_of)).resolution;
        assert_eq!(at("2024-06-02"), Some(d("2024-06-07")));
        assert_eq!(at("2024-06-10"), Some(d("2024-06-27")));
        assert_eq!(at("2024-12-31"), Some(d("2024-07-29")));
        // A decision that says 45 days counts as 30 (check warns): the same
        // as a plain date, Jun 7 + 30 = Sun 07-07 → Mon 07-08.
        let long = PetitionFacts {
            extensions: vec![ExtensionFact {
                date: d("2024-06-03"),
                days: Some(45),
            }],
            ..p.clone()
        };
        assert_eq!(
            deadlines(&long, &rules, &cal, d("2024-12-31")).resolution,
            Some(d("2024-07-08"))
        );
        let counted = counted_extensions(&long, &rules, d("2024-12-31"));
        assert_eq!(counted[0].days, 30);
    }

    #[test]
    fn extensions_follow_the_case_s_complexity_and_never_a_third() {
        // The allowance of art. 30.
        let plain = of_kind(PetitionType::Denunciation, "2024-04-25");
        let complex = PetitionFacts {
            complex: true,
            ..plain.clone()
        };
        let especially = PetitionFacts {
            especially_complex: true,
            ..plain.clone()
        };
        assert_eq!([&plain, &complex, &especially].map(extensions_allowed), [0, 1, 2]);
        // A plain case extended twice: both decisions count (check warns
        // to set especially_complex); a third, in date order, does not,
        // even when written first.
        let rules = Rules::default();
        let p = PetitionFacts {
            accepted: Some(d("2024-05-08")),
            extensions: vec![d("2024-08-01").into(), d("2024-06-03").into(), d("2024-07-01").into()],
            ..plain
        };
        let counted: Vec<usize> = counted_extensions(&p, &rules, d("2024-12-31"))
            .iter()
            .map(|e| e.index)
            .collect();
        assert_eq!(counted, [1, 2]);
        assert_eq!(
            deadlines(&p, &rules, &vietnam(), d("2024-12-31")).resolution,
            Some(d("2024-08-06"))
        );
    }

    #[test]
    fn extensions_count_only_for_denunciations() {
        // Complaint accepted Thu 2023-03-16, +30 → Mon 04-17 whatever the
        // extensions say.
        let p = PetitionFacts {
            accepted: Some(d("2023-03-16")),
            extensions: vec![d("2023-04-01").into()],
            ..complaint("2023-03-10")
        };
        assert_eq!(deadlines_late(&p, &Rules::default()).resolution, Some(d("2023-04-17")));
    }

    #[test]
    fn recommendation_has_no_resolution_limit_unless_set() {
        // Received Mon 2023-01-16; 10 working days: Tue 17 (1), Wed 18 (2),
        // Thu 19 (3), Fri 20–Thu 26 Tết, Fri 27 (4), Mon 30 (5), Tue 31 (6),
        // Wed 2/1 (7), Thu 2/2 (8), Fri 2/3 (9), Mon 2/6 (10).
        let p = PetitionFacts {
            accepted: Some(d("2023-02-06")),
            ..of_kind(PetitionType::Recommendation, "2023-01-16")
        };
        let default = deadlines_late(&p, &Rules::default());
        assert_eq!(default.acceptance, d("2023-02-06"));
        assert_eq!(default.resolution, None);
        // [rules] recommendation_resolution = { days = 15, count = "working" }:
        // from Mon 2023-02-06: Tue 7–Fri 10 (4), 13–17 (9), 20–24 (14),
        // Mon 2/27 (15).
        let mut rules = Rules::default();
        assert!(rules.set("recommendation_resolution", Limit::working(15)));
        assert_eq!(deadlines_late(&p, &rules).resolution, Some(d("2023-02-27")));
    }

    #[test]
    fn acceptance_after_as_of_has_not_happened() {
        // Received Fri 2023-03-03 (acceptance due Mon 03-13), accepted Thu
        // 03-09. On Wed 03-08 it is not accepted yet: 5 days left.
        let p = PetitionFacts {
            accepted: Some(d("2023-03-09")),
            ..complaint("2023-03-03")
        };
        let cal = vietnam();
        let rules = Rules::default();
        let before = petition_status(&p, &rules, &cal, d("2023-03-08"), 14);
        assert_eq!(before.state, PetitionState::AwaitingAcceptance);
        assert_eq!(before.deadlines.resolution, None);
        assert_eq!(before.days_left, Some(5));
        // On 03-09 itself it is accepted: +30 = Sat 04-08 → Mon 04-10,
        // 32 days away (22 to Mar 31, 10 more).
        let on = petition_status(&p, &rules, &cal, d("2023-03-09"), 14);
        assert_eq!(on.state, PetitionState::Open);
        assert_eq!(on.deadlines.resolution, Some(d("2023-04-10")));
        assert_eq!(on.days_left, Some(32));
    }

    #[test]
    fn every_petition_state() {
        let cal = vietnam();
        let rules = Rules::default();
        let status = |p: &PetitionFacts, as_of: &str| petition_status(p, &rules, &cal, d(as_of), 14);

        // Received Fri 2023-03-03, acceptance due Mon 03-13.
        let received = complaint("2023-03-03");
        // Due today: still awaiting, 0 days left.
        let s = status(&received, "2023-03-13");
        assert_eq!((s.state, s.days_left), (PetitionState::AwaitingAcceptance, Some(0)));
        // The day after: 1 day late.
        let s = status(&received, "2023-03-14");
        assert_eq!((s.state, s.days_left), (PetitionState::AcceptanceOverdue, Some(-1)));

        // Accepted Mon 03-13; resolution due +30 = Wed 04-12.
        let accepted = PetitionFacts {
            accepted: Some(d("2023-03-13")),
            ..received.clone()
        };
        // On 03-20: 23 days left (11 to Mar 31, 12 more) > 14 → open.
        let s = status(&accepted, "2023-03-20");
        assert_eq!((s.state, s.days_left), (PetitionState::Open, Some(23)));
        // On 03-29: 14 days left → due soon (the bound is inclusive).
        let s = status(&accepted, "2023-03-29");
        assert_eq!((s.state, s.days_left), (PetitionState::DueSoon, Some(14)));
        // On 03-28: 15 days left → open.
        assert_eq!(status(&accepted, "2023-03-28").state, PetitionState::Open);
        // On the deadline: due soon with 0 days left.
        let s = status(&accepted, "2023-04-12");
        assert_eq!((s.state, s.days_left), (PetitionState::DueSoon, Some(0)));
        // Three days after: overdue by 3.
        let s = status(&accepted, "2023-04-15");
        assert_eq!((s.state, s.days_left), (PetitionState::Overdue, Some(-3)));

        // Resolved on the deadline: on time; a day later: late.
        let on_time = PetitionFacts {
            resolved: Some(d("2023-04-12")),
            ..accepted.clone()
        };
        let s = status(&on_time, "2023-05-01");
        assert_eq!((s.state, s.days_left), (PetitionState::ResolvedOnTime, None));
        assert!(s.state.is_resolved());
        let late = PetitionFacts {
            resolved: Some(d("2023-04-13")),
            ..accepted.clone()
        };
        assert_eq!(status(&late, "2023-05-01").state, PetitionState::ResolvedLate);
        // Resolved after as_of: not resolved yet on 04-12.
        assert_eq!(status(&late, "2023-04-12").state, PetitionState::DueSoon);
        assert!(!PetitionState::Overdue.is_resolved());
    }

    #[test]
    fn resolved_without_acceptance_is_judged_by_the_acceptance_deadline() {
        let cal = vietnam();
        let rules = Rules::default();
        // Received Fri 2023-03-03, acceptance due Mon 03-13; answered "not
        // accepted" on 03-13 (on time) or 03-14 (late). No resolution deadline.
        let refused = |on: &str| PetitionFacts {
            resolved: Some(d(on)),
            ..complaint("2023-03-03")
        };
        let s = petition_status(&refused("2023-03-13"), &rules, &cal, d("2023-06-01"), 14);
        assert_eq!(s.state, PetitionState::ResolvedOnTime);
        assert_eq!(s.deadlines.resolution, None);
        let s = petition_status(&refused("2023-03-14"), &rules, &cal, d("2023-06-01"), 14);
        assert_eq!(s.state, PetitionState::ResolvedLate);
    }

    #[test]
    fn a_petition_without_a_resolution_limit() {
        let cal = vietnam();
        let rules = Rules::default();
        // A recommendation accepted Mon 2023-02-06 and never resolved stays
        // open with no days left, however long it waits.
        let p = PetitionFacts {
            accepted: Some(d("2023-02-06")),
            ..of_kind(PetitionType::Recommendation, "2023-01-16")
        };
        let s = petition_status(&p, &rules, &cal, d("2024-12-31"), 14);
        assert_eq!((s.state, s.days_left), (PetitionState::Open, None));
        // Resolved a year later: still on time, there is no limit.
        let p = PetitionFacts {
            resolved: Some(d("2024-02-06")),
            ..p
        };
        let s = petition_status(&p, &rules, &cal, d("2024-12-31"), 14);
        assert_eq!(s.state, PetitionState::ResolvedOnTime);
    }

    #[test]
    fn every_task_state() {
        let due = Some(d("2022-12-31"));
        let as_of = d("2022-12-01");
        // Done by the due date, or with no due date: done.
        assert_eq!(task_state(due, Some(d("2022-11-30")), as_of, 14), TaskState::Done);
        assert_eq!(task_state(None, Some(d("2022-11-30")), as_of, 14), TaskState::Done);
        assert_eq!(
            task_state(due, Some(d("2022-12-31")), d("2023-01-05"), 14),
            TaskState::Done
        );
        // Done after the due date.
        assert_eq!(
            task_state(due, Some(d("2023-01-02")), d("2023-01-05"), 14),
            TaskState::DoneLate
        );
        // Done after as_of: not done yet; 30 days left → open.
        assert_eq!(task_state(due, Some(d("2022-12-15")), as_of, 14), TaskState::Open);
        // 14 days left (Dec 17 → Dec 31) → due soon; 15 → open.
        assert_eq!(task_state(due, None, d("2022-12-17"), 14), TaskState::DueSoon);
        assert_eq!(task_state(due, None, d("2022-12-16"), 14), TaskState::Open);
        // Due today → due soon; the day after → overdue.
        assert_eq!(task_state(due, None, d("2022-12-31"), 0), TaskState::DueSoon);
        assert_eq!(task_state(due, None, d("2023-01-01"), 14), TaskState::Overdue);
        // No due date, not done: open.
        assert_eq!(task_state(None, None, as_of, 14), TaskState::Open);
    }

    #[test]
    fn a_task_s_days_left_and_late() {
        let due = Some(d("2022-12-31"));
        let s = task_status(due, None, d("2022-12-20"), 7);
        assert_eq!((s.state, s.days_left, s.days_late), (TaskState::Open, Some(11), None));
        let s = task_status(due, None, d("2023-01-03"), 7);
        assert_eq!(
            (s.state, s.days_left, s.days_late),
            (TaskState::Overdue, Some(-3), Some(3))
        );
        // Done late: how late it was done, and no days left.
        let s = task_status(due, Some(d("2023-01-10")), d("2023-02-01"), 7);
        assert_eq!(
            (s.state, s.done, s.days_left, s.days_late),
            (TaskState::DoneLate, Some(d("2023-01-10")), None, Some(10))
        );
        // A done date after the as-of date is not known yet.
        let s = task_status(due, Some(d("2023-01-10")), d("2022-12-01"), 7);
        assert_eq!((s.state, s.done, s.days_left), (TaskState::Open, None, Some(30)));
        assert!(TaskState::DoneLate.is_finished() && !TaskState::Overdue.is_finished());
    }

    #[test]
    fn the_deadline_that_matters_now() {
        let rules = Rules::default();
        let cal = vietnam();
        let mut p = complaint("2023-03-01");
        // Not accepted: the acceptance deadline (10 days, Sat 11/3 → Mon 13/3).
        let s = petition_status(&p, &rules, &cal, d("2023-03-05"), 7);
        assert_eq!(s.current_deadline(), Some(d("2023-03-13")));
        // Accepted on 6/3: the resolution deadline, 30 days on (5/4).
        p.accepted = Some(d("2023-03-06"));
        let s = petition_status(&p, &rules, &cal, d("2023-03-07"), 7);
        assert_eq!(s.current_deadline(), Some(d("2023-04-05")));
        // Accepted after the as-of date: still the acceptance deadline.
        let s = petition_status(&p, &rules, &cal, d("2023-03-05"), 7);
        assert_eq!(s.current_deadline(), Some(d("2023-03-13")));
        // A resolved petition keeps the deadline it was judged on.
        p.resolved = Some(d("2023-03-20"));
        let s = petition_status(&p, &rules, &cal, d("2023-04-01"), 7);
        assert_eq!(
            (s.state, s.current_deadline()),
            (PetitionState::ResolvedOnTime, Some(d("2023-04-05")))
        );
        assert!(s.state.is_resolved() && !s.state.is_late());
        assert!(PetitionState::AcceptanceOverdue.is_late());
    }

    #[test]
    fn statuses_serialize_with_record_spellings() {
        let p = complaint("2023-03-03");
        let s = petition_status(&p, &Rules::default(), &vietnam(), d("2023-03-14"), 14);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"state":"acceptance-overdue","deadlines":{"acceptance":"2023-03-13","resolution":null},"days_left":-1}"#
        );
    }

    /// The announced days off of 2021–2026 and 2027 as the law has it, as
    /// if the government had announced it so: a workspace that lists 2027.
    fn with_2027_listed() -> Calendar {
        let (holidays, workdays) = announced_lists();
        Calendar::new(holidays.into_iter().chain(statutory_days_off(2027)), workdays)
    }

    #[test]
    fn a_complaint_accepted_on_28_december_2026() {
        // Received Fri 2026-12-18: acceptance +10 = Mon 12-28, a working day
        // of 2026: not provisional. Accepted Mon 12-28: resolution +30 = Wed
        // 2027-01-27 (3 days to 12-31, 27 more), a working day of 2027 by
        // law, but 2027 is not listed: provisional.
        let p = PetitionFacts {
            accepted: Some(d("2026-12-28")),
            ..complaint("2026-12-18")
        };
        let due = deadlines(&p, &Rules::default(), &announced(), d("2027-01-10"));
        assert_eq!(due.acceptance, d("2026-12-28"));
        assert!(!due.acceptance_provisional);
        assert_eq!(due.resolution, Some(d("2027-01-27")));
        assert!(due.resolution_provisional);
        // The state is judged on the resolution deadline: provisional.
        let status = petition_status(&p, &Rules::default(), &announced(), d("2027-01-10"), 14);
        assert_eq!(
            (status.state, status.days_left, status.provisional),
            (PetitionState::Open, Some(17), true)
        );
        // Listing 2027 removes the mark; the day stays.
        let listed = deadlines(&p, &Rules::default(), &with_2027_listed(), d("2027-01-10"));
        assert_eq!(listed.resolution, Some(d("2027-01-27")));
        assert!(!listed.resolution_provisional && !listed.acceptance_provisional);
    }

    #[test]
    fn a_deadline_that_lands_on_tet_2027() {
        // A complex complaint accepted Wed 2026-12-23: +45 = Sat 2027-02-06
        // (8 days to 12-31, 37 more), mùng 1 Tết Đinh Mùi. The statutory Tết
        // days off run Thu 4/2 to Wed 10/2 (two days before mùng 1 to mùng
        // 3, the weekend taken on Tue 9 and Wed 10): the deadline is Thu
        // 2027-02-11, provisional. Counting weekends only it was Mon 02-08.
        let p = PetitionFacts {
            complex: true,
            accepted: Some(d("2026-12-23")),
            ..complaint("2026-12-14")
        };
        let due = deadlines(&p, &Rules::default(), &announced(), d("2027-01-10"));
        assert_eq!(due.resolution, Some(d("2027-02-11")));
        assert!(due.resolution_provisional);
        let listed = deadlines(&p, &Rules::default(), &with_2027_listed(), d("2027-01-10"));
        assert_eq!(listed.resolution, Some(d("2027-02-11")));
        assert!(!listed.resolution_provisional);
    }

    #[test]
    fn a_denunciation_received_in_late_december_2026() {
        // Received Thu 2026-12-24, 7 working days: Fri 25 (1), Mon 28 (2),
        // Tue 29 (3), Wed 30 (4), Thu 31 (5), Fri 2027-01-01 New Year off,
        // Mon 4 (6), Tue 5 (7): 2027-01-05, provisional. Counting weekends
        // only it was Mon 01-04.
        let rules = Rules::default();
        let p = of_kind(PetitionType::Denunciation, "2026-12-24");
        let due = deadlines(&p, &rules, &announced(), d("2026-12-30"));
        assert_eq!(due.acceptance, d("2027-01-05"));
        assert!(due.acceptance_provisional);
        let status = petition_status(&p, &rules, &announced(), d("2026-12-30"), 14);
        assert_eq!(status.state, PetitionState::AwaitingAcceptance);
        assert!(status.provisional);
        assert!(!deadlines(&p, &rules, &with_2027_listed(), d("2026-12-30")).acceptance_provisional);
        // Received Fri 2026-12-11: Mon 14 (1) … Fri 18 (5), Mon 21 (6), Tue
        // 22 (7): all in 2026, not provisional.
        let p = of_kind(PetitionType::Denunciation, "2026-12-11");
        let due = deadlines(&p, &rules, &announced(), d("2026-12-30"));
        assert_eq!((due.acceptance, due.acceptance_provisional), (d("2026-12-22"), false));
    }

    #[test]
    fn a_calendar_day_limit_is_provisional_only_when_it_asks_about_2027() {
        let rules = Rules::default();
        let cal = announced();
        let acceptance = |received: &str| {
            let due = deadlines(&complaint(received), &rules, &cal, d("2026-12-31"));
            (due.acceptance, due.acceptance_provisional)
        };
        // Tue 12-22 + 10 = Fri 2027-01-01, New Year: Mon 2027-01-04, provisional.
        assert_eq!(acceptance("2026-12-22"), (d("2027-01-04"), true));
        // Mon 12-21 + 10 = Thu 12-31, a working day: 2027 is never asked.
        assert_eq!(acceptance("2026-12-21"), (d("2026-12-31"), false));
        // Wed 12-16 + 10 = Sat 12-26: Mon 12-28.
        assert_eq!(acceptance("2026-12-16"), (d("2026-12-28"), false));
    }

    #[test]
    fn an_extension_into_2027_makes_a_denunciation_provisional() {
        // Accepted Mon 2026-11-02: +30 = Wed 12-02; one extension: +30 = Fri
        // 2027-01-01, New Year: Mon 2027-01-04, provisional.
        let p = PetitionFacts {
            accepted: Some(d("2026-11-02")),
            ..of_kind(PetitionType::Denunciation, "2026-10-27")
        };
        let rules = Rules::default();
        let cal = announced();
        let due = deadlines(&p, &rules, &cal, d("2026-12-31"));
        assert_eq!(
            (due.resolution, due.resolution_provisional),
            (Some(d("2026-12-02")), false)
        );
        let extended = PetitionFacts {
            extensions: vec![d("2026-11-25").into()],
            ..p
        };
        let due = deadlines(&extended, &rules, &cal, d("2026-12-31"));
        assert_eq!(
            (due.resolution, due.resolution_provisional),
            (Some(d("2027-01-04")), true)
        );
    }

    #[test]
    fn provisional_deadlines_serialize_the_mark() {
        let p = of_kind(PetitionType::Denunciation, "2026-12-24");
        let s = petition_status(&p, &Rules::default(), &announced(), d("2026-12-30"), 14);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"state":"awaiting-acceptance","deadlines":{"acceptance":"2027-01-05","resolution":null,"acceptance_provisional":true},"days_left":6,"provisional":true}"#
        );
    }
}
