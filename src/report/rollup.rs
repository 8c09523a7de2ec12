//! `danvan rollup`: a province over its member committees (since 1/7/2025
//! a province's Party committee oversees its communes directly). Each
//! member is counted in its own snapshot (its calendar, rules and
//! targets); a member whose records have errors is listed with its error
//! count and counted in no total.
//!
//! JSON keys (stable, English):
//! - `as_of`; `province`: the province workspace's committee, or null when
//!   the members were given on the command line;
//! - `members`: one object per member, in the order listed:
//!   - `id` (the `[[member]]` id, or the folder's name), `committee` (its
//!     committee's name; the id when its danvan.toml cannot be read),
//!     `path` (its folder);
//!   - `counted`: false when its records have errors, `errors` their count;
//!   - `figures`: null when not counted, else `records` (models, meetings
//!     and petitions that exist on `as_of`), `models`, `models_active`,
//!     `models_recognized`, `meetings`, `petitions`, `petitions_open`,
//!     `petitions_overdue`, `petitions_resolved`, `petitions_on_time`
//!     (resolved on time), `on_time_share` (on time ÷ resolved × 100, null
//!     when none is resolved), `tasks`, `tasks_open`, `tasks_overdue`;
//!   - `targets`: its own targets: `id`, `title`, `actual`, `goal`, `status`;
//! - `totals`: `members`, `counted`, `left_out`, and the `figures` keys
//!   summed over the counted members (`on_time_share` of the sums);
//! - `targets`: each target id any counted member has, in the order first
//!   met: `id`, `title`, `committees` (how many have it), and how many are
//!   `achieved`, `on_track`, `behind`, `missed`, `no_data`;
//! - `overdue`, `upcoming` (deadlines in the next `horizon_days` days):
//!   the members' registers merged, each item as in `danvan status`
//!   (`kind`, `id`, `title`, `responsible`, `deadline`, `days_left`,
//!   `state`, `provisional`) with `committee` (the member's id),
//!   `committee_name` and `responsible_name`;
//! - `summary`: with `--by`, the counts across members as `danvan summary`
//!   gives them (units and organisations keyed `MEMBER/ID`, each member's
//!   own); absent without.
//!
//! No personal data: nothing of a petitioner is read here.

use super::status::{self, Attention, Counts};
use super::summary::{self, MemberTag, Scope, Summary, SummaryOptions};
use super::{Body, Cell, Column, Document, Report, Section, Table, Tone, format_date};
use crate::domain::snapshot::{Item, Snapshot};
use crate::i18n::{Label, tr, word};
use crate::model::*;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// A member committee as the roll-up receives it.
pub struct Member<'w> {
    pub id: String,
    /// Its folder, as listed or given.
    pub path: String,
    pub state: MemberState<'w>,
}

pub enum MemberState<'w> {
    /// Loaded without errors: counted, as of the roll-up's date.
    Counted(Snapshot<'w>),
    /// Its records have errors: listed, counted in no total.
    LeftOut {
        /// Its committee's name, when its danvan.toml could be read.
        committee: Option<String>,
        errors: usize,
    },
}

impl Member<'_> {
    /// Its committee's name; its id when that is not known.
    pub fn committee(&self) -> &str {
        match &self.state {
            MemberState::Counted(snap) => &snap.ws.config.committee.name,
            MemberState::LeftOut { committee, .. } => committee.as_deref().unwrap_or(&self.id),
        }
    }
}

/// What the roll-up adds to its members.
pub struct RollupOptions {
    /// The province workspace's committee, when there is one.
    pub province: Option<String>,
    pub as_of: NaiveDate,
    /// `--by`: the counts across members, as `summary` makes them.
    pub summary: Option<SummaryOptions>,
}

/// The headline figures of a committee (keys in the module doc).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub records: u64,
    #[serde(flatten)]
    pub counts: Counts,
    pub petitions_resolved: u64,
    pub petitions_on_time: u64,
    pub on_time_share: Option<f64>,
}

impl Figures {
    fn of(snap: &Snapshot<'_>, counts: Counts) -> Figures {
        let (mut resolved, mut on_time) = (0, 0);
        for item in snap.items(Kind::Petition) {
            if let Item::Petition(_, s) = item {
                resolved += u64::from(s.state.is_resolved());
                on_time += u64::from(s.state == PetitionState::ResolvedOnTime);
            }
        }
        let mut f = Figures {
            records: counts.models + counts.meetings + counts.petitions,
            counts,
            petitions_resolved: resolved,
            petitions_on_time: on_time,
            on_time_share: None,
        };
        f.share();
        f
    }

