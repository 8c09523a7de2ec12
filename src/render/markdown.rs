//! GitHub-flavoured Markdown: headings and pipe tables.

use super::escape::markdown_inline;
use crate::report::{Body, Document, Table};
use std::io::{self, Write};

pub fn table(t: &Table) -> String {
    super::to_string(|out| write_table(t, out))
}

pub fn write_table(t: &Table, out: &mut dyn Write) -> io::Result<()> {
    let people = t.for_people();
    let t = people.as_ref().unwrap_or(t);
    if t.rows.is_empty()
        && let Some(empty) = &t.empty
    {
        return writeln!(out, "_{}_", markdown_inline(empty));
    }
    let header: Vec<_> = t.columns.iter().map(|c| markdown_inline(&c.label)).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    let align: Vec<&str> = t
        .numeric_columns()
        .into_iter()
        .map(|numeric| if numeric { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", align.join("|"))?;
    for row in t.rows.iter() {
        let cells: Vec<String> = row.iter().map(|c| markdown_inline(&c.display()).into_owned()).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    if let Some(total) = &t.total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| {
                let s = markdown_inline(&c.display()).into_owned();
                if s.is_empty() { s } else { format!("**{s}**") }
            })
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

pub fn document(doc: &Document) -> String {
    super::to_string(|out| write_document(doc, out))
}

pub fn write_document(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}", markdown_inline(&doc.title))?;
    if let Some(sub) = &doc.subtitle {
        write!(out, "\n{}\n", markdown_inline(sub))?;
    }
    for s in &doc.sections {
        writeln!(out)?;
        if let Some(h) = &s.heading {
            writeln!(out, "## {}\n", markdown_inline(h))?;
        }
        match &s.body {
            Body::Table(t) => write_table(t, out)?,
            Body::Facts(facts) => {
                for f in facts {
                    writeln!(
                        out,
                        "- **{}**: {}",
                        markdown_inline(&f.label),
                        markdown_inline(&f.value.display())
                    )?;
                }
            }
            Body::Text(ps) => {
                for p in ps {
                    writeln!(out, "{}\n", markdown_inline(p))?;
                }
            }
        }
    }
    Ok(())
}
