//! Reporting periods: a year, a half-year, a quarter or a month.
//!
//! Party committees report by 6 months and by year (the Standing
//! Committee's reviews), and by quarter and month for citizen reception;
//! a meeting's `period` and the `--period` filter use these forms:
//! `2022`, `2022-H1`, `2022-Q3`, `2022-07`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::keywords::Granularity;

/// A reporting period: a year, a half, a quarter or a month.
///
/// The derived order sorts by granularity first, then by time; compare
/// [`Period::start`] to order periods of different lengths by time.
/// [`Period::parse`] only makes periods whose fields are in range; one built
/// by hand with a field out of range (`Month(2022, 13)`) is clamped into
/// range (`Month(2022, 12)`) by every method, and a year is clamped to
/// the years `NaiveDate` can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(i32),
    /// 1 = January–June, 2 = July–December.
    Half(i32, u8),
    /// 1..=4.
    Quarter(i32, u8),
    /// 1..=12.
    Month(i32, u8),
}

/// The years `parse` accepts: wide enough for any record, narrow enough to
/// catch a typo such as `20222` or `202`.
const PARSE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

const FORMS: &str = "YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 to YYYY-Q4 or YYYY-MM \
                     (e.g. 2022, 2022-H1, 2022-Q3, 2022-07)";

/// [`FORMS`] in Vietnamese.
const FORMS_VI: &str = "NĂM (YYYY), nửa năm YYYY-H1, YYYY-H2, quý YYYY-Q1 đến YYYY-Q4 hoặc tháng YYYY-MM \
                        (ví dụ 2022, 2022-H1, 2022-Q3, 2022-07)";

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const QUARTERS_VI: [&str; 4] = ["I", "II", "III", "IV"];

impl Period {
    /// Reads `2022`, `2022-H1`, `2022-h2`, `2022-Q3`, `2022-q3` or
    /// `2022-07` (surrounding spaces are ignored). The error is a message
    /// for the user saying which forms are accepted.
    pub fn parse(text: &str) -> Result<Period, String> {
        Period::parse_in(text, true)
    }

