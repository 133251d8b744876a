#!/usr/bin/env bash
# Installs sumy and nupunkt into eval/.venv (from PyPI), builds parallax, and runs the sumy peers
# side by side with Parallax on a DUC-layout folder (default: ../shared/eval/duc2004-dev).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/eval/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q sumy nupunkt numpy
(cd "$root" && cargo build --release -p parallax-cli)
exec "$venv/bin/python" "$root/eval/peers/sumy_peers.py" "$@"
