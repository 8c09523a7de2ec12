//! `danvan.toml` and the loaded workspace as a whole.

use super::keywords::*;
use super::{FileId, Meeting, Model, Petition, Ref, RuleBook, Rules, Sp, Target};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `danvan.toml`: the committee, its units and organisations, settings.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "danvan.toml")]
pub struct Config {
    /// The Party committee. — Cấp ủy.
    pub committee: Committee,
    /// Administrative units (communes, towns). — Đơn vị hành chính.
    #[serde(default, rename = "unit")]
    pub units: Vec<Unit>,
    /// Bodies that lead models and receive tasks. — Cơ quan, tổ chức.
    #[serde(default, rename = "org")]
    pub orgs: Vec<Org>,
    /// Days off for working-day deadlines. — Lịch nghỉ.
    #[serde(default)]
    pub calendar: CalendarConfig,
    /// Layout of notices. — Thể thức văn bản.
    #[serde(default)]
    pub document: DocumentConfig,
    /// Who issues and signs the report to the review meeting (`danvan review`). — Báo cáo sơ kết, tổng kết.
    #[serde(default)]
    pub review: ReviewConfig,
    /// Overrides of statutory limits: `key = { days = 30, count = "calendar" }`,
    /// and `[[rules.from]]` sets in force from a date. — Thời hạn.
    #[serde(default)]
    #[schemars(with = "RulesSetting")]
    pub rules: RulesConfig,
    /// A province workspace: the committees it rolls up (`danvan rollup`,
    /// and `danvan report` writes their bundle). — Cấp ủy trực thuộc.
    #[serde(default, rename = "member")]
    pub members: Vec<Member>,
    /// The units and organisations by id, made once they are read
    /// ([`Config::indexed`]): every record names some, many times.
    #[serde(skip)]
    #[schemars(skip)]
    pub lookup: Lookup,
}

/// Where each unit and organisation is in its list, by id (the first of
/// two with one id), and which units share their name with another.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    units: foldhash::HashMap<String, usize>,
    orgs: foldhash::HashMap<String, usize>,
    shared_names: foldhash::HashSet<usize>,
}

/// A committee a province workspace rolls up: its own workspace, in a
/// folder of its own (often a git submodule or a clone).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Member {
    /// Short id ("xa-lap-vo"): the committee's key in the roll-up and its folder in the bundle. — Mã.
    pub id: Sp<String>,
    /// Its workspace folder (holding its danvan.toml), relative to this file ("communes/xa-lap-vo"). — Thư mục.
    pub path: Sp<String>,
}

impl Member {
    /// Its workspace folder, for the province workspace at `root`.
    pub fn root_under(&self, root: &std::path::Path) -> PathBuf {
        root.join(self.path.as_str())
    }
}

/// The committee that issues notices.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Committee {
    /// Issuing body, line 2 of the notice header ("Huyện ủy Lấp Vò"). — Tên cấp ủy.
    pub name: String,
    /// Line 1 of the notice header ("Đảng bộ tỉnh Đồng Tháp"). — Cấp trên.
    pub parent: String,
    /// Who concludes ("Ban Thường vụ Huyện ủy"). — Ban Thường vụ.
    pub standing: String,
    /// Place in the date line ("Lấp Vò"). — Địa danh.
    pub place: String,
    /// Document number suffix ("TB/HU"). — Ký hiệu.
    pub notice_suffix: String,
    /// Default output language: vi | en. — Ngôn ngữ.
    pub lang: Option<Lang>,
    /// What "today" means, as "+07:00". — Múi giờ.
    #[schemars(with = "Option<String>")]
    pub utc_offset: Option<UtcOffset>,
}

/// An offset from UTC in minutes, written "+07:00".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcOffset(pub i32);

impl UtcOffset {
    pub const VIETNAM: UtcOffset = UtcOffset(7 * 60);

    pub fn parse(text: &str) -> Option<UtcOffset> {
        let (sign, rest) = match text.as_bytes().first()? {
            b'+' => (1, &text[1..]),
            b'-' => (-1, &text[1..]),
            _ => return None,
        };
        let (h, m) = rest.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        (h <= 14 && m < 60).then_some(UtcOffset(sign * (h * 60 + m)))
    }
}

impl Serialize for UtcOffset {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let sign = if self.0 < 0 { '-' } else { '+' };
        let m = self.0.abs();
        s.collect_str(&format_args!("{sign}{:02}:{:02}", m / 60, m % 60))
    }
}

