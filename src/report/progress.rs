//! `danvan progress`: every target against its goal, as of a date, and
//! `danvan show TARGET`: how one target's figure is made. The figures come
//! from `domain::targets`; this file only lays them out.

use super::{
    Body, Cell, Column, ColumnKind, Document, Fact, Report, Section, Table, Tone, chart_top, format_date, keys,
    sparkline,
};
use crate::domain::snapshot::{Item, Snapshot};
use crate::domain::targets::{self, Detail, SeriesPoint, Timeline};
use crate::i18n::{Label, tr, word};
use crate::model::Period;
use crate::model::figures;
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;

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

/// `danvan progress`: every target as of a date, optionally with a series.
///
/// JSON keys (stable, English):
/// - `as_of`: the date (YYYY-MM-DD); `by`: `"year"`, `"half"`, `"quarter"` or null;
/// - `targets`: one object per target, in the order of targets.toml:
///   - `id`, `title`; `measure`: `count`, `share`, `coverage`, `sum` or `manual`;
///   - `direction`: `at-least` or `at-most`; `goal`: number; `deadline`: date;
///   - `baseline`: `{ value, date }` or null;
///   - `actual`: the figure on `as_of` (a percentage for share and
///     coverage), null when there is none (no-data);
///   - `percent_of_goal`: actual ÷ goal × 100 (at-most: goal ÷ actual ×
///     100, 100 when actual is 0), not capped, null without an actual;
///   - `expected`: the value due by `as_of` on the straight line from the
///     baseline to the goal on the deadline (the goal itself when there is
///     no baseline);
///   - `status`: `achieved`, `on-track`, `behind`, `missed` or `no-data`
///     (after the deadline a target is judged on its figure on the deadline);
///   - `at_deadline`: that figure, once the deadline has passed (null
///     before), so "80 against 75, missed" can be read beside `actual`;
///   - `series`: with `--by`, `[{ period, end, actual }]`: the figure at the
///     end of each period (`period` as `2023`, `2023-H1`, `2023-Q2`; `end`
///     the day it was taken); empty without `--by`.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub as_of: NaiveDate,
    pub by: Option<Granularity>,
    pub targets: Vec<TargetProgress>,
}

/// One target's line of [`Progress`] (keys documented there).
#[derive(Debug, Clone, Serialize)]
pub struct TargetProgress {
    pub id: String,
    pub title: String,
    pub measure: &'static str,
    pub direction: Direction,
    #[serde(serialize_with = "figures::one")]
    pub goal: f64,
    pub baseline: Option<Baseline>,
    #[serde(serialize_with = "figures::opt")]
    pub actual: Option<f64>,
    #[serde(serialize_with = "figures::opt")]
    pub percent_of_goal: Option<f64>,
    #[serde(serialize_with = "figures::opt")]
    pub expected: Option<f64>,
    pub status: TargetStatus,
    pub deadline: NaiveDate,
    pub series: Vec<SeriesPoint>,
    /// The figure on the deadline, when it has passed (what the status judges).
    pub at_deadline: Option<f64>,
    /// Whether values are percentages.
    #[serde(skip)]
    pub percent: bool,
}

impl TargetProgress {
    fn new(t: &Target, p: targets::Progress, series: Vec<SeriesPoint>) -> TargetProgress {
        TargetProgress {
            id: t.id.clone(),
            title: t.title.clone(),
            measure: t.measure.name(),
            direction: t.direction,
            goal: t.goal,
            baseline: t.baseline.clone(),
            actual: p.actual,
            percent_of_goal: p.percent_of_goal,
            expected: p.expected,
            status: p.status,
            deadline: t.deadline.value,
            series,
            at_deadline: p.at_deadline,
            percent: is_percent(t),
        }
    }

    fn value(&self, v: Option<f64>) -> Cell {
        value_cell(v, self.percent)
    }

    fn bar(&self) -> Cell {
        Cell::Bar(self.percent_of_goal.unwrap_or(0.0) / 100.0, status_tone(self.status))
    }

