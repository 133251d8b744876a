#!/usr/bin/env bash
# Load test of `parallax serve` over loopback: builds the release binary, ingests the ECB+
# articles into a temporary database, serves it on 127.0.0.1 and drives GET /api/stories,
# GET /api/stories/{id} (plain, gzip-compressed, and revalidated with its ETag: 304) and
# GET /api/search with `oha` (installed with cargo if missing), each for DURATION with CONNECTIONS
# connections. Prints requests/s, p50/p99 latency, the error count, and
# the server's CPU time per request (which, unlike the rest, does not depend on what else runs).
#
#   bench/serve_load.sh                 # 30 s per endpoint, 64 connections
#   DURATION=10s CONNECTIONS=32 bench/serve_load.sh
#   SKIP_BUILD=1 bench/serve_load.sh    # use the release binary already built
#   DB=postgres://… REPLICAS=2 bench/serve_load.sh   # PostgreSQL (an empty database: the script
#                                       # ingests into it), served by REPLICAS replicas on PORT,
#                                       # PORT+1, …; each gets CONNECTIONS/REPLICAS connections,
#                                       # req/s and CPU are summed, latencies are the first replica's
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${DATA:-$root/../shared/eval/clusters-ecbplus/documents.jsonl}"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-64}"
port="${PORT:-18473}"
target="${CARGO_TARGET_DIR:-$root/target}"
tools="${TOOLS_DIR:-$target/tools}"

if [[ ! -f "$data" ]]; then
  echo "serve_load: $data not found; nothing to serve" >&2
  exit 0
fi

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building parallax (release)" >&2
  (cd "$root" && CARGO_TARGET_DIR="$target" cargo build --release -p parallax-cli --quiet)
fi
parallax="$target/release/parallax"

if command -v oha >/dev/null 2>&1; then
  oha="$(command -v oha)"
else
  oha="$tools/bin/oha"
  if [[ ! -x "$oha" ]]; then
    echo "== installing oha into $tools" >&2
    cargo install oha --locked --root "$tools" --quiet
  fi
fi

work="$(mktemp -d)"
servers=()
replicas="${REPLICAS:-1}"
cleanup() {
  local pid
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

db="${DB:-$work/bench.db}"
echo "== ingesting $(wc -l <"$data") ECB+ articles" >&2
start=$(date +%s.%N)
"$parallax" ingest "$data" --db "$db" 2>"$work/ingest.log" || true
end=$(date +%s.%N)
tail -n 1 "$work/ingest.log" >&2
printf 'ingest: %.1f s\n' "$(echo "$end - $start" | bc)" >&2

for i in $(seq 0 $((replicas - 1))); do
  "$parallax" serve --db "$db" --addr "127.0.0.1:$((port + i))" --read-only 2>"$work/serve-$i.log" &
  servers+=("$!")
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$((port + i))/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fsS "http://127.0.0.1:$((port + i))/healthz" >&2; echo >&2
done
base="http://127.0.0.1:$port"

# A story of median size, and the one with the most articles (the heaviest page to serve).
read -r median largest < <(curl -fsS "$base/api/stories?limit=500" | python3 -c '
import json, sys
s = sorted(json.load(sys.stdin)["stories"], key=lambda x: (x["articles"], x["id"]))
print(s[len(s) // 2]["id"], s[-1]["id"])')
for id in "$median" "$largest"; do
  echo "story $id: $(curl -fsS "$base/api/stories/$id" | wc -c) bytes" >&2
done

# CPU time (user + system, in clock ticks) the servers have used so far.
cpu_ticks() {
  local pid total=0
  for pid in "${servers[@]}"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

run() {
  local name="$1" url="$2" i
  shift 2
  local outs=() pids=()
  local before after
  before="$(cpu_ticks)"
  for i in $(seq 0 $((replicas - 1))); do
    outs+=("$work/oha-$RANDOM-$i.json")
    "$oha" --no-tui --output-format json -w -z "$duration" -c "$((connections / replicas))" "$@" \
      "${url/:$port\//:$((port + i))/}" >"${outs[$i]}" &
    pids+=("$!")
  done
  wait "${pids[@]}"
  after="$(cpu_ticks)"
  python3 - "$name" "$((after - before))" "$(getconf CLK_TCK)" "${outs[@]}" <<'PY'
import json, sys
name, ticks, hz, paths = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
rate, errors, done = 0.0, 0, 0
for i, path in enumerate(paths):
    r = json.load(open(path))
    codes = r.get("statusCodeDistribution", {})
    rate += r["summary"]["requestsPerSec"]
    errors += sum(r.get("errorDistribution", {}).values()) + sum(n for c, n in codes.items() if not c.startswith(("2", "304")))
    done += sum(codes.values())
    if i == 0:
        p = r["latencyPercentiles"]
cpu_us = ticks / hz * 1e6 / done if done else float("nan")
print(f"| {name} | {rate:.0f} | {p['p50']*1000:.2f} | {p['p99']*1000:.2f} | {errors} | {cpu_us:.0f} |")
PY
}

echo
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
echo "| endpoint | req/s | p50 ms | p99 ms | errors | server CPU µs/req |"
echo "|---|---|---|---|---|---|"
run "GET /api/stories" "$base/api/stories"
run "GET /api/stories/$median (median)" "$base/api/stories/$median"
run "GET /api/stories/$largest (largest)" "$base/api/stories/$largest"
run "GET /api/stories/$median (gzip)" "$base/api/stories/$median" -H "Accept-Encoding: gzip"
etag="$(curl -fsSI "$base/api/stories/$median" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
if [[ -n "$etag" ]]; then
  run "GET /api/stories/$median (If-None-Match: 304)" "$base/api/stories/$median" -H "If-None-Match: $etag"
fi
run "GET /api/search?q=earthquake" "$base/api/search?q=earthquake"