    /// [`Period::parse`], its error in English (`en`) or Vietnamese.
    pub fn parse_in(text: &str, en: bool) -> Result<Period, String> {
        let say = |en_text: String, vi_text: String| if en { en_text } else { vi_text };
        let trimmed = text.trim();
        let (year_text, rest) = match trimmed.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (trimmed, None),
        };
        let not_a_period = || {
            say(
                format!("\"{text}\" is not a period: write {FORMS}"),
                format!("\"{text}\" không phải một kỳ: ghi {FORMS_VI}"),
            )
        };
        let year = four_digits(year_text).ok_or_else(not_a_period)?;
        if !PARSE_YEARS.contains(&year) {
            let (from, to) = (PARSE_YEARS.start(), PARSE_YEARS.end());
            return Err(say(
                format!("\"{text}\": the year must be between {from} and {to}"),
                format!("\"{text}\": năm phải từ {from} đến {to}"),
            ));
        }
        let Some(rest) = rest else {
            return Ok(Period::Year(year));
        };
        let mut chars = rest.chars();
        match chars.next() {
            Some('H' | 'h') => match chars.as_str() {
                "1" => Ok(Period::Half(year, 1)),
                "2" => Ok(Period::Half(year, 2)),
                _ => Err(say(
                    format!("\"{text}\": a half-year is H1 or H2 (e.g. {year}-H1)"),
                    format!("\"{text}\": nửa năm là H1 hoặc H2 (ví dụ {year}-H1)"),
                )),
            },
            Some('Q' | 'q') => match chars.as_str() {
                "1" => Ok(Period::Quarter(year, 1)),
                "2" => Ok(Period::Quarter(year, 2)),
                "3" => Ok(Period::Quarter(year, 3)),
                "4" => Ok(Period::Quarter(year, 4)),
                _ => Err(say(
                    format!("\"{text}\": a quarter is Q1, Q2, Q3 or Q4 (e.g. {year}-Q3)"),
                    format!("\"{text}\": quý là Q1, Q2, Q3 hoặc Q4 (ví dụ {year}-Q3)"),
                )),
            },
            Some(c) if c.is_ascii_digit() => match two_digit_month(rest) {
                Some(month) => Ok(Period::Month(year, month)),
                None => Err(say(
                    format!("\"{text}\": a month is two digits from 01 to 12 (e.g. {year}-07)"),
                    format!("\"{text}\": tháng là hai chữ số, từ 01 đến 12 (ví dụ {year}-07)"),
                )),
            },
            _ => Err(not_a_period()),
        }
    }

    /// The period of granularity `g` that holds `date`.
    pub fn containing(date: NaiveDate, g: Granularity) -> Period {
        let year = date.year();
        // chrono months are 1..=12, so the casts below cannot truncate.
        let month = date.month() as u8;
        match g {
            Granularity::Year => Period::Year(year),
            Granularity::Half => Period::Half(year, (month - 1) / 6 + 1),
            Granularity::Quarter => Period::Quarter(year, (month - 1) / 3 + 1),
            Granularity::Month => Period::Month(year, month),
        }
    }

    /// The first day, inclusive.
    pub fn start(self) -> NaiveDate {
        let (year, first, _) = self.months();
        first_of_month(year, first)
    }

    /// The last day, inclusive.
    pub fn end(self) -> NaiveDate {
        let (year, _, last) = self.months();
        last_of_month(year, last)
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.start() <= d && d <= self.end()
    }

    pub fn granularity(self) -> Granularity {
        match self {
            Period::Year(_) => Granularity::Year,
            Period::Half(..) => Granularity::Half,
            Period::Quarter(..) => Granularity::Quarter,
            Period::Month(..) => Granularity::Month,
        }
    }

    /// The period of the same length that follows; the last period chrono
    /// can hold is followed by itself.
    pub fn next(self) -> Period {
        let roll = |year: i32, n: u8, per_year: u8| {
            if n >= per_year {
                (year.saturating_add(1), 1)
            } else {
                (year, n + 1)
            }
        };
        let next = match self.normalized() {
            Period::Year(y) => Period::Year(y.saturating_add(1)),
            Period::Half(y, h) => {
                let (y, h) = roll(y, h, 2);
                Period::Half(y, h)
            }
            Period::Quarter(y, q) => {
                let (y, q) = roll(y, q, 4);
                Period::Quarter(y, q)
            }
            Period::Month(y, m) => {
                let (y, m) = roll(y, m, 12);
                Period::Month(y, m)
            }
        };
        next.normalized()
    }

    /// Every period of granularity `g` from the one containing `from` to the
    /// one containing `to`, both included, oldest first; empty when `from`
    /// is after `to`.
    pub fn range(from: NaiveDate, to: NaiveDate, g: Granularity) -> Vec<Period> {
        let mut periods = Vec::new();
        if from > to {
            return periods;
        }
        let last = Period::containing(to, g);
        let mut current = Period::containing(from, g);
        loop {
            periods.push(current);
            let next = current.next();
            // `last` holds a real date, so walking forward reaches it before
            // `next` could stop moving at the end of chrono's range.
            if current == last || next == current {
                return periods;
            }
            current = next;
        }
    }

    /// "2022", "6 tháng đầu năm 2022", "6 tháng cuối năm 2022",
    /// "Quý III/2022", "Tháng 7/2022", as Vietnamese reports write them.
    pub fn label_vi(self) -> String {
        match self.normalized() {
            Period::Year(y) => format!("{y}"),
            Period::Half(y, 1) => format!("6 tháng đầu năm {y}"),
            Period::Half(y, _) => format!("6 tháng cuối năm {y}"),
            Period::Quarter(y, q) => format!("Quý {}/{y}", QUARTERS_VI[usize::from(q - 1)]),
            Period::Month(y, m) => format!("Tháng {m}/{y}"),
        }
    }

    /// "2022", "H1 2022", "Q3 2022", "Jul 2022".
    pub fn label_en(self) -> String {
        match self.normalized() {
            Period::Year(y) => format!("{y}"),
            Period::Half(y, h) => format!("H{h} {y}"),
            Period::Quarter(y, q) => format!("Q{q} {y}"),
            Period::Month(y, m) => format!("{} {y}", MONTHS_EN[usize::from(m - 1)]),
        }
    }

    /// The same period with every field in range (see the type's docs).
    fn normalized(self) -> Period {
        let year = |y: i32| y.clamp(NaiveDate::MIN.year(), NaiveDate::MAX.year());
        match self {
            Period::Year(y) => Period::Year(year(y)),
            Period::Half(y, h) => Period::Half(year(y), h.clamp(1, 2)),
            Period::Quarter(y, q) => Period::Quarter(year(y), q.clamp(1, 4)),
            Period::Month(y, m) => Period::Month(year(y), m.clamp(1, 12)),
        }
    }

    /// The year and the first and last months (1..=12) of the period.
    fn months(self) -> (i32, u32, u32) {
        match self.normalized() {
            Period::Year(y) => (y, 1, 12),
            Period::Half(y, h) => {
                let first = u32::from(h - 1) * 6 + 1;
                (y, first, first + 5)
            }
            Period::Quarter(y, q) => {
                let first = u32::from(q - 1) * 3 + 1;
                (y, first, first + 2)
            }
            Period::Month(y, m) => (y, u32::from(m), u32::from(m)),
        }
    }
}

