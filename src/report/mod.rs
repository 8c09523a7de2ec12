//! Reports: plain data computed from the workspace as of a date. Each
//! report is a `Serialize` struct (its JSON form, with stable English keys)
//! that can also lay itself out as a [`Document`] of tables for the
//! table, CSV and Markdown renderers. No report prints.

pub mod bundle;
pub mod conclusions;
pub mod export;
pub mod export_sheets;
pub mod list;
pub mod notice;
pub mod petitions;
pub mod progress;
pub mod review;
pub mod rollup;
pub mod show;
pub mod status;
pub mod summary;

use crate::i18n::tr;
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;

/// How many listed items are in one state (a register's footer).
#[derive(Debug, Clone, Serialize)]
pub struct StateCount<S> {
    pub state: S,
    pub count: usize,
}

/// The count of each state in `order`, leaving out states with none.
pub fn count_states<S: Copy + PartialEq>(order: impl IntoIterator<Item = S>, items: &[S]) -> Vec<StateCount<S>> {
    order
        .into_iter()
        .map(|state| StateCount {
            state,
            count: items.iter().filter(|&&s| s == state).count(),
        })
        .filter(|c| c.count > 0)
        .collect()
}

/// How many of the counted items are in a state that `keep` holds.
pub fn count_where<S: Copy>(states: &[StateCount<S>], keep: impl Fn(S) -> bool) -> usize {
    states.iter().filter(|c| keep(c.state)).map(|c| c.count).sum()
}

/// A register as its JSON has it: the date, the days that count as due
/// soon, its rows under `rows.0`, made as they are written (a register
/// keeps a record and its status per row), and the count of each state.
fn serialize_register<S, I>(
    s: S,
    as_of: NaiveDate,
    due_within: u32,
    rows: (&'static str, impl Fn() -> I),
    states: &impl Serialize,
) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    I: Iterator<Item: Serialize>,
{
    use serde::ser::SerializeStruct;
    struct Made<F>(F);
    impl<F: Fn() -> I, I: Iterator<Item: Serialize>> Serialize for Made<F> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq((self.0)())
        }
    }
    let mut st = s.serialize_struct("Register", 4)?;
    st.serialize_field("as_of", &as_of)?;
    st.serialize_field("due_within", &due_within)?;
    st.serialize_field(rows.0, &Made(rows.1))?;
    st.serialize_field("states", states)?;
    st.end()
}

/// A report that can be rendered in every format.
pub trait Report: Serialize {
    fn document(&self) -> Document<'_>;

    /// What this report says is late or due soon, for `--deny` and
    /// `--format github`; `None` for a report that watches no deadline.
    fn alarms(&self) -> Option<Vec<Alarm>> {
        None
    }
}

/// How urgent an alarm is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// Something is past its deadline
    Overdue,
    /// Something falls due soon
    DueSoon,
}

/// A petition or task that is late or due soon.
#[derive(Debug, Clone, Serialize)]
pub struct Alarm {
    pub urgency: Urgency,
    pub kind: crate::model::Kind,
    pub id: String,
    pub title: String,
    pub deadline: Option<NaiveDate>,
    /// Negative when late.
    pub days_left: Option<i64>,
}

/// What the table, CSV and Markdown renderers lay out.
#[derive(Debug, Default)]
pub struct Document<'a> {
    pub title: String,
    /// A line under the title (the as-of date, the filters).
    pub subtitle: Option<String>,
    pub sections: Vec<Section<'a>>,
}

#[derive(Debug)]
pub struct Section<'a> {
    /// Stable English key, used as the `section` column of long CSV.
    pub key: &'static str,
    pub heading: Option<String>,
    pub body: Body<'a>,
}

#[derive(Debug)]
pub enum Body<'a> {
    Table(Table<'a>),
    /// Label and value pairs, one per line.
    Facts(Vec<Fact>),
    /// Paragraphs of text.
    Text(Vec<String>),
}

