#!/usr/bin/env bash
# Production rehearsal on one machine (docs/deploy.md): two gunicorn servers and two django-q2
# clusters (as on two hosts) against one PostgreSQL database and one Redis, with the production
# settings (DEBUG=0) except HTTPS, which nginx would add in front (SECURE_SSL_REDIRECT=0 and
# SECURE_COOKIES=0 here, the only differences). It smoke-checks pages, headers, a login shared
# by both servers, the API, a transition whose documents the clusters render, a download;
# then stops everything it started, and only that.
# With GLADI_MODE=peramban (scripts/gladi_peramban.sh) the same layout, on a migrated empty
# database, is the target of the real-browser journeys (tests/peramban/) instead of the
# smoke checks.
#
#   scripts/gladi_produksi.sh
#   PG=postgres://postgres@127.0.0.1:5432 REDIS=redis://127.0.0.1:6379/12 SIMPAN=1 scripts/gladi_produksi.sh
#
# PG         server URL without a database (default postgres://postgres@127.0.0.1:5432)
# GLADI_DB   its database, dropped and created (default gladi_produksi; gladi_peramban)
# REDIS      a Redis database of its own (default redis://127.0.0.1:6379/12; /13): it is emptied
# PORT1/2    the two servers' ports on 127.0.0.1 (default 18101, 18102; 18111, 18112)
# SIMPAN=1   keep the database and the working directory
# GLADI_MODE asap (smoke checks, the default) or peramban (the browser journeys)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${BIN:-$ROOT/.venv/bin}"
MODE="${GLADI_MODE:-asap}"
case "$MODE" in
  asap) nama=produksi; redis_db=12; port=18101 ;;
  peramban) nama=peramban; redis_db=13; port=18111 ;;
  *) echo "GLADI_MODE: asap or peramban, not $MODE"; exit 2 ;;
esac
PG="${PG:-postgres://postgres@127.0.0.1:5432}"
DB="${GLADI_DB:-gladi_$nama}"
REDIS="${REDIS:-redis://127.0.0.1:6379/$redis_db}"
PORT1="${PORT1:-$port}"
PORT2="${PORT2:-$((port + 1))}"
KERJA="$(mktemp -d "${TMPDIR:-/tmp}/gladi-$nama.XXXXXX")"
PIDS=()
GAGAL=0

export DJANGO_SETTINGS_MODULE=config.settings
export DEBUG=0 SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0
export SECRET_KEY="gladi-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="$PG/$DB" REDIS_URL="$REDIS" CONN_MAX_AGE=60
export MEDIA_ROOT="$KERJA/media" STATIC_ROOT="$KERJA/static" VAR_DIR="$KERJA/var"
export SITE_URL="http://127.0.0.1:$PORT1" LOG_LEVEL=WARNING Q_WORKERS=2
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
if [ "$MODE" = peramban ]; then
  # The journeys read the mail the servers send (an account's verification link) from files.
  export EMAIL_BACKEND=tests.peramban.surel.SurelBerkas PERAMBAN_SUREL="$KERJA/surel"
  mkdir -p "$PERAMBAN_SUREL"
fi

say() { printf '==> %s\n' "$*"; }
manage() { (cd "$ROOT" && "$BIN/python" manage.py "$@"); }
hapus_db() { psql --no-psqlrc -q "$PG/postgres" -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null; }

berhenti() {
  # SIGTERM to each master only (gunicorn stops its workers; the q cluster finishes its tasks
  # and stops its own processes), then SIGKILL what is left of each process group.
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 60); do
    hidup=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && hidup=1; done
    [ "$hidup" = 0 ] && break
    sleep 0.5
  done
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  PIDS=()
}
bersihkan() {
  berhenti
  if [ "${SIMPAN:-0}" = 1 ]; then
    say "disimpan / kept: $KERJA and database $DB"
  else
    hapus_db || true
    rm -rf "$KERJA"
  fi
}
trap bersihkan EXIT

port_bebas() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PORT1" "$PORT2"; do
  port_bebas "$p" || { echo "port $p sudah dipakai / in use: set PORT1/PORT2"; exit 1; }
done

cek() {  # cek LABEL EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then printf '  ok   %-58s %s\n' "$1" "$3"
  else printf '  GAGAL %-57s %s (harap / expected %s)\n' "$1" "$3" "$2"; GAGAL=1; fi
}
kode() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
kepala() { curl -s -o /dev/null -D - "$@" | tr -d '\r'; }

