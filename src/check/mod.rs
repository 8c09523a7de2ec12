//! Rules across records, run once every file has been parsed. Rules within
//! one file (types, keys, values) are in `load`.
//!
//! One file per family of rules, each owning the diagnostic codes it emits
//! (its doc says which); this file chains them and holds what they share.
//! Where the loader finds a problem under a code a family owns, the family
//! makes the diagnostic for it (`petitions::bad_round`,
//! `targets::never_matched`).

mod calendar;
mod dates;
mod ids;
mod models;
mod notices;
pub(crate) mod petitions;
mod references;
pub(crate) mod targets;

use crate::diag::{Code, Diagnostic};
use crate::model::*;
use rayon::prelude::*;

/// Every cross-record rule, in a stable order.
pub fn run(ws: &Workspace) -> Vec<Diagnostic> {
    type Rule = fn(&Workspace, &mut Vec<Diagnostic>);
    const RULES: [Rule; 9] = [
        ids::duplicate_ids,
        references::references,
        dates::date_order,
        models::recognition,
        petitions::rounds,
        petitions::extensions,
        notices::notice_numbers,
        targets::target_filters,
        calendar::calendar_gaps,
    ];
    // The rules read the workspace only: they run side by side, and their
    // findings are put together in this order.
    let found: Vec<Vec<Diagnostic>> = RULES
        .par_iter()
        .map(|rule| {
            let mut out = Vec::new();
            rule(ws, &mut out);
            out
        })
        .collect();
    found.concat()
}

/// A diagnostic at `span` of `file`.
fn diag(ws: &Workspace, file: FileId, code: Code, span: Span, message: String) -> Diagnostic {
    Diagnostic::new(code, message).in_file(ws.path(file)).at(span.range())
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::load::tests::{CONFIG, found, workspace};

    /// Loads a workspace of `files` (over a clean `danvan.toml`); each
    /// diagnostic as (code, file, the text it points at).
    pub(super) fn check(files: &[(&str, &str)]) -> Vec<(Code, String, String)> {
        let dir = workspace(files);
        found(dir.path(), &crate::load::load(dir.path()))
    }

    /// Like [`check`], with the diagnostics' help lines.
    pub(super) fn helps(files: &[(&str, &str)]) -> Vec<String> {
        let dir = workspace(files);
        crate::load::load(dir.path())
            .diagnostics
            .into_iter()
            .map(|d| d.help.unwrap_or_default())
            .collect()
    }

    pub(super) fn expect(expected: &[(Code, &str, &str)]) -> Vec<(Code, String, String)> {
        expected
            .iter()
            .map(|(c, f, at)| (*c, f.to_string(), at.to_string()))
            .collect()
    }

    pub(super) fn model(rest: &str) -> String {
        format!("title = \"M\"\nlead = \"mttq\"\nstarted = 2022-03-01\nstatus = \"active\"\n{rest}")
    }

    pub(super) fn meeting(rest: &str) -> String {
        format!("title = \"H\"\ntype = \"review\"\ndate = 2022-07-12\n{rest}")
    }

    pub(super) fn petition(kind: &str, received: &str, rest: &str) -> String {
        format!("type = \"{kind}\"\nreceived = {received}\n{rest}")
    }

    pub(super) fn notice(number: &str, date: &str) -> String {
        format!(
            "[notice]\nnumber = \"{number}\"\ndate = {date}\nsubject = \"s\"\nsigner = \"A\"\nsigner_title = \"BÍ THƯ\"\n"
        )
    }

    pub(super) fn target(id: &str, measure: &str) -> String {
        format!("[[target]]\nid = \"{id}\"\ntitle = \"T\"\ndeadline = 2025-12-31\ngoal = 1\nmeasure = {measure}\n")
    }

    pub(super) fn config(extra: &str) -> String {
        format!("{CONFIG}{extra}")
    }

    #[test]
    fn the_base_workspace_is_clean() {
        assert_eq!(check(&[]), []);
    }
}
