//! `parallax`: briefs of news stories reported by many outlets.

mod cmd;
mod load;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns many outlets' reports of the same news event into one brief a reader can trust.
#[derive(Parser)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    /// Worker threads (default: one per core).
    #[arg(long, global = true)]
    jobs: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Treat the inputs as reports of one story and print its brief.
    #[command(after_help = "Examples:\n  parallax brief examples/harbour-fire\n  parallax brief a.txt b.txt --format json -o brief.json")]
    Brief(cmd::brief::BriefArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(jobs) = cli.jobs {
        // Only fails when a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global();
    }
    let result = match cli.command {
        Command::Brief(args) => cmd::brief::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("parallax: {err:#}");
            ExitCode::FAILURE
        }
    }
}
