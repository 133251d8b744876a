//! Which database the store commands use, and opening it.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use parallax_store::SqliteStore;

/// The database to use: the flag, else `PARALLAX_DB`, else `parallax.db` here.
pub fn db_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os("PARALLAX_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(|| PathBuf::from("parallax.db"))
}

/// Opens an existing store; reading commands never create one.
pub fn open_existing(flag: Option<PathBuf>) -> Result<SqliteStore> {
    let path = db_path(flag);
    if !path.exists() {
        bail!(
            "{}: no such database (create one with `parallax ingest`)",
            path.display()
        );
    }
    SqliteStore::open(&path).with_context(|| format!("opening {}", path.display()))
}
