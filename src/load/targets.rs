//! `targets.toml`: the targets and how each is measured.

use super::records::TableSource;
use super::table::{Ctx, Table};
use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::i18n::tr;
use crate::model::MeasureShapes;
use crate::model::filter::{KeyDomain, key_domain, keys_for, parse_kind};
use crate::model::*;
use toml::de::DeValue;

pub fn targets(cx: &mut Ctx<'_>, t: &Table<'_, '_>, file: FileId) -> Vec<Target> {
    t.finish(cx, &["target"]);
    t.tables(cx, "target")
        .iter()
        .filter_map(|x| target(cx, x, file))
        .collect()
}

/// One `[[target]]`, read as its type says, and the rules within it.
fn target(cx: &mut Ctx<'_>, t: &Table<'_, '_>, file: FileId) -> Option<Target> {
    let mut target = Target::read(&mut TableSource { cx, t, lenient: false })?;
    target.file = file;
    target.span = cx.span(t.span());
    target.observations.sort_by_key(|o| o.date);
    if !matches!(target.measure, Measure::Manual)
        && let Some((_, span)) = t.keys().find(|(k, _)| *k == "observation")
    {
        cx.report(
            Code::ObservationsUnused,
            span,
            tr!(
                "chỉ tiêu `{}` không đo thủ công: các quan sát không được dùng",
                "target `{}` is not measured by hand: its observations are not used",
                target.id
            ),
            Some(tr!(
                "xóa các [[target.observation]], hoặc đổi thành measure = \"manual\"",
                "remove the [[target.observation]] entries, or make it measure = \"manual\""
            )),
        );
    }
    if matches!(target.measure, Measure::Manual) && target.observations.is_empty() && !t.has("observation") {
        cx.report(
            Code::ManualNoData,
            t.span(),
            tr!(
                "chỉ tiêu `{}` đo thủ công nhưng không có quan sát nào",
                "manual target `{}` has no observations",
                target.id
            ),
            Some("[[target.observation]]\ndate = 2024-12-31\nvalue = 70".into()),
        );
    }
    if let Some(b) = &target.baseline
        && target.deadline.value < b.date
    {
        cx.diags.push(
            Diagnostic::new(
                Code::TargetDates,
                tr!(
                    "hạn của chỉ tiêu `{}` ({}) trước ngày gốc ({})",
                    "target `{}` has its deadline ({}) before its baseline date ({})",
                    target.id,
                    target.deadline.value,
                    b.date
                ),
            )
            .in_file(cx.path)
            .at(target.deadline.span.range()),
        );
    }
    Some(target)
}

/// A target's `measure`: a table of one of the shapes of
/// `model::target::MeasureShapes`, or `"manual"`.
pub(super) fn measure_field(cx: &mut Ctx<'_>, t: &Table<'_, '_>, key: &str) -> Option<Measure> {
    let example = "measure = { count = \"models\", where = { status = \"active\" } }";
    match t.get(key) {
        None => {
            t.missing(cx, key, Some(example.into()));
            None
        }
        Some(v) => match v.get_ref() {
            DeValue::String(s) if s.as_ref() == "manual" => Some(Measure::Manual),
            DeValue::Table(_) => t.table(cx, key).and_then(|m| measure(cx, &m)),
            _ => {
                cx.report(
                    Code::Measure,
                    v.span(),
                    tr!(
                        "`measure` phải là một bảng hoặc \"manual\"",
                        "`measure` must be a table or \"manual\""
                    ),
                    Some(example.into()),
                );
                None
            }
        },
    }
}

/// Reports every key of a measure that its shape does not have.
fn finish_shape(cx: &mut Ctx<'_>, m: &Table<'_, '_>, name: &str) {
    let keys = MeasureShapes::keys(name);
    let known: Vec<&str> = keys.iter().map(String::as_str).collect();
    m.finish(cx, &known);
}

const MEASURES: &[&str] = &["count", "share", "coverage", "every", "sum", "manual"];

