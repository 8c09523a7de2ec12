//! `danvan.toml` and `targets.toml`.

use super::table::{Ctx, Table};
use crate::diag::{Code, Diagnostic};

use crate::i18n::tr;
use crate::model::*;
use chrono::NaiveDate;

pub fn config(cx: &mut Ctx<'_>, t: &Table<'_, '_>) -> Option<Config> {
    t.finish(
        cx,
        &[
            "committee",
            "unit",
            "org",
            "calendar",
            "document",
            "review",
            "rules",
            "member",
        ],
    );
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
    let review = t
        .table(cx, "review")
        .map_or_else(ReviewConfig::default, |r| review(cx, &r));
    let rules = t
        .table(cx, "rules")
        .map_or_else(RuleBook::default, |r| rule_book(cx, &r));
    let mut members = Vec::new();
    for m in t.tables(cx, "member") {
        m.finish(cx, &["id", "path"]);
        let (id, path) = (m.req_string(cx, "id"), m.req_string(cx, "path"));
        // An empty path is said by the reader of required strings (E016).
        if path.as_ref().is_some_and(|p| p.trim().is_empty()) {
            continue;
        }
        // The id names the member's folder in the province's bundle.
        if let Some(bad) = id.as_ref().filter(|id| !is_folder_name(id)) {
            cx.report(
                Code::BadFormat,
                m.get("id").map_or(m.span(), |v| v.span()),
                tr!(
                    "mã [[member]] \"{}\" phải gồm chữ cái không dấu, chữ số, - hoặc _",
                    "the [[member]] id \"{}\" must be ASCII letters, digits, - or _",
                    bad.as_str()
                ),
                Some("id = \"xa-lap-vo\"".into()),
            );
            continue;
        }
        if let (Some(id), Some(path)) = (id, path) {
            members.push(Member { id, path });
        }
    }
    Some(
        Config {
            committee: committee?,
            units,
            orgs,
            calendar,
            document,
            review,
            rules: RulesConfig(rules),
            members,
            lookup: Default::default(),
        }
        .indexed(),
    )
}

