//! Days off and the counting of statutory time limits.
//!
//! Days off are Saturdays, Sundays and holidays, except swapped working
//! Saturdays. For a year the workspace lists, the holidays are those it
//! lists (`[calendar] holidays`, as the government announced them: Tết
//! moves with the lunar calendar, and days are swapped). For any other year
//! they are the statutory days off computed from the Labour Code
//! ([`crate::domain::holidays`]), and a deadline that depends on them is
//! *provisional*: the announcement may differ, and listing the year
//! removes the mark. The swapped working days the workspace lists
//! (`[calendar] workdays`) count in every year.
//!
//! A year is *listed* when `[calendar] holidays` holds at least one date in
//! it: the rule of the calendar-coverage warning (W001) since it was
//! written, and every announced year has at least New Year's Day. A year
//! the workspace lists only in part (one date, or 31/12 opening the next
//! year's New Year break) is still taken as the workspace's word for the
//! whole year.
//!
//! Counting follows Bộ luật Dân sự 2015: the day an event happens is not
//! counted, the limit starts the next day (art. 147), and a limit whose
//! last day is a day off ends on the next working day (art. 148).

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::domain::holidays;
use crate::model::keywords::DayCount;

/// How many days in a row may be days off before a walk gives up: ten
/// years. A real calendar never comes close (the longest break, Tết, is
/// about nine days); the cap only keeps a calendar that lists every day as
/// a holiday from looping for ever.
const MAX_DAYS_OFF_IN_A_ROW: u32 = 3_653;

/// How many calendar days a working-day count may walk: a hundred years,
/// far beyond any statutory limit, so that an absurd `[rules]` value
/// cannot make a count run for seconds.
const MAX_WALK: u32 = 36_525;

/// The days off of a workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Days off besides weekends (New Year, Tết, Giỗ Tổ, 30/4–1/5, Quốc khánh).
    holidays: BTreeSet<NaiveDate>,
    /// Saturdays (or Sundays) worked in exchange for a bridging day off.
    workdays: BTreeSet<NaiveDate>,
    /// The years `holidays` lists (see the module comment); the others get
    /// the statutory days off.
    listed_years: BTreeSet<i32>,
    /// [`Calendar::is_day_off`] for each day from 1 January of the first
    /// year a date is listed in to 31 December of the last (day number
    /// `first`, from the Common Era): working-day deadlines ask about every
    /// day they count, for every petition.
    first: i32,
    off: Vec<bool>,
}

/// The longest span of listed years given a table of days off: a century.
const MAX_TABLE_DAYS: i32 = 36_525;

impl crate::model::Config {
    /// The calendar deadlines are counted on: the workspace's `[calendar]`.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(
            self.calendar.holidays.iter().copied(),
            self.calendar.workdays.iter().copied(),
        )
    }
}

/// A day a count reached, and whether reaching it depended on whether a day
/// of a year the workspace does not list is a day off: then the day rests
/// on the statutory days off computed for that year, and may move when the
/// government announces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub day: NaiveDate,
    pub provisional: bool,
}

impl Counted {
    /// The day a count starts from, which depends on nothing.
    pub fn start(day: NaiveDate) -> Counted {
        Counted {
            day,
            provisional: false,
        }
    }
}

