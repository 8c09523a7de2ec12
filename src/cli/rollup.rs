//! `danvan rollup`: a province over its member committees.

use super::args::{FormatArgs, parse_date, parse_kind_arg, parse_period_arg};
use super::output::emit_report;
use super::{Context, Outcome, members};
use crate::domain::query::Query;
use crate::model::{Kind, Period};
use crate::report::rollup::{self, RollupOptions};
use crate::report::summary::{Dim, SummaryOptions};
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;

pub const EXAMPLES: &str = "Examples:
  danvan rollup                                  the members a province's danvan.toml lists ([[member]])
  danvan rollup communes/xa-lap-vo communes/xa-tan-my    the workspaces given, each named by its folder
  danvan rollup --by committee --by type --kind petitions   petitions by committee and type
  danvan rollup --format json > rollup.json
  danvan rollup -o rollup.xlsx                   a sheet per table

One row per committee (records, open and overdue petitions, petitions
resolved on time, overdue tasks), the totals, each committee's targets,
and the registers of what is overdue or due soon with a committee column.
Each member is counted with its own calendar, rules and targets, as of one
date. A member whose records have errors is named with its error count and
left out of the totals; the others are counted, and the run exits 1.
No personal data.";

#[derive(Args, Debug)]
pub struct RollupArgs {
    /// Member workspaces to roll up (default: the [[member]] of the province workspace's danvan.toml)
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Also count across members by this (repeatable, as `summary --by`; `committee` for each member)
    #[arg(long, value_enum, value_name = "DIM")]
    pub by: Vec<Dim>,
    /// With --by: the kind of record to count (repeatable); default: models, meetings and petitions
    #[arg(long, value_name = "KIND", value_parser = parse_kind_arg)]
    pub kind: Vec<Kind>,
    /// With --by unit: count a ceased unit's records under the unit it was merged into
    #[arg(long)]
    pub fold_merged: bool,
    /// With --by: only records dated in this period (2026, 2026-H1, 2026-Q3, 2026-07)
    #[arg(long, value_name = "PERIOD", value_parser = parse_period_arg)]
    pub period: Option<Period>,
    /// With --by: only records dated on or after this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// With --by: only records dated on or before this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(cx: &Context, args: &RollupArgs) -> Outcome {
    let province = members::load(cx, &args.dirs)?;
    let summary = (!args.by.is_empty()).then(|| {
        let mut by = args.by.clone();
        by.dedup();
        let mut query = Query {
            from: args.from,
            to: args.to,
            ..Query::default()
        };
        if let Some(p) = args.period {
            query = query.within(p);
        }
        SummaryOptions {
            kinds: args.kind.clone(),
            by,
            query,
            fold_merged: args.fold_merged,
        }
    });
    let opts = RollupOptions {
        province: province.committee.clone(),
        as_of: province.as_of,
        summary,
    };
    emit_report(&rollup::rollup(&province.members, &opts), &args.output, cx)
}
