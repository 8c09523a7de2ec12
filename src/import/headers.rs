//! Which column holds which field: the built-in header sets of each kind
//! (Vietnamese and English, matched without accents or case), a `--map`
//! file for any other sheet, and finding the header row under a title block.

use crate::load::sheet::Sheet;
use crate::model::Kind;
use serde::Deserialize;
use std::collections::BTreeMap;

/// How a field's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// The record's id (a column of an export): kept as the file name.
    Id,
    /// A register number (số đơn, số vào sổ): the row's key for re-imports.
    Number,
    Text,
    /// Free text that is personal data: only ever in `[petitioner]`.
    Personal,
    Date,
    Dates,
    Bool,
    Int,
    /// Words from a closed set, mapped by [`super::values`].
    Word,
    Period,
    Unit,
    Units,
    Org,
    Orgs,
    /// Slugs (tags, field).
    Slug,
    Slugs,
    /// Texts separated by `;` or new lines (notice recipients).
    Texts,
    /// A number, one indicator (`indicators.households`).
    Float,
    /// `name=value;…`, as export writes indicators.
    Indicators,
    /// "245-TB/HU" or "245": a notice number without the committee's suffix.
    NoticeNumber,
    /// The meeting a conclusion row belongs to (the conclusions sheet).
    MeetingRef,
    /// A conclusion's place in its meeting (ordering only).
    Ordinal,
}

/// One field a column can fill: its key in the record (`petitioner.name`,
/// `notice.date`) and the headers that name it.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub value: Value,
    pub headers: &'static [&'static str],
}

