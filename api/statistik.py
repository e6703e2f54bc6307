"""The annual report's tables (domain/statistik.md), computed in the database.

Every figure is one aggregate query (conditional `Count`s or a `GROUP BY`); nothing loops
over cases in Python. Definitions, per commission and calendar year Y:

- *registered in Y*: `tanggal_registrasi` in Y; tables 4, 5 and 6 count these registers;
- *finished in Y*: registered, and the final act (`tanggal_selesai`: ruling, mediation
  ruling, interlocutory ruling, transfer, withdrawal, lapse) in Y; tables 1, 2 and 9;
- *carried over*: registered before the year's start (end) and not finished by then, so
  that `sisa_tahun_lalu + diregistrasi - selesai == sisa_tahun_berikut`.
"""

from datetime import date

from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, ExtractMonth

from sengketa.models import (
    Amar,
    DasarPutusanSela,
    JenisPemohon,
    KategoriBadanPublik,
    KomisiInformasi,
    Pihak,
    Sengketa,
)
from sengketa.models import StatusSengketa as S

ALASAN = "abcdefg"
TERATAS = 10


def _per(baris, kunci: str, semua) -> dict[str, int]:
    hasil = dict.fromkeys(semua, 0)
    for b in baris:
        hasil[b[kunci]] = hasil.get(b[kunci], 0) + b["jumlah"]
    return hasil


def statistik(komisi: KomisiInformasi, tahun: int) -> dict:
    awal, akhir = date(tahun, 1, 1), date(tahun, 12, 31)
    kasus = Sengketa.objects.filter(komisi=komisi)
    terdaftar = Q(tanggal_registrasi__isnull=False)
    selesai_y = terdaftar & Q(tanggal_selesai__year=tahun)
    reg_y = Q(tanggal_registrasi__year=tahun)

    # Table 1 (one query).
    register = kasus.aggregate(
        sisa_tahun_lalu=Count(
            "pk",
            filter=Q(tanggal_registrasi__lt=awal)
            & (Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gte=awal)),
        ),
        diterima=Count("pk", filter=Q(tanggal_diterima__year=tahun)),
        diregistrasi=Count("pk", filter=reg_y),
        tidak_diregistrasi=Count(
            "pk", filter=Q(status=S.TIDAK_DIREGISTRASI, tanggal_selesai__year=tahun)
        ),
        selesai=Count("pk", filter=selesai_y),
        sisa_tahun_berikut=Count(
            "pk",
            filter=Q(tanggal_registrasi__lte=akhir)
            & (Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gt=akhir)),
        ),
    )

    # Table 2 (one query for the summary, one GROUP BY for the detail).
    selesai = kasus.filter(selesai_y)
    ringkas = selesai.aggregate(
        putusan_mediasi=Count("pk", filter=Q(status=S.SELESAI_MEDIASI)),
        gugur=Count("pk", filter=Q(status=S.GUGUR)),
        dicabut=Count("pk", filter=Q(status=S.DICABUT)),
        dilimpahkan=Count("pk", filter=Q(status=S.DILIMPAHKAN)),
        jumlah=Count("pk"),
        **{f"amar_{a}": Count("pk", filter=Q(amar=a)) for a in Amar.values},
        **{
            f"sela_{d}": Count("pk", filter=Q(status=S.TIDAK_DITERIMA, dasar_putusan_sela=d))
            for d in DasarPutusanSela.values
        },
    )
    tabel_selesai = {
        "putusan_mediasi": ringkas["putusan_mediasi"],
        "ajudikasi": {a: ringkas[f"amar_{a}"] for a in Amar.values},
        "putusan_sela": {d: ringkas[f"sela_{d}"] for d in DasarPutusanSela.values},
        "gugur": ringkas["gugur"],
        "dicabut": ringkas["dicabut"],
        "dilimpahkan": ringkas["dilimpahkan"],
        "jumlah": ringkas["jumlah"],
        "rincian": list(
            selesai.values("status", "amar").annotate(jumlah=Count("pk")).order_by("status", "amar")
        ),
    }

    # Tables 4 and 5: the parties of the year's registers.
    pihak = Pihak.objects.filter(sengketa__komisi=komisi, sengketa__tanggal_registrasi__year=tahun)
    pemohon = pihak.filter(peran="pemohon")
    termohon = pihak.filter(peran="termohon").annotate(
        kategori=Coalesce("badan_publik__kategori", Value(KategoriBadanPublik.LAINNYA.value))
    )
    tabel_pemohon = {
        "per_jenis": _per(
            pemohon.values("jenis").annotate(jumlah=Count("pk")).order_by(),
            "jenis",
            [j for j in JenisPemohon.values if j != JenisPemohon.BADAN_PUBLIK],
        ),
        "teratas": list(
            pemohon.values("nama")
            .annotate(jumlah=Count("pk"))
            .order_by("-jumlah", "nama")[:TERATAS]
        ),
    }
    tabel_termohon = {
        "per_kategori": _per(
            termohon.values("kategori").annotate(jumlah=Count("pk")).order_by(),
            "kategori",
            KategoriBadanPublik.values,
        ),
        "teratas": list(
            termohon.values("nama")
            .annotate(jumlah=Count("pk"))
            .order_by("-jumlah", "nama")[:TERATAS]
        ),
    }

    # Table 6 (one query): a register citing several grounds counts under each.
    alasan = kasus.filter(reg_y).aggregate(
        **{h: Count("pk", filter=Q(alasan__contains=h)) for h in ALASAN}
    )

    # Table 9: three GROUP BY month queries.
    def bulanan(medan: str, syarat: Q) -> dict[int, int]:
        baris = (
            kasus.filter(syarat, **{f"{medan}__year": tahun})
            .annotate(bulan=ExtractMonth(medan))
            .values("bulan")
            .annotate(jumlah=Count("pk"))
            .order_by()
        )
        return {b["bulan"]: b["jumlah"] for b in baris}

    masuk = bulanan("tanggal_diterima", Q())
    reg = bulanan("tanggal_registrasi", Q())
    tuntas = bulanan("tanggal_selesai", terdaftar)
    tabel_bulanan = [
        {"bulan": b, "diterima": masuk.get(b, 0), "diregistrasi": reg.get(b, 0),
         "selesai": tuntas.get(b, 0)}
        for b in range(1, 13)
    ]  # fmt: skip

    return {
        "komisi": komisi.kode,
        "tahun": tahun,
        "register": register,
        "selesai": tabel_selesai,
        "pemohon": tabel_pemohon,
        "termohon": tabel_termohon,
        "alasan": alasan,
        "bulanan": tabel_bulanan,
    }
