//! `danvan petitions`: the deadline register, most urgent first.

use super::{
    Body, Cell, Column, Document, Fact, Report, Rows, Section, StateCount, Table, Tone, count_states, iso, keys,
};
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
    pub units: Vec<&'a str>,
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

#[derive(Debug, Clone, Serialize)]
pub struct Register<'a> {
    pub as_of: NaiveDate,
    pub due_within: u32,
    /// Borrowed from the records: a province's register is long.
    pub petitions: Vec<Entry<'a>>,
    /// How many of the listed petitions are in each state.
    pub states: Vec<StateCount<PetitionState>>,
}

/// Sort key: late first (most late first), then due soon, awaiting, open, resolved (newest first).
fn urgency(e: &Entry<'_>) -> (u8, i64, std::cmp::Reverse<NaiveDate>) {
    let rank = match e.state {
        PetitionState::AcceptanceOverdue | PetitionState::Overdue => 0,
        PetitionState::DueSoon => 1,
        PetitionState::AwaitingAcceptance => 2,
        PetitionState::Open => 3,
        PetitionState::ResolvedLate | PetitionState::ResolvedOnTime => 4,
    };
    let days = if rank < 4 { e.days_left.unwrap_or(i64::MAX) } else { 0 };
    (rank, days, std::cmp::Reverse(e.resolved.unwrap_or(e.received)))
}

pub fn register<'a>(snap: &'a Snapshot<'_>, opts: &RegisterOptions) -> Register<'a> {
    let mut petitions: Vec<Entry<'a>> = snap
        .items(Kind::Petition)
        .filter(|i| opts.query.matches(i))
        .filter_map(|item| {
            let Item::Petition(p, s) = item else { return None };
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
            let by = |d: &Option<Sp<NaiveDate>>| d.as_ref().map(|x| x.value).filter(|&x| x <= snap.as_of);
            Some(Entry {
                id: &p.id,
                kind: p.kind,
                round: p.round(),
                received: p.received.value,
                units: p.units.iter().map(|u| u.value.as_str()).collect(),
                handler: p.handler.as_ref().map(|h| h.value.as_str()),
                channel: p.channel,
                field: p.field.as_deref(),
                complex: p.complex,
                remote: p.remote,
                accepted: by(&p.accepted),
                acceptance_deadline: s.deadlines.acceptance,
                resolution_deadline: s.deadlines.resolution,
                acceptance_provisional: s.deadlines.acceptance_provisional,
                resolution_provisional: s.deadlines.resolution_provisional,
                provisional: s.provisional,
                resolved: by(&p.resolved),
                state: s.state,
                days_left: s.days_left,
                outcome: p
                    .outcome
                    .as_ref()
                    .map(|o| o.value)
                    .filter(|_| by(&p.resolved).is_some()),
            })
        })
        .collect();
    petitions.sort_by(|a, b| urgency(a).cmp(&urgency(b)).then_with(|| a.id.cmp(b.id)));
    let listed: Vec<PetitionState> = petitions.iter().map(|e| e.state).collect();
    let states = count_states(PetitionState::ALL.iter().map(|&(_, s)| s), &listed);
    Register {
        as_of: snap.as_of,
        due_within: snap.due_within,
        petitions,
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
        let alarms = self.petitions.iter().filter_map(|e| {
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
        let rows = Rows::made(self.petitions.len(), |i| {
            let e = &self.petitions[i];
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
            .petitions
            .iter()
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
                self.petitions.len(),
                super::format_date(self.as_of),
                self.due_within
            )),
            sections,
        }
    }
}
