//! One sheet row → the values of one record, each remembered with the
//! column it came from.

use super::Problem;
use super::headers::{ColumnMap, Field, Layout, Value};
use super::values::{self, Bad};
use crate::load::sheet::{Sheet, SheetCell};
use crate::model::*;
use crate::render::record::date as toml_date;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A row read: its values by key path, and where each came from.
#[derive(Debug, Default)]
pub struct RowValues {
    /// 1-based sheet row.
    pub row: usize,
    pub values: BTreeMap<&'static str, toml::Value>,
    /// Key path → 0-based column.
    pub origins: BTreeMap<&'static str, usize>,
    pub id: Option<String>,
    pub number: Option<String>,
    pub meeting: Option<String>,
    pub ordinal: Option<i64>,
}

impl RowValues {
    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        let toml::Value::Datetime(dt) = self.values.get(key)? else {
            return None;
        };
        let d = dt.date?;
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.values.get(key).and_then(toml::Value::as_str)
    }

    /// A stable fingerprint of what the row says (every value, as it will
    /// be written; dates however the sheet typed them): FNV-1a, 64 bits.
    pub fn fingerprint(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        for (k, v) in &self.values {
            eat(k.as_bytes());
            eat(&[0x1f]);
            eat(v.to_string().as_bytes());
            eat(&[0x1e]);
        }
        format!("{h:016x}")
    }
}

/// The date a row's units are looked up on (a merged commune and the
/// commune it replaced may share a name).
fn main_date_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Model => "started",
        Kind::Meeting => "date",
        Kind::Conclusion => "due",
        Kind::Petition => "received",
    }
}

