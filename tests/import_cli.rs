//! `danvan import`: sheets made here with rust_xlsxwriter (a title block,
//! a merged title, Vietnamese headers, dates as date cells, text and
//! serial numbers, a bad row, a repeated row), CSV with `;` and a BOM, a
//! `--map` file, re-imports, personal data kept in `[petitioner]`, and the
//! round trip `export --format xlsx` → import into an empty workspace.

use assert_cmd::Command;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};

mod common;

/// Markers in the personal-data columns: none may leave the record files.
const NAMES: [&str; 4] = ["Bí Mật Một", "Bí Mật Hai", "Bí Mật Ba", "Bí Mật Bốn"];

fn danvan(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("danvan").unwrap();
    cmd.args(["--records", root.to_str().unwrap(), "--color", "never"])
        .env_remove("DANVAN_RECORDS")
        .env_remove("DANVAN_AS_OF");
    cmd
}

/// A workspace with the bundled committee, units and organisations, and no records.
fn empty_workspace(dir: &Path) -> PathBuf {
    let root = dir.join("ws");
    std::fs::create_dir_all(&root).unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    for f in ["danvan.toml", "targets.toml"] {
        std::fs::copy(bundled.join(f), root.join(f)).unwrap();
    }
    root
}

fn run(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = danvan(root).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn assert_no_personal_data(what: &str, text: &str) {
    for n in NAMES {
        assert!(!text.contains(n), "{what} shows personal data {n:?}:\n{text}");
    }
    assert!(!text.contains("0900"), "{what} shows a phone number:\n{text}");
}

/// Every record file under `root/kind`, with its text.
fn records(root: &Path, kind: &str) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root.join(kind)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let text = std::fs::read_to_string(&p).unwrap();
                out.push((p, text));
            }
        }
    }
    out.sort();
    out
}

enum V {
    S(&'static str),
    D(u16, u8, u8),
    N(f64),
}

/// The register of petitions an office keeps: a merged title, a line
/// under it, a blank row, then the headers and the rows.
fn petition_sheet(path: &Path, rows: &[Vec<V>]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sổ đơn 2023").unwrap();
    let bold = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 14, "SỔ THEO DÕI ĐƠN THƯ KHIẾU NẠI, TỐ CÁO NĂM 2023", &bold)
        .unwrap();
    sheet.write_string(1, 0, "Ban Dân vận Huyện ủy Lấp Vò").unwrap();
    let headers = [
        "STT",
        "Số đơn",
        "Ngày nhận",
        "Họ tên",
        "Địa chỉ",
        "Số điện thoại",
        "Nội dung",
        "Loại đơn",
        "Lĩnh vực",
        "Xã/Thị trấn",
        "Ngày thụ lý",
        "Ngày giải quyết",
        "Kết quả",
        "Cơ quan giải quyết",
        "Phức tạp",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(3, c as u16, *h, &bold).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 4;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                V::S("") => {}
                V::S(s) => {
                    sheet.write_string(r, c, *s).unwrap();
                }
                V::N(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                V::D(y, m, d) => {
                    let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    sheet.write_datetime_with_format(r, c, &dt, &date).unwrap();
                }
            }
        }
    }
    book.save(path).unwrap();
}

/// Four petitions; dates as a date cell, as text (two forms) and as an
/// Excel serial number (45019 is 3/4/2023).
fn petition_rows() -> Vec<Vec<V>> {
    use V::*;
    vec![
        vec![
            N(1.0),
            S("01"),
            D(2023, 3, 2),
            S(NAMES[0]),
            S("Ấp Giả Định"),
            S("0900 000 001"),
            S("Khiếu nại việc đo đạc ranh giới thửa đất"),
            S("Khiếu nại"),
            S("Đất đai"),
            S("Tân Mỹ"),
            S("09/03/2023"),
            N(45019.0),
            S("Đúng một phần"),
            S("UBND huyện"),
            S("x"),
        ],
        vec![
            N(2.0),
            S("02"),
            S("5/4/23"),
            S(NAMES[1]),
            S("Ấp Hai"),
            S("0900 000 002"),
            S("Tố cáo cán bộ ấp"),
            S("Tố cáo"),
            S(""),
            S("xã Bình Thành"),
            S(""),
            S(""),
            S(""),
            S("UBND"),
            S(""),
        ],
        vec![
            N(3.0),
            S("03"),
            N(45050.0),
            S(NAMES[2]),
            S("Khóm 1"),
            S(""),
            S("Phản ánh ô nhiễm kênh"),
            S("Kiến nghị, phản ánh"),
            S("Môi trường"),
            S("TT Lấp Vò"),
            S("2023-05-08"),
            S(""),
            S(""),
            S("MTTQ"),
            S("không"),
        ],
    ]
}

