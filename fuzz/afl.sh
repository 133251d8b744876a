#!/bin/sh
# Coverage-guided fuzzing with AFL++: fuzz/afl.sh TARGET SECONDS [OUT_DIR]. Needs cargo-afl
# (`cargo install cargo-afl`, then `cargo afl config --build`, which builds the AFL++ it bundles).
# Seeds: fuzz/seeds/ plus small files of ../shared/eval (copied outside the repository, never
# committed). Findings land in OUT_DIR/default/{crashes,hangs}; a hang is an input over 10 s.
set -eu
cd "$(dirname "$0")"
target="$1"
seconds="$2"
out="${3:-afl-out/$target}"
shared="../../shared"
[ -d "$shared" ] || shared="../../../shared"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../target/afl}"
# Instrumented builds at -O3 with one codegen unit take long; -O1 keeps most of the speed.
AFL_OPT_LEVEL="${AFL_OPT_LEVEL:-1}" cargo afl build --quiet --features afl --bin parallax-afl

seeds="$out.seeds"
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds"
  if [ "$target" = search ]; then
    cp seeds/search/* "$seeds/"
  else
    cp seeds/docs/* "$seeds/"
    if [ -d "$shared/eval" ]; then
      find "$shared/eval/extraction-readability" -name source.html -size -24k | sort | head -n 30 |
        while read -r f; do cp "$f" "$seeds/readability-$(basename "$(dirname "$f")").html"; done
      find "$shared/eval/extraction-zyte" -name '*.html.gz' -size -20k | sort | head -n 3 |
        while read -r f; do cp "$f" "$seeds/"; done
      head -n 3 "$shared/eval/clusters-ecbplus/documents.jsonl" > "$seeds/ecb.jsonl"
      find "$shared/seeds" -name '*.txt' -size -16k | sort | head -n 10 |
        while read -r f; do cp "$f" "$seeds/"; done
    fi
  fi
fi

# No UI (a log instead), no core binding (the cores are shared), resume an earlier run.
export AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
cargo afl fuzz -V "$seconds" -t 10000 -m none -i "$seeds" -o "$out" -- \
  "$CARGO_TARGET_DIR/debug/parallax-afl" "$target"
