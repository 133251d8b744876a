//! Why a document yielded no article.

/// A document from which no article could be extracted. Each variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Nothing that reads as article text was left after cleaning.
    #[error("{source_name}: no article text found ({reason})")]
    NoText {
        /// The input.
        source_name: String,
        /// Why, in words for the reader of the diagnostic.
        reason: &'static str,
    },
}
