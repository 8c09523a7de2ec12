//! `danvan report`: every report at once, as the CI bundle: `data.json`,
//! a self-contained `index.html`, a short `summary.md`, and the notices.
//! Nothing here reads the clock: the same records and as-of date give the
//! same bytes.

use super::conclusions::{self, Register as Tasks};
use super::petitions::{self, Register as Petitions};
use super::progress::{self, Progress};
use super::status::{self, Status, StatusView};
use super::summary::{self, Dim, Summary, SummaryOptions};
use super::{Report, format_date};
use crate::domain::query::Query;
use crate::domain::snapshot::Snapshot;
use crate::i18n::{tr, word};
use crate::model::*;
use crate::render::html;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write;

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

/// `data.json`: every report's data.
#[derive(Serialize)]
pub struct Bundle {
    pub tool: &'static str,
    pub version: &'static str,
    pub as_of: NaiveDate,
    /// The git commit of the records, when they are in a repository.
    pub records_commit: Option<String>,
    pub status: Status,
    pub progress: Progress,
    pub summary: Summary,
    pub petitions_by_type: Summary,
    pub petitions_by_unit_and_year: Summary,
    pub meetings_by_type_and_year: Summary,
    pub petitions: Petitions,
    pub conclusions: Tasks,
    pub notices: Vec<NoticeLink>,
}

fn summary_of(snap: &Snapshot<'_>, kinds: &[Kind], by: &[Dim]) -> Summary {
    summary::summary(
        snap,
        &SummaryOptions {
            kinds: kinds.to_vec(),
            by: by.to_vec(),
            query: Query::default(),
        },
    )
}

pub fn bundle(snap: &Snapshot<'_>, records_commit: Option<String>) -> Bundle {
    let ws = snap.ws;
    let all: Vec<&Target> = ws.targets.iter().collect();
    let progress = progress::progress(snap, &all, Some(Granularity::Year));
    let headlines = progress::headlines(snap);
    let notices = ws
        .meetings
        .iter()
        .filter_map(|m| {
            let n = m.notice.as_ref()?;
            Some(NoticeLink {
                meeting: m.id.clone(),
                number: format!("{}-{}", n.number.value, ws.config.committee.notice_suffix),
                date: n.date.value,
                subject: n.subject.clone(),
                html: format!("notices/{}.html", m.id),
                docx: format!("notices/{}.docx", m.id),
            })
        })
        .collect();
    Bundle {
        tool: "danvan",
        version: env!("CARGO_PKG_VERSION"),
        as_of: snap.as_of,
        records_commit,
        status: status::status(snap, headlines),
        progress,
        summary: summary_of(snap, &[], &[Dim::Kind]),
        petitions_by_type: summary_of(snap, &[Kind::Petition], &[Dim::Type]),
        petitions_by_unit_and_year: summary_of(snap, &[Kind::Petition], &[Dim::Unit, Dim::Year]),
        meetings_by_type_and_year: summary_of(snap, &[Kind::Meeting], &[Dim::Type, Dim::Year]),
        petitions: petitions::register(
            snap,
            &petitions::RegisterOptions {
                query: Query::default(),
                states: Vec::new(),
                overdue: false,
                due_within: None,
            },
        ),
        conclusions: conclusions::register(snap, &conclusions::RegisterOptions::default()),
        notices,
    }
}

impl Bundle {
    /// The self-contained page: dashboard, progress with charts, summaries,
    /// registers, links to the notices.
    pub fn index_html(&self, config: &Config) -> String {
        let mut body = String::new();
        let mut nav = Vec::new();
        let mut add = |anchor: &str, label: String, html: String| {
            nav.push((anchor.to_owned(), label));
            body.push_str(&html);
        };
        let dashboard = StatusView {
            status: self.status.clone(),
            config,
        };
        add(
            "dashboard",
            word("Tổng quan", "Dashboard").into(),
            html::document(&dashboard.document(), "dashboard"),
        );
        add("progress", word("Chỉ tiêu", "Targets").into(), self.progress_html());
        for (anchor, label, s) in [
            ("summary", word("Tổng hợp", "Summary"), &self.summary),
            (
                "petitions-by-type",
                word("Đơn theo loại", "Petitions by type"),
                &self.petitions_by_type,
            ),
            (
                "petitions-by-unit",
                word("Đơn theo đơn vị", "Petitions by unit"),
                &self.petitions_by_unit_and_year,
            ),
            (
                "meetings",
                word("Hội nghị", "Meetings"),
                &self.meetings_by_type_and_year,
            ),
        ] {
            add(anchor, label.into(), html::document(&s.document(), anchor));
        }
        add(
            "petitions",
            word("Sổ đơn thư", "Petitions").into(),
            html::document(&self.petitions.document(), "petitions"),
        );
        add(
            "conclusions",
            word("Nhiệm vụ", "Tasks").into(),
            html::document(&self.conclusions.document(), "conclusions"),
        );
        add("notices", word("Thông báo", "Notices").into(), self.notices_html());
        let title = tr!(
            "{}: công tác dân vận, tính đến ngày {}",
            "{}: mass mobilization, as of {}",
            config.committee.name,
            format_date(self.as_of)
        );
        html::page(crate::i18n::lang().as_str(), &title, &nav, &body)
    }

