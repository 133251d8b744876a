//! Why an input could not be read.

/// An input that could not be turned into documents. Each variant names the input.
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
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

impl IngestError {
    /// The input this error is about.
    pub fn source_name(&self) -> &str {
        match self {
            Self::Io { source_name, .. }
            | Self::Empty { source_name }
            | Self::Binary { source_name }
            | Self::TooLarge { source_name, .. } => source_name,
        }
    }
}
