//! Diagnostics: what `check` reports. Data only; `render::diagnostics`
//! prints them as human text, JSON or GitHub annotations.

use serde::Serialize;
use std::ops::Range;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident, $name:literal, $explain:literal, $explain_vi:literal;)+) => {
        /// Every diagnostic code, stable across versions: scripts and CI
        /// filters may depend on them. Each has `danvan check --explain CODE`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $($variant),+ }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),+ }
            }

            /// A short kebab-case name, also accepted by `--explain`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name),+ }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev),+ }
            }

            /// What the code means and how to fix it.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explain),+ }
            }

            /// [`Code::explanation`] in Vietnamese.
            pub fn explanation_vi(self) -> &'static str {
                match self { $(Code::$variant => $explain_vi),+ }
            }
        }
    };
}

codes! {
    NoWorkspace = "E001", Error, "no-workspace",
        "The folder has no danvan.toml, so it is not a danvan workspace, and nothing in it was read. Point --records (or DANVAN_RECORDS) at the folder that holds danvan.toml, or make a new workspace with `danvan init DIR`.",
        "Thư mục không có danvan.toml nên không phải không gian hồ sơ danvan, và không tệp nào trong đó được đọc. Chỉ --records (hoặc DANVAN_RECORDS) tới thư mục chứa danvan.toml, hoặc tạo không gian hồ sơ mới bằng `danvan init THƯ_MỤC`.";
    Unreadable = "E002", Error, "unreadable",
        "A file or folder could not be read: a permission, a file that vanished during the run, or something that is not a regular file. Fix the permissions or move the entry out of the workspace.",
        "Không đọc được một tệp hay thư mục: thiếu quyền đọc, tệp bị xóa trong lúc chạy, hoặc không phải tệp thường. Sửa quyền đọc hoặc chuyển nó ra khỏi không gian hồ sơ.";
    NotUtf8 = "E003", Error, "not-utf8",
        "Records must be UTF-8 text. Re-save the file as UTF-8 (in most editors: Save with encoding → UTF-8).",
        "Hồ sơ phải là văn bản UTF-8. Lưu lại tệp với bảng mã UTF-8 (trong phần lớn trình soạn thảo: Lưu với bảng mã → UTF-8).";
    TooLarge = "E004", Error, "too-large",
        "A record file is over 1 MiB, far more than any record needs; no more than its first MiB was read, and none of it is used. Split it, or remove what was pasted into it by mistake.",
        "Tệp hồ sơ lớn hơn 1 MiB, quá nhiều so với mọi hồ sơ; không đọc quá 1 MiB đầu và không dùng phần nào của nó. Tách tệp, hoặc xóa phần dán nhầm vào.";
    EmptyFile = "E005", Error, "empty-file",
        "The file is empty. Fill it in (danvan new KIND writes a template) or delete it.",
        "Tệp rỗng. Điền nội dung (danvan new LOẠI tạo sẵn mẫu) hoặc xóa tệp.";
    Syntax = "E010", Error, "syntax",
        "The file is not valid TOML. Look at the marked position: a missing quote, bracket or comma, or a duplicate key are the usual causes.",
        "Tệp không đúng cú pháp TOML. Xem vị trí được đánh dấu: thường là thiếu dấu ngoặc kép, dấu ngoặc vuông hay dấu phẩy, hoặc một khóa ghi hai lần.";
    WrongType = "E011", Error, "wrong-type",
        "A value has the wrong type: text where a number is expected, a number where a list is expected, and so on. Write it as the help says.",
        "Giá trị sai kiểu: văn bản ở chỗ cần số, số ở chỗ cần danh sách, v.v. Ghi lại theo gợi ý.";
    MissingField = "E012", Error, "missing-field",
        "A required field is absent. Add it; SPEC section 2 and `danvan schema` list the fields of each record.",
        "Thiếu một trường bắt buộc. Thêm trường đó; mục 2 của SPEC và `danvan schema` liệt kê các trường của từng loại hồ sơ.";
    UnknownKey = "E013", Error, "unknown-key",
        "The key is not part of the record format, usually a typo. Rename it as suggested or remove it.",
        "Khóa không có trong định dạng hồ sơ, thường do gõ nhầm. Đổi tên theo gợi ý hoặc xóa đi.";
    QuotedDate = "E014", Error, "quoted-date",
        "Dates are TOML dates, written without quotes: started = 2022-07-12, not \"2022-07-12\".",
        "Ngày là ngày TOML, ghi không có dấu ngoặc kép: started = 2022-07-12, không phải \"2022-07-12\".";
    BadEnum = "E015", Error, "bad-value",
        "The value is not one of the words this field accepts. The help lists them.",
        "Giá trị không thuộc các từ mà trường này nhận. Phần gợi ý liệt kê các từ đó.";
    BadFormat = "E016", Error, "bad-format",
        "The value has the right type but not the right form (a period like 2022-H1, an offset like +07:00, a positive number). The help shows the form.",
        "Giá trị đúng kiểu nhưng sai dạng (kỳ như 2022-H1, múi giờ như +07:00, một số trong khoảng cho phép). Phần gợi ý cho thấy dạng đúng.";
    DuplicateId = "E020", Error, "duplicate-id",
        "Two records of one kind have the same id (file name without .toml), or two units or organisations share an id. Rename one.",
        "Hai hồ sơ cùng loại có cùng mã (tên tệp bỏ .toml), hoặc hai đơn vị hay tổ chức trùng mã. Đổi tên một trong hai.";
    UnknownRef = "E021", Error, "unknown-reference",
        "The record names a unit, organisation or meeting id that the workspace does not define. Fix the id or add the unit or organisation to danvan.toml.",
        "Hồ sơ ghi mã đơn vị, tổ chức hay hội nghị mà không gian hồ sơ không khai báo. Sửa mã, hoặc khai báo đơn vị, tổ chức đó trong danvan.toml.";
    DateOrder = "E030", Error, "date-order",
        "Two dates are in an impossible order (resolved before received, done before the meeting, …). One of them is mistyped.",
        "Hai ngày theo thứ tự không thể có (giải quyết trước khi nhận, hoàn thành trước hội nghị, …). Một trong hai ngày bị gõ nhầm.";
    Recognition = "E031", Error, "recognition",
        "`recognition` (the Dân vận khéo level) and `recognized` (its date) go together: set both or neither.",
        "`recognition` (cấp công nhận Dân vận khéo) và `recognized` (ngày công nhận) đi cùng nhau: ghi cả hai hoặc không ghi cả hai.";
    Round = "E032", Error, "round",
        "`round` is 1 or 2 and only for complaints (khiếu nại lần đầu, lần hai).",
        "`round` là 1 hoặc 2 và chỉ dùng cho khiếu nại (khiếu nại lần đầu, lần hai).";
    Measure = "E040", Error, "bad-measure",
        "A target's measure is malformed: it must be one of count, share, coverage, sum or manual, over models, meetings, petitions or conclusions, with the keys that measure takes.",
        "Cách đo của chỉ tiêu sai dạng: phải là một trong count, share, coverage, sum hoặc manual, trên models, meetings, petitions hoặc conclusions, với các khóa mà cách đo đó nhận.";
    FilterKey = "E041", Error, "bad-filter-key",
        "A target filters on a key that records of that kind do not have. The help lists the keys of the kind.",
        "Chỉ tiêu lọc theo một khóa mà loại hồ sơ đó không có. Phần gợi ý liệt kê các khóa của loại hồ sơ.";
    FilterValue = "E042", Error, "bad-filter-value",
        "A target filters on a value that the key can never take (a status, state or type that does not exist, an unknown unit or organisation).",
        "Chỉ tiêu lọc theo một giá trị mà khóa không bao giờ nhận (trạng thái, loại không có, đơn vị hay tổ chức không khai báo).";
    ManualNoData = "E043", Error, "manual-without-observations",
        "A manual target needs at least one [[target.observation]] with a date and a value.",
        "Chỉ tiêu nhập tay cần ít nhất một [[target.observation]] có ngày và giá trị.";
    TargetDates = "E044", Error, "target-dates",
        "A target's deadline falls before its baseline date.",
        "Hạn của chỉ tiêu trước ngày của số liệu gốc.";
    WorkdayNotSaturday = "E034", Error, "workday-not-saturday",
        "A `workdays` entry in [calendar] is not a Saturday. `workdays` lists the Saturdays worked to make up a day off; days off go in `holidays`.",
        "Một ngày trong `workdays` của [calendar] không phải thứ Bảy. `workdays` chỉ ghi các ngày thứ Bảy đi làm bù; ngày nghỉ ghi vào `holidays`.";
    OutcomeUnresolved = "E035", Error, "outcome-without-resolved",
        "A petition has an `outcome` but no `resolved` date: an outcome is known once the petition is resolved. Add the date it was resolved, or remove the outcome.",
        "Đơn có `outcome` (kết quả) mà không có ngày `resolved` (giải quyết xong): kết quả chỉ có khi đơn đã giải quyết. Thêm ngày giải quyết, hoặc bỏ kết quả.";
    UnitMerge = "E036", Error, "unit-merge",
        "A unit's `merged_into` cannot be followed: the unit is merged into itself or into a unit merged back into it, it has no `until` (the last day it existed), or the unit it joins did not exist yet the day after. Fix the ids or the dates of the reorganisation.",
        "Không theo được `merged_into` của một đơn vị: đơn vị sáp nhập vào chính nó hoặc vào một đơn vị lại sáp nhập ngược vào nó, thiếu `until` (ngày cuối còn tồn tại), hoặc đơn vị nhận sáp nhập chưa có vào ngày hôm sau. Sửa mã hoặc ngày của đợt sắp xếp.";
    NoticeNumber = "E050", Error, "duplicate-notice-number",
        "Two notices carry the same number in the same year; document numbers restart each year but never repeat within one.",
        "Hai thông báo cùng số trong cùng một năm; số văn bản bắt đầu lại mỗi năm nhưng không lặp lại trong năm.";
    Member = "E060", Error, "bad-member",
        "A [[member]] of a province workspace names a folder that does not exist, that holds no danvan.toml (so it is not a workspace), that is the province workspace itself, or that another member names already. The path is relative to the danvan.toml that lists it; clone the committee's repository there (git submodule add URL PATH), or fix the path.",
        "Một [[member]] của không gian hồ sơ cấp tỉnh chỉ tới thư mục không có, không chứa danvan.toml (nên không phải không gian hồ sơ), chính là không gian cấp tỉnh, hoặc đã được thành viên khác chỉ tới. Đường dẫn tính từ danvan.toml liệt kê nó; sao chép kho hồ sơ của cấp ủy vào đó (git submodule add URL ĐƯỜNG_DẪN), hoặc sửa đường dẫn.";
    CalendarGap = "W001", Warning, "calendar-gap",
        "A deadline depends on the days off of a year for which [calendar] lists no holidays: danvan counted it with the statutory days off of that year (Labour Code 2019 art. 111–112, Tết and Giỗ Tổ from the lunar calendar) and marks it provisional in every output, since the government's announcement may differ. Calendar-day limits count too: one that ends on a day off moves to the next working day. When the year is announced, add its days off to danvan.toml.",
        "Một thời hạn phụ thuộc vào ngày nghỉ của một năm mà [calendar] không liệt kê: danvan tính theo ngày nghỉ luật định của năm đó (Bộ luật Lao động 2019 điều 111–112, Tết và Giỗ Tổ theo âm lịch) và ghi là tạm tính ở mọi nơi in ra, vì thông báo của Chính phủ có thể khác. Thời hạn tính theo ngày lịch cũng vậy: hạn rơi vào ngày nghỉ thì lùi sang ngày làm việc kế tiếp. Khi năm đó được công bố, thêm ngày nghỉ của năm vào danvan.toml.";
    Ignored = "W002", Warning, "ignored-file",
        "Records were left unread: a .toml file sits where no record kind lives (records belong under models/, meetings/ or petitions/), a file is named nearly like a record (x.TOML, x.toml.txt), or a link points out of the workspace. Move or rename it.",
        "Có hồ sơ không được đọc: một tệp .toml nằm ngoài nơi của các loại hồ sơ (hồ sơ thuộc models/, meetings/ hoặc petitions/), một tệp tên gần giống tệp hồ sơ (x.TOML, x.toml.txt), hoặc một liên kết trỏ ra ngoài không gian hồ sơ. Chuyển hoặc đổi tên nó.";
    Extensions = "W003", Warning, "extensions",
        "An extension that Luật Tố cáo 2018 art. 30 does not allow as written: it allows one extension for a complex case (complex = true) and two for an especially complex one (especially_complex = true), each at most 30 days and decided by the deadline it extends, and only denunciations are extended. An extension beyond the case's complexity still counts (the decision was made: set the flag the help names); a third never counts; one longer than 30 days counts as 30. A warning, so no register stops for it.",
        "Một lần gia hạn không đúng Luật Tố cáo 2018 điều 30: vụ việc phức tạp (complex = true) được gia hạn một lần, đặc biệt phức tạp (especially_complex = true) hai lần, mỗi lần không quá 30 ngày và quyết định trước khi hết thời hạn được gia hạn; chỉ đơn tố cáo mới được gia hạn. Lần gia hạn vượt mức độ phức tạp vẫn được tính (quyết định đã có: đặt cờ mà phần gợi ý nêu); lần thứ ba không bao giờ được tính; lần dài hơn 30 ngày được tính là 30. Là cảnh báo, nên không sổ nào dừng vì nó.";
    ListedTwice = "W004", Warning, "listed-twice",
        "A record lists the same unit or organisation twice. Remove the repeat: it counts once.",
        "Hồ sơ ghi một đơn vị hay tổ chức hai lần. Xóa chỗ lặp: nó chỉ được tính một lần.";
    LookAlike = "W005", Warning, "look-alike",
        "Two units have ids that differ only by case, or two organisations have one name: readers cannot tell them apart. Give each its own id and name, or merge them.",
        "Hai đơn vị có mã chỉ khác nhau chữ hoa chữ thường, hoặc hai tổ chức cùng một tên: người đọc không phân biệt được. Đặt mã và tên riêng cho từng cái, hoặc gộp lại.";
    BeforeUnit = "W006", Warning, "before-unit",
        "A record is dated before the unit it names existed (its `since`): the unit id is probably that of the unit it replaced, or the date is mistyped.",
        "Hồ sơ có ngày trước khi đơn vị nó ghi được thành lập (`since`): có lẽ mã đơn vị là của đơn vị cũ, hoặc ngày bị gõ nhầm.";
    UpdatesOrder = "W007", Warning, "updates-order",
        "A model's [[update]] entries are not in date order, oldest first, or a denunciation's extensions are not. Reorder them so the history reads as it happened.",
        "Các mục [[update]] của mô hình, hoặc các lần gia hạn của đơn tố cáo, không theo thứ tự ngày, cũ trước. Sắp xếp lại cho đúng trình tự.";
    ObservationsUnused = "W008", Warning, "observations-unused",
        "A target that is not measured by hand (`manual`) has [[target.observation]] entries: its figure is computed from the records, so they are not used. Remove them, or make the measure manual.",
        "Chỉ tiêu không đo thủ công (`manual`) mà có [[target.observation]]: số liệu của nó tính từ hồ sơ, nên các quan sát này không được dùng. Xóa chúng, hoặc đổi cách đo thành manual.";
}

