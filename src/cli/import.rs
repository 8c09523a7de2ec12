//! `danvan import KIND FILE`: the rows of a spreadsheet register as
//! records, all or nothing. The work is in `crate::import`; this reads
//! the files, prints the problems or writes the records.

use super::args::{kind_words, offer, parse_kind_arg};
use super::output::{print, write_new};
use super::{Context, Failure, Outcome};
use crate::i18n::tr;
use crate::import::{self, Input, Problem, Skip, headers::ColumnMap};
use crate::model::{Keyword, Kind};
use clap::Args;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const EXAMPLES: &str = "Examples:
  danvan import petitions so-theo-doi-don-2023.xlsx          the register of petitions
  danvan import petitions so-don.xlsx --dry-run              show what would be written, write nothing
  danvan import models mo-hinh-dan-van-kheo.ods --sheet \"Năm 2024\"
  danvan import petitions don.csv --map map.toml              a sheet with other headers
  danvan import meetings export.xlsx && danvan import petitions export.xlsx

Reads .xlsx, .xls, .ods and .csv (UTF-8, ',' or ';'). Columns are found by
their headers, in Vietnamese or English, accents and case aside (Ngày nhận,
Loại đơn, Xã/Thị trấn, Họ tên, …), even under a title block; --map names
others:  [columns] \"Ngày tiếp nhận\" = \"received\"   \"Người đứng đơn\" = \"petitioner.name\"
Dates as dd/mm/yyyy, d/m/yy or date cells; \"x\"/\"có\" is yes; units and
organisations by name or abbreviation (UBND, MTTQ, Hội LHPN).
All or nothing: any problem is reported as FILE:ROW:COLUMN and nothing is
written (exit 1). Importing the same sheet again (or a longer one) adds only
the new rows. Names, addresses and phones go only into [petitioner].";

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// models | meetings | petitions (also mo-hinh, hoi-nghi, don)
    #[arg(value_parser = offer(parse_kind_arg, kind_words))]
    pub kind: Kind,
    /// The spreadsheet: .xlsx, .xls, .ods or .csv
    pub file: PathBuf,
    /// The sheet to read, by name (default: the sheet named for the kind, else the one whose headers fit)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// A TOML file naming other headers: [columns] "Header" = "field"; header_row = N; [values.FIELD]
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Print what would be written (personal data left out), write nothing
    #[arg(long)]
    pub dry_run: bool,
}

fn read_map(path: &Path) -> Result<ColumnMap, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(tr!("không đọc được {}: {}", "cannot read {}: {}", path.display(), e)))?;
    toml::from_str(&text).map_err(|e| {
        Failure::Usage(tr!(
            "{}: không phải tệp --map hợp lệ: {}",
            "{}: not a valid --map file: {}",
            path.display(),
            e.message()
        ))
    })
}

pub fn run(cx: &Context, args: &ImportArgs) -> Outcome {
    let root = cx.root()?;
    cx.choose_lang(&root);
    let map = match &args.map {
        Some(p) => read_map(p)?,
        None => ColumnMap::default(),
    };
    let sheets = crate::load::sheet::read(&args.file).map_err(Failure::Usage)?;
    let ws = cx.workspace()?;
    let taken = crate::load::ids::existing(&root.join(args.kind.as_str()));
    let input = Input {
        sheets: &sheets,
        sheet: args.sheet.as_deref(),
        map: &map,
    };
    let file = args.file.display().to_string();
    let plan = match import::plan(ws, args.kind, &input, &taken) {
        Ok(plan) => plan,
        Err(problems) => {
            let main = sheets.first().map(|s| s.name.as_str()).unwrap_or_default();
            for p in &problems {
                eprintln!("{}", describe(&file, main, p, sheets.len() > 1));
            }
            eprintln!(
                "{}",
                tr!(
                    "lỗi: {} vấn đề trong {}; không ghi tệp nào",
                    "error: {} problem(s) in {}; nothing was written",
                    problems.len(),
                    file
                )
            );
            return Err(Failure::Records);
        }
    };
    for w in &plan.warnings {
        eprintln!("{}", describe(&file, &plan.sheet, w, sheets.len() > 1));
    }
    let mut written: Vec<PathBuf> = Vec::new();
    for rec in &plan.records {
        let path = root.join(&rec.rel);
        if args.dry_run {
            let shown = crate::render::record::text(&rec.draft, true);
            print(&format!(
                "# {} ({} {})\n{}\n",
                shown_path(&path),
                tr!("dòng", "row"),
                rec.row,
                shown.text
            ))?;
            continue;
        }
        match write_new(&path, rec.text.as_bytes()) {
            Ok(true) => written.push(path),
            result => {
                // All or nothing: take back what this run wrote.
                for p in &written {
                    let _ = std::fs::remove_file(p);
                }
                return Err(match result {
                    Err(e) => e,
                    _ => Failure::Usage(tr!(
                        "{} vừa được tạo bởi chương trình khác; không ghi tệp nào, hãy chạy lại",
                        "{} appeared meanwhile; nothing was written, run again",
                        path.display()
                    )),
                });
            }
        }
    }
    for p in &written {
        print(&format!("{}\n", shown_path(p)))?;
    }
    print(&summary(&plan, &root, args.dry_run))
}

