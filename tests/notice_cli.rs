//! `danvan notice`: the conclusion notice in every format, on the fixture in
//! tests/fixtures/notice/review (one review meeting, a notice, three tasks to
//! two organisations) and on the bundled records. The `check` rules on
//! notices and tasks are in tests/check_cli.rs.

mod common;
use common::{Danvan, copy_dir, danvan};
use std::io::Read;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/notice/review";
const MEETING: &str = "2022-07-12-so-ket-6-thang";
/// A review meeting of the bundled records that has a notice.
const BUNDLED: &str = "2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022";

/// `danvan --records RECORDS --color never ARGS…`.
fn on(records: &Path, args: &[&str]) -> Danvan {
    danvan().records(records).args(["--color", "never"]).args(args)
}

fn stderr_of(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

fn fixture() -> &'static Path {
    Path::new(FIXTURE)
}

/// A copy of the fixture workspace, for tests that add templates to it.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(fixture(), dir.path());
    dir
}

/// One part of a .docx, as text.
fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn text_layout_is_pinned() {
    insta::assert_snapshot!("notice_text", on(fixture(), &["notice", MEETING]).stdout());
}

#[test]
fn markdown_layout_is_pinned() {
    insta::assert_snapshot!(
        "notice_markdown",
        on(fixture(), &["notice", MEETING, "--format", "markdown"]).stdout()
    );
}

#[test]
fn text_has_every_part_of_the_document() {
    let out = on(fixture(), &["notice", MEETING]).stdout();
    // Paragraphs are wrapped at 78 columns: compare with the line breaks flattened.
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP",
        "HUYỆN ỦY LẤP VÒ",
        "Số 245-TB/HU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        // The day below 10 takes a zero, the month does not.
        "Lấp Vò, ngày 05 tháng 8 năm 2022",
        "THÔNG BÁO",
        // Who met whom (not the standing body itself), when, on what.
        "Ngày 12/7/2022, Ban Thường vụ Huyện ủy làm việc với Ban Dân vận Huyện ủy và Ủy ban",
        "6 tháng đầu năm 2022",
        "Ủy ban nhân dân huyện:",
        "Ủy ban MTTQ Việt Nam huyện:",
        "Thời hạn: trước ngày 31/12/2022.",
        "T/M BAN THƯỜNG VỤ",
        // signer_title "Phó Bí thư" is printed in capitals.
        "PHÓ BÍ THƯ",
        "Trần Thị B",
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy (b/c),",
        "- Lưu Văn phòng Huyện ủy.",
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert!(!out.contains("Số:"), "\"Số\" takes no colon");
    // Every assignee is a recipient once: the Front is listed by the record, UBND is added.
    assert_eq!(out.matches("- Ủy ban MTTQ Việt Nam huyện,").count(), 1, "{out}");
    assert_eq!(out.matches("- Ủy ban nhân dân huyện,").count(), 1, "{out}");
    // The record's recipients, then the assignees it lacks, then the archive line.
    assert!(
        flat.contains("- Ban Dân vận Tỉnh ủy (b/c), - Ủy ban MTTQ Việt Nam huyện, - Ủy ban nhân dân huyện, - Lưu Văn phòng Huyện ủy."),
        "{out}"
    );
}

#[test]
fn the_notice_is_vietnamese_whatever_the_language() {
    let out = on(fixture(), &["--lang", "en", "notice", MEETING]).stdout();
    assert!(out.contains("THÔNG BÁO") && out.contains("Nơi nhận:") && out.contains("ngày 05 tháng 8 năm 2022"));
    assert!(!out.contains("as of"), "{out}");
}

#[test]
fn html_is_a_self_contained_a4_page() {
    let out = on(fixture(), &["notice", MEETING, "--format", "html"]).stdout();
    assert!(out.starts_with("<!DOCTYPE html>"), "{out}");
    assert!(
        out.contains("@page { size: A4; margin: 20.0mm 15.0mm 20.0mm 30.0mm; }"),
        "{out}"
    );
    assert!(out.contains("\"Times New Roman\""));
    assert!(out.contains("<html lang=\"vi\">"));
    // Nothing is fetched: no scripts, links or external styles.
    for outside in ["<script", "<link", "src=", "url("] {
        assert!(!out.contains(outside), "{outside} in\n{out}");
    }
    // Record text is escaped (the situation holds "&" and "<xã Tân Mỹ>").
    assert!(out.contains("giá phân bón &amp; việc cấp"), "{out}");
    assert!(out.contains("&lt;xã Tân Mỹ&gt;") && !out.contains("<xã"), "{out}");
    for expected in ["ĐẢNG CỘNG SẢN VIỆT NAM", "THÔNG BÁO", "T/M BAN THƯỜNG VỤ", "Trần Thị B"] {
        assert!(out.contains(expected), "missing {expected}");
    }
}

