//! Party documents as Word files (.docx): the conclusion notice and the
//! review report, through one small document model (paragraphs of runs,
//! tables of cells) and one writer of the package.
//!
//! The layout is that of Hướng dẫn 36-HD/VPTW (03/4/2018): A4, Times New
//! Roman, the two-column header (the issuing body and its number on the
//! left; "ĐẢNG CỘNG SẢN VIỆT NAM" over a rule as long as that line, then
//! the place and date, on the right), the document type and its subject,
//! the body, and "Nơi nhận:" beside the signature. Pages are numbered from
//! the second, centred in the top margin, 14 pt; the signature block is
//! kept on the page of the last paragraph of the body.
//!
//! The package is well-formed WordprocessingML, so Word opens it in its
//! current mode (not "compatibility mode"): every element's children in
//! the order the schema (ECMA-376, transitional) lays down, `settings.xml`
//! with `compatibilityMode` 15, and `docProps/core.xml` whose title is the
//! document's subject and which names no person (no author, no editor).
//!
//! The same document always gives the same bytes: parts are written in a
//! fixed order with a fixed timestamp (the document's date), so a CI job
//! that rebuilds the documents sees no change unless the records did.

use super::{escape, int_attr};
use crate::model::Margins;
use crate::report::notice::{Header, NoticeDocument, Signature};
use crate::report::review::{DocBlock, DocTable, ReviewDocument};
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A4 in twentieths of a point.
const PAGE_WIDTH: i64 = 11906;
const PAGE_HEIGHT: i64 = 16838;
/// Twips in a millimetre (1440 per inch / 25.4).
const TWIPS_PER_MM: f64 = 56.7;

/// Font sizes in half-points, as `w:sz` takes them.
pub const BODY: u32 = 28; // 14 pt
const TITLE: u32 = 30; // 15 pt: ĐẢNG CỘNG SẢN VIỆT NAM, THÔNG BÁO, BÁO CÁO
const PARENT: u32 = 26; // 13 pt: the parent body, to fit its column
const RECIPIENTS: u32 = 24; // 12 pt: the recipients (Hướng dẫn 36)
const TABLE_TEXT: u32 = 24; // 12 pt: the cells of a data table
/// The page number: 14 pt (Hướng dẫn 36-HD/VPTW).
const PAGE_NUMBER: u32 = 28;

/// First-line indent of body paragraphs: 1 cm.
const INDENT: i64 = 567;

// ── The document model ──────────────────────────────────────────────────────

/// A Word document: what [`package`] writes.
#[derive(Debug, Clone)]
pub struct Document {
    /// `docProps/core.xml`'s title: the document's subject.
    pub title: String,
    /// The timestamp of every part and the document's creation date.
    pub date: NaiveDate,
    pub margins: Margins,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Both,
}

/// A run of text in one look.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    /// Half-points; the document's default (14 pt) when `None`.
    pub size: Option<u32>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            italic: true,
            ..Run::plain(text)
        }
    }

    pub fn sized(self, half_points: u32) -> Run {
        Run {
            size: Some(half_points),
            ..self
        }
    }
}

/// A paragraph and its layout (twips for lengths, twentieths of a point
/// for spacing).
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
    pub first_line: i64,
    /// A hanging indent (recipients that wrap).
    pub hanging: i64,
    pub left: i64,
    pub right: i64,
    pub before: u32,
    pub after: u32,
    /// Kept on the page of the next paragraph (or table).
    pub keep_next: bool,
    /// Never split between pages.
    pub keep_lines: bool,
    pub page_break_before: bool,
    /// A rule above the paragraph, as wide as its indents leave.
    pub rule_above: bool,
    /// Size of the paragraph mark, for a paragraph that is only a rule.
    pub mark_size: Option<u32>,
}

impl Paragraph {
    pub fn new(align: Align, runs: Vec<Run>) -> Paragraph {
        Paragraph {
            runs,
            align,
            ..Paragraph::default()
        }
    }