/// One line of a facts section: a stable key (CSV), a label, a value.
#[derive(Debug, Clone)]
pub struct Fact {
    pub key: String,
    pub label: String,
    pub value: Cell,
    /// What machines get instead of `value` when a line for people says
    /// several things ("13 (7 active, 8 recognised)"): one fact each.
    pub parts: Vec<(String, Cell)>,
}

impl Fact {
    pub fn new(key: impl Into<String>, label: impl Into<String>, value: Cell) -> Fact {
        Fact {
            key: key.into(),
            label: label.into(),
            value,
            parts: Vec::new(),
        }
    }

    /// The counts machine formats write for this line, one per key.
    pub fn parts(mut self, counts: &[(&str, u64)]) -> Fact {
        self.parts = counts
            .iter()
            .map(|&(k, n)| (k.to_owned(), Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))))
            .collect();
        self
    }

    /// A line whose machine form is these values (a code, a number), one per key.
    pub fn with_parts(mut self, parts: Vec<(&str, Cell)>) -> Fact {
        self.parts = parts.into_iter().map(|(k, c)| (k.to_owned(), c)).collect();
        self
    }

    /// What machine formats write: the parts, or the value under its key.
    pub fn machine(&self) -> Vec<(&str, &Cell)> {
        if self.parts.is_empty() {
            vec![(self.key.as_str(), &self.value)]
        } else {
            self.parts.iter().map(|(k, c)| (k.as_str(), c)).collect()
        }
    }
}

#[derive(Debug, Default)]
pub struct Table<'a> {
    pub columns: Vec<Column>,
    pub rows: Rows<'a>,
    /// A totals row, printed apart from the others.
    pub total: Option<Vec<Cell>>,
    /// What to say when there are no rows.
    pub empty: Option<String>,
    /// The keys of the columns a terminal too narrow for the table may
    /// leave out, the first left out first. The columns not named here
    /// always show; when they do not fit, a register prints a block per
    /// row instead.
    pub drop: Vec<String>,
}

/// Column keys, for [`Table::drop`].
pub fn keys(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|&k| k.to_owned()).collect()
}

impl Table<'_> {
    /// Which columns hold numbers, to align them and their headings right.
    pub fn numeric_columns(&self) -> Vec<bool> {
        self.kinds().into_iter().map(|k| k == ColumnKind::Number).collect()
    }

    /// Each column's kind: as declared, else judged on the first row.
    pub fn kinds(&self) -> Vec<ColumnKind> {
        let first = self.rows.first();
        self.columns
            .iter()
            .enumerate()
            .map(|(i, c)| match c.kind {
                Some(k) => k,
                None => match first.as_ref().and_then(|r| r.get(i).cloned()) {
                    Some(Cell::Int(_) | Cell::Num(..) | Cell::Percent(_)) => ColumnKind::Number,
                    Some(Cell::Date(_)) => ColumnKind::Date,
                    Some(Cell::Bar(..)) => ColumnKind::Bar,
                    _ => ColumnKind::Text,
                },
            })
            .collect()
    }

    /// The rows, then the totals row when there is one.
    pub fn rows_and_total(&self) -> impl Iterator<Item = Cow<'_, [Cell]>> + '_ {
        self.rows.iter().chain(self.total.as_deref().map(Cow::Borrowed))
    }

    /// The table as people read it (terminal, Markdown, HTML): without its
    /// machine columns ([`Column::machine`]), which only CSV and xlsx
    /// write. `None` when it has none.
    pub fn for_people(&self) -> Option<Table<'_>> {
        if !self.columns.iter().any(|c| c.machine) {
            return None;
        }
        let keep: Vec<bool> = self.columns.iter().map(|c| !c.machine).collect();
        let pick = move |row: &[Cell]| -> Vec<Cell> {
            row.iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(c, _)| c.clone())
                .collect()
        };
        Some(Table {
            columns: self.columns.iter().filter(|c| !c.machine).cloned().collect(),
            rows: Rows::made(self.rows.len(), {
                let pick = pick.clone();
                move |i| self.rows.get(i).map(|r| pick(&r)).unwrap_or_default()
            }),
            total: self.total.as_deref().map(pick),
            empty: self.empty.clone(),
            drop: self.drop.clone(),
        })
    }
}

