//! `danvan status` (and `danvan` alone): the dashboard.

use super::args::{DenyArgs, FormatArgs};
use super::output::emit_report;
use super::{Context, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::report::status;
use clap::Args;

pub const EXAMPLES: &str = "Examples:
  danvan                               the dashboard, today
  danvan status --as-of 2023-06-30     as it stood on 30/6/2023
  danvan --lang en status --format markdown >> \"$GITHUB_STEP_SUMMARY\"
  danvan status --format github --deny overdue    a ::warning per late item; exit 1 when there is one";

#[derive(Args, Debug, Default)]
pub struct StatusArgs {
    #[command(flatten)]
    pub output: FormatArgs,
    #[command(flatten)]
    pub deny: DenyArgs,
}

pub fn run(cx: &Context, args: &StatusArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let headlines = status::headlines(&snap);
    let view = status::StatusView {
        status: status::status(&snap, headlines),
        config: &ws.config,
    };
    emit_report(&view, &args.output, cx)?;
    args.deny.verdict(&view)
}