/// Whether `id` can name a folder as it is: ASCII letters, digits, `-`
/// and `_`, not starting with `-`.
fn is_folder_name(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('-') && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `[review]`: who issues and signs the report to the review meeting.
fn review(cx: &mut Ctx<'_>, r: &Table<'_, '_>) -> ReviewConfig {
    r.finish(
        cx,
        &[
            "issuer",
            "number_suffix",
            "on_behalf",
            "signer_title",
            "signer",
            "recipients",
            "archive",
        ],
    );
    let mut text = |key: &str| r.string(cx, key).map(|s| s.value).filter(|s| !s.trim().is_empty());
    ReviewConfig {
        issuer: text("issuer"),
        number_suffix: text("number_suffix"),
        on_behalf: text("on_behalf"),
        signer_title: text("signer_title"),
        signer: text("signer"),
        archive: text("archive"),
        recipients: r.string_list(cx, "recipients").into_iter().map(|s| s.value).collect(),
    }
}

/// The limits one `[rules]` table or `[[rules.from]]` set names, to apply
/// over the set it starts from.
#[derive(Default)]
struct Overrides {
    max_extensions: Option<u32>,
    /// Key, days, and the way of counting when the table says it.
    limits: Vec<(&'static str, u32, Option<DayCount>)>,
}

impl Overrides {
    /// The set these overrides make from `rules`. A limit without `count`
    /// keeps the way `rules` counts it (the law's, from the start).
    fn apply(&self, mut rules: Rules) -> Rules {
        if let Some(n) = self.max_extensions {
            rules.max_extensions = n;
        }
        for &(key, days, count) in &self.limits {
            let default_count = rules.get(key).flatten().map_or(DayCount::Calendar, |l| l.count);
            rules.set(
                key,
                Limit {
                    days,
                    count: count.unwrap_or(default_count),
                },
            );
        }
        rules
    }
}

/// Reads the limit keys of a `[rules]` table or a `[[rules.from]]` set.
fn overrides(cx: &mut Ctx<'_>, r: &Table<'_, '_>, also: &[&str]) -> Overrides {
    let mut known: Vec<&str> = Rules::KEYS.to_vec();
    known.push(Rules::MAX_EXTENSIONS_KEY);
    known.extend_from_slice(also);
    r.finish(cx, &known);
    let mut out = Overrides {
        max_extensions: r.int(cx, Rules::MAX_EXTENSIONS_KEY, 0, 10).map(|n| n.value as u32),
        limits: Vec::new(),
    };
    for &key in Rules::KEYS {
        let Some(l) = r.table(cx, key) else { continue };
        l.finish(cx, &["days", "count"]);
        let days = l.int(cx, "days", 0, 3650);
        if !l.has("days") {
            l.missing(cx, "days", Some("days = 30".into()));
        }
        let count = l.keyword::<DayCount>(cx, "count").map(|c| c.value);
        if let Some(days) = days {
            out.limits.push((key, days.value as u32, count));
        }
    }
    out
}

/// `[rules]`: overrides of the law from the start, and `[[rules.from]]`
/// sets, each in force for petitions received from its `date` and starting
/// from the set in force before it (SPEC section 4).
fn rule_book(cx: &mut Ctx<'_>, r: &Table<'_, '_>) -> RuleBook {
    let base = overrides(cx, r, &["from"]).apply(Rules::default());
    let mut dated: Vec<(Sp<NaiveDate>, Overrides)> = Vec::new();
    for set in r.tables(cx, "from") {
        let changes = overrides(cx, &set, &["date"]);
        let date = set.req_date(cx, "date");
        let Some(date) = date else { continue };
        if dated.iter().any(|(d, _)| d.value == date.value) {
            cx.report(
                Code::BadFormat,
                date.span.range(),
                tr!(
                    "hai bộ [[rules.from]] cùng ngày {}",
                    "two [[rules.from]] sets have the date {}",
                    date.value
                ),
                Some(tr!(
                    "gộp các thời hạn của hai bộ vào một bộ",
                    "put the limits of both in one set"
                )),
            );
            continue;
        }
        dated.push((date, changes));
    }
    dated.sort_by_key(|(d, _)| d.value);
    let mut sets = Vec::with_capacity(dated.len());
    let mut before = base;
    for (date, changes) in dated {
        before = changes.apply(before);
        sets.push((date.value, before));
    }
    RuleBook::new(base, sets)
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
             [review]\nissuer = \"Ban Dân vận Huyện ủy\"\nnumber_suffix = \"BC/BDVHU\"\non_behalf = \"K/T TRƯỞNG BAN\"\n\
             signer_title = \"Phó Trưởng ban\"\nsigner = \"Lê Văn C\"\nrecipients = [\"Thường trực Huyện ủy (b/c)\"]\narchive = \"Lưu BDV\"\n\
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
        let r = &c.review;
        assert_eq!(r.issuer.as_deref(), Some("Ban Dân vận Huyện ủy"));
        assert_eq!(r.number_suffix.as_deref(), Some("BC/BDVHU"));
        assert_eq!(r.on_behalf.as_deref(), Some("K/T TRƯỞNG BAN"));
        assert_eq!(r.signer_title.as_deref(), Some("Phó Trưởng ban"));
        assert_eq!(r.signer.as_deref(), Some("Lê Văn C"));
        assert_eq!(r.recipients, ["Thường trực Huyện ủy (b/c)"]);
        assert_eq!(r.archive.as_deref(), Some("Lưu BDV"));
        let rules = c.rules.0.base();
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
        assert!(c.review.issuer.is_none() && c.review.recipients.is_empty());
        assert_eq!(c.rules.0, RuleBook::default());
    }

    #[test]
    fn dated_rule_sets_start_from_the_set_before_them() {
        // A workspace that expects Luật 136/2025/QH15 to count first
        // complaints in working days from 1/7/2026, and to allow one
        // extension only from 1/1/2027 (figures invented for the test).
        let text = format!(
            "{COMMITTEE}[rules]\ncomplaint_acceptance = {{ days = 12 }}\n\
             [[rules.from]]\ndate = 2027-01-01\ndenunciation_max_extensions = 1\n\
             [[rules.from]]\ndate = 2026-07-01\ncomplaint_resolution = {{ days = 20, count = \"working\" }}\n\
             complaint_acceptance = {{ days = 7 }}\n"
        );
        let (parsed, diags) = parse(&text, config);
        assert!(diags.is_empty(), "{diags:?}");
        let book = parsed.unwrap().rules.0;
        let on = |s: &str| *book.on(date(s));
        // Before 1/7/2026: the law, with acceptance overridden to 12 days
        // (still counted in calendar days, as the law counts it).
        assert_eq!(on("2026-06-30").complaint_acceptance, Limit::calendar(12));
        assert_eq!(on("2026-06-30").complaint_resolution.normal, Limit::calendar(30));
        // From 1/7/2026: 20 working days, acceptance 7 calendar days.
        assert_eq!(on("2026-07-01").complaint_resolution.normal, Limit::working(20));
        assert_eq!(on("2026-07-01").complaint_acceptance, Limit::calendar(7));
        assert_eq!(on("2026-07-01").max_extensions, 2);
        // From 1/1/2027: the 2026 set, with one extension.
        assert_eq!(on("2027-01-01").complaint_resolution.normal, Limit::working(20));
        assert_eq!(on("2027-01-01").max_extensions, 1);
    }

    #[test]
    fn a_dated_rule_set_needs_its_own_date() {
        let text = format!(
            "{COMMITTEE}[rules]\n[[rules.from]]\ndate = 2026-07-01\n[[rules.from]]\ndate = 2026-07-01\n\
             [[rules.from]]\ncomplaint_resolution = {{ days = 20 }}\n[[rules.from]]\ndate = \"2027-01-01\"\nfrom = 1\n"
        );
        let (parsed, diags) = parse(&text, config);
        assert_eq!(parsed.unwrap().rules.0.sets().len(), 2);
        assert_eq!(
            codes(&diags),
            [
                (Code::BadFormat, "2026-07-01"),
                (Code::MissingField, ""),
                (Code::UnknownKey, "from"),
                (Code::QuotedDate, "\"2027-01-01\""),
            ]
        );
    }

    #[test]
    fn two_units_of_one_name_are_told_apart_by_their_dates() {
        // The old xã Tân Khánh Trung (until 30/6/2025) was merged into the
        // new one of the same name (from 1/7/2025), with Long Hưng A.
        let text = format!(
            "{COMMITTEE}[[unit]]\nid = \"tan-khanh-trung\"\nname = \"xã Tân Khánh Trung\"\nuntil = 2025-06-30\nmerged_into = \"xa-tan-khanh-trung\"\n\
             [[unit]]\nid = \"long-hung-a\"\nname = \"xã Long Hưng A\"\nuntil = 2025-06-30\nmerged_into = \"xa-tan-khanh-trung\"\n\
             [[unit]]\nid = \"xa-tan-khanh-trung\"\nname = \"xã Tân Khánh Trung\"\nsince = 2025-07-01\n\
             [[unit]]\nid = \"tan-my\"\nname = \"xã Tân Mỹ\"\n"
        );
        let (config, diags) = parse(&text, config);
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.unwrap();
        let name = |id| crate::i18n::unit_name(&config, id).into_owned();
        assert_eq!(name("tan-khanh-trung"), "xã Tân Khánh Trung (đến 30/6/2025)");
        assert_eq!(name("xa-tan-khanh-trung"), "xã Tân Khánh Trung (từ 1/7/2025)");
        assert_eq!(name("tan-my"), "xã Tân Mỹ");
        assert_eq!(name("nowhere"), "nowhere");
        assert_eq!(config.successor("long-hung-a"), "xa-tan-khanh-trung");
        assert_eq!(config.successor("tan-my"), "tan-my");
        let new: std::collections::HashSet<String> = ["xa-tan-khanh-trung".to_owned()].into();
        let mut covered: Vec<String> = config.with_merged(&new).into_iter().collect();
        covered.sort();
        assert_eq!(covered, ["long-hung-a", "tan-khanh-trung", "xa-tan-khanh-trung"]);
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
             [review]\nsigner = 3\nsuffix = \"BC/HU\"\n\
             [rules]\ncomplaint_acceptence = {{ days = 5 }}\ncomplaint_resolution = {{ count = \"working\" }}\n\
             denunciation_resolution = {{ days = 9999, count = \"business\" }}\ndenunciation_max_extensions = 11\n\
             [extra]\n"
        );
        let (parsed, diags) = parse(&text, config);
        let c = parsed.expect("only optional parts are wrong");
        assert_eq!(c.units.len(), 1);
        assert!(c.units[0].until.is_none());
        assert!(c.orgs.is_empty() && c.calendar.holidays.is_empty());
        assert_eq!(c.rules.0, RuleBook::default());
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
                (Code::UnknownKey, "suffix"),
                (Code::WrongType, "3"),
                (Code::UnknownKey, "complaint_acceptence"),
                (Code::BadFormat, "11"),
                (Code::MissingField, ""),
                (Code::BadFormat, "9999"),
                (Code::BadEnum, "\"business\""),
            ]
        );
    }
}
