//! `parallax completions SHELL` and `parallax man`: the shell completion scripts and the manual
//! page, generated from the same clap definition as the parser, so they cannot drift from it.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use clap_complete::Shell;

use crate::output::Output;

/// Arguments of `parallax completions`.
#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
    #[command(flatten)]
    output: Output,
}

/// Arguments of `parallax man`.
#[derive(Args)]
pub struct ManArgs {
    #[command(flatten)]
    output: Output,
}

/// Runs `parallax completions`: the script for `command` (the whole CLI) in the shell's language.
pub fn completions(args: CompletionsArgs, mut command: clap::Command) -> Result<ExitCode> {
    let mut out = args.output.writer()?;
    clap_complete::generate(args.shell, &mut command, "parallax", &mut out);
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `parallax man`: the manual page of `command`, its subcommands listed, in roff.
pub fn man(args: ManArgs, command: clap::Command) -> Result<ExitCode> {
    let mut out = args.output.writer()?;
    clap_mangen::Man::new(command).render(&mut out)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
