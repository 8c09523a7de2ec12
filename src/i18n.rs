//! Every user-facing word in Vietnamese and English.
//!
//! The language is chosen once per run (`--lang`, else the workspace's
//! `lang`, else Vietnamese) and read everywhere through [`lang`]; the
//! `tr!` macro picks the Vietnamese or English text of a message. JSON keys
//! and state values stay English whatever the language.

use crate::model::Lang;
use std::sync::atomic::{AtomicBool, Ordering};

static ENGLISH: AtomicBool = AtomicBool::new(false);

/// Sets the output language for the rest of the run.
pub fn set_lang(lang: Lang) {
    ENGLISH.store(lang == Lang::En, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if ENGLISH.load(Ordering::Relaxed) {
        Lang::En
    } else {
        Lang::Vi
    }
}

pub fn is_en() -> bool {
    lang() == Lang::En
}

/// `tr!("Vietnamese {x}", "English {x}")`: the message in the run's language.
macro_rules! tr {
    ($vi:literal, $en:literal $(,)?) => {
        if $crate::i18n::is_en() { format!($en) } else { format!($vi) }
    };
    ($vi:literal, $en:literal, $($arg:tt)+) => {
        if $crate::i18n::is_en() { format!($en, $($arg)+) } else { format!($vi, $($arg)+) }
    };
}
pub(crate) use tr;

/// A fixed word in the run's language.
pub fn word(vi: &'static str, en: &'static str) -> &'static str {
    if is_en() { en } else { vi }
}

use crate::model::*;

/// "20/7/2022" in Vietnamese, "2022-07-20" in English.
pub fn format_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if is_en() {
        // ISO 8601: chrono's Display, without parsing a format each time.
        d.to_string()
    } else {
        format!("{}/{}/{}", d.day(), d.month(), d.year())
    }
}

/// A unit's name as every output prints it: its name, and when another
/// unit has the same name (the old xã Tân Khánh Trung, until 30/6/2025, and
/// the new one, from 1/7/2025), its dates beside it. The id itself for an
/// unknown id.
pub fn unit_name<'a>(config: &'a Config, id: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(unit) = config.unit(id) else {
        return Cow::Borrowed(id);
    };
    if !config.name_is_shared(id) {
        return Cow::Borrowed(&unit.name);
    }
    let when = match (&unit.since, &unit.until) {
        (Some(s), Some(u)) => tr!("{} đến {}", "{} to {}", format_date(s.value), format_date(u.value)),
        (None, Some(u)) => tr!("đến {}", "until {}", format_date(u.value)),
        (Some(s), None) => tr!("từ {}", "from {}", format_date(s.value)),
        (None, None) => id.to_owned(),
    };
    Cow::Owned(format!("{} ({when})", unit.name))
}

/// The word for a closed-set value in the run's language.
pub trait Label: Copy {
    fn label(self) -> &'static str;
}

macro_rules! labels {
    ($ty:ty { $($variant:ident => $vi:literal, $en:literal;)+ }) => {
        impl Label for $ty {
            fn label(self) -> &'static str {
                match self { $(<$ty>::$variant => word($vi, $en)),+ }
            }
        }
    };
}

labels!(Kind {
    Model => "Mô hình", "Models";
    Meeting => "Hội nghị", "Meetings";
    Petition => "Đơn thư", "Petitions";
    Conclusion => "Nhiệm vụ kết luận", "Conclusion tasks";
});

labels!(ModelStatus {
    Planned => "dự kiến", "planned";
    Active => "đang thực hiện", "active";
    Completed => "hoàn thành", "completed";
    Suspended => "tạm dừng", "suspended";
    Dropped => "dừng hẳn", "dropped";
});

labels!(Recognition {
    Commune => "cấp xã", "commune";
    District => "cấp huyện", "district";
    Province => "cấp tỉnh", "province";
    National => "toàn quốc", "national";
});

labels!(MeetingType {
    Review => "sơ kết, tổng kết", "review";
    Dialogue => "đối thoại", "dialogue";
    Reception => "tiếp công dân", "reception";
    Conference => "hội nghị", "conference";
});

labels!(PetitionType {
    Complaint => "khiếu nại", "complaint";
    Denunciation => "tố cáo", "denunciation";
    Recommendation => "kiến nghị, phản ánh", "recommendation";
});

labels!(Channel {
    Mail => "qua bưu điện", "mail";
    Reception => "tiếp công dân", "reception";
    Dialogue => "đối thoại", "dialogue";
    Online => "trực tuyến", "online";
    Transfer => "chuyển đến", "transfer";
});

