//! The Vietnamese lunar calendar (âm lịch), computed from the astronomy.
//!
//! The rules are those of the Chinese lunisolar calendar as Vietnam applies
//! them, on the meridian of its standard time, UTC+7 (105° E), adopted by
//! North Vietnam on 8/8/1967 and by the whole country from 1975:
//!
//! 1. A month begins on the day, in UTC+7, on which a new moon occurs.
//! 2. The month that contains the December solstice (Đông chí, the sun's
//!    apparent longitude at 270°) is month 11.
//! 3. When thirteen months run from one month 11 to the next, the first of
//!    them after month 11 that contains no major solar term (trung khí, the
//!    sun at a multiple of 30°) is a leap month (tháng nhuận) and takes the
//!    number of the month before it.
//! 4. Tết Nguyên đán, mùng 1 tháng Giêng, is the first day of month 1.
//!
//! A month contains a major term when the term's moment falls in one of its
//! days, local time. Because the day boundary is local midnight, the
//! calendar of China (UTC+8) differs in some years: Tết 1985 (VN 21/1, CN
//! 20/2), 2007 (VN 17/2, CN 18/2), 2030 (VN 2/2, CN 3/2).
//!
//! Astronomy (formulas from Jean Meeus, *Astronomical Algorithms*, 2nd ed.,
//! 1998): new moons from chapter 49 with all its periodic and planetary
//! terms (a few seconds); the sun's apparent longitude from chapter 25's
//! lower-accuracy method (about 0.01°, some 15 minutes of time); ΔT (TT − UT)
//! from the polynomials of Espenak and Meeus (NASA, 2006). Only years in
//! [`YEARS`] are computed: outside them ΔT is a guess and the answers are
//! `None`. The calendar is the UTC+7 one for every year, including those
//! before 1968, when Vietnam still counted on UTC+8.
//!
//! Nothing here is on a hot path: [`crate::domain::holidays`] keeps one
//! answer per year.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

/// The Gregorian years this module computes. Month 11 of the year before
/// the first and of the year after the last are also computed, so the
/// astronomy spans 1899–2200.
pub const YEARS: RangeInclusive<i32> = 1900..=2199;

/// Hours east of UTC of the meridian the Vietnamese calendar uses.
const VIETNAM_UTC_OFFSET_HOURS: f64 = 7.0;

/// A date of the lunar calendar: `year` is the Gregorian year in which the
/// lunar year begins (its Tết), so month 12 of `year` may fall in January
/// or February of `year + 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LunarDate {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 30.
    pub day: u8,
    /// A leap month (tháng nhuận), numbered as the month before it.
    pub leap: bool,
}

impl LunarDate {
    /// A day of an ordinary (not leap) month.
    pub const fn new(year: i32, month: u8, day: u8) -> LunarDate {
        LunarDate {
            year,
            month,
            day,
            leap: false,
        }
    }
}

/// The Gregorian date of mùng 1 Tết (1/1 lunar) of `year`; `None` outside [`YEARS`].
pub fn tet(year: i32) -> Option<NaiveDate> {
    tet_at(year, VIETNAM_UTC_OFFSET_HOURS)
}

/// The Gregorian date of a lunar date; `None` for a day the month does not
/// have (30 in a month of 29 days), a leap month the year does not have, or
/// a year outside [`YEARS`].
pub fn to_solar(date: LunarDate) -> Option<NaiveDate> {
    to_solar_at(date, VIETNAM_UTC_OFFSET_HOURS)
}

/// The lunar date of a Gregorian date; `None` outside [`YEARS`].
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    to_lunar_at(date, VIETNAM_UTC_OFFSET_HOURS)
}

fn tet_at(year: i32, utc_offset: f64) -> Option<NaiveDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    let months = Months::ending(year, utc_offset);
    from_jdn(months.starts[months.tet])
}

