//! The files under examples/ work: the minimal workspace checks clean, the
//! CI files are YAML that run the commands they promise, and the git hook
//! blocks a commit whose staged records have errors.

mod common;
use common::danvan;
use std::path::{Path, PathBuf};
use yaml_rust2::{Yaml, YamlLoader};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

#[test]
fn the_minimal_workspace_checks_clean() {
    let out = danvan()
        .records(examples().join("minimal"))
        .args(["--color", "never", "--lang", "en", "check", "--deny", "warnings"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("5 files"), "{text}");
    // Three records, and a target computed from them.
    let status = danvan()
        .records(examples().join("minimal"))
        .args(["--as-of", "2025-12-31", "status", "--format", "json"])
        .assert()
        .success();
    let status: serde_json::Value = serde_json::from_slice(&status.get_output().stdout).unwrap();
    for kind in ["models", "meetings", "petitions", "tasks"] {
        assert_eq!(status["counts"][kind], 1, "{kind}: {status}");
    }
    assert_eq!(status["progress"][0]["id"], "doi-thoai-moi-xa", "{status}");
}

/// A copy of examples/minimal under `to`.
fn copy_minimal(to: &Path) {
    common::copy_dir(&examples().join("minimal"), to);
}

#[test]
fn the_notice_template_renders_with_the_notice_variables() {
    let tmp = tempfile::tempdir().unwrap();
    copy_minimal(tmp.path());
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::copy(
        examples().join("templates/notice.md.j2"),
        tmp.path().join("templates/notice.md.j2"),
    )
    .unwrap();
    let out = danvan()
        .records(tmp.path())
        .args(["notice", "2025-03-20-doi-thoai-tan-my", "--format", "markdown"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("## THÔNG BÁO"), "{text}");
    assert!(
        text.contains("| 2025-03-20-doi-thoai-tan-my#1 | Ủy ban nhân dân huyện | Giao UBND huyện khảo sát"),
        "{text}"
    );
    assert!(
        text.contains("Theo dõi thực hiện thông báo số 12-TB/HU (2025-03-25)"),
        "{text}"
    );
}

fn yaml(name: &str) -> Yaml {
    let text = std::fs::read_to_string(examples().join(name)).unwrap();
    let mut docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(docs.len(), 1, "{name}");
    docs.remove(0)
}

/// Every `run:`/`script:` line and `uses:` of a CI file, as text.
fn commands(doc: &Yaml) -> Vec<String> {
    let mut out = Vec::new();
    match doc {
        Yaml::Hash(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    (Some("run" | "uses"), Yaml::String(s)) => out.push(s.clone()),
                    (Some("script" | "before_script"), Yaml::Array(lines)) => {
                        out.extend(lines.iter().filter_map(|l| l.as_str().map(str::to_owned)))
                    }
                    _ => out.extend(commands(v)),
                }
            }
        }
        Yaml::Array(items) => items.iter().for_each(|i| out.extend(commands(i))),
        _ => {}
    }
    out
}

fn has(commands: &[String], wanted: &str) -> bool {
    commands.iter().any(|c| c.contains(wanted))
}

#[test]
fn github_actions_checks_reports_and_uploads() {
    let doc = yaml("github-actions.yml");
    assert!(
        doc["on"]["pull_request"].is_null() && !doc["on"]["push"].is_badvalue(),
        "triggers"
    );
    let steps = &doc["jobs"]["records"]["steps"];
    assert!(steps.as_vec().is_some_and(|s| s.len() >= 5));
    let commands = commands(&doc);
    assert!(has(&commands, "danvan check --format github"), "{commands:?}");
    assert!(has(&commands, "report --out public"), "{commands:?}");
    assert!(has(&commands, ">> \"$GITHUB_STEP_SUMMARY\""), "{commands:?}");
    assert!(has(&commands, "actions/upload-artifact@"), "{commands:?}");
    let upload = steps
        .as_vec()
        .unwrap()
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-artifact@"))
        })
        .unwrap();
    assert_eq!(upload["with"]["path"].as_str(), Some("public/"));
}