labels!(Outcome {
    Upheld => "đúng", "upheld";
    PartlyUpheld => "đúng một phần", "partly upheld";
    Rejected => "sai", "rejected";
    Withdrawn => "rút đơn", "withdrawn";
    Transferred => "chuyển đơn", "transferred";
    NotAccepted => "không thụ lý", "not accepted";
});

labels!(PetitionState {
    AwaitingAcceptance => "chờ thụ lý", "awaiting acceptance";
    AcceptanceOverdue => "quá hạn thụ lý", "acceptance overdue";
    Open => "đang giải quyết", "open";
    DueSoon => "sắp đến hạn", "due soon";
    Overdue => "quá hạn", "overdue";
    ResolvedOnTime => "giải quyết đúng hạn", "resolved on time";
    ResolvedLate => "giải quyết trễ hạn", "resolved late";
});

labels!(TaskState {
    Done => "hoàn thành", "done";
    DoneLate => "hoàn thành trễ", "done late";
    Open => "đang thực hiện", "open";
    DueSoon => "sắp đến hạn", "due soon";
    Overdue => "quá hạn", "overdue";
});

labels!(Direction {
    AtLeast => "tối thiểu", "at least";
    AtMost => "tối đa", "at most";
});

/// The label of any closed-set word given as its record spelling (for
/// group keys that mix kinds); the spelling itself when unknown.
pub fn label_of(spelling: &str) -> String {
    fn find<K: Keyword + Label>(s: &str) -> Option<&'static str> {
        K::parse(s).map(Label::label)
    }
    find::<PetitionState>(spelling)
        .or_else(|| find::<TaskState>(spelling))
        .or_else(|| find::<ModelStatus>(spelling))
        .or_else(|| find::<MeetingType>(spelling))
        .or_else(|| find::<PetitionType>(spelling))
        .map_or_else(|| spelling.to_owned(), str::to_owned)
}

labels!(TargetStatus {
    Achieved => "đã đạt", "achieved";
    OnTrack => "đúng tiến độ", "on track";
    Behind => "chậm tiến độ", "behind";
    Missed => "không đạt", "missed";
    NoData => "chưa có số liệu", "no data";
});

/// Why an operation on a file failed, in the run's language, without the
/// OS's error number: what a civil servant can act on.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let (vi, en) = match e.kind() {
        K::NotFound => ("không tồn tại", "it does not exist"),
        K::PermissionDenied => ("không có quyền", "permission denied"),
        K::AlreadyExists => ("đã có", "it exists already"),
        K::StorageFull | K::QuotaExceeded => ("ổ đĩa đã đầy", "the disk is full"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
        K::IsADirectory => ("là một thư mục", "it is a folder"),
        K::NotADirectory => (
            "một phần của đường dẫn là tệp, không phải thư mục",
            "part of the path is a file, not a folder",
        ),
        K::DirectoryNotEmpty => ("thư mục không rỗng", "the folder is not empty"),
        K::InvalidFilename => ("tên không hợp lệ", "the name is not valid"),
        K::FileTooLarge => ("tệp quá lớn", "the file is too large"),
        K::BrokenPipe => ("đầu nhận đã đóng", "the receiving end is closed"),
        _ => {
            let text = e.to_string();
            let text = text.find(" (os error").map_or(text.as_str(), |i| &text[..i]).to_owned();
            return if is_en() {
                text
            } else {
                format!("lỗi hệ thống ({text})")
            };
        }
    };
    word(vi, en).to_owned()
}

/// What to do when a file or folder cannot be written, by why.
pub fn write_advice(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => word(
            "ghi vào nơi khác, hoặc xin quyền ghi thư mục này",
            "write somewhere else, or get write access to this folder",
        ),
        K::StorageFull | K::QuotaExceeded => word(
            "giải phóng chỗ trống trên ổ đĩa rồi chạy lại",
            "free some space on the disk and run again",
        ),
        K::AlreadyExists => word(
            "chọn tên khác, hoặc xóa tệp đó",
            "choose another name, or remove that file",
        ),
        K::NotADirectory | K::NotFound => word(
            "kiểm tra đường dẫn: mỗi phần trước tên tệp phải là một thư mục",
            "check the path: every part before the file name must be a folder",
        ),
        _ => word(
            "kiểm tra đường dẫn và quyền ghi, rồi chạy lại",
            "check the path and the write access, then run again",
        ),
    }
}