    fn status_cell(&self) -> Cell {
        Cell::toned_key(self.status.as_str(), self.status.label(), status_tone(self.status))
    }

    /// The title (a terminal too narrow for it cuts it).
    fn title_cell(&self) -> Cell {
        Cell::text(&self.title)
    }
}

/// A yes/no mark: "✓" on screen (`yes` if not empty), `true`/`false` in CSV.
fn mark(on: bool, yes: Cell, no: Cell) -> Cell {
    let (code, shown) = if on { ("true", yes) } else { ("false", no) };
    Cell::toned_key(code, shown.display(), shown.tone())
}

/// Whether a target's values are percentages: shares and coverages, and
/// any target whose `unit` is "%".
fn is_percent(t: &Target) -> bool {
    t.measure.is_percent() || t.unit.as_deref() == Some("%")
}

/// "≥" for at-least, "≤" for at-most.
fn direction_sign(d: Direction) -> &'static str {
    match d {
        Direction::AtLeast => "≥",
        Direction::AtMost => "≤",
    }
}

/// Where each target stands on the snapshot's date; with `by`, the series of
/// its figures at the end of each period (see [`targets::series`]).
pub fn progress(snap: &Snapshot<'_>, selected: &[&Target], by: Option<Granularity>) -> Progress {
    let mut timeline = Timeline::new(snap);
    let targets = selected
        .iter()
        .map(|t| {
            let p = targets::progress(&mut timeline, t, snap.as_of);
            let series = by.map_or_else(Vec::new, |g| targets::series(&mut timeline, t, g, snap.as_of));
            TargetProgress::new(t, p, series)
        })
        .collect();
    Progress {
        as_of: snap.as_of,
        by,
        targets,
    }
}

fn period_label(p: Period) -> String {
    if crate::i18n::is_en() {
        p.label_en()
    } else {
        p.label_vi()
    }
}

impl Progress {
    /// One row per target: baseline, goal, actual, expected, % of goal, bar.
    fn current_table(&self) -> Table<'_> {
        Table {
            columns: vec![
                Column::id("id", word("Mã", "Id")),
                Column::text("title", word("Chỉ tiêu", "Target")),
                Column::number("baseline", word("Gốc", "Baseline")),
                Column::state("direction", ""),
                Column::number("goal", word("Mục tiêu", "Goal")),
                Column::number("actual", word("Thực hiện", "Actual")),
                Column::number("expected", word("Dự kiến đến nay", "Expected by now")),
                Column::number("percent_of_goal", word("% mục tiêu", "% of goal")),
                Column::of(ColumnKind::Bar, "bar", word("Tiến độ", "Progress")),
                Column::state("status", word("Đánh giá", "Status")),
                Column::date("deadline", word("Hạn", "Deadline")),
            ],
            rows: self
                .targets
                .iter()
                .map(|t| {
                    vec![
                        Cell::text(&t.id),
                        t.title_cell(),
                        t.value(t.baseline.as_ref().map(|b| b.value)),
                        Cell::key(t.direction.as_str(), direction_sign(t.direction)),
                        t.value(Some(t.goal)),
                        t.value(t.actual),
                        t.value(t.expected),
                        t.percent_of_goal.map_or(Cell::Empty, Cell::Percent),
                        t.bar(),
                        t.status_cell(),
                        Cell::Date(t.deadline),
                    ]
                })
                .collect(),
            total: None,
            empty: Some(no_targets()),
            drop: keys(&[
                "deadline",
                "baseline",
                "expected",
                "bar",
                "direction",
                "percent_of_goal",
            ]),
        }
    }

    /// One row per target, one column per period, and a sparkline.
    fn series_table(&self) -> Table<'_> {
        let mut periods: Vec<Period> = self
            .targets
            .iter()
            .flat_map(|t| t.series.iter().map(|p| p.period))
            .collect();
        periods.sort_by_key(|p| (p.start(), *p));
        periods.dedup();
        let mut columns = vec![
            Column::id("id", word("Mã", "Id")),
            Column::text("title", word("Chỉ tiêu", "Target")),
        ];
        columns.extend(periods.iter().map(|p| Column::number(p.to_string(), period_label(*p))));
        columns.extend([
            Column::state("trend", word("Xu hướng", "Trend")),
            Column::state("direction", ""),
            Column::number("goal", word("Mục tiêu", "Goal")),
            Column::of(ColumnKind::Bar, "bar", word("Tiến độ", "Progress")),
            Column::state("status", word("Đánh giá", "Status")),
        ]);
        let rows = self
            .targets
            .iter()
            .map(|t| {
                let at = |p: &Period| t.series.iter().find(|s| s.period == *p).map(|s| s.actual);
                let mut row = vec![Cell::text(&t.id), t.title_cell()];
                row.extend(periods.iter().map(|p| at(p).map_or(Cell::Empty, |v| t.value(v))));
                let values: Vec<f64> = t.series.iter().map(|s| s.actual.unwrap_or(f64::NAN)).collect();
                row.extend([
                    Cell::text(sparkline(&values, chart_top(&values, t.goal))),
                    Cell::key(t.direction.as_str(), direction_sign(t.direction)),
                    t.value(Some(t.goal)),
                    t.bar(),
                    t.status_cell(),
                ]);
                row
            })
            .collect();
        // The earliest periods go first when the terminal is narrow.
        let mut drop = keys(&["bar", "direction"]);
        drop.extend(periods.iter().map(Period::to_string));
        Table {
            columns,
            rows,
            total: None,
            empty: Some(no_targets()),
            drop,
        }
    }
}

