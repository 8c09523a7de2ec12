//! `danvan completions SHELL` and `danvan man`: both generated from the
//! clap definitions in `cli/mod.rs`, the one source of the command line.

use super::{Cli, Context, Outcome, print};
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::path::PathBuf;

pub const COMPLETIONS_EXAMPLES: &str = "Examples:
  danvan completions bash > ~/.local/share/bash-completion/completions/danvan
  danvan completions zsh > ~/.zfunc/_danvan          (with fpath+=~/.zfunc before compinit)
  danvan completions fish > ~/.config/fish/completions/danvan.fish
  danvan completions powershell >> $PROFILE";

pub const MAN_EXAMPLES: &str = "Examples:
  danvan man | man -l -                       read the manual now
  danvan man --out ~/.local/share/man/man1    danvan.1 and danvan-<command>.1 for every command

Without --out, the page of danvan itself goes to standard output.";

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// Write danvan.1 and one page per command into this folder
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run_completions(_cx: &Context, args: &CompletionsArgs) -> Outcome {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "danvan", &mut out);
    print(&String::from_utf8_lossy(&out))
}

pub fn run_man(_cx: &Context, args: &ManArgs) -> Outcome {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = &args.out else {
        return print(&page(&cmd)?);
    };
    let commands = std::iter::once(&cmd).chain(cmd.get_subcommands().filter(|s| !s.is_hide_set()));
    for c in commands {
        let man = clap_mangen::Man::new(c.clone());
        let path = dir.join(man.get_filename());
        super::output::write_atomic(&path, page(c)?.as_bytes())?;
        print(&format!("{}\n", path.display()))?;
    }
    Ok(())
}

/// The roff text of one command's page.
fn page(cmd: &clap::Command) -> Result<String, super::Failure> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_shell_completes_every_command() {
        for shell in Shell::value_variants() {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "danvan", &mut out);
            let text = String::from_utf8(out).unwrap();
            for command in ["check", "new", "export", "schema", "completions", "man"] {
                assert!(text.contains(command), "{shell}: no {command}");
            }
        }
    }

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
