#!/usr/bin/env bash
# Runs the scikit-learn clustering peer next to Parallax on a labelled JSON Lines file:
#   eval/peers/sklearn_clusters.sh ../shared/eval/clusters-ecbplus/documents.jsonl --label subtopic
# Creates eval/.venv with scikit-learn on first use. Set PARALLAX_BIN to use another binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sklearn" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet scikit-learn
fi
exec "$venv/bin/python" "$here/sklearn_clusters.py" "$@"
