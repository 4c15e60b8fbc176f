#!/usr/bin/env bash
# Set up .venv, build or refresh the index from knowledge/, and serve the app on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export HF_HUB_OFFLINE=1
# Incremental: embeds only what changed, so this is quick when the index is up to date.
.venv/bin/spoor2 ingest knowledge --prune
exec .venv/bin/spoor2 serve --host 127.0.0.1 "$@"
