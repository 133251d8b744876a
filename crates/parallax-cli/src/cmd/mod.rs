//! One module per subcommand.

pub mod brief;
pub mod cluster;
pub mod docs;
pub mod enqueue;
pub mod eval;
pub mod extract;
pub mod grouper;
pub mod ingest;
pub mod search;
pub mod serve;
pub mod show;
pub mod stories;
pub mod worker;
