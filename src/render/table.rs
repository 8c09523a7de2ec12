//! Tables for the terminal, numbers right-aligned. A table that fits the
//! terminal (or any table when the output is not a terminal) is drawn here,
//! a row at a time, straight to the output: a register of 100,000 rows
//! never sits in memory as text. A table too wide for the terminal goes to
//! comfy-table, which wraps its cells. Both draw the same box
//! (`UTF8_FULL_CONDENSED`); a test holds them to the same bytes.

use crate::report::{Body, Cell, Document, Table, Tone};
use comfy_table::{Attribute, CellAlignment, Color, ContentArrangement, presets};
use std::borrow::Cow;
use std::io::{self, Write};

pub fn document(doc: &Document, color: bool) -> String {
    super::to_string(|out| write_document(doc, color, out))
}

pub fn write_document(doc: &Document, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let bold = |s: &str| {
        if color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    writeln!(out, "{}", bold(&doc.title))?;
    if let Some(sub) = &doc.subtitle {
        writeln!(out, "{sub}")?;
    }
    for section in &doc.sections {
        writeln!(out)?;
        if let Some(h) = &section.heading {
            writeln!(out, "{}", bold(h))?;
        }
        match &section.body {
            Body::Table(t) => write_table(t, color, out)?,
            Body::Facts(facts) => {
                let width = facts.iter().map(|f| crate::text::width(&f.label)).max().unwrap_or(0);
                for f in facts {
                    let pad = width - crate::text::width(&f.label);
                    let value = paint(&f.value.display(), f.value.tone(), color);
                    writeln!(out, "  {}{}  {value}", f.label, " ".repeat(pad))?;
                }
            }
            Body::Text(paragraphs) => {
                for p in paragraphs {
                    writeln!(out, "  {p}")?;
                }
            }
        }
    }
    Ok(())
}

fn paint(text: &str, tone: Tone, color: bool) -> String {
    let code = match tone {
        _ if !color => return text.to_owned(),
        Tone::Plain => return text.to_owned(),
        Tone::Good => "32",
        Tone::Warn => "33",
        Tone::Bad => "31",
        Tone::Dim => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// `COLUMNS` when set; on a terminal comfy-table asks the terminal itself.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}

/// The width the table must fit in: `COLUMNS`, else the terminal's when
/// colour is on (output to a terminal), else none.
fn width_limit(color: bool) -> Option<u16> {
    terminal_width().or_else(|| color.then(|| comfy_table::Table::new().width()).flatten())
}

/// A table as text, without a final newline.
pub fn table(t: &Table, color: bool) -> String {
    let mut text = super::to_string(|out| write_table(t, color, out));
    text.truncate(text.trim_end_matches('\n').len());
    text
}

/// Writes a table and a newline after it.
fn write_table(t: &Table, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let people = t.for_people();
    let t = people.as_ref().unwrap_or(t);
    if t.rows.is_empty()
        && let Some(empty) = &t.empty
    {
        return writeln!(out, "  {empty}");
    }
    match natural_widths(t, width_limit(color)) {
        Some(widths) => Boxed { t, widths, color }.write(out),
        None => writeln!(out, "{}", comfy(t, color, terminal_width())),
    }
}

/// Each column's width when no cell needs wrapping: the widest of its
/// heading and cells. `None` when the table is wider than `limit` or a
/// cell holds a line break (comfy-table lays those out).
fn natural_widths(t: &Table, limit: Option<u16>) -> Option<Vec<usize>> {
    let mut widths: Vec<usize> = t.columns.iter().map(|c| crate::text::width(&c.label)).collect();
    if t.columns.iter().any(|c| c.label.contains('\n')) {
        return None;
    }
    for row in t.rows_and_total() {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            let text = cell.shown();
            if text.contains('\n') {
                return None;
            }
            *w = (*w).max(crate::text::width(&text));
        }
    }
    // Each column has a space either side and a border on its left; one more border closes the row.
    let total: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
    match limit {
        Some(limit) if total > usize::from(limit) => None,
        _ => Some(widths),
    }
}

/// The `UTF8_FULL_CONDENSED` box, drawn a row at a time.
struct Boxed<'a> {
    t: &'a Table<'a>,
    widths: Vec<usize>,
    color: bool,
}

impl Boxed<'_> {
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let numeric = self.t.numeric_columns();
        self.rule(out, ['┌', '─', '┬', '┐'])?;
        let header = (self.t.columns.iter()).map(|c| (Cow::Borrowed(c.label.as_str()), Tone::Plain, false));
        self.row(out, header, &numeric, true)?;
        self.rule(out, ['╞', '═', '╪', '╡'])?;
        for row in self.t.rows.iter() {
            let cells = row.iter().map(|c| (c.shown(), c.tone(), c.is_numeric()));
            self.row(out, cells, &numeric, false)?;
        }
        if let Some(total) = &self.t.total {
            let cells = total.iter().map(|c| (c.shown(), c.tone(), c.is_numeric()));
            self.row(out, cells, &numeric, true)?;
        }
        self.rule(out, ['└', '─', '┴', '┘'])
    }

    fn rule(&self, out: &mut dyn Write, [left, line, join, right]: [char; 4]) -> io::Result<()> {
        let mut text = String::new();
        text.push(left);
        for (i, w) in self.widths.iter().enumerate() {
            if i > 0 {
                text.push(join);
            }
            text.extend(std::iter::repeat_n(line, w + 2));
        }
        text.push(right);
        writeln!(out, "{text}")
    }

    fn row<'c>(
        &self,
        out: &mut dyn Write,
        cells: impl Iterator<Item = (Cow<'c, str>, Tone, bool)>,
        numeric: &[bool],
        bold: bool,
    ) -> io::Result<()> {
        let mut cells = cells;
        out.write_all("│".as_bytes())?;
        for (i, width) in self.widths.iter().enumerate() {
            if i > 0 {
                out.write_all("┆".as_bytes())?;
            }
            // A number is right-aligned wherever it is, and so is every cell
            // of a column of numbers.
            let (text, tone, number) = cells.next().unwrap_or((Cow::Borrowed(""), Tone::Plain, false));
            let pad = width - crate::text::width(&text);
            let (before, after) = if numeric[i] || number { (pad, 0) } else { (0, pad) };
            let (start, end) = self.style(tone, bold);
            write!(out, "{start} ")?;
            spaces(out, before)?;
            out.write_all(text.as_bytes())?;
            spaces(out, after)?;
            write!(out, " {end}")?;
        }
        out.write_all("│\n".as_bytes())
    }

    /// What comfy-table writes before and after a styled cell, padding
    /// included: crossterm's order, the colour, then the attributes; a
    /// reset of the attributes ends it, or of the colour alone when there
    /// are none.
    fn style(&self, tone: Tone, bold: bool) -> (&'static str, &'static str) {
        if !self.color {
            return ("", "");
        }
        match (tone, bold) {
            (Tone::Plain, false) => ("", ""),
            (Tone::Plain, true) => ("\x1b[1m", "\x1b[0m"),
            (Tone::Dim, false) => ("\x1b[2m", "\x1b[0m"),
            (Tone::Dim, true) => ("\x1b[1m\x1b[2m", "\x1b[0m"),
            (Tone::Good, false) => ("\x1b[38;5;10m", "\x1b[39m"),
            (Tone::Good, true) => ("\x1b[38;5;10m\x1b[1m", "\x1b[0m"),
            (Tone::Warn, false) => ("\x1b[38;5;11m", "\x1b[39m"),
            (Tone::Warn, true) => ("\x1b[38;5;11m\x1b[1m", "\x1b[0m"),
            (Tone::Bad, false) => ("\x1b[38;5;9m", "\x1b[39m"),
            (Tone::Bad, true) => ("\x1b[38;5;9m\x1b[1m", "\x1b[0m"),
        }
    }
}

