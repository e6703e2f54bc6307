"""Request bodies and query strings (design/api-v1.md). Types and required fields only:
every rule of the procedure (date order, reasons, completeness, who may act) is the
services' to check, and their ParameterTidakValid comes back as the same 400."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer

from sengketa.models import (
    Amar,
    DasarPutusanSela,
    JenisPengadilan,
    JenisSidang,
    MetodePanggilan,
    Saluran,
    SebabMediasiGagal,
    StatusKehadiran,
    StatusSengketa,
)

from .medan import (
    PESAN_DAFTAR,
    PESAN_TEKS,
    Ketat,
    Teks,
    TeksAtauDaftar,
    WaktuBerzona,
    benar,
    bilangan,
    daftar_teks,
    id_baris,
    teks,
)
from .medan import (
    tanggal as tgl,
)

JENIS_PEMOHON = ("perorangan", "badan_hukum", "kelompok_orang")


class TokenMasuk(AuthTokenSerializer):
    """DRF's login body with this API's text fields (their messages, and no NUL character
    reaching the database)."""

    username = teks(max_length=150, write_only=True)
    password = Teks(max_length=1024, trim_whitespace=False, write_only=True,
                    error_messages=PESAN_TEKS, style={"input_type": "password"})  # fmt: skip
    # Staff with two-factor login (workflows/kantor/dua_faktor.py) add the app's current code
    # or a backup code; without it the password alone would open the API.
    otp = teks(max_length=40, wajib=False, write_only=True)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        from workflows.kantor import dua_faktor

        pengguna = attrs["user"]
        if dua_faktor.punya_dua_faktor(pengguna) and not dua_faktor.cocokkan(
            pengguna, attrs.get("otp", "")
        ):
            dua_faktor.catat_gagal(self.context.get("request"), pengguna)
            raise serializers.ValidationError(
                {"otp": [_("This account uses two-factor login: add a valid code.")]}
            )
        return attrs


# -- cases -----------------------------------------------------------------------------


class PemohonMasuk(Ketat):
    jenis = serializers.ChoiceField(JENIS_PEMOHON)
    nama = teks(max_length=250)
    nomor_identitas = teks(max_length=60, wajib=False)
    alamat = teks(max_length=2000, wajib=False)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    telepon = teks(max_length=60, wajib=False)


class KuasaMasuk(Ketat):
    nama = teks(max_length=250)
    nomor_surat_kuasa = teks(max_length=120, wajib=False)
    tanggal_surat_kuasa = tgl(wajib=False)
    alamat = teks(max_length=2000, wajib=False)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    telepon = teks(max_length=60, wajib=False)


class TermohonMasuk(Ketat):
    badan_publik = id_baris()


class PermohonanMasuk(Ketat):
    komisi = teks(max_length=30)
    pemohon = PemohonMasuk()
    kuasa_pemohon = KuasaMasuk(required=False, allow_null=True)
    termohon = TermohonMasuk()
    informasi_diminta = TeksAtauDaftar()
    tujuan_penggunaan = teks(wajib=False)
    petitum = teks(wajib=False)
    alasan = daftar_teks(max_length=1, maks_butir=20)
    tanggal_permohonan_informasi = tgl()
    tanggal_tanggapan_ppid = tgl(wajib=False)
    tanggal_keberatan = tgl()
    tanggal_tanggapan_atasan = tgl(wajib=False)
    tanggal_diterima = tgl(wajib=False)
    kelengkapan = serializers.DictField(child=benar(), required=False)
    saluran = serializers.ChoiceField(Saluran.choices, required=False)


class UbahPermohonanMasuk(Ketat):
    """PATCH: the intake fields the registry may still correct, and the checklist."""

    tujuan_penggunaan = teks(wajib=False)
    petitum = teks(wajib=False)
    saluran = serializers.ChoiceField(Saluran.choices, required=False)
    tanggal_permohonan_informasi = tgl(required=False)
    tanggal_tanggapan_ppid = tgl(wajib=False)
    tanggal_keberatan = tgl(required=False)
    tanggal_tanggapan_atasan = tgl(wajib=False)
    tanggal_diterima = tgl(required=False)
    kelengkapan = serializers.DictField(child=benar(), required=False)


class DaftarSengketaQuery(serializers.Serializer):
    status = serializers.ChoiceField(StatusSengketa.choices, required=False)
    komisi = teks(max_length=30, wajib=False)
    q = teks(max_length=100, wajib=False)


# -- transitions -----------------------------------------------------------------------


class TransisiMasuk(Ketat):
    """Every transition takes an optional effective date and an 'on behalf of' note."""

    tanggal = tgl(wajib=False, help_text="Effective date; default: today (commission zone).")
    atas_nama = teks(max_length=250, wajib=False)


class MintaKelengkapanMasuk(TransisiMasuk):
    kekurangan = daftar_teks(max_length=500)


class RegistrasiMasuk(TransisiMasuk):
    pengecualian_kelengkapan = teks(wajib=False)


class TolakRegistrasiMasuk(TransisiMasuk):
    pass


class TetapkanMajelisMasuk(TransisiMasuk):
    ketua_majelis = teks(max_length=150, help_text="username")
    anggota = daftar_teks(max_length=150, maks_butir=15, help_text="usernames")
    panitera_pengganti = teks(max_length=150, help_text="username")


class CatatPemeriksaanAwalMasuk(TransisiMasuk):
    berwenang = benar()
    legal_standing_pemohon = benar()
    legal_standing_termohon = benar()
    dalam_jangka_waktu = benar()
    catatan = teks(wajib=False)


class MulaiMediasiMasuk(TransisiMasuk):
    mediator = teks(max_length=150, help_text="username")
    mediator_pembantu = teks(max_length=150, wajib=False, allow_null=True)
    persetujuan_para_pihak = benar()


class MulaiAjudikasiMasuk(TransisiMasuk):
    mediasi_ditolak = benar(required=False)


class PutusanSelaMasuk(TransisiMasuk):
    dasar = serializers.ChoiceField(DasarPutusanSela.choices)
    catatan = teks(wajib=False)


class LimpahkanMasuk(TransisiMasuk):
    komisi_tujuan = teks(max_length=30)


class PerpanjangMediasiMasuk(TransisiMasuk):
    hari = bilangan()
    persetujuan_para_pihak = benar()


class MediasiBerhasilMasuk(TransisiMasuk):
    kesepakatan = daftar_teks()
    jangka_waktu_pelaksanaan = bilangan()


class MediasiGagalMasuk(TransisiMasuk):
    sebab = serializers.ChoiceField(SebabMediasiGagal.choices)
    kesepakatan_sebagian = teks(wajib=False)


class TutupPemeriksaanMasuk(TransisiMasuk):
    pass


class BacakanPutusanMasuk(TransisiMasuk):
    amar = serializers.ChoiceField(Amar.choices)
    isi_amar = teks()
    jangka_waktu_pelaksanaan = bilangan()
    tanggal_musyawarah = tgl()


class CatatPenerimaanSalinanMasuk(TransisiMasuk):
    pihak = id_baris(help_text="id of the party (pemohon.id / termohon.id)")
    tanggal_diterima = tgl()


class CatatKeberatanMasuk(TransisiMasuk):
    pengadilan = teks(max_length=200)
    nomor_perkara = teks(max_length=120)
    pihak = id_baris(help_text="id of the objecting party")
    jenis_pengadilan = serializers.ChoiceField(JenisPengadilan.choices, required=False)


class NyatakanInkrachtMasuk(TransisiMasuk):
    pass


class CatatPutusanPengadilanMasuk(TransisiMasuk):
    pengadilan = teks(max_length=200)
    nomor = teks(max_length=120)
    hasil = teks()
    final = benar()


class CabutMasuk(TransisiMasuk):
    tanggal_surat = tgl()
    alasan = teks()


class GugurkanMasuk(TransisiMasuk):
    pass


class KoreksiMasuk(TransisiMasuk):
    alasan = teks(max_length=1000)


MASUKAN_TRANSISI: dict[str, type[TransisiMasuk]] = {
    "minta_kelengkapan": MintaKelengkapanMasuk,
    "registrasi": RegistrasiMasuk,
    "tolak_registrasi": TolakRegistrasiMasuk,
    "tetapkan_majelis": TetapkanMajelisMasuk,
    "catat_pemeriksaan_awal": CatatPemeriksaanAwalMasuk,
    "mulai_mediasi": MulaiMediasiMasuk,
    "mulai_ajudikasi": MulaiAjudikasiMasuk,
    "putusan_sela": PutusanSelaMasuk,
    "limpahkan": LimpahkanMasuk,
    "perpanjang_mediasi": PerpanjangMediasiMasuk,
    "mediasi_berhasil": MediasiBerhasilMasuk,
    "mediasi_gagal": MediasiGagalMasuk,
    "tutup_pemeriksaan": TutupPemeriksaanMasuk,
    "bacakan_putusan": BacakanPutusanMasuk,
    "catat_penerimaan_salinan": CatatPenerimaanSalinanMasuk,
    "catat_keberatan": CatatKeberatanMasuk,
    "nyatakan_inkracht": NyatakanInkrachtMasuk,
    "catat_putusan_pengadilan": CatatPutusanPengadilanMasuk,
    "cabut": CabutMasuk,
    "gugurkan": GugurkanMasuk,
    "koreksi": KoreksiMasuk,
}

# One body per transition, as in design/api-v1.md: shown in the OpenAPI docs (and sent once
# each by the schema tests).
CONTOH_TRANSISI: dict[str, dict] = {
    "minta_kelengkapan": {"kekurangan": ["bukti_keberatan"], "tanggal": "2024-03-06"},
    "registrasi": {"tanggal": "2024-03-06"},
    "tolak_registrasi": {"tanggal": "2024-03-18"},
    "tetapkan_majelis": {
        "ketua_majelis": "komisioner1",
        "anggota": ["komisioner2", "komisioner3"],
        "panitera_pengganti": "pp1",
        "tanggal": "2024-03-08",
    },
    "catat_pemeriksaan_awal": {
        "berwenang": True,
        "legal_standing_pemohon": True,
        "legal_standing_termohon": True,
        "dalam_jangka_waktu": True,
        "catatan": "",
        "tanggal": "2024-03-19",
    },
    "mulai_mediasi": {
        "mediator": "komisioner4",
        "mediator_pembantu": None,
        "persetujuan_para_pihak": True,
        "tanggal": "2024-03-19",
    },
    "mulai_ajudikasi": {"mediasi_ditolak": False, "tanggal": "2024-03-19"},
    "putusan_sela": {"dasar": "daluwarsa", "catatan": "", "tanggal": "2024-03-20"},
    "limpahkan": {"komisi_tujuan": "KI-PUSAT", "tanggal": "2024-03-20"},
    "perpanjang_mediasi": {"hari": 7, "persetujuan_para_pihak": True, "tanggal": "2024-04-02"},
    "mediasi_berhasil": {
        "kesepakatan": ["Termohon memberikan salinan kontrak", "Biaya salinan ditanggung pemohon"],
        "jangka_waktu_pelaksanaan": 14,
        "tanggal": "2024-03-27",
    },
    "mediasi_gagal": {
        "sebab": "tidak_sepakat",
        "kesepakatan_sebagian": "",
        "tanggal": "2024-03-27",
    },
    "tutup_pemeriksaan": {"tanggal": "2024-04-22"},
    "bacakan_putusan": {
        "amar": "dikabulkan_sebagian",
        "isi_amar": "Mengabulkan permohonan Pemohon untuk sebagian.",
        "jangka_waktu_pelaksanaan": 14,
        "tanggal_musyawarah": "2024-06-03",
        "tanggal": "2024-06-10",
    },
    "catat_penerimaan_salinan": {"pihak": 8, "tanggal_diterima": "2024-06-12"},
    "catat_keberatan": {
        "pengadilan": "PTUN Samarinda",
        "nomor_perkara": "12/G/KI/2024/PTUN.SMD",
        "pihak": 8,
        "tanggal": "2024-06-20",
    },
    "nyatakan_inkracht": {"tanggal": "2024-07-10"},
    "catat_putusan_pengadilan": {
        "pengadilan": "PTUN Samarinda",
        "nomor": "12/G/KI/2024/PTUN.SMD",
        "hasil": "Menguatkan putusan Komisi Informasi",
        "final": True,
        "tanggal": "2024-08-15",
    },
    "cabut": {
        "tanggal_surat": "2024-03-11",
        "alasan": "Informasi sudah diberikan",
        "tanggal": "2024-03-11",
    },
    "gugurkan": {"tanggal": "2024-03-25"},
    "koreksi": {"alasan": "Tanggal registrasi salah ketik", "tanggal": "2024-03-07"},
}

# -- hearings --------------------------------------------------------------------------


class SidangMasuk(Ketat):
    jenis = serializers.ChoiceField(JenisSidang.choices)
    mulai = WaktuBerzona()
    selesai_rencana = WaktuBerzona(required=False, allow_null=True)
    tempat = teks(max_length=300, wajib=False)
    ruang = teks(max_length=120, wajib=False)
    daring = benar(required=False)
    tautan = serializers.URLField(max_length=200, required=False, allow_blank=True)
    agenda = teks(max_length=300, wajib=False)


class TundaMasuk(Ketat):
    alasan = teks(max_length=2000)
    mulai_berikutnya = WaktuBerzona()
    ruang = teks(max_length=120, wajib=False, allow_null=True)


class KehadiranMasuk(Ketat):
    pihak = id_baris()
    status = serializers.ChoiceField(StatusKehadiran.choices)
    keterangan = teks(max_length=300, wajib=False)


class SelesaiMasuk(Ketat):
    kehadiran = KehadiranMasuk(many=True, max_length=50, error_messages=PESAN_DAFTAR)
    ringkasan = teks(wajib=False)


class PanggilanDiterimaMasuk(Ketat):
    metode = serializers.ChoiceField(MetodePanggilan.choices)
    tanggal = tgl()
    tanggal_dikirim = tgl(wajib=False)


# -- calendar --------------------------------------------------------------------------

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


class HariKerjaQuery(serializers.Serializer):
    komisi = teks(max_length=30, wajib=False)
    dari = tgl()
    tambah = bilangan(minimum=-1000, maksimum=1000)

    def validate_dari(self, nilai):
        if not TAHUN_MIN <= nilai.year <= TAHUN_MAKS:
            raise serializers.ValidationError(
                _("Enter a date between the years %(min)d and %(max)d.")
                % {"min": TAHUN_MIN, "max": TAHUN_MAKS}
            )
        return nilai


class LiburQuery(serializers.Serializer):
    komisi = teks(max_length=30, wajib=False)
    tahun = bilangan(minimum=TAHUN_MIN, maksimum=TAHUN_MAKS, required=False)


class JadwalQuery(serializers.Serializer):
    komisi = teks(max_length=30, wajib=False)
    dari = tgl(required=False)
    sampai = tgl(required=False)


# -- documents -------------------------------------------------------------------------

UNGGAH_MAKS_MB = 20
UNGGAH_MAKS = UNGGAH_MAKS_MB * 1024 * 1024


def pesan_terlalu_besar() -> str:
    return _("The file is larger than %(maks)d MB.") % {"maks": UNGGAH_MAKS_MB}


@extend_schema_field(OpenApiTypes.BINARY)
class Berkas(serializers.FileField):
    """An uploaded file. drf-spectacular would document it as a URI (what a FileField gives
    in a response); in a request it is the file's bytes."""


class VerifikasiBerkasMasuk(serializers.Serializer):
    berkas = Berkas(
        allow_empty_file=False,
        help_text=f"the document file, at most {UNGGAH_MAKS_MB} MB",
        error_messages={
            "invalid": _("Send the file itself (a multipart/form-data upload)."),
            "no_name": _("Send the file itself (a multipart/form-data upload)."),
        },
    )

    def validate_berkas(self, berkas):
        if berkas.size > UNGGAH_MAKS:
            raise serializers.ValidationError(pesan_terlalu_besar())
        return berkas
