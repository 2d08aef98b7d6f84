#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this same script):
#   1. install what is missing (scripts/install.sh),
#   2. the data checks: statute numbering and the catalog validator,
#   3. the engine tests (no database) once,
#   4. the database tests (Django app, API, pages, cases, browser) on SQLite and then on PostgreSQL.
# PostgreSQL is required: if it is not reachable at $CHENGGUAN_TEST_PG_URL the run fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

export CHENGGUAN_DATA_DIR="${CHENGGUAN_DATA_DIR:-$(mktemp -d /tmp/chengguan-ci.XXXXXX)}"
PG_URL="${CHENGGUAN_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
ARTIFACTS="${CHENGGUAN_TEST_ARTIFACTS:-test-artifacts}"
mkdir -p "$ARTIFACTS"

echo "== data checks"
.venv/bin/chengguan law check
.venv/bin/chengguan rules check

ENGINE_TESTS=(tests/law tests/rules tests/matching tests/discretion tests/calendar tests/documents)
DB_TESTS=(tests/web tests/cases tests/e2e)
existing() { for d in "$@"; do [ -d "$d" ] && echo "$d"; done; }

echo "== engine tests"
.venv/bin/pytest $(existing "${ENGINE_TESTS[@]}") -p no:cacheprovider

echo "== database tests on SQLite"
env -u DATABASE_URL .venv/bin/pytest $(existing "${DB_TESTS[@]}") -p no:cacheprovider

echo "== database tests on PostgreSQL ($PG_URL)"
if ! .venv/bin/python - "$PG_URL" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://"), connect_timeout=5).close()
except Exception as e:
    print(f"PostgreSQL is not reachable at {sys.argv[1]}: {e}", file=sys.stderr)
    sys.exit(1)
PY
then
  echo "FAIL: the PostgreSQL half of the suite cannot run" >&2
  exit 1
fi
DATABASE_URL="$PG_URL" .venv/bin/pytest $(existing "${DB_TESTS[@]}") -p no:cacheprovider
echo "== all tests passed"
