//! The NATS JetStream pipeline: `ingest --queue` publishes raw documents, any number of workers
//! pull them, read, extract and analyse them, and publish the results; one grouper (the holder of
//! a PostgreSQL lease, [`lease`]) pulls the results, stores and groups them.
//!
//! ```text
//!  ingest ──► PARALLAX_DOCS ──► worker, worker, … ──► PARALLAX_ANALYZED ──► grouper ──► PostgreSQL
//!             parallax.docs     (durable "workers")   parallax.analyzed     (durable "grouper",
//!                                                                            one lease holder)
//! ```
//!
//! Both streams are work queues on disk: a message leaves once acknowledged. A consumer
//! acknowledges a batch only after its results are safe (published and confirmed by the server,
//! or committed to the store); a process killed before that leaves the batch unacknowledged, and
//! the server delivers it again after the consumer's ack wait. Publishers give each message an id
//! ([`envelope::doc_id`]) so that a repeated publish within the stream's duplicate window is
//! dropped, and the store's inserts are idempotent by URL and content hash: redelivery plus
//! idempotent writes give exactly-once results.
//!
//! The client is async (`async-nats`); [`Queue`] drives it on a small runtime of its own and offers
//! blocking calls, because everything around it (the stages, the synchronous PostgreSQL client) is
//! synchronous and must not run on async threads.

mod consume;
pub mod envelope;
mod error;
pub mod lease;
mod publish;

use std::time::Duration;

use async_nats::jetstream::{self, consumer, stream};

pub use consume::{Delivery, KeepAlive, Puller, RETRY};
pub use envelope::Processed;
pub use error::QueueError;
pub use lease::Lease;
pub use publish::Published;

/// The stream of raw documents.
pub const DOCS_STREAM: &str = "PARALLAX_DOCS";
/// The subject raw documents are published on.
pub const DOCS_SUBJECT: &str = "parallax.docs";
/// The stream of workers' results.
pub const ANALYZED_STREAM: &str = "PARALLAX_ANALYZED";
/// The subject workers publish results on.
pub const ANALYZED_SUBJECT: &str = "parallax.analyzed";
/// The durable consumer the workers share.
pub const WORKERS: &str = "workers";
/// The durable consumer of the grouper.
pub const GROUPER: &str = "grouper";

/// How long a delivered message may go unacknowledged before the server delivers it again. A
/// consumer that is still working says so ([`KeepAlive`]), so this bounds only how long the work of
/// a killed process waits to be redone.
pub const ACK_WAIT: Duration = Duration::from_secs(10);

/// How long an id is remembered for de-duplication.
const DUPLICATE_WINDOW: Duration = Duration::from_secs(120);

/// A connection to NATS with both streams in place, driven on a runtime of its own.
pub struct Queue {
    runtime: tokio::runtime::Runtime,
    client: async_nats::Client,
    jetstream: jetstream::Context,
    url: String,
}

impl Queue {
    /// Connects to the server at `url` (`nats://host:port`) and creates the streams if missing.
    pub fn connect(url: &str) -> Result<Self, QueueError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        let client =
            runtime
                .block_on(async_nats::connect(url))
                .map_err(|e| QueueError::Connect {
                    url: url.to_string(),
                    message: e.to_string(),
                })?;
        let jetstream = jetstream::new(client.clone());
        let queue = Self {
            runtime,
            client,
            jetstream,
            url: url.to_string(),
        };
        queue.ensure_stream(DOCS_STREAM, DOCS_SUBJECT)?;
        queue.ensure_stream(ANALYZED_STREAM, ANALYZED_SUBJECT)?;
        Ok(queue)
    }

    /// The server as given.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The largest message the server takes, in bytes.
    pub fn max_payload(&self) -> usize {
        self.client.server_info().max_payload
    }

    fn ensure_stream(&self, name: &str, subject: &str) -> Result<(), QueueError> {
        let config = stream::Config {
            name: name.to_string(),
            subjects: vec![subject.to_string()],
            retention: stream::RetentionPolicy::WorkQueue,
            storage: stream::StorageType::File,
            duplicate_window: DUPLICATE_WINDOW,
            ..stream::Config::default()
        };
        self.runtime
            .block_on(self.jetstream.get_or_create_stream(config))
            .map(drop)
            .map_err(|e| QueueError::Setup {
                what: name.to_string(),
                message: e.to_string(),
            })
    }

    /// The durable pull consumer `name` on `stream`, created if missing.
    fn consumer(
        &self,
        stream: &str,
        name: &'static str,
    ) -> Result<consumer::PullConsumer, QueueError> {
        let setup = |e: &dyn std::fmt::Display| QueueError::Setup {
            what: format!("{stream}/{name}"),
            message: e.to_string(),
        };
        self.runtime.block_on(async {
            let stream = self
                .jetstream
                .get_stream(stream)
                .await
                .map_err(|e| setup(&e))?;
            stream
                .get_or_create_consumer(
                    name,
                    consumer::pull::Config {
                        durable_name: Some(name.to_string()),
                        ack_policy: consumer::AckPolicy::Explicit,
                        ack_wait: ACK_WAIT,
                        // Every worker may hold a full batch at once.
                        max_ack_pending: 20_000,
                        ..consumer::pull::Config::default()
                    },
                )
                .await
                .map_err(|e| setup(&e))
        })
    }

    /// How many messages wait in `stream`, delivered or not (a work queue keeps a message until it
    /// is acknowledged).
    pub fn waiting(&self, name: &str) -> Result<u64, QueueError> {
        let failed = |e: &dyn std::fmt::Display| QueueError::Setup {
            what: name.to_string(),
            message: e.to_string(),
        };
        self.runtime.block_on(async {
            let mut stream = self
                .jetstream
                .get_stream(name)
                .await
                .map_err(|e| failed(&e))?;
            let info = stream.info().await.map_err(|e| failed(&e))?;
            Ok(info.state.messages)
        })
    }

    /// Drops every message waiting in both streams: an operator's (or a test's) fresh start.
    pub fn purge(&self) -> Result<(), QueueError> {
        self.runtime.block_on(async {
            for name in [DOCS_STREAM, ANALYZED_STREAM] {
                let failed = |e: &dyn std::fmt::Display| QueueError::Setup {
                    what: name.to_string(),
                    message: e.to_string(),
                };
                let stream = self
                    .jetstream
                    .get_stream(name)
                    .await
                    .map_err(|e| failed(&e))?;
                stream.purge().await.map_err(|e| failed(&e))?;
            }
            Ok(())
        })
    }
}
