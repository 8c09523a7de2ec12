//! Cell values to record values: dates in the forms offices write them,
//! closed-set words in Vietnamese or English, yes/no marks, and unit and
//! organisation names (with the abbreviations every office uses) to ids.

use crate::diag::did_you_mean;
use crate::i18n::tr;
use crate::load::sheet::SheetCell;
use crate::model::*;
use chrono::{Datelike, NaiveDate};

/// A value that could not be read: the message and a help line. Neither
/// repeats the cell of a personal-data column.
#[derive(Debug, Clone, PartialEq)]
pub struct Bad {
    pub message: String,
    pub help: String,
}

fn bad(message: String, help: String) -> Bad {
    Bad { message, help }
}

/// Excel's day 0 in the 1900 system, as Excel counts it past February 1900
/// (which has a 29th in Excel only).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// Serial numbers between these are read as dates (1954 to 2119).
const SERIALS: std::ops::RangeInclusive<f64> = 20_000.0..=80_000.0;

fn from_serial(n: f64) -> Option<NaiveDate> {
    if !SERIALS.contains(&n) {
        return None;
    }
    excel_epoch().checked_add_days(chrono::Days::new(n.floor() as u64))
}

const DATE_HELP: &str = "dd/mm/yyyy";

/// A date: a date cell, an Excel serial number, or text as d/m/yyyy,
/// dd/mm/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd or "ngày 5 tháng 3 năm 2023".
/// Day before month, always: 03/05/2023 is 3 May.
pub fn date(cell: &SheetCell) -> Result<NaiveDate, Bad> {
    let help = || {
        tr!(
            "ghi ngày/tháng/năm, ví dụ 05/03/2023 hoặc 5/3/23, hoặc định dạng ô là ngày",
            "write day/month/year, e.g. 05/03/2023 or 5/3/23, or format the cell as a date"
        )
    };
    match cell {
        SheetCell::Date(d) => Ok(*d),
        SheetCell::Number(n) => {
            from_serial(*n).ok_or_else(|| bad(tr!("{} không phải một ngày", "{} is not a date", cell.text()), help()))
        }
        SheetCell::Text(t) => text_date(t).map_err(|why| bad(why, help())),
        _ => Err(bad(tr!("không phải một ngày", "not a date"), help())),
    }
}

fn text_date(t: &str) -> Result<NaiveDate, String> {
    let t = t.trim();
    // A date and a time ("2023-03-05 00:00:00", "05/03/2023 8:30"): the date.
    let t = t
        .split_whitespace()
        .next()
        .filter(|first| first.contains(['/', '-', '.']))
        .unwrap_or(t);
    let groups: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let not_a_date = || {
        tr!(
            "\"{}\" không phải một ngày ({})",
            "\"{}\" is not a date ({})",
            t,
            DATE_HELP
        )
    };
    let num = |s: &str| s.parse::<u32>().map_err(|_| not_a_date());
    match groups.as_slice() {
        [serial] if serial.len() == 5 => {
            let n: f64 = serial.parse().map_err(|_| not_a_date())?;
            from_serial(n).ok_or_else(not_a_date)
        }
        [y, m, d] if y.len() == 4 => ymd(num(y)? as i32, num(m)?, num(d)?, t),
        [d, m, y] if y.len() == 4 || y.len() == 2 => {
            let y = num(y)? as i32;
            let y = if y < 100 { 2000 + y } else { y };
            ymd(y, num(m)?, num(d)?, t)
        }
        _ => Err(not_a_date()),
    }
}

fn ymd(y: i32, m: u32, d: u32, t: &str) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&m) {
        return Err(tr!(
            "\"{}\": {} không phải tháng (ngày ghi trước tháng: ngày/tháng/năm)",
            "\"{}\": {} is not a month (the day comes first: day/month/year)",
            t,
            m
        ));
    }
    if !(1900..=2200).contains(&y) {
        return Err(tr!(
            "\"{}\": năm {} không hợp lệ",
            "\"{}\": {} is not a plausible year",
            t,
            y
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        tr!(
            "\"{}\": tháng {} năm {} không có ngày {}",
            "\"{}\": {}/{} has no day {}",
            t,
            m,
            y,
            d
        )
    })
}

