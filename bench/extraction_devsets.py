"""Body text of Parallax and trafilatura side by side on development sets other than the Zyte pages.

Each set is read where it lies (outside the repository) and laid out in a scratch folder in the
Zyte benchmark's layout (`html/<id>.html.gz`, `ground-truth.json` with `articleBody`, `lang` and
`kind` per page, and `with`/`without` snippets where the set has them); trafilatura's bodies go to
`peers/trafilatura.json` there; then `parallax eval extraction` scores both on the same pages with
the same metrics (4-token shingle precision, recall, F1; snippet precision, recall, F1 where there
are snippets), overall, per language and per kind of page.

Sets (each skipped with a note when its source is missing):
  readability   Mozilla Readability's test pages (`pages/<name>/source.html`, `expected.html`,
                `expected-metadata.json`): the gold body is the text of `expected.html`, the
                language that of its metadata. Default: ../shared/eval/extraction-readability.
  cleaneval     CleanEval's development and final sets (web pages of every kind, hand-cleaned
                text; `<p>`/`<h>`/`<l>` line marks dropped), English.
  dragnet       Dragnet's pages (blogs and news, hand-marked content; the comments after its
                separator line are not content), English.
  cleanportal   CleanPortalEval (ppke-nlpg): 69 pages of news portals and their blogs (BBC News,
                MSNBC, a Wall Street Journal and two Washington Post blogs), hand-cleaned text in
                CleanEval's marks, with the page's address on the first line and the quotes and
                dashes as character references (both read); its two section fronts, whose gold
                says the page holds no article, are left out. Kind "news"; the language is read
                from the gold text (English, all of them).
  htmltotext    leogao2/htmltotext-benchmark: pages of news, forums and blogs by language
                (de, en, hr, zh), hand-transcribed text.
  fundus        the parser test pages of flairNLP/fundus (MIT): one to three news pages per
                publisher of some 40 countries, mostly German, each with the article's body as
                fundus's hand-written parser for that publisher reads it (standfirst, section
                headings, paragraphs; no title, captions or boxes), checked by its tests. The
                whole text, not a prefix. The language is read from the gold text.
  wcxb          the development split (`dev/`, 1,497 pages; never `test/`) of WCXB, the Web Content
                Extraction Benchmark (CC-BY-4.0): pages of seven kinds (article, service, product,
                collection, forum, listing, documentation; `kind` from its metadata.json), each
                with its main content and snippets that must appear (`with`) or must not
                (`without`). The language is guessed from the main content.
  irdata        MSVCode/ir-research-data's extraction set (research use): 720 English news pages
                with hand-made gold text, 360 from nine sites (Ars Technica, BBC, CNN, Forbes, Fox
                News, LA Times, NY Mag, NY Post, Yahoo News) in 2005, 2009, 2013 and 2017 and 360
                from some 240 sites in 2017; the gold's first line, the headline, is left out: the
                format writes it first on every page, as a field of its own (Parallax gives it
                as the title, not the text). Where annotators kept a headline within the text
                (Dragnet's gold opens with it on about two pages in three, htmltotext's on half,
                CleanEval's on one in eight) the gold is scored as published. Kind
                `big9-<year>` or `chaos-2017`.
  newspaper4k   the test pages of AndyTheFactory/newspaper4k (MIT) that have an expected text:
                23 news pages (13 English; Chinese, Japanese, Arabic, Spanish, Thai, Latvian,
                Korean, Burmese), each with the body the library's tests expect it to read
                (paragraphs and section headings; no captions, no "Read more" lines).
The last eight are read from git snapshots (no work tree) of the public repositories
j-szulc/html-cleaning-dataset-merged (CleanEval, Dragnet and CleanPortalEval there; never its
`page-signal-master`, kept for judging), leogao2/htmltotext-benchmark,
flairNLP/fundus, Murrough-Foley/web-content-extraction-benchmark, MSVCode/ir-research-data and
AndyTheFactory/newspaper4k, found under --mirrors as
`<owner>+<name>/repo`.
"""

