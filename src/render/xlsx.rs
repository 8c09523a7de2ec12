//! Excel workbooks (`--format xlsx`, `registers.xlsx`): one sheet per
//! table of a report's [`Document`], with typed cells (dates as Excel
//! dates, numbers as numbers, percentages as percentages), a bold header
//! frozen under the title, an autofilter, columns as wide as their
//! Vietnamese text, and overdue rows highlighted. The same input gives the
//! same bytes (no time is written).
//!
//! The SpreadsheetML is written here, row by row into the deflated part:
//! a register is a few cell kinds in a dozen fixed styles, and a
//! province's register has a million cells, for which a general workbook
//! library (a map of cells per row, a style looked up by hashing it)
//! took 4.5 times the instructions this does (callgrind, the petition
//! register of 10,000 records beyond its CSV).

use super::int_attr;
use crate::i18n::tr;
use crate::report::{Body, Cell, Document, Table, Tone};
use crate::text::push_int;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;
use std::io::{Cursor, Seek, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};
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
    workbook(&sheets_within_limits(docs)?)
}

/// The sheets of the documents' tables, or, when one is over Excel's
/// limits, why (in the run's language): what [`write_to`] takes.
pub fn sheets_within_limits<'t, 'a>(docs: &[&'t Document<'a>]) -> Result<Vec<SheetSpec<'t, 'a>>, String> {
    let specs: Vec<SheetSpec<'t, 'a>> = docs.iter().flat_map(|d| sheets_of(d)).collect();
    specs.iter().try_for_each(within_limits)?;
    Ok(specs)
}

/// Excel's limits: rows and columns of a sheet, UTF-16 units of a cell's text.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
const MAX_TEXT: usize = 32_767;

/// Row XML is handed to the compressor in pieces of about this size.
const CHUNK: usize = 64 * 1024;

/// A workbook of the given sheets. A document without a table gives a
/// workbook with one empty sheet.
pub fn workbook(specs: &[SheetSpec<'_, '_>]) -> Result<Vec<u8>, String> {
    specs.iter().try_for_each(within_limits)?;
    // Writing to memory fails only by a bug of the zip writer.
    write_to(specs, Cursor::new(Vec::with_capacity(256 * 1024)))
        .map(Cursor::into_inner)
        .map_err(|e| e.to_string())
}

/// Whether Excel holds the sheet: its columns, and its rows (the title
/// block, the header, the rows and the total), all known before writing.
fn within_limits(spec: &SheetSpec<'_, '_>) -> Result<(), String> {
    let table = spec.table;
    let columns = table.columns.len();
    if columns > MAX_COLUMNS {
        return Err(tr!(
            "trang {} có {} cột, quá giới hạn {} cột của Excel",
            "the sheet {} has {} columns, over Excel's limit of {}",
            spec.name,
            columns,
            MAX_COLUMNS
        ));
    }
    let rows = header_row(spec) as usize + table.rows.len() + usize::from(table.total.is_some());
    if rows > MAX_ROWS as usize {
        return Err(tr!(
            "trang {} có hơn {} dòng, quá giới hạn của Excel; xuất CSV thay cho xlsx",
            "the sheet {} has over {} rows, Excel's limit; export CSV instead",
            spec.name,
            MAX_ROWS
        ));
    }
    Ok(())
}

/// The header's row (1-based): under the title lines and a blank line.
fn header_row(spec: &SheetSpec<'_, '_>) -> u32 {
    spec.title.len() as u32 + u32::from(!spec.title.is_empty()) + 1
}

/// The range an autofilter covers: the header row to the last, 1-based.
struct Filter {
    header: u32,
    last: u32,
    columns: usize,
}

