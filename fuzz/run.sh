#!/bin/sh
# Runs the mutation fuzzer: fuzz/run.sh TARGET|all SECONDS. The corpus is fuzz/seeds/ and
# ../shared/eval when it is there. Exits non-zero on any panic or input slower than 10 s.
set -eu
cd "$(dirname "$0")"
target="${1:-all}"
seconds="${2:-60}"
corpus="../../shared/eval"
[ -d "$corpus" ] || corpus="../../../shared/eval"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../target}"
cargo build --quiet --locked
run() {
  if [ "$1" = search ]; then
    "$CARGO_TARGET_DIR/debug/parallax-fuzz" search "$seconds" seeds/search
  else
    "$CARGO_TARGET_DIR/debug/parallax-fuzz" "$1" "$seconds" seeds/docs "$corpus"
  fi
}
if [ "$target" = all ]; then
  for t in ingest extract brief search; do
    run "$t"
  done
else
  run "$target"
fi
