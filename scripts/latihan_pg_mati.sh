#!/usr/bin/env bash
# Rehearsal of a real PostgreSQL outage (docs/operasi.md "Database outage"), not run by the
# tests (tests/test_kegagalan.py cuts the connection of one transaction instead). A gunicorn
# server with the production settings runs against a PostgreSQL server that is really stopped
# and started again:
#   - while it is down, the back office and the API answer 503 with a message (not a 500);
#   - a transition attempted during the outage left nothing behind;
#   - once it is up, the same session and token work again and the same transition succeeds,
#     on every gunicorn worker (no stale connection answers a second 503).
#
#   scripts/latihan_pg_mati.sh                 a PRIVATE PostgreSQL cluster (initdb in a
#                                              temporary directory, port 55432): safe anywhere
#   PG_CLUSTER=15/main YA_HENTIKAN_POSTGRES=1 scripts/latihan_pg_mati.sh
#                                              the machine's own cluster (pg_ctlcluster stop/
#                                              start): only on a machine nobody else uses
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${BIN:-$ROOT/.venv/bin}"
PORT="${PORT:-18111}"
KERJA="$(mktemp -d "${TMPDIR:-/tmp}/latihan-pg-mati.XXXXXX")"
chmod 755 "$KERJA"
GUNICORN=""
GAGAL=0

say() { printf '==> %s\n' "$*"; }
cek() {
  if [ "$2" = "$3" ]; then printf '  ok   %-60s %s\n' "$1" "$3"
  else printf '  GAGAL %-59s %s (harap / expected %s)\n' "$1" "$3" "$2"; GAGAL=1; fi
}
kode() { curl -s -o "$KERJA/jawaban" -w '%{http_code}' "$@"; }

if [ -n "${PG_CLUSTER:-}" ]; then
  [ "${YA_HENTIKAN_POSTGRES:-0}" = 1 ] || {
    echo "PG_CLUSTER=$PG_CLUSTER would stop the machine's PostgreSQL for everybody."
    echo "Set YA_HENTIKAN_POSTGRES=1 to confirm."; exit 2; }
  VERSI="${PG_CLUSTER%%/*}"; NAMA="${PG_CLUSTER##*/}"
  PGPORT="$(pg_lsclusters -h | awk -v v="$VERSI" -v n="$NAMA" '$1 == v && $2 == n {print $3}')"
  PG="${PG:-postgres://postgres@127.0.0.1:$PGPORT}"
  pg_mati() { pg_ctlcluster --skip-systemctl-redirect "$VERSI" "$NAMA" stop -m fast; }
  pg_hidup() { pg_ctlcluster --skip-systemctl-redirect "$VERSI" "$NAMA" start; }
  pg_buang() { :; }
else
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PGPORT="${PGPORT:-55432}"
  DATA="$KERJA/pgdata"
  sebagai_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  mkdir -p "$DATA" && { [ "$(id -u)" = 0 ] && chown postgres "$DATA" || true; }
  sebagai_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
  pg_mati() { sebagai_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; }
  pg_hidup() {
    sebagai_pg "$PGBIN/pg_ctl" -D "$DATA" -w -l "$DATA/server.log" \
      -o "-p $PGPORT -k $DATA -c listen_addresses=127.0.0.1" start >/dev/null
  }
  pg_buang() { pg_mati 2>/dev/null || true; }
  PG="postgres://postgres@127.0.0.1:$PGPORT"
  pg_hidup
fi
DB="latihan_pg_mati"

bersihkan() {
  if [ -n "$GUNICORN" ]; then
    kill -TERM "$GUNICORN" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$GUNICORN" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$GUNICORN" 2>/dev/null || true
  fi
  pg_hidup 2>/dev/null || true  # never leave a shared server stopped
  psql --no-psqlrc -q "$PG/postgres" -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1 || true
  pg_buang
  rm -rf "$KERJA"
}
trap bersihkan EXIT

