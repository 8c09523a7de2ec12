//! HTML for the report page: documents as sections and tables, bars and
//! trend charts as inline SVG. No script, no external resource.

use super::escape::{self, push_html};
use crate::report::{Body, Cell, Document, Table, Tone};
use std::borrow::Cow;
use std::fmt::Write;
use std::io;

fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Plain => "",
        Tone::Good => "good",
        Tone::Warn => "warn",
        Tone::Bad => "bad",
        Tone::Dim => "dim",
    }
}

fn tone_color(t: Tone) -> &'static str {
    match t {
        Tone::Good => "#2e7d32",
        Tone::Warn => "#b26a00",
        Tone::Bad => "#c62828",
        Tone::Dim | Tone::Plain => "#607d8b",
    }
}

/// A horizontal bar for a fraction 0..=1 (clamped).
pub fn bar_svg(fraction: f64, tone: Tone) -> String {
    let f = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    format!(
        "<svg class=\"bar\" width=\"120\" height=\"12\" viewBox=\"0 0 120 12\" role=\"img\" aria-label=\"{pct:.0}%\">\
<rect width=\"120\" height=\"12\" rx=\"2\" fill=\"#e8eaed\"/><rect width=\"{w:.1}\" height=\"12\" rx=\"2\" fill=\"{c}\"/></svg>",
        pct = f * 100.0,
        w = f * 120.0,
        c = tone_color(tone)
    )
}

/// A small line chart of a series with the goal as a dashed line.
pub fn trend_svg(points: &[(String, Option<f64>)], goal: f64, tone: Tone) -> String {
    let (w, h, pad) = (260.0, 90.0, 14.0);
    let values: Vec<f64> = points
        .iter()
        .filter_map(|p| p.1)
        .chain([goal])
        .filter(|v| v.is_finite())
        .collect();
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min).min(0.0);
    let span = if (hi - lo).abs() < f64::EPSILON { 1.0 } else { hi - lo };
    let n = points.len().max(2) as f64 - 1.0;
    let x = |i: usize| pad + (w - 2.0 * pad) * i as f64 / n;
    let y = |v: f64| h - pad - (h - 2.0 * pad) * (v - lo) / span;
    let mut svg = format!("<svg class=\"trend\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\">");
    let _ = write!(
        svg,
        "<line x1=\"{pad}\" x2=\"{}\" y1=\"{gy:.1}\" y2=\"{gy:.1}\" stroke=\"#9e9e9e\" stroke-dasharray=\"4 3\"/>",
        w - pad,
        gy = y(goal)
    );
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.1.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
        .collect();
    if !line.is_empty() {
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
            line.join(" "),
            tone_color(tone)
        );
    }
    for (i, (label, v)) in points.iter().enumerate() {
        if let Some(v) = v {
            let _ = write!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{}\"/>",
                x(i),
                y(*v),
                tone_color(tone)
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            x(i),
            h - 2.0,
            escape::html(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A table cell, appended to `line`.
fn push_cell(line: &mut String, c: &Cell) {
    if let Cell::Bar(f, t) = c {
        line.push_str("<td>");
        line.push_str(&bar_svg(*f, *t));
        line.push_str("</td>");
        return;
    }
    line.push_str(if c.is_numeric() { "<td class=\"num\">" } else { "<td>" });
    let class = tone_class(c.tone());
    if class.is_empty() {
        push_html(line, &c.shown());
    } else {
        let _ = write!(line, "<span class=\"{class}\">");
        push_html(line, &c.shown());
        line.push_str("</span>");
    }
    line.push_str("</td>");
}

pub fn write_table(t: &Table, out: &mut dyn io::Write) -> io::Result<()> {
    let people = t.for_people();
    let t = people.as_ref().unwrap_or(t);
    if t.rows.is_empty()
        && let Some(empty) = &t.empty
    {
        return writeln!(out, "<p class=\"empty\">{}</p>", escape::html(empty));
    }
    out.write_all(b"<div class=\"scroll\"><table>\n<thead><tr>")?;
    for c in &t.columns {
        write!(out, "<th>{}</th>", escape::html(&c.label))?;
    }
    out.write_all(b"</tr></thead>\n<tbody>\n")?;
    let mut line = String::new();
    let rows = t.rows.iter().map(|r| ("<tr>", r));
    let total = t.total.as_deref().map(|r| ("<tr class=\"total\">", Cow::Borrowed(r)));
    for (start, row) in rows.chain(total) {
        line.clear();
        line.push_str(start);
        for c in row.iter() {
            push_cell(&mut line, c);
        }
        line.push_str("</tr>\n");
        out.write_all(line.as_bytes())?;
    }
    out.write_all(b"</tbody></table></div>\n")
}

/// A document as an HTML section with an anchor, its title as a heading.
pub fn document(doc: &Document, anchor: &str) -> String {
    super::to_string(|out| write_document(doc, anchor, out))
}

/// [`document`], written as it renders: a register's table may be long.
pub fn write_document(doc: &Document, anchor: &str, out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"{}\">\n<h2>{}</h2>",
        escape::html(anchor),
        escape::html(&doc.title)
    )?;
    if let Some(sub) = &doc.subtitle {
        writeln!(out, "<p class=\"sub\">{}</p>", escape::html(sub))?;
    }
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            writeln!(out, "<h3>{}</h3>", escape::html(h))?;
        }
        match &s.body {
            Body::Table(t) => write_table(t, out)?,
            Body::Facts(facts) => {
                out.write_all(b"<dl>\n")?;
                for f in facts {
                    let class = tone_class(f.value.tone());
                    writeln!(
                        out,
                        "<dt>{}</dt><dd class=\"{class}\">{}</dd>",
                        escape::html(&f.label),
                        escape::html(&f.value.display())
                    )?;
                }
                out.write_all(b"</dl>\n")?;
            }
            Body::Text(ps) => {
                for p in ps {
                    writeln!(out, "<p>{}</p>", escape::html(p))?;
                }
            }
        }
    }
    out.write_all(b"</section>\n")
}

