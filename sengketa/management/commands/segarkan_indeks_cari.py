"""`manage.py segarkan_indeks_cari [--periksa]`: check, or bring back in line, the case
search's own table (sengketa.models.IndeksCari) and the per-commission case counters
(sengketa.models.JumlahKasus, migration 0009) on PostgreSQL.

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


# Each commission whose counter is not its number of cases (a missing counter is 0).
_JUMLAH_BEDA = """
SELECT count(*) FROM (SELECT komisi_id, count(*) AS n FROM sengketa_sengketa GROUP BY komisi_id) x
  FULL JOIN sengketa_jumlahkasus j USING (komisi_id)
 WHERE COALESCE(j.jumlah, 0) <> COALESCE(x.n, 0)
"""

_JUMLAH_SEGARKAN = (
    """
INSERT INTO sengketa_jumlahkasus (komisi_id, jumlah)
SELECT komisi_id, count(*) FROM sengketa_sengketa GROUP BY komisi_id
ON CONFLICT (komisi_id) DO UPDATE SET jumlah = EXCLUDED.jumlah
WHERE sengketa_jumlahkasus.jumlah <> EXCLUDED.jumlah
""",
    """
UPDATE sengketa_jumlahkasus j SET jumlah = 0
 WHERE jumlah <> 0
   AND NOT EXISTS (SELECT 1 FROM sengketa_sengketa s WHERE s.komisi_id = j.komisi_id)
""",
)


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
            if not periksa:
                # Filings, removals and moves wait until the repair ends, so that none
                # changes a counter between its count and its rewrite.
                c.execute("LOCK TABLE sengketa_sengketa IN SHARE MODE")
            c.execute(_BEDA)
            beda = c.fetchone()[0]
            c.execute(_JUMLAH_BEDA)
            beda_jumlah = c.fetchone()[0]
            if periksa:
                # The respondent function adds a name it has not seen: a check writes nothing.
                transaction.set_rollback(True)
                self.stdout.write(f"{beda} baris berbeda dari perkara dan pihaknya")
                self.stdout.write(f"{beda_jumlah} komisi dengan jumlah perkara berbeda")
                return
            c.execute(_SEGARKAN)
            self.stdout.write(f"{beda} baris berbeda; {c.rowcount} ditulis ulang")
            ditulis = 0
            for sql in _JUMLAH_SEGARKAN:
                c.execute(sql)
                ditulis += c.rowcount
            self.stdout.write(
                f"{beda_jumlah} komisi dengan jumlah perkara berbeda; {ditulis} ditulis ulang"
            )
