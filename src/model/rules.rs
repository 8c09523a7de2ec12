//! The statutory limits petitions are counted under (SPEC section 4), as
//! data: [`Rules::default`] is the law, each limit with the article it
//! comes from, and a workspace may override any of them in `danvan.toml`
//! `[rules]`. Counting days with them is `domain::deadlines`' work.

use super::keywords::{DayCount, PetitionType};

/// A time limit: so many calendar or working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub days: u32,
    pub count: DayCount,
}

impl Limit {
    pub const fn calendar(days: u32) -> Limit {
        Limit {
            days,
            count: DayCount::Calendar,
        }
    }

    pub const fn working(days: u32) -> Limit {
        Limit {
            days,
            count: DayCount::Working,
        }
    }
}

/// The resolution limits of one complaint round, by case: the law gives
/// longer limits to complex cases (vụ việc phức tạp) and to remote areas
/// (vùng sâu, vùng xa đi lại khó khăn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CaseLimits {
    pub normal: Limit,
    pub complex: Limit,
    pub remote: Limit,
    pub remote_complex: Limit,
}

impl CaseLimits {
    pub fn pick(&self, complex: bool, remote: bool) -> Limit {
        match (remote, complex) {
            (false, false) => self.normal,
            (false, true) => self.complex,
            (true, false) => self.remote,
            (true, true) => self.remote_complex,
        }
    }
}

/// The statutory limits in force in a workspace.
///
/// Every limit but `recommendation_resolution` is always set: `[rules]` can
/// change a limit, not remove one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Accepting (thụ lý) a complaint, either round, from receipt.
    pub complaint_acceptance: Limit,
    /// Resolving a first complaint, from acceptance.
    pub complaint_resolution: CaseLimits,
    /// Resolving a second complaint, from acceptance.
    pub complaint2_resolution: CaseLimits,
    /// Checking the conditions to accept a denunciation, from receipt.
    pub denunciation_acceptance: Limit,
    /// Resolving a denunciation, from acceptance, before extensions.
    pub denunciation_resolution: Limit,
    /// What each recorded extension of a denunciation adds.
    pub denunciation_extension: Limit,
    /// How many extensions count; later ones are ignored. Set in `[rules]`
    /// as `denunciation_max_extensions = 2` (a plain integer, see
    /// [`Rules::MAX_EXTENSIONS_KEY`]), not through [`Rules::set`].
    pub max_extensions: u32,
    /// Processing a recommendation (kiến nghị, phản ánh), from receipt.
    pub recommendation_acceptance: Limit,
    /// Resolving a recommendation: none by law.
    pub recommendation_resolution: Option<Limit>,
}

impl Default for Rules {
    /// The law.
    fn default() -> Self {
        Rules {
            // Luật Khiếu nại 2011 art. 27 (round 1) and art. 36 (round 2):
            // 10 days from receipt (article numbers unconfirmed).
            complaint_acceptance: Limit::calendar(10),
            // Art. 28: 30 days, 45 if complex; remote areas 45, complex 60.
            complaint_resolution: CaseLimits {
                normal: Limit::calendar(30),
                complex: Limit::calendar(45),
                remote: Limit::calendar(45),
                remote_complex: Limit::calendar(60),
            },
            // Art. 37: 45 days, 60 if complex; remote areas 60, complex 70.
            complaint2_resolution: CaseLimits {
                normal: Limit::calendar(45),
                complex: Limit::calendar(60),
                remote: Limit::calendar(60),
                remote_complex: Limit::calendar(70),
            },
            // Luật Tố cáo 2018 art. 24: 7 working days from receipt.
            denunciation_acceptance: Limit::working(7),
            // Art. 30: 30 days from acceptance; extended once for a complex
            // case, twice for an especially complex one, 30 days each.
            denunciation_resolution: Limit::calendar(30),
            denunciation_extension: Limit::calendar(30),
            max_extensions: 2,
            // Thông tư 05/2021/TT-TTCP: 10 working days to process
            // (unconfirmed).
            recommendation_acceptance: Limit::working(10),
            // No statutory limit was found (Luật Tiếp công dân 2013 and
            // Nghị định 64/2014/NĐ-CP set procedure only).
            recommendation_resolution: None,
        }
    }
}

/// One `[rules]` key: its name and the legal source of its default.
struct KeyInfo {
    key: &'static str,
    source: &'static str,
    /// False where no source at hand confirmed the article or the figure.
    confirmed: bool,
}