fn no_targets() -> String {
    tr!("Chưa có chỉ tiêu nào (targets.toml).", "No targets yet (targets.toml).")
}

impl Report for Progress {
    fn document(&self) -> Document<'_> {
        let table = if self.by.is_some() {
            self.series_table()
        } else {
            self.current_table()
        };
        let subtitle = match self.by {
            None => tr!("Tính đến ngày {}", "As of {}", format_date(self.as_of)),
            Some(g) => tr!(
                "Tính đến ngày {} · số liệu cuối mỗi {}",
                "As of {} · figures at the end of each {}",
                format_date(self.as_of),
                granularity_word(g)
            ),
        };
        Document {
            title: word("Tiến độ thực hiện chỉ tiêu", "Progress against targets").into(),
            subtitle: Some(subtitle),
            sections: vec![Section {
                key: "progress",
                heading: None,
                body: Body::Table(table),
            }],
        }
    }
}

fn granularity_word(g: Granularity) -> &'static str {
    match g {
        Granularity::Year => word("năm", "year"),
        Granularity::Half => word("6 tháng", "half-year"),
        Granularity::Quarter => word("quý", "quarter"),
        Granularity::Month => word("tháng", "month"),
    }
}

/// `danvan show TARGET`: a target's figure on a date and every record,
/// unit or observation it is made of, so the figure can be checked by hand.
///
/// JSON keys: `as_of`; `target` (the keys of [`Progress`]'s targets);
/// `definition` (the measure as read from targets.toml: `measure`, `kind`,
/// `filter`/`success` as `[{ key, values }]`, `within`, `min`, `indicator`);
/// `period` (the period of `within`, or null); `numerator` and
/// `denominator` (share: records; coverage: covered units and units;
/// null otherwise); `records` (`[{ kind, id, date, title, state, units,
/// counted, value }]`: the records the measure looked at; `date` is the day
/// the record counts from; `counted` is false for a share's record outside
/// the numerator and a coverage's record in no current unit; `value` is a
/// sum's indicator); `units` (coverage: `[{ id, name, count, covered,
/// records }]`); `periods` (every: `[{ period, count, met, running,
/// counted, records }]`, one per month or quarter from the span's start:
/// `running` for the period holding `as_of`, which is `counted` in the
/// share only once it is `met`; `numerator` and `denominator` are the met
/// and counted periods); `observations` (manual: `[{ date, value, note }]`
/// up to `as_of`, the last one being the figure).
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub as_of: NaiveDate,
    pub target: TargetProgress,
    pub definition: Measure,
    pub period: Option<Period>,
    pub numerator: Option<usize>,
    pub denominator: Option<usize>,
    pub records: Vec<RecordLine>,
    pub units: Vec<UnitLine>,
    pub periods: Vec<PeriodLine>,
    pub observations: Vec<Observation>,
    #[serde(skip)]
    indicator: Option<String>,
    /// The target's `source` and `note`, as printed lines.
    #[serde(skip)]
    notes: Vec<String>,
}

