//! Documents laid out by minijinja templates: the conclusion notice and
//! the review report as text, Markdown and HTML. The templates are
//! embedded in the binary (`src/templates/`); a workspace overrides one by
//! placing a file of the same name in its `templates/` folder.

use super::escape;
use crate::model::Margins;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The layouts a template gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Text,
    Markdown,
    Html,
}

impl Layout {
    /// The file name of the notice template for this layout.
    pub fn notice_template(self) -> &'static str {
        match self {
            Layout::Text => "notice.txt.j2",
            Layout::Markdown => "notice.md.j2",
            Layout::Html => "notice.html.j2",
        }
    }

    fn builtin_notice(self) -> &'static str {
        match self {
            Layout::Text => include_str!("../templates/notice.txt.j2"),
            Layout::Markdown => include_str!("../templates/notice.md.j2"),
            Layout::Html => include_str!("../templates/notice.html.j2"),
        }
    }

    /// The file name of the review template for this layout.
    pub fn review_template(self) -> &'static str {
        match self {
            Layout::Text => "review.txt.j2",
            Layout::Markdown => "review.md.j2",
            Layout::Html => "review.html.j2",
        }
    }

    fn builtin_review(self) -> &'static str {
        match self {
            Layout::Text => include_str!("../templates/review.txt.j2"),
            Layout::Markdown => include_str!("../templates/review.md.j2"),
            Layout::Html => include_str!("../templates/review.html.j2"),
        }
    }
}

/// A template that could not be read, parsed or rendered.
#[derive(Debug, Clone)]
pub struct TemplateError {
    /// The file (a workspace override) or `built-in NAME`.
    pub file: String,
    /// Whether the template is the workspace's own (its author can fix it).
    pub overridden: bool,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Where a template came from: the workspace's `templates/NAME`, or the binary.
pub struct Source {
    pub name: String,
    pub text: String,
    pub overridden: bool,
}

/// The workspace's override of `name` in `dir`, else the built-in text.
/// An override that exists but cannot be read is an error, not a silent
/// fall-back: the user meant it to be used.
pub fn source(dir: &Path, name: &str, builtin: &str) -> Result<Source, TemplateError> {
    let path: PathBuf = dir.join(name);
    match std::fs::read(&path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| TemplateError {
                file: path.display().to_string(),
                overridden: true,
                line: None,
                message: "not UTF-8 text; save it as UTF-8".to_owned(),
            })?;
            Ok(Source {
                name: path.display().to_string(),
                text,
                overridden: true,
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Source {
            name: format!("built-in {name}"),
            text: builtin.to_owned(),
            overridden: false,
        }),
        Err(e) => Err(TemplateError {
            file: path.display().to_string(),
            overridden: true,
            line: None,
            message: e.to_string(),
        }),
    }
}

/// Page settings the HTML template needs.
#[derive(Debug, Clone, Serialize)]
struct Page {
    margins_mm: Margins,
}

/// The notice template of `layout`: the workspace's override, else the built-in one.
pub fn notice_source(templates_dir: &Path, layout: Layout) -> Result<Source, TemplateError> {
    source(templates_dir, layout.notice_template(), layout.builtin_notice())
}

/// The review template of `layout`: the workspace's override, else the built-in one.
pub fn review_source(templates_dir: &Path, layout: Layout) -> Result<Source, TemplateError> {
    source(templates_dir, layout.review_template(), layout.builtin_review())
}

/// A document template (a notice's or a review's) read and compiled once,
/// to render many documents (the report bundle writes every notice), from
/// several threads at once.
pub struct NoticeTemplate<'s> {
    env: Environment<'s>,
    src: &'s Source,
    margins: Margins,
}

