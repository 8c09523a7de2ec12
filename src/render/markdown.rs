//! GitHub-flavoured Markdown: headings and pipe tables.

use crate::report::{Body, Document, Table};
use std::fmt::Write;

fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

pub fn table(t: &Table) -> String {
    let mut out = String::new();
    if t.rows.is_empty()
        && let Some(empty) = &t.empty
    {
        return format!("_{}_\n", escape(empty));
    }
    let header: Vec<String> = t.columns.iter().map(|c| escape(&c.label)).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let align: Vec<&str> = (0..t.columns.len())
        .map(|i| {
            let numeric = t.rows.first().and_then(|r| r.get(i)).is_some_and(|c| c.is_numeric());
            if numeric { "---:" } else { "---" }
        })
        .collect();
    let _ = writeln!(out, "|{}|", align.join("|"));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| escape(&c.display())).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if let Some(total) = &t.total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| {
                let s = escape(&c.display());
                if s.is_empty() { s } else { format!("**{s}**") }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

pub fn document(doc: &Document) -> String {
    let mut out = format!("# {}\n", escape(&doc.title));
    if let Some(sub) = &doc.subtitle {
        let _ = write!(out, "\n{}\n", escape(sub));
    }
    for s in &doc.sections {
        out.push('\n');
        if let Some(h) = &s.heading {
            let _ = writeln!(out, "## {}\n", escape(h));
        }
        match &s.body {
            Body::Table(t) => out.push_str(&table(t)),
            Body::Facts(facts) => {
                for f in facts {
                    let _ = writeln!(out, "- **{}**: {}", escape(&f.label), escape(&f.value.display()));
                }
            }
            Body::Text(ps) => {
                for p in ps {
                    let _ = writeln!(out, "{}\n", escape(p));
                }
            }
        }
    }
    out
}
