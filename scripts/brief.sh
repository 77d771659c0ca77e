#!/usr/bin/env bash
# Set up, then turn the bundled sample pile into a brief (SQLite store in the output folder).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/storyline brief samples/russia-syria -o out/russia-syria "$@"
