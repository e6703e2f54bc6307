from django.db import models
from django.utils.translation import gettext_lazy as _

# Between the register number and the parties' names in `IndeksCari.teks`: a character no
# one types, so that a search never matches across the end of one field and the start of
# the next (sengketa.selectors.cari_sengketa does not use the index for a query holding it).
PEMISAH = "\x1f"


class NamaTermohon(models.Model):
    """Each distinct name a respondent has in some case, once. A register holds a few hundred
    public bodies across a million cases, and their names share the trigrams of "Dinas",
    "Kabupaten", "Provinsi": searched in every case's row, "Dinas Kesehatan Kabupaten Berau"
    read the index entries of nearly every case (90 ms at 1,000,000); searched here, it reads
    a few hundred rows and gives the few names the cases point at."""

    nama = models.TextField(_("name"), unique=True)

    class Meta:
        verbose_name = _("respondent name")
        verbose_name_plural = _("respondent names")
        default_permissions = ()

    def __str__(self) -> str:
        return self.nama


class IndeksCari(models.Model):
    """What the case search reads: one narrow row per case with the searched text (the
    register number and the names of its parties but the respondent, joined by PEMISAH, in
    capitals: the search compares in capitals, migration 0010), the
    respondent's name (NamaTermohon), the commission and the date received (the lists'
    order).

    A search for a common name at 1,000,000 cases (27,000 matches) read the matches' scattered
    party rows, then every case to join, sort and count them (600 ms). Here the matches, the
    visibility by commission, the order and the exact count come from one small table, its
    trigram index and the index of its respondents (issue 8, benchmarks/README.md).

    Written only by database triggers on the cases and the parties (migration
    0007_indeks_cari), on every path that writes them: the services, the admin, bulk loads,
    COPY. Nothing in Python writes it; tests/test_indeks_cari.py checks that it follows."""

    sengketa = models.OneToOneField(
        "sengketa.Sengketa",
        models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("dispute"),
    )
    # No constraint: a commission is never deleted while it has cases (PROTECT on Sengketa).
    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi",
        models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("commission"),
    )
    tanggal_diterima = models.DateField(_("date received"))
    teks = models.TextField(_("searched text"))
    termohon = models.ForeignKey(
        NamaTermohon,
        models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("respondent"),
    )

    class Meta:
        verbose_name = _("search index row")
        verbose_name_plural = _("search index rows")
        default_permissions = ()

    def __str__(self) -> str:
        return self.teks.replace(PEMISAH, " | ")
