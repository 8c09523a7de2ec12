//! `danvan summary`: counts by unit, organisation, type, field, status or
//! period, for one kind of record or all, as of a date.

use super::{Body, Cell, Column, Document, Report, Section, Table};
use crate::domain::query::Query;
use crate::domain::snapshot::{Item, Snapshot};
use crate::i18n::{Label, tr, word};
use crate::model::Period;
use crate::model::*;
use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a summary groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Dim {
    /// The committee: in `danvan rollup`, each member.
    Committee,
    Kind,
    Unit,
    Org,
    Type,
    Field,
    Status,
    Month,
    Quarter,
    Half,
    Year,
}

impl Dim {
    fn key(self) -> &'static str {
        match self {
            Dim::Committee => "committee",
            Dim::Kind => "kind",
            Dim::Unit => "unit",
            Dim::Org => "org",
            Dim::Type => "type",
            Dim::Field => "field",
            Dim::Status => "status",
            Dim::Month => "month",
            Dim::Quarter => "quarter",
            Dim::Half => "half",
            Dim::Year => "year",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Dim::Committee => word("Cấp ủy", "Committee"),
            Dim::Kind => word("Loại hồ sơ", "Kind"),
            Dim::Unit => word("Đơn vị", "Unit"),
            Dim::Org => word("Tổ chức", "Organisation"),
            Dim::Type => word("Loại", "Type"),
            Dim::Field => word("Lĩnh vực", "Field"),
            Dim::Status => word("Trạng thái", "Status"),
            Dim::Month => word("Tháng", "Month"),
            Dim::Quarter => word("Quý", "Quarter"),
            Dim::Half => word("6 tháng", "Half"),
            Dim::Year => word("Năm", "Year"),
        }
    }

    fn granularity(self) -> Option<Granularity> {
        match self {
            Dim::Month => Some(Granularity::Month),
            Dim::Quarter => Some(Granularity::Quarter),
            Dim::Half => Some(Granularity::Half),
            Dim::Year => Some(Granularity::Year),
            _ => None,
        }
    }
}

#[derive(Default)]
pub struct SummaryOptions {
    /// The kinds counted; empty means models, meetings and petitions.
    pub kinds: Vec<Kind>,
    pub by: Vec<Dim>,
    pub query: Query,
    /// `--by unit` counts a ceased unit's records under the unit it was
    /// merged into (`merged_into`, followed to the end).
    pub fold_merged: bool,
}

/// Counts of one group. The extra counts depend on the kind summarised.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counts {
    pub count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognized: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<u64>,
}

impl Counts {
    fn add(&mut self, item: &Item<'_>, as_of: NaiveDate, extras: Option<Kind>) {
        self.count += 1;
        let bump = |slot: &mut Option<u64>, yes: bool| *slot = Some(slot.unwrap_or(0) + u64::from(yes));
        match (extras, item) {
            (Some(Kind::Model), Item::Model(_, status)) => {
                bump(&mut self.active, *status == ModelStatus::Active);
                bump(&mut self.recognized, item.recognition_on(as_of).is_some());
            }
            (Some(Kind::Meeting), Item::Meeting(m)) => {
                *self.attendance.get_or_insert(0) += u64::from(m.attendance.unwrap_or(0));
            }
            (Some(Kind::Petition), Item::Petition(_, s)) => {
                let resolved = s.state.is_resolved();
                bump(&mut self.resolved, resolved);
                bump(&mut self.open, !resolved);
                bump(&mut self.overdue, s.state.is_late());
            }
            (Some(Kind::Conclusion), Item::Task(.., s)) => {
                let done = s.state.is_finished();
                bump(&mut self.done, done);
                bump(&mut self.open, !done);
                bump(&mut self.overdue, s.state == TaskState::Overdue);
            }
            _ => {}
        }
    }