const fn f(key: &'static str, value: Value, headers: &'static [&'static str]) -> Field {
    Field { key, value, headers }
}

use Value as V;

pub const PETITION: &[Field] = &[
    f("id", V::Id, &["id", "ma don", "ma ho so"]),
    f(
        "number",
        V::Number,
        &[
            "so don",
            "so vao so",
            "so ho so",
            "so so",
            "so",
            "so ky hieu",
            "register number",
            "register no",
            "number",
            "no",
        ],
    ),
    f(
        "type",
        V::Word,
        &["loai don", "loai", "phan loai", "phan loai don", "type", "loai don thu"],
    ),
    f("round", V::Int, &["lan", "lan giai quyet", "lan khieu nai", "round"]),
    f(
        "received",
        V::Date,
        &[
            "ngay nhan",
            "ngay nhan don",
            "ngay tiep nhan",
            "ngay den",
            "ngay vao so",
            "received",
            "date received",
        ],
    ),
    f(
        "channel",
        V::Word,
        &["nguon don", "nguon", "hinh thuc nhan", "hinh thuc tiep nhan", "channel"],
    ),
    f(
        "units",
        V::Units,
        &[
            "xa thi tran",
            "xa",
            "xa phuong",
            "don vi",
            "dia ban",
            "units",
            "unit",
            "commune",
        ],
    ),
    f("field", V::Slug, &["linh vuc", "field"]),
    f(
        "summary",
        V::Text,
        &[
            "noi dung",
            "noi dung don",
            "noi dung tom tat",
            "tom tat noi dung",
            "tom tat",
            "trich yeu",
            "summary",
        ],
    ),
    f("complex", V::Bool, &["phuc tap", "vu viec phuc tap", "complex"]),
    f("remote", V::Bool, &["vung sau vung xa", "vung sau", "remote"]),
    f(
        "handler",
        V::Org,
        &[
            "co quan giai quyet",
            "co quan thu ly",
            "don vi giai quyet",
            "tham quyen giai quyet",
            "co quan xu ly",
            "handler",
        ],
    ),
    f("meeting", V::Text, &["meeting", "hoi nghi", "neu tai hoi nghi"]),
    f("accepted", V::Date, &["ngay thu ly", "thu ly", "accepted"]),
    f("extensions", V::Dates, &["gia han", "ngay gia han", "extensions"]),
    f(
        "resolved",
        V::Date,
        &[
            "ngay giai quyet",
            "ngay giai quyet xong",
            "ngay ket thuc",
            "ngay tra loi",
            "resolved",
        ],
    ),
    f("outcome", V::Word, &["ket qua", "ket qua giai quyet", "outcome"]),
    f(
        "petitioner.name",
        V::Personal,
        &[
            "ho ten",
            "ho va ten",
            "nguoi gui",
            "nguoi gui don",
            "nguoi dung don",
            "ten nguoi gui",
            "name",
        ],
    ),
    f(
        "petitioner.address",
        V::Personal,
        &["dia chi", "dia chi nguoi gui", "address"],
    ),
    f(
        "petitioner.phone",
        V::Personal,
        &["so dien thoai", "dien thoai", "sdt", "phone"],
    ),
    f("petitioner.email", V::Personal, &["email", "e mail", "thu dien tu"]),
    f("petitioner.note", V::Personal, &["ghi chu", "note"]),
];

pub const MODEL: &[Field] = &[
    f("id", V::Id, &["id", "ma mo hinh"]),
    f("number", V::Number, &["so dang ky", "so", "number", "register number"]),
    f(
        "title",
        V::Text,
        &["ten mo hinh", "mo hinh", "ten", "title", "ten mo hinh dan van kheo"],
    ),
    f(
        "units",
        V::Units,
        &["don vi", "dia ban", "xa thi tran", "noi thuc hien", "units"],
    ),
    f(
        "lead",
        V::Org,
        &[
            "to chuc chu tri",
            "don vi chu tri",
            "co quan chu tri",
            "chu tri",
            "don vi dang ky",
            "lead",
        ],
    ),
    f(
        "started",
        V::Date,
        &[
            "ngay bat dau",
            "bat dau",
            "ngay trien khai",
            "ngay xay dung",
            "thoi gian bat dau",
            "started",
        ],
    ),
    f("ended", V::Date, &["ngay ket thuc", "ket thuc", "ended"]),
    f("status", V::Word, &["trang thai", "tinh trang", "status"]),
    f("recognition", V::Word, &["cap cong nhan", "cong nhan", "recognition"]),
    f("recognized", V::Date, &["ngay cong nhan", "recognized"]),
    f("tags", V::Slugs, &["nhan", "linh vuc", "tags"]),
    f(
        "summary",
        V::Text,
        &["noi dung", "tom tat", "noi dung mo hinh", "summary"],
    ),
    f("source", V::Text, &["nguon", "source"]),
    f("indicators", V::Indicators, &["indicators", "chi so"]),
    f(
        "indicators.households",
        V::Float,
        &["so ho", "so ho tham gia", "households"],
    ),
];

pub const MEETING: &[Field] = &[
    f("id", V::Id, &["id", "ma hoi nghi"]),
    f("number", V::Number, &["so", "number", "register number"]),
    f(
        "title",
        V::Text,
        &[
            "ten hoi nghi",
            "tieu de",
            "ten cuoc hop",
            "hoi nghi",
            "noi dung",
            "title",
        ],
    ),
    f("type", V::Word, &["loai", "loai hoi nghi", "hinh thuc", "type"]),
    f(
        "date",
        V::Date,
        &["ngay", "ngay hop", "ngay to chuc", "thoi gian", "date"],
    ),
    f("period", V::Period, &["ky", "ky danh gia", "period"]),
    f("units", V::Units, &["dia ban", "don vi", "xa thi tran", "units"]),
    f("chair", V::Text, &["chu tri", "nguoi chu tri", "chair"]),
    f(
        "participants",
        V::Orgs,
        &["thanh phan", "cac to chuc tham gia", "participants"],
    ),
    f(
        "attendance",
        V::Int,
        &[
            "so nguoi du",
            "so nguoi tham du",
            "so dan tham du",
            "so luot cong dan",
            "attendance",
        ],
    ),
    f("situation", V::Text, &["tinh hinh nhan dan", "situation"]),
    f("assessment", V::Text, &["danh gia", "assessment"]),
    f(
        "notice.number",
        V::NoticeNumber,
        &["so thong bao", "notice number", "notice_number"],
    ),
    f(
        "notice.date",
        V::Date,
        &["ngay thong bao", "notice date", "notice_date"],
    ),
    f(
        "notice.subject",
        V::Text,
        &["trich yeu thong bao", "notice subject", "notice_subject"],
    ),
    f(
        "notice.signer",
        V::Text,
        &["nguoi ky", "notice signer", "notice_signer"],
    ),
    f(
        "notice.signer_title",
        V::Text,
        &["chuc vu nguoi ky", "notice signer title", "notice_signer_title"],
    ),
    f(
        "notice.recipients",
        V::Texts,
        &["noi nhan", "notice recipients", "notice_recipients"],
    ),
];

/// The tasks of a workbook's conclusions sheet, joined to their meetings by id.
pub const CONCLUSION: &[Field] = &[
    f("meeting", V::MeetingRef, &["meeting", "ma hoi nghi", "hoi nghi"]),
    f("number", V::Ordinal, &["number", "stt"]),
    f("text", V::Text, &["text", "nhiem vu", "noi dung", "noi dung nhiem vu"]),
    f(
        "assignee",
        V::Org,
        &["assignee", "co quan duoc giao", "don vi thuc hien", "duoc giao"],
    ),
    f("due", V::Date, &["due", "han", "thoi han", "han hoan thanh"]),
    f("done", V::Date, &["done", "ngay hoan thanh", "hoan thanh"]),
];

pub fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Model => MODEL,
        Kind::Meeting => MEETING,
        Kind::Petition => PETITION,
        Kind::Conclusion => CONCLUSION,
    }
}

