//! Output formats. Reports are data; these turn them into text. One
//! renderer per format, shared by every report.

pub mod csv;
pub mod diagnostics;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod table;
pub mod template;

use crate::report::Report;

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
}

/// Renders a report; `color` only matters for tables.
pub fn render(report: &impl Report, format: Format, color: bool) -> String {
    match format {
        Format::Json => json(report),
        Format::Table => table::document(&report.document(), color),
        Format::Csv => csv::document(&report.document()),
        Format::Markdown => markdown::document(&report.document()),
    }
}

pub fn json(value: &impl serde::Serialize) -> String {
    // Serializing plain report structs cannot fail: no maps with non-string keys.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