import argparse
import gzip
import html
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import time

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "blockquote", "pre", "section", "article", "figure", "figcaption", "dd", "dt", "hr",
}


class _Text(html.parser.HTMLParser):
    """The text of an HTML fragment, blocks on their own lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(fragment):
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(l.split()) for l in "".join(parser.parts).split("\n"))
    return "\n".join(l for l in lines if l)


FUNCTION_WORDS = {
    "en": "the and of to in is that for with was on are it as by this be",
    "de": "der die und das ist nicht mit sich auf für den ein eine von zu im",
    "fr": "le la les et des est une pour que dans qui du sur pas avec au",
    "es": "el la los las que del en por una con para es se como al lo",
    "pt": "o os as que do da em um uma para com não se dos das por",
    "it": "il che di la per non una sono della con del gli le nel si",
    "pl": "i w nie na się że z do to jest jak o po ale od za",
    "cs": "a v se na je že to s z do o jak ale by jsou za",
    "tr": "ve bir bu da de için ile olarak olan gibi daha çok ama en ki",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er",
    "sv": "och att det som en på är av för med till den har inte om ett",
    "no": "og i det som en på er av for med til den har ikke om et",
}


def guess_language(text):
    """The language of a text by its function words (or script), for pages that do not name it."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "?"
    for lang, low, high in (("ru", 0x400, 0x4FF), ("ja", 0x3040, 0x30FF), ("zh", 0x4E00, 0x9FFF)):
        if sum(low <= ord(c) <= high for c in letters) > len(letters) / 3:
            return lang
    # One-letter words ("a", "i", "o", "v", "w", "z") are function words in several languages
    # and an English shop's sizes and list markers: they tell no language apart.
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1]
    counts = {l: sum(w in set(ws.split()) for w in words) for l, ws in FUNCTION_WORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= 5 else "?"


def decode(data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def git_files(git_dir, prefix):
    """{path: bytes} of every file under `prefix` at HEAD of a bare snapshot."""
    archive = subprocess.run(
        ["git", f"--git-dir={git_dir}", "archive", "--format=tar", "HEAD", prefix],
        check=True,
        capture_output=True,
    ).stdout
    out = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar:
            if member.isfile():
                out[member.name] = tar.extractfile(member).read()
    return out


def readability_pages(src):
    pages_dir = os.path.join(src, "pages")
    for name in sorted(os.listdir(pages_dir)):
        d = os.path.join(pages_dir, name)
        try:
            with open(os.path.join(d, "source.html"), "rb") as f:
                page = f.read()
            with open(os.path.join(d, "expected.html"), "rb") as f:
                gold = html_text(decode(f.read()))
            with open(os.path.join(d, "expected-metadata.json"), "rb") as f:
                meta = json.load(f)
        except OSError as e:
            print(f"readability {name}: {e}", file=sys.stderr)
            continue
        lang = (meta.get("lang") or "").split("-")[0].split("_")[0].lower() or guess_language(gold)
        yield name, page, gold, lang, "mixed"


def pair_pages(files, html_dir, gold_dir, html_ext, clean_gold):
    """Pages whose HTML `<html_dir>/<id><html_ext>` has a gold `<gold_dir>/<id>.txt`."""
    for path in sorted(files):
        if not (path.startswith(html_dir + "/") and path.endswith(html_ext)):
            continue
        page_id = path[len(html_dir) + 1 : -len(html_ext)]
        gold = files.get(f"{gold_dir}/{page_id}.txt")
        if gold is None:
            continue
        yield page_id, files[path], clean_gold(decode(gold))


CLEANEVAL_MARK = re.compile(r"^\s*<[phl]>\s*", re.M)


def cleaneval_pages(git_dir):
    files = git_files(git_dir, "cleaneval-dev") | git_files(git_dir, "cleaneval-final")
    for part in ("cleaneval-dev", "cleaneval-final"):
        for page_id, page, gold in pair_pages(
            files, f"{part}/input", f"{part}/GoldStandard", ".html",
            lambda g: CLEANEVAL_MARK.sub("", g),
        ):
            # The first line is the collection's own `<text id=URL ...>` wrapper, not the page.
            page = re.sub(rb"^\s*<text [^>]*>", b"", page, count=1)
            yield f"{part.split('-')[1]}-{page_id}", page, gold, "en", "web"


# CleanPortalEval's gold files open with the page's address ("URL: http://..."); two of them (a
# section's front) hold nothing else, or a comment saying the page has no article.
PORTAL_URL = re.compile(r"^\s*URL:[^\n]*\n?")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
CLOSING_MARK = re.compile(r"</[phl]>")


def cleanportal_gold(gold):
    """CleanEval's line marks dropped (and a stray closing one), and the character references
    these files write ("&#8217;", "&rsquo;") read."""
    gold = HTML_COMMENT.sub("", PORTAL_URL.sub("", gold, count=1))
    gold = CLOSING_MARK.sub("", CLEANEVAL_MARK.sub("", gold))
    return html.unescape(gold).strip()


def cleanportal_pages(git_dir):
    """CleanPortalEval's pages, each without the collection's `<text id=URL ...>` wrapper as for
    CleanEval."""
    part = "CleanPortalEval-master"
    for page_id, page, gold in pair_pages(
        git_files(git_dir, part), f"{part}/input", f"{part}/GoldStandard",
        ".html", cleanportal_gold,
    ):
        if not gold:
            print(f"cleanportal {page_id}: no article in the gold, left out", file=sys.stderr)
            continue
        page = re.sub(rb"^\s*<text [^>]*>", b"", page, count=1)
        yield page_id, page, gold, guess_language(gold), "news"


# Dragnet's line between content and comments, as its gold files write it: mostly
# "!@#$%^&*()  COMMENTS", some with one space, a tab, a character missing or doubled
# ("!@#$%$%^&*()"), misspelt or another word ("COMMNENTS", "CORRECTED") or none.
COMMENTS_MARK = re.compile(r"^[!@#$% ]*\^&\*+(?:\(\))?(?:\s+[A-Z]+)?\s*$", re.M)


def dragnet_pages(git_dir):
    files = git_files(git_dir, "dragnet_data")
    cut = lambda g: COMMENTS_MARK.split(g, maxsplit=1)[0]
    for page_id, page, gold in pair_pages(
        files, "dragnet_data/input", "dragnet_data/GoldStandard", ".html", cut
    ):
        yield page_id, page, gold, "en", "blog-news"


def htmltotext_pages(git_dir):
    files = git_files(git_dir, "benchmarkdata")
    langs = sorted({p.split("/")[1] for p in files if p.count("/") >= 3})
    for lang in langs:
        for page_id, page, gold in pair_pages(
            files, f"benchmarkdata/{lang}/html", f"benchmarkdata/{lang}/text", ".html",
            lambda g: g,
        ):
            kind = page_id.split("-")[0] if "-" in page_id else "?"
            yield f"{lang}-{page_id}", page, gold, lang, kind


FUNDUS_DATA = "tests/resources/parser/test_data"
_TAG = re.compile(r"<[^>]*>")


def fundus_gold(entry):
    """The body of one fundus test case as text: standfirst, then each section's heading and
    paragraphs, one block a line."""
    body = entry.get("body") or {}
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines += section.get("headline") or []
        lines += section.get("paragraphs") or []
    return "\n".join(" ".join(l.split()) for l in lines if l.strip())


def fundus_cases(git_dir):
    """(id, page bytes, case, country) of each fundus test page, with the test case its publisher's
    parser version reads from it.

    A publisher's JSON holds one case per parser version, a page per version; which page is which
    version is settled by the fundus code we do not run, so each page takes the case whose
    paragraphs it holds most of (at least half of them, else the page is left out)."""
    files = git_files(git_dir, FUNDUS_DATA)
    for path in sorted(files):
        if not path.endswith(".json") or path.endswith("/meta.info"):
            continue
        folder, publisher = path.rsplit("/", 1)
        publisher = publisher[: -len(".json")]
        try:
            cases = [c for c in json.loads(files[path]).values() if isinstance(c, dict)]
        except ValueError:
            continue
        golds = [(fundus_gold(c), c) for c in cases]
        golds = [(g, c) for g, c in golds if g]
        for page_path in sorted(files):
            name = page_path.rsplit("/", 1)[-1]
            if not (page_path.startswith(folder + "/") and name.startswith(publisher + "_")
                    and name.endswith(".html.gz") and name[len(publisher) + 1 : -8][:4].isdigit()):
                continue
            page = gzip.decompress(files[page_path])
            flat = " ".join(html.unescape(_TAG.sub(" ", decode(page))).split())

            def held(gold):
                lines = gold.split("\n")
                return sum(l[:40] in flat for l in lines) / len(lines)

            scored = sorted(((held(g), k) for k, (g, _) in enumerate(golds)), reverse=True)
            if not scored or scored[0][0] < 0.5:
                print(f"fundus {name}: no test case matches the page", file=sys.stderr)
                continue
            country = folder.rsplit("/", 1)[-1]
            yield f"{country}-{name[:-8]}", page, golds[scored[0][1]][1], country


def fundus_pages(git_dir):
    """Each test page of fundus with the body its publisher's parser version reads from it."""
    for page_id, page, case, _ in fundus_cases(git_dir):
        gold = fundus_gold(case)
        yield page_id, page, gold, guess_language(gold), "news"


def wcxb_pages(git_dir):
    """WCXB's development pages with their snippets (the test split is never read)."""
    files = git_files(git_dir, "dev")
    # The page's kind is its ground truth's own label, else metadata.json's (which lists some
    # pages of dev/ under the test split: the folder a page lies in decides, not that list).
    kinds = {
        file_id: entry.get("page_type") or "?"
        for file_id, entry in json.loads(
            subprocess.run(
                ["git", f"--git-dir={git_dir}", "show", "HEAD:metadata.json"],
                check=True, capture_output=True,
            ).stdout
        )["files"].items()
    }
    for path in sorted(files):
        if not (path.startswith("dev/ground-truth/") and path.endswith(".json")):
            continue
        file_id = path.rsplit("/", 1)[-1][: -len(".json")]
        page = files.get(f"dev/html/{file_id}.html.gz")
        if page is None:
            continue
        entry = json.loads(files[path])
        truth = entry.get("ground_truth") or {}
        kind = ((entry.get("_internal") or {}).get("page_type") or {}).get("primary")
        gold = truth.get("main_content") or ""
        snippets = {"with": truth.get("with") or [], "without": truth.get("without") or []}
        yield (file_id, gzip.decompress(page), gold, guess_language(gold),
               kind or kinds.get(file_id, "?"), snippets)


IRDATA_PARTS = {
    "big5-05": "big9-2005", "big5-09": "big9-2009", "big5-13": "big9-2013",
    "big5-17": "big9-2017", "chaos-all": "chaos-2017",
}


def irdata_gold(gold):
    """The hand-made gold without its first line, the headline, which the format writes first on
    every page as a field of its own."""
    _headline, _, body = gold.strip().partition("\n")
    return body.strip()


def irdata_pages(git_dir):
    """MSVCode/ir-research-data's extraction pages: nine news sites in 2005, 2009, 2013 and 2017
    ("Big9", the folders say `big5-`) and 360 news pages of some 240 sites in 2017 ("Chaos"),
    each with a hand-made gold text; the kind names the part and year."""
    files = git_files(git_dir, "Extraction")
    for part, kind in IRDATA_PARTS.items():
        for ext in (".htm", ".html"):
            for page_id, page, gold in pair_pages(
                files, f"Extraction/{part}/html", f"Extraction/{part}/gold", ext, irdata_gold,
            ):
                if not gold:
                    print(f"irdata {part}/{page_id}: no text under the headline, left out",
                          file=sys.stderr)
                    continue
                yield f"{part}-{page_id}", page, gold, guess_language(gold), kind


NEWSPAPER_DATA = "tests/data"


def newspaper4k_pages(git_dir):
    """newspaper4k's test pages that have an expected text, each with the body the library's tests
    expect it to read. The language is the test's metadata's, else read from the gold text."""
    files = git_files(git_dir, NEWSPAPER_DATA)
    for page_id, page, gold in pair_pages(
        files, f"{NEWSPAPER_DATA}/html", f"{NEWSPAPER_DATA}/txt", ".html", lambda g: g.strip(),
    ):
        meta = files.get(f"{NEWSPAPER_DATA}/metadata/{page_id}.json")
        lang = (json.loads(meta).get("language") or "") if meta else ""
        yield page_id, page, gold, lang or guess_language(gold), "news"


def write_set(out_dir, pages):
    os.makedirs(os.path.join(out_dir, "html"), exist_ok=True)
    truth = {}
    for page_id, page, gold, lang, kind, *snippets in pages:
        page_id = re.sub(r"[^A-Za-z0-9_.-]", "_", page_id)
        with gzip.open(os.path.join(out_dir, "html", f"{page_id}.html.gz"), "wb") as f:
            f.write(page)
        truth[page_id] = {"articleBody": gold, "lang": lang, "kind": kind}
        for extra in snippets:
            truth[page_id].update(extra)
    with open(os.path.join(out_dir, "ground-truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return len(truth)


def run_trafilatura(out_dir):
    import trafilatura

    peers = os.path.join(out_dir, "peers")
    os.makedirs(peers, exist_ok=True)
    with open(os.path.join(out_dir, "ground-truth.json"), encoding="utf-8") as f:
        ids = sorted(json.load(f))
    bodies = {}
    start = time.perf_counter()
    for page_id in ids:
        with gzip.open(os.path.join(out_dir, "html", f"{page_id}.html.gz")) as f:
            page = f.read()
        try:
            body = trafilatura.extract(page) or ""
        except Exception as e:  # one bad page must not stop the run
            print(f"trafilatura {page_id}: {e}", file=sys.stderr)
            body = ""
        bodies[page_id] = {"articleBody": body}
    seconds = time.perf_counter() - start
    with open(os.path.join(peers, "trafilatura.json"), "w", encoding="utf-8") as f:
        json.dump(bodies, f, ensure_ascii=False)
    print(f"trafilatura {trafilatura.__version__}: {len(ids)} pages in {seconds:.1f} s",
          file=sys.stderr)


TOKEN = re.compile(r"[^\W]+")


def page_recall_precision(gold, predicted):
    """Shingle recall and precision of one page, as `parallax eval extraction` counts them."""
    def shingles(text):
        toks = TOKEN.findall(text)
        if len(toks) < 4:
            return {tuple(toks): 1} if toks else {}
        out = {}
        for i in range(len(toks) - 3):
            k = tuple(toks[i : i + 4])
            out[k] = out.get(k, 0) + 1
        return out

    g, p = shingles(gold), shingles(predicted)
    tp = sum(min(c, p.get(k, 0)) for k, c in g.items())
    recall = tp / max(1, sum(g.values()))
    precision = tp / sum(p.values()) if p else None
    return recall, precision


def worst_pages(out_dir, count):
    """The pages where Parallax's recall falls furthest below trafilatura's, as a Markdown table."""
    def bodies(path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        data = data.get("output", data) if "version" in data else data
        return {k: (v.get("articleBody") if isinstance(v, dict) else v) or "" for k, v in data.items()}

    with open(os.path.join(out_dir, "ground-truth.json"), encoding="utf-8") as f:
        gold = json.load(f)
    ours = bodies(os.path.join(out_dir, "parallax.json"))
    theirs = bodies(os.path.join(out_dir, "peers", "trafilatura.json"))
    rows = []
    for page_id, entry in gold.items():
        r_ours, p_ours = page_recall_precision(entry["articleBody"], ours.get(page_id, ""))
        r_theirs, p_theirs = page_recall_precision(entry["articleBody"], theirs.get(page_id, ""))
        rows.append((r_ours - r_theirs, page_id, entry.get("lang", "?"), r_ours, p_ours, r_theirs, p_theirs))
    rows.sort()
    fmt = lambda x: "-" if x is None else f"{x:.2f}"
    lines = ["| page | lang | Parallax R / P | trafilatura R / P |", "|---|---|---|---|"]
    for _, page_id, lang, r1, p1, r2, p2 in rows[:count]:
        lines.append(f"| {page_id} | {lang} | {fmt(r1)} / {fmt(p1)} | {fmt(r2)} / {fmt(p2)} |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True, help="scratch folder for the laid-out sets")
    ap.add_argument("--parallax", required=True, help="the parallax binary")
    ap.add_argument("--readability", required=True)
    ap.add_argument("--mirrors", required=True, help="folder of `<owner>+<name>/repo` snapshots")
    ap.add_argument("--sets",
                    default="readability,cleaneval,dragnet,cleanportal,htmltotext,fundus,wcxb,irdata,newspaper4k")
    ap.add_argument("--reuse", action="store_true", help="keep laid-out sets and peer outputs")
    ap.add_argument("--pages", type=int, default=0, metavar="N",
                    help="also list the N pages where Parallax's recall trails trafilatura's most")
    args = ap.parse_args()
    merged = os.path.join(args.mirrors, "j-szulc+html-cleaning-dataset-merged", "repo")
    htt = os.path.join(args.mirrors, "leogao2+htmltotext-benchmark", "repo")
    fundus = os.path.join(args.mirrors, "flairNLP+fundus", "repo")
    wcxb = os.path.join(args.mirrors, "Murrough-Foley+web-content-extraction-benchmark", "repo")
    irdata = os.path.join(args.mirrors, "MSVCode+ir-research-data", "repo")
    newspaper = os.path.join(args.mirrors, "AndyTheFactory+newspaper4k", "repo")
    sources = {
        "readability": (args.readability, lambda: readability_pages(args.readability)),
        "cleaneval": (merged, lambda: cleaneval_pages(merged)),
        "dragnet": (merged, lambda: dragnet_pages(merged)),
        "cleanportal": (merged, lambda: cleanportal_pages(merged)),
        "htmltotext": (htt, lambda: htmltotext_pages(htt)),
        "fundus": (fundus, lambda: fundus_pages(fundus)),
        "wcxb": (wcxb, lambda: wcxb_pages(wcxb)),
        "irdata": (irdata, lambda: irdata_pages(irdata)),
        "newspaper4k": (newspaper, lambda: newspaper4k_pages(newspaper)),
    }
    for name in args.sets.split(","):
        src, pages = sources[name]
        if not os.path.isdir(src):
            print(f"## {name}: skipped, {src} is missing (fetch the repository first)\n")
            continue
        out_dir = os.path.join(args.work, name)
        if not (args.reuse and os.path.exists(os.path.join(out_dir, "ground-truth.json"))):
            n = write_set(out_dir, pages())
            print(f"{name}: {n} pages laid out in {out_dir}", file=sys.stderr)
        if not (args.reuse and os.path.exists(os.path.join(out_dir, "peers", "trafilatura.json"))):
            run_trafilatura(out_dir)
        report = subprocess.run(
            [args.parallax, "eval", "extraction", out_dir,
             "--out", os.path.join(out_dir, "parallax.json")],
            check=True, capture_output=True, text=True,
        ).stdout
        print(f"## {name}\n\n{report}")
        if args.pages:
            print(f"### {name}: recall furthest behind trafilatura\n\n{worst_pages(out_dir, args.pages)}")


if __name__ == "__main__":
    main()
