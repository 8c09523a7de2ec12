//! Escaping text for the markup danvan writes: HTML (the report page, the
//! notice page), XML (inside a docx) and Markdown (reports, summary.md,
//! the notice). Every renderer escapes through here.

use std::borrow::Cow;

/// Text for HTML content and quoted attributes: `&`, `<`, `>`, `"` and `'`
/// as entities (`&#39;`, which HTML 4 knows too, not `&apos;`), and the
/// characters an HTML page may not hold dropped: the controls other than
/// tab, line feed, form feed and carriage return, and the noncharacters
/// (HTML's `control-character-in-input-stream` and
/// `noncharacter-in-input-stream` parse errors).
pub fn html(s: &str) -> Cow<'_, str> {
    if plainly_safe(s) || !s.contains(|c| is_markup(c) || !html_char(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    push_html(&mut out, s);
    Cow::Owned(out)
}

/// [`html`], appended to `out`.
pub fn push_html(out: &mut String, s: &str) {
    push_markup(out, s, "&#39;", html_char, true);
}

/// Text for XML content and quoted attributes: `&`, `<`, `>`, `"` and `'`
/// as entities, and the characters XML 1.0 forbids (its `Char`
/// production: the controls other than tab, line feed and carriage
/// return, U+FFFE and U+FFFF) dropped, since a document holding one does
/// not open.
pub fn xml(s: &str) -> Cow<'_, str> {
    if plainly_safe(s) || !s.contains(|c| is_markup(c) || !xml_char(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    push_markup(&mut out, s, "&apos;", xml_char, false);
    Cow::Owned(out)
}

/// Whether `s` certainly holds nothing that [`html`] or [`xml`] changes,
/// read off its bytes rather than its characters: no markup character, no
/// ASCII control but tab, line feed and carriage return, and no byte that
/// starts a character either of them may drop (the C1 controls start with
/// C2, the bidi controls with E2, U+FDD0–U+FDEF and U+FFFE–U+FFFF with
/// EF, the other noncharacters with F0–F4). Nearly all the text of a
/// report passes (Vietnamese letters start with C3, C4, C6, CC or E1);
/// the rest gets the exact check. Half the time of escaping went into
/// decoding the characters of text that needed nothing.
fn plainly_safe(s: &str) -> bool {
    const MAYBE: [bool; 256] = {
        let mut maybe = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            maybe[b] = !matches!(b, 0x09 | 0x0A | 0x0D);
            b += 1;
        }
        let mut i = 0;
        let others = [
            b'&', b'<', b'>', b'"', b'\'', 0x7F, 0xC2, 0xE2, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4,
        ];
        while i < others.len() {
            maybe[others[i] as usize] = true;
            i += 1;
        }
        maybe
    };
    s.bytes().all(|b| !MAYBE[usize::from(b)])
}

fn is_markup(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"' | '\'')
}

/// Appends `s` with the five markup characters as entities and the
/// characters `allowed` refuses dropped (or, with `show`, a control or a
/// bidi override made visible as [`terminal`] does), copying the runs
/// between them whole.
fn push_markup(out: &mut String, s: &str, apostrophe: &str, allowed: fn(char) -> bool, show: bool) {
    let mut rest = s;
    while let Some((i, c)) = rest.char_indices().find(|&(_, c)| is_markup(c) || !allowed(c)) {
        out.push_str(&rest[..i]);
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            // A control or bidi override shows as check shows it; a
            // character the markup may not hold at all is dropped.
            c if show && is_unsafe(c) => out.push(visible(c)),
            _ => {}
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 on.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// What an HTML page may hold: no controls but ASCII whitespace (C0,
/// U+007F–U+009F), no noncharacters (U+FDD0–U+FDEF, the last two of every plane).
fn html_char(c: char) -> bool {
    let n = c as u32;
    match c {
        '\t' | '\n' | '\u{C}' | '\r' => true,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FDD0}'..='\u{FDEF}' => false,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => false,
        _ => n & 0xFFFE != 0xFFFE,
    }
}

/// Whether a character must not reach a reader's screen as it is: the
/// controls (C0 but tab and line feed, DEL, C1: ESC starts a terminal
/// command, CR lets a text overwrite its line, BEL rings) and the
/// bidirectional embeddings, overrides and isolates, which reorder what
/// follows them on screen (the "Trojan Source" characters).
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What [`is_unsafe`] refuses, as `check` shows it (annotate-snippets'
/// and rustc's replacements): a C0 control or DEL as its Unicode control
/// picture (ESC as ␛, CR as ␍, BEL as ␇), a C1 control or a bidi control
/// as U+FFFD.
fn visible(c: char) -> char {
    match c {
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '␡',
        _ => '\u{FFFD}',
    }
}

/// Text for a terminal (tables, facts, Markdown on standard output): what
/// [`is_unsafe`] refuses, made visible (see [`visible`]). Tab and line
/// feed are left to the caller.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !s.contains(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if is_unsafe(c) { visible(c) } else { c }).collect())
}

/// Text for one line of a table cell: [`terminal`], and tabs and line
/// breaks as spaces.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.contains(|c| is_unsafe(c) || c == '\n' || c == '\t') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\t' => ' ',
                c if is_unsafe(c) => visible(c),
                c => c,
            })
            .collect(),
    )
}