/// The page around the sections: a CSP that forbids every request, and
/// styles for screens, phones and print. `body` writes the sections.
pub fn write_page(
    out: &mut dyn io::Write,
    lang: &str,
    title: &str,
    nav: &[(&str, &str)],
    body: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut links = String::new();
    for (anchor, label) in nav {
        let _ = write!(
            links,
            "<a href=\"#{}\">{}</a>",
            escape::html(anchor),
            escape::html(label)
        );
    }
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header><h1>{t}</h1><nav>{links}</nav></header>\n<main>\n",
        t = escape::html(title),
    )?;
    body(out)?;
    write!(
        out,
        "</main>\n<footer>danvan {v}</footer>\n</body>\n</html>\n",
        v = env!("CARGO_PKG_VERSION")
    )
}

const STYLE: &str = "
:root{--fg:#1b1f23;--muted:#5f6b76;--line:#d8dee4;--bg:#fff;--head:#f3f5f7}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 'Noto Sans','Segoe UI',Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#8b1a1a;color:#fff;padding:12px 16px}
header h1{margin:0 0 6px;font-size:20px}
nav{display:flex;flex-wrap:wrap;gap:2px 12px}
nav a{color:#fff;font-size:13px;white-space:nowrap}
main{max-width:1200px;margin:0 auto;padding:8px 16px 32px}
section{margin:24px 0}
h2{font-size:18px;border-bottom:2px solid #8b1a1a;padding-bottom:4px}
h3{font-size:15px;margin:16px 0 6px}
.sub{color:var(--muted);margin-top:-6px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--head);position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:bold;border-top:2px solid var(--fg)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}
dt{color:var(--muted)}dd{margin:0}
.good{color:#2e7d32}.warn{color:#b26a00}.bad{color:#c62828;font-weight:bold}.dim{color:#78909c}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px}
.card h4{margin:0 0 4px;font-size:13px}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}
@media print{header{background:none;color:#000}nav{display:none}th{position:static}section{break-inside:avoid-page}}
@media (max-width:600px){body{font-size:14px}table{font-size:12px;width:auto}th,td{white-space:nowrap}dl{grid-template-columns:1fr}dd{margin-bottom:4px}}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_clamp_and_escape_nothing_unsafe() {
        assert!(bar_svg(2.0, Tone::Good).contains("width=\"120.0\""));
        assert!(bar_svg(f64::NAN, Tone::Bad).contains("width=\"0.0\""));
    }

    #[test]
    fn trend_has_a_point_per_value_and_labels() {
        let svg = trend_svg(
            &[
                ("2021".into(), Some(1.0)),
                ("2022".into(), None),
                ("2023".into(), Some(3.0)),
            ],
            4.0,
            Tone::Warn,
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(">2022</text>"));
    }

    #[test]
    fn page_forbids_requests() {
        let p = super::super::to_string(|out| {
            write_page(out, "vi", "T <x>", &[("a", "A&B")], |out| out.write_all(b"<p>body</p>"))
        });
        assert!(p.contains("default-src 'none'"));
        assert!(p.contains("T &lt;x&gt;"));
        assert!(p.contains("<a href=\"#a\">A&amp;B</a>"));
        assert!(p.contains("<main>\n<p>body</p></main>"));
    }
}
