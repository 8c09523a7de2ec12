//! `targets.toml`: the targets to 2025 and how each is measured.

use super::keywords::*;
use super::{FileId, Span};
use chrono::NaiveDate;
use serde::Serialize;

/// One target of the resolution.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub id: String,
    #[serde(skip)]
    pub file: FileId,
    #[serde(skip)]
    pub span: Span,
    pub title: String,
    pub deadline: NaiveDate,
    #[serde(skip)]
    pub deadline_span: Span,
    pub goal: f64,
    pub direction: Direction,
    pub baseline: Option<Baseline>,
    pub measure: Measure,
    #[serde(rename = "observation")]
    pub observations: Vec<Observation>,
    /// Optional unit of the value ("%", "hộ"), shown after numbers.
    pub unit: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Baseline {
    pub value: f64,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct Observation {
    pub date: NaiveDate,
    pub value: f64,
    pub note: Option<String>,
}

/// How a target's actual value is computed (SPEC section 2, targets.toml).
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "measure", rename_all = "kebab-case")]
pub enum Measure {
    /// Records of a kind that match, optionally in the as-of date's period.
    Count {
        kind: Kind,
        filter: Filter,
        within: Option<Granularity>,
    },
    /// Percentage of the records matching `filter` that also match `success`.
    Share {
        kind: Kind,
        filter: Filter,
        success: Filter,
    },
    /// Percentage of current units with at least `min` matching records.
    Coverage {
        kind: Kind,
        filter: Filter,
        min: u32,
        within: Option<Granularity>,
    },
    /// The share of months (or quarters) in the target's span, up to the
    /// as-of date, that hold at least `min` matching records: a standard
    /// kept month by month (Quy định 11-QĐi/TW: the head of a committee
    /// receives citizens at least one day a month; a commune's, two). The
    /// span starts at `from`, else the day after the baseline, else the
    /// month of the first record of the kind.
    Every {
        kind: Kind,
        filter: Filter,
        min: u32,
        /// `month` or `quarter`.
        every: Granularity,
        from: Option<NaiveDate>,
    },
    /// Sum of a numeric indicator over matching records.
    Sum {
        kind: Kind,
        indicator: String,
        filter: Filter,
    },
    /// Values observed by hand, `[[target.observation]]`.
    Manual,
}

impl Measure {
    pub fn name(&self) -> &'static str {
        match self {
            Measure::Count { .. } => "count",
            Measure::Share { .. } => "share",
            Measure::Coverage { .. } => "coverage",
            Measure::Every { .. } => "every",
            Measure::Sum { .. } => "sum",
            Measure::Manual => "manual",
        }
    }

    pub fn kind(&self) -> Option<Kind> {
        match self {
            Measure::Count { kind, .. }
            | Measure::Share { kind, .. }
            | Measure::Coverage { kind, .. }
            | Measure::Every { kind, .. }
            | Measure::Sum { kind, .. } => Some(*kind),
            Measure::Manual => None,
        }
    }

    /// The `where` filter (empty for a manual measure).
    pub fn filter(&self) -> Option<&Filter> {
        match self {
            Measure::Count { filter, .. }
            | Measure::Share { filter, .. }
            | Measure::Coverage { filter, .. }
            | Measure::Every { filter, .. }
            | Measure::Sum { filter, .. } => Some(filter),
            Measure::Manual => None,
        }
    }

    /// Whether the actual value is a percentage.
    pub fn is_percent(&self) -> bool {
        matches!(
            self,
            Measure::Share { .. } | Measure::Coverage { .. } | Measure::Every { .. }
        )
    }
}

/// A `where` table: every clause must match (a clause's values: any of).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Filter {
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Clause {
    pub key: String,
    pub values: Vec<FilterValue>,
    /// Where each value is written, parallel to `values`.
    #[serde(skip)]
    pub spans: Vec<Span>,
    /// Where the clause's value (one, or the list) is written.
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FilterValue {
    Text(String),
    Bool(bool),
    Int(i64),
}

impl std::fmt::Display for FilterValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FilterValue::Text(s) => write!(f, "\"{s}\""),
            FilterValue::Bool(b) => write!(f, "{b}"),
            FilterValue::Int(i) => write!(f, "{i}"),
        }
    }
}