/// Characters that open inline Markdown wherever they stand: a backslash
/// escape, code, emphasis, raw HTML and autolinks, a table cell's end.
const INLINE: [char; 6] = ['\\', '`', '*', '_', '<', '|'];

/// Text that Markdown prints as written wherever it stands, even at the
/// start of a line (the notice's `md` filter, for paragraphs of its own):
/// [`markdown_inline`]'s characters, and `#` and `>` (a heading or quote at
/// the start of a line) and `[`, `]` (links), wherever they stand.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if INLINE.contains(&c) || matches!(c, '[' | ']' | '>' | '#') {
            out.push('\\');
        }
        out.push(if is_unsafe(c) { visible(c) } else { c });
    }
    out
}

/// Text inside a line: a table cell, a heading, a list item's value (every
/// report in Markdown, summary.md): backslash before what opens inline markup
/// (`\`, `` ` ``, `*`, `_`, `<`, `|`) and before the `(` of a link's
/// `](`, and line breaks as `<br>`. The `#`, `>`, `[` and `]` of ids,
/// ranges and measures (`so-ket#3`, `["done"]`) stay as written: inside
/// a line they are plain text.
pub fn markdown_inline(s: &str) -> Cow<'_, str> {
    if !s.contains(|c| INLINE.contains(&c) || c == '\n' || is_unsafe(c)) && !s.contains("](") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut after_bracket = false;
    for c in s.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '(' if after_bracket => out.push_str("\\("),
            c if INLINE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c if is_unsafe(c) => out.push(visible(c)),
            c => out.push(c),
        }
        after_bracket = c == ']';
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_byte_check_passes_needs_no_escaping() {
        // Every character, alone and between letters.
        let mut passed = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("ạ{c}b");
            if plainly_safe(&text) {
                passed += 1;
                assert!(!is_markup(c) && html_char(c) && xml_char(c), "{:?}", c);
            }
        }
        // It passes most of the Basic Multilingual Plane, the letters of
        // Vietnamese among them (and no character of the other planes).
        assert!(passed > 50_000, "{passed}");
        for text in ["Khiếu nại về đất đai ở xã Tân Mỹ", "UBND huyện, 12/7/2022"] {
            assert!(plainly_safe(text), "{text}");
            assert!(matches!(html(text), Cow::Borrowed(_)) && matches!(xml(text), Cow::Borrowed(_)));
        }
        for text in [
            "a & b",
            "a\u{7}b",
            "a\u{85}b",
            "a\u{202E}b",
            "a\u{FFFE}b",
            "a\u{1FFFF}b",
            "a – b",
        ] {
            assert!(!plainly_safe(text), "{text:?}");
        }
        assert_eq!(html("a – b"), "a – b", "a dash takes the exact check, which keeps it");
    }

    #[test]
    fn html_and_xml_differ_in_the_apostrophe_and_the_characters_they_drop() {
        assert_eq!(html("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(xml("a\u{1}\tb\r\n\u{FFFE}\u{7F}"), "a\tb\r\n\u{7F}");
        assert_eq!(
            html("a\u{1}\tb\u{C}\r\n\u{FFFE}\u{7F}\u{85}\u{FDD0}\u{1FFFF}é\u{202E}"),
            "a␁\tb\u{C}\r\n␡\u{FFFD}é\u{FFFD}"
        );
        assert!(matches!(html("T/M Ban Thường vụ"), Cow::Borrowed(_)));
        assert!(matches!(xml("245-TB/HU"), Cow::Borrowed(_)));
        let mut out = String::from("<td>");
        push_html(&mut out, "A&B");
        assert_eq!(out, "<td>A&amp;B");
    }

    #[test]
    fn controls_and_bidi_overrides_are_made_visible() {
        let hostile = "A\u{1b}[31mB\u{7}C\rD\u{202E}E\u{9b}F\tG\nH";
        assert_eq!(terminal(hostile), "A␛[31mB␇C␍D\u{FFFD}E\u{FFFD}F\tG\nH");
        assert_eq!(one_line(hostile), "A␛[31mB␇C␍D\u{FFFD}E\u{FFFD}F G H");
        assert_eq!(markdown_inline(hostile), "A␛[31mB␇C␍D\u{FFFD}E\u{FFFD}F\tG<br>H");
        assert!(!markdown(hostile).contains(['\u{1b}', '\r', '\u{7}', '\u{202E}']));
        assert!(matches!(terminal("Tân Mỹ"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_escapes_what_opens_markup() {
        assert_eq!(markdown("a*b_c|d"), "a\\*b\\_c\\|d");
        assert_eq!(markdown("# [x] > `y` \\ <z>"), "\\# \\[x\\] \\> \\`y\\` \\\\ \\<z\\>");
        assert_eq!(markdown_inline("a|b\nc"), "a\\|b<br>c");
        assert_eq!(markdown_inline("so-ket#3 [\"done\"] > 5"), "so-ket#3 [\"done\"] > 5");
        assert_eq!(markdown_inline("*x* _y_ `z` <b>"), "\\*x\\* \\_y\\_ \\`z\\` \\<b>");
        assert_eq!(markdown_inline("[here](http://x)"), "[here]\\(http://x)");
        assert!(matches!(markdown_inline("Tân Mỹ (2023)"), Cow::Borrowed(_)));
    }
}
