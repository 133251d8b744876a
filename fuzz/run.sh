#!/bin/sh
# Runs fuzz targets: fuzz/run.sh TARGET|all SECONDS. The corpus is seeded from ../shared/eval.
set -eu
cd "$(dirname "$0")"
target="${1:-all}"
seconds="${2:-60}"
corpus="../../shared/eval"
[ -d "$corpus" ] || corpus="../../../shared/eval"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../target}"
cargo build --quiet
if [ "$target" = all ]; then
  for t in ingest extract brief search; do
    "$CARGO_TARGET_DIR/debug/parallax-fuzz" "$t" "$seconds" "$corpus"
  done
else
  "$CARGO_TARGET_DIR/debug/parallax-fuzz" "$target" "$seconds" "$corpus"
fi
