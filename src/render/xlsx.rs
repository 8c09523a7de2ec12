//! Excel workbooks (`--format xlsx`), written with `rust_xlsxwriter`: one
//! sheet per table of a report's [`Document`], with typed cells (dates as
//! Excel dates, numbers as numbers, percentages as percentages), a bold
//! header frozen under the title, an autofilter, columns as wide as their
//! Vietnamese text, and overdue rows highlighted. The same input gives the
//! same bytes (the workbook's creation time is fixed).

use crate::report::{Body, Cell, Document, Table, Tone};
use chrono::Datelike;
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

/// One sheet to write: its name, an optional title block, the table.
pub struct SheetSpec<'t, 'a> {
    pub name: String,
    /// Lines above the table (the report's title and subtitle).
    pub title: Vec<String>,
    pub table: &'t Table<'a>,
}

/// The sheets of a document: each table section its own sheet, named by
/// its heading (or the document's title), under the title block.
pub fn sheets_of<'t, 'a>(doc: &'t Document<'a>) -> Vec<SheetSpec<'t, 'a>> {
    let mut title = vec![doc.title.clone()];
    title.extend(doc.subtitle.clone());
    doc.sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Table(t) => Some(SheetSpec {
                name: s.heading.clone().unwrap_or_else(|| doc.title.clone()),
                title: {
                    let mut t = title.clone();
                    t.extend(s.heading.clone().filter(|h| *h != doc.title));
                    t
                },
                table: t,
            }),
            _ => None,
        })
        .collect()
}

/// A workbook of the documents' tables, one sheet each.
pub fn documents(docs: &[&Document<'_>]) -> Result<Vec<u8>, String> {
    let specs: Vec<SheetSpec<'_, '_>> = docs.iter().flat_map(|d| sheets_of(d)).collect();
    workbook(&specs)
}

/// A workbook of the given sheets. A document without a table gives a
/// workbook with one empty sheet named by its title.
pub fn workbook(specs: &[SheetSpec<'_, '_>]) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    // The fastest deflate: a register of a province is 70,000 rows, and
    // the default level took a fifth of `report` for a file half the size.
    book.set_zip_compression_level(1);
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(error)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let mut used: Vec<String> = Vec::new();
    for spec in specs {
        // Rows go to a temporary file as they are written: a province's
        // register does not sit in memory as cells (the rows are written
        // in order, which is all this mode asks).
        let sheet = book.add_worksheet_with_constant_memory().map_err(error)?;
        sheet.set_name(sheet_name(&spec.name, &mut used)).map_err(error)?;
        write_sheet(sheet, spec).map_err(error)?;
    }
    if specs.is_empty() {
        book.add_worksheet();
    }
    book.save_to_buffer().map_err(error)
}

fn error(e: XlsxError) -> String {
    e.to_string()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// unique in the workbook.
fn sheet_name(wanted: &str, used: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_owned();
    let base: String = if clean.is_empty() { "Sheet".to_owned() } else { clean };
    let mut n = 1;
    loop {
        let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
        let keep = 31 - suffix.chars().count();
        let name: String = base.chars().take(keep).collect::<String>() + &suffix;
        if !used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
            used.push(name.clone());
            return name;
        }
        n += 1;
    }
}

struct Formats {
    header: Format,
    title: Format,
    date: Format,
    int: Format,
    percent: Format,
    decimals: Vec<Format>,
    text: Format,
}

impl Formats {
    fn new(fill: Option<Color>) -> Formats {
        let base = || {
            let f = Format::new();
            match fill {
                Some(c) => f.set_background_color(c),
                None => f,
            }
        };
        let date = if crate::i18n::is_en() {
            "yyyy-mm-dd"
        } else {
            "dd/mm/yyyy"
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin),
            title: Format::new().set_bold(),
            date: base().set_num_format(date),
            int: base().set_num_format("#,##0"),
            percent: base().set_num_format("0.0%"),
            decimals: (0..4)
                .map(|d| {
                    let f = if d == 0 {
                        "#,##0".to_owned()
                    } else {
                        format!("#,##0.{}", "0".repeat(d))
                    };
                    base().set_num_format(f)
                })
                .collect(),
            text: base(),
        }
    }
}

