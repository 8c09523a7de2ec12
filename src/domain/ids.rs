//! How a new record is named: `YYYY-MM-DD-slug`, and `-2`, `-3`… when the
//! id is taken in the workspace. The name is read aloud and typed, so it
//! has no random part: the same title on the same day on two branches gets
//! the same id, which git reports as a conflict when they meet. `danvan new` and `danvan import` both name records here.

use crate::model::Kind;
use chrono::NaiveDate;
use std::collections::HashSet;

/// The slug of a new record's id: from its title; a record without one (a
/// petition) is named by its type and first unit ("khieu-nai-tan-my"), as
/// the bundled records are. Never from personal data: callers pass only
/// the title, the type word (record spelling) and a unit id.
pub fn slug(kind: Kind, title: Option<&str>, type_word: Option<&str>, first_unit: Option<&str>) -> String {
    let from_title = title.map(crate::text::slug).unwrap_or_default();
    if !from_title.is_empty() {
        return from_title;
    }
    let word = match (kind, type_word) {
        (Kind::Petition, Some("denunciation")) => "to-cao",
        (Kind::Petition, Some("recommendation")) => "kien-nghi",
        (Kind::Petition, _) => "khieu-nai",
        (Kind::Meeting, _) => "hoi-nghi",
        _ => "mo-hinh",
    };
    match first_unit {
        Some(unit) => format!("{word}-{unit}"),
        None => word.to_owned(),
    }
}

/// The id before any `-2`: the record's date and its slug.
pub fn base(date: NaiveDate, slug: &str) -> String {
    format!("{}-{slug}", date.format("%Y-%m-%d"))
}

/// `base`, `base-2`, `base-3`…, the ids to try in order.
pub fn candidates(base: &str) -> impl Iterator<Item = String> + '_ {
    (1..10_000).map(move |n| if n == 1 { base.to_owned() } else { format!("{base}-{n}") })
}

/// The first candidate not in `taken`.
pub fn fresh(base: &str, taken: &HashSet<String>) -> Option<String> {
    candidates(base).find(|id| !taken.contains(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_titles_or_type_and_unit() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
        let s = slug(Kind::Meeting, Some("Đối thoại xã Tân Mỹ"), Some("dialogue"), None);
        assert_eq!(base(d, &s), "2025-10-20-doi-thoai-xa-tan-my");
        assert_eq!(
            slug(Kind::Petition, None, Some("denunciation"), Some("tan-my")),
            "to-cao-tan-my"
        );
        assert_eq!(slug(Kind::Petition, Some("  "), None, None), "khieu-nai");
        let taken: HashSet<String> = ["a".to_owned(), "a-2".to_owned()].into();
        assert_eq!(fresh("a", &taken).as_deref(), Some("a-3"));
        assert_eq!(fresh("b", &taken).as_deref(), Some("b"));
    }
}
