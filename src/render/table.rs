//! Tables for the terminal, drawn a row at a time straight to the output
//! (a register of 100,000 rows never sits in memory as text), in
//! comfy-table's `UTF8_FULL_CONDENSED` box (a test holds them to the same
//! bytes).
//!
//! Output that is not a terminal ([`Screen::width`] `None`) gets the whole
//! table. On a terminal the table fits its width as `gh`, `kubectl` or
//! `hledger` fit theirs: each column has a kind ([`ColumnKind`]); numbers,
//! dates, ids and states keep their width and are never broken, bars get
//! narrower, and text columns share what is left, each cut on one line
//! with "…" (the whole text is in `show` and in the machine formats).
//! When even that does not fit, the columns the table names in
//! [`Table::drop`] are left out, first named first; when it still does
//! not fit, or the terminal is narrower than [`BLOCKS_BELOW`], each row
//! prints as a block of label and value lines.
//!
//! Every text from the records passes through [`escape::terminal`]: a
//! control character or a bidi override shows as `check` shows it,
//! instead of acting on the terminal.

use super::Screen;
use super::escape::{one_line, terminal};
use crate::report::{Body, Cell, ColumnKind, Document, Table, Tone};
use crate::text::width;
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::{self, Write};

/// Below this many columns a table that does not fit prints a block per row.
pub const BLOCKS_BELOW: usize = 60;
/// A bar's width when there is room.
const BAR_WIDTH: usize = 20;
/// The narrowest a bar gets.
const BAR_MIN: usize = 6;
/// The narrowest a text column gets (or its heading, when wider).
const TEXT_MIN: usize = 10;

pub fn document(doc: &Document, screen: Screen) -> String {
    super::to_string(|out| write_document(doc, screen, out))
}