/// An administrative unit (xã, thị trấn).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Unit {
    /// Short id ("tan-my"). — Mã.
    pub id: Sp<String>,
    /// Name ("xã Tân Mỹ"). — Tên.
    pub name: String,
    /// First day of existence, for units created by a reorganisation. — Thành lập từ.
    pub since: Option<Sp<NaiveDate>>,
    /// Last day of existence, for units that ceased. — Đến ngày.
    pub until: Option<Sp<NaiveDate>>,
    /// The unit it was merged into. — Sáp nhập vào.
    pub merged_into: Option<Ref>,
}

impl Unit {
    /// Whether the unit exists on `date`.
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        self.since.as_ref().is_none_or(|s| s.value <= date) && self.until.as_ref().is_none_or(|u| date <= u.value)
    }
}

/// An organisation that leads models and receives tasks.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Org {
    /// Short id ("mttq"). — Mã.
    pub id: Sp<String>,
    /// Name. — Tên.
    pub name: String,
}

/// The days off of the workspace's calendar.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CalendarConfig {
    /// Days off besides weekends, as announced each year. — Ngày nghỉ lễ, Tết.
    #[serde(default)]
    pub holidays: Vec<NaiveDate>,
    /// Swapped working Saturdays. — Ngày làm bù.
    #[serde(default)]
    pub workdays: Vec<NaiveDate>,
}

/// How notices are laid out.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DocumentConfig {
    /// Last line of "Nơi nhận". — Lưu.
    pub archive: Option<String>,
    /// Page margins in millimetres. — Lề trang (mm).
    #[serde(default)]
    pub margins_mm: Margins,
}

/// The header and signature of the report to the review meeting (báo
/// cáo sơ kết, tổng kết), laid out as Hướng dẫn 36-HD/VPTW lays out a
/// report: the issuing board under its committee, "Số …-BC/…", signed by
/// the board's head. Without an `issuer` the committee issues it.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReviewConfig {
    /// The issuing board ("Ban Dân vận Huyện ủy"); absent: the committee itself. — Cơ quan ban hành.
    pub issuer: Option<String>,
    /// Number suffix ("BC/BDVHU"); default: the notice suffix with BC for TB ("BC/HU"). — Ký hiệu.
    pub number_suffix: Option<String>,
    /// Above the title ("K/T TRƯỞNG BAN"); default: "T/M BAN THƯỜNG VỤ" for the committee, none for a board. — Thẩm quyền ký.
    pub on_behalf: Option<String>,
    /// The signer's title ("Trưởng ban"); default: "Trưởng ban" for a board. — Chức vụ người ký.
    pub signer_title: Option<String>,
    /// The signer's name; absent: left blank to sign. — Người ký.
    pub signer: Option<String>,
    /// "Nơi nhận", before the archive line. — Nơi nhận.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// The last line of "Nơi nhận" ("Lưu Ban Dân vận"); default: the committee's office, or "Lưu" and the board. — Lưu.
    pub archive: Option<String>,
}

/// Page margins in millimetres (Hướng dẫn 36-HD/VPTW; sizes unconfirmed, so settable).
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Margins {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
}

impl Default for Margins {
    fn default() -> Self {
        Margins {
            top: 20.0,
            bottom: 20.0,
            left: 30.0,
            right: 15.0,
        }
    }
}

/// One `[rules]` entry, for the schema.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LimitSetting {
    /// Length of the limit. — Số ngày.
    pub days: u32,
    /// calendar | working. — Ngày theo lịch hay ngày làm việc.
    pub count: Option<DayCount>,
}

/// `[rules]`, for the schema: limits by key, the number of extensions that
/// count, and the dated sets.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RulesSetting {
    /// How many denunciation extensions count (Luật Tố cáo art. 30: 2). — Số lần gia hạn tối đa.
    pub denunciation_max_extensions: Option<u32>,
    /// Sets of limits in force for petitions received from their `date`. — Thời hạn áp dụng từ ngày.
    #[serde(default)]
    pub from: Vec<DatedRulesSetting>,
    #[serde(flatten)]
    pub limits: BTreeMap<String, LimitSetting>,
}

/// One `[[rules.from]]` set, for the schema.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DatedRulesSetting {
    /// The first day of receipt the set applies to. — Áp dụng cho đơn nhận từ ngày.
    pub date: NaiveDate,
    /// How many denunciation extensions count. — Số lần gia hạn tối đa.
    pub denunciation_max_extensions: Option<u32>,
    #[serde(flatten)]
    pub limits: BTreeMap<String, LimitSetting>,
}