/// A yes/no mark: "x", "có", "yes", "true", "1", "✓" are yes; empty, "không", "no", "0" are no.
pub fn boolean(cell: &SheetCell) -> Result<bool, Bad> {
    match cell {
        SheetCell::Bool(b) => Ok(*b),
        SheetCell::Number(n) => Ok(*n != 0.0),
        SheetCell::Empty => Ok(false),
        _ => {
            let t = crate::text::fold(&cell.text());
            match t.as_str() {
                "x" | "co" | "yes" | "y" | "true" | "1" | "\u{2713}" | "v" | "dung" | "phuc tap" => Ok(true),
                "" | "khong" | "no" | "n" | "false" | "0" | "-" => Ok(false),
                _ => Err(bad(
                    tr!("\"{}\" không phải có/không", "\"{}\" is not yes/no", cell.text()),
                    tr!(
                        "ghi \"x\" hoặc \"có\" khi đúng, để trống khi không",
                        "write \"x\" or \"yes\" when it applies, leave it empty when not"
                    ),
                )),
            }
        }
    }
}

/// A whole number (1, "2", "Lần 2", "lần hai").
pub fn int(cell: &SheetCell) -> Result<i64, Bad> {
    let fail = || {
        bad(
            tr!(
                "\"{}\" không phải một số nguyên",
                "\"{}\" is not a whole number",
                cell.text()
            ),
            tr!("ghi một số, ví dụ 2", "write a number, e.g. 2"),
        )
    };
    match cell {
        SheetCell::Number(n) if n.fract() == 0.0 => Ok(*n as i64),
        SheetCell::Text(t) => {
            let folded = crate::text::fold(t);
            let words = [("mot", 1), ("nhat", 1), ("dau", 1), ("hai", 2), ("ba", 3)];
            if let Some(n) = words
                .iter()
                .find(|(w, _)| folded.split(' ').any(|x| x == *w))
                .map(|(_, n)| *n)
            {
                return Ok(n);
            }
            let digits: String = folded
                .split(|c: char| !c.is_ascii_digit())
                .find(|g| !g.is_empty())
                .unwrap_or_default()
                .to_owned();
            let cleaned = folded.replace(['.', ',', ' '], "");
            if cleaned.chars().all(|c| c.is_ascii_digit()) && !cleaned.is_empty() {
                return cleaned.parse().map_err(|_| fail());
            }
            digits.parse().map_err(|_| fail())
        }
        _ => Err(fail()),
    }
}

/// A number ("320", "12,5" the Vietnamese way, "1.234" grouped).
pub fn float(cell: &SheetCell) -> Result<f64, Bad> {
    match cell {
        SheetCell::Number(n) => Ok(*n),
        _ => {
            let t = cell.text().replace(' ', "");
            let normal = if t.contains(',') {
                t.replace('.', "").replace(',', ".")
            } else if t.matches('.').count() > 1 || t.split('.').nth(1).is_some_and(|d| d.len() == 3) {
                t.replace('.', "")
            } else {
                t
            };
            normal.parse().map_err(|_| {
                bad(
                    tr!("\"{}\" không phải một số", "\"{}\" is not a number", cell.text()),
                    tr!("ghi một số, ví dụ 320 hoặc 12,5", "write a number, e.g. 320 or 12.5"),
                )
            })
        }
    }
}

