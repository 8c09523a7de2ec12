//! From a folder to a [`Workspace`]: find it, walk it, read and parse every
//! file (in parallel), and collect every problem on the way.

mod config;
pub mod reader;
mod records;

use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use rayon::prelude::*;
use reader::{Ctx, Table};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Records over this size are refused unread: no record needs it.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Where the workspace is, as SPEC section 1 says, or where we looked.
pub fn locate(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, String> {
    if let Some(dir) = explicit {
        return if dir.is_dir() {
            Ok(dir.to_path_buf())
        } else {
            Err(tr!(
                "không tìm thấy thư mục hồ sơ {} (từ --records hoặc DANVAN_RECORDS)",
                "the records folder {} does not exist (from --records or DANVAN_RECORDS)",
                dir.display()
            ))
        };
    }
    let mut looked = Vec::new();
    for dir in cwd.ancestors() {
        if dir.join("danvan.toml").is_file() {
            return Ok(relative_to(dir, cwd));
        }
        looked.push(dir.display().to_string());
    }
    let fallback = cwd.join("records");
    if fallback.is_dir() {
        return Ok(PathBuf::from("records"));
    }
    Err(tr!(
        "không tìm thấy không gian hồ sơ: không có danvan.toml ở {} hay các thư mục cha, và không có ./records\n  (đã tìm: {}, {})\n  gợi ý: chỉ định --records THƯ_MỤC hoặc đặt DANVAN_RECORDS",
        "no workspace found: no danvan.toml in {} or any folder above it, and no ./records\n  (looked in: {}, {})\n  help: pass --records DIR or set DANVAN_RECORDS",
        cwd.display(),
        looked.join(", "),
        fallback.display()
    ))
}

/// `dir` as the user would type it from `cwd` ("." or "../..") when it is above.
fn relative_to(dir: &Path, cwd: &Path) -> PathBuf {
    match cwd.strip_prefix(dir) {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.components().map(|_| "..").collect(),
        Err(_) => dir.to_path_buf(),
    }
}

/// The workspace (when `danvan.toml` could be read) and every problem found.
pub struct Loaded {
    pub workspace: Option<Workspace>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Config,
    Targets,
    Record(Kind),
}

struct Job {
    kind: FileKind,
    rel: PathBuf,
}

enum Parsed {
    Config(Option<Config>),
    Targets(Vec<Target>),
    Model(Option<Model>),
    Meeting(Option<Meeting>),
    Petition(Option<Petition>),
}

/// Loads the workspace at `root` and runs every check on it.
pub fn load(root: &Path) -> Loaded {
    let t0 = std::time::Instant::now();
    let phase = |name: &str| {
        if std::env::var_os("DANVAN_PHASES").is_some() {
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let grab = |k: &str| {
                status
                    .lines()
                    .find(|l| l.starts_with(k))
                    .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_owned())
                    .unwrap_or_default()
            };
            eprintln!(
                "phase {name:10} {:8.1} ms  rss {} KB hwm {} KB",
                t0.elapsed().as_secs_f64() * 1000.0,
                grab("VmRSS"),
                grab("VmHWM")
            );
        }
    };
    let mut diagnostics = Vec::new();
    if !root.join("danvan.toml").is_file() {
        diagnostics.push(
            Diagnostic::new(
                Code::NoWorkspace,
                tr!("{} không có danvan.toml", "{} has no danvan.toml", root.display()),
            )
            .in_file(root.join("danvan.toml"))
            .with_help(tr!(
                "tạo danvan.toml (xem examples/minimal/danvan.toml) hoặc chỉ --records tới thư mục chứa nó",
                "create danvan.toml (see examples/minimal/danvan.toml) or point --records at the folder that holds it"
            )),
        );
    }
    let jobs = walk(root, &mut diagnostics);
    phase("walk");
    let results: Vec<(Parsed, Vec<Diagnostic>)> = jobs
        .par_iter()
        .enumerate()
        .map(|(i, job)| parse_file(root, job, FileId(i as u32)))
        .collect();

    phase("parse");
    let mut config = None;
    let (mut config_file, mut targets_file) = (FileId(0), None);
    let (mut targets, mut models, mut meetings, mut petitions) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, (parsed, diags)) in results.into_iter().enumerate() {
        diagnostics.extend(diags);
        match parsed {
            Parsed::Config(c) => {
                config = c;
                config_file = FileId(i as u32);
            }
            Parsed::Targets(t) => {
                targets = t;
                targets_file = Some(FileId(i as u32));
            }
            Parsed::Model(m) => models.extend(m),
            Parsed::Meeting(m) => meetings.extend(m),
            Parsed::Petition(p) => petitions.extend(p),
        }
    }
    let files = jobs.into_iter().map(|j| SourceFile { rel: j.rel }).collect();
    let workspace = config.map(|config| {
        Workspace::new(
            root.to_path_buf(),
            files,
            config,
            config_file,
            targets,
            targets_file,
            models,
            meetings,
            petitions,
        )
    });
    phase("workspace");
    if let Some(ws) = &workspace {
        diagnostics.extend(crate::check::run(ws));
    }
    phase("check");
    sort_diagnostics(&mut diagnostics);
    Loaded { workspace, diagnostics }
}

