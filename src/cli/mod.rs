//! The command line: the clap definition of `danvan` and its commands,
//! the run's [`Context`], dispatch and exit codes. Each command is one
//! module (its Args and `run`); the arguments several share are in
//! `args.rs`, standard output and files in `output.rs`. A command never
//! uses another command.

mod args;
mod check;
mod completions;
mod conclusions;
mod export;
mod import;
mod list;
mod man;
mod members;
mod new;
mod notice;
mod output;
mod petitions;
mod progress;
mod report;
mod review;
mod rollup;
mod schema;
mod show;
mod status;
mod summary;

use crate::diag::Diagnostic;
use crate::i18n::{self, tr};
use crate::load;
use crate::model::{Lang, Workspace};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "danvan: hồ sơ công tác dân vận: tổng hợp, tiến độ chỉ tiêu, thông báo kết luận, thời hạn giải quyết đơn.\n\
Mass-mobilization records of a Party committee: summaries, progress against targets, conclusion notices, petition deadlines.";

const EXAMPLES: &str = "Examples:
  danvan                          the dashboard of the workspace (same as `danvan status`)
  danvan check                    validate every record, report every problem
  danvan --lang en petitions --overdue
  danvan --records ~/hoso summary --by unit --period 2023";

#[derive(Parser, Debug)]
#[command(name = "danvan", version, about = ABOUT, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Args, Debug, Clone)]
pub struct Global {
    /// The workspace folder (holding danvan.toml). Default: the nearest folder
    /// at or above the current one with danvan.toml, else ./records
    #[arg(long, global = true, env = "DANVAN_RECORDS", value_name = "DIR")]
    pub records: Option<PathBuf>,
    /// Compute everything as of this date (YYYY-MM-DD). Default: today at the
    /// workspace's utc_offset
    #[arg(long, global = true, env = "DANVAN_AS_OF", value_name = "DATE", value_parser = args::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Output language. Default: the workspace's `lang`, else vi
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The dashboard: counts, progress, what is overdue or due soon (the default)
    #[command(after_help = status::EXAMPLES)]
    Status(status::StatusArgs),
    /// Validate every record; report every problem with its position
    #[command(after_help = check::EXAMPLES)]
    Check(check::CheckArgs),
    /// Counts by unit, organisation, type, field, status or period
    #[command(after_help = summary::EXAMPLES)]
    Summary(summary::SummaryArgs),
    /// Every target against its goal: baseline, actual, expected by now, % of goal, status; --by year for the series
    #[command(after_help = progress::EXAMPLES)]
    Progress(progress::ProgressArgs),
    /// The petition deadline register: acceptance and resolution deadlines, state, days left
    #[command(after_help = petitions::EXAMPLES)]
    Petitions(petitions::PetitionsArgs),
    /// The conclusion notice of a meeting as a document: text, Markdown, HTML or Word
    #[command(after_help = notice::EXAMPLES)]
    Notice(notice::NoticeArgs),
    /// The register of tasks assigned by conclusions, with their states, most urgent first
    #[command(after_help = conclusions::EXAMPLES)]
    Conclusions(conclusions::ConclusionsArgs),
    /// The report to the review meeting (báo cáo sơ kết, tổng kết): a half-year, a year, a quarter, a month, or --from/--to
    #[command(after_help = review::EXAMPLES)]
    Review(review::ReviewArgs),
    /// A province over its member committees: one row per committee, totals, the merged registers
    #[command(after_help = rollup::EXAMPLES)]
    Rollup(rollup::RollupArgs),
    /// The CI bundle: index.html (charts as inline SVG), summary.md, data.json, notices/
    #[command(after_help = report::EXAMPLES)]
    Report(report::ReportArgs),
    /// One line per record of a kind, filtered and sorted
    #[command(after_help = list::EXAMPLES)]
    List(list::ListArgs),
    /// One record with its derived facts (deadlines, states), or how a target's figure is made
    #[command(after_help = show::EXAMPLES)]
    Show(show::ShowArgs),
    /// Write a new record from a template, with a fresh id; never overwrites; prints the path
    #[command(after_help = new::EXAMPLES)]
    New(new::NewArgs),
    /// Flat rows for spreadsheets and databases: one CSV or JSON Lines file per kind
    #[command(after_help = export::EXAMPLES)]
    Export(export::ExportArgs),
    /// Rows of an Excel, ODS or CSV register as records: all or nothing; re-importing adds only new rows
    #[command(after_help = import::EXAMPLES)]
    Import(import::ImportArgs),
    /// JSON Schemas of danvan.toml, targets.toml and each record kind, for editors
    #[command(after_help = schema::EXAMPLES)]
    Schema(schema::SchemaArgs),
    /// Shell completions for bash, zsh, fish, PowerShell or elvish
    #[command(after_help = completions::EXAMPLES)]
    Completions(completions::CompletionsArgs),
    /// The manual page (roff), from the same definitions as --help
    #[command(after_help = man::EXAMPLES)]
    Man(man::ManArgs),
}

