//! `danvan check`: validate everything, report every problem at once.

use super::output::print;
use super::{Context, Failure, Outcome};
use crate::diag::{Code, Severity};
use crate::i18n::tr;
use crate::render::diagnostics;
use clap::{Args, ValueEnum};

pub const EXAMPLES: &str = "Examples:
  danvan check                          every problem, with file:line:column and a help line
  danvan check --format github          annotations for a GitHub Actions job
  danvan check --format json | jq '.[] | select(.severity == \"error\")'
  danvan check --deny warnings          fail on warnings too (for CI)
  danvan check --explain E014           what a code means and how to fix it";

#[derive(Args, Debug, Default)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Treat warnings as errors (exit 1 on any warning)
    #[arg(long, value_name = "LEVEL", value_parser = ["warnings"])]
    pub deny: Option<String>,
    /// Explain a diagnostic code (E014 or its name, quoted-date) and exit
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CheckFormat {
    #[default]
    Human,
    Json,
    Github,
}

pub fn run(cx: &Context, args: &CheckArgs) -> Outcome {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    let root = cx.root()?;
    cx.choose_lang(&root);
    let loaded = crate::check::load(&root);
    let files = loaded.workspace.as_ref().map_or(0, |w| w.files.len());
    let out = match args.format {
        CheckFormat::Human => {
            let mut text = diagnostics::human(&loaded.diagnostics, &loaded.sources, cx.color_stdout);
            text.push_str(&diagnostics::summary_line(&loaded.diagnostics, files));
            text.push('\n');
            text
        }
        CheckFormat::Json => diagnostics::json(&loaded.diagnostics, &loaded.sources),
        CheckFormat::Github => diagnostics::github(&loaded.diagnostics, &loaded.sources),
    };
    print(&out)?;
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
