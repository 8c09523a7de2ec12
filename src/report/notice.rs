//! `danvan notice ID`: the conclusion notice (Thông báo kết luận) of a
//! meeting, as the parts of a Party document (Hướng dẫn 36-HD/VPTW, 2018).
//!
//! This module only decides *what* the notice says; `render::template`
//! (text, Markdown, HTML) and `render::docx` decide how it looks. A notice
//! is a formal document in Vietnamese whatever `--lang` says, so the words
//! here are not translated. It does not depend on the as-of date: it is the
//! document as issued.

use crate::model::*;
use crate::text::fold;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The line at the top right of every Party document.
pub const PARTY: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
/// The document type.
pub const DOC_TYPE: &str = "THÔNG BÁO";

/// Everything a notice prints, in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeDocument {
    /// The meeting id (also the stem of the file `--out-dir` writes).
    pub meeting: String,
    pub header: Header,
    /// "THÔNG BÁO".
    pub doc_type: &'static str,
    /// "kết luận của Ban Thường vụ Huyện ủy về …" (the trích yếu).
    pub subject: String,
    /// The opening paragraphs: who met whom, when, on what.
    pub opening: Vec<String>,
    /// The numbered parts of the body.
    pub parts: Vec<Part>,
    pub signature: Signature,
    /// "Nơi nhận:" lines, each with its dash and its closing "," or ".".
    pub recipients: Vec<String>,
    /// Facts for custom templates: ISO dates and the bare number.
    pub date: NaiveDate,
    pub number: String,
}

/// The two-column header (thể thức: tên cơ quan, số, quốc hiệu, địa danh và ngày).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Header {
    /// "ĐẢNG BỘ TỈNH ĐỒNG THÁP".
    pub parent: String,
    /// "HUYỆN ỦY LẤP VÒ" (bold).
    pub issuer: String,
    /// "Số 245-TB/HU" ("Số" takes no colon).
    pub number: String,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, ruled).
    pub party: &'static str,
    /// "Lấp Vò, ngày 20 tháng 7 năm 2022" (italic).
    pub place_date: String,
}

/// One numbered part of the body: a heading with paragraphs, or the tasks.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// "1", "2", …
    pub number: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// The tasks, grouped by assignee (only in the tasks part).
    pub groups: Vec<TaskGroup>,
}

/// The tasks of one assignee.
#[derive(Debug, Clone, Serialize)]
pub struct TaskGroup {
    /// "3.1".
    pub number: String,
    /// Org id.
    pub assignee_id: String,
    /// Org name, as `[[org]]` writes it.
    pub assignee: String,
    pub tasks: Vec<NoticeTask>,
}

/// One task as the notice prints it.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeTask {
    /// "a", "b", … within its group.
    pub label: String,
    /// The task's number in the meeting record, from 1 (its id is MEETING#N).
    pub index: usize,
    pub text: String,
    pub due: Option<NaiveDate>,
    /// "Thời hạn: trước ngày 31/12/2022." or nothing.
    pub due_text: Option<String>,
}

/// The signature block (thể thức ký: T/M tập thể).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Signature {
    /// "T/M BAN THƯỜNG VỤ".
    pub on_behalf: String,
    /// "PHÓ BÍ THƯ".
    pub title: String,
    /// The signer's name.
    pub name: String,
}

/// Why a meeting has no notice to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeError {
    /// No meeting has this id; the closest id, when one is close.
    UnknownMeeting { id: String, closest: Option<String> },
    /// The meeting exists but has no `[notice]`.
    NoNotice { id: String },
}

/// The meetings that have a `[notice]`, oldest first.
pub fn with_notice(ws: &Workspace) -> impl Iterator<Item = &Meeting> {
    ws.meetings.iter().filter(|m| m.notice.is_some())
}

/// The notice of meeting `id`.
pub fn find<'w>(ws: &'w Workspace, id: &str) -> Result<(&'w Meeting, &'w crate::model::Notice), NoticeError> {
    let id = crate::text::nfc(id.trim());
    let Some(meeting) = ws.meeting(&id) else {
        // Prefer a close id among meetings with a notice, then any meeting.
        let closest = crate::diag::did_you_mean(&id, with_notice(ws).map(|m| m.id.as_str()))
            .or_else(|| crate::diag::did_you_mean(&id, ws.meetings.iter().map(|m| m.id.as_str())))
            .map(str::to_owned);
        return Err(NoticeError::UnknownMeeting { id, closest });
    };
    match &meeting.notice {
        Some(n) => Ok((meeting, n)),
        None => Err(NoticeError::NoNotice { id }),
    }
}

