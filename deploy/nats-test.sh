#!/usr/bin/env bash
# A throwaway NATS server with JetStream on loopback for tests: installs Debian's `nats-server`
# when it is missing, starts it with its store in a fresh folder under /tmp, and prints the lines
# that point the queue's tests at it.
#
#   eval "$(deploy/nats-test.sh start)"   # exports PARALLAX_TEST_NATS and PARALLAX_NATS_DIR
#   deploy/nats-test.sh stop "$PARALLAX_NATS_DIR"
#
# Only the `export` lines go to stdout; progress goes to stderr. The port is $NATS_PORT when set,
# else the first free one from 14222. No authentication, 127.0.0.1 only: a test server, never a
# deployment.
set -euo pipefail
# shellcheck source=deploy/common.sh
. "$(dirname "$0")/common.sh"

say() { echo "nats-test: $*" >&2; }

start() {
  if ! command -v nats-server >/dev/null 2>&1; then
    say "no nats-server found"
    apt_install nats-server
  fi
  local dir port
  dir=$(mktemp -d /tmp/parallax-nats.XXXXXX)
  port=$(free_port "${NATS_PORT:-14222}")
  say "JetStream in $dir, port $port"
  # Its own output is in the log: the caller reads our stdout to its end.
  nats-server -a 127.0.0.1 -p "$port" -js -sd "$dir/store" -l "$dir/server.log" </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/pid"
  # Ready when the port answers.
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { say "nats-server did not start (see $dir/server.log)"; exit 1; }
  echo "export PARALLAX_TEST_NATS=nats://127.0.0.1:$port"
  echo "export PARALLAX_NATS_DIR=$dir"
}

stop() {
  local dir=${1:-${PARALLAX_NATS_DIR:-}}
  [ -n "$dir" ] && [ -f "$dir/pid" ] || { say "usage: $0 stop DIR (the PARALLAX_NATS_DIR that start printed)"; exit 2; }
  local pid
  pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -rf "$dir"
  say "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) say "usage: $0 start | stop DIR"; exit 2 ;;
esac
