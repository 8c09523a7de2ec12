//! Reading a record's table: the [`Source`] the record types read
//! themselves from (`Model::read` and the others, made by `record!` from
//! their fields), over the spanned TOML tree, and the rules across the
//! fields of one record that only the loader sees.

use super::table::{Ctx, Table, word_value};
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::fields::{FieldInfo, Need, Source};
use crate::model::*;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A table being read, with where its problems go.
pub(super) struct TableSource<'c, 'p, 't, 'i> {
    pub(super) cx: &'c mut Ctx<'p>,
    pub(super) t: &'c Table<'t, 'i>,
    /// Placeholders for what is missing or wrong (see [`Source::lenient`]).
    pub(super) lenient: bool,
}

impl Source for TableSource<'_, '_, '_, '_> {
    fn string(&mut self, key: &str, need: Need) -> Option<Sp<String>> {
        match need {
            Need::Required => self.t.req_string(self.cx, key),
            Need::Optional => self.t.string(self.cx, key),
        }
    }

    fn date(&mut self, key: &str, need: Need) -> Option<Sp<NaiveDate>> {
        match need {
            Need::Required => self.t.req_date(self.cx, key),
            Need::Optional => self.t.date(self.cx, key),
        }
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        self.t.bool(self.cx, key)
    }

    fn number(&mut self, key: &str, need: Need) -> Option<f64> {
        match need {
            Need::Required => self.t.req_number(self.cx, key),
            Need::Optional => self.t.number(self.cx, key),
        }
    }

    fn measure(&mut self, key: &str) -> Option<Measure> {
        super::targets::measure_field(self.cx, self.t, key)
    }

    fn integer(&mut self, key: &str, min: i64, max: i64) -> Option<Sp<i64>> {
        self.t.int(self.cx, key, min, max)
    }

    fn word(&mut self, key: &str, need: Need, words: &'static [&'static str]) -> Option<Sp<usize>> {
        if need == Need::Required && !self.t.has(key) {
            let first = words.first().copied().unwrap_or_default();
            let help = format!("{key} = \"{first}\"  # {}", words.join(" | "));
            self.t.missing(self.cx, key, Some(help));
        }
        let text = self.t.string(self.cx, key)?;
        word_value(self.cx, || self.t.field_name(key), &text, words)
    }

    fn strings(&mut self, key: &str) -> Vec<Sp<String>> {
        self.t.string_list(self.cx, key)
    }

    fn dates(&mut self, key: &str) -> Vec<Sp<NaiveDate>> {
        self.t.date_list(self.cx, key)
    }

    fn numbers(&mut self, key: &str) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        if let Some(table) = self.t.table(self.cx, key) {
            let names: Vec<String> = table.keys().map(|(k, _)| k.to_owned()).collect();
            for name in names {
                if let Some(n) = table.number(self.cx, &name) {
                    out.insert(name, n);
                }
            }
        }
        out
    }

    fn period(&mut self, key: &str) -> Option<Period> {
        let text = self.t.string(self.cx, key)?;
        match Period::parse_in(&text.value, crate::i18n::is_en()) {
            Ok(period) => Some(period),
            Err(msg) => {
                self.cx.diags.push(
                    Diagnostic::new(
                        Code::BadFormat,
                        tr!("kỳ \"{}\" không hợp lệ", "invalid period \"{}\"", text.value),
                    )
                    .in_file(self.cx.path)
                    .at(text.span.range())
                    .with_help(msg),
                );
                None
            }
        }
    }

    fn round(&mut self, key: &str) -> Option<Sp<u8>> {
        let r = self.t.int(self.cx, key, i64::MIN, i64::MAX)?;
        match r.value {
            1 | 2 => Some(Sp::new(r.value as u8, r.span)),
            n => {
                self.cx
                    .diags
                    .push(bad_round(self.cx.path, r.span, BadRound::NotOneOrTwo(n)));
                None
            }
        }
    }

    fn extensions(&mut self, key: &str) -> Vec<Extension> {
        // Any length is read; `check` warns about one over the law's 30 days.
        self.t
            .dated_list(self.cx, key, 3650)
            .into_iter()
            .map(|(date, days)| Extension {
                date,
                days: days.map(|d| Sp::new(d.value as u32, d.span)),
            })
            .collect()
    }

    fn table(&mut self, key: &str, need: Need, read: &mut dyn FnMut(&mut dyn Source)) {
        if need == Need::Required && !self.t.has(key) {
            self.t.missing(self.cx, key, Some(format!("[{key}]")));
        }
        if let Some(sub) = self.t.table(self.cx, key) {
            read(&mut TableSource {
                cx: self.cx,
                t: &sub,
                lenient: self.lenient,
            });
        }
    }

    fn tables(&mut self, key: &str, read: &mut dyn FnMut(&mut dyn Source)) {
        for sub in self.t.tables(self.cx, key) {
            read(&mut TableSource {
                cx: self.cx,
                t: &sub,
                lenient: self.lenient,
            });
        }
    }

    fn finish(&mut self, fields: &[FieldInfo]) {
        self.t.finish_fields(self.cx, fields);
    }

    fn lenient(&self) -> bool {
        self.lenient
    }
}