/// Builds the notice of a meeting that has one.
pub fn notice(ws: &Workspace, meeting: &Meeting, n: &crate::model::Notice) -> NoticeDocument {
    let committee = &ws.config.committee;
    let number = n.full_number(&committee.notice_suffix);
    let header = Header {
        parent: upper(&committee.parent),
        issuer: upper(&committee.name),
        number: format!("Số {number}"),
        party: PARTY,
        place_date: format!("{}, {}", committee.place.trim(), date_line(n.date.value)),
    };
    let recipients = recipient_lines(ws, meeting, n);
    NoticeDocument {
        meeting: meeting.id.clone(),
        header,
        doc_type: DOC_TYPE,
        subject: n.subject.trim().to_owned(),
        opening: opening(ws, meeting),
        parts: parts(ws, meeting),
        signature: Signature {
            on_behalf: format!("T/M {}", upper(&collective(committee))),
            title: upper(&n.signer_title),
            name: n.signer.trim().to_owned(),
        },
        recipients,
        date: n.date.value,
        number,
    }
}

/// Capitals as Party documents write names in headers; Rust's Unicode
/// upper-casing maps every Vietnamese letter (ư → Ư, đ → Đ, ỷ → Ỷ).
pub fn upper(s: &str) -> String {
    s.trim().to_uppercase()
}

/// "ngày 05 tháng 8 năm 2022", "ngày 20 tháng 02 năm 2026": a day below 10
/// and the months 1 and 2 take a leading zero, the other months do not
/// (Hướng dẫn 36-HD/VPTW, 03/4/2018, on the place and date of issue; its
/// appendix's example reads "ngày 20 tháng 02 năm 2018"). The zero keeps
/// "tháng 1" and "tháng 2" from being lengthened by hand into "tháng 10",
/// "tháng 11" or "tháng 12" on a signed copy.
pub fn date_line(d: NaiveDate) -> String {
    let month = match d.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// A period as the body of a document names it: "6 tháng đầu năm 2022",
/// "6 tháng cuối năm 2022", "năm 2025", "quý III năm 2025", "tháng 7 năm 2025".
pub fn period_phrase(p: crate::model::Period) -> String {
    use crate::model::Period;
    const QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];
    match p {
        Period::Year(y) => format!("năm {y}"),
        Period::Half(..) => p.label_vi(),
        Period::Quarter(y, q) => format!("quý {} năm {y}", QUARTERS[usize::from(q.clamp(1, 4) - 1)]),
        Period::Month(y, m) => format!("tháng {} năm {y}", m.clamp(1, 12)),
    }
}

/// "31/12/2022", as dates are written in the body of a document.
pub fn short_date(d: NaiveDate) -> String {
    format!("{}/{}/{}", d.day(), d.month(), d.year())
}

/// The committee's kind without its place: "Huyện ủy" of "Huyện ủy Lấp Vò".
fn committee_kind(c: &Committee) -> &str {
    c.name
        .trim()
        .strip_suffix(c.place.trim())
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .unwrap_or(c.name.trim())
}

/// The collectives a Party committee signs for: "T/M BAN THƯỜNG VỤ"
/// (Hướng dẫn 36-HD/VPTW's example of a notice), "T/M BAN CHẤP HÀNH",
/// "T/M THƯỜNG TRỰC". The committee's own name never follows, at any
/// level: the commune Party committees formed on 1/7/2025 sign "T/M BAN
/// THƯỜNG VỤ" too (seen in their issued documents, domain facts;
/// unconfirmed as a rule).
const COLLECTIVES: [&str; 3] = ["Ban Thường vụ", "Ban Chấp hành", "Thường trực"];

/// The collective that signs: the standing body without the committee it
/// belongs to ("Ban Thường vụ Huyện ủy", "Ban Thường vụ Đảng ủy" →
/// "Ban Thường vụ"), printed "T/M BAN THƯỜNG VỤ". A body of another name
/// loses the committee's kind when it ends with it, else stays whole.
fn collective(c: &Committee) -> String {
    let standing = c.standing.trim();
    let folded = fold(standing);
    if let Some(known) = COLLECTIVES.iter().find(|k| folded.starts_with(&fold(k))) {
        return (*known).to_owned();
    }
    let kind = committee_kind(c);
    match standing.strip_suffix(kind).map(str::trim) {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => standing.to_owned(),
    }
}

