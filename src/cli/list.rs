//! `danvan list KIND`: one line per record of a kind, filtered and sorted.

use super::args::{FilterArgs, FormatArgs, kind_words, offer, parse_kind_arg};
use super::output::emit_report;
use super::{Context, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::model::Kind;
use crate::report::list::{self, SortBy};
use clap::Args;

pub const EXAMPLES: &str = "Examples:
  danvan list models --status active
  danvan list petitions --period 2023-H1 --sort deadline
  danvan list meetings --type dialogue --unit \"tân mỹ\" --format json
  danvan list conclusions --org mttq --status overdue";

#[derive(Args, Debug)]
pub struct ListArgs {
    /// models | meetings | petitions | conclusions (also singular, or mo-hinh, hoi-nghi, don, ket-luan)
    #[arg(value_parser = offer(parse_kind_arg, kind_words))]
    pub kind: Kind,
    /// Sort order
    #[arg(long, value_enum, default_value_t = SortBy::Date)]
    pub sort: SortBy,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(cx: &Context, args: &ListArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let query = args.filters.query(ws, &[args.kind])?;
    emit_report(&list::list(&snap, args.kind, &query, args.sort), &args.output, cx)
}
