//! `danvan import`: rows of a register kept in a spreadsheet → records.
//!
//! Pure: given the loaded workspace, the sheets read by
//! [`crate::load::sheet`] and the ids already taken, [`plan`] decides every
//! file to write, or every problem, each at its sheet row and column.
//! Every record is checked as `check` checks it, by construction: its
//! TOML text is parsed by the loader and the workspace with the new
//! records goes through `check::run`.
//!
//! Re-imports: a record made from a row remembers the row's key in
//! `import_key`: `no:NUMBER@YEAR` when the sheet has a register-number
//! column (số đơn, số vào sổ; numbers restart each year), else
//! `row:FINGERPRINT`, a hash of everything the row says. A sheet with an
//! `id` column (danvan's own export) keeps those ids, and an id already
//! in the workspace is the row already imported.

pub mod headers;
mod rows;
pub mod values;

use crate::diag::Diagnostic;
use crate::domain::ids;
use crate::i18n::tr;
use crate::load::sheet::Sheet;
use crate::model::*;
use crate::render::record::{Draft, Written};
use chrono::Datelike;
use headers::{ColumnMap, Layout};
use rows::RowValues;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// A problem with the sheet, at a row and column when it has them.
#[derive(Debug, Clone)]
pub struct Problem {
    pub sheet: String,
    /// 1-based sheet row.
    pub row: Option<usize>,
    /// 0-based column.
    pub column: Option<usize>,
    /// The column's header, as the sheet writes it.
    pub header: Option<String>,
    pub message: String,
    pub help: Option<String>,
    pub warning: bool,
}

impl Problem {
    pub fn at(sheet: &str, row: usize, column: usize, header: &str, message: String, help: Option<String>) -> Problem {
        Problem {
            sheet: sheet.to_owned(),
            row: Some(row),
            column: Some(column),
            header: Some(header.to_owned()),
            message,
            help,
            warning: false,
        }
    }

    fn sheet_wide(sheet: &str, message: String, help: Option<String>) -> Problem {
        Problem {
            sheet: sheet.to_owned(),
            row: None,
            column: None,
            header: None,
            message,
            help,
            warning: false,
        }
    }
}

/// "A", "B", … "Z", "AA": a column as spreadsheets name it.
pub fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// What to read.
pub struct Input<'a> {
    pub sheets: &'a [Sheet],
    /// `--sheet`: a sheet's name; else the sheet named for the kind, else
    /// the one whose headers fit best.
    pub sheet: Option<&'a str>,
    pub map: &'a ColumnMap,
}

/// A record to write.
#[derive(Debug)]
pub struct NewRecord {
    /// 1-based sheet row it comes from.
    pub row: usize,
    pub id: String,
    /// Relative to the workspace root: `petitions/2023/<id>.toml`.
    pub rel: PathBuf,
    pub draft: Draft,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Skip {
    /// A record already holds the row's key (its id).
    Imported(String),
    /// The row repeats an earlier row of the sheet (its 1-based row).
    Repeats(usize),
}

/// Everything an import would do.
#[derive(Debug)]
pub struct Plan {
    pub kind: Kind,
    pub sheet: String,
    pub rows_read: usize,
    pub records: Vec<NewRecord>,
    pub skipped: Vec<(usize, Skip)>,
    /// Headers of the columns not imported.
    pub unused: Vec<String>,
    /// The tasks read from a conclusions sheet (meetings).
    pub tasks: usize,
    pub warnings: Vec<Problem>,
}

fn required(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Model => &["title", "lead", "started"],
        Kind::Meeting => &["title", "type", "date"],
        Kind::Petition => &["type", "received"],
        Kind::Conclusion => &["meeting", "text", "assignee"],
    }
}

/// The names a sheet holding one kind may have (folded).
fn sheet_names(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Model => &["models", "model", "mo hinh", "mo hinh dan van", "dan van kheo"],
        Kind::Meeting => &["meetings", "meeting", "hoi nghi"],
        Kind::Petition => &["petitions", "petition", "don thu", "don", "so theo doi don thu"],
        Kind::Conclusion => &[
            "conclusions",
            "conclusion tasks",
            "ket luan",
            "nhiem vu",
            "nhiem vu ket luan",
        ],
    }
}

