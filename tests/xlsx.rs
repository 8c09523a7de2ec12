//! Every xlsx danvan writes opens in LibreOffice: each is converted to
//! CSV with `soffice --headless --convert-to csv` and compared with what
//! danvan prints as CSV. Without soffice the test is skipped, except under
//! CI=true, where a missing soffice fails it.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const AS_OF: &str = "2025-06-30";

/// Whether `tool` runs; under CI=true a missing tool is a failure.
fn require_tool(tool: &str) -> bool {
    let found = std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{tool} is required under CI (apt-get install libreoffice-calc-nogui)"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    found
}

fn danvan(args: &[&str]) -> String {
    let out = Command::cargo_bin("danvan")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--records", "records", "--color", "never", "--as-of", AS_OF])
        .args(args)
        .env_remove("DANVAN_RECORDS")
        .env_remove("DANVAN_AS_OF")
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The CSV of every sheet of `book`, as LibreOffice shows the cells
/// (UTF-8, comma-separated), in sheet order.
fn libreoffice_csv(book: &Path, dir: &Path) -> Vec<Vec<Vec<String>>> {
    let out = dir.join("lo");
    let profile = dir.join("profile");
    let status = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to"])
        // Comma, double quote, UTF-8, from line 1, default types, English
        // (US) locale, no quoting of all text, detect numbers, cells as
        // shown, formulas as values, not quoted as text, every sheet (-1).
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1")
        .arg("--outdir")
        .arg(&out)
        .arg(book)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty(), "LibreOffice wrote nothing for {}", book.display());
    let stem = book.file_stem().unwrap().to_string_lossy().into_owned();
    let sheets = sheet_names(book);
    // LibreOffice names each file STEM-SHEET.csv: read them in sheet order.
    sheets
        .iter()
        .map(|name| {
            let file = files
                .iter()
                .find(|f| f.file_name().unwrap().to_string_lossy() == format!("{stem}-{name}.csv"))
                .or_else(|| (sheets.len() == 1).then(|| &files[0]))
                .unwrap_or_else(|| panic!("no CSV for sheet {name} in {files:?}"));
            parse(&std::fs::read_to_string(file).unwrap())
        })
        .collect()
}

fn sheet_names(book: &Path) -> Vec<String> {
    use calamine::Reader;
    let wb = calamine::open_workbook_auto(book).unwrap();
    wb.sheet_names()
}

fn parse(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// "2023-03-05" → "05/03/2023", as the Vietnamese sheets show dates; a
/// grouped number "1,234" → "1234".
fn shown(raw: &str) -> String {
    if is_date(raw) {
        return format!("{}/{}/{}", &raw[8..10], &raw[5..7], &raw[..4]);
    }
    raw.to_owned()
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn ungroup(cell: &str) -> String {
    let bare = cell.replace(',', "");
    if !bare.is_empty() && bare.trim_start_matches('-').chars().all(|c| c.is_ascii_digit()) && bare != cell {
        bare
    } else {
        cell.to_owned()
    }
}

#[test]
fn export_workbook_opens_in_libreoffice_with_the_csv_values() {
    if !require_tool("soffice") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("export.xlsx");
    danvan(&["export", "--format", "xlsx", "-o", book.to_str().unwrap()]);
    let sheets = libreoffice_csv(&book, tmp.path());
    let kinds = ["models", "meetings", "petitions", "conclusions", "targets"];
    assert_eq!(sheet_names(&book), kinds);
    for (sheet, kind) in sheets.iter().zip(kinds) {
        let expected = parse(&danvan(&["export", "--kind", kind]));
        assert_eq!(sheet.len(), expected.len(), "{kind}: rows");
        for (r, (got, want)) in sheet.iter().zip(&expected).enumerate() {
            // A list of dates is text in both: compared as shown.
            let want: Vec<String> = want.iter().map(|c| shown(c)).collect();
            let mut got: Vec<String> = got.iter().map(|c| shown(&ungroup(c))).collect();
            got.resize(want.len(), String::new());
            // A fraction (a target's expected value) shows two places in the sheet.
            for (g, w) in got.iter_mut().zip(&want) {
                if let (Ok(a), Ok(b)) = (g.replace(',', "").parse::<f64>(), w.parse::<f64>())
                    && (a - b).abs() < 0.005
                {
                    g.clone_from(w);
                }
            }
            assert_eq!(got, want, "{kind}: row {}", r + 1);
        }
    }
}

#[test]
fn registers_and_reports_open_in_libreoffice() {
    if !require_tool("soffice") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let runs: [(&str, Vec<&str>); 6] = [
        ("petitions", vec!["petitions"]),
        ("conclusions", vec!["conclusions"]),
        ("list", vec!["list", "petitions"]),
        ("summary", vec!["summary", "--kind", "petitions", "--by", "unit"]),
        ("progress", vec!["progress"]),
        ("status", vec!["status"]),
    ];
    for (name, args) in runs {
        let book = tmp.path().join(format!("{name}.xlsx"));
        let mut with_file = args.clone();
        with_file.extend(["-o", book.to_str().unwrap()]);
        danvan(&with_file);
        let dir = tmp.path().join(name);
        let sheets = libreoffice_csv(&book, &dir);
        let first = &sheets[0];
        // The title block, a blank row, then the table.
        let mut csv_args = args.clone();
        csv_args.extend(["--format", "csv"]);
        let csv = parse(&danvan(&csv_args));
        if name == "status" {
            assert!(sheets.len() > 1, "status: a sheet per table");
            continue;
        }
        let header = &first[3];
        let table = &first[4..];
        assert_eq!(table.len(), csv.len() - 1, "{name}: one row per CSV row");
        assert_eq!(header.len(), csv[0].len(), "{name}: columns");
        for (got, want) in table.iter().zip(&csv[1..]) {
            // Ids (the registers' first column) and dates read the same in both.
            if ["petitions", "conclusions", "list"].contains(&name) {
                assert_eq!(got[0], want[0], "{name}");
            }
            for (g, w) in got.iter().zip(want) {
                if is_date(w) {
                    assert_eq!(g, &shown(w), "{name}: a date");
                }
            }
        }
    }
    // The report bundle's registers.xlsx: the two registers.
    let out = tmp.path().join("bundle");
    danvan(&["report", "--out", out.to_str().unwrap()]);
    let book = out.join("registers.xlsx");
    let sheets = libreoffice_csv(&book, &tmp.path().join("registers"));
    assert_eq!(sheets.len(), 2, "petitions and conclusions");
    let petitions = parse(&danvan(&["petitions", "--format", "csv"]));
    assert_eq!(sheets[0].len() - 4, petitions.len() - 1);
    // No personal data in any of it.
    for sheet in &sheets {
        for row in sheet {
            for cell in row {
                assert!(!cell.contains("Hư Cấu"), "personal data in registers.xlsx: {cell}");
            }
        }
    }
}
