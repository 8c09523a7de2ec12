//! `danvan man`: the manual pages, generated from the clap definitions in
//! `cli/mod.rs`, the one source of the command line.

use super::output::{print, write_atomic};
use super::{Cli, Context, Failure, Outcome};
use clap::{Args, CommandFactory};
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
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = &args.out else {
        return print(&page(&cmd)?);
    };
    let commands = std::iter::once(&cmd).chain(cmd.get_subcommands().filter(|s| !s.is_hide_set()));
    for c in commands {
        let man = clap_mangen::Man::new(c.clone());
        let path = dir.join(man.get_filename());
        write_atomic(&path, page(c)?.as_bytes())?;
        print(&format!("{}\n", path.display()))?;
    }
    Ok(())
}

/// The roff text of one command's page.
fn page(cmd: &clap::Command) -> Result<String, Failure> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn man_pages_come_from_the_clap_definitions() {
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        let main = page(&cmd).unwrap_or_default();
        assert!(main.starts_with(".ie") && main.contains(".SH SYNOPSIS"), "{main}");
        let new = cmd.get_subcommands().find(|c| c.get_name() == "new").unwrap();
        let text = page(new).unwrap_or_default();
        assert!(text.contains("danvan\\-new") && text.contains("\\-\\-title"), "{text}");
    }
}