    /// A justified body paragraph with a first-line indent.
    pub fn body(runs: Vec<Run>) -> Paragraph {
        Paragraph {
            first_line: INDENT,
            after: 120,
            ..Paragraph::new(Align::Both, runs)
        }
    }

    pub fn centered(runs: Vec<Run>) -> Paragraph {
        Paragraph::new(Align::Center, runs)
    }
}

/// A table: column widths in twips, rows of cells of paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub widths: Vec<i64>,
    pub rows: Vec<Row>,
    /// Single lines around every cell (a data table); none for the layout
    /// tables of the header and the signature.
    pub borders: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<Vec<Paragraph>>,
    /// Repeated at the top of each page the table runs onto.
    pub header: bool,
    /// Never split between pages.
    pub cant_split: bool,
}

// ── The Party document layout, shared by every document ───────────────────

/// The width of the text block between the margins; at least a few
/// centimetres even with absurd margins.
pub fn text_width(margins: Margins) -> i64 {
    (PAGE_WIDTH - twips(margins.left) - twips(margins.right)).max(2000)
}

/// The two-column header: the parent body, the issuing body (bold), "*"
/// and the number on the left; "ĐẢNG CỘNG SẢN VIỆT NAM" with its rule,
/// then the place and date (italic), on the right.
pub fn party_header(h: &Header, text_width: i64) -> Block {
    let left_col = text_width * 45 / 100;
    let right_col = text_width - left_col;
    let left = vec![
        Paragraph::centered(vec![Run::plain(&h.parent).sized(PARENT)]),
        Paragraph::centered(vec![Run::bold(&h.issuer)]),
        Paragraph::centered(vec![Run::plain("*")]),
        Paragraph::centered(vec![Run::plain(&h.number)]),
    ];
    let right = vec![
        Paragraph::centered(vec![Run::bold(h.party).sized(TITLE)]),
        party_rule(h.party, right_col),
        Paragraph {
            before: 80,
            ..Paragraph::centered(vec![Run::italic(&h.place_date)])
        },
    ];
    layout_table([left_col, right_col], [left, right])
}

/// The rule under "ĐẢNG CỘNG SẢN VIỆT NAM", as long as that line
/// (Hướng dẫn 36-HD/VPTW): an empty paragraph with a top border, indented
/// on both sides by what the centred line leaves of its column.
fn party_rule(party: &str, column: i64) -> Paragraph {
    let line = bold_caps_width(party, TITLE).min(column);
    let side = (column - line) / 2;
    Paragraph {
        left: side,
        right: side,
        before: 40,
        rule_above: true,
        mark_size: Some(8),
        ..Paragraph::centered(Vec::new())
    }
}

/// Advance widths of Times New Roman Bold capitals in 1/2048 em (the same
/// as Liberation Serif Bold, its metric twin, which LibreOffice uses in
/// its place), for the rule under "ĐẢNG CỘNG SẢN VIỆT NAM".
const BOLD_CAPS: [u16; 26] = [
    1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139,
    1366, 1479, 1479, 2048, 1479, 1479, 1366,
];

/// The printed width in twips of a line of bold capitals at `half_points`:
/// a Vietnamese capital is as wide as its base letter (Ả as A, Ộ as O; the
/// marks sit above or below), Đ as D; a space 512/2048 em.
pub fn bold_caps_width(text: &str, half_points: u32) -> i64 {
    let units: u32 = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'A'..='Z' => u32::from(BOLD_CAPS[(c as u8 - b'A') as usize]),
            'Đ' => 1479,
            ' ' => 512,
            '-' => 682,
            // Ơ and Ư are wider than O and U by their horn; anything else
            // is a capital of average width.
            _ => 1479,
        })
        .sum();
    // units / 2048 em × half_points / 2 pt × 20 twips per pt.
    (f64::from(units) * f64::from(half_points) * 10.0 / 2048.0).round() as i64
}

