//! The filters shared by `summary`, `list`, `petitions`, `conclusions`.

use super::{Failure, parse_date};
use crate::domain::query::{Query, resolve_orgs, resolve_units};
use crate::model::Period;
use crate::model::filter::parse_kind;
use crate::model::{Kind, Workspace};
use chrono::NaiveDate;
use clap::Args;

pub fn parse_kind_arg(text: &str) -> Result<Kind, String> {
    parse_kind(text).ok_or_else(|| {
        format!("`{text}` is not a kind of record: models (mo-hinh), meetings (hoi-nghi), petitions (don), conclusions (ket-luan)")
    })
}

pub fn parse_period_arg(text: &str) -> Result<Period, String> {
    Period::parse(text)
}

#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only records in these units, by id or name, accents optional ("tan my")
    #[arg(long, value_name = "UNIT")]
    pub unit: Vec<String>,
    /// Only records of these organisations (lead, participant, handler, assignee), by id or name
    #[arg(long, value_name = "ORG")]
    pub org: Vec<String>,
    /// Only records of this type (review, dialogue, complaint, …)
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only records in this status or state (active, overdue, done, …)
    #[arg(long = "status", value_name = "STATUS")]
    pub statuses: Vec<String>,
    /// Only models with this tag
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only petitions in this field (dat-dai, moi-truong, …)
    #[arg(long = "field", value_name = "FIELD")]
    pub fields: Vec<String>,
    /// Only records dated in this period: 2022, 2022-H1, 2022-Q3, 2022-07
    #[arg(long, value_name = "PERIOD", value_parser = parse_period_arg)]
    pub period: Option<Period>,
    /// Only records dated on or after this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Only records dated on or before this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
}

impl FilterArgs {
    /// Resolves names to ids; a unit or org that matches nothing is an error.
    pub fn query(&self, ws: &Workspace) -> Result<Query, Failure> {
        let mut q = Query {
            units: resolve_units(&ws.config, &self.unit).map_err(Failure::Usage)?,
            orgs: resolve_orgs(&ws.config, &self.org).map_err(Failure::Usage)?,
            types: self.types.clone(),
            statuses: self.statuses.clone(),
            tags: self.tags.clone(),
            fields: self.fields.clone(),
            from: self.from,
            to: self.to,
        };
        if let (Some(f), Some(t)) = (q.from, q.to)
            && f > t
        {
            return Err(Failure::Usage(crate::i18n::tr!(
                "--from ({}) sau --to ({})",
                "--from ({}) is after --to ({})",
                f,
                t
            )));
        }
        if let Some(p) = self.period {
            q = q.within(p);
        }
        Ok(q)
    }
}