/// Column widths in Excel's units (about one per character), to fit the
/// longest text of each column, between 6 and 60.
fn widths(table: &Table<'_>) -> Vec<f64> {
    let mut w: Vec<usize> = table.columns.iter().map(|c| crate::text::width(&c.label)).collect();
    for row in table.rows_and_total().take(2000) {
        for (i, cell) in row.iter().enumerate() {
            let shown = match cell {
                Cell::Date(_) | Cell::Provisional(_) => 10,
                Cell::Percent(_) => 7,
                Cell::Bar(..) => 7,
                other => crate::text::width(&other.shown()),
            };
            if let Some(x) = w.get_mut(i) {
                *x = (*x).max(shown);
            }
        }
    }
    w.into_iter().map(|n| (n as f64 + 2.0).clamp(6.0, 60.0)).collect()
}

fn write_sheet(sheet: &mut Worksheet, spec: &SheetSpec<'_, '_>) -> Result<(), XlsxError> {
    let plain = Formats::new(None);
    let overdue = Formats::new(Some(Color::RGB(0xFFC7CE)));
    let mut row: u32 = 0;
    for line in &spec.title {
        sheet.write_string_with_format(row, 0, line, &plain.title)?;
        row += 1;
    }
    if !spec.title.is_empty() {
        row += 1;
    }
    let table = spec.table;
    let header_row = row;
    for (c, col) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, &col.label, &plain.header)?;
    }
    for (c, w) in widths(table).into_iter().enumerate() {
        sheet.set_column_width(c as u16, w)?;
    }
    let mut last = header_row;
    for cells in table.rows_and_total() {
        last += 1;
        let bad = cells.iter().any(|c| c.tone() == Tone::Bad);
        let f = if bad { &overdue } else { &plain };
        for (c, cell) in cells.iter().enumerate() {
            write_cell(sheet, last, c as u16, cell, f, bad)?;
        }
    }
    if !table.columns.is_empty() {
        sheet.set_freeze_panes(header_row + 1, 0)?;
        sheet.autofilter(header_row, 0, last.max(header_row), (table.columns.len() - 1) as u16)?;
    }
    Ok(())
}

/// A cell of a row. Text in a row without a fill goes without a format:
/// looking a format up hashes it, and a province's register has a million
/// text cells; an empty cell of such a row is not written at all.
fn write_cell(sheet: &mut Worksheet, r: u32, c: u16, cell: &Cell, f: &Formats, filled: bool) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {
            if filled {
                sheet.write_blank(r, c, &f.text)?;
            }
        }
        Cell::Text(s, _) | Cell::Key { label: s, .. } => {
            if filled {
                sheet.write_string_with_format(r, c, s, &f.text)?;
            } else {
                sheet.write_string(r, c, s)?;
            }
        }
        Cell::Int(n) => {
            sheet.write_number_with_format(r, c, *n as f64, &f.int)?;
        }
        Cell::Num(n, d) => {
            sheet.write_number_with_format(r, c, *n, &f.decimals[(*d).min(3)])?;
        }
        Cell::Percent(p) => {
            sheet.write_number_with_format(r, c, *p / 100.0, &f.percent)?;
        }
        Cell::Bar(fr, _) => {
            sheet.write_number_with_format(r, c, fr.clamp(0.0, 1.0), &f.percent)?;
        }
        // A provisional date is a date too; its machine column says so.
        Cell::Date(d) | Cell::Provisional(d) => match excel_date(*d) {
            Some(x) => {
                sheet.write_datetime_with_format(r, c, &x, &f.date)?;
            }
            None => {
                sheet.write_string_with_format(r, c, d.to_string(), &f.text)?;
            }
        },
    }
    Ok(())
}

/// Excel holds dates from 1900 to 9999.
fn excel_date(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let (y, m, day) = (u16::try_from(d.year()).ok()?, d.month() as u8, d.day() as u8);
    ExcelDateTime::from_ymd(y, m, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_excel_accepts() {
        let mut used = Vec::new();
        assert_eq!(sheet_name("Sổ theo dõi: đơn/thư", &mut used), "Sổ theo dõi- đơn-thư");
        assert_eq!(
            sheet_name("Sổ theo dõi: đơn/thư", &mut used),
            "Sổ theo dõi- đơn-thư (2)"
        );
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &mut used).chars().count(), 31);
        assert_eq!(sheet_name("", &mut used), "Sheet");
    }
}