/// How a command ended: the exit codes of SPEC section 3.
#[derive(Debug)]
pub enum Failure {
    /// The records have errors (exit 1); they were printed already.
    Records,
    /// Usage or I/O error (exit 2), with its message.
    Usage(String),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Usage(e.to_string())
    }
}

pub type Outcome = Result<(), Failure>;

impl Failure {
    /// A notice template that does not compile or render. It is printed
    /// with its file and line and fails like a broken record (exit 1): the
    /// fix is in a file of the workspace, not in the command.
    pub fn template(e: crate::render::template::TemplateError) -> Failure {
        eprintln!("{}: {e}", i18n::word("lỗi", "error"));
        if e.overridden {
            eprintln!(
                "{}",
                tr!(
                    "  = gợi ý: sửa mẫu (cú pháp minijinja/Jinja2), hoặc đổi tên tệp để dùng mẫu có sẵn",
                    "  = help: fix the template (minijinja/Jinja2 syntax), or rename the file to use the built-in one"
                )
            );
        }
        Failure::Records
    }

    /// A Word document that could not be built.
    pub fn docx(e: std::io::Error) -> Failure {
        Failure::Usage(tr!("không tạo được tệp docx: {}", "cannot build the docx: {}", e))
    }
}

/// What every command gets: the run's settings.
pub struct Context {
    pub global: Global,
    pub color_stdout: bool,
    pub color_stderr: bool,
    /// The files a register left out because they have errors (see
    /// [`Context::registers`]): the command exits 1 once it has printed.
    left_out: std::sync::Mutex<Vec<PathBuf>>,
}

impl Context {
    fn new(global: Global) -> Context {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let (out, err) = match global.color {
            ColorArg::Always => (true, true),
            ColorArg::Never => (false, false),
            ColorArg::Auto => (
                !no_color && std::io::stdout().is_terminal(),
                !no_color && std::io::stderr().is_terminal(),
            ),
        };
        // `--lang` holds from the first message on, before any workspace is read.
        match global.lang {
            Some(LangArg::En) => i18n::set_lang(Lang::En),
            Some(LangArg::Vi) => i18n::set_lang(Lang::Vi),
            None => {}
        }
        Context {
            global,
            color_stdout: out,
            color_stderr: err,
            left_out: Default::default(),
        }
    }

    /// The workspace folder, or a usage error that says where we looked.
    pub fn root(&self) -> Result<PathBuf, Failure> {
        let cwd = std::env::current_dir().map_err(|e| Failure::Usage(e.to_string()))?;
        load::locate(self.global.records.as_deref(), &cwd).map_err(Failure::Usage)
    }