/// A record a measure looked at.
#[derive(Debug, Clone, Serialize)]
pub struct RecordLine {
    pub kind: Kind,
    pub id: String,
    pub date: NaiveDate,
    pub title: String,
    /// A model's status, a petition's or task's state on the date.
    pub state: Option<&'static str>,
    pub units: Vec<String>,
    pub counted: bool,
    pub value: Option<f64>,
}

/// A month (or quarter) of an `every` measure.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodLine {
    pub period: Period,
    pub count: usize,
    pub met: bool,
    pub running: bool,
    pub counted: bool,
    pub records: Vec<String>,
}

/// A unit of a coverage measure.
#[derive(Debug, Clone, Serialize)]
pub struct UnitLine {
    pub id: String,
    pub name: String,
    pub count: usize,
    pub covered: bool,
    pub records: Vec<String>,
}

fn record_line(item: &Item<'_>, filter: &Filter, counted: bool, value: Option<f64>) -> RecordLine {
    RecordLine {
        kind: item.kind(),
        id: item.id().into_owned(),
        date: targets::counting_date(item, filter),
        title: item.title().to_owned(),
        state: item.status_str(),
        units: item.units().iter().map(|u| u.value.clone()).collect(),
        counted,
        value,
    }
}

/// The figure of one target on the snapshot's date, with what it is made of.
pub fn explain(snap: &Snapshot<'_>, t: &Target) -> Explanation {
    let mut timeline = Timeline::new(snap);
    let target = TargetProgress::new(t, targets::progress(&mut timeline, t, snap.as_of), Vec::new());
    let evaluation = targets::evaluate(snap, t);
    let empty = Filter::default();
    let filter = t.measure.filter().unwrap_or(&empty);
    let mut x = Explanation {
        as_of: snap.as_of,
        target,
        definition: t.measure.clone(),
        period: evaluation.period,
        numerator: None,
        denominator: None,
        records: Vec::new(),
        units: Vec::new(),
        periods: Vec::new(),
        observations: Vec::new(),
        indicator: None,
        notes: Vec::new(),
    };
    if let Some(source) = &t.source {
        x.notes.push(tr!("Nguồn: {}", "Source: {}", source));
    }
    if let Some(note) = &t.note {
        x.notes.push(tr!("Ghi chú: {}", "Note: {}", note));
    }
    match evaluation.detail {
        Detail::Count { records } => {
            x.records = records.iter().map(|i| record_line(i, filter, true, None)).collect();
        }
        Detail::Share { records } => {
            x.denominator = Some(records.len());
            x.numerator = Some(records.iter().filter(|(_, ok)| *ok).count());
            x.records = records
                .iter()
                .map(|(i, ok)| record_line(i, filter, *ok, None))
                .collect();
        }
        Detail::Coverage { units, elsewhere, .. } => {
            x.denominator = Some(units.len());
            x.numerator = Some(units.iter().filter(|u| u.covered).count());
            let mut records: Vec<RecordLine> = units
                .iter()
                .flat_map(|u| u.records.iter())
                .map(|i| record_line(i, filter, true, None))
                .chain(elsewhere.iter().map(|i| record_line(i, filter, false, None)))
                .collect();
            records.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
            records.dedup_by(|a, b| a.kind == b.kind && a.id == b.id);
            x.records = records;
            x.units = units
                .iter()
                .map(|u| UnitLine {
                    id: u.unit.id.value.clone(),
                    name: u.unit.name.clone(),
                    count: u.records.len(),
                    covered: u.covered,
                    records: u.records.iter().map(|i| i.id().into_owned()).collect(),
                })
                .collect();
        }
        Detail::Every { periods, .. } => {
            let counted: Vec<_> = periods.iter().filter(|p| p.counted()).collect();
            x.denominator = Some(counted.len());
            x.numerator = Some(counted.iter().filter(|p| p.met).count());
            x.records = periods
                .iter()
                .flat_map(|p| p.records.iter())
                .map(|i| record_line(i, filter, true, None))
                .collect();
            x.periods = periods
                .iter()
                .map(|p| PeriodLine {
                    period: p.period,
                    count: p.records.len(),
                    met: p.met,
                    running: p.running,
                    counted: p.counted(),
                    records: p.records.iter().map(|i| i.id().into_owned()).collect(),
                })
                .collect();
        }
        Detail::Sum { indicator, records } => {
            x.indicator = Some(indicator.to_owned());
            x.records = records.iter().map(|(i, v)| record_line(i, filter, true, *v)).collect();
        }
        Detail::Manual { observations } => {
            x.observations = observations.into_iter().cloned().collect();
        }
    }
    x
}