export DJANGO_SETTINGS_MODULE=config.settings DEBUG=0 SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0
export SECRET_KEY="latihan-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS=127.0.0.1 DATABASE_URL="$PG/$DB" CONN_MAX_AGE=600 LOG_LEVEL=ERROR
export MEDIA_ROOT="$KERJA/media" VAR_DIR="$KERJA/var" STATIC_ROOT="$KERJA/static"
unset REDIS_URL
manage() { (cd "$ROOT" && "$BIN/python" manage.py "$@"); }
status_kasus() {
  manage shell -c "
from sengketa.models import RiwayatStatus, Sengketa
s = Sengketa.objects.get(pk=$1)
print(s.status, RiwayatStatus.objects.filter(sengketa=s).count(), RiwayatStatus.objects.filter(sengketa=s, transisi='registrasi').count())" | tail -1
}

say "1. database $DB on $PG, demo data, gunicorn :$PORT (3 workers, persistent connections)"
psql --no-psqlrc -q "$PG/postgres" -c "CREATE DATABASE \"$DB\" TEMPLATE template0" >/dev/null
manage migrate --noinput -v 0
manage muat_demo --paksa >/dev/null
manage collectstatic --noinput -v 0
(cd "$ROOT" && exec setsid "$BIN/gunicorn" config.wsgi:application --bind "127.0.0.1:$PORT" \
  --workers 3 --error-logfile "$KERJA/gunicorn.log") &
GUNICORN=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
U="http://127.0.0.1:$PORT"
JAR="$KERJA/cookie.txt"
curl -s -c "$JAR" -o /dev/null "$U/kantor/masuk/"
CSRF="$(awk '$6 == "csrftoken" {print $7}' "$JAR")"
cek "login panitera" 302 "$(kode -b "$JAR" -c "$JAR" -H "Referer: $U/kantor/masuk/" \
  --data-urlencode "csrfmiddlewaretoken=$CSRF" --data-urlencode username=panitera \
  --data-urlencode password=demo12345 "$U/kantor/masuk/")"
TOKEN="$(curl -s -H 'Content-Type: application/json' -d '{"username":"panitera","password":"demo12345"}' \
  "$U/api/v1/auth/token/" | "$BIN/python" -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
SK="$(manage shell -c "from sengketa.models import Sengketa; print(Sengketa.objects.filter(status='diterima').order_by('pk').first().pk)" | tail -1)"
for _ in 1 2 3 4 5 6; do kode -b "$JAR" "$U/kantor/tugas/" >/dev/null; done  # every worker connects
SEBELUM="$(status_kasus "$SK")"
echo "  case $SK before: $SEBELUM (status, history rows, registrations)"

say "2. PostgreSQL berhenti / stopped"
pg_mati
cek "back office while the database is down" 503 "$(kode -b "$JAR" "$U/kantor/tugas/")"
grep -q 'basis_data_tidak_tersedia' "$KERJA/jawaban" && echo "  the 503 page explains it"
cek "API transition while the database is down" 503 "$(kode -X POST -H "Authorization: Token $TOKEN" \
  -H 'Content-Type: application/json' -d '{}' "$U/api/v1/sengketa/$SK/transisi/registrasi/")"
"$BIN/python" -c 'import json,sys; d=json.load(open(sys.argv[1])); print("  API error body:", d); assert set(d)=={"detail"}' "$KERJA/jawaban"
cek "public portal while the database is down" 503 "$(kode "$U/jadwal/")"

say "3. PostgreSQL hidup lagi / started again"
pg_hidup
cek "nothing was written during the outage" "$SEBELUM" "$(status_kasus "$SK")"
for i in 1 2 3 4 5 6; do
  cek "back office after restart, request $i (same session)" 200 "$(kode -b "$JAR" "$U/kantor/tugas/")"
done
cek "the same API transition now" 200 "$(kode -X POST -H "Authorization: Token $TOKEN" \
  -H 'Content-Type: application/json' -d '{}' "$U/api/v1/sengketa/$SK/transisi/registrasi/")"
cek "registered once" "teregistrasi" "$(status_kasus "$SK" | awk '{print $1}')"
cek "exactly one registration in the history" 1 "$(status_kasus "$SK" | awk '{print $3}')"
cek "no 500 in the gunicorn log" 0 "$(grep -c 'Internal Server Error' "$KERJA/gunicorn.log" || true)"
say "selesai / done: $([ "$GAGAL" = 0 ] && echo 'SEMUA OK / ALL OK' || echo 'ADA YANG GAGAL / SOME FAILED')"
exit "$GAGAL"
