//! `danvan.toml` and `targets.toml`.

use super::table::{Ctx, Table};
use crate::diag::{Code, Diagnostic};

use crate::i18n::tr;
use crate::model::*;

pub fn config(cx: &mut Ctx<'_>, t: &Table<'_, '_>) -> Option<Config> {
    t.finish(cx, &["committee", "unit", "org", "calendar", "document", "rules"]);
    let committee = match t.table(cx, "committee") {
        Some(c) => committee(cx, &c),
        None => {
            if !t.has("committee") {
                t.missing(cx, "committee", Some("[committee]".into()));
            }
            None
        }
    };
    let mut units = Vec::new();
    for u in t.tables(cx, "unit") {
        u.finish(cx, &["id", "name", "since", "until", "merged_into"]);
        let id = u.req_string(cx, "id");
        let name = u.req_string(cx, "name");
        let since = u.date(cx, "since");
        let until = u.date(cx, "until");
        let merged_into = u.string(cx, "merged_into");
        if let (Some(id), Some(name)) = (id, name) {
            units.push(Unit {
                id,
                name: name.value,
                since,
                until,
                merged_into,
            });
        }
    }
    let mut orgs = Vec::new();
    for o in t.tables(cx, "org") {
        o.finish(cx, &["id", "name"]);
        if let (Some(id), Some(name)) = (o.req_string(cx, "id"), o.req_string(cx, "name")) {
            orgs.push(Org { id, name: name.value });
        }
    }
    let calendar = t.table(cx, "calendar").map_or_else(CalendarConfig::default, |c| {
        c.finish(cx, &["holidays", "workdays"]);
        CalendarConfig {
            holidays: c.date_list(cx, "holidays").into_iter().map(|d| d.value).collect(),
            workdays: c
                .date_list(cx, "workdays")
                .into_iter()
                .filter(|d| saturday(cx, d))
                .map(|d| d.value)
                .collect(),
        }
    });
    let document = t.table(cx, "document").map_or_else(DocumentConfig::default, |d| {
        d.finish(cx, &["archive", "margins_mm"]);
        let mut margins = Margins::default();
        if let Some(m) = d.table(cx, "margins_mm") {
            m.finish(cx, &["top", "bottom", "left", "right"]);
            for (key, slot) in [
                ("top", &mut margins.top),
                ("bottom", &mut margins.bottom),
                ("left", &mut margins.left),
                ("right", &mut margins.right),
            ] {
                match m.number(cx, key) {
                    Some(n) if (0.0..=100.0).contains(&n) => *slot = n,
                    Some(_) => cx.report(
                        Code::BadFormat,
                        m.get(key).map_or(m.span(), |v| v.span()),
                        tr!("lề `{}` phải từ 0 đến 100 mm", "margin `{}` must be 0 to 100 mm", key),
                        None,
                    ),
                    None => {}
                }
            }
        }
        DocumentConfig {
            archive: d.string(cx, "archive").map(|s| s.value),
            margins_mm: margins,
        }
    });
    let mut rules = Rules::default();
    if let Some(r) = t.table(cx, "rules") {
        let mut known: Vec<&str> = Rules::KEYS.to_vec();
        known.push(Rules::MAX_EXTENSIONS_KEY);
        r.finish(cx, &known);
        if let Some(n) = r.int(cx, Rules::MAX_EXTENSIONS_KEY, 0, 10) {
            rules.max_extensions = n.value as u32;
        }
        for key in Rules::KEYS {
            let Some(l) = r.table(cx, key) else { continue };
            l.finish(cx, &["days", "count"]);
            let days = l.int(cx, "days", 0, 3650);
            if !l.has("days") {
                l.missing(cx, "days", Some("days = 30".into()));
            }
            // Without `count`, a limit keeps the way the law counts it.
            let default_count = rules.get(key).flatten().map_or(DayCount::Calendar, |l| l.count);
            let count = l.keyword::<DayCount>(cx, "count").map_or(default_count, |c| c.value);
            if let Some(days) = days {
                rules.set(
                    key,
                    Limit {
                        days: days.value as u32,
                        count,
                    },
                );
            }
        }
    }
    Some(Config {
        committee: committee?,
        units,
        orgs,
        calendar,
        document,
        rules: RulesConfig(rules),
    })
}