/// `type = "reception", chair = "Bí thư Huyện ủy"`.
fn describe_filter(f: &Filter) -> String {
    let clause = |c: &Clause| match c.values.as_slice() {
        [one] => format!("{} = {one}", c.key),
        many => {
            let values: Vec<String> = many.iter().map(ToString::to_string).collect();
            format!("{} = [{}]", c.key, values.join(", "))
        }
    };
    f.clauses.iter().map(clause).collect::<Vec<_>>().join(", ")
}

/// The measure in words: "đếm hội nghị, lọc type = "reception", trong tháng".
fn describe_measure(m: &Measure) -> String {
    let filtered = |f: &Filter| {
        if f.clauses.is_empty() {
            String::new()
        } else {
            tr!(", lọc {}", ", where {}", describe_filter(f))
        }
    };
    let within = |w: &Option<Granularity>| {
        w.map(|g| tr!(", trong {} đang xét", ", within the current {}", granularity_word(g)))
            .unwrap_or_default()
    };
    let kind = |k: &Kind| k.label().to_lowercase();
    match m {
        Measure::Count {
            kind: k,
            filter,
            within: w,
        } => {
            tr!("đếm {}{}{}", "count of {}{}{}", kind(k), filtered(filter), within(w))
        }
        Measure::Share {
            kind: k,
            filter,
            success,
        } => tr!(
            "tỷ lệ {}{} đạt {}",
            "share of {}{} that also match {}",
            kind(k),
            filtered(filter),
            describe_filter(success)
        ),
        Measure::Coverage {
            kind: k,
            filter,
            min,
            within: w,
        } => tr!(
            "tỷ lệ đơn vị có ít nhất {} {}{}{}",
            "share of units with at least {} {}{}{}",
            min,
            kind(k),
            filtered(filter),
            within(w)
        ),
        Measure::Every {
            kind: k,
            filter,
            min,
            every,
            from,
        } => {
            let since = from
                .map(|d| tr!(", từ ngày {}", ", from {}", format_date(d)))
                .unwrap_or_default();
            tr!(
                "tỷ lệ {} có ít nhất {} {}{}{}",
                "share of {}s with at least {} {}{}{}",
                granularity_word(*every),
                min,
                kind(k),
                filtered(filter),
                since
            )
        }
        Measure::Sum {
            kind: k,
            indicator,
            filter,
        } => {
            tr!(
                "tổng chỉ số {} của {}{}",
                "sum of indicator {} over {}{}",
                indicator,
                kind(k),
                filtered(filter)
            )
        }
        Measure::Manual => tr!("số liệu quan sát, nhập tay", "observed by hand").to_string(),
    }
}

impl Explanation {
    fn value_text(&self, v: f64) -> String {
        value_cell(Some(v), self.target.percent).display()
    }

