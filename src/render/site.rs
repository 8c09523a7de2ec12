//! The pages of the CI bundle (`danvan report`): the self-contained
//! `index.html` and the short `summary.md`, made from the bundle's data.

use super::{escape, html, markdown};
use crate::i18n::{tr, word};
use crate::model::{Config, Keyword};
use crate::report::bundle::Bundle;
use crate::report::status::{self, StatusView};
use crate::report::{Report, format_date, progress};
use std::fmt::Write;

/// The self-contained page: dashboard, progress with charts, summaries,
/// registers, links to the notices. Written a section at a time: at
/// province scale the registers alone make tens of megabytes.
pub fn write_index_html(b: &Bundle<'_>, config: &Config, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // What is late or due soon, the most urgent first, as many as the
    // registers show: a province has thousands (all in the registers' files).
    let mut status = b.status.clone();
    let (overdue, upcoming) = (status.overdue.len(), status.upcoming.len());
    status.overdue.truncate(PAGE_ROWS);
    status.upcoming.truncate(PAGE_ROWS);
    let dashboard = StatusView { status, config };
    let summaries = [
        ("summary", word("Tổng hợp", "Summary"), &b.summary),
        (
            "petitions-by-type",
            word("Đơn theo loại", "Petitions by type"),
            &b.petitions_by_type,
        ),
        (
            "petitions-by-unit",
            word("Đơn theo đơn vị", "Petitions by unit"),
            &b.petitions_by_unit_and_year,
        ),
        ("meetings", word("Hội nghị", "Meetings"), &b.meetings_by_type_and_year),
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
        ("reviews", word("Báo cáo", "Reviews")),
    ]);
    let title = tr!(
        "{}: công tác dân vận, tính đến ngày {}",
        "{}: mass mobilization, as of {}",
        config.committee.name,
        format_date(b.as_of)
    );
    html::write_page(out, crate::i18n::lang().as_str(), &title, &nav, |out| {
        html::write_document(&dashboard.document(), "dashboard", out)?;
        if overdue > PAGE_ROWS || upcoming > PAGE_ROWS {
            writeln!(
                out,
                "<p class=\"more\">{} <a href=\"#petitions\">{}</a></p>",
                escape::html(&tr!(
                    "Tổng quan hiện {} trong {} việc quá hạn và {} trong {} việc sắp đến hạn.",
                    "The dashboard shows {} of {} overdue and {} of {} due soon.",
                    overdue.min(PAGE_ROWS),
                    overdue,
                    upcoming.min(PAGE_ROWS),
                    upcoming
                )),
                word("Sổ đơn thư", "Petitions")
            )?;
        }
        out.write_all(progress_html(b).as_bytes())?;
        for (anchor, _, s) in summaries {
            html::write_document(&s.document(), anchor, out)?;
        }
        write_registers(b, out)?;
        out.write_all(notices_html(b).as_bytes())?;
        out.write_all(reviews_html(b).as_bytes())
    })
}

/// Links to the reviews of the last completed half-year and year.
fn reviews_html(b: &Bundle<'_>) -> String {
    let mut out = format!(
        "<section id=\"reviews\">\n<h2>{}</h2>\n<ul>\n",
        word("Báo cáo sơ kết, tổng kết", "Review reports")
    );
    for r in b.reviews {
        let _ = writeln!(
            out,
            "<li>{} — <a href=\"{}\">HTML</a> · <a href=\"{}\">DOCX</a></li>",
            escape::html(&r.subject),
            escape::html(&r.html),
            escape::html(&r.docx)
        );
    }
    out.push_str("</ul>\n</section>\n");
    out
}

fn progress_html(b: &Bundle<'_>) -> String {
    let mut out = html::document(&b.progress.document(), "progress");
    out.push_str("<div class=\"cards\">\n");
    for t in &b.progress.targets {
        let points: Vec<(String, Option<f64>)> = t.series.iter().map(|p| (p.period.to_string(), p.actual)).collect();
        let show = |v: f64| progress::value_cell(Some(v), t.percent).display();
        // The chart's text alternative: every value, then the goal.
        let mut alt: Vec<String> = points
            .iter()
            .map(|(period, v)| format!("{period}: {}", v.map_or_else(|| "—".to_owned(), show)))
            .collect();
        alt.push(tr!("mục tiêu {}", "goal {}", show(t.goal)));
        let alt = alt.join("; ");
        let _ = writeln!(
            out,
            "<figure class=\"card\"><h4>{}</h4>{}<figcaption>{}</figcaption></figure>",
            escape::html(&t.title),
            html::trend_svg(&points, t.goal, progress::status_tone(t.status), &show, &alt),
            escape::html(&alt)
        );
    }
    out.push_str("</div>\n");
    out
}

/// How many rows of a register the page shows: what needs attention
/// (late, due soon, awaiting or open), the most urgent first. The whole
/// registers are in `petitions.csv`, `conclusions.csv` and
/// `registers.xlsx` beside the page, so a province's page stays a page.
pub const PAGE_ROWS: usize = 300;

