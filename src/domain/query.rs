//! The filters users type (`--unit "tan my" --period 2023-H1 --status open`),
//! resolved against the workspace and matched against records.

use super::snapshot::Item;
use crate::i18n::tr;
use crate::model::Period;
use crate::model::*;
use crate::text::fold;
use chrono::NaiveDate;
use std::collections::HashSet;

/// A resolved filter: ids, not names.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub units: Option<HashSet<String>>,
    pub orgs: Option<HashSet<String>>,
    pub types: Vec<String>,
    pub statuses: Vec<String>,
    pub tags: Vec<String>,
    pub fields: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Query {
    /// Narrows the date range to a period.
    pub fn within(mut self, period: Period) -> Query {
        self.from = Some(self.from.map_or(period.start(), |f| f.max(period.start())));
        self.to = Some(self.to.map_or(period.end(), |t| t.min(period.end())));
        self
    }

    pub fn matches(&self, item: &Item<'_>) -> bool {
        let date = item.date();
        if self.from.is_some_and(|f| date < f) || self.to.is_some_and(|t| date > t) {
            return false;
        }
        if let Some(units) = &self.units
            && !item.units().iter().any(|u| units.contains(&u.value))
        {
            return false;
        }
        if let Some(orgs) = &self.orgs
            && !item.orgs().iter().any(|o| orgs.contains(*o))
        {
            return false;
        }
        let listed = |wanted: &[String], have: Option<&str>| {
            wanted.is_empty() || have.is_some_and(|h| wanted.iter().any(|w| fold(w) == fold(h)))
        };
        listed(&self.types, item.type_str())
            && listed(&self.statuses, item.status_str())
            && listed(&self.fields, item.field())
            && (self.tags.is_empty() || item.tags().iter().any(|t| self.tags.iter().any(|w| fold(w) == fold(t))))
    }
}

/// Finds the ids a typed name stands for: an exact id, else every name or
/// id that contains the folded text ("tan my" → tan-my; "long hung" → both
/// Long Hưng A and B). No match is an error listing the closest.
pub fn resolve<'a>(
    typed: &str,
    entries: impl Iterator<Item = (&'a str, &'a str)> + Clone,
    what: &str,
) -> Result<Vec<String>, String> {
    if let Some((id, _)) = entries.clone().find(|(id, _)| *id == typed) {
        return Ok(vec![id.to_owned()]);
    }
    let q = fold(typed);
    let q_dashed = q.replace(' ', "-");
    let exact: Vec<String> = entries
        .clone()
        .filter(|(id, name)| fold(name) == q || strip_prefix(&fold(name)) == q || *id == q_dashed)
        .map(|(id, _)| id.to_owned())
        .collect();
    if !exact.is_empty() {
        return Ok(exact);
    }
    let found: Vec<String> = entries
        .clone()
        .filter(|(id, name)| !q.is_empty() && (fold(name).contains(&q) || id.contains(&q_dashed)))
        .map(|(id, _)| id.to_owned())
        .collect();
    if !found.is_empty() {
        return Ok(found);
    }
    let mut scored: Vec<(f64, &str, &str)> = entries
        .map(|(id, name)| {
            (
                strsim::jaro_winkler(&q, strip_prefix(&fold(name))).max(strsim::jaro_winkler(&q_dashed, id)),
                id,
                name,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let close: Vec<String> = scored
        .iter()
        .take(3)
        .map(|(_, id, name)| format!("{id} ({name})"))
        .collect();
    Err(tr!(
        "không có {} nào khớp với \"{}\"; gần nhất: {}",
        "no {} matches \"{}\"; the closest: {}",
        what,
        typed,
        close.join(", ")
    ))
}

/// "xa tan my" → "tan my": users often leave out the kind of unit.
fn strip_prefix(folded: &str) -> &str {
    for p in ["xa ", "thi tran ", "phuong ", "huyen "] {
        if let Some(rest) = folded.strip_prefix(p) {
            return rest;
        }
    }
    folded
}

/// The units typed names stand for, with every unit merged into one of
/// them (`merged_into`): a filter on a new commune includes the records of
/// the communes it was formed from (Nghị quyết 202/2025/QH15, 1/7/2025).
pub fn resolve_units(config: &Config, typed: &[String]) -> Result<Option<HashSet<String>>, String> {
    let ids = resolve_all(
        typed,
        || config.units.iter().map(|u| (u.id.value.as_str(), u.name.as_str())),
        &tr!("đơn vị", "unit"),
    )?;
    Ok(ids.map(|ids| config.with_merged(&ids)))
}

pub fn resolve_orgs(config: &Config, typed: &[String]) -> Result<Option<HashSet<String>>, String> {
    resolve_all(
        typed,
        || config.orgs.iter().map(|o| (o.id.value.as_str(), o.name.as_str())),
        &tr!("tổ chức", "organisation"),
    )
}

fn resolve_all<'a, I>(typed: &[String], entries: impl Fn() -> I, what: &str) -> Result<Option<HashSet<String>>, String>
where
    I: Iterator<Item = (&'a str, &'a str)> + Clone,
{
    if typed.is_empty() {
        return Ok(None);
    }
    let mut ids = HashSet::new();
    for t in typed {
        ids.extend(resolve(t, entries(), what)?);
    }
    Ok(Some(ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNITS: &[(&str, &str)] = &[
        ("tan-my", "xã Tân Mỹ"),
        ("tan-khanh-trung", "xã Tân Khánh Trung"),
        ("long-hung-a", "xã Long Hưng A"),
        ("long-hung-b", "xã Long Hưng B"),
        ("lap-vo", "thị trấn Lấp Vò"),
    ];

    fn find(typed: &str) -> Result<Vec<String>, String> {
        resolve(typed, UNITS.iter().copied(), "unit")
    }

    #[test]
    fn by_id_name_and_folded_name() {
        assert_eq!(find("tan-my").unwrap(), ["tan-my"]);
        assert_eq!(find("tan my").unwrap(), ["tan-my"]);
        assert_eq!(find("Tân Mỹ").unwrap(), ["tan-my"]);
        assert_eq!(find("xã tân mỹ").unwrap(), ["tan-my"]);
        assert_eq!(find("lấp vò").unwrap(), ["lap-vo"]);
    }

    #[test]
    fn partial_names_match_every_unit_they_fit() {
        assert_eq!(find("long hung").unwrap(), ["long-hung-a", "long-hung-b"]);
    }

    #[test]
    fn no_match_lists_the_closest() {
        let err = find("tan mi").unwrap_err();
        assert!(err.contains("tan-my (xã Tân Mỹ)"), "{err}");
    }
}
