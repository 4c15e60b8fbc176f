#!/usr/bin/env bash
# Set up .venv with the test extras, make sure Chromium is there for the browser tests, run
# `ruff check`, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh test
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will fail" >&2
  else
    echo "warning: chromium is missing (sudo apt-get install chromium); browser tests will fail" >&2
  fi
fi
# PostgreSQL and Redis servers for the shared-state tests (tests/shared): started on loopback by
# the tests themselves, so the packages' own services are not used.
if [ ! -x /usr/lib/postgresql/15/bin/postgres ] || ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql \
      redis-server >/dev/null) \
      || echo "warning: could not install postgresql/redis-server; tests/shared will skip" >&2
  else
    echo "warning: postgresql or redis-server is missing (sudo apt-get install postgresql" \
      "redis-server); tests/shared will skip" >&2
  fi
fi
# axe-core (npm) for the accessibility checks in the browser tests, pinned by its lock file.
if [ ! -f tests/web/axe/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd tests/web/axe && npm ci --no-audit --no-fund --loglevel=error) \
      || echo "warning: npm ci failed; the accessibility tests will fail" >&2
  else
    echo "warning: npm is missing (apt-get install npm); the accessibility tests will fail" >&2
  fi
fi
# Lint first (rules in pyproject.toml, [tool.ruff]): a finding fails the run like a failing test.
.venv/bin/ruff check .
export HF_HUB_OFFLINE=1
exec .venv/bin/python -m pytest "$@"
