"""`manage.py segarkan_indeks_cari [--periksa]`: check, or bring back in line, the case
search's own table (sengketa.models.IndeksCari) on PostgreSQL.

The triggers of migration 0007 keep it on every write, so this is for an operator in doubt:
after rows were written with triggers disabled (`pg_restore --data-only --disable-triggers`,
`session_replication_role = replica`), or to prove the table is right (the foreign key
keeps a row from outliving its case). It applies the
triggers' own functions (`sengketa_indekscari_teks`, `sengketa_indekscari_termohon`) to every
case: one definition of what a row holds. `--periksa` only counts the rows that differ.
At 1,000,000 cases a check reads every case and party in about 20 s (benchmark data, 2
cores); a refresh runs in one transaction, during which filings wait.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

# Each case beside its row as the triggers would write it now.
_SEMESTINYA = """
SELECT s.id, s.komisi_id, s.tanggal_diterima,
       sengketa_indekscari_teks(s.id) AS teks,
       sengketa_indekscari_termohon(s.id) AS termohon_id
  FROM sengketa_sengketa s
"""

_BEDA = f"""
SELECT count(*) FROM ({_SEMESTINYA}) x
  LEFT JOIN sengketa_indekscari i ON i.sengketa_id = x.id
 WHERE i.sengketa_id IS NULL OR i.komisi_id <> x.komisi_id
    OR i.tanggal_diterima <> x.tanggal_diterima OR i.teks IS DISTINCT FROM x.teks
    OR i.termohon_id IS DISTINCT FROM x.termohon_id
"""

_SEGARKAN = f"""
INSERT INTO sengketa_indekscari (sengketa_id, komisi_id, tanggal_diterima, teks, termohon_id)
{_SEMESTINYA}
ON CONFLICT (sengketa_id) DO UPDATE SET komisi_id = EXCLUDED.komisi_id,
    tanggal_diterima = EXCLUDED.tanggal_diterima, teks = EXCLUDED.teks,
    termohon_id = EXCLUDED.termohon_id
WHERE (sengketa_indekscari.komisi_id, sengketa_indekscari.tanggal_diterima,
       sengketa_indekscari.teks, sengketa_indekscari.termohon_id)
      IS DISTINCT FROM (EXCLUDED.komisi_id, EXCLUDED.tanggal_diterima,
                        EXCLUDED.teks, EXCLUDED.termohon_id)
"""


class Command(BaseCommand):
    help = "Periksa atau segarkan tabel pencarian perkara (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--periksa", action="store_true", help="hanya hitung baris yang berbeda"
        )

    def handle(self, *args, periksa=False, **opsi):
        if connection.vendor != "postgresql":
            raise CommandError(
                "Tabel pencarian hanya dipakai di PostgreSQL; di SQLite pencarian membaca "
                "perkara dan pihak langsung."
            )
        with transaction.atomic(), connection.cursor() as c:
            c.execute(_BEDA)
            beda = c.fetchone()[0]
            if periksa:
                # The respondent function adds a name it has not seen: a check writes nothing.
                transaction.set_rollback(True)
                self.stdout.write(f"{beda} baris berbeda dari perkara dan pihaknya")
                return
            c.execute(_SEGARKAN)
            self.stdout.write(f"{beda} baris berbeda; {c.rowcount} ditulis ulang")
