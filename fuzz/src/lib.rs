//! What the fuzz targets run: danvan's pure parse entry points
//! (`danvan::load::parse_record`, `parse_config`, `parse_targets`), then the
//! cross-record checks and the as-of computations on the result, as a
//! command would. No files are written: the inputs never touch the disk.
//!
//! Besides "no panic, no overflow, no hang", each run checks one invariant
//! the renderers rely on: every diagnostic's span lies inside the text and on
//! character boundaries (`check` prints the text under it).

use chrono::NaiveDate;
use danvan::diag::Diagnostic;
use danvan::domain::snapshot::Snapshot;
use danvan::load::{Record, parse_config, parse_record, parse_targets};
use danvan::model::{Config, FileId, Kind, SourceFile, Target, Workspace};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const DANVAN_TOML: &str = include_str!("../../records/danvan.toml");
const TARGETS_TOML: &str = include_str!("../../records/targets.toml");
/// A few bundled records for the targets to count.
const RECORDS: &[(Kind, &str, &str)] = &[
    (
        Kind::Model,
        "models/2023/2023-03-26-thap-sang-duong-que.toml",
        include_str!("../../records/models/2023/2023-03-26-thap-sang-duong-que.toml"),
    ),
    (
        Kind::Meeting,
        "meetings/2023/2023-01-16-tiep-cong-dan.toml",
        include_str!("../../records/meetings/2023/2023-01-16-tiep-cong-dan.toml"),
    ),
    (
        Kind::Petition,
        "petitions/2023/2023-03-15-to-cao-long-hung-a.toml",
        include_str!("../../records/petitions/2023/2023-03-15-to-cao-long-hung-a.toml"),
    ),
    (
        Kind::Petition,
        "petitions/2023/2023-05-29-khieu-nai-long-hung-b.toml",
        include_str!("../../records/petitions/2023/2023-05-29-khieu-nai-long-hung-b.toml"),
    ),
];

/// As-of dates around the records, and the edges of time.
fn as_of_dates() -> [NaiveDate; 4] {
    let d = |s: &str| s.parse().expect("a date");
    [d("2023-06-30"), d("2025-12-31"), NaiveDate::MIN, NaiveDate::MAX]
}

fn base() -> &'static (Config, Vec<Target>) {
    static BASE: OnceLock<(Config, Vec<Target>)> = OnceLock::new();
    BASE.get_or_init(|| {
        let (config, diags) = parse_config(Path::new("danvan.toml"), DANVAN_TOML);
        assert!(diags.is_empty(), "the bundled danvan.toml parses: {diags:?}");
        let (targets, diags) = parse_targets(Path::new("targets.toml"), TARGETS_TOML);
        assert!(diags.is_empty(), "the bundled targets.toml parses: {diags:?}");
        (config.expect("the bundled danvan.toml is complete"), targets)
    })
}

/// Spans inside the text, on character boundaries (a BOM counts: it is
/// part of the file the renderer reads).
fn assert_spans(text: &str, diags: &[Diagnostic]) {
    for d in diags {
        if let Some(span) = &d.span {
            assert!(span.start <= span.end, "{d:?}");
            assert!(span.end <= text.len(), "span past the end ({}): {d:?}", text.len());
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "span inside a character: {d:?}"
            );
        }
    }
}

/// A workspace of the given config, targets and records, with one file per record.
fn workspace(config: Config, targets: Vec<Target>, records: Vec<(PathBuf, Record)>) -> Workspace {
    let mut files = vec![
        SourceFile {
            rel: "danvan.toml".into(),
        },
        SourceFile {
            rel: "targets.toml".into(),
        },
    ];
    let (mut models, mut meetings, mut petitions) = (Vec::new(), Vec::new(), Vec::new());
    for (rel, record) in records {
        let file = FileId(files.len() as u32);
        files.push(SourceFile { rel });
        match record {
            Record::Model(mut m) => {
                m.file = file;
                models.push(m);
            }
            Record::Meeting(mut m) => {
                m.file = file;
                meetings.push(m);
            }
            Record::Petition(mut p) => {
                p.file = file;
                petitions.push(p);
            }
        }
    }
    let mut targets = targets;
    for t in &mut targets {
        t.file = FileId(1);
    }
    Workspace::new(
        PathBuf::from("ws"),
        files,
        config,
        FileId(0),
        targets,
        Some(FileId(1)),
        models,
        meetings,
        petitions,
    )
}

/// Everything a reading command computes from a workspace.
fn exercise(ws: &Workspace) {
    let _ = danvan::check::run(ws);
    for as_of in as_of_dates() {
        let snap = Snapshot::new(ws, as_of, 7);
        for kind in [Kind::Model, Kind::Meeting, Kind::Petition, Kind::Conclusion] {
            for item in snap.items(kind) {
                let _ = (
                    item.id(),
                    item.date(),
                    item.units().len(),
                    item.orgs(),
                    item.status_str(),
                );
            }
        }
        for target in &ws.targets {
            let _ = danvan::domain::targets::evaluate(&snap, target);
        }
    }
}

/// The bundled records, parsed.
fn bundled_records() -> Vec<(PathBuf, Record)> {
    RECORDS
        .iter()
        .filter_map(|(kind, rel, text)| {
            let (record, _) = parse_record(*kind, Path::new(rel), text);
            record.map(|r| (PathBuf::from(rel), r))
        })
        .collect()
}

/// Fuzz target body: `data` as one record of `kind`.
pub fn record(kind: Kind, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let rel = PathBuf::from(format!("{kind}/fuzz.toml"));
    let (record, diags) = parse_record(kind, &rel, &text);
    assert_spans(&text, &diags);
    let Some(record) = record else { return };
    let (config, targets) = base().clone();
    let mut records = bundled_records();
    records.push((rel, record));
    exercise(&workspace(config, targets, records));
}

/// Fuzz target body: a `danvan.toml`, a NUL byte, a `targets.toml`.
pub fn config_and_targets(data: &[u8]) {
    let (config_bytes, targets_bytes) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let config_text = String::from_utf8_lossy(config_bytes);
    let targets_text = String::from_utf8_lossy(targets_bytes);
    let (config, diags) = parse_config(Path::new("danvan.toml"), &config_text);
    assert_spans(&config_text, &diags);
    let (targets, diags) = parse_targets(Path::new("targets.toml"), &targets_text);
    assert_spans(&targets_text, &diags);
    let config = config.unwrap_or_else(|| base().0.clone());
    exercise(&workspace(config, targets, bundled_records()));
}
