"""Request bodies and query strings (design/api-v1.md). Types and required fields only:
every rule of the procedure (date order, reasons, completeness, who may act) is the
services' to check, and their ParameterTidakValid comes back as the same 400."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

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
    Ketat,
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
    alasan = serializers.ListField(child=teks(max_length=1))
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
    kehadiran = KehadiranMasuk(many=True)
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


class StatistikQuery(serializers.Serializer):
    komisi = teks(max_length=30)
    tahun = bilangan(minimum=TAHUN_MIN, maksimum=TAHUN_MAKS, required=False)


# -- documents -------------------------------------------------------------------------

UNGGAH_MAKS_MB = 20
UNGGAH_MAKS = UNGGAH_MAKS_MB * 1024 * 1024


def pesan_terlalu_besar() -> str:
    return _("The file is larger than %(maks)d MB.") % {"maks": UNGGAH_MAKS_MB}


class VerifikasiBerkasMasuk(serializers.Serializer):
    berkas = serializers.FileField(
        allow_empty_file=False, help_text=f"the document file, at most {UNGGAH_MAKS_MB} MB"
    )

    def validate_berkas(self, berkas):
        if berkas.size > UNGGAH_MAKS:
            raise serializers.ValidationError(pesan_terlalu_besar())
        return berkas
