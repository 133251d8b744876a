//! Stops at a named stage of a write, for crash tests: with `PARALLAX_TEST_PAUSE_AT=STAGE` (or
//! `STAGE:N`, the N-th time it is reached) in the environment, the process says
//! `parallax: paused at STAGE` on stderr when it gets there and then waits, so that a test can kill
//! it at exactly that point. Without the variable every call is one load of a cached `None`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

/// The variable that names the stage.
pub const PAUSE_VARIABLE: &str = "PARALLAX_TEST_PAUSE_AT";

/// The stages of a write, in the order an ingest reaches them.
pub const STAGES: &[&str] = &[
    BATCH_WRITTEN,
    BATCH_COMMITTED,
    GROUPED,
    STORIES_WRITTEN,
    STORIES_COMMITTED,
    BRIEFS_WRITTEN,
];

/// A batch's articles are inserted; its transaction is not committed.
pub const BATCH_WRITTEN: &str = "batch-written";
/// A batch is committed; nothing of it is grouped.
pub const BATCH_COMMITTED: &str = "batch-committed";
/// The stored articles are grouped in memory; nothing of it is written.
pub const GROUPED: &str = "grouped";
/// The new stories are written; their transaction is not committed.
pub const STORIES_WRITTEN: &str = "stories-written";
/// The new stories are committed; no brief is made.
pub const STORIES_COMMITTED: &str = "stories-committed";
/// Briefs are written; their transaction is not committed.
pub const BRIEFS_WRITTEN: &str = "briefs-written";

static TARGET: OnceLock<Option<(String, usize)>> = OnceLock::new();
static REACHED: AtomicUsize = AtomicUsize::new(0);

/// Waits forever when `stage` is the stage (and count) the environment names.
pub(crate) fn pause_at(stage: &str) {
    let target = TARGET.get_or_init(|| {
        let value = std::env::var(PAUSE_VARIABLE).ok()?;
        let (name, nth) = match value.split_once(':') {
            Some((name, n)) => (name.to_string(), n.parse().ok()?),
            None => (value, 1),
        };
        Some((name, nth))
    });
    let Some((name, nth)) = target else {
        return;
    };
    if name != stage || REACHED.fetch_add(1, Ordering::SeqCst).saturating_add(1) != *nth {
        return;
    }
    eprintln!("parallax: paused at {stage}");
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}
