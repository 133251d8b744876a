//! Diagnostics: bad input is data, reported next to the results instead of aborting the batch.

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The input was used, but something about it was off (for example, decoded lossily).
    Warning,
    /// The input could not be used at all.
    Error,
}

/// One problem with one input, named by where the input came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The input it is about: a path as given, `path:line`, a URL or a WARC record.
    pub source: String,
    /// Whether the input was still used.
    pub level: Level,
    /// One line saying what is wrong.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic for an input that could not be used.
    pub fn error(source: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            level: Level::Error,
            message: message.into(),
        }
    }

    /// A diagnostic for an input that was used despite a problem.
    pub fn warning(source: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            level: Level::Warning,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.source, self.message)
    }
}
