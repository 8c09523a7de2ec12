//! Rules on targets across the workspace: the unit and organisation ids a
//! filter names exist. (The loader checks the rest of a target as it reads
//! `targets.toml`: E040 to E044 but for these ids.)
//!
//! Owns E042 `bad-filter-value` (also for the loader: [`never_matched`]).

use super::references::{Dangling, RefKind, dangling};
use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::i18n::tr;
use crate::model::filter::{KeyDomain, key_domain};
use crate::model::*;
use std::ops::Range;
use std::path::Path;

/// Why no record can match a value of a target filter.
pub enum NeverMatched<'a> {
    /// A word outside the key's closed set, found by the loader.
    Word {
        key: &'a str,
        value: &'a str,
        words: &'a [&'a str],
    },
    /// A number the key never takes, found by the loader.
    Int { key: &'a str, value: i64 },
    /// A unit or organisation id the workspace does not define, found by
    /// [`target_filters`].
    Undefined(Dangling),
}

/// The E042 diagnostic, wherever the value was found.
pub fn never_matched(path: &Path, span: Range<usize>, why: NeverMatched<'_>) -> Diagnostic {
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

/// Unit and org ids in target filters must exist (other values were checked when parsing).
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
            let ref_kind = match key_domain(kind, &clause.key) {
                Some(KeyDomain::Unit) => RefKind::Unit,
                Some(KeyDomain::Org) => RefKind::Org,
                _ => continue,
            };
            for v in &clause.values {
                if let FilterValue::Text(id) = v
                    && let Some(why) = dangling(ws, id, ref_kind)
                {
                    out.push(never_matched(
                        &ws.path(t.file),
                        clause.span.range(),
                        NeverMatched::Undefined(why),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;

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
                (Code::FilterValue, "targets.toml", "[\"tan-my\", \"nowhere\"]"),
                (Code::FilterValue, "targets.toml", "\"x\""),
                (Code::FilterValue, "targets.toml", "\"btv\""),
            ])
        );
    }
}
