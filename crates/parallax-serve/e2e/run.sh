#!/usr/bin/env bash
# Browser end-to-end test: builds `parallax`, ingests the bundled example and the ECB+ articles
# into a temporary store, serves it on loopback and drives the page in the system Chromium.
#
#   crates/parallax-serve/e2e/run.sh [SCREENSHOT.png]
# Needs: node and npm, and chromium (Debian: apt-get install chromium); CHROMIUM overrides its path.
# INGEST_WITH=path/to/parallax ingests with another build (a release one ingests ECB+ far faster
# than the debug build this script makes, which then serves).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
shared="$root/../shared/eval/clusters-ecbplus/documents.jsonl"
screenshot="${1:-}"
target="${CARGO_TARGET_DIR:-$root/target}"
port="${PORT:-18474}"
token="e2e-$RANDOM$RANDOM"

command -v "${CHROMIUM:-chromium}" >/dev/null || { echo "e2e: no chromium; install it (apt-get install chromium)" >&2; exit 1; }
(cd "$here" && npm ci --no-audit --no-fund --silent)
(cd "$root" && CARGO_TARGET_DIR="$target" cargo build -p parallax-cli --quiet)
parallax="$target/debug/parallax"

work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/e2e.db"
ingest="${INGEST_WITH:-$parallax}"
"$ingest" ingest "$root/examples/harbour-fire/articles" --db "$db" 2>"$work/ingest.log" || true
if [[ -f "$shared" ]]; then
  "$ingest" ingest "$shared" --db "$db" 2>>"$work/ingest.log" || true
else
  echo "e2e: $shared not found; testing on the bundled example only" >&2
fi
grep '^parallax:' "$work/ingest.log" >&2 || true

"$parallax" serve --db "$db" --addr "127.0.0.1:$port" --token "$token" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
node "$here/browser.mjs" "http://127.0.0.1:$port" "$token" "$screenshot"