    fn share(&mut self) {
        self.on_time_share = (self.petitions_resolved > 0)
            .then(|| self.petitions_on_time as f64 * 100.0 / self.petitions_resolved as f64);
    }

    fn add(&mut self, o: &Figures) {
        let (c, d) = (&mut self.counts, &o.counts);
        for (sum, n) in [
            (&mut c.models, d.models),
            (&mut c.models_active, d.models_active),
            (&mut c.models_recognized, d.models_recognized),
            (&mut c.meetings, d.meetings),
            (&mut c.petitions, d.petitions),
            (&mut c.petitions_open, d.petitions_open),
            (&mut c.petitions_overdue, d.petitions_overdue),
            (&mut c.tasks, d.tasks),
            (&mut c.tasks_open, d.tasks_open),
            (&mut c.tasks_overdue, d.tasks_overdue),
            (&mut self.records, o.records),
            (&mut self.petitions_resolved, o.petitions_resolved),
            (&mut self.petitions_on_time, o.petitions_on_time),
        ] {
            *sum += n;
        }
        self.share();
    }
}

/// One member's line.
#[derive(Debug, Clone, Serialize)]
pub struct MemberLine {
    pub id: String,
    pub committee: String,
    pub path: String,
    pub counted: bool,
    pub errors: usize,
    pub figures: Option<Figures>,
    pub targets: Vec<MemberTarget>,
}

/// One target of a member, where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct MemberTarget {
    pub id: String,
    pub title: String,
    pub actual: Option<f64>,
    pub goal: f64,
    pub status: TargetStatus,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub members: usize,
    pub counted: usize,
    pub left_out: usize,
    #[serde(flatten)]
    pub figures: Figures,
}

/// How the committees that have a target stand on it.
#[derive(Debug, Clone, Serialize)]
pub struct TargetTally {
    pub id: String,
    pub title: String,
    pub committees: usize,
    pub achieved: usize,
    pub on_track: usize,
    pub behind: usize,
    pub missed: usize,
    pub no_data: usize,
}

impl TargetTally {
    fn count(&mut self, status: TargetStatus) {
        self.committees += 1;
        *match status {
            TargetStatus::Achieved => &mut self.achieved,
            TargetStatus::OnTrack => &mut self.on_track,
            TargetStatus::Behind => &mut self.behind,
            TargetStatus::Missed => &mut self.missed,
            TargetStatus::NoData => &mut self.no_data,
        } += 1;
    }

    /// The counts in the order of [`TargetStatus`], for the table.
    fn counts(&self) -> [usize; 5] {
        [self.achieved, self.on_track, self.behind, self.missed, self.no_data]
    }
}

/// An item of a member's register, with its committee.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub committee: String,
    pub committee_name: String,
    #[serde(flatten)]
    pub item: Attention,
    pub responsible_name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    pub as_of: NaiveDate,
    pub province: Option<String>,
    pub members: Vec<MemberLine>,
    pub totals: Totals,
    pub targets: Vec<TargetTally>,
    pub overdue: Vec<Entry>,
    pub upcoming: Vec<Entry>,
    pub horizon_days: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// The targets' order (ids), for the grid of statuses.
    #[serde(skip)]
    target_ids: Vec<String>,
}

/// What one member contributes: its line and its registers.
struct Part {
    line: MemberLine,
    overdue: Vec<Entry>,
    upcoming: Vec<Entry>,
}

