//! `danvan.toml` and `targets.toml`.

use super::reader::{Ctx, Table};
use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::domain::deadlines::{Limit, Rules};
use crate::domain::filter::{KeyDomain, key_domain, keys_for, parse_kind};
use crate::i18n::tr;
use crate::model::*;
use toml::de::DeValue;

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
            workdays: c.date_list(cx, "workdays").into_iter().map(|d| d.value).collect(),
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

pub fn targets(cx: &mut Ctx<'_>, t: &Table<'_, '_>, file: FileId) -> Vec<Target> {
    t.finish(cx, &["target"]);
    t.tables(cx, "target")
        .iter()
        .filter_map(|x| target(cx, x, file))
        .collect()
}

fn target(cx: &mut Ctx<'_>, t: &Table<'_, '_>, file: FileId) -> Option<Target> {
    t.finish(
        cx,
        &[
            "id",
            "title",
            "deadline",
            "goal",
            "direction",
            "baseline",
            "measure",
            "observation",
            "unit",
            "source",
            "note",
        ],
    );
    let id = t.req_string(cx, "id");
    let title = t.req_string(cx, "title");
    let deadline = t.req_date(cx, "deadline");
    let goal = t.req_number(cx, "goal");
    let direction = t
        .keyword::<Direction>(cx, "direction")
        .map_or(Direction::AtLeast, |d| d.value);
    let baseline = t.table(cx, "baseline").and_then(|b| {
        b.finish(cx, &["value", "date"]);
        let value = b.req_number(cx, "value");
        let date = b.req_date(cx, "date");
        Some(Baseline {
            value: value?,
            date: date?.value,
        })
    });
    let measure = match t.get("measure") {
        None => {
            t.missing(
                cx,
                "measure",
                Some("measure = { count = \"models\", where = { status = \"active\" } }".into()),
            );
            None
        }
        Some(v) => match v.get_ref() {
            DeValue::String(s) if s.as_ref() == "manual" => Some(Measure::Manual),
            DeValue::Table(_) => t.table(cx, "measure").and_then(|m| measure(cx, &m)),
            _ => {
                cx.report(
                    Code::Measure,
                    v.span(),
                    tr!(
                        "`measure` phải là một bảng hoặc \"manual\"",
                        "`measure` must be a table or \"manual\""
                    ),
                    Some("measure = { count = \"models\", where = { status = \"active\" } }".into()),
                );
                None
            }
        },
    };
    let mut observations = Vec::new();
    for o in t.tables(cx, "observation") {
        o.finish(cx, &["date", "value", "note"]);
        let date = o.req_date(cx, "date");
        let value = o.req_number(cx, "value");
        let note = o.string(cx, "note").map(|s| s.value);
        if let (Some(date), Some(value)) = (date, value) {
            observations.push(Observation {
                date: date.value,
                value,
                note,
            });
        }
    }
    observations.sort_by_key(|o| o.date);
    let id = id?;
    let deadline = deadline?;
    let measure = measure?;
    if matches!(measure, Measure::Manual) && observations.is_empty() && !t.has("observation") {
        cx.report(
            Code::ManualNoData,
            t.span(),
            tr!(
                "chỉ tiêu `{}` đo thủ công nhưng không có quan sát nào",
                "manual target `{}` has no observations",
                id.value
            ),
            Some("[[target.observation]]\ndate = 2024-12-31\nvalue = 70".into()),
        );
    }
    if let Some(b) = &baseline
        && deadline.value < b.date
    {
        cx.diags.push(
            Diagnostic::new(
                Code::TargetDates,
                tr!(
                    "hạn của chỉ tiêu `{}` ({}) trước ngày gốc ({})",
                    "target `{}` has its deadline ({}) before its baseline date ({})",
                    id.value,
                    deadline.value,
                    b.date
                ),
            )
            .in_file(cx.path)
            .at(deadline.span.range()),
        );
    }
    Some(Target {
        id: id.value,
        file,
        span: cx.span(t.span()),
        title: title?.value,
        deadline: deadline.value,
        deadline_span: deadline.span,
        goal: goal?,
        direction,
        baseline,
        measure,
        observations,
        unit: t.string(cx, "unit").map(|s| s.value),
        source: t.string(cx, "source").map(|s| s.value),
        note: t.string(cx, "note").map(|s| s.value),
    })
}

