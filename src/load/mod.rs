//! From a folder to a [`Workspace`]: find it, walk it, read and parse every
//! file (in parallel), and collect every problem on the way.

mod config;
mod discover;
mod git;
pub mod ids;
mod members;
mod office;
mod read;
mod records;
pub mod sheet;
mod sources;
pub mod table;
mod targets;
mod walk;

pub use discover::locate;
pub use git::{RecordsCommit, records_commit, records_state};
pub use office::review_text;
pub use read::{MAX_FILE_BYTES, read_text};
pub use sources::{Excerpt, HIDDEN, SourceText, Sources};

use read::{Unread, read_checked};
use walk::{Job, Walked, walk_from};

use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use table::{Ctx, Table};

/// The workspace (when `danvan.toml` could be read) and every problem found.
pub struct Loaded {
    pub workspace: Option<Workspace>,
    pub diagnostics: Vec<Diagnostic>,
    /// The texts of the files the diagnostics point into.
    pub sources: Sources,
    /// The records that did not read, read again with placeholders: for
    /// the rules across records only (`check::load`), never in the workspace.
    pub broken: Broken,
}

/// Records with problems of their own, read with placeholders for what is
/// missing or wrong (at [`Span::PLACEHOLDER`]).
#[derive(Default)]
pub struct Broken {
    pub models: Vec<Model>,
    pub meetings: Vec<Meeting>,
    pub petitions: Vec<Petition>,
}

impl Broken {
    pub fn is_empty(&self) -> bool {
        self.models.is_empty() && self.meetings.is_empty() && self.petitions.is_empty()
    }
}

/// The problems of files as they are read, with the texts of those that have any.
#[derive(Default)]
struct Found {
    diagnostics: Vec<Diagnostic>,
    sources: Sources,
}

impl Found {
    fn add(&mut self, p: Problems) {
        self.diagnostics.extend(p.diags);
        if let Some((path, text)) = p.source {
            self.sources.insert(path, text);
        }
    }

    fn extend(&mut self, other: Found) {
        self.diagnostics.extend(other.diagnostics);
        self.sources.extend(other.sources);
    }
}

/// The problems of one file, with its text when it has any.
struct Problems {
    diags: Vec<Diagnostic>,
    source: Option<(PathBuf, SourceText)>,
}

/// A file left out of the registers because it has errors (SPEC section 5).
#[derive(Debug, Clone)]
pub struct LeftOut {
    /// The file, as the user can open it.
    pub file: PathBuf,
    pub errors: usize,
    /// Why: the first error's code and message.
    pub code: Code,
    pub message: String,
}

impl Loaded {
    /// The workspace for the registers (`status`, `petitions`,
    /// `conclusions`, `list`, `show`), which print what they can: the
    /// records of files with errors left out, and those files (a
    /// `targets.toml` with errors leaves the targets out). `None` when the
    /// workspace could not be read, or `danvan.toml` has errors: without a
    /// sound committee, units and calendar no register is right.
    pub fn registers(&self) -> Option<(Workspace, Vec<LeftOut>)> {
        let ws = self.workspace.as_ref()?;
        let mut left: Vec<LeftOut> = Vec::new();
        for d in self.diagnostics.iter().filter(|d| d.is_error()) {
            let file = d.file.clone()?;
            match left.iter_mut().find(|l| l.file == file) {
                Some(l) => l.errors += 1,
                None => left.push(LeftOut {
                    file,
                    errors: 1,
                    code: d.code,
                    message: d.message.clone(),
                }),
            }
        }
        if left.iter().any(|l| l.file == ws.path(ws.config_file)) {
            return None;
        }
        let ids: std::collections::HashMap<PathBuf, FileId> = (0..ws.files.len() as u32)
            .map(|i| (ws.path(FileId(i)), FileId(i)))
            .collect();
        let broken: std::collections::HashSet<FileId> = left.iter().filter_map(|l| ids.get(&l.file).copied()).collect();
        let targets_ok = ws.targets_file.is_none_or(|t| !broken.contains(&t));
        Some((ws.without(&broken, targets_ok), left))
    }

