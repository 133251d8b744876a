#!/usr/bin/env bash
# The whole scale-out topology on one machine, on loopback (docs/scale-out.md): PostgreSQL and
# nats-server from Debian's packages (installed when missing, through postgres-test.sh and
# nats-test.sh), two workers, the grouper with a standby, and two `serve` replicas.
#
#   deploy/local-cluster.sh start     # prints the lines to eval: PARALLAX_QUEUE, PARALLAX_DB, …
#   parallax ingest --queue "$PARALLAX_QUEUE" articles/
#   curl http://127.0.0.1:18080/api/stories; curl http://127.0.0.1:18081/api/stories
#   deploy/local-cluster.sh stop
#
# The binary is $PARALLAX, else target/release/parallax, else `parallax` on PATH. Serve replicas
# listen on $SERVE_PORT and the port after it (default 18080). Logs and process ids are kept in
# $PARALLAX_CLUSTER_DIR (default /tmp/parallax-cluster); `stop` kills exactly those processes.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "local-cluster: $*" >&2; }
dir=${PARALLAX_CLUSTER_DIR:-/tmp/parallax-cluster}

binary() {
  if [ -n "${PARALLAX:-}" ]; then echo "$PARALLAX"
  elif [ -x target/release/parallax ]; then echo "$PWD/target/release/parallax"
  elif command -v parallax >/dev/null 2>&1; then command -v parallax
  else say "no parallax binary: cargo build --release -p parallax-cli, or set PARALLAX"; exit 1
  fi
}

# Starts `parallax ARGS…` in the background as NAME, its log and pid in $dir.
run() {
  local name=$1
  shift
  "$bin" "$@" </dev/null >"$dir/$name.log" 2>&1 &
  echo "$!" >"$dir/$name.pid"
}

start() {
  [ ! -e "$dir/env" ] || { say "$dir/env exists: a cluster is running (stop it first)"; exit 1; }
  mkdir -p "$dir"
  bin=$(binary)
  deploy/postgres-test.sh start >"$dir/pg.env"
  deploy/nats-test.sh start >"$dir/nats.env"
  # shellcheck disable=SC1091
  . "$dir/pg.env"
  # shellcheck disable=SC1091
  . "$dir/nats.env"
  local db=$PARALLAX_TEST_POSTGRES queue=$PARALLAX_TEST_NATS port=${SERVE_PORT:-18080}
  run grouper-1 grouper --queue "$queue" --db "$db"
  sleep 1
  run grouper-2 grouper --queue "$queue" --db "$db"
  run worker-1 worker --queue "$queue"
  run worker-2 worker --queue "$queue"
  run serve-1 serve --db "$db" --addr "127.0.0.1:$port"
  run serve-2 serve --db "$db" --addr "127.0.0.1:$((port + 1))"
  {
    echo "export PARALLAX_QUEUE=$queue"
    echo "export PARALLAX_DB=$db"
    echo "export PARALLAX_SERVE_1=http://127.0.0.1:$port"
    echo "export PARALLAX_SERVE_2=http://127.0.0.1:$((port + 1))"
  } >"$dir/env"
  say "running; logs in $dir"
  cat "$dir/env"
}

stop() {
  [ -d "$dir" ] || { say "no cluster in $dir"; exit 2; }
  local pidfile
  for pidfile in "$dir"/*.pid; do
    [ -e "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  sleep 1
  if [ -e "$dir/nats.env" ]; then
    # shellcheck disable=SC1091
    . "$dir/nats.env"
    deploy/nats-test.sh stop "$PARALLAX_NATS_DIR" || true
  fi
  if [ -e "$dir/pg.env" ]; then
    # shellcheck disable=SC1091
    . "$dir/pg.env"
    deploy/postgres-test.sh stop "$PARALLAX_PG_DIR" || true
  fi
  rm -rf "$dir"
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) say "usage: $0 start | stop"; exit 2 ;;
esac