/// The extra words that name a closed-set value, folded, beyond its
/// record spelling and its labels.
fn synonyms(key: &str) -> &'static [(&'static str, &'static str)] {
    match key {
        "type@petitions" => &[
            ("khieu nai", "complaint"),
            ("kn", "complaint"),
            ("don khieu nai", "complaint"),
            ("to cao", "denunciation"),
            ("tc", "denunciation"),
            ("don to cao", "denunciation"),
            ("kien nghi", "recommendation"),
            ("phan anh", "recommendation"),
            ("kien nghi phan anh", "recommendation"),
            ("kien nghi, phan anh", "recommendation"),
            ("knpa", "recommendation"),
            ("kn pa", "recommendation"),
        ],
        "type@meetings" => &[
            ("so ket", "review"),
            ("tong ket", "review"),
            ("so ket, tong ket", "review"),
            ("lam viec", "review"),
            ("giao ban", "review"),
            ("doi thoai", "dialogue"),
            ("doi thoai truc tiep", "dialogue"),
            ("tiep cong dan", "reception"),
            ("tiep dan", "reception"),
            ("tiep cong dan dinh ky", "reception"),
            ("hoi nghi", "conference"),
        ],
        "channel" => &[
            ("buu dien", "mail"),
            ("qua buu dien", "mail"),
            ("buu chinh", "mail"),
            ("thu", "mail"),
            ("tiep cong dan", "reception"),
            ("truc tiep", "reception"),
            ("doi thoai", "dialogue"),
            ("truc tuyen", "online"),
            ("qua mang", "online"),
            ("email", "online"),
            ("chuyen den", "transfer"),
            ("co quan chuyen", "transfer"),
            ("chuyen don", "transfer"),
        ],
        "outcome" => &[
            ("dung", "upheld"),
            ("dung toan bo", "upheld"),
            ("co co so", "upheld"),
            ("dung mot phan", "partly-upheld"),
            ("co dung co sai", "partly-upheld"),
            ("sai", "rejected"),
            ("sai toan bo", "rejected"),
            ("khong co co so", "rejected"),
            ("rut don", "withdrawn"),
            ("chuyen don", "transferred"),
            ("chuyen", "transferred"),
            ("khong thu ly", "not-accepted"),
        ],
        "status" => &[
            ("du kien", "planned"),
            ("ke hoach", "planned"),
            ("dang thuc hien", "active"),
            ("dang trien khai", "active"),
            ("hoat dong", "active"),
            ("duy tri", "active"),
            ("hoan thanh", "completed"),
            ("ket thuc", "completed"),
            ("tam dung", "suspended"),
            ("dung", "dropped"),
            ("dung han", "dropped"),
            ("giai the", "dropped"),
        ],
        "recognition" => &[
            ("xa", "commune"),
            ("cap xa", "commune"),
            ("huyen", "district"),
            ("cap huyen", "district"),
            ("tinh", "province"),
            ("cap tinh", "province"),
            ("toan quoc", "national"),
            ("trung uong", "national"),
            ("cap trung uong", "national"),
            ("quoc gia", "national"),
        ],
        _ => &[],
    }
}

/// A closed-set word in any of the ways a sheet writes it: the record
/// spelling (with spaces for dashes: "partly upheld"), the Vietnamese
/// labels and an office's usual words, or
/// a `[values.FIELD]` entry of the `--map` file.
pub fn word<K: Keyword>(
    text: &str,
    key: &str,
    extra: Option<&std::collections::BTreeMap<String, String>>,
) -> Result<K, Bad> {
    let folded = crate::text::fold(text);
    let dashed = folded.replace(' ', "-");
    if let Some(k) = K::parse(&dashed) {
        return Ok(k);
    }
    if let Some(extra) = extra
        && let Some((_, v)) = extra.iter().find(|(w, _)| crate::text::fold(w) == folded)
        && let Some(k) = K::parse(v)
    {
        return Ok(k);
    }
    let plain = folded.replace([',', '.'], "");
    for (w, spelling) in synonyms(key) {
        if (*w == folded || w.replace(',', "") == plain)
            && let Some(k) = K::parse(spelling)
        {
            return Ok(k);
        }
    }
    let words: Vec<&str> = synonyms(key)
        .iter()
        .map(|(w, _)| *w)
        .chain(K::ALL.iter().map(|(s, _)| *s))
        .collect();
    let hint = did_you_mean(&folded, words.iter().copied())
        .map(|w| tr!("có phải ý bạn là \"{}\"? ", "did you mean \"{}\"? ", w))
        .unwrap_or_default();
    Err(bad(
        tr!(
            "\"{}\" không phải một giá trị của cột này",
            "\"{}\" is not a value this column takes",
            text
        ),
        tr!(
            "{}Giá trị: {} (hoặc tiếng Việt; thêm từ khác trong [values] của --map)",
            "{}Values: {} (or in Vietnamese; add other words under [values] in --map)",
            hint,
            K::choices()
        ),
    ))
}

/// Abbreviations offices write, expanded word by word (folded).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("mttq", "mat tran to quoc"),
    ("ubmttq", "uy ban mat tran to quoc"),
    ("mt", "mat tran"),
    ("ldld", "lien doan lao dong"),
    ("hlhpn", "hoi lien hiep phu nu"),
    ("lhpn", "lien hiep phu nu"),
    ("hpn", "hoi phu nu"),
    ("hnd", "hoi nong dan"),
    ("hccb", "hoi cuu chien binh"),
    ("ccb", "cuu chien binh"),
    ("dtn", "doan thanh nien"),
    ("tn", "thanh nien"),
    ("bdv", "ban dan van"),
    ("btv", "ban thuong vu"),
    ("hu", "huyen uy"),
    ("tt", "thi tran"),
    ("vn", "viet nam"),
    ("tx", "thi xa"),
    ("tp", "thanh pho"),
];

