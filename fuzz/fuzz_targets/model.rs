//! One model record: any bytes, parsed as `models/fuzz.toml`, then checked
//! against the bundled workspace's committee, units and calendar.
#![no_main]

use danvan::model::Kind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| danvan_fuzz::record(Kind::Model, data));