/// A header or alias as compared: folded (no accents, lower case), every
/// run of other characters one space, a trailing "(…)" dropped
/// ("Ngày nhận (dd/mm/yyyy)" is "ngay nhan").
pub fn normalize(text: &str) -> String {
    let mut t = crate::text::fold(text);
    while let Some(open) = t.rfind('(') {
        if open == 0 {
            break;
        }
        t.truncate(open);
    }
    let mut out = String::new();
    for c in t.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(if c == '_' { ' ' } else { c });
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// A `--map` file: columns by their header, to a field key or "" to skip.
///
/// ```toml
/// header_row = 5                     # optional: the row of the headers
/// [columns]
/// "Ngày tiếp nhận đơn" = "received"
/// "Người đứng đơn" = "petitioner.name"
/// "Ghi chú nội bộ" = ""              # not imported
/// [values.type]                      # optional: more words for a field
/// "KN" = "complaint"
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMap {
    pub header_row: Option<usize>,
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
}

/// Per column: its header text, and the field it fills.
pub type Columns = Vec<(String, Option<&'static Field>)>;

/// Where the header row is and which field each column fills.
#[derive(Debug)]
pub struct Layout {
    /// 0-based row of the headers (the lower row when headers take two).
    pub header_row: usize,
    /// Per column: its header text, and the field it fills.
    pub columns: Columns,
}

impl Layout {
    pub fn column_of(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|(_, f)| f.is_some_and(|f| f.key == key))
    }

    /// Headers of columns no field takes, for the closing summary.
    pub fn unused(&self) -> Vec<String> {
        self.columns
            .iter()
            .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
            .map(|(h, _)| h.clone())
            .collect()
    }
}

/// How many rows from the top are searched for the headers.
const SEARCH_ROWS: usize = 40;

fn match_header<'f>(fields: &'f [Field], map: &ColumnMap, header: &str) -> Result<Option<&'f Field>, ()> {
    let n = normalize(header);
    if n.is_empty() {
        return Ok(None);
    }
    for (h, key) in &map.columns {
        if normalize(h) == n {
            if key.is_empty() {
                return Ok(None);
            }
            return fields.iter().find(|f| f.key == key).map(Some).ok_or(());
        }
    }
    Ok(fields.iter().find(|f| f.headers.contains(&n.as_str())))
}

/// The header texts of a row, each column's own, or "upper lower" when
/// the row above holds a heading merged over several columns.
fn row_texts(sheet: &Sheet, row: usize) -> Vec<String> {
    (0..sheet.width()).map(|c| sheet.cell(row, c).text()).collect()
}