/// The mark of a provisional deadline in tables and text, explained by
/// [`provisional_legend`].
pub const PROVISIONAL_MARK: &str = "†";

/// What the mark of a provisional deadline means, for the notes under a
/// table (see `domain::deadlines::Deadlines`).
pub fn provisional_legend() -> String {
    tr!(
        "{} tạm tính: thời hạn phụ thuộc ngày nghỉ của một năm mà [calendar] chưa ghi, nên được tính theo ngày nghỉ luật định (Bộ luật Lao động 2019, điều 111–112; Tết, Giỗ Tổ theo âm lịch); có thể thay đổi khi Chính phủ công bố lịch nghỉ năm đó. Ghi năm đó vào [calendar] để bỏ dấu này.",
        "{} provisional: the deadline depends on the days off of a year [calendar] does not list, so it was counted with the statutory days off (Labour Code 2019, art. 111–112; Tết and Giỗ Tổ from the lunar calendar) and may move when the government announces that year. List the year in [calendar] to remove the mark.",
        PROVISIONAL_MARK
    )
}

/// A section of notes under a report: the legend of the provisional
/// mark, when `any` deadline shown carries it.
pub fn provisional_notes(any: bool) -> Option<Section<'static>> {
    any.then(|| Section {
        key: "notes",
        heading: None,
        body: Body::Text(vec![provisional_legend()]),
    })
}

/// A table's rows: built up front, or made one at a time as a renderer
/// reads them, so that a register of 100,000 rows never exists as cells
/// all at once (renderers read a table once or twice, in order).
#[derive(Default)]
pub struct Rows<'a> {
    source: RowSource<'a>,
}

type MakeRow<'a> = Box<dyn Fn(usize) -> Vec<Cell> + Sync + 'a>;

enum RowSource<'a> {
    Built(Vec<Vec<Cell>>),
    Made { len: usize, make: MakeRow<'a> },
}

impl Default for RowSource<'_> {
    fn default() -> Self {
        RowSource::Built(Vec::new())
    }
}

impl<'a> Rows<'a> {
    /// `len` rows, row `i` made by `make(i)` each time it is read (on any
    /// thread: a renderer may make them on every core).
    pub fn made(len: usize, make: impl Fn(usize) -> Vec<Cell> + Sync + 'a) -> Rows<'a> {
        Rows {
            source: RowSource::Made {
                len,
                make: Box::new(make),
            },
        }
    }

    pub fn len(&self) -> usize {
        match &self.source {
            RowSource::Built(rows) => rows.len(),
            RowSource::Made { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Cow<'_, [Cell]>> {
        match &self.source {
            RowSource::Built(rows) => rows.get(i).map(|r| Cow::Borrowed(r.as_slice())),
            RowSource::Made { len, make } => (i < *len).then(|| Cow::Owned(make(i))),
        }
    }

    pub fn first(&self) -> Option<Cow<'_, [Cell]>> {
        self.get(0)
    }

    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, [Cell]>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl From<Vec<Vec<Cell>>> for Rows<'_> {
    fn from(rows: Vec<Vec<Cell>>) -> Self {
        Rows {
            source: RowSource::Built(rows),
        }
    }
}

impl FromIterator<Vec<Cell>> for Rows<'_> {
    fn from_iter<I: IntoIterator<Item = Vec<Cell>>>(rows: I) -> Self {
        Rows::from(rows.into_iter().collect::<Vec<_>>())
    }
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    /// Stable English key (CSV header).
    pub key: String,
    /// Heading in the run's language.
    pub label: String,
    /// Written only where machines read (CSV, xlsx): what the table shows
    /// people another way (a deadline's provisional mark).
    pub machine: bool,
    /// What the column holds; `None`: judged on its first cell.
    pub kind: Option<ColumnKind>,
}

/// What a column holds, which says how a narrow terminal may lay it out:
/// only text is cut (on one line, with "…"); the others are never broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Free text (a title, a name): takes the width the others leave.
    Text,
    /// Numbers, right-aligned.
    Number,
    Date,
    /// A record's id: never cut, so it can be copied.
    Id,
    /// A state or a code's short label.
    State,
    /// A progress bar, narrower on a narrow terminal.
    Bar,
}