/// The document type ("THÔNG BÁO", "BÁO CÁO") and its subject, then the
/// short dashes under them.
pub fn title_blocks(doc_type: &str, subject: &str) -> Vec<Block> {
    vec![
        Block::Paragraph(Paragraph {
            before: 360,
            keep_next: true,
            ..Paragraph::centered(vec![Run::bold(doc_type).sized(TITLE)])
        }),
        Block::Paragraph(Paragraph {
            left: INDENT,
            right: INDENT,
            keep_next: true,
            ..Paragraph::centered(vec![Run::bold(subject)])
        }),
        Block::Paragraph(Paragraph {
            after: 240,
            ..Paragraph::centered(vec![Run::plain("-----")])
        }),
    ]
}

/// "Nơi nhận:" and the recipients on the left, the signature on the right.
///
/// "Nơi nhận:" is 14 pt, upright and underlined, the recipients 12 pt
/// (Hướng dẫn 36-HD/VPTW; bold italic 12 pt is the state style of Nghị
/// định 30/2020/NĐ-CP, not the Party's). The block is never alone on a
/// page (issue 13; not in the domain facts at hand, so unconfirmed as a
/// rule of Hướng dẫn 36): every paragraph before it from `keep_from` on
/// (the last paragraph of the body) is kept with it, and its row does not
/// split.
pub fn closing(blocks: &mut [Block], keep_from: usize, recipients: &[String], s: &Signature, text_width: i64) -> Block {
    for block in blocks.iter_mut().skip(keep_from) {
        if let Block::Paragraph(p) = block {
            p.keep_next = true;
        }
    }
    let mut left = vec![Paragraph::new(
        Align::Left,
        vec![Run {
            underline: true,
            ..Run::plain("Nơi nhận:").sized(BODY)
        }],
    )];
    left.extend(recipients.iter().map(|line| Paragraph {
        hanging: 142,
        ..Paragraph::new(Align::Left, vec![Run::plain(line).sized(RECIPIENTS)])
    }));
    let mut right: Vec<Paragraph> = [&s.on_behalf, &s.title]
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(|t| Paragraph::centered(vec![Run::bold(t)]))
        .collect();
    // Room for the signature and the seal.
    right.extend((0..4).map(|_| Paragraph::centered(Vec::new())));
    right.push(Paragraph::centered(vec![Run::bold(&s.name)]));
    let half = text_width / 2;
    let mut table = layout_table([half, text_width - half], [left, right]);
    if let Block::Table(t) = &mut table {
        for row in &mut t.rows {
            row.cant_split = true;
            // Keep each paragraph of the block with the next one too, so a
            // block longer than its row's page is still held together.
            for p in row.cells.iter_mut().flatten() {
                p.keep_next = true;
                p.keep_lines = true;
            }
        }
    }
    table
}

/// A borderless table of two columns, for layout.
fn layout_table(widths: [i64; 2], cells: [Vec<Paragraph>; 2]) -> Block {
    Block::Table(Table {
        widths: widths.to_vec(),
        rows: vec![Row {
            cells: cells.to_vec(),
            header: false,
            cant_split: false,
        }],
        borders: false,
    })
}

