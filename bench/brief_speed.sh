#!/usr/bin/env bash
# Whole-process time of `parallax brief` (a one-sentence file; ten-article DUC clusters) on one
# core, beside sumy's LexRank on the same clusters: median and spread of several runs.
#
#   bench/brief_speed.sh [DUC_DIR] [--runs N] [--clusters K] [--no-sumy]
#
# DUC_DIR defaults to ../shared/eval/duc2004-dev. Installs sumy and nupunkt from PyPI into
# eval/.venv (as eval/peers/run.sh does), builds parallax (release), then runs bench/brief_speed.py.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$root/eval/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check sumy nupunkt numpy
(cd "$root" && cargo build --release --quiet -p parallax-cli)
target="${CARGO_TARGET_DIR:-$root/target}"
exec "$venv/bin/python" "$here/brief_speed.py" --parallax "$target/release/parallax" "$@"
