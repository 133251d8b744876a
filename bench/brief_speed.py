#!/usr/bin/env python3
"""Whole-process time of `parallax brief`, beside sumy's LexRank on the same DUC clusters.

Every figure is the time of a whole process (start-up included), pinned to one core with
`taskset -c 0`, over several runs: wall time (median, min-max, interquartile range) and CPU time
(user + system), which tells more on a loaded machine.
- an empty process (`true`): the cost of starting any process, which the rows below include;
- `parallax brief` of a one-sentence file (written here, not news);
- `parallax brief` of the three seeds (scraped web pages, with their dates, credits and
  markup), when `--seeds` (default ../shared/seeds) is there;
- `parallax brief --words 100` of each of the first DUC clusters (ten articles each);
- sumy's LexRank (100 words, the tokenizer of eval/peers/sumy_peers.py) on the same clusters, as a
  process (Python start-up and imports included) and in-process (summarizing alone).

With --baseline BIN, the same parallax rows are timed for a second binary (an older build), each
beside the first, runs interleaved so that a change in the machine's load falls on both.

Usage: bench/brief_speed.sh [DUC_DIR] [--runs N] [--clusters K] [--seeds DIR] [--parallax BIN]
                             [--baseline BIN]
"""

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def spread(samples):
    """Median, min, max, first and third quartile, in milliseconds."""
    ms = sorted(s * 1000.0 for s in samples)
    q = statistics.quantiles(ms, n=4) if len(ms) > 1 else [ms[0]] * 3
    return {"median": statistics.median(ms), "min": ms[0], "max": ms[-1], "q1": q[0], "q3": q[2]}


CPU = []


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_process(cmd, runs, warmup=2):
    """Wall times of `cmd` run `runs` times on core 0, after `warmup` untimed runs; the CPU
    times (user + system, which a loaded machine inflates less) go to `CPU`."""
    (wall, cpu), = time_processes([cmd], runs, warmup)
    CPU[:] = cpu
    return wall


def time_processes(cmds, runs, warmup=2):
    """(wall times, CPU times) of each command, run in turn `runs` times on core 0."""
    pinned = [["taskset", "-c", "0", *cmd] for cmd in cmds]
    for _ in range(warmup):
        for p in pinned:
            subprocess.run(p, check=True, capture_output=True)
    out = [([], []) for _ in cmds]
    for _ in range(runs):
        for p, (wall, cpu) in zip(pinned, out):
            before = children_cpu()
            start = time.perf_counter()
            subprocess.run(p, check=True, capture_output=True)
            wall.append(time.perf_counter() - start)
            cpu.append(children_cpu() - before)
    return out


def parallax_rows(binaries, name, args, runs):
    """Times `parallax ARGS` for each binary, prints a row each; returns the first's times."""
    timed = time_processes([[b, *args] for b in binaries], runs)
    for i, (wall, cpu) in enumerate(timed):
        label = name if i == 0 else f"{name}, baseline"
        print(row(label, spread(wall), cpu), flush=True)
    return timed


def sumy_one(folder, words):
    """Summarizes one cluster with sumy's LexRank; returns the seconds spent summarizing."""
    sys.path.insert(0, str(ROOT / "eval/peers"))
    import sumy_peers  # noqa: E402  (the peers' own tokenizer and budget)
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = sumy_peers.OfflineTokenizer("english")
    start = time.perf_counter()
    text = sumy_peers.read_cluster(Path(folder))
    doc = PlaintextParser.from_string(text, tokenizer).document
    summarizer(doc, sumy_peers.word_budget(words))
    return time.perf_counter() - start


def row(name, s, cpu=None):
    c = spread(cpu) if cpu else None
    cpu_cols = f" {c['median']:.1f} | {c['min']:.1f}-{c['max']:.1f} |" if c else " - | - |"
    return (f"| {name} | {s['median']:.1f} | {s['min']:.1f}-{s['max']:.1f} | "
            f"{s['q1']:.1f}-{s['q3']:.1f} |{cpu_cols}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared/eval/duc2004-dev"))
    ap.add_argument("--parallax", default=str(ROOT / "target/release/parallax"))
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--clusters", type=int, default=5)
    ap.add_argument("--no-sumy", action="store_true")
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared/seeds"),
                    help="a folder of scraped pages to brief (skipped if missing)")
    ap.add_argument("--baseline", help="a second parallax binary, timed beside the first")
    ap.add_argument("--sumy-one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.sumy_one:
        print(sumy_one(args.sumy_one, 100))
        return

    clusters = sorted(p for p in (Path(args.dir) / "docs").iterdir() if p.is_dir())[: args.clusters]
    print(f"{args.runs} runs each, on core 0 (taskset -c 0), times in ms\n")
    print(f"machine load average: {' '.join(f'{x:.1f}' for x in __import__('os').getloadavg())}\n")
    print("| what | wall median | wall min-max | wall IQR | CPU median | CPU min-max |")
    print("|---|---:|---:|---:|---:|---:|")
    binaries = [args.parallax] + ([args.baseline] if args.baseline else [])
    # The floor no change to parallax can lower: starting a process (and taskset) that does nothing.
    (wall, cpu), = time_processes([["true"]], args.runs)
    print(row("empty process (`true`), the floor", spread(wall), cpu), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("The committee approved the new budget for the coastal park on its first vote.\n")
        parallax_rows(binaries, "parallax brief, one-sentence file", ["brief", str(one)], args.runs)
    if Path(args.seeds).is_dir():
        parallax_rows(binaries, "parallax brief, the seeds (3 scraped pages)", ["brief", args.seeds],
                      args.runs)
    every_px = [([], []) for _ in binaries]
    every_sumy, every_sumy_cpu, every_sumy_inner = [], [], []
    for c in clusters:
        name = f"parallax brief, {c.name} (10 articles)"
        timed = parallax_rows(binaries, name, ["brief", "--words", "100", str(c)], args.runs)
        for (all_wall, all_cpu), (wall, cpu) in zip(every_px, timed):
            all_wall += wall
            all_cpu += cpu
        if args.no_sumy:
            continue
        runs = max(3, args.runs // 4)
        cmd = [sys.executable, __file__, "--sumy-one", str(c)]
        sumy = time_process(cmd, runs, warmup=1)
        every_sumy += sumy
        every_sumy_cpu += CPU
        sumy_cpu = list(CPU)
        inner = []
        for _ in range(runs):
            res = subprocess.run(["taskset", "-c", "0", *cmd], check=True, capture_output=True, text=True)
            inner.append(float(res.stdout.strip()))
        every_sumy_inner += inner
        print(row(f"sumy LexRank process, {c.name}", spread(sumy), sumy_cpu), flush=True)
        print(row(f"sumy LexRank summarizing alone, {c.name}", spread(inner)), flush=True)
    for i, (wall, cpu) in enumerate(every_px):
        label = f"parallax brief, all {len(clusters)} clusters" + (", baseline" if i else "")
        print(row(label, spread(wall), cpu))
    if every_sumy:
        print(row(f"sumy LexRank process, all {len(clusters)} clusters", spread(every_sumy), every_sumy_cpu))
        print(row(f"sumy LexRank summarizing alone, all {len(clusters)} clusters", spread(every_sumy_inner)))


if __name__ == "__main__":
    main()
