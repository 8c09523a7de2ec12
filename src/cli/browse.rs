//! `danvan status`, `summary`, `list` and `show`.

use super::filters::{FilterArgs, parse_kind_arg};
use super::{Context, Failure, Outcome};
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::model::Kind;
use crate::render::Format;
use crate::report::list::SortBy;
use crate::report::summary::{Dim, SummaryOptions};
use crate::report::{list, show, status, summary};
use clap::Args;

pub const STATUS_EXAMPLES: &str = "Examples:
  danvan                               the dashboard, today
  danvan status --as-of 2023-06-30     as it stood on 30/6/2023
  danvan --lang en status --format markdown >> \"$GITHUB_STEP_SUMMARY\"";

pub const SUMMARY_EXAMPLES: &str = "Examples:
  danvan summary                                   every record, by kind
  danvan summary --kind petitions --by type        petitions by type, with resolved/open/overdue
  danvan summary --kind petitions --by unit --by year --period 2023
  danvan summary --kind petitions --by unit --fold-merged   ceased communes counted in the new ones
  danvan summary --kind meetings --by half --unit \"tan my\" --format csv > hoi-nghi.csv";

pub const LIST_EXAMPLES: &str = "Examples:
  danvan list models --status active
  danvan list petitions --period 2023-H1 --sort deadline
  danvan list meetings --type dialogue --unit \"tân mỹ\" --format json
  danvan list conclusions --org mttq --status overdue";

pub const SHOW_EXAMPLES: &str = "Examples:
  danvan show 2022-08-18-doi-thoai-tan-my
  danvan show petitions/2023-03-02-khieu-nai-tan-my --as-of 2023-03-20
  danvan show dvk-models                     explain a target's figure
  danvan show 2023-03-02-khieu-nai-tan-my --reveal-personal   (personal data: only here)";

#[derive(Args, Debug, Default)]
pub struct FormatArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file instead of standard output (xlsx needs it; FILE.xlsx alone means --format xlsx)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

impl FormatArgs {
    /// The format asked for; a `-o FILE.xlsx` without `--format` is xlsx.
    pub fn effective(&self) -> Format {
        let xlsx_file = self
            .file
            .as_ref()
            .and_then(|f| f.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if self.format == Format::Table && xlsx_file {
            Format::Xlsx
        } else {
            self.format
        }
    }
}

#[derive(Args, Debug, Default)]
pub struct StatusArgs {
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run_status(cx: &Context, args: &StatusArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let headlines = status::headlines(&snap);
    let view = status::StatusView {
        status: status::status(&snap, headlines),
        config: &ws.config,
    };
    super::emit_report(&view, &args.output, cx)
}

#[derive(Args, Debug)]
pub struct SummaryArgs {
    /// Kind of record to count (repeatable); default: models, meetings and petitions
    #[arg(long, value_name = "KIND", value_parser = parse_kind_arg)]
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

pub fn run_summary(cx: &Context, args: &SummaryArgs) -> Outcome {
    let ws = cx.workspace()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let mut by = args.by.clone();
    by.dedup();
    let opts = SummaryOptions {
        kinds: args.kind.clone(),
        by,
        query: args.filters.query(ws)?,
        fold_merged: args.fold_merged,
    };
    super::emit_report(&summary::summary(&snap, &opts), &args.output, cx)
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// models | meetings | petitions | conclusions (also singular, or mo-hinh, hoi-nghi, don, ket-luan)
    #[arg(value_parser = parse_kind_arg)]
    pub kind: Kind,
    /// Sort order
    #[arg(long, value_enum, default_value_t = SortBy::Date)]
    pub sort: SortBy,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run_list(cx: &Context, args: &ListArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let query = args.filters.query(ws)?;
    super::emit_report(&list::list(&snap, args.kind, &query, args.sort), &args.output, cx)
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// A record id (file name without .toml), KIND/ID when ids collide, or a target id
    pub id: String,
    /// Also print the petitioner's personal data (protected by law: use only where you may)
    #[arg(long)]
    pub reveal_personal: bool,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run_show(cx: &Context, args: &ShowArgs) -> Outcome {
    let ws = cx.registers()?;
    let snap = Snapshot::new(ws, cx.as_of(ws), DUE_SOON_DAYS);
    let found = show::find(ws, &args.id).map_err(|e| cx.not_found(&args.id, e))?;
    if let show::Found::Target(t) = found {
        let explained = crate::report::progress::explain(&snap, t);
        return super::emit_report(&explained, &args.output, cx);
    }
    let Some(report) = show::show(&snap, &found, args.reveal_personal) else {
        return Err(Failure::Usage(args.id.clone()));
    };
    super::emit_report(&report, &args.output, cx)
}
