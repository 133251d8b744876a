//! Errors: [`ApiError`] is what a client sees (mapped to a status in one place), [`ServeError`]
//! is why the server could not start.

use std::net::SocketAddr;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use parallax_store::StoreError;

/// An error answered to a client as `{"error": {"code", "message"}}`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed (bad JSON, bad parameter).
    #[error("{0}")]
    BadRequest(String),
    /// A write without the right bearer token.
    #[error("this request needs `Authorization: Bearer <token>`")]
    Unauthorized,
    /// Writes are switched off on this server.
    #[error("writes are disabled on this server")]
    Forbidden,
    /// No such resource.
    #[error("{0}")]
    NotFound(String),
    /// The method is not served at this path.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request body is over the limit.
    #[error("the request body is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// Well-formed, but nothing in it could be used.
    #[error("{0}")]
    Unprocessable(String),
    /// The request took longer than the server allows.
    #[error("the request took too long")]
    Timeout,
    /// A request the tokenless loopback server refuses: a foreign `Host` or `Origin`, or a write
    /// in a form any web page may send.
    #[error("{0}")]
    Refused(String),
    /// A write whose body is not declared as JSON.
    #[error("writes need `Content-Type: application/json`")]
    UnsupportedMediaType,
    /// Something broke inside; the details go to the log, not to the client.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status and the stable code string of this error.
    pub fn status(&self) -> (StatusCode, &'static str) {
        match self {
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Self::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            Self::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            Self::Unprocessable(_) => (StatusCode::UNPROCESSABLE_ENTITY, "unprocessable"),
            Self::Timeout => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
            Self::Refused(_) => (StatusCode::FORBIDDEN, "refused"),
            Self::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::BadCursor(_) => Self::BadRequest(e.to_string()),
            other => Self::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status();
        if let Self::Internal(detail) = &self {
            tracing::error!("parallax serve: internal error: {detail}");
        }
        let body = serde_json::json!({ "error": { "code": code, "message": self.to_string() } });
        (status, axum::Json(body)).into_response()
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Listening beyond this machine needs a token, so that strangers cannot write.
    #[error("{0}: refusing to listen on a non-loopback address without --token")]
    NoToken(SocketAddr),
    /// The database could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address could not be bound, or serving failed.
    #[error("{addr}: {error}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// What the OS said.
        error: std::io::Error,
    },
}
