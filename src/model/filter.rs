//! The `where` keys each kind of record can be filtered on, and what values
//! each key takes. Shared by the target loader (to reject a key a kind
//! lacks) and the target engine (to match records).

use super::fields::FieldInfo;
use super::keywords::*;
use super::{Conclusion, Meeting, Model, Petition};

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

/// The keys records of `kind` can be filtered on: the fields of its record
/// type that say so (see `record!`), then the states derived on a date.
pub fn keys_for(kind: Kind) -> Vec<(&'static str, KeyDomain)> {
    let (fields, derived): (&[FieldInfo], &[(&'static str, KeyDomain)]) = match kind {
        Kind::Model => (Model::FIELDS, &[]),
        Kind::Meeting => (Meeting::FIELDS, &[]),
        Kind::Petition => (Petition::FIELDS, &[("state", KeyDomain::Words(PetitionState::WORDS))]),
        // A task is where its meeting was.
        Kind::Conclusion => (
            Conclusion::FIELDS,
            &[
                ("units", KeyDomain::Unit),
                ("state", KeyDomain::Words(TaskState::WORDS)),
            ],
        ),
    };
    fields
        .iter()
        .filter_map(|f| Some((f.key, f.filter?)))
        .chain(derived.iter().copied())
        .collect()
}

pub fn key_domain(kind: Kind, key: &str) -> Option<KeyDomain> {
    keys_for(kind).into_iter().find(|(k, _)| *k == key).map(|(_, d)| d)
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
    fn filter_keys_come_from_the_record_types() {
        let keys = |kind| keys_for(kind).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(keys(Kind::Model), ["units", "lead", "status", "recognition", "tags"]);
        assert_eq!(keys(Kind::Meeting), ["type", "units", "chair", "participants"]);
        assert_eq!(
            keys(Kind::Petition),
            [
                "type",
                "round",
                "channel",
                "units",
                "field",
                "complex",
                "especially_complex",
                "remote",
                "handler",
                "outcome",
                "state"
            ]
        );
        assert_eq!(keys(Kind::Conclusion), ["assignee", "units", "state"]);
        assert_eq!(key_domain(Kind::Petition, "round"), Some(KeyDomain::Int(&[1, 2])));
        assert_eq!(key_domain(Kind::Meeting, "units"), Some(KeyDomain::Unit));
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
