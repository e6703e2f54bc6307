"""The definitions every table shares, and the few scans that serve several tables.

One computation of all nine tables reads the case table in a handful of queries: one
aggregate with conditional counts for tables 1, 6 and 8, one GROUP BY of the finished cases
for tables 2 and 3, one GROUP BY of the parties for tables 4 and 5, one for the months of
table 9. Their results are remembered on the `Cakupan` of that computation (cakupan.ingat),
so a table computed on its own still costs one query of each kind it needs.

All read the case's own milestone columns (tanggal_diterima, tanggal_registrasi,
tanggal_selesai, tanggal_inkracht, status, amar, ...), which every service keeps equal to
the effective dates of the history rows still in force: `koreksi` puts back the values the
undone step had changed, so a corrected step simply stops counting (tests/test_statistik.py
checks that the columns agree with the history after corrections).
"""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Min, Q, Value, When
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear, Trim, Upper

from sengketa.models import Alasan, KategoriBadanPublik, KeberatanPengadilan, Pihak, Sengketa
from sengketa.models import StatusSengketa as S

from .cakupan import Cakupan
from .periode import Periode

TERDAFTAR = Q(tanggal_registrasi__isnull=False)
STATUS_PUTUSAN_AJUDIKASI = (S.DIPUTUS, S.KEBERATAN_PENGADILAN, S.BERKEKUATAN_HUKUM_TETAP)


def dalam(medan: str, periode: Periode) -> Q:
    return Q(**{f"{medan}__gte": periode.mulai, f"{medan}__lte": periode.selesai})


def terbuka_pada(medan: str, hari) -> Q:
    """Not finished by the end of `hari` (no final act yet, or a later one)."""
    return Q(tanggal_selesai__isnull=True) | Q(**{f"{medan}__gt": hari})


def selesai_dalam(periode: Periode) -> Q:
    """Finished in the period: a registered case whose final act falls in it."""
    return TERDAFTAR & dalam("tanggal_selesai", periode)


def hitungan_kasus(cak: Cakupan, periode: Periode) -> dict[str, int]:
    """One scan of the commission's cases: the counts of tables 1, 6 and 8.

    With M, S the first and last day of the period (see register.tabel_register)."""

    def hitung() -> dict[str, int]:
        m, s = periode.mulai, periode.selesai
        # A case transferred here, a case with an objection standing: each one IN over a
        # small table, which the database hashes once. (A correlated EXISTS per case costs a
        # lookup per row and, on PostgreSQL, an estimate high enough to trigger JIT
        # compilation, which alone took longer than the whole scan.)
        dilimpahkan_ke_sini = Q(
            pk__in=Sengketa.objects.filter(dilimpahkan_ke__isnull=False).values("dilimpahkan_ke_id")
        )
        ada_keberatan = Q(
            pk__in=KeberatanPengadilan.objects.filter(dibatalkan=False).values("sengketa_id")
        )
        belum_reg_awal = Q(tanggal_registrasi__isnull=True) | Q(tanggal_registrasi__gte=m)
        belum_reg_akhir = Q(tanggal_registrasi__isnull=True) | Q(tanggal_registrasi__gt=s)
        diterima = dalam("tanggal_diterima", periode)
        reg = dalam("tanggal_registrasi", periode)
        inkracht = dalam("tanggal_inkracht", periode)
        return cak.sengketa().aggregate(
            # table 1
            sisa_awal=Count("pk", filter=Q(tanggal_registrasi__lt=m) & ~Q(tanggal_selesai__lt=m)),
            diterima=Count("pk", filter=diterima),
            dilimpahkan_masuk=Count("pk", filter=diterima & dilimpahkan_ke_sini),
            diregistrasi=Count("pk", filter=reg),
            tidak_diregistrasi=Count(
                "pk", filter=Q(status=S.TIDAK_DIREGISTRASI) & dalam("tanggal_selesai", periode)
            ),
            dicabut_pra=Count(
                "pk",
                filter=Q(status=S.DICABUT, tanggal_registrasi__isnull=True)
                & dalam("tanggal_selesai", periode),
            ),
            selesai=Count("pk", filter=selesai_dalam(periode)),
            selesai_lama=Count("pk", filter=Q(tanggal_registrasi__lt=m) & selesai_dalam(periode)),
            sisa_akhir=Count(
                "pk", filter=Q(tanggal_registrasi__lte=s) & terbuka_pada("tanggal_selesai", s)
            ),
            antrean_awal=Count(
                "pk",
                filter=Q(tanggal_diterima__lt=m) & belum_reg_awal & ~Q(tanggal_selesai__lt=m),
            ),
            antrean_akhir=Count(
                "pk",
                filter=Q(tanggal_diterima__lte=s)
                & belum_reg_akhir
                & terbuka_pada("tanggal_selesai", s),
            ),
            dicoret_cabut=Count(
                "pk", filter=Q(nomor_register_dicoret=True) & dalam("tanggal_selesai", periode)
            ),
            # table 6: the period's registers citing each ground
            **{
                f"alasan_{a.value}": Count("pk", filter=reg & Q(alasan__contains=a.value))
                for a in Alasan
            },
            # table 8: rulings that became final, without or after an objection standing
            inkracht_tanpa=Count("pk", filter=inkracht & ~ada_keberatan),
            inkracht_dengan=Count("pk", filter=inkracht & ada_keberatan),
        )

    return cak.ingat(("kasus", periode), hitung)


