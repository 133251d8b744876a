#!/usr/bin/env bash
# Rates of the NATS JetStream pipeline on loopback (docs/scale-out.md), release build: a throwaway
# PostgreSQL and nats-server (deploy/postgres-test.sh, deploy/nats-test.sh), the ECB+ articles.
#
#   1. workers: the documents published first, then 1 (and then 2) workers drain them: documents/s
#      over the workers' busy span, and per CPU second (user + system: what a core does, whatever
#      else runs on the machine);
#   2. grouper: the results of step 1 stored, grouped and briefed by one grouper: articles/s;
#   3. end to end: everything running, the documents published: articles/s until all are placed;
#   4. publish to searchable: one new document at a time into the running pipeline (store full),
#      until `GET /api/search` finds it, RUNS times.
#
#   bench/queue_load.sh                  # SKIP_BUILD=1 to use the release binary already built
#   JOBS=1 bench/queue_load.sh           # each worker on one thread (default: all cores)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${DATA:-$root/../shared/eval/clusters-ecbplus/documents.jsonl}"
runs="${RUNS:-5}"
target="${CARGO_TARGET_DIR:-$root/target}"
[[ -f "$data" ]] || { echo "queue_load: $data not found" >&2; exit 0; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  (cd "$root" && CARGO_TARGET_DIR="$target" cargo build --release -p parallax-cli --quiet)
fi
parallax="$target/release/parallax"

work="$(mktemp -d)"
pids=()
pg_dir="" nats_dir=""
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [[ -z "$nats_dir" ]] || "$root/deploy/nats-test.sh" stop "$nats_dir" || true
  [[ -z "$pg_dir" ]] || "$root/deploy/postgres-test.sh" stop "$pg_dir" || true
  rm -rf "$work"
}
trap cleanup EXIT

# A fresh server pair for one measurement: sets $db and $queue.
fresh() {
  cleanup_servers
  eval "$("$root/deploy/postgres-test.sh" start)"
  pg_dir=$PARALLAX_PG_DIR db=$PARALLAX_TEST_POSTGRES
  eval "$("$root/deploy/nats-test.sh" start)"
  nats_dir=$PARALLAX_NATS_DIR queue=$PARALLAX_TEST_NATS
}
cleanup_servers() {
  [[ -z "$nats_dir" ]] || "$root/deploy/nats-test.sh" stop "$nats_dir" || true
  [[ -z "$pg_dir" ]] || "$root/deploy/postgres-test.sh" stop "$pg_dir" || true
  nats_dir="" pg_dir=""
}

# The busy span ("in X s") of a finished worker or grouper log.
span() { sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$1" | tail -n 1; }
count() { sed -n 's/.*done, \([0-9]*\) .*/\1/p' "$1" | tail -n 1; }

n=$(wc -l <"$data")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $n ECB+ documents" >&2
echo "| stage | processes | items | busy s | items/s | CPU s | items per CPU s |"
echo "|---|---|---|---|---|---|---|"
cpu() { awk '{print $1 + $2}' "$1"; }
for workers in 1 2; do
  fresh
  "$parallax" -q ingest --queue "$queue" "$data"
  for i in $(seq 1 "$workers"); do
    /usr/bin/time -f '%U %S' -o "$work/worker-$i.cpu" \
      "$parallax" ${JOBS:+--jobs "$JOBS"} worker --queue "$queue" --idle-exit 2 2>"$work/worker-$i.log" &
    pids+=("$!")
  done
  wait "${pids[@]}"
  pids=()
  longest=0 total=0 seconds=0
  for i in $(seq 1 "$workers"); do
    longest=$(python3 -c "print(max($longest, $(span "$work/worker-$i.log")))")
    total=$((total + $(count "$work/worker-$i.log")))
    seconds=$(python3 -c "print($seconds + $(cpu "$work/worker-$i.cpu"))")
  done
  python3 -c "print(f'| worker (read, extract, analyse) | $workers | $total | {$longest:.1f} | {$total / $longest:.0f} | {$seconds:.1f} | {$total / $seconds:.0f} |')"
  if [[ $workers = 1 ]]; then
    /usr/bin/time -f '%U %S' -o "$work/grouper.cpu" \
      "$parallax" grouper --queue "$queue" --db "$db" --idle-exit 2 2>"$work/grouper.log"
    g=$(span "$work/grouper.log") c=$(cpu "$work/grouper.cpu") k=$(count "$work/grouper.log")
    python3 -c "print(f'| grouper (store, group, brief) | 1 | $k | {$g:.1f} | {$k / $g:.0f} | {$c:.1f} | {$k / $c:.0f} |')"
  fi
done

# End to end, and publish to searchable, on one running pipeline.
fresh
"$parallax" grouper --queue "$queue" --db "$db" 2>"$work/grouper-e2e.log" &
pids+=("$!")
for i in 1 2; do
  "$parallax" worker --queue "$queue" 2>"$work/worker-e2e-$i.log" &
  pids+=("$!")
done
port=$((18600 + RANDOM % 1000))
"$parallax" serve --db "$db" --addr "127.0.0.1:$port" --read-only 2>"$work/serve.log" &
pids+=("$!")
start=$(date +%s.%N)
"$parallax" -q ingest --queue "$queue" "$data"
placed() {
  psql -At "$db" -c "SELECT count(*) = $n AND count(*) FILTER (WHERE story_id IS NULL) = 0 FROM articles" 2>/dev/null
}
until [[ "$(placed)" = t ]]; do sleep 0.2; done
end=$(date +%s.%N)
python3 -c "s = $end - $start; print(f'| end to end (2 workers, grouper) | 4 | $n | {s:.1f} | {$n / s:.0f} | | |')"

echo
echo "| publish to searchable | s |"
echo "|---|---|"
for run in $(seq 1 "$runs"); do
  word="queuelatency$run$RANDOM"
  printf '%s\n\n%s\n\n%s\n\n%s\n' "Harbour crane collapse halts container terminal ($word)" \
    "A crane collapsed at the container terminal on Tuesday morning, the port authority said, and no one was hurt when the boom fell across an empty berth." \
    "Work at the terminal stopped for the day while engineers checked the other cranes, the authority said in a statement, adding that ships due to dock would wait offshore." \
    "Inspectors will examine the crane this week. The operator of the terminal said it would pay for the repairs and expected the berth to reopen within a month." \
    >"$work/latency-$run.txt"
  t0=$(date +%s.%N)
  "$parallax" -q ingest --queue "$queue" "$work/latency-$run.txt"
  until curl -fsS "http://127.0.0.1:$port/api/search?q=$word" | grep -q '"article"'; do sleep 0.02; done
  t1=$(date +%s.%N)
  python3 -c "print(f'| run $run | {$t1 - $t0:.2f} |')"
  sleep 1
done
