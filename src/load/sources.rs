//! The texts of the files that diagnostics point into, as the loader read
//! them, with personal data hidden by what the parser knows of them.
//!
//! A diagnostic shows its source line. A `[petitioner]` table holds
//! personal data (Luật Tố cáo 2018 art. 9, 47, 56), and TOML can spell it
//! in many ways (a quoted or escaped header, dotted keys, an inline table),
//! so the parts to hide are found from the parsed tree, not from the text:
//! every value under the key `petitioner`, however it was written (and
//! under a key that is a near miss of it, `[Petitioner]`, `petitoner.name`,
//! which the loader rejects but whose values are personal all the same),
//! the keys of that table that are not its own fields, and every comment
//! of a file that holds such a table. A hidden value is shown as `***`
//! whatever its length, and positions are counted on the text as shown,
//! so no column gives a length away. A file whose structure could not be
//! read and whose text could spell that key (it has the word, or an
//! escape that could make it) shows no source at all.
//!
//! Only the files with a problem are kept: at province scale the texts of
//! every record would cost more memory than the records themselves. A
//! problem found later, by the rules across records, has its file read
//! again by [`Sources::fill`], through the same reader and the same rules.

use crate::diag::Diagnostic;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What a hidden value is shown as: the same whatever its length.
pub const HIDDEN: &str = "***";

/// The table of personal data in a petition.
pub const PERSONAL_KEY: &str = "petitioner";

/// Whether a key names the personal table, or nearly does: the loader
/// rejects `[Petitioner]` or `petitoner.phone`, but what is written under
/// them is personal all the same.
pub fn is_personal_key(key: &str) -> bool {
    let key = key.to_lowercase();
    key == PERSONAL_KEY || strsim::levenshtein(&key, PERSONAL_KEY) <= 2
}

/// A file's text as diagnostics show it.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The text, without a byte-order mark.
    text: String,
    /// Bytes before `text` in the file (a BOM: 3), which spans count.
    shift: usize,
    line_starts: Vec<usize>,
    /// Ranges of `text` that hold personal data, sorted, not overlapping.
    hidden: Vec<Range<usize>>,
    /// The structure could not be read and might hold personal data: no
    /// line of it is shown.
    opaque: bool,
}

