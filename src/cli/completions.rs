//! `danvan completions SHELL`: generated from the clap definitions in
//! `cli/mod.rs`, the one source of the command line.

use super::output::print;
use super::{Context, Outcome};
use clap::Args;
use clap_complete::Shell;

pub const EXAMPLES: &str = "Examples:
  danvan completions bash > ~/.local/share/bash-completion/completions/danvan
  danvan completions zsh > ~/.zfunc/_danvan          (with fpath+=~/.zfunc before compinit)
  danvan completions fish > ~/.config/fish/completions/danvan.fish
  danvan completions powershell >> $PROFILE

These scripts complete commands, options and the closed sets (--state,
--type, --status, --channel, KIND, --by, --format, check --explain codes).
To complete record ids too (`danvan show <TAB>`), let the shell ask danvan
itself instead, in ~/.bashrc (or ~/.zshrc, with zsh; fish: `COMPLETE=fish
danvan | source` in config.fish):
  source <(COMPLETE=bash danvan)";

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(_cx: &Context, args: &CompletionsArgs) -> Outcome {
    let mut out = Vec::new();
    // The descriptions the shell shows are in the run's language.
    clap_complete::generate(args.shell, &mut super::built(super::command()), "danvan", &mut out);
    print(&String::from_utf8_lossy(&out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::{CommandFactory, ValueEnum};

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
}
