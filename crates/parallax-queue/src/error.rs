//! The one error type of the queue.

use thiserror::Error;

/// What can go wrong talking to NATS or holding the grouper's lease.
#[derive(Debug, Error)]
pub enum QueueError {
    /// The NATS server could not be reached.
    #[error("cannot connect to {url}: {message}")]
    Connect {
        /// The server, as given.
        url: String,
        /// Why.
        message: String,
    },
    /// A stream or consumer could not be created or found.
    #[error("JetStream {what}: {message}")]
    Setup {
        /// Which stream or consumer.
        what: String,
        /// Why.
        message: String,
    },
    /// A message could not be published, or the server did not confirm it.
    #[error("publishing to {subject}: {message}")]
    Publish {
        /// The subject.
        subject: &'static str,
        /// Why.
        message: String,
    },
    /// Messages could not be pulled or acknowledged.
    #[error("consuming {consumer}: {message}")]
    Consume {
        /// The durable consumer.
        consumer: &'static str,
        /// Why.
        message: String,
    },
    /// A message does not hold what its subject promises.
    #[error("bad message: {0}")]
    Decode(String),
    /// A document too large for one message.
    #[error("{source_name}: {size} bytes is over the server's message limit of {limit}")]
    TooLarge {
        /// The document.
        source_name: String,
        /// Its encoded size.
        size: usize,
        /// The server's `max_payload`.
        limit: usize,
    },
    /// The grouper's lease on PostgreSQL.
    #[error("grouper lease: {0}")]
    Lease(#[from] postgres::Error),
    /// The runtime that drives the client could not start.
    #[error("starting the NATS client's runtime: {0}")]
    Runtime(#[from] std::io::Error),
}
