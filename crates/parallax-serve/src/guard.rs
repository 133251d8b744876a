//! What the tokenless loopback server refuses. Without a token, anyone who can reach the port may
//! write, which is safe only when that is the user alone. A web page in the user's browser can
//! reach it too: through DNS rebinding (a foreign name that resolves to 127.0.0.1, seen in `Host`)
//! and through cross-site requests (a foreign `Origin`, or a `text/plain` or form body, which a
//! page may send without the browser asking the server first). Those are refused here.

use axum::extract::Request;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Media types a write may declare; none of them can be sent cross-site without a preflight.
const JSON_TYPES: [&str; 3] = [
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
];

/// The middleware: every request needs a loopback `Host` (or none); a write needs a JSON
/// `Content-Type` and a same-origin or absent `Origin`.
pub async fn loopback_only(request: Request, next: Next) -> Response {
    match check(request.method(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(e) => e.into_response(),
    }
}

fn check(method: &Method, headers: &HeaderMap) -> Result<(), ApiError> {
    let host = match headers.get(header::HOST) {
        None => None,
        Some(h) => Some(
            h.to_str()
                .ok()
                .filter(|h| is_loopback_authority(h))
                .ok_or_else(|| ApiError::Refused("this server answers only to localhost".into()))?,
        ),
    };
    if matches!(method, &Method::GET | &Method::HEAD | &Method::OPTIONS) {
        return Ok(());
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let authority = origin.to_str().ok().and_then(|o| {
            o.strip_prefix("http://")
                .or_else(|| o.strip_prefix("https://"))
        });
        let same = match (authority, host) {
            (Some(a), Some(h)) => a.eq_ignore_ascii_case(h),
            (Some(a), None) => is_loopback_authority(a),
            (None, _) => false,
        };
        if !same {
            return Err(ApiError::Refused(
                "writes from another origin are refused".into(),
            ));
        }
    }
    let media = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::trim);
    match media {
        Some(m) if JSON_TYPES.iter().any(|t| t.eq_ignore_ascii_case(m)) => Ok(()),
        _ => Err(ApiError::UnsupportedMediaType),
    }
}

/// Whether `host[:port]` names this machine: `localhost` (or a name under it) or a loopback IP.
fn is_loopback_authority(authority: &str) -> bool {
    let host = if let Some(rest) = authority.strip_prefix('[') {
        match rest.split_once(']') {
            Some((ip, port)) if port.is_empty() || is_port(port) => ip,
            _ => return false,
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) if is_port(port) => host,
            Some(_) => return false,
            None => authority,
        }
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn is_port(s: &str) -> bool {
    s.strip_prefix(':').unwrap_or(s).parse::<u16>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_host(authority: &str, expected: bool) {
        assert_eq!(is_loopback_authority(authority), expected, "{authority}");
    }

    #[test]
    fn loopback_names_and_addresses() {
        check_host("localhost", true);
        check_host("localhost:8080", true);
        check_host("app.localhost:8080", true);
        check_host("127.0.0.1:3000", true);
        check_host("127.9.9.9", true);
        check_host("[::1]:3000", true);
        check_host("[::1]", true);
        check_host("evil.example:3000", false);
        check_host("localhost.evil.example", false);
        check_host("10.0.0.1:80", false);
        check_host("localhost:notaport", false);
        check_host("[::1]x", false);
    }
}