/// The bundle's files holding the whole registers, linked from the page.
pub const PETITIONS_CSV: &str = "petitions.csv";
pub const CONCLUSIONS_CSV: &str = "conclusions.csv";

fn write_registers(b: &Bundle<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use crate::model::{PetitionState, TaskState};
    use crate::report::count_where;
    // The page's rows are picked from the registers, which are not copied
    // (at a million records each copy would be some 80 MB), and the counts
    // come from the registers' own counts of each state.
    let open = |s: PetitionState| !matches!(s, PetitionState::ResolvedOnTime | PetitionState::ResolvedLate);
    let open_count = count_where(&b.petitions.states, open);
    let petitions = b.petitions.only(open, PAGE_ROWS);
    html::write_document(&petitions.document(), "petitions", out)?;
    write_more(out, open_count, b.petitions.len(), PETITIONS_CSV)?;
    let unfinished = |s: TaskState| !matches!(s, TaskState::Done | TaskState::DoneLate);
    let open_count = count_where(&b.conclusions.states, unfinished);
    let tasks = b.conclusions.only(unfinished, PAGE_ROWS);
    html::write_document(&tasks.document(), "conclusions", out)?;
    write_more(out, open_count, b.conclusions.len(), CONCLUSIONS_CSV)
}

/// The line under a register on the page: how many rows it shows of how
/// many, and where the whole register is.
fn write_more(out: &mut dyn std::io::Write, open: usize, all: usize, csv: &str) -> std::io::Result<()> {
    let shown = open.min(PAGE_ROWS);
    writeln!(
        out,
        "<p class=\"more\">{} <a href=\"{csv}\">{csv}</a> · <a href=\"registers.xlsx\">registers.xlsx</a></p>",
        escape::html(&tr!(
            "Trang này hiện {} việc chưa xong (trong {}); toàn bộ {} dòng:",
            "This page shows {} unfinished (of {}); all {} rows:",
            shown,
            open,
            all
        ))
    )
}

fn notices_html(b: &Bundle<'_>) -> String {
    let mut out = format!(
        "<section id=\"notices\">\n<h2>{}</h2>\n",
        word("Thông báo kết luận", "Conclusion notices")
    );
    if b.notices.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"empty\">{}</p>",
            word("Chưa có thông báo.", "No notices yet.")
        );
    }
    out.push_str("<ul>\n");
    for n in b.notices {
        let _ = writeln!(
            out,
            "<li>{} ({}): {} — <a href=\"{}\">HTML</a> · <a href=\"{}\">DOCX</a></li>",
            escape::html(&n.number),
            format_date(n.date),
            escape::html(&n.subject),
            escape::html(&n.html),
            escape::html(&n.docx)
        );
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// The line under a Markdown list cut at `shown` of `total` items: how
/// many more the page holds.
pub(super) fn more_in_page(out: &mut String, total: usize, shown: usize) {
    if total > shown {
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                "… và {} việc khác (xem index.html).",
                "… and {} more (see index.html).",
                total - shown
            )
        );
    }
}

/// A short Markdown page for a CI job summary or a pull-request comment:
/// the counts, the targets, and at most 20 late items.
pub fn summary_md(b: &Bundle<'_>, config: &Config) -> String {
    const MAX_LATE: usize = 20;
    let s = &b.status;
    let c = &s.counts;
    let mut out = format!(
        "# {}\n\n{}\n\n",
        tr!(
            "{}: công tác dân vận",
            "{}: mass mobilization",
            escape::markdown_inline(&config.committee.name)
        ),
        tr!("Tính đến ngày {}", "As of {}", format_date(b.as_of))
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
        out.push_str(&markdown::table(&status::headline_table(&s.progress)));
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", word("Quá hạn", "Overdue"));
    let late = &s.overdue[..s.overdue.len().min(MAX_LATE)];
    out.push_str(&markdown::table(&status::attention_table(
        late,
        config,
        tr!("Không có việc quá hạn.", "Nothing is overdue."),
    )));
    if late.iter().any(|a| a.provisional) {
        let _ = writeln!(out, "\n_{}_", crate::report::provisional_legend());
    }
    more_in_page(&mut out, s.overdue.len(), MAX_LATE);
    let _ = writeln!(
        out,
        "\n## {}\n",
        tr!("Đến hạn trong {} ngày tới", "Due in the next {} days", s.horizon_days)
    );
    let soon = &s.upcoming[..s.upcoming.len().min(MAX_LATE)];
    out.push_str(&markdown::table(&status::attention_table(
        soon,
        config,
        tr!("Không có việc đến hạn.", "Nothing falls due."),
    )));
    more_in_page(&mut out, s.upcoming.len(), MAX_LATE);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cut_list_says_how_many_more_the_page_holds() {
        let mut out = String::new();
        super::more_in_page(&mut out, 20, 20);
        assert_eq!(out, "", "nothing cut, nothing said");
        super::more_in_page(&mut out, 25, 20);
        assert_eq!(out, "\n… và 5 việc khác (xem index.html).\n");
    }
}
