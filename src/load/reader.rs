//! Typed reading of a parsed TOML table, collecting every problem.
//!
//! Serde stops at the first error; users want all of them with positions.
//! So records are parsed to a spanned tree (`toml::de::DeTable`) and read
//! field by field here: a wrong field becomes a diagnostic and `None`, and
//! reading goes on.

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::i18n::tr;
use crate::model::{Keyword, Sp, Span};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Where diagnostics of one file go.
pub struct Ctx<'a> {
    pub path: &'a Path,
    /// Bytes before the parsed text (a UTF-8 BOM), added to every span.
    pub offset: usize,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    pub fn new(path: &'a Path, offset: usize) -> Ctx<'a> {
        Ctx {
            path,
            offset,
            diags: Vec::new(),
        }
    }

    pub fn span(&self, r: Range<usize>) -> Span {
        Span::new(r.start + self.offset..r.end + self.offset)
    }

    pub fn report(&mut self, code: Code, span: Range<usize>, message: String, help: Option<String>) {
        let span = span.start + self.offset..span.end + self.offset;
        let mut d = Diagnostic::new(code, message).in_file(self.path).at(span);
        d.help = help;
        self.diags.push(d);
    }
}

/// NFC form of a text: filters and comparisons rely on one spelling of "ỹ".
pub fn nfc(s: &str) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

fn type_name(v: &DeValue<'_>) -> String {
    let name = match v {
        DeValue::String(_) => ("văn bản", "a string"),
        DeValue::Integer(_) => ("số nguyên", "an integer"),
        DeValue::Float(_) => ("số thực", "a float"),
        DeValue::Boolean(_) => ("true/false", "a boolean"),
        DeValue::Datetime(d) if d.time.is_some() => ("ngày giờ", "a date-time"),
        DeValue::Datetime(_) => ("ngày", "a date"),
        DeValue::Array(_) => ("danh sách", "an array"),
        DeValue::Table(_) => ("bảng", "a table"),
    };
    crate::i18n::word(name.0, name.1).to_owned()
}

/// A table being read; `path` names it in messages (`[notice]`, `[[conclusion]]` #2).
pub struct Table<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    pub path: String,
}

type Value<'t, 'i> = &'t Spanned<DeValue<'i>>;