fn part(m: &Member<'_>) -> Part {
    let snap = match &m.state {
        MemberState::Counted(snap) => snap,
        MemberState::LeftOut { errors, .. } => {
            return Part {
                line: MemberLine {
                    id: m.id.clone(),
                    committee: m.committee().to_owned(),
                    path: m.path.clone(),
                    counted: false,
                    errors: *errors,
                    figures: None,
                    targets: Vec::new(),
                },
                overdue: Vec::new(),
                upcoming: Vec::new(),
            };
        }
    };
    let st = status::status(snap, status::headlines(snap));
    let config = &snap.ws.config;
    let entries = |items: Vec<Attention>| -> Vec<Entry> {
        items
            .into_iter()
            .map(|a| Entry {
                committee: m.id.clone(),
                committee_name: config.committee.name.clone(),
                responsible_name: a.responsible.as_deref().map(|o| config.org_name(o).to_owned()),
                item: a,
            })
            .collect()
    };
    let targets = st
        .progress
        .iter()
        .map(|h| MemberTarget {
            id: h.id.clone(),
            title: h.title.clone(),
            actual: h.actual,
            goal: h.goal,
            status: h.status,
        })
        .collect();
    Part {
        line: MemberLine {
            id: m.id.clone(),
            committee: config.committee.name.clone(),
            path: m.path.clone(),
            counted: true,
            errors: 0,
            figures: Some(Figures::of(snap, st.counts.clone())),
            targets,
        },
        overdue: entries(st.overdue),
        upcoming: entries(st.upcoming),
    }
}

