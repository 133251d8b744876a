//! The pull loop the worker and the grouper share: batches from a durable consumer, a pause after
//! a failed pull, the end of an `--idle-exit` run, and the busy span their rates are taken over.

use std::time::{Duration, Instant};

use parallax_queue::{Delivery, Puller};

/// Where a pulling process stands.
pub struct Pulling {
    idle_exit: Option<Duration>,
    idle_since: Instant,
    /// From the first message pulled to the last acknowledged.
    busy: Option<(Instant, Instant)>,
    started: Instant,
    /// Messages worked on so far.
    pub done: usize,
}

impl Pulling {
    /// A process that stops after `idle_exit` seconds of an empty queue (never when `None`).
    pub fn new(idle_exit: Option<u64>) -> Self {
        let now = Instant::now();
        Self {
            idle_exit: idle_exit.map(Duration::from_secs),
            idle_since: now,
            busy: None,
            started: now,
            done: 0,
        }
    }

    /// The next batch of up to `max` messages, each pull waiting up to `wait`; `None` once the
    /// queue has been empty for the idle time. `before_pull` runs before every pull (the grouper
    /// checks its lease there) and ends the loop with its error.
    pub fn next<E>(
        &mut self,
        puller: &Puller,
        max: usize,
        wait: Duration,
        mut before_pull: impl FnMut() -> Result<(), E>,
    ) -> Result<Option<Vec<Delivery>>, E> {
        loop {
            before_pull()?;
            match puller.pull(max, wait) {
                Ok(batch) if !batch.is_empty() => {
                    self.started = Instant::now();
                    return Ok(Some(batch));
                }
                Ok(_) => {
                    if self
                        .idle_exit
                        .is_some_and(|idle| self.idle_since.elapsed() >= idle)
                    {
                        return Ok(None);
                    }
                }
                Err(e) => {
                    tracing::warn!("warning: {e}; pulling again");
                    std::thread::sleep(parallax_queue::RETRY);
                }
            }
        }
    }

    /// Notes that the batch last returned by [`Pulling::next`] is acknowledged.
    pub fn finished(&mut self, batch: usize) {
        self.done += batch;
        self.idle_since = Instant::now();
        self.busy = Some((
            self.busy.map_or(self.started, |(first, _)| first),
            self.idle_since,
        ));
    }

    /// Seconds from the first message pulled to the last acknowledged.
    pub fn busy_seconds(&self) -> f64 {
        self.busy
            .map_or(0.0, |(first, last)| (last - first).as_secs_f64())
    }
}
