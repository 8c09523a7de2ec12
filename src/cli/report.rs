//! `danvan report --out DIR`: the bundle a CI job publishes.

use super::output::{Bundle, print};
use super::{Context, Failure, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::render::site;
use crate::render::template::{self, Layout, NoticeTemplate, TemplateError};
use crate::report::{self, bundle};
use clap::Args;
use rayon::prelude::*;
use std::path::PathBuf;

pub const EXAMPLES: &str = "Examples:
  danvan report --out public                   index.html, summary.md, data.json, registers.xlsx, notices/
  danvan report --out public --as-of 2025-06-30
  cat public/summary.md >> \"$GITHUB_STEP_SUMMARY\"

The bundle holds no personal data. The same records and as-of date give
byte-identical files, so a CI job can commit or diff them; written again
into the same folder, a notice that did not change is left as it is.
The bundle is made beside the folder and swapped in when complete: an
interrupted run leaves the old bundle whole and no temporary files, and
files of yours in the folder (README, .git) stay.";

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The folder to write, replaced as one unit (index.html, summary.md, data.json, registers.xlsx, notices/; other files in it are kept)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

pub fn run(cx: &Context, args: &ReportArgs) -> Outcome {
    let ws = cx.workspace()?;
    let out = &args.out;
    if out.exists() && !out.is_dir() {
        return Err(Failure::Usage(crate::i18n::tr!(
            "{} đã có và không phải thư mục",
            "{} exists and is not a folder",
            out.display()
        )));
    }
    let html_source = template::notice_source(&ws.root.join("templates"), Layout::Html).map_err(Failure::template)?;
    let margins = ws.config.document.margins_mm;
    let html = NoticeTemplate::new(&html_source, Layout::Html, margins).map_err(Failure::template)?;
    let links = bundle::notice_links(ws);
    let files = Bundle::new(out)?;
    // The notices are written on every core while the reports are made
    // and written; nothing is renamed into place until all are complete.
    let (pages, notices) = rayon::join(
        || -> Outcome {
            let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
            let data = bundle::bundle(&snap, crate::load::records_commit(&ws.root), &links);
            let (json, page) = rayon::join(
                || {
                    files.write_with(&out.join("data.json"), |w| {
                        serde_json::to_writer_pretty(&mut *w, &data)?;
                        writeln!(w)
                    })
                },
                || {
                    files.write_with(&out.join("index.html"), |w| {
                        site::write_index_html(&data, &ws.config, w)
                    })
                },
            );
            json.and(page)?;
            use crate::report::Report;
            let registers = crate::render::xlsx::documents(&[&data.petitions.document(), &data.conclusions.document()])
                .map_err(Failure::Usage)?;
            files.write(&out.join("registers.xlsx"), &registers)?;
            files.write(&out.join("summary.md"), site::summary_md(&data, &ws.config).as_bytes())
        },
        || {
            links.par_iter().try_for_each(|link| {
                let Some((meeting, notice)) = ws.meeting(&link.meeting).and_then(|m| Some((m, m.notice.as_ref()?)))
                else {
                    return Ok(());
                };
                let doc = report::notice::notice(ws, meeting, notice);
                // A broken template fails every notice: it is reported once, below.
                let page = html.render(&doc).map_err(NoticeFailure::Template)?;
                files.write(&out.join(&link.html), page.as_bytes())?;
                let docx = crate::render::docx::notice(&doc, margins).map_err(Failure::docx)?;
                Ok(files.write(&out.join(&link.docx), &docx)?)
            })
        },
    );
    pages?;
    match notices {
        Err(NoticeFailure::Template(e)) => return Err(Failure::template(e)),
        Err(NoticeFailure::Other(e)) => return Err(e),
        Ok(()) => {}
    }
    files.commit()?;
    print(&format!("{}\n", out.display()))
}

/// Why a notice of the bundle could not be written.
enum NoticeFailure {
    Template(TemplateError),
    Other(Failure),
}

impl From<Failure> for NoticeFailure {
    fn from(e: Failure) -> Self {
        NoticeFailure::Other(e)
    }
}
