//! `danvan report`: every report at once, as the CI bundle: `data.json`,
//! a self-contained `index.html`, a short `summary.md`, and the notices.
//! Nothing here reads the clock: the same records and as-of date give the
//! same bytes.

use super::conclusions::{self, Register as Tasks};
use super::petitions::{self, Register as Petitions};
use super::progress::{self, Progress};
use super::status::{self, Status};
use super::summary::{self, Dim, Summary, SummaryOptions};
use crate::domain::query::Query;
use crate::domain::snapshot::Snapshot;
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;

/// A notice in the bundle, with the files written for it.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeLink {
    pub meeting: String,
    pub number: String,
    pub date: NaiveDate,
    pub subject: String,
    pub html: String,
    pub docx: String,
}

/// A review in the bundle (the last completed half-year and year), with
/// the files written for it.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewLink {
    /// `2025-H1`, `2024`.
    pub period: Period,
    pub subject: String,
    pub html: String,
    pub docx: String,
}

impl ReviewLink {
    pub fn new(period: Period, subject: String) -> ReviewLink {
        ReviewLink {
            period,
            subject,
            html: format!("reviews/{period}.html"),
            docx: format!("reviews/{period}.docx"),
        }
    }
}

/// The version of `data.json`'s layout: raised when a key changes meaning
/// or goes away (`danvan schema --kind data` describes it).
pub const FORMAT_VERSION: u32 = 1;

/// `data.json`: every report's data.
#[derive(Serialize)]
pub struct Bundle<'a> {
    pub format_version: u32,
    pub tool: &'static str,
    pub version: &'static str,
    pub as_of: NaiveDate,
    /// The git commit of the records and whether they had uncommitted
    /// changes, when they are in a repository.
    pub records_commit: Option<crate::load::RecordsCommit>,
    pub status: Status,
    pub progress: Progress,
    pub summary: Summary,
    pub petitions_by_type: Summary,
    pub petitions_by_unit_and_year: Summary,
    pub meetings_by_type_and_year: Summary,
    pub petitions: &'a Petitions<'a>,
    pub conclusions: &'a Tasks<'a>,
    pub notices: &'a [NoticeLink],
    /// The reviews of the last completed half-year and year (`danvan review`).
    pub reviews: &'a [ReviewLink],
}

fn summary_of(snap: &Snapshot<'_>, kinds: &[Kind], by: &[Dim]) -> Summary {
    summary::summary(
        snap,
        &SummaryOptions {
            kinds: kinds.to_vec(),
            by: by.to_vec(),
            query: Query::default(),
            fold_merged: false,
        },
    )
}

/// Every notice of the workspace, with the files the bundle writes for it.
pub fn notice_links(ws: &Workspace) -> Vec<NoticeLink> {
    super::notice::with_notice(ws)
        .filter_map(|m| {
            let n = m.notice.as_ref()?;
            Some(NoticeLink {
                meeting: m.id.clone(),
                number: n.full_number(&ws.config.committee.notice_suffix),
                date: n.date.value,
                subject: n.subject.clone(),
                html: format!("notices/{}.html", m.id),
                docx: format!("notices/{}.docx", m.id),
            })
        })
        .collect()
}

/// The registers of the bundle: every petition and every task. They are
/// made first, so that the workbook of them can be written while the
/// bundle's figures are counted.
pub fn registers<'a>(snap: &'a Snapshot<'_>) -> (Petitions<'a>, Tasks<'a>) {
    rayon::join(
        || {
            petitions::register(
                snap,
                &petitions::RegisterOptions {
                    query: Query::default(),
                    states: Vec::new(),
                    overdue: false,
                    due_within: None,
                },
            )
        },
        || conclusions::register(snap, &conclusions::RegisterOptions::default()),
    )
}

/// The bundle's data, over the `registers` of the same snapshot; its
/// parts are computed side by side, on every core.
pub fn bundle<'a>(
    snap: &'a Snapshot<'_>,
    records_commit: Option<crate::load::RecordsCommit>,
    (petitions, conclusions): (&'a Petitions<'a>, &'a Tasks<'a>),
    notices: &'a [NoticeLink],
    reviews: &'a [ReviewLink],
) -> Bundle<'a> {
    let ((progress, status), ((summary, petitions_by_type), (petitions_by_unit_and_year, meetings_by_type_and_year))) =
        rayon::join(
            || {
                let all: Vec<&Target> = snap.ws.targets.iter().collect();
                let progress = progress::progress(snap, &all, Some(Granularity::Year));
                let status = status::status(snap, status::headlines_of(&progress));
                (progress, status)
            },
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || summary_of(snap, &[], &[Dim::Kind]),
                            || summary_of(snap, &[Kind::Petition], &[Dim::Type]),
                        )
                    },
                    || {
                        rayon::join(
                            || summary_of(snap, &[Kind::Petition], &[Dim::Unit, Dim::Year]),
                            || summary_of(snap, &[Kind::Meeting], &[Dim::Type, Dim::Year]),
                        )
                    },
                )
            },
        );
    Bundle {
        format_version: FORMAT_VERSION,
        tool: "danvan",
        version: env!("CARGO_PKG_VERSION"),
        as_of: snap.as_of,
        records_commit,
        status,
        progress,
        summary,
        petitions_by_type,
        petitions_by_unit_and_year,
        meetings_by_type_and_year,
        petitions,
        conclusions,
        notices,
        reviews,
    }
}
