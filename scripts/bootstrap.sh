#!/usr/bin/env bash
# Create .venv at the repo root and install the project (and the extra given as $1, e.g. "test")
# from its lock file: requirements.lock, or requirements-$1.lock (exact versions, hashes checked;
# regenerate with scripts/lock.sh). Safe to run again: it only reinstalls when the lock changed.
# torch is locked to the CPU build (torch==2.13.0+cpu), a local wheel that pip finds through its
# find-links setting (/opt/wheels here; elsewhere point PIP_FIND_LINKS at the CPU wheel), so no
# multi-GB CUDA build is ever pulled in. Not hash-checked: the pip upgrade below and the setuptools
# that builds the project itself (pip's isolated build environment).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
lock="requirements${extras:+-$extras}.lock"
if [ ! -f "$lock" ]; then
  echo "No lock file $lock for extra '$extras'; have: $(ls requirements*.lock | tr '\n' ' ')" >&2
  exit 1
fi
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
"$PY" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' \
  || { echo "Python 3.11 or newer is needed (found $("$PY" --version 2>&1))" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=".venv/.spoor2-installed-${extras:-base}"
want="$(cat pyproject.toml "$lock" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q --require-hashes -r "$lock"
  .venv/bin/python -m pip install -q --no-deps -e .
  echo "$want" > "$stamp"
fi