#[test]
fn docx_has_the_document_in_real_word_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out/tb-245.docx");
    on(fixture(), &["notice", MEETING, "-o", path.to_str().unwrap()])
        .assert()
        .success();
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} missing from {names:?}");
    }
    // Fixed timestamps: the notice's date, not the time of the run.
    let stamp = zip.by_name("word/document.xml").unwrap().last_modified().unwrap();
    assert_eq!((stamp.year(), stamp.month(), stamp.day()), (2022, 8, 5));

    let xml = docx_part(&bytes, "word/document.xml");
    for expected in [
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP",
        "HUYỆN ỦY LẤP VÒ",
        "Số 245-TB/HU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Lấp Vò, ngày 05 tháng 8 năm 2022",
        "THÔNG BÁO",
        "kết luận của Ban Thường vụ Huyện ủy về tình hình Nhân dân",
        "Chỉ đạo giải quyết dứt điểm hồ sơ cấp giấy chứng nhận quyền sử dụng đất ở xã Tân Mỹ.",
        "Triển khai xây dựng vùng rau trọng điểm với phương châm “Chăm chỉ, tự lực, hợp tác”.",
        "Vận động Nhân dân tham gia mô hình “Dòng sông không rác”.",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Trần Thị B",
        "Nơi nhận:",
        "- Lưu Văn phòng Huyện ủy.",
        // XML-escaped record text.
        "giá phân bón &amp; việc cấp",
        "&lt;xã Tân Mỹ&gt;",
        // A4 and the margins of [document] (20/15/20/30 mm).
        r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
        r#"<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701""#,
        // Two borderless tables: the header and the signature.
        r#"<w:insideV w:val="nil"/>"#,
        // Justified body with a first-line indent; 15 pt titles.
        r#"<w:ind w:firstLine="567"/><w:jc w:val="both"/>"#,
        r#"<w:sz w:val="30"/>"#,
    ] {
        assert!(xml.contains(expected), "missing {expected:?} in document.xml");
    }
    assert_eq!(xml.matches("<w:tbl>").count(), 2);
    assert!(!xml.contains("<xã"));
    let styles = docx_part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#) && styles.contains(r#"<w:sz w:val="28"/>"#));
    // No temporary file is left beside the output.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn docx_is_byte_identical_from_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.docx"), dir.path().join("b.docx"));
    on(
        fixture(),
        &["notice", MEETING, "--format", "docx", "-o", a.to_str().unwrap()],
    )
    .assert()
    .success();
    on(
        fixture(),
        &["notice", MEETING, "--format", "docx", "-o", b.to_str().unwrap()],
    )
    .assert()
    .success();
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn docx_goes_into_a_pipe_but_not_onto_a_terminal() {
    // assert_cmd's stdout is a pipe: the bytes come through.
    let out = on(fixture(), &["notice", MEETING, "--format", "docx"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"PK"), "not a zip");
    assert!(docx_part(&out, "word/document.xml").contains("THÔNG BÁO"));
}

#[test]
fn docx_converts_with_libreoffice_where_installed() {
    let Some(soffice) = common::require_tool(&["soffice"]) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("notice.docx");
    on(fixture(), &["notice", MEETING, "-o", docx.to_str().unwrap()])
        .assert()
        .success();
    // A private profile, so a running LibreOffice or a stale lock does not interfere.
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let status = std::process::Command::new(soffice)
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = std::fs::read(dir.path().join("notice.pdf")).expect("soffice wrote no PDF");
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000);
}

#[test]
fn the_bundled_review_notice_prints_in_all_four_formats() {
    let records = Path::new("records");
    let text = on(records, &["notice", BUNDLED]).stdout();
    assert!(
        text.contains("Số 245-TB/HU") && text.contains("Lấp Vò, ngày 20 tháng 7 năm 2022"),
        "{text}"
    );
    let md = on(records, &["notice", BUNDLED, "--format", "markdown"]).stdout();
    assert!(md.contains("# THÔNG BÁO"));
    let dir = tempfile::tempdir().unwrap();
    // The format follows the extension of -o.
    let html = dir.path().join("tb.html");
    on(records, &["notice", BUNDLED, "-o", html.to_str().unwrap()])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&html).unwrap().starts_with("<!DOCTYPE html>"));
    let docx = dir.path().join("tb.docx");
    on(records, &["notice", BUNDLED, "-o", docx.to_str().unwrap()])
        .assert()
        .success();
    let xml = docx_part(&std::fs::read(&docx).unwrap(), "word/document.xml");
    for expected in [
        "Số 245-TB/HU",
        "THÔNG BÁO",
        "T/M BAN THƯỜNG VỤ",
        "Trần Thị B",
        "Ban Dân vận Huyện ủy",
    ] {
        assert!(xml.contains(expected), "missing {expected}");
    }
}