fn committee(cx: &mut Ctx<'_>, c: &Table<'_, '_>) -> Option<Committee> {
    c.finish(
        cx,
        &[
            "name",
            "parent",
            "standing",
            "place",
            "notice_suffix",
            "lang",
            "utc_offset",
        ],
    );
    let name = c.req_string(cx, "name");
    let parent = c.req_string(cx, "parent");
    let standing = c.req_string(cx, "standing");
    let place = c.req_string(cx, "place");
    let notice_suffix = c.req_string(cx, "notice_suffix");
    let lang = c.keyword::<Lang>(cx, "lang").map(|l| l.value);
    let utc_offset = c.string(cx, "utc_offset").and_then(|s| {
        let parsed = UtcOffset::parse(&s.value);
        if parsed.is_none() {
            cx.diags.push(
                Diagnostic::new(
                    Code::BadFormat,
                    tr!("múi giờ \"{}\" không hợp lệ", "invalid UTC offset \"{}\"", s.value),
                )
                .in_file(cx.path)
                .at(s.span.range())
                .with_help("utc_offset = \"+07:00\""),
            );
        }
        parsed
    });
    Some(Committee {
        name: name?.value,
        parent: parent?.value,
        standing: standing?.value,
        place: place?.value,
        notice_suffix: notice_suffix?.value,
        lang,
        utc_offset,
    })
}

