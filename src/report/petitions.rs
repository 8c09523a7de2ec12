//! `danvan petitions`: the deadline register, most urgent first.

use super::{
    Body, Cell, Column, Document, Fact, Report, Rows, Section, StateCount, Table, Tone, count_states, iso, keys,
};
use crate::domain::deadlines::PetitionStatus;
use crate::domain::query::Query;
use crate::domain::snapshot::{Item, Snapshot};
use crate::i18n::{Label, tr, word};
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;

pub struct RegisterOptions {
    pub query: Query,
    /// Only these states (empty: all).
    pub states: Vec<PetitionState>,
    /// Only petitions late for acceptance or resolution.
    pub overdue: bool,
    /// Only open petitions whose deadline is at most this many days away (or past).
    pub due_within: Option<u32>,
}

/// One petition in the register. No personal data: the record type keeps
/// the petitioner out of every serialization.
#[derive(Debug, Clone, Serialize)]
pub struct Entry<'a> {
    pub id: &'a str,
    #[serde(rename = "type")]
    pub kind: PetitionType,
    /// A complaint's round (1 or 2); null for a denunciation or recommendation.
    pub round: Option<u8>,
    #[serde(serialize_with = "iso::date")]
    pub received: NaiveDate,
    /// Borrowed as they are (each serializes as its id): no list of its own per row.
    pub units: &'a [Ref],
    pub handler: Option<&'a str>,
    pub channel: Option<Channel>,
    pub field: Option<&'a str>,
    pub complex: bool,
    pub remote: bool,
    #[serde(serialize_with = "iso::opt_date")]
    pub accepted: Option<NaiveDate>,
    #[serde(serialize_with = "iso::date")]
    pub acceptance_deadline: NaiveDate,
    #[serde(serialize_with = "iso::opt_date")]
    pub resolution_deadline: Option<NaiveDate>,
    /// Whether a deadline rests on the statutory days off of a year the
    /// calendar does not list (and may move when it is announced).
    pub acceptance_provisional: bool,
    pub resolution_provisional: bool,
    /// Whether the deadline the state is judged on is provisional.
    pub provisional: bool,
    #[serde(serialize_with = "iso::opt_date")]
    pub resolved: Option<NaiveDate>,
    pub state: PetitionState,
    /// Days to the deadline that matters now; negative when late.
    pub days_left: Option<i64>,
    pub outcome: Option<Outcome>,
}

/// A petition of the register and its status on the date. Its [`Entry`] is
/// made each time it is read or written, so that a province's register
/// holds 16 bytes a petition rather than the 120 of an entry.
#[derive(Debug, Clone, Copy)]
struct Row<'a> {
    petition: &'a Petition,
    status: &'a PetitionStatus,
}

#[derive(Debug, Clone)]
pub struct Register<'a> {
    pub as_of: NaiveDate,
    pub due_within: u32,
    /// Most urgent first; borrowed from the records and the snapshot (see
    /// [`Register::entries`]).
    rows: Vec<Row<'a>>,
    /// How many of the listed petitions are in each state.
    pub states: Vec<StateCount<PetitionState>>,
}

impl<'a> Register<'a> {
    /// How many petitions it lists.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `i`-th petition, most urgent first.
    pub fn entry(&self, i: usize) -> Entry<'a> {
        entry(self.rows[i], self.as_of)
    }

    /// The petitions, most urgent first.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = Entry<'a>> + '_ {
        self.rows.iter().map(|&r| entry(r, self.as_of))
    }

    /// The register listing only the first `limit` of its petitions whose
    /// state `keep` holds (the rows of the report page); its counts are
    /// the whole register's.
    pub fn only(&self, keep: impl Fn(PetitionState) -> bool, limit: usize) -> Register<'a> {
        Register {
            rows: self
                .rows
                .iter()
                .copied()
                .filter(|r| keep(r.status.state))
                .take(limit)
                .collect(),
            states: self.states.clone(),
            ..*self
        }
    }
}

/// As it is written (`petitions --format json`, `data.json`): the entries
/// under `petitions`.
impl Serialize for Register<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::serialize_register(
            s,
            self.as_of,
            self.due_within,
            ("petitions", || self.entries()),
            &self.states,
        )
    }
}

