//! `danvan report --out DIR`: the bundle a CI job publishes.

use super::output::{Bundle, print};
use super::{Context, Failure, Outcome, members};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::model::Workspace;
use crate::render::site;
use crate::render::template::{self, Layout, NoticeTemplate, TemplateError};
use crate::report::rollup::MemberState;
use crate::report::{self, bundle};
use chrono::NaiveDate;
use clap::Args;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const EXAMPLES: &str = "Examples:
  danvan report --out public                   index.html, summary.md, data.json, registers.xlsx, notices/, reviews/
  danvan report --out public --as-of 2025-06-30
  cat public/summary.md >> \"$GITHUB_STEP_SUMMARY\"

reviews/ holds the reports to the review meetings (danvan review) of the
last completed half-year and year, as HTML and docx. On a province
workspace (one whose danvan.toml lists [[member]] committees) the bundle is
the roll-up (danvan rollup) as index.html, data.json, summary.md and
rollup.xlsx, with each member's own bundle under members/<id>/. The bundle holds no
personal data. The same records and as-of date give
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
    let out = &args.out;
    if out.exists() && !out.is_dir() {
        return Err(Failure::Usage(crate::i18n::tr!(
            "{} đã có và không phải thư mục",
            "{} exists and is not a folder",
            out.display()
        )));
    }
    if members::lists_members(&cx.root()?) {
        return province(cx, out);
    }
    let ws = cx.workspace()?;
    let files = Bundle::new(out)?;
    write_bundle(ws, cx.as_of(ws), out, &files)?;
    files.commit()?;
    print(&format!("{}\n", out.display()))
}

/// The bundle of a province workspace: the roll-up page (`index.html`,
/// `data.json`, `summary.md`, `rollup.xlsx`), and each member's own
/// bundle under `members/<id>/` (the province's own records, if it has
/// any, under `province/`). A member with errors is listed on the page
/// with its error count and has no bundle; the run then exits 1.
fn province(cx: &Context, out: &Path) -> Outcome {
    let p = members::load(cx, &[])?;
    let opts = report::rollup::RollupOptions {
        province: p.committee.clone(),
        as_of: p.as_of,
        summary: None,
    };
    let own = p.workspace.filter(|ws| {
        !(ws.models.is_empty() && ws.meetings.is_empty() && ws.petitions.is_empty() && ws.targets.is_empty())
    });
    let files = Bundle::new(out)?;
    let (pages, rollup) = rayon::join(
        || -> Outcome {
            let own = || own.map_or(Ok(()), |ws| write_bundle(ws, p.as_of, &out.join("province"), &files));
            let members = || {
                p.members.par_iter().try_for_each(|m| match &m.state {
                    MemberState::Counted(snap) => {
                        write_bundle(snap.ws, p.as_of, &out.join("members").join(&m.id), &files)
                    }
                    MemberState::LeftOut { .. } => Ok(()),
                })
            };
            let (own, members) = rayon::join(own, members);
            own.and(members)
        },
        || report::rollup::rollup(&p.members, &opts),
    );
    pages?;
    let bundle = report::rollup::ProvinceBundle::new(&rollup, own.is_some());
    files.write_with(&out.join("data.json"), |w| crate::render::json::write_rows(w, &bundle))?;
    files.write_with(&out.join("index.html"), |w| {
        crate::render::rollup::write_index_html(&bundle, w)
    })?;
    files.write(
        &out.join("summary.md"),
        crate::render::rollup::summary_md(&bundle).as_bytes(),
    )?;
    use crate::report::Report;
    let sheets = crate::render::xlsx::documents(&[&rollup.document()]).map_err(Failure::Usage)?;
    files.write(&out.join("rollup.xlsx"), &sheets)?;
    files.commit()?;
    print(&format!("{}\n", out.display()))
}