/// Reads row `r` (0-based) of the sheet; each bad cell adds a problem.
pub fn read_row(
    ws: &Workspace,
    kind: Kind,
    sheet: &Sheet,
    layout: &Layout,
    map: &ColumnMap,
    r: usize,
    problems: &mut Vec<Problem>,
) -> RowValues {
    let mut out = RowValues {
        row: r + 1,
        ..Default::default()
    };
    let columns: Vec<(usize, &'static Field)> = layout
        .columns
        .iter()
        .enumerate()
        .filter_map(|(c, (_, f))| f.map(|f| (c, f)))
        .collect();
    let mut fail = |c: usize, bad: Bad| {
        problems.push(Problem::at(
            &sheet.name,
            r + 1,
            c,
            &layout.columns[c].0,
            bad.message,
            Some(bad.help),
        ));
    };
    // Dates first: units are looked up on the record's date.
    let main = main_date_key(kind);
    let mut ordered = columns.clone();
    ordered.sort_by_key(|(_, f)| f.key != main);
    for (c, field) in ordered {
        let cell = sheet.cell(r, c);
        if cell.is_empty() {
            continue;
        }
        let text = crate::text::nfc(&cell.text());
        let on = out.date(main);
        let value: Result<Option<toml::Value>, Bad> = match field.value {
            Value::Id => match id(&text) {
                Ok(id) => {
                    out.id = Some(id);
                    Ok(None)
                }
                Err(b) => Err(b),
            },
            Value::Number => {
                out.number = Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
                Ok(None)
            }
            Value::MeetingRef => {
                out.meeting = Some(text);
                Ok(None)
            }
            Value::Ordinal => values::int(cell).map(|n| {
                out.ordinal = Some(n);
                None
            }),
            Value::Text | Value::Personal => Ok(Some(toml::Value::String(text))),
            Value::Date => values::date(cell).map(|d| Some(toml_date(d))),
            Value::Dates => dates(cell).map(|ds| Some(toml::Value::Array(ds.into_iter().map(toml_date).collect()))),
            Value::Bool => values::boolean(cell).map(|b| b.then_some(toml::Value::Boolean(true))),
            Value::Int => values::int(cell).map(|n| Some(toml::Value::Integer(n))),
            Value::Float => values::float(cell).map(|n| Some(toml::Value::Float(n))),
            Value::Word => word(kind, field.key, &text, map).map(|w| Some(toml::Value::String(w.to_owned()))),
            Value::Period => crate::model::Period::parse(&text)
                .map(|p| Some(toml::Value::String(p.to_string())))
                .map_err(|message| Bad {
                    message,
                    help: crate::i18n::tr!(
                        "kỳ ghi 2023, 2023-H1, 2023-Q3 hoặc 2023-07",
                        "a period is 2023, 2023-H1, 2023-Q3 or 2023-07"
                    ),
                }),
            Value::Unit => values::unit(&ws.config, &text, on).map(|u| Some(toml::Value::String(u))),
            Value::Units => each(&text, |t| values::unit(&ws.config, t, on)),
            Value::Org => values::org(&ws.config, &text).map(|o| Some(toml::Value::String(o))),
            Value::Orgs => each(&text, |t| values::org(&ws.config, t)),
            Value::Slug => {
                Ok(Some(toml::Value::String(crate::text::slug(&text)))).map(|v| v.filter(|s| s.as_str() != Some("")))
            }
            Value::Slugs => Ok(Some(toml::Value::Array(
                values::parts(&text)
                    .iter()
                    .map(|t| crate::text::slug(t))
                    .filter(|s| !s.is_empty())
                    .map(toml::Value::String)
                    .collect(),
            ))),
            Value::Texts => Ok(Some(toml::Value::Array(
                text.split([';', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| toml::Value::String(s.to_owned()))
                    .collect(),
            ))),
            Value::Indicators => indicators(&text).map(|t| Some(toml::Value::Table(t))),
            Value::NoticeNumber => Ok(Some(toml::Value::String(notice_number(
                &text,
                &ws.config.committee.notice_suffix,
            )))),
        };
        match value {
            Ok(Some(v)) => {
                out.values.insert(field.key, v);
                out.origins.insert(field.key, c);
            }
            Ok(None) => {
                out.origins.insert(field.key, c);
            }
            Err(mut bad) => {
                if field.value == Value::Personal {
                    bad.message = crate::i18n::tr!("giá trị không đọc được", "a value that cannot be read");
                }
                fail(c, bad)
            }
        }
    }
    out
}

fn each(text: &str, resolve: impl Fn(&str) -> Result<String, Bad>) -> Result<Option<toml::Value>, Bad> {
    let mut ids: Vec<String> = Vec::new();
    for part in values::parts(text) {
        let id = resolve(&part)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(Some(toml::Value::Array(
        ids.into_iter().map(toml::Value::String).collect(),
    )))
}

fn dates(cell: &SheetCell) -> Result<Vec<NaiveDate>, Bad> {
    match cell {
        SheetCell::Text(t) => t
            .split([';', ',', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| values::date(&SheetCell::Text(s.to_owned())))
            .collect(),
        other => values::date(other).map(|d| vec![d]),
    }
}

fn word(kind: Kind, key: &str, text: &str, map: &ColumnMap) -> Result<&'static str, Bad> {
    let extra = map.values.get(key);
    Ok(match (kind, key) {
        (Kind::Petition, "type") => values::word::<PetitionType>(text, "type@petitions", extra)?.as_str(),
        (Kind::Meeting, "type") => values::word::<MeetingType>(text, "type@meetings", extra)?.as_str(),
        (_, "channel") => values::word::<Channel>(text, "channel", extra)?.as_str(),
        (_, "outcome") => values::word::<Outcome>(text, "outcome", extra)?.as_str(),
        (_, "status") => values::word::<ModelStatus>(text, "status", extra)?.as_str(),
        _ => values::word::<Recognition>(text, "recognition", extra)?.as_str(),
    })
}

/// An id from an export's `id` column: the file name it had.
fn id(text: &str) -> Result<String, Bad> {
    let ok = !text.is_empty()
        && !text.starts_with('.')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(text.to_owned())
    } else {
        Err(Bad {
            message: crate::i18n::tr!(
                "\"{}\" không dùng được làm mã hồ sơ",
                "\"{}\" cannot be a record id",
                text
            ),
            help: crate::i18n::tr!(
                "mã chỉ gồm chữ, số và dấu -, ví dụ 2023-03-02-khieu-nai-tan-my; hoặc bỏ cột này để danvan tự đặt mã",
                "an id has letters, digits and -, e.g. 2023-03-02-khieu-nai-tan-my; or drop the column and danvan makes the ids"
            ),
        })
    }
}

/// "households=320;members=12.5", as export writes indicators.
fn indicators(text: &str) -> Result<toml::Table, Bad> {
    let mut t = toml::Table::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let parsed = part.split_once('=').and_then(|(k, v)| {
            let k = k.trim();
            let v: f64 = v.trim().parse().ok()?;
            (!k.is_empty()).then(|| (k.to_owned(), v))
        });
        let Some((k, v)) = parsed else {
            return Err(Bad {
                message: crate::i18n::tr!("\"{}\" không phải chỉ số", "\"{}\" is not an indicator", part),
                help: crate::i18n::tr!(
                    "ghi tên=số; tên=số, ví dụ households=320",
                    "write name=number; name=number, e.g. households=320"
                ),
            });
        };
        let value = if v.fract() == 0.0 && v.abs() < 1e15 {
            toml::Value::Integer(v as i64)
        } else {
            toml::Value::Float(v)
        };
        t.insert(k, value);
    }
    Ok(t)
}

/// "245-TB/HU" → "245": the committee's suffix is added when printed.
fn notice_number(text: &str, suffix: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_prefix("Số ")
        .or_else(|| t.strip_prefix("số "))
        .unwrap_or(t)
        .trim();
    let lower = t.to_lowercase();
    let with_dash = format!("-{}", suffix.to_lowercase());
    if !suffix.is_empty() && lower.ends_with(&with_dash) {
        return t[..t.len() - with_dash.len()].trim().to_owned();
    }
    t.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_numbers_and_indicators() {
        assert_eq!(notice_number("245-TB/HU", "TB/HU"), "245");
        assert_eq!(notice_number("Số 12-tb/hu", "TB/HU"), "12");
        assert_eq!(notice_number("07", "TB/HU"), "07");
        let t = indicators("households=320;members=12.5").unwrap();
        assert_eq!(t["households"].as_integer(), Some(320));
        assert_eq!(t["members"].as_float(), Some(12.5));
        assert!(indicators("x").is_err());
        assert!(id("2023-03-02-khieu-nai").is_ok());
        assert!(id("../x").is_err());
    }
}
