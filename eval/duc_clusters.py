"""Writes labelled JSON Lines files for `parallax eval clusters` from the shared data, outside
the repository (the data is third-party: never commit the output).

  python3 eval/duc_clusters.py OUT_DIR [--shared ../shared]

OUT_DIR/duc2004-dev.jsonl: one record per DUC 2004 dev article (docs/<cluster>t/*), `id`
"<cluster>t/<file stem>", `text`, `story` = the cluster (one developing story each).
OUT_DIR/pooled.jsonl: the ECB+ documents (`story` = their `subtopic`) followed by the DUC ones.
Then: parallax eval clusters OUT_DIR/pooled.jsonl --label story
"""

import argparse
import json
import os
import sys


def duc_records(docs):
    for cluster in sorted(os.listdir(docs)):
        folder = os.path.join(docs, cluster)
        if not os.path.isdir(folder):
            continue
        story = cluster[:-1] if cluster.endswith("t") else cluster
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            stem = name.rsplit(".", 1)[0]
            yield {"id": f"{cluster}/{stem}", "text": text, "story": story}


def ecb_records(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                rec["story"] = rec["subtopic"]
                yield rec


def write(path, records):
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"{path}: {n} records", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../shared"))
    args = parser.parse_args()
    out = os.path.abspath(args.out_dir)
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    if out == repo or out.startswith(repo + os.sep):
        sys.exit(f"{out} is inside the repository: write the third-party data elsewhere")
    os.makedirs(out, exist_ok=True)
    docs = os.path.join(args.shared, "eval/duc2004-dev/docs")
    ecb = os.path.join(args.shared, "eval/clusters-ecbplus/documents.jsonl")
    duc = list(duc_records(docs))
    if not duc:
        sys.exit(f"{docs}: no DUC articles found")
    write(os.path.join(out, "duc2004-dev.jsonl"), duc)
    write(os.path.join(out, "pooled.jsonl"), list(ecb_records(ecb)) + duc)


if __name__ == "__main__":
    main()