fn measure(cx: &mut Ctx<'_>, m: &Table<'_, '_>) -> Option<Measure> {
    let mut named: Vec<&str> = MEASURES.iter().copied().filter(|k| m.has(k)).collect();
    // `every = "month"` names its records with `count = KIND`.
    if named.contains(&"every") {
        named.retain(|k| *k != "count");
    }
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
        finish_shape(cx, m, "manual");
        return Some(Measure::Manual);
    }
    if which == "every" {
        return every(cx, m);
    }
    finish_shape(cx, m, which);
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
        unknown_kind(cx, &target);
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

/// `{ every = "month", count = KIND, where, min, from }`: the share of
/// months (or quarters) holding at least `min` matching records.
fn every(cx: &mut Ctx<'_>, m: &Table<'_, '_>) -> Option<Measure> {
    finish_shape(cx, m, "every");
    let example = "measure = { every = \"month\", count = \"meetings\", where = { type = \"reception\" }, min = 1 }";
    let every = m.keyword::<Granularity>(cx, "every");
    let every = match every {
        Some(e) if matches!(e.value, Granularity::Month | Granularity::Quarter) => Some(e.value),
        Some(e) => {
            cx.diags.push(
                Diagnostic::new(
                    Code::BadEnum,
                    tr!(
                        "`every` là \"month\" hoặc \"quarter\", không phải \"{}\"",
                        "`every` is \"month\" or \"quarter\", not \"{}\"",
                        e.value
                    ),
                )
                .in_file(cx.path)
                .at(e.span.range())
                .with_help(tr!(
                    "một năm, nửa năm: dùng count với within, hoặc coverage",
                    "for a year or a half, use count with within, or coverage"
                )),
            );
            None
        }
        None => None,
    };
    let Some(target) = m.string(cx, "count") else {
        if !m.has("count") {
            m.missing(cx, "count", Some(example.into()));
        }
        return None;
    };
    let Some(kind) = parse_kind(&target.value) else {
        unknown_kind(cx, &target);
        return None;
    };
    let filter = filter(cx, m, "where", kind);
    let min = m.int(cx, "min", 1, 10_000).map_or(1, |n| n.value as u32);
    let from = m.date(cx, "from").map(|d| d.value);
    Some(Measure::Every {
        kind,
        filter,
        min,
        every: every?,
        from,
    })
}

