#!/usr/bin/env bash
# Parallax and trafilatura side by side on the extraction development sets, in one run: body text
# precision, recall and F1 (4-token shingles; snippets too where a set has them), overall, per language
# and per kind of page.
#
#   bench/extraction_devsets.sh [WORK]
#       [--sets readability,cleaneval,dragnet,cleanportal,htmltotext,fundus,wcxb,irdata,newspaper4k]
#       [--reuse] [--pages N]
#
# --pages N also lists, per set, the N pages where Parallax's recall trails trafilatura's most (page
# recall and precision of both), to find what text is lost.
#
# WORK (default /tmp/parallax-devsets) is a scratch folder: the sets are laid out there, never in
# the repository. Readability's pages come from ../shared/eval/extraction-readability; CleanEval,
# Dragnet, CleanPortalEval (69 pages of news portals and their blogs, English, hand-cleaned),
# htmltotext, WCXB and fundus from git snapshots of the public repositories
# j-szulc/html-cleaning-dataset-merged (not its page-signal-master), leogao2/htmltotext-benchmark,
# Murrough-Foley/web-content-extraction-benchmark (WCXB, CC-BY-4.0: its dev split only, 1,497 pages
# of seven kinds with snippets) and flairNLP/fundus (MIT; its parser tests' news pages, 256 of
# some 40 countries: 110 German, 84 English, 8 Spanish, 6 French, 3 Italian, 3 Polish,
# 1 Portuguese, the rest Norwegian, Turkish, Japanese ..., with the body its hand-written parser
# for each publisher reads: the whole text, no title) and MSVCode/ir-research-data (research use;
# 720 English news pages with hand-made gold: nine sites in 2005, 2009, 2013 and 2017, and 360
# pages of some 240 sites in 2017) and AndyTheFactory/newspaper4k (MIT; the 23 news pages of its tests
# that have an expected text, 13 English, the rest Chinese, Japanese, Arabic, Spanish, Thai, Latvian,
# Korean, Burmese) under $MIRRORS (default
# /work/.mirror, as `<owner>+<name>/repo`); a set whose source is missing is skipped with a note.
# Fetch them with the `fetch` tool (github:flairNLP/fundus, github:MSVCode/ir-research-data,
# github:AndyTheFactory/newspaper4k) before the first run.
# Installs trafilatura from PyPI into bench/.venv and builds parallax (release).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/parallax-devsets}"
shift || true
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check 'trafilatura>=2,<3' lxml_html_clean
(cd "$root" && cargo build --release --quiet -p parallax-cli)
target="${CARGO_TARGET_DIR:-$root/target}"
exec "$venv/bin/python" "$here/extraction_devsets.py" --work "$work" \
  --parallax "$target/release/parallax" \
  --readability "$root/../shared/eval/extraction-readability" \
  --mirrors "${MIRRORS:-/work/.mirror}" "$@"
