"""GET /api/v1/statistik/: the tables of domain/statistik.md as JSON (design/api-v1.md).

The figures come from the statistics service (sengketa.statistik); this module only turns
its tables into the contract's keyed JSON, plus a generic rendering of every table
(`tabel`: titles, columns, rows, totals) for clients that draw them as they are.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sengketa.models import Amar, DasarPutusanSela, JenisPengadilan, JenisSidang
from sengketa.statistik import Periode, hitung_semua

from .masukan import TAHUN_MAKS, TAHUN_MIN
from .medan import bilangan, teks
from .medan import tanggal as tgl

# -- query ----------------------------------------------------------------------------------


class StatistikQuery(serializers.Serializer):
    """A calendar year (`tahun`, default: the commission's current year) or any range of
    days (`dari` and `sampai`, both included)."""

    komisi = teks(max_length=30)
    tahun = bilangan(minimum=TAHUN_MIN, maksimum=TAHUN_MAKS, required=False)
    dari = tgl(required=False)
    sampai = tgl(required=False)

    def _tahun_sah(self, medan: str, nilai: date) -> None:
        if not TAHUN_MIN <= nilai.year <= TAHUN_MAKS:
            raise serializers.ValidationError(
                {
                    medan: [
                        _("Enter a date between the years %(min)d and %(max)d.")
                        % {"min": TAHUN_MIN, "max": TAHUN_MAKS}
                    ]
                }
            )

    def validate(self, data):
        mulai, selesai = data.get("dari"), data.get("sampai")
        if (mulai is None) != (selesai is None):
            kosong = "sampai" if selesai is None else "dari"
            raise serializers.ValidationError(
                {kosong: [_("A date range needs both its first and its last day.")]}
            )
        if mulai is not None:
            if data.get("tahun") is not None:
                raise serializers.ValidationError(
                    {"tahun": [_("Give either a year or a date range, not both.")]}
                )
            self._tahun_sah("dari", mulai)
            self._tahun_sah("sampai", selesai)
            if selesai < mulai:
                raise serializers.ValidationError(
                    {"sampai": [_("The end of the period cannot be before its start.")]}
                )
        return data


def periode_dari(data: dict, hari_ini: date) -> Periode:
    if data.get("dari") is not None:
        return Periode(data["dari"], data["sampai"])
    return Periode.tahun(data.get("tahun") or hari_ini.year)


# -- the keyed form of the contract ---------------------------------------------------------


def _nama_jumlah(bagian) -> list[dict]:
    return [{"nama": b.label, "jumlah": b.nilai[0]} for b in bagian.baris]


def statistik(komisi, periode: Periode) -> dict:
    t = hitung_semua(komisi, periode)
    reg, permohonan = t["register"]["register"], t["register"]["permohonan"]
    register = {
        "sisa_tahun_lalu": reg.nilai("sisa_tahun_lalu"),
        "diterima": permohonan.nilai("diterima"),
        "diregistrasi": reg.nilai("diregistrasi"),
        "tidak_diregistrasi": permohonan.nilai("tidak_diregistrasi"),
        "selesai": reg.nilai("selesai"),
        "sisa_tahun_berikut": reg.nilai("sisa_tahun_berikut"),
        "selesai_register_lama": reg.nilai("selesai_register_lama"),
        "dilimpahkan_masuk": permohonan.nilai("dilimpahkan_masuk"),
        "dicabut_sebelum_registrasi": permohonan.nilai("dicabut_sebelum_registrasi"),
        "belum_diregistrasi_awal": permohonan.nilai("belum_diregistrasi_awal"),
        "belum_diregistrasi_akhir": permohonan.nilai("belum_diregistrasi_akhir"),
        "nomor_dicoret": t["register"]["nomor_dicoret"].total.nilai[0],
        "persen_selesai": t["register"]["penyelesaian"].nilai("persen_selesai"),
    }
    hasil = t["penyelesaian"]["hasil"]
    jumlah = hasil.per_kolom("jumlah")
    jalur = hasil.total.nilai[1:]
    selesai = {
        "putusan_mediasi": jumlah["putusan_mediasi"],
        "ajudikasi": {a: jumlah[a] for a in Amar.values},
        "putusan_sela": {d: jumlah[d] for d in DasarPutusanSela.values},
        "gugur": jumlah["gugur"],
        "dicabut": jumlah["dicabut"],
        "dilimpahkan": jumlah["dilimpahkan"],
        "jumlah": jumlah["jumlah"],
        "per_jalur": dict(zip(("M", "A", "M-A", ""), jalur, strict=True)),
        "rincian": [
            {
                "status": b.kode.partition(".")[0],
                "amar": b.kode.partition(".")[2],
                "jumlah": b.nilai[0],
            }
            for b in t["penyelesaian"]["status_sekarang"].baris
        ],
    }
    durasi_selesai = t["durasi"]["selesai"].sebagai_dict()
    berjalan = t["durasi"]["berjalan"]
    durasi = {
        "selesai": durasi_selesai,
        "sebaran": t["durasi"]["sebaran"].per_kolom("jumlah"),
        "berjalan": {
            **berjalan.sebagai_dict()["berjalan"],
            "lewat_batas": berjalan.nilai("lewat_batas", "jumlah"),
        },
    }
    pemohon = t["pemohon"]
    per_jenis = pemohon["per_jenis"].per_kolom("jumlah")
    per_jenis.pop("jumlah")
    termohon = t["termohon"]
    per_kategori = termohon["per_kategori"].per_kolom("jumlah")
    per_kategori.pop("jumlah")
    alasan = t["alasan"]["alasan"].per_kolom("jumlah")
    alasan.pop("jumlah")
    sidang = t["sidang"]
    pengadilan = t["pengadilan"]
    per_pengadilan = pengadilan["per_pengadilan"]
    bulanan = [
        {
            "tahun": int(b.kode[:4]),
            "bulan": int(b.kode[5:]),
            **dict(zip(("diterima", "diregistrasi", "selesai"), b.nilai, strict=True)),
        }
        for b in t["bulanan"]["bulanan"].baris
    ]
    return {
        "komisi": komisi.kode,
        "tahun": periode.tahun_penuh,
        "periode": {"mulai": periode.mulai, "selesai": periode.selesai, "label": periode.label},
        "register": register,
        "selesai": selesai,
        "durasi": durasi,
        "pemohon": {
            "per_jenis": per_jenis,
            "serial": _nama_jumlah(pemohon["serial"]),
            "teratas": _nama_jumlah(pemohon["teratas"]),
        },
        "termohon": {"per_kategori": per_kategori, "teratas": _nama_jumlah(termohon["teratas"])},
        "alasan": alasan,
        "sidang": {
            "per_jenis": {
                k: v for k, v in sidang["per_jenis"].sebagai_dict().items() if k != "jumlah"
            },
            "kehadiran": {
                k: v for k, v in sidang["kehadiran"].sebagai_dict().items() if k != "jumlah"
            },
        },
        "pengadilan": {
            "per_jenis": {
                k: v for k, v in pengadilan["per_jenis"].sebagai_dict().items() if k != "jumlah"
            },
            "per_pengadilan": [
                {"pengadilan": b.label, "jumlah": b.nilai[0], "terlambat": b.nilai[1]}
                for b in per_pengadilan.baris
            ],
            "inkracht_tanpa_keberatan": pengadilan["inkracht"].nilai("tanpa_keberatan", "jumlah"),
            "inkracht_setelah_keberatan": pengadilan["inkracht"].nilai(
                "setelah_keberatan", "jumlah"
            ),
            "putusan_pengadilan_final": pengadilan["putusan_pengadilan"].nilai("final"),
            "putusan_pengadilan_belum_final": pengadilan["putusan_pengadilan"].nilai("belum_final"),
        },
        "bulanan": bulanan,
        "tabel": list(t.values()),
    }


# -- response -------------------------------------------------------------------------------


class StatPeriodeSerializer(serializers.Serializer):
    mulai = serializers.DateField(help_text="first day, included")
    selesai = serializers.DateField(help_text="last day, included")
    label = serializers.CharField()


class StatRegisterSerializer(serializers.Serializer):
    """Table 1. sisa_tahun_lalu + diregistrasi - selesai == sisa_tahun_berikut."""

    sisa_tahun_lalu = serializers.IntegerField(
        help_text="registered before the period, not finished before it"
    )
    diterima = serializers.IntegerField(help_text="applications received in the period")
    diregistrasi = serializers.IntegerField(help_text="registered in the period")
    tidak_diregistrasi = serializers.IntegerField(help_text="refused registration in the period")
    selesai = serializers.IntegerField(
        help_text="registered cases whose final act is in the period, whenever registered"
    )
    sisa_tahun_berikut = serializers.IntegerField(help_text="registered, still open at its end")
    selesai_register_lama = serializers.IntegerField(
        help_text="of selesai: registered before the period"
    )
    dilimpahkan_masuk = serializers.IntegerField(
        help_text="of diterima: transferred from another commission"
    )
    dicabut_sebelum_registrasi = serializers.IntegerField()
    belum_diregistrasi_awal = serializers.IntegerField(
        help_text="applications received, not registered nor closed, at the start"
    )
    belum_diregistrasi_akhir = serializers.IntegerField(help_text="the same at the end")
    nomor_dicoret = serializers.IntegerField(
        help_text="register numbers struck out in the period (withdrawal or correction)"
    )
    persen_selesai = serializers.FloatField(
        allow_null=True, help_text="selesai / (sisa_tahun_lalu + diregistrasi), percent"
    )


class StatRincianSelesaiSerializer(serializers.Serializer):
    status = serializers.CharField()
    amar = serializers.CharField()
    jumlah = serializers.IntegerField()


class StatSelesaiSerializer(serializers.Serializer):
    """Table 2: the cases finished in the period (table 1 `selesai`) by path and outcome."""

    putusan_mediasi = serializers.IntegerField()
    ajudikasi = serializers.DictField(
        child=serializers.IntegerField(), help_text="by amar: " + ", ".join(Amar.values)
    )
    putusan_sela = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="by ground: " + ", ".join(DasarPutusanSela.values),
    )
    gugur = serializers.IntegerField()
    dicabut = serializers.IntegerField()
    dilimpahkan = serializers.IntegerField()
    jumlah = serializers.IntegerField()
    per_jalur = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="by path: M, A, M-A, and '' for cases that ended before either",
    )
    rincian = StatRincianSelesaiSerializer(
        many=True, help_text="the same cases by the status they are in now, and amar"
    )


class StatDurasiBarisSerializer(serializers.Serializer):
    jumlah = serializers.IntegerField()
    rata_rata = serializers.FloatField(allow_null=True, help_text="working days")
    median = serializers.FloatField(allow_null=True, help_text="working days")
    maksimum = serializers.IntegerField(allow_null=True, help_text="working days")
    dalam_batas = serializers.IntegerField(help_text="finished within 100 working days")
    persen_dalam_batas = serializers.FloatField(allow_null=True)


class StatBerjalanSerializer(serializers.Serializer):
    jumlah = serializers.IntegerField()
    rata_rata = serializers.FloatField(allow_null=True, help_text="working days since registration")
    maksimum = serializers.IntegerField(allow_null=True)
    lewat_batas = serializers.IntegerField(help_text="open for more than 100 working days")


class StatDurasiSerializer(serializers.Serializer):
    """Table 3: registration to final act, in the commission's working days."""

    selesai = serializers.DictField(
        child=StatDurasiBarisSerializer(),
        help_text="per outcome (putusan_mediasi, putusan_ajudikasi, putusan_sela, gugur, "
        "dicabut, dilimpahkan) and jumlah (all)",
    )
    sebaran = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="finished cases per band of working days: hk_0_20, hk_21_40, ..., hk_lebih_200",
    )
    berjalan = StatBerjalanSerializer(help_text="cases open at the end of the period (or today)")