impl Calendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>, workdays: impl IntoIterator<Item = NaiveDate>) -> Self {
        let holidays: BTreeSet<NaiveDate> = holidays.into_iter().collect();
        let mut calendar = Calendar {
            listed_years: holidays.iter().map(NaiveDate::year).collect(),
            holidays,
            workdays: workdays.into_iter().collect(),
            first: 0,
            off: Vec::new(),
        };
        let listed = calendar.holidays.iter().chain(&calendar.workdays);
        let first = listed.clone().min().map(|d| first_of_year(*d).num_days_from_ce());
        let last = listed.max().map(|d| last_of_year(*d).num_days_from_ce());
        if let (Some(first), Some(last)) = (first, last)
            && last - first < MAX_TABLE_DAYS
        {
            let off = (first..=last)
                .map(|n| NaiveDate::from_num_days_from_ce_opt(n).is_some_and(|d| calendar.looks_up_day_off(d)))
                .collect();
            (calendar.first, calendar.off) = (first, off);
        }
        calendar
    }

    /// A holiday, or a Saturday or Sunday that is not a swapped working day.
    /// A date listed both as a holiday and as a workday is a day off: the
    /// holiday list is the stronger statement. In a year the workspace does
    /// not list, the holidays are the statutory days off.
    pub fn is_day_off(&self, d: NaiveDate) -> bool {
        let at = usize::try_from(d.num_days_from_ce() - self.first).ok();
        match at.and_then(|i| self.off.get(i)) {
            Some(&off) => off,
            None => self.looks_up_day_off(d),
        }
    }

    /// [`Calendar::is_day_off`] from the lists and the statutory days off.
    fn looks_up_day_off(&self, d: NaiveDate) -> bool {
        if self.holidays.contains(&d) || (!self.covers_year(d.year()) && holidays::is_statutory_day_off(d)) {
            return true;
        }
        matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.workdays.contains(&d)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !self.is_day_off(d)
    }

    /// Whether the workspace listed the days off of `year`: true when any
    /// holiday falls in it (every year has at least New Year's Day). A year
    /// it does not list counts the statutory days off, and `check` warns
    /// about deadlines in it.
    pub fn covers_year(&self, year: i32) -> bool {
        self.listed_years.contains(&year)
    }

    /// Whether every year from `first`'s to `last`'s is listed (true when
    /// `last` is earlier than `first`).
    pub fn covers(&self, first: NaiveDate, last: NaiveDate) -> bool {
        if last < first {
            return true;
        }
        let (from, to) = (first.year(), last.year());
        // More years than are listed cannot all be listed.
        let years = usize::try_from(i64::from(to) - i64::from(from) + 1).unwrap_or(usize::MAX);
        years <= self.listed_years.len() && (from..=to).all(|y| self.covers_year(y))
    }

    /// The last day of a limit of `days` days counted from the day after
    /// `start` (Bộ luật Dân sự 2015 art. 147), in calendar or working days;
    /// a limit whose last day is a day off moves to the next working day
    /// (art. 148).
    ///
    /// - `days = 0` gives `start` itself, moved to the next working day if
    ///   it is a day off, so the result is never a day off and never moves
    ///   earlier as `days` grows.
    /// - For working days the start day never counts, even when it is a
    ///   working day.
    /// - Near `NaiveDate::MAX` the count saturates: the result is the last
    ///   date reached, at most `NaiveDate::MAX`, and may be a day off.
    /// - A calendar with ten years of days off in a row stops the walk
    ///   there and returns the date reached (a day off); a working-day
    ///   count stops after a hundred years of calendar days. Neither
    ///   happens with a real calendar and a statutory limit.
    pub fn deadline(&self, start: NaiveDate, days: u32, count: DayCount) -> NaiveDate {
        self.counted_deadline(start, days, count).day
    }

    /// [`Calendar::deadline`], with whether it is provisional.
    pub fn counted_deadline(&self, start: NaiveDate, days: u32, count: DayCount) -> Counted {
        self.settle(self.count(Counted::start(start), days, count))
    }

    /// [`Calendar::last_counted_day`] from `from.day`, provisional when
    /// `from` was or when the count asked about a day of a year the
    /// workspace does not list: a working-day count asks about every day
    /// after its start up to the day it reaches, a calendar-day count about
    /// none.
    pub fn count(&self, from: Counted, days: u32, count: DayCount) -> Counted {
        let day = self.last_counted_day(from.day, days, count);
        let asked_unlisted =
            count == DayCount::Working && days > 0 && from.day.succ_opt().is_some_and(|first| !self.covers(first, day));
        Counted {
            day,
            provisional: from.provisional || asked_unlisted,
        }
    }

    /// [`Calendar::next_working_day`] from `from.day` (the move of BLDS 2015
    /// art. 148), provisional when `from` was or when a day it asked about,
    /// from `from.day` to the working day found, is in a year the workspace
    /// does not list.
    pub fn settle(&self, from: Counted) -> Counted {
        let day = self.next_working_day(from.day);
        Counted {
            day,
            provisional: from.provisional || !self.covers(from.day, day),
        }
    }

    /// The day a limit of `days` days counted after `start` reaches, before
    /// the art. 148 move off a day off. Counting a limit from the last day
    /// of another (an extension) and then moving gives the same day as
    /// counting both at once, because the move comes only at the end.
    pub fn last_counted_day(&self, start: NaiveDate, days: u32, count: DayCount) -> NaiveDate {
        match count {
            DayCount::Calendar => start
                .checked_add_days(Days::new(u64::from(days)))
                .unwrap_or(NaiveDate::MAX),
            DayCount::Working => self.add_working_days(start, days),
        }
    }

    /// `d` itself if it is a working day, else the first working day after
    /// it (bounded as `deadline` documents).
    pub fn next_working_day(&self, d: NaiveDate) -> NaiveDate {
        let mut day = d;
        for _ in 0..MAX_DAYS_OFF_IN_A_ROW {
            if self.is_working_day(day) {
                return day;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
        }
        day
    }

    /// The `days`-th working day after `start`; `start` when `days` is 0.
    fn add_working_days(&self, start: NaiveDate, days: u32) -> NaiveDate {
        let mut day = start;
        let mut counted = 0;
        let mut walked = 0;
        let mut off_in_a_row = 0;
        while counted < days && walked < MAX_WALK && off_in_a_row < MAX_DAYS_OFF_IN_A_ROW {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
            walked += 1;
            if self.is_working_day(day) {
                counted += 1;
                off_in_a_row = 0;
            } else {
                off_in_a_row += 1;
            }
        }
        day
    }
}