/// Stable order: by file, then position, then code.
fn sort_diagnostics(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.span.as_ref().map(|s| s.start), a.code.as_str()).cmp(&(
            &b.file,
            b.span.as_ref().map(|s| s.start),
            b.code.as_str(),
        ))
    });
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Lists the files to parse, in a stable order; reports what cannot be walked.
fn walk(root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Job> {
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut jobs = vec![Job {
        kind: FileKind::Config,
        rel: PathBuf::from("danvan.toml"),
    }];
    jobs.truncate(usize::from(root.join("danvan.toml").is_file()));
    if root.join("targets.toml").is_file() {
        jobs.push(Job {
            kind: FileKind::Targets,
            rel: PathBuf::from("targets.toml"),
        });
    }
    let mut escaped = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && is_hidden(e.file_name()) {
                return false;
            }
            // A link is followed only while it stays inside the workspace.
            if e.path_is_symlink() {
                let inside = std::fs::canonicalize(e.path()).is_ok_and(|p| p.starts_with(&canonical_root));
                if !inside {
                    escaped.push(e.path().to_path_buf());
                    return false;
                }
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                let message = if err.loop_ancestor().is_some() {
                    tr!(
                        "liên kết vòng, đã bỏ qua: {}",
                        "a link loop, skipped: {}",
                        path.display()
                    )
                } else {
                    tr!(
                        "không đọc được {}: {}",
                        "cannot read {}: {}",
                        path.display(),
                        io_reason(&err.to_string())
                    )
                };
                diags.push(Diagnostic::new(Code::Unreadable, message).in_file(path));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let is_toml = rel.extension().is_some_and(|e| e == "toml");
        if !is_toml || entry.depth() == 0 {
            continue;
        }
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        let kind = match top {
            "models" => Kind::Model,
            "meetings" => Kind::Meeting,
            "petitions" => Kind::Petition,
            _ if entry.depth() == 1 && (top == "danvan.toml" || top == "targets.toml") => continue,
            "templates" => continue,
            _ => {
                diags.push(
                    Diagnostic::new(
                        Code::Ignored,
                        tr!(
                            "bỏ qua {}: hồ sơ phải nằm trong models/, meetings/ hoặc petitions/",
                            "ignored {}: records belong under models/, meetings/ or petitions/",
                            rel.display()
                        ),
                    )
                    .in_file(entry.path()),
                );
                continue;
            }
        };
        if entry.file_type().is_dir() {
            diags.push(
                Diagnostic::new(
                    Code::Unreadable,
                    tr!(
                        "{} là một thư mục, không phải tệp hồ sơ",
                        "{} is a folder, not a record file",
                        rel.display()
                    ),
                )
                .in_file(entry.path())
                .with_help(tr!(
                    "đổi tên thư mục (bỏ đuôi .toml)",
                    "rename the folder (drop the .toml ending)"
                )),
            );
            continue;
        }
        jobs.push(Job {
            kind: FileKind::Record(kind),
            rel: rel.to_path_buf(),
        });
    }
    for path in escaped {
        diags.push(
            Diagnostic::new(
                Code::Ignored,
                tr!(
                    "bỏ qua liên kết trỏ ra ngoài không gian hồ sơ: {}",
                    "ignored a link that points out of the workspace: {}",
                    path.display()
                ),
            )
            .in_file(path),
        );
    }
    jobs
}

/// The OS error without its "(os error 13)" tail, which means nothing to users.
fn io_reason(text: &str) -> String {
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text.to_owned(),
    }
}