class StatTeratasSerializer(serializers.Serializer):
    nama = serializers.CharField()
    jumlah = serializers.IntegerField()


class StatPemohonSerializer(serializers.Serializer):
    """Table 4: applicants of the cases registered in the period."""

    per_jenis = serializers.DictField(
        child=serializers.IntegerField(), help_text="by type: perorangan, badan_hukum, ..."
    )
    serial = StatTeratasSerializer(many=True, help_text="applicants with at least 5 registers")
    teratas = StatTeratasSerializer(many=True, help_text="top 10 of the other applicants")


class StatTermohonSerializer(serializers.Serializer):
    """Table 5: respondents of the cases registered in the period."""

    per_kategori = serializers.DictField(child=serializers.IntegerField())
    teratas = StatTeratasSerializer(many=True, help_text="top 10 by number of registers")


class StatSidangStatusSerializer(serializers.Serializer):
    jumlah = serializers.IntegerField()
    selesai = serializers.IntegerField(help_text="held")
    ditunda = serializers.IntegerField(help_text="adjourned")
    batal = serializers.IntegerField(help_text="cancelled or moved")
    dijadwalkan = serializers.IntegerField(help_text="outcome not recorded yet")


class StatSidangSerializer(serializers.Serializer):
    """Table 7: hearings set for a day of the period."""

    per_jenis = serializers.DictField(
        child=StatSidangStatusSerializer(), help_text="by type: " + ", ".join(JenisSidang.values)
    )
    kehadiran = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text="pemohon / termohon: jumlah, each attendance status, tidak_hadir",
    )


