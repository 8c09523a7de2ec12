//! `danvan review`: the report to the review meeting (báo cáo sơ kết,
//! tổng kết) that the Ban Dân vận prepares before the Standing Committee
//! works with it, the Fatherland Front and the organisations "to grasp the
//! people's situation": for a half-year, a year, a quarter, a month, or a
//! whole resolution (`--from 2021-01-01 --to 2025-12-31`).
//!
//! Every figure is computed from the records as they stood at the end of
//! the period (or on the as-of date, for a period that has not ended), and
//! compared with the same period a year before and, for a half-year, a
//! quarter or a month, with the period before. The sentences are made from
//! the figures, plainly; nothing is narrated that the records do not say.
//! Text the office writes itself comes from the review meeting's
//! `assessment` or from `reviews/<PERIOD>.md` beside the records, and is
//! marked as theirs. No personal data: petitions are counted, never
//! described.
//!
//! The report is Vietnamese whatever `--lang` says (a document to sign),
//! so its words are not translated and its numbers are written the
//! Vietnamese way ("1.234", "77,8%"). [`Review`] is the JSON form (stable
//! English keys, documented on each struct); [`ReviewDocument`] is what the
//! templates and the docx writer lay out.

use super::notice::{Header, PARTY, Signature, date_line, office, period_phrase, short_date, upper};
use crate::domain::snapshot::{Item, Snapshot};
use crate::domain::targets::{self, Timeline};
use crate::model::*;
use crate::text::fold;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// The document type of a report.
pub const DOC_TYPE: &str = "BÁO CÁO";

/// What a review covers: a reporting period, or any span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewSpan {
    Period(Period),
    /// From and to, both included (a whole resolution: 2021-01-01 to 2025-12-31).
    Range(NaiveDate, NaiveDate),
}

impl ReviewSpan {
    /// A span that is exactly a period is that period.
    pub fn new(from: NaiveDate, to: NaiveDate) -> ReviewSpan {
        for g in [
            Granularity::Year,
            Granularity::Half,
            Granularity::Quarter,
            Granularity::Month,
        ] {
            let p = Period::containing(from, g);
            if p.start() == from && p.end() == to {
                return ReviewSpan::Period(p);
            }
        }
        ReviewSpan::Range(from, to)
    }

    pub fn from(self) -> NaiveDate {
        match self {
            ReviewSpan::Period(p) => p.start(),
            ReviewSpan::Range(from, _) => from,
        }
    }

    pub fn to(self) -> NaiveDate {
        match self {
            ReviewSpan::Period(p) => p.end(),
            ReviewSpan::Range(_, to) => to,
        }
    }

    /// `half`, `year`, `quarter`, `month` or `range`.
    pub fn kind(self) -> &'static str {
        match self {
            ReviewSpan::Period(Period::Half(..)) => "half",
            ReviewSpan::Period(Period::Year(_)) => "year",
            ReviewSpan::Period(Period::Quarter(..)) => "quarter",
            ReviewSpan::Period(Period::Month(..)) => "month",
            ReviewSpan::Range(..) => "range",
        }
    }

    /// "6 tháng đầu năm 2025", "năm 2025", "giai đoạn 2021–2025",
    /// "từ ngày 01/3/2024 đến ngày 30/6/2025".
    pub fn label(self) -> String {
        match self {
            ReviewSpan::Period(p) => period_phrase(p),
            ReviewSpan::Range(from, to) if whole_years(from, to) => {
                format!("giai đoạn {}–{}", from.year(), to.year())
            }
            ReviewSpan::Range(from, to) => format!("từ ngày {} đến ngày {}", short_date(from), short_date(to)),
        }
    }

    /// The same span a year earlier.
    fn year_ago(self) -> ReviewSpan {
        let back = |d: NaiveDate| d.checked_sub_months(Months::new(12)).unwrap_or(d);
        match self {
            ReviewSpan::Period(p) => ReviewSpan::new(back(p.start()), back(p.end())),
            ReviewSpan::Range(from, to) => ReviewSpan::Range(back(from), back(to)),
        }
    }

    /// The period before, for a half-year, a quarter or a month (a year's
    /// is the year ago).
    fn previous(self) -> Option<ReviewSpan> {
        match self {
            ReviewSpan::Period(p @ (Period::Half(..) | Period::Quarter(..) | Period::Month(..))) => {
                let day_before = p.start().pred_opt()?;
                Some(ReviewSpan::Period(Period::containing(day_before, p.granularity())))
            }
            _ => None,
        }
    }

    /// The period after, whose deadlines the directions list: the next
    /// period of the same length, or the twelve months after a range.
    fn next(self) -> ReviewSpan {
        match self {
            ReviewSpan::Period(p) => ReviewSpan::Period(p.next()),
            ReviewSpan::Range(_, to) => {
                let from = to.succ_opt().unwrap_or(to);
                let end = from
                    .checked_add_months(Months::new(12))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(from);
                ReviewSpan::new(from, end)
            }
        }
    }

    /// How the comparison names the span a year earlier: "cùng kỳ năm
    /// 2024", or "năm 2024" for a year.
    fn as_year_ago(self) -> String {
        match self.year_ago() {
            ReviewSpan::Period(Period::Year(y)) => format!("năm {y}"),
            ReviewSpan::Period(p) => format!("cùng kỳ năm {}", p.start().year()),
            ReviewSpan::Range(from, to) => format!("cùng kỳ ({} – {})", short_date(from), short_date(to)),
        }
    }
}

/// From 1 January to 31 December of two different years.
fn whole_years(from: NaiveDate, to: NaiveDate) -> bool {
    (from.month(), from.day(), to.month(), to.day()) == (1, 1, 12, 31) && to.year() > from.year()
}

/// Where the office's own text for a span is, beside danvan.toml:
/// `reviews/2025-H1.md`, `reviews/2025.md`, `reviews/2021-01-01_2025-12-31.md`.
pub fn office_path(span: ReviewSpan) -> String {
    match span {
        ReviewSpan::Period(p) => format!("reviews/{p}.md"),
        ReviewSpan::Range(from, to) => format!("reviews/{from}_{to}.md"),
    }
}

/// What the office adds to a review from a file beside the records.
#[derive(Debug, Clone)]
pub struct OfficeFile {
    /// As the report names it ("reviews/2025-H1.md").
    pub path: String,
    pub text: String,
}

/// How the review is asked for.
#[derive(Debug, Clone)]
pub struct ReviewOptions {
    pub span: ReviewSpan,
    /// The document's number, when the office has one ("12"); blank to fill in by hand.
    pub number: Option<String>,
    /// The date the document is signed (the date line).
    pub date: NaiveDate,
    pub office: Option<OfficeFile>,
}

// ── The figures (JSON) ──────────────────────────────────────────────────────

/// `danvan review --format json`.
///
/// JSON keys (stable, English):
/// - `kind`: `half`, `year`, `quarter`, `month` or `range`; `period`: `2025-H1`,
///   `2025`, `2025-Q3`, `2025-07`, or null for a range; `from`, `to`: the span;
///   `label`: "6 tháng đầu năm 2025"; `subject`: the report's subject line;
/// - `as_of`: the run's date; `figures_as_of`: the date the figures are
///   taken (the span's end, or `as_of` when earlier); `ended`: whether the
///   span had ended on `as_of` (else the report says "tính đến ngày …");
/// - `has_records`: whether any record is dated in the span;
/// - `current`, `year_ago` (the same span a year earlier; null for a range),
///   `previous` (the half, quarter or month before; null otherwise): [`Figures`];
/// - `years`: for a range, the [`Figures`] of each of its years;
/// - `targets`: [`TargetLine`]s, the progress table at `figures_as_of`;
/// - `shortcomings`, `directions`: [`Finding`]s, the lines of parts IV and V;
/// - `office`: [`OfficeText`]s, the text the office added, with its source;
/// - `appendix`: [`Appendix`], the tables after the signature;
/// - `next`: `{ from, to, label }`, the span the directions look at.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub kind: &'static str,
    pub period: Option<Period>,
    #[serde(serialize_with = "super::iso::date")]
    pub from: NaiveDate,
    #[serde(serialize_with = "super::iso::date")]
    pub to: NaiveDate,
    pub label: String,
    pub subject: String,
    #[serde(serialize_with = "super::iso::date")]
    pub as_of: NaiveDate,
    #[serde(serialize_with = "super::iso::date")]
    pub figures_as_of: NaiveDate,
    pub ended: bool,
    pub has_records: bool,
    pub current: Figures,
    pub year_ago: Option<Figures>,
    pub previous: Option<Figures>,
    pub years: Vec<Figures>,
    pub targets: Vec<TargetLine>,
    pub shortcomings: Vec<Finding>,
    pub directions: Vec<Finding>,
    pub office: Vec<OfficeText>,
    pub appendix: Appendix,
    pub next: NextSpan,
    /// The document the templates and the docx writer lay out.
    #[serde(skip)]
    pub document: ReviewDocument,
}

/// The span the directions look at.
#[derive(Debug, Clone, Serialize)]
pub struct NextSpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
}

/// The figures of one span, as of its end (or the as-of date, if earlier).
///
/// Keys: `label`, `from`, `to` (the day the figures are taken);
/// `has_records`; `petitions`, `models`, `meetings`, `receptions_monthly`,
/// `tasks` (see their structs); `units_without_dialogue`,
/// `units_without_model`: `[{ id, name }]`, the units that exist on `to`
/// with no dialogue in the span, with no active model on `to`.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub has_records: bool,
    pub petitions: PetitionFigures,
    pub models: ModelFigures,
    pub meetings: MeetingFigures,
    pub receptions_monthly: MonthlyFigures,
    pub tasks: TaskFigures,
    pub units_without_dialogue: Vec<UnitRef>,
    pub units_without_model: Vec<UnitRef>,
}

/// Petitions: `received` in the span, `by_type` (`complaint`,
/// `denunciation`, `recommendation`; `resolved_by_type` and
/// `on_time_by_type` the same for those resolved in the span, and resolved
/// on time), `by_field` and `by_channel` (`[{ key,
/// label, count }]`, largest first; `key` as the records write it, `none`
/// for a petition without one); `accepted` and `resolved` in the span (of
/// any date of receipt), `resolved_on_time`, `resolved_late`,
/// `on_time_percent` (on time ÷ resolved × 100, null when none were
/// resolved); on `to`: `open` (received, not resolved), `overdue` (past
/// the resolution deadline), `acceptance_overdue`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PetitionFigures {
    pub received: usize,
    pub by_type: TypeCounts,
    pub resolved_by_type: TypeCounts,
    pub on_time_by_type: TypeCounts,
    pub by_field: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub accepted: usize,
    pub resolved: usize,
    pub resolved_on_time: usize,
    pub resolved_late: usize,
    pub on_time_percent: Option<f64>,
    pub open: usize,
    pub overdue: usize,
    pub acceptance_overdue: usize,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct TypeCounts {
    pub complaint: usize,
    pub denunciation: usize,
    pub recommendation: usize,
}

impl TypeCounts {
    fn add(&mut self, t: PetitionType) {
        match t {
            PetitionType::Complaint => self.complaint += 1,
            PetitionType::Denunciation => self.denunciation += 1,
            PetitionType::Recommendation => self.recommendation += 1,
        }
    }

