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

/// The values an item takes on a dimension, each with its label and sort
/// key; in a roll-up, units and organisations qualified by the member.
fn values(scope: &Scope<'_>, item: &Item<'_>, dim: Dim, fold_merged: bool) -> Vec<(String, String, SortKey)> {
    let mut out = local_values(scope.snap, item, dim, fold_merged);
    if let (Some(m), Dim::Unit | Dim::Org) = (scope.member, dim) {
        for (key, label, sort) in &mut out {
            *key = format!("{}/{key}", m.id);
            *label = format!("{} · {label}", m.name);
            sort.0 = ((m.index as i64) << 32) | sort.0.clamp(0, u32::MAX as i64);
        }
    }
    if dim == Dim::Committee {
        let name = &scope.snap.ws.config.committee.name;
        return vec![match scope.member {
            Some(m) => (m.id.to_owned(), m.name.to_owned(), (m.index as i64, String::new())),
            None => (name.clone(), name.clone(), (0, String::new())),
        }];
    }
    out
}

/// The values of an item on a dimension within its own workspace.
fn local_values(snap: &Snapshot<'_>, item: &Item<'_>, dim: Dim, fold_merged: bool) -> Vec<(String, String, SortKey)> {
    let cfg = &snap.ws.config;
    let none = || vec![(String::new(), "—".to_owned(), (i64::MAX, String::new()))];
    match dim {
        Dim::Committee => Vec::new(),
        Dim::Kind => {
            let k = item.kind();
            vec![(k.as_str().to_owned(), k.label().to_owned(), (k as i64, String::new()))]
        }
        Dim::Unit => {
            let units = item.units();
            if units.is_empty() {
                return vec![(
                    String::new(),
                    word("(toàn địa bàn)", "(committee-wide)").to_owned(),
                    (i64::MAX, String::new()),
                )];
            }
            let mut ids: Vec<&str> = units
                .iter()
                .map(|u| {
                    if fold_merged {
                        cfg.successor(&u.value)
                    } else {
                        u.value.as_str()
                    }
                })
                .collect();
            // Two old communes of one record merged into one: counted once there.
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter()
                .map(|id| {
                    let pos = cfg
                        .units
                        .iter()
                        .position(|x| x.id.value == id)
                        .unwrap_or(usize::MAX >> 1);
                    (
                        id.to_owned(),
                        crate::i18n::unit_name(cfg, id).into_owned(),
                        (pos as i64, String::new()),
                    )
                })
                .collect()
        }
        Dim::Org => {
            let orgs = item.orgs();
            if orgs.is_empty() {
                return none();
            }
            orgs.into_iter()
                .map(|o| {
                    let pos = cfg.orgs.iter().position(|x| x.id.value == o).unwrap_or(usize::MAX >> 1);
                    (o.to_owned(), cfg.org_name(o).to_owned(), (pos as i64, String::new()))
                })
                .collect()
        }
        Dim::Type => match item.type_str() {
            Some(t) => vec![(t.to_owned(), crate::i18n::label_of(t), (0, t.to_owned()))],
            None => none(),
        },
        Dim::Field => match item.field() {
            Some(f) => vec![(f.to_owned(), f.to_owned(), (0, f.to_owned()))],
            None => none(),
        },
        Dim::Status => {
            let label = match item {
                Item::Model(_, s) => Some((s.as_str(), s.label(), *s as i64)),
                Item::Petition(_, s) => Some((s.state.as_str(), s.state.label(), s.state as i64)),
                Item::Task(.., s) => Some((s.state.as_str(), s.state.label(), s.state as i64)),
                Item::Meeting(_) => None,
            };
            match label {
                Some((key, label, order)) => vec![(key.to_owned(), label.to_owned(), (order, key.to_owned()))],
                None => none(),
            }
        }
        _ => {
            let g = dim.granularity().unwrap_or(Granularity::Year);
            let p = Period::containing(item.date(), g);
            let label = if crate::i18n::is_en() {
                p.label_en()
            } else {
                p.label_vi()
            };
            vec![(p.to_string(), label, (p.start().num_days_from_ce_i64(), String::new()))]
        }
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

/// Every combination of an item's values across the dimensions.
fn combinations(per_dim: &[Vec<(String, String, SortKey)>]) -> Vec<Vec<&(String, String, SortKey)>> {
    let mut out: Vec<Vec<&(String, String, SortKey)>> = vec![Vec::new()];
    for values in per_dim {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                values.iter().map(move |v| {
                    let mut next = prefix.clone();
                    next.push(v);
                    next
                })
            })
            .collect();
    }
    out
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
    let mut groups: HashMap<Vec<String>, Counts> = HashMap::new();
    let mut labels = HashMap::new();
    let mut total = Counts::default();
    for (scope, &kind) in scopes.iter().flat_map(|s| kinds.iter().map(move |k| (s, k))) {
        let snap = scope.snap;
        for item in snap.items(kind) {
            if !opts.query.matches(&item) {
                continue;
            }
            total.add(&item, snap.as_of, extras);
            let per_dim: Vec<_> = by.iter().map(|&d| values(scope, &item, d, opts.fold_merged)).collect();
            for combo in combinations(&per_dim) {
                let key: Vec<String> = combo.iter().map(|v| v.0.clone()).collect();
                for (dim, v) in by.iter().zip(&combo) {
                    labels
                        .entry((*dim, v.0.clone()))
                        .or_insert_with(|| (v.1.clone(), v.2.clone()));
                }
                groups.entry(key).or_default().add(&item, snap.as_of, extras);
            }
        }
    }
    let sort_key = |key: &Vec<String>| -> Vec<SortKey> {
        by.iter()
            .zip(key)
            .map(|(d, v)| labels.get(&(*d, v.clone())).map(|l| l.1.clone()).unwrap_or_default())
            .collect()
    };
    let mut groups: Vec<(Vec<String>, Counts)> = groups.into_iter().collect();
    groups.sort_by_cached_key(|(k, _)| sort_key(k));
    let groups = groups
        .into_iter()
        .map(|(key, counts)| Group {
            keys: by.iter().map(|d| d.key()).zip(key).collect(),
            counts,
        })
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
