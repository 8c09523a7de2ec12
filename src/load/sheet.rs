//! Reading spreadsheets for `danvan import`: `.xlsx`, `.xls`, `.ods` (the
//! `calamine` crate) and `.csv` (UTF-8 with or without a BOM, `,` or `;`
//! as Vietnamese Excel writes it) into plain grids of cells. What the
//! cells mean is decided in `crate::import`.

use crate::i18n::tr;
use chrono::NaiveDate;
use std::path::Path;

/// A sheet file over this size is refused: a register of 100,000 rows is
/// far smaller.
pub const MAX_SHEET_BYTES: u64 = 64 * 1024 * 1024;

/// One cell, as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    Empty,
    Text(String),
    /// A number (an Excel date typed as a number is one too).
    Number(f64),
    /// A cell formatted as a date.
    Date(NaiveDate),
    Bool(bool),
}

impl SheetCell {
    pub fn is_empty(&self) -> bool {
        match self {
            SheetCell::Empty => true,
            SheetCell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, the way a person reads it (dates as dd/mm/yyyy).
    pub fn text(&self) -> String {
        match self {
            SheetCell::Empty => String::new(),
            SheetCell::Text(s) => s.trim().to_owned(),
            SheetCell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            SheetCell::Number(n) => n.to_string(),
            SheetCell::Date(d) => d.format("%d/%m/%Y").to_string(),
            SheetCell::Bool(b) => b.to_string(),
        }
    }
}

/// A sheet: its name and its rows from row 1 (`rows[0]`), each from column A.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<SheetCell>>,
}

impl Sheet {
    /// The cell at a 0-based row and column, empty when outside the data.
    pub fn cell(&self, row: usize, col: usize) -> &SheetCell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&SheetCell::Empty)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// Every sheet of a workbook, in order (a CSV file is one sheet named by its stem).
pub fn read(path: &Path) -> Result<Vec<Sheet>, String> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(path, &e.to_string()))?;
    if !meta.is_file() {
        return Err(cannot_read(path, &tr!("không phải tệp", "not a file")));
    }
    if meta.len() > MAX_SHEET_BYTES {
        return Err(tr!(
            "{} lớn hơn {} MiB, không đọc",
            "{} is over {} MiB; not read",
            path.display(),
            MAX_SHEET_BYTES / (1024 * 1024)
        ));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| cannot_read(path, &e.to_string()))?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(vec![
                csv(&name, &bytes).map_err(|e| format!("{}: {e}", path.display()))?,
            ])
        }
        "xlsx" | "xlsm" | "xls" | "ods" => workbook(path),
        _ => Err(tr!(
            "{}: không đọc được loại tệp này; dùng .xlsx, .xls, .ods hoặc .csv",
            "{}: cannot read this kind of file; use .xlsx, .xls, .ods or .csv",
            path.display()
        )),
    }
}

fn cannot_read(path: &Path, why: &str) -> String {
    tr!("không đọc được {}: {}", "cannot read {}: {}", path.display(), why)
}

/// A CSV text: UTF-8, a BOM allowed, `,` or `;` (whichever the first lines use more).
pub fn csv(name: &str, bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        tr!(
            "tệp CSV không phải UTF-8; trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\"",
            "the CSV file is not UTF-8; in Excel choose Save As → \"CSV UTF-8 (Comma delimited)\""
        )
    })?;
    let head: String = text.lines().take(30).collect::<Vec<_>>().join("\n");
    let count = |c: char| head.chars().filter(|&x| x == c).count();
    let delimiter = if count(';') > count(',') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        SheetCell::Empty
                    } else {
                        SheetCell::Text(s.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows,
    })
}

/// An Excel or OpenDocument workbook. A merged cell's value is copied into
/// every cell it covers, so a header merged over two columns names both.
fn workbook(path: &Path) -> Result<Vec<Sheet>, String> {
    use calamine::{Reader, Sheets, open_workbook_auto};
    let fail = |e: &dyn std::fmt::Display| {
        tr!(
            "không đọc được bảng tính {}: {}",
            "cannot read the spreadsheet {}: {}",
            path.display(),
            e
        )
    };
    let mut book = open_workbook_auto(path).map_err(|e| fail(&e))?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| fail(&e))?;
        let merged: Vec<calamine::Dimensions> = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<SheetCell>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![SheetCell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            while cells.last().is_some_and(SheetCell::is_empty) {
                cells.pop();
            }
            rows.push(cells);
        }
        for m in merged {
            let value = rows
                .get(m.start.0 as usize)
                .and_then(|r| r.get(m.start.1 as usize))
                .cloned()
                .unwrap_or(SheetCell::Empty);
            if value.is_empty() {
                continue;
            }
            for r in m.start.0..=m.end.0.min(m.start.0 + 1000) {
                for c in m.start.1..=m.end.1.min(m.start.1 + 200) {
                    let Some(row) = rows.get_mut(r as usize) else { continue };
                    if row.len() <= c as usize {
                        row.resize(c as usize + 1, SheetCell::Empty);
                    }
                    if row[c as usize].is_empty() {
                        row[c as usize] = value.clone();
                    }
                }
            }
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

fn cell(data: &calamine::Data) -> SheetCell {
    use calamine::Data;
    match data {
        Data::Empty | Data::Error(_) => SheetCell::Empty,
        Data::String(s) if s.trim().is_empty() => SheetCell::Empty,
        Data::String(s) | Data::DurationIso(s) => SheetCell::Text(s.clone()),
        Data::Int(n) => SheetCell::Number(*n as f64),
        Data::Float(f) => SheetCell::Number(*f),
        Data::Bool(b) => SheetCell::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                .map_or(SheetCell::Number(dt.as_f64()), SheetCell::Date)
        }
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| SheetCell::Text(s.clone()), SheetCell::Date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_and_semicolons() {
        let sheet = csv(
            "s",
            "\u{feff}Ngày nhận;Nội dung\n05/03/2023;\"Đất; ranh giới\"\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.cell(0, 0), &SheetCell::Text("Ngày nhận".into()));
        assert_eq!(sheet.cell(1, 1), &SheetCell::Text("Đất; ranh giới".into()));
        let commas = csv("s", b"a,b\n1,2\n").unwrap();
        assert_eq!(commas.cell(1, 1), &SheetCell::Text("2".into()));
        assert!(csv("s", b"\xff\xfe").is_err());
    }
}
