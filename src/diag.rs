//! Diagnostics: what `check` reports. Data only; `render::diagnostics`
//! prints them as human text, JSON or GitHub annotations.

use serde::Serialize;
use std::ops::Range;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident, $name:literal, $explain:literal;)+) => {
        /// Every diagnostic code, stable across versions: scripts and CI
        /// filters may depend on them. Each has `danvan check --explain CODE`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $($variant),+ }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),+ }
            }

            /// A short kebab-case name, also accepted by `--explain`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name),+ }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev),+ }
            }

            /// What the code means and how to fix it.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explain),+ }
            }
        }
    };
}

codes! {
    NoWorkspace = "E001", Error, "no-workspace",
        "The folder has no danvan.toml, so it is not a danvan workspace. Create one (see examples/minimal/danvan.toml) or point --records at the folder that holds it.";
    Unreadable = "E002", Error, "unreadable",
        "A file or folder could not be read: a permission, a file that vanished during the run, or something that is not a regular file. Fix the permissions or move the entry out of the workspace.";
    NotUtf8 = "E003", Error, "not-utf8",
        "Records must be UTF-8 text. Re-save the file as UTF-8 (in most editors: Save with encoding → UTF-8).";
    TooLarge = "E004", Error, "too-large",
        "A record file is over 1 MiB, far more than any record needs; no more than its first MiB was read, and none of it is used. Split it, or remove what was pasted into it by mistake.";
    EmptyFile = "E005", Error, "empty-file",
        "The file is empty. Fill it in (danvan new KIND writes a template) or delete it.";
    Syntax = "E010", Error, "syntax",
        "The file is not valid TOML. Look at the marked position: a missing quote, bracket or comma, or a duplicate key are the usual causes.";
    WrongType = "E011", Error, "wrong-type",
        "A value has the wrong type: text where a number is expected, a number where a list is expected, and so on. Write it as the help says.";
    MissingField = "E012", Error, "missing-field",
        "A required field is absent. Add it; SPEC section 2 and `danvan schema` list the fields of each record.";
    UnknownKey = "E013", Error, "unknown-key",
        "The key is not part of the record format, usually a typo. Rename it as suggested or remove it.";
    QuotedDate = "E014", Error, "quoted-date",
        "Dates are TOML dates, written without quotes: started = 2022-07-12, not \"2022-07-12\".";
    BadEnum = "E015", Error, "bad-value",
        "The value is not one of the words this field accepts. The help lists them.";
    BadFormat = "E016", Error, "bad-format",
        "The value has the right type but not the right form (a period like 2022-H1, an offset like +07:00, a positive number). The help shows the form.";
    DuplicateId = "E020", Error, "duplicate-id",
        "Two records of one kind have the same id (file name without .toml), or two units or organisations share an id. Rename one.";
    UnknownRef = "E021", Error, "unknown-reference",
        "The record names a unit, organisation or meeting id that the workspace does not define. Fix the id or add the unit or organisation to danvan.toml.";
    DateOrder = "E030", Error, "date-order",
        "Two dates are in an impossible order (resolved before received, done before the meeting, …). One of them is mistyped.";
    Recognition = "E031", Error, "recognition",
        "`recognition` (the Dân vận khéo level) and `recognized` (its date) go together: set both or neither.";
    Round = "E032", Error, "round",
        "`round` is 1 or 2 and only for complaints (khiếu nại lần đầu, lần hai).";
    Measure = "E040", Error, "bad-measure",
        "A target's measure is malformed: it must be one of count, share, coverage, sum or manual, over models, meetings, petitions or conclusions, with the keys that measure takes.";
    FilterKey = "E041", Error, "bad-filter-key",
        "A target filters on a key that records of that kind do not have. The help lists the keys of the kind.";
    FilterValue = "E042", Error, "bad-filter-value",
        "A target filters on a value that the key can never take (a status, state or type that does not exist, an unknown unit or organisation).";
    ManualNoData = "E043", Error, "manual-without-observations",
        "A manual target needs at least one [[target.observation]] with a date and a value.";
    TargetDates = "E044", Error, "target-dates",
        "A target's deadline falls before its baseline date.";
    NoticeNumber = "E050", Error, "duplicate-notice-number",
        "Two notices carry the same number in the same year; document numbers restart each year but never repeat within one.";
    Member = "E060", Error, "bad-member",
        "A [[member]] of a province workspace names a folder that does not exist, that holds no danvan.toml (so it is not a workspace), that is the province workspace itself, or that another member names already. The path is relative to the danvan.toml that lists it; clone the committee's repository there (git submodule add URL PATH), or fix the path.";
    CalendarGap = "W001", Warning, "calendar-gap",
        "A deadline depends on the days off of a year for which [calendar] lists no holidays: danvan counted it with the statutory days off of that year (Labour Code 2019 art. 111–112, Tết and Giỗ Tổ from the lunar calendar) and marks it provisional in every output, since the government's announcement may differ. Calendar-day limits count too: one that ends on a day off moves to the next working day. When the year is announced, add its days off to danvan.toml.";
    Ignored = "W002", Warning, "ignored-file",
        "A .toml file sits where no record kind lives (records belong under models/, meetings/ or petitions/), or a link points out of the workspace; it was ignored.";
    Extensions = "W003", Warning, "extensions",
        "An extension that Luật Tố cáo 2018 art. 30 does not allow as written: it allows one extension for a complex case (complex = true) and two for an especially complex one (especially_complex = true), each at most 30 days and decided by the deadline it extends, and only denunciations are extended. An extension beyond the case's complexity still counts (the decision was made: set the flag the help names); a third never counts; one longer than 30 days counts as 30. A warning, so no register stops for it.";
}

/// One problem found in the records.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    /// The file, as the user can open it.
    pub file: Option<PathBuf>,
    /// Byte range in the file, when the problem has a position.
    pub span: Option<Range<usize>>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            message: message.into(),
            file: None,
            span: None,
            help: None,
        }
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Diagnostic {
        self.file = Some(file.into());
        self
    }

    pub fn at(mut self, span: Range<usize>) -> Diagnostic {
        self.span = Some(span);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// Finds the closest word among `candidates`, for "did you mean".
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let names: HashSet<_> = Code::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(codes.len(), Code::ALL.len());
        assert_eq!(names.len(), Code::ALL.len());
    }

    /// `danvan check --explain` has something to say for every code, which
    /// it finds by code (a letter and three digits) or by name (kebab-case,
    /// and never another code's spelling).
    #[test]
    fn every_code_is_explained() {
        for c in Code::ALL {
            let text = c.explanation();
            assert!(
                text.len() > 20 && text.trim() == text && text.ends_with('.'),
                "{}: {text:?}",
                c.as_str()
            );
            let (letter, digits) = c.as_str().split_at(1);
            assert!(
                ["E", "W"].contains(&letter) && digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                c.as_str()
            );
            assert!(
                c.name().starts_with(|ch: char| ch.is_ascii_lowercase())
                    && c.name()
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
                    && !Code::ALL.iter().any(|o| o.as_str().eq_ignore_ascii_case(c.name())),
                "{}: the name {:?} is not a kebab-case word",
                c.as_str(),
                c.name()
            );
        }
    }

    #[test]
    fn code_letter_matches_severity() {
        for c in Code::ALL {
            let letter = if c.severity() == Severity::Error { 'E' } else { 'W' };
            assert!(c.as_str().starts_with(letter), "{}", c.as_str());
        }
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(did_you_mean("titel", ["title", "units"]), Some("title"));
        assert_eq!(did_you_mean("xyz", ["title", "units"]), None);
    }
}
