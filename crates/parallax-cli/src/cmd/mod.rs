//! One module per subcommand.

pub mod brief;
pub mod ingest;
pub mod search;
pub mod serve;
pub mod show;
pub mod stories;
pub mod extract;
pub mod eval;
pub mod cluster;