/// Words that place an organisation or unit but do not tell two apart.
const PLACE_WORDS: &[&str] = &[
    "xa",
    "thi tran",
    "huyen",
    "tinh",
    "phuong",
    "viet nam",
    "thi xa",
    "thanh pho",
];

fn expand(text: &str) -> String {
    let folded = crate::text::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .map(|w| ABBREVIATIONS.iter().find(|(a, _)| a == w).map_or(*w, |(_, full)| *full))
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_place_words(expanded: &str) -> String {
    let mut t = format!(" {expanded} ");
    for w in PLACE_WORDS {
        t = t.replace(&format!(" {w} "), " ");
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A unit or organisation, with the forms its name is matched in.
struct Entry<'a> {
    id: &'a str,
    name: &'a str,
    full: String,
    stripped: String,
    spaced: String,
    current: bool,
}

fn entries<'a>(items: impl Iterator<Item = (&'a str, &'a str, bool)>) -> Vec<Entry<'a>> {
    items
        .map(|(id, name, current)| {
            let full = expand(name);
            Entry {
                id,
                name,
                stripped: strip_place_words(&full),
                full,
                spaced: id.replace('-', " "),
                current,
            }
        })
        .collect()
}

/// Picks one id: exact forms first, then (for organisations) a name that
/// holds the typed words; several left are narrowed to those current on
/// the record's date.
fn pick(list: &[Entry<'_>], typed: &str, contains: bool, what: &str) -> Result<String, Bad> {
    let full = expand(typed);
    let stripped = strip_place_words(&full);
    if let Some(e) = list.iter().find(|e| e.id == typed.trim()) {
        return Ok(e.id.to_owned());
    }
    let narrow = |found: Vec<&Entry<'_>>| -> Vec<String> {
        let current: Vec<&&Entry<'_>> = found.iter().filter(|e| e.current).collect();
        if found.len() > 1 && current.len() == 1 {
            vec![current[0].id.to_owned()]
        } else {
            found.iter().map(|e| e.id.to_owned()).collect()
        }
    };
    type Tier<'t> = Box<dyn Fn(&Entry<'_>) -> bool + 't>;
    let tiers: [Tier<'_>; 3] = [
        Box::new(|e| e.full == full || e.spaced == full),
        Box::new(|e| !stripped.is_empty() && (e.stripped == stripped || e.spaced == stripped)),
        Box::new(|e| {
            contains
                && !stripped.is_empty()
                && (format!(" {} ", e.stripped).contains(&format!(" {stripped} "))
                    || format!(" {} ", e.spaced).contains(&format!(" {stripped} ")))
        }),
    ];
    for tier in tiers {
        let found: Vec<&Entry<'_>> = list.iter().filter(|e| tier(e)).collect();
        if found.is_empty() {
            continue;
        }
        let mut ids = narrow(found);
        ids.sort();
        ids.dedup();
        if ids.len() == 1 {
            return Ok(ids.remove(0));
        }
        let listed: Vec<String> = ids
            .iter()
            .map(|id| {
                let name = list.iter().find(|e| e.id == id).map_or("", |e| e.name);
                format!("{name} ({id})")
            })
            .collect();
        return Err(bad(
            tr!(
                "\"{}\" khớp với nhiều {}: {}",
                "\"{}\" fits several {}s: {}",
                typed,
                what,
                listed.join(", ")
            ),
            tr!("ghi rõ tên hoặc mã", "write the full name or the id"),
        ));
    }
    let suggestion = did_you_mean(&stripped, list.iter().map(|e| e.stripped.as_str()))
        .and_then(|s| list.iter().find(|e| e.stripped == s))
        .map(|e| tr!("có phải ý bạn là {} ({})? ", "did you mean {} ({})? ", e.name, e.id))
        .unwrap_or_default();
    Err(bad(
        tr!("không có {} nào tên \"{}\"", "no {} is named \"{}\"", what, typed),
        tr!(
            "{}Tên và mã ở danvan.toml; thêm {} còn thiếu vào đó",
            "{}The names and ids are in danvan.toml; add a missing {} there",
            suggestion,
            what
        ),
    ))
}

/// A unit by id or name ("Tân Mỹ", "xã Tân Mỹ", "TT Lấp Vò"), among those
/// current on `date` when a name fits several.
pub fn unit(config: &Config, typed: &str, date: Option<NaiveDate>) -> Result<String, Bad> {
    let list = entries(config.units.iter().map(|u| {
        (
            u.id.value.as_str(),
            u.name.as_str(),
            date.is_none_or(|d| u.exists_on(d)),
        )
    }));
    pick(&list, typed, false, &tr!("đơn vị", "unit"))
}

/// An organisation by id, name or abbreviation ("UBND", "MTTQ huyện", "Hội LHPN").
pub fn org(config: &Config, typed: &str) -> Result<String, Bad> {
    let list = entries(config.orgs.iter().map(|o| (o.id.value.as_str(), o.name.as_str(), true)));
    pick(&list, typed, true, &tr!("tổ chức", "organisation"))
}

/// The parts of a list cell: split on `;`, `,`, `+` and new lines.
pub fn parts(text: &str) -> Vec<String> {
    text.split([';', ',', '\n', '+'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The year of a date, for register-number keys.
pub fn year(d: NaiveDate) -> i32 {
    d.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_three_forms_and_more() {
        let t = |s: &str| date(&SheetCell::Text(s.into()));
        assert_eq!(t("05/03/2023"), Ok(d(2023, 3, 5)));
        assert_eq!(t("5/3/23"), Ok(d(2023, 3, 5)));
        assert_eq!(t("2023-03-05"), Ok(d(2023, 3, 5)));
        assert_eq!(t("05.03.2023"), Ok(d(2023, 3, 5)));
        assert_eq!(t("ngày 05 tháng 3 năm 2023"), Ok(d(2023, 3, 5)));
        assert_eq!(t("2023-03-05 00:00:00"), Ok(d(2023, 3, 5)));
        assert_eq!(t("44990"), Ok(d(2023, 3, 5)));
        assert_eq!(date(&SheetCell::Number(44990.0)), Ok(d(2023, 3, 5)));
        assert_eq!(date(&SheetCell::Date(d(2023, 3, 5))), Ok(d(2023, 3, 5)));
        assert!(t("03/13/2023").unwrap_err().message.contains("13"));
        assert!(t("31/02/2023").is_err());
        assert!(t("hôm qua").is_err());
        assert!(date(&SheetCell::Number(12.0)).is_err());
    }

    #[test]
    fn marks_and_numbers() {
        for yes in ["x", "X", "có", "Có", "yes", "1"] {
            assert_eq!(boolean(&SheetCell::Text(yes.into())), Ok(true), "{yes}");
        }
        assert_eq!(boolean(&SheetCell::Text("không".into())), Ok(false));
        assert_eq!(boolean(&SheetCell::Empty), Ok(false));
        assert!(boolean(&SheetCell::Text("hmm".into())).is_err());
        assert_eq!(int(&SheetCell::Text("Lần 2".into())), Ok(2));
        assert_eq!(int(&SheetCell::Text("lần hai".into())), Ok(2));
        assert_eq!(int(&SheetCell::Text("1.200".into())), Ok(1200));
        assert_eq!(float(&SheetCell::Text("12,5".into())), Ok(12.5));
        assert_eq!(float(&SheetCell::Text("1.234".into())), Ok(1234.0));
    }

    #[test]
    fn words_in_vietnamese_or_english() {
        let w = |s: &str| word::<PetitionType>(s, "type@petitions", None);
        assert_eq!(w("Khiếu nại"), Ok(PetitionType::Complaint));
        assert_eq!(w("TỐ CÁO"), Ok(PetitionType::Denunciation));
        assert_eq!(w("Kiến nghị, phản ánh"), Ok(PetitionType::Recommendation));
        assert_eq!(w("complaint"), Ok(PetitionType::Complaint));
        assert!(w("đơn vui").is_err());
        assert_eq!(
            word::<Outcome>("Đúng một phần", "outcome", None),
            Ok(Outcome::PartlyUpheld)
        );
        assert_eq!(
            word::<Outcome>("partly upheld", "outcome", None),
            Ok(Outcome::PartlyUpheld)
        );
        let extra = std::collections::BTreeMap::from([("KNTC".to_owned(), "complaint".to_owned())]);
        assert_eq!(
            word::<PetitionType>("kntc", "type@petitions", Some(&extra)),
            Ok(PetitionType::Complaint)
        );
    }
}