#[test]
fn all_writes_one_file_per_notice() {
    let records = Path::new("records");
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("notices/docx");
    let listed = on(
        records,
        &[
            "notice",
            "--all",
            "--format",
            "docx",
            "--out-dir",
            out_dir.to_str().unwrap(),
        ],
    )
    .stdout();
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    // Every bundled meeting with a [notice], and nothing else.
    let mut expected: Vec<String> = Vec::new();
    for entry in walk(&records.join("meetings")) {
        let text = std::fs::read_to_string(&entry).unwrap();
        if text.lines().any(|l| l.trim() == "[notice]") {
            expected.push(format!("{}.docx", entry.file_stem().unwrap().to_string_lossy()));
        }
    }
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(written, expected);
    assert!(written.iter().any(|n| n == &format!("{BUNDLED}.docx")));
    // The paths written are printed, one a line.
    assert_eq!(listed.lines().count(), expected.len(), "{listed}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
    out
}

#[test]
fn all_needs_an_out_dir_and_id_or_all_is_required() {
    on(fixture(), &["notice", "--all"]).assert().code(2);
    on(fixture(), &["notice"]).assert().code(2);
    on(fixture(), &["notice", MEETING, "-o", "x.txt", "--out-dir", "y"])
        .assert()
        .code(2);
}

#[test]
fn a_meeting_without_a_notice_is_a_clear_usage_error() {
    let err = stderr_of(
        on(fixture(), &["--lang", "en", "notice", "2022-08-18-doi-thoai-tan-my"])
            .assert()
            .code(2),
    );
    assert!(
        err.contains("has no conclusion notice") && err.contains("[notice]"),
        "{err}"
    );
    assert!(err.contains(MEETING), "lists the meetings that have one: {err}");
}

#[test]
fn an_unknown_id_suggests_the_closest() {
    let err = stderr_of(
        on(fixture(), &["--lang", "en", "notice", "2022-07-12-so-ket-6-thag"])
            .assert()
            .code(2),
    );
    assert!(err.contains("did you mean") && err.contains(MEETING), "{err}");
    let err = stderr_of(on(fixture(), &["notice", "2022-07-12-so-ket-6-thag"]).assert().code(2));
    assert!(err.contains("có phải ý bạn là"), "{err}");
}

#[test]
fn a_workspace_template_overrides_the_built_in_one() {
    let ws = fixture_copy();
    std::fs::create_dir_all(ws.path().join("templates")).unwrap();
    std::fs::write(
        ws.path().join("templates/notice.txt.j2"),
        "{{ header.number }} · {{ signature.name }} · {{ parts | length }} parts\n",
    )
    .unwrap();
    assert_eq!(
        on(ws.path(), &["notice", MEETING]).stdout(),
        "Số 245-TB/HU · Trần Thị B · 3 parts\n"
    );
    // Other formats keep the built-in layout.
    assert!(
        on(ws.path(), &["notice", MEETING, "--format", "markdown"])
            .stdout()
            .contains("# THÔNG BÁO")
    );
}

#[test]
fn a_broken_template_names_its_file_and_line_and_exits_1() {
    let ws = fixture_copy();
    std::fs::create_dir_all(ws.path().join("templates")).unwrap();
    let template = ws.path().join("templates/notice.md.j2");
    std::fs::write(&template, "# {{ doc_type }}\n\n{% for p in opening %}\n{{ p }\n").unwrap();
    let err = stderr_of(
        on(ws.path(), &["notice", MEETING, "--format", "markdown"])
            .assert()
            .code(1),
    );
    assert!(err.contains(&format!("{}:4:", template.display())), "{err}");
    assert!(err.contains("syntax error"), "{err}");
    // A misspelt field is an error too, not a blank.
    std::fs::write(&template, "# {{ doc_type }}\n{{ header.numbr }}\n").unwrap();
    let err = stderr_of(
        on(ws.path(), &["notice", MEETING, "--format", "markdown"])
            .assert()
            .code(1),
    );
    assert!(
        err.contains(&format!("{}:2:", template.display())) && err.contains("undefined"),
        "{err}"
    );
}

#[test]
fn output_errors_name_the_path_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    // The output path is a folder.
    let err = stderr_of(
        on(fixture(), &["notice", MEETING, "-o", dir.path().to_str().unwrap()])
            .assert()
            .code(2),
    );
    assert!(err.contains(&dir.path().display().to_string()), "{err}");
}

#[test]
fn the_fixture_itself_is_clean() {
    on(fixture(), &["check"]).assert().success();
}