/// 1 January of `d`'s year (`d` itself if chrono cannot hold it).
fn first_of_year(d: NaiveDate) -> NaiveDate {
    d.with_ordinal(1).unwrap_or(d)
}

/// 31 December of `d`'s year (`d` itself if chrono cannot hold it).
fn last_of_year(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)
}

/// Dates and a real calendar for the tests of this module and its neighbours.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    pub(crate) fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Every day from `first` to `last`, both included.
    pub(crate) fn span(first: &str, last: &str) -> Vec<NaiveDate> {
        d(first).iter_days().take_while(|&x| x <= d(last)).collect()
    }

    /// Days off of 2023 and 2024 as announced (domain-facts.md).
    pub(crate) fn vietnam() -> Calendar {
        let holidays = [
            span("2022-12-31", "2023-01-02"), // New Year 2023
            span("2023-01-20", "2023-01-26"), // Tết Quý Mão
            span("2023-04-29", "2023-05-03"), // Giỗ Tổ + 30/4–1/5
            span("2023-09-01", "2023-09-04"), // Quốc khánh
            span("2024-01-01", "2024-01-01"),
            span("2024-02-08", "2024-02-14"), // Tết Giáp Thìn
            span("2024-04-18", "2024-04-18"), // Giỗ Tổ
            span("2024-04-27", "2024-05-01"), // 30/4–1/5, worked back on Sat 4/5
            span("2024-08-31", "2024-09-03"),
        ]
        .concat();
        Calendar::new(holidays, [d("2024-05-04")])
    }

    /// Days off of 2021–2026 as announced, whole breaks with their
    /// weekends, and the Saturdays worked in exchange (domain-facts.md).
    pub(crate) fn announced_lists() -> (Vec<NaiveDate>, Vec<NaiveDate>) {
        let holidays = [
            span("2021-01-01", "2021-01-01"),
            span("2021-02-10", "2021-02-16"),
            span("2021-04-21", "2021-04-21"),
            span("2021-04-30", "2021-05-03"),
            span("2021-09-02", "2021-09-03"),
            span("2022-01-01", "2022-01-03"),
            span("2022-01-29", "2022-02-06"),
            span("2022-04-09", "2022-04-11"),
            span("2022-04-30", "2022-05-03"),
            span("2022-09-01", "2022-09-04"),
            span("2022-12-31", "2023-01-02"),
            span("2023-01-20", "2023-01-26"),
            span("2023-04-29", "2023-05-03"),
            span("2023-09-01", "2023-09-04"),
            span("2024-01-01", "2024-01-01"),
            span("2024-02-08", "2024-02-14"),
            span("2024-04-18", "2024-04-18"),
            span("2024-04-27", "2024-05-01"),
            span("2024-08-31", "2024-09-03"),
            span("2025-01-01", "2025-01-01"),
            span("2025-01-25", "2025-02-02"),
            span("2025-04-05", "2025-04-07"),
            span("2025-04-30", "2025-05-04"),
            span("2025-08-30", "2025-09-02"),
            span("2026-01-01", "2026-01-04"),
            span("2026-02-14", "2026-02-22"),
            span("2026-04-25", "2026-04-27"),
            span("2026-04-30", "2026-05-03"),
            span("2026-08-29", "2026-09-02"),
        ]
        .concat();
        let workdays = ["2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22"].map(d);
        (holidays, workdays.to_vec())
    }

    /// [`announced_lists`] as a calendar: a workspace in December 2026.
    pub(crate) fn announced() -> Calendar {
        let (holidays, workdays) = announced_lists();
        Calendar::new(holidays, workdays)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use super::fixtures::{d, span, vietnam};

    #[test]
    fn days_off() {
        let cal = vietnam();
        // Sat 2024-05-04 is the swapped working Saturday; Sun 05-05 is not.
        assert!(cal.is_working_day(d("2024-05-04")));
        assert!(cal.is_day_off(d("2024-05-05")));
        // Tue 2024-04-30 is a holiday; Thu 2024-05-02 an ordinary weekday.
        assert!(cal.is_day_off(d("2024-04-30")));
        assert!(cal.is_working_day(d("2024-05-02")));
        // An ordinary Saturday.
        assert!(cal.is_day_off(d("2024-05-11")));
        // Listed as both: the holiday wins.
        let both = Calendar::new([d("2024-05-04")], [d("2024-05-04")]);
        assert!(both.is_day_off(d("2024-05-04")));
    }

    #[test]
    fn the_day_off_table_agrees_with_the_lists() {
        let cal = vietnam();
        assert!(!cal.off.is_empty());
        let mut day = d("2023-12-01");
        while day < d("2025-02-01") {
            assert_eq!(cal.is_day_off(day), cal.looks_up_day_off(day), "{day}");
            day = day.succ_opt().unwrap();
        }
        // Dates a century apart get no table; the lists answer.
        let wide = Calendar::new([d("1990-01-01"), d("2095-01-01")], []);
        assert!(wide.off.is_empty());
        assert!(wide.is_day_off(d("2095-01-01")) && wide.is_day_off(d("2040-06-02")));
    }

    #[test]
    fn next_working_day() {
        let cal = vietnam();
        // A working day is its own next working day.
        assert_eq!(cal.next_working_day(d("2023-03-13")), d("2023-03-13"));
        // Sat 2023-03-11 → Mon 03-13.
        assert_eq!(cal.next_working_day(d("2023-03-11")), d("2023-03-13"));
        // Fri 2023-01-20 starts Tết (20–26, Fri–Thu) → Fri 01-27.
        assert_eq!(cal.next_working_day(d("2023-01-20")), d("2023-01-27"));
    }

    #[test]
    fn a_limit_ending_on_a_working_day_stays() {
        // Received Fri 2023-03-03; 10 days from Sat 03-04 → Mon 03-13, a working day.
        assert_eq!(
            vietnam().deadline(d("2023-03-03"), 10, DayCount::Calendar),
            d("2023-03-13")
        );
    }

    #[test]
    fn a_limit_ending_on_a_saturday_moves_to_monday() {
        // Wed 2023-03-01 + 10 days = Sat 03-11 → Mon 03-13 (art. 148).
        assert_eq!(
            vietnam().deadline(d("2023-03-01"), 10, DayCount::Calendar),
            d("2023-03-13")
        );
    }

    #[test]
    fn a_limit_ending_on_tet_moves_past_it() {
        let cal = vietnam();
        // Tue 2023-01-10 + 10 = Fri 01-20, first day of Tết (20–26) → Fri 01-27.
        assert_eq!(cal.deadline(d("2023-01-10"), 10, DayCount::Calendar), d("2023-01-27"));
        // Thu 2024-02-01 + 10 = Sun 02-11, in Tết (08–14, to Wed) → Thu 02-15.
        assert_eq!(cal.deadline(d("2024-02-01"), 10, DayCount::Calendar), d("2024-02-15"));
    }

    #[test]
    fn a_swapped_saturday_counts_as_a_working_day() {
        let cal = vietnam();
        // From Thu 2024-04-25, 7 working days: Fri 4/26 (1); Sat 4/27–Wed 5/1
        // off; Thu 5/2 (2), Fri 5/3 (3), Sat 5/4 worked (4), Sun 5/5 off,
        // Mon 5/6 (5), Tue 5/7 (6), Wed 5/8 (7).
        assert_eq!(cal.deadline(d("2024-04-25"), 7, DayCount::Working), d("2024-05-08"));
        // Without the swap Sat 5/4 is off and the 7th day is Thu 5/9.
        let no_swap = Calendar::new(span("2024-04-27", "2024-05-01"), []);
        assert_eq!(no_swap.deadline(d("2024-04-25"), 7, DayCount::Working), d("2024-05-09"));
        // Wed 2024-04-24 + 10 calendar days = Sat 5/4, a working day: it stays.
        assert_eq!(cal.deadline(d("2024-04-24"), 10, DayCount::Calendar), d("2024-05-04"));
    }

    #[test]
    fn across_a_year_boundary() {
        let cal = vietnam();
        // Fri 2023-12-15 + 30 = 2024-01-14 (16 days to 12-31, 14 more), a
        // Sunday → Mon 01-15.
        assert_eq!(cal.deadline(d("2023-12-15"), 30, DayCount::Calendar), d("2024-01-15"));
        // From Wed 2022-12-28, 3 working days: Thu 29 (1), Fri 30 (2), Sat 31
        // to Mon 2023-01-02 off (New Year), Tue 01-03 (3).
        assert_eq!(cal.deadline(d("2022-12-28"), 3, DayCount::Working), d("2023-01-03"));
    }

    #[test]
    fn zero_days_is_the_start_day_moved_off_a_day_off() {
        let cal = vietnam();
        for count in [DayCount::Calendar, DayCount::Working] {
            // Mon 2023-03-13 is a working day.
            assert_eq!(cal.deadline(d("2023-03-13"), 0, count), d("2023-03-13"));
            // Sat 2023-03-11 → Mon 03-13.
            assert_eq!(cal.deadline(d("2023-03-11"), 0, count), d("2023-03-13"));
        }
    }

    #[test]
    fn the_start_day_never_counts() {
        let cal = vietnam();
        // From Mon 2023-03-13, 1 working day is Tue 03-14, 1 calendar day too.
        assert_eq!(cal.deadline(d("2023-03-13"), 1, DayCount::Working), d("2023-03-14"));
        assert_eq!(cal.deadline(d("2023-03-13"), 1, DayCount::Calendar), d("2023-03-14"));
        // From Sat 2023-03-11, 1 working day is Mon 03-13 (Sun off).
        assert_eq!(cal.deadline(d("2023-03-11"), 1, DayCount::Working), d("2023-03-13"));
    }

    #[test]
    fn saturates_near_the_end_of_time() {
        let cal = vietnam();
        let near_end = NaiveDate::MAX - Days::new(5);
        for count in [DayCount::Calendar, DayCount::Working] {
            let result = cal.deadline(near_end, 100, count);
            assert!(result > near_end && result <= NaiveDate::MAX);
            assert_eq!(cal.deadline(NaiveDate::MAX, u32::MAX, count), NaiveDate::MAX);
        }
        assert_eq!(cal.next_working_day(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn a_calendar_without_working_days_stops() {
        // Every day of 2020–2045 off: the walks give up instead of looping.
        let cal = Calendar::new(span("2020-01-01", "2045-12-31"), []);
        let start = d("2020-01-01");
        let working = cal.deadline(start, 5, DayCount::Working);
        assert!(working > start && cal.is_day_off(working));
        let calendar = cal.deadline(start, 5, DayCount::Calendar);
        assert!(calendar > start && cal.is_day_off(calendar));
        // An absurd working-day limit stops after a hundred years of walking.
        let far = Calendar::default().deadline(start, u32::MAX, DayCount::Working);
        assert!(far.year() <= 2121);
    }

    #[test]
    fn covers_year() {
        let cal = vietnam();
        // 2022 is covered by 2022-12-31 (New Year 2023 starts on it).
        assert!(cal.covers_year(2022));
        assert!(cal.covers_year(2023));
        assert!(cal.covers_year(2024));
        assert!(!cal.covers_year(2025));
        assert!(!cal.covers_year(i32::MAX));
    }

    #[test]
    fn an_unlisted_year_gets_the_statutory_days_off() {
        let cal = vietnam();
        // 2025 is not listed: Tết Ất Tỵ (mùng 1 Wed 29/1) by law is Mon 27 to
        // Fri 31/1, and Quốc khánh Tue 2/9 with Mon 1/9.
        for day in span("2025-01-27", "2025-01-31") {
            assert!(cal.is_day_off(day), "{day}");
        }
        assert!(cal.is_working_day(d("2025-02-03")));
        assert!(cal.is_day_off(d("2025-09-01")) && cal.is_day_off(d("2025-09-02")));
        // Listed 2024 stays as listed: Mon 29/4 off (a bridge no law sets),
        // Sat 4/5 worked.
        assert!(cal.is_day_off(d("2024-04-29")) && cal.is_working_day(d("2024-05-04")));
        // An empty calendar has the statutory days of every year.
        let statutory = Calendar::default();
        assert!(statutory.is_day_off(d("2027-02-10")) && statutory.is_working_day(d("2027-02-11")));
    }

    #[test]
    fn a_year_listed_in_part_is_the_workspace_s_word() {
        // Only 2023-01-02 is listed: 2023 counts as listed, so Tết Quý Mão
        // (20–26/1) is not off, as the workspace says; 2024 gets the law's.
        let cal = Calendar::new([d("2023-01-02")], []);
        assert!(cal.covers_year(2023) && !cal.covers_year(2024));
        assert!(cal.is_working_day(d("2023-01-23")));
        assert!(cal.is_day_off(d("2024-02-12")));
    }

    #[test]
    fn covers_a_span_of_years() {
        let cal = vietnam();
        assert!(cal.covers(d("2022-05-01"), d("2024-12-31")));
        assert!(!cal.covers(d("2024-12-30"), d("2025-01-02")));
        assert!(!cal.covers(d("2021-12-31"), d("2022-01-01")));
        // An empty span.
        assert!(cal.covers(d("2030-01-02"), d("2030-01-01")));
        assert!(!Calendar::default().covers(d("2024-01-01"), d("2024-01-01")));
        assert!(!cal.covers(NaiveDate::MIN, NaiveDate::MAX));
    }

    #[test]
    fn counted_deadlines_say_when_they_rest_on_an_unlisted_year() {
        let cal = vietnam();
        let counted = |start: &str, days, count| cal.counted_deadline(d(start), days, count);
        // Mon 2024-12-02 + 10 = Thu 12-12, a working day of 2024: not provisional.
        assert_eq!(
            counted("2024-12-02", 10, DayCount::Calendar),
            Counted {
                day: d("2024-12-12"),
                provisional: false
            }
        );
        // Sat 2024-12-21 + 10 = Tue 12-31, a working day: 2025 is never asked.
        assert!(!counted("2024-12-21", 10, DayCount::Calendar).provisional);
        // Sun 2024-12-22 + 10 = Wed 2025-01-01, New Year (by law): Thu 01-02.
        assert_eq!(
            counted("2024-12-22", 10, DayCount::Calendar),
            Counted {
                day: d("2025-01-02"),
                provisional: true
            }
        );
        // From Fri 2024-12-27, 3 working days: Mon 30, Tue 31, Thu 2025-01-02.
        assert_eq!(
            counted("2024-12-27", 3, DayCount::Working),
            Counted {
                day: d("2025-01-02"),
                provisional: true
            }
        );
        // A count that asks about an unlisted year and ends in a listed one:
        // from Thu 2021-12-30, 2 working days: Fri 31 (2021, not listed),
        // then Mon 2022-01-03 (2022 is listed, by its 2022-12-31, and lists
        // no holiday on 3/1).
        assert_eq!(
            counted("2021-12-30", 2, DayCount::Working),
            Counted {
                day: d("2022-01-03"),
                provisional: true
            }
        );
        // deadline() is the same day.
        assert_eq!(cal.deadline(d("2024-12-22"), 10, DayCount::Calendar), d("2025-01-02"));
    }

    fn count_strategy() -> impl Strategy<Value = DayCount> {
        prop_oneof![Just(DayCount::Calendar), Just(DayCount::Working)]
    }

    fn date_in(from: &str, span_days: u32) -> impl Strategy<Value = NaiveDate> {
        let first = d(from);
        (0..span_days).prop_map(move |offset| first + Days::new(u64::from(offset)))
    }

    fn calendar_strategy() -> impl Strategy<Value = Calendar> {
        // Up to 300 holidays and 40 swapped days anywhere in 2020–2031.
        (
            proptest::collection::vec(date_in("2020-01-01", 4_383), 0..300),
            proptest::collection::vec(date_in("2020-01-01", 4_383), 0..40),
        )
            .prop_map(|(holidays, workdays)| Calendar::new(holidays, workdays))
    }

    proptest! {
        #[test]
        fn deadline_properties(
            cal in calendar_strategy(),
            start in date_in("2020-01-01", 4_018), // 2020-01-01 ..= 2030-12-31
            days in 0u32..200,
            count in count_strategy(),
        ) {
            let result = cal.deadline(start, days, count);
            prop_assert!(cal.is_working_day(result));
            prop_assert!(result >= start);
            if days > 0 {
                prop_assert!(result > start);
            }
            // Monotone: one more day never ends earlier.
            prop_assert!(cal.deadline(start, days + 1, count) >= result);
            // Exactness: the result is the first working day on or after the
            // plain count, and a working-day count has `days` working days in
            // (start, result].
            let counted = cal.last_counted_day(start, days, count);
            prop_assert!(counted.iter_days().take_while(|&x| x < result).all(|x| cal.is_day_off(x)));
            if count == DayCount::Working && days > 0 {
                let working = start
                    .iter_days()
                    .skip(1)
                    .take_while(|&x| x <= result)
                    .filter(|&x| cal.is_working_day(x))
                    .count();
                prop_assert_eq!(working, days as usize);
            }
            if count == DayCount::Calendar {
                prop_assert_eq!(counted, start + Days::new(u64::from(days)));
            }
            // A deadline that is not provisional does not depend on the days
            // off of the years the calendar does not list: listing them as
            // plain weekends (a holiday on a Saturday) gives the same day.
            if !cal.counted_deadline(start, days, count).provisional {
                let saturdays = (2019..=2032)
                    .filter(|&y| !cal.covers_year(y))
                    .filter_map(|y| NaiveDate::from_isoywd_opt(y, 10, Weekday::Sat));
                let plain = Calendar::new(cal.holidays.iter().copied().chain(saturdays), cal.workdays.iter().copied());
                prop_assert_eq!(plain.deadline(start, days, count), result);
            }
        }
    }
}
