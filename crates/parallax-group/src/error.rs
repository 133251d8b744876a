//! Errors of the grouping stage: only a configuration can be wrong; inputs never fail.

use thiserror::Error;

/// Why a [`crate::GroupConfig`] cannot be used.
#[derive(Debug, Error, PartialEq)]
pub enum GroupError {
    /// A setting lies outside the range it must be in.
    #[error("group config: `{name}` is {value}, but must be {expected}")]
    OutOfRange {
        /// The setting's field name.
        name: &'static str,
        /// The value given.
        value: f64,
        /// The allowed range, in words.
        expected: &'static str,
    },
}
