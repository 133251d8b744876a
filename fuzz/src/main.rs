//! A mutation-based fuzzer on stable Rust: `parallax-fuzz TARGET SECONDS [CORPUS_DIR...]`.
//! See `fuzz/README.md`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use parallax_extract::{extract, ExtractConfig};
use parallax_fuzz::documents;

/// An input that takes more CPU time than this is reported as a hang.
const SLOW: Duration = Duration::from_secs(10);
/// How often progress is written to stderr.
const PROGRESS: Duration = Duration::from_secs(300);
/// Largest corpus file read, and largest mutated input run.
const MAX_INPUT: usize = 256 * 1024;
/// Most corpus files read.
const MAX_CORPUS: usize = 1_500;

/// Pieces parsers react to, inserted by one of the mutations.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "<div>",
    "<p>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "\"",
    "'",
    "=",
    "&",
    "&#x",
    "\u{2039}",
    "\u{201c}",
    "\u{201d}",
    "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
    "<rss version=\"2.0\"><channel><item><description>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "WARC/1.0\r\n",
    "Content-Length: 99999999999\r\n",
    "{\"text\":\"",
    "\\u",
    "\n\n",
    "\r\n",
    "100000000",
    "12345678901234567",
    "2147483648",
    "-",
    "%",
    "$",
    " million",
    " days ago",
    " weeks ago",
    " months ago",
    " years ago",
    "said",
    "according to",
    "Mr.",
    "U.S.",
    "\u{0}",
    "\u{301}",
    "\u{fffd}",
    "\u{feff}",
    "\u{1f642}",
    "\u{1f}\u{8b}",
];

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(target), Some(seconds)) = (args.get(1), args.get(2)) else {
        eprintln!(
            "usage: parallax-fuzz ingest|extract|brief|search SECONDS|replay [CORPUS_DIR|FILE...]"
        );
        std::process::exit(2);
    };
    let Some(run) = parallax_fuzz::target(target) else {
        eprintln!("unknown target {target}");
        std::process::exit(2);
    };
    if seconds == "replay" {
        for file in &args[3..] {
            let input = std::fs::read(file).unwrap_or_default();
            let began = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| run(&input)));
            println!(
                "{file}: {:?}, {}",
                began.elapsed(),
                if outcome.is_ok() { "ok" } else { "panic" }
            );
            for doc in documents(&input) {
                let began = Instant::now();
                let _ = catch_unwind(AssertUnwindSafe(|| {
                    extract(&doc, &ExtractConfig::default())
                }));
                println!("  extract as {:?}: {:?}", doc.format, began.elapsed());
            }
        }
        return;
    }
    let budget = Duration::from_secs(seconds.parse().unwrap_or(60));
    let mut corpus: Vec<Vec<u8>> = TOKENS.iter().map(|t| t.as_bytes().to_vec()).collect();
    for dir in &args[3..] {
        read_corpus(Path::new(dir), &mut corpus);
    }
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = info.to_string();
        }
    }));
    let crashes = PathBuf::from("crashes");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ u64::from(std::process::id()));
    let start = Instant::now();
    let (mut execs, mut panics, mut slow) = (0u64, 0u64, 0u64);
    let mut slowest = (Duration::ZERO, 0usize);
    let mut reported = Instant::now();
    while start.elapsed() < budget {
        if reported.elapsed() >= PROGRESS {
            reported = Instant::now();
            eprintln!(
                "{target}: {execs} executions in {:.0} s, {panics} panics, {slow} slow, slowest {:?}",
                start.elapsed().as_secs_f64(),
                slowest.0
            );
        }
        // Each seed once as it is, then mutated.
        let input = match corpus.get(execs as usize) {
            Some(seed) => seed.clone(),
            None => mutate(&corpus, &mut rng),
        };
        let (began, cpu_began) = (Instant::now(), thread_cpu());
        let outcome = catch_unwind(AssertUnwindSafe(|| run(&input)));
        let wall = began.elapsed();
        // CPU time, not wall time: on a shared machine a niced fuzzer waits for the processor.
        let took = thread_cpu().map_or(wall, |end| end.saturating_sub(cpu_began.unwrap_or(end)));
        execs += 1;
        if took > slowest.0 {
            slowest = (took, input.len());
        }
        let verdict = match outcome {
            Err(_) => {
                panics += 1;
                Some("panic")
            }
            Ok(()) if took > SLOW => {
                slow += 1;
                Some("slow")
            }
            Ok(()) => None,
        };
        if let Some(kind) = verdict {
            let _ = std::fs::create_dir_all(&crashes);
            let name = crashes.join(format!("{target}-{kind}-{execs}"));
            let _ = std::fs::write(&name, &input);
            let message = LAST_PANIC.lock().map(|m| m.clone()).unwrap_or_default();
            eprintln!("{kind} ({took:?}): {} {message}", name.display());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{target}: {execs} executions in {secs:.0} s ({:.1}/s), corpus {} seeds, {panics} panics, \
         {slow} over {SLOW:?} of CPU, slowest {:?} ({} bytes)",
        execs as f64 / secs,
        corpus.len(),
        slowest.0,
        slowest.1
    );
    if panics + slow > 0 {
        std::process::exit(1);
    }
}

fn read_corpus(dir: &Path, corpus: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if corpus.len() >= MAX_CORPUS {
            return;
        }
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            read_corpus(&path, corpus);
        } else if meta.is_file() && (meta.len() as usize) <= MAX_INPUT {
            if let Ok(bytes) = std::fs::read(&path) {
                corpus.push(bytes);
            }
        }
    }
}

/// The CPU time this thread has used (Linux: `/proc/thread-self/stat`, in ticks of 10 ms).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after_name = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 14 and 15 of stat(5), user and system time; the first after the name is field 3.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks.saturating_mul(10)))
}

/// A xorshift generator: fast, and enough for choosing mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut data = corpus[rng.below(corpus.len())].clone();
    for _ in 0..1 + rng.below(8) {
        let len = data.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let at = rng.below(len + 1);
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            2 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(64)).min(len);
                data.drain(at..end);
            }
            3 if len > 0 => {
                // A run repeated many times: the shape of quadratic blow-ups.
                let at = rng.below(len);
                let end = (at + 1 + rng.below(16)).min(len);
                let run = data[at..end].to_vec();
                let times = 1 + rng.below(2_000);
                let mut repeated = Vec::with_capacity(run.len() * times);
                for _ in 0..times {
                    repeated.extend_from_slice(&run);
                }
                data.splice(at..at, repeated);
            }
            4 => {
                let other = &corpus[rng.below(corpus.len())];
                let cut = rng.below(len + 1);
                let from = rng.below(other.len() + 1);
                data.truncate(cut);
                data.extend_from_slice(&other[from..]);
            }
            5 if len > 0 => {
                let i = rng.below(len);
                data[i] = [0, 0xff, b'<', b'>', b'"', b'\n', b'0', b'9'][rng.below(8)];
            }
            6 => {
                let at = rng.below(len + 1);
                let digits: String = (0..1 + rng.below(20))
                    .map(|_| char::from(b'0' + rng.below(10) as u8))
                    .collect();
                data.splice(at..at, digits.bytes());
            }
            _ if len > 0 => {
                let at = rng.below(len);
                data.truncate(at);
            }
            _ => {}
        }
    }
    data.truncate(MAX_INPUT);
    data
}
