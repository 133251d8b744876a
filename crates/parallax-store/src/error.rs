//! Errors of the store, each naming what it was working on.

use std::path::PathBuf;

/// Something the store could not do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or set up.
    #[error("{path}: cannot open the database: {error}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        error: rusqlite::Error,
    },
    /// The PostgreSQL server could not be reached or the schema could not be set up.
    #[error("{url}: cannot open the database: {error}")]
    Connect {
        /// The connection URL, without its password.
        url: String,
        /// What the server or the client library said.
        error: postgres::Error,
    },
    /// The database was written by a newer version of Parallax.
    #[error(
        "{database}: the database has schema version {found}, newer than this parallax knows ({known})"
    )]
    TooNew {
        /// The database file, or the server URL without its password.
        database: String,
        /// The version found in the file.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// A query or statement failed.
    #[error("{what}: {error}")]
    Sql {
        /// What the store was doing.
        what: &'static str,
        /// What SQLite said.
        error: rusqlite::Error,
    },
    /// A PostgreSQL query or statement failed.
    #[error("{what}: {error}")]
    Postgres {
        /// What the store was doing.
        what: &'static str,
        /// What the server or the client library said.
        error: postgres::Error,
    },
    /// A stored value could not be read back.
    #[error("{what}: stored data is unreadable: {message}")]
    Corrupt {
        /// What was being read.
        what: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// A pagination cursor that this store never handed out.
    #[error("invalid cursor {0:?}")]
    BadCursor(String),
}

/// Attaches a description of the work to a SQLite or PostgreSQL error.
pub(crate) trait Context<T> {
    /// Names the failing step.
    fn during(self, what: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn during(self, what: &'static str) -> Result<T, StoreError> {
        self.map_err(|error| StoreError::Sql { what, error })
    }
}

impl<T> Context<T> for Result<T, postgres::Error> {
    fn during(self, what: &'static str) -> Result<T, StoreError> {
        self.map_err(|error| StoreError::Postgres { what, error })
    }
}
