"""The case search's own tables (sengketa.models.IndeksCari and NamaTermohon), the PostgreSQL
triggers that keep them, and their indexes (issue 8: search p95 <= 100 ms at 1,000,000
cases).

On PostgreSQL every row of the two tables is written by the triggers below, on every path that
writes cases or parties (the services, the admin, bulk loads, COPY, a restore's later
writes). They fire only when what the search reads changes: a new case, its register
number, commission or date received, a party added, renamed or removed. The backfill fills
the tables for the cases already there; the trigram indexes are built after it (faster than
row by row). The old trigram indexes of 0004 on the parties' names and the register number
go: the search no longer reads them, and every filing paid for them.

On SQLite nothing but the (empty) tables is created: the search there keeps its plain
lookups on the cases and parties (sengketa.selectors.cari_sengketa), which is what a small
embedded register needs, and a table rebuilt by a later SQLite migration would silently
lose its triggers.

Built inside the migration's transaction: at 1,000,000 cases the backfill and the index
take about half a minute, during which writes to cases and parties wait.
"""

import django.db.models.deletion
from django.db import migrations, models

# The searched text of case `sid`: its register number, then the names of its parties but
# the respondent, each after the separator (sengketa.models.indeks_cari.PEMISAH, chr(31)).
FUNGSI_TEKS = """
CREATE OR REPLACE FUNCTION sengketa_indekscari_teks(sid bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(s.nomor_register, '') || chr(31) || COALESCE(
        (SELECT string_agg(p.nama, chr(31) ORDER BY p.peran, p.id)
           FROM sengketa_pihak p WHERE p.sengketa_id = sid AND p.peran <> 'termohon'), '')
      FROM sengketa_sengketa s WHERE s.id = sid
$$
"""

# The NamaTermohon row of case `sid`'s respondent, added when the name is new. A name that
# another transaction is adding waits for it (ON CONFLICT) and is then read.
FUNGSI_TERMOHON = """
CREATE OR REPLACE FUNCTION sengketa_indekscari_termohon(sid bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    n text;
    hasil bigint;
BEGIN
    SELECT p.nama INTO n FROM sengketa_pihak p
     WHERE p.sengketa_id = sid AND p.peran = 'termohon' ORDER BY p.id LIMIT 1;
    IF n IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT id INTO hasil FROM sengketa_namatermohon WHERE nama = n;
    IF hasil IS NULL THEN
        INSERT INTO sengketa_namatermohon (nama) VALUES (n)
            ON CONFLICT (nama) DO NOTHING RETURNING id INTO hasil;
        IF hasil IS NULL THEN
            SELECT id INTO hasil FROM sengketa_namatermohon WHERE nama = n;
        END IF;
    END IF;
    RETURN hasil;
END
$$
"""

FUNGSI_KASUS = """
CREATE OR REPLACE FUNCTION sengketa_indekscari_kasus() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sengketa_indekscari
        (sengketa_id, komisi_id, tanggal_diterima, teks, termohon_id)
    VALUES (NEW.id, NEW.komisi_id, NEW.tanggal_diterima, sengketa_indekscari_teks(NEW.id),
            sengketa_indekscari_termohon(NEW.id))
    ON CONFLICT (sengketa_id) DO UPDATE SET komisi_id = EXCLUDED.komisi_id,
        tanggal_diterima = EXCLUDED.tanggal_diterima, teks = EXCLUDED.teks,
        termohon_id = EXCLUDED.termohon_id;
    RETURN NULL;
END
$$
"""

FUNGSI_PIHAK = """
CREATE OR REPLACE FUNCTION sengketa_indekscari_pihak() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.sengketa_id <> NEW.sengketa_id) THEN
        UPDATE sengketa_indekscari SET teks = sengketa_indekscari_teks(OLD.sengketa_id),
               termohon_id = sengketa_indekscari_termohon(OLD.sengketa_id)
         WHERE sengketa_id = OLD.sengketa_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE sengketa_indekscari SET teks = sengketa_indekscari_teks(NEW.sengketa_id),
               termohon_id = sengketa_indekscari_termohon(NEW.sengketa_id)
         WHERE sengketa_id = NEW.sengketa_id;
    END IF;
    RETURN NULL;
END
$$
"""

PEMICU = (
    "CREATE TRIGGER sengketa_indekscari_kasus_baru AFTER INSERT ON sengketa_sengketa"
    " FOR EACH ROW EXECUTE FUNCTION sengketa_indekscari_kasus()",
    "CREATE TRIGGER sengketa_indekscari_kasus_ubah AFTER UPDATE ON sengketa_sengketa"
    " FOR EACH ROW WHEN (OLD.nomor_register IS DISTINCT FROM NEW.nomor_register"
    " OR OLD.komisi_id IS DISTINCT FROM NEW.komisi_id"
    " OR OLD.tanggal_diterima IS DISTINCT FROM NEW.tanggal_diterima)"
    " EXECUTE FUNCTION sengketa_indekscari_kasus()",
    "CREATE TRIGGER sengketa_indekscari_pihak_baru AFTER INSERT OR DELETE ON sengketa_pihak"
    " FOR EACH ROW EXECUTE FUNCTION sengketa_indekscari_pihak()",
    "CREATE TRIGGER sengketa_indekscari_pihak_ubah AFTER UPDATE ON sengketa_pihak"
    " FOR EACH ROW WHEN (OLD.nama IS DISTINCT FROM NEW.nama"
    " OR OLD.sengketa_id IS DISTINCT FROM NEW.sengketa_id"
    " OR OLD.peran IS DISTINCT FROM NEW.peran)"
    " EXECUTE FUNCTION sengketa_indekscari_pihak()",
)