/// A data table of text cells, bordered, 12 pt, its header row bold and
/// repeated on every page, number columns right-aligned. Each column gets
/// at least its longest word (a number column: its longest cell) and the
/// rest of the text block goes to the text columns by their length.
pub fn data_table(
    columns: &[String],
    numeric: &[bool],
    rows: &[Vec<String>],
    total: Option<&[String]>,
    width: i64,
) -> Block {
    let n = columns.len().max(1);
    // About half an em a character at 12 pt (a little more for digits and
    // "%", which are wider than the average letter), and the cell's padding.
    const PER_CHAR: i64 = 118;
    const PER_DIGIT: i64 = 140;
    const PADDING: i64 = 260;
    let is_num = |i: usize| numeric.get(i).copied().unwrap_or(false);
    let cells = |i: usize| {
        std::iter::once(columns.get(i))
            .chain(rows.iter().map(|r| r.get(i)))
            .chain(total.map(|t| t.get(i)))
            .flatten()
            .map(String::as_str)
            .collect::<Vec<&str>>()
    };
    let chars = |s: &str| s.chars().count() as i64;
    // The header is bold: its letters are wider.
    const PER_BOLD: i64 = 150;
    let longest_word = |c: &str| c.split_whitespace().map(chars).max().unwrap_or(0);
    let mins: Vec<i64> = (0..n)
        .map(|i| {
            let body = rows
                .iter()
                .filter_map(|r| r.get(i))
                .chain(total.and_then(|t| t.get(i)))
                .map(|c| {
                    if is_num(i) {
                        chars(c) * PER_DIGIT
                    } else {
                        longest_word(c) * PER_CHAR
                    }
                })
                .max()
                .unwrap_or(0);
            let head = columns.get(i).map_or(0, |h| longest_word(h) * PER_BOLD);
            body.max(head).max(2 * PER_CHAR) + PADDING
        })
        .collect();
    let wants: Vec<i64> = (0..n)
        .map(|i| {
            if is_num(i) {
                0
            } else {
                cells(i).iter().map(|c| chars(c)).max().unwrap_or(0) * PER_CHAR + PADDING - mins[i]
            }
        })
        .map(|w| w.max(0))
        .collect();
    let min_sum: i64 = mins.iter().sum();
    let mut widths: Vec<i64> = if min_sum >= width {
        mins.iter().map(|m| m * width / min_sum.max(1)).collect()
    } else {
        let extra = width - min_sum;
        let want_sum: i64 = wants.iter().sum();
        (0..n)
            .map(|i| {
                mins[i]
                    + if want_sum > 0 {
                        (extra * wants[i] / want_sum).min(wants[i].max(extra / n as i64))
                    } else {
                        extra / n as i64
                    }
            })
            .collect()
    };
    // What rounding (or a text column that wanted less) left goes to the widest text column.
    let used: i64 = widths.iter().sum();
    let widest = (0..n)
        .filter(|&i| !is_num(i))
        .max_by_key(|&i| widths[i])
        .unwrap_or(n - 1);
    widths[widest] += width - used;
    let cell = |text: &str, i: usize, bold: bool| {
        let align = if numeric.get(i).copied().unwrap_or(false) {
            Align::Right
        } else {
            Align::Left
        };
        let run = Run {
            bold,
            ..Run::plain(text).sized(TABLE_TEXT)
        };
        vec![Paragraph::new(align, vec![run])]
    };
    let mut out = vec![Row {
        cells: columns
            .iter()
            .map(|c| {
                let mut p = cell(c, usize::MAX, true);
                p[0].align = Align::Center;
                p
            })
            .collect(),
        header: true,
        cant_split: true,
    }];
    for r in rows {
        out.push(Row {
            cells: r.iter().enumerate().map(|(i, c)| cell(c, i, false)).collect(),
            header: false,
            cant_split: true,
        });
    }
    if let Some(t) = total {
        out.push(Row {
            cells: t.iter().enumerate().map(|(i, c)| cell(c, i, true)).collect(),
            header: false,
            cant_split: true,
        });
    }
    Block::Table(Table {
        widths,
        rows: out,
        borders: true,
    })
}

// ── The conclusion notice ───────────────────────────────────────────────────

/// The .docx file of a notice. Everything is written to memory, so an
/// error means a bug in the zip writer rather than a full disk.
pub fn notice(doc: &NoticeDocument, margins: Margins) -> std::io::Result<Vec<u8>> {
    package(&notice_document(doc, margins))
}

