#!/usr/bin/env bash
# Pages per second of Python trafilatura and of `parallax extract` on the same pages, in one run.
#
#   bench/extraction_speed.sh [DIR]     DIR defaults to ../shared/eval/extraction-zyte
#
# Installs trafilatura from PyPI into bench/.venv, builds parallax (release), then runs
# bench/extraction_speed.py, which times both and prints the ratio.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
dir="${1:-$root/../shared/eval/extraction-zyte}"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check 'trafilatura>=2,<3' lxml_html_clean
(cd "$root" && cargo build --release --quiet -p parallax-cli)
target="${CARGO_TARGET_DIR:-$root/target}"
exec "$venv/bin/python" "$here/extraction_speed.py" --dir "$dir" --parallax "$target/release/parallax"
