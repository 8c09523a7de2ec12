//! Diagnostics as human text (with the source line and a caret), JSON, or
//! GitHub Actions annotations. The source lines come from the texts the
//! loader kept ([`Sources`]), personal data already hidden there.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::tr;
use crate::load::Sources;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use std::path::Path;

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

/// The banner over a register printed without the records that have
/// errors (SPEC section 5): each file left out, with its first error.
pub fn left_out_banner(left: &[crate::load::LeftOut]) -> String {
    let mut out = tr!(
        "cảnh báo: {} tệp có lỗi bị để ra ngoài; số liệu dưới đây chỉ gồm các hồ sơ đọc được (`danvan check` liệt kê mọi lỗi):",
        "warning: {} file(s) with errors are left out; what follows holds only the records that loaded (`danvan check` lists every error):",
        left.len()
    );
    for l in left {
        let more = if l.errors > 1 {
            tr!(" (và {} lỗi khác)", " (and {} more)", l.errors - 1)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "\n  - {}: {} {}{more}",
            show_path(&l.file),
            l.code.as_str(),
            l.message
        ));
    }
    out.push('\n');
    out
}

/// A member committee a roll-up set aside (see [`members_left_out_banner`]).
pub struct MemberLeftOut<'a> {
    pub id: &'a str,
    /// Its folder, as listed or given.
    pub path: &'a Path,
    pub errors: usize,
    /// Its first error.
    pub first: Option<&'a Diagnostic>,
}

/// The banner over a roll-up that set members aside for their errors
/// (SPEC section 5): each one, its error count and first error, and the
/// command that lists them all.
pub fn members_left_out_banner(left: &[MemberLeftOut<'_>]) -> String {
    let mut out = tr!(
        "lỗi: {} cấp ủy có lỗi trong hồ sơ, bị để ra ngoài số liệu tổng hợp; các cấp ủy khác vẫn được tổng hợp:",
        "error: {} member committee(s) have errors in their records and are left out of the totals; the others are counted:",
        left.len()
    );
    for m in left {
        let first = m.first.map_or_else(String::new, |d| {
            let file = d
                .file
                .as_deref()
                .map_or_else(String::new, |f| format!("{}: ", show_path(f)));
            tr!(
                ", lỗi đầu tiên: {}{} {}",
                ", the first: {}{} {}",
                file,
                d.code.as_str(),
                d.message
            )
        });
        out.push_str(&tr!(
            "\n  - {} ({}): {} lỗi{}\n    xem tất cả: danvan --records {} check",
            "\n  - {} ({}): {} error(s){}\n    all of them: danvan --records {} check",
            m.id,
            show_path(m.path),
            m.errors,
            first,
            show_path(m.path)
        ));
    }
    out.push('\n');
    out
}

/// rustc-style text, coloured when `color` is set.
pub fn human(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in diags {
        let level = match d.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = d.file.as_deref().map(show_path);
        let source = d.file.as_deref().and_then(|f| sources.get(f));
        let excerpt = source.zip(d.span.clone()).and_then(|(src, span)| src.excerpt(span));
        let title = level.clone().primary_title(d.message.as_str()).id(d.code.as_str());
        let mut group = match (&path, &excerpt) {
            (Some(path), Some(excerpt)) => title.element(
                Snippet::source(excerpt.text.as_str())
                    .path(path.as_str())
                    .line_start(excerpt.first_line)
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(excerpt.span.clone())),
            ),
            (Some(path), None) => {
                let origin = match (source, &d.span) {
                    (Some(src), Some(span)) => {
                        let (line, column) = src.line_col(span.start);
                        Origin::path(path.as_str()).line(line).char_column(column)
                    }
                    _ => Origin::path(path.as_str()),
                };
                title.element(origin)
            }
            _ => Group::with_title(title),
        };
        if source.is_some_and(|s| s.is_opaque()) {
            group = group.element(Level::NOTE.message(tr!(
                "không trích dòng nào của tệp này: tệp không đọc được cấu trúc và có thể chứa thông tin cá nhân",
                "no line of this file is quoted: its structure could not be read and it may hold personal data"
            )));
        }
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
pub fn json(diags: &[Diagnostic], sources: &Sources) -> String {
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
pub fn github(diags: &[Diagnostic], sources: &Sources) -> String {
    // Workflow-command escaping: data in properties and messages.
    fn escape_data(s: &str) -> String {
        s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
    }
    fn escape_property(s: &str) -> String {
        escape_data(s).replace(':', "%3A").replace(',', "%2C")
    }
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
    fn github_escapes_properties_and_newlines() {
        let d = Diagnostic::new(crate::diag::Code::Syntax, "bad: a,b\nnext").in_file("x,y.toml");
        let out = github(&[d], &Sources::default());
        assert!(
            out.starts_with("::error file=x%2Cy.toml,line=1,col=1,endLine=1,endColumn=1,title=E010::bad: a,b%0Anext"),
            "{out}"
        );
    }
}
