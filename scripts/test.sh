#!/usr/bin/env bash
# The whole test suite on a fresh machine: Python deps, Debian's chromium (browser
# tests) and a throwaway PostgreSQL server (store/API tests on both backends).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    # a failed install (no network, locked dpkg) skips those tests instead of failing the run
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; } \
      || echo "could not install ${need[*]}; the tests that need them will be skipped" >&2
  else
    echo "missing Debian packages: ${need[*]} (install them or run as root); those tests will be skipped" >&2
  fi
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ -z "${STORYLINE_TEST_PG_URL:-}" ]; then
  PGDIR=$(mktemp -d /tmp/storyline-pg.XXXXXX)
  # a free port, so two runs on one machine do not collide
  PGPORT=${STORYLINE_TEST_PG_PORT:-$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  RUN=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PGDIR" 2>/dev/null || { useradd -r postgres 2>/dev/null || true; chown postgres "$PGDIR"; }
    RUN=(runuser -u postgres --)
  fi
  # set before initdb, so a failed start still removes the folder
  trap '"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"' EXIT
  "${RUN[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U storyline >/dev/null
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "${RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U storyline storyline_test
  export STORYLINE_TEST_PG_URL="postgresql+psycopg://storyline@127.0.0.1:$PGPORT/storyline_test"
fi

.venv/bin/ruff check src tests bench
.venv/bin/mypy src/storyline
.venv/bin/python -m pytest "$@"
