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
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].trim_end_matches('\r').chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Blanks out the values of a `[petitioner]` table, keeping every byte
/// offset, so a diagnostic that shows source lines cannot show personal data.
pub fn redact_personal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_section = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            let header = trimmed.trim_start_matches('[').trim_start();
            in_section = header.starts_with("petitioner");
        }
        let inline = trimmed.starts_with("petitioner");
        match line.find('=') {
            Some(eq) if in_section || inline => {
                out.push_str(&line[..=eq]);
                for c in line[eq + 1..].chars() {
                    if c == '\n' || c == '\r' {
                        out.push(c);
                    } else {
                        out.extend(std::iter::repeat_n('*', c.len_utf8()));
                    }
                }
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// File texts read once for all the diagnostics that point into them.
#[derive(Default)]
pub struct Sources {
    texts: HashMap<PathBuf, Option<String>>,
}

impl Sources {
    fn get(&mut self, path: &Path) -> Option<&str> {
        self.texts
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let bytes = std::fs::read(path).ok()?;
                if bytes.len() as u64 > crate::load::MAX_FILE_BYTES {
                    return None;
                }
                Some(redact_personal(&String::from_utf8_lossy(&bytes)))
            })
            .as_deref()
    }

    /// (line, column, end line, end column) of a diagnostic; a diagnostic on
    /// a file without a span sits at 1:1.
    pub fn position(&mut self, d: &Diagnostic) -> Option<(usize, usize, usize, usize)> {
        let file = d.file.as_ref()?;
        let Some(span) = &d.span else { return Some((1, 1, 1, 1)) };
        let Some(text) = self.get(file) else {
            return Some((1, 1, 1, 1));
        };
        let (l, c) = line_col(text, span.start);
        let (el, ec) = line_col(text, span.end);
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
        let text = d.file.as_deref().and_then(|f| sources.get(f)).map(str::to_owned);
        let title = level.clone().primary_title(d.message.as_str()).id(d.code.as_str());
        let mut group = match (&path, &text, &d.span) {
            (Some(path), Some(text), Some(span)) => {
                let end = span.end.max(span.start).min(text.len());
                let start = floor_char_boundary(text, span.start.min(end));
                let end = floor_char_boundary(text, end);
                title.element(
                    Snippet::source(text.as_str())
                        .path(path.as_str())
                        .fold(true)
                        .annotation(AnnotationKind::Primary.span(start..end)),
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