/// Reads one file's text: refuses big files unread, non-UTF-8 and empty ones.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let fail = |code: Code, message: String| Diagnostic::new(code, message).in_file(path);
    let cannot_open = |e: std::io::Error| {
        fail(
            Code::Unreadable,
            tr!(
                "không mở được tệp: {}",
                "cannot open the file: {}",
                io_reason(&e.to_string())
            ),
        )
    };
    // Looked at before opening: opening a FIFO blocks until a writer comes.
    let meta = std::fs::metadata(path).map_err(cannot_open)?;
    if meta.is_dir() {
        return Err(fail(
            Code::Unreadable,
            tr!("đây là thư mục, không phải tệp", "this is a folder, not a file"),
        ));
    }
    if !meta.is_file() {
        return Err(fail(
            Code::Unreadable,
            tr!("đây không phải tệp thông thường", "this is not a regular file"),
        ));
    }
    let file = std::fs::File::open(path).map_err(cannot_open)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            Code::TooLarge,
            tr!(
                "tệp nặng {} byte, vượt giới hạn 1 MiB; không đọc",
                "the file has {} bytes, over the 1 MiB limit; not read",
                meta.len()
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| {
        fail(
            Code::Unreadable,
            tr!(
                "không đọc được tệp: {}",
                "cannot read the file: {}",
                io_reason(&e.to_string())
            ),
        )
    })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            Code::TooLarge,
            tr!(
                "tệp vượt giới hạn 1 MiB; không đọc",
                "the file is over the 1 MiB limit; not read"
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        fail(
            Code::NotUtf8,
            tr!(
                "tệp không phải văn bản UTF-8 (byte {} sai)",
                "the file is not UTF-8 text (bad byte at offset {})",
                at
            ),
        )
        .at(at..at + 1)
        .with_help(tr!(
            "lưu lại tệp với bảng mã UTF-8",
            "save the file again with the UTF-8 encoding"
        ))
    })
}