impl<'t, 'i> Table<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, span: Range<usize>, path: String) -> Self {
        Table { table, span, path }
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            format!("`{key}`")
        } else {
            format!("`{key}` ({})", self.path)
        }
    }

    pub fn get(&self, key: &str) -> Option<Value<'t, 'i>> {
        self.table.get(key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = (&'t str, Range<usize>)> {
        self.table.iter().map(|(k, _)| (k.get_ref().as_ref(), k.span()))
    }

    /// Reports a missing required key.
    pub fn missing(&self, cx: &mut Ctx<'_>, key: &str, help: Option<String>) {
        let where_ = if self.path.is_empty() {
            tr!("trong tệp", "in the file")
        } else {
            self.path.clone()
        };
        cx.report(
            Code::MissingField,
            self.span.start..self.span.start,
            tr!(
                "thiếu trường bắt buộc `{}` {}",
                "missing required field `{}` {}",
                key,
                where_
            ),
            help,
        );
    }

    fn wrong_type(&self, cx: &mut Ctx<'_>, key: &str, v: Value<'t, 'i>, expected: &str, help: Option<String>) {
        cx.report(
            Code::WrongType,
            v.span(),
            tr!(
                "{} phải là {}, nhưng đang là {}",
                "{} must be {}, found {}",
                self.field(key),
                expected,
                type_name(v.get_ref())
            ),
            help,
        );
    }

    /// A text value, NFC-normalised.
    pub fn string(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<String>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(nfc(s), cx.span(v.span()))),
            _ => {
                let help = Some(tr!(
                    "đặt văn bản trong dấu ngoặc kép: {} = \"...\"",
                    "put text in double quotes: {} = \"...\"",
                    key
                ));
                self.wrong_type(cx, key, v, crate::i18n::word("văn bản", "a string"), help);
                None
            }
        }
    }

    pub fn req_string(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<String>> {
        if !self.has(key) {
            self.missing(cx, key, Some(format!("{key} = \"...\"")));
        }
        self.string(cx, key)
    }

    /// A TOML date. A quoted date gets its own code and the help to drop the quotes.
    pub fn date(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<NaiveDate>> {
        let v = self.get(key)?;
        self.date_value(cx, key, v)
    }

    fn date_value(&self, cx: &mut Ctx<'_>, key: &str, v: Value<'t, 'i>) -> Option<Sp<NaiveDate>> {
        match v.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                let d = dt.date?;
                let date = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day));
                if date.is_none() {
                    cx.report(
                        Code::BadFormat,
                        v.span(),
                        tr!("ngày không có thật", "no such date"),
                        None,
                    );
                }
                date.map(|d| Sp::new(d, cx.span(v.span())))
            }
            DeValue::Datetime(dt) => {
                let help = dt
                    .date
                    .map(|d| tr!("chỉ ghi ngày: {} = {}", "write the date alone: {} = {}", key, d));
                self.wrong_type(
                    cx,
                    key,
                    v,
                    crate::i18n::word("một ngày (không có giờ)", "a date without a time"),
                    help,
                );
                None
            }
            DeValue::String(s) if let Some(date) = quoted_date(s) => {
                // The help shows the TOML spelling, also for "12/07/2022".
                cx.report(
                    Code::QuotedDate,
                    v.span(),
                    tr!(
                        "{} là ngày nhưng được viết trong dấu ngoặc kép",
                        "{} is a date written in quotes",
                        self.field(key)
                    ),
                    Some(tr!(
                        "bỏ dấu ngoặc kép: {} = {}",
                        "remove the quotes: {} = {}",
                        key,
                        date
                    )),
                );
                None
            }
            _ => {
                let help = Some(tr!(
                    "ghi ngày theo dạng NĂM-THÁNG-NGÀY, không có ngoặc kép: {} = 2022-07-12",
                    "write a date as YEAR-MONTH-DAY without quotes: {} = 2022-07-12",
                    key
                ));
                self.wrong_type(cx, key, v, crate::i18n::word("một ngày", "a date"), help);
                None
            }
        }
    }

    pub fn req_date(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<NaiveDate>> {
        if !self.has(key) {
            self.missing(cx, key, Some(format!("{key} = 2022-07-12")));
        }
        self.date(cx, key)
    }

    pub fn bool(&self, cx: &mut Ctx<'_>, key: &str) -> Option<bool> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                let help = Some(format!("{key} = true  # {} false", crate::i18n::word("hoặc", "or")));
                self.wrong_type(cx, key, v, "true/false", help);
                None
            }
        }
    }

    /// A whole number in `min..=max`.
    pub fn int(&self, cx: &mut Ctx<'_>, key: &str, min: i64, max: i64) -> Option<Sp<i64>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
                Ok(n) if (min..=max).contains(&n) => Some(Sp::new(n, cx.span(v.span()))),
                _ => {
                    cx.report(
                        Code::BadFormat,
                        v.span(),
                        tr!(
                            "{} phải từ {} đến {}",
                            "{} must be between {} and {}",
                            self.field(key),
                            min,
                            max
                        ),
                        None,
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(cx, key, v, crate::i18n::word("một số nguyên", "an integer"), None);
                None
            }
        }
    }

    /// A number, integer or decimal, that must be finite.
    pub fn number(&self, cx: &mut Ctx<'_>, key: &str) -> Option<f64> {
        let v = self.get(key)?;
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_type(cx, key, v, crate::i18n::word("một số", "a number"), None);
                return None;
            }
        };
        match parsed {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                cx.report(
                    Code::BadFormat,
                    v.span(),
                    tr!(
                        "{} phải là một số hữu hạn",
                        "{} must be a finite number",
                        self.field(key)
                    ),
                    None,
                );
                None
            }
        }
    }

    pub fn req_number(&self, cx: &mut Ctx<'_>, key: &str) -> Option<f64> {
        if !self.has(key) {
            self.missing(cx, key, Some(format!("{key} = 100")));
        }
        self.number(cx, key)
    }

    /// A word from a closed set; an unknown word lists the allowed ones.
    pub fn keyword<K: Keyword>(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<K>> {
        let text = self.string(cx, key)?;
        keyword_value(cx, &self.field(key), &text)
    }

    pub fn req_keyword<K: Keyword>(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<K>> {
        if !self.has(key) {
            self.missing(
                cx,
                key,
                Some(format!("{key} = \"{}\"  # {}", K::ALL[0].0, K::choices())),
            );
        }
        self.keyword(cx, key)
    }

    fn array(&self, cx: &mut Ctx<'_>, key: &str, example: &str) -> Vec<Value<'t, 'i>> {
        let Some(v) = self.get(key) else { return Vec::new() };
        match v.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                let help = Some(tr!(
                    "viết dạng danh sách: {} = {}",
                    "write a list: {} = {}",
                    key,
                    example
                ));
                self.wrong_type(cx, key, v, crate::i18n::word("một danh sách", "an array"), help);
                Vec::new()
            }
        }
    }

    /// A list of texts (ids, tags, recipients).
    pub fn string_list(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Sp<String>> {
        let mut out = Vec::new();
        for item in self.array(cx, key, "[\"...\"]") {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp::new(nfc(s), cx.span(item.span()))),
                _ => self.wrong_type(
                    cx,
                    key,
                    item,
                    crate::i18n::word("danh sách văn bản", "a list of strings"),
                    None,
                ),
            }
        }
        out
    }

    pub fn date_list(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Sp<NaiveDate>> {
        let mut out = Vec::new();
        for item in self.array(cx, key, "[2022-01-01, 2022-01-02]") {
            if let Some(d) = self.date_value(cx, key, item) {
                out.push(d);
            }
        }
        out
    }

    /// A sub-table (`[notice]` or an inline table).
    pub fn table(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Table<'t, 'i>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Table::new(t, v.span(), self.sub_path(key))),
            _ => {
                let help = Some(format!("[{key}]"));
                self.wrong_type(cx, key, v, crate::i18n::word("một bảng", "a table"), help);
                None
            }
        }
    }

    fn sub_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            format!("[{key}]")
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// An array of tables (`[[conclusion]]`).
    pub fn tables(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Table<'t, 'i>> {
        let mut out = Vec::new();
        let items = self.array(cx, key, &format!("[[{key}]]"));
        for (i, item) in items.into_iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => out.push(Table::new(t, item.span(), format!("[[{key}]] #{}", i + 1))),
                _ => self.wrong_type(
                    cx,
                    key,
                    item,
                    crate::i18n::word("một bảng", "a table"),
                    Some(format!("[[{key}]]")),
                ),
            }
        }
        out
    }

    /// Reports every key that is not in `known`, with a suggestion.
    pub fn finish(&self, cx: &mut Ctx<'_>, known: &[&str]) {
        for (key, span) in self.keys() {
            if known.contains(&key) {
                continue;
            }
            let help = match did_you_mean(key, known.iter().copied()) {
                Some(s) => tr!("có phải ý bạn là `{}`?", "did you mean `{}`?", s),
                None => tr!("các khóa hợp lệ: {}", "known keys: {}", known.join(", ")),
            };
            let message = if self.path.is_empty() {
                tr!("khóa không có trong định dạng: `{}`", "unknown key `{}`", key)
            } else {
                tr!(
                    "khóa không có trong định dạng: `{}` ({})",
                    "unknown key `{}` in {}",
                    key,
                    self.path
                )
            };
            cx.report(Code::UnknownKey, span, message, Some(help));
        }
    }
}

