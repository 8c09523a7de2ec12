//! `danvan schema`: JSON Schemas of the record files, for editors (taplo /
//! Even Better TOML read the `#:schema` line at the top of each record).
//!
//! The schemas come from the record types themselves (their doc comments
//! are the English — Vietnamese descriptions), so they cannot drift from
//! what the loader reads. `targets.toml` is parsed by hand (a measure's
//! shape depends on which key it has), so its schema is derived from the
//! mirror types below; a test validates the bundled targets against it.

use super::args::SchemaKind;
use super::output::{print, write_atomic};
use super::{Context, Failure, Outcome};
use crate::model::{Config, Meeting, Model, Petition, TargetsFile};
use clap::Args;
use serde_json::Value;
use std::path::PathBuf;

pub const EXAMPLES: &str = "Examples:
  danvan schema --out schema             write schema/{danvan,targets,model,meeting,petition}.json
  danvan schema --kind petition          print one schema to standard output
  # then start each record with a line your editor reads (taplo, Even Better TOML):
  #:schema ../../schema/petition.json    (records/petitions/2025/<id>.toml)
  #:schema schema/danvan.json            (records/danvan.toml)

Without --out, --kind is required: one schema goes to standard output.";

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// Write every schema (or only --kind) into this folder as NAME.json
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The one schema to print (or, with --out, to write)
    #[arg(long, value_enum, value_name = "FILE")]
    pub kind: Option<SchemaKind>,
}

pub fn run(cx: &Context, args: &SchemaArgs) -> Outcome {
    // No workspace is needed; its `lang` is used when there is one.
    cx.choose_lang(&cx.root().unwrap_or_default());
    match (&args.out, args.kind) {
        (None, Some(kind)) => print(&schema_text(kind)),
        (None, None) => Err(Failure::Usage(crate::i18n::tr!(
            "cần --out THƯ_MỤC (ghi mọi schema) hoặc --kind TỆP (in một schema): danvan schema --out schema",
            "give --out DIR (writes every schema) or --kind FILE (prints one): danvan schema --out schema"
        ))),
        (Some(dir), only) => {
            let kinds: Vec<SchemaKind> = only.map_or(SchemaKind::ALL.to_vec(), |k| vec![k]);
            for kind in kinds {
                let path = dir.join(kind.file_name());
                write_atomic(&path, schema_text(kind).as_bytes())?;
                print(&format!("{}\n", path.display()))?;
            }
            Ok(())
        }
    }
}

/// The schema of one file as pretty JSON with a final newline: the same
/// bytes on every run, so committed copies can be compared.
pub fn schema_text(kind: SchemaKind) -> String {
    crate::render::json(&schema(kind))
}

pub fn schema(kind: SchemaKind) -> Value {
    // Draft 7: what editors' TOML language servers read best.
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = match kind {
        SchemaKind::Danvan => generator.into_root_schema_for::<Config>(),
        SchemaKind::Targets => generator.into_root_schema_for::<TargetsFile>(),
        SchemaKind::Model => generator.into_root_schema_for::<Model>(),
        SchemaKind::Meeting => generator.into_root_schema_for::<Meeting>(),
        SchemaKind::Petition => generator.into_root_schema_for::<Petition>(),
        SchemaKind::Data => return data_schema(),
    };
    let mut value = schema.to_value();
    drop_null(&mut value);
    closed_sets_as_enums(&mut value);
    value
}

/// A closed set (a `oneOf` of string constants, as schemars writes an enum
/// with documented variants) as an `enum` of its words, each word's
/// description kept in `enumDescriptions` (VS Code, taplo): an editor then
/// lists the allowed values, instead of "not valid under any of the
/// schemas in oneOf".
fn closed_sets_as_enums(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(closed_sets_as_enums),
        Value::Object(map) => {
            let words = match map.get("oneOf") {
                Some(Value::Array(alternatives)) if !alternatives.is_empty() => alternatives
                    .iter()
                    .map(|a| {
                        let word = a.get("const")?.as_str()?.to_owned();
                        let described = a.get("description").and_then(Value::as_str).unwrap_or("").to_owned();
                        Some((word, described))
                    })
                    .collect::<Option<Vec<_>>>(),
                _ => None,
            };
            if let Some(words) = words {
                map.remove("oneOf");
                map.insert("type".into(), Value::from("string"));
                map.insert(
                    "enum".into(),
                    words.iter().map(|(w, _)| Value::from(w.as_str())).collect(),
                );
                map.insert(
                    "enumDescriptions".into(),
                    words.iter().map(|(_, d)| Value::from(d.as_str())).collect(),
                );
            }
            map.values_mut().for_each(closed_sets_as_enums);
        }
        _ => {}
    }
}

