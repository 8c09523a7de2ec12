//! The shape of the code holds: data flows one way. A module under `src/`
//! may name (`crate::…`) only the modules of its own layer or below:
//!
//! ```text
//! text, diag  <  model  <  i18n  <  load  <  domain  <  check  <  report  <  render  <  import  <  cli
//! ```
//!
//! `model` holds the record types and value types; `i18n` words them;
//! `load` reads files into the model; `domain` computes on it (pure);
//! `check` finds problems, with the domain's deadlines for the calendar and
//! extension rules; `report` makes plain data; `render` makes every byte;
//! `import` turns sheets into records (it renders their TOML); `cli` wires
//! them. Comments and `#[cfg(test)]` modules are not looked at: a test may
//! reach across layers to set up what it tests.

use std::path::{Path, PathBuf};

const LAYERS: &[&[&str]] = &[
    &["text", "diag"],
    &["model"],
    &["i18n"],
    &["load"],
    &["domain"],
    &["check"],
    &["report"],
    &["render"],
    &["import"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a file of `src/` belongs to (`src/load/read.rs` → `load`).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

/// The text of a source file without its comments and its test modules.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        // A test module at the top level ends the code that ships.
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every module named as `crate::NAME` (or `$crate::NAME`) in `code`.
fn named(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

/// Each `(file, module it names)` that reaches above its layer.
fn violations(files: &[(PathBuf, String)]) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for (rel, text) in files {
        let Some(own) = module_of(rel) else { continue };
        let Some(own_layer) = layer_of(&own) else { continue };
        for name in named(&code_of(text)) {
            if layer_of(&name).is_some_and(|l| l > own_layer) {
                found.push((rel.clone(), name));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).unwrap().to_path_buf();
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let files = sources();
    // Every top-level module is in a layer (a new one must be placed).
    for (rel, _) in &files {
        let module = module_of(rel).unwrap();
        assert!(
            layer_of(&module).is_some() || module == "lib" || module == "main",
            "src/{} belongs to no layer: add `{module}` to LAYERS in tests/layers.rs",
            rel.display()
        );
    }
    assert_eq!(violations(&files), [], "a module names a layer above its own");
}

#[test]
fn a_reach_upwards_is_caught() {
    let file = |rel: &str, text: &str| (PathBuf::from(rel), text.to_owned());
    let files = [
        file(
            "report/x.rs",
            "use crate::render::html;\nuse crate::domain::snapshot::Snapshot;\n",
        ),
        file(
            "model/y.rs",
            "fn f() { crate::domain::calendar::Calendar::default(); }\n",
        ),
        file(
            "load/z.rs",
            "// crate::cli in a comment is fine\nuse crate::model::*;\n",
        ),
        file(
            "domain/w.rs",
            "use crate::model::*;\n#[cfg(test)]\nmod tests { use crate::report::status; }\n",
        ),
        file("model/m.rs", "macro_rules! m { () => { $crate::load::read_text } }\n"),
    ];
    assert_eq!(
        violations(&files),
        [
            (PathBuf::from("model/m.rs"), "load".to_owned()),
            (PathBuf::from("model/y.rs"), "domain".to_owned()),
            (PathBuf::from("report/x.rs"), "render".to_owned()),
        ]
    );
}
