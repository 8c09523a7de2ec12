//! `danvan report --out DIR`: the bundle a CI job publishes.

use super::notice::{NoticeFormat, render as render_notice};
use super::output::write_atomic;
use super::{Context, Failure, Outcome, print};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::report::bundle;
use clap::Args;
use std::path::PathBuf;

pub const EXAMPLES: &str = "Examples:
  danvan report --out public                   index.html, summary.md, data.json, notices/
  danvan report --out public --as-of 2025-06-30
  cat public/summary.md >> \"$GITHUB_STEP_SUMMARY\"

The bundle holds no personal data. The same records and as-of date give
byte-identical files, so a CI job can commit or diff them.";

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The folder to write (created if needed; files in it are replaced)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

pub fn run(cx: &Context, args: &ReportArgs) -> Outcome {
    let ws = cx.workspace()?;
    let snap = Snapshot::new(&ws, cx.as_of(&ws), DUE_SOON_DAYS);
    let data = bundle::bundle(&snap, bundle::records_commit(&ws.root));
    let json = crate::render::json(&data);
    let out = &args.out;
    if out.exists() && !out.is_dir() {
        return Err(Failure::Usage(crate::i18n::tr!(
            "{} đã có và không phải thư mục",
            "{} exists and is not a folder",
            out.display()
        )));
    }
    write_atomic(&out.join("data.json"), json.as_bytes())?;
    write_atomic(&out.join("index.html"), data.index_html(&ws.config).as_bytes())?;
    write_atomic(&out.join("summary.md"), data.summary_md(&ws.config).as_bytes())?;
    for link in &data.notices {
        let Some(meeting) = ws.meeting(&link.meeting) else {
            continue;
        };
        write_atomic(&out.join(&link.html), &render_notice(&ws, meeting, NoticeFormat::Html)?)?;
        write_atomic(&out.join(&link.docx), &render_notice(&ws, meeting, NoticeFormat::Docx)?)?;
    }
    print(&format!("{}\n", out.display()))
}