    fn get(&self, t: PetitionType) -> usize {
        match t {
            PetitionType::Complaint => self.complaint,
            PetitionType::Denunciation => self.denunciation,
            PetitionType::Recommendation => self.recommendation,
        }
    }
}

/// A count under a key, with the key's Vietnamese words.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// Models: `active` on `to`; `started` and `recognized` (Dân vận khéo) in
/// the span, `recognized_by_level` (`[{ key, label, count }]`, commune to
/// national); `recognized_total`: every recognition up to `to`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ModelFigures {
    pub active: usize,
    pub started: usize,
    pub recognized: usize,
    pub recognized_by_level: Vec<Count>,
    pub recognized_total: usize,
}

/// Meetings held in the span: `total`, `reviews`, `dialogues`,
/// `receptions`, `conferences`; the citizens present at dialogues and
/// receptions (`dialogue_attendance`, `reception_attendance`: the sum of
/// the `attendance` recorded); `dialogue_units`: `[{ id, name }]`, where
/// the dialogues were held.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MeetingFigures {
    pub total: usize,
    pub reviews: usize,
    pub dialogues: usize,
    pub receptions: usize,
    pub conferences: usize,
    pub dialogue_attendance: u64,
    pub reception_attendance: u64,
    pub dialogue_units: Vec<UnitRef>,
}

/// Quy định 11-QĐi/TW month by month: `target` (the workspace's `every`
/// target whose measure is used, or null: then every reception, at least
/// 1 a month), `min`, `every` (`month` or `quarter`), `counted` (the
/// months that ended in the span, and the running one once met), `met`,
/// `percent` (met ÷ counted × 100, null when none), `months`: `[{ period,
/// count, met, running }]`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MonthlyFigures {
    pub target: Option<String>,
    pub min: u32,
    pub every: Option<Granularity>,
    pub counted: usize,
    pub met: usize,
    pub percent: Option<f64>,
    pub months: Vec<MonthLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthLine {
    pub period: Period,
    pub count: usize,
    pub met: bool,
    pub running: bool,
}

/// The tasks of conclusion notices up to `to` that were not finished
/// before the span began: `assigned` (how many), on `to` `done` (on time),
/// `done_late`, `open` (including due soon), `overdue`; `overdue_tasks`:
/// [`TaskLine`]s, each overdue task with its assignee.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TaskFigures {
    pub assigned: usize,
    pub done: usize,
    pub done_late: usize,
    pub open: usize,
    pub overdue: usize,
    pub overdue_tasks: Vec<TaskLine>,
}

/// A task: `id` (MEETING#N), `notice` (its number, "341-TB/HU", or null),
/// `text`, `assignee` (org id) and `assignee_name`, `due`, `days_late`.
#[derive(Debug, Clone, Serialize)]
pub struct TaskLine {
    pub id: String,
    pub notice: Option<String>,
    pub text: String,
    pub assignee: String,
    pub assignee_name: String,
    pub due: Option<NaiveDate>,
    pub days_late: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
}

/// One target in part III: `id`, `title`, `measure`, `direction`, `goal`,
/// `deadline`, `percent` (whether values are percentages); on
/// `figures_as_of`: `actual`, `expected`, `status` (as `danvan progress`),
/// `at_deadline` (the figure it is judged on once its deadline passed);
/// `year_ago`: the figure a year earlier; `verdict`: once its deadline is
/// on or before `figures_as_of`, `achieved` or `missed` on its figure on
/// the deadline (else null); `series`: for a range, `[{ period, end,
/// actual }]` for each year of it.
#[derive(Debug, Clone, Serialize)]
pub struct TargetLine {
    pub id: String,
    pub title: String,
    pub measure: &'static str,
    pub direction: Direction,
    pub goal: f64,
    pub deadline: NaiveDate,
    pub percent: bool,
    pub actual: Option<f64>,
    pub expected: Option<f64>,
    pub status: TargetStatus,
    pub at_deadline: Option<f64>,
    pub year_ago: Option<f64>,
    pub verdict: Option<TargetStatus>,
    pub series: Vec<targets::SeriesPoint>,
}

/// A line of part IV (shortcomings) or V (directions): `kind` (stable:
/// `petitions-overdue`, `acceptance-overdue`, `tasks-overdue`,
/// `target-behind`, `target-missed`, `no-dialogue`, `no-model`,
/// `months-missed`; `task-due`, `petition-due`, `target-due`), `text` as
/// printed, `due` when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub kind: &'static str,
    pub text: String,
    pub due: Option<NaiveDate>,
}

/// Text the office added: `source` (`meeting` or `file`), `reference` (the
/// meeting id or the file's path), `part` (`assessment` or `directions`),
/// `heading`, `paragraphs`.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeText {
    pub source: &'static str,
    pub reference: String,
    pub part: &'static str,
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

/// The tables after the signature: `petitions_by_unit` (`[{ unit,
/// unit_name, complaint, denunciation, recommendation, total }]`: a
/// petition of several units counts in each; `unit` null for one without),
/// `models` (`[{ id, title, lead, level, recognized, units }]`, every model
/// recognised up to `to`), `meetings` (`[{ id, date, type, title, units,
/// attendance }]`, held in the span).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Appendix {
    pub petitions_by_unit: Vec<UnitPetitions>,
    pub models: Vec<ModelLine>,
    pub meetings: Vec<MeetingLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitPetitions {
    pub unit: Option<String>,
    pub unit_name: String,
    pub complaint: usize,
    pub denunciation: usize,
    pub recommendation: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelLine {
    pub id: String,
    pub title: String,
    pub lead: String,
    pub level: Recognition,
    pub recognized: NaiveDate,
    pub units: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingLine {
    pub id: String,
    pub date: NaiveDate,
    #[serde(rename = "type")]
    pub kind: MeetingType,
    pub title: String,
    pub units: Vec<String>,
    pub attendance: Option<u32>,
}

// ── The document (templates, docx) ─────────────────────────────────────────

/// The report as a Party document: what the templates
/// (`src/templates/review.*.j2`) and `render::docx::review` lay out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReviewDocument {
    pub header: Header,
    /// "BÁO CÁO".
    pub doc_type: &'static str,
    pub subject: String,
    pub opening: Vec<String>,
    pub parts: Vec<DocPart>,
    pub signature: Signature,
    /// "Nơi nhận:" lines, each with its dash and its closing "," or ".".
    pub recipients: Vec<String>,
    /// The tables after the signature, under "PHỤ LỤC".
    pub appendix: Vec<DocTable>,
    pub date: NaiveDate,
}

/// A part of the body: "I. TÌNH HÌNH NHÂN DÂN" and its blocks.
#[derive(Debug, Clone, Serialize)]
pub struct DocPart {
    /// "I", "II", …
    pub number: String,
    pub heading: String,
    pub blocks: Vec<DocBlock>,
}

/// A block of a part. `office` marks text the office wrote, not danvan.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DocBlock {
    /// "1. Mô hình …" (bold).
    Heading {
        text: String,
        office: bool,
    },
    Paragraph {
        text: String,
        office: bool,
    },
    /// "- …".
    Item {
        text: String,
        office: bool,
    },
    /// Says where the office's text comes from (italic).
    Note {
        text: String,
    },
    Table {
        table: DocTable,
    },
}

/// A table of text: `columns`, which of them hold `numeric` values (right
/// aligned), `rows`, an optional `total` row.
#[derive(Debug, Clone, Serialize)]
pub struct DocTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
}

// ── Vietnamese words and numbers ───────────────────────────────────────────

/// "1.234": thousands grouped with a dot (the document is Vietnamese).
pub fn vi_int(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// "77,8%".
pub fn vi_percent(p: f64) -> String {
    format!("{}%", vi_decimal(p, 1))
}

/// "72,6": one decimal with a comma.
fn vi_decimal(n: f64, decimals: usize) -> String {
    format!("{n:.decimals$}").replace('.', ",")
}

/// A target's value: "77,8%" for percentages, "1.234" for whole numbers, "2,5" otherwise.
fn vi_value(v: f64, percent: bool) -> String {
    if percent {
        vi_percent(v)
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = vi_int(v.abs() as usize);
        if v < 0.0 { format!("-{s}") } else { s }
    } else {
        vi_decimal(v, 1)
    }
}

fn type_word(t: PetitionType) -> &'static str {
    match t {
        PetitionType::Complaint => "khiếu nại",
        PetitionType::Denunciation => "tố cáo",
        PetitionType::Recommendation => "kiến nghị, phản ánh",
    }
}

fn channel_word(c: Option<Channel>) -> &'static str {
    match c {
        Some(Channel::Mail) => "gửi qua bưu điện",
        Some(Channel::Reception) => "qua tiếp công dân",
        Some(Channel::Dialogue) => "qua đối thoại",
        Some(Channel::Online) => "trực tuyến",
        Some(Channel::Transfer) => "do cơ quan khác chuyển đến",
        None => "không ghi nguồn",
    }
}

fn level_word(r: Recognition) -> &'static str {
    match r {
        Recognition::Commune => "cấp xã",
        Recognition::District => "cấp huyện",
        Recognition::Province => "cấp tỉnh",
        Recognition::National => "cấp Trung ương",
    }
}

/// How a sentence names a meeting of a type: "buổi tiếp công dân".
fn meeting_phrase(t: MeetingType) -> &'static str {
    match t {
        MeetingType::Review => "hội nghị sơ kết, tổng kết",
        MeetingType::Dialogue => "buổi đối thoại",
        MeetingType::Reception => "buổi tiếp công dân",
        MeetingType::Conference => "hội nghị",
    }
}

fn meeting_word(t: MeetingType) -> &'static str {
    match t {
        MeetingType::Review => "sơ kết, tổng kết",
        MeetingType::Dialogue => "đối thoại",
        MeetingType::Reception => "tiếp công dân",
        MeetingType::Conference => "hội nghị",
    }
}

fn status_word(s: TargetStatus) -> &'static str {
    match s {
        TargetStatus::Achieved => "đạt",
        TargetStatus::OnTrack => "đúng tiến độ",
        TargetStatus::Behind => "chậm tiến độ",
        TargetStatus::Missed => "không đạt",
        TargetStatus::NoData => "chưa có số liệu",
    }
}

/// The words of a petition's field: the usual codes, else the code with spaces.
fn field_word(code: &str) -> String {
    match code {
        "dat-dai" => "đất đai".into(),
        "moi-truong" => "môi trường".into(),
        "chinh-sach" => "chính sách".into(),
        "boi-thuong" => "bồi thường, hỗ trợ, tái định cư".into(),
        "can-bo" => "cán bộ, công chức".into(),
        "trat-tu-xay-dung" => "trật tự xây dựng".into(),
        "tu-phap" => "tư pháp".into(),
        "y-te" => "y tế".into(),
        "giao-duc" => "giáo dục".into(),
        other => other.replace('-', " "),
    }
}

