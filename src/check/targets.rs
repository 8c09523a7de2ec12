//! Rules on targets across the workspace: every value a filter names can
//! be held by a record: a word of its key's closed set, a number it takes,
//! a unit or organisation the workspace defines. (The loader checks the
//! rest of a target as it reads `targets.toml`: E040, E041, E043, E044.)
//!
//! Owns E042 `bad-filter-value`.

use super::references::{Dangling, RefKind, dangling};
use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::i18n::tr;
use crate::model::filter::{KeyDomain, key_domain};
use crate::model::*;
use std::ops::Range;
use std::path::Path;

/// Why no record can match a value of a target filter.
enum NeverMatched<'a> {
    /// A word outside the key's closed set.
    Word {
        key: &'a str,
        value: &'a str,
        words: &'a [&'a str],
    },
    /// A number the key never takes.
    Int { key: &'a str, value: i64 },
    /// A unit or organisation id the workspace does not define.
    Undefined(Dangling),
}

/// The E042 diagnostic.
fn never_matched(path: &Path, span: Range<usize>, why: NeverMatched<'_>) -> Diagnostic {
    let (message, help) = match why {
        NeverMatched::Word { key, value, words } => {
            let help = match did_you_mean(value, words.iter().copied()) {
                Some(w) => tr!(
                    "có phải ý bạn là \"{}\"? Các giá trị: {}",
                    "did you mean \"{}\"? Allowed: {}",
                    w,
                    words.join(" | ")
                ),
                None => tr!("các giá trị: {}", "allowed: {}", words.join(" | ")),
            };
            (
                tr!("`{}` không bao giờ bằng \"{}\"", "`{}` is never \"{}\"", key, value),
                Some(help),
            )
        }
        NeverMatched::Int { key, value } => (tr!("`{}` không bao giờ bằng {}", "`{}` is never {}", key, value), None),
        NeverMatched::Undefined(Dangling { message, help }) => (message, Some(help)),
    };
    let mut d = Diagnostic::new(Code::FilterValue, message).in_file(path).at(span);
    d.help = help;
    d
}

/// Every value of a target filter is one a record can hold.
pub(super) fn target_filters(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for t in &ws.targets {
        let (kind, filters): (Kind, Vec<&Filter>) = match &t.measure {
            Measure::Count { kind, filter, .. }
            | Measure::Coverage { kind, filter, .. }
            | Measure::Every { kind, filter, .. }
            | Measure::Sum { kind, filter, .. } => (*kind, vec![filter]),
            Measure::Share { kind, filter, success } => (*kind, vec![filter, success]),
            Measure::Manual => continue,
        };
        for clause in filters.into_iter().flat_map(|f| &f.clauses) {
            let Some(domain) = key_domain(kind, &clause.key) else {
                continue;
            };
            for (value, span) in clause.values.iter().zip(&clause.spans) {
                let key = clause.key.as_str();
                let why = match (value, domain) {
                    (FilterValue::Text(s), KeyDomain::Words(words)) if !words.contains(&s.as_str()) => {
                        NeverMatched::Word { key, value: s, words }
                    }
                    (FilterValue::Int(n), KeyDomain::Int(ok)) if !ok.contains(n) => {
                        NeverMatched::Int { key, value: *n }
                    }
                    (FilterValue::Text(id), KeyDomain::Unit | KeyDomain::Org) => {
                        let ref_kind = if domain == KeyDomain::Unit {
                            RefKind::Unit
                        } else {
                            RefKind::Org
                        };
                        match dangling(ws, id, ref_kind) {
                            Some(why) => NeverMatched::Undefined(why),
                            None => continue,
                        }
                    }
                    _ => continue,
                };
                out.push(never_matched(&ws.path(t.file), span.range(), why));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;

    #[test]
    fn target_filters_name_words_and_numbers_records_can_hold() {
        let targets = [
            target("a", "{ count = \"models\", where = { status = \"actve\" } }"),
            target(
                "b",
                "{ count = \"models\", where = { status = [\"active\", \"done\"] } }",
            ),
            target("c", "{ count = \"petitions\", where = { round = 3 } }"),
            target(
                "d",
                "{ count = \"conclusions\", where = { state = \"resolved-on-time\" } }",
            ),
        ]
        .concat();
        assert_eq!(
            check(&[("targets.toml", &targets)]),
            expect(&[
                (Code::FilterValue, "targets.toml", "\"actve\""),
                (Code::FilterValue, "targets.toml", "\"done\""),
                (Code::FilterValue, "targets.toml", "3"),
                (Code::FilterValue, "targets.toml", "\"resolved-on-time\""),
            ])
        );
        let help = helps(&[(
            "targets.toml",
            &target("a", "{ count = \"models\", where = { status = \"actve\" } }"),
        )]);
        assert!(help[0].contains("\"active\""), "{help:?}");
    }

    #[test]
    fn target_filters_name_existing_units_and_organisations() {
        let targets = [
            target(
                "a",
                "{ count = \"models\", where = { lead = \"mtqq\", units = \"tan-my\" } }",
            ),
            target(
                "b",
                "{ coverage = \"meetings\", where = { units = [\"tan-my\", \"nowhere\"], participants = \"ubnd\" } }",
            ),
            target(
                "c",
                "{ share = \"petitions\", where = { handler = \"ubnd\" }, success = { handler = \"x\" } }",
            ),
            target("d", "{ count = \"conclusions\", where = { assignee = \"btv\" } }"),
            target(
                "e",
                "{ sum = \"models.indicators.households\", where = { lead = \"mttq\" } }",
            ),
        ]
        .concat();
        assert_eq!(
            check(&[("targets.toml", &targets)]),
            expect(&[
                (Code::FilterValue, "targets.toml", "\"mtqq\""),
                (Code::FilterValue, "targets.toml", "\"nowhere\""),
                (Code::FilterValue, "targets.toml", "\"x\""),
                (Code::FilterValue, "targets.toml", "\"btv\""),
            ])
        );
    }
}