/// The schema of `data.json` (`danvan report`), format version
/// [`FORMAT_VERSION`](crate::report::bundle::FORMAT_VERSION): its keys and
/// the types of the figures a consumer reads; the reports inside are
/// described by the README's "JSON output".
fn data_schema() -> Value {
    use crate::model::{Keyword, PetitionState, TargetStatus, TaskState};
    let date = serde_json::json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });
    let words = |all: Vec<&str>| serde_json::json!({ "type": "string", "enum": all });
    let figure = serde_json::json!({ "type": ["number", "null"] });
    let target_status = words(TargetStatus::ALL.iter().map(|(w, _)| *w).collect());
    let petition_state = words(PetitionState::ALL.iter().map(|(w, _)| *w).collect());
    let task_state = words(TaskState::ALL.iter().map(|(w, _)| *w).collect());
    let object = |required: &[&str], properties: Value| serde_json::json!({ "type": "object", "required": required, "properties": properties });
    let attention = object(
        &["kind", "id", "title", "deadline", "days_left", "state"],
        serde_json::json!({ "id": { "type": "string" }, "deadline": date, "days_left": { "type": "integer" } }),
    );
    let summary = object(&["kinds", "by", "groups", "total"], serde_json::json!({}));
    serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "danvan data.json",
        "description": "Every report of `danvan report`, as of one date. Keys are stable English; dates YYYY-MM-DD; figures rounded to two decimals.",
        "type": "object",
        "required": ["format_version", "tool", "version", "as_of", "records_commit", "status", "progress", "summary",
                     "petitions_by_type", "petitions_by_unit_and_year", "meetings_by_type_and_year",
                     "petitions", "conclusions", "notices"],
        "properties": {
            "format_version": { "const": crate::report::bundle::FORMAT_VERSION },
            "tool": { "const": "danvan" },
            "version": { "type": "string" },
            "as_of": date,
            "records_commit": {
                "description": "The last commit of the records, and whether they had uncommitted changes; null outside git.",
                "oneOf": [
                    { "type": "null" },
                    object(&["id", "uncommitted_changes"], serde_json::json!({
                        "id": { "type": "string", "pattern": "^[0-9a-f]{7,64}$" },
                        "uncommitted_changes": { "type": "boolean" },
                    })),
                ],
            },
            "status": object(&["committee", "as_of", "counts", "overdue", "upcoming", "horizon_days", "latest_meetings", "progress"], serde_json::json!({
                "as_of": date,
                "counts": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 } },
                "overdue": { "type": "array", "items": attention },
                "upcoming": { "type": "array", "items": attention },
                "horizon_days": { "type": "integer" },
                "progress": { "type": "array", "items": object(&["id", "actual", "goal", "status"], serde_json::json!({
                    "actual": figure, "goal": { "type": "number" }, "percent_of_goal": figure, "status": target_status,
                })) },
            })),
            "progress": object(&["as_of", "targets"], serde_json::json!({
                "targets": { "type": "array", "items": object(&["id", "title", "measure", "direction", "goal", "actual", "percent_of_goal", "expected", "status", "deadline", "series"], serde_json::json!({
                    "goal": { "type": "number" }, "actual": figure, "percent_of_goal": figure, "expected": figure,
                    "status": target_status, "deadline": date,
                    "series": { "type": "array", "items": object(&["period", "end", "actual"], serde_json::json!({ "end": date, "actual": figure })) },
                })) },
            })),
            "summary": summary,
            "petitions_by_type": summary,
            "petitions_by_unit_and_year": summary,
            "meetings_by_type_and_year": summary,
            "petitions": object(&["as_of", "due_within", "petitions", "states"], serde_json::json!({
                "petitions": { "type": "array", "items": object(&["id", "type", "received", "acceptance_deadline", "state", "days_left"], serde_json::json!({
                    "received": date, "acceptance_deadline": date, "state": petition_state,
                    "days_left": { "type": ["integer", "null"] },
                })) },
            })),
            "conclusions": object(&["as_of", "due_within", "tasks", "states"], serde_json::json!({
                "tasks": { "type": "array", "items": object(&["id", "meeting", "text", "assignee", "state"], serde_json::json!({
                    "state": task_state, "days_left": { "type": ["integer", "null"] }, "days_late": { "type": ["integer", "null"] },
                })) },
            })),
            "notices": { "type": "array", "items": object(&["meeting", "number", "date", "subject", "html", "docx"], serde_json::json!({ "date": date })) },
        },
    })
}

/// TOML has no null: an optional field is one that may be left out, so the
/// `null` alternatives schemars gives `Option` fields are removed.
fn drop_null(value: &mut Value) {
    let Value::Object(map) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(drop_null);
        }
        return;
    };
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            map.insert("type".into(), only);
        }
    }
    match map.get_mut("default") {
        Some(Value::Null) => {
            map.remove("default");
        }
        Some(default) => drop_null_members(default),
        None => {}
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(alternatives)) = map.get_mut(key) else {
            continue;
        };
        alternatives.retain(|a| a.get("type") != Some(&Value::from("null")));
        if alternatives.len() == 1 {
            let only = alternatives.remove(0);
            map.remove(key);
            match only {
                // Draft 7 ignores the siblings of a $ref: keep it apart.
                Value::Object(o) if o.contains_key("$ref") => {
                    map.insert("allOf".into(), Value::Array(vec![Value::Object(o)]));
                }
                Value::Object(o) => {
                    for (k, v) in o {
                        map.entry(k).or_insert(v);
                    }
                }
                other => {
                    map.insert(key.into(), Value::Array(vec![other]));
                }
            }
        }
    }
    map.values_mut().for_each(drop_null);
}

/// A default value as TOML can hold it: without the absent (null) members.
fn drop_null_members(value: &mut Value) {
    if let Value::Object(map) = value {
        map.retain(|_, v| !v.is_null());
        map.values_mut().for_each(drop_null_members);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_fields_are_not_nullable() {
        for kind in SchemaKind::ALL {
            let text = schema_text(kind);
            assert!(!text.contains("null"), "{text}");
        }
        let model = schema(SchemaKind::Model);
        assert_eq!(model["properties"]["started"]["format"], "date");
        assert_eq!(model["additionalProperties"], false);
    }
}
