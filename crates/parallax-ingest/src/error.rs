//! Why an input, or one record in it, could not be read.

/// An input (or a record of a container such as a WARC or JSON Lines file) that could not be
/// turned into documents. Each variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read.
    #[error("{source_name}: cannot read: {error}")]
    Io {
        /// The input.
        source_name: String,
        /// What the operating system said.
        error: std::io::Error,
    },
    /// The input holds nothing but white space.
    #[error("{source_name}: empty input")]
    Empty {
        /// The input.
        source_name: String,
    },
    /// The input is not text (NUL bytes or mostly control characters).
    #[error("{source_name}: binary data, not text or HTML")]
    Binary {
        /// The input.
        source_name: String,
    },
    /// The input is larger than the configured limit.
    #[error("{source_name}: {size} bytes, over the limit of {limit} bytes for one input")]
    TooLarge {
        /// The input.
        source_name: String,
        /// Its size in bytes (for a stream: how far it was read before stopping).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The input, or a record in it, is not what its format requires.
    #[error("{source_name}: {message}")]
    Malformed {
        /// The input or record (`path:line`, `path#record`).
        source_name: String,
        /// What is wrong.
        message: String,
    },
    /// A URL could not be fetched.
    #[error("{source_name}: cannot fetch: {message}")]
    Fetch {
        /// The URL.
        source_name: String,
        /// What went wrong (connection, status, timeout).
        message: String,
    },
}

impl IngestError {
    /// The input this error is about.
    pub fn source_name(&self) -> &str {
        match self {
            Self::Io { source_name, .. }
            | Self::Empty { source_name }
            | Self::Binary { source_name }
            | Self::TooLarge { source_name, .. }
            | Self::Malformed { source_name, .. }
            | Self::Fetch { source_name, .. } => source_name,
        }
    }

    pub(crate) fn malformed(source_name: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Malformed {
            source_name: source_name.into(),
            message: message.into(),
        }
    }

    pub(crate) fn io(source_name: impl Into<String>, error: std::io::Error) -> Self {
        Self::Io {
            source_name: source_name.into(),
            error,
        }
    }
}