const MEASURES: &[&str] = &["count", "share", "coverage", "sum", "manual"];

fn measure(cx: &mut Ctx<'_>, m: &Table<'_, '_>) -> Option<Measure> {
    let named: Vec<&str> = MEASURES.iter().copied().filter(|k| m.has(k)).collect();
    let which = match named.as_slice() {
        [one] => *one,
        [] => {
            let first = m.keys().next();
            let help = first
                .clone()
                .and_then(|(k, _)| did_you_mean(k, MEASURES.iter().copied()))
                .map(|s| tr!("có phải ý bạn là `{}`?", "did you mean `{}`?", s))
                .unwrap_or_else(|| tr!("một trong: {}", "one of: {}", MEASURES.join(", ")));
            let span = first.map_or(m.span(), |(_, s)| s);
            cx.report(
                Code::Measure,
                span,
                tr!(
                    "không rõ cách đo của chỉ tiêu",
                    "the measure names no known kind of measure"
                ),
                Some(help),
            );
            return None;
        }
        _ => {
            cx.report(
                Code::Measure,
                m.span(),
                tr!(
                    "chỉ tiêu chỉ có một cách đo, đang có: {}",
                    "a measure is one kind only, found: {}",
                    named.join(", ")
                ),
                None,
            );
            return None;
        }
    };
    if which == "manual" {
        m.finish(cx, &["manual"]);
        return Some(Measure::Manual);
    }
    let known: &[&str] = match which {
        "count" => &["count", "where", "within"],
        "share" => &["share", "where", "success"],
        "coverage" => &["coverage", "where", "min", "within"],
        _ => &["sum", "where"],
    };
    m.finish(cx, known);
    let target = m.string(cx, which)?;
    let (kind, indicator) = if which == "sum" {
        let parts: Vec<&str> = target.value.splitn(3, '.').collect();
        match parts.as_slice() {
            [k, "indicators", name] if !name.is_empty() => (parse_kind(k), Some((*name).to_owned())),
            _ => {
                report_at(
                    cx,
                    Code::Measure,
                    &target,
                    tr!(
                        "`sum` cần dạng \"LOẠI.indicators.TÊN\"",
                        "`sum` takes \"KIND.indicators.NAME\""
                    ),
                    "sum = \"models.indicators.households\"".into(),
                );
                return None;
            }
        }
    } else {
        (parse_kind(&target.value), None)
    };
    let Some(kind) = kind else {
        report_at(
            cx,
            Code::Measure,
            &target,
            tr!(
                "loại hồ sơ không rõ: \"{}\"",
                "unknown kind of record \"{}\"",
                target.value
            ),
            tr!("một trong: {}", "one of: {}", Kind::choices()),
        );
        return None;
    };
    if kind != Kind::Model && indicator.is_some() {
        report_at(
            cx,
            Code::Measure,
            &target,
            tr!("chỉ mô hình mới có `indicators`", "only models have `indicators`"),
            "sum = \"models.indicators.households\"".into(),
        );
        return None;
    }
    let filter = filter(cx, m, "where", kind);
    let within = m.keyword::<Granularity>(cx, "within").map(|w| w.value);
    Some(match which {
        "count" => Measure::Count { kind, filter, within },
        "share" => {
            if !m.has("success") {
                m.missing(cx, "success", Some("success = { state = \"resolved-on-time\" }".into()));
            }
            Measure::Share {
                kind,
                filter,
                success: self::filter(cx, m, "success", kind),
            }
        }
        "coverage" => {
            let min = m.int(cx, "min", 1, 10_000).map_or(1, |n| n.value as u32);
            Measure::Coverage {
                kind,
                filter,
                min,
                within,
            }
        }
        _ => Measure::Sum {
            kind,
            indicator: indicator.unwrap_or_default(),
            filter,
        },
    })
}

