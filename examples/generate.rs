//! Writes a synthetic, valid workspace, for benchmarks and tests:
//!
//! ```text
//! cargo run --release --example generate -- --records 100000 --out /tmp/ws [--seed 7] [--as-of 2026-11-30] \
//!     [--committee "Đảng ủy xã A" --parent "Đảng bộ tỉnh B"]
//! ```
//!
//! About 70% petitions, 15% meetings and 15% models, dated from 2021 to the
//! as-of date (so the bundled 2021–2026 calendar covers every working-day
//! deadline), in year folders (`petitions/2023/…`), with the committee,
//! units, organisations and calendar of the bundled `records/danvan.toml`
//! and its `targets.toml` (`--committee` and `--parent` rename the
//! committee and the province above it, so that several generated
//! workspaces roll up as several committees). Every record type, state, channel and outcome
//! occurs; references resolve; dates are in order; only denunciations are
//! extended, at most twice, each extension within the deadline it extends
//! (computed by danvan's own deadline engine); notice numbers are unique per
//! year. The same seed gives the same files, byte for byte. `danvan check`
//! on the output is clean.
//!
//! The random numbers come from splitmix64, written out here: the output
//! must not change when a dependency does.

use chrono::{Datelike, Days, NaiveDate};
use danvan::domain::calendar::Calendar;
use danvan::domain::deadlines::{self, PetitionFacts};
use danvan::model::{PetitionType, Rules};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const DANVAN_TOML: &str = include_str!("../records/danvan.toml");
const TARGETS_TOML: &str = include_str!("../records/targets.toml");

/// The first day a generated record may carry.
const FIRST_DAY: (i32, u32, u32) = (2021, 1, 4);
/// The default as-of date: the last day a generated record may carry.
const DEFAULT_AS_OF: &str = "2026-11-30";
/// `danvan petitions` calls a petition due soon this many days ahead.
const DUE_SOON_DAYS: i64 = 7;

#[allow(dead_code)]
fn main() -> std::process::ExitCode {
    let opts = match Options::from_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) if message == "help" => {
            println!("{USAGE}");
            return std::process::ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("generate: {message}\n\n{USAGE}");
            return std::process::ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    match generate(&opts) {
        Ok(counts) => {
            println!(
                "wrote {} records ({} petitions, {} meetings, {} models) to {} in {:.1} s (seed {}, as of {})",
                counts.total(),
                counts.petitions,
                counts.meetings,
                counts.models,
                opts.out.display(),
                started.elapsed().as_secs_f64(),
                opts.seed,
                opts.as_of
            );
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("generate: {message}");
            std::process::ExitCode::from(2)
        }
    }
}

const USAGE: &str = "usage: generate --records N --out DIR [--seed S] [--as-of YYYY-MM-DD] [--committee NAME] [--parent NAME]\n  \
writes a synthetic workspace of N records into DIR (which must be absent or empty)";

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    pub records: usize,
    pub out: PathBuf,
    pub seed: u64,
    /// The last date any record carries; states are spread around it.
    pub as_of: NaiveDate,
    /// The committee's name instead of the bundled one (`[committee] name`).
    pub committee: Option<String>,
    /// The body above it instead of the bundled one (`[committee] parent`:
    /// for a commune, its province).
    pub parent: Option<String>,
}

impl Options {
    pub fn new(records: usize, out: impl Into<PathBuf>, seed: u64) -> Options {
        Options {
            records,
            out: out.into(),
            seed,
            as_of: DEFAULT_AS_OF.parse().expect("DEFAULT_AS_OF is a date"),
            committee: None,
            parent: None,
        }
    }

    /// The same, for a committee of this name under this parent.
    pub fn named(mut self, committee: &str, parent: &str) -> Options {
        self.committee = Some(committee.to_owned());
        self.parent = Some(parent.to_owned());
        self
    }

    fn from_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
        let (mut records, mut out, mut seed, mut as_of) = (None, None, 1u64, None);
        let (mut committee, mut parent) = (None, None);
        let mut args = args.peekable();
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--records" | "-n" => {
                    records = Some(value()?.parse::<usize>().map_err(|e| format!("--records: {e}"))?);
                }
                "--out" | "-o" => out = Some(PathBuf::from(value()?)),
                "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
                "--as-of" => {
                    let text = value()?;
                    as_of = Some(
                        text.parse::<NaiveDate>()
                            .map_err(|_| format!("--as-of: `{text}` is not a date (YYYY-MM-DD)"))?,
                    );
                }
                "--committee" => committee = Some(value()?),
                "--parent" => parent = Some(value()?),
                "--help" | "-h" => return Err("help".into()),
                other => return Err(format!("unknown argument `{other}`")),
            }
        }
        let mut opts = Options::new(
            records.ok_or("--records N is required")?,
            out.ok_or("--out DIR is required")?,
            seed,
        );
        (opts.committee, opts.parent) = (committee, parent);
        if let Some(d) = as_of {
            if d < first_day() + Days::new(365) || d.year() > 2026 {
                return Err(format!(
                    "--as-of {d}: choose a date from {} to 2026-12-31 (the calendar covers 2021–2026)",
                    first_day() + Days::new(365)
                ));
            }
            opts.as_of = d;
        }
        Ok(opts)
    }
}