fn spaces(out: &mut dyn Write, n: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        out.write_all(&SPACES[..k])?;
        left -= k;
    }
    Ok(())
}

fn comfy_cell(c: &Cell, color: bool) -> comfy_table::Cell {
    let mut cell = comfy_table::Cell::new(c.display());
    if c.is_numeric() {
        cell = cell.set_alignment(CellAlignment::Right);
    }
    if color {
        cell = match c.tone() {
            Tone::Plain => cell,
            Tone::Good => cell.fg(Color::Green),
            Tone::Warn => cell.fg(Color::Yellow),
            Tone::Bad => cell.fg(Color::Red),
            Tone::Dim => cell.add_attribute(Attribute::Dim),
        };
    }
    cell
}

/// The table laid out by comfy-table, wrapping cells to `width`.
fn comfy(t: &Table, color: bool, width: Option<u16>) -> String {
    let mut table = comfy_table::Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(
        t.columns
            .iter()
            .map(|c| comfy_table::Cell::new(&c.label).add_attribute(Attribute::Bold)),
    );
    for row in t.rows.iter() {
        table.add_row(row.iter().map(|c| comfy_cell(c, color)));
    }
    if let Some(total) = &t.total {
        table.add_row(
            total
                .iter()
                .map(|c| comfy_cell(c, color).add_attribute(Attribute::Bold)),
        );
    }
    // Right-align numeric columns' headers too, so numbers and headings line up.
    let numeric = t.numeric_columns();
    for (i, col) in table.column_iter_mut().enumerate() {
        if numeric[i] {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    table.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Column;

    fn sample(rows: usize) -> Table<'static> {
        let tones = [Tone::Plain, Tone::Good, Tone::Warn, Tone::Bad, Tone::Dim];
        Table {
            columns: vec![
                Column::new("unit", "Đơn vị"),
                Column::new("state", "Trạng thái"),
                Column::new("n", "Số"),
                Column::new("share", "Tỷ lệ"),
                Column::new("date", "Ngày"),
                Column::new("days", "Còn"),
            ],
            rows: (0..rows)
                .map(|i| {
                    vec![
                        Cell::text(["xã Tân Khánh Trung", "Mỹ An Hưng", "", "thị trấn Lấp Vò"][i % 4]),
                        Cell::toned_key("late", ["quá hạn", "đúng hạn", "chờ"][i % 3], tones[i % 5]),
                        Cell::Int(i as i64 * 1234 - 50),
                        Cell::Percent(i as f64 * 7.25),
                        Cell::opt_date(chrono::NaiveDate::from_ymd_opt(
                            2025,
                            1 + (i % 12) as u32,
                            1 + i as u32 % 28,
                        )),
                        if i % 3 == 0 {
                            Cell::Empty
                        } else {
                            Cell::Int(i as i64 - 4)
                        },
                    ]
                })
                .collect(),
            total: Some(vec![
                Cell::toned("Tổng cộng", Tone::Good),
                Cell::toned("trễ", Tone::Bad),
                Cell::Int(99_999),
                Cell::toned("—", Tone::Dim),
                Cell::toned("chờ", Tone::Warn),
                Cell::Int(-3),
            ]),
            empty: None,
        }
    }

    #[test]
    fn draws_the_same_box_as_comfy_table() {
        for rows in [0, 1, 7] {
            let t = sample(rows);
            for color in [false, true] {
                let widths = natural_widths(&t, None).unwrap();
                let mut ours = Vec::new();
                Boxed { t: &t, widths, color }.write(&mut ours).unwrap();
                let theirs = comfy(&t, color, None) + "\n";
                let ours = String::from_utf8(ours).unwrap();
                for (a, b) in ours.lines().zip(theirs.lines()) {
                    assert_eq!(a, b, "{rows} rows, colour {color}");
                }
                assert_eq!(ours, theirs, "{rows} rows, colour {color}");
            }
        }
    }

    #[test]
    fn a_table_that_fits_is_not_wrapped_by_comfy_table_either() {
        let t = sample(5);
        let widths = natural_widths(&t, None).unwrap();
        let needed = (widths.iter().map(|w| w + 3).sum::<usize>() + 1) as u16;
        assert!(natural_widths(&t, Some(needed)).is_some());
        assert!(natural_widths(&t, Some(needed - 1)).is_none());
        let mut ours = Vec::new();
        Boxed {
            t: &t,
            widths,
            color: false,
        }
        .write(&mut ours)
        .unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), comfy(&t, false, Some(needed)) + "\n");
        // Narrower, comfy-table wraps the cells to the width.
        let wrapped = comfy(&t, false, Some(needed - 6));
        assert!(
            wrapped
                .lines()
                .all(|l| crate::text::width(l) <= usize::from(needed - 6))
        );
    }

    #[test]
    fn a_line_break_in_a_cell_goes_to_comfy_table() {
        let mut t = sample(2);
        let mut rows: Vec<Vec<Cell>> = t.rows.iter().map(|r| r.into_owned()).collect();
        rows[0][0] = Cell::text("hai\ndòng");
        t.rows = rows.into();
        assert!(natural_widths(&t, None).is_none());
        assert!(table(&t, false).contains("│ dòng"));
    }
}
