//! The member committees of a province, loaded for `rollup` and for
//! `report` on a province workspace: the `[[member]]` of its danvan.toml,
//! or the folders given on the command line. Every member is loaded and
//! checked side by side (`check::load_all`), each with its own calendar,
//! rules and targets; a member with errors is set aside, named on stderr
//! with its error count, and the run exits 1 once the others are printed.

use super::{Context, Failure};
use crate::diag::Diagnostic;
use crate::domain::snapshot::{DUE_SOON_DAYS, Snapshot};
use crate::i18n::tr;
use crate::model::Workspace;
use crate::render::diagnostics::{MemberLeftOut, members_left_out_banner};
use crate::report::rollup::{Member, MemberState};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The members, ready to roll up.
pub struct Province {
    /// The province workspace, when the members come from its
    /// `[[member]]` and it has no errors.
    pub workspace: Option<&'static Workspace>,
    /// Its committee's name (also when it has errors).
    pub committee: Option<String>,
    pub members: Vec<Member<'static>>,
    pub as_of: chrono::NaiveDate,
}

/// Whether the workspace at `root` lists members (read cheaply from its
/// danvan.toml, as the language is): `report` then writes the province's
/// bundle.
pub fn lists_members(root: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(root.join("danvan.toml")) else {
        return false;
    };
    text.trim_start_matches('\u{feff}')
        .parse::<toml::Table>()
        .is_ok_and(|t| {
            t.get("member")
                .and_then(|m| m.as_array())
                .is_some_and(|m| !m.is_empty())
        })
}

/// Loads the members: `dirs` when given, else the `[[member]]` of the
/// workspace found as every command finds it.
pub fn load(cx: &Context, dirs: &[PathBuf]) -> Result<Province, Failure> {
    let (province, committee, listed) = if dirs.is_empty() {
        let (province, committee, listed) = listed_members(cx)?;
        (province, committee, listed)
    } else {
        cx.choose_lang(&dirs[0]);
        (None, None, given_members(dirs)?)
    };
    let roots: Vec<PathBuf> = listed.iter().map(|(_, p)| p.clone()).collect();
    let loaded = crate::check::load_all(&roots);
    let as_of = match province {
        Some(ws) => cx.as_of(ws),
        None => cx.as_of_at(
            loaded
                .iter()
                .find_map(|l| l.workspace.as_ref())
                .and_then(|ws| ws.config.committee.utc_offset),
        ),
    };
    let mut left: Vec<(String, PathBuf, usize, Option<Diagnostic>)> = Vec::new();
    let mut members: Vec<(String, PathBuf, Result<&'static Workspace, MemberState<'static>>)> = Vec::new();
    for ((id, path), l) in listed.into_iter().zip(loaded) {
        // A member's folder left unread would count as zero records.
        cx.say_unread(&l);
        let errors = l.diagnostics.iter().filter(|d| d.is_error()).count();
        let state = match l.workspace {
            Some(ws) if errors == 0 => Ok(&*Box::leak(Box::new(ws))),
            ws => {
                let first = l.diagnostics.into_iter().find(Diagnostic::is_error);
                left.push((id.clone(), path.clone(), errors, first));
                Err(MemberState::LeftOut {
                    committee: ws.map(|w| w.config.committee.name),
                    errors,
                })
            }
        };
        members.push((id, path, state));
    }
    if !left.is_empty() {
        let shown: Vec<MemberLeftOut<'_>> = left
            .iter()
            .map(|(id, path, errors, first)| MemberLeftOut {
                id,
                path,
                errors: *errors,
                first: first.as_ref(),
            })
            .collect();
        eprint!("{}", members_left_out_banner(&shown));
        cx.leave_out(left.into_iter().map(|(_, path, ..)| path));
    }
    // Each member's snapshot, on every core.
    let members = members
        .into_par_iter()
        .map(|(id, path, state)| Member {
            id,
            path: path.display().to_string(),
            state: match state {
                Ok(ws) => MemberState::Counted(Snapshot::new(ws, as_of, DUE_SOON_DAYS)),
                Err(left_out) => left_out,
            },
        })
        .collect();
    Ok(Province {
        workspace: province,
        committee,
        members,
        as_of,
    })
}

/// The members a province workspace lists, each with its folder. The
/// province's own errors (its danvan.toml, its own records) are printed
/// and make the run exit 1; the members are still rolled up, but for a
/// danvan.toml that cannot be read at all.
#[allow(clippy::type_complexity)]
fn listed_members(
    cx: &Context,
) -> Result<(Option<&'static Workspace>, Option<String>, Vec<(String, PathBuf)>), Failure> {
    let root = cx.root()?;
    cx.choose_lang(&root);
    let loaded = crate::check::load(&root);
    cx.say_unread(&loaded);
    let errors: Vec<Diagnostic> = loaded.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
    if !errors.is_empty() {
        eprint!(
            "{}",
            crate::render::diagnostics::human(&errors, &loaded.sources, cx.color_stderr)
        );
        cx.leave_out([root.join("danvan.toml")]);
    }
    let Some(ws) = loaded.workspace else {
        return Err(Failure::Records);
    };
    if ws.config.members.is_empty() {
        return Err(Failure::Usage(tr!(
            "{} không liệt kê cấp ủy trực thuộc nào: thêm [[member]] (id, path) vào danvan.toml, hoặc chỉ các thư mục: danvan rollup THƯ_MỤC…",
            "{} lists no member committees: add [[member]] (id, path) to its danvan.toml, or give the folders: danvan rollup DIR…",
            root.join("danvan.toml").display()
        )));
    }
    // A duplicate id (E020, printed above) is rolled up once, as first listed.
    let mut seen = std::collections::HashSet::with_capacity(ws.config.members.len());
    let listed: Vec<(String, PathBuf)> = ws
        .config
        .members
        .iter()
        .filter(|m| seen.insert(m.id.as_str()))
        .map(|m| (m.id.value.clone(), m.root_under(&root)))
        .collect();
    let committee = Some(ws.config.committee.name.clone());
    let province = errors.is_empty().then(|| &*Box::leak(Box::new(ws)));
    Ok((province, committee, listed))
}

/// The folders given on the command line, each named by its folder.
fn given_members(dirs: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, Failure> {
    let mut listed: Vec<(String, PathBuf)> = Vec::with_capacity(dirs.len());
    let mut taken: std::collections::HashMap<String, usize> = std::collections::HashMap::with_capacity(dirs.len());
    for dir in dirs {
        let named = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        let id = named
            .or_else(|| {
                std::fs::canonicalize(dir)
                    .ok()
                    .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
            })
            .unwrap_or_else(|| dir.display().to_string());
        if let Some(&first) = taken.get(&id) {
            let other = &listed[first].1;
            return Err(Failure::Usage(tr!(
                "{} và {} cùng tên thư mục `{}`: liệt kê chúng bằng [[member]] với mã khác nhau trong danvan.toml của tỉnh",
                "{} and {} have the same folder name `{}`: list them as [[member]] with distinct ids in a province's danvan.toml",
                other.display(),
                dir.display(),
                id
            )));
        }
        taken.insert(id.clone(), listed.len());
        listed.push((id, dir.clone()));
    }
    Ok(listed)
}