/// "A, B và C".
fn join_vi(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// "tăng 3 đơn", "giảm 1 đơn", or "bằng" when equal: the change from `before` to `now`.
fn change(now: usize, before: usize, unit: &str) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("tăng {} {unit}", vi_int(now - before)).trim_end().to_owned(),
        std::cmp::Ordering::Less => format!("giảm {} {unit}", vi_int(before - now)).trim_end().to_owned(),
        std::cmp::Ordering::Equal => "bằng".into(),
    }
}

/// The comparison clauses of a figure with each span compared with,
/// joined by "; ": "so với cùng kỳ năm 2024 tăng 3 đơn; bằng 6 tháng cuối
/// năm 2024", or with what is compared named: "so với cùng kỳ năm 2024,
/// số nhiệm vụ quá hạn giảm 1". Empty when there is nothing to compare with.
fn comparisons(
    what: Option<&str>,
    now: usize,
    before: &[(&Figures, &str)],
    count: impl Fn(&Figures) -> usize,
    unit: &str,
) -> String {
    before
        .iter()
        .map(|(f, name)| {
            let c = change(now, count(f), unit);
            match (what, c.as_str()) {
                (None, "bằng") => format!("bằng {name}"),
                (None, _) => format!("so với {name} {c}"),
                (Some(what), "bằng") => format!("{what} bằng {name}"),
                (Some(what), _) => format!("so với {name}, {what} {c}"),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// [`comparisons`] ending a clause: "; so với …" (or nothing).
fn versus(now: usize, before: &[(&Figures, &str)], count: impl Fn(&Figures) -> usize, unit: &str) -> String {
    let c = comparisons(None, now, before, count, unit);
    if c.is_empty() { c } else { format!("; {c}") }
}

/// [`comparisons`] inside a sentence: " (so với …)" (or nothing).
fn versus_paren(now: usize, before: &[(&Figures, &str)], count: impl Fn(&Figures) -> usize, unit: &str) -> String {
    let c = comparisons(None, now, before, count, unit);
    if c.is_empty() { c } else { format!(" ({c})") }
}

/// [`comparisons`] naming what is compared, ending a sentence.
fn versus_named(
    what: &str,
    now: usize,
    before: &[(&Figures, &str)],
    count: impl Fn(&Figures) -> usize,
    unit: &str,
) -> String {
    let c = comparisons(Some(what), now, before, count, unit);
    if c.is_empty() { c } else { format!("; {c}") }
}

// ── Computing ───────────────────────────────────────────────────────────────

/// The review of `opts.span`, with the records as they stood at its end
/// (or on `as_of`, when earlier). `timeline` builds each date's snapshot
/// once (a bundle writing two reviews shares them). The span must have
/// begun by `as_of`.
pub fn review(timeline: &mut Timeline<'_, '_>, as_of: NaiveDate, opts: &ReviewOptions) -> Review {
    let ws = timeline.at(as_of).ws;
    let span = opts.span;
    let end = span.to().min(as_of);
    let ended = span.to() <= as_of;
    let current = figures(timeline, span, as_of);
    let comparison = |s: ReviewSpan, timeline: &mut Timeline<'_, '_>| {
        let f = figures(timeline, s, as_of);
        f.has_records.then_some(f)
    };
    let (year_ago, previous, years) = match span {
        ReviewSpan::Range(from, to) => {
            let years = (from.year()..=to.year())
                .map(|y| {
                    let start = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(from).max(from);
                    let stop = NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(to).min(to);
                    figures(timeline, ReviewSpan::new(start, stop), as_of)
                })
                .filter(|f| f.from <= end)
                .collect();
            (None, None, years)
        }
        ReviewSpan::Period(_) => {
            // A comparison's figures are taken at its own end, whatever `as_of`.
            let year_ago = comparison(span.year_ago(), timeline);
            let previous = span.previous().and_then(|p| comparison(p, timeline));
            (year_ago, previous, Vec::new())
        }
    };
    let targets = target_lines(timeline, ws, span, end);
    let next = span.next();
    let snap_end = timeline.at(end);
    let directions = directions(snap_end, next, &targets);
    let shortcomings = shortcomings(&current, &targets);
    let appendix = appendix(snap_end, span, end);
    let office = office_texts(ws, span, opts.office.as_ref());
    let subject = subject(span, ended, end);
    let mut review = Review {
        kind: span.kind(),
        period: match span {
            ReviewSpan::Period(p) => Some(p),
            ReviewSpan::Range(..) => None,
        },
        from: span.from(),
        to: span.to(),
        label: span.label(),
        subject,
        as_of,
        figures_as_of: end,
        ended,
        has_records: current.has_records,
        current,
        year_ago,
        previous,
        years,
        targets,
        shortcomings,
        directions,
        office,
        appendix,
        next: NextSpan {
            from: next.from(),
            to: next.to(),
            label: next.label(),
        },
        document: ReviewDocument::default(),
    };
    review.document = document(ws, &review, span, opts);
    review
}

/// The subject line of the review of `span` made on `as_of`.
pub fn subject_of(span: ReviewSpan, as_of: NaiveDate) -> String {
    subject(span, span.to() <= as_of, span.to().min(as_of))
}

/// "tình hình Nhân dân và kết quả công tác dân vận 6 tháng đầu năm 2025",
/// "tổng kết công tác dân vận giai đoạn 2021–2025"; "(tính đến ngày …)"
/// for a span not ended.
fn subject(span: ReviewSpan, ended: bool, end: NaiveDate) -> String {
    let mut s = match span {
        ReviewSpan::Range(from, to) if whole_years(from, to) => format!("tổng kết công tác dân vận {}", span.label()),
        _ => format!("tình hình Nhân dân và kết quả công tác dân vận {}", span.label()),
    };
    if !ended {
        s.push_str(&format!(" (tính đến ngày {})", short_date(end)));
    }
    s
}

/// The first `every` target of the workspace: its measure is the standard
/// of citizen reception the review checks month by month.
fn reception_standard(ws: &Workspace) -> Option<&Target> {
    ws.targets.iter().find(|t| matches!(t.measure, Measure::Every { .. }))
}

fn unit_ref(ws: &Workspace, id: &str) -> UnitRef {
    UnitRef {
        id: id.to_owned(),
        name: crate::i18n::unit_name(&ws.config, id).into_owned(),
    }
}

/// Keys counted, largest first, then by key.
fn counts(map: BTreeMap<String, usize>, label: impl Fn(&str) -> String) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(key, count)| Count {
            label: label(&key),
            key,
            count,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v
}

/// The figures of `span`, taken at its end or on `as_of` when earlier.
fn figures(timeline: &mut Timeline<'_, '_>, span: ReviewSpan, as_of: NaiveDate) -> Figures {
    let from = span.from();
    let to = span.to().min(as_of);
    let snap = timeline.at(to);
    let ws = snap.ws;
    let within = |d: NaiveDate| from <= d && d <= to;

    // Petitions.
    let mut p = PetitionFigures::default();
    let mut fields: BTreeMap<String, usize> = BTreeMap::new();
    let mut channels: BTreeMap<String, usize> = BTreeMap::new();
    for item in snap.items(Kind::Petition) {
        let Item::Petition(pet, status) = item else { continue };
        if within(pet.received.value) {
            p.received += 1;
            p.by_type.add(pet.kind);
            *fields
                .entry(pet.field.clone().unwrap_or_else(|| "none".into()))
                .or_default() += 1;
            let channel = pet.channel.map_or("none", |c| c.as_str());
            *channels.entry(channel.to_owned()).or_default() += 1;
        }
        if pet.accepted.as_ref().is_some_and(|d| within(d.value)) {
            p.accepted += 1;
        }
        if pet.resolved.as_ref().is_some_and(|d| within(d.value)) {
            p.resolved += 1;
            p.resolved_by_type.add(pet.kind);
            match status.state {
                PetitionState::ResolvedOnTime => {
                    p.resolved_on_time += 1;
                    p.on_time_by_type.add(pet.kind);
                }
                PetitionState::ResolvedLate => p.resolved_late += 1,
                _ => {}
            }
        }
        if !status.state.is_resolved() {
            p.open += 1;
        }
        match status.state {
            PetitionState::Overdue => p.overdue += 1,
            PetitionState::AcceptanceOverdue => p.acceptance_overdue += 1,
            _ => {}
        }
    }
    p.on_time_percent = (p.resolved > 0).then(|| p.resolved_on_time as f64 * 100.0 / p.resolved as f64);
    p.by_field = counts(fields, |k| {
        if k == "none" {
            "không ghi lĩnh vực".into()
        } else {
            field_word(k)
        }
    });
    p.by_channel = counts(channels, |k| channel_word(Channel::parse(k)).to_owned());

    // Models.
    let mut m = ModelFigures::default();
    let mut levels: BTreeMap<Recognition, usize> = BTreeMap::new();
    for item in snap.items(Kind::Model) {
        let Item::Model(model, status) = item else { continue };
        if status == ModelStatus::Active {
            m.active += 1;
        }
        if within(model.started.value) {
            m.started += 1;
        }
        if let Some(level) = item.recognition_on(to) {
            m.recognized_total += 1;
            if model.recognized.as_ref().is_some_and(|d| within(d.value)) {
                m.recognized += 1;
                *levels.entry(level).or_default() += 1;
            }
        }
    }
    m.recognized_by_level = levels
        .into_iter()
        .map(|(level, count)| Count {
            key: level.as_str().to_owned(),
            label: level_word(level).to_owned(),
            count,
        })
        .collect();

    // Meetings.
    let mut mt = MeetingFigures::default();
    let mut dialogue_units: Vec<String> = Vec::new();
    for item in snap.items(Kind::Meeting) {
        let Item::Meeting(meeting) = item else { continue };
        if !within(meeting.date.value) {
            continue;
        }
        mt.total += 1;
        let attendance = u64::from(meeting.attendance.unwrap_or(0));
        match meeting.kind {
            MeetingType::Review => mt.reviews += 1,
            MeetingType::Dialogue => {
                mt.dialogues += 1;
                mt.dialogue_attendance += attendance;
                for u in &meeting.units {
                    if !dialogue_units.contains(&u.value) {
                        dialogue_units.push(u.value.clone());
                    }
                }
            }
            MeetingType::Reception => {
                mt.receptions += 1;
                mt.reception_attendance += attendance;
            }
            MeetingType::Conference => mt.conferences += 1,
        }
    }
    mt.dialogue_units = dialogue_units.iter().map(|u| unit_ref(ws, u)).collect();

    let receptions_monthly = monthly(snap, from);
    let tasks = tasks(snap, from);

    let units_now: Vec<&Unit> = ws.config.units.iter().filter(|u| u.exists_on(to)).collect();
    let units_without_dialogue = units_now
        .iter()
        .filter(|u| !dialogue_units.contains(&u.id.value))
        .map(|u| unit_ref(ws, &u.id.value))
        .collect();
    let with_model: Vec<&str> = snap
        .items(Kind::Model)
        .filter(|i| matches!(i, Item::Model(_, ModelStatus::Active)))
        .flat_map(|i| i.units().iter().map(|u| u.value.as_str()))
        .collect();
    let units_without_model = units_now
        .iter()
        .filter(|u| !with_model.contains(&u.id.value.as_str()))
        .map(|u| unit_ref(ws, &u.id.value))
        .collect();

    let dated_in_span = p.received > 0
        || p.resolved > 0
        || p.accepted > 0
        || m.started > 0
        || m.recognized > 0
        || mt.total > 0
        || tasks.done + tasks.done_late > 0;
    Figures {
        label: span.label(),
        from,
        to,
        has_records: dated_in_span,
        petitions: p,
        models: m,
        meetings: mt,
        receptions_monthly,
        tasks,
        units_without_dialogue,
        units_without_model,
    }
}

/// Citizen reception month by month from `from` (or from the start of
/// the target's own span, when later) to the snapshot's date, by the
/// workspace's `every` target (else every reception, one a month),
/// through the same domain function as the target.
fn monthly(snap: &Snapshot<'_>, from: NaiveDate) -> MonthlyFigures {
    let standard = reception_standard(snap.ws);
    let from = standard
        .and_then(|t| targets::every_start(snap.ws, t))
        .map_or(from, |start| start.max(from));
    let receptions = Filter {
        clauses: vec![Clause {
            key: "type".into(),
            values: vec![FilterValue::Text("reception".into())],
            spans: vec![Span::default()],
            span: Span::default(),
        }],
    };
    let (kind, filter, min, g) = match standard.map(|t| &t.measure) {
        Some(Measure::Every {
            kind,
            filter,
            min,
            every,
            ..
        }) => (*kind, filter, *min, *every),
        _ => (Kind::Meeting, &receptions, 1, Granularity::Month),
    };
    let periods = targets::periods_met(snap, kind, filter, min, g, from);
    let counted: Vec<_> = periods.iter().filter(|p| p.counted()).collect();
    let met = counted.iter().filter(|p| p.met).count();
    MonthlyFigures {
        target: standard.map(|t| t.id.clone()),
        min,
        every: Some(g),
        counted: counted.len(),
        met,
        percent: (!counted.is_empty()).then(|| met as f64 * 100.0 / counted.len() as f64),
        months: periods
            .iter()
            .map(|p| MonthLine {
                period: p.period,
                count: p.records.len(),
                met: p.met,
                running: p.running,
            })
            .collect(),
    }
}

/// The tasks assigned up to the snapshot's date that were not finished
/// before `from`, as they stand on it.
fn tasks(snap: &Snapshot<'_>, from: NaiveDate) -> TaskFigures {
    let ws = snap.ws;
    let mut t = TaskFigures::default();
    for item in snap.items(Kind::Conclusion) {
        let Item::Task(meeting, index, c, status) = item else {
            continue;
        };
        if status.done.is_some_and(|d| d < from) {
            continue;
        }
        t.assigned += 1;
        match status.state {
            TaskState::Done => t.done += 1,
            TaskState::DoneLate => t.done_late += 1,
            TaskState::Open | TaskState::DueSoon => t.open += 1,
            TaskState::Overdue => {
                t.overdue += 1;
                t.overdue_tasks.push(TaskLine {
                    id: meeting.task_id(index),
                    notice: meeting
                        .notice
                        .as_ref()
                        .map(|n| n.full_number(&ws.config.committee.notice_suffix)),
                    text: c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    assignee: c.assignee.value.clone(),
                    assignee_name: ws.config.org_name(&c.assignee.value).to_owned(),
                    due: c.due.as_ref().map(|d| d.value),
                    days_late: status.days_late,
                });
            }
        }
    }
    t
}

/// Every target at the end of the span, with its figure a year earlier,
/// and for a range its figure at the end of each year of it.
fn target_lines<'w>(
    timeline: &mut Timeline<'_, 'w>,
    ws: &'w Workspace,
    span: ReviewSpan,
    end: NaiveDate,
) -> Vec<TargetLine> {
    let year_ago_end = end.checked_sub_months(Months::new(12));
    ws.targets
        .iter()
        .map(|t| {
            let p = targets::progress(timeline, t, end);
            let series = match span {
                ReviewSpan::Range(from, _) => targets::series(timeline, t, Granularity::Year, end)
                    .into_iter()
                    .filter(|s| s.end >= from)
                    .collect(),
                ReviewSpan::Period(_) => Vec::new(),
            };
            let year_ago = match span {
                ReviewSpan::Period(_) => year_ago_end.and_then(|d| timeline.actual(t, d)),
                ReviewSpan::Range(..) => None,
            };
            // The final verdict, once the deadline is reached: its figure on the deadline.
            let verdict = (t.deadline.value <= end).then(|| {
                let on_deadline = timeline.actual(t, t.deadline.value);
                match on_deadline {
                    Some(v) if targets::at_least_as_good(t.direction, v, t.goal) => TargetStatus::Achieved,
                    _ => TargetStatus::Missed,
                }
            });
            TargetLine {
                id: t.id.clone(),
                title: t.title.clone(),
                measure: t.measure.name(),
                direction: t.direction,
                goal: t.goal,
                deadline: t.deadline.value,
                percent: t.measure.is_percent() || t.unit.as_deref() == Some("%"),
                actual: p.actual,
                expected: p.expected,
                status: p.status,
                at_deadline: p.at_deadline,
                year_ago,
                verdict,
                series,
            }
        })
        .collect()
}

/// Part IV: what the figures show is wrong.
fn shortcomings(f: &Figures, targets: &[TargetLine]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |kind, text: String| out.push(Finding { kind, text, due: None });
    let end = short_date(f.to);
    if f.petitions.overdue > 0 {
        push(
            "petitions-overdue",
            format!(
                "Đến ngày {end} còn {} đơn quá hạn giải quyết.",
                vi_int(f.petitions.overdue)
            ),
        );
    }
    if f.petitions.acceptance_overdue > 0 {
        push(
            "acceptance-overdue",
            format!(
                "Đến ngày {end} còn {} đơn quá hạn thụ lý.",
                vi_int(f.petitions.acceptance_overdue)
            ),
        );
    }
    if f.tasks.overdue > 0 {
        push(
            "tasks-overdue",
            format!(
                "Còn {} nhiệm vụ trong các thông báo kết luận quá hạn chưa hoàn thành (nêu tại mục II.4).",
                vi_int(f.tasks.overdue)
            ),
        );
    }
    for t in targets {
        let shown = |v: Option<f64>| v.map_or("chưa có số liệu".to_owned(), |v| vi_value(v, t.percent));
        match t.verdict.unwrap_or(t.status) {
            TargetStatus::Behind => push(
                "target-behind",
                format!(
                    "Chỉ tiêu “{}” chậm tiến độ: đạt {}, dự kiến đến nay {}, mục tiêu {}.",
                    t.title,
                    shown(t.actual),
                    shown(t.expected),
                    vi_value(t.goal, t.percent)
                ),
            ),
            TargetStatus::Missed => push(
                "target-missed",
                format!(
                    "Chỉ tiêu “{}” không đạt: đến hạn {} đạt {}, mục tiêu {}.",
                    t.title,
                    short_date(t.deadline),
                    shown(t.at_deadline.or(t.actual)),
                    vi_value(t.goal, t.percent)
                ),
            ),
            _ => {}
        }
    }
    let m = &f.receptions_monthly;
    let missed = m.months.iter().filter(|p| !p.met && !p.running).count();
    if missed > 0 {
        push(
            "months-missed",
            format!(
                "{} {} chưa có đủ {} buổi tiếp công dân định kỳ: {}.",
                vi_int(missed),
                if m.every == Some(Granularity::Quarter) {
                    "quý"
                } else {
                    "tháng"
                },
                m.min,
                missed_months(m)
            ),
        );
    }
    let names = |units: &[UnitRef]| join_vi(&units.iter().map(|u| u.name.clone()).collect::<Vec<_>>());
    if !f.units_without_dialogue.is_empty() {
        push(
            "no-dialogue",
            format!(
                "{} đơn vị chưa tổ chức đối thoại trực tiếp với Nhân dân trong kỳ: {}.",
                vi_int(f.units_without_dialogue.len()),
                names(&f.units_without_dialogue)
            ),
        );
    }
    if !f.units_without_model.is_empty() {
        push(
            "no-model",
            format!(
                "{} đơn vị chưa có mô hình dân vận đang thực hiện: {}.",
                vi_int(f.units_without_model.len()),
                names(&f.units_without_model)
            ),
        );
    }
    out
}

/// "tháng 2/2025", "quý I/2025".
fn month_name(p: Period) -> String {
    match p {
        Period::Month(y, m) => format!("tháng {m}/{y}"),
        Period::Quarter(y, q) => format!("quý {}/{y}", ["I", "II", "III", "IV"][usize::from(q.clamp(1, 4) - 1)]),
        other => period_phrase(other),
    }
}

/// Part V: the deadlines of the next period, from the records as they
/// stand at the end of this one.
fn directions(snap: &Snapshot<'_>, next: ReviewSpan, targets: &[TargetLine]) -> Vec<Finding> {
    let ws = snap.ws;
    let (from, to) = (next.from(), next.to());
    let within = |d: NaiveDate| from <= d && d <= to;
    let mut out = Vec::new();
    let mut tasks: Vec<(NaiveDate, Finding)> = Vec::new();
    for item in snap.items(Kind::Conclusion) {
        let Item::Task(_, _, c, status) = item else { continue };
        let Some(due) = c.due.as_ref().map(|d| d.value) else {
            continue;
        };
        if status.state.is_finished() || !within(due) {
            continue;
        }
        let text = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
        tasks.push((
            due,
            Finding {
                kind: "task-due",
                text: format!(
                    "{} ({}; hạn {}).",
                    text.trim_end_matches('.'),
                    ws.config.org_name(&c.assignee.value),
                    short_date(due)
                ),
                due: Some(due),
            },
        ));
    }
    tasks.sort_by_key(|(due, _)| *due);
    out.extend(tasks.into_iter().map(|(_, f)| f));
    let mut petitions: Vec<(NaiveDate, Finding)> = Vec::new();
    for item in snap.items(Kind::Petition) {
        let Item::Petition(p, status) = item else { continue };
        if status.state.is_resolved() {
            continue;
        }
        let Some(due) = status.current_deadline().filter(|d| within(*d)) else {
            continue;
        };
        let what = if status.accepted { "giải quyết" } else { "thụ lý" };
        let units: Vec<String> = p
            .units
            .iter()
            .map(|u| crate::i18n::unit_name(&ws.config, &u.value).into_owned())
            .collect();
        let place = if units.is_empty() {
            String::new()
        } else {
            format!(" ({})", join_vi(&units))
        };
        petitions.push((
            due,
            Finding {
                kind: "petition-due",
                text: format!(
                    "Hoàn thành {what} 01 đơn {}{place}, hạn {}.",
                    type_word(p.kind),
                    short_date(due)
                ),
                due: Some(due),
            },
        ));
    }
    petitions.sort_by_key(|(due, _)| *due);
    out.extend(petitions.into_iter().map(|(_, f)| f));
    for t in targets.iter().filter(|t| within(t.deadline)) {
        if t.verdict.unwrap_or(t.status) == TargetStatus::Achieved {
            continue;
        }
        let now = t
            .actual
            .map_or("chưa có số liệu".to_owned(), |v| vi_value(v, t.percent));
        out.push(Finding {
            kind: "target-due",
            text: format!(
                "Phấn đấu hoàn thành chỉ tiêu “{}” (mục tiêu {}, hiện đạt {}; hạn {}).",
                t.title,
                vi_value(t.goal, t.percent),
                now,
                short_date(t.deadline)
            ),
            due: Some(t.deadline),
        });
    }
    out
}

/// The appendix tables' data.
fn appendix(snap: &Snapshot<'_>, span: ReviewSpan, end: NaiveDate) -> Appendix {
    let ws = snap.ws;
    let from = span.from();
    let within = |d: NaiveDate| from <= d && d <= end;
    let mut by_unit: Vec<UnitPetitions> = Vec::new();
    let mut add = |unit: Option<&str>, kind: PetitionType| {
        let at = match by_unit.iter().position(|u| u.unit.as_deref() == unit) {
            Some(at) => at,
            None => {
                by_unit.push(UnitPetitions {
                    unit: unit.map(str::to_owned),
                    unit_name: unit.map_or("(không ghi đơn vị)".to_owned(), |u| {
                        crate::i18n::unit_name(&ws.config, u).into_owned()
                    }),
                    complaint: 0,
                    denunciation: 0,
                    recommendation: 0,
                    total: 0,
                });
                by_unit.len() - 1
            }
        };
        let row = &mut by_unit[at];
        match kind {
            PetitionType::Complaint => row.complaint += 1,
            PetitionType::Denunciation => row.denunciation += 1,
            PetitionType::Recommendation => row.recommendation += 1,
        }
        row.total += 1;
    };
    for p in ws.petitions.iter().filter(|p| within(p.received.value)) {
        if p.units.is_empty() {
            add(None, p.kind);
        }
        for u in &p.units {
            add(Some(&u.value), p.kind);
        }
    }
    // In the order of danvan.toml's units, the petitions without a unit last.
    let order = |u: &UnitPetitions| {
        u.unit
            .as_deref()
            .and_then(|id| ws.config.units.iter().position(|x| x.id.value == id))
            .unwrap_or(usize::MAX)
    };
    by_unit.sort_by_key(order);
    let models = ws
        .models
        .iter()
        .filter_map(|m| {
            let level = m.recognition.as_ref()?.value;
            let recognized = m.recognized.as_ref()?.value;
            (recognized <= end && m.started.value <= end).then(|| ModelLine {
                id: m.id.clone(),
                title: m.title.clone(),
                lead: ws.config.org_name(&m.lead.value).to_owned(),
                level,
                recognized,
                units: m
                    .units
                    .iter()
                    .map(|u| crate::i18n::unit_name(&ws.config, &u.value).into_owned())
                    .collect(),
            })
        })
        .collect();
    let meetings = ws
        .meetings
        .iter()
        .filter(|m| within(m.date.value))
        .map(|m| MeetingLine {
            id: m.id.clone(),
            date: m.date.value,
            kind: m.kind,
            title: m.title.clone(),
            units: m
                .units
                .iter()
                .map(|u| crate::i18n::unit_name(&ws.config, &u.value).into_owned())
                .collect(),
            attendance: m.attendance,
        })
        .collect();
    Appendix {
        petitions_by_unit: by_unit,
        models,
        meetings,
    }
}

/// The office's text: the `assessment` of the review meetings of the
/// period (a meeting of type review whose `period` is the span), then the
/// sections of its Markdown file. A section headed "Phương hướng",
/// "Nhiệm vụ", "Kiến nghị" or "Đề xuất" goes to the directions.
fn office_texts(ws: &Workspace, span: ReviewSpan, file: Option<&OfficeFile>) -> Vec<OfficeText> {
    let mut out = Vec::new();
    if let ReviewSpan::Period(p) = span {
        for m in ws
            .meetings
            .iter()
            .filter(|m| m.kind == MeetingType::Review && m.period == Some(p))
        {
            let paragraphs = paragraphs(m.assessment.as_deref().unwrap_or(""));
            if !paragraphs.is_empty() {
                out.push(OfficeText {
                    source: "meeting",
                    reference: m.id.clone(),
                    part: "assessment",
                    heading: None,
                    paragraphs,
                });
            }
        }
    }
    if let Some(file) = file {
        for (heading, body) in markdown_sections(&file.text) {
            let paragraphs = paragraphs(&body);
            if paragraphs.is_empty() && heading.is_none() {
                continue;
            }
            let folded = heading.as_deref().map(fold).unwrap_or_default();
            let to_directions = ["phuong huong", "nhiem vu", "kien nghi", "de xuat"]
                .iter()
                .any(|w| folded.starts_with(w));
            out.push(OfficeText {
                source: "file",
                reference: file.path.clone(),
                part: if to_directions { "directions" } else { "assessment" },
                heading,
                paragraphs,
            });
        }
    }
    out
}

/// A Markdown file's sections: the text before the first `## ` heading,
/// then each heading with its text. `# ` headings and emphasis are kept
/// as written: the office's text is printed, not interpreted.
fn markdown_sections(text: &str) -> Vec<(Option<String>, String)> {
    let mut sections: Vec<(Option<String>, String)> = vec![(None, String::new())];
    for line in text.lines() {
        if let Some(h) = line.trim_start().strip_prefix("## ") {
            sections.push((Some(h.trim().trim_matches('#').trim().to_owned()), String::new()));
        } else if let Some(last) = sections.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    sections
}

/// Paragraphs of text: blank lines separate them, a line starting with
/// "- " or "* " starts a list item (kept with its dash).
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let p = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !p.is_empty() {
            out.push(p);
        }
        current.clear();
    };
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            flush(&mut current, &mut out);
        } else if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            flush(&mut current, &mut out);
            current.push_str("- ");
            current.push_str(item);
        } else {
            current.push(' ');
            current.push_str(t);
        }
    }
    flush(&mut current, &mut out);
    out
}

