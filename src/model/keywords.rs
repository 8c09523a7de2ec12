//! The closed sets of words a record may use (status, type, channel, …).
//!
//! Each set is an enum with its TOML spelling kept in one table, so the
//! loader, the `check` help text, the JSON output and the JSON Schema all
//! read the same list.

/// A word from a closed set, spelled as in the records.
pub trait Keyword: Sized + Copy + 'static {
    /// Every variant with its spelling, in the order help text lists them.
    const ALL: &'static [(&'static str, Self)];
    /// The spellings alone, in the same order.
    const WORDS: &'static [&'static str];

    fn as_str(self) -> &'static str;

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().find(|(s, _)| *s == text).map(|&(_, v)| v)
    }

    /// "a | b | c", for help lines.
    fn choices() -> String {
        Self::ALL.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(" | ")
    }
}

macro_rules! keyword {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $crate::model::keywords::Keyword for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($text, $name::$variant)),+];
            const WORDS: &'static [&'static str] = &[$($text),+];

            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl $crate::model::fields::FieldType for $name {
            fn read(src: &mut dyn $crate::model::fields::Source, key: &'static str) -> Option<Self> {
                let words = <$name as $crate::model::keywords::Keyword>::WORDS;
                let i = src.word(key, $crate::model::fields::Need::Required, words)?;
                Some(<$name as $crate::model::keywords::Keyword>::ALL[i.value].1)
            }

            fn placeholder() -> Option<Self> {
                Some(<$name as $crate::model::keywords::Keyword>::ALL[0].1)
            }

            fn matches(&self, wanted: &[$crate::model::FilterValue]) -> bool {
                let text = $crate::model::keywords::Keyword::as_str(*self);
                wanted.iter().any(|w| matches!(w, $crate::model::FilterValue::Text(t) if t == text))
            }
        }

        impl $crate::model::fields::FieldType for Option<$name> {
            fn read(src: &mut dyn $crate::model::fields::Source, key: &'static str) -> Option<Self> {
                let words = <$name as $crate::model::keywords::Keyword>::WORDS;
                let i = src.word(key, $crate::model::fields::Need::Optional, words);
                Some(i.map(|i| <$name as $crate::model::keywords::Keyword>::ALL[i.value].1))
            }

            fn matches(&self, wanted: &[$crate::model::FilterValue]) -> bool {
                self.is_some_and(|k| $crate::model::fields::FieldType::matches(&k, wanted))
            }
        }

        impl $crate::model::fields::FieldType for Option<$crate::model::Sp<$name>> {
            fn read(src: &mut dyn $crate::model::fields::Source, key: &'static str) -> Option<Self> {
                let words = <$name as $crate::model::keywords::Keyword>::WORDS;
                let i = src.word(key, $crate::model::fields::Need::Optional, words);
                Some(i.map(|i| $crate::model::Sp::new(<$name as $crate::model::keywords::Keyword>::ALL[i.value].1, i.span)))
            }

            fn matches(&self, wanted: &[$crate::model::FilterValue]) -> bool {
                self.as_ref().is_some_and(|k| $crate::model::fields::FieldType::matches(&k.value, wanted))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::keywords::Keyword::as_str(*self))
            }
        }
    };
}

keyword! {
    /// The three kinds of record that live in their own folders, plus the
    /// conclusion tasks inside meetings (which targets and exports treat as
    /// a kind of their own).
    Kind {
        Model = "models",
        Meeting = "meetings",
        Petition = "petitions",
        Conclusion = "conclusions",
    }
}

keyword! {
    /// Where a model stands.
    ModelStatus {
        Planned = "planned",
        Active = "active",
        Completed = "completed",
        Suspended = "suspended",
        Dropped = "dropped",
    }
}

keyword! {
    /// The level at which a model was recognised as "Dân vận khéo".
    Recognition {
        Commune = "commune",
        District = "district",
        Province = "province",
        National = "national",
    }
}

