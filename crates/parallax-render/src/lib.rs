//! Renders a brief for readers and tools: Markdown for terminals, the `parallax/brief/v1`
//! JSON document, and one standalone HTML page.
//!
//! ```
//! use parallax_render::{render, OutputFormat};
//! # let brief = parallax_core::Brief {
//! #     schema: parallax_core::BRIEF_SCHEMA.into(), title: "A story".into(), articles: vec![],
//! #     summary: vec![], quotes: vec![], figures: vec![], exclusives: vec![], timeline: vec![],
//! #     entities: vec![], diagnostics: vec![],
//! # };
//! let format: OutputFormat = "md".parse().unwrap();
//! let text = render(&brief, format);
//! assert!(text.starts_with("# A story"));
//! ```
//!
//! Rendering never fails and never reorders what `fuse` decided, except that figures are shown
//! in three parts (agree, differ, single), exclusives grouped by article and entities by kind.
//! Articles are named by their outlet, else their id.

mod dates;
mod error;
mod format;
mod html;
mod json;
mod labels;
mod markdown;
mod sections;

#[cfg(test)]
#[path = "../tests/common/sample.rs"]
mod sample;

use parallax_core::Brief;

pub use error::Error;
pub use format::OutputFormat;
pub use html::{escape as escape_html, render_html};
pub use json::render_json;
pub use markdown::render_markdown;

/// Renders `brief` in `format`. The text ends with a newline, ready to print as it is.
pub fn render(brief: &Brief, format: OutputFormat) -> String {
    match format {
        OutputFormat::Markdown => render_markdown(brief),
        OutputFormat::Json => render_json(brief),
        OutputFormat::Html => render_html(brief),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_dispatches_on_format() {
        let brief = sample::brief();
        assert!(render(&brief, OutputFormat::Markdown).starts_with("# "));
        assert!(render(&brief, OutputFormat::Json).starts_with("{"));
        assert!(render(&brief, OutputFormat::Html).starts_with("<!DOCTYPE html>"));
    }
}
