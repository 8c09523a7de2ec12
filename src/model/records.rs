//! Models, meetings and petitions: one TOML file each.

use super::filter::KeyDomain;
use super::keywords::*;
use super::{Ref, Sp};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

crate::record! {
    @file
    /// A mass-mobilization model (mô hình dân vận): `models/**/<id>.toml`.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields, title = "danvan model")]
    pub struct Model {
        /// Name of the model. — Tên mô hình.
        pub title: String,
        /// Unit ids where it runs; empty = committee-wide. — Đơn vị thực hiện.
        #[serde(default)]
        pub units: Vec<Ref> { filter: Unit },
        /// Id of the organisation that leads it. — Tổ chức chủ trì.
        pub lead: Ref { filter: Org },
        /// Start date. — Ngày bắt đầu.
        pub started: Sp<NaiveDate>,
        /// End date, if it ended. — Ngày kết thúc.
        pub ended: Option<Sp<NaiveDate>> { export: happens },
        /// planned | active | completed | suspended | dropped. — Trạng thái.
        pub status: ModelStatus { filter: (KeyDomain::Words(ModelStatus::WORDS)) },
        /// "Dân vận khéo" level: commune | district | province | national. — Cấp công nhận.
        pub recognition: Option<Sp<Recognition>> {
            filter: (KeyDomain::Words(Recognition::WORDS)),
            known_from: recognized,
        },
        /// Date of recognition; required with `recognition`. — Ngày công nhận.
        pub recognized: Option<Sp<NaiveDate>> { export: happens },
        /// Free tags (slugs). — Nhãn.
        #[serde(default)]
        pub tags: Vec<String> { filter: Text },
        /// What it does. — Tóm tắt.
        pub summary: Option<String>,
        /// Citation or link. — Nguồn.
        pub source: Option<String>,
        /// Numeric facts that targets may sum (households = 320). — Chỉ số.
        #[serde(default)]
        pub indicators: BTreeMap<String, f64>,
        /// Dated progress notes, oldest first. — Cập nhật tiến độ.
        #[serde(default, rename = "update")]
        pub updates: Vec<Update> { key: "update", export: skip },
        /// The spreadsheet row it was imported from (`danvan import`): "no:NUMBER@YEAR"
        /// from a register number, or "row:FINGERPRINT" of the row's content; a
        /// re-import skips rows whose key a record holds. Never printed. — Khóa dòng nguồn khi nhập.
        #[serde(skip_serializing, default)]
        pub import_key: Option<String> { export: skip },
    }
}

crate::record! {
    /// A dated progress note of a model.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Update {
        /// Ngày.
        pub date: Sp<NaiveDate>,
        /// Nội dung.
        pub note: String,
    }
}

crate::record! {
    @file
    /// A meeting (hội nghị, đối thoại, tiếp công dân): `meetings/**/<id>.toml`.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields, title = "danvan meeting")]
    pub struct Meeting {
        /// Title. — Tiêu đề.
        pub title: String,
        /// review | dialogue | reception | conference. — Loại.
        #[serde(rename = "type")]
        pub kind: MeetingType { key: "type", filter: (KeyDomain::Words(MeetingType::WORDS)) },
        /// Date held. — Ngày họp.
        pub date: Sp<NaiveDate>,
        /// Period reviewed: YYYY, YYYY-H1, YYYY-Q3, YYYY-MM. — Kỳ đánh giá.
        #[schemars(with = "Option<String>")]
        pub period: Option<crate::model::Period>,
        /// Unit ids where it was held. — Đơn vị.
        #[serde(default)]
        pub units: Vec<Ref> { filter: Unit },
        /// Who chaired (free text). — Chủ trì.
        pub chair: Option<String> { filter: Text },
        /// Org ids taking part. — Thành phần.
        #[serde(default)]
        pub participants: Vec<Ref> { filter: Org },
        /// Citizens present. — Số người dân tham dự.
        pub attendance: Option<u32>,
        /// The people's situation as reported. — Tình hình Nhân dân.
        pub situation: Option<String>,
        /// The Standing Committee's assessment. — Đánh giá.
        pub assessment: Option<String>,
        /// Tasks the conclusion assigns. — Nhiệm vụ được giao.
        #[serde(default, rename = "conclusion")]
        pub conclusions: Vec<Conclusion> { key: "conclusion", export: skip },
        /// The conclusion notice, when issued. — Thông báo kết luận.
        pub notice: Option<Notice> { export: skip },
        /// The spreadsheet row it was imported from (`danvan import`): "no:NUMBER@YEAR"
        /// from a register number, or "row:FINGERPRINT" of the row's content; a
        /// re-import skips rows whose key a record holds. Never printed. — Khóa dòng nguồn khi nhập.
        #[serde(skip_serializing, default)]
        pub import_key: Option<String> { export: skip },
    }
}

