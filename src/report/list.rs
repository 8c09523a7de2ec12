//! `danvan list KIND`: one line per record, with the shared filters.

use super::{Body, Cell, Column, Document, Report, Rows, Section, Table, Tone, keys};
use crate::domain::query::Query;
use crate::domain::snapshot::{Item, Snapshot};
use crate::i18n::{Label, label_of, tr, word};
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SortBy {
    #[default]
    Date,
    Id,
    Title,
    Status,
    Deadline,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub date: NaiveDate,
    pub title: String,
    pub units: Vec<String>,
    pub orgs: Vec<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// Petitions: the deadline that matters now; tasks: the due date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// Petitions: whether `deadline` rests on the statutory days off of a
    /// year the calendar does not list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognition: Option<Recognition>,
}

#[derive(Debug, Clone, Serialize)]
pub struct List {
    pub kind: Kind,
    pub as_of: NaiveDate,
    pub rows: Vec<Row>,
    #[serde(skip)]
    unit_names: Vec<(String, String)>,
}

pub fn list(snap: &Snapshot<'_>, kind: Kind, query: &Query, sort: SortBy) -> List {
    let mut rows: Vec<Row> = snap
        .items(kind)
        .filter(|i| query.matches(i))
        .map(|item| {
            let (deadline, days_left, provisional) = match &item {
                Item::Petition(_, s) => (s.current_deadline(), s.days_left, Some(s.provisional)),
                Item::Task(_, _, c, s) => (c.due.as_ref().map(|d| d.value), s.days_left, None),
                _ => (None, None, None),
            };
            Row {
                id: item.id().into_owned(),
                date: item.date(),
                title: item.title().to_owned(),
                units: item.units().iter().map(|u| u.value.clone()).collect(),
                orgs: item.orgs().into_iter().map(str::to_owned).collect(),
                kind: item.type_str(),
                status: item.status_str(),
                deadline,
                days_left,
                provisional,
                recognition: item.recognition_on(snap.as_of),
            }
        })
        .collect();
    match sort {
        SortBy::Date => {}
        SortBy::Id => rows.sort_by(|a, b| a.id.cmp(&b.id)),
        SortBy::Title => rows.sort_by_cached_key(|r| crate::text::fold(&r.title)),
        SortBy::Status => rows.sort_by(|a, b| (a.status, a.date).cmp(&(b.status, b.date))),
        SortBy::Deadline => rows.sort_by_key(|r| (r.deadline.is_none(), r.deadline, r.date)),
    }
    let unit_names = snap
        .ws
        .config
        .units
        .iter()
        .map(|u| {
            (
                u.id.value.clone(),
                crate::i18n::unit_name(&snap.ws.config, &u.id.value).into_owned(),
            )
        })
        .collect();
    List {
        kind,
        as_of: snap.as_of,
        rows,
        unit_names,
    }
}

impl Report for List {
    fn document(&self) -> Document<'_> {
        let unit_name = |id: &str| {
            self.unit_names
                .iter()
                .find(|(u, _)| u == id)
                .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
        };
        let mut columns = vec![
            Column::id("id", word("Mã", "Id")),
            Column::date("date", word("Ngày", "Date")),
        ];
        let has_type = matches!(self.kind, Kind::Meeting | Kind::Petition);
        let has_deadline = matches!(self.kind, Kind::Petition | Kind::Conclusion);
        if has_type {
            columns.push(Column::state("type", word("Loại", "Type")));
        }
        columns.push(Column::text("title", word("Nội dung", "Title")));
        columns.push(Column::text("units", word("Đơn vị", "Units")));
        if self.kind != Kind::Meeting {
            columns.push(Column::state("status", word("Trạng thái", "Status")));
        }
        if has_deadline {
            columns.push(Column::date("deadline", word("Hạn", "Deadline")));
            if self.kind == Kind::Petition {
                columns.push(Column::machine("provisional", word("Hạn tạm tính", "Provisional")));
            }
            columns.push(Column::number("days_left", word("Còn (ngày)", "Days left")));
        }
        if self.kind == Kind::Model {
            columns.push(Column::state("recognition", word("Dân vận khéo", "Dân vận khéo")));
        }
        // Rows are made as they are printed: the list may be long.
        let rows = Rows::made(self.rows.len(), move |i| {
            let r = &self.rows[i];
            let mut row = vec![Cell::text(&r.id), Cell::Date(r.date)];
            if has_type {
                row.push(r.kind.map_or(Cell::Empty, |k| Cell::key(k, label_of(k))));
            }
            row.push(Cell::text(&r.title));
            // Names on screen, ids (`;` between them) for machines.
            row.push(Cell::key(
                r.units.join(";"),
                r.units.iter().map(|u| unit_name(u)).collect::<Vec<_>>().join(", "),
            ));
            if self.kind != Kind::Meeting {
                let label = match (self.kind, r.status) {
                    (Kind::Conclusion, Some(s)) => TaskState::parse(s).map_or(s, |t| t.label()).to_owned(),
                    (_, Some(s)) => label_of(s),
                    (_, None) => String::new(),
                };
                let tone = match r.status {
                    Some("overdue" | "acceptance-overdue") => Tone::Bad,
                    Some("due-soon") => Tone::Warn,
                    Some("resolved-late" | "done-late") => Tone::Dim,
                    _ => Tone::Plain,
                };
                row.push(Cell::toned_key(r.status.unwrap_or_default(), label, tone));
            }
            if has_deadline {
                let provisional = r.provisional == Some(true);
                row.push(Cell::opt_deadline(r.deadline, provisional));
                if self.kind == Kind::Petition {
                    row.push(Cell::flag(provisional));
                }
                row.push(r.days_left.map_or(Cell::Empty, Cell::Int));
            }
            if self.kind == Kind::Model {
                row.push(r.recognition.map_or(Cell::Empty, |x| Cell::key(x.as_str(), x.label())));
            }
            row
        });
        let notes = super::provisional_notes(
            self.rows
                .iter()
                .any(|r| r.provisional == Some(true) && r.deadline.is_some()),
        );
        Document {
            title: self.kind.label().to_owned(),
            subtitle: Some(tr!(
                "{} hồ sơ · tính đến ngày {}",
                "{} record(s) · as of {}",
                self.rows.len(),
                super::format_date(self.as_of)
            )),
            sections: std::iter::once(Section {
                key: "list",
                heading: None,
                body: Body::Table(Table {
                    columns,
                    rows,
                    total: None,
                    empty: Some(tr!("Không có hồ sơ nào khớp.", "No records match.")),
                    drop: keys(&["units", "date", "type", "days_left", "recognition", "deadline"]),
                }),
            })
            .chain(notes)
            .collect(),
        }
    }
}
