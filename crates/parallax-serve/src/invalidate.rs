//! Keeping cached briefs fresh on PostgreSQL: every replica listens on the store's channel
//! (`LISTEN`), and drops the briefs of the stories a committed regrouping names, whoever wrote it
//! (the queue's grouper, another replica). While it is not listening, nothing cached is trusted.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parallax_store::STORIES_CHANNEL;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls};

use crate::cache::BriefCache;

/// Whether this replica hears about changed stories now.
#[derive(Debug, Default)]
pub struct Invalidation {
    listening: AtomicBool,
}

impl Invalidation {
    /// Whether cached briefs may be served without asking the store for the story's version.
    pub fn trusted(&self) -> bool {
        self.listening.load(Ordering::Acquire)
    }
}

/// How long to wait before connecting again after the listening connection failed.
const RECONNECT: Duration = Duration::from_secs(1);

/// Starts the listener of the database at `url` on a thread of its own (the synchronous client
/// must not run on the async threads), dropping briefs from `briefs`.
pub fn listen(url: String, briefs: Arc<BriefCache>) -> Arc<Invalidation> {
    let state = Arc::new(Invalidation::default());
    let shared = Arc::clone(&state);
    let spawned = std::thread::Builder::new()
        .name("parallax-listen".into())
        .spawn(move || loop {
            if let Err(e) = listen_once(&url, &briefs, &shared) {
                tracing::warn!("warning: listening for changed stories: {e}; again in 1 s");
            }
            shared.listening.store(false, Ordering::Release);
            std::thread::sleep(RECONNECT);
        });
    if let Err(e) = spawned {
        tracing::warn!("warning: no listener for changed stories ({e}); every brief is checked");
    }
    state
}

/// One listening connection, until it fails.
fn listen_once(
    url: &str,
    briefs: &BriefCache,
    state: &Invalidation,
) -> Result<(), postgres::Error> {
    let mut client = Client::connect(url, NoTls)?;
    client.batch_execute(&format!("LISTEN {STORIES_CHANNEL}"))?;
    // Whatever changed while no one listened is unknown: start from nothing.
    briefs.invalidate(None);
    state.listening.store(true, Ordering::Release);
    let mut notifications = client.notifications();
    let mut waiting = notifications.blocking_iter();
    while let Some(note) = waiting.next()? {
        briefs.invalidate(stories_of(note.payload()).as_deref());
    }
    Ok(())
}

/// The stories a notification names; `None` for every story (`*`, or a payload not understood).
fn stories_of(payload: &str) -> Option<Vec<i64>> {
    payload
        .split_whitespace()
        .map(|id| id.parse().ok())
        .collect::<Option<Vec<i64>>>()
        .filter(|ids| !ids.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(payload: &str, expected: Option<&[i64]>) {
        assert_eq!(stories_of(payload).as_deref(), expected);
    }

    #[test]
    fn payloads_name_stories_or_all() {
        check("3 17", Some(&[3, 17]));
        check("*", None);
        check("", None);
        check("3 x", None);
    }
}
