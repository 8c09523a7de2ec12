//! The arguments several commands share: `--format` and `-o`, the
//! filters of `summary`, `list`, `petitions` and `conclusions`, and the
//! parsers of dates, periods and kinds.

use super::Failure;
use crate::diag::did_you_mean;
use crate::domain::query::{Query, resolve_orgs, resolve_units};
use crate::i18n::tr;
use crate::model::Period;
use crate::model::filter::parse_kind;
use crate::model::{Keyword, MeetingType, ModelStatus, PetitionState, PetitionType, TaskState};
use crate::model::{Kind, Workspace};
use crate::render::Format;
use crate::text::fold;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        tr!(
            "`{}` không phải một ngày: ghi NĂM-THÁNG-NGÀY (YYYY-MM-DD), ví dụ 2023-06-30",
            "`{}` is not a date: write YYYY-MM-DD, e.g. 2023-06-30",
            text
        )
    })
}

pub fn parse_kind_arg(text: &str) -> Result<Kind, String> {
    parse_kind(text).ok_or_else(|| {
        let all = ["models", "meetings", "petitions", "conclusions"];
        tr!(
            "`{}` không phải loại hồ sơ{}: models (mo-hinh), meetings (hoi-nghi), petitions (don), conclusions (ket-luan)",
            "`{}` is not a kind of record{}: models (mo-hinh), meetings (hoi-nghi), petitions (don), conclusions (ket-luan)",
            text,
            suggestion(text, &all)
        )
    })
}

/// " (did you mean `x`?)" when a word of `words` is close to `text`.
pub fn suggestion(text: &str, words: &[&str]) -> String {
    match did_you_mean(&fold(text), words.iter().copied()) {
        Some(s) => tr!(" (có phải ý bạn là `{}`?)", " (did you mean `{}`?)", s),
        None => String::new(),
    }
}

/// A word of a closed set typed as a filter: an unknown one is a usage
/// error (exit 2) with the closest word and the allowed ones, so a typo
/// never reads as "nothing matches".
pub fn closed_word(flag: &str, text: &str, words: &[&str]) -> Result<(), Failure> {
    if words.iter().any(|w| fold(w) == fold(text)) {
        return Ok(());
    }
    if words.is_empty() {
        return Err(Failure::Usage(tr!(
            "{} không dùng được cho loại hồ sơ này",
            "{} does not apply to this kind of record",
            flag
        )));
    }
    Err(Failure::Usage(tr!(
        "{} không nhận giá trị `{}`{}; các giá trị: {}",
        "{} cannot be `{}`{}; the values are: {}",
        flag,
        text,
        suggestion(text, words),
        words.join(", ")
    )))
}

pub fn parse_period_arg(text: &str) -> Result<Period, String> {
    Period::parse_in(text, crate::i18n::is_en())
}

/// A value parser that reads a value as `inner` does and offers `words`
/// (a closed set) to shell completions and `--help`, without refusing
/// any other value itself (that is the command's business, with its own
/// message).
#[derive(Clone)]
pub struct Offer<P> {
    inner: P,
    words: fn() -> Vec<&'static str>,
}

pub fn offer<P>(inner: P, words: fn() -> Vec<&'static str>) -> Offer<P> {
    Offer { inner, words }
}

impl<P: clap::builder::TypedValueParser> clap::builder::TypedValueParser for Offer<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.inner.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.words)().into_iter().map(clap::builder::PossibleValue::new),
        ))
    }
}

/// A value kept as typed.
pub fn any_text(text: &str) -> Result<String, String> {
    Ok(text.to_owned())
}

/// The words of the kinds of record (KIND arguments, `--kind`).
pub fn kind_words() -> Vec<&'static str> {
    vec!["models", "meetings", "petitions", "conclusions"]
}

/// What `--type` takes: the types of meetings and petitions.
pub fn type_words() -> Vec<&'static str> {
    use crate::model::{Keyword, MeetingType, PetitionType};
    [MeetingType::WORDS, PetitionType::WORDS].concat()
}

/// What `--status` takes: the statuses of models and the states of
/// petitions and tasks.
pub fn status_words() -> Vec<&'static str> {
    use crate::model::{Keyword, ModelStatus, PetitionState, TaskState};
    let mut words = [ModelStatus::WORDS, PetitionState::WORDS, TaskState::WORDS].concat();
    let mut seen = std::collections::HashSet::new();
    words.retain(|w| seen.insert(*w));
    words
}

