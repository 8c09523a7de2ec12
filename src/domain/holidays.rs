//! The statutory days off of a year: what the law fixes before the
//! government announces the year, for a year the workspace's `[calendar]`
//! does not list.
//!
//! Bộ luật Lao động 2019 (45/2019/QH14, in force 1/1/2021), art. 112.1:
//! Tết Dương lịch 1 day (1/1); Tết Âm lịch 5 days; Ngày Chiến thắng 1 day
//! (30/4); Ngày Quốc tế lao động 1 day (1/5); Quốc khánh 2 days (2/9 and one
//! day next to it, before or after); Giỗ Tổ Hùng Vương 1 day (10/3 lunar).
//! Art. 111.3: a holiday that falls on the weekly rest day is taken on the
//! next working day. The weekly rest days of state bodies are Saturday and
//! Sunday (Quyết định 188/1999/QĐ-TTg, the 40-hour week).
//!
//! Art. 112.3 leaves the Prime Minister to fix which days of Tết and which
//! day beside 2/9; [`tet_days`] and [`national_day_companion`] say which
//! days are assumed here and why. The announcement may also swap a bridging
//! weekday for a Saturday (hoán đổi): no law fixes those, so a computed year
//! has none. The comparison with the announcements of 2021–2026 is a test
//! at the end of this file.
//!
//! Before 2021 Bộ luật Lao động 2012 (10/2012/QH13, in force 1/5/2013),
//! art. 115, applied: the same days but Quốc khánh 1 day (2/9), and the same
//! move off a weekly rest day (art. 115.3). Years before 2014 are counted
//! by it too, although the Labour Code of 1994 (Tết 4 days; Giỗ Tổ from
//! 2007) was in force then: such a year should be listed. Only years the
//! lunar calendar computes ([`lunar::YEARS`]) have statutory days.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::domain::lunar::{self, LunarDate};

/// A public holiday of Bộ luật Lao động 2019 art. 112.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// Tết Dương lịch, 1/1 (art. 112.1.a).
    NewYear,
    /// Tết Âm lịch, 5 days (art. 112.1.b).
    Tet,
    /// Ngày Chiến thắng, 30/4 (art. 112.1.c).
    Victory,
    /// Ngày Quốc tế lao động, 1/5 (art. 112.1.d).
    Labour,
    /// Quốc khánh, 2/9 and, from 2021, one day beside it (art. 112.1.đ).
    NationalDay,
    /// Giỗ Tổ Hùng Vương, 10/3 lunar (art. 112.1.e).
    HungKings,
}

/// The first year counted by Bộ luật Lao động 2019 rather than 2012.
const LABOUR_CODE_2019: i32 = 2021;

/// The holidays of `year` by law, sorted by date, before the move of art.
/// 111.3 (a holiday on a Saturday or Sunday stays on it here). Empty outside
/// [`lunar::YEARS`].
pub fn statutory_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let (Some(tet), Some(hung_kings)) = (lunar::tet(year), lunar::to_solar(LunarDate::new(year, 3, 10))) else {
        return Vec::new();
    };
    let solar = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let mut holidays: Vec<(NaiveDate, Holiday)> = [
        (solar(1, 1), Holiday::NewYear),
        (Some(hung_kings), Holiday::HungKings),
        (solar(4, 30), Holiday::Victory),
        (solar(5, 1), Holiday::Labour),
        (solar(9, 2), Holiday::NationalDay),
    ]
    .into_iter()
    .filter_map(|(date, holiday)| Some((date?, holiday)))
    .chain(tet_days(tet).map(|date| (date, Holiday::Tet)))
    .chain(national_day_companion(year).map(|date| (date, Holiday::NationalDay)))
    .collect();
    holidays.sort_by_key(|&(date, _)| date);
    holidays
}

/// The five days of Tết Âm lịch (art. 112.1.b) given mùng 1 Tết: the last
/// two days of the lunar year and mùng 1 to mùng 3.
///
/// The law leaves the choice to the Prime Minister (art. 112.3); past
/// decisions took either one day before and four after or two and three.
/// Two and three is the one that gives, with art. 111.3, exactly the Tết
/// breaks announced in every year of the 2019 Code, 2021–2026 (2022 and
/// 2026 also fit one and four, 2021 and 2023–2025 only two and three).
fn tet_days(tet: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let first = tet.checked_sub_days(Days::new(2));
    first.into_iter().flat_map(|first| first.iter_days().take(5))
}