ISI = """
INSERT INTO sengketa_namatermohon (nama)
SELECT DISTINCT nama FROM sengketa_pihak WHERE peran = 'termohon'
ON CONFLICT (nama) DO NOTHING;
INSERT INTO sengketa_indekscari (sengketa_id, komisi_id, tanggal_diterima, teks, termohon_id)
SELECT s.id, s.komisi_id, s.tanggal_diterima,
       COALESCE(s.nomor_register, '') || chr(31) || COALESCE(p.nama, ''), t.termohon_id
  FROM sengketa_sengketa s
  LEFT JOIN (SELECT sengketa_id, string_agg(nama, chr(31) ORDER BY peran, id) AS nama
               FROM sengketa_pihak WHERE peran <> 'termohon' GROUP BY sengketa_id) p
         ON p.sengketa_id = s.id
  LEFT JOIN (SELECT DISTINCT ON (p.sengketa_id) p.sengketa_id, n.id AS termohon_id
               FROM sengketa_pihak p JOIN sengketa_namatermohon n ON n.nama = p.nama
              WHERE p.peran = 'termohon' ORDER BY p.sengketa_id, p.id) t
         ON t.sengketa_id = s.id
"""

# What `icontains` sends on PostgreSQL: UPPER("col"::text) LIKE UPPER('%...%').
INDEKS = (
    'CREATE INDEX IF NOT EXISTS "sengketa_indekscari_teks_trgm" ON "sengketa_indekscari"'
    ' USING gin ((UPPER("teks"::text)) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "sengketa_namatermohon_nama_trgm" ON "sengketa_namatermohon"'
    ' USING gin ((UPPER("nama"::text)) gin_trgm_ops)',
)

INDEKS_LAMA = (
    ("sengketa_pihak_nama_trgm", "sengketa_pihak", "nama"),
    ("sengketa_sengketa_nomor_register_trgm", "sengketa_sengketa", "nomor_register"),
)


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (FUNGSI_TEKS, FUNGSI_TERMOHON, FUNGSI_KASUS, FUNGSI_PIHAK, *PEMICU, ISI, *INDEKS):
        schema_editor.execute(sql)
    for nama, _tabel, _kolom in INDEKS_LAMA:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{nama}"')
    schema_editor.execute("ANALYZE sengketa_namatermohon")
    schema_editor.execute("ANALYZE sengketa_indekscari")


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for nama, tabel, kolom in INDEKS_LAMA:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{nama}" ON "{tabel}" '
            f'USING gin ((UPPER("{kolom}"::text)) gin_trgm_ops)'
        )
    for pemicu, tabel in (
        ("sengketa_indekscari_kasus_baru", "sengketa_sengketa"),
        ("sengketa_indekscari_kasus_ubah", "sengketa_sengketa"),
        ("sengketa_indekscari_pihak_baru", "sengketa_pihak"),
        ("sengketa_indekscari_pihak_ubah", "sengketa_pihak"),
    ):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {pemicu} ON {tabel}")
    for fungsi in ("sengketa_indekscari_kasus()", "sengketa_indekscari_pihak()",
                   "sengketa_indekscari_teks(bigint)",
                   "sengketa_indekscari_termohon(bigint)"):  # fmt: skip
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {fungsi}")
    # The tables go with the CreateModel operations reversed after this.


class Migration(migrations.Migration):
    dependencies = [
        ("sengketa", "0006_tenggat_terdekat"),
    ]

    operations = [
        migrations.CreateModel(
            name="NamaTermohon",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nama", models.TextField(unique=True, verbose_name="name")),
            ],
            options={
                "verbose_name": "respondent name",
                "verbose_name_plural": "respondent names",
                "default_permissions": (),
            },
        ),
        migrations.CreateModel(
            name="IndeksCari",
            fields=[
                (
                    "sengketa",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="sengketa.sengketa",
                        verbose_name="dispute",
                    ),
                ),
                ("tanggal_diterima", models.DateField(verbose_name="date received")),
                ("teks", models.TextField(verbose_name="searched text")),
                (
                    "komisi",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sengketa.komisiinformasi",
                        verbose_name="commission",
                    ),
                ),
                (
                    "termohon",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="sengketa.namatermohon",
                        verbose_name="respondent",
                    ),
                ),
            ],
            options={
                "verbose_name": "search index row",
                "verbose_name_plural": "search index rows",
                "default_permissions": (),
            },
        ),
        migrations.RunPython(pasang, lepas),
    ]
