//! The pages of a province's bundle (`danvan report` on a province
//! workspace): the self-contained roll-up page, with a link to each
//! member's own page, and its short `summary.md`.

use super::{escape, html, markdown};
use crate::i18n::{tr, word};
use crate::model::Keyword;
use crate::report::rollup::{ProvinceBundle, Rollup};
use crate::report::{Report, format_date};
use std::fmt::Write;

/// `index.html`: the committees with links to their pages, then every
/// table of the roll-up.
pub fn write_index_html(b: &ProvinceBundle<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let r = b.rollup;
    let title = tr!("{}, tính đến ngày {}", "{}, as of {}", r.title(), format_date(b.as_of));
    let nav = [
        ("members", word("Trang từng cấp ủy", "Committee pages")),
        ("rollup", word("Tổng hợp", "Roll-up")),
    ];
    html::write_page(out, crate::i18n::lang().as_str(), &title, &nav, |out| {
        out.write_all(pages_html(b).as_bytes())?;
        html::write_document(&r.document(), "rollup", out)
    })
}

/// The list of members: a link to each one's page, or why it has none.
fn pages_html(b: &ProvinceBundle<'_>) -> String {
    let mut out = format!(
        "<section id=\"members\">\n<h2>{}</h2>\n<ul>\n",
        word("Trang của từng cấp ủy", "Each committee's page")
    );
    for (page, line) in b.pages.iter().zip(&b.rollup.members) {
        let _ = match &page.page {
            Some(href) => writeln!(
                out,
                "<li><a href=\"{}\">{}</a></li>",
                escape::html(href),
                escape::html(&page.committee)
            ),
            None => writeln!(
                out,
                "<li class=\"bad\">{}</li>",
                escape::html(&tr!(
                    "{}: {} lỗi trong hồ sơ, không được tổng hợp (danvan --records {} check)",
                    "{}: {} error(s) in its records, not counted (danvan --records {} check)",
                    page.committee,
                    line.errors,
                    line.path
                ))
            ),
        };
    }
    if let Some(own) = &b.province_page {
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a></li>",
            escape::html(own),
            escape::html(&tr!(
                "Hồ sơ của chính {}",
                "The records of {} itself",
                b.rollup.province.as_deref().unwrap_or_default()
            ))
        );
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// A short Markdown page for a CI job summary: the committees, the
/// targets, and at most 20 late items.
pub fn summary_md(b: &ProvinceBundle<'_>) -> String {
    const MAX_LATE: usize = 20;
    let r: &Rollup = b.rollup;
    let mut out = format!(
        "# {}\n\n{}\n\n",
        escape::markdown_inline(&r.title()),
        tr!("Tính đến ngày {}", "As of {}", format_date(b.as_of))
    );
    for m in r.left_out() {
        let _ = writeln!(
            out,
            "> **{}**\n",
            escape::markdown_inline(&tr!(
                "{} có {} lỗi trong hồ sơ, không được tổng hợp.",
                "{} has {} error(s) in its records and is not counted.",
                m.committee,
                m.errors
            ))
        );
    }
    let _ = writeln!(out, "## {}\n", word("Các cấp ủy", "Committees"));
    out.push_str(&markdown::table(&r.committees_table()));
    if !r.targets.is_empty() {
        let _ = writeln!(out, "\n## {}\n", word("Chỉ tiêu", "Targets"));
        out.push_str(&markdown::table(&r.targets_table()));
    }
    let _ = writeln!(out, "\n## {}\n", word("Quá hạn", "Overdue"));
    let late = &r.overdue[..r.overdue.len().min(MAX_LATE)];
    out.push_str(&markdown::table(&Rollup::register_table(
        late,
        tr!("Không có việc quá hạn.", "Nothing is overdue."),
    )));
    if late.iter().any(|e| e.item.provisional) {
        let _ = writeln!(out, "\n_{}_", crate::report::provisional_legend());
    }
    super::site::more_in_page(&mut out, r.overdue.len(), MAX_LATE);
    out
}