t0=$(date +%s)
say "1. persiapan / preparation: database $DB, Redis $REDIS, migrate, collectstatic$([ "$MODE" = asap ] && echo ', demo data')"
hapus_db
psql --no-psqlrc -q "$PG/postgres" -c "CREATE DATABASE \"$DB\" TEMPLATE template0" >/dev/null
"$BIN/python" -c "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()" "$REDIS"
manage migrate --noinput -v 0
manage collectstatic --noinput -v 0
if [ "$MODE" = asap ]; then
  manage muat_demo --paksa >"$KERJA/muat_demo.log"
  manage pasang_jadwal
fi  # the journeys make their own data, test by test, and remove it afterwards
manage check --deploy --fail-level ERROR -v 0 && echo "  check --deploy: no errors (W008/W012/W016: no HTTPS in this rehearsal)"

say "2. mulai / start: gunicorn :$PORT1 and :$PORT2 (2 workers each), qcluster x2"
for p in "$PORT1" "$PORT2"; do
  (cd "$ROOT" && exec setsid "$BIN/gunicorn" config.wsgi:application --bind "127.0.0.1:$p" \
    --workers 2 --timeout 60 --access-logfile "$KERJA/akses-$p.log" \
    --error-logfile "$KERJA/gunicorn-$p.log" >>"$KERJA/gunicorn-$p.log" 2>&1) &
  PIDS+=("$!")
done
for i in 1 2; do
  # INFO: the log names every task a cluster processed (counted at the end).
  (cd "$ROOT" && exec env LOG_LEVEL=INFO setsid "$BIN/python" manage.py qcluster \
    >"$KERJA/qcluster-$i.log" 2>&1) &
  PIDS+=("$!")
done
for p in "$PORT1" "$PORT2"; do
  for _ in $(seq 1 120); do port_bebas "$p" || break; sleep 0.5; done
  port_bebas "$p" && { echo "gunicorn :$p tidak menjawab / does not answer"; cat "$KERJA/gunicorn-$p.log"; exit 1; }
done

if [ "$MODE" = peramban ]; then
  say "3. perjalanan peramban / browser journeys against :$PORT1 and :$PORT2 (tests/peramban)"
  # The test process has the servers' environment (database, SECRET_KEY, Redis, media): it
  # makes each journey's data in $DB and empties it after each journey (PERAMBAN_DB allows it).
  set +e
  (cd "$ROOT" && PERAMBAN_URL="http://127.0.0.1:$PORT1,http://127.0.0.1:$PORT2" \
    PERAMBAN_DB="$DB" "$BIN/pytest" tests/peramban -p no:cacheprovider -q -rfEsp \
    ${PERAMBAN_PYTEST_ARGS:-} 2>&1 | tee "$KERJA/pytest.log")
  rc_pytest=${PIPESTATUS[0]}
  set -e
  cek "browser journeys and accessibility (pytest exit status)" 0 "$rc_pytest"
  RINGKAS="$(grep -E '^(PASSED|FAILED|ERROR|SKIPPED)' "$KERJA/pytest.log" | awk '{print $1}' | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
  echo "  hasil / results: ${RINGKAS%,}"
  cek "no test skipped (a browser that cannot start is a failure here)" 0 \
    "$(grep -c '^SKIPPED' "$KERJA/pytest.log" || true)"