fn to_solar_at(date: LunarDate, utc_offset: f64) -> Option<NaiveDate> {
    if !YEARS.contains(&date.year) || !(1..=12).contains(&date.month) || date.day == 0 {
        return None;
    }
    // Months 1 to 10 of lunar year Y are among the months ending with the
    // month 11 of December Y; months 11 and 12 (and a leap 11 or 12) among
    // those ending with the month 11 of December Y + 1.
    let ending = if date.month >= 11 { date.year + 1 } else { date.year };
    let months = Months::ending(ending, utc_offset);
    let i = (0..months.len()).find(|&i| {
        let (month, leap) = months.label(i);
        month == date.month && leap == date.leap && months.lunar_year(i, ending) == date.year
    })?;
    let length = months.starts[i + 1] - months.starts[i];
    if i32::from(date.day) > length {
        return None;
    }
    from_jdn(months.starts[i] + i32::from(date.day) - 1)
}

fn to_lunar_at(date: NaiveDate, utc_offset: f64) -> Option<LunarDate> {
    let year = date.year();
    if !YEARS.contains(&year) {
        return None;
    }
    let day = jdn(date);
    // The months from December of `year − 1` hold the date unless it is on
    // or after the start of this December's month 11.
    let ending = if day >= new_moon_day(month_11_lunation(year, utc_offset), utc_offset) {
        year + 1
    } else {
        year
    };
    let months = Months::ending(ending, utc_offset);
    let i = (0..months.len()).rev().find(|&i| months.starts[i] <= day)?;
    let (month, leap) = months.label(i);
    Some(LunarDate {
        year: months.lunar_year(i, ending),
        month,
        day: u8::try_from(day - months.starts[i] + 1).ok()?,
        leap,
    })
}

/// The months from month 11 of one Gregorian year to month 11 of the next.
struct Months {
    /// The Julian day number of the first day of each month, from month 11
    /// of `year − 1` to the month before month 11 of `year`, then the first
    /// day of that next month 11: 13 entries, or 14 with a leap month.
    starts: Vec<i32>,
    /// The index of the leap month, if any.
    leap: Option<usize>,
    /// The index of month 1 (Tết).
    tet: usize,
}

impl Months {
    /// The months ending with month 11 of Gregorian `year` (its December).
    fn ending(year: i32, utc_offset: f64) -> Months {
        let first = month_11_lunation(year - 1, utc_offset);
        let last = month_11_lunation(year, utc_offset);
        let starts: Vec<i32> = (first..=last).map(|k| new_moon_day(k, utc_offset)).collect();
        let count = starts.len() - 1;
        // Rule 3: with 13 months, the first after month 11 without a major
        // term is the leap month. Month 11 holds the solstice, so the search
        // starts at the month after it; 13 months and 12 terms leave at
        // least one month without a term.
        let leap = (count == 13)
            .then(|| (1..count).find(|&i| major_term(starts[i], utc_offset) == major_term(starts[i + 1], utc_offset)))
            .flatten();
        // Month 1 is the third month after month 11, the fourth when a leap
        // 11 or 12 comes between.
        let tet = if leap.is_some_and(|l| l <= 2) { 3 } else { 2 };
        Months { starts, leap, tet }
    }

    /// How many months there are (the last entry of `starts` is the end).
    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The number of the month at `i` and whether it is a leap month.
    fn label(&self, i: usize) -> (u8, bool) {
        let (ordinal, leap) = match self.leap {
            Some(l) if i >= l => (i - 1, i == l),
            _ => (i, false),
        };
        // Ordinal 0 is month 11, 1 is month 12, 2 is month 1.
        let month = u8::try_from((ordinal + 10) % 12 + 1).unwrap_or(11);
        (month, leap)
    }

    /// The lunar year of the month at `i`, in the months ending with the
    /// month 11 of Gregorian `year`: those before Tết close `year − 1`.
    fn lunar_year(&self, i: usize, year: i32) -> i32 {
        if i < self.tet { year - 1 } else { year }
    }
}

/// The lunation (Meeus' number k) of month 11 of Gregorian `year`: the
/// month holding that December's solstice (rule 2).
fn month_11_lunation(year: i32, utc_offset: f64) -> i32 {
    let december_31 = NaiveDate::from_ymd_opt(year, 12, 31).map_or(0, jdn);
    // The last new moon on or before 31 December: start from the mean
    // lunation and step, since the true new moon may be a day or so away.
    let mut k = ((f64::from(december_31) - MEAN_NEW_MOON_0) / SYNODIC_MONTH).floor() as i32;
    while new_moon_day(k, utc_offset) > december_31 {
        k -= 1;
    }
    while new_moon_day(k + 1, utc_offset) <= december_31 {
        k += 1;
    }
    // If the sun is already past 270° when that month begins, the solstice
    // was in the month before (the next month begins in January).
    if major_term(new_moon_day(k, utc_offset), utc_offset) >= SOLSTICE_TERM {
        k - 1
    } else {
        k
    }
}

