//! The TOML text of a record made by a program (`danvan import`): keys in
//! the order of SPEC section 2, values written by the `toml` crate, and
//! where each key's line is, so a problem the loader or `check` finds in
//! the text can be traced back to the cell it came from.

use std::ops::Range;

/// A record to write: its top-level keys, its `[[conclusion]]` tables, and
/// its `[notice]` and `[petitioner]` tables, each key with its value.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The `#:schema` line's target, relative to the file.
    pub schema: Option<String>,
    /// A comment line under it.
    pub comment: Option<String>,
    pub fields: Vec<(String, toml::Value)>,
    pub conclusions: Vec<Vec<(String, toml::Value)>>,
    pub notice: Vec<(String, toml::Value)>,
    /// Personal data: written to the file only, never shown (see [`text`]).
    pub petitioner: Vec<(String, toml::Value)>,
}

/// The text, and the byte range of each key's line by its path
/// (`received`, `notice.date`, `conclusion.2.due`, `petitioner.name`).
#[derive(Debug, Clone)]
pub struct Written {
    pub text: String,
    pub keys: Vec<(Range<usize>, String)>,
}

impl Written {
    /// The key whose line holds byte `at`.
    pub fn key_at(&self, at: usize) -> Option<&str> {
        self.keys
            .iter()
            .find(|(r, _)| r.contains(&at) || r.end == at)
            .map(|(_, k)| k.as_str())
    }
}

/// The record's text. With `redact_personal`, each `[petitioner]` value is
/// left out (a comment says a value is there), for `--dry-run` on a screen.
pub fn text(d: &Draft, redact_personal: bool) -> Written {
    let mut out = String::new();
    let mut keys = Vec::new();
    if let Some(schema) = &d.schema {
        out.push_str(&format!("#:schema {schema}\n"));
    }
    if let Some(comment) = &d.comment {
        for line in comment.lines() {
            out.push_str(&format!("# {line}\n"));
        }
    }
    let mut put = |out: &mut String, path: String, key: &str, value: &toml::Value| {
        let start = out.len();
        out.push_str(&format!("{} = {}\n", bare_or_quoted(key), value_text(value)));
        keys.push((start..out.len(), path));
    };
    for (k, v) in &d.fields {
        put(&mut out, k.clone(), k, v);
    }
    for (i, c) in d.conclusions.iter().enumerate() {
        out.push_str("\n[[conclusion]]\n");
        for (k, v) in c {
            put(&mut out, format!("conclusion.{i}.{k}"), k, v);
        }
    }
    if !d.notice.is_empty() {
        out.push_str("\n[notice]\n");
        for (k, v) in &d.notice {
            put(&mut out, format!("notice.{k}"), k, v);
        }
    }
    if !d.petitioner.is_empty() {
        out.push_str("\n[petitioner]\n");
        if redact_personal {
            let names: Vec<&str> = d.petitioner.iter().map(|(k, _)| k.as_str()).collect();
            out.push_str(&format!(
                "# {}: {}\n",
                crate::i18n::word(
                    "dữ liệu cá nhân, không hiện ra màn hình",
                    "personal data, not shown on screen"
                ),
                names.join(", ")
            ));
        } else {
            for (k, v) in &d.petitioner {
                put(&mut out, format!("petitioner.{k}"), k, v);
            }
        }
    }
    Written { text: out, keys }
}

fn bare_or_quoted(key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        key.to_owned()
    } else {
        toml::Value::String(key.to_owned()).to_string()
    }
}

/// A value as TOML writes it inline; dates bare (`2023-03-05`).
fn value_text(v: &toml::Value) -> String {
    match v {
        toml::Value::Table(t) => {
            let parts: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", bare_or_quoted(k), value_text(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(value_text).collect();
            format!("[{}]", parts.join(", "))
        }
        other => other.to_string(),
    }
}

/// A TOML date from a calendar date.
pub fn date(d: chrono::NaiveDate) -> toml::Value {
    use chrono::Datelike;
    toml::Value::Datetime(toml::value::Datetime {
        date: Some(toml::value::Date {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_order_with_their_lines() {
        let d = Draft {
            schema: Some("../../schema/petition.json".into()),
            comment: Some("Nhập từ so-don.xlsx, dòng 7".into()),
            fields: vec![
                ("type".into(), toml::Value::String("complaint".into())),
                (
                    "received".into(),
                    date(chrono::NaiveDate::from_ymd_opt(2023, 3, 5).unwrap()),
                ),
                (
                    "units".into(),
                    toml::Value::Array(vec![toml::Value::String("tan-my".into())]),
                ),
                ("summary".into(), toml::Value::String("Đất \"ranh\"\nhai dòng".into())),
            ],
            petitioner: vec![("name".into(), toml::Value::String("Bí Mật".into()))],
            ..Default::default()
        };
        let w = text(&d, false);
        assert!(w.text.starts_with("#:schema ../../schema/petition.json\n# Nhập từ"));
        assert!(w.text.contains("received = 2023-03-05\n"));
        assert!(w.text.contains("units = [\"tan-my\"]\n"));
        let at = w.text.find("2023-03-05").unwrap();
        assert_eq!(w.key_at(at), Some("received"));
        let table: toml::Table = w.text.parse().unwrap();
        assert_eq!(table["summary"].as_str(), Some("Đất \"ranh\"\nhai dòng"));
        assert_eq!(table["petitioner"]["name"].as_str(), Some("Bí Mật"));
        let shown = text(&d, true);
        assert!(!shown.text.contains("Bí Mật"));
        assert!(shown.text.parse::<toml::Table>().is_ok());
    }
}