// ── The document ────────────────────────────────────────────────────────────

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

fn para(text: impl Into<String>) -> DocBlock {
    DocBlock::Paragraph {
        text: text.into(),
        office: false,
    }
}

fn item(text: impl Into<String>) -> DocBlock {
    DocBlock::Item {
        text: text.into(),
        office: false,
    }
}

fn heading(text: impl Into<String>) -> DocBlock {
    DocBlock::Heading {
        text: text.into(),
        office: false,
    }
}

/// The header: the committee (and the board under it, when a board
/// issues), "Số …-BC/…", and the place and date.
fn header(ws: &Workspace, opts: &ReviewOptions) -> Header {
    let c = &ws.config.committee;
    let r = &ws.config.review;
    let (parent, issuer) = match r.issuer.as_deref() {
        Some(board) => (upper(&c.name), upper(&board_name(c, board))),
        None => (upper(&c.parent), upper(&c.name)),
    };
    let suffix = number_suffix(c, r);
    // A number is given when the office registers the report; until then
    // it is left blank, to be written by hand.
    let number = match opts.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("Số {n}-{suffix}"),
        None => format!("Số     -{suffix}"),
    };
    Header {
        parent,
        issuer,
        number,
        party: PARTY,
        place_date: format!("{}, {}", c.place.trim(), date_line(opts.date)),
    }
}

