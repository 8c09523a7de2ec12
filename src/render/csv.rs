//! CSV (RFC 4180, UTF-8, header row). A report with one table prints that
//! table with English column keys; a report of several tables prints the
//! long form `section,row,column,value`, which every spreadsheet can pivot.

use crate::report::{Body, Document, Table};

fn write(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

pub fn table(t: &Table) -> String {
    let header = t.columns.iter().map(|c| c.key.clone()).collect();
    let body = t
        .rows
        .iter()
        .chain(&t.total)
        .map(|r| r.iter().map(|c| c.raw()).collect());
    write(std::iter::once(header).chain(body))
}

pub fn document(doc: &Document) -> String {
    let tables: Vec<&Table> = doc
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    if tables.len() == 1 {
        return table(tables[0]);
    }
    let mut rows = vec![vec![
        "section".to_owned(),
        "row".to_owned(),
        "column".to_owned(),
        "value".to_owned(),
    ]];
    for s in &doc.sections {
        match &s.body {
            Body::Table(t) => {
                for (i, r) in t.rows.iter().chain(&t.total).enumerate() {
                    for (c, cell) in t.columns.iter().zip(r) {
                        rows.push(vec![s.key.to_owned(), (i + 1).to_string(), c.key.clone(), cell.raw()]);
                    }
                }
            }
            Body::Facts(facts) => {
                for (i, f) in facts.iter().enumerate() {
                    rows.push(vec![
                        s.key.to_owned(),
                        (i + 1).to_string(),
                        f.key.clone(),
                        f.value.raw(),
                    ]);
                }
            }
            Body::Text(ps) => {
                for (i, p) in ps.iter().enumerate() {
                    rows.push(vec![
                        s.key.to_owned(),
                        (i + 1).to_string(),
                        "text".to_owned(),
                        p.clone(),
                    ]);
                }
            }
        }
    }
    write(rows)
}
