//! The statutory limits petitions are counted under (SPEC section 4), as
//! data: [`Rules::default`] is the law, each limit with the article it
//! comes from and the law named with its amendments ([`LAWS`]); a
//! workspace may override any of them in `danvan.toml` `[rules]`, and set
//! other limits from a date with `[[rules.from]]` ([`RuleBook`]). Counting
//! days with them is `domain::deadlines`' work.

use super::keywords::{DayCount, PetitionType};
use chrono::NaiveDate;

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
    /// The most each recorded extension of a denunciation adds (an
    /// extension may say fewer days: `{ date, days }`).
    pub denunciation_extension: Limit,
    /// How many extensions count, whatever the case's complexity; later
    /// ones are ignored (Luật Tố cáo art. 30: an especially complex case is
    /// extended twice at most). Set in `[rules]` as
    /// `denunciation_max_extensions = 2` (a plain integer, see
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
            // Luật Khiếu nại 02/2011/QH13 (as amended, see LAWS) art. 27
            // (round 1) and art. 36 (round 2): 10 days from receipt
            // (article numbers unconfirmed).
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
            // Luật Tố cáo 25/2018/QH14 (as amended) art. 24: 7 working days
            // from receipt.
            denunciation_acceptance: Limit::working(7),
            // Art. 30: 30 days from acceptance; extended once for a complex
            // case, twice for an especially complex one, at most 30 days
            // each.
            denunciation_resolution: Limit::calendar(30),
            denunciation_extension: Limit::calendar(30),
            max_extensions: 2,
            // Thông tư 05/2021/TT-TTCP: 10 working days to process
            // (unconfirmed).
            recommendation_acceptance: Limit::working(10),
            // No statutory limit was found (Luật Tiếp công dân 42/2013/QH13
            // and Nghị định 64/2014/NĐ-CP set procedure only).
            recommendation_resolution: None,
        }
    }
}

/// A law the built-in limits come from, with the laws that amended it, as
/// the preamble of Luật 136/2025/QH15 lists them ("Luật Khiếu nại số
/// 02/2011/QH13 đã được sửa đổi, bổ sung theo Luật số 42/2013/QH13, Luật số
/// 81/2025/QH15 và Luật số 84/2025/QH15, Luật Tố cáo số 25/2018/QH14 đã được
/// sửa đổi, bổ sung theo Luật số 59/2020/QH14, …"), then Luật 136/2025/QH15
/// itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Law {
    /// "Luật Khiếu nại".
    pub name: &'static str,
    /// "02/2011/QH13".
    pub number: &'static str,
    /// The amending laws, oldest first.
    pub amended_by: &'static [Amendment],
}

/// A law that amended one of the [`LAWS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Amendment {
    /// "136/2025/QH15".
    pub number: &'static str,
    /// The day it came into force, where a source at hand gave it.
    pub in_force: Option<&'static str>,
    /// Whether a source at hand showed what it did to the limits danvan
    /// counts (the days to accept and resolve). False for every amendment
    /// so far: the built-in limits stay those of the 2011/2018 texts, and
    /// a workspace sets changed ones with `[[rules.from]]`.
    pub limits_confirmed: bool,
}

/// Luật 136/2025/QH15, passed 10/12/2025, in force 1/7/2026: amends the
/// Luật Tiếp công dân, the Luật Khiếu nại and the Luật Tố cáo. Which of the
/// limits below it changed is unconfirmed here.
const LUAT_136_2025: Amendment = Amendment {
    number: "136/2025/QH15",
    in_force: Some("2026-07-01"),
    limits_confirmed: false,
};

const fn amendment(number: &'static str) -> Amendment {
    Amendment {
        number,
        in_force: None,
        limits_confirmed: false,
    }
}

pub const KHIEU_NAI: Law = Law {
    name: "Luật Khiếu nại",
    number: "02/2011/QH13",
    amended_by: &[
        amendment("42/2013/QH13"),
        amendment("81/2025/QH15"),
        amendment("84/2025/QH15"),
        LUAT_136_2025,
    ],
};

pub const TO_CAO: Law = Law {
    name: "Luật Tố cáo",
    number: "25/2018/QH14",
    amended_by: &[
        amendment("59/2020/QH14"),
        amendment("81/2025/QH15"),
        amendment("84/2025/QH15"),
        LUAT_136_2025,
    ],
};

pub const TIEP_CONG_DAN: Law = Law {
    name: "Luật Tiếp công dân",
    number: "42/2013/QH13",
    amended_by: &[LUAT_136_2025],
};

/// The laws behind the built-in limits, each with its amendments.
pub const LAWS: [Law; 3] = [KHIEU_NAI, TO_CAO, TIEP_CONG_DAN];

