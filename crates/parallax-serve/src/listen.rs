//! Accepting connections, with the bounds `axum::serve` leaves out: a client must send its
//! request headers (the first, and each later one on a kept-alive connection) within
//! `Options::header_timeout`, no connection lives past [`MAX_CONNECTION_LIFE`], and at most
//! `Options::max_connections` are open at once (the next wait in the listen queue). Without them,
//! 1,100 clients that never finished their headers left a normal client unanswered.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::Options;

/// The longest one connection stays open, however busy: a client that stops reading its answers
/// cannot hold a connection slot for ever. Browsers open a new connection without fuss.
pub const MAX_CONNECTION_LIFE: Duration = Duration::from_secs(300);

/// Serves `app` on connections from `listener` until `shutdown` completes.
pub async fn serve_listener(
    listener: TcpListener,
    app: Router,
    options: &Options,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let header_timeout = options.header_timeout;
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => return,
            },
            () = &mut shutdown => return,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait for some to close.
                    tracing::warn!("parallax serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => return,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _slot = slot;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let _ = tokio::time::timeout(MAX_CONNECTION_LIFE, connection).await;
        });
    }
}