/// What is wrong with a petition's `round`.
enum BadRound {
    NotOneOrTwo(i64),
    NotAComplaint(PetitionType),
}

/// E032, `round`: 1 or 2, and for complaints only (khiếu nại lần đầu, lần hai).
fn bad_round(path: &std::path::Path, span: Span, why: BadRound) -> Diagnostic {
    let (message, help) = match why {
        BadRound::NotOneOrTwo(n) => (
            tr!("`round` là 1 hoặc 2, không phải {}", "`round` is 1 or 2, not {}", n),
            tr!(
                "khiếu nại lần đầu: round = 1; lần hai: round = 2",
                "first complaint: round = 1; second: round = 2"
            ),
        ),
        BadRound::NotAComplaint(kind) => (
            tr!(
                "`round` chỉ dùng cho khiếu nại, đây là {}",
                "`round` is for complaints only; this is a {}",
                kind
            ),
            tr!("xóa dòng round", "remove the round line"),
        ),
    };
    Diagnostic::new(Code::Round, message)
        .in_file(path)
        .at(span.range())
        .with_help(help)
}

/// Reads a model; `lenient` as [`Source::lenient`] says.
pub fn model(cx: &mut Ctx<'_>, t: &Table<'_, '_>, id: String, file: FileId, lenient: bool) -> Option<Model> {
    Model::read(&mut TableSource { cx, t, lenient }, id, file)
}

pub fn meeting(cx: &mut Ctx<'_>, t: &Table<'_, '_>, id: String, file: FileId, lenient: bool) -> Option<Meeting> {
    Meeting::read(&mut TableSource { cx, t, lenient }, id, file)
}