/// Writes the workbook of `specs` into `out` (a file, as it is made, so a
/// province's register of some 70 MB is never held whole in memory). The
/// sheets are within Excel's limits ([`sheets_within_limits`]).
pub fn write_to<W: Write + Seek>(specs: &[SheetSpec<'_, '_>], out: W) -> std::io::Result<W> {
    let mut used = Vec::new();
    let names: Vec<String> = if specs.is_empty() {
        vec![sheet_name("Sheet1", &mut used)]
    } else {
        specs.iter().map(|s| sheet_name(&s.name, &mut used)).collect()
    };
    // The fastest deflate: a register of a province is 70,000 rows, and
    // the default level took a fifth of `report` for a file half the size.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(out);
    let part = |zip: &mut ZipWriter<_>, name: &str, text: &str| -> std::io::Result<()> {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())
    };
    part(&mut zip, "[Content_Types].xml", &content_types(names.len()))?;
    part(&mut zip, "_rels/.rels", ROOT_RELS)?;
    part(&mut zip, "docProps/app.xml", APP)?;
    part(&mut zip, "docProps/core.xml", CORE)?;
    part(&mut zip, "xl/styles.xml", &styles())?;
    let mut filters = Vec::new();
    for i in 0..names.len() {
        zip.start_file(format!("xl/worksheets/sheet{}.xml", i + 1), options)
            .map_err(std::io::Error::other)?;
        let filter = match specs.get(i) {
            Some(spec) => write_sheet(&mut zip, spec, i == 0)?,
            None => {
                zip.write_all(empty_sheet().as_bytes())?;
                None
            }
        };
        filters.push(filter);
    }
    part(&mut zip, "xl/workbook.xml", &workbook_xml(&names, &filters))?;
    part(&mut zip, "xl/_rels/workbook.xml.rels", &workbook_rels(names.len()))?;
    zip.finish().map_err(std::io::Error::other)
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

// ── Styles ──────────────────────────────────────────────────────────────────

/// The title lines above a table: bold.
const TITLE: u32 = 1;
/// The header row: bold, wrapped, on pale blue, a thin line under it.
const HEADER: u32 = 2;

/// The styles (indices into `cellXfs`) of a row's cells: without a fill,
/// or on the red of an overdue row.
#[derive(Clone, Copy)]
struct Styles {
    text: u32,
    date: u32,
    int: u32,
    percent: u32,
    /// The first of four: 0, 1, 2 and 3 decimals.
    decimals: u32,
}

const PLAIN: Styles = Styles {
    text: 3,
    date: 4,
    int: 5,
    percent: 6,
    decimals: 7,
};
const OVERDUE: Styles = Styles {
    text: 11,
    date: 12,
    int: 13,
    percent: 14,
    decimals: 15,
};

