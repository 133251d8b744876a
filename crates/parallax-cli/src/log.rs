//! Logging: `tracing` events on stderr, filtered by `RUST_LOG` or else by `-q`/`-v`, written
//! around any progress bar on screen. Warnings and errors read as the CLI always wrote them
//! (`warning: SOURCE: message`), progress summaries as plain lines; stdout stays data only.

use std::fmt;
use std::io::{self, Write};

use parallax_core::Diagnostic;
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields, FormattedFields, MakeWriter};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::EnvFilter;

use crate::progress;

/// How much the user asked to hear on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbosity {
    /// `-q`: errors only, no progress bars.
    Quiet,
    /// The default: warnings, errors and progress summaries.
    Normal,
    /// `-v` (debug events, request logs of `serve`), `-vv` and more (trace events).
    Verbose(u8),
}

impl Verbosity {
    /// The verbosity the global flags ask for (clap keeps `-q` and `-v` apart).
    pub fn from_flags(quiet: bool, verbose: u8) -> Self {
        match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (false, 0) => Verbosity::Normal,
            (false, n) => Verbosity::Verbose(n),
        }
    }

    /// The filter this verbosity stands for when `RUST_LOG` is not set.
    fn filter(self) -> &'static str {
        match self {
            Verbosity::Quiet => "error",
            Verbosity::Normal => "info",
            Verbosity::Verbose(1) => "debug",
            Verbosity::Verbose(_) => "trace",
        }
    }
}

/// Installs the global subscriber: `RUST_LOG` when set (it wins over `-q`/`-v`), else the
/// verbosity's level for every target.
pub fn init(verbosity: Verbosity) {
    let asked = std::env::var("RUST_LOG")
        .ok()
        .filter(|v| !v.trim().is_empty());
    let (filter, unreadable) = match asked.as_deref().map(EnvFilter::try_new) {
        Some(Ok(filter)) => (filter, None),
        Some(Err(e)) => (EnvFilter::new(verbosity.filter()), Some(e)),
        None => (EnvFilter::new(verbosity.filter()), None),
    };
    // The NATS client reports "event: connected" at info level: not news for a command line.
    let filter = match (asked.is_none(), verbosity, "async_nats=warn".parse()) {
        (true, Verbosity::Normal, Ok(directive)) => filter.add_directive(directive),
        _ => filter,
    };
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .event_format(Plain)
        .with_writer(Stderr)
        .finish();
    // Only fails when a subscriber is already set, which cannot happen this early.
    let _ = tracing::subscriber::set_global_default(subscriber);
    if let Some(e) = unreadable {
        tracing::warn!("RUST_LOG: {e}; using the default filter");
    }
}

/// Reports one input's diagnostic: errors (the input or record was not used) at error level, so
/// that `-q` still shows them, warnings at warn level.
pub fn diagnostic(d: &Diagnostic) {
    match d.level {
        parallax_core::Level::Error => tracing::error!("{}: {}", d.source, d.message),
        parallax_core::Level::Warning => tracing::warn!("{}: {}", d.source, d.message),
    }
}

/// Reports every diagnostic of a batch, in order.
pub fn diagnostics<'a>(ds: impl IntoIterator<Item = &'a Diagnostic>) {
    ds.into_iter().for_each(diagnostic);
}

/// One event a line: `error: `/`warning: ` before errors and warnings (as the CLI's diagnostics
/// always read), info events bare, debug and trace with their level and target; then the spans the
/// event is in (a request of `serve`), the message and its fields.
struct Plain;

impl<S, N> FormatEvent<S, N> for Plain
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let meta = event.metadata();
        match *meta.level() {
            Level::ERROR => write!(writer, "error: ")?,
            Level::WARN => write!(writer, "warning: ")?,
            Level::INFO => {}
            Level::DEBUG => write!(writer, "debug: {}: ", meta.target())?,
            Level::TRACE => write!(writer, "trace: {}: ", meta.target())?,
        }
        if let Some(scope) = ctx.event_scope() {
            for span in scope.from_root() {
                write!(writer, "{}", span.name())?;
                let extensions = span.extensions();
                if let Some(fields) = extensions.get::<FormattedFields<N>>() {
                    if !fields.is_empty() {
                        write!(writer, "{{{fields}}}")?;
                    }
                }
                write!(writer, ": ")?;
            }
        }
        ctx.field_format().format_fields(writer.by_ref(), event)?;
        writeln!(writer)
    }
}

/// Standard error, written between two frames of the progress bars so that a log line never lands
/// inside a bar.
struct Stderr;

impl<'a> MakeWriter<'a> for Stderr {
    type Writer = Stderr;

    fn make_writer(&'a self) -> Self::Writer {
        Stderr
    }
}

impl Write for Stderr {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // The formatter hands over a whole event at once.
        progress::suspend(|| io::stderr().lock().write_all(buf))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flags_choose_a_level() {
        assert_eq!(Verbosity::from_flags(true, 0).filter(), "error");
        assert_eq!(Verbosity::from_flags(false, 0).filter(), "info");
        assert_eq!(Verbosity::from_flags(false, 1).filter(), "debug");
        assert_eq!(Verbosity::from_flags(false, 3).filter(), "trace");
    }
}