/// The roll-up of `members`: each one's figures computed on its own
/// snapshot, side by side, then put together (sums, the targets' tallies,
/// the registers merged by deadline).
pub fn rollup(members: &[Member<'_>], opts: &RollupOptions) -> Rollup {
    let (parts, summary): (Vec<Part>, Option<Summary>) = rayon::join(
        || members.par_iter().map(part).collect(),
        || {
            opts.summary.as_ref().map(|s| {
                let scopes: Vec<Scope<'_>> = members
                    .iter()
                    .enumerate()
                    .filter_map(|(index, m)| match &m.state {
                        MemberState::Counted(snap) => Some(Scope {
                            snap,
                            member: Some(MemberTag {
                                index,
                                id: &m.id,
                                name: &snap.ws.config.committee.name,
                            }),
                        }),
                        MemberState::LeftOut { .. } => None,
                    })
                    .collect();
                summary::across(opts.as_of, &scopes, s)
            })
        },
    );
    let mut totals = Totals {
        members: members.len(),
        ..Totals::default()
    };
    let mut tallies: Vec<TargetTally> = Vec::new();
    let mut tally_of: HashMap<String, usize> = HashMap::new();
    let (mut overdue, mut upcoming, mut lines) = (Vec::new(), Vec::new(), Vec::with_capacity(parts.len()));
    for p in parts {
        match &p.line.figures {
            Some(f) => {
                totals.counted += 1;
                totals.figures.add(f);
            }
            None => totals.left_out += 1,
        }
        for t in &p.line.targets {
            let i = *tally_of.entry(t.id.clone()).or_insert_with(|| {
                tallies.push(TargetTally {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    committees: 0,
                    achieved: 0,
                    on_track: 0,
                    behind: 0,
                    missed: 0,
                    no_data: 0,
                });
                tallies.len() - 1
            });
            tallies[i].count(t.status);
        }
        overdue.extend(p.overdue);
        upcoming.extend(p.upcoming);
        lines.push(p.line);
    }
    // Members are in their listed order, so a stable sort keeps ties of
    // one deadline in that order.
    let by_deadline = |a: &Entry, b: &Entry| (a.item.deadline, &a.item.id).cmp(&(b.item.deadline, &b.item.id));
    overdue.sort_by(by_deadline);
    upcoming.sort_by(by_deadline);
    Rollup {
        as_of: opts.as_of,
        province: opts.province.clone(),
        members: lines,
        totals,
        target_ids: tallies.iter().map(|t| t.id.clone()).collect(),
        targets: tallies,
        overdue,
        upcoming,
        horizon_days: status::HORIZON_DAYS,
        summary,
    }
}

impl Rollup {
    /// Whether a deadline of the merged registers is provisional.
    pub fn any_provisional(&self) -> bool {
        self.overdue.iter().chain(&self.upcoming).any(|e| e.item.provisional)
    }

    /// The members left out for their errors.
    pub fn left_out(&self) -> impl Iterator<Item = &MemberLine> {
        self.members.iter().filter(|m| !m.counted)
    }

    pub fn title(&self) -> String {
        match &self.province {
            Some(p) => tr!(
                "{}: tổng hợp các cấp ủy trực thuộc",
                "{}: roll-up of the member committees",
                p
            ),
            None => tr!("Tổng hợp {} cấp ủy", "Roll-up of {} committees", self.totals.members),
        }
    }

    fn subtitle(&self) -> String {
        let mut s = tr!(
            "Tính đến ngày {} · {} cấp ủy được tổng hợp",
            "As of {} · {} committee(s) counted",
            format_date(self.as_of),
            self.totals.counted
        );
        if self.totals.left_out > 0 {
            s.push_str(&tr!(
                " · {} cấp ủy có lỗi, để ra ngoài số liệu",
                " · {} with errors, left out of the totals",
                self.totals.left_out
            ));
        }
        s
    }

    /// One row per committee, and the totals of those counted.
    pub fn committees_table(&self) -> Table<'_> {
        let columns = vec![
            Column::text("committee", word("Cấp ủy", "Committee")),
            Column::number("records", word("Hồ sơ", "Records")),
            Column::number("petitions", word("Đơn thư", "Petitions")),
            Column::number("petitions_open", word("Đang giải quyết", "Open")),
            Column::number("petitions_overdue", word("Đơn quá hạn", "Overdue")),
            Column::number("on_time_share", word("Đúng hạn", "On time")),
            Column::number("tasks_overdue", word("Nhiệm vụ quá hạn", "Tasks overdue")),
            Column::number("errors", word("Lỗi", "Errors")),
        ];
        let figures = |f: &Figures| -> Vec<Cell> {
            let c = &f.counts;
            vec![
                Cell::Int(f.records as i64),
                Cell::Int(c.petitions as i64),
                Cell::Int(c.petitions_open as i64),
                Cell::Int(c.petitions_overdue as i64),
                f.on_time_share.map_or(Cell::Empty, Cell::Percent),
                Cell::Int(c.tasks_overdue as i64),
            ]
        };
        let rows = self
            .members
            .iter()
            .map(|m| {
                let mut row = Vec::with_capacity(8);
                match &m.figures {
                    Some(f) => {
                        row.push(Cell::key(&m.id, &m.committee));
                        row.extend(figures(f));
                    }
                    None => {
                        let label = tr!("{} (có lỗi, để ra ngoài)", "{} (errors: left out)", m.committee);
                        row.push(Cell::toned_key(&m.id, label, Tone::Bad));
                        row.extend(std::iter::repeat_n(Cell::Empty, 6));
                    }
                }
                row.push(Cell::Int(m.errors as i64));
                row
            })
            .collect();
        let mut total = vec![Cell::key("total", word("Tổng cộng", "Total"))];
        total.extend(figures(&self.totals.figures));
        total.push(Cell::Empty);
        Table {
            columns,
            rows,
            total: Some(total),
            empty: Some(tr!("Không có cấp ủy nào.", "No committees.")),
            drop: super::keys(&["records", "petitions_open", "on_time_share"]),
        }
    }

    /// How many committees stand where on each target.
    pub fn targets_table(&self) -> Table<'_> {
        let mut columns = vec![
            Column::id("id", word("Mã", "Id")),
            Column::text("title", word("Chỉ tiêu", "Target")),
            Column::number("committees", word("Số cấp ủy", "Committees")),
        ];
        columns.extend(
            TargetStatus::ALL
                .iter()
                .map(|&(code, s)| Column::number(code.replace('-', "_"), s.label())),
        );
        let rows = self
            .targets
            .iter()
            .map(|t| {
                let mut row = vec![Cell::text(&t.id), Cell::text(&t.title), Cell::Int(t.committees as i64)];
                row.extend(t.counts().iter().map(|&n| Cell::Int(n as i64)));
                row
            })
            .collect();
        Table {
            columns,
            rows,
            total: None,
            empty: None,
            drop: super::keys(&["title"]),
        }
    }

    /// Each counted committee's status on each target.
    pub fn target_status_table(&self) -> Table<'_> {
        let mut columns = vec![Column::text("committee", word("Cấp ủy", "Committee"))];
        columns.extend(self.target_ids.iter().map(|id| Column::state(id.clone(), id.clone())));
        let rows = self
            .members
            .iter()
            .filter(|m| m.counted)
            .map(|m| {
                let mut row = vec![Cell::key(&m.id, &m.committee)];
                row.extend(self.target_ids.iter().map(|id| {
                    m.targets.iter().find(|t| &t.id == id).map_or(Cell::Empty, |t| {
                        Cell::toned_key(
                            t.status.as_str(),
                            t.status.label(),
                            super::progress::status_tone(t.status),
                        )
                    })
                }));
                row
            })
            .collect();
        Table {
            columns,
            rows,
            total: None,
            empty: None,
            drop: Vec::new(),
        }
    }

    /// A merged register: each item with its committee.
    pub fn register_table(entries: &[Entry], empty: String) -> Table<'_> {
        let mut columns = vec![Column::text("committee", word("Cấp ủy", "Committee"))];
        columns.extend(status::attention_columns());
        let rows = entries
            .iter()
            .map(|e| {
                let mut row = vec![Cell::key(&e.committee, &e.committee_name)];
                row.extend(status::attention_cells(
                    &e.item,
                    e.responsible_name.as_deref().unwrap_or(""),
                ));
                row
            })
            .collect();
        Table {
            columns,
            rows,
            total: None,
            empty: Some(empty),
            drop: super::keys(&["responsible", "kind"]),
        }
    }
}

