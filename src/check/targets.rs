//! Rules on targets across the workspace: the unit and organisation ids a
//! filter names exist. (The loader checks the rest of a target as it reads
//! `targets.toml`: E040 to E044 but for these ids.)
//!
//! Owns E042 `bad-filter-value`, with the loader (for the closed sets).

use super::references::{RefKind, unknown_ref};
use crate::diag::{Code, Diagnostic};
use crate::domain::filter::{KeyDomain, key_domain};
use crate::model::*;

/// Unit and org ids in target filters must exist (other values were checked when parsing).
pub(super) fn target_filters(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for t in &ws.targets {
        let (kind, filters): (Kind, Vec<&Filter>) = match &t.measure {
            Measure::Count { kind, filter, .. }
            | Measure::Coverage { kind, filter, .. }
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
                    && let Some(mut d) = unknown_ref(ws, t.file, &Sp::new(id.clone(), clause.span), ref_kind)
                {
                    d.code = Code::FilterValue;
                    out.push(d);
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