/// `styles.xml`: the number formats, two fonts (plain, bold), the fills,
/// a thin bottom border, and the cell styles in the order of [`Styles`].
fn styles() -> String {
    let date = if crate::i18n::is_en() {
        "yyyy-mm-dd"
    } else {
        "dd/mm/yyyy"
    };
    let formats = [
        (164, date),
        (165, "#,##0"),
        (166, "0.0%"),
        (167, "#,##0.0"),
        (168, "#,##0.00"),
        (169, "#,##0.000"),
    ];
    let mut s = String::from(XML_DECL);
    s.push_str(r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#);
    s.push_str(&format!(r#"<numFmts count="{}">"#, formats.len()));
    for (id, code) in formats {
        s.push_str(&format!(r#"<numFmt numFmtId="{id}" formatCode="{code}"/>"#));
    }
    s.push_str("</numFmts>");
    s.push_str(concat!(
        r#"<fonts count="2">"#,
        r#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
        r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
        "</fonts>",
        r#"<fills count="4">"#,
        r#"<fill><patternFill patternType="none"/></fill>"#,
        r#"<fill><patternFill patternType="gray125"/></fill>"#,
        r#"<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>"#,
        r#"<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>"#,
        "</fills>",
        r#"<borders count="2">"#,
        "<border><left/><right/><top/><bottom/><diagonal/></border>",
        r#"<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>"#,
        "</borders>",
        r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    ));
    let mut xfs = vec![
        r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#.to_owned(),
        r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#.to_owned(),
        concat!(
            r#"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">"#,
            r#"<alignment wrapText="1"/></xf>"#
        )
        .to_owned(),
    ];
    for fill in [0, 3] {
        let apply = if fill == 0 { "" } else { r#" applyFill="1""# };
        for number in [0, 164, 165, 166, 165, 167, 168, 169] {
            let numeric = if number == 0 { "" } else { r#" applyNumberFormat="1""# };
            xfs.push(format!(
                r#"<xf numFmtId="{number}" fontId="0" fillId="{fill}" borderId="0" xfId="0"{numeric}{apply}/>"#
            ));
        }
    }
    debug_assert_eq!(xfs.len() as u32, OVERDUE.decimals + 4);
    s.push_str(&format!(r#"<cellXfs count="{}">"#, xfs.len()));
    s.extend(xfs);
    s.push_str(concat!(
        "</cellXfs>",
        r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
        r#"<dxfs count="0"/><tableStyles count="0"/>"#,
        "</styleSheet>"
    ));
    s
}

// ── Sheets ──────────────────────────────────────────────────────────────────

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

/// A width in characters as the file holds it: Excel adds the padding of
/// its default font (5 pixels on digits 7 pixels wide) and keeps 1/256ths.
fn file_width(chars: f64) -> f64 {
    ((((chars * 7.0) + 0.5).floor() + 5.0) / 7.0 * 256.0).floor() / 256.0
}

/// The letters of the column `c` (0-based): A … Z, AA … XFD.
fn column_letters(c: usize) -> String {
    let mut n = c + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        letters.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The XML of one sheet, written into `out` as it is made: the title
/// block, the header frozen under it, the rows, the autofilter.
fn write_sheet(out: &mut dyn Write, spec: &SheetSpec<'_, '_>, selected: bool) -> std::io::Result<Option<Filter>> {
    let table = spec.table;
    let columns = table.columns.len();
    let letters: Vec<String> = (0..columns.max(1)).map(column_letters).collect();
    let header = header_row(spec);
    let mut x = String::with_capacity(CHUNK + 4096);
    x.push_str(XML_DECL);
    x.push_str(WORKSHEET_OPEN);
    let tab = if selected { r#" tabSelected="1""# } else { "" };
    if columns > 0 {
        let below = header + 1;
        x.push_str(&format!(
            concat!(
                r#"<sheetViews><sheetView{tab} workbookViewId="0">"#,
                r#"<pane ySplit="{split}" topLeftCell="A{below}" activePane="bottomLeft" state="frozen"/>"#,
                r#"<selection pane="bottomLeft" activeCell="A{below}" sqref="A{below}"/>"#,
                "</sheetView></sheetViews>"
            ),
            tab = tab,
            split = header,
            below = below
        ));
    } else {
        x.push_str(&format!(
            r#"<sheetViews><sheetView{tab} workbookViewId="0"/></sheetViews>"#
        ));
    }
    x.push_str(r#"<sheetFormatPr defaultRowHeight="15"/>"#);
    if columns > 0 {
        x.push_str("<cols>");
        for (c, w) in widths(table).into_iter().enumerate() {
            x.push_str(&format!(
                r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
                n = c + 1,
                w = file_width(w)
            ));
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (i, line) in spec.title.iter().enumerate() {
        let r = (i + 1).to_string();
        x.push_str(&format!(r#"<row r="{r}">"#));
        text_cell(&mut x, "A", &r, line, Some(TITLE));
        x.push_str("</row>");
    }
    if columns > 0 {
        let r = header.to_string();
        x.push_str(&format!(r#"<row r="{r}">"#));
        for (c, col) in table.columns.iter().enumerate() {
            text_cell(&mut x, &letters[c], &r, &col.label, Some(HEADER));
        }
        x.push_str("</row>");
    }
    let mut last = header;
    let mut r = String::new();
    for cells in table.rows_and_total() {
        last += 1;
        let filled = cells.iter().any(|c| c.tone() == Tone::Bad);
        let styles = if filled { OVERDUE } else { PLAIN };
        r.clear();
        push_int(&mut r, i64::from(last));
        x.push_str(r#"<row r=""#);
        x.push_str(&r);
        x.push_str(r#"">"#);
        for (c, cell) in cells.iter().enumerate().take(columns.max(1)) {
            write_cell(&mut x, &letters[c], &r, cell, styles, filled);
        }
        x.push_str("</row>");
        if x.len() >= CHUNK {
            out.write_all(x.as_bytes())?;
            x.clear();
        }
    }
    x.push_str("</sheetData>");
    let filter = (columns > 0).then_some(Filter { header, last, columns });
    if let Some(f) = &filter {
        x.push_str(&format!(
            r#"<autoFilter ref="A{}:{}{}"/>"#,
            f.header,
            letters[f.columns - 1],
            f.last
        ));
    }
    x.push_str(PAGE_MARGINS);
    x.push_str("</worksheet>");
    out.write_all(x.as_bytes())?;
    Ok(filter)
}

fn empty_sheet() -> String {
    format!(
        r#"{XML_DECL}{WORKSHEET_OPEN}<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>{PAGE_MARGINS}</worksheet>"#
    )
}

/// A cell of a row. Text in a row without a fill goes without a style
/// (the default is the same), and an empty cell of such a row is not
/// written at all; a number that is not finite has no Excel value and is
/// left blank.
fn write_cell(x: &mut String, col: &str, row: &str, cell: &Cell, s: Styles, filled: bool) {
    let text_style = filled.then_some(s.text);
    match cell {
        Cell::Empty => blank(x, col, row, text_style),
        Cell::Text(t, _) | Cell::Key { label: t, .. } => text_cell(x, col, row, t, text_style),
        Cell::Int(n) => int_cell(x, col, row, *n, s.int),
        Cell::Num(n, d) => float_cell(x, col, row, *n, s.decimals + (*d).min(3) as u32, text_style),
        Cell::Percent(p) => float_cell(x, col, row, *p / 100.0, s.percent, text_style),
        Cell::Bar(fr, _) => float_cell(x, col, row, fr.clamp(0.0, 1.0), s.percent, text_style),
        // A provisional date is a date too; its machine column says so.
        Cell::Date(d) | Cell::Provisional(d) => match excel_date(*d) {
            Some(serial) => int_cell(x, col, row, serial, s.date),
            None => text_cell(x, col, row, &d.to_string(), text_style),
        },
    }
}

// Cells are written straight into the sheet's text, with no String of
// their own: a register's sheet has a million of them. (Writing to a
// String cannot fail.)
fn blank(x: &mut String, col: &str, row: &str, style: Option<u32>) {
    if style.is_some() {
        cell_open(x, col, row, style);
        x.push_str("/>");
    }
}

/// `<c r="B7" s="3"`: the start of every cell, its reference and its
/// style if it has one.
fn cell_open(x: &mut String, col: &str, row: &str, style: Option<u32>) {
    x.push_str(r#"<c r=""#);
    x.push_str(col);
    x.push_str(row);
    x.push('"');
    if let Some(s) = style {
        int_attr(x, "s", i64::from(s));
    }
}

fn int_cell(x: &mut String, col: &str, row: &str, value: i64, style: u32) {
    cell_open(x, col, row, Some(style));
    x.push_str("><v>");
    push_int(x, value);
    x.push_str("</v></c>");
}

fn number_cell(x: &mut String, col: &str, row: &str, value: f64, style: u32) {
    cell_open(x, col, row, Some(style));
    let _ = write!(x, "><v>{value}</v></c>");
}

fn float_cell(x: &mut String, col: &str, row: &str, value: f64, style: u32, blank_style: Option<u32>) {
    if value.is_finite() {
        number_cell(x, col, row, value, style);
    } else {
        blank(x, col, row, blank_style);
    }
}

/// A text cell, its string inline (as a streaming writer must); an empty
/// text is a blank. Excel holds at most 32,767 characters in a cell: a
/// longer text is cut there with an ellipsis (CSV holds it whole).
fn text_cell(x: &mut String, col: &str, row: &str, text: &str, style: Option<u32>) {
    if text.is_empty() {
        return blank(x, col, row, style);
    }
    cell_open(x, col, row, style);
    x.push_str(r#" t="inlineStr"><is><t"#);
    // Spaces at either end are kept only when the file says so.
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        x.push_str(r#" xml:space="preserve""#);
    }
    x.push('>');
    x.push_str(&crate::render::escape::xml(&fit(text)));
    x.push_str("</t></is></c>");
}

/// `text` cut to Excel's 32,767 UTF-16 units, an ellipsis last.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    // A byte is at most one UTF-16 unit: most texts need no count.
    if text.len() <= MAX_TEXT || text.encode_utf16().count() <= MAX_TEXT {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut cut = String::new();
    for c in text.chars() {
        units += c.len_utf16();
        if units > MAX_TEXT - 1 {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    std::borrow::Cow::Owned(cut)
}

/// The Excel serial number of a date, from 1900 to 9999. Excel counts
/// 29/2/1900, which never was: from 1/3/1900 on, serials are one more.
fn excel_date(d: NaiveDate) -> Option<i64> {
    if !(1900..=9999).contains(&d.year()) {
        return None;
    }
    let march_1900 = NaiveDate::from_ymd_opt(1900, 3, 1)?;
    let zero = if d >= march_1900 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    Some((d - zero).num_days())
}

// ── The package's other parts ────────────────────────────────────────────────

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_OPEN: &str = concat!(
    r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
);
const PAGE_MARGINS: &str =
    r#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#;

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

const APP: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
    "<Application>danvan</Application></Properties>"
);

/// No time of writing: the same records give the same bytes.
const CORE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
    r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    "<dc:creator>danvan</dc:creator>",
    r#"<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>"#,
    r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>"#,
    "</cp:coreProperties>"
);

fn content_types(sheets: usize) -> String {
    let mut s = String::from(XML_DECL);
    s.push_str(concat!(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
        r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    ));
    for i in 1..=sheets {
        s.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
    }
    s.push_str("</Types>");
    s
}

/// `workbook.xml`: the sheets in order, and the range of each autofilter.
fn workbook_xml(names: &[String], filters: &[Option<Filter>]) -> String {
    let mut s = String::from(XML_DECL);
    s.push_str(&format!(
        r#"<workbook xmlns="{MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    ));
    s.push_str(r#"<workbookPr/><bookViews><workbookView/></bookViews><sheets>"#);
    for (i, name) in names.iter().enumerate() {
        s.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            crate::render::escape::xml(name),
            n = i + 1
        ));
    }
    s.push_str("</sheets>");
    let defined: Vec<String> = filters
        .iter()
        .zip(names)
        .enumerate()
        .filter_map(|(i, (f, name))| {
            let f = f.as_ref()?;
            // A sheet name in a formula is quoted, its apostrophes doubled.
            let quoted = format!("'{}'", name.replace('\'', "''"));
            Some(format!(
                r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{}!$A${}:${}${}</definedName>"#,
                crate::render::escape::xml(&quoted),
                f.header,
                column_letters(f.columns - 1),
                f.last
            ))
        })
        .collect();
    if !defined.is_empty() {
        s.push_str("<definedNames>");
        s.extend(defined);
        s.push_str("</definedNames>");
    }
    s.push_str("</workbook>");
    s
}

fn workbook_rels(sheets: usize) -> String {
    let mut s = String::from(XML_DECL);
    s.push_str(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#);
    for i in 1..=sheets {
        s.push_str(&format!(
            r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#
        ));
    }
    s.push_str(&format!(
        r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
        sheets + 1
    ));
    s.push_str("</Relationships>");
    s
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

    #[test]
    fn columns_are_lettered_as_excel_does() {
        let cases = [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (51, "AZ"),
            (52, "BA"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (c, letters) in cases {
            assert_eq!(column_letters(c), letters);
        }
        assert_eq!(column_letters(MAX_COLUMNS - 1), "XFD");
    }

    #[test]
    fn dates_are_excel_serials_with_its_1900_leap_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(excel_date(d(1900, 1, 1)), Some(1));
        assert_eq!(excel_date(d(1900, 2, 28)), Some(59));
        // 60 is 29/2/1900, a day Excel has and the calendar has not.
        assert_eq!(excel_date(d(1900, 3, 1)), Some(61));
        assert_eq!(excel_date(d(2025, 1, 1)), Some(45658));
        assert_eq!(excel_date(d(1899, 12, 31)), None);
        assert_eq!(excel_date(d(10000, 1, 1)), None);
    }

    #[test]
    fn widths_are_stored_with_excel_padding() {
        assert_eq!(file_width(12.0), 12.7109375);
        assert_eq!(file_width(6.0), 6.7109375);
    }

    #[test]
    fn a_text_over_excel_limit_is_cut_with_an_ellipsis() {
        let long = "đ".repeat(MAX_TEXT + 10);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_TEXT);
        assert!(cut.ends_with('…'));
        // Characters outside the BMP count two units each.
        let wide = "𝐀".repeat(MAX_TEXT / 2 + 1);
        assert!(fit(&wide).encode_utf16().count() <= MAX_TEXT);
        assert_eq!(fit("ngắn"), "ngắn");
    }

    /// The workbook read back by calamine: the sheets by name, the title
    /// block, typed cells where they were written, and an overdue row
    /// drawn on red with its blank cells styled.
    #[test]
    fn a_workbook_reads_back_with_its_values_and_types() {
        use crate::report::{Column, Rows};
        use calamine::{Data, Reader, Xlsx};
        let column = Column::new;
        let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let table = Table {
            columns: vec![
                column("id", "Mã"),
                column("n", "Số"),
                column("due", "Hạn"),
                column("share", "Tỷ lệ"),
                column("note", "Ghi chú"),
            ],
            rows: Rows::from(vec![
                vec![
                    Cell::text("a & <b>"),
                    Cell::Int(12_345),
                    Cell::Date(date),
                    Cell::Percent(87.5),
                    Cell::text(" giữ khoảng trắng "),
                ],
                vec![
                    Cell::toned("quá hạn", Tone::Bad),
                    Cell::Num(1.25, 2),
                    Cell::Provisional(date),
                    Cell::Num(f64::NAN, 1),
                    Cell::Empty,
                ],
            ]),
            total: Some(vec![Cell::text("Tổng"), Cell::Int(2), Cell::Empty]),
            empty: None,
            drop: Vec::new(),
        };
        let spec = SheetSpec {
            name: "Sổ: đơn/thư".to_owned(),
            title: vec!["Sổ theo dõi đơn thư".to_owned()],
            table: &table,
        };
        let bytes = workbook(std::slice::from_ref(&spec)).unwrap();
        assert_eq!(bytes, workbook(&[spec]).unwrap(), "the same bytes each time");
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
        assert_eq!(book.sheet_names(), vec!["Sổ- đơn-thư".to_owned()]);
        let range = book.worksheet_range("Sổ- đơn-thư").unwrap();
        let at = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(at(0, 0), Data::String("Sổ theo dõi đơn thư".into()));
        assert_eq!(at(2, 0), Data::String("Mã".into()));
        assert_eq!(at(3, 0), Data::String("a & <b>".into()));
        assert_eq!(at(3, 1), Data::Float(12_345.0));
        match at(3, 2) {
            Data::DateTime(d) => assert_eq!(d.as_f64(), 46356.0),
            other => panic!("a date cell reads {other:?}"),
        }
        assert_eq!(at(3, 3), Data::Float(0.875));
        assert_eq!(at(3, 4), Data::String(" giữ khoảng trắng ".into()));
        assert_eq!(at(4, 1), Data::Float(1.25));
        assert_eq!(at(4, 3), Data::Empty);
        assert_eq!(at(5, 0), Data::String("Tổng".into()));
        // The parts a reader needs beyond the cells.
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
            text
        };
        let sheet = part("xl/worksheets/sheet1.xml");
        assert!(sheet.contains(r#"<pane ySplit="3" topLeftCell="A4""#), "{sheet}");
        assert!(sheet.contains(r#"<autoFilter ref="A3:E6"/>"#), "{sheet}");
        // The overdue row is red (style 11 on), its empty cell too.
        assert!(sheet.contains(r#"<c r="A5" s="11" t="inlineStr">"#), "{sheet}");
        assert!(sheet.contains(r#"<c r="E5" s="11"/>"#), "{sheet}");
        // An empty cell of a plain row is not written.
        assert!(!sheet.contains(r#"<c r="C6""#), "{sheet}");
        let book = part("xl/workbook.xml");
        assert!(book.contains("&apos;Sổ- đơn-thư&apos;!$A$3:$E$6"), "{book}");
        assert!(part("xl/styles.xml").contains("FFFFC7CE"));
    }

    #[test]
    fn a_sheet_over_excel_limits_is_refused_with_the_reason() {
        use crate::report::Column;
        let table = Table {
            columns: (0..=MAX_COLUMNS)
                .map(|i| Column::new(format!("c{i}"), format!("c{i}")))
                .collect(),
            rows: Vec::new().into(),
            total: None,
            empty: None,
            drop: Vec::new(),
        };
        let spec = SheetSpec {
            name: "Rộng".to_owned(),
            title: Vec::new(),
            table: &table,
        };
        let err = workbook(&[spec]).unwrap_err();
        assert!(err.contains("16385") && err.contains("16384"), "{err}");
    }
}