/// The major term of the December solstice: 270° / 30°.
const SOLSTICE_TERM: u8 = 9;

/// The major term the sun is in at the start (local midnight) of the day
/// with Julian day number `day`: 0 from the March equinox (0°) to 30°, and so
/// on. A month holds a major term exactly when this differs between its
/// first day and the first day of the next month.
fn major_term(day: i32, utc_offset: f64) -> u8 {
    let midnight_ut = f64::from(day) - 0.5 - utc_offset / 24.0;
    let jde = midnight_ut + delta_t_days(midnight_ut);
    // At most 359.99…/30 < 12.
    (sun_apparent_longitude(jde) / 30.0).floor() as u8
}

/// The Julian day number of the local day on which new moon `k` occurs.
fn new_moon_day(k: i32, utc_offset: f64) -> i32 {
    let jde = new_moon_jde(k);
    let ut = jde - delta_t_days(jde);
    (ut + 0.5 + utc_offset / 24.0).floor() as i32
}

/// The mean synodic month, in days (Meeus ch. 49).
const SYNODIC_MONTH: f64 = 29.530_588_861;

/// The mean new moon of lunation 0 (6 January 2000), JDE.
const MEAN_NEW_MOON_0: f64 = 2_451_550.097_66;

fn sin_deg(degrees: f64) -> f64 {
    degrees.to_radians().sin()
}

/// The true new moon of lunation `k` (k = 0 is the one of 6 January 2000),
/// as a Julian Ephemeris Day (TT): Meeus ch. 49, eq. 49.1 with the periodic
/// terms of the new moon and the 14 planetary arguments.
fn new_moon_jde(k: i32) -> f64 {
    let k = f64::from(k);
    let t = k / 1_236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let mean = MEAN_NEW_MOON_0 + SYNODIC_MONTH * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4;
    // The eccentricity of the Earth's orbit, and the arguments in degrees:
    // the sun's mean anomaly, the moon's mean anomaly, its argument of
    // latitude and the longitude of its ascending node.
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let m = 2.553_4 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3;
    let mm = 201.564_3 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4;
    let f = 160.710_8 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4;
    let omega = 124.774_6 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3;
    let periodic = -0.407_20 * sin_deg(mm)
        + 0.172_41 * e * sin_deg(m)
        + 0.016_08 * sin_deg(2.0 * mm)
        + 0.010_39 * sin_deg(2.0 * f)
        + 0.007_39 * e * sin_deg(mm - m)
        - 0.005_14 * e * sin_deg(mm + m)
        + 0.002_08 * e * e * sin_deg(2.0 * m)
        - 0.001_11 * sin_deg(mm - 2.0 * f)
        - 0.000_57 * sin_deg(mm + 2.0 * f)
        + 0.000_56 * e * sin_deg(2.0 * mm + m)
        - 0.000_42 * sin_deg(3.0 * mm)
        + 0.000_42 * e * sin_deg(m + 2.0 * f)
        + 0.000_38 * e * sin_deg(m - 2.0 * f)
        - 0.000_24 * e * sin_deg(2.0 * mm - m)
        - 0.000_17 * sin_deg(omega)
        - 0.000_07 * sin_deg(mm + 2.0 * m)
        + 0.000_04 * sin_deg(2.0 * mm - 2.0 * f)
        + 0.000_04 * sin_deg(3.0 * m)
        + 0.000_03 * sin_deg(mm + m - 2.0 * f)
        + 0.000_03 * sin_deg(2.0 * mm + 2.0 * f)
        - 0.000_03 * sin_deg(mm + m + 2.0 * f)
        + 0.000_03 * sin_deg(mm - m + 2.0 * f)
        - 0.000_02 * sin_deg(mm - m - 2.0 * f)
        - 0.000_02 * sin_deg(3.0 * mm + m)
        + 0.000_02 * sin_deg(4.0 * mm);
    // (coefficient, argument at k = 0, rate per lunation), in degrees; the
    // first argument also has a T² term.
    const PLANETARY: [(f64, f64, f64); 14] = [
        (0.000_325, 299.77, 0.107_408),
        (0.000_165, 251.88, 0.016_321),
        (0.000_164, 251.83, 26.651_886),
        (0.000_126, 349.42, 36.412_478),
        (0.000_110, 84.66, 18.206_239),
        (0.000_062, 141.74, 53.303_771),
        (0.000_060, 207.14, 2.453_732),
        (0.000_056, 154.84, 7.306_860),
        (0.000_047, 34.52, 27.261_239),
        (0.000_042, 207.19, 0.121_824),
        (0.000_040, 291.34, 1.844_379),
        (0.000_037, 161.72, 24.198_154),
        (0.000_035, 239.56, 25.513_099),
        (0.000_023, 331.55, 3.592_518),
    ];
    let planetary: f64 = PLANETARY
        .iter()
        .enumerate()
        .map(|(i, &(coefficient, at_0, rate))| {
            let quadratic = if i == 0 { -0.009_173 * t2 } else { 0.0 };
            coefficient * sin_deg(at_0 + rate * k + quadratic)
        })
        .sum();
    mean + periodic + planetary
}