crate::record! {
    /// One task a conclusion assigns to an organisation.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Conclusion {
        /// The task. — Nội dung.
        pub text: String,
        /// Org id. — Cơ quan được giao.
        pub assignee: Ref { filter: Org },
        /// Due date. — Hạn.
        pub due: Option<Sp<NaiveDate>>,
        /// When reported done. — Ngày hoàn thành.
        pub done: Option<Sp<NaiveDate>> { export: happens },
    }
}

crate::record! {
    /// The conclusion notice (Thông báo kết luận) of a meeting.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Notice {
        /// Number, printed as "Số 245-TB/HU". — Số.
        pub number: Sp<String>,
        /// Date issued. — Ngày ban hành.
        pub date: Sp<NaiveDate> { export: skip },
        /// "kết luận của Ban Thường vụ … về …". — Trích yếu.
        pub subject: String,
        /// Name of the signer. — Người ký.
        pub signer: String,
        /// "PHÓ BÍ THƯ", "BÍ THƯ". — Chức vụ người ký.
        pub signer_title: String,
        /// "Nơi nhận"; assignees are added. — Nơi nhận.
        #[serde(default)]
        pub recipients: Vec<String>,
    }
}

crate::record! {
    @file
    /// A petition (đơn khiếu nại, tố cáo, kiến nghị, phản ánh): `petitions/**/<id>.toml`.
    #[derive(Debug, Clone, Serialize, JsonSchema)]
    #[schemars(deny_unknown_fields, title = "danvan petition")]
    pub struct Petition {
        /// complaint | denunciation | recommendation. — Loại đơn.
        #[serde(rename = "type")]
        pub kind: PetitionType { key: "type", filter: (KeyDomain::Words(PetitionType::WORDS)) },
        /// Complaints: 1 or 2. — Lần giải quyết.
        pub round: Option<Sp<u8>> { read: round, filter: (KeyDomain::Int(&[1, 2])) },
        /// Date received. — Ngày nhận.
        pub received: Sp<NaiveDate>,
        /// mail | reception | dialogue | online | transfer. — Nguồn đơn.
        pub channel: Option<Channel> { filter: (KeyDomain::Words(Channel::WORDS)) },
        /// Unit ids. — Đơn vị.
        #[serde(default)]
        pub units: Vec<Ref> { filter: Unit },
        /// Subject area (dat-dai, moi-truong, …). — Lĩnh vực.
        pub field: Option<String> { filter: Text },
        /// What it is about, without personal data. — Nội dung tóm tắt.
        pub summary: Option<String>,
        /// Complex case (phức tạp): longer complaint limits; a denunciation may be
        /// extended once. — Vụ việc phức tạp.
        #[serde(default)]
        pub complex: bool { filter: Bool },
        /// Especially complex case (đặc biệt phức tạp): a denunciation may be extended
        /// twice (Luật Tố cáo art. 30). — Vụ việc đặc biệt phức tạp.
        #[serde(default)]
        pub especially_complex: bool { filter: Bool },
        /// Remote area (vùng sâu, vùng xa). — Vùng sâu, vùng xa.
        #[serde(default)]
        pub remote: bool { filter: Bool },
        /// Org id handling it. — Cơ quan giải quyết.
        pub handler: Option<Ref> { filter: Org },
        /// Meeting id where it was raised. — Nêu tại hội nghị.
        pub meeting: Option<Ref>,
        /// Date accepted (thụ lý). — Ngày thụ lý.
        pub accepted: Option<Sp<NaiveDate>> { export: happens },
        /// Denunciations: dated extension decisions, each a date (the most the law
        /// allows, 30 days) or { date, days } for a shorter one. — Gia hạn.
        #[serde(default)]
        #[schemars(with = "Vec<ExtensionSetting>")]
        pub extensions: Vec<Extension> { export: happens },
        /// Date resolved. — Ngày giải quyết xong.
        pub resolved: Option<Sp<NaiveDate>> { export: happens },
        /// upheld | partly-upheld | rejected | withdrawn | transferred | not-accepted. — Kết quả.
        pub outcome: Option<Sp<Outcome>> {
            filter: (KeyDomain::Words(Outcome::WORDS)),
            known_from: resolved,
        },
        /// Personal data: never printed but by `show --reveal-personal`. — Thông tin người gửi (bảo mật).
        #[serde(skip_serializing, default)]
        pub petitioner: Option<Petitioner> { export: skip },
        /// The spreadsheet row it was imported from (`danvan import`): "no:NUMBER@YEAR"
        /// from a register number, or "row:FINGERPRINT" of the row's content; a
        /// re-import skips rows whose key a record holds. Never printed. — Khóa dòng nguồn khi nhập.
        #[serde(skip_serializing, default)]
        pub import_key: Option<String> { export: skip },
    }
}