impl Column {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column {
            key: key.into(),
            label: label.into(),
            machine: false,
            kind: None,
        }
    }

    /// A column for CSV and xlsx only ([`Table::for_people`] leaves it out).
    pub fn machine(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column {
            machine: true,
            ..Column::new(key, label)
        }
    }

    /// A column declared of a kind.
    pub fn of(kind: ColumnKind, key: impl Into<String>, label: impl Into<String>) -> Column {
        Column {
            kind: Some(kind),
            ..Column::new(key, label)
        }
    }

    pub fn id(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column::of(ColumnKind::Id, key, label)
    }

    pub fn text(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column::of(ColumnKind::Text, key, label)
    }

    pub fn state(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column::of(ColumnKind::State, key, label)
    }

    pub fn date(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column::of(ColumnKind::Date, key, label)
    }

    pub fn number(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column::of(ColumnKind::Number, key, label)
    }
}

/// How a cell should stand out, when colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Warn,
    Bad,
    Dim,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String, Tone),
    /// A coded value: shown as its label, written to CSV as its code
    /// (`complaint`, `tan-my`, `2023-H1`).
    Key {
        code: String,
        label: String,
        tone: Tone,
    },
    Int(i64),
    /// A number shown with `decimals` places.
    Num(f64, usize),
    Percent(f64),
    Date(NaiveDate),
    /// A provisional deadline: shown with [`PROVISIONAL_MARK`], written as
    /// the bare date for machines (a machine column says it is provisional).
    Provisional(NaiveDate),
    /// A progress bar of a fraction 0..=1 (clamped), and its tone.
    Bar(f64, Tone),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into(), Tone::Plain)
    }

    pub fn toned(s: impl Into<String>, tone: Tone) -> Cell {
        Cell::Text(s.into(), tone)
    }

    pub fn key(code: impl Into<String>, label: impl Into<String>) -> Cell {
        Cell::Key {
            code: code.into(),
            label: label.into(),
            tone: Tone::Plain,
        }
    }

    pub fn toned_key(code: impl Into<String>, label: impl Into<String>, tone: Tone) -> Cell {
        Cell::Key {
            code: code.into(),
            label: label.into(),
            tone,
        }
    }

    pub fn opt_date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    /// A deadline, marked when it is provisional.
    pub fn deadline(d: NaiveDate, provisional: bool) -> Cell {
        if provisional {
            Cell::Provisional(d)
        } else {
            Cell::Date(d)
        }
    }

    /// [`Cell::deadline`] of a deadline that may be absent.
    pub fn opt_deadline(d: Option<NaiveDate>, provisional: bool) -> Cell {
        d.map_or(Cell::Empty, |d| Cell::deadline(d, provisional))
    }

    /// A yes/no for a machine column: `true` or `false` in CSV, a word in
    /// xlsx.
    pub fn flag(yes: bool) -> Cell {
        Cell::key(yes.to_string(), if yes { crate::i18n::word("có", "yes") } else { "" })
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Num(..) | Cell::Percent(_))
    }

    pub fn tone(&self) -> Tone {
        match self {
            Cell::Text(_, t) | Cell::Bar(_, t) | Cell::Key { tone: t, .. } => *t,
            _ => Tone::Plain,
        }
    }

    /// The value for people, in the run's language.
    pub fn display(&self) -> String {
        self.shown().into_owned()
    }

    /// [`Cell::display`], borrowed when the cell holds the text itself.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        Cow::Owned(match self {
            Cell::Empty => return Cow::Borrowed(""),
            Cell::Text(s, _) => return Cow::Borrowed(s),
            Cell::Key { label, .. } => return Cow::Borrowed(label),
            Cell::Int(n) => group_digits(*n),
            Cell::Num(n, d) => format_decimal(*n, *d),
            Cell::Percent(p) => format!("{}%", format_decimal(*p, 1)),
            Cell::Date(d) => format_date(*d),
            Cell::Provisional(d) => format!("{} {PROVISIONAL_MARK}", format_date(*d)),
            Cell::Bar(f, _) => bar(*f, 20),
        })
    }

    /// The value for machines: ISO dates, plain numbers. A text is lent,
    /// not copied: a register's CSV writes a million cells.
    pub fn raw(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s, _) => Cow::Borrowed(s),
            Cell::Key { code, .. } => Cow::Borrowed(code),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Num(n, d) => Cow::Owned(format!("{n:.d$}")),
            Cell::Percent(p) => Cow::Owned(format!("{p:.1}")),
            Cell::Date(d) | Cell::Provisional(d) => Cow::Owned(iso::text(d)),
            Cell::Bar(f, _) => Cow::Owned(format!("{:.3}", f.clamp(0.0, 1.0))),
        }
    }
}