const LIMIT_KEYS: [KeyInfo; 14] = {
    const fn info(key: &'static str, source: &'static str, confirmed: bool) -> KeyInfo {
        KeyInfo { key, source, confirmed }
    }
    const COMPLAINT_ACCEPTANCE: &str = "Luật Khiếu nại 2011, điều 27 (lần đầu) và điều 36 (lần hai)";
    const COMPLAINT1: &str = "Luật Khiếu nại 2011, điều 28";
    const COMPLAINT2: &str = "Luật Khiếu nại 2011, điều 37";
    const DENUNCIATION_ACCEPTANCE: &str = "Luật Tố cáo 2018, điều 24";
    const DENUNCIATION: &str = "Luật Tố cáo 2018, điều 30";
    [
        info("complaint_acceptance", COMPLAINT_ACCEPTANCE, false),
        info("complaint_resolution", COMPLAINT1, true),
        info("complaint_resolution_complex", COMPLAINT1, true),
        info("complaint_resolution_remote", COMPLAINT1, true),
        info("complaint_resolution_remote_complex", COMPLAINT1, true),
        info("complaint2_resolution", COMPLAINT2, true),
        info("complaint2_resolution_complex", COMPLAINT2, true),
        info("complaint2_resolution_remote", COMPLAINT2, true),
        info("complaint2_resolution_remote_complex", COMPLAINT2, true),
        info("denunciation_acceptance", DENUNCIATION_ACCEPTANCE, true),
        info("denunciation_resolution", DENUNCIATION, true),
        info("denunciation_extension", DENUNCIATION, true),
        info("recommendation_acceptance", "Thông tư 05/2021/TT-TTCP", false),
        info(
            "recommendation_resolution",
            "không có thời hạn luật định (Luật Tiếp công dân 2013, Nghị định 64/2014/NĐ-CP)",
            false,
        ),
    ]
};

const MAX_EXTENSIONS_INFO: KeyInfo = KeyInfo {
    key: Rules::MAX_EXTENSIONS_KEY,
    source: "Luật Tố cáo 2018, điều 30",
    confirmed: true,
};

const LIMIT_KEY_NAMES: [&str; LIMIT_KEYS.len()] = {
    let mut names = [""; LIMIT_KEYS.len()];
    let mut i = 0;
    while i < LIMIT_KEYS.len() {
        names[i] = LIMIT_KEYS[i].key;
        i += 1;
    }
    names
};

/// Where a `[rules]` key is stored.
enum Slot<'a> {
    Required(&'a mut Limit),
    Optional(&'a mut Option<Limit>),
}

/// One row of the rules in force, for the README, help and reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleEntry {
    pub key: &'static str,
    /// `None` for a limit the law does not set and the workspace did not.
    pub limit: Option<Limit>,
    pub source: &'static str,
    /// False where the article or the figure is unconfirmed.
    pub confirmed: bool,
}

