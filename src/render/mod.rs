//! Output formats. Reports are data; these turn them into text.

pub mod diagnostics;
