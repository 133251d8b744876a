//! Progress bars on stderr for the long phases (reading, grouping, briefing, storing,
//! evaluating), drawn only when stderr is a terminal and `-q` was not given: a pipe or a file
//! never receives a bar's bytes.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};

/// Whether bars are drawn; set once by [`init`].
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Every bar on screen, so that log lines are written between their frames.
static BARS: OnceLock<MultiProgress> = OnceLock::new();

/// Turns bars on when stderr is a terminal and the user did not ask for quiet.
pub fn init(quiet: bool) {
    SHOWN.store(!quiet && std::io::stderr().is_terminal(), Ordering::Relaxed);
}

fn shown() -> bool {
    SHOWN.load(Ordering::Relaxed)
}

fn bars() -> &'static MultiProgress {
    BARS.get_or_init(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()))
}

/// A bar of `len` steps, labelled `what`; cleared when dropped.
pub fn bar(len: usize, what: &str) -> ProgressBar {
    if !shown() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let bar = ProgressBar::new(len as u64)
        .with_style(style)
        .with_message(what.to_string())
        .with_finish(ProgressFinish::AndClear);
    bars().add(bar)
}

/// A spinner for a phase whose length is not known in advance; cleared when dropped.
pub fn spinner(what: &str) -> ProgressBar {
    if !shown() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{spinner} {msg} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    let spinner = ProgressBar::new_spinner()
        .with_style(style)
        .with_message(what.to_string())
        .with_finish(ProgressFinish::AndClear);
    let spinner = bars().add(spinner);
    spinner.enable_steady_tick(Duration::from_millis(120));
    spinner
}

/// Runs `f` with the bars taken off the screen, for writing a line to stderr.
pub fn suspend<R>(f: impl FnOnce() -> R) -> R {
    match BARS.get() {
        Some(bars) => bars.suspend(f),
        None => f(),
    }
}
