//! RSS 2.0 and Atom feeds: one document per item, with its link, date and title, and its content
//! (or summary) as the body when the feed carries it.

use parallax_core::{Format, RawDoc, SourceMeta};

use crate::sniff::sniff_format;
use crate::IngestError;

/// The items of a feed held in memory.
pub(crate) fn items(source: &str, bytes: &[u8]) -> Vec<Result<RawDoc, IngestError>> {
    let parser = feed_rs::parser::Builder::new().build();
    let feed = match parser.parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(IngestError::malformed(
                source,
                format!("not a readable RSS or Atom feed: {e}"),
            ))]
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let link = entry.links.first().map(|l| l.href.clone());
        let name = match &link {
            Some(l) => format!("{source}#item{} ({l})", i + 1),
            None => format!("{source}#item{}", i + 1),
        };
        let title = entry
            .title
            .map(|t| t.content.trim().to_string())
            .filter(|t| !t.is_empty());
        let body = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .map(|s| s.content)
                    .filter(|s| !s.trim().is_empty())
            });
        let Some(body) = body else {
            out.push(Err(IngestError::malformed(
                &name,
                "feed item has no content or summary",
            )));
            continue;
        };
        let format = if body.contains('<') {
            Format::Html
        } else {
            sniff_format(body.as_bytes()).unwrap_or(Format::Text)
        };
        let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        let authors = entry
            .authors
            .into_iter()
            .filter_map(|a| a.name)
            .map(|n| n.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        let meta = SourceMeta {
            url: link,
            title,
            published,
            outlet: outlet.clone(),
            authors,
            extra: Default::default(),
        };
        let id = Some(entry.id).filter(|id| !id.is_empty());
        out.push(Ok(RawDoc {
            source: name,
            id,
            format,
            body: body.into_bytes(),
            meta,
        }));
    }
    if out.is_empty() {
        out.push(Err(IngestError::malformed(source, "feed has no items")));
    }
    out
}
