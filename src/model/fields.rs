//! A record type is the one definition of its fields.
//!
//! Each record and table type is written with [`record!`]: the struct, and
//! from the same lines the list of its TOML keys ([`FieldInfo`]: its
//! `where`/filter key and domain, whether and how it is exported), the
//! function that reads it from a table ([`Source`], which the loader
//! implements over the parsed TOML, collecting every problem), the filter
//! match on its fields and its export columns. The JSON Schema comes from
//! the same struct through `schemars`. So a new field is one line here,
//! with its doc comment; see "Where a new field goes" in the README.

use super::filter::KeyDomain;
use super::{FilterValue, Period, Sp};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;

/// Whether a key must be in its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// How a field goes into `danvan export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// A column holding the value as written.
    Value,
    /// A column holding the date (or dates) only once it has passed on
    /// the as-of date: an acceptance, a resolution, an ending.
    Happens,
    /// A column holding the value only once the field named has happened
    /// (an outcome is known from the resolution).
    KnownFrom(&'static str),
    /// Not a column: a nested table, or personal data.
    Skip,
}

/// One key of a record's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    /// The TOML key (and the JSON key, and the export column).
    pub key: &'static str,
    /// The key as a `where` and filter key, with the values it takes.
    pub filter: Option<KeyDomain>,
    pub export: Export,
}

/// A table being read, as the loader gives it: each method reads one key,
/// reports what is wrong with it (and a missing required key), and gives
/// `None` then. Reading goes on, so a file's problems are all found.
pub trait Source {
    fn string(&mut self, key: &str, need: Need) -> Option<Sp<String>>;
    fn date(&mut self, key: &str, need: Need) -> Option<Sp<NaiveDate>>;
    fn boolean(&mut self, key: &str) -> Option<bool>;
    /// A finite number, whole or decimal.
    fn number(&mut self, key: &str, need: Need) -> Option<f64>;
    /// A whole number in `min..=max`.
    fn integer(&mut self, key: &str, min: i64, max: i64) -> Option<Sp<i64>>;
    /// A word of a closed set: its index in `words`.
    fn word(&mut self, key: &str, need: Need, words: &'static [&'static str]) -> Option<Sp<usize>>;
    fn strings(&mut self, key: &str) -> Vec<Sp<String>>;
    fn dates(&mut self, key: &str) -> Vec<Sp<NaiveDate>>;
    /// A table of named numbers (`[indicators]`).
    fn numbers(&mut self, key: &str) -> BTreeMap<String, f64>;
    /// A reporting period (`2022-H1`).
    fn period(&mut self, key: &str) -> Option<Period>;
    /// A complaint's round: 1 or 2.
    fn round(&mut self, key: &str) -> Option<Sp<u8>>;
    /// How a target is measured (`targets.toml`); `None` when it cannot be read.
    fn measure(&mut self, key: &str) -> Option<super::Measure>;
    /// A denunciation's extensions: dates, or `{ date, days }`.
    fn extensions(&mut self, key: &str) -> Vec<super::Extension>;
    /// A sub-table, read by `read` when it is there.
    fn table(&mut self, key: &str, need: Need, read: &mut dyn FnMut(&mut dyn Source));
    /// An array of tables, each read by `read`.
    fn tables(&mut self, key: &str, read: &mut dyn FnMut(&mut dyn Source));
    /// Reports every key of the table that is not one of `fields`.
    fn finish(&mut self, fields: &[FieldInfo]);
    /// Whether a record is read even when a required field is missing or
    /// wrong, with [`FieldType::placeholder`] in its place: the loader
    /// reads a broken record so again (its problems were reported the
    /// first time) for the rules across records, so that one problem does
    /// not hide the others.
    fn lenient(&self) -> bool {
        false
    }
}

/// A type a field can have: how it is read, matched by a filter, exported.
/// `None` from [`FieldType::read`] means the record cannot be made (a
/// required field is missing or wrong); an optional field reads as absent.
pub trait FieldType: Sized {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self>;

    /// What stands for a required value that is missing or wrong when a
    /// broken record is read leniently: a value at [`Span::PLACEHOLDER`]
    /// (rules report nothing there), or `None` when there is none.
    fn placeholder() -> Option<Self> {
        None
    }

    /// Whether the value is one of `wanted` (a `where` clause or filter):
    /// for a list, whether any item is.
    fn matches(&self, _wanted: &[FilterValue]) -> bool {
        false
    }
}