/// Level words that follow a commune committee's kind: "Đảng ủy xã Lấp Vò"
/// has the office "Văn phòng Đảng ủy", not "Văn phòng Đảng ủy xã".
const LEVELS: [&str; 4] = ["xã", "phường", "thị trấn", "đặc khu"];

/// The committee's office, which keeps the archive copy: "Văn phòng Huyện
/// ủy", "Văn phòng Tỉnh ủy", "Văn phòng Đảng ủy" (a Đảng ủy xã or phường
/// after 1/7/2025; domain facts, from issued documents: unconfirmed as a
/// rule, so `[document] archive` overrides it).
pub fn office(c: &Committee) -> String {
    let kind = committee_kind(c);
    let bare = LEVELS
        .iter()
        .find_map(|level| {
            let cut = kind.strip_suffix(level)?;
            cut.ends_with(' ').then(|| cut.trim_end())
        })
        .filter(|k| !k.is_empty())
        .unwrap_or(kind);
    format!("Văn phòng {bare}")
}

/// "Lưu Văn phòng Huyện ủy" (the committee's [`office`]) unless
/// `[document] archive` says otherwise.
fn archive_line(ws: &Workspace) -> String {
    match ws
        .config
        .document
        .archive
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        Some(a) => a.to_owned(),
        None => format!("Lưu {}", office(&ws.config.committee)),
    }
}

