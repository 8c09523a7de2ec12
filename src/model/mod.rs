//! The records as typed data: what the loader produces and every report reads.
//!
//! Field names follow the TOML keys of SPEC section 2 (through `serde`
//! renames where Rust wants another name), so the JSON output and the JSON
//! Schema speak the users' vocabulary.

pub mod fields;
pub mod figures;
pub mod filter;
pub mod keywords;
mod period;
mod records;
mod rules;
mod target;
mod workspace;

pub use keywords::*;
pub use period::Period;
pub use records::*;
pub use rules::*;
pub use target::*;
pub use workspace::*;

use schemars::JsonSchema;
use serde::Serialize;
use std::ops::Range;

/// Byte offsets of a value in its file, kept so a later check can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Where a placeholder sits: the value of a required field that was
    /// missing or wrong in a broken record read for the rules across
    /// records. A diagnostic there is not reported (the field's own
    /// problem was).
    pub const PLACEHOLDER: Span = Span {
        start: u32::MAX,
        end: u32::MAX,
    };

    pub fn new(range: Range<usize>) -> Span {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: clamp(range.start),
            end: clamp(range.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value with the place it was written. Serializes and describes itself
/// as the bare value: spans are for diagnostics only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Sp<T> {
        Sp { value, span }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Sp<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

/// A reference to another record or to a unit or organisation, by id.
pub type Ref = Sp<String>;

/// Index of a file in [`Workspace::files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);
