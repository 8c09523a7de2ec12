//! `danvan petitions`: the deadline register.

use super::args::{DenyArgs, FilterArgs, FormatArgs, offer};
use super::output::emit_report;
use super::{Context, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::model::{Keyword, PetitionState};
use crate::report::petitions::{RegisterOptions, register};
use clap::Args;

pub const EXAMPLES: &str = "Examples:
  danvan petitions                          every petition, most urgent first
  danvan petitions --overdue                only those late for acceptance or resolution
  danvan petitions --due-within 14          open petitions due in the next 14 days (or late)
  danvan petitions --as-of 2023-06-30 --state due-soon --state overdue
  danvan petitions --type denunciation --unit \"tan my\" --format csv > to-cao.csv";

fn parse_state(text: &str) -> Result<PetitionState, String> {
    PetitionState::parse(text.trim()).ok_or_else(|| {
        crate::i18n::tr!(
            "`{}` không phải trạng thái đơn{}: {}",
            "`{}` is not a petition state{}: {}",
            text,
            super::args::suggestion(text, PetitionState::WORDS),
            PetitionState::choices()
        )
    })
}

/// The states, for completions.
fn state_words() -> Vec<&'static str> {
    <PetitionState as crate::model::Keyword>::WORDS.to_vec()
}

#[derive(Args, Debug)]
pub struct PetitionsArgs {
    /// Only petitions late for acceptance or resolution
    #[arg(long)]
    pub overdue: bool,
    /// Only open petitions due within N days (or already late); also the "due soon" window (default 7)
    #[arg(long, value_name = "N")]
    pub due_within: Option<u32>,
    /// Only petitions in this state (repeatable)
    #[arg(long, value_name = "STATE", value_parser = offer(parse_state, state_words))]
    pub state: Vec<PetitionState>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: FormatArgs,
    #[command(flatten)]
    pub deny: DenyArgs,
}

pub fn run(cx: &Context, args: &PetitionsArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), args.due_within.unwrap_or(DUE_SOON_DAYS));
    let opts = RegisterOptions {
        query: args.filters.query(ws, &[crate::model::Kind::Petition])?,
        states: args.state.clone(),
        overdue: args.overdue,
        due_within: args.due_within,
    };
    let register = register(&snap, &opts);
    emit_report(&register, &args.output, cx)?;
    args.deny.verdict(&register)
}