/// How many records of each kind were written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub petitions: usize,
    pub meetings: usize,
    pub models: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.petitions + self.meetings + self.models
    }

    /// 70% petitions, 15% meetings, the rest models; at least one of each
    /// kind from 3 records on.
    fn split(n: usize) -> Counts {
        let mut meetings = n * 15 / 100;
        let mut models = n * 15 / 100;
        if n >= 3 {
            meetings = meetings.max(1);
            models = models.max(1);
        }
        let petitions = n.saturating_sub(meetings + models);
        Counts {
            petitions,
            meetings,
            models,
        }
    }
}

/// Writes the workspace; refuses a `DIR` that is not empty.
pub fn generate(opts: &Options) -> Result<Counts, String> {
    let out = &opts.out;
    if out.exists() {
        let mut entries =
            std::fs::read_dir(out).map_err(|e| format!("{} exists and cannot be listed: {e}", out.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; refusing to write into it (choose a new folder)",
                out.display()
            ));
        }
    }
    let base = Base::parse();
    let mut g = Generator {
        rng: Rng::new(opts.seed),
        base: &base,
        first: first_day(),
        as_of: opts.as_of,
        rules: Rules::default(),
        out: out.clone(),
        created: std::collections::HashSet::new(),
        meetings: Vec::new(),
        notice_numbers: HashMap::new(),
    };
    let counts = Counts::split(opts.records);
    g.write(Path::new("danvan.toml"), &danvan_toml(opts))?;
    g.write(Path::new("targets.toml"), TARGETS_TOML)?;
    // Meetings first: petitions refer to them.
    for i in 0..counts.meetings {
        g.meeting(i)?;
    }
    for i in 0..counts.models {
        g.model(i)?;
    }
    for i in 0..counts.petitions {
        g.petition(i)?;
    }
    Ok(counts)
}

/// The bundled danvan.toml, with the committee's name and parent the
/// options give.
fn danvan_toml(opts: &Options) -> String {
    if opts.committee.is_none() && opts.parent.is_none() {
        return DANVAN_TOML.to_owned();
    }
    let mut lines: Vec<String> = DANVAN_TOML.lines().map(str::to_owned).collect();
    let start = lines.iter().position(|l| l == "[committee]").unwrap_or(0);
    for (key, value) in [("name", &opts.committee), ("parent", &opts.parent)] {
        let Some(value) = value else { continue };
        if let Some(line) = lines[start..].iter_mut().find(|l| l.starts_with(&format!("{key} = "))) {
            *line = format!("{key} = {}", q(value));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn first_day() -> NaiveDate {
    let (y, m, d) = FIRST_DAY;
    NaiveDate::from_ymd_opt(y, m, d).expect("FIRST_DAY is a date")
}

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), without modulo bias worth mentioning.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n.max(1))) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A date in `lo..=hi` (`lo` when the range is empty).
    fn date(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days();
        plus(lo, self.between(0, span))
    }
}

fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d + Days::new(days as u64)
    } else {
        d - Days::new(days.unsigned_abs())
    }
}

/// What the generated records refer to, read from the bundled danvan.toml.
struct Base {
    units: Vec<BaseUnit>,
    orgs: Vec<(String, String)>,
    calendar: Calendar,
}

struct BaseUnit {
    id: String,
    name: String,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl Base {
    fn parse() -> Base {
        let doc: toml::Table = DANVAN_TOML.parse().expect("records/danvan.toml parses");
        let date = |v: Option<&toml::Value>| -> Option<NaiveDate> {
            v.and_then(|v| v.as_datetime()).and_then(|d| d.to_string().parse().ok())
        };
        let text = |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let tables = |k: &str| -> Vec<toml::Table> {
            doc.get(k)
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|v| v.as_table().cloned()).collect())
                .unwrap_or_default()
        };
        let units = tables("unit")
            .iter()
            .map(|u| BaseUnit {
                id: text(u, "id"),
                name: text(u, "name"),
                since: date(u.get("since")),
                until: date(u.get("until")),
            })
            .collect();
        let orgs = tables("org").iter().map(|o| (text(o, "id"), text(o, "name"))).collect();
        let days = |k: &str| -> Vec<NaiveDate> {
            doc.get("calendar")
                .and_then(|c| c.get(k))
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|v| date(Some(v))).collect())
                .unwrap_or_default()
        };
        Base {
            units,
            orgs,
            calendar: Calendar::new(days("holidays"), days("workdays")),
        }
    }

    fn units_on(&self, d: NaiveDate) -> Vec<&BaseUnit> {
        self.units
            .iter()
            .filter(|u| u.since.is_none_or(|s| s <= d) && u.until.is_none_or(|e| d <= e))
            .collect()
    }

    fn org_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.orgs.iter().find(|(i, _)| i == id).map_or(id, |(_, n)| n.as_str())
    }
}

