//! `danvan new`: each kind writes a record that `danvan check` accepts, in
//! `<kind>/<year>/<date>-<slug>.toml`; the same title twice gives two files;
//! nothing is overwritten; a workspace template replaces the built-in one.

mod common;
use common::{Danvan, danvan};
use std::path::{Path, PathBuf};

/// A fresh copy of examples/minimal to write into.
fn workspace() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(&common::root().join("examples/minimal"), tmp.path());
    tmp
}

/// `danvan --color never --lang en` started in `ws`, on 15/9/2025.
fn danvan_in(ws: &Path) -> Danvan {
    danvan()
        .current_dir(ws)
        .args(["--color", "never", "--lang", "en"])
        .env("DANVAN_AS_OF", "2025-09-15")
}

/// Runs `danvan new ARGS` and returns the path it printed.
fn new(ws: &Path, args: &[&str]) -> PathBuf {
    let out = danvan_in(ws).arg("new").args(args).assert().success();
    let printed = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let path = ws.join(printed.trim());
    assert!(path.is_file(), "printed {printed:?}, which does not exist");
    path
}

fn check_is_clean(ws: &Path) {
    danvan_in(ws).args(["check", "--deny", "warnings"]).assert().success();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn each_kind_passes_check() {
    let ws = workspace();
    let ws = ws.path();
    let model = new(
        ws,
        &[
            "model",
            "--title",
            "Dòng sông không rác",
            "--unit",
            "tân mỹ",
            "--org",
            "mttq",
            "--tag",
            "Môi trường",
        ],
    );
    assert_eq!(model, ws.join("models/2025/2025-09-15-dong-song-khong-rac.toml"));
    let meeting = new(
        ws,
        &[
            "meeting",
            "--type",
            "dialogue",
            "--title",
            "Đối thoại với Nhân dân xã Tân Khánh Trung",
            "--unit",
            "tan khanh trung",
            "--org",
            "mttq",
            "--org",
            "ubnd",
            "--date",
            "2025-10-16",
            "--chair",
            "Bí thư Huyện ủy",
            "--period",
            "2025-q3",
        ],
    );
    assert_eq!(
        meeting,
        ws.join("meetings/2025/2025-10-16-doi-thoai-voi-nhan-dan-xa-tan-khanh-trung.toml")
    );
    let petition = new(
        ws,
        &[
            "petition",
            "--type",
            "denunciation",
            "--unit",
            "tan my",
            "--org",
            "ubnd",
            "--channel",
            "mail",
        ],
    );
    assert_eq!(petition, ws.join("petitions/2025/2025-09-15-to-cao-tan-my.toml"));
    check_is_clean(ws);

    let model = read(&model);
    assert!(model.starts_with("#:schema ../../schema/model.json\n"), "{model}");
    assert!(
        model.contains("units = [\"tan-my\"]") && model.contains("lead = \"mttq\""),
        "{model}"
    );
    assert!(
        model.contains("started = 2025-09-15") && model.contains("tags = [\"moi-truong\"]"),
        "{model}"
    );
    let meeting = read(&meeting);
    assert!(meeting.contains("participants = [\"mttq\", \"ubnd\"]"), "{meeting}");
    assert!(
        meeting.contains("period = \"2025-Q3\"") && meeting.contains("type = \"dialogue\""),
        "{meeting}"
    );
    let petition = read(&petition);
    assert!(
        petition.starts_with("#:schema ../../schema/petition.json\n"),
        "{petition}"
    );
    assert!(
        petition.contains("received = 2025-09-15") && petition.contains("handler = \"ubnd\""),
        "{petition}"
    );
    // No personal data values: the [petitioner] table is only a commented-out reminder.
    assert!(
        petition.contains("# [petitioner]") && !petition.contains("\n[petitioner]"),
        "{petition}"
    );
    assert!(
        !petition.contains("round ="),
        "a round is for complaints only: {petition}"
    );

    // The written records are read by every command.
    let out = danvan_in(ws)
        .args(["list", "petitions", "--format", "json"])
        .assert()
        .success();
    let list: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(list["rows"].as_array().unwrap().len(), 2);
}

#[test]
fn the_same_title_twice_gives_two_files() {
    let ws = workspace();
    let ws = ws.path();
    let args = [
        "model",
        "--title",
        "Cánh đồng kiểu mẫu",
        "--org",
        "mttq",
        "--date",
        "2025-02-01",
    ];
    let first = new(ws, &args);
    let before = read(&first);
    let second = new(ws, &args);
    let third = new(ws, &args);
    assert_eq!(first, ws.join("models/2025/2025-02-01-canh-dong-kieu-mau.toml"));
    assert_eq!(second, ws.join("models/2025/2025-02-01-canh-dong-kieu-mau-2.toml"));
    assert_eq!(third, ws.join("models/2025/2025-02-01-canh-dong-kieu-mau-3.toml"));
    assert_eq!(read(&first), before, "the first file was rewritten");
    check_is_clean(ws);
}

#[test]
fn an_id_taken_in_another_folder_is_not_reused() {
    let ws = workspace();
    let ws = ws.path();
    // The bundled model sits in models/2025; an id is unique across all sub-folders.
    let elsewhere = ws.join("models/tan-my");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::rename(
        ws.join("models/2025/2025-01-15-to-nhan-dan-tu-quan.toml"),
        elsewhere.join("2025-01-15-to-nhan-dan-tu-quan.toml"),
    )
    .unwrap();
    let path = new(
        ws,
        &[
            "model",
            "--title",
            "Tổ Nhân dân tự quản",
            "--org",
            "mttq",
            "--date",
            "2025-01-15",
        ],
    );
    assert_eq!(path, ws.join("models/2025/2025-01-15-to-nhan-dan-tu-quan-2.toml"));
    check_is_clean(ws);
}

#[test]
fn a_name_shared_by_a_commune_and_its_successor_is_read_on_the_records_date() {
    let ws = workspace();
    let ws = ws.path();
    let config = read(&ws.join("danvan.toml")).replace(
        "id = \"tan-my\"\nname = \"xã Tân Mỹ\"\n",
        "id = \"tan-my\"\nname = \"xã Tân Mỹ\"\nuntil = 2025-06-30\n\n[[unit]]\nid = \"xa-tan-my\"\nname = \"xã Tân Mỹ\"\nsince = 2025-07-01\n",
    );
    std::fs::write(ws.join("danvan.toml"), config).unwrap();
    let before = new(
        ws,
        &[
            "model",
            "--title",
            "Trước",
            "--unit",
            "tan my",
            "--org",
            "mttq",
            "--date",
            "2025-03-01",
        ],
    );
    let after = new(
        ws,
        &[
            "model",
            "--title",
            "Sau",
            "--unit",
            "tan my",
            "--org",
            "mttq",
            "--date",
            "2025-08-01",
        ],
    );
    assert!(read(&before).contains("units = [\"tan-my\"]"));
    assert!(read(&after).contains("units = [\"xa-tan-my\"]"));
    check_is_clean(ws);
}

#[test]
fn a_workspace_template_replaces_the_built_in_one() {
    let ws = workspace();
    let ws = ws.path();
    std::fs::create_dir_all(ws.join("templates/new")).unwrap();
    std::fs::write(
        ws.join("templates/new/model.toml"),
        "#:schema {{ schema }}\n# {{ id }}\ntitle = {{ title | toml }}\nlead = {{ lead | toml }}\nstarted = {{ date }}\nstatus = \"planned\"\n",
    )
    .unwrap();
    let path = new(ws, &["model", "--title", "Mái ấm công đoàn", "--org", "ubnd"]);
    assert_eq!(
        read(&path),
        "#:schema ../../schema/model.json\n# 2025-09-15-mai-am-cong-doan\ntitle = \"Mái ấm công đoàn\"\nlead = \"ubnd\"\nstarted = 2025-09-15\nstatus = \"planned\"\n"
    );
    check_is_clean(ws);

    // A template that gives something that is not TOML writes nothing.
    std::fs::write(ws.join("templates/new/model.toml"), "title = {{ title }}\n").unwrap();
    danvan_in(ws)
        .args(["new", "model", "--title", "Hai từ", "--org", "ubnd"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("templates/new/model.toml"))
        .stderr(predicates::str::contains("invalid TOML"));
    assert!(!ws.join("models/2025/2025-09-15-hai-tu.toml").exists());
}

#[test]
fn usage_errors_write_nothing() {
    let ws = workspace();
    let ws = ws.path();
    let cases: [(&[&str], &str); 7] = [
        (&["model", "--org", "mttq"], "--title is required"),
        (&["model", "--title", "X"], "--org is required"),
        (
            &["model", "--title", "X", "--org", "mttq", "--org", "ubnd"],
            "one organisation",
        ),
        (
            &["meeting", "--title", "X", "--type", "party"],
            "review | dialogue | reception | conference",
        ),
        (
            &["meeting", "--title", "X", "--channel", "mail"],
            "--channel is for petitions only",
        ),
        (&["petition", "--unit", "hà nội"], "no unit matches"),
        (&["conclusion", "--title", "X"], "inside a meeting"),
    ];
    for (args, message) in cases {
        danvan_in(ws)
            .arg("new")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(message));
    }
    let written = walkdir::WalkDir::new(ws)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .count();
    assert_eq!(
        written, 5,
        "the five files of examples/minimal (and its .taplo.toml), nothing more"
    );
}

#[cfg(unix)]
#[test]
fn edit_opens_the_editor_then_checks_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace();
    let ws = ws.path();
    // An "editor" that breaks the record, as a hurried edit might.
    let editor = ws.join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\necho 'status = \"finished\"' >> \"$1\"\n").unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = danvan_in(ws)
        .env("EDITOR", &editor)
        .args(["new", "petition", "--edit"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("E013"));
    let printed = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let text = read(&ws.join(printed.trim()));
    assert!(text.ends_with("status = \"finished\"\n"), "{text}");
}