    /// The extra columns of a kind, as (key, vi, en) and a getter.
    fn extra_columns(kind: Option<Kind>) -> Vec<ExtraColumn> {
        match kind {
            Some(Kind::Model) => vec![
                ("active", word("Đang thực hiện", "Active"), |c| c.active),
                ("recognized", word("Dân vận khéo", "Dân vận khéo"), |c| {
                    c.recognized
                }),
            ],
            Some(Kind::Meeting) => vec![("attendance", word("Lượt người dân", "Citizens reached"), |c| {
                c.attendance
            })],
            Some(Kind::Petition) => vec![
                ("resolved", word("Đã giải quyết", "Resolved"), |c| c.resolved),
                ("open", word("Đang giải quyết", "Open"), |c| c.open),
                ("overdue", word("Quá hạn", "Overdue"), |c| c.overdue),
            ],
            Some(Kind::Conclusion) => vec![
                ("done", word("Hoàn thành", "Done"), |c| c.done),
                ("open", word("Chưa xong", "Open"), |c| c.open),
                ("overdue", word("Quá hạn", "Overdue"), |c| c.overdue),
            ],
            None => vec![],
        }
    }
}

/// An extra count column: its key, its label and how to read it.
type ExtraColumn = (&'static str, &'static str, fn(&Counts) -> Option<u64>);

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Dimension → group value (an id, a state, a period like 2023-H1; "" for none).
    pub keys: BTreeMap<&'static str, String>,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub as_of: NaiveDate,
    pub kinds: Vec<Kind>,
    pub by: Vec<Dim>,
    pub groups: Vec<Group>,
    pub total: Counts,
    #[serde(skip)]
    labels: HashMap<(Dim, String), (String, SortKey)>,
}

type SortKey = (i64, String);

/// One workspace among those a summary counts: its snapshot and, in a
/// roll-up, the member it is.
pub struct Scope<'a> {
    pub snap: &'a Snapshot<'a>,
    pub member: Option<MemberTag<'a>>,
}

/// A member of a roll-up: its place among the members, its id and its
/// committee's name. Its units and organisations are its own, so a
/// roll-up tells them apart by member (`xa-a/ap-1`, "Đảng ủy xã A · ấp 1").
#[derive(Clone, Copy)]
pub struct MemberTag<'a> {
    pub index: usize,
    pub id: &'a str,
    pub name: &'a str,
}

/// A group's value on one dimension, as it is counted: borrowed from the
/// records and the configuration, its label made only the first time it
/// is seen ([`label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key<'a> {
    /// In a roll-up, the id of the member whose unit or organisation it
    /// is; `None` for any other value.
    member: Option<&'a str>,
    value: Value<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Value<'a> {
    /// The record has no value on the dimension ("" in the output).
    None,
    Text(&'a str),
    Period(Period),
}

impl Key<'_> {
    fn local(value: Value<'_>) -> Key<'_> {
        Key { member: None, value }
    }

    /// The group's value as the output says it: `xa-a/ap-1` in a roll-up.
    fn text(&self) -> String {
        let own = match self.value {
            Value::None => String::new(),
            Value::Text(t) => t.to_owned(),
            Value::Period(p) => p.to_string(),
        };
        match self.member {
            Some(id) => format!("{id}/{own}"),
            None => own,
        }
    }
}

