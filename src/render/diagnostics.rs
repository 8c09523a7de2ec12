//! Diagnostics as human text (with the source line and a caret), JSON, or
//! GitHub Actions annotations. The source lines come from the texts the
//! loader kept ([`Sources`]), personal data already hidden there.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::tr;
use crate::load::Sources;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use std::path::Path;

/// How a path is shown: as given, a control character or bidi override in
/// it made visible (a file may be named anything).
fn show_path(p: &Path) -> String {
    super::escape::terminal(&p.display().to_string()).into_owned()
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

/// How a diagnostic's file is named in CI output: a path relative to the
/// repository root, or `None` for a file that does not exist (a CI
/// service drops an annotation on a file it cannot find). The CLI, which
/// may look at the disk, decides.
pub type CiPath<'a> = &'a dyn Fn(&Path) -> Option<String>;

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`.
pub fn github(diags: &[Diagnostic], sources: &Sources, path: CiPath<'_>) -> String {
    use super::github::{escape_data, escape_property};
    let mut out = String::new();
    for d in diags {
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        let file = d.file.as_deref().and_then(path);
        if let Some(file) = &file {
            props.push(format!("file={}", escape_property(&super::escape::terminal(file))));
            if let Some((line, col, end_line, end_col)) = sources.position(d) {
                props.push(format!("line={line}"));
                props.push(format!("col={col}"));
                props.push(format!("endLine={end_line}"));
                if end_line == line {
                    props.push(format!("endColumn={end_col}"));
                }
            }
        }
        props.push(format!("title={}", escape_property(d.code.as_str())));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let message = super::escape::terminal(&message);
        out.push_str(&format!("::{command} {}::{}\n", props.join(","), escape_data(&message)));
    }
    out
}

/// A fingerprint that stays while the lines around a problem change: the
/// code, the file and the message, and how many identical ones came
/// before it (FNV-1a, 128 bits as two 64-bit halves, in hex).
fn fingerprints(diags: &[Diagnostic], path: CiPath<'_>) -> Vec<String> {
    fn fnv(seed: u64, bytes: &[u8]) -> u64 {
        bytes
            .iter()
            .fold(seed, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3))
    }
    let mut seen = std::collections::HashMap::<String, usize>::new();
    diags
        .iter()
        .map(|d| {
            let file = d.file.as_deref().and_then(path).unwrap_or_default();
            let key = format!("{}\0{file}\0{}", d.code.as_str(), d.message);
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            let key = format!("{key}\0{n}");
            format!(
                "{:016x}{:016x}",
                fnv(0xcbf2_9ce4_8422_2325, key.as_bytes()),
                fnv(0x8422_2325_cbf2_9ce4, key.as_bytes())
            )
        })
        .collect()
}

/// GitLab Code Quality: a JSON array of issues (`description`,
/// `check_name`, `fingerprint`, `severity`, `location` {`path`, `lines`
/// {`begin`}}).
pub fn gitlab(diags: &[Diagnostic], sources: &Sources, path: CiPath<'_>) -> String {
    let issues: Vec<serde_json::Value> = diags
        .iter()
        .zip(fingerprints(diags, path))
        .map(|(d, fingerprint)| {
            let line = sources.position(d).map_or(1, |p| p.0);
            let mut description = d.message.clone();
            if let Some(help) = &d.help {
                description.push_str(" (");
                description.push_str(help);
                description.push(')');
            }
            serde_json::json!({
                "description": description,
                "check_name": d.code.as_str(),
                "fingerprint": fingerprint,
                "severity": match d.severity() {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                "location": {
                    // GitLab requires a path; a problem of no file is the workspace's.
                    "path": d.file.as_deref().and_then(path).unwrap_or_else(|| "danvan.toml".into()),
                    "lines": { "begin": line },
                },
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// SARIF 2.1.0 (GitHub code scanning): one run of danvan, a rule per code
/// used, a result per diagnostic with its region and a stable
/// fingerprint (`partialFingerprints`).
pub fn sarif(diags: &[Diagnostic], sources: &Sources, path: CiPath<'_>) -> String {
    let mut codes: Vec<crate::diag::Code> = diags.iter().map(|d| d.code).collect();
    codes.sort_by_key(|c| c.as_str());
    codes.dedup();
    let rules: Vec<serde_json::Value> = codes
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.as_str(),
                "name": c.name(),
                "shortDescription": { "text": c.name() },
                "fullDescription": { "text": c.explanation() },
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = diags
        .iter()
        .zip(fingerprints(diags, path))
        .map(|(d, fingerprint)| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let mut result = serde_json::json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": codes.iter().position(|c| *c == d.code),
                "level": match d.severity() {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "message": { "text": message },
                "partialFingerprints": { "danvan/v1": fingerprint },
            });
            if let Some(file) = d.file.as_deref().and_then(path) {
                let mut location = serde_json::json!({ "artifactLocation": { "uri": file } });
                if let Some((line, col, end_line, end_col)) = sources.position(d) {
                    location["region"] = serde_json::json!({
                        "startLine": line,
                        "startColumn": col,
                        "endLine": end_line,
                        "endColumn": end_col.max(1),
                    });
                }
                result["locations"] = serde_json::json!([{ "physicalLocation": location }]);
            }
            result
        })
        .collect();
    let log = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "danvan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_stay_when_lines_move_and_tell_twins_apart() {
        let d = |msg: &str, line: usize| {
            Diagnostic::new(crate::diag::Code::Syntax, msg)
                .in_file("a.toml")
                .at(line..line + 1)
        };
        let path: CiPath<'_> = &|p| Some(p.display().to_string());
        let before = fingerprints(&[d("x", 3), d("x", 9), d("y", 1)], path);
        let after = fingerprints(&[d("x", 30), d("x", 90), d("y", 10)], path);
        assert_eq!(before, after);
        assert_ne!(before[0], before[1]);
        assert_eq!(before[0].len(), 32);
    }

    #[test]
    fn github_escapes_properties_and_newlines() {
        let d = Diagnostic::new(crate::diag::Code::Syntax, "bad: a,b\nnext").in_file("x,y.toml");
        let out = github(&[d], &Sources::default(), &|p| Some(p.display().to_string()));
        assert!(
            out.starts_with("::error file=x%2Cy.toml,line=1,col=1,endLine=1,endColumn=1,title=E010::bad: a,b%0Anext"),
            "{out}"
        );
    }
}
