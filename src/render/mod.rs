//! Output formats. Reports are data; these turn them into text. One
//! renderer per format, shared by every report.

pub mod csv;
pub mod diagnostics;
pub mod docx;
pub mod escape;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod record;
pub mod rollup;
pub mod site;
pub mod table;
pub mod template;
pub mod xlsx;

use crate::report::Report;
use std::io::{self, Write};

/// ` name="n"`: an XML attribute whose value is a number, pushed onto
/// `out` (an xlsx cell's style, a docx paragraph's spacing and indents:
/// a register or a report's notices write hundreds of thousands).
pub(crate) fn int_attr(out: &mut String, name: &str, n: i64) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    crate::text::push_int(out, n);
    out.push('"');
}

/// The formats every report prints in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A table for the terminal
    #[default]
    Table,
    /// JSON with stable English keys
    Json,
    /// CSV (RFC 4180, UTF-8, header row)
    Csv,
    /// GitHub-flavoured Markdown
    Markdown,
    /// An Excel workbook, one sheet per table (with -o FILE.xlsx)
    Xlsx,
    /// GitHub Actions annotations: a ::warning per overdue item, a ::notice per item due soon (status, petitions, conclusions)
    Github,
}

/// How export rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExportFormat {
    /// CSV (RFC 4180, UTF-8, header row; lists joined with `;`)
    #[default]
    Csv,
    /// JSON Lines: one JSON object per line (lists as arrays)
    Jsonl,
    /// One Excel workbook, a sheet per kind (-o FILE.xlsx, or DIR/export.xlsx with --out)
    Xlsx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// Writes an export table in a format.
pub fn write_rows(table: &crate::report::export::Table, format: ExportFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        ExportFormat::Csv => csv::write_rows(table, out),
        ExportFormat::Jsonl => {
            // One JSON object per line, keys in column order.
            for row in &table.rows {
                serde_json::to_writer(&mut *out, &JsonRow(&table.columns, row))?;
                writeln!(out)?;
            }
            Ok(())
        }
        // A workbook holds every kind at once: `xlsx::workbook` writes it.
        ExportFormat::Xlsx => Err(io::Error::other("xlsx rows are written as one workbook")),
    }
}

/// A row as a JSON object whose keys are in the columns' order.
struct JsonRow<'a>(&'a [&'static str], &'a [serde_json::Value]);

impl serde::Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter().zip(self.1) {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Where a table is printed: whether in colour, and the width it must fit
/// (`None`: not a terminal, the whole table is printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub color: bool,
    pub width: Option<usize>,
}

impl Screen {
    /// A file or a pipe: no colour, no width.
    pub const PLAIN: Screen = Screen {
        color: false,
        width: None,
    };
}

/// Renders a report; `screen` only matters for tables.
pub fn render(report: &impl Report, format: Format, screen: Screen) -> String {
    to_string(|out| write(report, format, screen, out))
}

/// Writes a report as it renders, a row at a time: a long register never
/// sits in memory as text.
pub fn write(report: &impl Report, format: Format, screen: Screen, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)
        }
        Format::Table => table::write_document(&report.document(), screen, out),
        Format::Csv => csv::write_document(&report.document(), out),
        Format::Markdown => markdown::write_document(&report.document(), out),
        Format::Xlsx => out.write_all(&xlsx::documents(&[&report.document()]).map_err(io::Error::other)?),
        Format::Github => match report.alarms() {
            Some(alarms) => github::write_alarms(&alarms, out),
            None => Err(io::Error::other(crate::i18n::tr!(
                "--format github chỉ dùng cho status, petitions và conclusions",
                "--format github is for status, petitions and conclusions"
            ))),
        },
    }
}

/// What a writer wrote to memory, as text.
pub(crate) fn to_string(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and every renderer writes UTF-8.
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

pub fn json(value: &impl serde::Serialize) -> String {
    // Serializing plain report structs cannot fail: no maps with non-string keys.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
