//! Where a command's output goes: the file `-o/--output` names, or standard output. The one
//! place every subcommand writes its result through.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

/// The `-o/--output` flag, shared by every subcommand that prints a result.
#[derive(Debug, Clone, Default, Args)]
pub struct Output {
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Output {
    /// A buffered writer to the file (created or truncated) or to standard output.
    pub fn writer(&self) -> Result<Sink> {
        let inner: Box<dyn Write> = match &self.output {
            Some(path) => Box::new(
                File::create(path).with_context(|| format!("cannot write {}", path.display()))?,
            ),
            None => Box::new(io::stdout().lock()),
        };
        Ok(Sink {
            out: BufWriter::new(inner),
            path: self.output.clone(),
        })
    }

    /// Writes the whole text at once.
    pub fn write(&self, text: &str) -> Result<()> {
        let mut sink = self.writer()?;
        sink.write_all(text.as_bytes())
            .and_then(|()| sink.out.flush())
            .map_err(|e| sink.error(e))
    }
}

/// An open output; [`Sink::finish`] flushes it and says which file failed.
pub struct Sink {
    out: BufWriter<Box<dyn Write>>,
    path: Option<PathBuf>,
}

impl Sink {
    /// Flushes what is left, naming the file that could not be written.
    pub fn finish(mut self) -> Result<()> {
        self.out.flush().map_err(|e| self.error(e))
    }

    fn error(&self, e: io::Error) -> anyhow::Error {
        let place = match &self.path {
            Some(path) => format!("cannot write {}", path.display()),
            None => "cannot write to standard output".to_string(),
        };
        anyhow::Error::new(e).context(place)
    }
}

/// Whether an error is standard output closed by its reader (`| head`): the command stops there,
/// and that is no failure.
pub fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
