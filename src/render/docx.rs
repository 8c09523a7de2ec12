//! The conclusion notice as a Word document (.docx), hand-written OOXML
//! in a zip: A4, Times New Roman, the layout of Hướng dẫn 36-HD/VPTW.
//!
//! The same notice always gives the same bytes: entries are written in a
//! fixed order with a fixed timestamp (the notice's date), so a CI job that
//! rebuilds the documents sees no change unless the records changed.

use super::escape;
use crate::model::Margins;
use crate::report::notice::NoticeDocument;
use chrono::Datelike;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A4 in twentieths of a point.
const PAGE_WIDTH: i64 = 11906;
const PAGE_HEIGHT: i64 = 16838;
/// Twips in a millimetre (1440 per inch / 25.4).
const TWIPS_PER_MM: f64 = 56.7;

/// Font sizes in half-points, as `w:sz` takes them.
const BODY: u32 = 28; // 14 pt
const TITLE: u32 = 30; // 15 pt: ĐẢNG CỘNG SẢN VIỆT NAM, THÔNG BÁO
const PARENT: u32 = 26; // 13 pt: the parent body, to fit its column
const RECIPIENTS: u32 = 24; // 12 pt

/// First-line indent of body paragraphs: 1 cm.
const INDENT: i64 = 567;

/// The .docx file of a notice. Everything is written to memory, so an
/// error means a bug in the zip writer rather than a full disk.
pub fn notice(doc: &NoticeDocument, margins: Margins) -> std::io::Result<Vec<u8>> {
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles()),
        ("word/document.xml", document(doc, margins)),
    ];
    let stamp = DateTime::from_date_and_time(
        u16::try_from(doc.date.year()).unwrap_or(1980),
        doc.date.month() as u8,
        doc.date.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    // Stored, not deflated: a notice is some 15 KB either way, and setting
    // up a compressor (zeroing its tables) cost more than the rest of the
    // file when the report writes thousands of notices.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(16 * 1024)));
    for (name, text) in &parts {
        zip.start_file(*name, options).map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="{BODY}"/><w:szCs w:val="{BODY}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    )
}

/// The text of a run, as XML ([`escape::xml`]). A run is one line: a tab
/// or line break in it is a space (carriage returns are dropped).
fn run_text(s: &str) -> Cow<'_, str> {
    if !s.contains(['\t', '\n', '\r']) {
        return escape::xml(s);
    }
    let one_line: String = s.replace('\r', "").replace(['\t', '\n'], " ");
    Cow::Owned(escape::xml(&one_line).into_owned())
}

/// How a run of text looks.
#[derive(Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    underline: bool,
    /// Half-points; the default (14 pt) when `None`.
    size: Option<u32>,
}

const PLAIN: Style = Style {
    bold: false,
    italic: false,
    underline: false,
    size: None,
};
const BOLD: Style = Style { bold: true, ..PLAIN };

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Both,
}

/// A paragraph's layout.
#[derive(Clone, Copy)]
struct Para {
    align: Align,
    first_line: i64,
    /// Hanging indent, for recipients that wrap.
    hanging: i64,
    /// Indent on both sides, to keep the subject narrower than the body.
    sides: i64,
    before: u32,
    after: u32,
}

const CENTER: Para = Para {
    align: Align::Center,
    first_line: 0,
    hanging: 0,
    sides: 0,
    before: 0,
    after: 0,
};
const BODY_PARA: Para = Para {
    align: Align::Both,
    first_line: INDENT,
    hanging: 0,
    sides: 0,
    before: 0,
    after: 120,
};