/// The first day of a month of a normalized period.
fn first_of_month(year: i32, month: u32) -> NaiveDate {
    // The year is within NaiveDate::MIN.year()..=NaiveDate::MAX.year() and
    // the month within 1..=12 (`normalized`); chrono holds every day of
    // those years (MIN is 1 January, MAX is 31 December), so the 1st exists.
    NaiveDate::from_ymd_opt(year, month, 1).expect("normalized year and month")
}

/// The last day of a month of a normalized period.
fn last_of_month(year: i32, month: u32) -> NaiveDate {
    if month == 12 {
        // As in `first_of_month`: 31 December of a year chrono holds.
        return NaiveDate::from_ymd_opt(year, 12, 31).expect("normalized year");
    }
    // The day before the 1st of the next month, which is not 1 January and
    // so never NaiveDate::MIN: a previous day exists.
    first_of_month(year, month + 1)
        .pred_opt()
        .expect("not the first day chrono holds")
}

/// A year written with exactly four ASCII digits.
fn four_digits(text: &str) -> Option<i32> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A month written with exactly two ASCII digits, 01..=12.
fn two_digit_month(text: &str) -> Option<u8> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|m| (1..=12).contains(m))
}

impl fmt::Display for Period {
    /// The canonical form `parse` reads: "2022", "2022-H1", "2022-Q3",
    /// "2022-07".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.normalized() {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
        }
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(text: &str) -> Result<Period, String> {
        Period::parse(text)
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Period {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A period: YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 to YYYY-Q4 or YYYY-MM.",
            "pattern": "^\\s*[0-9]{4}(-([Hh][12]|[Qq][1-4]|0[1-9]|1[0-2]))?\\s*$",
            "examples": ["2022", "2022-H1", "2022-Q3", "2022-07"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    use proptest::prelude::*;

    #[test]
    fn parses_every_form() {
        assert_eq!(Period::parse("2022"), Ok(Period::Year(2022)));
        assert_eq!(Period::parse("2022-H1"), Ok(Period::Half(2022, 1)));
        assert_eq!(Period::parse("2022-h2"), Ok(Period::Half(2022, 2)));
        assert_eq!(Period::parse("2022-Q3"), Ok(Period::Quarter(2022, 3)));
        assert_eq!(Period::parse("2022-q4"), Ok(Period::Quarter(2022, 4)));
        assert_eq!(Period::parse("2022-07"), Ok(Period::Month(2022, 7)));
        assert_eq!(Period::parse("2022-12"), Ok(Period::Month(2022, 12)));
        assert_eq!(Period::parse(" 2022-01 "), Ok(Period::Month(2022, 1)));
        assert_eq!(Period::parse("1900"), Ok(Period::Year(1900)));
        assert_eq!(Period::parse("2200-Q1"), Ok(Period::Quarter(2200, 1)));
        assert_eq!("2022-H1".parse::<Period>(), Ok(Period::Half(2022, 1)));
    }

    #[test]
    fn rejects_with_a_message_that_says_what_to_write() {
        let err = |text: &str| Period::parse(text).unwrap_err();
        for bad in [
            "",
            "22",
            "20222",
            "abcd",
            "2022/07",
            "2022-X1",
            "2022-",
            "-2022",
            "２０２２",
        ] {
            let message = err(bad);
            assert!(message.contains("is not a period"), "{bad}: {message}");
            assert!(message.contains("YYYY-H1") && message.contains("2022-07"), "{message}");
        }
        assert_eq!(err("1899"), "\"1899\": the year must be between 1900 and 2200");
        assert!(err("2201-Q1").contains("between 1900 and 2200"));
        assert_eq!(err("2022-H3"), "\"2022-H3\": a half-year is H1 or H2 (e.g. 2022-H1)");
        assert!(err("2022-H").contains("H1 or H2"));
        assert!(err("2022-H1x").contains("H1 or H2"));
        assert_eq!(
            err("2022-Q5"),
            "\"2022-Q5\": a quarter is Q1, Q2, Q3 or Q4 (e.g. 2022-Q3)"
        );
        assert!(err("2022-Q0").contains("Q1, Q2, Q3 or Q4"));
        for bad in ["2022-13", "2022-00", "2022-7", "2022-007", "2022-1a"] {
            assert_eq!(
                err(bad),
                format!("\"{bad}\": a month is two digits from 01 to 12 (e.g. 2022-07)")
            );
        }
    }

    #[test]
    fn containing_start_end() {
        let date = d("2022-08-15");
        let year = Period::containing(date, Granularity::Year);
        assert_eq!(year, Period::Year(2022));
        assert_eq!((year.start(), year.end()), (d("2022-01-01"), d("2022-12-31")));
        // August is in the second half (July–December).
        let half = Period::containing(date, Granularity::Half);
        assert_eq!(half, Period::Half(2022, 2));
        assert_eq!((half.start(), half.end()), (d("2022-07-01"), d("2022-12-31")));
        assert_eq!(Period::Half(2022, 1).end(), d("2022-06-30"));
        // August is in Q3 (July–September).
        let quarter = Period::containing(date, Granularity::Quarter);
        assert_eq!(quarter, Period::Quarter(2022, 3));
        assert_eq!((quarter.start(), quarter.end()), (d("2022-07-01"), d("2022-09-30")));
        assert_eq!(Period::Quarter(2023, 1).end(), d("2023-03-31"));
        let month = Period::containing(date, Granularity::Month);
        assert_eq!(month, Period::Month(2022, 8));
        assert_eq!((month.start(), month.end()), (d("2022-08-01"), d("2022-08-31")));
        // February of a leap year and of a common year.
        assert_eq!(Period::Month(2024, 2).end(), d("2024-02-29"));
        assert_eq!(Period::Month(2023, 2).end(), d("2023-02-28"));
        // Edges: the first and last day of a quarter.
        assert_eq!(
            Period::containing(d("2022-06-30"), Granularity::Quarter),
            Period::Quarter(2022, 2)
        );
        assert_eq!(
            Period::containing(d("2022-07-01"), Granularity::Quarter),
            Period::Quarter(2022, 3)
        );
        assert!(quarter.contains(d("2022-09-30")));
        assert!(!quarter.contains(d("2022-10-01")));
        assert!(!quarter.contains(d("2022-06-30")));
        for g in [
            Granularity::Year,
            Granularity::Half,
            Granularity::Quarter,
            Granularity::Month,
        ] {
            assert_eq!(Period::containing(date, g).granularity(), g);
        }
    }

    #[test]
    fn next_rolls_over_the_year() {
        assert_eq!(Period::Year(2022).next(), Period::Year(2023));
        assert_eq!(Period::Half(2022, 1).next(), Period::Half(2022, 2));
        assert_eq!(Period::Half(2022, 2).next(), Period::Half(2023, 1));
        assert_eq!(Period::Quarter(2022, 4).next(), Period::Quarter(2023, 1));
        assert_eq!(Period::Month(2022, 12).next(), Period::Month(2023, 1));
        assert_eq!(Period::Month(2022, 7).next(), Period::Month(2022, 8));
    }

    #[test]
    fn range_across_years() {
        let (from, to) = (d("2022-11-15"), d("2023-02-01"));
        let months: Vec<String> = Period::range(from, to, Granularity::Month)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(months, ["2022-11", "2022-12", "2023-01", "2023-02"]);
        assert_eq!(
            Period::range(from, to, Granularity::Quarter),
            [Period::Quarter(2022, 4), Period::Quarter(2023, 1)]
        );
        assert_eq!(
            Period::range(from, to, Granularity::Half),
            [Period::Half(2022, 2), Period::Half(2023, 1)]
        );
        assert_eq!(
            Period::range(from, to, Granularity::Year),
            [Period::Year(2022), Period::Year(2023)]
        );
        // One day: its own period; reversed bounds: nothing.
        assert_eq!(Period::range(from, from, Granularity::Month), [Period::Month(2022, 11)]);
        assert!(Period::range(to, from, Granularity::Month).is_empty());
        // The end of chrono's range does not loop.
        let end = NaiveDate::MAX;
        assert_eq!(Period::range(end, end, Granularity::Year).len(), 1);
    }

    #[test]
    fn labels_and_canonical_text() {
        let cases = [
            (Period::Year(2022), "2022", "2022", "2022"),
            (Period::Half(2022, 1), "2022-H1", "6 tháng đầu năm 2022", "H1 2022"),
            (Period::Half(2022, 2), "2022-H2", "6 tháng cuối năm 2022", "H2 2022"),
            (Period::Quarter(2022, 1), "2022-Q1", "Quý I/2022", "Q1 2022"),
            (Period::Quarter(2022, 3), "2022-Q3", "Quý III/2022", "Q3 2022"),
            (Period::Quarter(2022, 4), "2022-Q4", "Quý IV/2022", "Q4 2022"),
            (Period::Month(2022, 7), "2022-07", "Tháng 7/2022", "Jul 2022"),
            (Period::Month(2022, 12), "2022-12", "Tháng 12/2022", "Dec 2022"),
        ];
        for (period, canonical, vi, en) in cases {
            assert_eq!(period.to_string(), canonical);
            assert_eq!(period.label_vi(), vi);
            assert_eq!(period.label_en(), en);
            assert_eq!(serde_json::to_string(&period).unwrap(), format!("\"{canonical}\""));
            assert_eq!(
                serde_json::from_str::<Period>(&format!("\"{canonical}\"")).unwrap(),
                period
            );
        }
        assert!(serde_json::from_str::<Period>("\"2022-13\"").is_err());
    }

    #[test]
    fn out_of_range_fields_are_clamped_not_panicking() {
        assert_eq!(Period::Month(2022, 13).to_string(), "2022-12");
        assert_eq!(Period::Month(2022, 0).start(), d("2022-01-01"));
        assert_eq!(Period::Quarter(2022, 9).label_vi(), "Quý IV/2022");
        assert_eq!(Period::Half(2022, 0).label_en(), "H1 2022");
        assert_eq!(Period::Year(i32::MAX).end(), NaiveDate::MAX);
        assert_eq!(Period::Year(i32::MIN).start(), NaiveDate::MIN);
        assert_eq!(Period::Year(i32::MAX).next().end(), NaiveDate::MAX);
    }

    fn granularity() -> impl Strategy<Value = Granularity> {
        prop_oneof![
            Just(Granularity::Year),
            Just(Granularity::Half),
            Just(Granularity::Quarter),
            Just(Granularity::Month),
        ]
    }

    proptest! {
        #[test]
        fn periods_tile_time(offset in 0u64..109_938, g in granularity()) {
            // Any day of 1900–2200: 301 years of 365 days and 73 leap days.
            let date = d("1900-01-01") + chrono::Days::new(offset);
            let period = Period::containing(date, g);
            prop_assert!(period.contains(date));
            prop_assert!(period.start() <= period.end());
            prop_assert_eq!(period.next().start().pred_opt(), Some(period.end()));
            prop_assert_eq!(Period::parse(&period.to_string()), Ok(period));
        }
    }
}
