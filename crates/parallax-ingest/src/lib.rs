//! Ingest: turns what the user names (files, folders, URLs) into raw documents.
//!
//! This stage only reads: it decides what each input is by its content, not its name (plain text,
//! HTML, JSON Lines, WARC, RSS/Atom, any of them gzip-compressed), and hands the bytes on
//! undecoded. Containers are streamed ([`stream`]): a WARC archive is read one record at a time.
//! Every failure is reported per input, or per record, so one bad input never stops a batch.

mod error;
mod feed;
mod fetch;
mod gzip;
mod jsonl;
mod sniff;
mod warc;

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use parallax_core::{Diagnostic, RawDoc, SourceMeta};
use serde_json::Value;

pub use error::IngestError;
pub use fetch::{is_url, USER_AGENT};
pub use jsonl::record;
pub use sniff::{sniff_format, sniff_kind, Kind};

/// Limits that keep one input from exhausting memory or time.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Largest document (or container record, or JSON line) read, in bytes; a larger one is an error.
    pub max_bytes: u64,
    /// Most bytes a gzip stream may inflate to in all (a WARC.gz is read through, one record at a time).
    pub max_decompressed_bytes: u64,
    /// Largest ratio of decompressed to compressed size accepted; real text stays far below it.
    pub max_gzip_ratio: u64,
    /// Seconds a URL may take, redirects included.
    pub fetch_timeout_secs: u64,
    /// Redirects followed for a URL.
    pub max_redirects: u32,
}

impl Default for IngestConfig {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            max_decompressed_bytes: 64 * 1024 * 1024 * 1024,
            max_gzip_ratio: 200,
            fetch_timeout_secs: 30,
            max_redirects: 5,
        }
    }
}

/// The documents of one input, read lazily. Each item is a document or the error of one record;
/// an error about the input as a whole comes as the only item.
pub struct DocStream {
    inner: Box<dyn Iterator<Item = Result<RawDoc, IngestError>> + Send>,
}

impl Iterator for DocStream {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next()
    }
}

impl DocStream {
    fn one(item: Result<RawDoc, IngestError>) -> Self {
        Self {
            inner: Box::new(std::iter::once(item)),
        }
    }

    fn many(items: Vec<Result<RawDoc, IngestError>>) -> Self {
        Self {
            inner: Box::new(items.into_iter()),
        }
    }
}

/// A folder's entries in sorted order, hidden ones (a leading dot) left out: the order in which
/// folders are read everywhere.
pub fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Expands the inputs as the user named them into files, in a stable order: folders recurse
/// (sorted by name, hidden entries skipped); URLs pass through as they are. Inputs that do not
/// exist become diagnostics. Inside folders, what is not a regular file (a FIFO, a socket, a
/// device) is skipped with a warning, and a folder already walked (a symlink loop, two links to
/// one folder) is not walked again; an input named directly is read whatever it is, so that
/// `<(command)` works.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut walk = Walk::default();
    for input in inputs {
        if input.to_str().is_some_and(is_url) {
            walk.files.push(input.clone());
        } else {
            walk.visit(input, true);
        }
    }
    (walk.files, walk.diagnostics)
}

/// The state of [`expand_inputs`].
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    diagnostics: Vec<Diagnostic>,
    /// Canonical paths of the folders walked so far.
    walked: HashSet<PathBuf>,
}

impl Walk {
    fn visit(&mut self, path: &Path, named: bool) {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                self.error(path, e.to_string());
                return;
            }
        };
        if meta.is_file() || named && !meta.is_dir() {
            self.files.push(path.to_path_buf());
            return;
        }
        if !meta.is_dir() {
            self.diagnostics.push(Diagnostic::warning(
                path.display().to_string(),
                "not a regular file (a FIFO, socket or device): skipped",
            ));
            return;
        }
        let canonical = match fs::canonicalize(path) {
            Ok(c) => c,
            Err(e) => {
                self.error(path, e.to_string());
                return;
            }
        };
        if !self.walked.insert(canonical) {
            if !named {
                self.diagnostics.push(Diagnostic::warning(
                    path.display().to_string(),
                    "a folder already read (a link back into the tree): skipped",
                ));
            }
            return;
        }
        let children = match sorted_entries(path) {
            Ok(children) => children,
            Err(e) => {
                self.error(path, e.to_string());
                return;
            }
        };
        for child in children {
            self.visit(&child, false);
        }
    }

    fn error(&mut self, path: &Path, message: String) {
        self.diagnostics
            .push(Diagnostic::error(path.display().to_string(), message));
    }
}

/// Opens one input (a file, or a URL given as a path) as a stream of documents.
pub fn stream(path: &Path, config: &IngestConfig) -> DocStream {
    let source = path.display().to_string();
    if is_url(&source) {
        return match fetch::open(&source, config) {
            Ok((reader, charset)) => from_reader(source, reader, charset, config, 0, 0),
            Err(e) => DocStream::one(Err(e)),
        };
    }
    match fs::File::open(path) {
        Ok(mut file) => {
            // The file's length sizes the buffer its body is read into, read once without
            // growing it (and copying what it holds) over and over; a gzip file's, the size its
            // trailer states, within the ratio no real document passes. Only a regular file is
            // looked into: a pipe cannot go back to its start.
            let len = file
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map_or(0, |m| m.len());
            let size = match (len > 0).then(|| gzip::stated_size(&mut file)).flatten() {
                Some(stated) => stated.min(len.saturating_mul(config.max_gzip_ratio)),
                None => len,
            };
            let size = usize::try_from(size).unwrap_or(usize::MAX);
            from_reader(source, Box::new(file), None, config, 0, size)
        }
        Err(e) => DocStream::one(Err(IngestError::io(source, e))),
    }
}