/// The ids of the workspace's records and targets, for a shell that asks
/// danvan itself (`COMPLETE=bash danvan`): the file stems under the
/// record folders and the ids in targets.toml, read without parsing any
/// record. The workspace is the one a command would use from here
/// (`DANVAN_RECORDS`, or the nearest danvan.toml).
pub fn record_ids() -> Vec<clap_complete::CompletionCandidate> {
    let Ok(cwd) = std::env::current_dir() else {
        return Vec::new();
    };
    let explicit = std::env::var_os("DANVAN_RECORDS").map(std::path::PathBuf::from);
    let Ok(root) = crate::load::locate(explicit.as_deref(), &cwd) else {
        return Vec::new();
    };
    let mut ids = Vec::new();
    for folder in ["models", "meetings", "petitions"] {
        let walk = walkdir::WalkDir::new(root.join(folder)).max_depth(6).into_iter();
        for entry in walk.filter_map(Result::ok) {
            let path = entry.path();
            if entry.file_type().is_file()
                && path.extension().is_some_and(|e| e == "toml")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            {
                ids.push(clap_complete::CompletionCandidate::new(crate::text::nfc(stem)).help(Some(folder.into())));
            }
        }
    }
    let targets = std::fs::read_to_string(root.join("targets.toml")).unwrap_or_default();
    if let Ok(table) = targets.parse::<toml::Table>() {
        let list = table
            .get("target")
            .and_then(|t| t.as_array())
            .cloned()
            .unwrap_or_default();
        for id in list.iter().filter_map(|t| t.get("id")?.as_str()) {
            ids.push(clap_complete::CompletionCandidate::new(id.to_owned()).help(Some("target".into())));
        }
    }
    ids
}

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

/// `--deny overdue` / `--deny due-soon`: a scheduled CI job turns red.
#[derive(Args, Debug, Clone, Default)]
pub struct DenyArgs {
    /// Exit 1 when something is overdue (`overdue`) or falls due soon (`due-soon`): the morning's CI job turns red (repeatable)
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<crate::report::Urgency>,
}

impl DenyArgs {
    /// Exit 1 (with a line on stderr) when the report raises an alarm `--deny` names.
    pub fn verdict(&self, report: &impl crate::report::Report) -> Result<(), Failure> {
        use crate::report::Urgency;
        let alarms = report.alarms().unwrap_or_default();
        let count = |u: Urgency| alarms.iter().filter(|a| a.urgency == u).count();
        let mut failed = false;
        for urgency in &self.deny {
            let n = count(*urgency);
            if n == 0 {
                continue;
            }
            failed = true;
            eprintln!(
                "{}",
                match urgency {
                    Urgency::Overdue => crate::i18n::tr!(
                        "lỗi: {} việc quá hạn (--deny overdue)",
                        "error: {} item(s) overdue (--deny overdue)",
                        n
                    ),
                    Urgency::DueSoon => crate::i18n::tr!(
                        "lỗi: {} việc sắp đến hạn (--deny due-soon)",
                        "error: {} item(s) due soon (--deny due-soon)",
                        n
                    ),
                }
            );
        }
        if failed { Err(Failure::Records) } else { Ok(()) }
    }
}

#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only records in these units, by id or name, accents optional ("tan my")
    #[arg(long, value_name = "UNIT")]
    pub unit: Vec<String>,
    /// Only records of these organisations (lead, participant, handler, assignee), by id or name
    #[arg(long, value_name = "ORG")]
    pub org: Vec<String>,
    /// Only records of this type (review, dialogue, complaint, …)
    #[arg(long = "type", value_name = "TYPE", value_parser = offer(any_text, type_words), hide_possible_values = true)]
    pub types: Vec<String>,
    /// Only records in this status or state (active, overdue, done, …)
    #[arg(long = "status", value_name = "STATUS", value_parser = offer(any_text, status_words), hide_possible_values = true)]
    pub statuses: Vec<String>,
    /// Only models with this tag
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only petitions in this field (dat-dai, moi-truong, …)
    #[arg(long = "field", value_name = "FIELD")]
    pub fields: Vec<String>,
    /// Only records dated in this period: 2022, 2022-H1, 2022-Q3, 2022-07
    #[arg(long, value_name = "PERIOD", value_parser = parse_period_arg)]
    pub period: Option<Period>,
    /// Only records dated on or after this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Only records dated on or before this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
}