/// The statutory limits in force through time: the law's, with the
/// workspace's overrides and dated sets.
#[derive(Debug, Clone, Default)]
pub struct RulesConfig(pub RuleBook);

impl Serialize for RulesConfig {
    /// The limits in force from the start by key, then `from`: each dated
    /// set with its date and every limit it holds.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Limits<'a>(&'a Rules, Option<NaiveDate>);
        impl Serialize for Limits<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                if let Some(date) = self.1 {
                    map.serialize_entry("date", &date)?;
                }
                for key in Rules::KEYS {
                    if let Some(limit) = self.0.get(key) {
                        map.serialize_entry(key, &limit)?;
                    }
                }
                map.serialize_entry(Rules::MAX_EXTENSIONS_KEY, &self.0.max_extensions)?;
                map.end()
            }
        }
        let mut map = s.serialize_map(None)?;
        let base = self.0.base();
        for key in Rules::KEYS {
            if let Some(limit) = base.get(key) {
                map.serialize_entry(key, &limit)?;
            }
        }
        map.serialize_entry(Rules::MAX_EXTENSIONS_KEY, &base.max_extensions)?;
        let dated: Vec<Limits<'_>> = self.0.sets()[1..].iter().map(|s| Limits(&s.rules, s.from)).collect();
        if !dated.is_empty() {
            map.serialize_entry("from", &dated)?;
        }
        map.end()
    }
}

impl Config {
    /// This configuration with its [`Lookup`] made.
    pub fn indexed(mut self) -> Config {
        let mut lookup = Lookup::default();
        for (i, u) in self.units.iter().enumerate() {
            lookup.units.entry(u.id.value.clone()).or_insert(i);
        }
        for (i, o) in self.orgs.iter().enumerate() {
            lookup.orgs.entry(o.id.value.clone()).or_insert(i);
        }
        let folded: Vec<String> = self.units.iter().map(|u| crate::text::fold(&u.name)).collect();
        for (i, name) in folded.iter().enumerate() {
            if folded.iter().enumerate().any(|(j, other)| j != i && other == name) {
                lookup.shared_names.insert(i);
            }
        }
        self.lookup = lookup;
        self
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        match self.lookup.units.get(id) {
            Some(&i) => self.units.get(i),
            None if self.lookup.units.is_empty() => self.units.iter().find(|u| u.id.value == id),
            None => None,
        }
    }

    pub fn org(&self, id: &str) -> Option<&Org> {
        match self.lookup.orgs.get(id) {
            Some(&i) => self.orgs.get(i),
            None if self.lookup.orgs.is_empty() => self.orgs.iter().find(|o| o.id.value == id),
            None => None,
        }
    }

    /// The unit whose records a unit's are now (Nghị quyết 202/2025/QH15:
    /// the communes merged on 1/7/2025): `merged_into`, followed to a unit
    /// that was not merged; the unit itself when it was not. An unknown id
    /// or a loop in `merged_into` ends the walk where it is.
    pub fn successor<'a>(&'a self, id: &'a str) -> &'a str {
        let mut at = id;
        for _ in 0..self.units.len() {
            match self.unit(at).and_then(|u| u.merged_into.as_ref()) {
                Some(next) if self.unit(&next.value).is_some() => at = &next.value,
                _ => break,
            }
        }
        at
    }

    /// `ids` and every unit merged into one of them, at any depth: what a
    /// filter on a new commune covers.
    pub fn with_merged(&self, ids: &std::collections::HashSet<String>) -> std::collections::HashSet<String> {
        let mut out = ids.clone();
        loop {
            let before = out.len();
            for u in &self.units {
                if u.merged_into.as_ref().is_some_and(|m| out.contains(&m.value)) {
                    out.insert(u.id.value.clone());
                }
            }
            if out.len() == before {
                return out;
            }
        }
    }

    /// Whether another unit has the same name (the old and the new xã Tân
    /// Khánh Trung): then outputs say which by its dates.
    pub fn name_is_shared(&self, id: &str) -> bool {
        if let Some(&i) = self.lookup.units.get(id) {
            return self.lookup.shared_names.contains(&i);
        }
        let Some(unit) = self.unit(id) else { return false };
        let name = crate::text::fold(&unit.name);
        self.units
            .iter()
            .any(|u| u.id.value != id && crate::text::fold(&u.name) == name)
    }

    /// Display name of an org id (the id itself when unknown).
    pub fn org_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.org(id).map_or(id, |o| o.name.as_str())
    }
}

