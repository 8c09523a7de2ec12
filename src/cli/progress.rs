//! `danvan progress`: every target against its goal, as of a date.

use super::args::FormatArgs;
use super::output::emit_report;
use super::{Context, Failure, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::i18n::tr;
use crate::model::{Granularity, Target, Workspace};
use crate::report::progress;
use clap::{Args, ValueEnum};

pub const EXAMPLES: &str = "Examples:
  danvan progress                              every target, today
  danvan progress --as-of 2023-06-30           as it stood on 30/6/2023
  danvan progress --by year                    the figure at the end of each year, with a trend
  danvan progress --target dvk-models --target ho-ngheo --format json
  danvan show dvk-models                       which records make up one target's figure";

/// The periods of a series.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesBy {
    Year,
    Half,
    Quarter,
}

impl From<SeriesBy> for Granularity {
    fn from(by: SeriesBy) -> Granularity {
        match by {
            SeriesBy::Year => Granularity::Year,
            SeriesBy::Half => Granularity::Half,
            SeriesBy::Quarter => Granularity::Quarter,
        }
    }
}

#[derive(Args, Debug)]
pub struct ProgressArgs {
    /// Only this target, by id (repeatable); default: every target
    #[arg(long = "target", value_name = "ID")]
    pub targets: Vec<String>,
    /// Also the figure at the end of each period, from the baseline (or the
    /// first record) to the deadline (or the as-of date, when earlier)
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub by: Option<SeriesBy>,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(cx: &Context, args: &ProgressArgs) -> Outcome {
    let ws = cx.workspace()?;
    let selected = select(ws, &args.targets).map_err(Failure::Usage)?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let report = progress::progress(&snap, &selected, args.by.map(Granularity::from));
    emit_report(&report, &args.output, cx)
}

/// The targets named by `--target`, in the order given; all of them when
/// none is named. An unknown id is an error that suggests a close one.
fn select<'w>(ws: &'w Workspace, ids: &[String]) -> Result<Vec<&'w Target>, String> {
    if ids.is_empty() {
        return Ok(ws.targets.iter().collect());
    }
    let mut selected: Vec<&Target> = Vec::new();
    for id in ids {
        let id = crate::text::nfc(id.trim());
        let Some(t) = ws.targets.iter().find(|t| t.id == id) else {
            let hint = crate::diag::did_you_mean(&id, ws.targets.iter().map(|t| t.id.as_str()))
                .map(|s| tr!("; có phải ý bạn là {}?", "; did you mean {}?", s))
                .unwrap_or_default();
            let known: Vec<&str> = ws.targets.iter().map(|t| t.id.as_str()).collect();
            return Err(tr!(
                "không có chỉ tiêu nào mã \"{}\"{} Các chỉ tiêu: {}",
                "no target has the id \"{}\"{} Targets: {}",
                id,
                if hint.is_empty() { ".".to_owned() } else { hint },
                known.join(", ")
            ));
        };
        if !selected.iter().any(|s| std::ptr::eq(*s, t)) {
            selected.push(t);
        }
    }
    Ok(selected)
}