    /// How the figure is made, in one line: "2 / 4 × 100 = 50,0%".
    fn arithmetic(&self) -> String {
        let t = &self.target;
        let Some(actual) = t.actual else {
            return match (t.measure, self.denominator) {
                ("manual", _) => tr!(
                    "chưa có số liệu quan sát đến ngày này",
                    "no observation up to this date"
                ),
                ("coverage", _) => tr!("không có đơn vị nào vào ngày này", "no unit exists on this date"),
                ("every", _) => tr!("chưa có kỳ nào đến ngày này", "no period up to this date"),
                _ => tr!("mẫu số bằng 0: không có hồ sơ nào", "the denominator is 0: no records"),
            };
        };
        let result = self.value_text(actual);
        match (t.measure, self.numerator, self.denominator) {
            ("share", Some(n), Some(d)) => tr!("{} / {} hồ sơ × 100 = {}", "{} / {} records × 100 = {}", n, d, result),
            ("coverage", Some(n), Some(d)) => {
                tr!("{} / {} đơn vị × 100 = {}", "{} / {} units × 100 = {}", n, d, result)
            }
            ("every", Some(n), Some(d)) => {
                let unit = match self.definition {
                    Measure::Every { every, .. } => granularity_word(every),
                    _ => "",
                };
                tr!(
                    "{} / {} {} đạt × 100 = {}",
                    "{} / {} {}s met × 100 = {}",
                    n,
                    d,
                    unit,
                    result
                )
            }
            ("sum", ..) => {
                let parts: Vec<String> = self
                    .records
                    .iter()
                    .filter_map(|r| r.value)
                    .map(|v| self.value_text(v))
                    .collect();
                if parts.is_empty() || parts.len() > 12 {
                    tr!(
                        "tổng của {} mô hình = {}",
                        "sum over {} models = {}",
                        self.records.len(),
                        result
                    )
                } else {
                    format!("{} = {result}", parts.join(" + "))
                }
            }
            ("manual", ..) => match self.observations.last() {
                Some(o) => tr!(
                    "số quan sát ngày {}: {}",
                    "observation of {}: {}",
                    format_date(o.date),
                    result
                ),
                None => result,
            },
            _ => tr!("{} hồ sơ", "{} records", result),
        }
    }

    fn facts(&self) -> Vec<Fact> {
        let t = &self.target;
        let mut facts = vec![
            Fact::new("title", word("Chỉ tiêu", "Target"), Cell::text(&t.title)),
            Fact::new(
                "measure",
                word("Cách đo", "Measure"),
                Cell::text(describe_measure(&self.definition)),
            ),
        ];
        if let Some(p) = self.period {
            facts.push(Fact::new(
                "period",
                word("Kỳ tính", "Period"),
                Cell::text(period_label(p)),
            ));
        }
        if let Some(b) = &t.baseline {
            let text = format!("{} ({})", self.value_text(b.value), format_date(b.date));
            facts.push(Fact::new("baseline", word("Gốc", "Baseline"), Cell::text(text)));
        }
        let goal = format!(
            "{} {} ({})",
            direction_sign(t.direction),
            self.value_text(t.goal),
            t.direction.label()
        );
        facts.extend([
            Fact::new("goal", word("Mục tiêu", "Goal"), Cell::text(goal)),
            Fact::new("deadline", word("Hạn", "Deadline"), Cell::Date(t.deadline)),
            Fact::new("actual", word("Thực hiện", "Actual"), t.value(t.actual)),
            Fact::new(
                "arithmetic",
                word("Cách tính", "Arithmetic"),
                Cell::text(self.arithmetic()),
            ),
            Fact::new(
                "expected",
                word("Dự kiến đến nay", "Expected by now"),
                t.value(t.expected),
            ),
            Fact::new(
                "percent_of_goal",
                word("% mục tiêu", "% of goal"),
                t.percent_of_goal.map_or(Cell::Empty, Cell::Percent),
            ),
            Fact::new("bar", word("Tiến độ", "Progress"), t.bar()),
        ]);
        if self.as_of > t.deadline {
            facts.push(Fact::new(
                "at_deadline",
                word("Thực hiện đến hạn", "Actual on the deadline"),
                t.value(t.at_deadline),
            ));
        }
        facts.push(Fact::new("status", word("Đánh giá", "Status"), t.status_cell()));
        facts
    }

