"""Writes trafilatura's metadata for every page of a Readability-layout folder.

Reads DIR/pages/<name>/source.html, runs trafilatura.extract_metadata on it (trafilatura's own
metadata path: title, author, sitename, date through htmldate) and writes one JSON object
{"system": "trafilatura <version>", "pages": {<name>: {"title", "byline", "site", "date"}}},
which `parallax eval metadata DIR --peers OUT` scores side by side with Parallax.
"""

import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    import trafilatura
    from trafilatura.metadata import extract_metadata

    pages_dir = os.path.join(args.dir, "pages")
    names = sorted(os.listdir(pages_dir))
    if not names:
        sys.exit(f"no pages in {pages_dir}")
    pages = {}
    for name in names:
        path = os.path.join(pages_dir, name, "source.html")
        try:
            with open(path, "rb") as f:
                html = f.read().decode("utf-8", "replace")
            doc = extract_metadata(html)
        except Exception as e:  # one bad page must not stop the run
            print(f"{name}: {e}", file=sys.stderr)
            doc = None
        pages[name] = {
            "title": getattr(doc, "title", None),
            "byline": getattr(doc, "author", None),
            "site": getattr(doc, "sitename", None),
            "date": getattr(doc, "date", None),
        }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(
            {"system": f"trafilatura {trafilatura.__version__}", "pages": pages},
            f,
            ensure_ascii=False,
            indent=1,
        )
    print(f"{len(pages)} pages written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
