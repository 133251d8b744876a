#!/usr/bin/env bash
# Installs trafilatura from PyPI into eval/.venv (git-ignored) and writes its metadata (title,
# byline, site, date) for every page of a Readability-layout folder, as a JSON file that
# `parallax eval metadata DIR --peers FILE` reads.
#
#   eval/peers/trafilatura_metadata.sh [DIR] [OUT]
#     DIR defaults to ../shared/eval/extraction-readability, OUT to eval/peers/out/trafilatura-metadata.json
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/../shared/eval/extraction-readability}"
out="${2:-$root/eval/peers/out/trafilatura-metadata.json}"
venv="$root/eval/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check 'trafilatura>=2,<3' lxml_html_clean
mkdir -p "$(dirname "$out")"
exec "$venv/bin/python" "$root/eval/peers/trafilatura_metadata.py" --dir "$dir" --out "$out"
