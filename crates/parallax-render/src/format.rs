//! The output formats a brief can be rendered in, named as the command line names them.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// How to render a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputFormat {
    /// Markdown, readable as it stands in a terminal (`md`).
    #[default]
    Markdown,
    /// The `parallax/brief/v1` JSON document (`json`).
    Json,
    /// One standalone HTML page (`html`).
    Html,
}

impl OutputFormat {
    /// Every format, in the order the command line lists them.
    pub const ALL: [OutputFormat; 3] = [
        OutputFormat::Markdown,
        OutputFormat::Json,
        OutputFormat::Html,
    ];

    /// The short name used on the command line (`md`, `json`, `html`).
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Json => "json",
            OutputFormat::Html => "html",
        }
    }

    /// The usual file extension for output in this format.
    pub fn extension(self) -> &'static str {
        self.name()
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for OutputFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(OutputFormat::Markdown),
            "json" => Ok(OutputFormat::Json),
            "html" | "htm" => Ok(OutputFormat::Html),
            _ => Err(Error::UnknownFormat(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for format in OutputFormat::ALL {
            assert_eq!(format.name().parse::<OutputFormat>(), Ok(format));
        }
        assert_eq!(
            "Markdown".parse::<OutputFormat>(),
            Ok(OutputFormat::Markdown)
        );
    }

    #[test]
    fn unknown_names_are_an_error_naming_the_input() {
        let err = "pdf".parse::<OutputFormat>().unwrap_err();
        assert!(err.to_string().contains("\"pdf\""), "{err}");
    }
}
