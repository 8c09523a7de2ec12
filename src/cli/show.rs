//! `danvan show ID`: one record with its derived facts, or how a target's
//! figure is made.

use super::args::FormatArgs;
use super::output::emit_report;
use super::{Context, Failure, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::report::show;
use clap::Args;

pub const EXAMPLES: &str = "Examples:
  danvan show 2022-08-18-doi-thoai-tan-my
  danvan show petitions/2023-03-02-khieu-nai-tan-my --as-of 2023-03-20
  danvan show dvk-models                     explain a target's figure
  danvan show 2023-03-02-khieu-nai-tan-my --reveal-personal   (personal data: only here)";

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// A record id (file name without .toml), KIND/ID when ids collide, or a target id
    #[arg(add = clap_complete::ArgValueCandidates::new(super::args::record_ids))]
    pub id: String,
    /// Also print the petitioner's personal data (protected by law: use only where you may)
    #[arg(long)]
    pub reveal_personal: bool,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(cx: &Context, args: &ShowArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let found = show::find(ws, &args.id).map_err(|e| cx.not_found(&args.id, e))?;
    if let show::Found::Target(t) = found {
        let explained = crate::report::progress::explain(&snap, t);
        return emit_report(&explained, &args.output, cx);
    }
    let Some(report) = show::show(&snap, &found, args.reveal_personal) else {
        return Err(Failure::Usage(args.id.clone()));
    };
    emit_report(&report, &args.output, cx)
}