    fn progress_html(&self) -> String {
        let mut out = html::document(&self.progress.document(), "progress");
        out.push_str("<div class=\"cards\">\n");
        for t in &self.progress.targets {
            let points: Vec<(String, Option<f64>)> =
                t.series.iter().map(|p| (p.period.to_string(), p.actual)).collect();
            let _ = writeln!(
                out,
                "<div class=\"card\"><h4>{}</h4>{}</div>",
                html::esc(&t.title),
                html::trend_svg(&points, t.goal, progress::status_tone(t.status))
            );
        }
        out.push_str("</div>\n");
        out
    }

    fn notices_html(&self) -> String {
        let mut out = format!(
            "<section id=\"notices\">\n<h2>{}</h2>\n",
            word("Thông báo kết luận", "Conclusion notices")
        );
        if self.notices.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"empty\">{}</p>",
                word("Chưa có thông báo.", "No notices yet.")
            );
        }
        out.push_str("<ul>\n");
        for n in &self.notices {
            let _ = writeln!(
                out,
                "<li>{} ({}): {} — <a href=\"{}\">HTML</a> · <a href=\"{}\">DOCX</a></li>",
                html::esc(&n.number),
                format_date(n.date),
                html::esc(&n.subject),
                html::esc(&n.html),
                html::esc(&n.docx)
            );
        }
        out.push_str("</ul>\n</section>\n");
        out
    }

    /// A short Markdown page for a CI job summary or a pull-request comment:
    /// the counts, the targets, and at most 20 late items.
    pub fn summary_md(&self, config: &Config) -> String {
        const MAX_LATE: usize = 20;
        let s = &self.status;
        let c = &s.counts;
        let mut out = format!(
            "# {}\n\n{}\n\n",
            tr!("{}: công tác dân vận", "{}: mass mobilization", config.committee.name),
            tr!("Tính đến ngày {}", "As of {}", format_date(self.as_of))
        );
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                "- Mô hình: **{}** ({} đang thực hiện, {} Dân vận khéo)\n- Hội nghị: **{}**\n- Đơn thư: **{}** ({} đang giải quyết, **{} quá hạn**)\n- Nhiệm vụ kết luận: **{}** ({} chưa xong, **{} quá hạn**)",
                "- Models: **{}** ({} active, {} recognised Dân vận khéo)\n- Meetings: **{}**\n- Petitions: **{}** ({} open, **{} overdue**)\n- Conclusion tasks: **{}** ({} open, **{} overdue**)",
                c.models,
                c.models_active,
                c.models_recognized,
                c.meetings,
                c.petitions,
                c.petitions_open,
                c.petitions_overdue,
                c.tasks,
                c.tasks_open,
                c.tasks_overdue
            )
        );
        if !s.progress.is_empty() {
            let _ = writeln!(out, "## {}\n", word("Tiến độ chỉ tiêu", "Targets"));
            out.push_str(&crate::render::markdown::table(&progress::headline_table(&s.progress)));
            out.push('\n');
        }
        let _ = writeln!(out, "## {}\n", word("Quá hạn", "Overdue"));
        let late = &s.overdue[..s.overdue.len().min(MAX_LATE)];
        out.push_str(&crate::render::markdown::table(&status::attention_table(
            late,
            config,
            tr!("Không có việc quá hạn.", "Nothing is overdue."),
        )));
        if s.overdue.len() > MAX_LATE {
            let _ = writeln!(
                out,
                "\n{}",
                tr!(
                    "… và {} việc khác (xem index.html).",
                    "… and {} more (see index.html).",
                    s.overdue.len() - MAX_LATE
                )
            );
        }
        out
    }
}

/// The last commit that touched the records under `root`, when they are in
/// a git repository (no network: `git log` reads the local repository).
pub fn records_commit(root: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "-1", "--format=%H", "--", "."])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let commit = text.trim();
    (out.status.success() && commit.len() >= 7).then(|| commit.to_owned())
}