fn text_is(wanted: &[FilterValue], text: &str) -> bool {
    wanted.iter().any(|w| matches!(w, FilterValue::Text(t) if t == text))
}

impl FieldType for String {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        src.string(key, Need::Required).map(|s| s.value)
    }

    fn placeholder() -> Option<Self> {
        Some(String::new())
    }
}

impl FieldType for Option<String> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.string(key, Need::Optional).map(|s| s.value))
    }

    fn matches(&self, wanted: &[FilterValue]) -> bool {
        self.as_deref().is_some_and(|s| text_is(wanted, s))
    }
}

impl FieldType for Sp<String> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        src.string(key, Need::Required)
    }

    fn placeholder() -> Option<Self> {
        Some(Sp::new(String::new(), super::Span::PLACEHOLDER))
    }

    fn matches(&self, wanted: &[FilterValue]) -> bool {
        text_is(wanted, &self.value)
    }
}

impl FieldType for Option<Sp<String>> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.string(key, Need::Optional))
    }

    fn matches(&self, wanted: &[FilterValue]) -> bool {
        self.as_ref().is_some_and(|s| text_is(wanted, &s.value))
    }
}

impl FieldType for Vec<Sp<String>> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.strings(key))
    }

    fn matches(&self, wanted: &[FilterValue]) -> bool {
        self.iter().any(|s| text_is(wanted, &s.value))
    }
}

impl FieldType for Vec<String> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.strings(key).into_iter().map(|s| s.value).collect())
    }

    fn matches(&self, wanted: &[FilterValue]) -> bool {
        self.iter().any(|s| text_is(wanted, s))
    }
}

impl FieldType for Sp<NaiveDate> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        src.date(key, Need::Required)
    }

    /// The earliest date: no date is before it, so no order rule fires
    /// on the other date of a pair.
    fn placeholder() -> Option<Self> {
        Some(Sp::new(NaiveDate::MIN, super::Span::PLACEHOLDER))
    }
}

impl FieldType for Option<Sp<NaiveDate>> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.date(key, Need::Optional))
    }
}

impl FieldType for Vec<Sp<NaiveDate>> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.dates(key))
    }
}

impl FieldType for bool {
    /// Absent is false.
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.boolean(key).unwrap_or(false))
    }

    fn matches(&self, wanted: &[FilterValue]) -> bool {
        wanted.contains(&FilterValue::Bool(*self))
    }
}

impl FieldType for f64 {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        src.number(key, Need::Required)
    }
}

impl FieldType for NaiveDate {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        src.date(key, Need::Required).map(|d| d.value)
    }
}

impl FieldType for Option<u32> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.integer(key, 0, i64::from(u32::MAX)).map(|n| n.value as u32))
    }
}

impl FieldType for Option<Sp<u8>> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(
            src.integer(key, 0, i64::from(u8::MAX))
                .map(|n| Sp::new(n.value as u8, n.span)),
        )
    }

    fn matches(&self, wanted: &[FilterValue]) -> bool {
        self.as_ref()
            .is_some_and(|n| wanted.contains(&FilterValue::Int(i64::from(n.value))))
    }
}

impl FieldType for BTreeMap<String, f64> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.numbers(key))
    }
}

impl FieldType for Option<Period> {
    fn read(src: &mut dyn Source, key: &'static str) -> Option<Self> {
        Some(src.period(key))
    }
}

