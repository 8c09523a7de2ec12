//! The files under examples/ work: the minimal workspace checks clean, the
//! commune workspace checks clean but for its 2027 deadlines (provisional
//! until 2027 is announced), the CI files are YAML that run the commands
//! they promise, and the git hook blocks a commit whose staged records
//! have errors.

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

fn commune(args: &[&str]) -> common::Danvan {
    danvan()
        .records(examples().join("commune"))
        .args(["--color", "never", "--lang", "en"])
        .args(args)
}

#[test]
fn the_commune_workspace_checks_clean_but_for_2027() {
    // No error; one warning: the two complaints accepted at the end of
    // November 2026 have deadlines in 2027, whose days off are not
    // announced yet (W001, they are provisional).
    let out = commune(&["check", "--format", "json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let found: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    let codes: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap()))
        .collect();
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert_eq!(codes[0].0, "W001");
    assert!(codes[0].1.ends_with("2026-11-20-khieu-nai-xa-lap-vo.toml"), "{codes:?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("2 deadline(s)") && message.contains("2027"),
        "{message}"
    );
}

#[test]
fn the_commune_s_committee_units_and_records() {
    let status = commune(&["--as-of", "2026-12-01", "status"]).json();
    assert_eq!(status["committee"], "Đảng ủy xã Lấp Vò");
    let counts = &status["counts"];
    // 34 receptions (two a month, 7/2025–11/2026), 2 dialogues, 2 reviews.
    assert_eq!(counts["meetings"], 38, "{counts}");
    assert_eq!(counts["petitions"], 9, "{counts}");
    assert_eq!(counts["models"], 3, "{counts}");
    // Two receptions in every month of the span.
    let receptions = commune(&[
        "--as-of",
        "2026-11-30",
        "summary",
        "--kind",
        "meetings",
        "--type",
        "reception",
        "--by",
        "month",
    ])
    .json();
    let groups = receptions["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 17);
    assert!(groups.iter().all(|g| g["count"] == 2), "{receptions}");
    // Notices are numbered -TB/ĐU and filed with the committee's office.
    let notice = commune(&["notice", "2026-07-14-btv-lam-viec-khoi-dan-van-6-thang-2026"]).stdout();
    assert!(notice.contains("Số 42-TB/ĐU"), "{notice}");
    assert!(notice.contains("Lưu Văn phòng Đảng ủy."), "{notice}");
    // A filter on the new commune holds the petition handed over by the
    // thị trấn merged into it (merged_into).
    let ids = |args: &[&str]| -> Vec<String> {
        commune(args).json()["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let in_commune = ids(&["--as-of", "2026-12-01", "list", "petitions", "--unit", "xã Lấp Vò"]);
    assert_eq!(in_commune.len(), 9);
    assert!(in_commune.contains(&"2025-06-10-khieu-nai-tt-lap-vo".to_owned()));
    assert_eq!(
        ids(&["--as-of", "2026-12-01", "list", "petitions", "--unit", "tt-lap-vo"]),
        ["2025-06-10-khieu-nai-tt-lap-vo"]
    );
}

#[test]
fn the_commune_s_deadlines_across_the_2026_2027_turn() {
    let register = commune(&["--as-of", "2026-12-01", "petitions"]).json();
    let entry = |id: &str| {
        register["petitions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    // Complex, accepted Fri 27/11/2026: 45 days → Mon 11/1/2027, provisional.
    let p = entry("2026-11-20-khieu-nai-xa-lap-vo");
    assert_eq!(
        (p["resolution_deadline"].as_str(), p["provisional"].as_bool()),
        (Some("2027-01-11"), Some(true))
    );
    assert_eq!(p["acceptance_provisional"], false);
    // Round 2, complex, accepted Mon 30/11/2026: 60 days → Fri 29/1/2027.
    let p = entry("2026-11-23-khieu-nai-lan-hai-xa-lap-vo");
    assert_eq!(
        (p["round"].as_u64(), p["resolution_deadline"].as_str()),
        (Some(2), Some("2027-01-29"))
    );
    assert_eq!(p["resolution_provisional"], true);
    // Especially complex denunciation: 21/9 + 30 = 21/10, + 30 = 20/11, + 20 = 10/12/2026.
    let p = entry("2026-09-14-to-cao-xa-lap-vo");
    assert_eq!(
        (p["resolution_deadline"].as_str(), p["round"].is_null()),
        (Some("2026-12-10"), true)
    );
    assert_eq!(p["provisional"], false);
    // On screen: the marker and its legend.
    let table = commune(&["--as-of", "2026-12-01", "petitions"])
        .env("COLUMNS", "250")
        .stdout();
    assert!(
        table.contains("2027-01-11 †") && table.contains("† provisional:"),
        "{table}"
    );
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