impl Law {
    /// "Luật Khiếu nại 02/2011/QH13 (sửa đổi, bổ sung bởi Luật 42/2013/QH13,
    /// …, 136/2025/QH15 từ 1/7/2026)".
    pub fn cited(&self) -> String {
        let amendments: Vec<String> = self
            .amended_by
            .iter()
            .map(|a| match a.in_force {
                Some(day) => format!("{} (hiệu lực {day})", a.number),
                None => a.number.to_owned(),
            })
            .collect();
        format!(
            "{} {} (sửa đổi, bổ sung bởi Luật {})",
            self.name,
            self.number,
            amendments.join(", ")
        )
    }
}

/// Where the default of a `[rules]` key comes from.
#[derive(Debug, Clone, Copy)]
enum Basis {
    /// An article of one of the [`LAWS`].
    Article(&'static Law, &'static str),
    /// Another text, named in full.
    Other(&'static str),
}

/// One `[rules]` key: its name and the legal source of its default.
struct KeyInfo {
    key: &'static str,
    basis: Basis,
    /// False where no source at hand confirmed the article or the figure.
    confirmed: bool,
}

const LIMIT_KEYS: [KeyInfo; 14] = {
    const fn info(key: &'static str, basis: Basis, confirmed: bool) -> KeyInfo {
        KeyInfo { key, basis, confirmed }
    }
    const COMPLAINT_ACCEPTANCE: Basis = Basis::Article(&KHIEU_NAI, "điều 27 (lần đầu) và điều 36 (lần hai)");
    const COMPLAINT1: Basis = Basis::Article(&KHIEU_NAI, "điều 28");
    const COMPLAINT2: Basis = Basis::Article(&KHIEU_NAI, "điều 37");
    const DENUNCIATION_ACCEPTANCE: Basis = Basis::Article(&TO_CAO, "điều 24");
    const DENUNCIATION: Basis = Basis::Article(&TO_CAO, "điều 30");
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
        info(
            "recommendation_acceptance",
            Basis::Other("Thông tư 05/2021/TT-TTCP"),
            false,
        ),
        info(
            "recommendation_resolution",
            Basis::Other("không có thời hạn luật định (Luật Tiếp công dân 42/2013/QH13, Nghị định 64/2014/NĐ-CP)"),
            false,
        ),
    ]
};

const MAX_EXTENSIONS_INFO: KeyInfo = KeyInfo {
    key: Rules::MAX_EXTENSIONS_KEY,
    basis: Basis::Article(&TO_CAO, "điều 30"),
    confirmed: true,
};

impl KeyInfo {
    fn source(&self) -> String {
        match self.basis {
            Basis::Article(law, article) => format!("{} {}, {article}", law.name, law.number),
            Basis::Other(text) => text.to_owned(),
        }
    }

    fn law(&self) -> Option<&'static Law> {
        match self.basis {
            Basis::Article(law, _) => Some(law),
            Basis::Other(_) => None,
        }
    }
}

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
    /// "Luật Khiếu nại 02/2011/QH13, điều 28".
    pub source: String,
    /// The law, with its amendments, when the source is one of [`LAWS`].
    pub law: Option<&'static Law>,
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

    /// The law a key's default comes from, e.g. "Luật Khiếu nại
    /// 02/2011/QH13, điều 28"; also answers for [`Rules::MAX_EXTENSIONS_KEY`].
    pub fn source(key: &str) -> Option<String> {
        Self::info(key).map(KeyInfo::source)
    }

    /// The law, with its amendments, a key's default comes from (none for
    /// a default from a circular or from no text).
    pub fn law(key: &str) -> Option<&'static Law> {
        Self::info(key).and_then(KeyInfo::law)
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
                source: info.source(),
                law: info.law(),
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

/// A set of limits and the day it is in force from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// `None` for the set in force from the start (the law as built in,
    /// with the overrides of `[rules]`); else the `date` of a
    /// `[[rules.from]]` set.
    pub from: Option<NaiveDate>,
    pub rules: Rules,
}

/// The limits of a workspace through time: the set in force from the
/// start, then the `[[rules.from]]` sets by date, each starting from the
/// set before it and changing the keys it names. A petition is counted
/// under the set in force on the day it was received (SPEC section 4).
///
/// Transitional provisions: Luật 136/2025/QH15 was not at hand in full, so
/// whether a petition received before 1/7/2026 but handled after it
/// follows the new text is unconfirmed; the day of receipt is the rule
/// here, and the README says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleBook {
    /// Never empty; the first has no date, the others are in date order
    /// with no date twice.
    sets: Vec<RuleSet>,
}

impl Default for RuleBook {
    /// The law, from the start.
    fn default() -> Self {
        RuleBook::new(Rules::default(), Vec::new())
    }
}

impl From<Rules> for RuleBook {
    fn from(rules: Rules) -> Self {
        RuleBook::new(rules, Vec::new())
    }
}