/// The notice in the document model.
pub fn notice_document(doc: &NoticeDocument, margins: Margins) -> Document {
    let width = text_width(margins);
    let mut blocks = opening(&doc.header, doc.doc_type, &doc.subject, &doc.opening, width);
    for part in &doc.parts {
        blocks.push(Block::Paragraph(Paragraph {
            before: 60,
            keep_next: true,
            ..Paragraph::body(vec![Run::bold(format!("{}. {}", part.number, part.heading))])
        }));
        for p in &part.paragraphs {
            blocks.push(Block::Paragraph(Paragraph::body(vec![Run::plain(p)])));
        }
        for g in &part.groups {
            blocks.push(Block::Paragraph(Paragraph {
                keep_next: true,
                ..Paragraph::body(vec![Run {
                    italic: true,
                    ..Run::bold(format!("{}. {}:", g.number, g.assignee))
                }])
            }));
            for t in &g.tasks {
                let mut runs = vec![Run::plain(format!("{}) ", t.label)), Run::plain(&t.text)];
                if let Some(due) = &t.due_text {
                    runs.push(Run::italic(format!(" {due}")));
                }
                blocks.push(Block::Paragraph(Paragraph::body(runs)));
            }
        }
    }
    sign(&mut blocks, &doc.recipients, &doc.signature, width);
    Document {
        title: doc.subject.clone(),
        date: doc.date,
        margins,
        blocks,
    }
}

/// The start of every Party document: the header, the document type and
/// its subject, then the opening paragraphs.
fn opening(header: &Header, doc_type: &str, subject: &str, paragraphs: &[String], width: i64) -> Vec<Block> {
    let mut blocks = vec![party_header(header, width)];
    blocks.extend(title_blocks(doc_type, subject));
    for p in paragraphs {
        blocks.push(Block::Paragraph(Paragraph::body(vec![Run::plain(p)])));
    }
    blocks
}

/// The end of the body: a space, then the closing block, kept with the
/// body's last paragraph.
fn sign(blocks: &mut Vec<Block>, recipients: &[String], signature: &Signature, width: i64) {
    let last = last_paragraph(blocks);
    blocks.push(Block::Paragraph(Paragraph {
        after: 120,
        ..Paragraph::centered(Vec::new())
    }));
    let closing = closing(blocks, last, recipients, signature, width);
    blocks.push(closing);
}

// ── The review report ───────────────────────────────────────────────────────

/// The .docx file of a review report.
pub fn review(doc: &ReviewDocument, margins: Margins) -> std::io::Result<Vec<u8>> {
    package(&review_document(doc, margins))
}

/// The review in the document model: the notice's header, title and
/// closing around the parts, then the appendix from a new page.
pub fn review_document(doc: &ReviewDocument, margins: Margins) -> Document {
    let width = text_width(margins);
    let mut blocks = opening(&doc.header, doc.doc_type, &doc.subject, &doc.opening, width);
    for part in &doc.parts {
        blocks.push(Block::Paragraph(Paragraph {
            before: 120,
            keep_next: true,
            ..Paragraph::body(vec![Run::bold(format!("{}. {}", part.number, part.heading))])
        }));
        for b in &part.blocks {
            push_review_block(&mut blocks, b, width);
        }
    }
    sign(&mut blocks, &doc.recipients, &doc.signature, width);
    if !doc.appendix.is_empty() {
        blocks.push(Block::Paragraph(Paragraph {
            page_break_before: true,
            after: 120,
            ..Paragraph::centered(vec![Run::bold("PHỤ LỤC")])
        }));
        for t in &doc.appendix {
            push_table(&mut blocks, t, width);
        }
    }
    Document {
        title: doc.subject.clone(),
        date: doc.date,
        margins,
        blocks,
    }
}

