//! `danvan export`: flat files for spreadsheets and databases.

use super::args::{kind_words, offer, parse_kind_arg};
use super::output::{print, write_atomic};
use super::{Context, Failure, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::i18n::tr;
use crate::render::{ExportFormat, to_string, write_rows};
use crate::report::export::{self, Part};
use clap::Args;
use std::path::PathBuf;

pub const EXAMPLES: &str = "Examples:
  danvan export --out export                   export/{models,meetings,petitions,conclusions,targets}.csv
  danvan export --format jsonl --out export    the same as JSON Lines (.jsonl)
  danvan export --kind petitions               one kind to standard output
  danvan export --out export --as-of 2024-12-31 --bom   states as of a date; a BOM for Excel
  danvan export --format xlsx -o export.xlsx   one workbook, a sheet per kind (Excel dates and numbers)
  duckdb -c \"select state, count(*) from 'export/petitions.csv' group by state\"

Without --out, exactly one --kind is required and its rows go to standard output.
One row per record (one per task for conclusions) that exists on the as-of date,
with its states and deadlines on that date; targets: one row per target, where
it stands on that date (as danvan progress). Every row ends with file, as_of,
committee and parent (for a commune, its province), so the files of many
committees stack (examples/rollup/). Columns have stable English names;
lists are joined with ';' in CSV; dates are YYYY-MM-DD. No personal data.";

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// File format
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write one file per kind into this folder (KIND.csv or KIND.jsonl)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Only this kind: models, meetings, petitions, conclusions, targets (repeatable; default: all)
    #[arg(long, value_name = "KIND", value_parser = offer(parse_part, part_words))]
    pub kind: Vec<Part>,
    /// xlsx: the workbook to write (default with --out: DIR/export.xlsx)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// CSV for Excel: a UTF-8 byte-order mark, so Excel reads Vietnamese text right, and a cell that would run as a formula (=, +, -, @ first) written as text
    #[arg(long)]
    pub bom: bool,
}

pub fn run(cx: &Context, args: &ExportArgs) -> Outcome {
    cx.choose_lang(&cx.root()?);
    if args.format == ExportFormat::Xlsx {
        return run_xlsx(cx, args);
    }
    let mut kinds = args.kind.clone();
    kinds.sort();
    kinds.dedup();
    if args.out.is_none() && kinds.len() != 1 {
        return Err(Failure::Usage(tr!(
            "cần --out THƯ_MỤC (ghi mỗi loại một tệp) hoặc đúng một --kind LOẠI (in ra màn hình)",
            "give --out DIR (one file per kind) or exactly one --kind KIND (printed to standard output)"
        )));
    }
    if kinds.is_empty() {
        kinds = Part::all();
    }
    let ws = cx.workspace()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let bom = if args.bom && args.format == ExportFormat::Csv {
        "\u{feff}"
    } else {
        ""
    };
    for kind in kinds {
        let text = if bom.is_empty() {
            rows(&snap, kind, args.format)
        } else {
            // A BOM is for Excel, which runs a cell such as `=HYPERLINK(…)`.
            let table = export::table_of(&snap, kind);
            format!(
                "{bom}{}",
                to_string(|out| crate::render::csv::write_rows_for_excel(&table, out))
            )
        };
        match &args.out {
            None => print(&text)?,
            Some(dir) => {
                let path = dir.join(format!("{}.{}", kind.name(), args.format.extension()));
                write_atomic(&path, text.as_bytes())?;
                print(&format!("{}\n", path.display()))?;
            }
        }
    }
    Ok(())
}

/// The export rows of one kind, written in `format`.
fn rows(snap: &Snapshot<'_>, part: Part, format: ExportFormat) -> String {
    to_string(|out| write_rows(&export::table_of(snap, part), format, out))
}

/// The words `--kind` of `export` takes, for completions.
fn part_words() -> Vec<&'static str> {
    let mut words = kind_words();
    words.push("targets");
    words
}

/// A kind of record, or `targets`.
fn parse_part(text: &str) -> Result<Part, String> {
    match crate::text::fold(text).as_str() {
        "targets" | "target" | "chi-tieu" | "chi tieu" => Ok(Part::Targets),
        _ => parse_kind_arg(text)
            .map(Part::Records)
            .map_err(|e| format!("{e}, targets (chi-tieu)")),
    }
}

/// One workbook, a sheet per kind.
fn run_xlsx(cx: &Context, args: &ExportArgs) -> Outcome {
    let path = match (&args.file, &args.out) {
        (Some(f), _) => f.clone(),
        (None, Some(dir)) => dir.join("export.xlsx"),
        (None, None) => {
            return Err(Failure::Usage(tr!(
                "--format xlsx ghi ra tệp: thêm -o TỆP.xlsx (hoặc --out THƯ_MỤC)",
                "--format xlsx writes a file: add -o FILE.xlsx (or --out DIR)"
            )));
        }
    };
    let mut kinds = args.kind.clone();
    kinds.sort();
    kinds.dedup();
    if kinds.is_empty() {
        kinds = Part::all();
    }
    let ws = cx.workspace()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let doc = crate::report::export_sheets::document(&snap, &kinds);
    let specs: Vec<_> = crate::render::xlsx::sheets_of(&doc)
        .into_iter()
        .map(|mut s| {
            s.title.clear();
            s
        })
        .collect();
    let bytes = crate::render::xlsx::workbook(&specs).map_err(Failure::Usage)?;
    write_atomic(&path, &bytes)?;
    print(&format!("{}\n", path.display()))
}
