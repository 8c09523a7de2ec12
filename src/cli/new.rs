//! `danvan new KIND`: a new record from a template, with a fresh id.
//!
//! The id is `YYYY-MM-DD-slug`, readable and stable; a taken id gets
//! `-2`, `-3`… and no file is ever overwritten. It is not unique across
//! branches: two people adding a record with the same title on the same
//! day on two branches pick the same id, which git reports as a conflict
//! (both added the file) and `check` as E020 if the files end in two
//! folders. A random suffix would make that impossible at the price of
//! ids no one can say aloud; the conflict is rare and shown, not silent. The built-in templates (`src/templates/new/`) are replaced
//! by the workspace's `templates/new/<kind>.toml` when it has one.

use super::args::{SchemaKind, kind_words, offer, parse_date, parse_kind_arg, parse_period_arg};
use super::output::{print, write_fresh};
use super::{Context, Failure, Outcome};
use crate::domain::ids;
use crate::domain::query::{resolve_orgs, resolve_units};
use crate::i18n::tr;
use crate::model::Period;
use crate::model::*;
use crate::render::template::{Source, source};
use chrono::{Datelike, NaiveDate};
use clap::Args;
use minijinja::Value;
use minijinja::value::{Serde, ValueKind};
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;

pub const EXAMPLES: &str = "Examples:
  danvan new model --title \"Dòng sông không rác\" --unit \"tan my\" --org hoi-lhpn
  danvan new meeting --type dialogue --title \"Đối thoại xã Tân Mỹ\" --org btv --date 2025-08-18
  danvan new petition --type denunciation --unit \"tân mỹ\" --org ubnd --field dat-dai --edit
  git add \"$(danvan new model --title \"Cánh đồng kiểu mẫu\" --org hoi-nong-dan)\"

The file goes to <kind>/<year>/<date>-<slug>.toml, its path is printed; an id
already taken gets -2, -3…; nothing is overwritten. The id is the date and
the title: the same title on the same day on another branch gets the same
id, which git shows as a conflict when the branches meet (rename one -2). Override a template with
<workspace>/templates/new/model.toml (meeting.toml, petition.toml).
--edit opens $VISUAL, else $EDITOR (else vi; notepad on Windows).";

/// The channels, for completions.
fn channel_words() -> Vec<&'static str> {
    <Channel as crate::model::Keyword>::WORDS.to_vec()
}

#[derive(Args, Debug)]
pub struct NewArgs {
    /// model | meeting | petition (also mo-hinh, hoi-nghi, don)
    #[arg(value_parser = offer(parse_kind_arg, kind_words))]
    pub kind: Kind,
    /// The title (required for models and meetings); for a petition, a short name for its id
    #[arg(long)]
    pub title: Option<String>,
    /// The record's date: started (model), date (meeting), received (petition). Default: today
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// A unit, by id or name, accents optional (repeatable)
    #[arg(long, value_name = "UNIT")]
    pub unit: Vec<String>,
    /// An organisation, by id or name: a model's lead (required), a meeting's participants
    /// (repeatable), a petition's handler
    #[arg(long, value_name = "ORG")]
    pub org: Vec<String>,
    /// Meeting: review | dialogue | reception | conference; petition: complaint | denunciation | recommendation
    #[arg(long = "type", value_name = "TYPE", value_parser = offer(super::args::any_text, super::args::type_words))]
    pub type_word: Option<String>,
    /// Model: planned | active | completed | suspended | dropped
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Model: a tag (repeatable)
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Model, petition: what it is about (for a petition, without personal data)
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// Meeting: who chaired ("Bí thư Huyện ủy")
    #[arg(long, value_name = "TEXT")]
    pub chair: Option<String>,
    /// Meeting: the period reviewed: 2025, 2025-H1, 2025-Q3, 2025-07
    #[arg(long, value_name = "PERIOD", value_parser = parse_period_arg)]
    pub period: Option<Period>,
    /// Petition: mail | reception | dialogue | online | transfer
    #[arg(long, value_name = "CHANNEL", value_parser = offer(super::args::any_text, channel_words), hide_possible_values = true)]
    pub channel: Option<String>,
    /// Petition: the subject area (dat-dai, moi-truong, …)
    #[arg(long, value_name = "FIELD")]
    pub field: Option<String>,
    /// Open the new file in $VISUAL or $EDITOR, then check it
    #[arg(long)]
    pub edit: bool,
}

