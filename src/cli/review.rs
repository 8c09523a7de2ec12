//! `danvan review --period P` (or `--from/--to`): the report to the review
//! meeting (báo cáo sơ kết, tổng kết), as text, Markdown, HTML, docx or JSON.

use super::args::parse_date;
use super::output::write_atomic;
use super::{Context, Failure, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::domain::targets::Timeline;
use crate::i18n::tr;
use crate::model::{Period, Workspace};
use crate::render::template::{self, Layout, NoticeTemplate};
use crate::report::review::{self, OfficeFile, Review, ReviewOptions, ReviewSpan};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub const EXAMPLES: &str = "Examples:
  danvan review --period 2025-H1                      6 tháng đầu năm 2025, as text
  danvan review --period 2025 -o bao-cao-2025.docx    the year, as a Word document
  danvan review --period 2025-Q3 --format html -o q3.html
  danvan review --from 2021-01-01 --to 2025-12-31 -o tong-ket.docx    the whole resolution
  danvan review --period 2025-H1 --format json        every figure, for checking

The report is in Vietnamese whatever --lang says. Without --format, the
format follows the extension of -o (.txt, .md, .html, .docx, .json), else
text. Figures are taken at the end of the period, or on --as-of for a
period that has not ended (the report says \"tính đến ngày …\"). Text the
office writes itself goes in reviews/<PERIOD>.md beside danvan.toml
(reviews/2025-H1.md; reviews/2021-01-01_2025-12-31.md for --from/--to);
the review meeting's `assessment` is used too. Who issues and signs it:
[review] in danvan.toml.";

/// The formats of a review.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFormat {
    /// Plain text, 78 columns
    Text,
    /// GitHub-flavoured Markdown
    Markdown,
    /// A self-contained, print-ready A4 HTML page
    Html,
    /// A Word document (needs -o, or a pipe)
    Docx,
    /// Every figure, with stable English keys
    Json,
}

impl ReviewFormat {
    fn layout(self) -> Option<Layout> {
        match self {
            ReviewFormat::Text => Some(Layout::Text),
            ReviewFormat::Markdown => Some(Layout::Markdown),
            ReviewFormat::Html => Some(Layout::Html),
            ReviewFormat::Docx | ReviewFormat::Json => None,
        }
    }

    fn from_extension(path: &Path) -> Option<ReviewFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(ReviewFormat::Text),
            "md" | "markdown" => Some(ReviewFormat::Markdown),
            "html" | "htm" => Some(ReviewFormat::Html),
            "docx" => Some(ReviewFormat::Docx),
            "json" => Some(ReviewFormat::Json),
            _ => None,
        }
    }
}

fn parse_period(text: &str) -> Result<Period, String> {
    Period::parse(text)
}

#[derive(Args, Debug)]
pub struct ReviewArgs {
    /// The period reviewed: 2025-H1, 2025-H2, 2025, 2025-Q3 or 2025-07
    #[arg(long, value_name = "PERIOD", value_parser = parse_period,
          required_unless_present = "from", conflicts_with_all = ["from", "to"])]
    pub period: Option<Period>,
    /// First day of the span reviewed, with --to (a whole resolution: --from 2021-01-01 --to 2025-12-31)
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "to")]
    pub from: Option<NaiveDate>,
    /// Last day of the span reviewed, with --from
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "from")]
    pub to: Option<NaiveDate>,
    /// Output format [default: from the extension of -o, else text]
    #[arg(long, value_enum)]
    pub format: Option<ReviewFormat>,
    /// Write to FILE (atomically; folders are created) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The report's number ("12" prints "Số 12-BC/…"); without it the number is left blank to fill in
    #[arg(long, value_name = "N")]
    pub number: Option<String>,
    /// The date the report is signed, for its date line [default: the as-of date]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

pub fn run(cx: &Context, args: &ReviewArgs) -> Outcome {
    let ws = cx.workspace()?;
    let as_of = cx.as_of(ws);
    let span = match (args.period, args.from, args.to) {
        (Some(p), _, _) => ReviewSpan::Period(p),
        (None, Some(from), Some(to)) if from <= to => ReviewSpan::new(from, to),
        (None, Some(from), Some(to)) => {
            return Err(Failure::Usage(tr!(
                "--from {} sau --to {}",
                "--from {} is after --to {}",
                from,
                to
            )));
        }
        // clap requires --period or both --from and --to.
        _ => return Err(Failure::Usage("--period or --from/--to".into())),
    };
    if span.from() > as_of {
        return Err(Failure::Usage(tr!(
            "kỳ báo cáo bắt đầu ngày {}, sau ngày tính {}: chưa có gì để báo cáo (đặt --as-of nếu cần)",
            "the period starts on {}, after the as-of date {}: nothing to report yet (set --as-of if needed)",
            span.from(),
            as_of
        )));
    }
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ReviewFormat::from_extension))
        .unwrap_or(ReviewFormat::Text);
    let opts = ReviewOptions {
        span,
        number: args.number.clone(),
        date: args.date.unwrap_or(as_of),
        office: office_file(ws, span)?,
    };
    let base = Snapshot::new(ws, span.to().min(as_of), DUE_SOON_DAYS);
    let mut timeline = Timeline::new(&base);
    let report = review::review(&mut timeline, as_of, &opts);
    let bytes = render(ws, &report, format)?;
    match args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(path) => write_atomic(path, &bytes),
        None => to_stdout(&bytes, format),
    }
}

/// The review in a format: text, Markdown and HTML through the workspace's
/// template or the built-in one, docx through the document writer.
pub fn render(ws: &Workspace, report: &Review, format: ReviewFormat) -> Result<Vec<u8>, Failure> {
    let margins = ws.config.document.margins_mm;
    match format.layout() {
        Some(layout) => {
            let source = template::review_source(&ws.root.join("templates"), layout).map_err(Failure::template)?;
            let template = NoticeTemplate::new(&source, layout, margins).map_err(Failure::template)?;
            template
                .render(&report.document)
                .map(String::into_bytes)
                .map_err(Failure::template)
        }
        None if format == ReviewFormat::Docx => {
            crate::render::docx::review(&report.document, margins).map_err(Failure::docx)
        }
        None => Ok(crate::render::json(report).into_bytes()),
    }
}

/// `reviews/<PERIOD>.md` beside danvan.toml, when the office wrote one.
pub fn office_file(ws: &Workspace, span: ReviewSpan) -> Result<Option<OfficeFile>, Failure> {
    let path = review::office_path(span);
    match crate::load::review_text(&ws.root, &path) {
        Ok(text) => Ok(text.map(|text| OfficeFile { path, text })),
        Err(d) => Err(Failure::Usage(format!(
            "{}: {}",
            ws.root.join(&path).display(),
            d.message
        ))),
    }
}

/// Text goes to standard output; a .docx only into a pipe, never onto a terminal.
fn to_stdout(bytes: &[u8], format: ReviewFormat) -> Outcome {
    let mut out = std::io::stdout().lock();
    if format == ReviewFormat::Docx && out.is_terminal() {
        return Err(Failure::Usage(tr!(
            "docx là tệp nhị phân, không in ra màn hình: dùng -o TỆP.docx",
            "a docx is binary and is not written to a terminal: use -o FILE.docx"
        )));
    }
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
