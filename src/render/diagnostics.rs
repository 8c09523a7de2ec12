//! Diagnostics as human text (with the source line and a caret), JSON, or
//! GitHub Actions annotations.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::tr;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Line and column (1-based, in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    SourceText::new(text.to_owned()).line_col(offset)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Blanks out the values of a `[petitioner]` table, keeping every byte
/// offset, so a diagnostic that shows source lines cannot show personal data.
///
/// Two passes, so that neither a broken file nor a tricky one gets through:
/// where the file parses, the exact span of the `petitioner` value is
/// blanked; and line by line, everything after `=` in the table's lines,
/// every continuation line of a multi-line value, and an inline table until
/// its braces close.
pub fn redact_personal(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut blank = |range: std::ops::Range<usize>| {
        for b in &mut bytes[range] {
            // Keep line breaks so lines and columns stay where they are;
            // every other byte becomes '*' (a multi-byte character becomes
            // several), so the result is ASCII there and valid UTF-8.
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    };
    let (table, _) = toml::de::DeTable::parse_recoverable(text);
    if let Some(v) = table.get_ref().get("petitioner") {
        let span = v.span();
        if span.end <= text.len() {
            blank(span);
        }
    }
    let mut in_section = false;
    let mut inline_depth: i64 = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        if inline_depth > 0 {
            inline_depth += brace_balance(line);
            blank(start..offset);
            continue;
        }
        let header = trimmed
            .strip_prefix('[')
            .map(|h| h.trim_start_matches('[').trim_start());
        if let Some(h) = header
            && is_table_header(trimmed)
        {
            in_section = h.starts_with("petitioner");
            continue;
        }
        if trimmed.starts_with("petitioner") {
            if let Some(eq) = line.find('=') {
                inline_depth = brace_balance(&line[eq..]).max(0);
                blank(start + eq + 1..offset);
            }
            continue;
        }
        if in_section {
            match line.find('=') {
                Some(eq) => blank(start + eq + 1..offset),
                None => blank(start..offset),
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

fn brace_balance(s: &str) -> i64 {
    s.chars()
        .map(|c| match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        })
        .sum()
}

/// `[name]` or `[[name]]` with a bare or quoted dotted key: a table header,
/// not a line of a multi-line array or string that starts with a bracket.
fn is_table_header(trimmed: &str) -> bool {
    let t = trimmed.trim_end();
    let t = t.split('#').next().unwrap_or("").trim_end();
    t.starts_with('[') && t.ends_with(']') && !t.contains('=') && !t.contains(',')
}

/// A file's text as diagnostics show it: personal data blanked, a BOM
/// removed (spans shift by its three bytes), line starts indexed so a
/// position costs a binary search, not a scan of the file.
pub struct SourceText {
    pub text: String,
    shift: usize,
    line_starts: Vec<usize>,
}

impl SourceText {
    fn new(raw: String) -> SourceText {
        let (text, shift) = match raw.strip_prefix('\u{feff}') {
            Some(rest) => (rest.to_owned(), 3),
            None => (raw, 0),
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceText {
            text,
            shift,
            line_starts,
        }
    }

    /// A byte offset of the file as an offset of `text`.
    pub fn offset(&self, file_offset: usize) -> usize {
        floor_char_boundary(&self.text, file_offset.saturating_sub(self.shift).min(self.text.len()))
    }

    /// The whole lines from the one holding `start` to the one holding
    /// `end` (text offsets): the excerpt, its first line number and its
    /// offset in the text. Showing only these keeps a file with thousands of
    /// diagnostics fast.
    fn excerpt(&self, start: usize, end: usize) -> (&str, usize, usize) {
        let first = self.line_starts.partition_point(|&s| s <= start);
        let last = self.line_starts.partition_point(|&s| s <= end);
        let from = self.line_starts[first - 1];
        let to = self.line_starts.get(last).copied().unwrap_or(self.text.len());
        (&self.text[from..to], first, from)
    }

    pub fn line_col(&self, file_offset: usize) -> (usize, usize) {
        let at = self.offset(file_offset);
        let line = self.line_starts.partition_point(|&s| s <= at);
        let start = self.line_starts[line - 1];
        let column = self.text[start..at].trim_end_matches('\r').chars().count() + 1;
        (line, column)
    }
}

/// File texts read once for all the diagnostics that point into them.
#[derive(Default)]
pub struct Sources {
    texts: HashMap<PathBuf, Option<SourceText>>,
}

impl Sources {
    fn get(&mut self, path: &Path) -> Option<&SourceText> {
        self.texts
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                // Only regular files: opening a FIFO or a device would block.
                let meta = std::fs::metadata(path).ok()?;
                if !meta.is_file() || meta.len() > crate::load::MAX_FILE_BYTES {
                    return None;
                }
                let bytes = std::fs::read(path).ok()?;
                Some(SourceText::new(redact_personal(&String::from_utf8_lossy(&bytes))))
            })
            .as_ref()
    }

    /// (line, column, end line, end column) of a diagnostic; a diagnostic on
    /// a file without a span sits at 1:1.
    pub fn position(&mut self, d: &Diagnostic) -> Option<(usize, usize, usize, usize)> {
        let file = d.file.as_ref()?;
        let Some(span) = &d.span else { return Some((1, 1, 1, 1)) };
        let Some(src) = self.get(file) else {
            return Some((1, 1, 1, 1));
        };
        let (l, c) = src.line_col(span.start);
        let (el, ec) = src.line_col(span.end);
        Some((l, c, el, ec))
    }
}

/// How a path is shown: as given, with `/` separators.
fn show_path(p: &Path) -> String {
    p.display().to_string()
}

fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

/// The closing line: how many errors and warnings.
pub fn summary_line(diags: &[Diagnostic], files: usize) -> String {
    let (errors, warnings) = counts(diags);
    if errors == 0 && warnings == 0 {
        return tr!("✓ {} tệp, không có lỗi", "✓ {} files, no problems", files);
    }
    tr!(
        "{} tệp: {} lỗi, {} cảnh báo",
        "{} files: {} error(s), {} warning(s)",
        files,
        errors,
        warnings
    )
}

/// rustc-style text, coloured when `color` is set.
pub fn human(diags: &[Diagnostic], color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut sources = Sources::default();
    let mut out = String::new();
    for d in diags {
        let level = match d.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = d.file.as_deref().map(show_path);
        let source = d.file.as_deref().and_then(|f| sources.get(f));
        let title = level.clone().primary_title(d.message.as_str()).id(d.code.as_str());
        let mut group = match (&path, source, &d.span) {
            (Some(path), Some(src), Some(span)) => {
                let start = src.offset(span.start);
                let end = src.offset(span.end.max(span.start));
                let (excerpt, line, base) = src.excerpt(start, end);
                title.element(
                    Snippet::source(excerpt)
                        .path(path.as_str())
                        .line_start(line)
                        .fold(true)
                        .annotation(AnnotationKind::Primary.span(start - base..end - base)),
                )
            }
            (Some(path), _, _) => title.element(Origin::path(path.as_str())),
            _ => Group::with_title(title),
        };
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'static str,
    name: &'static str,
    message: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    help: Option<&'a str>,
}

/// A JSON array, one object per diagnostic (keys documented in the README).
pub fn json(diags: &[Diagnostic]) -> String {
    let mut sources = Sources::default();
    let items: Vec<JsonDiagnostic<'_>> = diags
        .iter()
        .map(|d| {
            let pos = sources.position(d);
            JsonDiagnostic {
                severity: d.severity(),
                code: d.code.as_str(),
                name: d.code.name(),
                message: &d.message,
                file: d.file.as_deref().map(show_path),
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                end_line: pos.map(|p| p.2),
                end_column: pos.map(|p| p.3),
                help: d.help.as_deref(),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`.
pub fn github(diags: &[Diagnostic]) -> String {
    // Workflow-command escaping: data in properties and messages.
    fn escape_data(s: &str) -> String {
        s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
    }
    fn escape_property(s: &str) -> String {
        escape_data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut sources = Sources::default();
    let mut out = String::new();
    for d in diags {
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = &d.file {
            props.push(format!("file={}", escape_property(&show_path(file))));
        }
        if let Some((line, col, end_line, end_col)) = sources.position(d) {
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            if end_line == line {
                props.push(format!("endColumn={end_col}"));
            }
        }
        props.push(format!("title={}", escape_property(d.code.as_str())));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!("::{command} {}::{}\n", props.join(","), escape_data(&message)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\r\ntên = \"Tân Mỹ\"\n";
        let at = text.find("\"Tân").unwrap();
        assert_eq!(line_col(text, at), (2, 7));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, text.len() + 10), (3, 1));
    }

    #[test]
    fn redaction_keeps_offsets_and_hides_values() {
        let text =
            "type = \"complaint\"\n[petitioner]\nname = \"Nguyễn Thị Bí Mật\"\nphone = \"0900\"\n[other]\nx = 1\n";
        let red = redact_personal(text);
        assert_eq!(red.len(), text.len());
        assert!(!red.contains("Bí Mật") && !red.contains("0900"));
        assert!(red.contains("type = \"complaint\"") && red.contains("x = 1"));
        let inline = "petitioner = { name = \"Lê Văn Kín\" }\n";
        assert!(!redact_personal(inline).contains("Kín"));
    }

    #[test]
    fn github_escapes_properties_and_newlines() {
        let d = Diagnostic::new(crate::diag::Code::Syntax, "bad: a,b\nnext").in_file("x,y.toml");
        let out = github(&[d]);
        assert!(
            out.starts_with("::error file=x%2Cy.toml,line=1,col=1,endLine=1,endColumn=1,title=E010::bad: a,b%0Anext"),
            "{out}"
        );
    }
}