/// A meeting already written, for petitions to refer to.
struct MeetingRef {
    id: String,
    date: NaiveDate,
    channel: &'static str,
    unit: Option<String>,
}

struct Generator<'b> {
    rng: Rng,
    base: &'b Base,
    first: NaiveDate,
    as_of: NaiveDate,
    rules: Rules,
    out: PathBuf,
    created: std::collections::HashSet<PathBuf>,
    meetings: Vec<MeetingRef>,
    notice_numbers: HashMap<i32, u32>,
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The ASCII slug of a Vietnamese text: "xã Tân Mỹ" → "xa-tan-my".
fn slug(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_lowercase();
    let mut out = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Kim", "Quốc"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hạnh", "Hùng", "Lan", "Liên", "Lộc", "Mai", "Nga", "Phúc", "Quý", "Sơn", "Tâm",
    "Thảo", "Trúc", "Tuấn", "Út", "Yến", "Đức", "Ánh", "Hiếu", "Nhung",
];
const HAMLETS: &[&str] = &[
    "ấp An Thạnh",
    "ấp Bình Hòa",
    "ấp Hưng Mỹ Tây",
    "ấp Tân Thuận",
    "ấp Long Thành",
    "ấp Vĩnh Bình",
    "ấp Mỹ Thới",
    "ấp Định Phú",
];

const FIELDS: &[(&str, &[&str])] = &[
    (
        "dat-dai",
        &[
            "việc đo đạc, cắm mốc ranh giới thửa đất",
            "quyết định thu hồi đất làm đường giao thông nông thôn",
            "việc cấp giấy chứng nhận quyền sử dụng đất",
            "tranh chấp lối đi chung giữa các hộ",
        ],
    ),
    (
        "moi-truong",
        &[
            "tình trạng xả rác xuống kênh công cộng",
            "mùi hôi từ cơ sở chăn nuôi heo gần khu dân cư",
            "khói bụi từ lò sấy lúa hoạt động ban đêm",
        ],
    ),
    (
        "chinh-sach",
        &[
            "việc bình xét hộ nghèo, hộ cận nghèo",
            "chế độ trợ cấp cho người có công với cách mạng",
            "việc chi trả tiền hỗ trợ người cao tuổi",
        ],
    ),
    (
        "can-bo",
        &[
            "thái độ làm việc của cán bộ ấp khi tiếp dân",
            "cán bộ xã chậm giải quyết hồ sơ theo cơ chế một cửa liên thông",
        ],
    ),
    (
        "boi-thuong",
        &[
            "mức bồi thường, hỗ trợ khi giải phóng mặt bằng",
            "việc chưa chi trả tiền hỗ trợ di dời mồ mả",
        ],
    ),
    (
        "trat-tu-xay-dung",
        &[
            "công trình xây dựng lấn chiếm hành lang kênh thủy lợi",
            "việc xây nhà không phép trên đất nông nghiệp",
        ],
    ),
];

const CHANNELS: &[&str] = &["mail", "reception", "dialogue", "online", "transfer"];
const RESOLVED_OUTCOMES: &[&str] = &["upheld", "partly-upheld", "rejected", "withdrawn"];
const UNACCEPTED_OUTCOMES: &[&str] = &["not-accepted", "transferred", "withdrawn"];

/// Where a petition is meant to stand on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    AwaitingAcceptance,
    AcceptanceOverdue,
    Open,
    DueSoon,
    Overdue,
    ResolvedOnTime,
    ResolvedLate,
    NotAccepted,
}

impl Scenario {
    const ALL: [Scenario; 8] = [
        Scenario::AwaitingAcceptance,
        Scenario::AcceptanceOverdue,
        Scenario::Open,
        Scenario::DueSoon,
        Scenario::Overdue,
        Scenario::ResolvedOnTime,
        Scenario::ResolvedLate,
        Scenario::NotAccepted,
    ];

    /// Mostly resolved on time, as in a real register; a few of each other state.
    fn draw(rng: &mut Rng) -> Scenario {
        match rng.below(1000) {
            0..=14 => Scenario::AwaitingAcceptance,
            15..=39 => Scenario::AcceptanceOverdue,
            40..=69 => Scenario::Open,
            70..=89 => Scenario::DueSoon,
            90..=149 => Scenario::Overdue,
            150..=249 => Scenario::ResolvedLate,
            250..=319 => Scenario::NotAccepted,
            _ => Scenario::ResolvedOnTime,
        }
    }