/// Reads `text` as a word of `K`, reporting an unknown one at its span.
pub fn keyword_value<K: Keyword>(cx: &mut Ctx<'_>, field: &str, text: &Sp<String>) -> Option<Sp<K>> {
    if let Some(k) = K::parse(&text.value) {
        return Some(Sp::new(k, text.span));
    }
    let words = K::ALL.iter().map(|(s, _)| *s);
    let help = match did_you_mean(&text.value, words) {
        Some(s) => tr!(
            "có phải ý bạn là \"{}\"? Các giá trị: {}",
            "did you mean \"{}\"? Allowed: {}",
            s,
            K::choices()
        ),
        None => tr!("các giá trị được phép: {}", "allowed values: {}", K::choices()),
    };
    let r = text.span.range();
    cx.diags.push(
        Diagnostic::new(
            Code::BadEnum,
            tr!("{} không nhận giá trị \"{}\"", "{} cannot be \"{}\"", field, text.value),
        )
        .in_file(cx.path)
        .at(r)
        .with_help(help),
    );
    None
}

/// The date a quoted text spells, as `2022-07-12` or as `12/07/2022`.
fn quoted_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() == 10
        && let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d")
    {
        return Some(d);
    }
    if s.len() >= 8 {
        NaiveDate::parse_from_str(s, "%d/%m/%Y").ok()
    } else {
        None
    }
}

/// Parses a whole document, reporting every syntax error; `None` when there was one.
pub fn parse_document<'i>(cx: &mut Ctx<'_>, text: &'i str) -> Option<Spanned<DeTable<'i>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    let mut seen = std::collections::HashSet::new();
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        let message: Cow<'_, str> = Cow::Owned(e.message().trim_end().to_owned());
        // The parser repeats one error per unclosed bracket: say it once.
        if !seen.insert((span.clone(), message.clone())) {
            continue;
        }
        cx.report(
            Code::Syntax,
            span,
            tr!("lỗi cú pháp TOML: {}", "TOML syntax error: {}", message),
            None,
        );
    }
    None
}