    fn records_table(&self) -> Table<'_> {
        let t = &self.target;
        let check = |b: bool| mark(b, Cell::toned("✓", Tone::Good), Cell::Empty);
        let mut columns = vec![
            Column::new("id", word("Mã", "Id")),
            Column::new("date", word("Ngày tính", "Counts from")),
            Column::new("title", word("Nội dung", "Subject")),
            Column::new("state", word("Trạng thái", "State")),
        ];
        match t.measure {
            "share" => columns.push(Column::new("counted", word("Đạt (tử số)", "Met (numerator)"))),
            "coverage" => columns.push(Column::new("units", word("Đơn vị", "Units"))),
            "sum" => columns.push(Column::new("value", self.indicator.clone().unwrap_or_default())),
            _ => {}
        }
        let rows = self
            .records
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell::text(&r.id),
                    Cell::Date(r.date),
                    Cell::text(&r.title),
                    r.state.map_or(Cell::Empty, |s| Cell::key(s, crate::i18n::label_of(s))),
                ];
                match t.measure {
                    "share" => row.push(check(r.counted)),
                    "coverage" => {
                        let units = if r.units.is_empty() {
                            word("không ghi đơn vị", "no unit").to_owned()
                        } else {
                            r.units.join(", ")
                        };
                        let text = if r.counted {
                            units
                        } else {
                            tr!(
                                "{} (không tính: không thuộc đơn vị hiện có)",
                                "{} (not counted: in no current unit)",
                                units
                            )
                        };
                        let tone = if r.counted { Tone::Plain } else { Tone::Dim };
                        row.push(Cell::toned_key(r.units.join(" "), text, tone));
                    }
                    "sum" => row.push(r.value.map_or(Cell::Empty, |v| value_cell(Some(v), false))),
                    _ => {}
                }
                row
            })
            .collect();
        let total = (t.measure == "sum").then(|| {
            let mut total = vec![Cell::text(word("Tổng", "Total")), Cell::Empty, Cell::Empty, Cell::Empty];
            total.push(t.value(t.actual));
            total
        });
        Table {
            columns,
            rows,
            total,
            empty: Some(tr!("Không có hồ sơ nào.", "No records.")),
            drop: keys(&["date"]),
        }
    }

    fn units_table(&self) -> Table<'_> {
        Table {
            columns: vec![
                Column::new("id", word("Mã", "Id")),
                Column::new("name", word("Đơn vị", "Unit")),
                Column::new("count", word("Số hồ sơ", "Records")),
                Column::new("covered", word("Đạt", "Covered")),
                Column::new("records", word("Hồ sơ", "Which")),
            ],
            rows: self
                .units
                .iter()
                .map(|u| {
                    vec![
                        Cell::text(&u.id),
                        Cell::text(&u.name),
                        Cell::Int(u.count as i64),
                        mark(u.covered, Cell::toned("✓", Tone::Good), Cell::toned("✗", Tone::Bad)),
                        Cell::text(u.records.join(", ")),
                    ]
                })
                .collect(),
            total: None,
            empty: Some(tr!("Không có đơn vị nào vào ngày này.", "No unit exists on this date.")),
            drop: keys(&["records"]),
        }
    }

    fn periods_table(&self) -> Table<'_> {
        Table {
            columns: vec![
                Column::state("period", word("Kỳ", "Period")),
                Column::number("count", word("Số hồ sơ", "Records")),
                Column::state("met", word("Đạt", "Met")),
                Column::text("records", word("Hồ sơ", "Which")),
            ],
            rows: self
                .periods
                .iter()
                .map(|p| {
                    let met = if p.met {
                        Cell::toned_key("true", "✓", Tone::Good)
                    } else if p.running {
                        Cell::toned_key("running", word("đang diễn ra", "running"), Tone::Dim)
                    } else {
                        Cell::toned_key("false", "✗", Tone::Bad)
                    };
                    vec![
                        Cell::key(p.period.to_string(), period_label(p.period)),
                        Cell::Int(p.count as i64),
                        met,
                        Cell::text(p.records.join(", ")),
                    ]
                })
                .collect(),
            total: None,
            empty: Some(tr!("Chưa có kỳ nào đến ngày này.", "No period up to this date.")),
            drop: keys(&["records"]),
        }
    }

    fn observations_table(&self) -> Table<'_> {
        let last = self.observations.len().saturating_sub(1);
        Table {
            columns: vec![
                Column::new("date", word("Ngày", "Date")),
                Column::new("value", word("Giá trị", "Value")),
                Column::new("note", word("Ghi chú", "Note")),
                Column::new("latest", word("Số liệu dùng", "Used")),
            ],
            rows: self
                .observations
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    vec![
                        Cell::Date(o.date),
                        self.target.value(Some(o.value)),
                        Cell::text(o.note.clone().unwrap_or_default()),
                        mark(i == last, Cell::toned("✓", Tone::Good), Cell::Empty),
                    ]
                })
                .collect(),
            total: None,
            empty: Some(tr!(
                "Chưa có quan sát nào đến ngày này.",
                "No observation up to this date."
            )),
            drop: Vec::new(),
        }
    }
}

