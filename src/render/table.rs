//! Tables for the terminal (comfy-table), sized to it, numbers right-aligned.

use crate::report::{Body, Cell, Document, Table, Tone};
use comfy_table::{Attribute, CellAlignment, Color, ContentArrangement, presets};
use std::fmt::Write;

pub fn document(doc: &Document, color: bool) -> String {
    let mut out = String::new();
    let bold = |s: &str| {
        if color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let _ = writeln!(out, "{}", bold(&doc.title));
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(out, "{sub}");
    }
    for section in &doc.sections {
        out.push('\n');
        if let Some(h) = &section.heading {
            let _ = writeln!(out, "{}", bold(h));
        }
        match &section.body {
            Body::Table(t) => {
                let _ = writeln!(out, "{}", table(t, color));
            }
            Body::Facts(facts) => {
                let width = facts.iter().map(|f| crate::text::width(&f.label)).max().unwrap_or(0);
                for f in facts {
                    let pad = width - crate::text::width(&f.label);
                    let value = paint(&f.value.display(), f.value.tone(), color);
                    let _ = writeln!(out, "  {}{}  {value}", f.label, " ".repeat(pad));
                }
            }
            Body::Text(paragraphs) => {
                for p in paragraphs {
                    let _ = writeln!(out, "  {p}");
                }
            }
        }
    }
    out
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

fn cell(c: &Cell, color: bool) -> comfy_table::Cell {
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

/// `COLUMNS` when set; on a terminal comfy-table asks the terminal itself.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}

pub fn table(t: &Table, color: bool) -> String {
    if t.rows.is_empty()
        && let Some(empty) = &t.empty
    {
        return format!("  {empty}");
    }
    let mut table = comfy_table::Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = terminal_width() {
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
    for row in &t.rows {
        table.add_row(row.iter().map(|c| cell(c, color)));
    }
    if let Some(total) = &t.total {
        table.add_row(total.iter().map(|c| cell(c, color).add_attribute(Attribute::Bold)));
    }
    // Right-align numeric columns' headers too, so numbers and headings line up.
    for (i, col) in table.column_iter_mut().enumerate() {
        let numeric = t.rows.first().and_then(|r| r.get(i)).is_some_and(Cell::is_numeric);
        if numeric {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    table.to_string()
}
