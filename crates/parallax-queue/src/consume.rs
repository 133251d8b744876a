//! Pulling from a durable consumer, acknowledging, and keeping messages in work alive.

use std::time::Duration;

use async_nats::jetstream::{self, consumer::PullConsumer, AckKind};
use futures_util::StreamExt;
use tokio::runtime::Handle;

use crate::error::QueueError;
use crate::{Queue, ACK_WAIT};

/// One delivered message, not yet acknowledged.
#[derive(Debug, Clone)]
pub struct Delivery {
    message: jetstream::Message,
}

impl Delivery {
    /// Its payload.
    pub fn payload(&self) -> &[u8] {
        &self.message.payload
    }

    /// The value of one of its headers.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.message
            .headers
            .as_ref()
            .and_then(|h| h.get(name))
            .map(|v| v.as_str())
    }

    /// How many times it has been delivered, this time included.
    pub fn delivered(&self) -> i64 {
        self.message.info().map_or(1, |i| i.delivered)
    }
}

/// A durable pull consumer of one stream.
pub struct Puller {
    consumer: PullConsumer,
    client: async_nats::Client,
    handle: Handle,
    name: &'static str,
}

impl Queue {
    /// The durable consumer `name` of `stream` (one of [`crate::WORKERS`] on
    /// [`crate::DOCS_STREAM`], [`crate::GROUPER`] on [`crate::ANALYZED_STREAM`]).
    pub fn puller(&self, stream: &str, name: &'static str) -> Result<Puller, QueueError> {
        Ok(Puller {
            consumer: self.consumer(stream, name)?,
            client: self.client.clone(),
            handle: self.runtime.handle().clone(),
            name,
        })
    }
}

impl Puller {
    fn failed(&self, e: impl std::fmt::Display) -> QueueError {
        QueueError::Consume {
            consumer: self.name,
            message: e.to_string(),
        }
    }

    /// Up to `max` messages: what is waiting now, else the first to come within `wait` with
    /// whatever waits behind it (possibly none). A lone document is worked on at once, a backlog in
    /// batches.
    pub fn pull(&self, max: usize, wait: Duration) -> Result<Vec<Delivery>, QueueError> {
        let max = max.max(1);
        let mut out = self.take(max, None)?;
        if out.is_empty() {
            out = self.take(1, Some(wait))?;
            if !out.is_empty() && max > 1 {
                out.extend(self.take(max - 1, None)?);
            }
        }
        Ok(out)
    }

    /// Up to `max` messages: those waiting now (`wait` is `None`), or those that come within
    /// `wait`.
    fn take(&self, max: usize, wait: Option<Duration>) -> Result<Vec<Delivery>, QueueError> {
        self.handle.block_on(async {
            let request = match wait {
                None => self.consumer.fetch().max_messages(max).messages().await,
                Some(wait) => {
                    self.consumer
                        .batch()
                        .max_messages(max)
                        .expires(wait)
                        .messages()
                        .await
                }
            };
            let mut batch = request.map_err(|e| self.failed(e))?;
            let mut out = Vec::new();
            while let Some(message) = batch.next().await {
                out.push(Delivery {
                    message: message.map_err(|e| self.failed(e))?,
                });
            }
            Ok(out)
        })
    }

    /// Acknowledges every delivery and waits until the server has the acknowledgements.
    pub fn ack(&self, deliveries: &[Delivery]) -> Result<(), QueueError> {
        self.send(deliveries, AckKind::Ack)
    }

    /// Tells the server never to deliver these again: for messages no one can read.
    pub fn reject(&self, deliveries: &[Delivery]) -> Result<(), QueueError> {
        self.send(deliveries, AckKind::Term)
    }

    fn send(&self, deliveries: &[Delivery], kind: AckKind) -> Result<(), QueueError> {
        self.handle.block_on(async {
            for d in deliveries {
                d.message.ack_with(kind).await.map_err(|e| self.failed(e))?;
            }
            self.client.flush().await.map_err(|e| self.failed(e))
        })
    }

    /// Keeps `deliveries` from being delivered again while they are worked on, until the guard is
    /// dropped: a working process says so every third of the ack wait, a killed one stops saying it.
    pub fn keep_alive(&self, deliveries: &[Delivery]) -> KeepAlive {
        let messages: Vec<jetstream::Message> =
            deliveries.iter().map(|d| d.message.clone()).collect();
        let task = self.handle.spawn(async move {
            let mut tick = tokio::time::interval(ACK_WAIT / 3);
            tick.tick().await;
            loop {
                tick.tick().await;
                for m in &messages {
                    // A lost progress note only means the message may come again: harmless.
                    let _ = m.ack_with(AckKind::Progress).await;
                }
            }
        });
        KeepAlive { task }
    }
}

/// Sends progress notes for messages in work until dropped.
pub struct KeepAlive {
    task: tokio::task::JoinHandle<()>,
}

impl Drop for KeepAlive {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The pause before pulling again after an error, so that a server restart is not a busy loop.
pub const RETRY: Duration = Duration::from_secs(1);
