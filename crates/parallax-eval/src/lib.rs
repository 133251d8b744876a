//! Evaluation: scores Parallax's output against the human-made references in `../shared/eval/`
//! with the metrics the field publishes, so that Parallax and its peers are compared the same way.
mod error;
pub mod rouge;
pub mod summaries;

pub use error::EvalError;
pub mod clusters;
pub mod extraction;
pub mod metadata;
pub mod quotes;