/// A board's name without its committee: "Ban Dân vận Huyện ủy" → "Ban Dân vận".
fn board_name(c: &Committee, board: &str) -> String {
    let board = board.trim();
    let kind = c
        .name
        .trim()
        .strip_suffix(c.place.trim())
        .map(str::trim)
        .unwrap_or(c.name.trim());
    match board.strip_suffix(kind).map(str::trim) {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => board.to_owned(),
    }
}

/// `[review] number_suffix`, else the notice's suffix with BC for TB
/// ("TB/HU" → "BC/HU"; the domain facts: "BC/HU" for the committee,
/// "BC/BDVHU" for its Ban Dân vận, unconfirmed).
fn number_suffix(c: &Committee, r: &ReviewConfig) -> String {
    if let Some(s) = r.number_suffix.as_deref() {
        return s.trim().to_owned();
    }
    let notice = c.notice_suffix.trim();
    match notice.split_once('/') {
        Some((_, rest)) => format!("BC/{rest}"),
        None => "BC".to_owned(),
    }
}

fn signature(ws: &Workspace) -> Signature {
    let r = &ws.config.review;
    let board = r.issuer.is_some();
    let on_behalf = match r.on_behalf.as_deref() {
        Some(s) => upper(s),
        None if board => String::new(),
        None => "T/M BAN THƯỜNG VỤ".to_owned(),
    };
    let title = match r.signer_title.as_deref() {
        Some(t) => upper(t),
        None if board => "TRƯỞNG BAN".to_owned(),
        None => String::new(),
    };
    Signature {
        on_behalf,
        title,
        name: r.signer.as_deref().map(str::trim).unwrap_or_default().to_owned(),
    }
}

/// "Nơi nhận": `[review] recipients`, then the archive copy.
fn recipients(ws: &Workspace) -> Vec<String> {
    let r = &ws.config.review;
    let archive = match (r.archive.as_deref(), r.issuer.as_deref()) {
        (Some(a), _) => a.trim().to_owned(),
        (None, Some(board)) => format!("Lưu {}", board_name(&ws.config.committee, board)),
        (None, None) => format!("Lưu {}", office(&ws.config.committee)),
    };
    let mut lines: Vec<String> = r
        .recipients
        .iter()
        .map(|x| x.trim().trim_end_matches([',', '.', ';']).trim())
        .filter(|x| !x.is_empty())
        .map(|x| format!("- {x},"))
        .collect();
    lines.push(format!("- {}.", archive.trim_end_matches('.')));
    lines
}

/// The comparisons of a span: (figures, how the sentence names them).
fn compared(r: &Review, span: ReviewSpan) -> Vec<(&Figures, String)> {
    let mut out = Vec::new();
    if let Some(f) = &r.year_ago {
        out.push((f, span.as_year_ago()));
    }
    if let (Some(f), Some(prev)) = (&r.previous, span.previous()) {
        out.push((f, prev.label()));
    }
    out
}

