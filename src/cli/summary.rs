//! `danvan summary`: counts by unit, organisation, type, field, status or period.

use super::args::{FilterArgs, FormatArgs, kind_words, offer, parse_kind_arg};
use super::output::emit_report;
use super::{Context, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::model::Kind;
use crate::report::summary::{self, Dim, SummaryOptions};
use clap::Args;

pub const EXAMPLES: &str = "Examples:
  danvan summary                                   every record, by kind
  danvan summary --kind petitions --by type        petitions by type, with resolved/open/overdue
  danvan summary --kind petitions --by unit --by year --period 2023
  danvan summary --kind petitions --by unit --fold-merged   ceased communes counted in the new ones
  danvan summary --kind meetings --by half --unit \"tan my\" --format csv > hoi-nghi.csv";

#[derive(Args, Debug)]
pub struct SummaryArgs {
    /// Kind of record to count (repeatable); default: models, meetings and petitions
    #[arg(long, value_name = "KIND", value_parser = offer(parse_kind_arg, kind_words))]
    pub kind: Vec<Kind>,
    /// Group by (repeatable: two give a cross-table)
    #[arg(long, value_enum, value_name = "DIM")]
    pub by: Vec<Dim>,
    /// With --by unit: count the records of a unit that ceased under the unit it was merged into (merged_into)
    #[arg(long)]
    pub fold_merged: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(cx: &Context, args: &SummaryArgs) -> Outcome {
    let ws = cx.workspace()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let mut by = args.by.clone();
    by.dedup();
    let opts = SummaryOptions {
        kinds: args.kind.clone(),
        by,
        query: args.filters.query(ws, &args.kind)?,
        fold_merged: args.fold_merged,
    };
    emit_report(&summary::summary(&snap, &opts), &args.output, cx)
}