/// Finds the header row: the row among the first ones where the most
/// cells name a field. A heading merged over two rows or over sub-headings
/// ("Ngày" over "Nhận", "Thụ lý") is read with the row under it.
pub fn detect(sheet: &Sheet, kind: Kind, map: &ColumnMap) -> Result<Layout, String> {
    let fields = fields(kind);
    for key in map.columns.values().filter(|k| !k.is_empty()) {
        if !fields.iter().any(|f| f.key == key) {
            let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
            return Err(crate::i18n::tr!(
                "--map: không có trường \"{}\"; các trường: {}",
                "--map: there is no field \"{}\"; fields: {}",
                key,
                keys.join(", ")
            ));
        }
    }
    let score = |texts: &[String]| -> (usize, Columns) {
        let mut seen: Vec<&str> = Vec::new();
        let mut columns = Vec::new();
        for t in texts {
            let mut field = match_header(fields, map, t).ok().flatten();
            if let Some(fl) = field {
                if seen.contains(&fl.key) {
                    field = None; // the left-most column naming a field wins
                } else {
                    seen.push(fl.key);
                }
            }
            columns.push((t.clone(), field));
        }
        (seen.len(), columns)
    };
    let candidates: Vec<usize> = match map.header_row {
        Some(r) if r >= 1 => vec![r - 1],
        _ => (0..sheet.rows.len().min(SEARCH_ROWS)).collect(),
    };
    let mut best: Option<(usize, usize, Columns)> = None;
    for row in candidates {
        let own = row_texts(sheet, row);
        let (n, columns) = score(&own);
        if best.as_ref().is_none_or(|(b, _, _)| n > *b) {
            best = Some((n, row, columns));
        }
        // Two-row headers: the upper text where the lower is empty, the
        // lower where it names a field alone, else both together.
        if row + 1 < sheet.rows.len() {
            let below = row_texts(sheet, row + 1);
            let joined: Vec<String> = (0..own.len().max(below.len()))
                .map(|c| {
                    let up = own.get(c).cloned().unwrap_or_default();
                    let low = below.get(c).cloned().unwrap_or_default();
                    if low.is_empty() || low == up {
                        up
                    } else if up.is_empty() || match_header(fields, map, &low).ok().flatten().is_some() {
                        low
                    } else {
                        format!("{up} {low}")
                    }
                })
                .collect();
            let (n2, columns2) = score(&joined);
            if n2 > n && best.as_ref().is_none_or(|(b, _, _)| n2 > *b) {
                best = Some((n2, row + 1, columns2));
            }
        }
    }
    match best {
        Some((n, header_row, columns)) if n >= 2 || (n >= 1 && map.header_row.is_some()) => {
            Ok(Layout { header_row, columns })
        }
        _ => {
            let known: Vec<&str> = fields.iter().flat_map(|f| f.headers.iter().take(1)).copied().collect();
            Err(crate::i18n::tr!(
                "không tìm thấy dòng tiêu đề cột trong {} dòng đầu của trang \"{}\" (cần ít nhất hai cột có tên quen thuộc như: {}); dùng --map map.toml để chỉ rõ",
                "no header row found in the first {} rows of sheet \"{}\" (at least two columns must have known names such as: {}); use --map map.toml to name them",
                SEARCH_ROWS,
                sheet.name,
                known.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sheet::SheetCell;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "s".into(),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|t| {
                            if t.is_empty() {
                                SheetCell::Empty
                            } else {
                                SheetCell::Text((*t).into())
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }

    #[test]
    fn headers_are_found_under_a_title_block() {
        let s = sheet(&[
            &["SỔ THEO DÕI ĐƠN THƯ NĂM 2023"],
            &["Huyện ủy Lấp Vò"],
            &[],
            &[
                "STT",
                "Ngày nhận (dd/mm/yyyy)",
                "HỌ TÊN",
                "Loại đơn",
                "Xã/Thị trấn",
                "Ghi chú nội bộ x",
            ],
            &["1", "05/03/2023", "A", "Khiếu nại", "Tân Mỹ"],
        ]);
        let layout = detect(&s, Kind::Petition, &ColumnMap::default()).unwrap();
        assert_eq!(layout.header_row, 3);
        assert_eq!(layout.column_of("received"), Some(1));
        assert_eq!(layout.column_of("petitioner.name"), Some(2));
        assert_eq!(layout.column_of("units"), Some(4));
        assert_eq!(layout.unused(), ["STT", "Ghi chú nội bộ x"]);
    }

    #[test]
    fn two_row_headers_under_a_merged_heading() {
        let s = sheet(&[
            &["Số đơn", "Ngày", "Ngày", "Loại đơn"],
            &["", "Nhận", "Thụ lý", ""],
            &["1", "05/03/2023", "", "Tố cáo"],
        ]);
        let layout = detect(&s, Kind::Petition, &ColumnMap::default()).unwrap();
        assert_eq!(layout.header_row, 1);
        assert_eq!(layout.column_of("received"), Some(1));
        assert_eq!(layout.column_of("accepted"), Some(2));
        assert_eq!(layout.column_of("type"), Some(3));
    }

    #[test]
    fn a_map_names_other_headers() {
        let s = sheet(&[&["Ngày tiếp nhận đơn thư", "Phân loại", "Bí mật"]]);
        let map: ColumnMap =
            toml::from_str("[columns]\n\"Ngày tiếp nhận đơn thư\" = \"received\"\n\"Bí mật\" = \"\"\n").unwrap();
        let layout = detect(&s, Kind::Petition, &map).unwrap();
        assert_eq!(layout.column_of("received"), Some(0));
        assert_eq!(layout.column_of("type"), Some(1));
        let bad: ColumnMap = toml::from_str("[columns]\n\"x\" = \"recieved\"\n").unwrap();
        assert!(detect(&s, Kind::Petition, &bad).is_err());
    }
}
