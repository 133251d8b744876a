//! Ingest: turns what the user names (files, folders) into raw documents.
//!
//! This stage only reads: it decides what each input is by its content, not its name, and hands
//! the bytes on undecoded. Every failure is reported per input, so one bad file never stops a batch.

mod error;
mod sniff;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use parallax_core::{Diagnostic, RawDoc, SourceMeta};

pub use error::IngestError;
pub use sniff::sniff_format;

/// Limits that keep one input from exhausting memory.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Largest document read, in bytes; a larger one is an error.
    pub max_bytes: u64,
}

impl Default for IngestConfig {
    fn default() -> Self {
        Self { max_bytes: 64 * 1024 * 1024 }
    }
}

/// Expands the inputs as the user named them into files, in a stable order: folders recurse
/// (sorted by name, hidden entries skipped). Inputs that do not exist become diagnostics.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for input in inputs {
        walk(input, &mut files, &mut diagnostics);
    }
    (files, diagnostics)
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, diagnostics: &mut Vec<Diagnostic>) {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            diagnostics.push(Diagnostic::error(path.display().to_string(), e.to_string()));
            return;
        }
    };
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            diagnostics.push(Diagnostic::error(path.display().to_string(), e.to_string()));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    children.sort();
    for child in children {
        walk(&child, files, diagnostics);
    }
}

/// Reads one file into the documents it holds.
pub fn read_file(path: &Path, config: &IngestConfig) -> Result<Vec<RawDoc>, IngestError> {
    let source = path.display().to_string();
    let io = |e: std::io::Error| IngestError::Io { source_name: source.clone(), error: e };
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > config.max_bytes {
        return Err(IngestError::TooLarge { source_name: source, size, limit: config.max_bytes });
    }
    let mut body = Vec::with_capacity(size as usize);
    file.take(config.max_bytes + 1).read_to_end(&mut body).map_err(io)?;
    read_bytes(source, body)
}

/// Reads a document held in memory, named by `source` in any diagnostic.
pub fn read_bytes(source: String, body: Vec<u8>) -> Result<Vec<RawDoc>, IngestError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { source_name: source });
    }
    let format = sniff_format(&body).ok_or_else(|| IngestError::Binary { source_name: source.clone() })?;
    Ok(vec![RawDoc { source, id: None, format, body, meta: SourceMeta::default() }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::Format;

    #[test]
    fn empty_and_binary_inputs_are_errors_that_name_the_input() {
        let err = read_bytes("a.txt".into(), b"  \n ".to_vec()).unwrap_err();
        assert!(err.to_string().contains("a.txt"), "{err}");
        assert!(err.to_string().contains("empty"), "{err}");
        let err = read_bytes("b.bin".into(), vec![0, 1, 2, 0, 255, 3, 0, 0]).unwrap_err();
        assert!(err.to_string().contains("b.bin"), "{err}");
        assert!(err.to_string().contains("binary"), "{err}");
    }

    #[test]
    fn text_is_read_as_text() {
        let docs = read_bytes("c.txt".into(), b"Hello there.\n".to_vec()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].format, Format::Text);
    }

    #[test]
    fn a_missing_input_is_a_diagnostic() {
        let (files, diags) = expand_inputs(&[PathBuf::from("/no/such/file.txt")]);
        assert!(files.is_empty());
        assert_eq!(diags.len(), 1);
        assert!(diags[0].source.contains("/no/such/file.txt"));
    }
}