class StatPengadilanBarisSerializer(serializers.Serializer):
    jumlah = serializers.IntegerField()
    terlambat = serializers.IntegerField()


class StatPerPengadilanSerializer(StatPengadilanBarisSerializer):
    pengadilan = serializers.CharField()


class StatPengadilanSerializer(serializers.Serializer):
    """Table 8."""

    per_jenis = serializers.DictField(
        child=StatPengadilanBarisSerializer(),
        help_text="objections filed, by court type: " + ", ".join(JenisPengadilan.values),
    )
    per_pengadilan = StatPerPengadilanSerializer(many=True)
    inkracht_tanpa_keberatan = serializers.IntegerField()
    inkracht_setelah_keberatan = serializers.IntegerField()
    putusan_pengadilan_final = serializers.IntegerField()
    putusan_pengadilan_belum_final = serializers.IntegerField()


class StatBulanSerializer(serializers.Serializer):
    tahun = serializers.IntegerField()
    bulan = serializers.IntegerField(help_text="1-12")
    diterima = serializers.IntegerField()
    diregistrasi = serializers.IntegerField()
    selesai = serializers.IntegerField()


@extend_schema_field(
    {"type": "array", "items": {"type": "number", "nullable": True}, "description": "per column"}
)
class NilaiField(serializers.ListField):
    pass


