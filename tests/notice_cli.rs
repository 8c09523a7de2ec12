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
    // The record's recipients, then the assignees it lacks, then the archive line
    // (the left column of the closing block, read line by line).
    let recipients: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(|l| l.split("   ").next().unwrap_or(l).trim())
        .collect();
    assert_eq!(
        recipients,
        [
            "Thường trực Tỉnh ủy (b/c),",
            "Ban Dân vận Tỉnh ủy (b/c),",
            "Ủy ban MTTQ Việt Nam huyện,",
            "Ủy ban nhân dân huyện,",
            "Lưu Văn phòng Huyện ủy."
        ],
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
        out.contains("@page { size: A4; margin: 20.0mm 15.0mm 20.0mm 30.0mm;"),
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

// ── The notice as Hướng dẫn 36-HD/VPTW writes it (issue 13 sections 3 and 4) ──

/// A commune Party committee formed on 1/7/2025: "-TB/ĐU", a notice dated
/// 05/02/2026, no `[document] archive`.
const COMMUNE: &str = "tests/fixtures/notice/commune";
const COMMUNE_MEETING: &str = "2026-01-27-btv-lam-viec-khoi-dan-van-nam-2025";

/// The notice in every form: text, Markdown, HTML, and document.xml of the docx.
fn every_form(records: &Path, meeting: &str) -> [(&'static str, String); 4] {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("n.docx");
    on(records, &["notice", meeting, "-o", docx.to_str().unwrap()])
        .assert()
        .success();
    [
        ("text", on(records, &["notice", meeting]).stdout()),
        (
            "markdown",
            on(records, &["notice", meeting, "--format", "markdown"]).stdout(),
        ),
        ("html", on(records, &["notice", meeting, "--format", "html"]).stdout()),
        ("docx", docx_part(&std::fs::read(&docx).unwrap(), "word/document.xml")),
    ]
}

#[test]
fn the_months_one_and_two_take_a_leading_zero_in_every_form() {
    // Hướng dẫn 36-HD/VPTW: "ngày 05 tháng 02 năm 2026" (its appendix: "ngày 20 tháng 02 năm 2018").
    for (form, out) in every_form(Path::new(COMMUNE), COMMUNE_MEETING) {
        assert!(out.contains("Lấp Vò, ngày 05 tháng 02 năm 2026"), "{form}:\n{out}");
    }
    // Months 3 to 12 keep one digit; the day below 10 its zero.
    for (form, out) in every_form(fixture(), MEETING) {
        assert!(out.contains("Lấp Vò, ngày 05 tháng 8 năm 2022"), "{form}:\n{out}");
    }
}

#[test]
fn a_commune_committee_signs_for_its_standing_committee_and_archives_at_its_office() {
    for (form, out) in every_form(Path::new(COMMUNE), COMMUNE_MEETING) {
        assert!(out.contains("Số 01-TB/ĐU"), "{form}: notice_suffix TB/ĐU\n{out}");
        assert!(out.contains("T/M BAN THƯỜNG VỤ"), "{form}:\n{out}");
        assert!(!out.contains("T/M BAN THƯỜNG VỤ ĐẢNG ỦY"), "{form}:\n{out}");
        assert!(out.contains("- Lưu Văn phòng Đảng ủy."), "{form}:\n{out}");
        assert!(!out.contains("Văn phòng Đảng ủy xã"), "{form}:\n{out}");
        assert!(
            out.contains("ĐẢNG ỦY XÃ LẤP VÒ") && out.contains("BÍ THƯ"),
            "{form}:\n{out}"
        );
    }
    // A year's review is "năm 2025", not "2025".
    let text = on(Path::new(COMMUNE), &["notice", COMMUNE_MEETING]).stdout();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("công tác dân vận năm 2025. Chủ trì"), "{text}");
}

#[test]
fn noi_nhan_is_14_pt_upright_and_underlined_in_every_form() {
    let [(_, text), (_, md), (_, html), (_, xml)] = every_form(fixture(), MEETING);
    // Text: the line under it is as wide as it.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Nơi nhận:"))
        .expect("Nơi nhận:");
    assert!(lines[at + 1].starts_with("‾‾‾‾‾‾‾‾‾ "), "{text}");
    assert!(
        !lines[at + 1].starts_with("‾‾‾‾‾‾‾‾‾‾"),
        "as wide as \"Nơi nhận:\" (9 columns)"
    );
    // Markdown: underlined, not italic.
    assert!(md.contains("| <ins>Nơi nhận:</ins><br>- Thường trực"), "{md}");
    assert!(!md.contains("*Nơi nhận:*"), "{md}");
    // HTML: 14 pt, upright, not bold, underlined.
    assert!(
        html.contains(".recipients-title { font-size: 14pt; font-weight: normal; font-style: normal; text-decoration: underline; }"),
        "{html}"
    );
    assert!(html.contains(r#"<div class="recipients-title">Nơi nhận:</div>"#));
    // Word: one run, underlined, 14 pt, neither bold nor italic.
    assert!(
        xml.contains(r#"<w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Nơi nhận:</w:t></w:r>"#),
        "{xml}"
    );
    // The recipients are 12 pt.
    assert!(xml.contains(
        r#"<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">- Thường trực Tỉnh ủy (b/c),</w:t>"#
    ));
}

#[test]
fn the_rule_under_the_party_line_is_as_long_as_that_line() {
    let [(_, text), (_, md), (_, html), (_, xml)] = every_form(fixture(), MEETING);
    // Text: as many columns as "ĐẢNG CỘNG SẢN VIỆT NAM" (22), starting where it starts.
    let lines: Vec<&str> = text.lines().collect();
    let party = lines[0].find("ĐẢNG CỘNG SẢN VIỆT NAM").unwrap();
    let column = |line: &str, at: usize| line[..at].chars().count();
    let rule_at = lines[1].find('─').unwrap();
    assert_eq!(column(lines[1], rule_at), column(lines[0], party), "{text}");
    assert_eq!(lines[1][rule_at..].trim_end(), "─".repeat(22), "{text}");
    // Markdown: the line itself underlined.
    assert!(md.contains("<ins>**ĐẢNG CỘNG SẢN VIỆT NAM**</ins>"), "{md}");
    // HTML: the rule and the line fill one inline block, as wide as the line.
    assert!(html.contains(".party-line { display: inline-block; }"), "{html}");
    assert!(
        html.contains("<div class=\"party-line\">\n          <div class=\"party\">ĐẢNG CỘNG SẢN VIỆT NAM</div>\n          <div class=\"rule\"></div>"),
        "{html}"
    );
    // Word: a bordered empty paragraph indented by what the line leaves of
    // its column. A4 is 11906 twips; margins 30 and 15 mm (1701, 851) leave
    // 9354; the right column is 9354 − 45% (4209) = 5145; the line, 15 pt
    // bold Times New Roman, is 4133 (render/docx.rs); (5145 − 4133) / 2 = 506.
    assert!(
        xml.contains(r#"<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="40" w:after="0" w:line="264" w:lineRule="auto"/><w:ind w:left="506" w:right="506"/>"#),
        "{xml}"
    );
}

#[test]
fn pages_are_numbered_from_the_second_centred_in_the_top_margin_at_14_pt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.docx");
    on(fixture(), &["notice", MEETING, "-o", path.to_str().unwrap()])
        .assert()
        .success();
    let bytes = std::fs::read(&path).unwrap();
    let xml = docx_part(&bytes, "word/document.xml");
    // The first page takes the "first" header (empty); the others the page number.
    assert!(
        xml.contains(r#"<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>"#),
        "{xml}"
    );
    assert!(xml.contains("<w:titlePg/></w:sectPr>"));
    // In the top margin (20 mm = 1134 twips): the header starts half-way down it.
    assert!(
        xml.contains(r#"w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567""#),
        "{xml}"
    );
    let rels = docx_part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml""#));
    assert!(rels.contains(r#"Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml""#));
    let numbered = docx_part(&bytes, "word/header1.xml");
    assert!(numbered.contains(r#"<w:jc w:val="center"/>"#), "{numbered}");
    assert!(numbered.contains(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#));
    assert_eq!(
        numbered.matches(r#"<w:sz w:val="28"/>"#).count(),
        6,
        "every run 14 pt: {numbered}"
    );
    let first = docx_part(&bytes, "word/header2.xml");
    assert!(!first.contains("<w:r>"), "the first page's header is empty: {first}");
    // The printed HTML: counter(page) in the top centre, but not on the first page.
    let html = on(fixture(), &["notice", MEETING, "--format", "html"]).stdout();
    assert!(html.contains("@top-center { content: counter(page);"), "{html}");
    assert!(html.contains("font-size: 14pt; } }"), "{html}");
    assert!(
        html.contains("@page :first { @top-center { content: none; } }"),
        "{html}"
    );
}

#[test]
fn the_signature_block_is_kept_with_the_last_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.docx");
    on(fixture(), &["notice", MEETING, "-o", path.to_str().unwrap()])
        .assert()
        .success();
    let xml = docx_part(&std::fs::read(&path).unwrap(), "word/document.xml");
    // The last paragraph of the body, then the space before the block: both kept with the next.
    let last = xml.find("Vận động Nhân dân tham gia mô hình").unwrap();
    let p_start = xml[..last].rfind("<w:p>").unwrap();
    assert!(xml[p_start..last].contains("<w:keepNext/>"), "{}", &xml[p_start..last]);
    let block = xml.rfind("<w:tbl>").unwrap();
    let spacer = xml[..block].rfind("<w:p>").unwrap();
    assert!(
        xml[spacer..block].starts_with("<w:p><w:pPr><w:keepNext/>"),
        "{}",
        &xml[spacer..block]
    );
    // The block's row is not split between pages.
    assert!(xml[block..].starts_with("<w:tbl>") && xml[block..].contains("<w:tr><w:trPr><w:cantSplit/></w:trPr>"));
    let html = on(fixture(), &["notice", MEETING, "--format", "html"]).stdout();
    assert!(
        html.contains("table.signing { margin-top: 12pt; break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }"),
        "{html}"
    );
    assert!(html.contains("p:has(+ table.signing) { break-after: avoid; page-break-after: avoid; }"));
}

/// A copy of the fixture with notices whose situation has 12 to 17
/// paragraphs, one of which ends the body so close to the foot of a page
/// that the signature block alone would go over to the next; the meeting
/// ids, longest last.
fn long_notices() -> (tempfile::TempDir, Vec<String>) {
    let ws = fixture_copy();
    let record = std::fs::read_to_string(ws.path().join("meetings").join(format!("{MEETING}.toml"))).unwrap();
    let start = record.find("situation = ").unwrap();
    let end = record.find("\nassessment").unwrap();
    let mut ids = Vec::new();
    for k in 12..=17 {
        let paragraphs: Vec<String> = (1..=k)
            .map(|i| {
                format!(
                    "Đoạn {i}. Nhân dân trong xã phản ánh tình hình sản xuất, đời sống và các vấn đề cần quan tâm giải quyết ở địa phương, đề nghị cấp ủy, chính quyền tiếp tục lắng nghe."
                )
            })
            .collect();
        let text = format!(
            "{}situation = \"{}\"{}",
            &record[..start],
            paragraphs.join("\\n\\n"),
            &record[end..]
        )
        .replace("number = \"245\"", &format!("number = \"{}\"", 300 + k));
        let id = format!("2022-07-{k:02}-dai");
        std::fs::write(ws.path().join("meetings").join(format!("{id}.toml")), text).unwrap();
        ids.push(id);
    }
    (ws, ids)
}

/// Whether the page with the signature also holds the body's last paragraph.
fn signature_with_last_paragraph(pages: &[String]) -> bool {
    let page = pages
        .iter()
        .find(|p| p.contains("T/M BAN THƯỜNG VỤ"))
        .expect("a signature");
    page.contains("Dòng sông không rác")
}

/// The pages of a long notice: the signature with the last paragraph, and
/// every page numbered from the second ("2" at the top of page 2, nothing
/// on page 1).
fn kept_and_numbered(id: &str, pages: &[String]) {
    assert!(
        signature_with_last_paragraph(pages),
        "{id}: the signature block is alone: {pages:#?}"
    );
    let count = pages.iter().filter(|p| !p.is_empty()).count();
    assert!(count >= 2, "{id}: {pages:#?}");
    assert_eq!(
        numbered_pages(pages),
        (2..=count).collect::<Vec<_>>(),
        "{id}: {pages:#?}"
    );
}

/// A PDF's pages that start with their number ("2", "3", …).
fn numbered_pages(pages: &[String]) -> Vec<usize> {
    pages
        .iter()
        .enumerate()
        .filter(|(i, p)| p.starts_with(&format!("{} ", i + 1)))
        .map(|(i, _)| i + 1)
        .collect()
}

/// A .docx with every `<w:keepNext/>` and `<w:cantSplit/>` taken out: what
/// the test must catch.
fn without_keeps(from: &Path, to: &Path) {
    use std::io::Write;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut text = Vec::new();
        entry.read_to_end(&mut text).unwrap();
        if name == "word/document.xml" {
            text = String::from_utf8(text)
                .unwrap()
                .replace("<w:keepNext/>", "")
                .replace("<w:cantSplit/>", "")
                .into_bytes();
        }
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        out.start_file(name, options).unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn libreoffice_keeps_the_signature_with_the_last_paragraph_and_numbers_pages_from_the_second() {
    let Some(soffice) = common::require_tool(&["soffice"]) else {
        return;
    };
    let Some(pdftotext) = common::require_tool(&["pdftotext"]) else {
        return;
    };
    let (ws, ids) = long_notices();
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("docx");
    on(
        ws.path(),
        &[
            "notice",
            "--all",
            "--format",
            "docx",
            "--out-dir",
            docx.to_str().unwrap(),
        ],
    )
    .assert()
    .success();
    let ours: Vec<PathBuf> = ids.iter().map(|id| docx.join(format!("{id}.docx"))).collect();
    let control_dir = tmp.path().join("control");
    std::fs::create_dir_all(&control_dir).unwrap();
    let control: Vec<PathBuf> = ids
        .iter()
        .map(|id| {
            let to = control_dir.join(format!("{id}.docx"));
            without_keeps(&docx.join(format!("{id}.docx")), &to);
            to
        })
        .collect();
    let pdf = tmp.path().join("pdf");
    let pdf_control = tmp.path().join("pdf-control");
    let profile = tmp.path().join("profile");
    common::docx::soffice_to_pdf(&soffice, &ours, &pdf, &profile);
    common::docx::soffice_to_pdf(&soffice, &control, &pdf_control, &profile);
    let mut alone_without_keeps = 0;
    for id in &ids {
        let pages = common::docx::pdf_pages(&pdftotext, &pdf.join(format!("{id}.pdf")));
        kept_and_numbered(id, &pages);
        let pages = common::docx::pdf_pages(&pdftotext, &pdf_control.join(format!("{id}.pdf")));
        if !signature_with_last_paragraph(&pages) {
            alone_without_keeps += 1;
        }
    }
    assert!(
        alone_without_keeps > 0,
        "without keep-with-next, some of these notices leave the signature alone on a page (else the test proves nothing)"
    );
}

#[test]
fn printed_html_keeps_the_signature_with_the_last_paragraph_and_numbers_pages_from_the_second() {
    let Some(chromium) = common::require_tool(&["chromium", "chromium-browser"]) else {
        return;
    };
    let Some(pdftotext) = common::require_tool(&["pdftotext"]) else {
        return;
    };
    let (ws, ids) = long_notices();
    let tmp = tempfile::tempdir().unwrap();
    let html = tmp.path().join("html");
    on(
        ws.path(),
        &[
            "notice",
            "--all",
            "--format",
            "html",
            "--out-dir",
            html.to_str().unwrap(),
        ],
    )
    .assert()
    .success();
    let print = |page: &Path, pdf: &Path| {
        let profile = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        assert!(
            pdf.exists(),
            "chromium printed nothing: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        common::docx::pdf_pages(&pdftotext, pdf)
    };
    let mut alone_without_keeps = 0;
    for id in &ids {
        let page = html.join(format!("{id}.html"));
        let pages = print(&page, &tmp.path().join(format!("{id}.pdf")));
        kept_and_numbered(id, &pages);
        // The same page without the rules that keep the block.
        let text = std::fs::read_to_string(&page).unwrap();
        let loose = text
            .replace(
                " break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid;",
                "",
            )
            .replace(
                "p:has(+ table.signing) { break-after: avoid; page-break-after: avoid; }",
                "",
            );
        assert_ne!(loose, text, "the keeping rules are where the test expects them");
        let control = tmp.path().join(format!("{id}-control.html"));
        std::fs::write(&control, loose).unwrap();
        if !signature_with_last_paragraph(&print(&control, &tmp.path().join(format!("{id}-control.pdf")))) {
            alone_without_keeps += 1;
        }
    }
    assert!(
        alone_without_keeps > 0,
        "without the keeping rules, some of these pages leave the signature alone (else the test proves nothing)"
    );
}

// ── A well-formed WordprocessingML package (tests/common/docx.rs checks it) ──

#[test]
fn the_docx_is_a_well_formed_wordprocessingml_package() {
    for (records, meeting) in [
        (fixture(), MEETING),
        (Path::new(COMMUNE), COMMUNE_MEETING),
        (Path::new("records"), BUNDLED),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.docx");
        on(records, &["notice", meeting, "-o", path.to_str().unwrap()])
            .assert()
            .success();
        common::docx::check_package(&std::fs::read(&path).unwrap());
    }
}

#[test]
fn the_schema_check_catches_what_word_would_not_open_cleanly() {
    use common::docx::{check_schema_order, parse_xml};
    // The checker itself fails on the mistakes it is there for.
    let bad_order = parse_xml(r#"<w:tblPr><w:tblW w:w="1"/><w:tblLayout w:type="fixed"/><w:tblBorders/></w:tblPr>"#);
    assert!(std::panic::catch_unwind(|| check_schema_order(&bad_order, "t")).is_err());
    let bad_run = parse_xml(r#"<w:rPr><w:u w:val="single"/><w:sz w:val="28"/></w:rPr>"#);
    assert!(std::panic::catch_unwind(|| check_schema_order(&bad_run, "t")).is_err());
    assert!(std::panic::catch_unwind(|| parse_xml("<w:p><w:r></w:p></w:r>")).is_err());
    let good = parse_xml(r#"<w:tblPr><w:tblW w:w="1"/><w:tblBorders/><w:tblLayout w:type="fixed"/></w:tblPr>"#);
    check_schema_order(&good, "t");
}

#[test]
fn word_opens_it_in_its_current_mode_with_the_subject_as_title_and_no_person_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.docx");
    on(fixture(), &["notice", MEETING, "-o", path.to_str().unwrap()])
        .assert()
        .success();
    let bytes = std::fs::read(&path).unwrap();
    let settings = docx_part(&bytes, "word/settings.xml");
    // Without compatibilityMode 15, Word opens the file in compatibility mode.
    assert!(
        settings.contains(r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#),
        "{settings}"
    );
    assert!(settings.contains("<w:removePersonalInformation/>"));
    let rels = docx_part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains(
        r#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml""#
    ));
    let root = docx_part(&bytes, "_rels/.rels");
    assert!(root.contains(r#"Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml""#));
    let core = docx_part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>kết luận của Ban Thường vụ Huyện ủy về tình hình Nhân dân và công tác dân vận 6 tháng đầu năm 2022</dc:title>"),
        "{core}"
    );
    assert!(core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2022-08-05T00:00:00Z</dcterms:created>"#));
    // No person: not the signer, no author or editor field at all.
    let app = docx_part(&bytes, "docProps/app.xml");
    for part in [&core, &app] {
        for personal in [
            "Trần Thị B",
            "dc:creator",
            "cp:lastModifiedBy",
            "<Company>",
            "<Manager>",
        ] {
            assert!(!part.contains(personal), "{personal} in {part}");
        }
    }
}
