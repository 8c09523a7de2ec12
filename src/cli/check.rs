//! `danvan check`: validate everything, report every problem at once.

use super::output::{page, print};
use super::{Context, Failure, Outcome};
use crate::diag::{Code, Severity};
use crate::i18n::tr;
use crate::render::diagnostics;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

pub const EXAMPLES: &str = "Examples:
  danvan check                          every problem, with file:line:column and a help line
  danvan check --format github          annotations for a GitHub Actions job
  danvan check --format gitlab > gl-code-quality-report.json     GitLab Code Quality
  danvan check --format sarif > danvan.sarif                     GitHub code scanning
  danvan check petitions/2025/a.toml    only the problems of these files (pre-commit)
  danvan check --format json | jq '.[] | select(.severity == \"error\")'
  danvan check --deny warnings          fail on warnings too (for CI)
  danvan check --explain E014           what a code means and how to fix it";

/// The codes, for completions.
fn code_words() -> Vec<&'static str> {
    Code::ALL.iter().map(|c| c.as_str()).collect()
}

#[derive(Args, Debug, Default)]
pub struct CheckArgs {
    /// Report only the problems of these files (the whole workspace is
    /// still checked: a reference may break elsewhere); exit 1 only when
    /// they have errors. What pre-commit's `entry: danvan check` passes
    #[arg(value_name = "FILE")]
    pub files: Vec<std::path::PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Treat warnings as errors (exit 1 on any warning)
    #[arg(long, value_name = "LEVEL", value_parser = ["warnings"])]
    pub deny: Option<String>,
    /// Explain a diagnostic code (E014 or its name, quoted-date) and exit
    #[arg(long, value_name = "CODE", value_parser = super::args::offer(super::args::any_text, code_words), hide_possible_values = true)]
    pub explain: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CheckFormat {
    /// rustc-style text with the source line
    #[default]
    Human,
    /// A JSON array of diagnostics
    Json,
    /// GitHub Actions annotations (paths from the repository root)
    Github,
    /// GitLab Code Quality JSON, with stable fingerprints
    Gitlab,
    /// SARIF 2.1.0 for GitHub code scanning, with stable fingerprints
    Sarif,
}

pub fn run(cx: &Context, args: &CheckArgs) -> Outcome {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    let cwd = std::env::current_dir().map_err(|e| Failure::Usage(e.to_string()))?;
    let root = match crate::load::locate(cx.global.records.as_deref(), &cwd) {
        Ok(root) => root,
        // A CI job and a script read standard output: no workspace (E001)
        // is said there too, in their format, naming no file that does not
        // exist; people read it on standard error.
        Err(d) if args.format != CheckFormat::Human => {
            let repository = repository_root(&cwd);
            let ci_path = |p: &Path| ci_path(p, repository.as_deref());
            let none = crate::load::Sources::default();
            eprint!(
                "{}",
                diagnostics::human(std::slice::from_ref(&d), &none, cx.color_stderr)
            );
            print(&formatted(args.format, &[d], &none, &ci_path))?;
            return Err(Failure::Reported);
        }
        Err(_) => cx.root()?,
    };
    cx.choose_lang(&root);
    let mut loaded = crate::check::load(&root);
    let files = if args.files.is_empty() {
        loaded.workspace.as_ref().map_or(0, |w| w.files.len())
    } else {
        let wanted: Vec<PathBuf> = args.files.iter().map(|f| canonical(f)).collect();
        loaded
            .diagnostics
            .retain(|d| d.file.as_deref().is_none_or(|f| wanted.contains(&canonical(f))));
        args.files.len()
    };
    let repository = repository_root(&root);
    let ci_path = |p: &Path| ci_path(p, repository.as_deref());
    let out = match args.format {
        CheckFormat::Human => {
            let mut text = diagnostics::human(&loaded.diagnostics, &loaded.sources, cx.color_stdout);
            text.push_str(&diagnostics::summary_line(&loaded.diagnostics, files));
            text.push('\n');
            text
        }
        format => formatted(format, &loaded.diagnostics, &loaded.sources, &ci_path),
    };
    if args.format == CheckFormat::Human {
        page(cx, |w| w.write_all(out.as_bytes()))?;
    } else {
        print(&out)?;
    }
    let deny_warnings = args.deny.is_some();
    let failed = loaded
        .diagnostics
        .iter()
        .any(|d| d.severity() == Severity::Error || deny_warnings);
    // As with `Context::workspace`: the records live until the process
    // ends, which frees them at once.
    std::mem::forget(loaded);
    if failed { Err(Failure::Records) } else { Ok(()) }
}

/// Diagnostics in a format for machines.
fn formatted(
    format: CheckFormat,
    diags: &[crate::diag::Diagnostic],
    sources: &crate::load::Sources,
    ci_path: diagnostics::CiPath<'_>,
) -> String {
    match format {
        CheckFormat::Human | CheckFormat::Json => diagnostics::json(diags, sources),
        CheckFormat::Github => diagnostics::github(diags, sources, ci_path),
        CheckFormat::Gitlab => diagnostics::gitlab(diags, sources, ci_path),
        CheckFormat::Sarif => diagnostics::sarif(diags, sources, ci_path),
    }
}

/// A path made absolute with its links resolved, or as given when it does
/// not exist (so two spellings of one file compare equal).
fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The git repository the workspace is in: the nearest folder at or above
/// it that holds `.git` (a folder, or a file in a worktree or submodule).
fn repository_root(workspace: &Path) -> Option<PathBuf> {
    let start = canonical(workspace);
    start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// A file as CI services name it: relative to the repository root (or,
/// outside a repository, to the current folder), with `/`; `None` for a
/// file that does not exist (E001's missing danvan.toml), which a CI
/// service could not show.
fn ci_path(file: &Path, repository: Option<&Path>) -> Option<String> {
    let full = std::fs::canonicalize(file).ok()?;
    let base = repository
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok().map(|d| canonical(&d)));
    let Some(shown) = base.and_then(|b| full.strip_prefix(b).ok().map(Path::to_path_buf)) else {
        return Some(full.display().to_string());
    };
    let parts: Vec<String> = shown
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

fn explain(query: &str) -> Outcome {
    let q = query.trim();
    let Some(code) = Code::ALL
        .iter()
        .find(|c| c.as_str().eq_ignore_ascii_case(q) || c.name() == q)
    else {
        let all: Vec<String> = Code::ALL
            .iter()
            .map(|c| format!("{} {}", c.as_str(), c.name()))
            .collect();
        return Err(Failure::Usage(tr!(
            "không có mã {}; các mã: {}",
            "no code {}; the codes are: {}",
            q,
            all.join(", ")
        )));
    };
    let text = if crate::i18n::is_en() {
        code.explanation()
    } else {
        code.explanation_vi()
    };
    print(&format!("{} ({})\n\n{}\n", code.as_str(), code.name(), text))
}
