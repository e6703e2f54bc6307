"""The number of cases of each commission (sengketa.models.JumlahKasus), kept by PostgreSQL
triggers on the cases (issue 8: the API's case list counted every case of the commission
on every page).

Statement triggers with transition tables add and subtract per commission, so a bulk load
or a COPY of thousands of cases updates each counter once; a row trigger follows a case
moved to another commission. Counters are updated in the order of the commission's id, so
two loads touching the same commissions wait for each other instead of deadlocking.

A filing holds its commission's counter row from its INSERT to its commit: filings of one
commission are serialised for that long (tens of milliseconds); reads never wait.

On SQLite nothing but the (empty) table is created: the list counts its rows there.
"""

import django.db.models.deletion
from django.db import migrations, models

FUNGSI = (
    """
CREATE OR REPLACE FUNCTION sengketa_jumlahkasus_tambah() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sengketa_jumlahkasus AS j (komisi_id, jumlah)
        SELECT komisi_id, count(*) FROM baru GROUP BY komisi_id ORDER BY komisi_id
    ON CONFLICT (komisi_id) DO UPDATE SET jumlah = j.jumlah + EXCLUDED.jumlah;
    RETURN NULL;
END
$$
""",
    """
CREATE OR REPLACE FUNCTION sengketa_jumlahkasus_kurang() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT komisi_id, count(*) AS n FROM lama GROUP BY komisi_id ORDER BY komisi_id
    LOOP
        UPDATE sengketa_jumlahkasus SET jumlah = jumlah - r.n WHERE komisi_id = r.komisi_id;
    END LOOP;
    RETURN NULL;
END
$$
""",
    """
CREATE OR REPLACE FUNCTION sengketa_jumlahkasus_pindah() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    k bigint;
BEGIN
    FOREACH k IN ARRAY ARRAY[LEAST(OLD.komisi_id, NEW.komisi_id),
                             GREATEST(OLD.komisi_id, NEW.komisi_id)]
    LOOP
        IF k = OLD.komisi_id THEN
            UPDATE sengketa_jumlahkasus SET jumlah = jumlah - 1 WHERE komisi_id = k;
        ELSE
            INSERT INTO sengketa_jumlahkasus AS j (komisi_id, jumlah) VALUES (k, 1)
            ON CONFLICT (komisi_id) DO UPDATE SET jumlah = j.jumlah + 1;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$
""",
    """
CREATE OR REPLACE FUNCTION sengketa_jumlahkasus_kosongkan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM sengketa_jumlahkasus;
    RETURN NULL;
END
$$
""",
)

PEMICU = (
    """
CREATE TRIGGER sengketa_jumlahkasus_baru AFTER INSERT ON sengketa_sengketa
REFERENCING NEW TABLE AS baru FOR EACH STATEMENT
EXECUTE FUNCTION sengketa_jumlahkasus_tambah()
""",
    """
CREATE TRIGGER sengketa_jumlahkasus_hapus AFTER DELETE ON sengketa_sengketa
REFERENCING OLD TABLE AS lama FOR EACH STATEMENT
EXECUTE FUNCTION sengketa_jumlahkasus_kurang()
""",
    """
CREATE TRIGGER sengketa_jumlahkasus_pindah AFTER UPDATE OF komisi_id ON sengketa_sengketa
FOR EACH ROW WHEN (OLD.komisi_id IS DISTINCT FROM NEW.komisi_id)
EXECUTE FUNCTION sengketa_jumlahkasus_pindah()
""",
    """
CREATE TRIGGER sengketa_jumlahkasus_kosong AFTER TRUNCATE ON sengketa_sengketa
FOR EACH STATEMENT EXECUTE FUNCTION sengketa_jumlahkasus_kosongkan()
""",
)

# The counters of the cases already there (sengketa.management.commands.segarkan_indeks_cari
# compares and repairs them with the same query).
ISI = """
INSERT INTO sengketa_jumlahkasus (komisi_id, jumlah)
SELECT komisi_id, count(*) FROM sengketa_sengketa GROUP BY komisi_id
"""

NAMA_PEMICU = ("baru", "hapus", "pindah", "kosong")
NAMA_FUNGSI = ("tambah", "kurang", "pindah", "kosongkan")


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (*FUNGSI, *PEMICU, ISI):
        schema_editor.execute(sql)


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for nama in NAMA_PEMICU:
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS sengketa_jumlahkasus_{nama} ON sengketa_sengketa"
        )
    for nama in NAMA_FUNGSI:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS sengketa_jumlahkasus_{nama}()")
    # The table goes with the CreateModel operation reversed after this.


class Migration(migrations.Migration):
    dependencies = [
        ("sengketa", "0008_indeks_berjalan_id"),
    ]

    operations = [
        migrations.CreateModel(
            name="JumlahKasus",
            fields=[
                (
                    "komisi",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="sengketa.komisiinformasi",
                        verbose_name="commission",
                    ),
                ),
                ("jumlah", models.BigIntegerField(verbose_name="number of cases")),
            ],
            options={
                "verbose_name": "number of cases",
                "verbose_name_plural": "numbers of cases",
                "default_permissions": (),
            },
        ),
        migrations.RunPython(pasang, lepas),
    ]