fn report_at(cx: &mut Ctx<'_>, code: Code, at: &Sp<String>, message: String, help: String) {
    cx.diags.push(
        Diagnostic::new(code, message)
            .in_file(cx.path)
            .at(at.span.range())
            .with_help(help),
    );
}

/// Reads a `where`/`success` table, checking keys against the kind and
/// closed-set values against their words. Unit and org ids are checked
/// later, against the workspace.
fn filter(cx: &mut Ctx<'_>, m: &Table<'_, '_>, key: &str, kind: Kind) -> Filter {
    let mut clauses = Vec::new();
    let Some(w) = m.table(cx, key) else {
        return Filter::default();
    };
    for (name, name_span) in w.keys() {
        let Some(domain) = key_domain(kind, name) else {
            let names: Vec<&str> = keys_for(kind).iter().map(|(k, _)| *k).collect();
            let help = match did_you_mean(name, names.iter().copied()) {
                Some(s) => tr!(
                    "có phải ý bạn là `{}`? Các khóa của {}: {}",
                    "did you mean `{}`? Keys of {}: {}",
                    s,
                    kind,
                    names.join(", ")
                ),
                None => tr!("các khóa của {}: {}", "keys of {}: {}", kind, names.join(", ")),
            };
            cx.report(
                Code::FilterKey,
                name_span,
                tr!(
                    "hồ sơ loại {} không có khóa `{}` để lọc",
                    "{} have no key `{}` to filter on",
                    kind,
                    name
                ),
                Some(help),
            );
            continue;
        };
        let Some(v) = w.get(name) else { continue };
        let items: Vec<_> = match v.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            _ => vec![v],
        };
        let mut values = Vec::new();
        for item in items {
            let span = item.span();
            let value = match (item.get_ref(), domain) {
                (DeValue::String(s), KeyDomain::Words(_) | KeyDomain::Unit | KeyDomain::Org | KeyDomain::Text) => {
                    Some(FilterValue::Text(super::reader::nfc(s)))
                }
                (DeValue::Boolean(b), KeyDomain::Bool) => Some(FilterValue::Bool(*b)),
                (DeValue::Integer(i), KeyDomain::Int(_)) => i.as_str().parse().ok().map(FilterValue::Int),
                _ => None,
            };
            let Some(value) = value else {
                cx.report(
                    Code::WrongType,
                    span,
                    tr!("giá trị lọc của `{}` sai kiểu", "wrong type of value for `{}`", name),
                    None,
                );
                continue;
            };
            let allowed = match (&value, domain) {
                (FilterValue::Text(s), KeyDomain::Words(words)) => {
                    if !words.contains(&s.as_str()) {
                        let help = match did_you_mean(s, words.iter().copied()) {
                            Some(w) => tr!(
                                "có phải ý bạn là \"{}\"? Các giá trị: {}",
                                "did you mean \"{}\"? Allowed: {}",
                                w,
                                words.join(" | ")
                            ),
                            None => tr!("các giá trị: {}", "allowed: {}", words.join(" | ")),
                        };
                        cx.report(
                            Code::FilterValue,
                            span.clone(),
                            tr!("`{}` không bao giờ bằng \"{}\"", "`{}` is never \"{}\"", name, s),
                            Some(help),
                        );
                        false
                    } else {
                        true
                    }
                }
                (FilterValue::Int(n), KeyDomain::Int(ok)) if !ok.contains(n) => {
                    cx.report(
                        Code::FilterValue,
                        span.clone(),
                        tr!("`{}` không bao giờ bằng {}", "`{}` is never {}", name, n),
                        None,
                    );
                    false
                }
                _ => true,
            };
            if allowed {
                values.push(value);
            }
        }
        clauses.push(Clause {
            key: name.to_owned(),
            values,
            span: cx.span(v.span()),
        });
    }
    Filter { clauses }
}