#[test]
fn gitlab_ci_checks_reports_and_keeps_artifacts() {
    let doc = yaml("gitlab-ci.yml");
    let commands = commands(&doc);
    assert!(has(&commands, "danvan --color always check"), "{commands:?}");
    assert!(has(&commands, "report --out public"), "{commands:?}");
    let paths = doc["report"]["artifacts"]["paths"].as_vec().unwrap();
    assert_eq!(paths[0].as_str(), Some("public/"));
    assert_eq!(doc["check"]["stage"].as_str(), Some("check"));
}

#[test]
fn the_ci_files_say_how_to_get_a_newer_danvan_and_that_schedules_pause() {
    let github = std::fs::read_to_string(examples().join("github-actions.yml")).unwrap();
    let doc = yaml("github-actions.yml");
    let cache = doc["jobs"]["records"]["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/cache@")))
        .unwrap();
    assert!(cache["with"]["key"].as_str().unwrap().contains("DANVAN_VERSION"));
    assert!(github.contains("60 days"), "the note on paused schedules");
    assert!(has(&commands(&doc), "--deny overdue"));
    let gitlab = yaml("gitlab-ci.yml");
    assert!(
        gitlab["default"]["cache"]["key"]
            .as_str()
            .unwrap()
            .contains("DANVAN_VERSION")
    );
    assert_eq!(
        gitlab["check"]["artifacts"]["reports"]["codequality"].as_str(),
        Some("gl-code-quality-report.json")
    );
}

#[test]
fn the_pre_commit_hook_definition_runs_danvan_check_on_toml_files() {
    let text = std::fs::read_to_string(common::root().join(".pre-commit-hooks.yaml")).unwrap();
    let docs = yaml_rust2::YamlLoader::load_from_str(&text).unwrap();
    let hook = &docs[0][0];
    assert_eq!(hook["id"].as_str(), Some("danvan-check"));
    assert_eq!(hook["entry"].as_str(), Some("danvan check"));
    assert_eq!(hook["language"].as_str(), Some("rust"));
    assert_eq!(hook["files"].as_str(), Some("\\.toml$"));
}

/// Runs the hook in `repo` with the built danvan first on PATH, and
/// nothing else of the caller's environment.
#[cfg(unix)]
fn hook(repo: &Path) -> std::process::Output {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_danvan"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    common::isolated("sh")
        .arg(examples().join("pre-commit"))
        .current_dir(repo)
        .env("PATH", path)
        .env("DANVAN_AS_OF", "2025-12-31")
        .output()
        .unwrap()
}

#[cfg(unix)]
fn git(repo: &Path, args: &[&str]) {
    let ok = common::isolated("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[cfg(unix)]
#[test]
fn the_pre_commit_hook_blocks_staged_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    let ws = repo.join("records");
    copy_minimal(&ws);
    git(repo, &["init", "-q"]);
    git(repo, &["add", "-A"]);
    let out = hook(repo);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // A typo, staged: the commit is refused, with the problem's position.
    let model = ws.join("models/2025/2025-01-15-to-nhan-dan-tu-quan.toml");
    let good = std::fs::read_to_string(&model).unwrap();
    std::fs::write(&model, good.replace("status = \"active\"", "staus = \"active\"")).unwrap();
    git(repo, &["add", "-A"]);
    let out = hook(repo);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("E013") && text.contains("2025-01-15-to-nhan-dan-tu-quan.toml"),
        "{text}"
    );

    // Fixed in the working tree but not staged: what would be committed is still wrong.
    std::fs::write(&model, &good).unwrap();
    assert_eq!(hook(repo).status.code(), Some(1));
    git(repo, &["add", "-A"]);
    assert!(hook(repo).status.success());
}
