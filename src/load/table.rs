//! Typed reading of a parsed TOML table, collecting every problem.
//!
//! Serde stops at the first error; users want all of them with positions.
//! So records are parsed to a spanned tree (`toml::de::DeTable`) and read
//! field by field here: a wrong field becomes a diagnostic and `None`, and
//! reading goes on.

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::i18n::tr;
use crate::model::{Keyword, Sp, Span};
use crate::text::nfc;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The largest number a record holds, 2^53: every whole number up to it
/// is exact as a float (an indicator, a goal).
pub const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

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

    /// How a key of this table is named in messages: `key`, or `key` (path).
    pub fn field_name(&self, key: &str) -> String {
        self.field(key)
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

    /// A required text, which must say something: an empty one (`title =
    /// ""`) is E016, and read all the same.
    pub fn req_string(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<String>> {
        if !self.has(key) {
            self.missing(cx, key, Some(format!("{key} = \"...\"")));
        }
        let text = self.string(cx, key)?;
        if text.value.trim().is_empty() {
            cx.diags.push(
                Diagnostic::new(Code::BadFormat, tr!("{} để trống", "{} is empty", self.field(key)))
                    .in_file(cx.path)
                    .at(text.span.range())
                    .with_help(tr!("điền nội dung: {} = \"...\"", "write it: {} = \"...\"", key)),
            );
        }
        Some(text)
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
                    // A range is said in words, never as -9223372036854775808.
                    let message = if min == i64::MIN && max == i64::MAX {
                        tr!("{} là một số quá lớn", "{} is too large a number", self.field(key))
                    } else if min == 0 && max >= i64::from(u8::MAX) {
                        tr!(
                            "{} phải là một số nguyên từ 0 đến {}",
                            "{} must be a whole number from 0 to {}",
                            self.field(key),
                            max
                        )
                    } else {
                        tr!(
                            "{} phải từ {} đến {}",
                            "{} must be between {} and {}",
                            self.field(key),
                            min,
                            max
                        )
                    };
                    cx.report(Code::BadFormat, v.span(), message, None);
                    None
                }
            },
            _ => {
                self.wrong_type(cx, key, v, crate::i18n::word("một số nguyên", "an integer"), None);
                None
            }
        }
    }

    /// A number, integer or decimal, no larger than [`MAX_EXACT`] either
    /// way: every whole number up to it is held exactly, so sums of them
    /// are exact, and no sum of a workspace's numbers reaches infinity.
    pub fn number(&self, cx: &mut Ctx<'_>, key: &str) -> Option<f64> {
        let v = self.get(key)?;
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .ok()
                .filter(|n| n.unsigned_abs() <= MAX_EXACT as u64)
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_type(cx, key, v, crate::i18n::word("một số", "a number"), None);
                return None;
            }
        };
        match parsed {
            Some(n) if n.is_finite() && n.abs() <= MAX_EXACT => Some(n),
            _ => {
                cx.report(
                    Code::BadFormat,
                    v.span(),
                    tr!(
                        "{} phải là một số, không lớn hơn chín triệu tỷ (9 007 199 254 740 992) về cả hai phía",
                        "{} must be a number no larger than nine quadrillion (9,007,199,254,740,992) either way",
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
        keyword_value(cx, || self.field(key), &text)
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

    /// The items of the array at `key`; anything else is reported with
    /// `example` (made only then) as the list to write.
    fn array<E: std::fmt::Display>(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        example: impl FnOnce() -> E,
    ) -> Vec<Value<'t, 'i>> {
        let Some(v) = self.get(key) else { return Vec::new() };
        match v.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                let help = Some(tr!(
                    "viết dạng danh sách: {} = {}",
                    "write a list: {} = {}",
                    key,
                    example()
                ));
                self.wrong_type(cx, key, v, crate::i18n::word("một danh sách", "an array"), help);
                Vec::new()
            }
        }
    }

    /// A list of texts (ids, tags, recipients).
    pub fn string_list(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Sp<String>> {
        let items = self.array(cx, key, || "[\"...\"]");
        let mut out = Vec::with_capacity(items.len());
        for item in items {
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
        let items = self.array(cx, key, || "[2022-01-01, 2022-01-02]");
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let Some(d) = self.date_value(cx, key, item) {
                out.push(d);
            }
        }
        out
    }

    /// A list whose items are dates or `{ date = …, days = … }` tables (a
    /// denunciation's extensions): each item's date, and its days when
    /// given (a whole number in `1..=max_days`).
    pub fn dated_list(&self, cx: &mut Ctx<'_>, key: &str, max_days: i64) -> Vec<(Sp<NaiveDate>, Option<Sp<i64>>)> {
        let items = self.array(cx, key, || "[2024-05-01, { date = 2024-06-01, days = 20 }]");
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                DeValue::Table(t) => {
                    let sub = Table::new(t, item.span(), self.sub_path(key));
                    sub.finish(cx, &["date", "days"]);
                    let date = sub.req_date(cx, "date");
                    let days = sub.int(cx, "days", 1, max_days);
                    if let Some(date) = date {
                        out.push((date, days));
                    }
                }
                _ => {
                    if let Some(d) = self.date_value(cx, key, item) {
                        out.push((d, None));
                    }
                }
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

    /// `[key]`, or `path.key` under a named table. (Pushed, not
    /// formatted: every record has a few of them.)
    fn sub_path(&self, key: &str) -> String {
        let mut path = String::with_capacity(self.path.len() + key.len() + 2);
        if self.path.is_empty() {
            path.push('[');
            path.push_str(key);
            path.push(']');
        } else {
            path.push_str(&self.path);
            path.push('.');
            path.push_str(key);
        }
        path
    }

    /// An array of tables (`[[conclusion]]`).
    pub fn tables(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Table<'t, 'i>> {
        let mut out = Vec::new();
        let items = self.array(cx, key, || format!("[[{key}]]"));
        for (i, item) in items.into_iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => out.push(Table::new(t, item.span(), item_path(key, i + 1))),
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

    /// Reports every key that is not one of `fields`, with a suggestion.
    pub fn finish_fields(&self, cx: &mut Ctx<'_>, fields: &[crate::model::fields::FieldInfo]) {
        if self.keys().all(|(key, _)| fields.iter().any(|f| f.key == key)) {
            return;
        }
        let known: Vec<&str> = fields.iter().map(|f| f.key).collect();
        self.finish(cx, &known);
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
            let message = if self.path == format!("[{}]", super::sources::PERSONAL_KEY) {
                // A key of the personal table may itself be personal data
                // (a name written as a key): it is not repeated.
                tr!("khóa không có trong định dạng ({})", "unknown key in {}", self.path)
            } else if self.path.is_empty() {
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

/// `[[key]] #n`: how the `n`th table of an array of tables is named.
fn item_path(key: &str, n: usize) -> String {
    let mut path = String::with_capacity(key.len() + 8);
    path.push_str("[[");
    path.push_str(key);
    path.push_str("]] #");
    crate::text::push_int(&mut path, n as i64);
    path
}

/// Reads `text` as a word of `K`, reporting an unknown one at its span.
pub fn keyword_value<K: Keyword>(cx: &mut Ctx<'_>, field: impl FnOnce() -> String, text: &Sp<String>) -> Option<Sp<K>> {
    word_value(cx, field, text, K::WORDS).map(|i| Sp::new(K::ALL[i.value].1, i.span))
}

/// Reads `text` as one of `words` (its index), reporting an unknown one at
/// its span with the closest word and the allowed ones; `field` names the
/// field in that report (made only then: a load reads tens of thousands
/// of words, nearly all of them right).
pub fn word_value(
    cx: &mut Ctx<'_>,
    field: impl FnOnce() -> String,
    text: &Sp<String>,
    words: &[&str],
) -> Option<Sp<usize>> {
    if let Some(i) = words.iter().position(|w| *w == text.value) {
        return Some(Sp::new(i, text.span));
    }
    let choices = words.join(" | ");
    let help = match did_you_mean(&text.value, words.iter().copied()) {
        Some(s) => tr!(
            "có phải ý bạn là \"{}\"? Các giá trị: {}",
            "did you mean \"{}\"? Allowed: {}",
            s,
            choices
        ),
        None => tr!("các giá trị được phép: {}", "allowed values: {}", choices),
    };
    let r = text.span.range();
    cx.diags.push(
        Diagnostic::new(
            Code::BadEnum,
            tr!(
                "{} không nhận giá trị \"{}\"",
                "{} cannot be \"{}\"",
                field(),
                text.value
            ),
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

/// What the TOML parser says, in the run's language: its description and
/// what it expected (`invalid date, expected month between 01 and 12`),
/// each phrase from its table; a phrase not in it is kept as the parser
/// wrote it, in quotes, after a Vietnamese word for what went wrong.
pub fn toml_message(message: &str) -> String {
    if crate::i18n::is_en() {
        return message.to_owned();
    }
    let (head, expected) = match message.split_once(", expected ") {
        Some((h, e)) => (h, Some(e)),
        None => (message, None),
    };
    let mut out = match phrase_vi(head) {
        Some(vi) => vi,
        None => format!("cú pháp không hợp lệ (\"{head}\")"),
    };
    if let Some(expected) = expected {
        let items: Vec<String> = expected
            .split(", ")
            .map(|item| phrase_vi(item).unwrap_or_else(|| item.to_owned()))
            .collect();
        out.push_str("; cần ");
        out.push_str(&items.join(", "));
    }
    out
}

/// One phrase of the parser's messages in Vietnamese.
fn phrase_vi(phrase: &str) -> Option<String> {
    const PHRASES: &[(&str, &str)] = &[
        (
            "duplicate key",
            "khóa bị trùng (một khóa chỉ được ghi một lần trong một bảng)",
        ),
        ("unexpected key or value", "có khóa hoặc giá trị thừa"),
        ("unexpected content", "có nội dung thừa"),
        (
            "unexpected content between comment and newline",
            "có nội dung thừa sau ghi chú",
        ),
        ("string values must be quoted", "văn bản phải đặt trong dấu ngoặc kép"),
        (
            "invalid basic string",
            "chuỗi trong ngoặc kép không hợp lệ (thiếu dấu \" đóng?)",
        ),
        (
            "invalid literal string",
            "chuỗi trong ngoặc đơn không hợp lệ (thiếu dấu ' đóng?)",
        ),
        (
            "invalid multi-line basic string",
            "chuỗi nhiều dòng không hợp lệ (thiếu \"\"\" đóng?)",
        ),
        (
            "invalid multi-line literal string",
            "chuỗi nhiều dòng không hợp lệ (thiếu ''' đóng?)",
        ),
        ("invalid string", "chuỗi không hợp lệ"),
        ("invalid date-time", "ngày giờ không hợp lệ"),
        ("invalid datetime", "ngày giờ không hợp lệ"),
        ("invalid date", "ngày không hợp lệ"),
        ("invalid time", "giờ không hợp lệ"),
        ("invalid integer number", "số nguyên không hợp lệ"),
        ("invalid float", "số thập phân không hợp lệ (dùng dấu chấm: 12.5)"),
        ("invalid boolean", "giá trị đúng/sai không hợp lệ (true hoặc false)"),
        ("invalid value", "giá trị không hợp lệ"),
        ("invalid key", "khóa không hợp lệ"),
        (
            "invalid unquoted key",
            "khóa không hợp lệ (khóa có dấu cách hay dấu tiếng Việt phải đặt trong ngoặc kép)",
        ),
        ("invalid table", "tiêu đề bảng không hợp lệ"),
        ("invalid key-value pair", "cặp khóa = giá trị không hợp lệ"),
        ("invalid inline table element", "phần tử của bảng { } không hợp lệ"),
        ("unclosed array", "danh sách chưa đóng (thiếu ])"),
        ("unclosed inline table", "bảng { } chưa đóng (thiếu })"),
        ("unclosed table", "tiêu đề bảng chưa đóng (thiếu ])"),
        ("unclosed array table", "tiêu đề [[ ]] chưa đóng (thiếu ]])"),
        ("missing value", "thiếu giá trị"),
        ("missing value for key", "khóa chưa có giá trị"),
        ("key with no value", "khóa chưa có giá trị"),
        (
            "missing comma between array elements",
            "thiếu dấu phẩy giữa các phần tử của danh sách",
        ),
        (
            "missing comma between key-value pairs",
            "thiếu dấu phẩy giữa các cặp khóa = giá trị",
        ),
        (
            "missing assignment between key-value pairs",
            "thiếu dấu = giữa khóa và giá trị",
        ),
        ("extra assignment between key-value pairs", "thừa dấu ="),
        ("extra comma in array", "thừa dấu phẩy trong danh sách"),
        ("extra comma in inline table", "thừa dấu phẩy trong bảng { }"),
        ("missing opening quote", "thiếu dấu ngoặc kép mở"),
        ("missing escaped value", "thiếu ký tự sau dấu \\"),
        (
            "carriage return must be followed by newline",
            "ký tự về đầu dòng (CR) phải đi với xuống dòng",
        ),
        (
            "keys cannot be multi-line basic strings",
            "khóa không được là chuỗi nhiều dòng",
        ),
        (
            "keys cannot be multi-line literal strings",
            "khóa không được là chuỗi nhiều dòng",
        ),
        ("unquoted keys cannot be empty", "khóa không được để trống"),
        (
            "cannot extend value of type string with a dotted key",
            "không thể thêm khóa có dấu chấm vào một văn bản",
        ),
        (
            "cannot extend value of type array with a dotted key",
            "không thể thêm khóa có dấu chấm vào một danh sách",
        ),
        (
            "cannot extend value of type inline table with a dotted key",
            "không thể thêm khóa có dấu chấm vào một bảng { }",
        ),
        ("cannot recurse further; max recursion depth met", "lồng nhau quá sâu"),
        ("unexpected leading zero", "số không được bắt đầu bằng 0"),
        ("newline", "xuống dòng"),
        ("comment", "ghi chú"),
        ("nothing", "không gì nữa"),
        ("value", "một giá trị"),
        ("key", "một khóa"),
        ("literal string", "chuỗi trong ngoặc đơn"),
        ("basic string", "chuỗi trong ngoặc kép"),
        ("whitespace", "khoảng trắng"),
        ("month between 01 and 12", "tháng từ 01 đến 12"),
        ("day between 01 and 28", "ngày từ 01 đến 28"),
        ("day between 01 and 29", "ngày từ 01 đến 29"),
        ("day between 01 and 30", "ngày từ 01 đến 30"),
        ("day between 01 and 31", "ngày từ 01 đến 31"),
        ("hour between 00 and 23", "giờ từ 00 đến 23"),
        ("minute between 00 and 59", "phút từ 00 đến 59"),
        ("second between 00 and 60", "giây từ 00 đến 60"),
    ];
    if phrase.starts_with('`') {
        return Some(phrase.to_owned());
    }
    PHRASES
        .iter()
        .find(|(en, _)| *en == phrase)
        .map(|(_, vi)| (*vi).to_owned())
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
        let message: Cow<'_, str> = Cow::Owned(toml_message(e.message().trim_end()));
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

#[cfg(test)]
mod toml_message_tests {
    #[test]
    fn the_parsers_messages_are_in_vietnamese() {
        for text in [
            "a = \"x\nb = 1\n",
            "a = 1\na = 2\n",
            "d = 2022-13-01\n",
            "a = [1 2]\n",
            "a = x\n",
            "[t\n",
            "a = 1 2\n",
        ] {
            let (_, errors) = toml::de::DeTable::parse_recoverable(text);
            for e in errors {
                let vi = super::toml_message(e.message().trim_end());
                assert!(
                    !vi.contains("cú pháp không hợp lệ (\""),
                    "{text:?}: {} → {vi}",
                    e.message()
                );
                assert!(!vi.contains("expected"), "{text:?}: {vi}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ModelStatus, PetitionType};

    /// One diagnostic as a test sees it: the code, the text it points at, the help.
    type Seen = (Code, String, Option<String>);

    /// Parses `text` and runs `read` on its root table.
    fn read<T>(text: &str, read: impl FnOnce(&mut Ctx<'_>, &Table<'_, '_>) -> T) -> (T, Vec<Seen>) {
        let path = Path::new("test.toml");
        let mut cx = Ctx::new(path, 0);
        let doc = parse_document(&mut cx, text).expect("the test text is valid TOML");
        let table = Table::new(doc.get_ref(), 0..0, String::new());
        let value = read(&mut cx, &table);
        (value, seen(text, &cx.diags))
    }

    fn seen(text: &str, diags: &[Diagnostic]) -> Vec<Seen> {
        diags
            .iter()
            .map(|d| {
                let span = d.span.clone().expect("every reader diagnostic has a position");
                (d.code, text[span].to_owned(), d.help.clone())
            })
            .collect()
    }

    fn codes(diags: &[Seen]) -> Vec<(Code, &str)> {
        diags.iter().map(|(c, at, _)| (*c, at.as_str())).collect()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn strings_are_nfc_normalised() {
        // "Tân Mỹ" written with combining marks, as some keyboards do.
        let (value, diags) = read("name = \"Ta\u{302}n My\u{303}\u{303}\"", |cx, t| t.string(cx, "name"));
        assert!(diags.is_empty());
        let value = value.unwrap();
        assert_eq!(value.value, nfc("Ta\u{302}n My\u{303}\u{303}"));
        assert!(value.value.starts_with("Tân M"));
        assert_eq!(value.span.range(), 7..value.span.range().end);
    }

    #[test]
    fn a_string_of_the_wrong_type_points_at_the_value() {
        let (value, diags) = read("name = 12\n", |cx, t| t.string(cx, "name"));
        assert!(value.is_none());
        assert_eq!(codes(&diags), [(Code::WrongType, "12")]);
        assert!(diags[0].2.as_deref().unwrap().contains("name = \"...\""));
    }

    #[test]
    fn an_absent_optional_field_is_silent_and_a_required_one_is_reported() {
        let (value, diags) = read("other = 1\n", |cx, t| {
            (t.string(cx, "name"), t.date(cx, "d"), t.bool(cx, "b"))
        });
        assert!(value.0.is_none() && value.1.is_none() && value.2.is_none());
        assert!(diags.is_empty());
        let (value, diags) = read("other = 1\n", |cx, t| {
            (
                t.req_string(cx, "name"),
                t.req_date(cx, "d"),
                t.req_number(cx, "n"),
                t.req_keyword::<ModelStatus>(cx, "status"),
            )
        });
        assert!(value.0.is_none() && value.1.is_none() && value.2.is_none() && value.3.is_none());
        assert_eq!(codes(&diags), [(Code::MissingField, ""); 4]);
        let helps: Vec<_> = diags.iter().map(|d| d.2.clone().unwrap()).collect();
        assert_eq!(helps[0], "name = \"...\"");
        assert_eq!(helps[1], "d = 2022-07-12");
        assert_eq!(helps[2], "n = 100");
        assert!(helps[3].starts_with("status = \"planned\""), "{}", helps[3]);
    }

    #[test]
    fn a_missing_field_of_a_sub_table_points_at_the_sub_table() {
        let text = "a = 1\n[notice]\nnumber = \"1\"\n";
        let (_, diags) = read(text, |cx, t| {
            let n = t.table(cx, "notice").unwrap();
            n.req_string(cx, "signer")
        });
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].0, Code::MissingField);
    }

    #[test]
    fn dates() {
        let (value, diags) = read("d = 2022-07-12\n", |cx, t| t.date(cx, "d"));
        assert!(diags.is_empty());
        let value = value.unwrap();
        assert_eq!(value.value, date("2022-07-12"));
        assert_eq!(value.span.range(), 4..14);
    }

    #[test]
    fn a_quoted_date_gets_its_own_code_and_the_toml_spelling() {
        let (value, diags) = read("d = \"2022-07-12\"\n", |cx, t| t.date(cx, "d"));
        assert!(value.is_none());
        assert_eq!(codes(&diags), [(Code::QuotedDate, "\"2022-07-12\"")]);
        assert!(diags[0].2.as_deref().unwrap().ends_with("d = 2022-07-12"));
        // Written the Vietnamese way, the help still shows a valid TOML date.
        let (_, diags) = read("d = \"12/07/2022\"\n", |cx, t| t.date(cx, "d"));
        assert_eq!(codes(&diags), [(Code::QuotedDate, "\"12/07/2022\"")]);
        assert!(
            diags[0].2.as_deref().unwrap().ends_with("d = 2022-07-12"),
            "{:?}",
            diags[0].2
        );
        let (_, diags) = read("d = \" 1/7/2022 \"\n", |cx, t| t.date(cx, "d"));
        assert_eq!(diags[0].0, Code::QuotedDate);
        assert!(
            diags[0].2.as_deref().unwrap().ends_with("d = 2022-07-01"),
            "{:?}",
            diags[0].2
        );
    }

    #[test]
    fn text_that_is_not_a_date_is_a_wrong_type() {
        for text in [
            "d = \"tháng 7\"\n",
            "d = \"2022-13-01\"\n",
            "d = 20220712\n",
            "d = true\n",
            "d = [2022-07-12]\n",
        ] {
            let (value, diags) = read(text, |cx, t| t.date(cx, "d"));
            assert!(value.is_none(), "{text}");
            assert_eq!(diags.len(), 1, "{text}");
            assert_eq!(diags[0].0, Code::WrongType, "{text}");
            assert_eq!(diags[0].1, text[4..text.len() - 1], "{text}");
        }
    }

    #[test]
    fn a_date_time_is_refused_with_the_date_alone_as_help() {
        for text in [
            "d = 2022-07-12T08:00:00\n",
            "d = 2022-07-12T08:00:00+07:00\n",
            "d = 2022-07-12 08:00:00Z\n",
        ] {
            let (value, diags) = read(text, |cx, t| t.date(cx, "d"));
            assert!(value.is_none(), "{text}");
            assert_eq!(diags.len(), 1, "{text}");
            assert_eq!(diags[0].0, Code::WrongType);
            assert!(
                diags[0].2.as_deref().unwrap().ends_with("d = 2022-07-12"),
                "{:?}",
                diags[0].2
            );
        }
        let (value, diags) = read("d = 08:00:00\n", |cx, t| t.date(cx, "d"));
        assert!(value.is_none());
        assert_eq!(codes(&diags), [(Code::WrongType, "08:00:00")]);
    }

    #[test]
    fn booleans() {
        let (value, diags) = read("b = true\nc = \"yes\"\n", |cx, t| (t.bool(cx, "b"), t.bool(cx, "c")));
        assert_eq!(value, (Some(true), None));
        assert_eq!(codes(&diags), [(Code::WrongType, "\"yes\"")]);
    }

    #[test]
    fn integers_in_every_toml_spelling_and_out_of_range() {
        let text = "a = 2\nb = 0x2\nc = 1_000\nd = +3\ne = 0o7\nf = 0b11\ng = 99\nh = -1\ni = 2.0\n";
        let (value, diags) = read(text, |cx, t| {
            ["a", "b", "c", "d", "e", "f", "g", "h", "i"].map(|k| t.int(cx, k, 0, 1000).map(|n| n.value))
        });
        assert_eq!(
            value,
            [
                Some(2),
                Some(2),
                Some(1000),
                Some(3),
                Some(7),
                Some(3),
                Some(99),
                None,
                None
            ]
        );
        assert_eq!(codes(&diags), [(Code::BadFormat, "-1"), (Code::WrongType, "2.0")]);
        let (value, diags) = read("n = 99999999999999999999\n", |cx, t| t.int(cx, "n", i64::MIN, i64::MAX));
        assert!(value.is_none());
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn numbers_must_be_finite() {
        let text = "a = 1\nb = 2.5\nc = 1e3\nd = inf\ne = nan\nf = -inf\ng = \"3\"\n";
        let (value, diags) = read(text, |cx, t| {
            ["a", "b", "c", "d", "e", "f", "g"].map(|k| t.number(cx, k))
        });
        assert_eq!(value, [Some(1.0), Some(2.5), Some(1000.0), None, None, None, None]);
        assert_eq!(
            codes(&diags),
            [
                (Code::BadFormat, "inf"),
                (Code::BadFormat, "nan"),
                (Code::BadFormat, "-inf"),
                (Code::WrongType, "\"3\"")
            ]
        );
    }

    #[test]
    fn keywords_suggest_the_closest_word() {
        let (value, diags) = read("s = \"active\"\n", |cx, t| t.keyword::<ModelStatus>(cx, "s"));
        assert_eq!(value.map(|v| v.value), Some(ModelStatus::Active));
        assert!(diags.is_empty());
        let (value, diags) = read("s = \"actve\"\n", |cx, t| t.keyword::<ModelStatus>(cx, "s"));
        assert!(value.is_none());
        assert_eq!(codes(&diags), [(Code::BadEnum, "\"actve\"")]);
        let help = diags[0].2.as_deref().unwrap();
        assert!(
            help.contains("\"active\"") && help.contains("planned | active"),
            "{help}"
        );
        let (_, diags) = read("s = \"zzz\"\n", |cx, t| t.keyword::<PetitionType>(cx, "s"));
        let help = diags[0].2.as_deref().unwrap();
        assert!(help.contains("complaint | denunciation | recommendation"), "{help}");
        // Keywords are case-sensitive, as in the records.
        let (value, diags) = read("s = \"Active\"\n", |cx, t| t.keyword::<ModelStatus>(cx, "s"));
        assert!(value.is_none());
        assert_eq!(diags[0].0, Code::BadEnum);
        // A keyword that is not text is a wrong type, not a bad value.
        let (_, diags) = read("s = 1\n", |cx, t| t.keyword::<ModelStatus>(cx, "s"));
        assert_eq!(codes(&diags), [(Code::WrongType, "1")]);
    }

    #[test]
    fn lists_report_each_bad_item_and_keep_the_good_ones() {
        let text = "u = [\"a\", 1, \"b\", true]\nd = [2022-01-01, \"2022-01-02\", 3]\nx = \"a\"\n";
        let (value, diags) = read(text, |cx, t| {
            (t.string_list(cx, "u"), t.date_list(cx, "d"), t.string_list(cx, "x"))
        });
        let strings: Vec<&str> = value.0.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(strings, ["a", "b"]);
        assert_eq!(
            value.1.iter().map(|d| d.value).collect::<Vec<_>>(),
            [date("2022-01-01")]
        );
        assert!(value.2.is_empty());
        assert_eq!(
            codes(&diags),
            [
                (Code::WrongType, "1"),
                (Code::WrongType, "true"),
                (Code::QuotedDate, "\"2022-01-02\""),
                (Code::WrongType, "3"),
                (Code::WrongType, "\"a\""),
            ]
        );
        assert!(diags[4].2.as_deref().unwrap().contains("x = [\"...\"]"));
    }

    #[test]
    fn tables_and_arrays_of_tables() {
        let text = "[[c]]\ntext = \"a\"\n[[c]]\ntext = \"b\"\n[n]\nx = 1\n[n.m]\ny = 2\n";
        let (value, diags) = read(text, |cx, t| {
            let c: Vec<String> = t.tables(cx, "c").iter().map(|c| c.path.clone()).collect();
            let n = t.table(cx, "n");
            let m = n.as_ref().and_then(|n| n.table(cx, "m")).map(|m| m.path);
            (c, n.map(|n| n.path), m)
        });
        assert!(diags.is_empty());
        assert_eq!(value.0, ["[[c]] #1", "[[c]] #2"]);
        assert_eq!(value.1.as_deref(), Some("[n]"));
        assert_eq!(
            value.2.as_deref(),
            Some("[n].m"),
            "a table in a table is named by its path"
        );
        let (value, diags) = read("c = 1\nn = [1]\nm = [{ a = 1 }, 2]\n", |cx, t| {
            (
                t.tables(cx, "c").len(),
                t.table(cx, "n").is_some(),
                t.tables(cx, "m").len(),
            )
        });
        assert_eq!(value, (0, false, 1));
        assert_eq!(
            codes(&diags),
            [(Code::WrongType, "1"), (Code::WrongType, "[1]"), (Code::WrongType, "2")]
        );
        assert!(diags[0].2.as_deref().unwrap().contains("c = [[c]]"), "{:?}", diags[0]);
    }

    #[test]
    fn unknown_keys_get_a_suggestion_or_the_list() {
        let text = "titel = 1\nzzz = 2\ntitle = 3\n";
        let (_, diags) = read(text, |cx, t| t.finish(cx, &["title", "units"]));
        assert_eq!(codes(&diags), [(Code::UnknownKey, "titel"), (Code::UnknownKey, "zzz")]);
        assert!(diags[0].2.as_deref().unwrap().contains("`title`"));
        assert!(diags[1].2.as_deref().unwrap().contains("title, units"));
        // In a sub-table the message names the table.
        let (_, diags) = read("[petitioner]\nnmae = \"x\"\n", |cx, t| {
            let p = t.table(cx, "petitioner").unwrap();
            p.finish(cx, &["name"]);
        });
        assert_eq!(codes(&diags), [(Code::UnknownKey, "nmae")]);
    }

    #[test]
    fn every_syntax_error_is_reported_once_with_its_position() {
        let path = Path::new("x.toml");
        let mut cx = Ctx::new(path, 0);
        let text = "a = \"open\nb = 1\n";
        assert!(parse_document(&mut cx, text).is_none());
        assert!(!cx.diags.is_empty());
        assert!(
            cx.diags
                .iter()
                .all(|d| d.code == Code::Syntax && d.file.as_deref() == Some(path))
        );
        assert_eq!(cx.diags[0].span, Some(9..9), "at the end of the line");

        // A thousand unclosed brackets are one problem, not a thousand.
        let mut cx = Ctx::new(path, 0);
        let text = format!("a = {}\n", "[".repeat(1000));
        assert!(parse_document(&mut cx, &text).is_none());
        let mut positions: Vec<_> = cx.diags.iter().map(|d| (d.span.clone(), d.message.clone())).collect();
        let before = positions.len();
        positions.dedup();
        assert_eq!(before, positions.len());
        assert!(cx.diags.len() < 10, "{} diagnostics", cx.diags.len());
    }

    #[test]
    fn hostile_nesting_is_a_syntax_error_not_a_crash() {
        for text in [
            format!("a = {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
            format!("a = {}1{}\n", "{b = ".repeat(10_000), "}".repeat(10_000)),
            format!("a{} = 1\n", ".a".repeat(10_000)),
        ] {
            let mut cx = Ctx::new(Path::new("x.toml"), 0);
            assert!(parse_document(&mut cx, &text).is_none());
            assert!(cx.diags.iter().all(|d| d.code == Code::Syntax));
        }
    }

    #[test]
    fn the_offset_of_a_bom_is_added_to_every_position() {
        let text = "d = \"2022-07-12\"\nx = 1\n";
        let mut cx = Ctx::new(Path::new("x.toml"), 3);
        let doc = parse_document(&mut cx, text).unwrap();
        let t = Table::new(doc.get_ref(), 0..0, String::new());
        let d = t.date(&mut cx, "d");
        t.finish(&mut cx, &["d"]);
        assert!(d.is_none());
        let spans: Vec<_> = cx.diags.iter().map(|d| d.span.clone().unwrap()).collect();
        assert_eq!(spans, [7..19, 20..21]);
        // Values keep the offset too, so later checks point at the right place.
        let mut cx = Ctx::new(Path::new("x.toml"), 3);
        let doc = parse_document(&mut cx, "s = \"a\"\n").unwrap();
        let t = Table::new(doc.get_ref(), 0..0, String::new());
        assert_eq!(t.string(&mut cx, "s").unwrap().span.range(), 7..10);
    }

    #[test]
    fn quoted_dates_are_recognised_in_both_spellings() {
        assert_eq!(quoted_date("2022-07-12"), Some(date("2022-07-12")));
        assert_eq!(quoted_date(" 2022-07-12 "), Some(date("2022-07-12")));
        assert_eq!(quoted_date("12/07/2022"), Some(date("2022-07-12")));
        assert_eq!(quoted_date("2022-7-12"), None);
        assert_eq!(quoted_date("31/02/2022"), None);
        assert_eq!(quoted_date("2022"), None);
        assert_eq!(quoted_date(""), None);
    }
}
