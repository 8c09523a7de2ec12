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
pub struct Bundle<'a> {
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
    pub petitions: Petitions<'a>,
    pub conclusions: Tasks<'a>,
    pub notices: &'a [NoticeLink],
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

/// Every notice of the workspace, with the files the bundle writes for it.
pub fn notice_links(ws: &Workspace) -> Vec<NoticeLink> {
    super::notice::with_notice(ws)
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
        .collect()
}

/// The bundle's data; its parts are computed side by side, on every core.
pub fn bundle<'a>(snap: &'a Snapshot<'_>, records_commit: Option<String>, notices: &'a [NoticeLink]) -> Bundle<'a> {
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
    let (petitions, conclusions) = rayon::join(
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
    );
    Bundle {
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
    }
}

impl Bundle<'_> {
    /// The self-contained page: dashboard, progress with charts, summaries,
    /// registers, links to the notices. Written a section at a time: at
    /// province scale the registers alone make tens of megabytes.
    pub fn write_index_html(&self, config: &Config, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let dashboard = StatusView {
            status: self.status.clone(),
            config,
        };
        let summaries = [
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
        ];
        let mut nav = vec![
            ("dashboard", word("Tổng quan", "Dashboard")),
            ("progress", word("Chỉ tiêu", "Targets")),
        ];
        nav.extend(summaries.iter().map(|(anchor, label, _)| (*anchor, *label)));
        nav.extend([
            ("petitions", word("Sổ đơn thư", "Petitions")),
            ("conclusions", word("Nhiệm vụ", "Tasks")),
            ("notices", word("Thông báo", "Notices")),
        ]);
        let title = tr!(
            "{}: công tác dân vận, tính đến ngày {}",
            "{}: mass mobilization, as of {}",
            config.committee.name,
            format_date(self.as_of)
        );
        html::write_page(out, crate::i18n::lang().as_str(), &title, &nav, |out| {
            html::write_document(&dashboard.document(), "dashboard", out)?;
            out.write_all(self.progress_html().as_bytes())?;
            for (anchor, _, s) in summaries {
                html::write_document(&s.document(), anchor, out)?;
            }
            html::write_document(&self.petitions.document(), "petitions", out)?;
            html::write_document(&self.conclusions.document(), "conclusions", out)?;
            out.write_all(self.notices_html().as_bytes())
        })
    }

    /// [`Bundle::write_index_html`] as a string.
    pub fn index_html(&self, config: &Config) -> String {
        crate::render::to_string(|out| self.write_index_html(config, out))
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
        for n in self.notices {
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
            out.push_str(&crate::render::markdown::table(&status::headline_table(&s.progress)));
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
