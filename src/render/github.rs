//! GitHub Actions workflow commands (`::warning …::message`): the
//! annotations of `check --format github` and the alarms of `status`,
//! `petitions` and `conclusions` (`--format github`), so a scheduled job
//! lists what is late on its summary page.

use crate::i18n::{Label, tr};
use crate::report::{Alarm, Urgency, format_date};
use std::io::{self, Write};

/// Workflow-command escaping of a message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Workflow-command escaping of a property (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A `::warning` per overdue item, a `::notice` per item due soon.
pub fn write_alarms(alarms: &[Alarm], out: &mut dyn Write) -> io::Result<()> {
    for a in alarms {
        let (command, title) = match a.urgency {
            Urgency::Overdue => ("warning", crate::i18n::word("Quá hạn", "Overdue")),
            Urgency::DueSoon => ("notice", crate::i18n::word("Sắp đến hạn", "Due soon")),
        };
        let when = match (a.deadline, a.days_left) {
            (Some(d), Some(n)) if n < 0 => tr!(" (hạn {}, trễ {} ngày)", " (due {}, {} days late)", format_date(d), -n),
            (Some(d), Some(n)) => tr!(" (hạn {}, còn {} ngày)", " (due {}, {} days left)", format_date(d), n),
            (Some(d), None) => tr!(" (hạn {})", " (due {})", format_date(d)),
            _ => String::new(),
        };
        let message = format!("{} {}: {}{when}", a.kind.label(), a.id, a.title);
        writeln!(
            out,
            "::{command} title={}::{}",
            escape_property(&format!("{title}: {}", a.id)),
            escape_data(&crate::render::escape::one_line(&message))
        )?;
    }
    Ok(())
}