impl SourceText {
    /// The text of a file as read, with what its parse says is personal.
    /// `hidden` are ranges of `file_text` (BOM included).
    fn new(file_text: &str, hidden: Vec<Range<usize>>, opaque: bool) -> SourceText {
        let (text, shift) = match file_text.strip_prefix('\u{feff}') {
            Some(rest) => (rest.to_owned(), 3),
            None => (file_text.to_owned(), 0),
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut hidden: Vec<Range<usize>> = hidden
            .into_iter()
            .map(|r| r.start.saturating_sub(shift).min(text.len())..r.end.saturating_sub(shift).min(text.len()))
            .filter(|r| r.start < r.end)
            .collect();
        hidden.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(hidden.len());
        for r in hidden {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        SourceText {
            text,
            shift,
            line_starts,
            hidden: merged,
            opaque,
        }
    }

    /// Reads what a parse of `file_text` says: the personal values to hide.
    pub fn parse(file_text: &str) -> SourceText {
        let (offset, body) = match file_text.strip_prefix('\u{feff}') {
            Some(rest) => (3, rest),
            None => (0, file_text),
        };
        let (table, errors) = DeTable::parse_recoverable(body);
        let mut hidden = Vec::new();
        let personal = personal_in_table(table.get_ref(), &mut hidden);
        if personal && errors.is_empty() {
            // A note beside a phone number is as personal as the number.
            comments(body, &mut hidden);
        }
        let hidden = hidden.into_iter().map(|r| r.start + offset..r.end + offset).collect();
        SourceText::new(file_text, hidden, !errors.is_empty() && could_name_personal(body))
    }

    /// Whether no line of the file may be shown.
    pub fn is_opaque(&self) -> bool {
        self.opaque
    }

    /// A byte offset of the file as an offset of the text.
    fn offset(&self, file_offset: usize) -> usize {
        floor_char_boundary(&self.text, file_offset.saturating_sub(self.shift).min(self.text.len()))
    }

    /// Line and column (1-based, in characters) of a byte offset of the
    /// file, on the line as shown: a hidden value counts as its mark, so a
    /// column after it (or at its end) does not tell its length; an offset
    /// inside it is at the mark. In an opaque file, where what is personal
    /// is not known, every position is at the start of its line.
    pub fn line_col(&self, file_offset: usize) -> (usize, usize) {
        let at = self.offset(file_offset);
        let line = self.line_starts.partition_point(|&s| s <= at);
        if self.opaque {
            return (line, 1);
        }
        let start = self.line_starts[line - 1];
        let chars = |from: usize, to: usize| self.text[from..to].trim_end_matches('\r').chars().count();
        let mut column = 0;
        let mut i = start;
        for h in self.hidden.iter().filter(|h| h.end > start && h.start < at) {
            let from = h.start.max(start);
            column += chars(i, from);
            if at < h.end {
                return (line, column + 1);
            }
            column += HIDDEN.chars().count();
            i = h.end;
        }
        (line, column + chars(i, at) + 1)
    }

    /// The lines that hold the file's bytes `span`, as shown: every hidden
    /// value replaced by [`HIDDEN`] (line breaks kept, so lines stay where
    /// they are). Returns the excerpt, the number of its first line and the
    /// span within the excerpt; `None` for an opaque file.
    pub fn excerpt(&self, span: Range<usize>) -> Option<Excerpt> {
        if self.opaque {
            return None;
        }
        let (start, end) = (self.offset(span.start), self.offset(span.end.max(span.start)));
        let first = self.line_starts.partition_point(|&s| s <= start);
        let last = self.line_starts.partition_point(|&s| s <= end);
        let from = self.line_starts[first - 1];
        let to = self.line_starts.get(last).copied().unwrap_or(self.text.len());
        let mut shown = String::with_capacity(to - from);
        // Where each of the original offsets `start` and `end` lands.
        let (mut at_start, mut at_end) = (None, None);
        let mut i = from;
        let mark = |i: usize, shown_len: usize, at_start: &mut Option<usize>, at_end: &mut Option<usize>| {
            if at_start.is_none() && i >= start {
                *at_start = Some(shown_len);
            }
            if at_end.is_none() && i >= end {
                *at_end = Some(shown_len);
            }
        };
        for h in self.hidden.iter().filter(|h| h.end > from && h.start < to) {
            let h_start = h.start.max(from);
            for (j, _) in self.text[i..h_start].char_indices() {
                mark(i + j, shown.len() + j, &mut at_start, &mut at_end);
            }
            shown.push_str(&self.text[i..h_start]);
            // A span that starts or ends inside a hidden value points at its mark.
            mark(h_start, shown.len(), &mut at_start, &mut at_end);
            let h_end = h.end.min(to);
            let breaks = self.text[h_start..h_end].matches('\n').count();
            for line in 0..=breaks {
                if line > 0 {
                    shown.push('\n');
                }
                shown.push_str(HIDDEN);
            }
            if at_start.is_none() && start < h_end {
                at_start = Some(shown.len() - HIDDEN.len());
            }
            if at_end.is_none() && end < h_end {
                at_end = Some(shown.len());
            }
            i = h_end;
        }
        for (j, _) in self.text[i..to].char_indices() {
            mark(i + j, shown.len() + j, &mut at_start, &mut at_end);
        }
        shown.push_str(&self.text[i..to]);
        let len = shown.len();
        let s = at_start.unwrap_or(len);
        let e = at_end.unwrap_or(len).max(s);
        Some(Excerpt {
            text: shown,
            first_line: first,
            span: s..e,
        })
    }
}

/// Lines of a file to show under a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    pub first_line: usize,
    /// The diagnostic's span within `text`.
    pub span: Range<usize>,
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The spans of every value under a `petitioner` key (or a near miss of
/// it), at any depth (a misplaced table is hidden too); whether there was one.
fn personal_in_table(table: &DeTable<'_>, out: &mut Vec<Range<usize>>) -> bool {
    let mut found = false;
    for (key, value) in table {
        if is_personal_key(key.get_ref()) {
            found = true;
            personal_leaves(value, out);
        } else {
            found |= personal_in_value(value, out);
        }
    }
    found
}

fn personal_in_value(value: &Spanned<DeValue<'_>>, out: &mut Vec<Range<usize>>) -> bool {
    match value.get_ref() {
        DeValue::Table(t) => personal_in_table(t, out),
        DeValue::Array(items) => items.iter().fold(false, |found, v| personal_in_value(v, out) | found),
        _ => false,
    }
}

/// The personal table's values, and its keys that are none of its fields
/// (`"Nguyễn Văn A" = "…"` is a name written as a key).
fn personal_leaves(value: &Spanned<DeValue<'_>>, out: &mut Vec<Range<usize>>) {
    if let DeValue::Table(t) = value.get_ref() {
        for (key, _) in t {
            if !crate::model::Petitioner::FIELDS
                .iter()
                .any(|f| f.key == key.get_ref().as_ref())
            {
                out.push(key.span());
            }
        }
    }
    leaves(value, out);
}

/// Every value inside `value`: of a table written with a header or dotted
/// keys, its entries' values (its keys stay readable); of anything else,
/// the whole value.
fn leaves(value: &Spanned<DeValue<'_>>, out: &mut Vec<Range<usize>>) {
    match value.get_ref() {
        DeValue::Table(t) if t.is_empty() => {}
        DeValue::Table(t) => {
            for (_, v) in t {
                leaves(v, out);
            }
        }
        _ => out.push(value.span()),
    }
}

/// The text of every comment of a valid TOML text (after its `#`).
fn comments(text: &str, out: &mut Vec<Range<usize>>) {
    #[derive(PartialEq)]
    enum In {
        Code,
        Basic,
        Literal,
        MultiBasic,
        MultiLiteral,
    }
    let bytes = text.as_bytes();
    let mut state = In::Code;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        match state {
            In::Code => match bytes[i] {
                b'#' => {
                    let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                    let end = if text[..end].ends_with('\r') { end - 1 } else { end };
                    if i + 1 < end {
                        out.push(i + 1..end);
                    }
                    i = end;
                    continue;
                }
                b'"' if rest.starts_with(b"\"\"\"") => (state, i) = (In::MultiBasic, i + 2),
                b'"' => state = In::Basic,
                b'\'' if rest.starts_with(b"'''") => (state, i) = (In::MultiLiteral, i + 2),
                b'\'' => state = In::Literal,
                _ => {}
            },
            In::Basic | In::MultiBasic if bytes[i] == b'\\' => i += 1,
            In::Basic if bytes[i] == b'"' => state = In::Code,
            In::Literal if bytes[i] == b'\'' => state = In::Code,
            In::MultiBasic if rest.starts_with(b"\"\"\"") => {
                // Up to two quotes may close the string's content: `""""" `.
                let run = rest.iter().take_while(|&&b| b == b'"').count().min(5);
                (state, i) = (In::Code, i + run - 1);
            }
            In::MultiLiteral if rest.starts_with(b"'''") => {
                let run = rest.iter().take_while(|&&b| b == b'\'').count().min(5);
                (state, i) = (In::Code, i + run - 1);
            }
            _ => {}
        }
        i += 1;
    }
}

/// Whether a text could name the `petitioner` key: it holds the word or
/// a near miss of it (in any case), or an escape that a quoted key could
/// spell it with.
fn could_name_personal(text: &str) -> bool {
    text.contains("\\u")
        || text.contains("\\U")
        || text
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .any(|word| word.len() >= PERSONAL_KEY.len() - 2 && is_personal_key(word))
}

/// The texts of the files that diagnostics point into.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    texts: HashMap<PathBuf, SourceText>,
}

impl Sources {
    pub fn insert(&mut self, path: PathBuf, text: SourceText) {
        self.texts.insert(path, text);
    }