    /// Puts the diagnostics in their stable order: by file, position, code.
    pub fn sort(&mut self) {
        sort_diagnostics(&mut self.diagnostics);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads the workspace at `root`: every problem of each file, none of the
/// rules across records (`check::load` adds those).
///
/// The hot path of every command: the root and each record folder are
/// walked (no `stat` but for links; the petitions folder while meetings and
/// models are parsed), and the files of each kind are read and parsed in
/// parallel straight into that kind's vector, so a large workspace is held
/// once, not twice.
pub fn load(root: &Path) -> Loaded {
    let mut found = Found::default();
    let diagnostics = &mut found.diagnostics;
    if !root.join("danvan.toml").is_file() {
        // Not a workspace: nothing under it is walked (`--records /`
        // would crawl the disk and warn about every .toml on it).
        diagnostics.push(discover::no_workspace(
            root.join("danvan.toml"),
            tr!("{} không có danvan.toml", "{} has no danvan.toml", root.display()),
        ));
        return Loaded {
            workspace: None,
            diagnostics: found.diagnostics,
            sources: found.sources,
            broken: Broken::default(),
        };
    }
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let top = walk_from(root, &canonical_root, root);
    diagnostics.extend(top.diags);

    // danvan.toml and targets.toml are files 0 and 1 (when present).
    let mut fixed = Vec::new();
    let (mut config, mut config_file) = (None, FileId(0));
    let (mut targets, mut targets_file) = (Vec::new(), None);
    if root.join("danvan.toml").is_file() {
        let (c, d) = with_text(&root.join("danvan.toml"), read_checked, parse_config);
        (config, config_file) = (c, FileId(fixed.len() as u32));
        found.add(d);
        if let Some(c) = &config {
            let path = root.join("danvan.toml");
            found.diagnostics.extend(members::check_members(root, c, &path));
        }
        fixed.push(PathBuf::from("danvan.toml"));
    }
    if root.join("targets.toml").is_file() {
        let file = FileId(fixed.len() as u32);
        let (t, d) = with_text(&root.join("targets.toml"), read_checked, |path, text| {
            let (t, d) = parse_targets_in(path, text, file);
            (Some(t), d)
        });
        (targets, targets_file) = (t.unwrap_or_default(), Some(file));
        found.add(d);
        fixed.push(PathBuf::from("targets.toml"));
    }

    // Files are numbered meetings, models, petitions. The petitions folder,
    // the largest, is walked on one thread while the others read and parse
    // meetings and models: the walk costs next to nothing then.
    let folder = |kind: Kind| top.folders.iter().find(|(k, _)| *k == kind).map(|(_, p)| p.as_path());
    let walk_kind = |kind: Kind| folder(kind).map_or_else(Walked::default, |f| walk_from(root, &canonical_root, f));
    let first = fixed.len() as u32;
    let ((meeting_walk, model_walk, meetings, models, early), petition_walk) = rayon::join(
        || {
            let (meeting_walk, model_walk) = (walk_kind(Kind::Meeting), walk_kind(Kind::Model));
            let mut early = Found::default();
            let meetings = parse_block(root, &meeting_walk.jobs, first, &mut early, records::meeting);
            let after = first + meeting_walk.jobs.len() as u32;
            let models = parse_block(root, &model_walk.jobs, after, &mut early, records::model);
            (meeting_walk, model_walk, meetings, models, early)
        },
        || walk_kind(Kind::Petition),
    );
    found.extend(early);
    let after = first + (meeting_walk.jobs.len() + model_walk.jobs.len()) as u32;
    let petitions = parse_block(root, &petition_walk.jobs, after, &mut found, records::petition);

    let mut files = Vec::with_capacity(after as usize + petition_walk.jobs.len());
    files.extend(fixed.into_iter().map(|rel| SourceFile { rel }));
    for walk in [meeting_walk, model_walk, petition_walk] {
        found.diagnostics.extend(walk.diags);
        files.extend(walk.jobs.into_iter().map(|j| SourceFile { rel: j.rel }));
    }
    let broken = Broken {
        models: models.broken,
        meetings: meetings.broken,
        petitions: petitions.broken,
    };
    let workspace = config.map(|config| {
        Workspace::new(
            root.to_path_buf(),
            files,
            config,
            config_file,
            targets,
            targets_file,
            models.records,
            meetings.records,
            petitions.records,
        )
    });
    let mut loaded = Loaded {
        workspace,
        diagnostics: found.diagnostics,
        sources: found.sources,
        broken,
    };
    loaded.sort();
    loaded
}

/// How a record of one kind is read from its parsed table (leniently or not).
type ReadRecord<T> = fn(&mut Ctx<'_>, &Table<'_, '_>, String, FileId, bool) -> Option<T>;

/// The records of one kind: those that read, and those that did not but
/// were read again leniently, for the rules across records only.
struct Block<T> {
    records: Vec<T>,
    broken: Vec<T>,
}

/// Reads and parses `jobs`, files `first`, `first + 1`, … of the
/// workspace, in parallel; keeps the records that parsed, in walk order,
/// and adds every problem to `found`. A file that parses as TOML but not
/// as a record (a required field missing or wrong) is read again with
/// placeholders ([`crate::model::fields::Source::lenient`]), its problems
/// not reported twice, so that the rules across records see the rest of
/// it: an unknown `lead` is reported with the quoted date beside it, not
/// after it is fixed.
fn parse_block<T: Send>(root: &Path, jobs: &[Job], first: u32, found: &mut Found, read: ReadRecord<T>) -> Block<T> {
    let mut parsed: Vec<Option<Result<T, Option<T>>>> = Vec::with_capacity(jobs.len());
    let mut problems: Vec<Problems> = Vec::with_capacity(jobs.len());
    let folders = read::Folders::open(root, jobs);
    jobs.par_iter()
        .enumerate()
        .map(|(i, job)| {
            let file = FileId(first + i as u32);
            with_text(
                &root.join(&job.rel),
                |path| folders.read(path, job),
                |path, text| {
                    let (record, d) = parse_text(path, text, |cx, table| {
                        let id = record_id(&job.stem());
                        match read(cx, table, id.clone(), file, false) {
                            Some(record) => Ok(record),
                            None => {
                                let mut quiet = Ctx::new(cx.path, cx.offset);
                                Err(read(&mut quiet, table, id, file, true))
                            }
                        }
                    });
                    (record, d)
                },
            )
        })
        .unzip_into_vecs(&mut parsed, &mut problems);
    for p in problems {
        found.add(p);
    }
    // The few broken records are taken out first; the others then move
    // within `parsed`'s own allocation (an in-place collect), so the
    // records of a large workspace are never held twice while loading.
    let mut broken = Vec::new();
    for slot in parsed.iter_mut().filter(|r| matches!(r, Some(Err(Some(_))))) {
        if let Some(Err(Some(record))) = slot.take() {
            broken.push(record);
        }
    }
    let records = parsed.into_iter().filter_map(|r| r.and_then(Result::ok)).collect();
    Block { records, broken }
}

/// A record's id: its file stem, NFC-normalised (macOS writes NFD names).
/// The stem of a walked file comes from its job ([`Job::stem`]), that of
/// a file named by a caller from its path.
fn record_id(stem: &str) -> String {
    crate::text::nfc(stem)
}

/// Reads the file at `path` with `read` ([`read_text`], or
/// [`read_walked`] for a file the walk listed) and hands its text to
/// `parse`; a file that cannot be read gives its diagnostic instead. The
/// text of a file with problems is kept for them.
fn with_text<T>(
    path: &Path,
    read: impl FnOnce(&Path) -> Result<String, Box<Unread>>,
    parse: impl FnOnce(&Path, &str) -> (Option<T>, Vec<Diagnostic>),
) -> (Option<T>, Problems) {
    match read(path) {
        Ok(text) => {
            let (value, diags) = parse(path, &text);
            let source = (!diags.is_empty()).then(|| (path.to_path_buf(), SourceText::parse(&text)));
            (value, Problems { diags, source })
        }
        Err(u) => (
            None,
            Problems {
                source: u.lenient.map(|text| (path.to_path_buf(), SourceText::parse(&text))),
                diags: vec![u.diagnostic],
            },
        ),
    }
}

/// One record, model, meeting or petition, as the loader reads it.
#[derive(Debug, Clone)]
pub enum Record {
    Model(Model),
    Meeting(Meeting),
    Petition(Petition),
}

/// Parses the text of one record file, as the loader parses the file at
/// `path` (whose stem is the record's id) when it sits under the folder of
/// `kind`: every problem of the file itself, none of the rules across
/// records (`check::run` adds those). `Kind::Conclusion` has no files of its
/// own (conclusions live in meetings) and gives nothing. No I/O: `path` only
/// names the file in diagnostics. For fuzzing and for tools that hold a
/// record in memory.
pub fn parse_record(kind: Kind, path: &Path, text: &str) -> (Option<Record>, Vec<Diagnostic>) {
    let id = record_id(&path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default());
    let file = FileId(0);
    let (record, diags) = parse_text(path, text, |cx, t| match kind {
        Kind::Model => records::model(cx, t, id, file, false).map(Record::Model),
        Kind::Meeting => records::meeting(cx, t, id, file, false).map(Record::Meeting),
        Kind::Petition => records::petition(cx, t, id, file, false).map(Record::Petition),
        Kind::Conclusion => None,
    });
    (record.flatten(), diags)
}

/// Parses the text of a `danvan.toml`; `None` when it lacks what a
/// workspace needs. No I/O: `path` only names the file in diagnostics.
pub fn parse_config(path: &Path, text: &str) -> (Option<Config>, Vec<Diagnostic>) {
    let (config, diags) = parse_text(path, text, config::config);
    (config.flatten(), diags)
}

/// Parses the text of a `targets.toml`. No I/O: `path` only names the file
/// in diagnostics.
pub fn parse_targets(path: &Path, text: &str) -> (Vec<Target>, Vec<Diagnostic>) {
    parse_targets_in(path, text, FileId(1))
}

fn parse_targets_in(path: &Path, text: &str, file: FileId) -> (Vec<Target>, Vec<Diagnostic>) {
    let (targets, diags) = parse_text(path, text, |cx, t| targets::targets(cx, t, file));
    (targets.unwrap_or_default(), diags)
}

/// Stable order: by file, then position, then code.
pub fn sort_diagnostics(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.span.as_ref().map(|s| s.start), a.code.as_str()).cmp(&(
            &b.file,
            b.span.as_ref().map(|s| s.start),
            b.code.as_str(),
        ))
    });
}

