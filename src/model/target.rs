//! `targets.toml`: the targets to 2025 and how each is measured.
//!
//! [`Target`], [`Baseline`] and [`Observation`] are written with
//! `record!`: the loader reads them, and the JSON Schema describes them,
//! from these definitions. A measure's shape depends on which key it has,
//! so it is read by the loader's `Source::measure`; the shapes it can take
//! in the file are described once, by the structs at the end of this file,
//! which give the schema and the keys the loader accepts
//! ([`MeasureShapes::keys`]).

use super::keywords::*;
use super::{FileId, Sp, Span};
use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;
use std::borrow::Cow;

/// `targets.toml`: the targets of the resolution, each with its measure.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "danvan targets.toml")]
#[allow(dead_code)]
pub struct TargetsFile {
    /// The targets of the resolution. — Các chỉ tiêu.
    #[serde(default, rename = "target")]
    targets: Vec<Target>,
}

crate::record! {
    /// One target. — Một chỉ tiêu.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Target {
        /// Short id ("dvk-models"). — Mã chỉ tiêu.
        pub id: String,
        /// What the target is. — Tên chỉ tiêu.
        pub title: String,
        /// When the goal must be reached. — Thời hạn.
        pub deadline: Sp<NaiveDate>,
        /// The value to reach (or stay under). — Mức chỉ tiêu.
        pub goal: f64,
        /// at-least (default) | at-most. — Chiều đánh giá.
        #[serde(default)]
        pub direction: Direction { or: (Direction::AtLeast) },
        /// The starting point of the straight line to the goal. — Giá trị gốc.
        pub baseline: Option<Baseline>,
        /// How the actual value is computed. — Cách đo.
        #[schemars(with = "MeasureShapes")]
        pub measure: Measure,
        /// Values observed by hand, for `measure = "manual"`. — Số liệu quan sát.
        #[serde(default, rename = "observation")]
        pub observations: Vec<Observation> { key: "observation" },
        /// Unit shown after the numbers ("%", "hộ"). — Đơn vị tính.
        pub unit: Option<String>,
        /// Where the target comes from. — Nguồn.
        pub source: Option<String>,
        /// Note. — Ghi chú.
        pub note: Option<String>;
        /// The file it is in.
        #[serde(skip)]
        #[schemars(skip)]
        pub file: FileId,
        /// Where its `[[target]]` table is written.
        #[serde(skip)]
        #[schemars(skip)]
        pub span: Span,
    }
}

crate::record! {
    /// `{ value, date }`. — Giá trị gốc và ngày.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Baseline {
        /// Giá trị.
        pub value: f64,
        /// Ngày.
        pub date: NaiveDate,
    }
}

crate::record! {
    /// `[[target.observation]]`. — Một lần quan sát.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Observation {
        /// Ngày.
        pub date: NaiveDate,
        /// Giá trị.
        pub value: f64,
        /// Ghi chú.
        pub note: Option<String>,
    }
}

/// A measure is read by the loader's `Source::measure`: its shape
/// depends on which key it has (see [`MeasureShapes`]).
impl super::fields::FieldType for Measure {
    fn read(src: &mut dyn super::fields::Source, key: &'static str) -> Option<Self> {
        src.measure(key)
    }
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

// ── The shapes of a measure in targets.toml (SPEC section 2) ───────────────
// They describe the file (for the schema and the keys the loader accepts);
// none is built, so their fields are never read.

/// count, share, coverage, every, sum (over a kind of record) or manual. — Cách đo.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum MeasureShapes {
    Count(CountMeasure),
    Share(ShareMeasure),
    Coverage(CoverageMeasure),
    Every(EveryMeasure),
    Sum(SumMeasure),
    Manual(ManualMeasure),
    ManualWord(ManualWord),
}

/// Records of a kind that match `where` (in the as-of date's period with `within`). — Đếm hồ sơ.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct CountMeasure {
    /// models | meetings | petitions | conclusions.
    count: Kind,
    #[serde(rename = "where")]
    filter: Option<Where>,
    /// Count only in the as-of date's year, half, quarter or month. — Tính trong kỳ.
    within: Option<Granularity>,
}

/// The percentage of records matching `where` that also match `success`. — Tỷ lệ.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ShareMeasure {
    /// models | meetings | petitions | conclusions.
    share: Kind,
    /// The denominator. — Mẫu số.
    #[serde(rename = "where")]
    filter: Option<Where>,
    /// The numerator's extra filter. — Điều kiện đạt.
    success: Where,
}

