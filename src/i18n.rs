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