impl Report for Rollup {
    fn document(&self) -> Document<'_> {
        let mut sections = vec![Section {
            key: "committees",
            heading: Some(word("Các cấp ủy", "Committees").into()),
            body: Body::Table(self.committees_table()),
        }];
        if !self.targets.is_empty() {
            sections.push(Section {
                key: "targets",
                heading: Some(word("Chỉ tiêu: số cấp ủy theo đánh giá", "Targets: committees by status").into()),
                body: Body::Table(self.targets_table()),
            });
            sections.push(Section {
                key: "target_status",
                heading: Some(word("Chỉ tiêu của từng cấp ủy", "Each committee's targets").into()),
                body: Body::Table(self.target_status_table()),
            });
        }
        sections.push(Section {
            key: "overdue",
            heading: Some(word("Quá hạn", "Overdue").into()),
            body: Body::Table(Rollup::register_table(
                &self.overdue,
                tr!("Không có việc quá hạn.", "Nothing is overdue."),
            )),
        });
        sections.push(Section {
            key: "upcoming",
            heading: Some(tr!(
                "Đến hạn trong {} ngày tới",
                "Due in the next {} days",
                self.horizon_days
            )),
            body: Body::Table(Rollup::register_table(
                &self.upcoming,
                tr!("Không có việc đến hạn.", "Nothing falls due."),
            )),
        });
        if let Some(summary) = &self.summary {
            let doc = summary.document();
            let heading = match doc.subtitle {
                Some(sub) => format!("{} ({sub})", doc.title),
                None => doc.title,
            };
            for (i, mut s) in doc.sections.into_iter().enumerate() {
                if i == 0 {
                    s.heading = Some(heading.clone());
                }
                sections.push(s);
            }
        }
        sections.extend(super::provisional_notes(self.any_provisional()));
        Document {
            title: self.title(),
            subtitle: Some(self.subtitle()),
            sections,
        }
    }
}

/// `data.json` of a province's bundle (`danvan report` on a province
/// workspace): the roll-up, and where each member's own bundle is.
#[derive(Serialize)]
pub struct ProvinceBundle<'a> {
    pub tool: &'static str,
    pub version: &'static str,
    pub as_of: NaiveDate,
    pub rollup: &'a Rollup,
    /// One per member, in the roll-up's order.
    pub pages: Vec<MemberPage>,
    /// The bundle of the province's own records, when it has any.
    pub province_page: Option<String>,
}

/// Where a member's bundle is in the province's: none for a member left out.
#[derive(Debug, Clone, Serialize)]
pub struct MemberPage {
    pub id: String,
    pub committee: String,
    /// `members/<id>/index.html`, null for a member left out.
    pub page: Option<String>,
    /// `members/<id>/data.json`, null for a member left out.
    pub data: Option<String>,
}

impl<'a> ProvinceBundle<'a> {
    pub fn new(rollup: &'a Rollup, own_records: bool) -> ProvinceBundle<'a> {
        let pages = rollup
            .members
            .iter()
            .map(|m| MemberPage {
                id: m.id.clone(),
                committee: m.committee.clone(),
                page: m.counted.then(|| format!("members/{}/index.html", m.id)),
                data: m.counted.then(|| format!("members/{}/data.json", m.id)),
            })
            .collect();
        ProvinceBundle {
            tool: "danvan",
            version: env!("CARGO_PKG_VERSION"),
            as_of: rollup.as_of,
            rollup,
            pages,
            province_page: own_records.then(|| "province/index.html".to_owned()),
        }
    }
}