/// An extension decision of a denunciation (Luật Tố cáo 2018 art. 30: at
/// most 30 days each): its date, and its length when the decision gives
/// fewer days than the most the law allows. Written as a date, or as
/// `{ date = 2024-06-01, days = 20 }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    pub date: Sp<NaiveDate>,
    pub days: Option<Sp<u32>>,
}

impl super::fields::FieldType for Vec<Extension> {
    fn read(src: &mut dyn super::fields::Source, key: &'static str) -> Option<Self> {
        Some(src.extensions(key))
    }
}

impl Serialize for Extension {
    /// As it is written: the date alone, or `{ date, days }`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.days {
            None => self.date.serialize(s),
            Some(days) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("date", &self.date)?;
                map.serialize_entry("days", &days.value)?;
                map.end()
            }
        }
    }
}

/// An extension as written, for the schema.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum ExtensionSetting {
    /// The date of the decision: the most the law allows (30 days). — Ngày quyết định gia hạn.
    Date(NaiveDate),
    /// A decision that extends by fewer days. — Gia hạn ít ngày hơn.
    Days(ExtensionDays),
}

/// `{ date = 2024-06-01, days = 20 }`, for the schema.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ExtensionDays {
    /// Date of the decision. — Ngày quyết định gia hạn.
    date: NaiveDate,
    /// Days it extends by, at most 30. — Số ngày gia hạn (tối đa 30).
    #[schemars(range(min = 1))]
    days: u32,
}

impl Model {
    /// The status as it stood on `as_of`: a model recorded as completed,
    /// suspended or dropped was still running before its `ended` date.
    pub fn status_on(&self, as_of: NaiveDate) -> ModelStatus {
        let stopped = matches!(
            self.status,
            ModelStatus::Completed | ModelStatus::Suspended | ModelStatus::Dropped
        );
        match &self.ended {
            Some(end) if stopped && as_of < end.value => ModelStatus::Active,
            _ => self.status,
        }
    }
}

impl Meeting {
    /// The id of the task at `index` of the meeting's conclusions:
    /// `MEETING#N`, numbered from 1. (Pushed, not formatted: a register
    /// writes one per row, three times over in a report.)
    pub fn task_id(&self, index: usize) -> String {
        let mut id = String::with_capacity(self.id.len() + 4);
        id.push_str(&self.id);
        id.push('#');
        crate::text::push_int(&mut id, index as i64 + 1);
        id
    }
}