/// The sun's apparent longitude in degrees, 0 ≤ λ < 360, at a Julian
/// Ephemeris Day: Meeus ch. 25, the lower-accuracy method (mean longitude,
/// equation of the centre, aberration and the main nutation term).
fn sun_apparent_longitude(jde: f64) -> f64 {
    let t = (jde - 2_451_545.0) / 36_525.0;
    let mean_longitude = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let mean_anomaly = 357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t * t;
    let centre = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin_deg(mean_anomaly)
        + (0.019_993 - 0.000_101 * t) * sin_deg(2.0 * mean_anomaly)
        + 0.000_289 * sin_deg(3.0 * mean_anomaly);
    let omega = 125.04 - 1_934.136 * t;
    (mean_longitude + centre - 0.005_69 - 0.004_78 * sin_deg(omega)).rem_euclid(360.0)
}

/// ΔT = TT − UT in days at a Julian day, from the Espenak–Meeus
/// polynomials (seconds), by decimal year.
fn delta_t_days(jd: f64) -> f64 {
    let y = 2000.0 + (jd - 2_451_545.0) / 365.25;
    let long_term = |y: f64| {
        let u = (y - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u
    };
    let seconds = if y < 1900.0 {
        long_term(y)
    } else if y < 1920.0 {
        let t = y - 1900.0;
        -2.79 + 1.494_119 * t - 0.059_893_9 * t.powi(2) + 0.006_196_6 * t.powi(3) - 0.000_197 * t.powi(4)
    } else if y < 1941.0 {
        let t = y - 1920.0;
        21.20 + 0.844_93 * t - 0.076_100 * t.powi(2) + 0.002_093_6 * t.powi(3)
    } else if y < 1961.0 {
        let t = y - 1950.0;
        29.07 + 0.407 * t - t.powi(2) / 233.0 + t.powi(3) / 2_547.0
    } else if y < 1986.0 {
        let t = y - 1975.0;
        45.45 + 1.067 * t - t.powi(2) / 260.0 - t.powi(3) / 718.0
    } else if y < 2005.0 {
        let t = y - 2000.0;
        63.86 + 0.334_5 * t - 0.060_374 * t.powi(2)
            + 0.001_727_5 * t.powi(3)
            + 0.000_651_814 * t.powi(4)
            + 0.000_023_735_99 * t.powi(5)
    } else if y < 2050.0 {
        let t = y - 2000.0;
        62.92 + 0.322_17 * t + 0.005_589 * t.powi(2)
    } else if y < 2150.0 {
        long_term(y) - 0.562_8 * (2150.0 - y)
    } else {
        long_term(y)
    };
    seconds / 86_400.0
}

/// Julian day number of the day before 1 January of year 1 (proleptic
/// Gregorian), which chrono numbers day 0.
const JDN_OF_CE_DAY_0: i32 = 1_721_425;

fn jdn(date: NaiveDate) -> i32 {
    date.num_days_from_ce() + JDN_OF_CE_DAY_0
}

fn from_jdn(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day - JDN_OF_CE_DAY_0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Mùng 1 Tết in Vietnam, 1990–2035, as published (the Vietnamese
    /// calendar of the Trung tâm Lịch; it equals the Chinese New Year but in
    /// 2007 and 2030, when the new moon falls between 23:00 and midnight,
    /// UTC+7).
    const TET: [(i32, &str); 46] = [
        (1990, "1990-01-27"),
        (1991, "1991-02-15"),
        (1992, "1992-02-04"),
        (1993, "1993-01-23"),
        (1994, "1994-02-10"),
        (1995, "1995-01-31"),
        (1996, "1996-02-19"),
        (1997, "1997-02-07"),
        (1998, "1998-01-28"),
        (1999, "1999-02-16"),
        (2000, "2000-02-05"),
        (2001, "2001-01-24"),
        (2002, "2002-02-12"),
        (2003, "2003-02-01"),
        (2004, "2004-01-22"),
        (2005, "2005-02-09"),
        (2006, "2006-01-29"),
        (2007, "2007-02-17"),
        (2008, "2008-02-07"),
        (2009, "2009-01-26"),
        (2010, "2010-02-14"),
        (2011, "2011-02-03"),
        (2012, "2012-01-23"),
        (2013, "2013-02-10"),
        (2014, "2014-01-31"),
        (2015, "2015-02-19"),
        (2016, "2016-02-08"),
        (2017, "2017-01-28"),
        (2018, "2018-02-16"),
        (2019, "2019-02-05"),
        (2020, "2020-01-25"),
        (2021, "2021-02-12"),
        (2022, "2022-02-01"),
        (2023, "2023-01-22"),
        (2024, "2024-02-10"),
        (2025, "2025-01-29"),
        (2026, "2026-02-17"),
        (2027, "2027-02-06"),
        (2028, "2028-01-26"),
        (2029, "2029-02-13"),
        (2030, "2030-02-02"),
        (2031, "2031-01-23"),
        (2032, "2032-02-11"),
        (2033, "2033-01-31"),
        (2034, "2034-02-19"),
        (2035, "2035-02-08"),
    ];

    #[test]
    fn tet_1990_to_2035() {
        for (year, date) in TET {
            assert_eq!(tet(year), Some(d(date)), "Tết {year}");
            assert_eq!(to_lunar(d(date)), Some(LunarDate::new(year, 1, 1)), "{date}");
            assert_eq!(to_solar(LunarDate::new(year, 1, 1)), Some(d(date)), "{year}");
        }
    }

    #[test]
    fn utc_7_and_utc_8_differ_in_some_years() {
        // (year, Vietnam UTC+7, China UTC+8).
        let differences = [
            // Tết Mậu Thân: the North counted on UTC+7, the South on UTC+8.
            (1968, "1968-01-29", "1968-01-30"),
            // The 1984 solstice fell late on 21/12 in Hanoi, on 22/12 (a new
            // moon day) in Beijing: month 11 began a month apart.
            (1985, "1985-01-21", "1985-02-20"),
            (2007, "2007-02-17", "2007-02-18"),
            (2030, "2030-02-02", "2030-02-03"),
        ];
        for (year, vietnam, china) in differences {
            assert_eq!(tet_at(year, 7.0), Some(d(vietnam)), "{year} UTC+7");
            assert_eq!(tet_at(year, 8.0), Some(d(china)), "{year} UTC+8");
        }
        // Every other Tết of 1990–2035 is the same day in both.
        for (year, date) in TET {
            if year != 2007 && year != 2030 {
                assert_eq!(tet_at(year, 8.0), Some(d(date)), "{year} UTC+8");
            }
        }
    }

    #[test]
    fn gio_to_hung_vuong_is_10_3_lunar() {
        // As announced (domain-facts.md); 2023 fell after leap month 2.
        let gio_to = [
            (2021, "2021-04-21"),
            (2022, "2022-04-10"),
            (2023, "2023-04-29"),
            (2024, "2024-04-18"),
            (2025, "2025-04-07"),
            (2026, "2026-04-26"),
        ];
        for (year, date) in gio_to {
            assert_eq!(to_solar(LunarDate::new(year, 3, 10)), Some(d(date)), "{year}");
            assert_eq!(to_lunar(d(date)), Some(LunarDate::new(year, 3, 10)), "{date}");
        }
    }

    #[test]
    fn known_leap_months_and_mid_autumn() {
        // Tháng 4 nhuận Canh Tý (2020), tháng 2 nhuận Quý Mão (2023), tháng 6
        // nhuận Ất Tỵ (2025); 2024 and 2026 have none.
        let leap_of = |year: i32| {
            (1..=12).find(|&month| {
                to_solar(LunarDate {
                    leap: true,
                    ..LunarDate::new(year, month, 1)
                })
                .is_some()
            })
        };
        assert_eq!(leap_of(2020), Some(4));
        assert_eq!(leap_of(2023), Some(2));
        assert_eq!(leap_of(2025), Some(6));
        assert_eq!(leap_of(2024), None);
        assert_eq!(leap_of(2026), None);
        // Tết Trung thu, 15/8 lunar.
        assert_eq!(to_solar(LunarDate::new(2023, 8, 15)), Some(d("2023-09-29")));
        assert_eq!(to_solar(LunarDate::new(2024, 8, 15)), Some(d("2024-09-17")));
        assert_eq!(to_solar(LunarDate::new(2025, 8, 15)), Some(d("2025-10-06")));
    }

    #[test]
    fn the_last_days_of_a_lunar_year() {
        // Month 12 of Quý Mão had 30 days (30 Tết = 9/2/2024); month 12 of
        // Giáp Thìn 29 (28/1/2025 was its last day).
        assert_eq!(to_lunar(d("2024-02-09")), Some(LunarDate::new(2023, 12, 30)));
        assert_eq!(to_lunar(d("2025-01-28")), Some(LunarDate::new(2024, 12, 29)));
        assert_eq!(to_solar(LunarDate::new(2024, 12, 30)), None);
        // Month 11 and 12 of a lunar year fall in the next Gregorian year
        // or at the end of this one.
        assert_eq!(to_solar(LunarDate::new(2026, 12, 1)).map(|x| x.year()), Some(2027));
    }

    #[test]
    fn round_trip_every_day_1990_to_2035() {
        let mut previous: Option<LunarDate> = None;
        let mut day = d("1990-01-01");
        while day <= d("2035-12-31") {
            let lunar = to_lunar(day).unwrap();
            assert_eq!(to_solar(lunar), Some(day), "{day} {lunar:?}");
            if let Some(p) = previous {
                // The next day, or the first of the next month, which is the
                // month after, its leap month, or month 1 of the next year.
                let next_day =
                    lunar.day == p.day + 1 && (lunar.month, lunar.leap, lunar.year) == (p.month, p.leap, p.year);
                let next_month = lunar.day == 1
                    && (29..=30).contains(&p.day)
                    && ((lunar.month == p.month && lunar.leap && !p.leap)
                        || (lunar.month == p.month % 12 + 1 && !lunar.leap))
                    && lunar.year
                        == if lunar.month == 1 && !lunar.leap {
                            p.year + 1
                        } else {
                            p.year
                        };
                assert!(next_day || next_month, "{p:?} then {lunar:?} on {day}");
            }
            previous = Some(lunar);
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn every_computed_year_is_well_formed() {
        for year in YEARS {
            let months = Months::ending(year, VIETNAM_UTC_OFFSET_HOURS);
            // 12 months, or 13 with exactly one leap month.
            assert!(
                matches!((months.len(), months.leap), (12, None) | (13, Some(_))),
                "{year}"
            );
            for i in 0..months.len() {
                let length = months.starts[i + 1] - months.starts[i];
                assert!(
                    (29..=30).contains(&length),
                    "{year}: month {:?} of {length} days",
                    months.label(i)
                );
            }
            // Tết falls between 21/1 and 20/2.
            let tet = tet(year).unwrap();
            assert!(
                (d(&format!("{year}-01-21"))..=d(&format!("{year}-02-20"))).contains(&tet),
                "{year}: {tet}"
            );
        }
    }

    #[test]
    fn outside_the_computed_years() {
        assert_eq!(tet(1899), None);
        assert_eq!(tet(2200), None);
        assert!(tet(1900).is_some() && tet(2199).is_some());
        assert_eq!(to_lunar(d("2200-01-01")), None);
        assert_eq!(to_solar(LunarDate::new(2026, 13, 1)), None);
        assert_eq!(to_solar(LunarDate::new(2026, 1, 0)), None);
        assert_eq!(to_solar(LunarDate::new(2026, 1, 31)), None);
    }
}