/// The meeting's participants by name, without the standing body itself
/// (it is the subject of the sentence).
fn counterparts(ws: &Workspace, meeting: &Meeting) -> Vec<String> {
    let standing = fold(&ws.config.committee.standing);
    let mut names: Vec<String> = Vec::new();
    for p in &meeting.participants {
        let name = ws.config.org_name(&p.value).to_owned();
        if fold(&name) != standing && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// "A, B và C".
fn join_vi(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

fn opening(ws: &Workspace, meeting: &Meeting) -> Vec<String> {
    let standing = ws.config.committee.standing.trim();
    let when = short_date(meeting.date.value);
    let others = join_vi(&counterparts(ws, meeting));
    let units: Vec<String> = meeting
        .units
        .iter()
        .map(|u| crate::i18n::unit_name(&ws.config, &u.value).into_owned())
        .collect();
    let met = match meeting.kind {
        MeetingType::Dialogue if !units.is_empty() => {
            let mut s = format!("đối thoại trực tiếp với Nhân dân {}", join_vi(&units));
            if !others.is_empty() {
                s.push_str(&format!(", có sự tham gia của {others}"));
            }
            s
        }
        MeetingType::Reception => {
            let mut s = "tiếp công dân".to_owned();
            if !units.is_empty() {
                s.push_str(&format!(" tại {}", join_vi(&units)));
            }
            s
        }
        _ if !others.is_empty() => format!("làm việc với {others}"),
        _ => "họp".to_owned(),
    };
    let topic = match meeting.period {
        Some(p) => format!(" về tình hình Nhân dân và công tác dân vận {}", period_phrase(p)),
        None => String::new(),
    };
    let mut first = format!("Ngày {when}, {standing} {met}{topic}.");
    if let Some(chair) = meeting.chair.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        first.push_str(&format!(" Chủ trì: đồng chí {chair}."));
    }
    let second = format!("Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, {standing} kết luận như sau:");
    vec![first, second]
}

fn parts(ws: &Workspace, meeting: &Meeting) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut push = |heading: &str, paragraphs: Vec<String>, groups: Vec<TaskGroup>| {
        let number = (parts.len() + 1).to_string();
        let groups = groups
            .into_iter()
            .enumerate()
            .map(|(i, g)| TaskGroup {
                number: format!("{number}.{}", i + 1),
                ..g
            })
            .collect();
        parts.push(Part {
            number,
            heading: heading.to_owned(),
            paragraphs,
            groups,
        });
    };
    let text = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(paragraphs);
    if let Some(ps) = text(&meeting.situation) {
        push("Về tình hình Nhân dân", ps, Vec::new());
    }
    if let Some(ps) = text(&meeting.assessment) {
        push("Đánh giá chung", ps, Vec::new());
    }
    let groups = task_groups(ws, meeting);
    if !groups.is_empty() {
        push("Nhiệm vụ thời gian tới", Vec::new(), groups);
    }
    parts
}

/// A field's text as paragraphs: blank lines separate them.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The tasks grouped by assignee, in the order assignees first appear.
fn task_groups(ws: &Workspace, meeting: &Meeting) -> Vec<TaskGroup> {
    let mut groups: Vec<TaskGroup> = Vec::new();
    for (i, c) in meeting.conclusions.iter().enumerate() {
        let id = c.assignee.value.as_str();
        let at = match groups.iter().position(|g| g.assignee_id == id) {
            Some(at) => at,
            None => {
                groups.push(TaskGroup {
                    number: String::new(),
                    assignee_id: id.to_owned(),
                    assignee: ws.config.org_name(id).to_owned(),
                    tasks: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        let due = c.due.as_ref().map(|d| d.value);
        group.tasks.push(NoticeTask {
            label: letter(group.tasks.len()),
            index: i + 1,
            text: c.text.split_whitespace().collect::<Vec<_>>().join(" "),
            due,
            due_text: due.map(|d| format!("Thời hạn: trước ngày {}.", short_date(d))),
        });
    }
    groups
}

/// "a", "b", … "z", then "aa", "ab", … (Vietnamese lists use Latin letters).
fn letter(i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    if i < LETTERS.len() {
        (LETTERS[i] as char).to_string()
    } else {
        format!(
            "{}{}",
            letter(i / LETTERS.len() - 1),
            LETTERS[i % LETTERS.len()] as char
        )
    }
}

/// "Nơi nhận": the notice's recipients, then every assignee not already
/// among them, then the archive copy; "- X," each, the last "- Lưu … .".
fn recipient_lines(ws: &Workspace, meeting: &Meeting, n: &crate::model::Notice) -> Vec<String> {
    // "Thường trực Tỉnh ủy (b/c)" names the same body as "Thường trực Tỉnh ủy".
    let key = |s: &str| {
        let s = s.trim();
        let bare = match s.rfind(" (") {
            Some(at) if s.ends_with(')') => &s[..at],
            _ => s,
        };
        fold(bare)
    };
    let mut names: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        let name = name.trim().trim_end_matches([',', '.', ';']).trim();
        let k = key(name);
        if !name.is_empty() && !keys.contains(&k) {
            keys.push(k);
            names.push(name.to_owned());
        }
    };
    for r in &n.recipients {
        add(r);
    }
    for c in &meeting.conclusions {
        add(ws.config.org_name(&c.assignee.value));
    }
    let archive = archive_line(ws);
    let mut lines: Vec<String> = names.iter().map(|r| format!("- {r},")).collect();
    lines.push(format!("- {}.", archive.trim_end_matches('.')));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn date_line_pads_the_day_and_the_months_one_and_two() {
        // Hướng dẫn 36-HD/VPTW: a day below 10 and the months 1 and 2 take a zero.
        assert_eq!(date_line(d("2026-02-05")), "ngày 05 tháng 02 năm 2026");
        assert_eq!(date_line(d("2018-02-20")), "ngày 20 tháng 02 năm 2018");
        assert_eq!(date_line(d("2026-01-09")), "ngày 09 tháng 01 năm 2026");
        assert_eq!(date_line(d("2026-01-10")), "ngày 10 tháng 01 năm 2026");
        // Months 3 to 12 are written as they are.
        assert_eq!(date_line(d("2022-08-05")), "ngày 05 tháng 8 năm 2022");
        assert_eq!(date_line(d("2022-03-01")), "ngày 01 tháng 3 năm 2022");
        assert_eq!(date_line(d("2022-12-20")), "ngày 20 tháng 12 năm 2022");
        // Dates in the body are not padded.
        assert_eq!(short_date(d("2022-08-05")), "5/8/2022");
        assert_eq!(short_date(d("2026-02-05")), "5/2/2026");
    }

    #[test]
    fn periods_as_a_document_names_them() {
        use crate::model::Period;
        assert_eq!(period_phrase(Period::Half(2022, 1)), "6 tháng đầu năm 2022");
        assert_eq!(period_phrase(Period::Half(2022, 2)), "6 tháng cuối năm 2022");
        assert_eq!(period_phrase(Period::Year(2025)), "năm 2025");
        assert_eq!(period_phrase(Period::Quarter(2025, 3)), "quý III năm 2025");
        assert_eq!(period_phrase(Period::Month(2025, 7)), "tháng 7 năm 2025");
    }

    #[test]
    fn vietnamese_capitals() {
        assert_eq!(upper("Đảng bộ tỉnh Đồng Tháp"), "ĐẢNG BỘ TỈNH ĐỒNG THÁP");
        assert_eq!(upper("Huyện ủy Lấp Vò"), "HUYỆN ỦY LẤP VÒ");
        assert_eq!(upper("Phó Bí thư"), "PHÓ BÍ THƯ");
    }

    #[test]
    fn letters_run_past_z() {
        assert_eq!(letter(0), "a");
        assert_eq!(letter(25), "z");
        assert_eq!(letter(26), "aa");
        assert_eq!(letter(27), "ab");
    }

    #[test]
    fn joins_with_va() {
        let s = |v: &[&str]| join_vi(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["A"]), "A");
        assert_eq!(s(&["A", "B", "C"]), "A, B và C");
    }

    fn committee(name: &str, standing: &str, place: &str) -> Committee {
        Committee {
            name: name.into(),
            parent: "Đảng bộ tỉnh Đồng Tháp".into(),
            standing: standing.into(),
            place: place.into(),
            notice_suffix: "TB/HU".into(),
            lang: None,
            utc_offset: None,
        }
    }

    #[test]
    fn collective_is_the_standing_body_without_its_committee() {
        let c = committee("Huyện ủy Lấp Vò", "Ban Thường vụ Huyện ủy", "Lấp Vò");
        assert_eq!(committee_kind(&c), "Huyện ủy");
        assert_eq!(collective(&c), "Ban Thường vụ");
        // A commune Party committee after 1/7/2025 signs "T/M BAN THƯỜNG VỤ"
        // too (issue 13 section 3; it used to get "T/M BAN THƯỜNG VỤ ĐẢNG ỦY").
        let xa = committee("Đảng ủy xã Lấp Vò", "Ban Thường vụ Đảng ủy", "Lấp Vò");
        assert_eq!(collective(&xa), "Ban Thường vụ");
        let xa = committee("Đảng ủy xã Lấp Vò", "Ban Thường vụ Đảng ủy xã Lấp Vò", "xã Lấp Vò");
        assert_eq!(collective(&xa), "Ban Thường vụ");
        let tinh = committee("Tỉnh ủy Đồng Tháp", "Ban Thường vụ Tỉnh ủy", "Đồng Tháp");
        assert_eq!(collective(&tinh), "Ban Thường vụ");
        assert_eq!(
            collective(&committee("Đảng ủy xã Lấp Vò", "Ban Chấp hành Đảng bộ xã", "Lấp Vò")),
            "Ban Chấp hành"
        );
        assert_eq!(
            collective(&committee("Huyện ủy Lấp Vò", "Thường trực Huyện ủy", "Lấp Vò")),
            "Thường trực"
        );
        // Another name: without the committee's kind when it ends with it.
        assert_eq!(
            collective(&committee("Huyện ủy Lấp Vò", "Tập thể lãnh đạo Huyện ủy", "Lấp Vò")),
            "Tập thể lãnh đạo"
        );
    }

    #[test]
    fn the_archive_copy_goes_to_the_committees_office() {
        assert_eq!(
            office(&committee("Huyện ủy Lấp Vò", "Ban Thường vụ Huyện ủy", "Lấp Vò")),
            "Văn phòng Huyện ủy"
        );
        assert_eq!(
            office(&committee("Tỉnh ủy Đồng Tháp", "Ban Thường vụ Tỉnh ủy", "Đồng Tháp")),
            "Văn phòng Tỉnh ủy"
        );
        // A Đảng ủy xã (or phường) keeps its archive at "Văn phòng Đảng ủy".
        assert_eq!(
            office(&committee("Đảng ủy xã Lấp Vò", "Ban Thường vụ Đảng ủy", "Lấp Vò")),
            "Văn phòng Đảng ủy"
        );
        assert_eq!(
            office(&committee("Đảng ủy xã Lấp Vò", "Ban Thường vụ Đảng ủy", "xã Lấp Vò")),
            "Văn phòng Đảng ủy"
        );
        assert_eq!(
            office(&committee("Đảng ủy phường Mỹ Tho", "Ban Thường vụ Đảng ủy", "Mỹ Tho")),
            "Văn phòng Đảng ủy"
        );
        assert_eq!(
            office(&committee("Đảng ủy thị trấn Lấp Vò", "Ban Thường vụ Đảng ủy", "Lấp Vò")),
            "Văn phòng Đảng ủy"
        );
        // Without a level word the kind stays whole.
        assert_eq!(
            office(&committee(
                "Đảng ủy Khối cơ quan tỉnh",
                "Ban Thường vụ Đảng ủy Khối",
                "tỉnh"
            )),
            "Văn phòng Đảng ủy Khối cơ quan"
        );
    }
}
