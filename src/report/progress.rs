//! `danvan progress`: every target against its goal, as of a date.

use super::{Cell, Column, Table, Tone};
use crate::i18n::{Label, word};
use crate::model::*;
use serde::Serialize;

/// One target in a line, for the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub id: String,
    pub title: String,
    pub actual: Option<f64>,
    pub goal: f64,
    pub direction: Direction,
    /// Whether values are percentages.
    pub percent: bool,
    /// Actual as a share of the goal, in percent (for at-most: goal ÷ actual).
    pub percent_of_goal: Option<f64>,
    pub status: TargetStatus,
}

pub fn status_tone(s: TargetStatus) -> Tone {
    match s {
        TargetStatus::Achieved | TargetStatus::OnTrack => Tone::Good,
        TargetStatus::Behind => Tone::Warn,
        TargetStatus::Missed => Tone::Bad,
        TargetStatus::NoData => Tone::Dim,
    }
}

/// A value as the target reads it: "72,6%" or "1.234".
pub fn value_cell(v: Option<f64>, percent: bool) -> Cell {
    match v {
        None => Cell::Empty,
        Some(v) if percent => Cell::Percent(v),
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => Cell::Int(v as i64),
        Some(v) => Cell::Num(v, 1),
    }
}

pub fn headline_table(items: &[Headline]) -> Table {
    Table {
        columns: vec![
            Column::new("id", word("Mã", "Id")),
            Column::new("title", word("Chỉ tiêu", "Target")),
            Column::new("actual", word("Thực hiện", "Actual")),
            Column::new("goal", word("Mục tiêu", "Goal")),
            Column::new("bar", word("Tiến độ", "Progress")),
            Column::new("status", word("Đánh giá", "Status")),
        ],
        rows: items
            .iter()
            .map(|h| {
                let tone = status_tone(h.status);
                vec![
                    Cell::text(&h.id),
                    Cell::text(super::status::truncate(&h.title, 50)),
                    value_cell(h.actual, h.percent),
                    value_cell(Some(h.goal), h.percent),
                    Cell::Bar(h.percent_of_goal.unwrap_or(0.0) / 100.0, tone),
                    Cell::toned(h.status.label(), tone),
                ]
            })
            .collect(),
        total: None,
        empty: None,
    }
}

