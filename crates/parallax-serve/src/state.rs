//! The state every handler shares.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::cache::BriefCache;
use crate::invalidate::Invalidation;
use crate::pool::{AnyStore, Pool};
use crate::stages::Stages;

/// What the handlers need: read connections, the one writer, the stages and the write policy.
#[derive(Clone)]
pub struct AppState {
    /// Read connections.
    pub readers: Arc<Pool>,
    /// The single writing connection; SQLite allows one writer at a time anyway.
    pub writer: Arc<Mutex<AnyStore>>,
    /// Reads records, groups and briefs.
    pub stages: Arc<dyn Stages>,
    /// The bearer token writes need, if any.
    pub token: Option<Arc<str>>,
    /// Whether writes are accepted at all.
    pub writes: bool,
    /// Encoded briefs, ready to send.
    pub briefs: Arc<BriefCache>,
    /// Limits how many requests do store work at once.
    pub permits: Arc<tokio::sync::Semaphore>,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// On PostgreSQL, the notifications that keep cached briefs fresh; `None` on SQLite.
    pub invalidation: Option<Arc<Invalidation>>,
}

impl AppState {
    /// The writer. A panic in an earlier write does not lock every later one out: the store
    /// holds no state between transactions, and a transaction a panic cut short rolled back.
    pub fn write_lock(&self) -> MutexGuard<'_, AnyStore> {
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
