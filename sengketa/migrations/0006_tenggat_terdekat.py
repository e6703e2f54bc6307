"""`Sengketa.tenggat_terdekat`: the nearest running deadline of a case, stored (issue 8).

The back-office lists (inbox, queues, deadline dashboard) sorted every open case by a
subquery on its deadlines and could not read a page from an index. The column is kept by
workflows.layanan.tenggat.tenggat_sinkron, the one writer of the deadline rows, in the same
transaction; here it is filled once from the rows (one UPDATE). With it, two partial indexes
of the running cases (by nearest deadline, by date received), two of the running deadlines
(by light, for the dashboard's filter; the overdue settlement deadlines it counts) and one
of a person's active appointments per kind, which the queue's rule reads.
"""

from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery

# sengketa.models.sengketa.STATUS_BERJALAN when this was written: the running statuses.
BERJALAN = [
    "ajudikasi",
    "diputus",
    "diterima",
    "keberatan_pengadilan",
    "mediasi",
    "menunggu_kelengkapan",
    "musyawarah",
    "pemeriksaan_awal",
    "teregistrasi",
]


def isi(apps, schema_editor):
    """The earliest due date of each case's deadlines still running (aktif, not met): the
    rule of TenggatQuerySet.terbuka, written out because a migration sees no managers."""
    Sengketa = apps.get_model("sengketa", "Sengketa")
    Tenggat = apps.get_model("sengketa", "Tenggat")
    terbuka = Tenggat.objects.filter(aktif=True, terpenuhi_pada__isnull=True).order_by()
    terdekat = (
        terbuka.filter(sengketa_id=OuterRef("pk"))
        .values("sengketa_id")
        .annotate(m=Min("tanggal"))
        .values("m")
    )
    Sengketa.objects.filter(pk__in=terbuka.values("sengketa_id")).update(
        tenggat_terdekat=Subquery(terdekat)
    )
    if schema_editor.connection.vendor == "postgresql":
        # Statistics of the new column now, not at the next autovacuum: the lists' plans
        # (read a page from the new indexes) depend on them.
        schema_editor.execute('ANALYZE "sengketa_sengketa"')


class Migration(migrations.Migration):
    dependencies = [
        ("sengketa", "0005_indeks_nomor_awalan"),
    ]

    operations = [
        migrations.AddField(
            model_name="sengketa",
            name="tenggat_terdekat",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="nearest open deadline"
            ),
        ),
        migrations.AddIndex(
            model_name="sengketa",
            index=models.Index(
                condition=models.Q(("status__in", BERJALAN)),
                fields=["komisi", "tenggat_terdekat", "id"],
                include=("status",),
                name="sengketa_berjalan_tenggat",
            ),
        ),
        migrations.AddIndex(
            model_name="sengketa",
            index=models.Index(
                condition=models.Q(("status__in", BERJALAN)),
                fields=["komisi", "tanggal_diterima", "id"],
                include=("status",),
                name="sengketa_berjalan_diterima",
            ),
        ),
        migrations.AddIndex(
            model_name="tenggat",
            index=models.Index(
                condition=models.Q(
                    ("aktif", True),
                    ("kode", "penyelesaian"),
                    ("status", "terlewat"),
                    ("terpenuhi_pada__isnull", True),
                ),
                fields=["sengketa"],
                name="tenggat_lewat_penyelesaian",
            ),
        ),
        migrations.AddIndex(
            model_name="tenggat",
            index=models.Index(
                condition=models.Q(("aktif", True), ("terpenuhi_pada__isnull", True)),
                fields=["status", "sengketa", "tanggal"],
                name="tenggat_berjalan_per_status",
            ),
        ),
        migrations.AddIndex(
            model_name="penugasan",
            index=models.Index(
                condition=models.Q(("aktif", True)),
                fields=["pengguna", "peran", "sengketa"],
                name="penugasan_aktif_per_peran",
            ),
        ),
        # Filled after the indexes exist: the UPDATE then writes index entries as it goes. Built
        # after it, an index over the freshly updated rows (HOT chains) could not be used by
        # transactions already running when it was built (pg_index.indcheckxmin).
        migrations.RunPython(isi, migrations.RunPython.noop, elidable=True),
    ]