/// A file of the workspace: its path, relative to the root.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub rel: PathBuf,
}

/// The whole workspace, loaded.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The folder holding `danvan.toml`, as the user will recognise it.
    pub root: PathBuf,
    pub files: Vec<SourceFile>,
    pub config: Config,
    pub config_file: FileId,
    pub targets: Vec<Target>,
    pub targets_file: Option<FileId>,
    /// Each kind sorted by its date (a model's start, a meeting's date, a
    /// petition's receipt), then id: what [`Workspace::new`] makes.
    pub models: Vec<Model>,
    pub meetings: Vec<Meeting>,
    pub petitions: Vec<Petition>,
    /// The meetings' places, sorted by id then place: [`Workspace::meeting`]
    /// finds the first of an id by halving, in 4 bytes a meeting rather
    /// than a copy of every id in a hash map.
    meetings_by_id: Vec<u32>,
}

impl Workspace {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        root: PathBuf,
        files: Vec<SourceFile>,
        config: Config,
        config_file: FileId,
        targets: Vec<Target>,
        targets_file: Option<FileId>,
        mut models: Vec<Model>,
        mut meetings: Vec<Meeting>,
        mut petitions: Vec<Petition>,
    ) -> Workspace {
        // A stable order whatever the walk or the threads did: by date, then
        // id, then file (files are numbered in walk order). The order is
        // total, so sorting in place gives it without the copy of the
        // records a stable sort allocates (8 MB at 70,000 petitions).
        models.sort_unstable_by(|a, b| (a.started.value, &a.id, a.file).cmp(&(b.started.value, &b.id, b.file)));
        meetings.sort_unstable_by(|a, b| (a.date.value, &a.id, a.file).cmp(&(b.date.value, &b.id, b.file)));
        petitions.sort_unstable_by(|a, b| (a.received.value, &a.id, a.file).cmp(&(b.received.value, &b.id, b.file)));
        let mut meetings_by_id: Vec<u32> = (0..meetings.len() as u32).collect();
        meetings_by_id.sort_unstable_by(|&a, &b| (&meetings[a as usize].id, a).cmp(&(&meetings[b as usize].id, b)));
        Workspace {
            root,
            files,
            config,
            config_file,
            targets,
            targets_file,
            models,
            meetings,
            petitions,
            meetings_by_id,
        }
    }

    /// The workspace without the records of `files` (and without its
    /// targets when `targets` is false): what the registers print from
    /// when those files have errors. File ids stay valid.
    pub fn without(&self, files: &std::collections::HashSet<FileId>, targets: bool) -> Workspace {
        let keep = |f: &FileId| !files.contains(f);
        Workspace::new(
            self.root.clone(),
            self.files.clone(),
            self.config.clone(),
            self.config_file,
            if targets { self.targets.clone() } else { Vec::new() },
            self.targets_file,
            self.models.iter().filter(|m| keep(&m.file)).cloned().collect(),
            self.meetings.iter().filter(|m| keep(&m.file)).cloned().collect(),
            self.petitions.iter().filter(|p| keep(&p.file)).cloned().collect(),
        )
    }

    /// This workspace with more records: what `check` reads, the broken
    /// records (read with placeholders) beside the others.
    pub fn with_records(&self, models: &[Model], meetings: &[Meeting], petitions: &[Petition]) -> Workspace {
        Workspace::new(
            self.root.clone(),
            self.files.clone(),
            self.config.clone(),
            self.config_file,
            self.targets.clone(),
            self.targets_file,
            [&self.models[..], models].concat(),
            [&self.meetings[..], meetings].concat(),
            [&self.petitions[..], petitions].concat(),
        )
    }

    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        let first = self
            .meetings_by_id
            .partition_point(|&i| self.meetings[i as usize].id.as_str() < id);
        let m = &self.meetings[*self.meetings_by_id.get(first)? as usize];
        (m.id == id).then_some(m)
    }

    /// Path of a file relative to the workspace root.
    pub fn rel_path(&self, file: FileId) -> &std::path::Path {
        &self.files[file.0 as usize].rel
    }

    /// Path of a file as the user can open it.
    pub fn path(&self, file: FileId) -> PathBuf {
        self.root.join(self.rel_path(file))
    }

    /// The limits of the workspace through time.
    pub fn rule_book(&self) -> &RuleBook {
        &self.config.rules.0
    }

    /// The limits a petition is counted under: those in force on the day
    /// it was received.
    pub fn rules_for(&self, p: &Petition) -> &Rules {
        self.config.rules.0.on(p.received.value)
    }
}