class KolomSerializer(serializers.Serializer):
    kode = serializers.CharField()
    label = serializers.CharField()
    satuan = serializers.CharField(help_text="jumlah (count), hk (working days), persen")


class BarisSerializer(serializers.Serializer):
    kode = serializers.CharField()
    label = serializers.CharField()
    tingkat = serializers.IntegerField(help_text="1: a breakdown of the row above")
    nilai = NilaiField()


class BagianSerializer(serializers.Serializer):
    kode = serializers.CharField()
    judul = serializers.CharField()
    kolom = KolomSerializer(many=True)
    baris = BarisSerializer(many=True)
    total = BarisSerializer(allow_null=True)


class TabelSerializer(serializers.Serializer):
    nomor = serializers.IntegerField()
    kode = serializers.CharField()
    judul = serializers.CharField()
    grafik = serializers.CharField(help_text="suggested chart: batang, garis, lingkaran")
    catatan = serializers.CharField()
    bagian = BagianSerializer(many=True)


class StatistikSerializer(serializers.Serializer):
    komisi = serializers.CharField()
    tahun = serializers.IntegerField(
        allow_null=True, help_text="the year when the period is one calendar year"
    )
    periode = StatPeriodeSerializer()
    register = StatRegisterSerializer(help_text="table 1")
    selesai = StatSelesaiSerializer(help_text="table 2")
    durasi = StatDurasiSerializer(help_text="table 3")
    pemohon = StatPemohonSerializer(help_text="table 4")
    termohon = StatTermohonSerializer(help_text="table 5")
    alasan = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="table 6: registers of the period citing each ground a-g of Pasal 35(1)",
    )
    sidang = StatSidangSerializer(help_text="table 7")
    pengadilan = StatPengadilanSerializer(help_text="table 8")
    bulanan = StatBulanSerializer(many=True, help_text="table 9: one row per month")
    tabel = TabelSerializer(
        many=True, help_text="every table as titles, columns, rows and totals, for rendering"
    )