/// One problem found in the records.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    /// The file, as the user can open it.
    pub file: Option<PathBuf>,
    /// Byte range in the file, when the problem has a position.
    pub span: Option<Range<usize>>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            message: message.into(),
            file: None,
            span: None,
            help: None,
        }
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Diagnostic {
        self.file = Some(file.into());
        self
    }

    pub fn at(mut self, span: Range<usize>) -> Diagnostic {
        self.span = Some(span);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// Finds the closest word among `candidates`, for "did you mean".
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let names: HashSet<_> = Code::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(codes.len(), Code::ALL.len());
        assert_eq!(names.len(), Code::ALL.len());
    }

    /// `danvan check --explain` has something to say for every code, which
    /// it finds by code (a letter and three digits) or by name (kebab-case,
    /// and never another code's spelling).
    #[test]
    fn every_code_is_explained() {
        for c in Code::ALL {
            for text in [c.explanation(), c.explanation_vi()] {
                assert!(
                    text.len() > 20 && text.trim() == text && text.ends_with('.'),
                    "{}: {text:?}",
                    c.as_str()
                );
            }
            assert_ne!(c.explanation(), c.explanation_vi(), "{}", c.as_str());
            let (letter, digits) = c.as_str().split_at(1);
            assert!(
                ["E", "W"].contains(&letter) && digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                c.as_str()
            );
            assert!(
                c.name().starts_with(|ch: char| ch.is_ascii_lowercase())
                    && c.name()
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
                    && !Code::ALL.iter().any(|o| o.as_str().eq_ignore_ascii_case(c.name())),
                "{}: the name {:?} is not a kebab-case word",
                c.as_str(),
                c.name()
            );
        }
    }

    #[test]
    fn code_letter_matches_severity() {
        for c in Code::ALL {
            let letter = if c.severity() == Severity::Error { 'E' } else { 'W' };
            assert!(c.as_str().starts_with(letter), "{}", c.as_str());
        }
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(did_you_mean("titel", ["title", "units"]), Some("title"));
        assert_eq!(did_you_mean("xyz", ["title", "units"]), None);
    }
}