impl RuleBook {
    /// The set in force from the start and the dated sets (in any order;
    /// of two with one date the later in the list wins).
    pub fn new(base: Rules, dated: Vec<(NaiveDate, Rules)>) -> RuleBook {
        let mut dated = dated;
        dated.sort_by_key(|(from, _)| *from);
        let mut sets = vec![RuleSet {
            from: None,
            rules: base,
        }];
        for (from, rules) in dated {
            match sets.last_mut() {
                Some(last) if last.from == Some(from) => last.rules = rules,
                _ => sets.push(RuleSet {
                    from: Some(from),
                    rules,
                }),
            }
        }
        RuleBook { sets }
    }

    /// The set in force on `day`: the last one dated on or before it.
    pub fn set_on(&self, day: NaiveDate) -> &RuleSet {
        self.sets
            .iter()
            .rev()
            .find(|s| s.from.is_none_or(|from| from <= day))
            .unwrap_or(&self.sets[0])
    }

    /// The limits in force on `day` (a petition's day of receipt).
    pub fn on(&self, day: NaiveDate) -> &Rules {
        &self.set_on(day).rules
    }

    /// The set in force from the start.
    pub fn base(&self) -> &Rules {
        &self.sets[0].rules
    }

    /// Every set, the one in force from the start first.
    pub fn sets(&self) -> &[RuleSet] {
        &self.sets
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
            Some("Luật Tố cáo 25/2018/QH14, điều 30".to_owned())
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
            Some("Luật Khiếu nại 02/2011/QH13, điều 28".to_owned())
        );
        let entries = rules.entries();
        assert_eq!(entries.len(), 14);
        assert_eq!(entries[13].key, "recommendation_resolution");
        assert_eq!(entries[13].limit, None);
    }

    #[test]
    fn a_petition_is_counted_under_the_set_in_force_on_the_day_it_was_received() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut from_2026 = Rules::default();
        from_2026.complaint_resolution.normal = Limit::working(20);
        let mut from_2027 = from_2026;
        from_2027.complaint_acceptance = Limit::working(5);
        // Given out of order: the book sorts them.
        let book = RuleBook::new(
            Rules::default(),
            vec![(d("2027-01-01"), from_2027), (d("2026-07-01"), from_2026)],
        );
        assert_eq!(book.sets().len(), 3);
        // Received 30/6/2026: the set from the start (30 calendar days).
        assert_eq!(
            book.on(d("2026-06-30")).complaint_resolution.normal,
            Limit::calendar(30)
        );
        assert_eq!(book.set_on(d("2026-06-30")).from, None);
        // Received on 1/7/2026 itself: the new set.
        assert_eq!(book.on(d("2026-07-01")).complaint_resolution.normal, Limit::working(20));
        assert_eq!(book.set_on(d("2026-12-31")).from, Some(d("2026-07-01")));
        // 2027 keeps the 2026 change and adds its own.
        let r = book.on(d("2027-03-01"));
        assert_eq!(
            (r.complaint_resolution.normal, r.complaint_acceptance),
            (Limit::working(20), Limit::working(5))
        );
        assert_eq!(book.base(), &Rules::default());
        assert_eq!(RuleBook::default().sets().len(), 1);
    }

    #[test]
    fn the_laws_are_named_with_their_amendments() {
        // The preamble of Luật 136/2025/QH15 lists what amended each law
        // before it; 136/2025 is in force from 1/7/2026.
        assert_eq!(
            KHIEU_NAI.cited(),
            "Luật Khiếu nại 02/2011/QH13 (sửa đổi, bổ sung bởi Luật 42/2013/QH13, 81/2025/QH15, 84/2025/QH15, 136/2025/QH15 (hiệu lực 2026-07-01))"
        );
        let to_cao: Vec<&str> = TO_CAO.amended_by.iter().map(|a| a.number).collect();
        assert_eq!(
            to_cao,
            ["59/2020/QH14", "81/2025/QH15", "84/2025/QH15", "136/2025/QH15"]
        );
        for law in LAWS {
            let last = law.amended_by.last().unwrap();
            assert_eq!((last.number, last.in_force), ("136/2025/QH15", Some("2026-07-01")));
            // No source at hand showed a limit changed: the README says so.
            assert!(law.amended_by.iter().all(|a| !a.limits_confirmed));
        }
        assert_eq!(Rules::law("denunciation_extension"), Some(&TO_CAO));
        assert_eq!(Rules::law("recommendation_acceptance"), None);
        let entries = Rules::default().entries();
        assert!(entries.iter().all(|e| e.law.is_some() == e.source.starts_with("Luật ")));
    }

    #[test]
    fn limit_reads_from_toml_shaped_json() {
        let limit: Limit = serde_json::from_str(r#"{"days": 15, "count": "working"}"#).unwrap();
        assert_eq!(limit, Limit::working(15));
        assert!(serde_json::from_str::<Limit>(r#"{"days": 15, "count": "working", "x": 1}"#).is_err());
    }
}
