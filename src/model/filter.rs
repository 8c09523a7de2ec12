//! The `where` keys each kind of record can be filtered on, and what values
//! each key takes. Shared by the target loader (to reject a key a kind
//! lacks) and the target engine (to match records).

use super::keywords::*;

/// What values a filter key accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyDomain {
    /// One of a closed set of words.
    Words(&'static [&'static str]),
    /// A unit id of the workspace.
    Unit,
    /// An organisation id of the workspace.
    Org,
    /// Free text (tags, fields, chair).
    Text,
    Bool,
    /// An integer from the list.
    Int(&'static [i64]),
}

macro_rules! words {
    ($k:ty) => {{
        const W: &[&str] = &{
            let all = <$k as Keyword>::ALL;
            let mut out = [""; <$k as Keyword>::ALL.len()];
            let mut i = 0;
            while i < all.len() {
                out[i] = all[i].0;
                i += 1;
            }
            out
        };
        KeyDomain::Words(W)
    }};
}

/// The keys records of `kind` can be filtered on.
pub fn keys_for(kind: Kind) -> &'static [(&'static str, KeyDomain)] {
    match kind {
        Kind::Model => &[
            ("status", words!(ModelStatus)),
            ("units", KeyDomain::Unit),
            ("lead", KeyDomain::Org),
            ("tags", KeyDomain::Text),
            ("recognition", words!(Recognition)),
        ],
        Kind::Meeting => &[
            ("type", words!(MeetingType)),
            ("units", KeyDomain::Unit),
            ("participants", KeyDomain::Org),
            ("chair", KeyDomain::Text),
        ],
        Kind::Petition => &[
            ("type", words!(PetitionType)),
            ("round", KeyDomain::Int(&[1, 2])),
            ("units", KeyDomain::Unit),
            ("field", KeyDomain::Text),
            ("channel", words!(Channel)),
            ("handler", KeyDomain::Org),
            ("outcome", words!(Outcome)),
            ("complex", KeyDomain::Bool),
            ("remote", KeyDomain::Bool),
            ("state", words!(PetitionState)),
        ],
        Kind::Conclusion => &[
            ("assignee", KeyDomain::Org),
            ("units", KeyDomain::Unit),
            ("state", words!(TaskState)),
        ],
    }
}

pub fn key_domain(kind: Kind, key: &str) -> Option<KeyDomain> {
    keys_for(kind).iter().find(|(k, _)| *k == key).map(|&(_, d)| d)
}

/// Reads a kind as users write it: `petitions`, `petition`, `don`, `đơn`, `mo-hinh`…
pub fn parse_kind(text: &str) -> Option<Kind> {
    let folded = crate::text::fold(text);
    let kind = match folded.as_str() {
        "models" | "model" | "mo-hinh" | "mo hinh" | "mohinh" => Kind::Model,
        "meetings" | "meeting" | "hoi-nghi" | "hoi nghi" | "hoinghi" => Kind::Meeting,
        "petitions" | "petition" | "don" | "don-thu" | "don thu" => Kind::Petition,
        "conclusions" | "conclusion" | "ket-luan" | "ket luan" | "tasks" | "task" | "nhiem-vu" => Kind::Conclusion,
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_list_every_spelling() {
        assert_eq!(
            key_domain(Kind::Petition, "state"),
            Some(KeyDomain::Words(&[
                "awaiting-acceptance",
                "acceptance-overdue",
                "open",
                "due-soon",
                "overdue",
                "resolved-on-time",
                "resolved-late"
            ]))
        );
        assert_eq!(key_domain(Kind::Model, "state"), None);
    }

    #[test]
    fn kinds_in_both_languages() {
        assert_eq!(parse_kind("petition"), Some(Kind::Petition));
        assert_eq!(parse_kind("Đơn"), Some(Kind::Petition));
        assert_eq!(parse_kind("mô hình"), Some(Kind::Model));
        assert_eq!(parse_kind("hoi-nghi"), Some(Kind::Meeting));
        assert_eq!(parse_kind("tasks"), Some(Kind::Conclusion));
        assert_eq!(parse_kind("people"), None);
    }
}