    /// Loads the workspace for a reading command: errors in the records are
    /// printed and stop the command (numbers from broken records would be
    /// wrong); warnings are printed and the command goes on.
    ///
    /// The workspace lives until the process ends: a command loads one, and
    /// freeing a province's records one string at a time only delays the
    /// exit (by a tenth of a second at 100,000 records).
    pub fn workspace(&self) -> Result<&'static Workspace, Failure> {
        let root = self.root()?;
        self.choose_lang(&root);
        let loaded = crate::check::load(&root);
        if loaded.has_errors() {
            return Err(self.refuse(&loaded));
        }
        let Some(ws) = loaded.workspace else {
            return Err(Failure::Records);
        };
        Ok(self.keep(ws))
    }

    /// Loads the workspace for a register (`status`, `petitions`,
    /// `conclusions`, `list`, `show`): an error in one record never hides
    /// the others (SPEC section 5). The records of files with errors are
    /// left out, their errors and a banner naming them printed, and the
    /// command exits 1 once it has printed the rest. Errors in danvan.toml
    /// still stop it.
    pub fn registers(&self) -> Result<&'static Workspace, Failure> {
        let root = self.root()?;
        self.choose_lang(&root);
        let loaded = crate::check::load(&root);
        if !loaded.has_errors() {
            let Some(ws) = loaded.workspace else {
                return Err(Failure::Records);
            };
            return Ok(self.keep(ws));
        }
        let Some((ws, left)) = loaded.registers() else {
            return Err(self.refuse(&loaded));
        };
        let shown: Vec<Diagnostic> = loaded.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
        eprint!(
            "{}",
            crate::render::diagnostics::human(&shown, &loaded.sources, self.color_stderr)
        );
        let ws = self.keep(ws);
        eprint!("{}", crate::render::diagnostics::left_out_banner(&left));
        self.leave_out(left.into_iter().map(|l| l.file));
        Ok(ws)
    }

    /// Marks files or folders left out of what was printed (a roll-up's
    /// members with errors): the run exits 1 once it has printed.
    pub fn leave_out(&self, paths: impl IntoIterator<Item = PathBuf>) {
        self.left_out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend(paths);
    }

    /// Whether a register left records out: the run then exits 1.
    pub fn left_out_any(&self) -> bool {
        !self
            .left_out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .is_empty()
    }

    /// A record id `show` did not find: a usage error, unless its file was
    /// left out for its errors (already named in the banner).
    pub fn not_found(&self, id: &str, message: String) -> Failure {
        let stem = id.rsplit('/').next().unwrap_or(id);
        let left = self.left_out.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if left.iter().any(|f| f.file_stem().is_some_and(|s| s == stem)) {
            eprintln!(
                "{}",
                tr!(
                    "lỗi: hồ sơ \"{}\" có lỗi nên không hiện được; sửa lỗi rồi chạy lại",
                    "error: the record \"{}\" has errors, so it cannot be shown; fix them and run again",
                    id
                )
            );
            return Failure::Records;
        }
        Failure::Usage(message)
    }

    /// Prints the errors of the records and says why the command stops.
    fn refuse(&self, loaded: &load::Loaded) -> Failure {
        let shown: Vec<Diagnostic> = loaded.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
        eprint!(
            "{}",
            crate::render::diagnostics::human(&shown, &loaded.sources, self.color_stderr)
        );
        eprintln!(
            "{}",
            tr!(
                "lỗi: hồ sơ có {} lỗi; sửa rồi chạy lại (`danvan check` liệt kê tất cả)",
                "error: the records have {} error(s); fix them and run again (`danvan check` lists them all)",
                shown.len()
            )
        );
        Failure::Records
    }

    /// The workspace for the rest of the run, in its language.
    fn keep(&self, ws: Workspace) -> &'static Workspace {
        if !i18n::is_en() && self.global.lang.is_none() && ws.config.committee.lang == Some(Lang::En) {
            i18n::set_lang(Lang::En);
        }
        Box::leak(Box::new(ws))
    }

    /// Sets the language before anything is printed: `--lang`, else the
    /// workspace's `lang` (read cheaply from danvan.toml), else Vietnamese.
    pub fn choose_lang(&self, root: &std::path::Path) {
        let lang = match self.global.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Vi) => Lang::Vi,
            None => workspace_lang(root).unwrap_or(Lang::Vi),
        };
        i18n::set_lang(lang);
    }

    /// The as-of date: `--as-of`/`DANVAN_AS_OF`, else today at the workspace's offset.
    pub fn as_of(&self, ws: &Workspace) -> NaiveDate {
        self.as_of_at(ws.config.committee.utc_offset)
    }

    /// The as-of date: `--as-of`/`DANVAN_AS_OF`, else today at `offset`
    /// (Vietnam's when absent).
    pub fn as_of_at(&self, offset: Option<crate::model::UtcOffset>) -> NaiveDate {
        if let Some(d) = self.global.as_of {
            return d;
        }
        let offset = offset.unwrap_or(crate::model::UtcOffset::VIETNAM);
        let now = chrono::Utc::now() + chrono::Duration::minutes(i64::from(offset.0));
        now.date_naive()
    }
}