fn run(out: &mut String, text: &str, style: Style) {
    out.push_str("<w:r>");
    let mut props = String::new();
    if style.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if style.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    if style.underline {
        props.push_str(r#"<w:u w:val="single"/>"#);
    }
    if let Some(sz) = style.size {
        let _ = write!(props, r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#);
    }
    if !props.is_empty() {
        let _ = write!(out, "<w:rPr>{props}</w:rPr>");
    }
    let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t></w:r>"#, run_text(text));
}

fn para_props(p: Para, extra: &str) -> String {
    let jc = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Both => "both",
    };
    let mut s = String::from("<w:pPr>");
    s.push_str(extra);
    let _ = write!(
        s,
        r#"<w:spacing w:before="{}" w:after="{}" w:line="264" w:lineRule="auto"/>"#,
        p.before, p.after
    );
    let mut ind = String::new();
    let left = p.sides + p.hanging;
    if left > 0 {
        let _ = write!(ind, r#" w:left="{left}""#);
    }
    if p.sides > 0 {
        let _ = write!(ind, r#" w:right="{}""#, p.sides);
    }
    if p.first_line > 0 {
        let _ = write!(ind, r#" w:firstLine="{}""#, p.first_line);
    } else if p.hanging > 0 {
        let _ = write!(ind, r#" w:hanging="{}""#, p.hanging);
    }
    if !ind.is_empty() {
        let _ = write!(s, "<w:ind{ind}/>");
    }
    let _ = write!(s, r#"<w:jc w:val="{jc}"/></w:pPr>"#);
    s
}

/// A paragraph of runs.
fn paragraph(out: &mut String, p: Para, runs: &[(&str, Style)]) {
    out.push_str("<w:p>");
    out.push_str(&para_props(p, ""));
    for (text, style) in runs {
        if !text.is_empty() {
            run(out, text, *style);
        }
    }
    out.push_str("</w:p>");
}

/// The short rule under "ĐẢNG CỘNG SẢN VIỆT NAM": an empty paragraph, as
/// wide as the indents leave, with a top border.
fn rule(out: &mut String, cell_width: i64) {
    let side = cell_width / 4;
    let _ = write!(
        out,
        r#"<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="60" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="{side}" w:right="{side}"/><w:jc w:val="center"/><w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:pPr></w:p>"#
    );
}

/// A borderless table of two columns; each cell's paragraphs already written.
fn two_columns(out: &mut String, widths: [i64; 2], cells: [String; 2]) {
    let total = widths[0] + widths[1];
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{}"/><w:gridCol w:w="{}"/></w:tblGrid><w:tr>"#,
        widths[0], widths[1]
    );
    for (w, body) in widths.iter().zip(cells) {
        let _ = write!(
            out,
            r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{body}</w:tc>"#
        );
    }
    out.push_str("</w:tr></w:tbl>");
}

fn twips(mm: f64) -> i64 {
    (mm.max(0.0) * TWIPS_PER_MM).round() as i64
}

fn document(doc: &NoticeDocument, margins: Margins) -> String {
    let (top, bottom, left, right) = (
        twips(margins.top),
        twips(margins.bottom),
        twips(margins.left),
        twips(margins.right),
    );
    // The text block; at least a few centimetres even with absurd margins.
    let text_width = (PAGE_WIDTH - left - right).max(2000);
    let left_col = text_width * 45 / 100;
    let right_col = text_width - left_col;
    let mut body = String::new();

    // Header: issuing body on the left, the Party's name and the date on the right.
    let h = &doc.header;
    let mut l = String::new();
    paragraph(
        &mut l,
        CENTER,
        &[(
            &h.parent,
            Style {
                size: Some(PARENT),
                ..PLAIN
            },
        )],
    );
    paragraph(&mut l, CENTER, &[(&h.issuer, BOLD)]);
    paragraph(&mut l, CENTER, &[("*", PLAIN)]);
    paragraph(&mut l, CENTER, &[(&h.number, PLAIN)]);
    let mut r = String::new();
    paragraph(
        &mut r,
        CENTER,
        &[(
            h.party,
            Style {
                size: Some(TITLE),
                ..BOLD
            },
        )],
    );
    rule(&mut r, right_col);
    paragraph(
        &mut r,
        Para { before: 80, ..CENTER },
        &[(&h.place_date, Style { italic: true, ..PLAIN })],
    );
    two_columns(&mut body, [left_col, right_col], [l, r]);

    // Title, subject, dashes.
    paragraph(
        &mut body,
        Para { before: 360, ..CENTER },
        &[(
            doc.doc_type,
            Style {
                size: Some(TITLE),
                ..BOLD
            },
        )],
    );
    paragraph(
        &mut body,
        Para {
            sides: INDENT,
            ..CENTER
        },
        &[(&doc.subject, BOLD)],
    );
    paragraph(&mut body, Para { after: 240, ..CENTER }, &[("-----", PLAIN)]);

    for p in &doc.opening {
        paragraph(&mut body, BODY_PARA, &[(p, PLAIN)]);
    }
    for part in &doc.parts {
        let heading = format!("{}. {}", part.number, part.heading);
        paragraph(
            &mut body,
            Para {
                before: 60,
                ..BODY_PARA
            },
            &[(&heading, BOLD)],
        );
        for p in &part.paragraphs {
            paragraph(&mut body, BODY_PARA, &[(p, PLAIN)]);
        }
        for g in &part.groups {
            let heading = format!("{}. {}:", g.number, g.assignee);
            paragraph(&mut body, BODY_PARA, &[(&heading, Style { italic: true, ..BOLD })]);
            for t in &g.tasks {
                let label = format!("{}) ", t.label);
                let due = t.due_text.as_deref().map(|d| format!(" {d}")).unwrap_or_default();
                paragraph(
                    &mut body,
                    BODY_PARA,
                    &[
                        (&label, PLAIN),
                        (&t.text, PLAIN),
                        (&due, Style { italic: true, ..PLAIN }),
                    ],
                );
            }
        }
    }

    // Signature block: recipients on the left, the signer on the right.
    let mut l = String::new();
    let small = Style {
        size: Some(RECIPIENTS),
        ..PLAIN
    };
    paragraph(
        &mut l,
        Para {
            align: Align::Left,
            ..CENTER
        },
        &[(
            "Nơi nhận:",
            Style {
                bold: true,
                italic: true,
                ..small
            },
        )],
    );
    for line in &doc.recipients {
        paragraph(
            &mut l,
            Para {
                align: Align::Left,
                hanging: 142,
                ..CENTER
            },
            &[(line, small)],
        );
    }
    let mut r = String::new();
    let s = &doc.signature;
    paragraph(&mut r, CENTER, &[(&s.on_behalf, BOLD)]);
    paragraph(&mut r, CENTER, &[(&s.title, BOLD)]);
    for _ in 0..4 {
        paragraph(&mut r, CENTER, &[]);
    }
    paragraph(&mut r, CENTER, &[(&s.name, BOLD)]);
    // Space before the block, then the table.
    paragraph(&mut body, Para { after: 120, ..CENTER }, &[]);
    two_columns(&mut body, [text_width / 2, text_width - text_width / 2], [l, r]);

    let _ = write!(
        body,
        r#"<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>"#
    );
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_one_line_of_xml_text() {
        assert_eq!(run_text("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(run_text("a\tb\r\nc\u{FFFF}"), "a b c");
    }

    #[test]
    fn millimetres_to_twips() {
        assert_eq!(twips(20.0), 1134);
        assert_eq!(twips(30.0), 1701);
        assert_eq!(twips(15.0), 851);
        assert_eq!(twips(-3.0), 0);
    }
}
