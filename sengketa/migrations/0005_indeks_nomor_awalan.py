"""Prefix index on the register number for the case search (issue 8).

A full register number is made of trigrams that every row shares (the code of the commission,
the year, the fixed separators), so the trigram index of 0004 finds nearly the whole register
and the planner reads it all. When the query looks like a register number,
sengketa.selectors.cari_sengketa searches it as a prefix instead (numbers begin with their
sequence), sent by Django as `UPPER("nomor_register"::text) LIKE UPPER('...%')`.

A btree on that very expression answers it. `text_pattern_ops` makes LIKE 'prefix%' usable
on the index whatever the collation of the database (with a non-C collation a plain btree is
not used for LIKE). PostgreSQL only, like 0004: on SQLite nothing is created.
"""

from django.db import migrations

NAMA = "sengketa_sengketa_nomor_register_awalan"


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{NAMA}" ON "sengketa_sengketa" '
        '((UPPER("nomor_register"::text)) text_pattern_ops)'
    )


def hapus(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{NAMA}"')


class Migration(migrations.Migration):
    dependencies = [
        ("sengketa", "0004_indeks_trigram"),
    ]

    operations = [
        migrations.RunPython(buat, hapus),
    ]
