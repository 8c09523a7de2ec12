//! A `danvan.toml` and a `targets.toml`, split at the first NUL byte of the
//! input: parsed, checked, and every target evaluated on a few records.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| danvan_fuzz::config_and_targets(data));
