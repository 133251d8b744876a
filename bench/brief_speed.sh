#!/usr/bin/env bash
# Whole-process time of `parallax brief` (a one-sentence file; the seeds, three scraped pages;
# ten-article DUC clusters) on one core, beside sumy's LexRank on the same clusters: median and
# spread of several runs.
#
#   bench/brief_speed.sh [DUC_DIR] [--runs N] [--clusters K] [--no-sumy] [--seeds DIR]
#                        [--parallax BIN] [--baseline BIN]
#
# DUC_DIR defaults to ../shared/eval/duc2004-dev. Installs sumy and nupunkt from PyPI into
# eval/.venv (as eval/peers/run.sh does), builds parallax (release, one job unless
# CARGO_BUILD_JOBS says otherwise) unless --parallax names a binary, then runs
# bench/brief_speed.py. --baseline times a second binary (an older build) on the same inputs,
# row by row beside the first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$root/eval/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check sumy nupunkt numpy
case " $* " in
  *" --parallax "*) exec "$venv/bin/python" "$here/brief_speed.py" "$@" ;;
esac
(cd "$root" && CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo build --release --quiet -p parallax-cli)
target="${CARGO_TARGET_DIR:-$root/target}"
exec "$venv/bin/python" "$here/brief_speed.py" --parallax "$target/release/parallax" "$@"
