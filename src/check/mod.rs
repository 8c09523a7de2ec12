//! Rules across records, run once every file has been parsed. Rules within
//! one file (types, keys, values) are in `load`.
//!
//! One file per family of rules, each owning the diagnostic codes it emits
//! (its doc says which); this file chains them and holds what they share.
//! Where the loader finds a problem under a code a family owns, the family
//! makes the diagnostic for it (`targets::never_matched`).

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

/// Loads the workspace at `root` and runs every rule across its records:
/// what every command reads, with every problem found. A record with
/// problems of its own (a quoted date, a wrong word) is not in the
/// workspace, but the rules that compare what is written (ids,
/// references, dates, recognition, notice numbers) see it, read with
/// placeholders for what is wrong, so one problem never hides another;
/// nothing is reported at a placeholder. The rules that compute
/// (deadlines, targets) see only the records that read.
pub fn load(root: &std::path::Path) -> crate::load::Loaded {
    let mut loaded = crate::load::load(root);
    if let Some(ws) = &loaded.workspace {
        let broken = std::mem::take(&mut loaded.broken);
        let found = if broken.is_empty() {
            run(ws)
        } else {
            let view = ws.with_records(&broken.models, &broken.meetings, &broken.petitions);
            let placeholder = Some(Span::PLACEHOLDER.range());
            let mut found = run_rules(&view, ws);
            found.retain(|d| d.span != placeholder);
            found
        };
        loaded.diagnostics.extend(found);
        loaded.sort();
        loaded.sources.fill(&loaded.diagnostics);
    }
    loaded
}

type Rule = fn(&Workspace, &mut Vec<Diagnostic>);

/// The rules that compare what records say.
const AS_WRITTEN: [Rule; 11] = [
    ids::duplicate_ids,
    ids::look_alikes,
    references::references,
    references::listed_twice,
    references::merges,
    references::before_units,
    dates::history_order,
    petitions::outcomes,
    dates::date_order,
    models::recognition,
    notices::notice_numbers,
];

/// The rules that compute from records (deadlines, target filters).
const COMPUTED: [Rule; 3] = [petitions::extensions, targets::target_filters, calendar::calendar_gaps];

/// [`load`] of each workspace at `roots`, side by side: the members of a
/// province (`danvan rollup`), each with its own calendar, rules and
/// targets. In the order of `roots`.
pub fn load_all(roots: &[std::path::PathBuf]) -> Vec<crate::load::Loaded> {
    roots.par_iter().map(|root| load(root)).collect()
}

/// Every cross-record rule, in a stable order.
pub fn run(ws: &Workspace) -> Vec<Diagnostic> {
    run_rules(ws, ws)
}

/// The rules that compare what records say on `written`, those that
/// compute on `computed` (a workspace with its broken records put back
/// for the first, without them for the second).
fn run_rules(written: &Workspace, computed: &Workspace) -> Vec<Diagnostic> {
    let rules = AS_WRITTEN.iter().map(|rule| (rule, written));
    let rules: Vec<(&Rule, &Workspace)> = rules.chain(COMPUTED.iter().map(|rule| (rule, computed))).collect();
    // The rules read the workspace only: all of them run side by side in
    // one pass (those that compute do not wait for those that compare),
    // and their findings are put together in this order.
    let found: Vec<Vec<Diagnostic>> = rules
        .par_iter()
        .with_max_len(1)
        .map(|(rule, ws)| {
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
        found(dir.path(), &super::load(dir.path()))
    }

    /// Like [`check`], with the diagnostics' help lines.
    pub(super) fn helps(files: &[(&str, &str)]) -> Vec<String> {
        let dir = workspace(files);
        super::load(dir.path())
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

    /// A record with problems of its own is not left out of the rules
    /// across records: its unknown lead and units (E021), its dates out
    /// of order (E030) and its duplicate id (E020) come with its quoted
    /// date (E014) and wrong word (E015), in one run. Nothing is said of
    /// the placeholders that stand for what is wrong.
    #[test]
    fn a_record_with_field_errors_hides_no_other_problem() {
        let broken_model =
            "title = \"M\"\nlead = \"nobody\"\nunits = [\"nowhere\"]\nstarted = \"2022-03-01\"\nstatus = \"actve\"\n";
        let broken_petition = "type = \"complain\"\nreceived = 2022-03-01\naccepted = 2022-02-01\nunits = [\"tan-mi\"]\nhandler = \"ubnd\"\n";
        let found = check(&[
            ("models/m.toml", broken_model),
            ("models/2023/m.toml", &model("")),
            ("petitions/p.toml", broken_petition),
            (
                "meetings/h.toml",
                "type = \"review\"\ndate = 2022-07-12\n[[conclusion]]\ntext = \"x\"\nassignee = \"ghost\"\n",
            ),
        ]);
        assert_eq!(
            found,
            expect(&[
                (Code::MissingField, "meetings/h.toml", ""),
                (Code::UnknownRef, "meetings/h.toml", "\"ghost\""),
                (Code::DuplicateId, "models/2023/m.toml", ""),
                (Code::UnknownRef, "models/m.toml", "\"nobody\""),
                (Code::UnknownRef, "models/m.toml", "\"nowhere\""),
                (Code::QuotedDate, "models/m.toml", "\"2022-03-01\""),
                (Code::BadEnum, "models/m.toml", "\"actve\""),
                (Code::BadEnum, "petitions/p.toml", "\"complain\""),
                (Code::DateOrder, "petitions/p.toml", "2022-02-01"),
                (Code::UnknownRef, "petitions/p.toml", "\"tan-mi\""),
            ])
        );
    }

    /// The source files under `dir`, with their text before any tests.
    fn sources(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_owned();
                out.push((path, code));
            }
        }
    }

    /// A code that check emits is named by one family of rules and nowhere
    /// else in `src/` (the loader calls that family's function for it), and
    /// the family's doc says it owns it.
    #[test]
    fn each_code_check_emits_has_one_owner() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        for code in Code::ALL {
            let variant = format!("Code::{code:?}");
            let named_by: Vec<&(std::path::PathBuf, String)> = files
                .iter()
                .filter(|(path, text)| {
                    !path.ends_with("diag.rs")
                        && text.match_indices(&variant).any(|(at, _)| {
                            // `Code::Round`, not `Code::RoundTrip`.
                            !text[at + variant.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                        })
                })
                .collect();
            // Every code is emitted somewhere: `--explain` never explains a
            // problem no run can report.
            assert!(!named_by.is_empty(), "{} is never emitted", code.as_str());
            let in_check: Vec<_> = named_by
                .iter()
                .filter(|(p, _)| p.starts_with(src.join("check")))
                .collect();
            if in_check.is_empty() {
                // A rule of one file, the loader's: the codes that name one
                // rule (not a kind of value, as E016 does) in one place.
                if matches!(
                    code.as_str(),
                    "E034" | "W008" | "E004" | "E005" | "E032" | "E043" | "E044"
                ) {
                    let places: Vec<_> = named_by.iter().map(|(p, _)| p.display().to_string()).collect();
                    assert_eq!(named_by.len(), 1, "{} is named in {places:?}", code.as_str());
                }
                continue;
            }
            let places: Vec<_> = named_by.iter().map(|(p, _)| p.display().to_string()).collect();
            assert_eq!(named_by.len(), 1, "{} is named in {places:?}", code.as_str());
            let (path, text) = in_check[0];
            let doc: String = text.lines().filter(|l| l.starts_with("//!")).collect();
            assert!(
                doc.contains(code.as_str()),
                "{} does not say it owns {}",
                path.display(),
                code.as_str()
            );
        }
    }
}