/// Dates written to JSON as chrono writes them ("2022-07-20"), without
/// going through `Display`: a province's registers hold half a million.
/// `#[serde(serialize_with = "iso::date")]` (or `iso::opt_date`).
pub mod iso {
    use chrono::{Datelike, NaiveDate};
    use serde::Serializer;

    pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        match ascii(d) {
            // Ten ASCII digits and dashes.
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            // chrono's own form for years of five digits or before year 0.
            None => s.collect_str(d),
        }
    }

    /// The date as chrono writes it, made without `Display`.
    pub fn text(d: &NaiveDate) -> String {
        match ascii(d) {
            Some(text) => text.iter().map(|&b| char::from(b)).collect(),
            None => d.to_string(),
        }
    }

    /// `YYYY-MM-DD` for the years 0 to 9999.
    fn ascii(d: &NaiveDate) -> Option<[u8; 10]> {
        let (y, m, day) = (d.year(), d.month(), d.day());
        if !(0..=9999).contains(&y) {
            return None;
        }
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let y = y as u32;
        Some([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }

    pub fn opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => date(d, s),
            None => s.serialize_none(),
        }
    }
}

pub use crate::i18n::format_date;

/// Thousands grouped the local way: "1.234" in Vietnamese, "1,234" in English.
pub fn group_digits(n: i64) -> String {
    let sep = if crate::i18n::is_en() { ',' } else { '.' };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A decimal with the local separator ("72,6" in Vietnamese).
pub fn format_decimal(n: f64, decimals: usize) -> String {
    let s = format!("{n:.decimals$}");
    if crate::i18n::is_en() { s } else { s.replace('.', ",") }
}

/// A bar of `width` cells in eighths of a block.
pub fn bar(fraction: f64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let f = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (f * width as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8]);
    }
    let used = s.chars().count();
    s.push_str(&"·".repeat(width.saturating_sub(used)));
    s
}

/// The top of a chart's scale (which starts at 0): a round number (1, 2
/// or 5 times a power of ten) at or above the highest value and the goal,
/// and at least 5, so that a count of 0, 0, 1 against a goal of 1 does not
/// fill the chart as a jump from nothing to everything would, while a
/// rate of 4.6% falling to 2.9% still shows its fall (on 0–5).
pub fn chart_top(values: &[f64], goal: f64) -> f64 {
    let highest = values
        .iter()
        .copied()
        .chain([goal])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            let top = m * step;
            if top >= highest && top >= 5.0 {
                return top;
            }
        }
        step *= 10.0;
        if !step.is_finite() {
            return highest;
        }
    }
}

