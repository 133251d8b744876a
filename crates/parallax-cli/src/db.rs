//! Which database the store commands use, and opening it.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use parallax_store::{is_postgres_url, without_password, PostgresStore, SqliteStore, Store};

/// The database to use: the flag, else `PARALLAX_DB`, else `parallax.db` here. Either a SQLite
/// file or a `postgres://` URL.
pub fn db_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os("PARALLAX_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(|| PathBuf::from("parallax.db"))
}

/// The PostgreSQL URL `db` is, if it is one.
fn postgres_url(db: &Path) -> Option<&str> {
    db.to_str().filter(|s| is_postgres_url(s))
}

/// The database as messages name it: a URL loses its password.
pub fn shown(db: &Path) -> String {
    match postgres_url(db) {
        Some(url) => without_password(url),
        None => db.display().to_string(),
    }
}

/// Opens the store `db` names, the one place the backend is picked: a `postgres://` or
/// `postgresql://` URL opens PostgreSQL, anything else is a SQLite file (created if missing).
pub fn open_store(db: &Path) -> Result<Box<dyn Store + Send>> {
    let store: Box<dyn Store + Send> = match postgres_url(db) {
        Some(url) => Box::new(PostgresStore::open(url)?),
        None => Box::new(SqliteStore::open(db).with_context(|| format!("opening {}", shown(db)))?),
    };
    Ok(store)
}

/// Opens an existing store; reading commands never create a SQLite file.
pub fn open_existing(flag: Option<PathBuf>) -> Result<Box<dyn Store + Send>> {
    let path = db_path(flag);
    if postgres_url(&path).is_none() && !path.exists() {
        bail!(
            "{}: no such database (create one with `parallax ingest`)",
            path.display()
        );
    }
    open_store(&path)
}
