#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback for tests: installs Debian's `postgresql` when no server is on
# the machine, creates a cluster in a fresh folder under /tmp, starts it, creates a database, and
# prints the lines that point the store's tests at it.
#
#   eval "$(deploy/postgres-test.sh start)"   # exports PARALLAX_TEST_POSTGRES and PARALLAX_PG_DIR
#   deploy/postgres-test.sh stop "$PARALLAX_PG_DIR"
#
# Only the `export` lines go to stdout; progress goes to stderr. The port is $PGPORT when set, else
# the first free one from 55432. Authentication is `trust`, and the server listens on 127.0.0.1
# only: a test server, never a deployment.
set -euo pipefail
# shellcheck source=deploy/common.sh
. "$(dirname "$0")/common.sh"

say() { echo "postgres-test: $*" >&2; }

# The folder of initdb/pg_ctl: on PATH, else the newest of Debian's /usr/lib/postgresql/N/bin.
pg_bin() {
  local dir
  # A symlink on PATH (some images link only initdb and pg_ctl) leads to the real folder.
  if command -v initdb >/dev/null 2>&1; then
    dir=$(dirname "$(readlink -f "$(command -v initdb)")")
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/createdb" ] && { echo "$dir"; return; }
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# Runs a command as the cluster's owner: root may not own a cluster, so root runs it as `postgres`.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin=$(pg_bin || true)
  if [ -z "$bin" ]; then
    say "no PostgreSQL found"
    apt_install postgresql
    bin=$(pg_bin) || { say "postgresql installed but no initdb found"; exit 1; }
  fi
  local dir port
  dir=$(mktemp -d /tmp/parallax-pg.XXXXXX)
  port=$(free_port "${PGPORT:-55432}")
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  say "cluster in $dir, port $port ($bin)"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability off: a throwaway test cluster only (each test makes its own schema and drops it).
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres parallax_test
  echo "export PARALLAX_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/parallax_test"
  echo "export PARALLAX_PG_DIR=$dir"
}

stop() {
  local dir=${1:-${PARALLAX_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { say "usage: $0 stop DIR (the PARALLAX_PG_DIR that start printed)"; exit 2; }
  local bin
  bin=$(pg_bin) || { say "no PostgreSQL found"; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
  say "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) say "usage: $0 start | stop DIR"; exit 2 ;;
esac