/// Parses a file's text and reads its top table with `read`: a UTF-8 BOM
/// is skipped (spans still count it), an empty file and a syntax error are
/// reported and give `None`.
fn parse_text<T>(
    path: &Path,
    text: &str,
    read: impl FnOnce(&mut Ctx<'_>, &Table<'_, '_>) -> T,
) -> (Option<T>, Vec<Diagnostic>) {
    let (offset, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (3, rest),
        None => (0, text),
    };
    let mut cx = Ctx::new(path, offset);
    if body.trim().is_empty() {
        cx.diags.push(
            Diagnostic::new(Code::EmptyFile, tr!("tệp rỗng", "the file is empty"))
                .in_file(path)
                .with_help(tr!(
                    "điền nội dung (danvan new tạo sẵn mẫu) hoặc xóa tệp",
                    "fill it in (`danvan new` writes a template) or delete it"
                )),
        );
        return (None, cx.diags);
    }
    let Some(doc) = table::parse_document(&mut cx, body) else {
        return (None, cx.diags);
    };
    let table = Table::new(doc.get_ref(), 0..0, String::new());
    let value = read(&mut cx, &table);
    (Some(value), cx.diags)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diag::Code;

    /// Parses `text` (named `path`) and reads its top table with `parse`;
    /// the result and the diagnostics as (code, the text they point at).
    pub(crate) fn parse_table<T>(
        path: &str,
        text: &str,
        parse: impl FnOnce(&mut Ctx<'_>, &Table<'_, '_>) -> T,
    ) -> (T, Vec<(Code, String)>) {
        let mut cx = Ctx::new(Path::new(path), 0);
        let doc = table::parse_document(&mut cx, text).expect("the test text is valid TOML");
        let t = Table::new(doc.get_ref(), 0..0, String::new());
        let value = parse(&mut cx, &t);
        let diags = cx
            .diags
            .iter()
            .map(|d| (d.code, text[d.span.clone().expect("a position")].to_owned()))
            .collect();
        (value, diags)
    }

    /// The diagnostics as (code, the text they point at), borrowed.
    pub(crate) fn codes(diags: &[(Code, String)]) -> Vec<(Code, &str)> {
        diags.iter().map(|(c, at)| (*c, at.as_str())).collect()
    }

    #[test]
    fn the_registers_leave_out_the_records_with_errors_and_name_them() {
        let dir = workspace(&[
            ("petitions/good.toml", "type = \"complaint\"\nreceived = 2023-03-02\n"),
            // A typo in a key, and a bad value: one file, two errors.
            (
                "petitions/typo.toml",
                "type = \"complaint\"\nrecieved = 2023-03-02\nchannel = \"fax\"\n",
            ),
            // Not TOML at all: no record, still named.
            ("petitions/syntax.toml", "type = complaint\n"),
            // An unknown unit: an error of the rules across records.
            (
                "meetings/m.toml",
                "title = \"H\"\ntype = \"dialogue\"\ndate = 2023-03-01\nunits = [\"nowhere\"]\n",
            ),
            (
                "models/ok.toml",
                "title = \"M\"\nlead = \"mttq\"\nstarted = 2022-03-01\nstatus = \"active\"\n",
            ),
            ("targets.toml", "[[target]]\nid = \"t\"\n"),
        ]);
        let loaded = crate::check::load(dir.path());
        let (ws, left) = loaded.registers().expect("danvan.toml is sound");
        let ids: Vec<&str> = ws.petitions.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["good"]);
        assert!(ws.meetings.is_empty() && ws.models.len() == 1 && ws.targets.is_empty());
        let named: Vec<(String, usize, Code)> = left
            .iter()
            .map(|l| {
                let rel = l.file.strip_prefix(dir.path()).unwrap().display().to_string();
                (rel, l.errors, l.code)
            })
            .collect();
        assert_eq!(
            named,
            [
                ("meetings/m.toml".to_owned(), 1, Code::UnknownRef),
                ("petitions/syntax.toml".to_owned(), 1, Code::Syntax),
                // `received` is missing (sorted first: at the top), `recieved` unknown, "fax" no channel.
                ("petitions/typo.toml".to_owned(), 3, Code::MissingField),
                ("targets.toml".to_owned(), 4, Code::MissingField),
            ]
        );
        // An error in danvan.toml: no register is right.
        let dir = workspace(&[("danvan.toml", &CONFIG.replace("place", "plaec"))]);
        assert!(crate::check::load(dir.path()).registers().is_none());
    }

    /// A `danvan.toml` that checks clean: one unit, two organisations,
    /// the holidays of 2022 and 2023.
    pub(crate) const CONFIG: &str = "[committee]\nname = \"Huyện ủy Thử\"\nparent = \"Đảng bộ tỉnh Thử\"\n\
        standing = \"Ban Thường vụ Huyện ủy\"\nplace = \"Thử\"\nnotice_suffix = \"TB/HU\"\n\
        [[unit]]\nid = \"tan-my\"\nname = \"xã Tân Mỹ\"\n\
        [[org]]\nid = \"ubnd\"\nname = \"UBND huyện\"\n[[org]]\nid = \"mttq\"\nname = \"MTTQ huyện\"\n\
        [calendar]\nholidays = [2022-01-03, 2023-01-02]\n";

    /// A workspace folder holding `files` (path, content); `danvan.toml` is
    /// [`CONFIG`] unless `files` brings its own.
    pub(crate) fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        if !files.iter().any(|(p, _)| *p == "danvan.toml") {
            std::fs::write(dir.path().join("danvan.toml"), CONFIG).unwrap();
        }
        for (path, text) in files {
            write(dir.path(), path, text.as_bytes());
        }
        dir
    }

    pub(crate) fn write(root: &Path, rel: &str, bytes: &[u8]) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// Each diagnostic as (code, file relative to the root, the text it points at).
    pub(crate) fn found(root: &Path, loaded: &Loaded) -> Vec<(Code, String, String)> {
        loaded
            .diagnostics
            .iter()
            .map(|d| {
                let file = d.file.as_deref().expect("every diagnostic names a file");
                let rel = file
                    .strip_prefix(root)
                    .unwrap_or(file)
                    .to_string_lossy()
                    .replace('\\', "/");
                let at = match (&d.span, std::fs::read(file)) {
                    (Some(span), Ok(bytes)) => String::from_utf8_lossy(&bytes[span.clone()]).into_owned(),
                    _ => String::new(),
                };
                (d.code, rel, at)
            })
            .collect()
    }

    /// The diagnostics of a workspace with the rules across records too,
    /// as every command sees them.
    fn check(files: &[(&str, &str)]) -> Vec<(Code, String, String)> {
        let dir = workspace(files);
        found(dir.path(), &crate::check::load(dir.path()))
    }

    fn owned(expected: &[(Code, &str, &str)]) -> Vec<(Code, String, String)> {
        expected
            .iter()
            .map(|(c, f, at)| (*c, f.to_string(), at.to_string()))
            .collect()
    }

    const PETITION: &str = "type = \"complaint\"\nreceived = 2022-03-01\n";

    #[test]
    fn a_clean_workspace_loads_every_kind() {
        let dir = workspace(&[
            (
                "targets.toml",
                "[[target]]\nid = \"t\"\ntitle = \"T\"\ndeadline = 2025-12-31\ngoal = 1\nmeasure = { count = \"models\" }\n",
            ),
            (
                "models/2022/m.toml",
                "title = \"M\"\nlead = \"mttq\"\nstarted = 2022-01-01\nstatus = \"active\"\n",
            ),
            (
                "meetings/h.toml",
                "title = \"H\"\ntype = \"review\"\ndate = 2022-07-12\n",
            ),
            ("petitions/a/b/p.toml", PETITION),
        ]);
        let loaded = load(dir.path());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert!(!loaded.has_errors());
        let ws = loaded.workspace.unwrap();
        assert_eq!(ws.files.len(), 5);
        assert_eq!(
            (ws.targets.len(), ws.models.len(), ws.meetings.len(), ws.petitions.len()),
            (1, 1, 1, 1)
        );
        assert_eq!(ws.petitions[0].id, "p");
        assert_eq!(ws.rel_path(ws.petitions[0].file), Path::new("petitions/a/b/p.toml"));
        assert_eq!(ws.path(ws.models[0].file), dir.path().join("models/2022/m.toml"));
    }

    #[test]
    fn a_bom_and_crlf_line_ends_are_accepted() {
        let crlf = "\u{feff}type = \"complaint\"\r\nreceived = 2022-03-01\r\nunits = [\"tan-my\"]\r\n";
        assert!(check(&[("petitions/p.toml", crlf)]).is_empty());
        let config = format!("\u{feff}{}", CONFIG.replace('\n', "\r\n"));
        assert!(check(&[("danvan.toml", &config), ("petitions/p.toml", crlf)]).is_empty());
        // Positions still point at the right bytes, after the BOM.
        let bad = "\u{feff}type = \"complaint\"\r\nreceived = 2022-03-01\r\nresolved = \"2022-03-02\"\r\nunits = [\"tan-mi\"]\r\n";
        assert_eq!(
            check(&[("petitions/p.toml", bad)]),
            owned(&[
                (Code::QuotedDate, "petitions/p.toml", "\"2022-03-02\""),
                (Code::UnknownRef, "petitions/p.toml", "\"tan-mi\""),
            ])
        );
    }

    #[test]
    fn ids_are_file_stems_in_nfc() {
        let dir = workspace(&[("petitions/ta\u{302}n-my\u{303}.toml", PETITION)]);
        let ws = load(dir.path()).workspace.unwrap();
        assert_eq!(ws.petitions[0].id, "tân-mỹ");
    }

    #[test]
    fn what_the_walk_skips_and_what_it_warns_about() {
        let dir = workspace(&[
            ("petitions/.hidden.toml", "not = [toml"),
            ("petitions/.git/x.toml", "not = [toml"),
            (".cache/x.toml", "not = [toml"),
            ("petitions/readme.md", "not = [toml"),
            ("petitions/p.toml.bak", "not = [toml"),
            ("templates/petition.toml", "{{ not toml }}"),
            ("notes.toml", "x = 1"),
            ("archive/old.toml", "x = 1"),
            ("Petitions/p.toml", PETITION),
            ("petitions/p.toml", PETITION),
        ]);
        std::fs::create_dir_all(dir.path().join("petitions/folder.toml/inner")).unwrap();
        let loaded = load(dir.path());
        assert_eq!(
            found(dir.path(), &loaded),
            owned(&[
                (Code::Ignored, "Petitions/p.toml", ""),
                (Code::Ignored, "archive/old.toml", ""),
                (Code::Ignored, "notes.toml", ""),
                (Code::Unreadable, "petitions/folder.toml", ""),
            ])
        );
        assert!(loaded.has_errors());
        assert_eq!(loaded.workspace.unwrap().petitions.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_inside_the_workspace_only() {
        let outside = tempfile::tempdir().unwrap();
        write(outside.path(), "secret.toml", PETITION.as_bytes());
        let dir = workspace(&[("shared/p.toml", PETITION)]);
        std::fs::create_dir_all(dir.path().join("petitions")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.toml"),
            dir.path().join("petitions/out.toml"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("petitions/outdir")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("shared/p.toml"), dir.path().join("petitions/in.toml")).unwrap();
        std::os::unix::fs::symlink("../petitions", dir.path().join("petitions/loop")).unwrap();
        let loaded = load(dir.path());
        let codes: Vec<(Code, String)> = found(dir.path(), &loaded).into_iter().map(|(c, f, _)| (c, f)).collect();
        assert!(
            codes.contains(&(Code::Ignored, "petitions/out.toml".into())),
            "{codes:?}"
        );
        assert!(codes.contains(&(Code::Ignored, "petitions/outdir".into())), "{codes:?}");
        assert!(codes.contains(&(Code::Ignored, "shared/p.toml".into())), "{codes:?}");
        assert!(
            codes
                .iter()
                .any(|(c, f)| *c == Code::Unreadable && f.starts_with("petitions/loop")),
            "{codes:?}"
        );
        let ws = loaded.workspace.unwrap();
        assert_eq!(ws.petitions.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["in"]);
    }

    #[test]
    fn without_danvan_toml_nothing_is_walked() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "petitions/p.toml",
            b"type = \"complaint\"\nreceived = \"2022-03-01\"\n",
        );
        let loaded = load(dir.path());
        assert!(loaded.workspace.is_none());
        assert_eq!(
            found(dir.path(), &loaded),
            owned(&[(Code::NoWorkspace, "danvan.toml", "")])
        );
    }

    #[test]
    fn a_broken_danvan_toml_stops_cross_record_checks_only() {
        let found = check(&[
            ("danvan.toml", "[committee]\nname = \"x\"\n"),
            (
                "petitions/p.toml",
                "type = \"complaint\"\nreceived = 2022-03-01\nhandler = \"nobody\"\nfoo = 1\n",
            ),
        ]);
        let codes: Vec<(Code, &str)> = found.iter().map(|(c, f, _)| (*c, f.as_str())).collect();
        assert_eq!(
            codes,
            [
                (Code::MissingField, "danvan.toml"),
                (Code::MissingField, "danvan.toml"),
                (Code::MissingField, "danvan.toml"),
                (Code::MissingField, "danvan.toml"),
                (Code::UnknownKey, "petitions/p.toml"),
            ]
        );
    }

    #[test]
    fn empty_files() {
        for text in ["", "\n\n", "  \t\r\n", "\u{feff}", "\u{feff}\r\n"] {
            let found = check(&[("meetings/e.toml", text)]);
            assert_eq!(found, owned(&[(Code::EmptyFile, "meetings/e.toml", "")]), "{text:?}");
        }
        // A file with only comments is not empty: its fields are missing.
        let found = check(&[("meetings/e.toml", "# nothing yet\n")]);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|d| d.0 == Code::MissingField));
    }

    #[test]
    fn a_file_that_is_not_utf8_points_at_the_first_bad_byte() {
        let dir = workspace(&[]);
        write(dir.path(), "models/latin1.toml", b"title = \"caf\xe9\"\n");
        let loaded = load(dir.path());
        assert_eq!(loaded.diagnostics.len(), 1);
        let d = &loaded.diagnostics[0];
        assert_eq!(d.code, Code::NotUtf8);
        assert_eq!(d.span, Some(12..13));
        // UTF-16, as Windows Notepad once saved.
        let dir = workspace(&[]);
        write(dir.path(), "models/utf16.toml", b"\xff\xfet\x00i\x00");
        let loaded = load(dir.path());
        assert_eq!(
            loaded
                .diagnostics
                .iter()
                .map(|d| (d.code, d.span.clone()))
                .collect::<Vec<_>>(),
            [(Code::NotUtf8, Some(0..1))]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = workspace(&[]);
        let fifo = dir.path().join("petitions/fifo.toml");
        std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available; skipped");
            return;
        }
        // If reading blocked, this test would hang: run it on a thread with a deadline.
        let root = dir.path().to_path_buf();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let loaded = load(&root);
            let _ = tx.send(loaded.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>());
        });
        let codes = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("load did not block on a FIFO");
        assert_eq!(codes, [Code::Unreadable]);
    }

    #[test]
    fn diagnostics_come_sorted_by_file_then_position() {
        let found = check(&[
            (
                "petitions/b.toml",
                "type = \"complaint\"\nreceived = \"2022-03-01\"\nfoo = 1\n",
            ),
            (
                "petitions/a.toml",
                "zzz = 1\ntype = \"complaint\"\nreceived = 2022-03-01\nchannel = \"fax\"\n",
            ),
        ]);
        let order: Vec<(&str, Code)> = found.iter().map(|(c, f, _)| (f.as_str(), *c)).collect();
        assert_eq!(
            order,
            [
                ("petitions/a.toml", Code::UnknownKey),
                ("petitions/a.toml", Code::BadEnum),
                ("petitions/b.toml", Code::QuotedDate),
                ("petitions/b.toml", Code::UnknownKey),
            ]
        );
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        /// Text made of the pieces TOML is made of, so that cases get deep into the reader.
        fn toml_like() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("type = \"complaint\"\n".to_owned()),
                Just("received = 2022-03-01\n".to_owned()),
                Just("[petitioner]\n".to_owned()),
                Just("[[conclusion]]\n".to_owned()),
                Just("extensions = [2022-04-01, \"2022-05-01\"]\n".to_owned()),
                Just("round = ".to_owned()),
                Just("\"".to_owned()),
                Just("[".to_owned()),
                Just("]".to_owned()),
                Just("{".to_owned()),
                Just("}".to_owned()),
                Just("=".to_owned()),
                Just("\r\n".to_owned()),
                Just("\u{feff}".to_owned()),
                Just("ỹ".to_owned()),
                "[a-z_.]{1,8}",
                "[0-9:T+-]{1,12}",
                any::<char>().prop_map(String::from),
            ];
            proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

            #[test]
            fn any_record_text_gives_diagnostics_with_valid_spans(text in toml_like(), kind in 0..3usize) {
                let folder = ["models", "meetings", "petitions"][kind];
                let dir = workspace(&[(&format!("{folder}/x.toml"), &text)]);
                let loaded = load(dir.path());
                for d in &loaded.diagnostics {
                    if let Some(span) = &d.span {
                        prop_assert!(span.start <= span.end && span.end <= text.len(), "{:?} in {:?}", d, text);
                    }
                }
            }

            #[test]
            fn any_bytes_give_diagnostics_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
                let dir = workspace(&[]);
                write(dir.path(), "petitions/x.toml", &bytes);
                let _ = load(dir.path());
            }
        }
    }
}