impl Notice {
    /// The number as printed and registered, "245-TB/HU": the record's
    /// number and the committee's suffix, without stray spaces.
    pub fn full_number(&self, suffix: &str) -> String {
        format!("{}-{}", self.number.value.trim(), suffix.trim())
    }
}

impl Petition {
    /// A complaint's round, 1 unless it says 2; none for a denunciation or
    /// a recommendation (Luật Khiếu nại 2011: lần đầu, lần hai are rounds
    /// of complaints only).
    pub fn round(&self) -> Option<u8> {
        (self.kind == PetitionType::Complaint).then(|| self.round.as_ref().map_or(1, |r| r.value))
    }
}

crate::record! {
    /// The person behind a petition. Personal data protected by law (Luật Tố
    /// cáo 2018 art. 9, 47, 56): it has no `Serialize` and a `Debug` that
    /// prints nothing of it, so it cannot reach a report by accident.
    #[derive(Clone, Default, JsonSchema)]
    #[schemars(deny_unknown_fields)]
    pub struct Petitioner {
        /// Họ và tên.
        pub name: Option<String> { export: skip },
        /// Địa chỉ.
        pub address: Option<String> { export: skip },
        /// Số điện thoại.
        pub phone: Option<String> { export: skip },
        /// Thư điện tử.
        pub email: Option<String> { export: skip },
        /// Ghi chú.
        pub note: Option<String> { export: skip },
    }
}

impl Petitioner {
    /// Label and value of each field that is set, for `show --reveal-personal`.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        [
            ("name", &self.name),
            ("address", &self.address),
            ("phone", &self.phone),
            ("email", &self.email),
            ("note", &self.note),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }
}

impl std::fmt::Debug for Petitioner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Petitioner(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_model_was_active_before_it_ended() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let sp = |s: &str| Sp::new(d(s), Default::default());
        let mut m = Model {
            id: "m".into(),
            file: super::super::FileId(0),
            title: "m".into(),
            units: vec![],
            lead: Sp::new("mttq".into(), Default::default()),
            started: sp("2022-01-01"),
            ended: Some(sp("2023-01-01")),
            status: ModelStatus::Completed,
            recognition: None,
            recognized: None,
            tags: vec![],
            summary: None,
            source: None,
            indicators: Default::default(),
            updates: vec![],
            import_key: None,
        };
        assert_eq!(m.status_on(d("2022-12-31")), ModelStatus::Active);
        assert_eq!(m.status_on(d("2023-01-01")), ModelStatus::Completed);
        m.status = ModelStatus::Dropped;
        assert_eq!(m.status_on(d("2022-06-01")), ModelStatus::Active);
        m.ended = None;
        assert_eq!(
            m.status_on(d("2022-06-01")),
            ModelStatus::Dropped,
            "no end date: as recorded"
        );
        m.status = ModelStatus::Planned;
        m.ended = Some(sp("2023-01-01"));
        assert_eq!(m.status_on(d("2022-06-01")), ModelStatus::Planned);
    }

    #[test]
    fn a_notice_number_is_printed_with_the_suffix_without_stray_spaces() {
        let n = Notice {
            number: Sp::new(" 245 ".into(), Default::default()),
            date: Sp::new(NaiveDate::from_ymd_opt(2022, 7, 20).unwrap(), Default::default()),
            subject: String::new(),
            signer: String::new(),
            signer_title: String::new(),
            recipients: vec![],
        };
        assert_eq!(n.full_number("TB/HU "), "245-TB/HU");
    }

    #[test]
    fn petitioner_debug_is_redacted() {
        let p = Petitioner {
            name: Some("Trần Thị Bí Mật".into()),
            ..Default::default()
        };
        assert_eq!(format!("{p:?}"), "Petitioner(<redacted>)");
    }
}