pub fn write_document(doc: &Document, screen: Screen, out: &mut dyn Write) -> io::Result<()> {
    // Titles and headings wrap to the screen; on their own lines, in bold.
    let bold = |s: &str| {
        let lines = wrapped(&one_line(s), screen.width).join("\n");
        if screen.color {
            format!("\x1b[1m{lines}\x1b[0m")
        } else {
            lines
        }
    };
    writeln!(out, "{}", bold(&doc.title))?;
    if let Some(sub) = &doc.subtitle {
        writeln!(out, "{}", wrapped(&one_line(sub), screen.width).join("\n"))?;
    }
    for section in &doc.sections {
        writeln!(out)?;
        if let Some(h) = &section.heading {
            writeln!(out, "{}", bold(h))?;
        }
        match &section.body {
            Body::Table(t) => write_table(t, screen, out)?,
            Body::Facts(facts) => {
                let labels: Vec<Cow<str>> = facts.iter().map(|f| one_line(&f.label)).collect();
                let pad = labels.iter().map(|l| width(l)).max().unwrap_or(0);
                for (f, label) in facts.iter().zip(&labels) {
                    let value = match &f.value {
                        Cell::Bar(x, _) => crate::report::bar(*x, BAR_WIDTH),
                        v => v.display(),
                    };
                    write_labelled(out, 2, label, pad, &value, f.value.tone(), screen)?;
                }
            }
            Body::Text(paragraphs) => {
                for p in paragraphs {
                    for line in wrapped(&terminal(p), screen.width.map(|w| w.saturating_sub(2))) {
                        writeln!(out, "  {line}")?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// `  label   value`, the value wrapped under itself when the screen is
/// narrower than the line, and a line break in it kept as one.
fn write_labelled(
    out: &mut dyn Write,
    indent: usize,
    label: &str,
    pad: usize,
    value: &str,
    tone: Tone,
    screen: Screen,
) -> io::Result<()> {
    let hang = indent + pad + 2;
    let room = screen.width.map(|w| w.saturating_sub(hang).max(TEXT_MIN));
    let lines = wrapped(&terminal(value), room);
    for (i, line) in lines.iter().enumerate() {
        let line = paint(line, tone, screen.color);
        if i == 0 {
            let gap = pad - width(label) + 2;
            writeln!(out, "{}{label}{}{line}", " ".repeat(indent), " ".repeat(gap))?;
        } else {
            writeln!(out, "{}{line}", " ".repeat(hang))?;
        }
    }
    Ok(())
}

/// The lines of a text (its own line breaks kept), each wrapped to `room`
/// columns when given; at least one line.
fn wrapped(text: &str, room: Option<usize>) -> Vec<String> {
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let line = line.replace('\t', " ");
        match room {
            Some(room) if width(&line) > room => {
                let options = textwrap::Options::new(room.max(1)).break_words(true);
                lines.extend(textwrap::wrap(&line, options).into_iter().map(Cow::into_owned));
            }
            _ => lines.push(line),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
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

/// A table as text, without a final newline.
pub fn table(t: &Table, screen: Screen) -> String {
    let mut text = super::to_string(|out| write_table(t, screen, out));
    text.truncate(text.trim_end_matches('\n').len());
    text
}

/// Writes a table and a newline after it.
fn write_table(t: &Table, screen: Screen, out: &mut dyn Write) -> io::Result<()> {
    if t.rows.is_empty()
        && let Some(empty) = &t.empty
    {
        return writeln!(out, "  {}", one_line(empty));
    }
    let kinds = t.kinds();
    // The columns for machines only (CSV, xlsx) are not drawn; the others
    // are picked by their index, the rows left as they are made (a
    // province's register has 70,000).
    let people: Vec<usize> = (0..t.columns.len()).filter(|&i| !t.columns[i].machine).collect();
    let natural = natural_widths(t, &kinds, &people);
    match layout(t, &kinds, &natural, screen.width, people) {
        Some(columns) => Boxed {
            t,
            kinds: &kinds,
            columns,
            color: screen.color,
        }
        .write(out),
        None => {
            let people = t.for_people();
            let t = people.as_ref().unwrap_or(t);
            blocks(t, &t.kinds(), screen, out)
        }
    }
}

/// Each column's width when nothing is cut: the widest of its heading and
/// cells, a bar [`BAR_WIDTH`].
/// (Of the columns `shown`; the others are 0.)
fn natural_widths(t: &Table, kinds: &[ColumnKind], shown: &[usize]) -> Vec<usize> {
    let mut widths = vec![0; t.columns.len()];
    for &i in shown {
        widths[i] = width(&one_line(&t.columns[i].label));
    }
    // A register's rows are measured on every core.
    let widest = |mut widths: Vec<usize>, row: &[Cell]| {
        for &i in shown {
            let Some(cell) = row.get(i) else { continue };
            let cell_width = match (cell, kinds[i]) {
                (Cell::Bar(..), _) | (_, ColumnKind::Bar) => BAR_WIDTH,
                _ => width(&one_line(&cell.shown())),
            };
            widths[i] = widths[i].max(cell_width);
        }
        widths
    };
    let widths = ((0..t.rows.len()).into_par_iter().with_min_len(ROWS_PER_TASK))
        .fold(
            || widths.clone(),
            |w, i| match t.rows.get(i) {
                Some(row) => widest(w, &row),
                None => w,
            },
        )
        .reduce(
            || widths.clone(),
            |a, b| a.into_iter().zip(b).map(|(a, b)| a.max(b)).collect(),
        );
    match &t.total {
        Some(total) => widest(widths, total),
        None => widths,
    }
}

/// How many rows of a register one task measures or draws: enough that
/// the tasks cost less than the rows.
const ROWS_PER_TASK: usize = 512;

/// The width a row of columns this wide takes: a space either side of
/// each, a border on its left, one more border closing the row.
fn row_width(widths: impl IntoIterator<Item = usize>) -> usize {
    widths.into_iter().map(|w| w + 3).sum::<usize>() + 1
}

/// The columns to draw and their widths, or `None` for blocks.
fn layout(
    t: &Table,
    kinds: &[ColumnKind],
    natural: &[usize],
    limit: Option<usize>,
    all: Vec<usize>,
) -> Option<Vec<(usize, usize)>> {
    let Some(limit) = limit else {
        return Some(all.iter().map(|&i| (i, natural[i])).collect());
    };
    if row_width(all.iter().map(|&i| natural[i])) <= limit {
        return Some(all.iter().map(|&i| (i, natural[i])).collect());
    }
    if limit < BLOCKS_BELOW {
        return None;
    }
    let mut shown = all;
    let mut drops = t
        .drop
        .iter()
        .filter_map(|key| t.columns.iter().position(|c| c.key == *key));
    loop {
        if let Some(widths) = squeeze(t, &shown, kinds, natural, limit) {
            return Some(shown.into_iter().zip(widths).collect());
        }
        let gone = drops.next()?;
        shown.retain(|&i| i != gone);
    }
}

/// The widths of the `shown` columns within `limit`: text and bars at
/// least their minimum, the rest shared in proportion to what each would
/// take; `None` when the minimums do not fit.
fn squeeze(t: &Table, shown: &[usize], kinds: &[ColumnKind], natural: &[usize], limit: usize) -> Option<Vec<usize>> {
    let mins: Vec<usize> = shown
        .iter()
        .map(|&i| {
            let heading = width(&one_line(&t.columns[i].label));
            match kinds[i] {
                ColumnKind::Text => natural[i].min(heading.max(TEXT_MIN)),
                ColumnKind::Bar => natural[i].min(heading.max(BAR_MIN)),
                _ => natural[i],
            }
        })
        .collect();
    let needed = row_width(mins.iter().copied());
    if needed > limit {
        return None;
    }
    let extra = limit - needed;
    let wants: Vec<usize> = shown.iter().zip(&mins).map(|(&i, m)| natural[i] - m).collect();
    let wanted: usize = wants.iter().sum();
    if wanted <= extra {
        return Some(shown.iter().map(|&i| natural[i]).collect());
    }
    let mut widths: Vec<usize> = mins.iter().zip(&wants).map(|(m, w)| m + w * extra / wanted).collect();
    // What the rounding down left, a column at a time.
    let mut left = extra - widths.iter().zip(&mins).map(|(w, m)| w - m).sum::<usize>();
    for (w, (&i, _)) in widths.iter_mut().zip(shown.iter().zip(&mins)) {
        if left > 0 && *w < natural[i] {
            *w += 1;
            left -= 1;
        }
    }
    Some(widths)
}

/// A cell's text as drawn `w` columns wide: on one line, text cut with
/// "…", a bar drawn to the width.
fn fitted<'c>(cell: &'c Cell, kind: ColumnKind, w: usize) -> Cow<'c, str> {
    if let Cell::Bar(f, _) = cell {
        return Cow::Owned(crate::report::bar(*f, w));
    }
    let text = one_line_cow(cell.shown());
    if kind == ColumnKind::Text && width(&text) > w {
        return Cow::Owned(cut(&text, w));
    }
    text
}

fn one_line_cow(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(s) => one_line(s),
        Cow::Owned(s) => Cow::Owned(one_line(&s).into_owned()),
    }
}

/// The start of a text that fits `w` columns with a "…" after it.
pub fn cut(text: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
}

/// The `UTF8_FULL_CONDENSED` box, drawn a row at a time.
struct Boxed<'a> {
    t: &'a Table<'a>,
    kinds: &'a [ColumnKind],
    /// (column, width) of the columns drawn, in order.
    columns: Vec<(usize, usize)>,
    color: bool,
}

impl Boxed<'_> {
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        self.rule(out, ['┌', '─', '┬', '┐'])?;
        let header: Vec<(Cow<str>, Tone, bool)> = (self.columns.iter())
            .map(|&(i, _)| (one_line(&self.t.columns[i].label), Tone::Plain, false))
            .collect();
        self.row(out, header, true)?;
        self.rule(out, ['╞', '═', '╪', '╡'])?;
        // The rows are drawn on every core, a chunk at a time, and written
        // in order.
        let len = self.t.rows.len();
        for start in (0..len).step_by(ROWS_PER_TASK * 8) {
            let end = len.min(start + ROWS_PER_TASK * 8);
            let drawn: Vec<Vec<u8>> = ((start..end).into_par_iter().with_min_len(ROWS_PER_TASK))
                .map(|i| {
                    let mut line = Vec::with_capacity(256);
                    match self.t.rows.get(i) {
                        Some(row) => self.row(&mut line, self.cells(&row), false).map(|()| line),
                        None => Ok(line),
                    }
                })
                .collect::<io::Result<_>>()?;
            for line in drawn {
                out.write_all(&line)?;
            }
        }
        if let Some(total) = &self.t.total {
            self.row(out, self.cells(total), true)?;
        }
        self.rule(out, ['└', '─', '┴', '┘'])
    }

    fn cells<'c>(&self, row: &'c [Cell]) -> Vec<(Cow<'c, str>, Tone, bool)> {
        self.columns
            .iter()
            .map(|&(i, w)| match row.get(i) {
                Some(c) => (fitted(c, self.kinds[i], w), c.tone(), c.is_numeric()),
                None => (Cow::Borrowed(""), Tone::Plain, false),
            })
            .collect()
    }

    fn rule(&self, out: &mut dyn Write, [left, line, join, right]: [char; 4]) -> io::Result<()> {
        let mut text = String::new();
        text.push(left);
        for (n, (_, w)) in self.columns.iter().enumerate() {
            if n > 0 {
                text.push(join);
            }
            text.extend(std::iter::repeat_n(line, w + 2));
        }
        text.push(right);
        writeln!(out, "{text}")
    }

    fn row(&self, out: &mut dyn Write, cells: Vec<(Cow<'_, str>, Tone, bool)>, bold: bool) -> io::Result<()> {
        out.write_all("│".as_bytes())?;
        for (n, ((i, w), (text, tone, number))) in self.columns.iter().zip(cells).enumerate() {
            if n > 0 {
                out.write_all("┆".as_bytes())?;
            }
            // A number is right-aligned wherever it is, and so is every cell
            // (and the heading) of a column of numbers.
            let pad = w.saturating_sub(width(&text));
            let right = self.kinds[*i] == ColumnKind::Number || number;
            let (before, after) = if right { (pad, 0) } else { (0, pad) };
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

/// A block per row: its id (else its first cell) as its heading, then a
/// line per other cell that holds something, `label  value`, text wrapped
/// to the screen (nothing else is ever broken); a blank line between blocks.
fn blocks(t: &Table, kinds: &[ColumnKind], screen: Screen, out: &mut dyn Write) -> io::Result<()> {
    let labels: Vec<Cow<str>> = t.columns.iter().map(|c| one_line(&c.label)).collect();
    let head = kinds.iter().position(|&k| k == ColumnKind::Id).unwrap_or(0);
    let limit = screen.width.unwrap_or(usize::MAX);
    let pad = (labels.iter().enumerate())
        .filter(|&(i, _)| i != head)
        .map(|(_, l)| width(l))
        .max()
        .unwrap_or(0)
        .min(limit / 2);
    let bar_width = BAR_WIDTH.min(limit.saturating_sub(pad + 4)).max(BAR_MIN);
    for (n, row) in t.rows_and_total().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let first = row.get(head).map(|c| one_line_cow(c.shown())).unwrap_or_default();
        let heading = if first.is_empty() {
            // A totals row without an id: its first words.
            row.iter()
                .map(|c| one_line_cow(c.shown()))
                .find(|s| !s.is_empty())
                .unwrap_or_default()
        } else {
            first
        };
        if screen.color {
            writeln!(out, "\x1b[1m{heading}\x1b[0m")?;
        } else {
            writeln!(out, "{heading}")?;
        }
        for (i, cell) in row.iter().enumerate() {
            let value = match cell {
                _ if i == head => continue,
                Cell::Empty => continue,
                Cell::Bar(f, _) => crate::report::bar(*f, bar_width),
                c => c.display(),
            };
            if value.is_empty() || value == heading {
                continue;
            }
            let label = &labels[i];
            let wraps = kinds[i] == ColumnKind::Text;
            let line_screen = if wraps {
                screen
            } else {
                Screen { width: None, ..screen }
            };
            write_labelled(out, 2, label, pad.max(width(label)), &value, cell.tone(), line_screen)?;
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Column;
    use comfy_table::{Attribute, CellAlignment, Color, ContentArrangement, presets};

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

    /// The table as comfy-table draws it, at its natural width.
    fn comfy(t: &Table, color: bool) -> String {
        let mut table = comfy_table::Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Disabled);
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
        let numeric = t.numeric_columns();
        for (i, col) in table.column_iter_mut().enumerate() {
            if numeric[i] {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        table.to_string()
    }

    fn sample(rows: usize) -> Table<'static> {
        let tones = [Tone::Plain, Tone::Good, Tone::Warn, Tone::Bad, Tone::Dim];
        Table {
            columns: vec![
                Column::new("unit", "Đơn vị"),
                Column::state("state", "Trạng thái"),
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
            drop: crate::report::keys(&["date", "share"]),
        }
    }

    fn draw(t: &Table, width: Option<usize>) -> String {
        table(t, Screen { color: false, width })
    }

    #[test]
    fn draws_the_same_box_as_comfy_table() {
        // 10,000 rows are measured and drawn in parallel chunks; the widest
        // number is in the last one.
        for rows in [1, 7, 10_000] {
            let t = sample(rows);
            for color in [false, true] {
                let ours = table(&t, Screen { color, width: None }) + "\n";
                let theirs = comfy(&t, color) + "\n";
                for (a, b) in ours.lines().zip(theirs.lines()) {
                    assert_eq!(a, b, "{rows} rows, colour {color}");
                }
                assert_eq!(ours, theirs, "{rows} rows, colour {color}");
            }
        }
    }

    #[test]
    fn rows_made_as_they_are_read_draw_as_rows_built() {
        let built = sample(9_000);
        let rows: Vec<Vec<Cell>> = built.rows.iter().map(|r| r.into_owned()).collect();
        let made = Table {
            rows: crate::report::Rows::made(rows.len(), |i| rows[i].clone()),
            ..sample(0)
        };
        assert_eq!(draw(&made, None), draw(&built, None));
        assert_eq!(draw(&made, Some(70)), draw(&built, Some(70)));
    }

    #[test]
    fn a_narrow_screen_cuts_text_drops_columns_then_prints_blocks() {
        let mut t = sample(5);
        let mut rows: Vec<Vec<Cell>> = t.rows.iter().map(|r| r.into_owned()).collect();
        rows[0][0] = Cell::text("Ủy ban nhân dân xã Tân Khánh Trung, huyện Lấp Vò, tỉnh Đồng Tháp");
        t.rows = rows.into();
        let all: Vec<usize> = (0..t.columns.len()).collect();
        let natural = row_width(natural_widths(&t, &t.kinds(), &all));
        assert_eq!(draw(&t, Some(natural)), draw(&t, None));
        // Narrower: the text is cut on one line, every other cell whole.
        let cut_table = draw(&t, Some(natural - 20));
        assert!(cut_table.lines().all(|l| width(l) <= natural - 20), "{cut_table}");
        assert!(
            cut_table.contains("Ủy ban nhân dân xã Tân Khánh Trung, huyện L…"),
            "{cut_table}"
        );
        assert!(cut_table.contains("Tỷ lệ") && cut_table.contains("-50"));
        // Narrower still: `date` goes first, then `share`.
        let dropped = draw(&t, Some(60));
        assert!(dropped.lines().all(|l| width(l) <= 60), "{dropped}");
        assert!(!dropped.contains("Ngày"), "{dropped}");
        assert!(dropped.contains("Trạng thái"));
        // Below 60 columns: a block per row, nothing cut.
        let blocks = draw(&t, Some(40));
        assert!(
            blocks.starts_with(
                "Ủy ban nhân dân xã Tân Khánh Trung, huyện Lấp Vò, tỉnh Đồng Tháp\n  Trạng thái  quá hạn\n"
            ),
            "{blocks}"
        );
        assert!(
            blocks.lines().all(|l| width(l) <= 40 || !l.starts_with(' ')),
            "{blocks}"
        );
        assert!(blocks.contains("\n\nTổng cộng\n"));
    }

    #[test]
    fn bars_shrink_with_the_screen() {
        let t = Table {
            columns: vec![Column::text("title", "Chỉ tiêu"), Column::new("bar", "Tiến độ")],
            rows: vec![vec![Cell::text("x".repeat(60)), Cell::Bar(0.5, Tone::Plain)]].into(),
            ..Default::default()
        };
        let wide = draw(&t, None);
        assert!(
            wide.contains(&format!("{}{}", "█".repeat(10), "·".repeat(10))),
            "{wide}"
        );
        let narrow = draw(&t, Some(60));
        assert!(narrow.lines().all(|l| width(l) <= 60), "{narrow}");
        assert!(narrow.contains("█·"), "{narrow}");
    }

    #[test]
    fn a_line_break_or_a_control_never_reaches_the_screen() {
        let t = Table {
            columns: vec![Column::id("id", "Mã"), Column::text("title", "Nội dung")],
            rows: vec![vec![
                Cell::text("a\u{1b}[2J"),
                Cell::text("hai\ndòng\r\u{7}\u{202E}cuối"),
            ]]
            .into(),
            ..Default::default()
        };
        let drawn = draw(&t, None);
        assert!(drawn.contains("│ a␛[2J ┆ hai dòng␍␇\u{FFFD}cuối │"), "{drawn}");
        assert!(!drawn.contains(['\u{1b}', '\r', '\u{7}', '\u{202E}']));
    }
}