/// A sparkline of values on a scale from 0 (or the lowest, when below 0)
/// to `top` (see [`chart_top`]).
pub fn sparkline(values: &[f64], top: f64) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let lo = finite.iter().copied().fold(0.0, f64::min);
    let hi = finite.iter().copied().fold(top, f64::max);
    values
        .iter()
        .map(|&v| {
            if !v.is_finite() {
                ' '
            } else if (hi - lo).abs() < f64::EPSILON {
                TICKS[3]
            } else {
                TICKS[(((v - lo) / (hi - lo)) * 7.0).round() as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_sparklines() {
        assert_eq!(bar(0.0, 4), "····");
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.5, 4), "██··");
        assert_eq!(bar(2.0, 4), "████");
        assert_eq!(bar(f64::NAN, 2), "··");
        assert_eq!(sparkline(&[0.0, 7.0, 3.5], 7.0), "▁█▅");
        assert_eq!(
            sparkline(&[0.0, 0.0, 0.0, 1.0, 0.0], chart_top(&[0.0, 1.0], 1.0)),
            "▁▁▁▂▁"
        );
        assert_eq!(sparkline(&[50.0, 100.0], chart_top(&[50.0, 100.0], 85.0)), "▅█");
        assert_eq!(chart_top(&[6.0], 8.0), 10.0);
        assert_eq!(chart_top(&[3337.0], 3000.0), 5000.0);
        assert_eq!(chart_top(&[77.8], 85.0), 100.0);
        assert_eq!(chart_top(&[4.6, 2.9], 3.0), 5.0);
    }

    #[test]
    fn a_date_for_machines_is_written_as_chrono_writes_it() {
        for (y, m, d) in [
            (2026, 12, 3),
            (2027, 1, 7),
            (1, 2, 3),
            (999, 12, 31),
            (0, 1, 1),
            (0, 2, 29),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 30),
            (-5, 3, 4),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso::text(&date), date.to_string());
            assert_eq!(Cell::Date(date).raw(), date.to_string());
            let json = serde_json::to_string(&serde_json::json!(date)).unwrap();
            let mut out = Vec::new();
            iso::date(&date, &mut serde_json::Serializer::new(&mut out)).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), json);
        }
        assert!(matches!(Cell::Text("x".into(), Tone::Plain).raw(), Cow::Borrowed("x")));
    }

    #[test]
    fn a_provisional_deadline_is_marked_for_people_and_bare_for_machines() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 27).unwrap();
        assert_eq!(Cell::deadline(d, true).display(), "27/1/2027 †");
        assert_eq!(Cell::deadline(d, true).raw(), "2027-01-27");
        assert_eq!(Cell::deadline(d, false), Cell::Date(d));
        let table = Table {
            columns: vec![
                Column::new("deadline", "Hạn"),
                Column::machine("provisional", "Tạm tính"),
            ],
            rows: vec![vec![Cell::deadline(d, true), Cell::flag(true)]].into(),
            total: None,
            empty: None,
            drop: Vec::new(),
        };
        let people = table.for_people().unwrap();
        assert_eq!(people.columns.len(), 1);
        assert_eq!(people.rows.get(0).unwrap().to_vec(), [Cell::Provisional(d)]);
        assert_eq!(table.rows.get(0).unwrap()[1].raw(), "true");
        assert!(people.for_people().is_none());
        assert!(provisional_legend().starts_with("† "));
    }

    #[test]
    fn vietnamese_numbers_and_dates() {
        assert_eq!(group_digits(1234567), "1.234.567");
        assert_eq!(group_digits(-12), "-12");
        assert_eq!(format_decimal(72.56, 1), "72,6");
        assert_eq!(format_date(NaiveDate::from_ymd_opt(2022, 7, 20).unwrap()), "20/7/2022");
    }
}
