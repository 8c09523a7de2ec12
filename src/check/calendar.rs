//! Rules on the workspace calendar: every deadline rests on a year whose
//! days off `[calendar]` lists.
//!
//! Owns W001 `calendar-gap`.

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::domain;
use crate::i18n::tr;
use crate::model::*;
use std::collections::BTreeMap;

/// One warning per year whose days off a deadline rests on but the
/// calendar does not list: the deadline was counted with the statutory
/// days off of that year (Labour Code 2019 art. 111–112) and is marked
/// provisional. Calendar-day limits count too: one that ends on a day off
/// moves to the next working day (BLDS 2015 art. 148). A year is listed as
/// the calendar takes it (`Calendar::covers_year`).
pub(super) fn calendar_gaps(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let calendar = ws.config.calendar();
    let mut gaps: BTreeMap<i32, (usize, &Petition)> = BTreeMap::new();
    for p in &ws.petitions {
        for year in domain::provisional_years(p, ws.rules_for(p), &calendar) {
            gaps.entry(year).or_insert((0, p)).0 += 1;
        }
    }
    for (year, (count, first)) in gaps {
        out.push(
            diag(ws, first.file, Code::CalendarGap, first.received.span, tr!(
                "{} thời hạn phụ thuộc ngày nghỉ năm {}, nhưng [calendar] chưa có ngày nghỉ của năm này: thời hạn được tính theo ngày nghỉ luật định (Bộ luật Lao động 2019, điều 111–112) và là tạm tính",
                "{} deadline(s) depend on the days off of {}, a year [calendar] does not list: they were counted with the statutory days off (Labour Code 2019, art. 111–112) and are provisional",
                count,
                year
            ))
            .with_help(tr!(
                "khi Chính phủ công bố lịch nghỉ năm {}, thêm các ngày nghỉ vào [calendar] holidays (và ngày làm bù vào workdays) trong danvan.toml",
                "when the government announces the days off of {}, add them to [calendar] holidays (and swapped working days to workdays) in danvan.toml",
                year
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;
    use crate::load::tests::{found, workspace};

    #[test]
    fn a_deadline_that_rests_on_an_unlisted_year_warns_once_per_year() {
        // The base calendar lists 2022 and 2023.
        let dir = workspace(&[
            // 7 working days from 2024-03-01: all in 2024.
            ("petitions/a.toml", &petition("denunciation", "2024-03-01", "")),
            // 10 working days from 2024-02-01.
            ("petitions/b.toml", &petition("recommendation", "2024-02-01", "")),
            // Calendar days too: Sat 2025-03-01 + 10 = Tue 2025-03-11, and
            // whether that is a day off is a question about 2025.
            ("petitions/c.toml", &petition("complaint", "2025-03-01", "")),
            // Thu 2023-12-28: Fri 29 (1), then 2024 (1/1 off by law): 2024.
            ("petitions/d.toml", &petition("denunciation", "2023-12-28", "")),
            // All in 2022.
            ("petitions/e.toml", &petition("denunciation", "2022-06-01", "")),
            ("petitions/f.toml", &petition("denunciation", "2026-06-01", "")),
            // Wed 2023-12-20 + 10 = Sat 12-30; Sun 31, then Mon 2024-01-01
            // is asked (New Year by law) → Tue 2024-01-02: rests on 2024.
            ("petitions/g.toml", &petition("complaint", "2023-12-20", "")),
            // Fri 2023-12-15 + 10 = Mon 12-25, a working day of 2023: no warning.
            ("petitions/h.toml", &petition("complaint", "2023-12-15", "")),
        ]);
        let loaded = crate::check::load(dir.path());
        assert!(!loaded.has_errors(), "warnings only");
        assert_eq!(
            found(dir.path(), &loaded),
            expect(&[
                (Code::CalendarGap, "petitions/c.toml", "2025-03-01"),
                (Code::CalendarGap, "petitions/f.toml", "2026-06-01"),
                // a, b, d and g rest on 2024; g was received first.
                (Code::CalendarGap, "petitions/g.toml", "2023-12-20"),
            ])
        );
        let message = &loaded.diagnostics[2].message;
        assert!(message.contains('4') && message.contains("2024"), "{message}");
        // Listing 2024 and 2025 leaves 2026 alone.
        let cfg = crate::load::tests::CONFIG.replace(
            "holidays = [2022-01-03, 2023-01-02]",
            "holidays = [2022-01-03, 2023-01-02, 2024-01-01, 2025-01-01]",
        );
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                ("petitions/c.toml", &petition("complaint", "2025-03-01", "")),
                ("petitions/g.toml", &petition("complaint", "2023-12-20", "")),
                ("petitions/f.toml", &petition("denunciation", "2026-06-01", "")),
            ]),
            expect(&[(Code::CalendarGap, "petitions/f.toml", "2026-06-01")])
        );
    }

    #[test]
    fn a_resolution_deadline_counts_under_the_rules_in_force_on_receipt() {
        // A complaint accepted Fri 2023-12-01: 30 calendar days = Sun
        // 12-31 → Mon 2024-01-01, asked about 2024: a warning. From
        // 2023-11-01 the workspace counts 20 working days instead: Dec 4–8
        // (5), 11–15 (10), 18–22 (15), 25–29 (20): Fri 2023-12-29, all in
        // 2023, no warning. A petition received before 1/11 keeps 30 days.
        let cfg = config(
            "[rules]\n[[rules.from]]\ndate = 2023-11-01\ncomplaint_resolution = { days = 20, count = \"working\" }\n",
        );
        let p = |received: &str| petition("complaint", received, "accepted = 2023-12-01\n");
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                ("petitions/old.toml", &p("2023-10-31")),
                ("petitions/new.toml", &p("2023-11-01")),
            ]),
            expect(&[(Code::CalendarGap, "petitions/old.toml", "2023-10-31")])
        );
    }
}