/// E040 at a kind of record that is none of models, meetings, petitions, conclusions.
fn unknown_kind(cx: &mut Ctx<'_>, at: &Sp<String>) {
    report_at(
        cx,
        Code::Measure,
        at,
        tr!("loại hồ sơ không rõ: \"{}\"", "unknown kind of record \"{}\"", at.value),
        tr!("một trong: {}", "one of: {}", Kind::choices()),
    );
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
            let names: Vec<&str> = keys_for(kind).into_iter().map(|(k, _)| k).collect();
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
        let (mut values, mut spans) = (Vec::new(), Vec::new());
        for item in items {
            let span = item.span();
            let value = match (item.get_ref(), domain) {
                (DeValue::String(s), KeyDomain::Words(_) | KeyDomain::Unit | KeyDomain::Org | KeyDomain::Text) => {
                    Some(FilterValue::Text(crate::text::nfc(s)))
                }
                (DeValue::Boolean(b), KeyDomain::Bool) => Some(FilterValue::Bool(*b)),
                (DeValue::Integer(i), KeyDomain::Int(_)) => {
                    i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                        .ok()
                        .map(FilterValue::Int)
                }
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
            // Whether a record can ever hold it is checked across the
            // workspace (check::targets), with the units and organisations.
            values.push(value);
            spans.push(cx.span(span));
        }
        clauses.push(Clause {
            key: name.to_owned(),
            values,
            spans,
            span: cx.span(v.span()),
        });
    }
    Filter { clauses }
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

    fn targets_of(text: &str) -> (Vec<Target>, Vec<(Code, String)>) {
        parse(text, |cx, t| targets(cx, t, FileId(1)))
    }

    const HEAD: &str = "[[target]]\nid = \"t\"\ntitle = \"T\"\ndeadline = 2025-12-31\ngoal = 10\n";

    fn one_target(rest: &str) -> (Option<Target>, Vec<(Code, String)>) {
        let (mut targets, diags) = targets_of(&format!("{HEAD}{rest}"));
        assert!(targets.len() <= 1);
        (targets.pop(), diags)
    }

    #[test]
    fn every_kind_of_measure() {
        let (t, diags) = one_target(
            "direction = \"at-most\"\nbaseline = { value = 3, date = 2020-12-31 }\nunit = \"%\"\nsource = \"NQ 01\"\nnote = \"n\"\n\
             measure = { count = \"petitions\", where = { state = [\"overdue\", \"acceptance-overdue\"], round = 2, complex = true }, within = \"month\" }\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let t = t.unwrap();
        assert_eq!(
            (t.id.as_str(), t.title.as_str(), t.goal, t.file),
            ("t", "T", 10.0, FileId(1))
        );
        assert_eq!(t.deadline.value, date("2025-12-31"));
        assert_eq!(t.direction, Direction::AtMost);
        assert_eq!(
            t.baseline.as_ref().map(|b| (b.value, b.date)),
            Some((3.0, date("2020-12-31")))
        );
        assert_eq!(
            (t.unit.as_deref(), t.source.as_deref(), t.note.as_deref()),
            (Some("%"), Some("NQ 01"), Some("n"))
        );
        let Measure::Count { kind, filter, within } = &t.measure else {
            panic!("{:?}", t.measure)
        };
        assert_eq!((*kind, *within), (Kind::Petition, Some(Granularity::Month)));
        // The clauses in the order they are written: a filter is said back
        // to its user as they wrote it (`show`, `progress`).
        let clauses: Vec<(&str, &[FilterValue])> =
            filter.clauses.iter().map(|c| (c.key.as_str(), &c.values[..])).collect();
        assert_eq!(
            clauses,
            [
                (
                    "state",
                    &[
                        FilterValue::Text("overdue".into()),
                        FilterValue::Text("acceptance-overdue".into())
                    ][..]
                ),
                ("round", &[FilterValue::Int(2)][..]),
                ("complex", &[FilterValue::Bool(true)][..]),
            ]
        );

        let (t, diags) = one_target(
            "measure = { share = \"petitions\", where = { type = \"complaint\" }, success = { state = \"resolved-on-time\" } }\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let t = t.unwrap();
        assert_eq!(t.direction, Direction::AtLeast);
        assert!(
            matches!(&t.measure, Measure::Share { kind: Kind::Petition, filter, success }
            if filter.clauses.len() == 1 && success.clauses[0].key == "state")
        );

        let (t, diags) = one_target(
            "measure = { coverage = \"meetings\", where = { type = \"dialogue\" }, min = 2, within = \"year\" }\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert!(matches!(
            t.unwrap().measure,
            Measure::Coverage {
                kind: Kind::Meeting,
                min: 2,
                within: Some(Granularity::Year),
                ..
            }
        ));

        let (t, diags) = one_target("measure = { coverage = \"conclusions\" }\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert!(matches!(
            t.unwrap().measure,
            Measure::Coverage {
                kind: Kind::Conclusion,
                min: 1,
                within: None,
                ..
            }
        ));

        let (t, diags) =
            one_target("measure = { sum = \"models.indicators.households\", where = { status = \"active\" } }\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert!(
            matches!(&t.unwrap().measure, Measure::Sum { kind: Kind::Model, indicator, .. } if indicator == "households")
        );

        let (t, diags) = one_target(
            "measure = { every = \"month\", count = \"meetings\", where = { type = \"reception\" }, min = 2, from = 2021-01-01 }\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let Measure::Every {
            kind,
            filter,
            min,
            every,
            from,
        } = t.unwrap().measure
        else {
            panic!()
        };
        assert_eq!(
            (kind, min, every, from),
            (Kind::Meeting, 2, Granularity::Month, Some(date("2021-01-01")))
        );
        assert_eq!(filter.clauses[0].key, "type");
        let (t, diags) = one_target("measure = { every = \"quarter\", count = \"meetings\" }\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert!(matches!(
            t.unwrap().measure,
            Measure::Every {
                min: 1,
                every: Granularity::Quarter,
                from: None,
                ..
            }
        ));

        // Kinds as users write them, in Vietnamese too.
        let (t, diags) = one_target("measure = { count = \"mô hình\" }\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(t.unwrap().measure.kind(), Some(Kind::Model));

        for manual in ["measure = \"manual\"\n", "measure = { manual = true }\n"] {
            let (t, diags) = one_target(&format!(
                "{manual}[[target.observation]]\ndate = 2024-12-31\nvalue = 70\n[[target.observation]]\ndate = 2023-12-31\nvalue = 60\nnote = \"x\"\n"
            ));
            assert!(diags.is_empty(), "{diags:?}");
            let t = t.unwrap();
            assert!(matches!(t.measure, Measure::Manual));
            let dates: Vec<NaiveDate> = t.observations.iter().map(|o| o.date).collect();
            assert_eq!(
                dates,
                [date("2023-12-31"), date("2024-12-31")],
                "observations are sorted by date"
            );
        }
    }

    #[test]
    fn malformed_measures() {
        for (measure, code, at) in [
            ("measure = { cuont = \"models\" }", Code::Measure, "cuont"),
            ("measure = {}", Code::Measure, "{}"),
            (
                "measure = { count = \"models\", sum = \"models.indicators.x\" }",
                Code::Measure,
                "{ count = \"models\", sum = \"models.indicators.x\" }",
            ),
            ("measure = \"count\"", Code::Measure, "\"count\""),
            ("measure = 3", Code::Measure, "3"),
            ("measure = { count = \"people\" }", Code::Measure, "\"people\""),
            ("measure = { count = 1 }", Code::WrongType, "1"),
            (
                "measure = { sum = \"models.households\" }",
                Code::Measure,
                "\"models.households\"",
            ),
            (
                "measure = { sum = \"models.indicators.\" }",
                Code::Measure,
                "\"models.indicators.\"",
            ),
            (
                "measure = { sum = \"petitions.indicators.x\" }",
                Code::Measure,
                "\"petitions.indicators.x\"",
            ),
            (
                "measure = { count = \"models\", success = { status = \"active\" } }",
                Code::UnknownKey,
                "success",
            ),
            ("measure = { share = \"models\" }", Code::MissingField, ""),
            (
                "measure = { count = \"models\", within = \"week\" }",
                Code::BadEnum,
                "\"week\"",
            ),
            ("measure = { coverage = \"models\", min = 0 }", Code::BadFormat, "0"),
            (
                "measure = { count = \"models\", where = \"active\" }",
                Code::WrongType,
                "\"active\"",
            ),
            (
                "measure = { manual = true, where = { status = \"active\" } }",
                Code::UnknownKey,
                "where",
            ),
            ("measure = { every = \"month\" }", Code::MissingField, ""),
            (
                "measure = { every = \"year\", count = \"meetings\" }",
                Code::BadEnum,
                "\"year\"",
            ),
            (
                "measure = { every = \"week\", count = \"meetings\" }",
                Code::BadEnum,
                "\"week\"",
            ),
            (
                "measure = { every = \"month\", count = \"people\" }",
                Code::Measure,
                "\"people\"",
            ),
            (
                "measure = { every = \"month\", count = \"meetings\", within = \"month\" }",
                Code::UnknownKey,
                "within",
            ),
            (
                "measure = { every = \"month\", count = \"meetings\", min = 0 }",
                Code::BadFormat,
                "0",
            ),
            (
                "measure = { every = \"month\", count = \"meetings\", from = \"2021-01-01\" }",
                Code::QuotedDate,
                "\"2021-01-01\"",
            ),
        ] {
            let (_, diags) = one_target(&format!(
                "{measure}\n[[target.observation]]\ndate = 2024-12-31\nvalue = 1\n"
            ));
            // The observation is there for the manual ones; on a measure
            // that reads as another, it is W008, besides the point here.
            let diags: Vec<_> = diags
                .into_iter()
                .filter(|(c, _)| *c != Code::ObservationsUnused)
                .collect();
            assert_eq!(codes(&diags), [(code, at)], "{measure}");
        }
        let (t, diags) = one_target("");
        assert!(t.is_none());
        assert_eq!(codes(&diags), [(Code::MissingField, "")]);
    }

    #[test]
    fn filters_are_checked_against_the_kind() {
        for (filter, code, at) in [
            (
                "count = \"models\", where = { handler = \"ubnd\" }",
                Code::FilterKey,
                "handler",
            ),
            (
                "count = \"petitions\", where = { complex = \"yes\" }",
                Code::WrongType,
                "\"yes\"",
            ),
            ("count = \"petitions\", where = { type = 1 }", Code::WrongType, "1"),
            (
                "share = \"petitions\", success = { status = \"done\" }",
                Code::FilterKey,
                "status",
            ),
        ] {
            let (t, diags) = one_target(&format!("measure = {{ {filter} }}\n"));
            assert!(t.is_some(), "a bad filter keeps the target: {filter}");
            assert_eq!(codes(&diags), [(code, at)], "{filter}");
        }
        // Words, numbers, unit and organisation ids are checked later, against
        // the workspace (check::targets).
        let (t, diags) =
            one_target("measure = { count = \"models\", where = { lead = \"nobody\", units = [\"nowhere\"] } }\n");
        assert!(diags.is_empty());
        let t = t.unwrap();
        let Measure::Count { filter, .. } = &t.measure else {
            panic!()
        };
        assert_eq!(filter.clauses.len(), 2);
    }

    #[test]
    fn integer_filter_values_in_every_toml_spelling() {
        for value in ["2", "0x2", "0b10", "+2"] {
            let (t, diags) = one_target(&format!(
                "measure = {{ count = \"petitions\", where = {{ round = {value} }} }}\n"
            ));
            assert!(diags.is_empty(), "{value}: {diags:?}");
            let Measure::Count { filter, .. } = t.unwrap().measure else {
                panic!()
            };
            assert_eq!(filter.clauses[0].values, [FilterValue::Int(2)], "{value}");
        }
    }

    #[test]
    fn a_manual_target_needs_observations() {
        let (t, diags) = one_target("measure = \"manual\"\n");
        assert!(t.is_some());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].0, Code::ManualNoData);
        assert!(diags[0].1.starts_with("[[target]]"), "{:?}", diags[0].1);
        // An observation that is itself wrong is reported as such, not as "no observations".
        let (_, diags) =
            one_target("measure = \"manual\"\n[[target.observation]]\ndate = 2024-12-31\nvalue = \"70%\"\n");
        assert_eq!(codes(&diags), [(Code::WrongType, "\"70%\"")]);
    }

    #[test]
    fn a_deadline_before_the_baseline() {
        let text = "[[target]]\nid = \"t\"\ntitle = \"T\"\ndeadline = 2020-12-31\ngoal = 10\n\
                    baseline = { value = 0, date = 2021-12-31 }\nmeasure = { count = \"models\" }\n";
        let (targets, diags) = targets_of(text);
        assert_eq!(targets.len(), 1, "the target is kept");
        assert_eq!(codes(&diags), [(Code::TargetDates, "2020-12-31")]);
        // The same day is fine.
        let (_, diags) = targets_of(&text.replace("2021-12-31", "2020-12-31"));
        assert!(diags.is_empty());
    }

    #[test]
    fn targets_toml_holds_targets_only() {
        let (targets, diags) = targets_of("[[targets]]\nid = \"t\"\n");
        assert!(targets.is_empty());
        assert_eq!(codes(&diags), [(Code::UnknownKey, "targets")]);
        let (targets, diags) = targets_of(&format!("{HEAD}measure = {{ count = \"models\" }}\n{HEAD}"));
        assert_eq!(targets.len(), 1, "the complete target is kept");
        assert_eq!(codes(&diags), [(Code::MissingField, "")]);
    }
}
