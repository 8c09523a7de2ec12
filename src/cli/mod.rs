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
mod help_vi;
mod import;
mod init;
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
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
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
    /// Print straight to the terminal, without a pager. Default on a
    /// terminal: DANVAN_PAGER, else PAGER, else `less -FRX`
    #[arg(long, global = true)]
    pub no_pager: bool,
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
    /// A new workspace from the built-in minimal one; never overwrites
    #[command(after_help = init::EXAMPLES)]
    Init(init::InitArgs),
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
    /// A usage error printed already, as a diagnostic (exit 2): E001.
    Reported,
}

impl From<std::io::Error> for Failure {
    /// An error writing standard output (a full disk under `> file`).
    fn from(e: std::io::Error) -> Failure {
        Failure::Usage(tr!(
            "không ghi được đầu ra chuẩn: {}; {}",
            "cannot write standard output: {}; {}",
            i18n::io_reason(&e),
            i18n::write_advice(&e)
        ))
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
    /// What standard output is: its colour and, on a terminal, its width.
    pub screen: crate::render::Screen,
}

/// Whether a stream gets colour under `--color auto`, as the conventions
/// of no-color.org and bixense.com/clicolors say: `NO_COLOR` (not empty)
/// never, `CLICOLOR_FORCE` (not empty, not 0) always, else on a terminal
/// that is not `TERM=dumb` and without `CLICOLOR=0`.
fn auto_color(terminal: bool, var: impl Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if set("NO_COLOR") {
        return false;
    }
    if var("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    terminal && var("TERM").as_deref() != Some("dumb") && var("CLICOLOR").as_deref() != Some("0")
}

/// The width tables must fit: `COLUMNS` when set (to a number), else the
/// terminal's when standard output is one; none for a file or a pipe,
/// which get the whole table.
fn screen_width(terminal: bool) -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        && n > 0
    {
        return Some(n);
    }
    if !terminal {
        return None;
    }
    comfy_table::Table::new().width().map(usize::from).filter(|&w| w > 0)
}

impl Context {
    fn new(global: Global) -> Context {
        let var = |name: &str| std::env::var(name).ok();
        let stdout_terminal = std::io::stdout().is_terminal();
        let (out, err) = match global.color {
            ColorArg::Always => (true, true),
            ColorArg::Never => (false, false),
            ColorArg::Auto => (
                auto_color(stdout_terminal, var),
                auto_color(std::io::stderr().is_terminal(), var),
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
            screen: crate::render::Screen {
                color: out,
                width: screen_width(stdout_terminal),
            },
        }
    }

    /// The workspace folder, or E001 (printed, exit 2) saying where we looked.
    pub fn root(&self) -> Result<PathBuf, Failure> {
        let cwd = std::env::current_dir().map_err(|e| Failure::Usage(e.to_string()))?;
        load::locate(self.global.records.as_deref(), &cwd).map_err(|d| {
            let shown = crate::render::diagnostics::human(&[d], &load::Sources::default(), self.color_stderr);
            eprint!("{}", shown.trim_end_matches('\n'));
            eprintln!();
            Failure::Reported
        })
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
        self.say_unread(&loaded);
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
        self.say_unread(&loaded);
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

    /// What was left unread (a record folder linked out of the workspace,
    /// `x.TOML`) would read as zero records: every command says so.
    fn say_unread(&self, loaded: &load::Loaded) {
        let unread: Vec<Diagnostic> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::diag::Code::Ignored)
            .cloned()
            .collect();
        if !unread.is_empty() {
            eprint!(
                "{}",
                crate::render::diagnostics::human(&unread, &loaded.sources, self.color_stderr)
            );
        }
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

/// A command-line error of clap's in Vietnamese: what was wrong, the
/// closest word, the allowed values, the usage line, and where help is.
/// `None` for what is not an error (`--help`, `--version`), printed as is.
fn usage_error_vi(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let get = |kind: C| match e.get(kind) {
        Some(V::String(s)) => s.clone(),
        Some(V::Strings(v)) => v.join(", "),
        Some(V::StyledStr(s)) => s.to_string(),
        Some(V::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
        Some(V::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let (arg, value) = (get(C::InvalidArg), get(C::InvalidValue));
    let mut text = match e.kind() {
        K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        K::InvalidValue if value.is_empty() => format!("'{arg}' cần một giá trị"),
        K::InvalidValue => format!("giá trị '{value}' không hợp lệ cho '{arg}'"),
        K::UnknownArgument => format!("không có tùy chọn '{arg}' ở đây"),
        K::InvalidSubcommand => format!("không có lệnh '{}'", get(C::InvalidSubcommand)),
        K::MissingRequiredArgument => format!("thiếu đối số bắt buộc: {arg}"),
        K::MissingSubcommand => "thiếu tên lệnh".to_owned(),
        K::ArgumentConflict => format!("'{arg}' không dùng cùng '{}'", get(C::PriorArg)),
        K::ValueValidation => {
            // The reason is the value parser's own, in the run's language.
            let reason = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_default();
            format!("giá trị '{value}' không hợp lệ cho '{arg}': {reason}")
        }
        K::TooManyValues => format!("'{arg}' nhận quá nhiều giá trị ('{value}')"),
        K::TooFewValues | K::WrongNumberOfValues => format!("'{arg}' nhận sai số lượng giá trị"),
        K::NoEquals => format!("'{arg}' cần dấu = trước giá trị"),
        K::InvalidUtf8 => "đối số không phải văn bản UTF-8".to_owned(),
        _ => return None,
    };
    let valid = get(C::ValidValue);
    if !valid.is_empty() {
        text.push_str(&format!("\n  [các giá trị: {valid}]"));
    }
    for (kind, what) in [
        (C::SuggestedSubcommand, "lệnh"),
        (C::SuggestedArg, "tùy chọn"),
        (C::SuggestedValue, "giá trị"),
    ] {
        let s = get(kind);
        if !s.is_empty() {
            text.push_str(&format!("\n\n  gợi ý: có {what} gần giống: '{s}'"));
        }
    }
    let usage = get(C::Usage);
    if let Some(line) = usage.strip_prefix("Usage: ") {
        text.push_str(&format!("\n\nCách dùng: {line}"));
    }
    text.push_str("\n\nXem thêm: thêm --help vào lệnh (danvan --help liệt kê các lệnh).");
    Some(format!("lỗi: {text}\n"))
}

/// `--lang en` / `--lang=en` anywhere on the command line (before a `--`).
/// The arguments whose `--lang` holds: when the shell asks for completions
/// (`COMPLETE=fish danvan -- danvan --lang en st`), the words of the line
/// being completed, which follow the `--`; else the arguments themselves.
fn lang_words(args: Vec<std::ffi::OsString>, complete: Option<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let completing = complete.is_some_and(|shell| !shell.is_empty() && shell != "0");
    if completing && args.get(1).is_some_and(|a| a == "--") {
        args[2..].to_vec()
    } else {
        args
    }
}

fn set_lang_from_args(args: Vec<std::ffi::OsString>) {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut lang = None;
    for (i, a) in args.iter().enumerate().skip(1) {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        match value {
            Some("en") => lang = Some(Lang::En),
            Some("vi") => lang = Some(Lang::Vi),
            _ => {}
        }
    }
    if let Some(lang) = lang {
        i18n::set_lang(lang);
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

/// The command line in the run's language: with `--lang en` the clap
/// definitions as they are, else with their descriptions in Vietnamese
/// (clap's own words are put in the printed help: [`help_vi::words`]).
/// `--help`, `danvan man` and the shell completions say what it says.
pub fn command() -> clap::Command {
    if i18n::is_en() {
        Cli::command()
    } else {
        help_vi::localize(Cli::command())
    }
}

/// `cmd` built (the global options copied into every command, clap's
/// --help, --version and `help` added), clap's additions in the run's
/// language too: the tree the man page and the shell completions show.
pub fn built(mut cmd: clap::Command) -> clap::Command {
    cmd.build();
    if i18n::is_en() { cmd } else { help_vi::clap_own(cmd) }
}

/// Parses the command line and runs the command; the process exit code.
pub fn main() -> ExitCode {
    // `--lang` holds for clap's own messages too, which come before the
    // rest of the command line is understood.
    set_lang_from_args(lang_words(std::env::args_os().collect(), std::env::var_os("COMPLETE")));
    // `COMPLETE=bash danvan` (and zsh, fish…): the shell asks danvan itself
    // what to complete, record ids included (see `danvan completions`).
    clap_complete::CompleteEnv::with_factory(|| built(command())).complete();
    let parsed = command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command())));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let help = matches!(
                e.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            match usage_error_vi(&e).filter(|_| !i18n::is_en()) {
                Some(text) => eprint!("{text}"),
                None if help && !i18n::is_en() => {
                    let text = help_vi::words(&e.render().to_string());
                    if e.use_stderr() {
                        eprint!("{text}");
                    } else {
                        let _ = output::print(&text);
                    }
                }
                None => {
                    let _ = e.print();
                }
            }
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
        Some(Command::Init(args)) => init::run(&cx, &args),
        None => status::run(&cx, &status::StatusArgs::default()),
    };
    match result {
        // A register printed without the records that have errors.
        Ok(()) if cx.left_out_any() => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Records) => ExitCode::from(1),
        Err(Failure::Reported) => ExitCode::from(2),
        Err(Failure::Usage(message)) => {
            eprintln!("{}: {message}", i18n::word("lỗi", "error"));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn colour_follows_no_color_clicolor_force_and_term_dumb() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
        };
        assert!(super::auto_color(true, env(&[])));
        assert!(!super::auto_color(false, env(&[])));
        assert!(!super::auto_color(true, env(&[("TERM", "dumb")])));
        assert!(!super::auto_color(true, env(&[("CLICOLOR", "0")])));
        assert!(!super::auto_color(
            true,
            env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])
        ));
        assert!(super::auto_color(false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(super::auto_color(
            false,
            env(&[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")])
        ));
        assert!(!super::auto_color(false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(super::auto_color(true, env(&[("NO_COLOR", "")])));
    }

    /// The modules of `cli/` that are not commands: what commands share
    /// (`members`: the member committees `rollup` and `report` load;
    /// `help_vi`: the Vietnamese of the help of them all).
    const SHARED: [&str; 5] = ["mod", "args", "output", "members", "help_vi"];

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
