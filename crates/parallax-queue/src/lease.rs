//! The grouper's lease: one PostgreSQL session-level advisory lock per store schema. The process
//! that holds it groups; a second waits, polling, as a standby. The server drops the lock when the
//! holder's connection ends, killed process included, so the standby takes over within one poll.

use std::time::Duration;

use postgres::{Client, NoTls};

use crate::error::QueueError;

/// The lock's key: the schema the store lives in (several desks may share one database), hashed
/// by the server.
const KEY: &str = "hashtext(current_schema() || ':parallax-grouper')::bigint";

/// A held lease; dropping it (or the process dying) releases it.
pub struct Lease {
    client: Client,
}

impl Lease {
    /// Waits until this process holds the lease on the database at `url`, trying every `poll`.
    /// `standby` is called once if another process holds it at first.
    pub fn acquire(url: &str, poll: Duration, standby: impl FnOnce()) -> Result<Self, QueueError> {
        let mut client = Client::connect(url, NoTls)?;
        let mut standby = Some(standby);
        loop {
            let row = client.query_one(&format!("SELECT pg_try_advisory_lock({KEY})"), &[])?;
            if row.get::<_, bool>(0) {
                return Ok(Self { client });
            }
            if let Some(note) = standby.take() {
                note();
            }
            std::thread::sleep(poll);
        }
    }

    /// Fails when the lease's connection is gone (the server restarted, or dropped it): another
    /// process may hold the lease by now, so this one must stop grouping.
    pub fn check(&mut self) -> Result<(), QueueError> {
        self.client
            .is_valid(Duration::from_secs(5))
            .map_err(QueueError::Lease)
    }
}
