"""Article metadata of Parallax and trafilatura side by side on fundus's parser test pages.

flairNLP/fundus (MIT) keeps, per publisher of some 40 countries, one to three news pages with what
its hand-written parser for that publisher reads from them: the publication date and time, the
authors and the headline. Those are the gold values here. Each page is extracted by
`parallax extract` (what `brief` and `cluster` read) and by trafilatura's `extract_metadata`, and
both are counted against the gold, per language (guessed from the gold body):

  date     the publication day the page gives (the gold's calendar day, in its own time zone);
           "found" counts pages with any date, "right" those with the gold's day
  title    the headline, compared with case, spaces and quotation marks folded
  author   some gold author's name (folded) is among the names found, for pages with authors;
           and, of the names found on those pages, how many are a gold author's (a list of
           other stories' bylines finds the author among many wrong names)

The pages are read from a git snapshot (no work tree) of the repository found under --mirrors as
`flairNLP+fundus/repo` and written to --work; nothing is kept in the repository.

  eval/.venv/bin/python bench/metadata_fundus.py --parallax target/release/parallax \
      --mirrors /work/.mirror --work /tmp/fundus-meta
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extraction_devsets import (  # noqa: E402
    decode,
    fundus_cases,
    fundus_gold,
    guess_language,
)


def fold(text):
    """Lowercase, without accents, quotation marks or repeated spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c for c in text if c.isalnum() or c.isspace())
    return " ".join(text.lower().split())


def pages(git_dir):
    """(id, html bytes, gold case, language) of each fundus test page, paired with its case as
    `extraction_devsets.fundus_cases` pairs them."""
    for page_id, page, case, _ in fundus_cases(git_dir):
        yield page_id, page, case, guess_language(fundus_gold(case))


def gold_authors(case):
    authors = case.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    return [a for a in authors if isinstance(a, str) and a.strip()]


def run_parallax(binary, html_dir):
    out = subprocess.run([binary, "extract", "-q", "-f", "jsonl", html_dir],
                         capture_output=True, text=True, check=False).stdout
    found = {}
    for line in out.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        found[record.get("id")] = {
            "date": (record.get("published") or "")[:10],
            "title": record.get("title") or "",
            "authors": record.get("authors") or [],
        }
    return found


def run_trafilatura(page):
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(decode(page))
    except Exception:  # noqa: BLE001 - a peer's crash is a page it reads nothing from
        meta = None
    if meta is None:
        return {"date": "", "title": "", "authors": []}
    return {
        "date": (meta.date or "")[:10],
        "title": meta.title or "",
        "authors": [a.strip() for a in (meta.author or "").split(";") if a.strip()],
    }


def score(case, found):
    gold_day = (case.get("publishing_date") or "")[:10]
    gold_title = fold(case.get("title") or "")
    authors = [fold(a) for a in gold_authors(case)]
    found_names = [fold(a) for a in found["authors"]]
    names = " | ".join(found_names)
    # A found name is right when it and a gold author's name hold one another ("anna roth").
    names_right = [n for n in found_names if n and any(a and (a in n or n in a) for a in authors)]
    return {
        "dated": bool(gold_day),
        "date_found": bool(gold_day) and bool(found["date"]),
        "date_right": bool(gold_day) and found["date"] == gold_day,
        "titled": bool(gold_title),
        "title_right": bool(gold_title) and fold(found["title"]) == gold_title,
        "authored": bool(authors),
        "author_right": bool(authors) and any(a and a in names for a in authors),
        "names_given": len(found_names) if authors else 0,
        "names_right": len(names_right) if authors else 0,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parallax", required=True)
    ap.add_argument("--mirrors", default="/work/.mirror")
    ap.add_argument("--work", default="/tmp/fundus-meta")
    ap.add_argument("--misses", type=int, default=0, help="print this many of Parallax's date misses")
    args = ap.parse_args()
    git_dir = os.path.join(args.mirrors, "flairNLP+fundus", "repo")
    if not os.path.isdir(git_dir):
        sys.exit(f"no fundus snapshot at {git_dir}")
    html_dir = os.path.join(args.work, "html")
    os.makedirs(html_dir, exist_ok=True)
    cases = {}
    for page_id, page, case, lang in pages(git_dir):
        with open(os.path.join(html_dir, page_id + ".html"), "wb") as f:
            f.write(page)
        cases[page_id] = (case, lang, page)
    ours = run_parallax(args.parallax, html_dir)
    empty = {"date": "", "title": "", "authors": []}
    totals = collections.defaultdict(collections.Counter)
    misses = []
    for page_id, (case, lang, page) in sorted(cases.items()):
        for system, found in (("parallax", ours.get(page_id, empty)),
                              ("trafilatura", run_trafilatura(page))):
            s = score(case, found)
            for key in ("all", lang):
                totals[(key, system)].update({k: int(v) for k, v in s.items()})
                totals[(key, system)]["pages"] += 1
            if system == "parallax" and s["dated"] and not s["date_right"]:
                misses.append((page_id, case.get("publishing_date"), found["date"]))
    langs = sorted({k for k, _ in totals}, key=lambda k: (k != "all", -totals[(k, "parallax")]["pages"]))
    print("| language | pages | system | date found | date right | title right | author right "
          "| author names right |")
    print("|---|---|---|---|---|---|---|---|")
    for lang in langs:
        for system in ("parallax", "trafilatura"):
            t = totals[(lang, system)]
            print(f"| {lang} | {t['pages']} | {system} | {t['date_found']}/{t['dated']} | "
                  f"{t['date_right']}/{t['dated']} | {t['title_right']}/{t['titled']} | "
                  f"{t['author_right']}/{t['authored']} | {t['names_right']}/{t['names_given']} |")
    for page_id, gold, got in misses[: args.misses]:
        print(f"date miss {page_id}: gold {gold}, parallax {got or '-'}", file=sys.stderr)


if __name__ == "__main__":
    main()