/// The `lang` of `[committee]`, when danvan.toml parses.
fn workspace_lang(root: &std::path::Path) -> Option<Lang> {
    let text = std::fs::read_to_string(root.join("danvan.toml")).ok()?;
    let value: toml::Table = text.trim_start_matches('\u{feff}').parse().ok()?;
    match value.get("committee")?.get("lang")?.as_str()? {
        "en" => Some(Lang::En),
        "vi" => Some(Lang::Vi),
        _ => None,
    }
}

/// Parses the command line and runs the command; the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let cx = Context::new(cli.global);
    let result = match cli.command {
        Some(Command::Status(args)) => status::run(&cx, &args),
        Some(Command::Check(args)) => check::run(&cx, &args),
        Some(Command::Summary(args)) => summary::run(&cx, &args),
        Some(Command::Progress(args)) => progress::run(&cx, &args),
        Some(Command::Petitions(args)) => petitions::run(&cx, &args),
        Some(Command::Notice(args)) => notice::run(&cx, &args),
        Some(Command::Conclusions(args)) => conclusions::run(&cx, &args),
        Some(Command::Review(args)) => review::run(&cx, &args),
        Some(Command::Rollup(args)) => rollup::run(&cx, &args),
        Some(Command::Report(args)) => report::run(&cx, &args),
        Some(Command::List(args)) => list::run(&cx, &args),
        Some(Command::Show(args)) => show::run(&cx, &args),
        Some(Command::New(args)) => new::run(&cx, &args),
        Some(Command::Export(args)) => export::run(&cx, &args),
        Some(Command::Import(args)) => import::run(&cx, &args),
        Some(Command::Schema(args)) => schema::run(&cx, &args),
        Some(Command::Completions(args)) => completions::run(&cx, &args),
        Some(Command::Man(args)) => man::run(&cx, &args),
        None => status::run(&cx, &status::StatusArgs::default()),
    };
    match result {
        // A register printed without the records that have errors.
        Ok(()) if cx.left_out_any() => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Records) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("{}: {message}", i18n::word("lỗi", "error"));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    /// The modules of `cli/` that are not commands: what commands share
    /// (`members`: the member committees `rollup` and `report` load).
    const SHARED: [&str; 4] = ["mod", "args", "output", "members"];

    #[test]
    fn a_command_never_uses_another_command() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
        let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .map(|p| {
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        files.retain(|(name, _)| !SHARED.contains(&name.as_str()));
        assert!(files.len() >= 16, "{} commands", files.len());
        for (name, text) in &files {
            for (other, _) in files.iter().filter(|(other, _)| other != name) {
                for path in [format!("super::{other}"), format!("cli::{other}")] {
                    let used = text
                        .match_indices(&path)
                        .any(|(i, _)| !text[i + path.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'));
                    assert!(!used, "cli/{name}.rs uses the command {other}");
                }
            }
        }
    }
}
