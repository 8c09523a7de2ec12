//! `danvan.toml` and the loaded workspace as a whole.

use super::keywords::*;
use super::{FileId, Meeting, Model, Petition, Ref, Rules, Sp, Target};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
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
    /// Overrides of statutory limits: `key = { days = 30, count = "calendar" }`. — Thời hạn.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, LimitSetting>")]
    pub rules: RulesConfig,
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

/// The statutory limits in force: the law's, with the workspace's overrides.
#[derive(Debug, Clone, Default)]
pub struct RulesConfig(pub Rules);

impl Serialize for RulesConfig {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for key in Rules::KEYS {
            if let Some(limit) = self.0.get(key) {
                map.serialize_entry(key, &limit)?;
            }
        }
        map.end()
    }
}

impl Config {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id.value == id)
    }

    pub fn org(&self, id: &str) -> Option<&Org> {
        self.orgs.iter().find(|o| o.id.value == id)
    }

    /// Display name of a unit id (the id itself when unknown).
    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit(id).map_or(id, |u| u.name.as_str())
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
    pub models: Vec<Model>,
    pub meetings: Vec<Meeting>,
    pub petitions: Vec<Petition>,
    meeting_index: HashMap<String, usize>,
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
        // A stable order whatever the walk or the threads did: by date, then id.
        models.sort_by(|a, b| (a.started.value, &a.id).cmp(&(b.started.value, &b.id)));
        meetings.sort_by(|a, b| (a.date.value, &a.id).cmp(&(b.date.value, &b.id)));
        petitions.sort_by(|a, b| (a.received.value, &a.id).cmp(&(b.received.value, &b.id)));
        let mut meeting_index = HashMap::with_capacity(meetings.len());
        for (i, m) in meetings.iter().enumerate() {
            meeting_index.entry(m.id.clone()).or_insert(i);
        }
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
            meeting_index,
        }
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
        self.meeting_index.get(id).map(|&i| &self.meetings[i])
    }

    /// Path of a file relative to the workspace root.
    pub fn rel_path(&self, file: FileId) -> &std::path::Path {
        &self.files[file.0 as usize].rel
    }

    /// Path of a file as the user can open it.
    pub fn path(&self, file: FileId) -> PathBuf {
        self.root.join(self.rel_path(file))
    }

    pub fn rules(&self) -> &Rules {
        &self.config.rules.0
    }
}
