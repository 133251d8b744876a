//! One module per subcommand.

pub mod brief;
pub mod cluster;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod search;
pub mod serve;
pub mod show;
pub mod stories;

/// A reader that stops early (`| head`) is not an error.
pub fn ignore_closed_pipe(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