fn push_review_block(blocks: &mut Vec<Block>, b: &DocBlock, width: i64) {
    let styled = |text: &str, office: bool| if office { Run::italic(text) } else { Run::plain(text) };
    match b {
        DocBlock::Heading { text, office } => blocks.push(Block::Paragraph(Paragraph {
            keep_next: true,
            ..Paragraph::body(vec![Run {
                italic: *office,
                ..Run::bold(text)
            }])
        })),
        DocBlock::Paragraph { text, office } => {
            blocks.push(Block::Paragraph(Paragraph::body(vec![styled(text, *office)])))
        }
        DocBlock::Item { text, office } => blocks.push(Block::Paragraph(Paragraph::body(vec![
            Run::plain("- "),
            styled(text, *office),
        ]))),
        DocBlock::Note { text } => blocks.push(Block::Paragraph(Paragraph {
            keep_next: true,
            ..Paragraph::body(vec![Run::italic(text)])
        })),
        DocBlock::Table { table } => push_table(blocks, table, width),
    }
}

/// A table's caption (kept with it) and the table, or "(không có)".
fn push_table(blocks: &mut Vec<Block>, t: &DocTable, width: i64) {
    blocks.push(Block::Paragraph(Paragraph {
        before: 120,
        after: 60,
        keep_next: true,
        ..Paragraph::new(Align::Left, vec![Run::italic(&t.caption)])
    }));
    if t.rows.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::body(vec![Run::plain("(không có)")])));
    } else {
        blocks.push(data_table(&t.columns, &t.numeric, &t.rows, t.total.as_deref(), width));
    }
}

/// The index of the last paragraph among `blocks` (the header table when
/// there is none).
pub fn last_paragraph(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .rposition(|b| matches!(b, Block::Paragraph(_)))
        .unwrap_or(0)
}

// ── The package ─────────────────────────────────────────────────────────────