fn pick_sheet<'s>(kind: Kind, input: &Input<'s>) -> Result<(&'s Sheet, Layout), Vec<Problem>> {
    let sheets = input.sheets;
    let first = sheets.first().map_or("", |s| s.name.as_str());
    if let Some(name) = input.sheet {
        let Some(s) = sheets
            .iter()
            .find(|s| s.name == name || crate::text::fold(&s.name) == crate::text::fold(name))
        else {
            let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
            return Err(vec![Problem::sheet_wide(
                first,
                tr!("không có trang tính \"{}\"", "there is no sheet \"{}\"", name),
                Some(tr!("các trang: {}", "sheets: {}", names.join(", "))),
            )]);
        };
        return headers::detect(s, kind, input.map)
            .map(|l| (s, l))
            .map_err(|m| vec![Problem::sheet_wide(&s.name, m, None)]);
    }
    if let Some(s) = sheets
        .iter()
        .find(|s| sheet_names(kind).contains(&headers::normalize(&s.name).as_str()))
        && let Ok(l) = headers::detect(s, kind, input.map)
    {
        return Ok((s, l));
    }
    let mut best: Option<(usize, &Sheet, Layout)> = None;
    let mut first_error = None;
    for s in sheets {
        match headers::detect(s, kind, input.map) {
            Ok(l) => {
                let n = l.columns.iter().filter(|(_, f)| f.is_some()).count();
                if best.as_ref().is_none_or(|(b, _, _)| n > *b) {
                    best = Some((n, s, l));
                }
            }
            Err(m) => {
                first_error.get_or_insert(Problem::sheet_wide(&s.name, m, None));
            }
        }
    }
    match (best, first_error) {
        (Some((_, s, l)), _) => Ok((s, l)),
        (None, Some(p)) => Err(vec![p]),
        (None, None) => Err(vec![Problem::sheet_wide(
            first,
            tr!("tệp không có trang tính nào", "the file has no sheet"),
            None,
        )]),
    }
}

/// Rows whose first words are these are totals, not records.
fn is_total_row(sheet: &Sheet, r: usize) -> bool {
    let first = (0..sheet.width()).map(|c| sheet.cell(r, c)).find(|c| !c.is_empty());
    first.is_some_and(|c| {
        matches!(
            headers::normalize(&c.text()).as_str(),
            "tong cong" | "cong" | "tong" | "tong so" | "total" | "totals"
        )
    })
}

