//! A small pool of read connections, so that each blocking task has its own store handle (a
//! SQLite file or a PostgreSQL connection).

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use parallax_store::{Store, StoreError};

/// One connection to the store, of either backend.
pub type AnyStore = Box<dyn Store + Send>;

/// Idle read connections to one database; more are opened on demand.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<AnyStore>>,
    max_idle: usize,
}

impl Pool {
    /// A pool over the database `path` names (a file, or a `postgres://` URL), keeping at most `max_idle` idle connections.
    pub fn new(path: PathBuf, max_idle: usize) -> Self {
        Self {
            path,
            idle: Mutex::new(Vec::new()),
            max_idle,
        }
    }

    /// The idle list; a panic elsewhere while it was held leaves it usable (it is only a list).
    fn idle_stores(&self) -> MutexGuard<'_, Vec<AnyStore>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A connection, returned to the pool when dropped.
    pub fn get(self: &Arc<Self>) -> Result<Pooled, StoreError> {
        let idle = self.idle_stores().pop();
        let store = match idle {
            Some(store) => store,
            None => parallax_store::open(&self.path)?,
        };
        Ok(Pooled {
            store: Some(store),
            pool: Arc::clone(self),
        })
    }
}

/// A connection on loan from a [`Pool`].
pub struct Pooled {
    store: Option<AnyStore>,
    pool: Arc<Pool>,
}

impl Deref for Pooled {
    type Target = dyn Store + Send;

    fn deref(&self) -> &Self::Target {
        // Only `drop` takes the store out.
        self.store
            .as_deref()
            .unwrap_or_else(|| unreachable!("a pooled store is present until dropped"))
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            let mut idle = self.pool.idle_stores();
            if idle.len() < self.pool.max_idle {
                idle.push(store);
            }
        }
    }
}
