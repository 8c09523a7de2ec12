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
    };
    let mut value = schema.to_value();
    drop_null(&mut value);
    value
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
