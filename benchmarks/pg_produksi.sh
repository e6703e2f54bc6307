#!/usr/bin/env bash
# A throwaway PostgreSQL cluster with the production settings of docs/deploy.md, holding a
# copy of a bench database, so that a benchmark can be run on both the stock server and a
# configured one (benchmarks/README.md, the search at 1,000,000 cases).
#
#   benchmarks/pg_produksi.sh start [DB]   # DB: bench_skala_ringan by default
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres \
#       .venv/bin/python benchmarks/bench_halaman.py --ringan --jumlah 1000000 --hanya search
#   benchmarks/pg_produksi.sh stop         # stops it and deletes its files
#
# Run as root on a machine whose PostgreSQL server runs on 127.0.0.1:5432 with trust
# authentication (as in CI); the cluster belongs to the postgres user and lives in
# $PG_PRODUKSI_DIR (default /var/tmp/pg-produksi). shared_buffers is a quarter of the RAM.
set -euo pipefail

PORT=${PG_PRODUKSI_PORT:-5433}
DIR=${PG_PRODUKSI_DIR:-/var/tmp/pg-produksi}
DB=${2:-bench_skala_ringan}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

case "${1:-}" in
start)
    ram_mb=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
    install -d -o postgres "$DIR"
    su postgres -c "$BIN/initdb -D $DIR/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    cat >>"$DIR/data/postgresql.conf" <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
shared_buffers = $((ram_mb / 4))MB
effective_cache_size = $((ram_mb * 2 / 3))MB
work_mem = 16MB
maintenance_work_mem = 1GB
random_page_cost = 1.1
jit = off
EOF
    su postgres -c "$BIN/pg_ctl -D $DIR/data -l $DIR/log -w start" >/dev/null
    psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE \"$DB\""
    pg_dump -h 127.0.0.1 -p 5432 -U postgres -Fc -Z0 "$DB" |
        pg_restore -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB"
    psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" -qc "VACUUM ANALYZE"
    psql -h 127.0.0.1 -p "$PORT" -U postgres -Atc "SHOW shared_buffers" |
        sed "s|^|$DB copied to 127.0.0.1:$PORT, shared_buffers |"
    ;;
stop)
    su postgres -c "$BIN/pg_ctl -D $DIR/data -m fast stop" >/dev/null || true
    rm -rf "$DIR"
    echo "stopped, $DIR removed"
    ;;
*)
    echo "usage: $0 start [DB] | stop" >&2
    exit 2
    ;;
esac