/// The .docx package of a document: its parts in a stored zip.
pub fn package(doc: &Document) -> std::io::Result<Vec<u8>> {
    // The parts every document shares are made once.
    static STYLES: LazyLock<String> = LazyLock::new(styles);
    static HEADER_1: LazyLock<String> = LazyLock::new(page_number_header);
    static HEADER_2: LazyLock<String> = LazyLock::new(empty_header);
    let (core, document) = (core(doc), document_xml(doc));
    let parts: [(&str, &str); 10] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("docProps/core.xml", &core),
        ("docProps/app.xml", APP),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", &document),
        ("word/styles.xml", &STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/header1.xml", &HEADER_1),
        ("word/header2.xml", &HEADER_2),
    ];
    let d = doc.date;
    let stamp = DateTime::from_date_and_time(
        u16::try_from(d.year()).unwrap_or(1980),
        d.month() as u8,
        d.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    // Stored, not deflated: a notice is some 20 KB either way, and setting
    // up a compressor (zeroing its tables) cost more than the rest of the
    // file when the report writes thousands of notices.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(24 * 1024)));
    for (name, text) in &parts {
        zip.start_file(*name, options).map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;

/// The application that wrote the file; no company, no author.
const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>danvan</Application></Properties>"#;

/// Word's settings: current-mode layout (`compatibilityMode` 15: without
/// it Word opens the file in compatibility mode), personal information
/// removed on save, Vietnamese decimal comma.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:removePersonalInformation/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/><w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/><w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/><w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat><w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>"#;

/// `docProps/core.xml`: the title (the subject), the language and the
/// document's date; no creator or editor (no personal data).
fn core(doc: &Document) -> String {
    let when = format!("{}T00:00:00Z", doc.date.format("%Y-%m-%d"));
    format!(
        r#"{XML_DECL}
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#,
        run_text(&doc.title)
    )
}

fn styles() -> String {
    format!(
        r#"{XML_DECL}
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="{BODY}"/><w:szCs w:val="{BODY}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    )
}

/// The header of the second page on: the page number, centred, 14 pt
/// (Hướng dẫn 36-HD/VPTW: Arabic numerals, centred in the top margin).
fn page_number_header() -> String {
    let rpr = format!(r#"<w:rPr><w:sz w:val="{PAGE_NUMBER}"/><w:szCs w:val="{PAGE_NUMBER}"/></w:rPr>"#);
    format!(
        r#"{XML_DECL}
<w:hdr xmlns:w="{W_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/>{rpr}</w:pPr><w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>2</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#
    )
}

/// The header of the first page: empty (the first page is not numbered).
fn empty_header() -> String {
    format!(
        r#"{XML_DECL}
<w:hdr xmlns:w="{W_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>"#
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

fn twips(mm: f64) -> i64 {
    (mm.max(0.0) * TWIPS_PER_MM).round() as i64
}

/// `word/document.xml`, every element's children in schema order.
fn document_xml(doc: &Document) -> String {
    let m = doc.margins;
    let (top, bottom, left, right) = (twips(m.top), twips(m.bottom), twips(m.left), twips(m.right));
    // The page number sits in the top margin: half-way down it, never
    // lower than 14 pt above the text.
    let header = (top / 2).min((top - 400).max(0));
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(XML_DECL);
    out.push_str("\n<w:document xmlns:w=\"");
    out.push_str(W_NS);
    out.push_str("\" xmlns:r=\"");
    out.push_str(R_NS);
    out.push_str("\"><w:body>");
    for block in &doc.blocks {
        write_block(&mut out, block);
    }
    // CT_SectPr: headerReference*, pgSz, pgMar, titlePg (the first page
    // takes the "first" header, which is empty).
    let _ = write!(
        out,
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{header}" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>"#
    );
    out.push_str("</w:body></w:document>");
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(p) => write_paragraph(out, p),
        Block::Table(t) => write_table(out, t),
    }
}

/// CT_RPr in schema order: b, bCs, i, iCs, sz, szCs, u.
fn run_props(out: &mut String, bold: bool, italic: bool, size: Option<u32>, underline: bool) {
    if !(bold || italic || size.is_some() || underline) {
        return;
    }
    out.push_str("<w:rPr>");
    if bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if let Some(sz) = size {
        out.push_str("<w:sz");
        int_attr(out, "w:val", i64::from(sz));
        out.push_str("/><w:szCs");
        int_attr(out, "w:val", i64::from(sz));
        out.push_str("/>");
    }
    if underline {
        out.push_str(r#"<w:u w:val="single"/>"#);
    }
    out.push_str("</w:rPr>");
}

/// CT_PPr in schema order: keepNext, keepLines, pageBreakBefore, pBdr,
/// spacing, ind, jc, rPr.
fn write_paragraph(out: &mut String, p: &Paragraph) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.keep_lines {
        out.push_str("<w:keepLines/>");
    }
    if p.page_break_before {
        out.push_str("<w:pageBreakBefore/>");
    }
    if p.rule_above {
        out.push_str(r#"<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#);
    }
    out.push_str("<w:spacing");
    int_attr(out, "w:before", i64::from(p.before));
    int_attr(out, "w:after", i64::from(p.after));
    out.push_str(r#" w:line="264" w:lineRule="auto"/>"#);
    let indents = [
        ("w:left", p.left + p.hanging),
        ("w:right", p.right),
        if p.first_line > 0 {
            ("w:firstLine", p.first_line)
        } else {
            ("w:hanging", p.hanging)
        },
    ];
    if indents.iter().any(|&(_, v)| v > 0) {
        out.push_str("<w:ind");
        for (name, v) in indents.into_iter().filter(|&(_, v)| v > 0) {
            int_attr(out, name, v);
        }
        out.push_str("/>");
    }
    let jc = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Both => "both",
    };
    out.push_str(r#"<w:jc w:val=""#);
    out.push_str(jc);
    out.push_str(r#""/>"#);
    run_props(out, false, false, p.mark_size, false);
    out.push_str("</w:pPr>");
    for r in p.runs.iter().filter(|r| !r.text.is_empty()) {
        out.push_str("<w:r>");
        run_props(out, r.bold, r.italic, r.size, r.underline);
        out.push_str(r#"<w:t xml:space="preserve">"#);
        out.push_str(&run_text(&r.text));
        out.push_str("</w:t></w:r>");
    }
    out.push_str("</w:p>");
}

/// CT_Tbl: tblPr (tblW, tblBorders, tblLayout, tblCellMar, tblLook, in
/// schema order), tblGrid, then the rows (trPr: cantSplit, tblHeader; tc:
/// tcPr with tcW, then at least one paragraph).
fn write_table(out: &mut String, t: &Table) {
    let total: i64 = t.widths.iter().sum();
    let line = if t.borders {
        r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#
    } else {
        r#"w:val="nil""#
    };
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders><w:top {line}/><w:left {line}/><w:bottom {line}/><w:right {line}/><w:insideH {line}/><w:insideV {line}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#,
        pad = if t.borders { 85 } else { 0 }
    );
    for w in &t.widths {
        out.push_str("<w:gridCol");
        int_attr(out, "w:w", *w);
        out.push_str("/>");
    }
    out.push_str("</w:tblGrid>");
    for row in &t.rows {
        out.push_str("<w:tr>");
        if row.cant_split || row.header {
            out.push_str("<w:trPr>");
            if row.cant_split {
                out.push_str("<w:cantSplit/>");
            }
            if row.header {
                out.push_str("<w:tblHeader/>");
            }
            out.push_str("</w:trPr>");
        }
        for (i, w) in t.widths.iter().enumerate() {
            out.push_str("<w:tc><w:tcPr><w:tcW");
            int_attr(out, "w:w", *w);
            out.push_str(r#" w:type="dxa"/></w:tcPr>"#);
            match row.cells.get(i).filter(|c| !c.is_empty()) {
                Some(paragraphs) => paragraphs.iter().for_each(|p| write_paragraph(out, p)),
                None => out.push_str("<w:p/>"),
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
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

    #[test]
    fn the_party_line_is_measured_in_times_new_roman_bold() {
        // Đ A N G ␣ C O N G ␣ S A N ␣ V I E T ␣ N A M in 1/2048 em (the
        // widths of Liberation Serif Bold, read from the font file):
        // 1479+1479+1479+1593 +512+ 1479+1593+1479+1593 +512+ 1139+1479+1479
        // +512+ 1479+797+1366+1366 +512+ 1479+1479+1933 = 28218;
        // at 15 pt: 28218 / 2048 × 15 × 20 = 4133.5 twips (72.9 mm).
        assert_eq!(bold_caps_width("ĐẢNG CỘNG SẢN VIỆT NAM", 30), 4133);
        // NFD or NFC, the same width.
        let nfd: String = "ĐẢNG CỘNG SẢN VIỆT NAM".nfd().collect();
        assert_eq!(bold_caps_width(&nfd, 30), 4133);
    }

    #[test]
    fn the_rule_is_as_long_as_the_party_line() {
        // A right column of 5145 twips (A4, margins 30/15 mm): the line is
        // 4133 wide, so the rule is indented (5145 − 4133) / 2 = 506 a side.
        let p = party_rule("ĐẢNG CỘNG SẢN VIỆT NAM", 5145);
        assert_eq!((p.left, p.right), (506, 506));
        assert!(p.rule_above && p.runs.is_empty());
        // A column narrower than the line: the rule fills it.
        let p = party_rule("ĐẢNG CỘNG SẢN VIỆT NAM", 3000);
        assert_eq!((p.left, p.right), (0, 0));
    }

    #[test]
    fn run_properties_are_in_schema_order() {
        // CT_RPr: b, bCs, i, iCs, …, sz, szCs, …, u.
        let props = |bold, italic, size, underline| {
            let mut out = String::new();
            run_props(&mut out, bold, italic, size, underline);
            out
        };
        assert_eq!(
            props(true, true, Some(24), true),
            r#"<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/><w:u w:val="single"/></w:rPr>"#
        );
        assert_eq!(props(false, false, None, false), "");
        assert_eq!(
            props(false, false, Some(2), false),
            r#"<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>"#
        );
    }
}
