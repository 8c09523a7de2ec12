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
    let results: Vec<(Parsed, Vec<Diagnostic>)> = jobs
        .par_iter()
        .enumerate()
        .map(|(i, job)| parse_file(root, job, FileId(i as u32)))
        .collect();

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
    if let Some(ws) = &workspace {
        diagnostics.extend(crate::check::run(ws));
    }
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
    let file = std::fs::File::open(path).map_err(|e| {
        fail(
            Code::Unreadable,
            tr!(
                "không mở được tệp: {}",
                "cannot open the file: {}",
                io_reason(&e.to_string())
            ),
        )
    })?;
    let meta = file
        .metadata()
        .map_err(|e| fail(Code::Unreadable, io_reason(&e.to_string())))?;
    if meta.is_dir() {
        return Err(fail(
            Code::Unreadable,
            tr!("đây là thư mục, không phải tệp", "this is a folder, not a file"),
        ));
    }
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