/// Reads one input into the documents it holds. Errors of single records in a container are
/// dropped when other records could be read; use [`stream`] to see each of them.
pub fn read_file(path: &Path, config: &IngestConfig) -> Result<Vec<RawDoc>, IngestError> {
    collect(stream(path, config))
}

/// Reads an input held in memory, named by `source` in any diagnostic.
pub fn read_bytes(source: String, body: Vec<u8>) -> Result<Vec<RawDoc>, IngestError> {
    let config = IngestConfig::default();
    let size = body.len();
    collect(from_reader(
        source,
        Box::new(Cursor::new(body)),
        None,
        &config,
        0,
        size,
    ))
}

fn collect(stream: DocStream) -> Result<Vec<RawDoc>, IngestError> {
    let mut docs = Vec::new();
    let mut first_error = None;
    for item in stream {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) if docs.is_empty() => Err(e),
        _ => Ok(docs),
    }
}

/// Maps a read error to the input's error, telling the gzip guard's stops apart.
pub(crate) fn read_error(source: &str, e: io::Error) -> IngestError {
    match gzip::stop_reason(&e) {
        Some(gzip::Stop::OverLimit(limit)) => IngestError::TooLarge {
            source_name: source.to_string(),
            size: *limit,
            limit: *limit,
        },
        Some(stop @ gzip::Stop::Ratio(_)) => IngestError::malformed(source, stop.to_string()),
        None => IngestError::io(source, e),
    }
}

/// Sniffs a stream and reads it by what it holds. `size` is what its source says a document's
/// body holds, in bytes (0 when unknown): its length, or for a gzip file the size its trailer
/// states. A hint for the body's buffer, never a limit.
fn from_reader(
    source: String,
    mut reader: Box<dyn Read + Send>,
    charset: Option<String>,
    config: &IngestConfig,
    depth: u8,
    size: usize,
) -> DocStream {
    let mut head = Vec::with_capacity(sniff::SNIFF_LEN);
    if let Err(e) = (&mut reader)
        .take(sniff::SNIFF_LEN as u64)
        .read_to_end(&mut head)
    {
        return DocStream::one(Err(read_error(&source, e)));
    }
    let kind = sniff_kind(&head);
    let reader: Box<dyn Read + Send> = Box::new(Cursor::new(head).chain(reader));
    match kind {
        Kind::Gzip if depth == 0 => {
            let inflated =
                gzip::Guarded::new(reader, config.max_decompressed_bytes, config.max_gzip_ratio);
            // The hint is for the inflated body: a gzip file's stated size, or the compressed
            // length, which the body holds at least.
            from_reader(source, Box::new(inflated), charset, config, depth + 1, size)
        }
        Kind::Gzip => DocStream::one(Err(IngestError::malformed(
            source,
            "gzip inside gzip is not read",
        ))),
        Kind::Warc => DocStream {
            inner: Box::new(warc::Warc::new(
                source,
                BufReader::with_capacity(1 << 16, reader),
                config.max_bytes,
            )),
        },
        Kind::JsonLines => DocStream {
            inner: Box::new(jsonl::JsonLines::new(
                source,
                BufReader::with_capacity(1 << 16, reader),
                config.max_bytes,
            )),
        },
        Kind::Feed => match read_limited(&source, reader, config.max_bytes, size) {
            Ok(bytes) => DocStream::many(feed::items(&source, &bytes)),
            Err(e) => DocStream::one(Err(e)),
        },
        Kind::Document(_) | Kind::Binary => DocStream::one(
            read_limited(&source, reader, config.max_bytes, size)
                .and_then(|b| document(source, b, charset)),
        ),
    }
}

fn read_limited(
    source: &str,
    reader: Box<dyn Read + Send>,
    limit: u64,
    size: usize,
) -> Result<Vec<u8>, IngestError> {
    // Read straight into a body sized for what the source says it holds (never over the limit),
    // not copied from a buffer and grown chunk by chunk.
    let capacity = usize::try_from(limit.saturating_add(1)).map_or(size, |cap| size.min(cap));
    let mut body = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| read_error(source, e))?;
    if body.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            source_name: source.to_string(),
            size: body.len() as u64,
            limit,
        });
    }
    Ok(body)
}

/// A single document's bytes.
fn document(source: String, body: Vec<u8>, charset: Option<String>) -> Result<RawDoc, IngestError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty {
            source_name: source,
        });
    }
    let format = sniff_format(&body).ok_or_else(|| IngestError::Binary {
        source_name: source.clone(),
    })?;
    let mut meta = SourceMeta::default();
    if is_url(&source) {
        meta.url = Some(source.clone());
    }
    if let Some(cs) = charset {
        meta.extra.insert("charset".into(), Value::String(cs));
    }
    Ok(RawDoc {
        source,
        id: None,
        format,
        body,
        meta,
    })
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

    #[test]
    fn urls_pass_through_expansion() {
        let (files, diags) = expand_inputs(&[PathBuf::from("https://example.com/a")]);
        assert_eq!(files, vec![PathBuf::from("https://example.com/a")]);
        assert!(diags.is_empty());
    }
}
