//! Why an evaluation could not run: each error names the input it is about.

/// An evaluation input that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("{path}: cannot read: {error}")]
    Io {
        /// The file or folder.
        path: String,
        /// What the operating system said.
        error: std::io::Error,
    },
    /// A folder does not have the layout the evaluation expects.
    #[error("{path}: {message}")]
    Layout {
        /// The folder or file.
        path: String,
        /// What is wrong with it.
        message: String,
    },
}
