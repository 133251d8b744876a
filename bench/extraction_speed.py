"""Times trafilatura and `parallax extract` on the same pages in the same run.

trafilatura runs in this process on pages preloaded into memory and decompressed (its best case: no
process start, no file reading, no gzip). parallax runs as the whole command (process start,
reading, extraction, text cleaning, JSON output), on the same pages decompressed into a temporary
folder as trafilatura gets them, and on the .html.gz files as stored (decompressing too). Each is
timed best of --repeat runs; pages per second and the ratio are printed.
"""

import argparse
import glob
import gzip
import os
import subprocess
import sys
import tempfile
import time


def time_trafilatura(pages, repeat):
    import trafilatura

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for html in pages:
            trafilatura.extract(html)
        best = min(best, time.perf_counter() - start)
    return best


def time_parallax(binary, files, repeat, jobs):
    cmd = [binary, "extract", *files, "--format", "jsonl"]
    if jobs:
        cmd[1:1] = ["--jobs", str(jobs)]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        best = min(best, time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"parallax failed: {done.stderr.decode()[-2000:]}")
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--parallax", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.dir, "html", "*.html.gz")))
    if not files:
        sys.exit(f"no pages in {args.dir}/html")
    pages = [gzip.open(f).read().decode("utf-8", "replace") for f in files]
    n = len(pages)
    cores = os.cpu_count() or 1

    t_traf = time_trafilatura(pages, args.repeat)
    with tempfile.TemporaryDirectory() as plain_dir:
        plain = []
        for f in files:
            path = os.path.join(plain_dir, os.path.basename(f)[: -len(".gz")])
            with gzip.open(f) as src, open(path, "wb") as dst:
                dst.write(src.read())
            plain.append(path)
        t_plain_one = time_parallax(args.parallax, plain, args.repeat, 1)
        t_plain_all = time_parallax(args.parallax, plain, args.repeat, 0)
    t_one = time_parallax(args.parallax, files, args.repeat, 1)
    t_all = time_parallax(args.parallax, files, args.repeat, 0)

    traf = n / t_traf
    print(f"{n} pages, {cores} cores, best of {args.repeat}")
    print(f"{'extractor':<44} {'seconds':>8} {'pages/s':>9} {'x trafilatura':>14}")
    rows = [
        ("trafilatura (Python, 1 process, preloaded)", t_traf),
        ("parallax extract --jobs 1, .html", t_plain_one),
        (f"parallax extract, {cores} threads, .html", t_plain_all),
        ("parallax extract --jobs 1, .html.gz", t_one),
        (f"parallax extract, {cores} threads, .html.gz", t_all),
    ]
    for name, t in rows:
        print(f"{name:<44} {t:>8.3f} {n / t:>9.1f} {n / t / traf:>14.1f}")


if __name__ == "__main__":
    main()