/// What a template is given. Every key is always present (absent values
/// are none), so a custom template may test any of them.
#[derive(Debug, Serialize)]
struct Fields {
    /// The `#:schema` path, relative to the new file.
    schema: String,
    id: String,
    /// models | meetings | petitions.
    kind: &'static str,
    title: Option<String>,
    /// The record's date, YYYY-MM-DD (written bare: a TOML date).
    date: String,
    units: Vec<String>,
    lead: Option<String>,
    handler: Option<String>,
    participants: Vec<String>,
    #[serde(rename = "type")]
    type_word: Option<&'static str>,
    status: Option<&'static str>,
    tags: Vec<String>,
    summary: Option<String>,
    chair: Option<String>,
    period: Option<String>,
    channel: Option<&'static str>,
    field: Option<String>,
}

pub fn run(cx: &Context, args: &NewArgs) -> Outcome {
    let root = cx.root()?;
    cx.choose_lang(&root);
    if args.kind == Kind::Conclusion {
        return Err(Failure::Usage(tr!(
            "nhiệm vụ kết luận được ghi trong hồ sơ hội nghị ([[conclusion]]), không phải tệp riêng",
            "conclusion tasks are written inside a meeting's record ([[conclusion]]), not in files of their own"
        )));
    }
    check_flags(args)?;
    // The configuration is all `new` needs: a broken record elsewhere must
    // not stop anyone from adding one.
    let loaded = crate::check::load(&root);
    let Some(ws) = loaded.workspace else {
        eprint!(
            "{}",
            crate::render::diagnostics::human(&loaded.diagnostics, &loaded.sources, cx.color_stderr)
        );
        return Err(Failure::Records);
    };
    let date = args.date.unwrap_or_else(|| cx.as_of(&ws));
    let mut fields = fields(args, &ws.config, date)?;
    let folder = root.join(args.kind.as_str()).join(date.year().to_string());
    let slug = ids::slug(
        args.kind,
        fields.title.as_deref(),
        fields.type_word,
        fields.units.first().map(String::as_str),
    );
    let base = ids::base(date, &slug);
    let template = template(&root, args.kind)?;
    let taken = crate::load::ids::existing(&root.join(args.kind.as_str()));
    let path = write_fresh(&folder, &base, &taken, |id| {
        fields.id = id.to_owned();
        render(&template, &fields)
    })?;
    // "models/2025/x.toml" rather than "./models/2025/x.toml", for `git add`.
    print(&format!("{}\n", path.strip_prefix(".").unwrap_or(&path).display()))?;
    let schema = root.join("schema").join(SchemaKind::of_record(args.kind).file_name());
    if !schema.is_file() {
        eprintln!(
            "{}",
            tr!(
                "gợi ý: `danvan schema --out {}` ghi schema mà dòng đầu tệp trỏ tới, để trình soạn thảo gợi ý và kiểm tra khi gõ",
                "hint: `danvan schema --out {}` writes the schema the file's first line points to, for completion and checks as you type",
                root.join("schema").display()
            )
        );
    }
    if args.edit {
        edit(&path)?;
    }
    check_new_file(cx, &root, &path)
}

/// Refuses flags that mean nothing for the kind, rather than dropping them.
fn check_flags(args: &NewArgs) -> Outcome {
    let given: [(&str, bool, &[Kind]); 8] = [
        ("--type", args.type_word.is_some(), &[Kind::Meeting, Kind::Petition]),
        ("--status", args.status.is_some(), &[Kind::Model]),
        ("--tag", !args.tag.is_empty(), &[Kind::Model]),
        ("--summary", args.summary.is_some(), &[Kind::Model, Kind::Petition]),
        ("--chair", args.chair.is_some(), &[Kind::Meeting]),
        ("--period", args.period.is_some(), &[Kind::Meeting]),
        ("--channel", args.channel.is_some(), &[Kind::Petition]),
        ("--field", args.field.is_some(), &[Kind::Petition]),
    ];
    for (flag, set, kinds) in given {
        if set && !kinds.contains(&args.kind) {
            let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
            return Err(Failure::Usage(tr!(
                "{} chỉ dùng cho {}",
                "{} is for {} only",
                flag,
                kinds.join(", ")
            )));
        }
    }
    if args.kind != Kind::Petition && args.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(Failure::Usage(tr!(
            "cần --title: tên của hồ sơ, cũng là mã của nó",
            "--title is required: the record's title, which also makes its id"
        )));
    }
    Ok(())
}

