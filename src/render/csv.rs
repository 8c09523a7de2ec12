//! CSV (RFC 4180, UTF-8, header row). A report with one table prints that
//! table with English column keys; a report of several tables prints the
//! long form `section,row,column,value`, which every spreadsheet can pivot.
//! Export rows (`danvan export`) are written by the same writer.

use crate::report::export;
use crate::report::{Body, Document, Table};
use std::io::{self, Write};

/// The CSV writer every report and export uses: CRLF line ends, quoting as needed.
fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// One table: the header of English column keys, then a row per row.
pub fn write_table(t: &Table, out: &mut dyn Write) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(t.columns.iter().map(|c| c.key.as_str()))
        .map_err(csv_error)?;
    for row in t.rows_and_total() {
        let cells: Vec<_> = row.iter().map(|c| c.raw()).collect();
        w.write_record(cells.iter().map(|c| c.as_bytes())).map_err(csv_error)?;
    }
    w.flush()
}

pub fn document(doc: &Document) -> String {
    super::to_string(|out| write_document(doc, out))
}

/// A document with one table prints that table; any other prints the long
/// form `section,row,column,value`.
pub fn write_document(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let mut tables = doc.sections.iter().filter_map(|s| match &s.body {
        Body::Table(t) => Some(t),
        _ => None,
    });
    if let (Some(only), None) = (tables.next(), tables.next()) {
        return write_table(only, out);
    }
    let mut w = writer(out);
    w.write_record(["section", "row", "column", "value"])
        .map_err(csv_error)?;
    let mut put = |section: &str, row: usize, column: &str, value: &str| {
        w.write_record([section, &(row + 1).to_string(), column, value])
            .map_err(csv_error)
    };
    for s in &doc.sections {
        match &s.body {
            Body::Table(t) => {
                for (i, r) in t.rows_and_total().enumerate() {
                    for (c, cell) in t.columns.iter().zip(r.iter()) {
                        put(s.key, i, &c.key, &cell.raw())?;
                    }
                }
            }
            Body::Facts(facts) => {
                let machine = facts.iter().flat_map(|f| f.machine());
                for (i, (key, value)) in machine.enumerate() {
                    put(s.key, i, key, &value.raw())?;
                }
            }
            Body::Text(ps) => {
                for (i, p) in ps.iter().enumerate() {
                    put(s.key, i, "text", p)?;
                }
            }
        }
    }
    w.flush()
}

/// An export table: a header of its columns, then a row per row; lists
/// joined with `;`, maps as `key=value;…`, dates ISO, absent values empty.
pub fn write_rows(table: &export::Table, out: &mut dyn Write) -> io::Result<()> {
    write_rows_as(table, out, |cell| cell)
}

/// [`write_rows`] for a spreadsheet (`export --bom`, which is for Excel):
/// a cell Excel would run as a formula is written as text ([`for_excel`]).
pub fn write_rows_for_excel(table: &export::Table, out: &mut dyn Write) -> io::Result<()> {
    write_rows_as(table, out, |cell| for_excel(&cell).into_owned())
}

fn write_rows_as(table: &export::Table, out: &mut dyn Write, cell: impl Fn(String) -> String) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(&table.columns).map_err(csv_error)?;
    for row in &table.rows {
        w.write_record(row.iter().map(|v| cell(export::flat_text(v))))
            .map_err(csv_error)?;
    }
    w.flush()
}

/// A cell as Excel (or LibreOffice) must not run it: text that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to them
/// (`=HYPERLINK(…)` from a record's title, `+cmd|…`), so it gets a leading
/// `'`, which they show as text; a number (`-5`) stays a number (OWASP,
/// "CSV Injection").
pub fn for_excel(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod excel_tests {
    #[test]
    fn formulas_are_text_for_excel_and_numbers_stay() {
        use super::for_excel;
        for cell in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(for_excel(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["-5", "-2.5", "+3", "Tân Mỹ", "", "a=b"] {
            assert_eq!(for_excel(cell), cell, "{cell:?}");
        }
    }
}