    pub fn extend(&mut self, other: Sources) {
        self.texts.extend(other.texts);
    }

    pub fn get(&self, path: &Path) -> Option<&SourceText> {
        self.texts.get(path)
    }

    /// Reads, with the loader's reader, the file of every diagnostic whose
    /// text is not kept yet (problems found after loading).
    pub fn fill(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            let Some(path) = d.file.as_deref() else { continue };
            if d.span.is_none() || self.texts.contains_key(path) {
                continue;
            }
            if let Ok(text) = super::read_text(path) {
                self.texts.insert(path.to_path_buf(), SourceText::parse(&text));
            }
        }
    }

    /// (line, column, end line, end column) of a diagnostic; a diagnostic on
    /// a file without a span, or whose text is not known, sits at 1:1.
    pub fn position(&self, d: &Diagnostic) -> Option<(usize, usize, usize, usize)> {
        d.file.as_ref()?;
        let (Some(span), Some(src)) = (&d.span, d.file.as_deref().and_then(|f| self.get(f))) else {
            return Some((1, 1, 1, 1));
        };
        let (l, c) = src.line_col(span.start);
        let (el, ec) = src.line_col(span.end);
        Some((l, c, el, ec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, at: &str) -> Excerpt {
        let src = SourceText::parse(text);
        let start = text.find(at).unwrap();
        src.excerpt(start..start + at.len()).unwrap()
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\r\ntên = \"Tân Mỹ\"\n";
        let src = SourceText::parse(text);
        let at = text.find("\"Tân").unwrap();
        assert_eq!(src.line_col(at), (2, 7));
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(text.len() + 10), (3, 1));
        let bom = SourceText::parse("\u{feff}a = 1\nb = 2\n");
        assert_eq!(bom.line_col(3 + 6), (2, 1));
    }

    #[test]
    fn personal_values_are_hidden_at_a_fixed_width() {
        let text = "type = \"complaint\"\n[petitioner]\nname = \"Nguyễn Thị Bí Mật\"\nphone = 900\nx = 1\n";
        let e = shown(text, "phone = 900");
        assert_eq!(e.text, "phone = ***\n");
        assert_eq!(e.first_line, 4);
        assert_eq!(&e.text[e.span.clone()], "phone = ***");
        let e = shown(text, "900");
        assert_eq!(&e.text[e.span.clone()], HIDDEN);
        let e = shown(text, "type");
        assert_eq!(e.text, "type = \"complaint\"\n");
    }

    #[test]
    fn every_spelling_of_the_table_is_hidden() {
        let spellings = [
            "[petitioner]\nname = \"SECRET\"\n",
            "[\"petitioner\"]\nname = \"SECRET\"\n",
            "['petitioner']\nname = \"SECRET\"\n",
            "[\"petiti\\u006fner\"]\nname = \"SECRET\"\n",
            "petitioner.name = \"SECRET\"\n",
            "\"petitioner\".name = \"SECRET\"\n",
            "petitioner = { name = \"SECRET\" }\n",
            "\u{feff}[petitioner]\nname = \"SECRET\"\n",
            "[petitioner]\nname = \"\"\"\nSECRET\nSECRET\n\"\"\"\n",
        ];
        for text in spellings {
            let src = SourceText::parse(text);
            let whole = src.excerpt(0..text.len()).unwrap();
            assert!(!whole.text.contains("SECRET"), "{text:?} shows {:?}", whole.text);
            assert_eq!(
                whole.text.lines().count(),
                text.trim_start_matches('\u{feff}').lines().count()
            );
        }
    }

    #[test]
    fn near_misses_of_the_key_and_its_unknown_keys_and_comments_are_hidden() {
        for text in [
            "[Petitioner]\nname = \"SECRET\"\n",
            "PETITIONER.name = \"SECRET\"\n",
            "petitoner.name = \"SECRET\"\n",
            "[petitioner]\n\"SECRET\" = \"x\"\n",
            "[petitioner] # SECRET\n# SECRET\nname = \"a#b\" # SECRET\nnote = '''x#'''  # SECRET\n",
            "a = \"\"\"q\"\"\"\"\" # SECRET\n[petitioner]\nname = 'n'\n",
        ] {
            let src = SourceText::parse(text);
            let whole = src.excerpt(0..text.len()).unwrap();
            assert!(!whole.text.contains("SECRET"), "{text:?} shows {:?}", whole.text);
        }
        // Its own keys stay readable, others not (a typo may be a name),
        // and the comments of a file without it stay too.
        let e = shown("[petitioner]\nname = \"x\"\nnmae = \"x\"\n", "nmae");
        assert_eq!(e.text, "*** = ***\n");
        let e = shown("[petitioner]\nname = \"x\"\n", "name");
        assert_eq!(e.text, "name = ***\n");
        let e = shown("a = 1 # note\n", "a");
        assert_eq!(e.text, "a = 1 # note\n");
    }

    #[test]
    fn a_column_after_a_hidden_value_does_not_tell_its_length() {
        let at = |secret: &str| {
            let text = format!("petitioner = {{ name = \"{secret}\", foo = 1 }}\n");
            let src = SourceText::parse(&text);
            let foo = text.find("foo").unwrap();
            let name = text.find('"').unwrap();
            (
                src.line_col(foo),
                src.line_col(name + 2),
                src.line_col(name + secret.len() + 2),
            )
        };
        assert_eq!(at("A"), at("Nguyễn Thị Bí Mật Rất Dài"));
        assert_eq!(at("A").0, (1, 28));
    }

    #[test]
    fn an_unreadable_file_that_could_name_the_table_shows_nothing() {
        let broken = "petitioner.name = \"SECRET\"\nx = \n";
        assert!(SourceText::parse(broken).excerpt(0..1).is_none());
        let escaped = "[\"p\\u0065titioner\"]\nname = \"SECRET\"\ny = [\n";
        assert!(SourceText::parse(escaped).excerpt(0..1).is_none());
        let near = "[Petitoner]\nname = \"SECRET\" x\n";
        let src = SourceText::parse(near);
        assert!(src.excerpt(0..1).is_none());
        // Its positions keep their line only: a column could count a value.
        assert_eq!(src.line_col(near.find(" x").unwrap()), (2, 1));
        // A broken file that cannot spell the key still shows its lines.
        let plain = "title = \"x\"\nstarted = \n";
        let e = SourceText::parse(plain).excerpt(12..20).unwrap();
        assert_eq!(e.text, "started = \n");
    }
}