pub fn petition(cx: &mut Ctx<'_>, t: &Table<'_, '_>, id: String, file: FileId, lenient: bool) -> Option<Petition> {
    let p = Petition::read(&mut TableSource { cx, t, lenient }, id, file)?;
    // A round belongs to complaints (Luật Khiếu nại 2011: lần đầu, lần hai).
    if let Some(r) = &p.round
        && p.kind != PetitionType::Complaint
    {
        cx.diags
            .push(bad_round(cx.path, r.span, BadRound::NotAComplaint(p.kind)));
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::super::table::parse_document;
    use super::*;
    use chrono::NaiveDate;
    use std::path::Path;

    /// Parses `text` as one record with `parse`; the record and the
    /// diagnostics as (code, the text they point at).
    fn parse<T>(
        text: &str,
        parse: impl FnOnce(&mut Ctx<'_>, &Table<'_, '_>, String, FileId, bool) -> Option<T>,
    ) -> (Option<T>, Vec<(Code, String)>) {
        let mut cx = Ctx::new(Path::new("r.toml"), 0);
        let doc = parse_document(&mut cx, text).expect("the test text is valid TOML");
        let table = Table::new(doc.get_ref(), 0..0, String::new());
        let record = parse(&mut cx, &table, "the-id".into(), FileId(7), false);
        let diags = cx
            .diags
            .iter()
            .map(|d| (d.code, text[d.span.clone().expect("a position")].to_owned()))
            .collect();
        (record, diags)
    }

    fn codes(diags: &[(Code, String)]) -> Vec<(Code, &str)> {
        diags.iter().map(|(c, at)| (*c, at.as_str())).collect()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const MODEL: &str = r#"
title = "Dòng sông không rác"
units = ["tan-my", "tan-khanh-trung"]
lead = "hoi-lhpn"
started = 2021-05-01
ended = 2024-12-31
status = "completed"
recognition = "district"
recognized = 2022-11-15
tags = ["moi-truong"]
summary = "Thu gom rác ven sông."
source = "Báo Đồng Tháp"
[indicators]
households = 320
km = 12.5
[[update]]
date = 2022-06-30
note = "Ra mắt."
[[update]]
date = 2023-06-30
note = "Mở rộng."
"#;

    #[test]
    fn a_full_model() {
        let (m, diags) = parse(MODEL, model);
        assert!(diags.is_empty(), "{diags:?}");
        let m = m.unwrap();
        assert_eq!((m.id.as_str(), m.file), ("the-id", FileId(7)));
        assert_eq!(m.title, "Dòng sông không rác");
        assert_eq!(
            m.units.iter().map(|u| u.as_str()).collect::<Vec<_>>(),
            ["tan-my", "tan-khanh-trung"]
        );
        assert_eq!(m.lead.value, "hoi-lhpn");
        assert_eq!(&MODEL[m.lead.span.range()], "\"hoi-lhpn\"");
        assert_eq!(m.started.value, date("2021-05-01"));
        assert_eq!(m.ended.map(|d| d.value), Some(date("2024-12-31")));
        assert_eq!(m.status, ModelStatus::Completed);
        assert_eq!(m.recognition.map(|r| r.value), Some(Recognition::District));
        assert_eq!(m.recognized.map(|d| d.value), Some(date("2022-11-15")));
        assert_eq!(m.tags, ["moi-truong"]);
        assert_eq!(m.summary.as_deref(), Some("Thu gom rác ven sông."));
        assert_eq!(m.source.as_deref(), Some("Báo Đồng Tháp"));
        assert_eq!(m.indicators.get("households"), Some(&320.0));
        assert_eq!(m.indicators.get("km"), Some(&12.5));
        assert_eq!(m.updates.len(), 2);
        assert_eq!(m.updates[1].date.value, date("2023-06-30"));
        assert_eq!(m.updates[1].note, "Mở rộng.");
    }

    #[test]
    fn a_minimal_model() {
        let text = "title = \"A\"\nlead = \"mttq\"\nstarted = 2022-01-01\nstatus = \"planned\"\n";
        let (m, diags) = parse(text, model);
        assert!(diags.is_empty());
        let m = m.unwrap();
        assert!(m.units.is_empty() && m.tags.is_empty() && m.indicators.is_empty() && m.updates.is_empty());
        assert!(m.ended.is_none() && m.recognition.is_none() && m.recognized.is_none());
    }

    #[test]
    fn every_missing_required_model_field_is_reported_at_once() {
        let (m, diags) = parse("summary = \"x\"\n", model);
        assert!(m.is_none());
        assert_eq!(codes(&diags), [(Code::MissingField, ""); 4]);
    }

    #[test]
    fn a_bad_optional_model_field_is_reported_and_the_model_kept() {
        let text = "title = \"A\"\nlead = \"mttq\"\nstarted = 2022-01-01\nstatus = \"active\"\n\
                    recognition = \"tỉnh\"\ntags = \"a\"\n[indicators]\nhouseholds = \"320\"\nok = 1\n\
                    [[update]]\ndate = \"2022-01-02\"\nnote = \"x\"\n[[update]]\nnote = \"y\"\nwhen = 2022-01-03\n";
        let (m, diags) = parse(text, model);
        let m = m.expect("only optional fields are wrong");
        assert!(m.recognition.is_none() && m.tags.is_empty() && m.updates.is_empty());
        assert_eq!(m.indicators.len(), 1);
        assert_eq!(
            codes(&diags),
            [
                (Code::BadEnum, "\"tỉnh\""),
                (Code::WrongType, "\"a\""),
                (Code::WrongType, "\"320\""),
                (Code::QuotedDate, "\"2022-01-02\""),
                (Code::UnknownKey, "when"),
                (Code::MissingField, ""),
            ]
        );
    }

    #[test]
    fn a_bad_required_model_field_drops_the_model() {
        for (text, code, at) in [
            (
                "title = 1\nlead = \"m\"\nstarted = 2022-01-01\nstatus = \"active\"\n",
                Code::WrongType,
                "1",
            ),
            (
                "title = \"A\"\nlead = \"m\"\nstarted = \"2022-01-01\"\nstatus = \"active\"\n",
                Code::QuotedDate,
                "\"2022-01-01\"",
            ),
            (
                "title = \"A\"\nlead = \"m\"\nstarted = 2022-01-01\nstatus = \"done\"\n",
                Code::BadEnum,
                "\"done\"",
            ),
            (
                "title = \"A\"\nlead = [\"m\"]\nstarted = 2022-01-01\nstatus = \"active\"\n",
                Code::WrongType,
                "[\"m\"]",
            ),
        ] {
            let (m, diags) = parse(text, model);
            assert!(m.is_none(), "{text}");
            assert_eq!(codes(&diags), [(code, at)], "{text}");
        }
    }

    const MEETING: &str = r#"
title = "BTV làm việc với Ban Dân vận"
type = "review"
date = 2022-07-12
period = "2022-H1"
units = ["tan-my"]
chair = "Bí thư Huyện ủy"
participants = ["btv", "mttq"]
attendance = 120
situation = "Ổn định."
assessment = "Tốt."

[[conclusion]]
text = "Giao UBND huyện giải quyết."
assignee = "ubnd"
due = 2022-12-31
done = 2022-11-30

[[conclusion]]
text = "Giao MTTQ giám sát."
assignee = "mttq"

[notice]
number = "245"
date = 2022-07-20
subject = "kết luận"
signer = "Nguyễn Văn A"
signer_title = "PHÓ BÍ THƯ"
recipients = ["Thường trực Tỉnh ủy (b/c)"]
"#;

    #[test]
    fn a_full_meeting() {
        let (m, diags) = parse(MEETING, meeting);
        assert!(diags.is_empty(), "{diags:?}");
        let m = m.unwrap();
        assert_eq!(m.kind, MeetingType::Review);
        assert_eq!(m.date.value, date("2022-07-12"));
        assert_eq!(m.period.map(|p| p.to_string()).as_deref(), Some("2022-H1"));
        assert_eq!(m.units.len(), 1);
        assert_eq!(m.chair.as_deref(), Some("Bí thư Huyện ủy"));
        assert_eq!(
            m.participants.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
            ["btv", "mttq"]
        );
        assert_eq!(m.attendance, Some(120));
        assert_eq!(m.situation.as_deref(), Some("Ổn định."));
        assert_eq!(m.assessment.as_deref(), Some("Tốt."));
        assert_eq!(m.conclusions.len(), 2);
        assert_eq!(m.conclusions[0].assignee.value, "ubnd");
        assert_eq!(m.conclusions[0].due.as_ref().map(|d| d.value), Some(date("2022-12-31")));
        assert_eq!(
            m.conclusions[0].done.as_ref().map(|d| d.value),
            Some(date("2022-11-30"))
        );
        assert!(m.conclusions[1].due.is_none() && m.conclusions[1].done.is_none());
        let n = m.notice.unwrap();
        assert_eq!(n.number.value, "245");
        assert_eq!(&MEETING[n.number.span.range()], "\"245\"");
        assert_eq!(n.date.value, date("2022-07-20"));
        assert_eq!(
            (n.subject.as_str(), n.signer.as_str(), n.signer_title.as_str()),
            ("kết luận", "Nguyễn Văn A", "PHÓ BÍ THƯ")
        );
        assert_eq!(n.recipients, ["Thường trực Tỉnh ủy (b/c)"]);
    }

    #[test]
    fn a_bad_period_is_a_bad_format_and_the_meeting_is_kept() {
        for period in ["2022-H3", "2022-Q5", "2022-13", "H1-2022", "năm 2022"] {
            let text = format!("title = \"A\"\ntype = \"review\"\ndate = 2022-07-12\nperiod = \"{period}\"\n");
            let (m, diags) = parse(&text, meeting);
            assert!(m.unwrap().period.is_none());
            assert_eq!(
                codes(&diags),
                [(Code::BadFormat, &*format!("\"{period}\""))],
                "{period}"
            );
        }
    }

    #[test]
    fn meeting_attendance_is_a_whole_number_not_below_zero() {
        for (value, code) in [
            ("-1", Code::BadFormat),
            ("\"120\"", Code::WrongType),
            ("12.5", Code::WrongType),
        ] {
            let text = format!("title = \"A\"\ntype = \"reception\"\ndate = 2022-07-12\nattendance = {value}\n");
            let (m, diags) = parse(&text, meeting);
            assert!(m.unwrap().attendance.is_none());
            assert_eq!(codes(&diags), [(code, value)]);
        }
    }

    #[test]
    fn an_incomplete_conclusion_or_notice_is_reported_and_left_out() {
        let text = "title = \"A\"\ntype = \"review\"\ndate = 2022-07-12\n\
                    [[conclusion]]\ntext = \"x\"\n[[conclusion]]\nassignee = \"ubnd\"\nowner = \"y\"\n\
                    [notice]\nnumber = 245\ndate = 2022-07-20\n";
        let (m, diags) = parse(text, meeting);
        let m = m.unwrap();
        assert!(m.conclusions.is_empty());
        assert!(m.notice.is_none());
        assert_eq!(
            codes(&diags),
            [
                (Code::MissingField, ""),
                (Code::UnknownKey, "owner"),
                (Code::MissingField, ""),
                (Code::WrongType, "245"),
                (Code::MissingField, ""),
                (Code::MissingField, ""),
                (Code::MissingField, ""),
            ]
        );
    }

    #[test]
    fn a_meeting_type_outside_the_list_drops_the_meeting() {
        let (m, diags) = parse("title = \"A\"\ntype = \"meeting\"\ndate = 2022-07-12\n", meeting);
        assert!(m.is_none());
        assert_eq!(codes(&diags), [(Code::BadEnum, "\"meeting\"")]);
    }

    const PETITION: &str = r#"
type = "denunciation"
received = 2023-03-02
channel = "reception"
units = ["tan-my"]
field = "dat-dai"
summary = "Tố cáo."
complex = true
especially_complex = true
remote = true
handler = "ubnd"
meeting = "2023-03-15-doi-thoai-tan-my"
accepted = 2023-03-09
extensions = [2023-04-05, { date = 2023-05-05, days = 20 }]
resolved = 2023-06-01
outcome = "partly-upheld"

[petitioner]
name = "Người Giả Định"
address = "Ấp Giả Định"
phone = "0900"
email = "a@b.c"
note = "x"
"#;

    #[test]
    fn a_full_petition() {
        let (p, diags) = parse(PETITION, petition);
        assert!(diags.is_empty(), "{diags:?}");
        let p = p.unwrap();
        assert_eq!(p.kind, PetitionType::Denunciation);
        assert!(p.round.is_none());
        // A denunciation has no round.
        assert_eq!(p.round(), None);
        assert_eq!(p.received.value, date("2023-03-02"));
        assert_eq!(p.channel, Some(Channel::Reception));
        assert_eq!(p.field.as_deref(), Some("dat-dai"));
        assert!(p.complex && p.especially_complex && p.remote);
        assert_eq!(p.handler.as_ref().map(|h| h.as_str()), Some("ubnd"));
        assert_eq!(
            p.meeting.as_ref().map(|h| h.as_str()),
            Some("2023-03-15-doi-thoai-tan-my")
        );
        assert_eq!(p.accepted.as_ref().map(|d| d.value), Some(date("2023-03-09")));
        assert_eq!(
            p.extensions
                .iter()
                .map(|e| (e.date.value, e.days.as_ref().map(|d| d.value)))
                .collect::<Vec<_>>(),
            [(date("2023-04-05"), None), (date("2023-05-05"), Some(20))]
        );
        assert_eq!(&PETITION[p.extensions[1].days.as_ref().unwrap().span.range()], "20");
        assert_eq!(
            serde_json::to_string(&p.extensions).unwrap(),
            r#"["2023-04-05",{"date":"2023-05-05","days":20}]"#
        );
        assert_eq!(p.resolved.as_ref().map(|d| d.value), Some(date("2023-06-01")));
        assert_eq!(p.outcome.as_ref().map(|o| o.value), Some(Outcome::PartlyUpheld));
        let who = p.petitioner.unwrap();
        assert_eq!(who.fields().len(), 5);
        assert_eq!(who.name.as_deref(), Some("Người Giả Định"));
    }

    #[test]
    fn a_minimal_petition_has_the_defaults() {
        let (p, diags) = parse("type = \"complaint\"\nreceived = 2023-03-02\n", petition);
        assert!(diags.is_empty());
        let p = p.unwrap();
        assert!(!p.complex && !p.especially_complex && !p.remote);
        // A complaint without a round is a first complaint.
        assert_eq!(p.round(), Some(1));
        assert!(p.units.is_empty() && p.extensions.is_empty() && p.petitioner.is_none());
        assert!(p.accepted.is_none() && p.resolved.is_none() && p.outcome.is_none() && p.handler.is_none());
    }

    #[test]
    fn a_round_is_one_or_two() {
        for (value, ok) in [("1", Some(1)), ("2", Some(2)), ("0", None), ("3", None), ("-1", None)] {
            let text = format!("type = \"complaint\"\nround = {value}\nreceived = 2023-03-02\n");
            let (p, diags) = parse(&text, petition);
            let p = p.unwrap();
            assert_eq!(p.round.as_ref().map(|r| r.value), ok, "{value}");
            if ok.is_none() {
                assert_eq!(codes(&diags), [(Code::Round, value)]);
            } else {
                assert!(diags.is_empty());
            }
        }
        let (_, diags) = parse("type = \"complaint\"\nround = \"2\"\nreceived = 2023-03-02\n", petition);
        assert_eq!(codes(&diags), [(Code::WrongType, "\"2\"")]);
    }

    #[test]
    fn petition_errors_are_all_collected() {
        let text = "type = \"khieu-nai\"\nreceived = \"2023-03-02\"\nchannel = \"email\"\ncomplex = \"yes\"\n\
                    units = \"tan-my\"\nextensions = 2023-04-05\noutcome = \"won\"\nhandeler = \"ubnd\"\n";
        let (p, diags) = parse(text, petition);
        assert!(p.is_none());
        assert_eq!(
            codes(&diags),
            [
                (Code::UnknownKey, "handeler"),
                (Code::BadEnum, "\"khieu-nai\""),
                (Code::QuotedDate, "\"2023-03-02\""),
                (Code::BadEnum, "\"email\""),
                (Code::WrongType, "\"tan-my\""),
                (Code::WrongType, "\"yes\""),
                (Code::WrongType, "2023-04-05"),
                (Code::BadEnum, "\"won\""),
            ]
        );
    }

    #[test]
    fn petitioner_diagnostics_never_show_its_values() {
        let secret = "MARKER-7731";
        let text = format!(
            "type = \"complaint\"\nreceived = 2023-03-02\n[petitioner]\nname = \"{secret}\"\nnmae = \"{secret}\"\nphone = [\"{secret}\"]\n"
        );
        let mut cx = Ctx::new(Path::new("r.toml"), 0);
        let doc = parse_document(&mut cx, &text).unwrap();
        let table = Table::new(doc.get_ref(), 0..0, String::new());
        let p = petition(&mut cx, &table, "p".into(), FileId(0), false).unwrap();
        let codes: Vec<Code> = cx.diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnknownKey, Code::WrongType]);
        for d in &cx.diags {
            assert!(!d.message.contains(secret), "{}", d.message);
            assert!(!d.help.as_deref().unwrap_or("").contains(secret));
        }
        // Nor does the record's Debug.
        assert!(!format!("{p:?}").contains(secret));
    }
}