/// Writes the bundle of one workspace into `out` through `files` (made
/// into place by the caller's commit).
fn write_bundle(ws: &'static Workspace, as_of: NaiveDate, out: &Path, files: &Bundle) -> Outcome {
    let html_source = template::notice_source(&ws.root.join("templates"), Layout::Html).map_err(Failure::template)?;
    let margins = ws.config.document.margins_mm;
    let html = NoticeTemplate::new(&html_source, Layout::Html, margins).map_err(Failure::template)?;
    let links = bundle::notice_links(ws);
    let review_html_source =
        template::review_source(&ws.root.join("templates"), Layout::Html).map_err(Failure::template)?;
    let review_html = NoticeTemplate::new(&review_html_source, Layout::Html, margins).map_err(Failure::template)?;
    // The reviews of the last completed half-year and year.
    let periods = report::review::last_completed(as_of);
    let review_links: Vec<bundle::ReviewLink> = periods
        .iter()
        .map(|&p| {
            let span = report::review::ReviewSpan::Period(p);
            bundle::ReviewLink::new(p, report::review::subject_of(span, as_of))
        })
        .collect();
    // One snapshot of the date for the page and the reviews.
    let snap = Snapshot::new(ws, as_of, DUE_SOON_DAYS);
    let registers = bundle::registers(&snap);
    use crate::report::Report;
    let workbook = || -> Outcome {
        let docs = [&registers.0.document(), &registers.1.document()];
        // Over one of Excel's limits is said as it is, before writing.
        let sheets = crate::render::xlsx::sheets_within_limits(&docs).map_err(Failure::Usage)?;
        files.write_with(&out.join("registers.xlsx"), |w| {
            crate::render::xlsx::write_to(&sheets, w).map(drop)
        })
    };
    let page = || -> Outcome {
        let data = bundle::bundle(
            &snap,
            crate::load::records_state(&ws.root),
            (&registers.0, &registers.1),
            &links,
            &review_links,
        );
        // Each file of the page is written on its own, the largest first,
        // so that a core left free takes the next.
        let writers: [&(dyn Fn() -> Result<(), Failure> + Sync); 5] = [
            &|| files.write_with(&out.join("data.json"), |w| crate::render::json::write_rows(w, &data)),
            // The whole registers, which the page links to instead of holding.
            &|| {
                files.write_with(&out.join(site::PETITIONS_CSV), |w| {
                    crate::render::csv::write_document(&data.petitions.document(), w)
                })
            },
            &|| {
                files.write_with(&out.join(site::CONCLUSIONS_CSV), |w| {
                    crate::render::csv::write_document(&data.conclusions.document(), w)
                })
            },
            &|| {
                files.write_with(&out.join("index.html"), |w| {
                    site::write_index_html(&data, &ws.config, w)
                })
            },
            &|| files.write(&out.join("summary.md"), site::summary_md(&data, &ws.config).as_bytes()),
        ];
        writers.par_iter().with_max_len(1).try_for_each(|write| write())
    };
    // Their snapshots are shared: the half-year's previous half is often
    // the year's end.
    let reviews = || -> Result<(), NoticeFailure> {
        let mut timeline = crate::domain::targets::Timeline::new(&snap);
        for (p, link) in periods.iter().zip(&review_links) {
            let span = report::review::ReviewSpan::Period(*p);
            let path = report::review::office_path(span);
            let office = crate::load::review_text(&ws.root, &path)
                .map_err(|d| Failure::Usage(format!("{}: {}", ws.root.join(&path).display(), d.message)))?
                .map(|text| report::review::OfficeFile { path, text });
            let opts = report::review::ReviewOptions {
                span,
                number: None,
                date: as_of,
                office,
            };
            let review = report::review::review(&mut timeline, as_of, &opts);
            let page = review_html.render(&review.document).map_err(NoticeFailure::Template)?;
            files.write(&out.join(&link.html), page.as_bytes())?;
            let docx = crate::render::docx::review(&review.document, margins).map_err(Failure::docx)?;
            files.write(&out.join(&link.docx), &docx)?;
        }
        Ok(())
    };
    let notices = || -> Result<(), NoticeFailure> {
        links.par_iter().try_for_each(|link| {
            let Some((meeting, notice)) = ws.meeting(&link.meeting).and_then(|m| Some((m, m.notice.as_ref()?))) else {
                return Ok(());
            };
            let doc = report::notice::notice(ws, meeting, notice);
            // A broken template fails every notice: it is reported once, below.
            let page = html.render(&doc).map_err(NoticeFailure::Template)?;
            files.write(&out.join(&link.html), page.as_bytes())?;
            let docx = crate::render::docx::notice(&doc, margins).map_err(Failure::docx)?;
            Ok(files.write(&out.join(&link.docx), &docx)?)
        })
    };
    // The two longest chains of work start at once, one on each core: the
    // workbook of the registers (a third of a second on one core at
    // 100,000 records), and the reviews (one after the other) followed by
    // the page's figures and files. The notices, many small pieces, fill
    // the gaps the chains leave. Nothing is renamed into place until all
    // are complete.
    let ((workbook, notices), (reviews, page)) = rayon::join(
        || rayon::join(workbook, notices),
        || {
            let reviews = reviews();
            (reviews, page())
        },
    );
    workbook.and(page)?;
    let notices = notices.and(reviews);
    match notices {
        Err(NoticeFailure::Template(e)) => Err(Failure::template(e)),
        Err(NoticeFailure::Other(e)) => Err(e),
        Ok(()) => Ok(()),
    }
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