/// The values an item takes on a dimension, put into `out`; in a roll-up,
/// units and organisations marked with the member.
fn keys<'a>(scope: &Scope<'a>, item: &Item<'a>, dim: Dim, fold_merged: bool, out: &mut Vec<Key<'a>>) {
    out.clear();
    let cfg = &scope.snap.ws.config;
    let text = |t: Option<&'a str>| Key::local(t.map_or(Value::None, Value::Text));
    match dim {
        Dim::Committee => out.push(text(Some(match scope.member {
            Some(m) => m.id,
            None => &cfg.committee.name,
        }))),
        Dim::Kind => out.push(text(Some(item.kind().as_str()))),
        Dim::Unit => {
            let units = item.units();
            if units.is_empty() {
                out.push(text(None));
            } else {
                out.extend(units.iter().map(|u| {
                    let id = if fold_merged {
                        cfg.successor(&u.value)
                    } else {
                        u.value.as_str()
                    };
                    text(Some(id))
                }));
                // Two old communes of one record merged into one: counted once there.
                out.sort_unstable_by_key(|k| match k.value {
                    Value::Text(t) => t,
                    _ => "",
                });
                out.dedup();
            }
        }
        Dim::Org => {
            let orgs = item.orgs();
            if orgs.is_empty() {
                out.push(text(None));
            }
            out.extend(orgs.into_iter().map(|o| text(Some(o))));
        }
        Dim::Type => out.push(text(item.type_str())),
        Dim::Field => out.push(text(item.field())),
        Dim::Status => out.push(text(match item {
            Item::Model(_, s) => Some(s.as_str()),
            Item::Petition(_, s) => Some(s.state.as_str()),
            Item::Task(.., s) => Some(s.state.as_str()),
            Item::Meeting(_) => None,
        })),
        _ => {
            let g = dim.granularity().unwrap_or(Granularity::Year);
            out.push(Key::local(Value::Period(Period::containing(item.date(), g))));
        }
    }
    if let (Some(m), Dim::Unit | Dim::Org) = (scope.member, dim) {
        for key in out.iter_mut() {
            key.member = Some(m.id);
        }
    }
}

/// The label and sort key of `key`, a value `item` takes on `dim`; in a
/// roll-up, a unit or an organisation named with its member.
fn label(scope: &Scope<'_>, item: &Item<'_>, dim: Dim, key: Key<'_>) -> (String, SortKey) {
    let cfg = &scope.snap.ws.config;
    let unsorted = |label: String| (label, (0, String::new()));
    let (label, sort) = match (dim, key.value) {
        (Dim::Committee, _) => {
            return match scope.member {
                Some(m) => (m.name.to_owned(), (m.index as i64, String::new())),
                None => unsorted(cfg.committee.name.clone()),
            };
        }
        (Dim::Unit, Value::None) => (
            word("(toàn địa bàn)", "(committee-wide)").to_owned(),
            (i64::MAX, String::new()),
        ),
        (_, Value::None) => ("—".to_owned(), (i64::MAX, String::new())),
        (_, Value::Period(p)) => {
            let label = if crate::i18n::is_en() {
                p.label_en()
            } else {
                p.label_vi()
            };
            (label, (p.start().num_days_from_ce_i64(), String::new()))
        }
        (Dim::Kind, Value::Text(_)) => {
            let k = item.kind();
            (k.label().to_owned(), (k as i64, String::new()))
        }
        (Dim::Unit, Value::Text(id)) => {
            let pos = cfg
                .units
                .iter()
                .position(|x| x.id.value == id)
                .unwrap_or(usize::MAX >> 1);
            (
                crate::i18n::unit_name(cfg, id).into_owned(),
                (pos as i64, String::new()),
            )
        }
        (Dim::Org, Value::Text(o)) => {
            let pos = cfg.orgs.iter().position(|x| x.id.value == o).unwrap_or(usize::MAX >> 1);
            (cfg.org_name(o).to_owned(), (pos as i64, String::new()))
        }
        (Dim::Type, Value::Text(t)) => (crate::i18n::label_of(t), (0, t.to_owned())),
        (Dim::Status, Value::Text(key)) => {
            let (label, order) = match item {
                Item::Model(_, s) => (s.label(), *s as i64),
                Item::Petition(_, s) => (s.state.label(), s.state as i64),
                Item::Task(.., s) => (s.state.label(), s.state as i64),
                Item::Meeting(_) => ("—", i64::MAX),
            };
            (label.to_owned(), (order, key.to_owned()))
        }
        (_, Value::Text(t)) => (t.to_owned(), (0, t.to_owned())),
    };
    match scope.member {
        Some(m) if key.member.is_some() => (
            format!("{} · {label}", m.name),
            (((m.index as i64) << 32) | sort.0.clamp(0, u32::MAX as i64), sort.1),
        ),
        _ => (label, sort),
    }
}