impl FilterArgs {
    /// Resolves names to ids for records of `kinds` (all when empty): a
    /// unit or org that matches nothing, a `--type` or `--status` that is
    /// none of the words of those kinds, is an error (exit 2); a `--tag` or
    /// `--field` (free words) that no record holds is said on stderr.
    pub fn query(&self, ws: &Workspace, kinds: &[Kind]) -> Result<Query, Failure> {
        self.validate(ws, kinds)?;
        let mut q = Query {
            units: resolve_units(&ws.config, &self.unit).map_err(Failure::Usage)?,
            orgs: resolve_orgs(&ws.config, &self.org).map_err(Failure::Usage)?,
            types: self.types.clone(),
            statuses: self.statuses.clone(),
            tags: self.tags.clone(),
            fields: self.fields.clone(),
            from: self.from,
            to: self.to,
        };
        if let (Some(f), Some(t)) = (q.from, q.to)
            && f > t
        {
            return Err(Failure::Usage(crate::i18n::tr!(
                "--from ({}) sau --to ({})",
                "--from ({}) is after --to ({})",
                f,
                t
            )));
        }
        if let Some(p) = self.period {
            q = q.within(p);
        }
        Ok(q)
    }
}

impl FilterArgs {
    fn validate(&self, ws: &Workspace, kinds: &[Kind]) -> Result<(), Failure> {
        let all = [Kind::Model, Kind::Meeting, Kind::Petition, Kind::Conclusion];
        let kinds = if kinds.is_empty() { &all[..] } else { kinds };
        let words = |of: fn(Kind) -> &'static [&'static str]| {
            let mut words: Vec<&str> = kinds.iter().flat_map(|&k| of(k).iter().copied()).collect();
            words.dedup();
            words
        };
        let types = words(|k| match k {
            Kind::Meeting => MeetingType::WORDS,
            Kind::Petition => PetitionType::WORDS,
            Kind::Model | Kind::Conclusion => &[],
        });
        let statuses = words(|k| match k {
            Kind::Model => ModelStatus::WORDS,
            Kind::Petition => PetitionState::WORDS,
            Kind::Conclusion => TaskState::WORDS,
            Kind::Meeting => &[],
        });
        for t in &self.types {
            closed_word("--type", t, &types)?;
        }
        for s in &self.statuses {
            closed_word("--status", s, &statuses)?;
        }
        let held = |wanted: &str, mut values: Box<dyn Iterator<Item = &str> + '_>| {
            let wanted = fold(wanted);
            values.any(|v| fold(v) == wanted)
        };
        for tag in &self.tags {
            if !held(
                tag,
                Box::new(ws.models.iter().flat_map(|m| m.tags.iter().map(String::as_str))),
            ) {
                eprintln!(
                    "{}",
                    tr!(
                        "cảnh báo: không mô hình nào có nhãn `{}` (--tag)",
                        "warning: no model has the tag `{}` (--tag)",
                        tag
                    )
                );
            }
        }
        for field in &self.fields {
            if !held(field, Box::new(ws.petitions.iter().filter_map(|p| p.field.as_deref()))) {
                eprintln!(
                    "{}",
                    tr!(
                        "cảnh báo: không đơn nào thuộc lĩnh vực `{}` (--field)",
                        "warning: no petition is in the field `{}` (--field)",
                        field
                    )
                );
            }
        }
        Ok(())
    }
}

/// The files a schema describes: `schema --kind`, and the schema a new
/// record's `#:schema` line points to.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// danvan.toml
    #[value(alias = "config")]
    Danvan,
    /// targets.toml
    #[value(alias = "target")]
    Targets,
    /// models/**/<id>.toml
    #[value(alias = "models")]
    Model,
    /// meetings/**/<id>.toml
    #[value(alias = "meetings")]
    Meeting,
    /// petitions/**/<id>.toml
    #[value(alias = "petitions")]
    Petition,
    /// data.json of `danvan report` (not a record file: not in --out without --kind)
    Data,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 5] = [
        SchemaKind::Danvan,
        SchemaKind::Targets,
        SchemaKind::Model,
        SchemaKind::Meeting,
        SchemaKind::Petition,
    ];

    /// The file name under the schema folder, as the `#:schema` lines name it.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Danvan => "danvan.json",
            SchemaKind::Targets => "targets.json",
            SchemaKind::Model => "model.json",
            SchemaKind::Meeting => "meeting.json",
            SchemaKind::Petition => "petition.json",
            SchemaKind::Data => "data.schema.json",
        }
    }

    /// The schema file of a record kind (conclusions live inside meetings).
    pub fn of_record(kind: Kind) -> SchemaKind {
        match kind {
            Kind::Model => SchemaKind::Model,
            Kind::Meeting | Kind::Conclusion => SchemaKind::Meeting,
            Kind::Petition => SchemaKind::Petition,
        }
    }
}
