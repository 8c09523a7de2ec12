//! Rules on petitions: a denunciation's extensions as Luật Tố cáo 2018
//! art. 30 allows them: one for a complex case, two for an especially
//! complex one, each at most 30 days and decided after the acceptance and
//! by the deadline it extends; only denunciations are extended.
//!
//! Owns W003 `extensions` (every extension problem is a warning, so none
//! stops a register from printing) and E035 `outcome-without-resolved`
//! (an outcome is known once a petition is resolved). (E032 `round`, a
//! rule within one file, is the loader's.)

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::domain::{self, deadlines};
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
    for p in &ws.petitions {
        if p.extensions.is_empty() {
            continue;
        }
        let warn = |span: Span, message: String| diag(ws, p.file, Code::Extensions, span, message);
        if p.kind != PetitionType::Denunciation {
            out.push(
                warn(
                    p.extensions[0].date.span,
                    tr!(
                        "chỉ đơn tố cáo mới được gia hạn, đây là {}: gia hạn không được tính",
                        "only denunciations are extended; this is a {}: the extensions do not count",
                        p.kind
                    ),
                )
                .with_help(tr!("xóa extensions", "remove extensions")),
            );
            continue;
        }
        let rules = ws.rules_for(p);
        let facts = domain::facts(p);
        let allowed = deadlines::extensions_allowed(&facts) as usize;
        let max = rules.max_extensions as usize;
        let most = rules.denunciation_extension.days;
        // In date order, as they were decided.
        let mut sorted: Vec<&Extension> = p.extensions.iter().collect();
        sorted.sort_by_key(|e| e.date.value);
        for (i, e) in sorted.iter().enumerate() {
            let n = i + 1;
            if i >= max {
                out.push(warn(
                    e.date.span,
                    tr!(
                        "gia hạn lần thứ {}: Luật Tố cáo 2018, điều 30 cho gia hạn tối đa {} lần; lần này không được tính",
                        "extension {}: Luật Tố cáo 2018, art. 30 allows at most {}; this one does not count",
                        n,
                        max
                    ),
                ));
                continue;
            }
            if i >= allowed {
                let (message, help) = match i {
                    0 => (
                        tr!(
                            "gia hạn một vụ việc không ghi là phức tạp: điều 30 chỉ cho gia hạn vụ việc phức tạp (một lần); gia hạn vẫn được tính",
                            "an extension of a case not marked complex: art. 30 extends complex cases only (once); it still counts",
                        ),
                        tr!(
                            "nếu vụ việc phức tạp, ghi complex = true",
                            "if the case is complex, set complex = true"
                        ),
                    ),
                    1 => (
                        tr!(
                            "gia hạn lần hai một vụ việc không ghi là đặc biệt phức tạp: điều 30 chỉ cho gia hạn hai lần với vụ việc đặc biệt phức tạp; gia hạn vẫn được tính",
                            "a second extension of a case not marked especially complex: art. 30 extends twice only an especially complex case; it still counts",
                        ),
                        tr!(
                            "nếu vụ việc đặc biệt phức tạp, ghi especially_complex = true",
                            "if the case is especially complex, set especially_complex = true"
                        ),
                    ),
                    _ => (
                        tr!(
                            "gia hạn lần thứ {}: điều 30 cho gia hạn tối đa hai lần; được tính vì [rules] denunciation_max_extensions = {}",
                            "extension {}: art. 30 allows two at most; it counts because [rules] denunciation_max_extensions = {}",
                            n,
                            max
                        ),
                        tr!(
                            "kiểm tra lại denunciation_max_extensions trong danvan.toml",
                            "check denunciation_max_extensions in danvan.toml"
                        ),
                    ),
                };
                out.push(warn(e.date.span, message).with_help(help));
            }
            if let Some(days) = &e.days
                && days.value > most
            {
                out.push(warn(
                    days.span,
                    tr!(
                        "mỗi lần gia hạn tối đa {} ngày (Luật Tố cáo 2018, điều 30), lần này ghi {}: được tính {} ngày",
                        "an extension is at most {} days (Luật Tố cáo 2018, art. 30); this one says {}: counted as {}",
                        most,
                        days.value,
                        most
                    ),
                ));
            }
        }
        let Some(accepted) = &p.accepted else { continue };
        for e in &sorted {
            if e.date.value < accepted.value {
                out.push(
                    warn(
                        e.date.span,
                        tr!(
                            "gia hạn ngày {} trước ngày thụ lý ({})",
                            "extension dated {} is before the acceptance ({})",
                            e.date.value,
                            accepted.value
                        ),
                    )
                    .with_help(tr!("một trong hai ngày bị gõ nhầm", "one of the two dates is mistyped")),
                );
            }
        }
        // Each extension must be decided by the deadline it extends.
        for (i, e) in sorted.iter().enumerate().take(max) {
            let mut before = facts.clone();
            before.extensions = sorted[..i]
                .iter()
                .map(|e| deadlines::ExtensionFact {
                    date: e.date.value,
                    days: e.days.as_ref().map(|d| d.value),
                })
                .collect();
            before.resolved = None;
            let due = deadlines::deadlines(&before, rules, &calendar, NaiveDate::MAX).resolution;
            if let Some(due) = due
                && e.date.value > due
            {
                out.push(warn(
                    e.date.span,
                    tr!(
                        "gia hạn ngày {} sau thời hạn mà nó gia hạn ({})",
                        "extension dated {} is after the deadline it extends ({})",
                        e.date.value,
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
    fn extensions_are_for_denunciations_as_complex_as_their_number() {
        let ext = |flags: &str, list: &str| {
            petition("denunciation", "2022-04-11", &format!("{flags}extensions = [{list}]\n"))
        };
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
                // Art. 30: once for a complex case, twice for an especially complex one.
                ("petitions/complex-one.toml", &ext("complex = true\n", "2022-05-01")),
                (
                    "petitions/especially-two.toml",
                    &ext("especially_complex = true\n", "2022-05-01, 2022-06-01")
                ),
                // Not marked complex: the first extension names `complex`.
                ("petitions/plain-one.toml", &ext("", "2022-05-02")),
                // Complex, extended twice: the second names `especially_complex`.
                (
                    "petitions/complex-two.toml",
                    &ext("complex = true\n", "2022-05-03, 2022-06-03")
                ),
                // A third, in date order (written first here): never counts.
                (
                    "petitions/three.toml",
                    &ext("especially_complex = true\n", "2022-07-04, 2022-05-04, 2022-06-04")
                ),
            ]),
            expect(&[
                (Code::Extensions, "petitions/c.toml", "2022-05-01"),
                (Code::Extensions, "petitions/complex-two.toml", "2022-06-03"),
                (Code::Extensions, "petitions/plain-one.toml", "2022-05-02"),
                (Code::Extensions, "petitions/r.toml", "2022-05-01"),
                (Code::Extensions, "petitions/three.toml", "2022-07-04"),
                // Written out of order: a warning of dates' (W007).
                (Code::UpdatesOrder, "petitions/three.toml", "2022-05-04"),
            ])
        );
        let helps = helps(&[
            ("petitions/plain-one.toml", &ext("", "2022-05-02")),
            (
                "petitions/complex-two.toml",
                &ext("complex = true\n", "2022-05-03, 2022-06-03"),
            ),
        ]);
        assert!(
            helps.iter().any(|h| h.contains("especially_complex = true")),
            "{helps:?}"
        );
        assert!(
            helps
                .iter()
                .any(|h| h.contains("complex = true") && !h.contains("especially")),
            "{helps:?}"
        );
        // `[rules]` may lower the cap: the second no longer counts.
        let cfg = config("[rules]\ndenunciation_max_extensions = 1\n");
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                (
                    "petitions/two.toml",
                    &ext("especially_complex = true\n", "2022-05-01, 2022-06-01")
                )
            ]),
            expect(&[(Code::Extensions, "petitions/two.toml", "2022-06-01")])
        );
    }

    #[test]
    fn an_extension_says_its_days_at_most_30() {
        assert_eq!(
            check(&[(
                "petitions/p.toml",
                &petition(
                    "denunciation",
                    "2022-02-25",
                    "especially_complex = true\nextensions = [{ date = 2022-03-20, days = 20 }, { date = 2022-04-01, days = 45 }]\n"
                )
            )]),
            expect(&[(Code::Extensions, "petitions/p.toml", "45")])
        );
        // Zero days, or days that are not a number, are format errors of the file.
        assert_eq!(
            check(&[(
                "petitions/p.toml",
                &petition(
                    "denunciation",
                    "2022-02-25",
                    "complex = true\nextensions = [{ date = 2022-03-20, days = 0 }, { days = 5 }, \"2022-04-01\"]\n"
                )
            )]),
            expect(&[
                (Code::BadFormat, "petitions/p.toml", "0"),
                (Code::MissingField, "petitions/p.toml", ""),
                (Code::QuotedDate, "petitions/p.toml", "\"2022-04-01\""),
            ])
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
                &format!("especially_complex = true\naccepted = 2022-03-01\nextensions = [{extensions}]\n"),
            )
        };
        assert_eq!(check(&[("petitions/p.toml", &p("2022-03-31"))]), []);
        assert_eq!(check(&[("petitions/p.toml", &p("2022-03-31, 2022-05-02"))]), []);
        // Each is decided in date order, whatever order they are written in
        // (written out of order, they get the W007 of dates' only).
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
        // A first extension of 10 days: 31/3 + 10 = Sun 10/4 → Mon 11/4,
        // so a second decided on 12/4 is late.
        assert_eq!(
            check(&[("petitions/p.toml", &p("{ date = 2022-03-20, days = 10 }, 2022-04-12"))]),
            expect(&[(Code::Extensions, "petitions/p.toml", "2022-04-12")])
        );
        // Without an acceptance date there is no deadline to compare with.
        assert_eq!(
            check(&[(
                "petitions/p.toml",
                &petition(
                    "denunciation",
                    "2022-02-25",
                    "complex = true\nextensions = [2023-01-05]\n"
                )
            )]),
            []
        );
    }
}