/// A date of the record that has happened by `as_of`.
fn by(d: &Option<Sp<NaiveDate>>, as_of: NaiveDate) -> Option<NaiveDate> {
    d.as_ref().map(|x| x.value).filter(|&x| x <= as_of)
}

/// What the register says of one petition on `as_of`.
fn entry(Row { petition: p, status: s }: Row<'_>, as_of: NaiveDate) -> Entry<'_> {
    Entry {
        id: &p.id,
        kind: p.kind,
        round: p.round(),
        received: p.received.value,
        units: &p.units,
        handler: p.handler.as_ref().map(|h| h.value.as_str()),
        channel: p.channel,
        field: p.field.as_deref(),
        complex: p.complex,
        remote: p.remote,
        accepted: by(&p.accepted, as_of),
        acceptance_deadline: s.deadlines.acceptance,
        resolution_deadline: s.deadlines.resolution,
        acceptance_provisional: s.deadlines.acceptance_provisional,
        resolution_provisional: s.deadlines.resolution_provisional,
        provisional: s.provisional,
        resolved: by(&p.resolved, as_of),
        state: s.state,
        days_left: s.days_left,
        outcome: p
            .outcome
            .as_ref()
            .map(|o| o.value)
            .filter(|_| by(&p.resolved, as_of).is_some()),
    }
}

/// Sort key: late first (most late first), then due soon, awaiting, open, resolved (newest first).
fn urgency(r: Row<'_>, as_of: NaiveDate) -> (u8, i64, std::cmp::Reverse<NaiveDate>) {
    let rank = match r.status.state {
        PetitionState::AcceptanceOverdue | PetitionState::Overdue => 0,
        PetitionState::DueSoon => 1,
        PetitionState::AwaitingAcceptance => 2,
        PetitionState::Open => 3,
        PetitionState::ResolvedLate | PetitionState::ResolvedOnTime => 4,
    };
    let days = if rank < 4 {
        r.status.days_left.unwrap_or(i64::MAX)
    } else {
        0
    };
    let resolved = by(&r.petition.resolved, as_of);
    (
        rank,
        days,
        std::cmp::Reverse(resolved.unwrap_or(r.petition.received.value)),
    )
}

pub fn register<'a>(snap: &'a Snapshot<'_>, opts: &RegisterOptions) -> Register<'a> {
    let as_of = snap.as_of;
    // At most every petition of the snapshot: sized once, not doubled as it grows.
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(snap.petitions.len());
    rows.extend(
        snap.items(Kind::Petition)
            .filter(|i| opts.query.matches(i))
            .filter_map(|item| {
                let Item::Petition(petition, s) = item else {
                    return None;
                };
                let open = !matches!(s.state, PetitionState::ResolvedOnTime | PetitionState::ResolvedLate);
                if !opts.states.is_empty() && !opts.states.contains(&s.state) {
                    return None;
                }
                if opts.overdue && !matches!(s.state, PetitionState::Overdue | PetitionState::AcceptanceOverdue) {
                    return None;
                }
                if let Some(n) = opts.due_within
                    && !(open && s.days_left.is_some_and(|d| d <= i64::from(n)))
                {
                    return None;
                }
                Some(Row { petition, status: s })
            }),
    );
    rows.shrink_to_fit();
    // Ids are unique in a register (a duplicate is an error, and its file is
    // left out), so the order is total and sorting in place gives it
    // without the copy a stable sort allocates.
    rows.sort_unstable_by(|&a, &b| {
        urgency(a, as_of)
            .cmp(&urgency(b, as_of))
            .then_with(|| a.petition.id.cmp(&b.petition.id))
    });
    let listed: Vec<PetitionState> = rows.iter().map(|r| r.status.state).collect();
    let states = count_states(PetitionState::ALL.iter().map(|&(_, s)| s), &listed);
    Register {
        as_of,
        due_within: snap.due_within,
        rows,
        states,
    }
}

pub fn state_tone(s: PetitionState) -> Tone {
    match s {
        PetitionState::Overdue | PetitionState::AcceptanceOverdue => Tone::Bad,
        PetitionState::DueSoon => Tone::Warn,
        PetitionState::ResolvedLate => Tone::Dim,
        PetitionState::ResolvedOnTime => Tone::Good,
        _ => Tone::Plain,
    }
}

impl Report for Register<'_> {
    fn alarms(&self) -> Option<Vec<super::Alarm>> {
        let alarms = self.entries().filter_map(|e| {
            let urgency = match e.state {
                PetitionState::Overdue | PetitionState::AcceptanceOverdue => super::Urgency::Overdue,
                PetitionState::DueSoon => super::Urgency::DueSoon,
                _ => return None,
            };
            let deadline = match e.state {
                PetitionState::AcceptanceOverdue => Some(e.acceptance_deadline),
                _ => e.resolution_deadline,
            };
            Some(super::Alarm {
                urgency,
                kind: Kind::Petition,
                id: e.id.to_owned(),
                title: e.state.label().to_owned(),
                deadline,
                days_left: e.days_left,
            })
        });
        Some(alarms.collect())
    }

    fn document(&self) -> Document<'_> {
        // Rows are made as they are printed: the register may be long.
        let rows = Rows::made(self.len(), |i| {
            let e = self.entry(i);
            let kind = if e.round == Some(2) {
                tr!("{} lần 2", "{} (2nd)", e.kind.label())
            } else {
                e.kind.label().to_owned()
            };
            let days = match (e.days_left, e.state) {
                // Words on screen, the signed number in CSV.
                (Some(d), _) if d < 0 => Cell::toned_key(d.to_string(), tr!("trễ {}", "{} late", -d), Tone::Bad),
                (Some(d), _) => Cell::Int(d),
                (None, _) => Cell::Empty,
            };
            vec![
                Cell::text(e.id),
                Cell::key(e.kind.as_str(), kind),
                Cell::Date(e.received),
                Cell::opt_date(e.accepted),
                Cell::deadline(e.acceptance_deadline, e.acceptance_provisional),
                Cell::flag(e.acceptance_provisional),
                Cell::opt_deadline(e.resolution_deadline, e.resolution_provisional),
                Cell::flag(e.resolution_provisional),
                Cell::opt_date(e.resolved),
                Cell::toned_key(e.state.as_str(), e.state.label(), state_tone(e.state)),
                days,
            ]
        });
        let table = Table {
            columns: vec![
                Column::id("id", word("Mã đơn", "Id")),
                Column::state("type", word("Loại", "Type")),
                Column::date("received", word("Nhận", "Received")),
                Column::date("accepted", word("Thụ lý", "Accepted")),
                Column::date("acceptance_deadline", word("Hạn thụ lý", "Accept by")),
                Column::machine(
                    "acceptance_provisional",
                    word("Hạn thụ lý tạm tính", "Accept by: provisional"),
                ),
                Column::date("resolution_deadline", word("Hạn giải quyết", "Resolve by")),
                Column::machine(
                    "resolution_provisional",
                    word("Hạn giải quyết tạm tính", "Resolve by: provisional"),
                ),
                Column::date("resolved", word("Giải quyết", "Resolved")),
                Column::state("state", word("Trạng thái", "State")),
                Column::number("days_left", word("Còn (ngày)", "Days left")),
            ],
            rows,
            total: None,
            empty: Some(tr!("Không có đơn nào khớp.", "No petitions match.")),
            drop: keys(&["accepted", "received", "resolved", "acceptance_deadline", "type"]),
        };
        let counts = self
            .states
            .iter()
            .map(|c| Fact::new(c.state.as_str(), c.state.label(), Cell::Int(c.count as i64)))
            .collect();
        let any_provisional = self
            .entries()
            .any(|e| e.acceptance_provisional || e.resolution_provisional);
        let mut sections = vec![
            Section {
                key: "petitions",
                heading: None,
                body: Body::Table(table),
            },
            Section {
                key: "states",
                heading: Some(word("Theo trạng thái", "By state").into()),
                body: Body::Facts(counts),
            },
        ];
        sections.extend(super::provisional_notes(any_provisional));
        Document {
            title: word("Sổ theo dõi thời hạn giải quyết đơn thư", "Petition deadline register").to_owned(),
            subtitle: Some(tr!(
                "{} đơn · tính đến ngày {} · \"sắp đến hạn\" = còn ≤ {} ngày",
                "{} petition(s) · as of {} · \"due soon\" = {} days or fewer left",
                self.len(),
                super::format_date(self.as_of),
                self.due_within
            )),
            sections,
        }
    }
}
