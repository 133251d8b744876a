//! Publishing with confirmation: up to [`WINDOW`] messages in flight, every one confirmed by the
//! server (stored in its stream) before the call returns.

use async_nats::jetstream::context::{Publish, PublishAckFuture};
use parallax_core::RawDoc;

use crate::envelope::{doc_id, encode_doc, encode_processed, KIND_HEADER};
use crate::error::QueueError;
use crate::{Processed, Queue, ANALYZED_SUBJECT, DOCS_SUBJECT};

/// Messages published before waiting for their confirmations.
const WINDOW: usize = 256;

/// What a publish did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    /// Messages the streams stored.
    pub stored: usize,
    /// Messages the streams dropped as repeats of one published within the duplicate window.
    pub duplicates: usize,
}

/// Confirmations still to wait for.
struct InFlight {
    subject: &'static str,
    pending: Vec<PublishAckFuture>,
    done: Published,
}

impl InFlight {
    fn new(subject: &'static str) -> Self {
        Self {
            subject,
            pending: Vec::new(),
            done: Published::default(),
        }
    }

    fn failed(&self, e: impl std::fmt::Display) -> QueueError {
        QueueError::Publish {
            subject: self.subject,
            message: e.to_string(),
        }
    }

    async fn send(&mut self, queue: &Queue, message: Publish) -> Result<(), QueueError> {
        let ack = queue
            .jetstream
            .send_publish(self.subject, message)
            .await
            .map_err(|e| self.failed(e))?;
        self.pending.push(ack);
        if self.pending.len() >= WINDOW {
            self.confirm().await?;
        }
        Ok(())
    }

    async fn confirm(&mut self) -> Result<(), QueueError> {
        for ack in std::mem::take(&mut self.pending) {
            let ack = ack.await.map_err(|e| self.failed(e))?;
            if ack.duplicate {
                self.done.duplicates += 1;
            } else {
                self.done.stored += 1;
            }
        }
        Ok(())
    }
}

impl Queue {
    /// Publishes raw documents to [`DOCS_SUBJECT`]. A document too large for one message is handed
    /// to `skipped` and the rest go on; a server that stops answering fails the call.
    pub fn publish_docs(
        &self,
        docs: impl IntoIterator<Item = RawDoc>,
        mut skipped: impl FnMut(QueueError),
    ) -> Result<Published, QueueError> {
        let limit = self.max_payload();
        self.runtime.block_on(async {
            let mut flight = InFlight::new(DOCS_SUBJECT);
            for doc in docs {
                let payload = match encode_doc(&doc) {
                    Ok(p) if p.len() + 512 > limit => {
                        skipped(QueueError::TooLarge {
                            source_name: doc.source.clone(),
                            size: p.len(),
                            limit,
                        });
                        continue;
                    }
                    Ok(p) => p,
                    Err(e) => {
                        skipped(e);
                        continue;
                    }
                };
                let message = Publish::build()
                    .payload(payload.into())
                    .message_id(doc_id(&doc));
                flight.send(self, message).await?;
            }
            flight.confirm().await?;
            Ok(flight.done)
        })
    }

    /// Publishes workers' results to [`ANALYZED_SUBJECT`], each `(id, result)` under the id of the
    /// document it came from (a document done twice is stored once). A result whose analysis is
    /// too large for a message goes as its article alone; one still too large is handed to
    /// `skipped`.
    pub fn publish_results(
        &self,
        results: Vec<(String, Processed)>,
        mut skipped: impl FnMut(QueueError),
    ) -> Result<Published, QueueError> {
        let limit = self.max_payload();
        self.runtime.block_on(async {
            let mut flight = InFlight::new(ANALYZED_SUBJECT);
            for (id, processed) in results {
                let mut encoded = encode_processed(&processed);
                if matches!(&encoded, Ok((_, p)) if p.len() + 512 > limit) {
                    let article = Processed::Article(Box::new(processed.article().clone()));
                    encoded = encode_processed(&article);
                }
                let (kind, payload) = match encoded {
                    Ok((_, p)) if p.len() + 512 > limit => {
                        skipped(QueueError::TooLarge {
                            source_name: processed.article().source.clone(),
                            size: p.len(),
                            limit,
                        });
                        continue;
                    }
                    Ok(encoded) => encoded,
                    Err(e) => {
                        skipped(e);
                        continue;
                    }
                };
                let message = Publish::build()
                    .payload(payload.into())
                    .header(KIND_HEADER, kind)
                    .message_id(id);
                flight.send(self, message).await?;
            }
            flight.confirm().await?;
            Ok(flight.done)
        })
    }
}