keyword! {
    /// What kind of meeting a record is.
    MeetingType {
        /// Periodic review of the Standing Committee (6 months, a year).
        Review = "review",
        /// Direct dialogue of the leaders with citizens.
        Dialogue = "dialogue",
        /// Citizen reception (tiếp công dân).
        Reception = "reception",
        Conference = "conference",
    }
}

keyword! {
    /// What kind of petition a record is.
    PetitionType {
        /// Khiếu nại (Luật Khiếu nại 2011).
        Complaint = "complaint",
        /// Tố cáo (Luật Tố cáo 2018).
        Denunciation = "denunciation",
        /// Kiến nghị, phản ánh.
        Recommendation = "recommendation",
    }
}

keyword! {
    /// How a petition reached the committee.
    Channel {
        Mail = "mail",
        Reception = "reception",
        Dialogue = "dialogue",
        Online = "online",
        Transfer = "transfer",
    }
}

keyword! {
    /// How a petition ended.
    Outcome {
        Upheld = "upheld",
        PartlyUpheld = "partly-upheld",
        Rejected = "rejected",
        Withdrawn = "withdrawn",
        Transferred = "transferred",
        NotAccepted = "not-accepted",
    }
}

keyword! {
    /// Whether a target's actual value must reach the goal or stay under it.
    Direction {
        AtLeast = "at-least",
        AtMost = "at-most",
    }
}

/// A target is reached from below unless it says otherwise.
impl Default for Direction {
    fn default() -> Direction {
        Direction::AtLeast
    }
}

keyword! {
    /// Whether a statutory limit counts calendar days or working days.
    DayCount {
        Calendar = "calendar",
        Working = "working",
    }
}

keyword! {
    /// The state of a petition on a given date (SPEC section 4).
    PetitionState {
        AwaitingAcceptance = "awaiting-acceptance",
        AcceptanceOverdue = "acceptance-overdue",
        Open = "open",
        DueSoon = "due-soon",
        Overdue = "overdue",
        ResolvedOnTime = "resolved-on-time",
        ResolvedLate = "resolved-late",
    }
}

keyword! {
    /// The state of a task assigned by a conclusion, on a given date.
    TaskState {
        Done = "done",
        DoneLate = "done-late",
        Open = "open",
        DueSoon = "due-soon",
        Overdue = "overdue",
    }
}

impl PetitionState {
    /// Whether a petition in this state has been resolved.
    pub fn is_resolved(self) -> bool {
        matches!(self, PetitionState::ResolvedOnTime | PetitionState::ResolvedLate)
    }

    /// Whether a deadline of the petition has passed unmet.
    pub fn is_late(self) -> bool {
        matches!(self, PetitionState::Overdue | PetitionState::AcceptanceOverdue)
    }
}

impl TaskState {
    /// Whether the task was reported done (on time or late).
    pub fn is_finished(self) -> bool {
        matches!(self, TaskState::Done | TaskState::DoneLate)
    }
}

keyword! {
    /// Where a target stands on a date.
    TargetStatus {
        Achieved = "achieved",
        OnTrack = "on-track",
        Behind = "behind",
        Missed = "missed",
        NoData = "no-data",
    }
}

keyword! {
    /// The length of period a `within` or `--by` groups by.
    Granularity {
        Year = "year",
        Half = "half",
        Quarter = "quarter",
        Month = "month",
    }
}

keyword! {
    /// Output language.
    Lang {
        Vi = "vi",
        En = "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for &(text, value) in PetitionState::ALL {
            assert_eq!(PetitionState::parse(text), Some(value));
            assert_eq!(value.as_str(), text);
        }
        assert_eq!(Outcome::parse("partly-upheld"), Some(Outcome::PartlyUpheld));
        assert_eq!(Outcome::parse("partly upheld"), None);
        assert_eq!(Direction::choices(), "at-least | at-most");
    }

    #[test]
    fn serde_uses_the_record_spelling() {
        assert_eq!(
            serde_json::to_string(&Outcome::NotAccepted).unwrap(),
            "\"not-accepted\""
        );
    }
}
