//! `danvan man`: the manual pages, generated from the clap definitions in
//! `cli/mod.rs`, the one source of the command line.

use super::output::{print, write_atomic};
use super::{Context, Failure, Outcome};
use crate::i18n::{is_en, word};
use clap::Args;
use std::path::PathBuf;

pub const EXAMPLES: &str = "Examples:
  danvan man | man -l -                       read the manual now
  danvan man --out ~/.local/share/man/man1    danvan.1 and danvan-<command>.1 for every command

Without --out, the page of danvan itself goes to standard output.";

#[derive(Args, Debug)]
pub struct ManArgs {
    /// Write danvan.1 and one page per command into this folder
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(_cx: &Context, args: &ManArgs) -> Outcome {
    let cmd = super::built(super::command().disable_help_subcommand(true));
    let Some(dir) = &args.out else {
        return print(&main_page(&cmd)?);
    };
    let path = dir.join(clap_mangen::Man::new(cmd.clone()).get_filename());
    write_atomic(&path, main_page(&cmd)?.as_bytes())?;
    print(&format!("{}\n", path.display()))?;
    for c in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = clap_mangen::Man::new(c.clone());
        let path = dir.join(man.get_filename());
        write_atomic(&path, page(c)?.as_bytes())?;
        print(&format!("{}\n", path.display()))?;
    }
    Ok(())
}

/// The NAME line of danvan's page: one sentence (the description follows).
fn name() -> &'static str {
    word(
        "hồ sơ công tác dân vận của một cấp ủy Đảng",
        "records of the mass mobilization work of a Vietnamese Party committee",
    )
}

/// The roff text of one command's page.
fn page(cmd: &clap::Command) -> Result<String, Failure> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    Ok(in_language(String::from_utf8_lossy(&out).into_owned()))
}

/// clap_mangen's section headings and their Vietnamese. NAME stays as man
/// pages have it: `man -k`, `whatis` and mandb look for it by that word.
const HEADINGS: &[(&str, &str)] = &[
    ("SYNOPSIS", "CÚ PHÁP"),
    ("DESCRIPTION", "MÔ TẢ"),
    ("OPTIONS", "TÙY CHỌN"),
    ("SUBCOMMANDS", "LỆNH"),
    ("EXTRA", "GHI CHÚ"),
    ("VERSION", "PHIÊN BẢN"),
    ("AUTHORS", "TÁC GIẢ"),
];

/// A section heading in roff, in the run's language.
fn heading(vi: &'static str, en: &'static str) -> String {
    let text = word(vi, en);
    if text.contains(' ') {
        format!(".SH \"{text}\"\n")
    } else {
        format!(".SH {text}\n")
    }
}

/// A page with clap_mangen's own words in the run's language (the
/// descriptions, clap's --help and --version included, are the command's:
/// `cli::built`), its section headings included but NAME.
fn in_language(page: String) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("\\fIPossible values:\\fR", "\\fICác giá trị:\\fR"),
        ("[default: ", "[mặc định: "),
        ("[\\fIsubcommands\\fR]", "[\\fIlệnh\\fR]"),
    ];
    if is_en() {
        return page;
    }
    let page = WORDS.iter().fold(page, |page, (en, vi)| page.replace(en, vi));
    let mut out = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        let named = line.strip_prefix(".SH ").map(str::trim_end);
        match named.and_then(|h| HEADINGS.iter().find(|(en, _)| *en == h)) {
            Some((en, vi)) => out.push_str(&heading(vi, en)),
            None => out.push_str(line),
        }
    }
    out
}

/// The page of danvan itself: NAME in one sentence, the description, the
/// options and commands, then ENVIRONMENT, EXIT STATUS and the closed
/// sets of values, which `--help` keeps short.
fn main_page(cmd: &clap::Command) -> Result<String, Failure> {
    let long = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    let named = cmd.clone().about(name()).long_about(long);
    let man = clap_mangen::Man::new(named);
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    out.extend_from_slice(extra_sections().as_bytes());
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(in_language(String::from_utf8_lossy(&out).into_owned()))
}