fn document(ws: &Workspace, r: &Review, span: ReviewSpan, opts: &ReviewOptions) -> ReviewDocument {
    let cmp_owned = compared(r, span);
    let cmp: Vec<(&Figures, &str)> = cmp_owned.iter().map(|(f, s)| (*f, s.as_str())).collect();
    let f = &r.current;
    let end = short_date(r.figures_as_of);
    let issuer = ws
        .config
        .review
        .issuer
        .as_deref()
        .unwrap_or(&ws.config.committee.name)
        .trim()
        .to_owned();

    let mut opening = vec![format!(
        "{issuer} báo cáo tình hình Nhân dân và kết quả công tác dân vận {} như sau.",
        r.label
    )];
    let mut source = format!("Số liệu tổng hợp từ hồ sơ công tác dân vận, tính đến ngày {end}");
    if !r.ended {
        source.push_str(" (kỳ báo cáo chưa kết thúc)");
    }
    source.push('.');
    if matches!(span, ReviewSpan::Period(_)) && r.year_ago.is_none() {
        source.push_str(&format!(
            " {} chưa có số liệu để so sánh.",
            capitalize(&span.as_year_ago())
        ));
    }
    opening.push(source);
    if !f.has_records {
        opening.push(format!(
            "Trong {} không có hồ sơ nào được ghi nhận (mô hình, hội nghị, đơn thư, nhiệm vụ kết luận).",
            r.label
        ));
    }

    let mut parts: Vec<DocPart> = Vec::new();
    let mut push = |heading: &str, blocks: Vec<DocBlock>| {
        let number = ROMAN.get(parts.len()).copied().unwrap_or("X").to_owned();
        parts.push(DocPart {
            number,
            heading: heading.to_owned(),
            blocks,
        });
    };

    // I. The people's situation.
    let mut blocks = Vec::new();
    let reported: Vec<(&Meeting, &str)> = ws
        .meetings
        .iter()
        .filter(|m| f.from <= m.date.value && m.date.value <= f.to)
        .filter_map(|m| Some((m, m.situation.as_deref().map(str::trim).filter(|s| !s.is_empty())?)))
        .collect();
    for (m, s) in reported.iter().take(LISTED_MAX) {
        let text = s.split_whitespace().collect::<Vec<_>>().join(" ");
        blocks.push(para(format!(
            "Qua {} “{}” ngày {}: {text}",
            meeting_phrase(m.kind),
            m.title.trim(),
            short_date(m.date.value)
        )));
    }
    if let Some(more) = reported.len().checked_sub(LISTED_MAX).filter(|&n| n > 0) {
        blocks.push(para(format!(
            "… và tình hình Nhân dân qua {} hội nghị khác trong kỳ (xem danvan list meetings).",
            vi_int(more)
        )));
    }
    if blocks.is_empty() {
        blocks.push(para("Hồ sơ các hội nghị trong kỳ không ghi tình hình Nhân dân."));
    }
    blocks.push(para(petitions_received(f, &cmp)));
    if !f.petitions.by_field.is_empty() {
        blocks.push(para(format!(
            "Theo lĩnh vực: {}.",
            f.petitions
                .by_field
                .iter()
                .map(|c| format!("{} {}", c.label, vi_int(c.count)))
                .collect::<Vec<_>>()
                .join("; ")
        )));
        blocks.push(para(format!(
            "Theo nguồn đơn: {}.",
            f.petitions
                .by_channel
                .iter()
                .map(|c| format!("{} {}", c.label, vi_int(c.count)))
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    blocks.push(para(dialogues(f, &cmp)));
    push("TÌNH HÌNH NHÂN DÂN", blocks);

    // II. Results.
    let mut blocks = vec![heading("1. Mô hình, điển hình “Dân vận khéo”"), para(models(f, &cmp))];
    blocks.push(heading("2. Hội nghị, đối thoại, tiếp công dân"));
    blocks.push(para(meetings(f, &cmp)));
    blocks.push(para(monthly_line(&f.receptions_monthly, ws)));
    blocks.push(heading("3. Tiếp nhận, giải quyết đơn thư"));
    blocks.push(para(petitions_resolved(f, &cmp)));
    if f.petitions.received + f.petitions.resolved > 0 {
        blocks.push(para(petitions_by_type(f)));
    }
    blocks.push(heading("4. Thực hiện các thông báo kết luận"));
    blocks.push(para(tasks_line(f, &cmp)));
    for t in f.tasks.overdue_tasks.iter().take(LISTED_MAX) {
        blocks.push(item(overdue_task(t)));
    }
    if let Some(more) = f.tasks.overdue_tasks.len().checked_sub(LISTED_MAX).filter(|&n| n > 0) {
        blocks.push(item(format!(
            "… và {} nhiệm vụ quá hạn khác (danh sách đủ: danvan conclusions --state overdue).",
            vi_int(more)
        )));
    }
    if !r.years.is_empty() {
        blocks.push(heading("5. Kết quả qua từng năm"));
        blocks.push(DocBlock::Table {
            table: years_table(&r.years, &r.label),
        });
    }
    push("KẾT QUẢ CÔNG TÁC DÂN VẬN", blocks);

    // III. Targets.
    if !r.targets.is_empty() {
        push(
            "THỰC HIỆN CÁC CHỈ TIÊU",
            vec![
                para(targets_line(&r.targets, &end)),
                DocBlock::Table {
                    table: targets_table(r, span),
                },
            ],
        );
    }

    // IV. Shortcomings.
    let mut blocks: Vec<DocBlock> = r.shortcomings.iter().map(|s| item(s.text.clone())).collect();
    if blocks.is_empty() {
        blocks.push(para("Số liệu trong kỳ không cho thấy hạn chế nào cần nêu."));
    }
    push("HẠN CHẾ (TỪ SỐ LIỆU)", blocks);

    // The office's assessment.
    let office_blocks = |part: &str| -> Vec<DocBlock> {
        let mut blocks = Vec::new();
        for o in r.office.iter().filter(|o| o.part == part) {
            let whence = match ws.meeting(&o.reference).filter(|_| o.source == "meeting") {
                Some(m) => format!(
                    "đánh giá ghi trong hồ sơ hội nghị “{}” ngày {}",
                    m.title.trim(),
                    short_date(m.date.value)
                ),
                None => format!("tệp {}", o.reference),
            };
            blocks.push(DocBlock::Note {
                text: format!("(Phần do cơ quan soạn thảo bổ sung, theo {whence}.)"),
            });
            if let Some(h) = &o.heading {
                blocks.push(DocBlock::Heading {
                    text: h.clone(),
                    office: true,
                });
            }
            for p in &o.paragraphs {
                blocks.push(match p.strip_prefix("- ") {
                    Some(rest) => DocBlock::Item {
                        text: rest.to_owned(),
                        office: true,
                    },
                    None => DocBlock::Paragraph {
                        text: p.clone(),
                        office: true,
                    },
                });
            }
        }
        blocks
    };
    let assessment = office_blocks("assessment");
    if !assessment.is_empty() {
        push("ĐÁNH GIÁ CHUNG", assessment);
    }

    // V. Directions.
    let mut blocks = vec![para(format!(
        "Các nhiệm vụ, thời hạn {} theo hồ sơ đến ngày {end}:",
        r.next.label
    ))];
    blocks.extend(r.directions.iter().map(|d| item(d.text.clone())));
    if r.directions.is_empty() {
        blocks.push(item(format!(
            "Không có nhiệm vụ, thời hạn nào rơi vào {}.",
            r.next.label
        )));
    }
    blocks.extend(office_blocks("directions"));
    push(&format!("PHƯƠNG HƯỚNG, NHIỆM VỤ {}", upper(&r.next.label)), blocks);

    ReviewDocument {
        header: header(ws, opts),
        doc_type: DOC_TYPE,
        subject: r.subject.clone(),
        opening,
        parts,
        signature: signature(ws),
        recipients: recipients(ws),
        appendix: appendix_tables(&r.appendix, &r.label),
        date: opts.date,
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn petitions_received(f: &Figures, cmp: &[(&Figures, &str)]) -> String {
    let p = &f.petitions;
    if p.received == 0 {
        return format!(
            "Không tiếp nhận đơn thư nào{}.",
            versus(0, cmp, |g| g.petitions.received, "đơn")
        );
    }
    format!(
        "Tiếp nhận {} đơn ({} khiếu nại, {} tố cáo, {} kiến nghị, phản ánh){}.",
        vi_int(p.received),
        vi_int(p.by_type.complaint),
        vi_int(p.by_type.denunciation),
        vi_int(p.by_type.recommendation),
        versus(p.received, cmp, |g| g.petitions.received, "đơn")
    )
}

fn dialogues(f: &Figures, cmp: &[(&Figures, &str)]) -> String {
    let m = &f.meetings;
    let mut s = if m.dialogues == 0 {
        format!(
            "Không tổ chức buổi đối thoại trực tiếp nào với Nhân dân{}",
            versus(0, cmp, |g| g.meetings.dialogues, "buổi")
        )
    } else {
        let units: Vec<String> = m.dialogue_units.iter().map(|u| u.name.clone()).collect();
        let place = if units.is_empty() {
            String::new()
        } else {
            format!(" tại {}", join_vi(&units))
        };
        format!(
            "Tổ chức {} buổi đối thoại trực tiếp với Nhân dân{place}, {} lượt người dân tham dự{}",
            vi_int(m.dialogues),
            vi_int(m.dialogue_attendance as usize),
            versus(m.dialogues, cmp, |g| g.meetings.dialogues, "buổi")
        )
    };
    s.push_str(&format!(
        ". Tiếp công dân {} buổi, {} lượt công dân{}.",
        vi_int(m.receptions),
        vi_int(m.reception_attendance as usize),
        versus(m.receptions, cmp, |g| g.meetings.receptions, "buổi")
    ));
    s
}

fn models(f: &Figures, cmp: &[(&Figures, &str)]) -> String {
    let m = &f.models;
    // "(1 cấp tỉnh; so với cùng kỳ năm 2024 tăng 1 mô hình)": the levels, then the comparisons.
    let mut recognized: Vec<String> = m
        .recognized_by_level
        .iter()
        .map(|c| format!("{} {}", vi_int(c.count), c.label))
        .collect();
    let levels = recognized.join(", ");
    recognized.clear();
    if !levels.is_empty() {
        recognized.push(levels);
    }
    let compared = comparisons(None, m.recognized, cmp, |g| g.models.recognized, "mô hình");
    if !compared.is_empty() {
        recognized.push(compared);
    }
    let recognized = if recognized.is_empty() {
        String::new()
    } else {
        format!(" ({})", recognized.join("; "))
    };
    format!(
        "Đến ngày {}, có {} mô hình dân vận đang thực hiện. Trong kỳ có {} mô hình mới{} và {} mô hình được công nhận “Dân vận khéo”{recognized}; lũy kế {} mô hình được công nhận.",
        short_date(f.to),
        vi_int(m.active),
        vi_int(m.started),
        versus_paren(m.started, cmp, |g| g.models.started, "mô hình"),
        vi_int(m.recognized),
        vi_int(m.recognized_total)
    )
}

fn meetings(f: &Figures, cmp: &[(&Figures, &str)]) -> String {
    let m = &f.meetings;
    format!(
        "Trong kỳ có {} hội nghị: {} hội nghị sơ kết, tổng kết; {} buổi đối thoại; {} buổi tiếp công dân; {} hội nghị khác{}.",
        vi_int(m.total),
        vi_int(m.reviews),
        vi_int(m.dialogues),
        vi_int(m.receptions),
        vi_int(m.conferences),
        versus_named("tổng số hội nghị", m.total, cmp, |g| g.meetings.total, "")
    )
}

/// "Tiếp công dân định kỳ theo Quy định 11-QĐi/TW: 5/6 tháng có ít nhất 1
/// buổi (83,3%); chưa đạt: tháng 2/2025."
fn monthly_line(m: &MonthlyFigures, ws: &Workspace) -> String {
    let missed = missed_months(m);
    let unit = if m.every == Some(Granularity::Quarter) {
        "quý"
    } else {
        "tháng"
    };
    let whose = match m
        .target
        .as_deref()
        .and_then(|id| ws.targets.iter().find(|t| t.id == id))
    {
        Some(t) => format!(" (chỉ tiêu “{}”)", t.title),
        None => " (mọi buổi tiếp công dân)".to_owned(),
    };
    if m.counted == 0 {
        return format!("Tiếp công dân định kỳ theo Quy định 11-QĐi/TW{whose}: chưa có {unit} nào để đánh giá.");
    }
    let mut s = format!(
        "Tiếp công dân định kỳ theo Quy định 11-QĐi/TW{whose}: {}/{} {unit} có ít nhất {} buổi ({})",
        vi_int(m.met),
        vi_int(m.counted),
        m.min,
        vi_percent(m.percent.unwrap_or(0.0))
    );
    if missed.is_empty() {
        s.push_str(&format!("; {unit} nào cũng đạt."));
    } else {
        s.push_str(&format!("; chưa đạt: {missed}."));
    }
    s
}

/// The months (quarters) that ended unmet: each named, or, past twelve,
/// counted by year ("năm 2021: 12 tháng; năm 2022: 8 tháng").
fn missed_months(m: &MonthlyFigures) -> String {
    let unit = if m.every == Some(Granularity::Quarter) {
        "quý"
    } else {
        "tháng"
    };
    let missed: Vec<Period> = m
        .months
        .iter()
        .filter(|p| !p.met && !p.running)
        .map(|p| p.period)
        .collect();
    if missed.len() <= 12 {
        return missed.into_iter().map(month_name).collect::<Vec<_>>().join(", ");
    }
    let mut by_year: BTreeMap<i32, usize> = BTreeMap::new();
    for p in missed {
        *by_year.entry(p.start().year()).or_default() += 1;
    }
    by_year
        .into_iter()
        .map(|(y, n)| format!("năm {y}: {} {unit}", vi_int(n)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn petitions_resolved(f: &Figures, cmp: &[(&Figures, &str)]) -> String {
    let p = &f.petitions;
    let on_time = match p.on_time_percent {
        Some(pct) => format!(
            ", trong đó {} đơn đúng hạn ({})",
            vi_int(p.resolved_on_time),
            vi_percent(pct)
        ),
        None => String::new(),
    };
    format!(
        "Thụ lý {} đơn; giải quyết {} đơn{on_time}{}. Đến ngày {}, còn {} đơn đang giải quyết, {} đơn quá hạn giải quyết, {} đơn quá hạn thụ lý.",
        vi_int(p.accepted),
        vi_int(p.resolved),
        versus_named("số đơn giải quyết", p.resolved, cmp, |g| g.petitions.resolved, "đơn"),
        short_date(f.to),
        vi_int(p.open),
        vi_int(p.overdue),
        vi_int(p.acceptance_overdue)
    )
}

/// "Theo loại đơn: khiếu nại tiếp nhận 2, giải quyết 1 (đúng hạn 1); …".
fn petitions_by_type(f: &Figures) -> String {
    let p = &f.petitions;
    let each: Vec<String> = [
        PetitionType::Complaint,
        PetitionType::Denunciation,
        PetitionType::Recommendation,
    ]
    .into_iter()
    .map(|t| {
        format!(
            "{} tiếp nhận {}, giải quyết {} (đúng hạn {})",
            type_word(t),
            vi_int(p.by_type.get(t)),
            vi_int(p.resolved_by_type.get(t)),
            vi_int(p.on_time_by_type.get(t))
        )
    })
    .collect();
    format!("Theo loại đơn: {}.", each.join("; "))
}

fn tasks_line(f: &Figures, cmp: &[(&Figures, &str)]) -> String {
    let t = &f.tasks;
    if t.assigned == 0 {
        return "Không có nhiệm vụ nào của các thông báo kết luận cần theo dõi trong kỳ.".to_owned();
    }
    let mut s = format!(
        "Các thông báo kết luận đến ngày {} có {} nhiệm vụ cần theo dõi trong kỳ: hoàn thành đúng hạn {}, hoàn thành trễ hạn {}, đang thực hiện {}, quá hạn {}{}.",
        short_date(f.to),
        vi_int(t.assigned),
        vi_int(t.done),
        vi_int(t.done_late),
        vi_int(t.open),
        vi_int(t.overdue),
        versus_named("số nhiệm vụ quá hạn", t.overdue, cmp, |g| g.tasks.overdue, "nhiệm vụ")
    );
    if t.overdue > 0 {
        s.push_str(" Các nhiệm vụ quá hạn:");
    }
    s
}

fn overdue_task(t: &TaskLine) -> String {
    let notice = t
        .notice
        .as_deref()
        .map(|n| format!("Thông báo số {n}; "))
        .unwrap_or_default();
    let due = t.due.map(|d| format!("hạn {}", short_date(d))).unwrap_or_default();
    let late = t
        .days_late
        .map(|n| format!(", trễ {} ngày", vi_int(n.max(0) as usize)))
        .unwrap_or_default();
    format!(
        "{} ({}; {notice}{due}{late}).",
        t.text.trim_end_matches('.'),
        t.assignee_name
    )
}

fn targets_line(targets: &[TargetLine], end: &str) -> String {
    let n = |s: TargetStatus| targets.iter().filter(|t| t.verdict.unwrap_or(t.status) == s).count();
    format!(
        "Đến ngày {end}, trong {} chỉ tiêu: {} đạt, {} đúng tiến độ, {} chậm tiến độ, {} không đạt, {} chưa có số liệu.",
        vi_int(targets.len()),
        vi_int(n(TargetStatus::Achieved)),
        vi_int(n(TargetStatus::OnTrack)),
        vi_int(n(TargetStatus::Behind)),
        vi_int(n(TargetStatus::Missed)),
        vi_int(n(TargetStatus::NoData))
    )
}

fn targets_table(r: &Review, span: ReviewSpan) -> DocTable {
    let shown = |v: Option<f64>, percent: bool| v.map_or(String::new(), |v| vi_value(v, percent));
    let sign = |d: Direction| match d {
        Direction::AtLeast => "≥ ",
        Direction::AtMost => "≤ ",
    };
    match span {
        ReviewSpan::Range(..) => {
            let mut years: Vec<i32> = r
                .targets
                .iter()
                .flat_map(|t| t.series.iter().map(|s| s.end.year()))
                .collect();
            years.sort_unstable();
            years.dedup();
            let mut columns = vec!["Chỉ tiêu".to_owned(), "Mục tiêu".to_owned()];
            columns.extend(years.iter().map(|y| y.to_string()));
            columns.push("Kết quả".to_owned());
            let mut numeric = vec![false, true];
            numeric.extend(years.iter().map(|_| true));
            numeric.push(false);
            let rows = r
                .targets
                .iter()
                .map(|t| {
                    let mut row = vec![
                        t.title.clone(),
                        format!("{}{}", sign(t.direction), vi_value(t.goal, t.percent)),
                    ];
                    row.extend(years.iter().map(|y| {
                        shown(
                            t.series.iter().find(|s| s.end.year() == *y).and_then(|s| s.actual),
                            t.percent,
                        )
                    }));
                    row.push(status_word(t.verdict.unwrap_or(t.status)).to_owned());
                    row
                })
                .collect();
            DocTable {
                caption: format!("Các chỉ tiêu qua từng năm, {}", r.label),
                columns,
                numeric,
                rows,
                total: None,
            }
        }
        ReviewSpan::Period(_) => {
            let year_ago = format!("Cùng kỳ {}", r.figures_as_of.year() - 1);
            DocTable {
                caption: format!("Các chỉ tiêu, tính đến ngày {}", short_date(r.figures_as_of)),
                columns: vec![
                    "Chỉ tiêu".into(),
                    "Mục tiêu".into(),
                    "Hạn".into(),
                    year_ago,
                    "Thực hiện".into(),
                    "Đánh giá".into(),
                ],
                numeric: vec![false, true, false, true, true, false],
                rows: r
                    .targets
                    .iter()
                    .map(|t| {
                        vec![
                            t.title.clone(),
                            format!("{}{}", sign(t.direction), vi_value(t.goal, t.percent)),
                            short_date(t.deadline),
                            shown(t.year_ago, t.percent),
                            shown(t.actual, t.percent),
                            status_word(t.verdict.unwrap_or(t.status)).to_owned(),
                        ]
                    })
                    .collect(),
                total: None,
            }
        }
    }
}

fn years_table(years: &[Figures], label: &str) -> DocTable {
    let rows: Vec<Vec<String>> = years
        .iter()
        .map(|f| {
            vec![
                f.from.year().to_string(),
                vi_int(f.petitions.received),
                vi_int(f.petitions.resolved),
                f.petitions.on_time_percent.map_or(String::new(), vi_percent),
                vi_int(f.models.recognized),
                vi_int(f.meetings.dialogues),
                vi_int(f.meetings.receptions),
                vi_int(f.tasks.done + f.tasks.done_late),
            ]
        })
        .collect();
    let sum = |g: &dyn Fn(&Figures) -> usize| vi_int(years.iter().map(g).sum());
    let resolved: usize = years.iter().map(|f| f.petitions.resolved).sum();
    let on_time: usize = years.iter().map(|f| f.petitions.resolved_on_time).sum();
    let total = vec![
        "Cộng".to_owned(),
        sum(&|f| f.petitions.received),
        sum(&|f| f.petitions.resolved),
        if resolved > 0 {
            vi_percent(on_time as f64 * 100.0 / resolved as f64)
        } else {
            String::new()
        },
        sum(&|f| f.models.recognized),
        sum(&|f| f.meetings.dialogues),
        sum(&|f| f.meetings.receptions),
        sum(&|f| f.tasks.done + f.tasks.done_late),
    ];
    DocTable {
        caption: format!("Kết quả qua từng năm, {label}"),
        columns: [
            "Năm",
            "Đơn tiếp nhận",
            "Đơn giải quyết",
            "Đúng hạn",
            "Mô hình được công nhận",
            "Đối thoại",
            "Tiếp công dân",
            "Nhiệm vụ hoàn thành",
        ]
        .map(String::from)
        .to_vec(),
        numeric: vec![false, true, true, true, true, true, true, true],
        rows,
        total: Some(total),
    }
}

/// The most items a list or an appendix table of the document names; the
/// JSON holds every one. A committee's half-year is far below; a workspace
/// of a whole province's records is not, and a document of thousands of
/// pages would be printed by nobody.
const LISTED_MAX: usize = 200;

/// A table's caption with, when `total` rows were cut to [`LISTED_MAX`],
/// how many there are and where to see them all.
fn capped(caption: String, total: usize, all: &str) -> String {
    if total <= LISTED_MAX {
        return caption;
    }
    format!(
        "{caption} ({} đầu tiên trong {}; danh sách đủ: {all})",
        vi_int(LISTED_MAX),
        vi_int(total)
    )
}

fn appendix_tables(a: &Appendix, label: &str) -> Vec<DocTable> {
    let mut out = Vec::new();
    let rows: Vec<Vec<String>> = a
        .petitions_by_unit
        .iter()
        .map(|u| {
            vec![
                u.unit_name.clone(),
                vi_int(u.complaint),
                vi_int(u.denunciation),
                vi_int(u.recommendation),
                vi_int(u.total),
            ]
        })
        .collect();
    let sum = |g: fn(&UnitPetitions) -> usize| vi_int(a.petitions_by_unit.iter().map(g).sum());
    out.push(DocTable {
        caption: format!("Phụ lục 1. Đơn thư tiếp nhận theo đơn vị và loại đơn, {label}"),
        columns: ["Đơn vị", "Khiếu nại", "Tố cáo", "Kiến nghị, phản ánh", "Cộng"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, true, true, true, true],
        total: (!rows.is_empty()).then(|| {
            vec![
                "Cộng (một đơn nhiều đơn vị được tính ở mỗi đơn vị)".to_owned(),
                sum(|u| u.complaint),
                sum(|u| u.denunciation),
                sum(|u| u.recommendation),
                sum(|u| u.total),
            ]
        }),
        rows,
    });
    out.push(DocTable {
        caption: capped(
            "Phụ lục 2. Mô hình được công nhận “Dân vận khéo”".into(),
            a.models.len(),
            "danvan list models",
        ),
        columns: ["Mô hình", "Chủ trì", "Địa bàn", "Cấp công nhận", "Ngày công nhận"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false; 5],
        rows: a
            .models
            .iter()
            .take(LISTED_MAX)
            .map(|m| {
                vec![
                    m.title.clone(),
                    m.lead.clone(),
                    if m.units.is_empty() {
                        "toàn địa bàn".into()
                    } else {
                        m.units.join(", ")
                    },
                    level_word(m.level).to_owned(),
                    short_date(m.recognized),
                ]
            })
            .collect(),
        total: None,
    });
    out.push(DocTable {
        caption: capped(
            format!("Phụ lục 3. Hội nghị, đối thoại, tiếp công dân, {label}"),
            a.meetings.len(),
            "danvan list meetings",
        ),
        columns: ["Ngày", "Loại", "Hội nghị", "Địa bàn", "Người dân tham dự"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, false, false, false, true],
        rows: a
            .meetings
            .iter()
            .take(LISTED_MAX)
            .map(|m| {
                vec![
                    short_date(m.date),
                    meeting_word(m.kind).to_owned(),
                    m.title.clone(),
                    m.units.join(", "),
                    m.attendance.map_or(String::new(), |n| vi_int(n as usize)),
                ]
            })
            .collect(),
        total: None,
    });
    out
}

/// The last completed half-year and year on `as_of`: the reviews a report
/// bundle adds (2025-H1 and 2024 on 30/6/2025 or 15/11/2025).
pub fn last_completed(as_of: NaiveDate) -> [Period; 2] {
    let last_half = match Period::containing(as_of, Granularity::Half) {
        p if p.end() == as_of => p,
        p => Period::containing(p.start() - Days::new(1), Granularity::Half),
    };
    let last_year = match Period::Year(as_of.year()) {
        p if p.end() == as_of => p,
        _ => Period::Year(as_of.year() - 1),
    };
    [last_half, last_year]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(vi_int(0), "0");
        assert_eq!(vi_int(1234), "1.234");
        assert_eq!(vi_int(1234567), "1.234.567");
        assert_eq!(vi_percent(77.777), "77,8%");
        assert_eq!(vi_value(3337.0, false), "3.337");
        assert_eq!(vi_value(2.4, false), "2,4");
        assert_eq!(vi_value(51.85, true), "51,9%");
    }

    #[test]
    fn changes_are_said_plainly() {
        assert_eq!(change(12, 9, "đơn"), "tăng 3 đơn");
        assert_eq!(change(9, 12, "đơn"), "giảm 3 đơn");
        assert_eq!(change(4, 4, "đơn"), "bằng");
    }

    #[test]
    fn spans_and_their_neighbours() {
        let h1 = ReviewSpan::Period(Period::Half(2025, 1));
        assert_eq!(h1.label(), "6 tháng đầu năm 2025");
        assert_eq!(h1.year_ago(), ReviewSpan::Period(Period::Half(2024, 1)));
        assert_eq!(h1.previous(), Some(ReviewSpan::Period(Period::Half(2024, 2))));
        assert_eq!(h1.next(), ReviewSpan::Period(Period::Half(2025, 2)));
        assert_eq!(h1.as_year_ago(), "cùng kỳ năm 2024");
        let y = ReviewSpan::Period(Period::Year(2025));
        assert_eq!((y.label(), y.as_year_ago()), ("năm 2025".into(), "năm 2024".into()));
        assert_eq!(y.previous(), None);
        let q1 = ReviewSpan::Period(Period::Quarter(2025, 1));
        assert_eq!(q1.previous(), Some(ReviewSpan::Period(Period::Quarter(2024, 4))));
        assert_eq!(
            ReviewSpan::Period(Period::Month(2025, 3)).year_ago(),
            ReviewSpan::Period(Period::Month(2024, 3))
        );
        // A span that is exactly a period is that period; the resolution is a range.
        assert_eq!(ReviewSpan::new(d("2025-01-01"), d("2025-06-30")), h1);
        let whole = ReviewSpan::new(d("2021-01-01"), d("2025-12-31"));
        assert_eq!(whole, ReviewSpan::Range(d("2021-01-01"), d("2025-12-31")));
        assert_eq!(whole.label(), "giai đoạn 2021–2025");
        assert_eq!(whole.next(), ReviewSpan::Period(Period::Year(2026)));
        assert_eq!(
            ReviewSpan::new(d("2024-03-01"), d("2025-06-30")).label(),
            "từ ngày 1/3/2024 đến ngày 30/6/2025"
        );
        assert_eq!(
            subject(whole, true, d("2025-12-31")),
            "tổng kết công tác dân vận giai đoạn 2021–2025"
        );
        assert_eq!(
            subject(ReviewSpan::Period(Period::Half(2025, 2)), false, d("2025-11-15")),
            "tình hình Nhân dân và kết quả công tác dân vận 6 tháng cuối năm 2025 (tính đến ngày 15/11/2025)"
        );
    }

    #[test]
    fn the_bundle_reviews_the_last_completed_half_year_and_year() {
        assert_eq!(
            last_completed(d("2025-06-30")),
            [Period::Half(2025, 1), Period::Year(2024)]
        );
        assert_eq!(
            last_completed(d("2025-11-15")),
            [Period::Half(2025, 1), Period::Year(2024)]
        );
        assert_eq!(
            last_completed(d("2025-12-31")),
            [Period::Half(2025, 2), Period::Year(2025)]
        );
        assert_eq!(
            last_completed(d("2026-01-01")),
            [Period::Half(2025, 2), Period::Year(2025)]
        );
        assert_eq!(
            last_completed(d("2025-06-29")),
            [Period::Half(2024, 2), Period::Year(2024)]
        );
    }

    #[test]
    fn office_markdown_splits_into_sections() {
        let text = "Mở đầu của cơ quan.\n\n## Đánh giá\nDòng một\ndòng hai.\n\n- Ý một\n- Ý hai\n\n## Phương hướng\nTiếp tục.\n";
        let file = OfficeFile {
            path: "reviews/2025-H1.md".into(),
            text: text.into(),
        };
        let ws_dir = crate::load::tests::workspace(&[]);
        let ws = crate::check::load(ws_dir.path()).workspace.unwrap();
        let out = office_texts(&ws, ReviewSpan::Period(Period::Half(2025, 1)), Some(&file));
        let parts: Vec<(Option<&str>, &str, Vec<&str>)> = out
            .iter()
            .map(|o| {
                (
                    o.heading.as_deref(),
                    o.part,
                    o.paragraphs.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [
                (None, "assessment", vec!["Mở đầu của cơ quan."]),
                (
                    Some("Đánh giá"),
                    "assessment",
                    vec!["Dòng một dòng hai.", "- Ý một", "- Ý hai"]
                ),
                (Some("Phương hướng"), "directions", vec!["Tiếp tục."]),
            ]
        );
        assert!(
            out.iter()
                .all(|o| o.source == "file" && o.reference == "reviews/2025-H1.md")
        );
    }

    #[test]
    fn the_report_number_suffix_follows_the_notice_unless_set() {
        let c = Committee {
            name: "Huyện ủy Lấp Vò".into(),
            parent: "Đảng bộ tỉnh Đồng Tháp".into(),
            standing: "Ban Thường vụ Huyện ủy".into(),
            place: "Lấp Vò".into(),
            notice_suffix: "TB/HU".into(),
            lang: None,
            utc_offset: None,
        };
        assert_eq!(number_suffix(&c, &ReviewConfig::default()), "BC/HU");
        let xa = Committee {
            notice_suffix: "TB/ĐU".into(),
            ..c.clone()
        };
        assert_eq!(number_suffix(&xa, &ReviewConfig::default()), "BC/ĐU");
        let board = ReviewConfig {
            number_suffix: Some("BC/BDVHU".into()),
            ..ReviewConfig::default()
        };
        assert_eq!(number_suffix(&c, &board), "BC/BDVHU");
        assert_eq!(board_name(&c, "Ban Dân vận Huyện ủy"), "Ban Dân vận");
        assert_eq!(board_name(&c, "Văn phòng"), "Văn phòng");
    }

    /// A period of more meetings than a document lists: the first
    /// [`LISTED_MAX`] are named, the rest counted, and the appendix says
    /// where to see them all; the figures count every one.
    #[test]
    fn long_lists_are_cut_and_say_how_many_are_left() {
        let total = LISTED_MAX + 3;
        let files: Vec<(String, String)> = (0..total)
            .map(|i| {
                (
                    format!("meetings/2025/tiep-{i:03}.toml"),
                    format!(
                        "title = \"Tiếp công dân số {i}\"\ntype = \"reception\"\ndate = 2025-03-{:02}\n\
                         units = [\"tan-my\"]\nchair = \"Bí thư\"\nparticipants = [\"ubnd\"]\n\
                         attendance = 1\nsituation = \"Công dân hỏi về chính sách.\"\n",
                        i % 28 + 1
                    ),
                )
            })
            .collect();
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let dir = crate::load::tests::workspace(&files);
        let loaded = crate::check::load(dir.path());
        let ws = loaded.workspace.unwrap();
        let as_of = d("2025-12-31");
        let base = Snapshot::new(&ws, as_of, 7);
        let mut timeline = Timeline::new(&base);
        let opts = ReviewOptions {
            span: ReviewSpan::Period(Period::Half(2025, 1)),
            number: None,
            date: as_of,
            office: None,
        };
        let review = review(&mut timeline, as_of, &opts);
        let texts: Vec<&str> = review.document.parts[0]
            .blocks
            .iter()
            .filter_map(|b| match b {
                DocBlock::Paragraph { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts.iter().filter(|t| t.starts_with("Qua ")).count(), LISTED_MAX);
        assert!(
            texts.contains(&"… và tình hình Nhân dân qua 3 hội nghị khác trong kỳ (xem danvan list meetings)."),
            "{texts:?}"
        );
        let meetings = review
            .document
            .appendix
            .iter()
            .find(|t| t.caption.starts_with("Phụ lục 3."))
            .unwrap();
        assert_eq!(meetings.rows.len(), LISTED_MAX);
        assert!(
            meetings
                .caption
                .ends_with("(200 đầu tiên trong 203; danh sách đủ: danvan list meetings)"),
            "{}",
            meetings.caption
        );
        assert_eq!(review.appendix.meetings.len(), total);
    }
}