fn parse_file(root: &Path, job: &Job, file: FileId) -> (Parsed, Vec<Diagnostic>) {
    let path = root.join(&job.rel);
    let empty = || match job.kind {
        FileKind::Config => Parsed::Config(None),
        FileKind::Targets => Parsed::Targets(Vec::new()),
        FileKind::Record(Kind::Model) => Parsed::Model(None),
        FileKind::Record(Kind::Meeting) => Parsed::Meeting(None),
        FileKind::Record(_) => Parsed::Petition(None),
    };
    let text = match read_text(&path) {
        Ok(t) => t,
        Err(d) => return (empty(), vec![d]),
    };
    let (offset, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (3, rest),
        None => (0, text.as_str()),
    };
    let mut cx = Ctx::new(&path, offset);
    if body.trim().is_empty() {
        cx.diags.push(
            Diagnostic::new(Code::EmptyFile, tr!("tệp rỗng", "the file is empty"))
                .in_file(&path)
                .with_help(tr!(
                    "điền nội dung (danvan new tạo sẵn mẫu) hoặc xóa tệp",
                    "fill it in (`danvan new` writes a template) or delete it"
                )),
        );
        return (empty(), cx.diags);
    }
    let Some(doc) = reader::parse_document(&mut cx, body) else {
        return (empty(), cx.diags);
    };
    let table = Table::new(doc.get_ref(), 0..0, String::new());
    let id = || {
        let stem = job.rel.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
        reader::nfc(&stem)
    };
    let parsed = match job.kind {
        FileKind::Config => Parsed::Config(config::config(&mut cx, &table)),
        FileKind::Targets => Parsed::Targets(config::targets(&mut cx, &table, file)),
        FileKind::Record(Kind::Model) => Parsed::Model(records::model(&mut cx, &table, id(), file)),
        FileKind::Record(Kind::Meeting) => Parsed::Meeting(records::meeting(&mut cx, &table, id(), file)),
        FileKind::Record(_) => Parsed::Petition(records::petition(&mut cx, &table, id(), file)),
    };
    (parsed, cx.diags)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diag::Code;

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

    fn check(files: &[(&str, &str)]) -> Vec<(Code, String, String)> {
        let dir = workspace(files);
        found(dir.path(), &load(dir.path()))
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
    fn without_danvan_toml_records_are_still_read() {
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
            owned(&[
                (Code::NoWorkspace, "danvan.toml", ""),
                (Code::QuotedDate, "petitions/p.toml", "\"2022-03-01\""),
            ])
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

    #[test]
    fn read_text_refuses_what_is_not_a_small_text_file() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; MAX_FILE_BYTES as usize + 1]).unwrap();
        assert_eq!(read_text(&big).unwrap_err().code, Code::TooLarge);
        let limit = dir.path().join("limit.toml");
        std::fs::write(&limit, vec![b'#'; MAX_FILE_BYTES as usize]).unwrap();
        assert_eq!(read_text(&limit).unwrap().len(), MAX_FILE_BYTES as usize);
        assert_eq!(read_text(dir.path()).unwrap_err().code, Code::Unreadable);
        let missing = read_text(&dir.path().join("missing.toml")).unwrap_err();
        assert_eq!(missing.code, Code::Unreadable);
        assert!(!missing.message.contains("os error"), "{}", missing.message);
        assert_eq!(missing.file.as_deref(), Some(&*dir.path().join("missing.toml")));
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

    #[test]
    fn locate_follows_the_spec() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "ws/danvan.toml", CONFIG.as_bytes());
        std::fs::create_dir_all(root.join("ws/petitions/2022")).unwrap();
        std::fs::create_dir_all(root.join("plain/records")).unwrap();
        std::fs::create_dir_all(root.join("nothing")).unwrap();

        // --records wins, as given.
        assert_eq!(locate(Some(&root.join("plain")), root).unwrap(), root.join("plain"));
        let err = locate(Some(&root.join("missing")), root).unwrap_err();
        assert!(err.contains(&root.join("missing").display().to_string()), "{err}");
        // The nearest danvan.toml at or above, as a relative path.
        assert_eq!(locate(None, &root.join("ws")).unwrap(), PathBuf::from("."));
        assert_eq!(
            locate(None, &root.join("ws/petitions/2022")).unwrap(),
            PathBuf::from("../..")
        );
        // Else ./records.
        assert_eq!(locate(None, &root.join("plain")).unwrap(), PathBuf::from("records"));
        // Else an error that says where it looked.
        if root.ancestors().skip(1).all(|a| !a.join("danvan.toml").is_file()) {
            let err = locate(None, &root.join("nothing")).unwrap_err();
            assert!(err.contains(&root.join("nothing").display().to_string()), "{err}");
            assert!(
                err.contains(&root.join("nothing/records").display().to_string()),
                "{err}"
            );
            assert!(err.contains("--records"), "{err}");
        }
    }

    #[test]
    fn io_reasons_lose_the_os_error_number() {
        assert_eq!(io_reason("Permission denied (os error 13)"), "Permission denied");
        assert_eq!(io_reason("gone"), "gone");
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