/// The day beside Quốc khánh (art. 112.1.đ, from 2021): the day before,
/// 1/9, unless 2/9 is a Thursday, when it is the day after, Friday 3/9, so
/// that the break runs into the weekend.
///
/// The law lets the Prime Minister pick either (art. 112.3). The
/// announcements took 1/9 in 2022–2026 and 3/9 in 2021, the one year 2/9
/// fell on a Thursday; this rule gives all six. Under the 2012 Code (before
/// 2021) Quốc khánh is 2/9 alone.
fn national_day_companion(year: i32) -> Option<NaiveDate> {
    if year < LABOUR_CODE_2019 {
        return None;
    }
    let national_day = NaiveDate::from_ymd_opt(year, 9, 2)?;
    if national_day.weekday() == Weekday::Thu {
        national_day.succ_opt()
    } else {
        national_day.pred_opt()
    }
}

/// A weekly rest day of state bodies (Quyết định 188/1999/QĐ-TTg).
fn is_weekly_rest_day(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The days off of `year` besides Saturdays and Sundays, as `[calendar]
/// holidays` would list them: every holiday of [`statutory_holidays`] and,
/// for each on a Saturday or Sunday, the next working day (art. 111.3),
/// taken in date order so that two holidays on one weekend move to two
/// days. Sorted; empty outside [`lunar::YEARS`].
pub fn statutory_days_off(year: i32) -> Vec<NaiveDate> {
    let holidays: BTreeSet<NaiveDate> = statutory_holidays(year).into_iter().map(|(date, _)| date).collect();
    let mut off = holidays.clone();
    for &holiday in holidays.iter().filter(|&&h| is_weekly_rest_day(h)) {
        let next_working_day = holiday
            .iter_days()
            .skip(1)
            .find(|&d| !is_weekly_rest_day(d) && !off.contains(&d));
        off.extend(next_working_day);
    }
    off.into_iter().collect()
}

/// Whether `d` is one of [`statutory_days_off`] of its year. Each year is
/// computed once per process and kept as a bit per day: deadlines ask
/// about every day they count, for every petition, on every core.
pub fn is_statutory_day_off(d: NaiveDate) -> bool {
    let Some(slot) = usize::try_from(d.year() - FIRST_YEAR)
        .ok()
        .and_then(|i| YEAR_TABLES.get(i))
    else {
        return false;
    };
    slot.get_or_init(|| YearTable::new(d.year())).contains(d)
}

const FIRST_YEAR: i32 = *lunar::YEARS.start();
const YEAR_COUNT: usize = (*lunar::YEARS.end() - FIRST_YEAR + 1) as usize;

static YEAR_TABLES: [OnceLock<YearTable>; YEAR_COUNT] = [const { OnceLock::new() }; YEAR_COUNT];

/// The statutory days off of one year, a bit per day of the year.
#[derive(Debug)]
struct YearTable([u64; 6]);

impl YearTable {
    fn new(year: i32) -> YearTable {
        let mut bits = [0u64; 6];
        for day in statutory_days_off(year) {
            let i = day.ordinal0() as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        YearTable(bits)
    }

    fn contains(&self, d: NaiveDate) -> bool {
        let i = d.ordinal0() as usize;
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Calendar;
    use crate::domain::calendar::fixtures::{announced, d, span};

    #[test]
    fn the_holidays_of_2027() {
        // Tết Đinh Mùi: mùng 1 = Sat 6/2/2027; 10/3 lunar = Fri 16/4/2027;
        // 2/9/2027 is a Thursday, so Quốc khánh takes Friday 3/9.
        let expected = [
            ("2027-01-01", Holiday::NewYear),
            ("2027-02-04", Holiday::Tet),
            ("2027-02-05", Holiday::Tet),
            ("2027-02-06", Holiday::Tet),
            ("2027-02-07", Holiday::Tet),
            ("2027-02-08", Holiday::Tet),
            ("2027-04-16", Holiday::HungKings),
            ("2027-04-30", Holiday::Victory),
            ("2027-05-01", Holiday::Labour),
            ("2027-09-02", Holiday::NationalDay),
            ("2027-09-03", Holiday::NationalDay),
        ];
        let expected: Vec<_> = expected.iter().map(|&(date, holiday)| (d(date), holiday)).collect();
        assert_eq!(statutory_holidays(2027), expected);
    }

    #[test]
    fn the_days_off_of_2027() {
        // Tết Sat 6 and Sun 7/2 are taken on Tue 9 and Wed 10/2 (art. 111.3):
        // Thu 4/2 to Wed 10/2. Sat 1/5 is taken on Mon 3/5.
        let expected = [
            "2027-01-01",
            "2027-02-04",
            "2027-02-05",
            "2027-02-06",
            "2027-02-07",
            "2027-02-08",
            "2027-02-09",
            "2027-02-10",
            "2027-04-16",
            "2027-04-30",
            "2027-05-01",
            "2027-05-03",
            "2027-09-02",
            "2027-09-03",
        ];
        let expected: Vec<_> = expected.into_iter().map(d).collect();
        assert_eq!(statutory_days_off(2027), expected);
        for day in d("2027-01-01").iter_days().take_while(|&x| x.year() == 2027) {
            assert_eq!(is_statutory_day_off(day), expected.contains(&day), "{day}");
        }
    }

    #[test]
    fn a_holiday_on_a_weekend_is_taken_on_the_next_working_day() {
        // 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon: the two weekend holidays
        // move to Tue 2/5 and Wed 3/5, the 29/4–3/5 break announced.
        let days_off = statutory_days_off(2023);
        for day in span("2023-04-29", "2023-05-03") {
            assert!(days_off.contains(&day), "{day}");
        }
        assert!(!days_off.contains(&d("2023-05-04")));
        // 2022: 1/1 a Saturday, taken on Mon 3/1; Sun 2/1 is no holiday.
        let days_off = statutory_days_off(2022);
        assert!(days_off.contains(&d("2022-01-03")) && !days_off.contains(&d("2022-01-02")));
    }

    #[test]
    fn before_2021_the_2012_code() {
        // Quốc khánh 2/9/2020 (Wed) alone; Tết Canh Tý Sat 25/1/2020:
        // Thu 23 to Mon 27/1, the weekend taken on Tue 28 and Wed 29: the
        // 23–29/1 announced.
        let days_off = statutory_days_off(2020);
        assert!(days_off.contains(&d("2020-09-02")));
        assert!(!days_off.contains(&d("2020-09-01")) && !days_off.contains(&d("2020-09-03")));
        let tet: Vec<_> = days_off
            .iter()
            .copied()
            .filter(|x| x.month() == 1 && x.day() > 1)
            .collect();
        assert_eq!(tet, span("2020-01-23", "2020-01-29"));
    }

    #[test]
    fn outside_the_lunar_years_nothing_is_computed() {
        assert!(statutory_holidays(1899).is_empty() && statutory_days_off(2200).is_empty());
        assert!(!is_statutory_day_off(d("2200-01-01")));
        assert!(!is_statutory_day_off(NaiveDate::MAX) && !is_statutory_day_off(NaiveDate::MIN));
    }

    /// How the statutory days off relate to the announced ones, each year
    /// of the 2019 Code so far: the statutory holidays are all announced
    /// days off, and the only differences are the bridging days the
    /// government swapped for a working Saturday, which no law fixes.
    #[test]
    fn statutory_days_off_against_the_announcements_of_2021_to_2026() {
        let statutory = Calendar::new([], []);
        let announced = announced();
        // (year, announced off but not by law, off by law but worked as announced)
        let differences: [(i32, &[&str], &[&str]); 6] = [
            (2021, &[], &[]),
            (2022, &[], &[]),
            (2023, &[], &[]),
            // 27/4–1/5: Mon 29/4 off, worked back on Sat 4/5.
            (2024, &["2024-04-29"], &["2024-05-04"]),
            // 30/4–4/5: Fri 2/5 off, worked back on Sat 26/4.
            (2025, &["2025-05-02"], &["2025-04-26"]),
            // 1–4/1: Fri 2/1 off for Sat 10/1; 29/8–2/9: Mon 31/8 for Sat 22/8.
            (2026, &["2026-01-02", "2026-08-31"], &["2026-01-10", "2026-08-22"]),
        ];
        for (year, only_announced, only_statutory) in differences {
            let days: Vec<NaiveDate> = d(&format!("{year}-01-01"))
                .iter_days()
                .take_while(|x| x.year() == year)
                .collect();
            let announced_only: Vec<NaiveDate> = days
                .iter()
                .copied()
                .filter(|&x| announced.is_day_off(x) && !statutory.is_day_off(x))
                .collect();
            let statutory_only: Vec<NaiveDate> = days
                .iter()
                .copied()
                .filter(|&x| statutory.is_day_off(x) && !announced.is_day_off(x))
                .collect();
            let dates = |list: &[&str]| list.iter().map(|x| d(x)).collect::<Vec<_>>();
            assert_eq!(
                announced_only,
                dates(only_announced),
                "{year}: announced, not statutory"
            );
            assert_eq!(
                statutory_only,
                dates(only_statutory),
                "{year}: statutory, not announced"
            );
            // Every statutory holiday is an announced day off.
            for (day, holiday) in statutory_holidays(year) {
                assert!(announced.is_day_off(day), "{year}: {holiday:?} on {day}");
            }
        }
    }
}
