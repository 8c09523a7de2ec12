//! Rules on petitions: extensions are for
//! denunciations, as many as `[rules]` allows, each decided by the deadline
//! it extends (Luật Tố cáo 2018, art. 30).
//!
//! Owns E033 `extensions` and E035 `outcome-without-resolved` (an outcome
//! is known once a petition is resolved). (E032 `round`, a rule within one
//! file, is the loader's.)

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::domain;
use crate::i18n::tr;
use crate::model::*;
use chrono::NaiveDate;

/// E035: an outcome without the date the petition was resolved.
pub(super) fn outcomes(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for p in &ws.petitions {
        if let (Some(outcome), None) = (&p.outcome, &p.resolved) {
            out.push(
                diag(
                    ws,
                    p.file,
                    Code::OutcomeUnresolved,
                    outcome.span,
                    tr!(
                        "có `outcome` nhưng chưa có ngày `resolved`",
                        "an `outcome` without a `resolved` date"
                    ),
                )
                .with_help(tr!(
                    "thêm ngày giải quyết xong: resolved = 2022-07-12, hoặc bỏ dòng outcome",
                    "add the date it was resolved: resolved = 2022-07-12, or remove the outcome line"
                )),
            );
        }
    }
}

pub(super) fn extensions(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let calendar = ws.config.calendar();
    let rules = ws.rules();
    for p in &ws.petitions {
        if p.extensions.is_empty() {
            continue;
        }
        if p.kind != PetitionType::Denunciation {
            out.push(
                diag(
                    ws,
                    p.file,
                    Code::Extensions,
                    p.extensions[0].span,
                    tr!(
                        "chỉ đơn tố cáo mới được gia hạn, đây là {}",
                        "only denunciations are extended; this is a {}",
                        p.kind
                    ),
                )
                .with_help(tr!("xóa extensions", "remove extensions")),
            );
            continue;
        }
        let max = rules.max_extensions as usize;
        if p.extensions.len() > max {
            out.push(diag(
                ws,
                p.file,
                Code::Extensions,
                p.extensions[max].span,
                tr!(
                    "gia hạn tối đa {} lần (Luật Tố cáo 2018, điều 30), đang có {}",
                    "at most {} extensions (Luật Tố cáo 2018, art. 30); found {}",
                    max,
                    p.extensions.len()
                ),
            ));
        }
        if p.accepted.is_none() {
            continue;
        }
        // Each extension must be decided before the deadline it extends.
        let mut sorted: Vec<&Sp<NaiveDate>> = p.extensions.iter().collect();
        sorted.sort_by_key(|e| e.value);
        for (i, e) in sorted.iter().enumerate().take(max) {
            let mut facts = domain::facts(p);
            facts.extensions = sorted[..i].iter().map(|e| e.value).collect();
            facts.resolved = None;
            let due = domain::deadlines::deadlines(&facts, rules, &calendar, NaiveDate::MAX).resolution;
            if let Some(due) = due
                && e.value > due
            {
                out.push(diag(
                    ws,
                    p.file,
                    Code::Extensions,
                    e.span,
                    tr!(
                        "gia hạn ngày {} sau thời hạn mà nó gia hạn ({})",
                        "extension dated {} is after the deadline it extends ({})",
                        e.value,
                        due
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;

    #[test]
    fn round_is_for_complaints() {
        assert_eq!(
            check(&[
                ("petitions/c.toml", &petition("complaint", "2022-04-10", "round = 2\n")),
                (
                    "petitions/d.toml",
                    &petition("denunciation", "2022-04-10", "round = 1\n")
                ),
                (
                    "petitions/r.toml",
                    &petition("recommendation", "2022-04-10", "round = 2\n")
                ),
            ]),
            expect(&[
                (Code::Round, "petitions/d.toml", "1"),
                (Code::Round, "petitions/r.toml", "2")
            ])
        );
    }

    #[test]
    fn extensions_are_for_denunciations_at_most_twice() {
        assert_eq!(
            check(&[
                (
                    "petitions/c.toml",
                    &petition("complaint", "2022-04-10", "extensions = [2022-05-01, 2022-06-01]\n")
                ),
                (
                    "petitions/r.toml",
                    &petition("recommendation", "2022-04-10", "extensions = [2022-05-01]\n")
                ),
                (
                    "petitions/two.toml",
                    &petition("denunciation", "2022-04-11", "extensions = [2022-05-01, 2022-06-01]\n")
                ),
                (
                    "petitions/three.toml",
                    &petition(
                        "denunciation",
                        "2022-04-11",
                        "extensions = [2022-06-01, 2022-07-01, 2022-05-01]\n"
                    ),
                ),
            ]),
            expect(&[
                (Code::Extensions, "petitions/c.toml", "2022-05-01"),
                (Code::Extensions, "petitions/r.toml", "2022-05-01"),
                (Code::Extensions, "petitions/three.toml", "2022-05-01"),
                // Written out of order: a warning of dates' (W006).
                (Code::UpdatesOrder, "petitions/three.toml", "2022-05-01"),
            ])
        );
        // `[rules]` may lower the cap.
        let cfg = config("[rules]\ndenunciation_max_extensions = 1\n");
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                (
                    "petitions/two.toml",
                    &petition("denunciation", "2022-04-11", "extensions = [2022-05-01, 2022-06-01]\n")
                )
            ]),
            expect(&[(Code::Extensions, "petitions/two.toml", "2022-06-01")])
        );
    }

    #[test]
    fn an_extension_is_decided_by_the_deadline_it_extends() {
        // Accepted 2022-03-01: 30 days to 2022-03-31 (a Thursday); extended
        // once, 30 days more to 2022-04-30, a Saturday, so Monday 2022-05-02.
        let p = |extensions: &str| {
            petition(
                "denunciation",
                "2022-02-25",
                &format!("accepted = 2022-03-01\nextensions = [{extensions}]\n"),
            )
        };
        assert_eq!(check(&[("petitions/p.toml", &p("2022-03-31"))]), []);
        assert_eq!(check(&[("petitions/p.toml", &p("2022-03-31, 2022-05-02"))]), []);
        // Each is decided in date order, whatever order they are written in
        // (written out of order, they get the W006 of dates' only).
        assert_eq!(
            check(&[("petitions/p.toml", &p("2022-05-02, 2022-03-31"))]),
            expect(&[(Code::UpdatesOrder, "petitions/p.toml", "2022-03-31")]),
            "extensions in any order"
        );
        assert_eq!(
            check(&[("petitions/p.toml", &p("2022-04-01"))]),
            expect(&[(Code::Extensions, "petitions/p.toml", "2022-04-01")])
        );
        assert_eq!(
            check(&[("petitions/p.toml", &p("2022-03-15, 2022-05-03"))]),
            expect(&[(Code::Extensions, "petitions/p.toml", "2022-05-03")])
        );
        // Without an acceptance date there is no deadline to compare with.
        assert_eq!(
            check(&[(
                "petitions/p.toml",
                &petition("denunciation", "2022-02-25", "extensions = [2023-01-05]\n")
            )]),
            []
        );
    }
}
