//! Errors of the render crate.

/// What can go wrong when choosing how to render a brief.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An output format name that is not one of `md`, `json`, `html`.
    #[error("unknown output format {0:?}: expected md, json or html")]
    UnknownFormat(String),
}