/// "records/petitions/2023/x.toml", without a leading "./".
fn shown_path(p: &Path) -> String {
    p.strip_prefix(".").unwrap_or(p).display().to_string()
}

/// `FILE:ROW:COLUMN (Header): message` and its help line.
fn describe(file: &str, main_sheet: &str, p: &Problem, several_sheets: bool) -> String {
    let mut at = file.to_owned();
    if several_sheets && (p.sheet != main_sheet || p.row.is_some()) && !p.sheet.is_empty() {
        at.push_str(&format!("[{}]", p.sheet));
    }
    if let Some(r) = p.row {
        at.push_str(&format!(":{r}"));
    }
    if let Some(c) = p.column {
        at.push_str(&format!(":{}", import::column_letter(c)));
    }
    if let Some(h) = p.header.as_ref().filter(|h| !h.is_empty()) {
        at.push_str(&format!(" ({h})"));
    }
    let level = if p.warning {
        crate::i18n::word("cảnh báo", "warning")
    } else {
        crate::i18n::word("lỗi", "error")
    };
    let mut s = format!("{level}: {at}: {}", p.message);
    if let Some(h) = &p.help {
        s.push_str(&format!("\n  {}: {h}", crate::i18n::word("gợi ý", "help")));
    }
    s
}

fn summary(plan: &import::Plan, root: &Path, dry_run: bool) -> String {
    let imported = plan
        .skipped
        .iter()
        .filter(|(_, s)| matches!(s, Skip::Imported(_)))
        .count();
    let repeated = plan.skipped.len() - imported;
    let years: BTreeSet<&str> = plan
        .records
        .iter()
        .filter_map(|r| r.rel.parent().and_then(|p| p.file_name()).and_then(|y| y.to_str()))
        .collect();
    let folder = shown_path(&root.join(plan.kind.as_str()));
    let years: Vec<&str> = years.into_iter().collect();
    let folder = if years.is_empty() {
        folder
    } else {
        format!("{folder}/ ({})", years.join(", "))
    };
    let mut s = if dry_run {
        tr!(
            "Thử (không ghi): đọc {} dòng của trang \"{}\"; sẽ ghi {} hồ sơ; bỏ qua {} dòng đã nhập trước đó và {} dòng lặp lại; thư mục: {}\n",
            "Dry run (nothing written): read {} rows of sheet \"{}\"; would write {} records; skipped {} already imported and {} repeated; folder: {}\n",
            plan.rows_read,
            plan.sheet,
            plan.records.len(),
            imported,
            repeated,
            folder
        )
    } else {
        tr!(
            "Đọc {} dòng của trang \"{}\"; ghi {} hồ sơ; bỏ qua {} dòng đã nhập trước đó và {} dòng lặp lại; thư mục: {}\n",
            "Read {} rows of sheet \"{}\"; wrote {} records; skipped {} already imported and {} repeated; folder: {}\n",
            plan.rows_read,
            plan.sheet,
            plan.records.len(),
            imported,
            repeated,
            folder
        )
    };
    if plan.tasks > 0 {
        s.push_str(&tr!(
            "Kèm {} nhiệm vụ kết luận từ trang kết luận\n",
            "With {} conclusion tasks from the conclusions sheet\n",
            plan.tasks
        ));
    }
    for (row, skip) in &plan.skipped {
        if let Skip::Repeats(first) = skip {
            s.push_str(&tr!(
                "  dòng {} lặp lại dòng {}: bỏ qua\n",
                "  row {} repeats row {}: skipped\n",
                row,
                first
            ));
        }
    }
    if !plan.unused.is_empty() {
        s.push_str(&tr!(
            "Cột không nhập: {}\n",
            "Columns not imported: {}\n",
            plan.unused.join(", ")
        ));
    }
    s
}
