#!/usr/bin/env bash
# Backup and restore rehearsal (docs/operasi.md): a database full of demo data and its
# documents, backed up (pg_dump -Fc + tar of the media), restored into a NEW database and a
# NEW media directory, then compared table by table, file by file: case states, history,
# document hashes, sequences. Exits non-zero on any difference.
#
#   scripts/cadangan_latihan.sh
#   PG=postgres://postgres@127.0.0.1:5432 SIMPAN=1 scripts/cadangan_latihan.sh
#
# PG       server URL without a database name (default postgres://postgres@127.0.0.1:5432);
#          the role must be allowed to create databases.
# SIMPAN=1 keep the two databases and the working directory afterwards (to look at them).
# Touches only the databases latihan_cadangan_sumber and latihan_cadangan_pulih (dropped first).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PY:-$ROOT/.venv/bin/python}"
PG="${PG:-postgres://postgres@127.0.0.1:5432}"
SUMBER="${SUMBER_DB:-latihan_cadangan_sumber}"
PULIH="${PULIH_DB:-latihan_cadangan_pulih}"
KERJA="$(mktemp -d "${TMPDIR:-/tmp}/latihan-cadangan.XXXXXX")"

hapus_db() {
  psql --no-psqlrc -q "$PG/postgres" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null
}
bersihkan() {
  if [ "${SIMPAN:-0}" = 1 ]; then
    echo "disimpan / kept: $KERJA, databases $SUMBER and $PULIH"
  else
    hapus_db "$SUMBER" || true
    hapus_db "$PULIH" || true
    rm -rf "$KERJA"
  fi
}
trap bersihkan EXIT

# The app as it would run (production-like, but no HTTPS needed: nothing is served here).
export DJANGO_SETTINGS_MODULE=config.settings DEBUG=0 ALLOWED_HOSTS=localhost
export SECRET_KEY="${SECRET_KEY:-latihan-cadangan-$(date +%s)-bukan-rahasia-produksi-0123456789}"
export VAR_DIR="$KERJA/var"
manage() { (cd "$ROOT" && "$PY" manage.py "$@"); }
t0=$(date +%s)

echo "==> 1. basis data sumber dengan data demo / source database with demo data: $SUMBER"
hapus_db "$SUMBER"; hapus_db "$PULIH"
psql --no-psqlrc -q "$PG/postgres" -c "CREATE DATABASE \"$SUMBER\" TEMPLATE template0" >/dev/null
export DATABASE_URL="$PG/$SUMBER" MEDIA_ROOT="$KERJA/media-sumber"
mkdir -p "$MEDIA_ROOT"
manage migrate --noinput -v 0
manage muat_demo --paksa
# Render the queued documents here, as the worker would (no qcluster needed).
manage shell -c "
from dokumen.models import Dokumen, StatusDokumen
from dokumen.tugas import buat_dokumen
ids = list(Dokumen.objects.filter(status=StatusDokumen.MENUNGGU).values_list('pk', flat=True))
hasil = [buat_dokumen(pk) for pk in ids]
print(f'{len(ids)} dokumen dibuat:', {s: hasil.count(s) for s in set(hasil)})
"
(cd "$ROOT" && "$PY" scripts/cadangan.py potret --keluar "$KERJA/sumber.json")

echo "==> 2. cadangan / backup: pg_dump -Fc + tar media"
(cd "$ROOT" && "$PY" scripts/cadangan.py cadangkan --db "$DATABASE_URL" --media "$MEDIA_ROOT" \
  --ke "$KERJA/cadangan")
ls -l "$KERJA/cadangan"

echo "==> 3. pemulihan / restore into a new database and media directory: $PULIH"
(cd "$ROOT" && "$PY" scripts/cadangan.py pulihkan --dari "$KERJA/cadangan" --db "$PG/$PULIH" \
  --media "$KERJA/media-pulih")
export DATABASE_URL="$PG/$PULIH" MEDIA_ROOT="$KERJA/media-pulih"
manage migrate --check --noinput -v 0 && echo "migrasi lengkap / no migration pending"
(cd "$ROOT" && "$PY" scripts/cadangan.py potret --keluar "$KERJA/pulih.json")

echo "==> 4. perbandingan / comparison"
(cd "$ROOT" && "$PY" scripts/cadangan.py bandingkan "$KERJA/sumber.json" "$KERJA/pulih.json")
echo "==> selesai / done in $(( $(date +%s) - t0 )) s"
