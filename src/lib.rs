//! danvan: mass-mobilization records of a Party committee, as a library.
//!
//! Data flows one way: `load` reads a folder into a [`model::Workspace`]
//! and its [`diag::Diagnostic`]s (`check` adds the rules across records);
//! `domain` computes deadlines, states and targets as of a date; `report`
//! builds plain data; `render` prints it; `cli` wires it to the terminal.

pub mod check;
pub mod cli;
pub mod diag;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod render;
pub mod report;
pub mod text;