impl Report for Explanation {
    fn document(&self) -> Document<'_> {
        let t = &self.target;
        let mut sections = vec![Section {
            key: "figure",
            heading: None,
            body: Body::Facts(self.facts()),
        }];
        match t.measure {
            "manual" => sections.push(Section {
                key: "observations",
                heading: Some(word("Các số liệu quan sát", "Observations").into()),
                body: Body::Table(self.observations_table()),
            }),
            "every" => {
                let (min, g) = match self.definition {
                    Measure::Every { min, every, .. } => (min, every),
                    _ => (1, Granularity::Month),
                };
                sections.push(Section {
                    key: "periods",
                    heading: Some(tr!(
                        "Từng {} ({} {} được tính), đạt khi có ít nhất {} hồ sơ; {} đang diễn ra chỉ được tính khi đã đạt",
                        "Each {} ({} {}s counted), met with at least {} records; the {} still running counts only once met",
                        granularity_word(g),
                        self.denominator.unwrap_or(0),
                        granularity_word(g),
                        min,
                        granularity_word(g)
                    )),
                    body: Body::Table(self.periods_table()),
                });
            }
            "coverage" => {
                sections.push(Section {
                    key: "units",
                    heading: Some(tr!(
                        "Đơn vị hiện có ({}), đạt khi có ít nhất {} hồ sơ",
                        "Units that exist on the date ({}), covered with at least {} records",
                        self.units.len(),
                        match self.definition {
                            Measure::Coverage { min, .. } => min,
                            _ => 1,
                        }
                    )),
                    body: Body::Table(self.units_table()),
                });
                sections.push(Section {
                    key: "records",
                    heading: Some(tr!("Hồ sơ phù hợp ({})", "Matching records ({})", self.records.len())),
                    body: Body::Table(self.records_table()),
                });
            }
            measure => {
                let heading = match measure {
                    "share" => tr!(
                        "Mẫu số: {} hồ sơ; tử số (✓): {}",
                        "Denominator: {} records; numerator (✓): {}",
                        self.denominator.unwrap_or(0),
                        self.numerator.unwrap_or(0)
                    ),
                    _ => tr!("Hồ sơ được tính ({})", "Records counted ({})", self.records.len()),
                };
                sections.push(Section {
                    key: "records",
                    heading: Some(heading),
                    body: Body::Table(self.records_table()),
                });
            }
        }
        if !self.notes.is_empty() {
            sections.push(Section {
                key: "notes",
                heading: None,
                body: Body::Text(self.notes.clone()),
            });
        }
        Document {
            title: tr!(
                "Chỉ tiêu {}: cách tính số liệu",
                "Target {}: how the figure is made",
                t.id
            ),
            subtitle: Some(tr!("Tính đến ngày {}", "As of {}", format_date(self.as_of))),
            sections,
        }
    }
}
