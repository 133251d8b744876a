//! `parallax`: briefs of news stories reported by many outlets.

mod analyses;
mod args;
mod cmd;
mod cpu;
mod db;
mod load;
mod log;
mod output;
mod pipeline;
mod progress;
mod pulling;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Reading and briefing allocate many small strings; mimalloc serves them with a fraction of the
/// system allocator's work.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns many outlets' reports of the same news event into one brief a reader can trust.
#[derive(Parser)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    /// Worker threads (default: one per core).
    #[arg(long, global = true)]
    jobs: Option<usize>,
    /// Print errors only: no warnings, summaries or progress bars (RUST_LOG, when set, wins).
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more: -v debug events (and serve's request log), -vv everything (RUST_LOG, when set,
    /// wins).
    #[arg(long, short, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Treat the inputs as reports of one story and print its brief.
    #[command(
        after_help = "Examples:\n  parallax brief examples/harbour-fire\n  parallax brief a.txt b.txt --format json -o brief.json"
    )]
    Brief(cmd::brief::BriefArgs),
    /// Add articles to the store; stories regroup and changed briefs are made again.
    #[command(
        after_help = "Examples:\n  parallax ingest articles.jsonl\n  parallax ingest pages/ --db news.db"
    )]
    Ingest(cmd::ingest::IngestArgs),
    /// Pull documents from the queue, read, extract and analyse them, publish the results.
    #[command(
        after_help = "Examples:\n  parallax worker --queue nats://127.0.0.1:4222\n  PARALLAX_QUEUE=nats://10.0.0.5:4222 parallax worker"
    )]
    Worker(cmd::worker::WorkerArgs),
    /// Place the workers' articles into stories and write them to PostgreSQL (one active, others
    /// stand by).
    #[command(
        after_help = "Example:\n  parallax grouper --queue nats://127.0.0.1:4222 --db postgres://parallax@127.0.0.1/news"
    )]
    Grouper(cmd::grouper::GrouperArgs),
    /// List the stored stories, newest first.
    #[command(
        after_help = "Examples:\n  parallax stories\n  parallax stories --since 2024-05-01 --format jsonl"
    )]
    Stories(cmd::stories::StoriesArgs),
    /// Print a stored story's brief.
    #[command(after_help = "Examples:\n  parallax show 12\n  parallax show 12 --format json")]
    Show(cmd::show::ShowArgs),
    /// Full-text search over stored articles.
    #[command(
        after_help = "Examples:\n  parallax search 'harbour fire'\n  parallax search '\"fire chief\"' --outlet Reuters"
    )]
    Search(cmd::search::SearchArgs),
    /// Serve the JSON API and the web page.
    #[command(
        after_help = "Examples:\n  parallax serve\n  parallax serve --addr 0.0.0.0:8080 --token \"$TOKEN\""
    )]
    Serve(cmd::serve::ServeArgs),
    /// Print each article's clean text and metadata (JSON Lines by default).
    #[command(
        after_help = "Examples:\n  parallax extract page.html crawl.warc.gz feed.xml\n  parallax extract articles.jsonl --format md\n  parallax extract https://example.com/story"
    )]
    Extract(cmd::extract::ExtractArgs),
    /// Measure Parallax against published data (ROUGE on DUC summaries).
    #[command(
        after_help = "Examples:\n  parallax eval summaries ../shared/eval/duc2004-dev\n  parallax eval summaries DIR --peers eval/peers/out --format json"
    )]
    Eval(cmd::eval::EvalArgs),
    /// Group the inputs into stories and mark wire copies (JSON Lines, or Markdown with --format md).
    #[command(
        after_help = "Examples:\n  parallax cluster articles.jsonl\n  parallax cluster pages/ --format md"
    )]
    Cluster(cmd::cluster::ClusterArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  parallax completions bash > ~/.local/share/bash-completion/completions/parallax\n  parallax completions zsh > ~/.zfunc/_parallax\n  parallax completions fish > ~/.config/fish/completions/parallax.fish"
    )]
    Completions(cmd::docs::CompletionsArgs),
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  parallax man > parallax.1 && man -l parallax.1")]
    Man(cmd::docs::ManArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    log::init(log::Verbosity::from_flags(cli.quiet, cli.verbose));
    progress::init(cli.quiet);
    // `brief` makes the main thread one of the pool's workers: its parallel loops start on it
    // rather than waking a worker and sleeping, and on one core no thread is started at all.
    // Only there: a command whose loops can start on other threads (the server's) would leave
    // those to the pool's other workers, of which one core leaves none.
    let brief = matches!(cli.command, Command::Brief(_));
    if cli.jobs.is_some() || brief {
        let mut pool = rayon::ThreadPoolBuilder::new();
        if let Some(jobs) = cli.jobs {
            pool = pool.num_threads(jobs.max(1));
        }
        if brief {
            pool = pool.use_current_thread();
        }
        // Only fails when a pool already exists, which cannot happen this early.
        let _ = pool.build_global();
    }
    let result = match cli.command {
        Command::Brief(args) => cmd::brief::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Worker(args) => cmd::worker::run(args),
        Command::Grouper(args) => cmd::grouper::run(args),
        Command::Stories(args) => cmd::stories::run(args),
        Command::Show(args) => cmd::show::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Cluster(args) => cmd::cluster::run(args),
        Command::Completions(args) => cmd::docs::completions(args, Cli::command()),
        Command::Man(args) => cmd::docs::man(args, Cli::command()),
    };
    match result {
        Ok(code) => code,
        Err(err) if output::is_closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // The run's own failure is printed whatever the verbosity, as its last line.
            eprintln!("parallax: {err:#}");
            ExitCode::FAILURE
        }
    }
}