    fn needs_resolution_limit(self) -> bool {
        matches!(self, Scenario::Open | Scenario::DueSoon | Scenario::Overdue)
    }
}

fn new_facts(kind: PetitionType, round: u8, complex: bool, remote: bool, received: NaiveDate) -> PetitionFacts {
    PetitionFacts {
        kind,
        round,
        complex,
        especially_complex: false,
        remote,
        received,
        accepted: None,
        extensions: Vec::new(),
        resolved: None,
    }
}

impl Generator<'_> {
    fn write(&mut self, rel: &Path, text: &str) -> Result<(), String> {
        let path = self.out.join(rel);
        if let Some(dir) = path.parent()
            && !self.created.contains(dir)
        {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            self.created.insert(dir.to_path_buf());
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    fn record_path(kind: &str, date: NaiveDate, slug: &str, seq: usize) -> (String, PathBuf) {
        let id = format!("{date}-{slug}-{seq:06}");
        let rel = PathBuf::from(kind)
            .join(date.year().to_string())
            .join(format!("{id}.toml"));
        (id, rel)
    }

    fn person(&mut self) -> String {
        let s = *self.rng.pick(SURNAMES);
        let m = *self.rng.pick(MIDDLE);
        let g = *self.rng.pick(GIVEN);
        format!("{s} {m} {g}")
    }

    fn unit_on(&mut self, d: NaiveDate) -> (String, String) {
        let units = self.base.units_on(d);
        let u = self.rng.pick(&units);
        (u.id.clone(), u.name.clone())
    }

    fn org(&mut self) -> String {
        let orgs = &self.base.orgs;
        orgs[self.rng.below(orgs.len() as u64) as usize].0.clone()
    }

    fn span_date(&mut self) -> NaiveDate {
        self.rng.date(self.first, self.as_of)
    }

    fn meeting(&mut self, seq: usize) -> Result<(), String> {
        // The first four cycle through the types, so even a tiny workspace has each.
        let kind = if seq < 4 {
            ["review", "dialogue", "reception", "conference"][seq]
        } else {
            match self.rng.below(100) {
                0..=39 => "reception",
                40..=64 => "dialogue",
                65..=79 => "review",
                _ => "conference",
            }
        };
        let date = self.span_date();
        let (unit, unit_name) = self.unit_on(date);
        let mut t = String::with_capacity(1500);
        t.push_str("# Hồ sơ sinh tự động (examples/generate.rs), nội dung minh họa.\n");
        let (slug_text, channel) = match kind {
            "review" => {
                let (period, label) = if date.month() <= 6 {
                    (format!("{}", date.year() - 1), format!("năm {}", date.year() - 1))
                } else {
                    (
                        format!("{}-H1", date.year()),
                        format!("6 tháng đầu năm {}", date.year()),
                    )
                };
                let title =
                    format!("BTV Huyện ủy làm việc với Ban Dân vận, MTTQ và các tổ chức chính trị - xã hội {label}");
                let _ = writeln!(t, "title = {}", q(&title));
                let _ = writeln!(t, "type = \"review\"\ndate = {date}\nperiod = {}", q(&period));
                (format!("btv-lam-viec-khoi-dan-van-{}", slug(&label)), "")
            }
            "dialogue" => {
                let title = format!("Bí thư Huyện ủy đối thoại trực tiếp với Nhân dân {unit_name}");
                let _ = writeln!(t, "title = {}", q(&title));
                let _ = writeln!(t, "type = \"dialogue\"\ndate = {date}");
                (format!("doi-thoai-{}", slug(&unit_name)), "dialogue")
            }
            "reception" => {
                let title = format!(
                    "Bí thư Huyện ủy tiếp công dân định kỳ tháng {}/{}",
                    date.month(),
                    date.year()
                );
                let _ = writeln!(t, "title = {}", q(&title));
                let _ = writeln!(t, "type = \"reception\"\ndate = {date}");
                ("tiep-cong-dan".to_owned(), "reception")
            }
            _ => {
                let topic = *self.rng.pick(&[
                    "sơ kết thực hiện Chỉ thị 18/2000/CT-TTg về tăng cường công tác dân vận",
                    "triển khai phong trào thi đua “Dân vận khéo”",
                    "nâng cao hiệu quả cơ chế “Một cửa liên thông”",
                    "củng cố Tổ Nhân dân tự quản",
                    "vận động Nhân dân tham gia xây dựng nông thôn mới",
                ]);
                let title = format!("Hội nghị {topic}");
                let _ = writeln!(t, "title = {}", q(&title));
                let _ = writeln!(t, "type = \"conference\"\ndate = {date}");
                ("hoi-nghi".to_owned(), "")
            }
        };
        let (id, rel) = Self::record_path("meetings", date, &slug_text, seq);
        let with_unit = matches!(kind, "dialogue" | "reception");
        if with_unit {
            let _ = writeln!(t, "units = {}", list(std::slice::from_ref(&unit)));
        }
        let chair = if kind == "reception" && self.rng.chance(85) {
            "Bí thư Huyện ủy"
        } else {
            *self.rng.pick(&[
                "Bí thư Huyện ủy",
                "Phó Bí thư Thường trực Huyện ủy",
                "Trưởng Ban Dân vận Huyện ủy",
            ])
        };
        let _ = writeln!(t, "chair = {}", q(chair));
        let mut participants = vec!["ban-dan-van".to_owned(), "mttq".to_owned()];
        if kind == "review" {
            participants.insert(0, "btv".to_owned());
            participants
                .extend(["hoi-nong-dan", "hoi-lhpn", "doan-thanh-nien", "hoi-ccb", "cong-doan"].map(String::from));
        } else {
            participants.push("ubnd".to_owned());
        }
        let _ = writeln!(t, "participants = {}", list(&participants));
        if with_unit {
            let _ = writeln!(t, "attendance = {}", self.rng.between(2, 180));
        }
        let situation = *self.rng.pick(&[
            "Nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của cấp ủy; còn băn khoăn về giá nông sản.",
            "Một số hộ phản ánh việc bồi thường, hỗ trợ khi giải phóng mặt bằng chưa thỏa đáng.",
            "Tình hình an ninh trật tự ổn định; Nhân dân quan tâm đến môi trường và việc làm.",
            "Công dân hỏi về chính sách hỗ trợ dịp Tết; không có đơn mới.",
        ]);
        let _ = writeln!(t, "situation = {}", q(situation));
        if kind != "reception" {
            let _ = writeln!(
                t,
                "assessment = {}",
                q(
                    "Các cấp ủy, tổ chức đảng đã chú trọng đổi mới phương thức lãnh đạo công tác dân vận; giải quyết đơn thư đúng pháp luật."
                )
            );
        }
        if kind != "reception" {
            let tasks = self.rng.between(if kind == "review" { 2 } else { 0 }, 5);
            for _ in 0..tasks {
                let assignee = self.org();
                let text = format!(
                    "Giao {} {}.",
                    self.base.org_name(&assignee),
                    self.rng.pick(&[
                        "chủ trì giải quyết dứt điểm các đơn khiếu nại, tố cáo tồn đọng",
                        "tăng cường nắm tình hình Nhân dân, báo cáo Ban Thường vụ",
                        "nhân rộng mô hình “Dân vận khéo” trong năm",
                        "phối hợp tổ chức đối thoại với Nhân dân ở cơ sở",
                        "rà soát, hoàn thiện quy chế dân chủ ở cơ sở",
                    ])
                );
                let _ = writeln!(t, "\n[[conclusion]]\ntext = {}\nassignee = {}", q(&text), q(&assignee));
                let due = (self.rng.chance(85)).then(|| plus(date, self.rng.between(20, 200)));
                if let Some(due) = due {
                    let _ = writeln!(t, "due = {due}");
                }
                if self.rng.chance(70) {
                    let done = plus(date, self.rng.between(5, 240));
                    if done <= self.as_of {
                        let _ = writeln!(t, "done = {done}");
                    }
                }
            }
        }
        if kind == "review" && self.rng.chance(85) {
            let notice_date = plus(date, self.rng.between(1, 12)).min(self.as_of).max(date);
            let counter = self.notice_numbers.entry(notice_date.year()).or_insert(100);
            *counter += 1;
            let number = *counter;
            let signer = self.person();
            let signer_title = *self.rng.pick(&["BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC"]);
            let _ = writeln!(
                t,
                "\n[notice]\nnumber = \"{number}\"\ndate = {notice_date}\nsubject = {}\nsigner = {}\nsigner_title = {}\nrecipients = {}",
                q("kết luận của Ban Thường vụ Huyện ủy về tình hình Nhân dân và công tác dân vận"),
                q(&signer),
                q(signer_title),
                list(&[
                    "Thường trực Tỉnh ủy (b/c)".to_owned(),
                    "Ban Dân vận Tỉnh ủy (b/c)".to_owned()
                ])
            );
        }
        self.write(&rel, &t)?;
        if !channel.is_empty() {
            self.meetings.push(MeetingRef {
                id,
                date,
                channel,
                unit: Some(unit),
            });
        }
        Ok(())
    }

    fn model(&mut self, seq: usize) -> Result<(), String> {
        const TITLES: &[&str] = &[
            "Dòng sông không rác",
            "Chợ dân sinh hạn chế sử dụng rác thải nhựa",
            "Cánh đồng kiểu mẫu",
            "Giới thiệu đoàn viên ưu tú cho Đảng xem xét, kết nạp",
            "Tổ Nhân dân tự quản",
            "Thắp sáng đường quê",
            "Mái ấm Công đoàn",
            "Vùng chuyên canh rau màu “Chăm chỉ, tự lực, hợp tác”",
            "Sổ tay hộ gia đình xây dựng nông thôn mới",
        ];
        const STATUSES: &[&str] = &["planned", "active", "completed", "suspended", "dropped"];
        const LEVELS: &[&str] = &["commune", "district", "province", "national"];
        let started = self.span_date();
        let status = if seq < STATUSES.len() {
            STATUSES[seq]
        } else {
            *self.rng.pick(&[
                "active",
                "active",
                "active",
                "completed",
                "completed",
                "planned",
                "suspended",
                "dropped",
            ])
        };
        let mut units: Vec<(String, String)> = Vec::new();
        if !self.rng.chance(20) {
            for _ in 0..self.rng.between(1, 2) {
                let u = self.unit_on(started);
                if !units.iter().any(|(id, _)| *id == u.0) {
                    units.push(u);
                }
            }
        }
        let title_base = *self.rng.pick(TITLES);
        let title = match units.first() {
            Some((_, name)) => format!("{title_base} ở {name}"),
            None => title_base.to_owned(),
        };
        let (_, rel) = Self::record_path("models", started, &slug(title_base), seq);
        let mut t = String::with_capacity(1200);
        t.push_str("# Hồ sơ sinh tự động (examples/generate.rs), nội dung minh họa.\n");
        let _ = writeln!(t, "title = {}", q(&title));
        let ids: Vec<String> = units.iter().map(|(id, _)| id.clone()).collect();
        let _ = writeln!(t, "units = {}", list(&ids));
        let lead = self.org();
        let _ = writeln!(t, "lead = {}\nstarted = {started}", q(&lead));
        if matches!(status, "completed" | "dropped") || (status == "suspended" && self.rng.chance(50)) {
            let ended = plus(started, self.rng.between(60, 1200)).min(self.as_of);
            let _ = writeln!(t, "ended = {ended}");
        }
        let _ = writeln!(t, "status = {}", q(status));
        let recognized = (seq < LEVELS.len() || self.rng.chance(30))
            .then(|| plus(started, self.rng.between(60, 900)))
            .filter(|d| *d <= self.as_of);
        if let Some(d) = recognized {
            let level = if seq < LEVELS.len() {
                LEVELS[seq]
            } else {
                *self.rng.pick(LEVELS)
            };
            let _ = writeln!(t, "recognition = {}\nrecognized = {d}", q(level));
        }
        let tags = *self.rng.pick(&[
            &["moi-truong"][..],
            &["nong-thon-moi", "thanh-nien"],
            &["an-sinh-xa-hoi"],
            &["dan-chu-co-so", "tu-quan"],
            &["kinh-te", "nong-nghiep"],
        ]);
        let tags: Vec<String> = tags.iter().map(|s| (*s).to_owned()).collect();
        let _ = writeln!(t, "tags = {}", list(&tags));
        let _ = writeln!(
            t,
            "summary = {}",
            q(&format!(
                "Minh họa: {} vận động Nhân dân cùng tham gia, góp công, góp sức thực hiện mô hình.",
                self.base.org_name(&lead)
            ))
        );
        if self.rng.chance(30) {
            let _ = writeln!(
                t,
                "source = {}",
                q(
                    "Đồng Tháp Online, 29/12/2022, “Chú trọng đổi mới phương thức lãnh đạo của các cấp ủy, tổ chức đảng đối với công tác dân vận”"
                )
            );
        }
        let _ = writeln!(t, "\n[indicators]\nhouseholds = {}", self.rng.between(5, 600));
        let mut dates: Vec<NaiveDate> = (0..self.rng.between(0, 3))
            .map(|_| plus(started, self.rng.between(30, 700)))
            .filter(|d| *d <= self.as_of)
            .collect();
        dates.sort();
        for d in dates {
            let note = *self.rng.pick(&[
                "Tổ chức ra quân, vận động Nhân dân tham gia (minh họa).",
                "Sơ kết, rút kinh nghiệm; nhân rộng ra các ấp (minh họa).",
                "Bàn giao công trình cho ấp quản lý (minh họa).",
            ]);
            let _ = writeln!(t, "\n[[update]]\ndate = {d}\nnote = {}", q(note));
        }
        self.write(&rel, &t)
    }

    /// The resolution deadline of `facts` as if nothing had happened after acceptance.
    fn resolution_due(&self, facts: &PetitionFacts) -> Option<NaiveDate> {
        let mut f = facts.clone();
        f.resolved = None;
        deadlines::deadlines(&f, &self.rules, &self.base.calendar, NaiveDate::MAX).resolution
    }

    fn acceptance_due(&self, facts: &PetitionFacts) -> NaiveDate {
        deadlines::deadlines(facts, &self.rules, &self.base.calendar, NaiveDate::MAX).acceptance
    }

    fn petition(&mut self, seq: usize) -> Result<(), String> {
        // The first ones cycle through every scenario, type, channel and
        // outcome, so a workspace of a few hundred records shows them all.
        let scenario = if seq < Scenario::ALL.len() * 3 {
            Scenario::ALL[seq % Scenario::ALL.len()]
        } else {
            Scenario::draw(&mut self.rng)
        };
        let types = [
            PetitionType::Complaint,
            PetitionType::Denunciation,
            PetitionType::Recommendation,
        ];
        let mut kind = if seq < 24 {
            types[seq / 8 % 3]
        } else {
            match self.rng.below(100) {
                0..=54 => PetitionType::Complaint,
                55..=74 => PetitionType::Denunciation,
                _ => PetitionType::Recommendation,
            }
        };
        if scenario.needs_resolution_limit() && kind == PetitionType::Recommendation {
            kind = PetitionType::Complaint;
        }
        let round = if kind == PetitionType::Complaint && self.rng.chance(20) {
            2
        } else {
            1
        };
        let complex = self.rng.chance(15);
        let remote = self.rng.chance(10);
        let mut channel = if seq < CHANNELS.len() * 4 {
            CHANNELS[seq % CHANNELS.len()]
        } else {
            *self.rng.pick(CHANNELS)
        };
        let as_of = self.as_of;
        // Dates that put the petition in its scenario on the as-of date.
        let mut meeting: Option<(String, Option<String>)> = None;
        let received = match scenario {
            Scenario::AwaitingAcceptance => plus(as_of, -self.rng.between(0, 3)),
            // Accepted lately (set below): received a few days before.
            Scenario::Open | Scenario::DueSoon => plus(as_of, -self.rng.between(2, 6)),
            Scenario::AcceptanceOverdue => plus(as_of, -self.rng.between(30, 400)),
            Scenario::Overdue => plus(as_of, -self.rng.between(100, 700)),
            _ => {
                // Raised at a meeting: received on the day or a few days later.
                if matches!(channel, "reception" | "dialogue") && !self.meetings.is_empty() && self.rng.chance(70) {
                    let m = &self.meetings[self.rng.below(self.meetings.len() as u64) as usize];
                    channel = m.channel;
                    meeting = Some((m.id.clone(), m.unit.clone()));
                    plus(m.date, self.rng.between(0, 3)).min(as_of)
                } else {
                    self.rng.date(self.first, plus(as_of, -20))
                }
            }
        };
        let received = received.max(self.first);
        let mut facts = new_facts(kind, round, complex, remote, received);
        let acceptance_due = self.acceptance_due(&facts);
        let mut resolved = None;
        let mut outcome = None;
        match scenario {
            Scenario::AwaitingAcceptance | Scenario::AcceptanceOverdue => {}
            Scenario::NotAccepted => {
                let late = self.rng.chance(15);
                let on = if late {
                    plus(acceptance_due, self.rng.between(1, 20))
                } else {
                    self.rng.date(received, acceptance_due)
                };
                resolved = Some(on);
                outcome = Some(*self.rng.pick(UNACCEPTED_OUTCOMES));
            }
            Scenario::Open => {
                facts.accepted = Some(self.rng.date(received, as_of));
            }
            Scenario::DueSoon => {
                // The latest acceptance whose deadline is at most a week away
                // (the limits are at most 70 days, plus days off).
                let lead = self.rng.between(0, 5);
                for back in 0..150 {
                    facts.accepted = Some(plus(as_of, -back));
                    let due = self.resolution_due(&facts).unwrap_or(as_of);
                    if (due - as_of).num_days() <= DUE_SOON_DAYS {
                        break;
                    }
                }
                let accepted = facts.accepted.unwrap_or(as_of);
                facts.received = plus(accepted, -lead).max(self.first);
            }
            Scenario::Overdue | Scenario::ResolvedOnTime | Scenario::ResolvedLate => {
                let accepted = if self.rng.chance(90) {
                    self.rng.date(received, acceptance_due)
                } else {
                    plus(acceptance_due, self.rng.between(1, 10))
                };
                facts.accepted = Some(accepted.min(as_of).max(received));
                if kind == PetitionType::Denunciation && self.rng.chance(35) {
                    // Each extension decided on or before the deadline it extends.
                    for _ in 0..self.rng.between(1, 2) {
                        let due = self.resolution_due(&facts).unwrap_or(accepted);
                        let from = facts
                            .extensions
                            .last()
                            .map(|e| e.date)
                            .or(facts.accepted)
                            .unwrap_or(received);
                        let on = self.rng.date(from, due.min(as_of));
                        // Each extension on a day of its own (W007), after the last.
                        let after_last = facts.extensions.last().is_none_or(|e| on > e.date);
                        if on <= due && on >= from && after_last {
                            facts.extensions.push(on.into());
                        }
                    }
                    // Luật Tố cáo art. 30: one extension for a complex case,
                    // two for an especially complex one.
                    facts.complex |= !facts.extensions.is_empty();
                    facts.especially_complex = facts.extensions.len() > 1;
                }
                let accepted = facts.accepted.unwrap_or(received);
                let due = self.resolution_due(&facts);
                let on = match (scenario, due) {
                    (Scenario::Overdue, _) => None,
                    (Scenario::ResolvedLate, Some(due)) => Some(plus(due, self.rng.between(1, 45))),
                    (_, Some(due)) => Some(self.rng.date(accepted, due)),
                    (_, None) => Some(plus(accepted, self.rng.between(3, 90))),
                };
                resolved = on;
                let pick = if seq < 24 {
                    RESOLVED_OUTCOMES[seq % RESOLVED_OUTCOMES.len()]
                } else {
                    *self.rng.pick(RESOLVED_OUTCOMES)
                };
                outcome = on.map(|_| pick);
            }
        }
        let received = facts.received;
        // Nothing is dated after the as-of date: such a petition is still open then.
        if resolved.is_some_and(|d| d > as_of) {
            resolved = None;
            outcome = None;
        }
        let unit = match &meeting {
            Some((_, Some(u))) => u.clone(),
            _ => self.unit_on(received).0,
        };
        let unit_name = self
            .base
            .units
            .iter()
            .find(|u| u.id == unit)
            .map_or(unit.clone(), |u| u.name.clone());
        let (type_word, type_slug) = match kind {
            PetitionType::Complaint => ("Khiếu nại", "khieu-nai"),
            PetitionType::Denunciation => ("Tố cáo", "to-cao"),
            PetitionType::Recommendation => ("Kiến nghị", "kien-nghi"),
        };
        let (field, topics) = *self.rng.pick(FIELDS);
        let topic = *self.rng.pick(topics);
        let (_, rel) = Self::record_path("petitions", received, &format!("{type_slug}-{}", slug(&unit)), seq);

        let mut t = String::with_capacity(900);
        t.push_str("# Đơn thư hư cấu, sinh tự động (examples/generate.rs).\n");
        let _ = writeln!(t, "type = {}", q(&kind.to_string()));
        if kind == PetitionType::Complaint {
            let _ = writeln!(t, "round = {round}");
        }
        let _ = writeln!(t, "received = {received}\nchannel = {}", q(channel));
        let _ = writeln!(t, "units = {}", list(std::slice::from_ref(&unit)));
        let _ = writeln!(t, "field = {}", q(field));
        let _ = writeln!(t, "summary = {}", q(&format!("{type_word} {topic} ở {unit_name}.")));
        let _ = writeln!(t, "complex = {}\nremote = {remote}", facts.complex);
        if facts.especially_complex {
            t.push_str("especially_complex = true\n");
        }
        let _ = writeln!(
            t,
            "handler = {}",
            q(if self.rng.chance(85) { "ubnd" } else { "ban-dan-van" })
        );
        if let Some((id, _)) = &meeting {
            let _ = writeln!(t, "meeting = {}", q(id));
        }
        if let Some(a) = facts.accepted {
            let _ = writeln!(t, "accepted = {a}");
        }
        if !facts.extensions.is_empty() {
            let ext: Vec<String> = facts.extensions.iter().map(|e| e.date.to_string()).collect();
            let _ = writeln!(t, "extensions = [{}]", ext.join(", "));
        }
        if let Some(r) = resolved {
            let _ = writeln!(t, "resolved = {r}");
        }
        if let Some(o) = outcome {
            let _ = writeln!(t, "outcome = {}", q(o));
        }
        let name = self.person();
        let _ = writeln!(
            t,
            "\n[petitioner]\n# Dữ liệu cá nhân hư cấu.\nname = {}\naddress = {}\nphone = \"0900 {:03} {:03}\"",
            q(&name),
            q(&format!(
                "Số {}, {}, {unit_name}, tỉnh Đồng Tháp",
                self.rng.between(1, 300),
                self.rng.pick(HAMLETS)
            )),
            self.rng.below(1000),
            self.rng.below(1000)
        );
        self.write(&rel, &t)
    }
}
