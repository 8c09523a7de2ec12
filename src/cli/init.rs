//! `danvan init DIR`: a new workspace from the built-in minimal one
//! (`examples/minimal`, embedded in the binary, so an installed danvan has
//! it), never over anything that is there.

use super::output::{print, write_new};
use super::{Context, Failure, Outcome};
use crate::i18n::tr;
use clap::Args;
use std::path::PathBuf;

pub const EXAMPLES: &str = "Examples:
  danvan init hoso                 a new workspace in ./hoso
  cd hoso && git init && danvan check

The folder may exist (an empty folder, a git repository with its README);
no file in it is ever replaced: if one of the workspace's files is there
already, nothing is written. Edit danvan.toml first: the committee, its
units and organisations, the year's days off.";

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder of the new workspace (created if needed)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// The files of the built-in workspace, as `examples/minimal` holds them.
const FILES: &[(&str, &str)] = &[
    ("danvan.toml", include_str!("../../examples/minimal/danvan.toml")),
    ("targets.toml", include_str!("../../examples/minimal/targets.toml")),
    ("README.md", include_str!("../../examples/minimal/README.md")),
    (
        "models/2025/2025-01-15-to-nhan-dan-tu-quan.toml",
        include_str!("../../examples/minimal/models/2025/2025-01-15-to-nhan-dan-tu-quan.toml"),
    ),
    (
        "meetings/2025/2025-03-20-doi-thoai-tan-my.toml",
        include_str!("../../examples/minimal/meetings/2025/2025-03-20-doi-thoai-tan-my.toml"),
    ),
    (
        "petitions/2025/2025-03-20-kien-nghi-tan-my.toml",
        include_str!("../../examples/minimal/petitions/2025/2025-03-20-kien-nghi-tan-my.toml"),
    ),
    (
        "schema/danvan.json",
        include_str!("../../examples/minimal/schema/danvan.json"),
    ),
    (
        "schema/targets.json",
        include_str!("../../examples/minimal/schema/targets.json"),
    ),
    (
        "schema/model.json",
        include_str!("../../examples/minimal/schema/model.json"),
    ),
    (
        "schema/meeting.json",
        include_str!("../../examples/minimal/schema/meeting.json"),
    ),
    (
        "schema/petition.json",
        include_str!("../../examples/minimal/schema/petition.json"),
    ),
];

pub fn run(_cx: &Context, args: &InitArgs) -> Outcome {
    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        return Err(Failure::Usage(tr!(
            "{} đã có và không phải thư mục; chọn tên khác",
            "{} exists and is not a folder; choose another name",
            dir.display()
        )));
    }
    // Everything is checked before anything is written: all or nothing.
    let taken: Vec<String> = FILES
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .map(|p| p.display().to_string())
        .collect();
    if !taken.is_empty() {
        return Err(Failure::Usage(tr!(
            "không ghi gì cả: đã có {}; chọn thư mục khác, hoặc dời các tệp đó đi",
            "nothing written: {} exist(s) already; choose another folder, or move those files away",
            taken.join(", ")
        )));
    }
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if !write_new(&path, text.as_bytes())? {
            return Err(Failure::Usage(tr!(
                "{} vừa được tạo bởi một chương trình khác; chạy lại vào thư mục khác",
                "{} appeared meanwhile; run again into another folder",
                path.display()
            )));
        }
    }
    print(&format!("{}\n", dir.display()))?;
    eprintln!(
        "{}",
        tr!(
            "gợi ý: sửa {}/danvan.toml (tên cấp ủy, đơn vị, tổ chức, ngày nghỉ), rồi chạy `danvan --records {} check`",
            "next: edit {}/danvan.toml (the committee, units, organisations, days off), then run `danvan --records {} check`",
            dir.display(),
            dir.display()
        )
    );
    Ok(())
}
