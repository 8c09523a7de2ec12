//! Text matching as users expect it: NFC, case- and accent-insensitive.

use unicode_normalization::UnicodeNormalization;

/// Folds a text for matching what users type: NFC, lower case, without
/// accents ("Tân Mỹ" → "tan my"; "Đ" → "d"), spaces trimmed and collapsed.
pub fn fold(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let ascii = deunicode::deunicode(&nfc).to_lowercase();
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
}
