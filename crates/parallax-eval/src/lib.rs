//! Evaluation: scores Parallax's output against the human-made references in `../shared/eval/`
//! with the metrics the field publishes, so that Parallax and its peers are compared the same way.
pub mod rouge;
