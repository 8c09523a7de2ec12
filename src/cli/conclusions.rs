//! `danvan conclusions`: the register of the tasks conclusions assign.

use super::args::{DenyArgs, FilterArgs, FormatArgs, offer};
use super::output::emit_report;
use super::{Context, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::model::{Keyword, Kind, TaskState};
use crate::report::conclusions::{RegisterOptions, register};
use clap::Args;

pub const EXAMPLES: &str = "Examples:
  danvan conclusions                              every task, most urgent first
  danvan conclusions --state overdue --state due-soon
  danvan conclusions --org mttq --period 2022     tasks given to the Front by 2022's meetings
  danvan conclusions --as-of 2022-10-25 --due-within 14
  danvan conclusions --format csv > nhiem-vu.csv

States: overdue, due-soon (due within --due-within days), open, done-late, done.
--period, --from and --to select by the date of the meeting that assigned the task.";

fn parse_state(text: &str) -> Result<TaskState, String> {
    TaskState::parse(text.trim()).ok_or_else(|| {
        crate::i18n::tr!(
            "`{}` không phải trạng thái nhiệm vụ{}: {}",
            "`{}` is not a task state{}: {}",
            text,
            super::args::suggestion(text, TaskState::WORDS),
            TaskState::choices()
        )
    })
}

/// The states, for completions.
fn state_words() -> Vec<&'static str> {
    <TaskState as crate::model::Keyword>::WORDS.to_vec()
}

#[derive(Args, Debug)]
pub struct ConclusionsArgs {
    /// Only tasks in this state (repeatable)
    #[arg(long, value_name = "STATE", value_parser = offer(parse_state, state_words))]
    pub state: Vec<TaskState>,
    /// Days ahead that count as "due soon"
    #[arg(long, value_name = "N", default_value_t = DUE_SOON_DAYS)]
    pub due_within: u32,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: FormatArgs,
    #[command(flatten)]
    pub deny: DenyArgs,
}

pub fn run(cx: &Context, args: &ConclusionsArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), args.due_within);
    let opts = RegisterOptions {
        query: args.filters.query(ws, &[Kind::Conclusion])?,
        states: args.state.clone(),
    };
    let register = register(&snap, &opts);
    emit_report(&register, &args.output, cx)?;
    args.deny.verdict(&register)
}