MEDAN_SELESAI = (
    "komisi_id", "status", "amar", "dasar_putusan_sela", "jalur", "tanggal_registrasi",
    "tanggal_selesai",
)  # fmt: skip


def kelompok_selesai(cak: Cakupan, periode: Periode) -> list[tuple]:
    """The cases finished in the period grouped by commission, outcome, path and the pair
    (registration date, final-act date), as tuples of MEDAN_SELESAI and the count: table 2
    sums the groups, table 3 measures each pair. At most one row per distinct combination,
    never one per case."""

    def hitung() -> list[tuple]:
        return list(
            cak.sengketa()
            .filter(selesai_dalam(periode))
            .values_list(*MEDAN_SELESAI)
            .annotate(n=Count("pk"))
        )

    return cak.ingat(("selesai", periode), hitung)


def kelompok_pihak(cak: Cakupan, periode: Periode) -> list[dict]:
    """The parties of the period's registers grouped by role, type, category and name (case
    and surrounding spaces ignored: a party is recorded anew on each case, one applicant and
    one respondent per case), with the number of registers and one spelling of the name.
    At most one row per distinct party, never one per case."""

    def hitung() -> list[dict]:
        lainnya = KategoriBadanPublik.LAINNYA.value
        return list(
            Pihak.objects.filter(
                cak.saring("sengketa__komisi"), dalam("sengketa__tanggal_registrasi", periode)
            )
            .order_by()
            .values(
                "peran",
                "jenis",
                kategori=Coalesce("badan_publik__kategori", Value(lainnya)),
                kunci=Upper(Trim("nama")),
            )
            .annotate(n=Count("pk"), nama_=Min("nama"))
        )

    return cak.ingat(("pihak", periode), hitung)


def kelompok_bulan(cak: Cakupan, periode: Periode) -> list[dict]:
    """Cases with a date of table 9 in the period, grouped by the month of each such date
    (year * 12 + month, None where the date falls outside the period)."""

    def bulan(medan: str, syarat: Q | None = None):
        syarat = syarat if syarat is not None else Q()
        return Case(
            When(
                syarat & dalam(medan, periode), then=ExtractYear(medan) * 12 + ExtractMonth(medan)
            ),
            default=None,
            output_field=IntegerField(),
        )

    def hitung() -> list[dict]:
        syarat_selesai = TERDAFTAR
        return list(
            cak.sengketa()
            .filter(
                dalam("tanggal_diterima", periode)
                | dalam("tanggal_registrasi", periode)
                | (syarat_selesai & dalam("tanggal_selesai", periode))
            )
            .values(
                b_diterima=bulan("tanggal_diterima"),
                b_registrasi=bulan("tanggal_registrasi"),
                b_selesai=bulan("tanggal_selesai", syarat_selesai),
            )
            .annotate(n=Count("pk"))
        )

    return cak.ingat(("bulan", periode), hitung)
