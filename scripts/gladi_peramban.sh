#!/usr/bin/env bash
# The real-browser journeys (tests/peramban/: registrar, mediator, party, public, with axe-core
# and the Content-Security-Policy check on every page) against the production rehearsal of
# scripts/gladi_produksi.sh: two gunicorn servers and two django-q2 clusters on PostgreSQL
# (database gladi_peramban) and Redis (database 13), DEBUG=0. Everything it starts is stopped
# at the end; the exit status is non-zero when a journey or a check failed.
#
#   scripts/gladi_peramban.sh
#   PG=postgres://postgres@127.0.0.1:5432 REDIS=redis://127.0.0.1:6379/13 scripts/gladi_peramban.sh
#   PERAMBAN_PYTEST_ARGS="-k publik" scripts/gladi_peramban.sh     # one journey
#
# Same variables as scripts/gladi_produksi.sh (GLADI_DB, REDIS, PORT1/PORT2 default 18111/18112,
# SIMPAN=1); a failing journey leaves its screenshots in tests/peramban/artefak/.
GLADI_MODE=peramban exec "$(dirname "$0")/gladi_produksi.sh" "$@"
