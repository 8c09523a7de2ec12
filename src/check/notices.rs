//! Rules on conclusion notices: a number is used once a year (document
//! numbers restart each year).
//!
//! Owns E050 `duplicate-notice-number`.

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use chrono::Datelike;
use std::collections::HashMap;

pub(super) fn notice_numbers(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(i32, &str), &Meeting> = HashMap::new();
    for m in &ws.meetings {
        let Some(n) = &m.notice else { continue };
        let key = (n.date.value.year(), n.number.value.as_str());
        if let Some(first) = seen.get(&key) {
            out.push(
                diag(
                    ws,
                    m.file,
                    Code::NoticeNumber,
                    n.number.span,
                    tr!(
                        "thông báo số {} năm {} đã dùng ở {}",
                        "notice number {} of {} is already used by {}",
                        n.number.value,
                        key.0,
                        ws.path(first.file).display()
                    ),
                )
                .with_help(tr!(
                    "đặt số tiếp theo trong sổ văn bản",
                    "use the next number in the register"
                )),
            );
        } else {
            seen.insert(key, m);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;

    #[test]
    fn notice_numbers_restart_each_year() {
        assert_eq!(
            check(&[
                (
                    "meetings/a.toml",
                    &format!("{}{}", meeting(""), notice("12", "2022-07-20"))
                ),
                (
                    "meetings/b.toml",
                    &format!(
                        "{}{}",
                        meeting("").replace("07-12", "12-15"),
                        notice("12", "2022-12-20")
                    )
                ),
                (
                    "meetings/c.toml",
                    &format!(
                        "{}{}",
                        meeting("").replace("2022-07-12", "2023-01-10"),
                        notice("12", "2023-01-12")
                    )
                ),
                (
                    "meetings/d.toml",
                    &format!("{}{}", meeting(""), notice("13", "2022-07-21"))
                ),
            ]),
            expect(&[(Code::NoticeNumber, "meetings/b.toml", "\"12\"")])
        );
    }
}
