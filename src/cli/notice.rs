//! `danvan notice ID`: the conclusion notice of a meeting as a document.

use super::output::{print, print_bytes, write_atomic};
use super::{Context, Failure, Outcome};
use crate::i18n::tr;
use crate::model::{Meeting, Workspace};
use crate::render::template::{self, Layout, NoticeTemplate};
use crate::report::notice::{self, NoticeError};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub const EXAMPLES: &str = "Examples:
  danvan notice 2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022
  danvan notice 2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022 -o tb-245.docx
  danvan notice 2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022 --format html -o tb-245.html
  danvan notice --all --format docx --out-dir thong-bao/

The notice is in Vietnamese whatever --lang says. Without --format, the
format follows the extension of -o (.txt, .md, .html, .docx), else text.
To change the layout, copy a template (notice.txt.j2, notice.md.j2,
notice.html.j2, from src/templates/ in danvan's source) into the
workspace's templates/ folder and edit it.";

/// The formats of a notice.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeFormat {
    /// Plain text, 78 columns
    Text,
    /// GitHub-flavoured Markdown
    Markdown,
    /// A self-contained, print-ready A4 HTML page
    Html,
    /// A Word document (needs -o or --out-dir, or a pipe)
    Docx,
}

impl NoticeFormat {
    /// The template layout of the format; docx has none.
    fn layout(self) -> Option<Layout> {
        match self {
            NoticeFormat::Docx => None,
            NoticeFormat::Text => Some(Layout::Text),
            NoticeFormat::Markdown => Some(Layout::Markdown),
            NoticeFormat::Html => Some(Layout::Html),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            NoticeFormat::Text => "txt",
            NoticeFormat::Markdown => "md",
            NoticeFormat::Html => "html",
            NoticeFormat::Docx => "docx",
        }
    }

    fn from_extension(path: &Path) -> Option<NoticeFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(NoticeFormat::Text),
            "md" | "markdown" => Some(NoticeFormat::Markdown),
            "html" | "htm" => Some(NoticeFormat::Html),
            "docx" => Some(NoticeFormat::Docx),
            _ => None,
        }
    }
}

#[derive(Args, Debug)]
pub struct NoticeArgs {
    /// The meeting whose notice to print: its id (file name without .toml)
    #[arg(value_name = "ID", required_unless_present = "all", conflicts_with = "all",
          add = clap_complete::ArgValueCandidates::new(super::args::record_ids))]
    pub id: Option<String>,
    /// Every meeting with a [notice], one file each (<meeting-id>.<ext>) in --out-dir
    #[arg(long, requires = "out_dir")]
    pub all: bool,
    /// Output format [default: from the extension of -o, else text]
    #[arg(long, value_enum)]
    pub format: Option<NoticeFormat>,
    /// Write to FILE (atomically; folders are created) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write <meeting-id>.<ext> in DIR (created if needed)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

pub fn run(cx: &Context, args: &NoticeArgs) -> Outcome {
    let ws = cx.workspace()?;
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(NoticeFormat::from_extension))
        .unwrap_or(NoticeFormat::Text);
    let meetings: Vec<&Meeting> = if args.all {
        let all: Vec<&Meeting> = notice::with_notice(ws).collect();
        if all.is_empty() {
            eprintln!(
                "{}",
                tr!("không có hội nghị nào có [notice]", "no meeting has a [notice]")
            );
        }
        all
    } else {
        // clap makes ID required without --all.
        let id = args.id.as_deref().unwrap_or_default();
        vec![notice::find(ws, id).map_err(|e| explain(ws, e))?.0]
    };
    // The template is read and compiled once for every notice of the run.
    let source = match format.layout() {
        Some(layout) if !meetings.is_empty() => Some((
            template::notice_source(&ws.root.join("templates"), layout).map_err(Failure::template)?,
            layout,
        )),
        _ => None,
    };
    let margins = ws.config.document.margins_mm;
    let template = match &source {
        Some((source, layout)) => Some(NoticeTemplate::new(source, *layout, margins).map_err(Failure::template)?),
        None => None,
    };
    for meeting in meetings {
        let bytes = render(ws, meeting, template.as_ref())?;
        if let Some(dir) = &args.out_dir {
            let path = dir.join(format!("{}.{}", meeting.id, format.extension()));
            write_atomic(&path, &bytes)?;
            print(&format!("{}\n", path.display()))?;
        } else if let Some(path) = &args.output {
            write_atomic(path, &bytes)?;
        } else {
            to_stdout(&bytes, format)?;
        }
    }
    Ok(())
}

/// The notice of a meeting that has one: through `template` (text,
/// Markdown, HTML), or as docx without one; a broken workspace template is
/// [`Failure::template`].
fn render(ws: &Workspace, meeting: &Meeting, template: Option<&NoticeTemplate<'_>>) -> Result<Vec<u8>, Failure> {
    let Some(n) = &meeting.notice else {
        return Err(explain(ws, NoticeError::NoNotice { id: meeting.id.clone() }));
    };
    let doc = notice::notice(ws, meeting, n);
    match template {
        Some(template) => template.render(&doc).map(String::into_bytes).map_err(Failure::template),
        None => crate::render::docx::notice(&doc, ws.config.document.margins_mm).map_err(Failure::docx),
    }
}

fn explain(ws: &Workspace, e: NoticeError) -> Failure {
    let with: Vec<&str> = notice::with_notice(ws).map(|m| m.id.as_str()).collect();
    let listing = if with.is_empty() {
        tr!("không hội nghị nào có [notice]", "no meeting has a [notice]")
    } else {
        tr!(
            "các hội nghị có thông báo: {}",
            "meetings with a notice: {}",
            with.join(", ")
        )
    };
    Failure::Usage(match e {
        NoticeError::UnknownMeeting {
            id,
            closest: Some(close),
        } => {
            tr!(
                "không có hội nghị nào mã \"{}\"; có phải ý bạn là {}?",
                "no meeting has the id \"{}\"; did you mean {}?",
                id,
                close
            )
        }
        NoticeError::UnknownMeeting { id, closest: None } => {
            tr!(
                "không có hội nghị nào mã \"{}\"; {}",
                "no meeting has the id \"{}\"; {}",
                id,
                listing
            )
        }
        NoticeError::NoNotice { id } => tr!(
            "hội nghị \"{}\" chưa có thông báo kết luận: thêm bảng [notice] (number, date, subject, signer, signer_title) vào hồ sơ; {}",
            "meeting \"{}\" has no conclusion notice: add a [notice] table (number, date, subject, signer, signer_title) to its record; {}",
            id,
            listing
        ),
    })
}

/// Text goes to standard output; a .docx only into a pipe or a file, never
/// onto a terminal (as gzip refuses to).
fn to_stdout(bytes: &[u8], format: NoticeFormat) -> Outcome {
    if format == NoticeFormat::Docx && std::io::stdout().is_terminal() {
        return Err(Failure::Usage(tr!(
            "docx là tệp nhị phân, không in ra màn hình: dùng -o TỆP.docx hoặc --out-dir THƯ-MỤC",
            "a docx is binary and is not written to a terminal: use -o FILE.docx or --out-dir DIR"
        )));
    }
    print_bytes(bytes)
}