impl<'s> NoticeTemplate<'s> {
    pub fn new(src: &'s Source, layout: Layout, margins: Margins) -> Result<NoticeTemplate<'s>, TemplateError> {
        let mut env = environment(layout);
        env.add_template(&src.name, &src.text).map_err(|e| failure(src, &e))?;
        Ok(NoticeTemplate { env, src, margins })
    }

    pub fn render(&self, doc: &impl Serialize) -> Result<String, TemplateError> {
        let page = Page {
            margins_mm: self.margins,
        };
        let ctx = context! { page => Serde(&page), ..Serde(doc) };
        let fail = |e: minijinja::Error| failure(self.src, &e);
        let template = self.env.get_template(&self.src.name).map_err(fail)?;
        let mut out = template.render(ctx).map_err(fail)?;
        if !out.ends_with('\n') {
            out.push('\n');
        }
        Ok(out)
    }
}

fn failure(src: &Source, e: &minijinja::Error) -> TemplateError {
    TemplateError {
        file: src.name.clone(),
        overridden: src.overridden,
        line: e.line(),
        message: describe(e),
    }
}

/// "syntax error: unexpected end of input", with the causes of a filter's error.
fn describe(e: &minijinja::Error) -> String {
    let mut s = match e.detail() {
        Some(d) => format!("{}: {d}", e.kind()),
        None => e.kind().to_string(),
    };
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        s.push_str(&format!(": {c}"));
        cause = c.source();
    }
    s
}

/// The settings every danvan template is rendered with (notices and new
/// records alike): block tags leave no blank lines, and a misspelt field
/// in a custom template is an error, not a blank.
pub fn base_environment<'s>() -> Environment<'s> {
    let mut env = Environment::new();
    let mut syntax = minijinja::syntax::SyntaxConfig::builder();
    syntax.trim_blocks(true).lstrip_blocks(true).keep_trailing_newline(true);
    // The default syntax always builds.
    if let Ok(syntax) = syntax.build() {
        env.set_syntax(syntax);
    }
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env
}

fn environment<'s>(layout: Layout) -> Environment<'s> {
    let mut env = base_environment();
    let html = layout == Layout::Html;
    env.set_auto_escape_callback(move |_| if html { AutoEscape::Html } else { AutoEscape::None });
    // minijinja's HTML escaping also writes "/" as "&#x2f;"; a document
    // full of "T&#x2f;M" and "245-TB&#x2f;HU" is valid but unreadable as
    // source, and only &, <, >, " and ' need escaping in text and attributes.
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Html)
            && !value.is_safe()
            && let Some(text) = value.as_str()
        {
            return Ok(out.write_str(&escape::html(text))?);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_filter("center", |s: &str, width: usize| center(s, width));
    env.add_filter("pad", |s: &str, width: usize| pad(s, width));
    env.add_filter("rstrip", |s: &str| s.trim_end().to_owned());
    // A rule as wide as a text (under "ĐẢNG CỘNG SẢN VIỆT NAM"), and an
    // underline for the line below a text ("Nơi nhận:"), in plain text.
    env.add_filter("rule", |s: &str| "─".repeat(width(s)));
    env.add_filter("underline", |s: &str| "‾".repeat(width(s)));
    env.add_filter(
        "wrap",
        |s: &str, width: usize, first: Option<usize>, rest: Option<usize>| {
            wrap(s, width, first.unwrap_or(0), rest.unwrap_or(0))
        },
    );
    env.add_filter("md", |s: &str| escape::markdown(s));
    env.add_function("columns", columns);
    env.add_function("table", text_table);
    env
}

/// Display width of a text in a monospaced terminal.
fn width(s: &str) -> usize {
    crate::text::width(s)
}

/// `s` centred in `width` columns (left-leaning when the space is odd).
pub fn center(s: &str, width: usize) -> String {
    let w = self::width(s);
    if w >= width {
        return s.to_owned();
    }
    let left = (width - w) / 2;
    format!("{}{s}{}", " ".repeat(left), " ".repeat(width - w - left))
}