impl Rules {
    /// The `[rules]` keys that take a limit (`{ days = 30, count =
    /// "calendar" }`), in the order the README lists them. The number of
    /// denunciation extensions is the one other key,
    /// [`Rules::MAX_EXTENSIONS_KEY`], which takes an integer.
    pub const KEYS: &'static [&'static str] = &LIMIT_KEY_NAMES;

    /// `denunciation_max_extensions = 2`: how many extensions count
    /// (Luật Tố cáo 2018 art. 30). Stored in [`Rules::max_extensions`].
    pub const MAX_EXTENSIONS_KEY: &'static str = "denunciation_max_extensions";

    /// The limit a key holds: `Some(None)` for a limit the law does not
    /// set, `None` for a key that is not one of [`Rules::KEYS`].
    pub fn get(&self, key: &str) -> Option<Option<Limit>> {
        // `slot` is the one table from keys to fields; read it on a copy
        // rather than keep a second, read-only table in step with it.
        let mut copy = *self;
        copy.slot(key).map(|slot| match slot {
            Slot::Required(limit) => Some(*limit),
            Slot::Optional(limit) => *limit,
        })
    }

    /// Overrides a limit; false for a key that is not one of [`Rules::KEYS`].
    /// Any number of days is accepted: the loader should reject absurd
    /// ones with a diagnostic.
    pub fn set(&mut self, key: &str, limit: Limit) -> bool {
        match self.slot(key) {
            Some(Slot::Required(slot)) => *slot = limit,
            Some(Slot::Optional(slot)) => *slot = Some(limit),
            None => return false,
        }
        true
    }

    /// The law a key's default comes from, e.g. "Luật Khiếu nại 2011, điều
    /// 28"; also answers for [`Rules::MAX_EXTENSIONS_KEY`].
    pub fn source(key: &str) -> Option<&'static str> {
        Self::info(key).map(|info| info.source)
    }

    /// Whether the source of a key's default was confirmed; false where the
    /// article number or the figure is unconfirmed (say so where it shows).
    pub fn confirmed(key: &str) -> Option<bool> {
        Self::info(key).map(|info| info.confirmed)
    }

    /// Every limit key with its limit in force and its source, in the
    /// order of [`Rules::KEYS`].
    pub fn entries(&self) -> Vec<RuleEntry> {
        LIMIT_KEYS
            .iter()
            .map(|info| RuleEntry {
                key: info.key,
                limit: self.get(info.key).flatten(),
                source: info.source,
                confirmed: info.confirmed,
            })
            .collect()
    }

    /// The limit for accepting a petition of this kind, from receipt.
    pub fn acceptance_limit(&self, kind: PetitionType) -> Limit {
        match kind {
            PetitionType::Complaint => self.complaint_acceptance,
            PetitionType::Denunciation => self.denunciation_acceptance,
            PetitionType::Recommendation => self.recommendation_acceptance,
        }
    }

    fn info(key: &str) -> Option<&'static KeyInfo> {
        LIMIT_KEYS
            .iter()
            .chain(std::iter::once(&MAX_EXTENSIONS_INFO))
            .find(|info| info.key == key)
    }

    fn slot(&mut self, key: &str) -> Option<Slot<'_>> {
        use Slot::{Optional, Required};
        let slot = match key {
            "complaint_acceptance" => Required(&mut self.complaint_acceptance),
            "complaint_resolution" => Required(&mut self.complaint_resolution.normal),
            "complaint_resolution_complex" => Required(&mut self.complaint_resolution.complex),
            "complaint_resolution_remote" => Required(&mut self.complaint_resolution.remote),
            "complaint_resolution_remote_complex" => Required(&mut self.complaint_resolution.remote_complex),
            "complaint2_resolution" => Required(&mut self.complaint2_resolution.normal),
            "complaint2_resolution_complex" => Required(&mut self.complaint2_resolution.complex),
            "complaint2_resolution_remote" => Required(&mut self.complaint2_resolution.remote),
            "complaint2_resolution_remote_complex" => Required(&mut self.complaint2_resolution.remote_complex),
            "denunciation_acceptance" => Required(&mut self.denunciation_acceptance),
            "denunciation_resolution" => Required(&mut self.denunciation_resolution),
            "denunciation_extension" => Required(&mut self.denunciation_extension),
            "recommendation_acceptance" => Required(&mut self.recommendation_acceptance),
            "recommendation_resolution" => Optional(&mut self.recommendation_resolution),
            _ => return None,
        };
        Some(slot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_keys_are_complete_and_sourced() {
        let mut rules = Rules::default();
        assert_eq!(Rules::KEYS.len(), 14);
        for &key in Rules::KEYS {
            assert!(rules.get(key).is_some(), "{key} has no field");
            assert!(Rules::source(key).is_some(), "{key} has no source");
            assert!(rules.set(key, Limit::working(99)), "{key} cannot be set");
            assert_eq!(rules.get(key), Some(Some(Limit::working(99))));
        }
        let mut keys = Rules::KEYS.to_vec();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Rules::KEYS.len(), "duplicate key");
        assert!(!Rules::KEYS.contains(&Rules::MAX_EXTENSIONS_KEY));
        assert_eq!(
            Rules::source(Rules::MAX_EXTENSIONS_KEY),
            Some("Luật Tố cáo 2018, điều 30")
        );
        assert_eq!(Rules::confirmed(Rules::MAX_EXTENSIONS_KEY), Some(true));
        assert_eq!(Rules::confirmed("complaint_acceptance"), Some(false));
        assert_eq!(rules.get("no_such_key"), None);
        assert!(!rules.set("no_such_key", Limit::calendar(1)));
        assert!(!rules.set(Rules::MAX_EXTENSIONS_KEY, Limit::calendar(1)));
        assert_eq!(Rules::source("no_such_key"), None);
    }

    #[test]
    fn rule_defaults_are_the_law() {
        let rules = Rules::default();
        let expected = [
            ("complaint_acceptance", Some(Limit::calendar(10))),
            ("complaint_resolution", Some(Limit::calendar(30))),
            ("complaint_resolution_complex", Some(Limit::calendar(45))),
            ("complaint_resolution_remote", Some(Limit::calendar(45))),
            ("complaint_resolution_remote_complex", Some(Limit::calendar(60))),
            ("complaint2_resolution", Some(Limit::calendar(45))),
            ("complaint2_resolution_complex", Some(Limit::calendar(60))),
            ("complaint2_resolution_remote", Some(Limit::calendar(60))),
            ("complaint2_resolution_remote_complex", Some(Limit::calendar(70))),
            ("denunciation_acceptance", Some(Limit::working(7))),
            ("denunciation_resolution", Some(Limit::calendar(30))),
            ("denunciation_extension", Some(Limit::calendar(30))),
            ("recommendation_acceptance", Some(Limit::working(10))),
            ("recommendation_resolution", None),
        ];
        let keys: Vec<_> = expected.iter().map(|&(key, _)| key).collect();
        assert_eq!(Rules::KEYS, keys.as_slice());
        for (key, limit) in expected {
            assert_eq!(rules.get(key), Some(limit), "{key}");
        }
        assert_eq!(rules.max_extensions, 2);
        assert_eq!(
            Rules::source("complaint_resolution"),
            Some("Luật Khiếu nại 2011, điều 28")
        );
        let entries = rules.entries();
        assert_eq!(entries.len(), 14);
        assert_eq!(entries[13].key, "recommendation_resolution");
        assert_eq!(entries[13].limit, None);
    }

    #[test]
    fn limit_reads_from_toml_shaped_json() {
        let limit: Limit = serde_json::from_str(r#"{"days": 15, "count": "working"}"#).unwrap();
        assert_eq!(limit, Limit::working(15));
        assert!(serde_json::from_str::<Limit>(r#"{"days": 15, "count": "working", "x": 1}"#).is_err());
    }
}