/// The value of a field for an export column.
pub fn export_value(value: &impl serde::Serialize) -> Value {
    // Record fields are plain data with string keys: they always serialize.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A date field as known on `as_of`: a later date has not happened yet.
pub trait Happens {
    fn known_on(&self, as_of: NaiveDate) -> Value;
    /// Whether it has happened on `as_of`.
    fn happened(&self, as_of: NaiveDate) -> bool;
}

impl Happens for Option<Sp<NaiveDate>> {
    fn known_on(&self, as_of: NaiveDate) -> Value {
        export_value(&self.as_ref().map(|d| d.value).filter(|&d| d <= as_of))
    }

    fn happened(&self, as_of: NaiveDate) -> bool {
        self.as_ref().is_some_and(|d| d.value <= as_of)
    }
}

impl Happens for Vec<super::Extension> {
    /// The dates of the decisions made by `as_of`.
    fn known_on(&self, as_of: NaiveDate) -> Value {
        let known: Vec<NaiveDate> = self.iter().map(|e| e.date.value).filter(|&d| d <= as_of).collect();
        export_value(&known)
    }

    fn happened(&self, as_of: NaiveDate) -> bool {
        self.iter().any(|e| e.date.value <= as_of)
    }
}

impl Happens for Vec<Sp<NaiveDate>> {
    fn known_on(&self, as_of: NaiveDate) -> Value {
        let known: Vec<NaiveDate> = self.iter().map(|d| d.value).filter(|&d| d <= as_of).collect();
        export_value(&known)
    }

    fn happened(&self, as_of: NaiveDate) -> bool {
        self.iter().any(|d| d.value <= as_of)
    }
}

/// Defines a record or table type and everything derived from its fields.
///
/// ```text
/// record! {
///     /// doc, derives and attributes of the struct
///     pub struct Petition {
///         /// doc of the field (the schema's description)
///         pub kind: PetitionType { key: "type", filter: (words!(PetitionType)) },
///         pub accepted: Option<Sp<NaiveDate>> { export: happens },
///         ...
///     }
/// }
/// ```
/// Options of a field, all optional, each a single token (a group in
/// parentheses for an expression):
/// - `key: "type"`: the TOML key, when it is not the field's name;
/// - `filter: Unit` or `filter: (expr)`: a `where`/filter key, with its
///   [`KeyDomain`] (a variant name, or an expression);
/// - `export: skip` (not a column) or `export: happens` (a date known once
///   passed), or `known_from: field` (known once that date has passed);
///   by default the value is a column as written;
/// - `read: method`: the [`Source`] method that reads it (an optional
///   field), instead of its type's [`FieldType::read`]; `read_required:
///   method` for a required one (the method's `None` means the record
///   cannot be made); `or: (expr)`: the value when the key is absent.
///
/// After the fields, `;` and fields that are not in the file (where a
/// record was read, say): they start as their `Default`.
///
/// A record kept in its own file starts with `@file`: it gets `id` and
/// `file`, which the loader sets from the path.
#[macro_export]
macro_rules! record {
    (
        @file
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                pub $field:ident : $ty:ty $({ $($opt:ident : $val:tt),* $(,)? })?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            /// The file stem.
            #[schemars(skip)]
            pub id: String,
            /// The file it was read from.
            #[serde(skip)]
            #[schemars(skip)]
            pub file: $crate::model::FileId,
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl $name {
            $crate::record!(@common $( $field : $ty ; $($($opt : $val),*)? )|*);

            /// Reads the record of the file `file`, whose id is `id`.
            pub fn read(
                src: &mut dyn $crate::model::fields::Source,
                id: String,
                file: $crate::model::FileId,
            ) -> Option<Self> {
                src.finish(Self::FIELDS);
                $( let $field = $crate::record!(@read src, $ty, $crate::record!(@key $field; $($($opt : $val),*)?); $($($opt : $val),*)?); )*
                let lenient = src.lenient();
                Some($name { id, file, $( $field: $crate::record!(@or_placeholder lenient, $field, $ty), )* })
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                pub $field:ident : $ty:ty $({ $($opt:ident : $val:tt),* $(,)? })?
            ),* $(,)?
            $(;
                $(
                    $(#[$xmeta:meta])*
                    pub $xfield:ident : $xty:ty
                ),* $(,)?
            )?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
            $($( $(#[$xmeta])* pub $xfield: $xty, )*)?
        }

        impl $name {
            $crate::record!(@common $( $field : $ty ; $($($opt : $val),*)? )|*);

            /// Reads the table; the fields after `;` in its definition are
            /// not in the file: they start as their default, for the loader
            /// to set.
            pub fn read(src: &mut dyn $crate::model::fields::Source) -> Option<Self> {
                src.finish(Self::FIELDS);
                $( let $field = $crate::record!(@read src, $ty, $crate::record!(@key $field; $($($opt : $val),*)?); $($($opt : $val),*)?); )*
                let lenient = src.lenient();
                Some($name {
                    $( $field: $crate::record!(@or_placeholder lenient, $field, $ty), )*
                    $($( $xfield: Default::default(), )*)?
                })
            }
        }

        impl $crate::model::fields::FieldType for Option<$name> {
            fn read(src: &mut dyn $crate::model::fields::Source, key: &'static str) -> Option<Self> {
                let mut out = None;
                src.table(key, $crate::model::fields::Need::Optional, &mut |t| out = $name::read(t));
                Some(out)
            }
        }

        impl $crate::model::fields::FieldType for Vec<$name> {
            fn read(src: &mut dyn $crate::model::fields::Source, key: &'static str) -> Option<Self> {
                let mut out = Vec::new();
                src.tables(key, &mut |t| out.extend($name::read(t)));
                // Held for the whole run: no room for more.
                out.shrink_to_fit();
                Some(out)
            }
        }
    };
    (@common $( $field:ident : $ty:ty ; $($opt:ident : $val:tt),* )|*) => {
        /// Every key of the table, in the order of the struct.
        pub const FIELDS: &'static [$crate::model::fields::FieldInfo] = &[
            $( $crate::model::fields::FieldInfo {
                key: $crate::record!(@key $field; $($opt : $val),*),
                filter: $crate::record!(@filter $($opt : $val),*),
                export: $crate::record!(@export_info $($opt : $val),*),
            }, )*
        ];

        /// Whether the field of `key` holds one of `wanted`; `None` when
        /// `key` is not one of its filter keys.
        #[allow(unused_variables)]
        pub fn field_matches(&self, key: &str, wanted: &[$crate::model::FilterValue]) -> Option<bool> {
            $( $crate::record!(@match self, key, wanted, $field, $crate::record!(@key $field; $($opt : $val),*); $($opt : $val),*); )*
            None
        }

        /// Whether the value of the field of `key` is known on `as_of`: false
        /// for a field known only once a date has passed (`known_from`).
        #[allow(unused_variables)]
        pub fn field_known(&self, key: &str, as_of: chrono::NaiveDate) -> bool {
            $( $crate::record!(@known self, key, as_of, $crate::record!(@key $field; $($opt : $val),*); $($opt : $val),*); )*
            true
        }

        /// The export columns of the fields, as known on `as_of`, in order.
        #[allow(unused_variables, clippy::ptr_arg)]
        pub fn export_fields(&self, as_of: chrono::NaiveDate, out: &mut Vec<(&'static str, serde_json::Value)>) {
            $( $crate::record!(@export self, out, as_of, $field, $crate::record!(@key $field; $($opt : $val),*); $($opt : $val),*); )*
        }
    };

    // A field read, or (reading leniently) its placeholder, or no record.
    (@or_placeholder $lenient:ident, $field:ident, $ty:ty) => {
        match $field {
            Some(v) => v,
            None if $lenient => <$ty as $crate::model::fields::FieldType>::placeholder()?,
            None => return None,
        }
    };

    // The TOML key: `key: "…"`, else the field's name.
    (@key $field:ident;) => { stringify!($field) };
    (@key $field:ident; key : $k:tt $(, $($rest:tt)*)?) => { $k };
    (@key $field:ident; $o:ident : $v:tt $(, $($rest:tt)*)?) => { $crate::record!(@key $field; $($($rest)*)?) };

    // The filter domain: `filter: Variant` or `filter: (expr)`.
    (@filter) => { None };
    (@filter filter : $f:ident $(, $($rest:tt)*)?) => { Some($crate::model::filter::KeyDomain::$f) };
    (@filter filter : $f:tt $(, $($rest:tt)*)?) => { Some($f) };
    (@filter $o:ident : $v:tt $(, $($rest:tt)*)?) => { $crate::record!(@filter $($($rest)*)?) };

    (@export_info) => { $crate::model::fields::Export::Value };
    (@export_info export : skip $(, $($rest:tt)*)?) => { $crate::model::fields::Export::Skip };
    (@export_info export : happens $(, $($rest:tt)*)?) => { $crate::model::fields::Export::Happens };
    (@export_info known_from : $d:ident $(, $($rest:tt)*)?) => {
        $crate::model::fields::Export::KnownFrom(stringify!($d))
    };
    (@export_info $o:ident : $v:tt $(, $($rest:tt)*)?) => { $crate::record!(@export_info $($($rest)*)?) };

    // How a field is read: `read: method` of the source, else its type.
    (@read $src:ident, $ty:ty, $key:expr;) => {
        <$ty as $crate::model::fields::FieldType>::read($src, $key)
    };
    (@read $src:ident, $ty:ty, $key:expr; read : $m:ident $(, $($rest:tt)*)?) => { Some($src.$m($key)) };
    (@read $src:ident, $ty:ty, $key:expr; read_required : $m:ident $(, $($rest:tt)*)?) => { $src.$m($key) };
    (@read $src:ident, $ty:ty, $key:expr; or : $e:tt $(, $($rest:tt)*)?) => {
        <Option<$ty> as $crate::model::fields::FieldType>::read($src, $key).map(|v| v.unwrap_or($e))
    };
    (@read $src:ident, $ty:ty, $key:expr; $o:ident : $v:tt $(, $($rest:tt)*)?) => {
        $crate::record!(@read $src, $ty, $key; $($($rest)*)?)
    };

    // The filter match of a field that has a filter key.
    (@match $self:ident, $k:ident, $w:ident, $field:ident, $key:expr;) => {};
    (@match $self:ident, $k:ident, $w:ident, $field:ident, $key:expr; filter : $f:tt $(, $($rest:tt)*)?) => {
        if $k == $key {
            return Some($crate::model::fields::FieldType::matches(&$self.$field, $w));
        }
    };
    (@match $self:ident, $k:ident, $w:ident, $field:ident, $key:expr; $o:ident : $v:tt $(, $($rest:tt)*)?) => {
        $crate::record!(@match $self, $k, $w, $field, $key; $($($rest)*)?)
    };

    // Whether a `known_from` field is known yet.
    (@known $self:ident, $k:ident, $a:ident, $key:expr;) => {};
    (@known $self:ident, $k:ident, $a:ident, $key:expr; known_from : $d:ident $(, $($rest:tt)*)?) => {
        if $k == $key {
            return $crate::model::fields::Happens::happened(&$self.$d, $a);
        }
    };
    (@known $self:ident, $k:ident, $a:ident, $key:expr; $o:ident : $v:tt $(, $($rest:tt)*)?) => {
        $crate::record!(@known $self, $k, $a, $key; $($($rest)*)?)
    };

    // The export column of a field.
    (@export $self:ident, $out:ident, $as_of:ident, $field:ident, $key:expr;) => {
        $out.push(($key, $crate::model::fields::export_value(&$self.$field)))
    };
    (@export $self:ident, $out:ident, $as_of:ident, $field:ident, $key:expr; export : skip $(, $($rest:tt)*)?) => {};
    (@export $self:ident, $out:ident, $as_of:ident, $field:ident, $key:expr; export : happens $(, $($rest:tt)*)?) => {
        $out.push(($key, $crate::model::fields::Happens::known_on(&$self.$field, $as_of)))
    };
    (@export $self:ident, $out:ident, $as_of:ident, $field:ident, $key:expr; known_from : $d:ident $(, $($rest:tt)*)?) => {
        $out.push((
            $key,
            if $crate::model::fields::Happens::happened(&$self.$d, $as_of) {
                $crate::model::fields::export_value(&$self.$field)
            } else {
                serde_json::Value::Null
            },
        ))
    };
    (@export $self:ident, $out:ident, $as_of:ident, $field:ident, $key:expr; $o:ident : $v:tt $(, $($rest:tt)*)?) => {
        $crate::record!(@export $self, $out, $as_of, $field, $key; $($($rest)*)?)
    };
}

#[cfg(test)]
mod tests {
    use super::FieldInfo;
    use crate::model::*;
    use schemars::JsonSchema;

    /// The keys `record!` reads are the keys the JSON Schema describes: a
    /// `key:` option and a serde rename cannot disagree.
    #[test]
    fn every_record_type_reads_the_keys_its_schema_describes() {
        fn check<T: JsonSchema>(fields: &[FieldInfo]) {
            let schema = schemars::SchemaGenerator::default().into_root_schema_for::<T>();
            let mut described: Vec<String> = schema
                .get("properties")
                .and_then(|p| p.as_object())
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            let mut read: Vec<String> = fields.iter().map(|f| f.key.to_owned()).collect();
            described.sort();
            read.sort();
            assert_eq!(read, described, "{}", T::schema_name());
        }
        check::<Model>(Model::FIELDS);
        check::<Update>(Update::FIELDS);
        check::<Meeting>(Meeting::FIELDS);
        check::<Conclusion>(Conclusion::FIELDS);
        check::<Notice>(Notice::FIELDS);
        check::<Petition>(Petition::FIELDS);
        check::<Petitioner>(Petitioner::FIELDS);
        check::<Target>(Target::FIELDS);
        check::<Baseline>(Baseline::FIELDS);
        check::<Observation>(Observation::FIELDS);
    }
}
