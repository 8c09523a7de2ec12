//! HTML for the report page: documents as sections and tables, bars and
//! trend charts as inline SVG. No script, no external resource.

use super::escape::{self, push_html};
use crate::report::{Body, Cell, ColumnKind, Document, Table, Tone};
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

/// A small line chart of a series with the goal as a dashed, labelled
/// line and each value written above its point. The scale runs from 0 to
/// a round top ([`crate::report::chart_top`]), labelled, so a series of
/// 0, 0, 0, 1, 0 stays near the floor instead of filling the chart.
/// `show` writes a value as the page does (72,6%); `alt` is the chart's
/// text alternative.
pub fn trend_svg(
    points: &[(String, Option<f64>)],
    goal: f64,
    tone: Tone,
    show: &dyn Fn(f64) -> String,
    alt: &str,
) -> String {
    // The plot, with room on the right for the goal's label.
    let (w, h, pad, top, right) = (280.0, 110.0, 16.0, 20.0, 50.0);
    let values: Vec<f64> = points.iter().filter_map(|p| p.1).filter(|v| v.is_finite()).collect();
    let lo = values.iter().copied().fold(0.0_f64, f64::min);
    let hi = crate::report::chart_top(&values, goal);
    let span = if (hi - lo).abs() < f64::EPSILON { 1.0 } else { hi - lo };
    let n = points.len().max(2) as f64 - 1.0;
    let x = |i: usize| pad + 8.0 + (w - pad - right - 16.0) * i as f64 / n;
    let y = |v: f64| h - pad - (h - pad - top) * (v - lo) / span;
    let mut svg = format!(
        "<svg class=\"trend\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{a}\"><title>{a}</title>",
        a = escape::html(alt)
    );
    // The floor and the top of the scale, the top labelled.
    let plot_end = w - right;
    let _ = write!(
        svg,
        "<line x1=\"{pad}\" x2=\"{plot_end}\" y1=\"{b:.1}\" y2=\"{b:.1}\" stroke=\"#cfd6dc\"/>\
<line x1=\"{pad}\" x2=\"{plot_end}\" y1=\"{t:.1}\" y2=\"{t:.1}\" stroke=\"#eef1f3\"/>\
<text x=\"{pad}\" y=\"{ty:.1}\" font-size=\"8\" fill=\"#8a949c\">{top_label}</text>",
        b = y(lo),
        t = y(hi),
        ty = y(hi) - 2.0,
        top_label = escape::html(&show(hi))
    );
    let gy = y(goal);
    let _ = write!(
        svg,
        "<line x1=\"{pad}\" x2=\"{plot_end}\" y1=\"{gy:.1}\" y2=\"{gy:.1}\" stroke=\"#9e9e9e\" stroke-dasharray=\"4 3\"/>\
<text x=\"{lx}\" y=\"{ty:.1}\" font-size=\"9\" fill=\"#555\"><tspan x=\"{lx}\">{label}</tspan><tspan x=\"{lx}\" dy=\"10\">{g}</tspan></text>",
        lx = plot_end + 4.0,
        ty = (gy - 1.0).clamp(9.0, h - 14.0),
        label = crate::i18n::word("mục tiêu", "goal"),
        g = escape::html(&show(goal))
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
                "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"2.5\" fill=\"{c}\"/>\
<text x=\"{cx:.1}\" y=\"{vy:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#1b1f23\">{t}</text>",
                cx = x(i),
                cy = y(*v),
                c = tone_color(tone),
                vy = y(*v) - 5.0,
                t = escape::html(&show(*v))
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            x(i),
            h - 3.0,
            escape::html(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Text longer than this carries its whole text in a `title` too (a
/// phone's card may cut it to a few lines).
const LONG: usize = 80;

/// A table cell, appended to `line`: its column's label for a phone's
/// card (`data-label`), numbers marked for alignment.
fn push_cell(line: &mut String, c: &Cell, label: &str, kind: ColumnKind) {
    line.push_str("<td data-label=\"");
    push_html(line, label);
    line.push('"');
    if let Cell::Bar(f, t) = c {
        line.push_str(" class=\"bar\">");
        line.push_str(&bar_svg(*f, *t));
        line.push_str("</td>");
        return;
    }
    let text = c.shown();
    if c.is_numeric() || kind == ColumnKind::Number {
        line.push_str(" class=\"num\"");
    } else if kind == ColumnKind::Text {
        line.push_str(" class=\"text\"");
    } else {
        line.push_str(match kind {
            ColumnKind::Id => " class=\"id\"",
            ColumnKind::Date => " class=\"date\"",
            ColumnKind::State => " class=\"state\"",
            _ => "",
        });
    }
    if text.chars().count() > LONG {
        line.push_str(" title=\"");
        push_html(line, &text);
        line.push('"');
    }
    line.push('>');
    let class = tone_class(c.tone());
    if class.is_empty() {
        push_html(line, &text);
    } else {
        let _ = write!(line, "<span class=\"{class}\">");
        push_html(line, &text);
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
    let kinds = t.kinds();
    out.write_all(b"<div class=\"scroll\"><table class=\"register\">\n<thead><tr>")?;
    for (c, kind) in t.columns.iter().zip(&kinds) {
        // A number column's heading stands right, over its numbers.
        if *kind == ColumnKind::Number {
            write!(out, "<th class=\"num\" scope=\"col\">{}</th>", escape::html(&c.label))?;
        } else {
            write!(out, "<th scope=\"col\">{}</th>", escape::html(&c.label))?;
        }
    }
    out.write_all(b"</tr></thead>\n<tbody>\n")?;
    let mut line = String::new();
    let rows = t.rows.iter().map(|r| ("<tr>", r));
    let total = t.total.as_deref().map(|r| ("<tr class=\"total\">", Cow::Borrowed(r)));
    for (start, row) in rows.chain(total) {
        line.clear();
        line.push_str(start);
        for ((c, column), kind) in row.iter().zip(&t.columns).zip(&kinds) {
            push_cell(&mut line, c, &column.label, *kind);
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
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.45 'Noto Sans','Segoe UI',Arial,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
header{background:#8b1a1a;color:#fff;padding:12px 16px}
header h1{margin:0 0 6px;font-size:20px}
nav{display:flex;flex-wrap:wrap;gap:2px 12px}
nav a{color:#fff;font-size:13px;white-space:nowrap}
main{max-width:1400px;margin:0 auto;padding:8px 16px 32px}
section{margin:24px 0}
h2{font-size:18px;border-bottom:2px solid #8b1a1a;padding-bottom:4px}
h3{font-size:15px;margin:16px 0 6px}
.sub{color:var(--muted);margin-top:-6px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--head);position:sticky;top:0}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.id{white-space:nowrap}
td.bar{white-space:nowrap}
tr.total td{font-weight:bold;border-top:2px solid var(--fg)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}
dt{color:var(--muted)}dd{margin:0}
.good{color:#2e7d32}.warn{color:#b26a00}.bad{color:#c62828;font-weight:bold}.dim{color:#78909c}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px}
.card h4{margin:0 0 4px;font-size:13px}
figure{margin:0}.card figcaption{font-size:12px;color:var(--muted)}
td.date,td.state{white-space:nowrap}
svg.trend{max-width:100%;height:auto}
.empty{color:var(--muted);font-style:italic}
.more{color:var(--muted)}
footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}
@page{size:A4;margin:14mm 12mm}
@media print{body{font-size:10px}header{background:none;color:#000;padding:0}header h1{font-size:14px}nav{display:none}
 main{max-width:none;padding:0}th{position:static}table{font-size:9px}th,td{padding:1px 3px}
 h2{font-size:13px;margin:8px 0 4px}h3{font-size:11px;margin:6px 0 2px}.sub{margin:0}dl{gap:0 8px}
 svg.bar{width:60px;height:8px}h2,h3,h4{break-after:avoid-page}.card,svg,tr,dl{break-inside:avoid}section{margin:8px 0}
 #dashboard{break-after:page}.scroll{overflow:visible}.cards{grid-template-columns:repeat(3,1fr)}.card h4{font-size:10px}.card figcaption{font-size:9px}}
@media (max-width:700px){body{font-size:14px}main{padding:8px}
 table.register,table.register tbody,table.register tr,table.register td{display:block;width:100%}
 table.register thead{display:none}
 table.register tr{display:flex;flex-direction:column;border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 8px}
 table.register td{border:0;padding:2px 0;display:grid;grid-template-columns:minmax(7em,38%) 1fr;gap:8px;text-align:left}
 table.register td::before{content:attr(data-label);color:var(--muted)}
 table.register td.id{order:-2;font-weight:bold;grid-template-columns:1fr;white-space:normal}
 table.register td.id::before{content:none}
 table.register td.state{order:-1}
 table.register td.num{text-align:left}
 table.register td:empty{display:none}
 dl{grid-template-columns:1fr}dd{margin-bottom:4px}}
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
            &|v| format!("{v}"),
            "2021: 1; 2023: 3",
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(">2022</text>"));
        assert!(svg.contains(">3</text>"), "values are written: {svg}");
        assert!(svg.contains("<title>2021: 1; 2023: 3</title>"));
        // A percentage runs from 0 to 100: 0, 1, 0 stays near the floor.
        let flat = trend_svg(
            &[
                ("a".into(), Some(0.0)),
                ("b".into(), Some(1.0)),
                ("c".into(), Some(0.0)),
            ],
            85.0,
            Tone::Bad,
            &|v| format!("{v}%"),
            "",
        );
        let ys: Vec<f64> = flat
            .split("<circle ")
            .skip(1)
            .map(|c| {
                c.split("cy=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect();
        assert!((ys[0] - ys[1]).abs() < 2.0, "{ys:?}");
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