/// The percentage of current units with at least `min` matching records. — Độ bao phủ đơn vị.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct CoverageMeasure {
    /// models | meetings | petitions | conclusions.
    coverage: Kind,
    #[serde(rename = "where")]
    filter: Option<Where>,
    /// Records a unit needs (default 1). — Số hồ sơ tối thiểu.
    #[schemars(range(min = 1))]
    min: Option<u32>,
    /// Count only in the as-of date's year, half, quarter or month. — Tính trong kỳ.
    within: Option<Granularity>,
}

/// The share of months (or quarters) from `from` to the as-of date that hold at least
/// `min` records of `count` matching `where` (Quy định 11-QĐi/TW: the head receives
/// citizens at least one day a month). — Tỷ lệ tháng (quý) đạt.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct EveryMeasure {
    /// month | quarter. — Theo tháng hoặc quý.
    every: EveryPeriod,
    /// models | meetings | petitions | conclusions.
    count: Kind,
    #[serde(rename = "where")]
    filter: Option<Where>,
    /// Records a month (quarter) needs (default 1). — Số hồ sơ tối thiểu mỗi kỳ.
    #[schemars(range(min = 1))]
    min: Option<u32>,
    /// The first day of the span (default: the day after the baseline, else the first record). — Tính từ ngày.
    from: Option<NaiveDate>,
}

/// The periods an `every` measure goes through.
#[derive(JsonSchema)]
#[allow(dead_code)]
pub enum EveryPeriod {
    #[serde(rename = "month")]
    Month,
    #[serde(rename = "quarter")]
    Quarter,
}

/// The sum of a numeric indicator of models. — Tổng chỉ số.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct SumMeasure {
    /// "models.indicators.NAME".
    #[schemars(regex(pattern = r"^models\.indicators\.[^.]+$"))]
    sum: String,
    #[serde(rename = "where")]
    filter: Option<Where>,
}

/// Values observed by hand, from `[[target.observation]]`. — Nhập tay.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ManualMeasure {
    manual: bool,
}

/// `measure = "manual"`.
#[derive(JsonSchema)]
#[allow(dead_code)]
pub enum ManualWord {
    #[serde(rename = "manual")]
    Manual,
}

/// A `where` table: every key must match; a list means any of its values.
/// Keys are record fields and derived states (`state`). — Điều kiện lọc.
pub struct Where;

impl JsonSchema for Where {
    fn schema_name() -> Cow<'static, str> {
        "Where".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut keys: Vec<&str> = [Kind::Model, Kind::Meeting, Kind::Petition, Kind::Conclusion]
            .iter()
            .flat_map(|&k| super::filter::keys_for(k).into_iter().map(|(key, _)| key))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let scalar = json_schema!({ "type": ["string", "boolean", "integer"] });
        json_schema!({
            "description": "A filter: every key must match; a list means any of its values. — Điều kiện lọc.",
            "type": "object",
            "propertyNames": { "enum": keys },
            "additionalProperties": {
                "anyOf": [scalar, { "type": "array", "items": scalar }]
            }
        })
    }
}

impl MeasureShapes {
    /// The keys a measure of `name` (count, share, coverage, every, sum,
    /// manual) may have, as its shape above describes them.
    pub fn keys(name: &str) -> Vec<String> {
        let mut generator = SchemaGenerator::default();
        let schema = match name {
            "count" => CountMeasure::json_schema(&mut generator),
            "share" => ShareMeasure::json_schema(&mut generator),
            "coverage" => CoverageMeasure::json_schema(&mut generator),
            "every" => EveryMeasure::json_schema(&mut generator),
            "sum" => SumMeasure::json_schema(&mut generator),
            _ => ManualMeasure::json_schema(&mut generator),
        };
        schema
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_measure_accepts_the_keys_of_its_shape() {
        let keys = |name: &str| {
            let mut k = MeasureShapes::keys(name);
            k.sort();
            k
        };
        assert_eq!(keys("count"), ["count", "where", "within"]);
        assert_eq!(keys("share"), ["share", "success", "where"]);
        assert_eq!(keys("coverage"), ["coverage", "min", "where", "within"]);
        assert_eq!(keys("every"), ["count", "every", "from", "min", "where"]);
        assert_eq!(keys("sum"), ["sum", "where"]);
        assert_eq!(keys("manual"), ["manual"]);
    }
}
