//! `danvan schema`: the committed schemas are what the binary generates,
//! and every bundled record (records/, examples/minimal, examples/commune) is valid
//! against its schema, as an editor would see it (TOML dates as strings).

mod common;
use common::danvan;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FILES: [&str; 5] = [
    "danvan.json",
    "targets.json",
    "model.json",
    "meeting.json",
    "petition.json",
];
/// The workspaces that ship with generated schemas in `schema/`.
const WORKSPACES: [&str; 3] = ["records", "examples/minimal", "examples/commune"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_schemas_are_fresh() {
    let tmp = tempfile::tempdir().unwrap();
    let out = danvan().arg("schema").arg("--out").arg(tmp.path()).assert().success();
    let printed = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(printed.lines().count(), FILES.len(), "{printed}");
    for ws in WORKSPACES {
        for name in FILES {
            let fresh = std::fs::read_to_string(tmp.path().join(name)).unwrap();
            let committed = std::fs::read_to_string(root().join(ws).join("schema").join(name)).unwrap_or_default();
            assert!(
                fresh == committed,
                "{ws}/schema/{name} is stale: run `cargo run -- schema --out {ws}/schema`"
            );
        }
    }
}

#[test]
fn kind_prints_one_schema() {
    let out = danvan().args(["schema", "--kind", "petition"]).assert().success();
    let schema: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(schema["title"], "danvan petition");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    // Descriptions come from the doc comments, in English and Vietnamese.
    let received = schema["properties"]["received"]["description"].as_str().unwrap();
    assert!(
        received.contains("Date received") && received.contains("Ngày nhận"),
        "{received}"
    );
    assert_eq!(schema["properties"]["received"]["format"], "date");
    // The personal data is part of the file format (it may be written), so the schema knows it.
    assert!(schema["properties"]["petitioner"].is_object());
}

#[test]
fn without_out_or_kind_is_a_usage_error() {
    danvan()
        .args(["--lang", "en", "schema"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--out DIR"));
}

/// A TOML file as the JSON an editor validates: dates become "YYYY-MM-DD".
fn toml_as_json(path: &Path) -> Value {
    fn convert(v: toml::Value) -> Value {
        match v {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => Value::from(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
            toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect()),
        }
    }
    let text = std::fs::read_to_string(path).unwrap();
    convert(toml::Value::Table(text.parse().unwrap()))
}

fn validator(ws: &Path, name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(ws.join("schema").join(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The schema file a workspace file is checked against, by its `#:schema` line.
fn schema_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let first = text.lines().next().unwrap_or_default();
    let target = first
        .strip_prefix("#:schema ")
        .unwrap_or_else(|| panic!("{} has no #:schema line", path.display()));
    Path::new(target).file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_bundled_record_is_valid_against_its_schema() {
    for ws in WORKSPACES {
        let ws = root().join(ws);
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(&ws).into_iter().filter_map(Result::ok) {
            let path = entry.path();
            // Hidden files (.taplo.toml) are not records: the loader skips them too.
            let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if path.extension().is_none_or(|e| e != "toml") || path.starts_with(ws.join("templates")) || hidden {
                continue;
            }
            let name = schema_of(path);
            // The `#:schema` path resolves from the file's folder to the committed schema.
            let line = std::fs::read_to_string(path).unwrap();
            let relative = line.lines().next().unwrap().trim_start_matches("#:schema ").to_owned();
            assert!(
                path.parent().unwrap().join(&relative).is_file(),
                "{}: {relative}",
                path.display()
            );
            let problems = errors(&validator(&ws, &name), &toml_as_json(path));
            assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
            checked += 1;
        }
        assert!(checked >= 5, "{}: only {checked} files", ws.display());
    }
}

#[test]
fn the_schemas_reject_what_check_rejects() {
    let ws = root().join("records");
    let model = validator(&ws, "model.json");
    let good = serde_json::json!({
        "title": "Dòng sông không rác", "lead": "hoi-lhpn", "started": "2021-05-01", "status": "active"
    });
    assert!(errors(&model, &good).is_empty(), "{:?}", errors(&model, &good));
    for (key, value) in [
        ("titel", serde_json::json!("typo")),
        ("status", serde_json::json!("finished")),
        ("started", serde_json::json!("1/5/2021")),
        ("recognition", serde_json::json!("village")),
    ] {
        let mut bad = good.clone();
        bad[key] = value;
        assert!(!errors(&model, &bad).is_empty(), "{key} should be rejected");
    }
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("lead");
    assert!(!errors(&model, &missing).is_empty());

    // Dated rule sets and extensions of fewer days.
    let config = validator(&ws, "danvan.json");
    let committee = serde_json::json!({
        "name": "Đảng ủy xã Lấp Vò", "parent": "Đảng bộ tỉnh Đồng Tháp", "standing": "Ban Thường vụ Đảng ủy xã",
        "place": "Lấp Vò", "notice_suffix": "TB/ĐU"
    });
    let with_rules = |rules: Value| serde_json::json!({ "committee": committee, "rules": rules });
    let dated = serde_json::json!({
        "complaint_acceptance": { "days": 12 },
        "from": [{ "date": "2026-07-01", "complaint_resolution": { "days": 20, "count": "working" }, "denunciation_max_extensions": 2 }]
    });
    assert!(
        errors(&config, &with_rules(dated.clone())).is_empty(),
        "{:?}",
        errors(&config, &with_rules(dated))
    );
    assert!(
        !errors(
            &config,
            &with_rules(serde_json::json!({ "from": [{ "complaint_resolution": { "days": 20 } }] }))
        )
        .is_empty()
    );
    let petition = validator(&ws, "petition.json");
    let denunciation = |extensions: Value| serde_json::json!({ "type": "denunciation", "received": "2024-04-25", "extensions": extensions });
    assert!(
        errors(
            &petition,
            &denunciation(serde_json::json!(["2024-05-01", { "date": "2024-06-01", "days": 20 }]))
        )
        .is_empty()
    );
    assert!(
        !errors(
            &petition,
            &denunciation(serde_json::json!([{ "date": "2024-06-01", "weeks": 2 }]))
        )
        .is_empty()
    );

    let targets = validator(&ws, "targets.json");
    let target = |measure: Value| {
        serde_json::json!({ "target": [{
            "id": "t", "title": "T", "deadline": "2025-12-31", "goal": 1, "measure": measure
        }]})
    };
    for ok in [
        serde_json::json!({ "count": "models", "where": { "status": ["active"] }, "within": "year" }),
        serde_json::json!({ "sum": "models.indicators.households" }),
        serde_json::json!({ "every": "month", "count": "meetings", "where": { "type": "reception" }, "min": 2, "from": "2021-01-01" }),
        serde_json::json!({ "every": "quarter", "count": "meetings" }),
        serde_json::json!({ "manual": true }),
        serde_json::json!("manual"),
    ] {
        assert!(errors(&targets, &target(ok.clone())).is_empty(), "{ok}");
    }
    for bad in [
        serde_json::json!({ "count": "models", "share": "models" }),
        serde_json::json!({ "count": "villages" }),
        serde_json::json!({ "count": "models", "where": { "colour": "red" } }),
        serde_json::json!({ "sum": "households" }),
        serde_json::json!({ "every": "year", "count": "meetings" }),
        serde_json::json!({ "every": "month" }),
        serde_json::json!({ "every": "month", "count": "meetings", "within": "month" }),
    ] {
        assert!(!errors(&targets, &target(bad.clone())).is_empty(), "{bad}");
    }
}

#[test]
fn closed_sets_are_enums_so_editors_list_the_words() {
    let schema: Value = serde_json::from_str(&danvan().args(["schema", "--kind", "petition"]).run().stdout).unwrap();
    let text = schema.to_string();
    assert!(!text.contains("\"oneOf\""), "{text}");
    let defs = schema.get("definitions").or_else(|| schema.get("$defs")).unwrap();
    assert_eq!(
        defs["PetitionType"]["enum"],
        serde_json::json!(["complaint", "denunciation", "recommendation"])
    );
    assert_eq!(defs["Channel"]["type"], "string");
}

#[test]
fn taplo_fmt_keeps_the_bundled_workspaces_as_they_are() {
    for ws in ["records", "examples/minimal"] {
        let config = common::root().join(ws).join(".taplo.toml");
        let text = std::fs::read_to_string(&config).unwrap_or_else(|e| panic!("{ws}/.taplo.toml: {e}"));
        let table: toml::Table = text.parse().unwrap();
        assert_eq!(table["formatting"]["reorder_keys"].as_bool(), Some(false));
    }
    let Some(taplo) = common::require_tool(&["taplo"]) else {
        return;
    };
    for ws in ["records", "examples/minimal"] {
        let out = common::isolated(&taplo)
            .args(["fmt", "--check", "--config", ".taplo.toml"])
            .current_dir(common::root().join(ws))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "taplo fmt would change {ws}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
