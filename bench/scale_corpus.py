"""Writes a JSON Lines corpus for the whole-process scale run of `parallax cluster`, made at run
time from real sentences of the shared evaluation data (ECB+ and DUC 2004), recombined as the
`parallax-group` scale bench does: stories of 1 to 20 articles, each article half of its story's
core sentences in a new order plus a few from elsewhere, about 5% (possibly trimmed) copies.
The output is third-party text: write it outside the repository (e.g. /tmp).

  python3 bench/scale_corpus.py OUT.jsonl [--n 100000] [--shared ../shared]
Then: /usr/bin/time -v target/release/parallax cluster OUT.jsonl > /dev/null
"""

import argparse
import datetime
import json
import os
import random
import sys


def sources(shared):
    docs = []
    with open(os.path.join(shared, "eval/clusters-ecbplus/documents.jsonl"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line).get("text", "")
            sentences = [s for s in text.split("\n") if not s.startswith("http") and len(s) > 20]
            if len(sentences) >= 3:
                docs.append(sentences)
    root = os.path.join(shared, "eval/duc2004-dev/docs")
    for cluster in sorted(os.listdir(root)):
        folder = os.path.join(root, cluster)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                flat = " ".join(f.read().split())
            sentences = [s.strip() for s in flat.split(". ") if len(s.strip()) > 20]
            if len(sentences) >= 3:
                docs.append([s if s.endswith(".") else s + "." for s in sentences])
    return docs


def generate(docs, n, seed=7):
    rng = random.Random(seed)
    start = datetime.date(2024, 1, 1)
    out = []
    story = 0
    while len(out) < n:
        core = rng.choice(docs)
        size = 1 + min(rng.randrange(20), rng.randrange(20))
        day = start + datetime.timedelta(days=rng.randrange(60))
        first = len(out)
        title = " ".join(core[0].split()[:10])
        for k in range(size):
            if len(out) >= n:
                break
            published = (day + datetime.timedelta(days=rng.randrange(3))).isoformat()
            rec = {"id": f"s{story}-a{k}", "title": title, "published": published,
                   "url": f"https://example.org/{story}/{k}"}
            if k > 0 and rng.randrange(20) == 0:
                original = out[first + rng.randrange(k)]
                lines = original["text"].split("\n")
                keep = len(lines) - len(lines) // 4 * rng.randrange(2)
                rec["text"] = "\n".join(lines[:max(keep, 1)])
            else:
                sentences = [s for s in core if rng.randrange(10) < 5]
                for _ in range(1 + rng.randrange(3)):
                    sentences.append(rng.choice(rng.choice(docs)))
                rng.shuffle(sentences)
                rec["text"] = "\n".join(sentences)
            out.append(rec)
        story += 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../shared"))
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    if out.startswith(repo + os.sep):
        sys.exit(f"{out} is inside the repository: write the third-party text elsewhere")
    docs = sources(args.shared)
    with open(out, "w", encoding="utf-8") as f:
        for rec in generate(docs, args.n):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{out}: {args.n} articles from {len(docs)} real documents", file=sys.stderr)


if __name__ == "__main__":
    main()
