//! `danvan export --format xlsx`: the export's tables as one workbook, a
//! sheet per kind, with typed cells: the same columns and values as the
//! CSV files, but dates as dates and numbers as numbers.

use super::export;
use super::{Body, Cell, Column, Document, Section, Table};
use crate::domain::snapshot::Snapshot;
use chrono::NaiveDate;
use serde_json::Value;

/// One section (sheet) per kind, named by the kind, headed by the export's
/// stable column names (which `danvan import` reads back).
pub fn document(snap: &Snapshot<'_>, parts: &[export::Part]) -> Document<'static> {
    let sections = parts
        .iter()
        .map(|&part| {
            let table = table(&export::table_of(snap, part));
            Section {
                key: part.name(),
                heading: Some(part.name().to_owned()),
                body: Body::Table(table),
            }
        })
        .collect();
    Document {
        title: String::new(),
        subtitle: None,
        sections,
    }
}

fn table(export: &export::Table) -> Table<'static> {
    let columns = export.columns.iter().map(|c| Column::new(*c, *c)).collect();
    let rows: Vec<Vec<Cell>> = export.rows.iter().map(|row| row.iter().map(typed).collect()).collect();
    Table {
        columns,
        rows: rows.into(),
        total: None,
        empty: None,
        drop: Vec::new(),
    }
}

/// A JSON value of a row as a typed cell: ISO dates as dates, numbers as
/// numbers, lists and maps as the CSV writes them.
fn typed(v: &Value) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::String(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) if s.len() == 10 => Cell::Date(d),
            _ => Cell::text(s.clone()),
        },
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Cell::Int(i),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => Cell::Int(f as i64),
            (None, Some(f)) => Cell::Num(f, 2),
            _ => Cell::text(n.to_string()),
        },
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => {
            let text = export::flat_text(v);
            if text.is_empty() { Cell::Empty } else { Cell::text(text) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_typed() {
        assert_eq!(
            typed(&serde_json::json!("2023-03-05")),
            Cell::Date(NaiveDate::from_ymd_opt(2023, 3, 5).unwrap())
        );
        assert_eq!(typed(&serde_json::json!(12)), Cell::Int(12));
        assert_eq!(typed(&serde_json::json!(["a", "b"])), Cell::text("a;b"));
        assert_eq!(typed(&serde_json::json!([])), Cell::Empty);
        assert_eq!(typed(&serde_json::json!(true)), Cell::text("true"));
    }
}
