//! Rules on the workspace calendar: the working-day deadlines fall in years
//! whose days off `[calendar]` lists.
//!
//! Owns W001 `calendar-gap`.

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::domain::{self, calendar::Calendar};
use crate::i18n::tr;
use crate::model::*;
use std::collections::{BTreeMap, HashSet};

/// One warning per year in which a working-day deadline falls outside the calendar.
pub(super) fn calendar_gaps(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let calendar: Calendar = ws.config.calendar();
    let rules = ws.rules();
    let mut gaps: BTreeMap<i32, (usize, &Petition)> = BTreeMap::new();
    let covered: HashSet<i32> = ws.config.calendar.holidays.iter().map(chrono::Datelike::year).collect();
    for p in &ws.petitions {
        for year in domain::working_day_deadline_years(p, rules, &calendar) {
            if !covered.contains(&year) {
                gaps.entry(year).or_insert((0, p)).0 += 1;
            }
        }
    }
    for (year, (count, first)) in gaps {
        out.push(
            diag(ws, first.file, Code::CalendarGap, first.received.span, tr!(
                "{} thời hạn tính theo ngày làm việc rơi vào năm {}, nhưng [calendar] chưa có ngày nghỉ của năm này",
                "{} working-day deadline(s) fall in {}, a year whose days off [calendar] does not list",
                count,
                year
            ))
            .with_help(tr!(
                "thêm ngày nghỉ lễ, Tết năm {} vào holidays trong danvan.toml",
                "add the holidays of {} to [calendar] holidays in danvan.toml",
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
    fn a_working_day_deadline_outside_the_calendar_warns_once_per_year() {
        // The base calendar lists 2022 and 2023. Denunciations and
        // recommendations count acceptance in working days; complaints do not.
        let dir = workspace(&[
            ("petitions/a.toml", &petition("denunciation", "2024-03-01", "")),
            ("petitions/b.toml", &petition("recommendation", "2024-02-01", "")),
            ("petitions/c.toml", &petition("complaint", "2025-03-01", "")),
            ("petitions/d.toml", &petition("denunciation", "2023-12-28", "")),
            ("petitions/e.toml", &petition("denunciation", "2022-06-01", "")),
            ("petitions/f.toml", &petition("denunciation", "2026-06-01", "")),
        ]);
        let loaded = crate::check::load(dir.path());
        assert!(!loaded.has_errors(), "warnings only");
        assert_eq!(
            found(dir.path(), &loaded),
            expect(&[
                // 2023-12-28 + 7 working days falls in 2024: the first 2024 petition.
                (Code::CalendarGap, "petitions/d.toml", "2023-12-28"),
                (Code::CalendarGap, "petitions/f.toml", "2026-06-01"),
            ])
        );
        let message = &loaded.diagnostics[0].message;
        assert!(message.contains('3') && message.contains("2024"), "{message}");
        // A `[rules]` limit in working days brings complaints in.
        let cfg = config("[rules]\ncomplaint_acceptance = { days = 10, count = \"working\" }\n");
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                ("petitions/c.toml", &petition("complaint", "2025-03-01", ""))
            ]),
            expect(&[(Code::CalendarGap, "petitions/c.toml", "2025-03-01")])
        );
    }
}