fn missing_columns(kind: Kind, sheet: &Sheet, layout: &Layout) -> Vec<Problem> {
    let fields = headers::fields(kind);
    required(kind)
        .iter()
        .filter(|k| layout.column_of(k).is_none())
        .map(|k| {
            let names = fields
                .iter()
                .find(|f| f.key == *k)
                .map(|f| {
                    f.headers
                        .iter()
                        .take(3)
                        .map(|h| format!("\"{h}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            Problem::sheet_wide(
                &sheet.name,
                tr!(
                    "không có cột cho `{}` (dòng tiêu đề là dòng {})",
                    "no column gives `{}` (the header row is row {})",
                    k,
                    layout.header_row + 1
                ),
                Some(tr!(
                    "thêm cột có tiêu đề như {} hoặc chỉ cột của bạn trong --map: [columns] \"Tiêu đề\" = \"{}\"",
                    "add a column headed e.g. {} or name yours in --map: [columns] \"Header\" = \"{}\"",
                    names,
                    k
                )),
            )
        })
        .collect()
}

/// Reads the data rows under the header row.
fn read_rows(
    ws: &Workspace,
    kind: Kind,
    sheet: &Sheet,
    layout: &Layout,
    map: &ColumnMap,
    problems: &mut Vec<Problem>,
) -> Vec<RowValues> {
    let mut out = Vec::new();
    for r in layout.header_row + 1..sheet.rows.len() {
        let row = &sheet.rows[r];
        if row.iter().all(|c| c.is_empty()) || is_total_row(sheet, r) {
            continue;
        }
        let values = rows::read_row(ws, kind, sheet, layout, map, r, problems);
        for k in required(kind) {
            let have = match *k {
                "meeting" => values.meeting.is_some(),
                _ => values.values.contains_key(k),
            };
            if let (false, Some(c)) = (have, layout.column_of(k))
                && sheet.cell(r, c).is_empty()
            {
                problems.push(Problem::at(
                    &sheet.name,
                    r + 1,
                    c,
                    &layout.columns[c].0,
                    tr!("ô trống: `{}` là bắt buộc", "empty cell: `{}` is required", k),
                    Some(tr!("điền ô này, hoặc xóa dòng", "fill the cell in, or delete the row")),
                ));
            }
        }
        out.push(values);
    }
    out
}

/// The draft of a record from its row: keys in the order of the record format.
fn draft(kind: Kind, row: &RowValues, import_key: Option<&str>, conclusions: Vec<Vec<(String, toml::Value)>>) -> Draft {
    let mut d = Draft {
        schema: Some(format!(
            "../../schema/{}.json",
            match kind {
                Kind::Model => "model",
                Kind::Meeting => "meeting",
                _ => "petition",
            }
        )),
        conclusions,
        ..Default::default()
    };
    let mut indicators = toml::Table::new();
    for f in headers::fields(kind) {
        let Some(v) = row.values.get(f.key) else { continue };
        // Round 1 is every petition's round (export writes it for all
        // types); only a complaint says so in its record.
        let not_complaint = row.str("type").is_some_and(|t| t != "complaint");
        if f.key == "round" && not_complaint && v.as_integer() == Some(1) {
            continue;
        }
        if let Some(k) = f.key.strip_prefix("petitioner.") {
            d.petitioner.push((k.to_owned(), v.clone()));
        } else if let Some(k) = f.key.strip_prefix("notice.") {
            d.notice.push((k.to_owned(), v.clone()));
        } else if let Some(k) = f.key.strip_prefix("indicators.") {
            indicators.insert(k.to_owned(), v.clone());
        } else if f.key == "indicators" {
            if let toml::Value::Table(t) = v {
                indicators.extend(t.clone());
            }
        } else {
            d.fields.push((f.key.to_owned(), v.clone()));
        }
    }
    if kind == Kind::Model && !row.values.contains_key("status") {
        let status = if row.values.contains_key("ended") {
            "completed"
        } else {
            "active"
        };
        let at = d
            .fields
            .iter()
            .position(|(k, _)| k == "recognition" || k == "recognized" || k == "tags");
        let entry = ("status".to_owned(), toml::Value::String(status.to_owned()));
        match at {
            Some(i) => d.fields.insert(i, entry),
            None => d.fields.push(entry),
        }
    }
    if !indicators.is_empty() {
        d.fields.push(("indicators".to_owned(), toml::Value::Table(indicators)));
    }
    if let Some(key) = import_key {
        d.fields
            .push(("import_key".to_owned(), toml::Value::String(key.to_owned())));
    }
    d
}

/// The tasks of a conclusions sheet, by meeting id, in their order.
fn conclusion_rows(
    ws: &Workspace,
    input: &Input<'_>,
    main: &Sheet,
    problems: &mut Vec<Problem>,
) -> Option<(Sheet, Layout, BTreeMap<String, Vec<RowValues>>)> {
    let sheet = input.sheets.iter().find(|s| {
        !std::ptr::eq(*s, main) && sheet_names(Kind::Conclusion).contains(&headers::normalize(&s.name).as_str())
    })?;
    let layout = match headers::detect(sheet, Kind::Conclusion, &ColumnMap::default()) {
        Ok(l) => l,
        Err(m) => {
            problems.push(Problem::sheet_wide(&sheet.name, m, None));
            return None;
        }
    };
    problems.extend(missing_columns(Kind::Conclusion, sheet, &layout));
    let mut by_meeting: BTreeMap<String, Vec<RowValues>> = BTreeMap::new();
    for row in read_rows(ws, Kind::Conclusion, sheet, &layout, &ColumnMap::default(), problems) {
        if let Some(m) = row.meeting.clone() {
            by_meeting.entry(m).or_default().push(row);
        }
    }
    for tasks in by_meeting.values_mut() {
        tasks.sort_by_key(|t| (t.ordinal.unwrap_or(i64::MAX), t.row));
    }
    Some((sheet.clone(), layout, by_meeting))
}

/// Key path → (column, header).
type ColumnsOf = HashMap<String, (usize, String)>;

/// Where a key of a record's text came from.
struct Origin {
    sheet: String,
    row: usize,
    /// Key path → (column, header).
    columns: HashMap<String, (usize, String)>,
    /// conclusion index → (sheet, row, key → (column, header)).
    tasks: Vec<(String, usize, ColumnsOf)>,
}

fn origin_columns(row: &RowValues, layout: &Layout) -> HashMap<String, (usize, String)> {
    row.origins
        .iter()
        .map(|(k, &c)| {
            let path = match k.split_once('.') {
                Some(("indicators", _)) => "indicators".to_owned(),
                _ => (*k).to_owned(),
            };
            (path, (c, layout.columns[c].0.clone()))
        })
        .collect()
}

impl Origin {
    fn problem(&self, written: &Written, d: &Diagnostic) -> Problem {
        let key = d.span.as_ref().and_then(|s| written.key_at(s.start));
        let mut p = Problem {
            sheet: self.sheet.clone(),
            row: Some(self.row),
            column: None,
            header: None,
            message: d.message.clone(),
            help: d.help.clone(),
            warning: !d.is_error(),
        };
        let Some(key) = key else { return p };
        if let Some(rest) = key.strip_prefix("conclusion.") {
            let (i, k) = rest.split_once('.').unwrap_or((rest, ""));
            if let Some((sheet, row, cols)) = i.parse::<usize>().ok().and_then(|i| self.tasks.get(i)) {
                p.sheet = sheet.clone();
                p.row = Some(*row);
                if let Some((c, h)) = cols.get(k) {
                    (p.column, p.header) = (Some(*c), Some(h.clone()));
                }
            }
            return p;
        }
        let key = key
            .split_once('.')
            .filter(|(t, _)| *t == "indicators")
            .map_or(key, |(t, _)| t);
        if let Some((c, h)) = self.columns.get(key) {
            (p.column, p.header) = (Some(*c), Some(h.clone()));
        }
        p
    }
}

/// Decides what importing the sheet would write, or why it cannot.
/// `taken`: the ids already used by files of the kind (even broken ones).
pub fn plan(ws: &Workspace, kind: Kind, input: &Input<'_>, taken: &HashSet<String>) -> Result<Plan, Vec<Problem>> {
    if kind == Kind::Conclusion {
        return Err(vec![Problem::sheet_wide(
            "",
            tr!(
                "nhiệm vụ kết luận được nhập cùng hội nghị: `danvan import meetings` đọc trang \"conclusions\" của cùng tệp",
                "conclusion tasks are imported with their meetings: `danvan import meetings` reads the \"conclusions\" sheet of the same file"
            ),
            None,
        )]);
    }
    let (sheet, layout) = pick_sheet(kind, input)?;
    let mut problems = missing_columns(kind, sheet, &layout);
    if !problems.is_empty() {
        return Err(problems);
    }
    let rows = read_rows(ws, kind, sheet, &layout, input.map, &mut problems);
    let tasks = if kind == Kind::Meeting {
        conclusion_rows(ws, input, sheet, &mut problems)
    } else {
        None
    };
    let mut plan = Plan {
        kind,
        sheet: sheet.name.clone(),
        rows_read: rows.len(),
        records: Vec::new(),
        skipped: Vec::new(),
        unused: layout.unused(),
        tasks: 0,
        warnings: Vec::new(),
    };

    // Keys the workspace holds already.
    let (ws_ids, ws_keys) = existing_keys(ws, kind);
    let number_col = layout.column_of("number");
    let mut seen: HashMap<String, (usize, String)> = HashMap::new();
    let mut used_ids: HashSet<String> = taken.iter().cloned().collect();
    used_ids.extend(ws_ids.iter().cloned());
    let mut origins: Vec<Origin> = Vec::new();
    let mut meeting_of_task: HashSet<String> = HashSet::new();
    for row in &rows {
        let fingerprint = row.fingerprint();
        let main = row.date(rows_main_key(kind));
        let (key, import_key) = match (&row.id, &row.number) {
            (Some(id), _) => (format!("id:{id}"), None),
            (None, Some(n)) => {
                let k = format!("no:{n}@{}", main.map_or(0, |d| d.year()));
                (k.clone(), Some(k))
            }
            (None, None) => {
                let k = format!("row:{fingerprint}");
                (k.clone(), Some(k))
            }
        };
        if let Some((first, fp)) = seen.get(&key) {
            if *fp == fingerprint {
                plan.skipped.push((row.row, Skip::Repeats(*first)));
            } else {
                let c = row.id.as_ref().map_or(number_col, |_| layout.column_of("id"));
                let c = c.unwrap_or(0);
                problems.push(Problem::at(
                    &sheet.name,
                    row.row,
                    c,
                    &layout.columns.get(c).map(|x| x.0.clone()).unwrap_or_default(),
                    tr!(
                        "số/mã này đã có ở dòng {} với nội dung khác",
                        "this number or id is already on row {} with other content",
                        first
                    ),
                    Some(tr!(
                        "mỗi dòng một số vào sổ (trong một năm); sửa một trong hai dòng",
                        "each row has its own register number (within a year); fix one of the two rows"
                    )),
                ));
            }
            continue;
        }
        seen.insert(key.clone(), (row.row, fingerprint));
        if let Some(id) = &row.id
            && (ws_ids.contains(id) || taken.contains(id))
        {
            plan.skipped.push((row.row, Skip::Imported(id.clone())));
            continue;
        }
        if let Some(k) = &import_key
            && let Some(holder) = ws_keys.get(k)
        {
            plan.skipped.push((row.row, Skip::Imported(holder.clone())));
            continue;
        }
        let Some(date) = main else { continue };
        let id = match &row.id {
            Some(id) => id.clone(),
            None => {
                let slug = ids::slug(
                    kind,
                    row.str("title"),
                    row.str("type"),
                    row.values
                        .get("units")
                        .and_then(|u| u.as_array())
                        .and_then(|u| u.first())
                        .and_then(|u| u.as_str()),
                );
                ids::fresh(&ids::base(date, &slug), &used_ids).unwrap_or_default()
            }
        };
        used_ids.insert(id.clone());
        let mut task_origins = Vec::new();
        let conclusions = match (&tasks, &row.id) {
            (Some((tsheet, tlayout, by_meeting)), Some(mid)) => {
                meeting_of_task.insert(mid.clone());
                by_meeting
                    .get(mid)
                    .map(|ts| {
                        ts.iter()
                            .map(|t| {
                                task_origins.push((tsheet.name.clone(), t.row, origin_columns(t, tlayout)));
                                ["text", "assignee", "due", "done"]
                                    .iter()
                                    .filter_map(|k| t.values.get(k).map(|v| ((*k).to_owned(), v.clone())))
                                    .collect()
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        };
        plan.tasks += conclusions.len();
        let d = draft(kind, row, import_key.as_deref(), conclusions);
        let written = crate::render::record::text(&d, false);
        origins.push(Origin {
            sheet: sheet.name.clone(),
            row: row.row,
            columns: origin_columns(row, &layout),
            tasks: task_origins,
        });
        plan.records.push(NewRecord {
            row: row.row,
            rel: PathBuf::from(kind.as_str())
                .join(date.year().to_string())
                .join(format!("{id}.toml")),
            id,
            draft: d,
            text: written.text,
        });
    }
    // Tasks whose meeting is not in the sheet.
    if let Some((tsheet, tlayout, by_meeting)) = &tasks {
        let skipped_ids: HashSet<&str> = rows
            .iter()
            .filter_map(|r| r.id.as_deref())
            .filter(|id| !meeting_of_task.contains(*id))
            .collect();
        for (mid, ts) in by_meeting {
            if meeting_of_task.contains(mid) || skipped_ids.contains(mid.as_str()) {
                continue;
            }
            let c = tlayout.column_of("meeting").unwrap_or(0);
            for t in ts {
                problems.push(Problem::at(
                    &tsheet.name,
                    t.row,
                    c,
                    &tlayout.columns[c].0,
                    tr!(
                        "không có hội nghị \"{}\" trong trang \"{}\"",
                        "no meeting \"{}\" in sheet \"{}\"",
                        mid,
                        sheet.name
                    ),
                    Some(tr!(
                        "nhiệm vụ gắn với hội nghị qua cột id của trang hội nghị",
                        "tasks join their meeting by the meetings sheet's id column"
                    )),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    validate(ws, kind, &mut plan, &origins)?;
    Ok(plan)
}

fn rows_main_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Model => "started",
        Kind::Meeting => "date",
        _ => "received",
    }
}

/// The ids of the kind's records, and their import keys (key → id).
fn existing_keys(ws: &Workspace, kind: Kind) -> (HashSet<String>, HashMap<String, String>) {
    let pairs: Vec<(&str, Option<&String>)> = match kind {
        Kind::Model => ws
            .models
            .iter()
            .map(|r| (r.id.as_str(), r.import_key.as_ref()))
            .collect(),
        Kind::Meeting => ws
            .meetings
            .iter()
            .map(|r| (r.id.as_str(), r.import_key.as_ref()))
            .collect(),
        _ => ws
            .petitions
            .iter()
            .map(|r| (r.id.as_str(), r.import_key.as_ref()))
            .collect(),
    };
    let ids = pairs.iter().map(|(id, _)| (*id).to_owned()).collect();
    let keys = pairs
        .iter()
        .filter_map(|(id, k)| k.map(|k| (k.clone(), (*id).to_owned())))
        .collect();
    (ids, keys)
}

/// Parses every new record's text with the loader, then checks the
/// workspace with them added; every problem goes back to its cell.
fn validate(ws: &Workspace, kind: Kind, plan: &mut Plan, origins: &[Origin]) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut ws = ws.clone();
    let mut by_path: HashMap<PathBuf, usize> = HashMap::new();
    for (i, rec) in plan.records.iter().enumerate() {
        let path = ws.root.join(&rec.rel);
        let written = crate::render::record::text(&rec.draft, false);
        let (record, diags) = crate::load::parse_record(kind, &path, &rec.text);
        for d in &diags {
            let p = origins[i].problem(&written, d);
            if p.warning {
                plan.warnings.push(p);
            } else {
                problems.push(p);
            }
        }
        let file = FileId(ws.files.len() as u32);
        ws.files.push(SourceFile { rel: rec.rel.clone() });
        by_path.insert(path, i);
        match record {
            Some(crate::load::Record::Model(mut m)) => {
                m.file = file;
                ws.models.push(m);
            }
            Some(crate::load::Record::Meeting(mut m)) => {
                m.file = file;
                ws.meetings.push(m);
            }
            Some(crate::load::Record::Petition(mut p)) => {
                p.file = file;
                ws.petitions.push(p);
            }
            None => {}
        }
    }
    if problems.is_empty() {
        let ws = Workspace::new(
            ws.root.clone(),
            ws.files,
            ws.config,
            ws.config_file,
            ws.targets,
            ws.targets_file,
            ws.models,
            ws.meetings,
            ws.petitions,
        );
        for d in crate::check::run(&ws) {
            let Some(i) = d.file.as_ref().and_then(|f| by_path.get(f)) else {
                continue;
            };
            let written = crate::render::record::text(&plan.records[*i].draft, false);
            let p = origins[*i].problem(&written, &d);
            if p.warning {
                plan.warnings.push(p);
            } else {
                problems.push(p);
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
