//! Rules on models: a Dân vận khéo recognition has its level and its date.
//!
//! Owns E031 `recognition`.

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;

pub(super) fn recognition(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for m in &ws.models {
        let message = match (&m.recognition, &m.recognized) {
            (Some(r), None) => Some((
                r.span,
                tr!(
                    "có `recognition` nhưng thiếu ngày `recognized`",
                    "`recognition` is set but its date `recognized` is missing"
                ),
            )),
            (None, Some(d)) => Some((
                d.span,
                tr!(
                    "có ngày `recognized` nhưng thiếu cấp `recognition`",
                    "`recognized` is set but the level `recognition` is missing"
                ),
            )),
            _ => None,
        };
        if let Some((span, message)) = message {
            out.push(diag(ws, m.file, Code::Recognition, span, message).with_help(tr!(
                "ghi cả hai: recognition = \"district\" và recognized = 2022-11-15",
                "set both: recognition = \"district\" and recognized = 2022-11-15"
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;

    #[test]
    fn recognition_and_its_date_go_together() {
        assert_eq!(
            check(&[
                (
                    "models/both.toml",
                    &model("recognition = \"district\"\nrecognized = 2022-11-15\n")
                ),
                ("models/level.toml", &model("recognition = \"province\"\n")),
                ("models/date.toml", &model("recognized = 2022-11-15\n")),
            ]),
            expect(&[
                (Code::Recognition, "models/date.toml", "2022-11-15"),
                (Code::Recognition, "models/level.toml", "\"province\""),
            ])
        );
    }
}