else
  say "3. pemeriksaan / smoke checks"
  for p in "$PORT1" "$PORT2"; do
    U="http://127.0.0.1:$p"
    cek ":$p GET / (portal)" 200 "$(kode "$U/")"
    cek ":$p GET /jadwal/" 200 "$(kode "$U/jadwal/")"
    cek ":$p GET /putusan/" 200 "$(kode "$U/putusan/")"
    cek ":$p GET /kantor/masuk/" 200 "$(kode "$U/kantor/masuk/")"
    cek ":$p GET /kantor/tugas/ (guest -> login)" 302 "$(kode "$U/kantor/tugas/")"
    cek ":$p GET /api/v1/sengketa/ (no token)" 401 "$(kode "$U/api/v1/sengketa/")"
    cek ":$p GET /static/kantor/kantor.css (whitenoise)" 200 "$(kode "$U/static/kantor/kantor.css")"
  done
  H="$(kepala "http://127.0.0.1:$PORT1/kantor/masuk/")"
  # django-csp writes the directives in no fixed order: each is looked for on its own.
  CSP="$(grep '^Content-Security-Policy: ' <<<"$H" | tr ';' '\n' | sed 's/^Content-Security-Policy: //; s/^ *//')"
  cek "CSP header: default-src and script-src 'self' only" 2 \
    "$(grep -cxE "(default|script)-src 'self'" <<<"$CSP")"
  cek "X-Frame-Options DENY" 1 "$(grep -c '^X-Frame-Options: DENY' <<<"$H")"
  cek "Cache-Control no-store on the login page" 1 "$(grep -ci '^Cache-Control: .*no-store' <<<"$H")"
  cek "X-Content-Type-Options nosniff" 1 "$(grep -c '^X-Content-Type-Options: nosniff' <<<"$H")"

  # Log in on server 1, keep working on server 2: sessions live in the database, not a process.
  JAR="$KERJA/cookie.txt"
  curl -s -c "$JAR" -o /dev/null "http://127.0.0.1:$PORT1/kantor/masuk/"
  CSRF="$(awk '$6 == "csrftoken" {print $7}' "$JAR")"
  cek "login panitera on :$PORT1" 302 "$(kode -b "$JAR" -c "$JAR" \
    -H "Referer: http://127.0.0.1:$PORT1/kantor/masuk/" \
    --data-urlencode "csrfmiddlewaretoken=$CSRF" --data-urlencode username=panitera \
    --data-urlencode password=demo12345 "http://127.0.0.1:$PORT1/kantor/masuk/")"
  cek "same session on :$PORT2 /kantor/tugas/" 200 "$(kode -b "$JAR" "http://127.0.0.1:$PORT2/kantor/tugas/")"

  TOKEN="$(curl -s -H 'Content-Type: application/json' \
    -d '{"username": "panitera", "password": "demo12345"}' \
    "http://127.0.0.1:$PORT2/api/v1/auth/token/" | "$BIN/python" -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
  cek "API token from :$PORT2, list on :$PORT1" 200 \
    "$(kode -H "Authorization: Token $TOKEN" "http://127.0.0.1:$PORT1/api/v1/sengketa/")"

  # A transition through the API on server 2; its documents are rendered by the clusters.
  SK="$(manage shell -c "from sengketa.models import Sengketa; print(Sengketa.objects.filter(status='diterima').order_by('pk').first().pk)" | tail -1)"
  cek "API registrasi of case $SK on :$PORT2" 200 "$(kode -X POST -H "Authorization: Token $TOKEN" \
    -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$PORT2/api/v1/sengketa/$SK/transisi/registrasi/")"
  say "   menunggu pekerja / waiting for the workers to render every queued document"
  for _ in $(seq 1 240); do
    SISA="$(manage shell -c "from dokumen.models import Dokumen; print(Dokumen.objects.filter(status='menunggu').count())" | tail -1)"
    [ "$SISA" = 0 ] && break
    sleep 1
  done
  RINGKAS="$(manage shell -c "
from collections import Counter
from dokumen.models import Dokumen
print(dict(Counter(Dokumen.objects.values_list('status', flat=True))))" | tail -1)"
  cek "documents still pending" 0 "$SISA"
  echo "  dokumen / documents: $RINGKAS"
  DOK="$(manage shell -c "from dokumen.models import Dokumen; print(Dokumen.objects.filter(sengketa_id=$SK, status='siap', jenis='akta_registrasi').first().pk)" | tail -1)"
  cek "download akta registrasi $DOK on :$PORT1" 200 "$(kode -b "$JAR" "http://127.0.0.1:$PORT1/dokumen/$DOK/unduh/")"
  H="$(kepala -b "$JAR" "http://127.0.0.1:$PORT1/dokumen/$DOK/unduh/")"
  cek "download is a PDF, not cached" 2 "$(grep -ciE '^(Content-Type: application/pdf|Cache-Control: .*no-store)' <<<"$H")"
fi
for p in "$PORT1" "$PORT2"; do
  cek "no 5xx in the access log of :$p" 0 "$(awk '$9 ~ /^5/' "$KERJA/akses-$p.log" | wc -l | tr -d ' ')"
  n="$(wc -l <"$KERJA/akses-$p.log" | tr -d ' ')"
  cek "requests served by :$p ($n in its access log)" 1 "$((n > 0))"
done
for i in 1 2; do
  cek "qcluster $i has no error in its log" 0 "$(grep -ciE 'error|traceback' "$KERJA/qcluster-$i.log" || true)"
  echo "  qcluster $i: $(grep -c "Processed '" "$KERJA/qcluster-$i.log" || true) tugas / tasks processed"
done

say "4. berhenti / stopping everything this script started"
berhenti
for p in "$PORT1" "$PORT2"; do cek "port $p free again" 0 "$(port_bebas "$p"; echo $?)"; done
say "selesai / done in $(( $(date +%s) - t0 )) s: $([ "$GAGAL" = 0 ] && echo 'SEMUA OK / ALL OK' || echo 'ADA YANG GAGAL / SOME FAILED')"
exit "$GAGAL"