trait DaysFromCe {
    fn num_days_from_ce_i64(&self) -> i64;
}

impl DaysFromCe for NaiveDate {
    fn num_days_from_ce_i64(&self) -> i64 {
        i64::from(chrono::Datelike::num_days_from_ce(self))
    }
}

/// Moves `at` to the next combination of one value per dimension (the
/// last dimension turning fastest); false after the last.
fn next_combination(at: &mut [usize], per_dim: &[Vec<Key<'_>>]) -> bool {
    for (i, values) in at.iter_mut().zip(per_dim).rev() {
        *i += 1;
        if *i < values.len() {
            return true;
        }
        *i = 0;
    }
    false
}

pub fn summary(snap: &Snapshot<'_>, opts: &SummaryOptions) -> Summary {
    across(snap.as_of, &[Scope { snap, member: None }], opts)
}

/// The summary of several workspaces as one (`danvan rollup --by`), each
/// counted with its own snapshot: groups of the same key add up across
/// them (a type, a state, a period, a committee), and units and
/// organisations stay each member's own.
pub fn across(as_of: NaiveDate, scopes: &[Scope<'_>], opts: &SummaryOptions) -> Summary {
    let kinds = if opts.kinds.is_empty() {
        vec![Kind::Model, Kind::Meeting, Kind::Petition]
    } else {
        opts.kinds.clone()
    };
    let by = if opts.by.is_empty() {
        vec![if kinds.len() == 1 { Dim::Type } else { Dim::Kind }]
    } else {
        opts.by.clone()
    };
    let extras = (kinds.len() == 1).then(|| kinds[0]);
    let mut groups: HashMap<Vec<Key<'_>>, Counts> = HashMap::new();
    let mut first_seen: HashMap<(Dim, Key<'_>), (String, SortKey)> = HashMap::new();
    let mut total = Counts::default();
    // Made once and reused for every item: the values on each dimension,
    // the place in each of them, and the group's key.
    let mut per_dim: Vec<Vec<Key<'_>>> = vec![Vec::new(); by.len()];
    let mut at = vec![0; by.len()];
    let mut combo: Vec<Key<'_>> = Vec::with_capacity(by.len());
    for (scope, &kind) in scopes.iter().flat_map(|s| kinds.iter().map(move |k| (s, k))) {
        let snap = scope.snap;
        for item in snap.items(kind) {
            if !opts.query.matches(&item) {
                continue;
            }
            total.add(&item, snap.as_of, extras);
            for ((&dim, values), i) in by.iter().zip(&mut per_dim).zip(&mut at) {
                keys(scope, &item, dim, opts.fold_merged, values);
                *i = 0;
                for &key in values.iter() {
                    first_seen
                        .entry((dim, key))
                        .or_insert_with(|| label(scope, &item, dim, key));
                }
            }
            loop {
                combo.clear();
                combo.extend(at.iter().zip(&per_dim).map(|(&i, values)| values[i]));
                match groups.get_mut(combo.as_slice()) {
                    Some(counts) => counts.add(&item, snap.as_of, extras),
                    None => {
                        let mut counts = Counts::default();
                        counts.add(&item, snap.as_of, extras);
                        groups.insert(combo.clone(), counts);
                    }
                }
                if !next_combination(&mut at, &per_dim) {
                    break;
                }
            }
        }
    }
    let mut groups: Vec<(Vec<Key<'_>>, Counts)> = groups.into_iter().collect();
    groups.sort_by_cached_key(|(key, _)| -> Vec<SortKey> {
        by.iter()
            .zip(key)
            .map(|(d, k)| first_seen[&(*d, *k)].1.clone())
            .collect()
    });
    let groups = groups
        .into_iter()
        .map(|(key, counts)| Group {
            keys: by.iter().map(|d| d.key()).zip(key.iter().map(Key::text)).collect(),
            counts,
        })
        .collect();
    let labels = first_seen
        .into_iter()
        .map(|((dim, key), label)| ((dim, key.text()), label))
        .collect();
    Summary {
        as_of,
        kinds,
        by,
        groups,
        total,
        labels,
    }
}

impl Summary {
    fn label(&self, dim: Dim, value: &str) -> String {
        self.labels
            .get(&(dim, value.to_owned()))
            .map_or_else(|| value.to_owned(), |l| l.0.clone())
    }

    fn extras(&self) -> Option<Kind> {
        (self.kinds.len() == 1).then(|| self.kinds[0])
    }

    /// One row per group, with the extra counts of the kind.
    fn flat_table(&self) -> Table<'_> {
        let extra = Counts::extra_columns(self.extras());
        let mut columns: Vec<Column> = self.by.iter().map(|d| Column::new(d.key(), d.label())).collect();
        columns.push(Column::new("count", word("Số lượng", "Count")));
        columns.extend(extra.iter().map(|(k, l, _)| Column::new(*k, *l)));
        let row = |keys: Vec<Cell>, c: &Counts| {
            let mut r = keys;
            r.push(Cell::Int(c.count as i64));
            r.extend(
                extra
                    .iter()
                    .map(|(_, _, get)| get(c).map_or(Cell::Empty, |n| Cell::Int(n as i64))),
            );
            r
        };
        let rows = self
            .groups
            .iter()
            .map(|g| {
                let keys = self
                    .by
                    .iter()
                    .map(|d| {
                        let code = &g.keys[d.key()];
                        Cell::key(code, self.label(*d, code))
                    })
                    .collect();
                row(keys, &g.counts)
            })
            .collect();
        let mut total_keys = vec![Cell::Empty; self.by.len()];
        if let Some(first) = total_keys.first_mut() {
            *first = Cell::key("total", word("Tổng cộng", "Total"));
        }
        Table {
            columns,
            rows,
            total: Some(row(total_keys, &self.total)),
            empty: Some(tr!("Không có hồ sơ nào khớp.", "No records match.")),
            drop: Vec::new(),
        }
    }

    /// Two dimensions: the first down, the second across, with totals.
    fn cross_table(&self) -> Table<'_> {
        let (down, across) = (self.by[0], self.by[1]);
        let mut cols: Vec<&String> = Vec::new();
        let mut rows: Vec<&String> = Vec::new();
        let mut cells: HashMap<(&String, &String), u64> = HashMap::new();
        for g in &self.groups {
            let (r, c) = (&g.keys[down.key()], &g.keys[across.key()]);
            if !rows.contains(&r) {
                rows.push(r);
            }
            if !cols.contains(&c) {
                cols.push(c);
            }
            cells.insert((r, c), g.counts.count);
        }
        let sort = |dim: Dim, v: &mut Vec<&String>| {
            v.sort_by_cached_key(|x| {
                self.labels
                    .get(&(dim, (*x).clone()))
                    .map(|l| l.1.clone())
                    .unwrap_or_default()
            })
        };
        sort(down, &mut rows);
        sort(across, &mut cols);
        let mut columns = vec![Column::new(down.key(), down.label())];
        columns.extend(cols.iter().map(|c| Column::new((*c).clone(), self.label(across, c))));
        columns.push(Column::new("total", word("Cộng", "Total")));
        // Totals add up the cells: a record with several units counts in
        // each of them, as it does in the rows.
        let table_rows = rows
            .iter()
            .map(|r| {
                let mut row = vec![Cell::key(*r, self.label(down, r))];
                let mut sum = 0;
                for c in &cols {
                    let n = cells.get(&(*r, *c)).copied().unwrap_or(0);
                    sum += n;
                    row.push(Cell::Int(n as i64));
                }
                row.push(Cell::Int(sum as i64));
                row
            })
            .collect();
        let mut total = vec![Cell::key("total", word("Cộng", "Total"))];
        let mut grand = 0;
        for c in &cols {
            let n: u64 = rows.iter().map(|r| cells.get(&(*r, *c)).copied().unwrap_or(0)).sum();
            grand += n;
            total.push(Cell::Int(n as i64));
        }
        total.push(Cell::Int(grand as i64));
        Table {
            columns,
            rows: table_rows,
            total: Some(total),
            empty: Some(tr!("Không có hồ sơ nào khớp.", "No records match.")),
            drop: Vec::new(),
        }
    }
}

impl Report for Summary {
    fn document(&self) -> Document<'_> {
        let kinds: Vec<&str> = self.kinds.iter().map(|k| k.label()).collect();
        let by: Vec<&str> = self.by.iter().map(|d| d.label()).collect();
        let table = if self.by.len() == 2 {
            self.cross_table()
        } else {
            self.flat_table()
        };
        Document {
            title: tr!("Tổng hợp: {}", "Summary: {}", kinds.join(", ")),
            subtitle: Some(tr!(
                "Theo {} · tính đến ngày {}",
                "By {} · as of {}",
                by.join(" × ").to_lowercase(),
                super::format_date(self.as_of)
            )),
            sections: vec![Section {
                key: "summary",
                heading: None,
                body: Body::Table(table),
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tests::{CONFIG, workspace};

    #[test]
    fn combinations_turn_the_last_dimension_fastest_and_end_after_the_last() {
        let k = |t| Key::local(Value::Text(t));
        let per_dim = vec![vec![k("a"), k("b")], vec![k("x")], vec![k("1"), k("2"), k("3")]];
        let mut at = vec![0; 3];
        let mut seen = vec![at.clone()];
        while next_combination(&mut at, &per_dim) {
            seen.push(at.clone());
        }
        let expected: Vec<Vec<usize>> = (0..2).flat_map(|a| (0..3).map(move |c| vec![a, 0, c])).collect();
        assert_eq!(seen, expected);
    }

    /// A meeting of two units and two organisations counts once in each of
    /// the four pairs; a petition with no unit and no handler in the pair
    /// of "none"; the total counts each record once. Groups come in the
    /// order of the configuration, "none" last, with their labels.
    #[test]
    fn a_record_counts_once_in_every_pair_of_its_values() {
        let config = format!("{CONFIG}[[unit]]\nid = \"tan-khanh\"\nname = \"xã Tân Khánh\"\n");
        let meeting = "title = \"H\"\ntype = \"dialogue\"\ndate = 2023-03-01\nunits = [\"tan-khanh\", \"tan-my\"]\n\
                       participants = [\"mttq\", \"ubnd\"]\n";
        let petition = "type = \"recommendation\"\nreceived = 2023-03-02\n";
        let dir = workspace(&[
            ("danvan.toml", &config),
            ("meetings/h.toml", meeting),
            ("petitions/p.toml", petition),
        ]);
        let loaded = crate::check::load(dir.path());
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        let ws = loaded.workspace.expect("a workspace");
        let snap = Snapshot::new(&ws, NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(), 14);
        let s = summary(
            &snap,
            &SummaryOptions {
                by: vec![Dim::Unit, Dim::Org],
                ..SummaryOptions::default()
            },
        );
        let rows: Vec<(String, String, String, String, u64)> = s
            .groups
            .iter()
            .map(|g| {
                let (unit, org) = (g.keys["unit"].clone(), g.keys["org"].clone());
                let labels = (s.label(Dim::Unit, &unit), s.label(Dim::Org, &org));
                (unit, org, labels.0, labels.1, g.counts.count)
            })
            .collect();
        let row = |u: &str, o: &str, ul: &str, ol: &str| (u.into(), o.into(), ul.into(), ol.into(), 1);
        assert_eq!(
            rows,
            [
                row("tan-my", "ubnd", "xã Tân Mỹ", "UBND huyện"),
                row("tan-my", "mttq", "xã Tân Mỹ", "MTTQ huyện"),
                row("tan-khanh", "ubnd", "xã Tân Khánh", "UBND huyện"),
                row("tan-khanh", "mttq", "xã Tân Khánh", "MTTQ huyện"),
                row("", "", "(toàn địa bàn)", "—"),
            ]
        );
        assert_eq!(s.total.count, 2);
    }
}