/// Text for roff: backslashes doubled, hyphens as `\-`, a leading dot or quote guarded.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// ENVIRONMENT, EXIT STATUS and VALUES, in roff.
fn extra_sections() -> String {
    use crate::model::{
        Channel, Keyword, MeetingType, ModelStatus, Outcome, PetitionState, PetitionType, Recognition, TaskState,
    };
    let mut out = String::new();
    let item = |out: &mut String, term: &str, text: &str| {
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", roff(term), roff(text)));
    };
    out.push_str(&heading("BIẾN MÔI TRƯỜNG", "ENVIRONMENT"));
    for (name, text) in [
        (
            "DANVAN_RECORDS",
            word(
                "Thư mục không gian hồ sơ, như --records.",
                "The workspace folder, as --records.",
            ),
        ),
        (
            "DANVAN_AS_OF",
            word(
                "Ngày tính mọi số liệu (YYYY-MM-DD), như --as-of.",
                "The date everything is computed as of (YYYY-MM-DD), as --as-of.",
            ),
        ),
        (
            "DANVAN_PAGER",
            word(
                "Trình xem từng trang (pager) cho kết quả dài trên terminal; nếu không có thì PAGER, nếu không thì less -FRX. Để trống hoặc cat: không dùng (như --no-pager).",
                "The pager long output goes through on a terminal; else PAGER, else less -FRX. Empty or cat: none (as --no-pager).",
            ),
        ),
        (
            "PAGER",
            word(
                "Trình xem từng trang, khi không đặt DANVAN_PAGER.",
                "The pager, when DANVAN_PAGER is not set.",
            ),
        ),
        (
            "LESS",
            word(
                "Tùy chọn của less; khi không đặt, danvan dùng FRX, như git.",
                "Options of less; when unset, danvan gives it FRX, as git does.",
            ),
        ),
        (
            "NO_COLOR",
            word(
                "Khi được đặt và không trống: không tô màu (--color auto).",
                "When set and not empty: no colour (--color auto).",
            ),
        ),
        (
            "CLICOLOR_FORCE",
            word(
                "Khi được đặt và khác 0: tô màu cả khi không in ra terminal (--color auto).",
                "When set and not 0: colour even when the output is not a terminal (--color auto).",
            ),
        ),
        (
            "CLICOLOR",
            word(
                "Khi bằng 0: không tô màu trên terminal (--color auto).",
                "When 0: no colour on a terminal (--color auto).",
            ),
        ),
        (
            "TERM",
            word("dumb: không tô màu (--color auto).", "dumb: no colour (--color auto)."),
        ),
        (
            "COLUMNS",
            word(
                "Độ rộng mà bảng phải vừa; nếu không có thì theo độ rộng của terminal; ghi ra tệp hoặc pipe thì bảng để nguyên.",
                "The width tables fit; else the terminal's; a file or a pipe gets whole tables.",
            ),
        ),
        (
            "COMPLETE",
            word(
                "bash, zsh, fish, elvish hoặc powershell: in mã shell để tự hoàn thành lệnh danvan, kể cả mã hồ sơ (source <(COMPLETE=bash danvan)).",
                "bash, zsh, fish, elvish or powershell: print the shell code that completes danvan, record ids included (source <(COMPLETE=bash danvan)).",
            ),
        ),
        (
            "VISUAL, EDITOR",
            word(
                "Trình soạn thảo của danvan new --edit.",
                "The editor of danvan new --edit.",
            ),
        ),
    ] {
        item(&mut out, name, text);
    }
    out.push_str(&heading("MÃ THOÁT", "EXIT STATUS"));
    for (code, text) in [
        ("0", word("Thành công.", "Success.")),
        (
            "1",
            word(
                "Hồ sơ có lỗi (hoặc có cảnh báo, với check --deny warnings), hoặc có việc quá hạn hay sắp đến hạn khi dùng --deny overdue / --deny due-soon.",
                "The records have errors (or warnings, with check --deny warnings), or something is overdue or due soon with --deny overdue / --deny due-soon.",
            ),
        ),
        (
            "2",
            word(
                "Lỗi cách dùng hoặc lỗi đọc/ghi: tùy chọn sai, thư mục không có, tệp không ghi được.",
                "A usage or input/output error: a wrong option, a missing folder, a file that cannot be written.",
            ),
        ),
    ] {
        item(&mut out, code, text);
    }
    out.push_str(&heading("CÁC GIÁ TRỊ", "VALUES"));
    let kinds = "models (mo-hinh), meetings (hoi-nghi), petitions (don), conclusions (ket-luan)".to_owned();
    for (name, words) in [
        ("KIND, --kind", kinds),
        (
            word("trạng thái mô hình", "model status"),
            ModelStatus::WORDS.join(" | "),
        ),
        (word("cấp công nhận", "recognition"), Recognition::WORDS.join(" | ")),
        (word("loại hội nghị", "meeting type"), MeetingType::WORDS.join(" | ")),
        (word("loại đơn", "petition type"), PetitionType::WORDS.join(" | ")),
        (word("nguồn đơn", "channel"), Channel::WORDS.join(" | ")),
        (word("kết quả giải quyết", "outcome"), Outcome::WORDS.join(" | ")),
        ("petitions --state", PetitionState::WORDS.join(" | ")),
        ("conclusions --state", TaskState::WORDS.join(" | ")),
        ("--status", super::args::status_words().join(" | ")),
        (
            "--deny",
            "overdue | due-soon (status, petitions, conclusions); warnings (check)".to_owned(),
        ),
        (
            "check --explain",
            crate::diag::Code::ALL
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    ] {
        item(&mut out, name, &words);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    #[test]
    fn man_pages_come_from_the_clap_definitions() {
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        let main = page(&cmd).unwrap_or_default();
        // In Vietnamese (the tests' language), NAME as whatis reads it.
        assert!(main.starts_with(".ie") && main.contains(".SH \"CÚ PHÁP\""), "{main}");
        let whole = main_page(&cmd).unwrap_or_default();
        for section in [
            ".SH \"BIẾN MÔI TRƯỜNG\"",
            ".SH \"MÃ THOÁT\"",
            ".SH \"CÁC GIÁ TRỊ\"",
            "DANVAN_RECORDS",
            "resolved\\-on\\-time",
        ] {
            assert!(whole.contains(section), "{section}:\n{whole}");
        }
        let name = whole.split(".SH NAME\n").nth(1).unwrap().lines().next().unwrap();
        assert_eq!(
            name.matches(". ").count() + name.matches(".\n").count(),
            0,
            "one sentence: {name}"
        );
        let new = cmd.get_subcommands().find(|c| c.get_name() == "new").unwrap();
        let text = page(new).unwrap_or_default();
        assert!(text.contains("danvan\\-new") && text.contains("\\-\\-title"), "{text}");
    }
}