fn fourth_row() -> Vec<V> {
    use V::*;
    vec![
        N(4.0),
        S("04"),
        D(2023, 6, 5),
        S(NAMES[3]),
        S("Ấp Bốn"),
        S("0900 000 004"),
        S("Khiếu nại mức hỗ trợ"),
        S("KN"),
        S("Chính sách"),
        S("Định Yên"),
        S(""),
        S(""),
        S(""),
        S("Ủy ban nhân dân huyện"),
        S(""),
    ]
}

#[test]
fn a_bad_row_stops_everything_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let root = empty_workspace(tmp.path());
    let mut rows = petition_rows();
    use V::*;
    rows.push(vec![
        N(4.0),
        S("04"),
        S("31/02/2023"),
        S(NAMES[3]),
        S(""),
        S(""),
        S("Nội dung"),
        S("Khiếu nại"),
        S(""),
        S("Tân Mi"),
        S(""),
        S(""),
        S(""),
        S("UBND"),
        S(""),
    ]);
    let file = tmp.path().join("so-don.xlsx");
    petition_sheet(&file, &rows);
    let (code, out, err) = run(&root, &["import", "petitions", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("so-don.xlsx:8:C (Ngày nhận)"), "{err}");
    assert!(err.contains("so-don.xlsx:8:J (Xã/Thị trấn)"), "{err}");
    assert!(err.contains("xã Tân Mỹ (tan-my)"), "did you mean: {err}");
    assert!(err.contains("không ghi tệp nào"), "{err}");
    assert!(records(&root, "petitions").is_empty(), "nothing is written");
    assert_no_personal_data("stdout", &out);
    assert_no_personal_data("stderr", &err);

    let (code, _, err) = run(&root, &["--lang", "en", "import", "petitions", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error: ") && err.contains("did you mean xã Tân Mỹ (tan-my)?"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
}

#[test]
fn import_maps_headers_values_and_keeps_personal_data_in_petitioner() {
    let tmp = tempfile::tempdir().unwrap();
    let root = empty_workspace(tmp.path());
    let file = tmp.path().join("so-don.xlsx");
    let mut rows = petition_rows();
    // A repeated row: the same petition entered twice.
    rows.push(petition_rows().remove(0));
    petition_sheet(&file, &rows);

    let (code, out, err) = run(&root, &["import", "petitions", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Thử (không ghi)") && out.contains("sẽ ghi 3 hồ sơ"),
        "{out}"
    );
    assert!(out.contains("received = 2023-03-02"), "{out}");
    assert_no_personal_data("dry run", &out);
    assert!(records(&root, "petitions").is_empty(), "a dry run writes nothing");

    let (code, out, err) = run(&root, &["import", "petitions", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_no_personal_data("stdout", &out);
    assert_no_personal_data("stderr", &err);
    assert!(
        out.contains(
            "Đọc 4 dòng của trang \"Sổ đơn 2023\"; ghi 3 hồ sơ; bỏ qua 0 dòng đã nhập trước đó và 1 dòng lặp lại"
        ),
        "{out}"
    );
    assert!(out.contains("dòng 8 lặp lại dòng 5"), "{out}");
    assert!(out.contains("Cột không nhập: STT"), "{out}");
    let written = records(&root, "petitions");
    assert_eq!(written.len(), 3);
    let names: Vec<String> = written
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "2023-03-02-khieu-nai-tan-my.toml",
            "2023-04-05-to-cao-binh-thanh.toml",
            "2023-05-04-kien-nghi-lap-vo.toml"
        ]
    );
    let first: toml::Table = written[0].1.parse().unwrap();
    assert_eq!(first["type"].as_str(), Some("complaint"));
    assert_eq!(first["received"].to_string(), "2023-03-02");
    assert_eq!(first["accepted"].to_string(), "2023-03-09");
    assert_eq!(first["resolved"].to_string(), "2023-04-03", "Excel serial 45019");
    assert_eq!(first["units"].as_array().unwrap()[0].as_str(), Some("tan-my"));
    assert_eq!(first["handler"].as_str(), Some("ubnd"));
    assert_eq!(first["field"].as_str(), Some("dat-dai"));
    assert_eq!(first["outcome"].as_str(), Some("partly-upheld"));
    assert_eq!(first["complex"].as_bool(), Some(true), "x is yes");
    assert_eq!(first["import_key"].as_str(), Some("no:01@2023"));
    assert_eq!(first["petitioner"]["name"].as_str(), Some(NAMES[0]));
    assert_eq!(first["petitioner"]["phone"].as_str(), Some("0900 000 001"));
    let third: toml::Table = written[2].1.parse().unwrap();
    assert_eq!(third["type"].as_str(), Some("recommendation"));
    assert_eq!(third["handler"].as_str(), Some("mttq"));
    assert!(third.get("complex").is_none(), "\"không\" is no");
    for (path, text) in &written {
        // Personal data only under [petitioner].
        let t: toml::Table = text.parse().unwrap();
        let mut rest = t.clone();
        rest.remove("petitioner");
        assert_no_personal_data(&path.display().to_string(), &toml::to_string(&rest).unwrap());
        assert_no_personal_data("file name", &path.display().to_string());
    }
    let (code, out, _) = run(&root, &["check"]);
    assert_eq!(code, 0, "{out}");

    // Again, with one more row: only the new row is written.
    let mut longer = petition_rows();
    longer.push(fourth_row());
    petition_sheet(&file, &longer);
    let (code, out, err) = run(&root, &["--lang", "en", "import", "petitions", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(
            "Read 4 rows of sheet \"Sổ đơn 2023\"; wrote 1 records; skipped 3 already imported and 0 repeated"
        ),
        "{out}"
    );
    assert_eq!(records(&root, "petitions").len(), 4);
    let (code, out, _) = run(&root, &["check"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn csv_with_a_bom_semicolons_a_map_and_fingerprints() {
    let tmp = tempfile::tempdir().unwrap();
    let root = empty_workspace(tmp.path());
    let csv = tmp.path().join("don.csv");
    std::fs::write(
        &csv,
        "\u{feff}Ngày tiếp nhận đơn;Phân loại;Địa bàn;Người đứng đơn;Ghi chú nội bộ\n\
         02/03/2023;Khiếu nại;Tân Mỹ;Bí Mật Một;x\n\
         3/3/23;KNTC;Định An;Bí Mật Hai;y\n",
    )
    .unwrap();
    let map = tmp.path().join("map.toml");
    std::fs::write(
        &map,
        "[columns]\n\"Ngày tiếp nhận đơn\" = \"received\"\n\"Người đứng đơn\" = \"petitioner.name\"\n\"Ghi chú nội bộ\" = \"\"\n\
         [values.type]\n\"KNTC\" = \"denunciation\"\n",
    )
    .unwrap();
    let args = ["import", "don", csv.to_str().unwrap(), "--map", map.to_str().unwrap()];
    let (code, out, err) = run(&root, &args);
    assert_eq!(code, 0, "{out}{err}");
    assert_no_personal_data("stdout", &out);
    let written = records(&root, "petitions");
    assert_eq!(written.len(), 2);
    let second: toml::Table = written[1].1.parse().unwrap();
    assert_eq!(second["type"].as_str(), Some("denunciation"));
    assert_eq!(second["units"].as_array().unwrap()[0].as_str(), Some("dinh-an"));
    let key = second["import_key"].as_str().unwrap();
    assert!(key.starts_with("row:") && key.len() == 20, "{key}");
    // The same sheet again: nothing new.
    let (code, out, _) = run(&root, &args);
    assert_eq!(code, 0);
    assert!(out.contains("ghi 0 hồ sơ; bỏ qua 2 dòng đã nhập trước đó"), "{out}");
    // A sheet without the map does not find its received dates.
    let (code, _, err) = run(&root, &["import", "petitions", csv.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("`received`"), "{err}");
}

#[test]
fn models_and_meetings_import_with_their_own_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let root = empty_workspace(tmp.path());
    let file = tmp.path().join("mo-hinh.xlsx");
    let mut book = Workbook::new();
    let models = book.add_worksheet();
    models.set_name("Mô hình").unwrap();
    models.write_string(0, 0, "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO").unwrap();
    for (c, h) in [
        "Tên mô hình",
        "Đơn vị chủ trì",
        "Địa bàn",
        "Ngày bắt đầu",
        "Cấp công nhận",
        "Ngày công nhận",
        "Số hộ tham gia",
    ]
    .iter()
    .enumerate()
    {
        models.write_string(2, c as u16, *h).unwrap();
    }
    let row = [
        "Dòng sông không rác",
        "Hội LHPN",
        "Tân Mỹ; Định An",
        "01/05/2021",
        "Cấp huyện",
        "15/11/2022",
        "320",
    ];
    for (c, v) in row.iter().enumerate() {
        models.write_string(3, c as u16, *v).unwrap();
    }
    let meetings = book.add_worksheet();
    meetings.set_name("Hội nghị").unwrap();
    for (c, h) in [
        "Tên hội nghị",
        "Loại",
        "Ngày",
        "Địa bàn",
        "Chủ trì",
        "Thành phần",
        "Số người tham dự",
    ]
    .iter()
    .enumerate()
    {
        meetings.write_string(0, c as u16, *h).unwrap();
    }
    let row = [
        "Đối thoại với Nhân dân xã Tân Mỹ",
        "Đối thoại",
        "18/8/2022",
        "xã Tân Mỹ",
        "Bí thư Huyện ủy",
        "BTV; MTTQ",
        "120",
    ];
    for (c, v) in row.iter().enumerate() {
        meetings.write_string(1, c as u16, *v).unwrap();
    }
    book.save(&file).unwrap();

    let (code, out, err) = run(&root, &["import", "models", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run(
        &root,
        &["import", "meetings", file.to_str().unwrap(), "--sheet", "hoi nghi"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let model: toml::Table = records(&root, "models")[0].1.parse().unwrap();
    assert_eq!(model["lead"].as_str(), Some("hoi-lhpn"));
    assert_eq!(model["status"].as_str(), Some("active"));
    assert_eq!(model["recognition"].as_str(), Some("district"));
    assert_eq!(model["indicators"]["households"].as_float(), Some(320.0));
    let units: Vec<&str> = model["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u.as_str())
        .collect();
    assert_eq!(units, ["tan-my", "dinh-an"]);
    let (path, text) = &records(&root, "meetings")[0];
    assert!(
        path.ends_with("meetings/2022/2022-08-18-doi-thoai-voi-nhan-dan-xa-tan-my.toml"),
        "{path:?}"
    );
    let meeting: toml::Table = text.parse().unwrap();
    assert_eq!(meeting["type"].as_str(), Some("dialogue"));
    assert_eq!(meeting["attendance"].as_integer(), Some(120));
    let orgs: Vec<&str> = meeting["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u.as_str())
        .collect();
    assert_eq!(orgs, ["btv", "mttq"]);
    let (code, out, _) = run(&root, &["check"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn export_to_xlsx_then_import_into_an_empty_workspace_gives_the_same_registers() {
    let tmp = tempfile::tempdir().unwrap();
    let root = empty_workspace(tmp.path());
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let book = tmp.path().join("export.xlsx");
    let as_of = "2026-11-30";
    let (code, _, err) = run(
        &bundled,
        &[
            "--as-of",
            as_of,
            "export",
            "--format",
            "xlsx",
            "-o",
            book.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    for kind in ["models", "meetings", "petitions"] {
        let (code, out, err) = run(&root, &["import", kind, book.to_str().unwrap()]);
        assert_eq!(code, 0, "{kind}: {out}{err}");
    }
    let (code, out, _) = run(&root, &["check"]);
    assert_eq!(code, 0, "{out}");
    for register in ["petitions", "conclusions"] {
        let (_, original, _) = run(&bundled, &["--as-of", as_of, register, "--format", "json"]);
        let (_, imported, _) = run(&root, &["--as-of", as_of, register, "--format", "json"]);
        assert_eq!(original, imported, "{register} differ after the round trip");
    }
    // Importing the same workbook again adds nothing.
    let (code, out, _) = run(&root, &["import", "petitions", book.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("ghi 0 hồ sơ"), "{out}");
}

#[test]
fn help_has_examples() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, _) = run(tmp.path(), &["import", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Ví dụ:") && out.contains("--dry-run"), "{out}");
    let (code, out, _) = run(tmp.path(), &["--lang", "en", "import", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Examples:") && out.contains("--dry-run"), "{out}");
    let _ = common::copy_dir;
}