/// The id is the date and the title, with no random part: two branches
/// (two copies of a workspace) adding the same title on the same day get
/// the same id, as `new --help` and the README say (git shows the two
/// files as a conflict when the branches meet). Before, both promised an
/// id "no one else will pick on another branch", which was not true.
#[test]
fn the_same_record_on_two_branches_gets_the_same_id_as_documented() {
    let (a, b) = (workspace(), workspace());
    let args = [
        "model",
        "--title",
        "Cánh đồng kiểu mẫu",
        "--org",
        "mttq",
        "--date",
        "2025-02-01",
    ];
    let (first, second) = (new(a.path(), &args), new(b.path(), &args));
    assert_eq!(
        first.strip_prefix(a.path()).unwrap(),
        second.strip_prefix(b.path()).unwrap()
    );
    let help = danvan_in(a.path()).args(["new", "--help"]).stdout();
    assert!(
        help.contains("the same title on the same day on another branch gets the same"),
        "{help}"
    );
    let help = danvan().args(["new", "--help"]).stdout();
    assert!(
        help.contains("cùng tên, cùng ngày trên một nhánh khác sẽ ra cùng mã"),
        "{help}"
    );
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    assert!(
        !readme.contains("no one else will pick"),
        "the README still promises it"
    );
    assert!(readme.contains("gets the same id"), "the README does not say it");
}
