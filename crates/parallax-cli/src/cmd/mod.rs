//! One module per subcommand.

pub mod brief;