/// A `workdays` entry is a Saturday worked to make up a day off (Bộ luật
/// Lao động 2019 art. 111): any other day is E034, and left out.
fn saturday(cx: &mut Ctx<'_>, d: &Sp<chrono::NaiveDate>) -> bool {
    use chrono::Datelike;
    if d.value.weekday() == chrono::Weekday::Sat {
        return true;
    }
    cx.diags.push(
        Diagnostic::new(
            Code::WorkdayNotSaturday,
            tr!(
                "ngày làm bù {} không phải thứ Bảy",
                "the swapped working day {} is not a Saturday",
                d.value
            ),
        )
        .in_file(cx.path)
        .at(d.span.range())
        .with_help(tr!(
            "`workdays` chỉ ghi các ngày thứ Bảy đi làm bù; ngày nghỉ ghi vào `holidays`",
            "`workdays` lists only Saturdays worked in exchange; days off go in `holidays`"
        )),
    );
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tests::codes;
    use chrono::NaiveDate;

    fn parse<T>(text: &str, parse: impl FnOnce(&mut Ctx<'_>, &Table<'_, '_>) -> T) -> (T, Vec<(Code, String)>) {
        crate::load::tests::parse_table("danvan.toml", text, parse)
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const COMMITTEE: &str = "[committee]\nname = \"Huyện ủy Lấp Vò\"\nparent = \"Đảng bộ tỉnh Đồng Tháp\"\n\
                             standing = \"Ban Thường vụ Huyện ủy\"\nplace = \"Lấp Vò\"\nnotice_suffix = \"TB/HU\"\n";

    #[test]
    fn a_full_config() {
        let text = format!(
            "{COMMITTEE}lang = \"en\"\nutc_offset = \"-03:30\"\n\
             [[unit]]\nid = \"tan-my\"\nname = \"xã Tân Mỹ\"\nuntil = 2025-06-30\nmerged_into = \"xa-moi\"\n\
             [[unit]]\nid = \"xa-moi\"\nname = \"xã Mới\"\nsince = 2025-07-01\n\
             [[org]]\nid = \"mttq\"\nname = \"MTTQ\"\n\
             [calendar]\nholidays = [2022-01-01, 2022-01-31]\nworkdays = [2022-01-29]\n\
             [document]\narchive = \"Lưu VP\"\nmargins_mm = {{ top = 25, left = 35.5 }}\n\
             [rules]\ndenunciation_max_extensions = 1\ncomplaint_resolution = {{ days = 20, count = \"working\" }}\n\
             denunciation_acceptance = {{ days = 10 }}\n"
        );
        let (parsed, diags) = parse(&text, config);
        assert!(diags.is_empty(), "{diags:?}");
        let c = parsed.unwrap();
        assert_eq!(c.committee.name, "Huyện ủy Lấp Vò");
        assert_eq!(c.committee.notice_suffix, "TB/HU");
        assert_eq!(c.committee.lang, Some(Lang::En));
        assert_eq!(c.committee.utc_offset, Some(UtcOffset(-210)));
        assert_eq!(c.units.len(), 2);
        assert_eq!(c.units[0].until.as_ref().map(|d| d.value), Some(date("2025-06-30")));
        assert_eq!(c.units[0].merged_into.as_ref().map(|m| m.as_str()), Some("xa-moi"));
        assert_eq!(c.units[1].since.as_ref().map(|d| d.value), Some(date("2025-07-01")));
        assert_eq!(c.orgs[0].id.value, "mttq");
        assert_eq!(c.calendar.holidays, [date("2022-01-01"), date("2022-01-31")]);
        assert_eq!(c.calendar.workdays, [date("2022-01-29")]);
        assert_eq!(c.document.archive.as_deref(), Some("Lưu VP"));
        assert_eq!((c.document.margins_mm.top, c.document.margins_mm.left), (25.0, 35.5));
        assert_eq!(c.document.margins_mm.right, Margins::default().right);
        let rules = &c.rules.0;
        assert_eq!(rules.max_extensions, 1);
        assert_eq!(
            rules.complaint_resolution.normal,
            Limit {
                days: 20,
                count: DayCount::Working
            }
        );
        // Without `count` a limit keeps the law's way of counting (working days here).
        assert_eq!(
            rules.denunciation_acceptance,
            Limit {
                days: 10,
                count: DayCount::Working
            }
        );
        assert_eq!(rules.complaint_acceptance, Rules::default().complaint_acceptance);
    }

    #[test]
    fn a_minimal_config_has_the_defaults() {
        let (parsed, diags) = parse(COMMITTEE, config);
        assert!(diags.is_empty());
        let c = parsed.unwrap();
        assert!(c.units.is_empty() && c.orgs.is_empty() && c.calendar.holidays.is_empty());
        assert!(c.committee.lang.is_none() && c.committee.utc_offset.is_none());
        assert_eq!(c.rules.0, Rules::default());
    }

    #[test]
    fn a_config_without_committee_is_refused() {
        let (parsed, diags) = parse("[[org]]\nid = \"a\"\nname = \"A\"\n", config);
        assert!(parsed.is_none());
        assert_eq!(codes(&diags), [(Code::MissingField, "")]);
        let (parsed, diags) = parse("committee = \"Huyện ủy\"\n", config);
        assert!(parsed.is_none());
        assert_eq!(codes(&diags), [(Code::WrongType, "\"Huyện ủy\"")]);
        let (parsed, diags) = parse("[committee]\nname = \"x\"\n", config);
        assert!(parsed.is_none());
        assert_eq!(codes(&diags), [(Code::MissingField, ""); 4]);
    }

    #[test]
    fn utc_offsets() {
        for (text, minutes) in [
            ("+07:00", Some(420)),
            ("-03:30", Some(-210)),
            ("+00:00", Some(0)),
            ("+14:00", Some(840)),
        ] {
            assert_eq!(UtcOffset::parse(text).map(|o| o.0), minutes, "{text}");
        }
        for bad in ["+7", "07:00", "UTC+7", "+15:00", "+07:60", "+7:00", "", "+07:00:00"] {
            let text = format!("{COMMITTEE}utc_offset = \"{bad}\"\n");
            let (parsed, diags) = parse(&text, config);
            assert!(parsed.unwrap().committee.utc_offset.is_none(), "{bad}");
            assert_eq!(codes(&diags), [(Code::BadFormat, &*format!("\"{bad}\""))], "{bad}");
        }
    }

    #[test]
    fn config_mistakes_are_each_reported() {
        let text = format!(
            "{COMMITTEE}lang = \"fr\"\n[[unit]]\nid = \"a\"\n[[unit]]\nid = \"b\"\nname = \"B\"\nuntil = \"2025-06-30\"\n\
             [[org]]\nname = \"O\"\n[calendar]\nholidays = [\"2022-01-01\"]\nweekends = []\n\
             [document]\nmargins_mm = {{ top = 200, inner = 1 }}\n\
             [rules]\ncomplaint_acceptence = {{ days = 5 }}\ncomplaint_resolution = {{ count = \"working\" }}\n\
             denunciation_resolution = {{ days = 9999, count = \"business\" }}\ndenunciation_max_extensions = 11\n\
             [extra]\n"
        );
        let (parsed, diags) = parse(&text, config);
        let c = parsed.expect("only optional parts are wrong");
        assert_eq!(c.units.len(), 1);
        assert!(c.units[0].until.is_none());
        assert!(c.orgs.is_empty() && c.calendar.holidays.is_empty());
        assert_eq!(c.rules.0, Rules::default());
        assert_eq!(
            codes(&diags),
            [
                (Code::UnknownKey, "extra"),
                (Code::BadEnum, "\"fr\""),
                (Code::MissingField, ""),
                (Code::QuotedDate, "\"2025-06-30\""),
                (Code::MissingField, ""),
                (Code::UnknownKey, "weekends"),
                (Code::QuotedDate, "\"2022-01-01\""),
                (Code::UnknownKey, "inner"),
                (Code::BadFormat, "200"),
                (Code::UnknownKey, "complaint_acceptence"),
                (Code::BadFormat, "11"),
                (Code::MissingField, ""),
                (Code::BadFormat, "9999"),
                (Code::BadEnum, "\"business\""),
            ]
        );
    }
}
