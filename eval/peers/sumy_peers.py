#!/usr/bin/env python3
"""Runs sumy's summarizers on the clusters of a DUC-layout folder, side by side with Parallax.

Writes each summary as <out>/<cluster>.sumy-<Method> (the peers layout of `parallax eval
summaries`), times every method and Parallax on the same clusters in the same run, prints the
ratios, then runs `parallax eval summaries DIR --peers OUT` for the ROUGE table.

Sentence splitting: sumy needs NLTK's punkt_tab data, which no registry package ships and which
cannot be downloaded here; sentences are split by nupunkt (a Punkt implementation on PyPI that
ships its model), words by nltk.word_tokenize(preserve_line=True), which needs no data.

Usage: eval/peers/run.sh [DUC_DIR] [OUT_DIR]   (installs sumy and nupunkt into eval/.venv)
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import nltk
import nupunkt
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words


class NupunktSentences:
    """Sentence splitter with the `tokenize(text)` interface sumy expects."""

    def tokenize(self, text):
        return [s.strip() for s in nupunkt.sent_tokenize(text) if s.strip()]


class NltkWords:
    """Word tokenizer that needs no punkt data."""

    def tokenize(self, text):
        return nltk.word_tokenize(text, preserve_line=True)


class OfflineTokenizer(Tokenizer):
    """sumy's English tokenizer with nupunkt sentences (no NLTK data download)."""

    def _get_sentence_tokenizer(self, language):
        return NupunktSentences()

    def _get_word_tokenizer(self, language):
        return NltkWords()


def word_budget(words):
    """A sentence count for sumy: keep best-rated sentences until the budget is reached."""

    def count(infos):
        kept, total = [], 0
        for info in infos:
            if total >= words:
                break
            kept.append(info)
            total += len(str(info.sentence).split())
        return kept

    return count


def read_cluster(folder):
    """The cluster's articles as one text; hard-wrapped lines joined, paragraphs kept apart."""
    articles = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
        articles.append("\n\n".join(p for p in paragraphs if p))
    return "\n\n".join(articles)


def methods():
    stemmer = Stemmer("english")
    stop = get_stop_words("english")
    out = []
    for name, cls in [
        ("LexRank", LexRankSummarizer),
        ("TextRank", TextRankSummarizer),
        ("LSA", LsaSummarizer),
        ("KL", KLSummarizer),
        ("SumBasic", SumBasicSummarizer),
        ("Luhn", LuhnSummarizer),
    ]:
        s = cls(stemmer)
        s.stop_words = stop
        out.append((name, s))
    return out


def main():
    root = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default=str(root.parent / "shared/eval/duc2004-dev"))
    ap.add_argument("out", nargs="?", default=str(root / "eval/peers/out"))
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--parallax", default=str(root / "target/release/parallax"))
    ap.add_argument("--only", nargs="*", help="run only these methods (e.g. LexRank Luhn)")
    args = ap.parse_args()

    duc, out = Path(args.dir), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    clusters = sorted(p for p in (duc / "docs").iterdir() if p.is_dir())
    # Preloaded: the timings below cover sentence splitting, tokenizing and summarizing only.
    texts = {c.name.rstrip("t"): read_cluster(c) for c in clusters}
    tokenizer = OfflineTokenizer("english")

    timings = {}
    for name, summarizer in methods():
        if args.only and name not in args.only:
            continue
        start = time.perf_counter()
        for cid, text in texts.items():
            doc = PlaintextParser.from_string(text, tokenizer).document
            sentences = summarizer(doc, word_budget(args.words))
            (out / f"{cid}.sumy-{name}").write_text("\n".join(str(s) for s in sentences) + "\n")
        timings[name] = time.perf_counter() - start
        print(f"sumy {name:<9} {timings[name]:8.2f} s for {len(texts)} clusters", file=sys.stderr)

    # Parallax on the same clusters, one thread, in the same run: its report times reading,
    # cleaning, analysing and summarizing (ROUGE scoring excluded).
    cmd = [args.parallax, "--jobs", "1", "eval", "summaries", str(duc), "--words", str(args.words),
           "--format", "json", "--peers", str(out)]
    report = json.loads(subprocess.run(cmd, check=False, capture_output=True, text=True).stdout)
    px = report["parallax_seconds"]
    print(f"\nParallax: {px:.3f} s for {len(texts)} clusters (reading, analysing, briefing)")
    print(f"{'method':<10} {'seconds':>9} {'x Parallax':>11}")
    for name, secs in timings.items():
        print(f"{'sumy ' + name:<10} {secs:9.2f} {secs / px:11.1f}")

    print("\nROUGE (ROUGE-1.5.5 conventions, 100 words):")
    rows = report["rows"]
    print(f"{'system':<16} {'R-1 R':>7} {'R-2 R':>7} {'R-L F':>7}")
    for r in rows:
        print(f"{r['system']:<16} {100 * r['rouge_1_recall']:7.2f} {100 * r['rouge_2_recall']:7.2f} "
              f"{100 * r['rouge_l_f']:7.2f}")


if __name__ == "__main__":
    main()