/// Reads a closed-set word as typed ("Dialogue" is dialogue).
fn keyword<K: Keyword>(flag: &str, text: Option<&str>) -> Result<Option<K>, Failure> {
    let Some(text) = text else { return Ok(None) };
    K::parse(&text.trim().to_lowercase()).map(Some).ok_or_else(|| {
        Failure::Usage(tr!(
            "{} \"{}\" không hợp lệ; một trong: {}",
            "{} \"{}\" is not valid; one of: {}",
            flag,
            text,
            K::choices()
        ))
    })
}

/// Each typed name as exactly one id, in the order typed. A name that fits
/// several is narrowed to those `current` on the record's date (a commune
/// and the merged commune of the same name); still several, like "long
/// hung", is an error: a record names its places.
fn resolve_each(
    typed: &[String],
    resolve: impl Fn(&[String]) -> Result<Option<HashSet<String>>, String>,
    current: impl Fn(&str) -> bool,
    names: impl Fn(&str) -> String,
) -> Result<Vec<String>, Failure> {
    let mut ids = Vec::new();
    for t in typed {
        let found = resolve(std::slice::from_ref(t))
            .map_err(Failure::Usage)?
            .unwrap_or_default();
        let mut found: Vec<String> = found.into_iter().collect();
        found.sort();
        if found.len() > 1 && found.iter().filter(|id| current(id)).count() == 1 {
            found.retain(|id| current(id));
        }
        if found.len() > 1 {
            let listed: Vec<String> = found.iter().map(|id| format!("{id} ({})", names(id))).collect();
            return Err(Failure::Usage(tr!(
                "\"{}\" khớp với nhiều mục: {}; hãy ghi mã",
                "\"{}\" fits several: {}; give the id",
                t,
                listed.join(", ")
            )));
        }
        for id in found {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

fn fields(args: &NewArgs, config: &Config, date: NaiveDate) -> Result<Fields, Failure> {
    let units = resolve_each(
        &args.unit,
        |t| resolve_units(config, t),
        |id| config.unit(id).is_some_and(|u| u.exists_on(date)),
        |id| crate::i18n::unit_name(config, id).into_owned(),
    )?;
    let orgs = resolve_each(
        &args.org,
        |t| resolve_orgs(config, t),
        |_| true,
        |id| config.org_name(id).to_owned(),
    )?;
    let single_org = |role: &str| -> Result<Option<String>, Failure> {
        match orgs.as_slice() {
            [] | [_] => Ok(orgs.first().cloned()),
            _ => Err(Failure::Usage(tr!(
                "{} có một tổ chức; đã cho {}",
                "a {} is one organisation; given {}",
                role,
                orgs.join(", ")
            ))),
        }
    };
    let (lead, handler, participants) = match args.kind {
        Kind::Model => {
            let lead = single_org(&tr!("tổ chức chủ trì (lead)", "model's lead"))?;
            if lead.is_none() {
                let known: Vec<&str> = config.orgs.iter().map(|o| o.id.value.as_str()).collect();
                return Err(Failure::Usage(tr!(
                    "cần --org: tổ chức chủ trì mô hình (một trong: {})",
                    "--org is required: the organisation leading the model (one of: {})",
                    known.join(", ")
                )));
            }
            (lead, None, Vec::new())
        }
        Kind::Petition => (
            None,
            single_org(&tr!("cơ quan giải quyết (handler)", "petition's handler"))?,
            Vec::new(),
        ),
        _ => (None, None, orgs.clone()),
    };
    let type_word = match args.kind {
        Kind::Meeting => keyword::<MeetingType>("--type", args.type_word.as_deref())?.map(MeetingType::as_str),
        Kind::Petition => keyword::<PetitionType>("--type", args.type_word.as_deref())?.map(PetitionType::as_str),
        _ => None,
    };
    let text = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    Ok(Fields {
        schema: format!("../../schema/{}", SchemaKind::of_record(args.kind).file_name()),
        id: String::new(),
        kind: args.kind.as_str(),
        title: text(&args.title),
        date: date.format("%Y-%m-%d").to_string(),
        units,
        lead,
        handler,
        participants,
        type_word,
        status: keyword::<ModelStatus>("--status", args.status.as_deref())?.map(ModelStatus::as_str),
        tags: args
            .tag
            .iter()
            .map(|t| crate::text::slug(t))
            .filter(|t| !t.is_empty())
            .collect(),
        summary: text(&args.summary),
        chair: text(&args.chair),
        period: args.period.map(|p| p.to_string()),
        channel: keyword::<Channel>("--channel", args.channel.as_deref())?.map(Channel::as_str),
        field: args.field.as_deref().map(crate::text::slug).filter(|f| !f.is_empty()),
    })
}

/// The workspace's `templates/new/<kind>.toml`, else the built-in template.
fn template(root: &Path, kind: Kind) -> Result<Source, Failure> {
    let (file, builtin) = match kind {
        Kind::Model => ("model.toml", include_str!("../templates/new/model.toml")),
        Kind::Meeting => ("meeting.toml", include_str!("../templates/new/meeting.toml")),
        _ => ("petition.toml", include_str!("../templates/new/petition.toml")),
    };
    source(&root.join("templates").join("new"), file, builtin).map_err(|e| Failure::Usage(e.to_string()))
}

/// Renders the template; the result must be TOML, or nothing is written.
fn render(t: &Source, fields: &Fields) -> Result<String, Failure> {
    let fail = |message: String| Failure::Usage(format!("{}: {message}", t.name));
    let mut env = crate::render::template::base_environment();
    env.add_filter("toml", toml_value);
    let text = env
        .render_str(&t.text, Serde(fields))
        .map_err(|e| fail(e.to_string()))?;
    if let Err(e) = text.parse::<toml::Table>() {
        return Err(fail(tr!(
            "mẫu cho ra TOML không hợp lệ: {}",
            "the template gives invalid TOML: {}",
            e
        )));
    }
    Ok(text)
}

/// `{{ value | toml }}`: a value written as TOML (quoted, escaped text;
/// lists); none is an error, since TOML has no way to write it.
fn toml_value(value: Value) -> Result<String, minijinja::Error> {
    let written = match value.kind() {
        ValueKind::String => toml::Value::String(value.to_string()).to_string(),
        ValueKind::Bool | ValueKind::Number => value.to_string(),
        ValueKind::Seq | ValueKind::Iterable => {
            let items: Result<Vec<String>, _> = value.try_iter()?.map(toml_value).collect();
            format!("[{}]", items?.join(", "))
        }
        other => {
            return Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("`toml` cannot write a value of kind {other} (give it a default: `x or \"\"`)"),
            ));
        }
    };
    Ok(written)
}

/// Opens the file in the user's editor and waits for it.
fn edit(path: &Path) -> Outcome {
    let configured = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty());
    let fallback = if cfg!(windows) { "notepad" } else { "vi" };
    let editor = configured.unwrap_or_else(|| fallback.to_owned());
    // "code --wait": the program, then its own arguments.
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or(fallback);
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|e| {
            Failure::Usage(tr!(
                "không mở được trình soạn thảo `{}`: {} (đặt biến VISUAL hoặc EDITOR)",
                "cannot start the editor `{}`: {} (set VISUAL or EDITOR)",
                editor,
                e
            ))
        })?;
    if !status.success() {
        return Err(Failure::Usage(tr!(
            "trình soạn thảo `{}` kết thúc với lỗi ({}); tệp vẫn ở {}",
            "the editor `{}` failed ({}); the file is still at {}",
            editor,
            status,
            path.display()
        )));
    }
    Ok(())
}

/// Checks the workspace again and reports the problems of the new file:
/// a custom template, or an edit, may have left one.
fn check_new_file(cx: &Context, root: &Path, path: &Path) -> Outcome {
    let Ok(rel) = path.strip_prefix(root) else {
        return Ok(());
    };
    let loaded = crate::check::load(root);
    let own: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.file.as_ref().is_some_and(|f| f.ends_with(rel)))
        .cloned()
        .collect();
    if own.is_empty() {
        return Ok(());
    }
    eprint!(
        "{}",
        crate::render::diagnostics::human(&own, &loaded.sources, cx.color_stderr)
    );
    if own.iter().any(|d| d.is_error()) {
        eprintln!(
            "{}",
            tr!(
                "lỗi: {} có lỗi; sửa rồi chạy `danvan check`",
                "error: {} has errors; fix them and run `danvan check`",
                path.display()
            )
        );
        return Err(Failure::Records);
    }
    Ok(())
}
