//! http(s) inputs: fetched with a timeout, a size limit, a few redirects and a user agent that
//! says who is asking.

use std::io::Read;
use std::time::Duration;

use crate::{IngestConfig, IngestError};

/// The user agent sent with every request.
pub const USER_AGENT: &str = concat!("parallax/", env!("CARGO_PKG_VERSION"), " (news brief tool)");

/// Whether an input names a URL rather than a path.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A fetched body, as a reader that stops at the size limit, and the charset the server declared.
pub(crate) fn open(
    url: &str,
    config: &IngestConfig,
) -> Result<(Box<dyn Read + Send>, Option<String>), IngestError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(config.fetch_timeout_secs)))
        .timeout_connect(Some(Duration::from_secs(config.fetch_timeout_secs.min(10))))
        .max_redirects(config.max_redirects)
        .user_agent(USER_AGENT)
        .build()
        .into();
    let fail = |message: String| IngestError::Fetch {
        source_name: url.to_string(),
        message,
    };
    let response = agent.get(url).call().map_err(|e| fail(e.to_string()))?;
    let charset = response.body().charset().map(str::to_string);
    let reader = response
        .into_body()
        .into_with_config()
        .limit(config.max_bytes)
        .reader();
    Ok((Box::new(reader), charset))
}
