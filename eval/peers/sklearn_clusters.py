"""Peer for `parallax eval clusters`: scikit-learn TF-IDF + agglomerative clustering.

The distance threshold (and linkage) is tuned for the best B-cubed F1 on the very file being
scored, which favours the peer. Prints a Markdown table with the peer's row next to Parallax's
(Parallax is run through `parallax eval clusters --json` when its binary is found).

Usage: sklearn_clusters.py FILE.jsonl --label FIELD [--parallax PATH]
"""

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def read(path, label):
    ids, texts, gold = [], [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if "text" not in rec or label not in rec:
                print(f"{path}:{n}: no text or {label}; skipped", file=sys.stderr)
                continue
            ids.append(str(rec.get("id", rec.get("doc", f"{path}:{n}"))))
            texts.append(rec["text"])
            gold.append(str(rec[label]))
    return ids, texts, gold


def scores(pred, gold):
    """B-cubed and pairwise precision/recall/F1, defined as in parallax_eval::clusters."""
    cells = Counter(zip(pred, gold))
    psize, gsize = Counter(pred), Counter(gold)
    n = len(pred)
    bp = sum(c * c / psize[p] for (p, _), c in cells.items()) / n
    br = sum(c * c / gsize[g] for (_, g), c in cells.items()) / n
    pairs = lambda c: c * (c - 1) / 2
    together = sum(pairs(c) for c in cells.values())
    pp_all = sum(pairs(c) for c in psize.values())
    gp_all = sum(pairs(c) for c in gsize.values())
    pp = together / pp_all if pp_all else 1.0
    pr = together / gp_all if gp_all else 1.0
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    return {
        "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": f1(bp, br),
        "pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": f1(pp, pr),
        "predicted_clusters": len(psize), "gold_clusters": len(gsize),
    }


def cluster(texts, threshold, linkage):
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    dist = np.clip(1.0 - (x @ x.T).toarray(), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage=linkage, distance_threshold=threshold
    )
    return list(model.fit(dist).labels_)


def tuned(texts, gold):
    """The best (F1, threshold, linkage) over a grid, sharing one distance matrix per linkage."""
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    dist = np.clip(1.0 - (x @ x.T).toarray(), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    best = (-1.0, None, None)
    for linkage in ("average", "complete"):
        for threshold in np.arange(0.30, 1.0, 0.01):
            model = AgglomerativeClustering(
                n_clusters=None, metric="precomputed", linkage=linkage, distance_threshold=threshold
            )
            f = scores(list(model.fit(dist).labels_), gold)["bcubed_f1"]
            if f > best[0]:
                best = (f, float(round(threshold, 2)), linkage)
    return best


def parallax_row(path, label, binary):
    if not binary or not os.path.exists(binary):
        print("parallax binary not found; build it with `cargo build --release -p parallax-cli`",
              file=sys.stderr)
        return None
    out = subprocess.run([binary, "eval", "clusters", path, "--label", label, "--json"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1) or not out.stdout.strip():
        print(out.stderr, file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def row(name, s, seconds):
    return (f"| {name} | {s['bcubed_precision']:.3f} | {s['bcubed_recall']:.3f} | {s['bcubed_f1']:.3f} "
            f"| {s['pairwise_precision']:.3f} | {s['pairwise_recall']:.3f} | {s['pairwise_f1']:.3f} "
            f"| {s['predicted_clusters']} | {s['gold_clusters']} | {seconds:.2f} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--label", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--parallax", default=os.path.join(here, "..", "..", "target", "release", "parallax"))
    args = ap.parse_args()
    _, texts, gold = read(args.file, args.label)
    f, threshold, linkage = tuned(texts, gold)
    start = time.perf_counter()
    pred = cluster(texts, threshold, linkage)
    seconds = time.perf_counter() - start
    print(f"scikit-learn: best B-cubed F1 at distance {threshold} ({linkage} linkage), tuned on this file",
          file=sys.stderr)
    print("| system | B3 P | B3 R | B3 F1 | pair P | pair R | pair F1 | clusters | gold | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    p = parallax_row(args.file, args.label, os.environ.get("PARALLAX_BIN", args.parallax))
    if p:
        print(row("parallax", p["scores"], p["seconds"]))
    print(row(f"scikit-learn tf-idf + {linkage} agglomerative (t={threshold}, tuned)", scores(pred, gold), seconds))


if __name__ == "__main__":
    main()