/// `s` padded with spaces to `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = self::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Words of `s` in lines of at most `width` columns (a longer word stands
/// alone, never broken, hyphens included), the first line indented by
/// `first` spaces, the others by `rest`. Any run of white space, line
/// breaks too, is one space.
pub fn wrap(s: &str, width: usize, first: usize, rest: usize) -> Vec<String> {
    let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (first, rest) = (" ".repeat(first), " ".repeat(rest));
    let options = textwrap::Options::new(width)
        .initial_indent(&first)
        .subsequent_indent(&rest)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(&words, options)
        .into_iter()
        .map(|line| line.trim_end().to_owned())
        .collect()
}

/// Two columns side by side: the left wrapped in `left_width` (centred, or
/// left-aligned with a hanging indent of 2 when `align` is "left"), the
/// right wrapped and centred in `right_width`. Trailing spaces trimmed.
fn columns(
    left: Vec<String>,
    right: Vec<String>,
    left_width: usize,
    right_width: usize,
    align: Option<String>,
) -> String {
    let left_aligned = align.as_deref() == Some("left");
    let lay = |items: &[String], width: usize, centred: bool| -> Vec<String> {
        items
            .iter()
            .flat_map(|s| {
                if s.is_empty() {
                    vec![String::new()]
                } else if centred && self::width(s) <= width {
                    // A line that fits keeps its spaces (the blank of "Số     -BC/HU").
                    vec![center(s, width)]
                } else if centred {
                    wrap(s, width, 0, 0).into_iter().map(|l| center(&l, width)).collect()
                } else {
                    wrap(s, width, 0, 2).into_iter().map(|l| pad(&l, width)).collect()
                }
            })
            .collect()
    };
    let l = lay(&left, left_width, !left_aligned);
    let r = lay(&right, right_width, true);
    let rows = l.len().max(r.len());
    let blank = String::new();
    (0..rows)
        .map(|i| {
            let lc = l.get(i).unwrap_or(&blank);
            let rc = r.get(i).unwrap_or(&blank);
            format!("{}{rc}", pad(lc, left_width)).trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table as text in at most `width` columns: the headings, a rule, the
/// rows, and the totals row under another rule; numbers right-aligned;
/// text columns narrowed (widest first, to 8 columns at least) and
/// wrapped until the table fits; two spaces between columns.
fn text_table(
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric: Vec<bool>,
    total: Option<Vec<String>>,
    width: usize,
) -> String {
    const GAP: usize = 2;
    let n = columns.len();
    let cell = |r: &[String], i: usize| r.get(i).cloned().unwrap_or_default();
    let all: Vec<Vec<String>> = std::iter::once(columns.clone())
        .chain(rows.iter().cloned())
        .chain(total.iter().cloned())
        .collect();
    let is_num = |i: usize| numeric.get(i).copied().unwrap_or(false);
    let mut widths: Vec<usize> = (0..n)
        .map(|i| all.iter().map(|r| self::width(&cell(r, i))).max().unwrap_or(0))
        .collect();
    // Headings of number columns wrap too, before any text is squeezed.
    let longest_word = |i: usize| {
        all.iter()
            .flat_map(|r| cell(r, i).split_whitespace().map(self::width).collect::<Vec<_>>())
            .max()
            .unwrap_or(0)
    };
    let fits = |w: &[usize]| w.iter().sum::<usize>() + GAP * n.saturating_sub(1) <= width;
    while !fits(&widths) {
        let candidate = (0..n)
            .filter(|&i| {
                let floor = if is_num(i) { longest_word(i) } else { 8.min(widths[i]) };
                widths[i] > floor
            })
            .max_by_key(|&i| (!is_num(i), widths[i]));
        match candidate {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    let line = |r: &[String]| -> Vec<String> {
        let cells: Vec<Vec<String>> = (0..n).map(|i| wrap(&cell(r, i), widths[i], 0, 0)).collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        (0..height)
            .map(|k| {
                let parts: Vec<String> = (0..n)
                    .map(|i| {
                        let text = cells[i].get(k).cloned().unwrap_or_default();
                        if is_num(i) {
                            format!("{}{text}", " ".repeat(widths[i].saturating_sub(self::width(&text))))
                        } else {
                            pad(&text, widths[i])
                        }
                    })
                    .collect();
                parts.join(&" ".repeat(GAP)).trim_end().to_owned()
            })
            .collect()
    };
    let rule = widths
        .iter()
        .map(|w| "─".repeat(*w))
        .collect::<Vec<_>>()
        .join(&" ".repeat(GAP));
    let mut out = line(&columns);
    out.push(rule.clone());
    for r in &rows {
        out.extend(line(r));
    }
    if let Some(t) = &total {
        out.push(rule);
        out.extend(line(t));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_with_indents() {
        assert_eq!(wrap("một hai ba bốn", 8, 2, 0), ["  một", "hai ba", "bốn"]);
        assert_eq!(wrap("", 8, 0, 0), [""]);
        assert_eq!(wrap("", 8, 4, 0), [""]);
        assert_eq!(wrap("dàidàidàidài x", 4, 0, 1), ["dàidàidàidài", " x"]);
        assert_eq!(wrap("Số 245-TB/HU ngày", 8, 0, 0), ["Số", "245-TB/HU", "ngày"]);
        assert_eq!(wrap(" a\n b\tc  ", 80, 0, 0), ["a b c"]);
    }

    /// The greedy wrap danvan had before textwrap, kept as the reference
    /// the notices' layout was pinned with.
    fn greedy(s: &str, width: usize, first: usize, rest: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = " ".repeat(first);
        let mut empty = true;
        for word in s.split_whitespace() {
            if !empty && crate::text::width(&line) + 1 + crate::text::width(word) > width {
                lines.push(std::mem::replace(&mut line, " ".repeat(rest)));
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        if !empty || lines.is_empty() {
            lines.push(line.trim_end().to_owned());
        }
        lines
    }

    proptest::proptest! {
        #[test]
        fn wraps_as_the_greedy_wrap_did(
            s in "[ a-zđươăâêôạảãấầẩẫậ\\-/\n\t\u{a0}\u{301}]{0,120}",
            width in 0usize..40,
            first in 0usize..8,
            rest in 0usize..8,
        ) {
            proptest::prop_assert_eq!(wrap(&s, width, first, rest), greedy(&s, width, first, rest));
        }
    }

    #[test]
    fn centres_by_display_width() {
        assert_eq!(center("Tân Mỹ", 10), "  Tân Mỹ  ");
        assert_eq!(center("*", 4), " *  ");
        assert_eq!(pad("ủy", 4), "ủy  ");
    }

    #[test]
    fn side_by_side() {
        let out = columns(vec!["A".into(), "BB".into()], vec!["C".into()], 4, 3, None);
        assert_eq!(out, " A   C\n BB");
    }

    #[test]
    fn text_tables_fit_their_width() {
        let t = text_table(
            vec!["Đơn vị".into(), "Khiếu nại".into(), "Cộng".into()],
            vec![
                vec!["xã Tân Mỹ".into(), "2".into(), "3".into()],
                vec!["thị trấn Lấp Vò".into(), "12".into(), "1.234".into()],
            ],
            vec![false, true, true],
            Some(vec!["Cộng".into(), "14".into(), "1.237".into()]),
            78,
        );
        assert_eq!(
            t,
            "Đơn vị           Khiếu nại   Cộng\n\
             ───────────────  ─────────  ─────\n\
             xã Tân Mỹ                2      3\n\
             thị trấn Lấp Vò         12  1.234\n\
             ───────────────  ─────────  ─────\n\
             Cộng                    14  1.237"
        );
        // Too wide: the text column wraps, the numbers stay whole.
        let t = text_table(
            vec!["Chỉ tiêu".into(), "Mục tiêu".into()],
            vec![vec![
                "Tỷ lệ đơn khiếu nại được giải quyết đúng hạn".into(),
                "85,0%".into(),
            ]],
            vec![false, true],
            None,
            30,
        );
        for line in t.lines() {
            assert!(width(line) <= 30, "{line:?} in\n{t}");
        }
        assert!(t.contains("85,0%"));
    }
}
