//! Text matching as users expect it: NFC, case- and accent-insensitive.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC form of a text: filters and comparisons rely on one spelling of "ỹ".
pub fn nfc(s: &str) -> String {
    // The loader normalises every string of every record, and almost all of
    // them are ASCII, Latin or precomposed Vietnamese: text made only of
    // characters that are NFC-stable starters needs no table look-up.
    if all_stable_starters(s) {
        return s.to_owned();
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

/// An integer's decimal digits, as `Display` writes them, pushed onto
/// `x`. An xlsx sheet holds one or two in every cell and a docx notice a
/// few in every paragraph: through the formatting machinery they were a
/// sixth of the sheet's own work, and the notices' paragraphs 3% of a
/// `report` (callgrind, 10,000 records).
pub fn push_int(x: &mut String, n: i64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        x.push('-');
    }
    x.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// A character that quick-checks as NFC "yes" with combining class 0, so it
/// never composes with its neighbours: everything below the first combining
/// mark (U+0300), the precomposed Vietnamese letters (U+1EA0–U+1EF9) and
/// common punctuation (U+2010–U+2027: dashes, quotes, ellipsis). A test
/// checks every one of them against the Unicode tables, and
/// [`all_stable_starters`] against this test.
#[cfg(test)]
fn is_stable_starter(c: char) -> bool {
    matches!(c, '\0'..='\u{2FF}' | '\u{1EA0}'..='\u{1EF9}' | '\u{2010}'..='\u{2027}')
}

/// Whether every character of `s` is a stable starter (see
/// `is_stable_starter`, the test it stands for), read off the
/// UTF-8 bytes without decoding: in UTF-8 a byte from 0xCC up is always the
/// first of a character, and the characters below U+0300 begin below it.
fn all_stable_starters(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0xCC {
            i += 1;
            continue;
        }
        match bytes[i..] {
            // U+1EA0–U+1EBF, U+1EC0–U+1EF9, U+2010–U+2027
            [0xE1, 0xBA, 0xA0..=0xBF, ..] | [0xE1, 0xBB, 0x80..=0xB9, ..] | [0xE2, 0x80, 0x90..=0xA7, ..] => i += 3,
            _ => return false,
        }
    }
    true
}

/// Folds a text for matching what users type: NFC, lower case, without
/// accents ("Tân Mỹ" → "tan my"; "Đ" → "d"), spaces trimmed and collapsed.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(&nfc(text)).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A slug for ids and file names: "Dòng sông không rác" → "dong-song-khong-rac".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(60);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `query` (as typed) matches `text`: folded equality or folded containment.
pub fn matches(query: &str, text: &str) -> bool {
    let q = fold(query);
    !q.is_empty() && fold(text).contains(&q)
}

/// Width of a text in terminal columns (Vietnamese combining marks take none).
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nfc_fast_path_agrees_with_the_unicode_tables() {
        use unicode_normalization::char::canonical_combining_class;
        let stable = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_stable_starter(c));
        let mut count = 0;
        for c in stable {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
            count += 1;
        }
        assert_eq!(count, 0x300 + 0x5A + 0x18);
        // The byte scan agrees with the character test on every character,
        // alone and between stable ones.
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let one = c.encode_utf8(&mut buf);
            assert_eq!(all_stable_starters(one), is_stable_starter(c), "U+{:04X}", c as u32);
            let amid = format!("aỹ{c}ờ—z");
            assert_eq!(
                all_stable_starters(&amid),
                is_stable_starter(c),
                "U+{:04X} amid",
                c as u32
            );
        }
        // Text outside the fast path still goes through the tables.
        assert_eq!(nfc("Ta\u{302}n"), "Tân");
        assert_eq!(nfc("\u{2000}"), "\u{2002}");
    }

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("xã Tân Mỹ"), "xa tan my");
        assert_eq!(fold("Đồng  Tháp "), "dong thap");
        // NFD input (as macOS file names are) folds the same.
        let nfd: String = "Tân Mỹ".nfd().collect();
        assert_eq!(fold(&nfd), "tan my");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Dòng sông không rác"), "dong-song-khong-rac");
        assert_eq!(slug("  Đối thoại: xã Tân Mỹ!! "), "doi-thoai-xa-tan-my");
        assert_eq!(slug("???"), "");
    }

    #[test]
    fn matching_is_accent_insensitive() {
        assert!(matches("tan my", "xã Tân Mỹ"));
        assert!(matches("TÂN MỸ", "xã Tân Mỹ"));
        assert!(!matches("tan khanh", "xã Tân Mỹ"));
        assert!(!matches("", "xã Tân Mỹ"));
    }

    #[test]
    fn integers_are_written_as_display_writes_them() {
        for n in [
            0,
            7,
            -7,
            10,
            45_291,
            -1_000_000,
            i64::from(u32::MAX),
            i64::MAX,
            i64::MIN,
        ] {
            let mut x = String::from("<v>");
            push_int(&mut x, n);
            assert_eq!(x, format!("<v>{n}"));
        }
    }
}
