"""Intake and registration: terima, ubah_permohonan, minta_kelengkapan, registrasi,
tolak_registrasi (siklus-sengketa.md §3, Perki 1/2013 Pasal 13-18)."""

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sengketa import aturan, izin
from sengketa.galat import (
    ParameterTidakValid,
    TidakBerwenang,
    TransisiTidakDiizinkan,
    tidak_valid,
)
from sengketa.kalender import Kalender
from sengketa.models import (
    BUTIR_KELENGKAPAN,
    BadanPublik,
    InformasiDiminta,
    JenisPemohon,
    KomisiInformasi,
    Kuasa,
    Pihak,
    RiwayatStatus,
    Saluran,
    Sengketa,
    StatusSengketa,
)
from sengketa.models.sengketa import ALASAN_VALID
from sengketa.penomoran import nomor_register_baru, nomor_register_lama
from sengketa.tenggat import hitung_tenggat
from sengketa.waktu import hari_ini

from ..kait import Peristiwa, umumkan
from ..rute import proses_mulai
from . import validasi as v
from .dasar import Langkah, mulai_langkah
from .tenggat import tenggat_sinkron

BUTIR_CENTANG = (*BUTIR_KELENGKAPAN, "surat_kuasa")


@dataclass
class DataPihak:
    jenis: str
    nama: str
    nomor_identitas: str = ""
    alamat: str = ""
    email: str = ""
    telepon: str = ""
    pengguna: object = None


@dataclass
class DataKuasa:
    nama: str
    nomor_surat_kuasa: str = ""
    tanggal_surat_kuasa: date | None = None
    alamat: str = ""
    email: str = ""
    telepon: str = ""
    pengguna: object = None


@dataclass
class DataPermohonan:
    pemohon: DataPihak
    badan_publik_id: int
    informasi_diminta: list[str]
    alasan: list[str]
    tanggal_permohonan_informasi: date
    tanggal_keberatan: date
    tanggal_diterima: date | None = None
    tanggal_tanggapan_ppid: date | None = None
    tanggal_tanggapan_atasan: date | None = None
    tujuan_penggunaan: str = ""
    petitum: str = ""
    saluran: str = Saluran.LANGSUNG
    kelengkapan: dict = field(default_factory=dict)
    kuasa_pemohon: DataKuasa | None = None


@dataclass(frozen=True)
class HasilPermohonan:
    sengketa: Sengketa
    peringatan: list[str]


def _periksa_tanggal(data: DataPermohonan, hari: date) -> None:
    """Dates must be real, not in the future, and in order: request <= keberatan <= filing."""
    urutan = [
        ("tanggal_permohonan_informasi", data.tanggal_permohonan_informasi),
        ("tanggal_keberatan", data.tanggal_keberatan),
        ("tanggal_diterima", data.tanggal_diterima),
    ]
    galat = {}
    for medan, nilai in [
        *urutan,
        ("tanggal_tanggapan_ppid", data.tanggal_tanggapan_ppid),
        ("tanggal_tanggapan_atasan", data.tanggal_tanggapan_atasan),
    ]:
        if nilai and nilai > hari:
            galat[medan] = [_("The date cannot be in the future.")]
    for (m1, d1), (m2, d2) in pairwise(urutan):
        if d1 and d2 and d2 < d1 and m2 not in galat:
            galat[m2] = [_("This date cannot be before %(medan)s.") % {"medan": m1}]
    if data.tanggal_tanggapan_atasan and data.tanggal_tanggapan_atasan < data.tanggal_keberatan:
        galat["tanggal_tanggapan_atasan"] = [_("The answer cannot precede the objection.")]
    if galat:
        raise ParameterTidakValid(galat)


def _bersihkan(data: DataPermohonan, komisi: KomisiInformasi, hari: date) -> DataPermohonan:
    data.tanggal_permohonan_informasi = v.tanggal(
        "tanggal_permohonan_informasi", data.tanggal_permohonan_informasi
    )
    data.tanggal_keberatan = v.tanggal("tanggal_keberatan", data.tanggal_keberatan)
    data.tanggal_diterima = (
        v.tanggal("tanggal_diterima", data.tanggal_diterima, wajib=False) or hari
    )
    for medan in ("tanggal_tanggapan_ppid", "tanggal_tanggapan_atasan"):
        setattr(data, medan, v.tanggal(medan, getattr(data, medan), wajib=False))
    _periksa_tanggal(data, hari)
    data.pemohon.jenis = v.pilihan(
        "pemohon.jenis", data.pemohon.jenis, [j for j in JenisPemohon if j != "badan_publik"]
    )
    data.pemohon.nama = v.teks("pemohon.nama", data.pemohon.nama, maks=250)
    data.informasi_diminta = v.daftar_teks("informasi_diminta", data.informasi_diminta)
    alasan = data.alasan if isinstance(data.alasan, list | tuple) else []
    if not alasan or not set(alasan) <= ALASAN_VALID:
        raise tidak_valid("alasan", _("Choose one or more reasons from a to g."))
    data.alasan = sorted(set(alasan))
    data.saluran = v.pilihan("saluran", data.saluran, Saluran)
    data.tujuan_penggunaan = v.teks("tujuan_penggunaan", data.tujuan_penggunaan, wajib=False)
    data.petitum = v.teks("petitum", data.petitum, wajib=False)
    data.kelengkapan = _centang(data.kelengkapan)
    if not BadanPublik.objects.filter(pk=data.badan_publik_id, komisi=komisi).exists():
        raise tidak_valid("termohon.badan_publik", _("Unknown public body for this commission."))
    return data


def _centang(kelengkapan) -> dict:
    if not isinstance(kelengkapan, dict) or not set(kelengkapan) <= set(BUTIR_CENTANG):
        raise tidak_valid(
            "kelengkapan",
            _("Use the checklist items: %(butir)s.") % {"butir": ", ".join(BUTIR_CENTANG)},
        )
    return {k: v.benar_salah(f"kelengkapan.{k}", nilai) for k, nilai in kelengkapan.items()}


def _boleh_menerima(oleh, komisi, data: DataPermohonan) -> None:
    """Registry staff log any filing; a party account files only for itself."""
    if izin.punya_peran(oleh, "panitera", komisi.pk):
        return
    if oleh is not None and oleh.is_authenticated and "pihak" in izin.grup_peran(oleh):
        data.pemohon.pengguna = oleh
        return
    raise TidakBerwenang(_("You are not allowed to file disputes at this commission."))


def peringatan_pengajuan(sengketa: Sengketa, kal: Kalender) -> list[str]:
    """UU 37(2): a filing after the 14-HK window is a warning at intake, never a refusal."""
    pengajuan = hitung_tenggat(sengketa, kal)[0]
    if sengketa.tanggal_diterima <= pengajuan.tanggal:
        return []
    return [
        _(
            "Filed after the 14 working-day window, which ended on %(batas)s; the majelis"
            " decides on 'dalam_jangka_waktu' at the preliminary examination."
        )
        % {"batas": pengajuan.tanggal.isoformat()}
    ]


@transaction.atomic
def sengketa_terima(*, komisi: KomisiInformasi, oleh, data: DataPermohonan) -> HasilPermohonan:
    """A new application enters `diterima`, from any channel (desk, post, e-mail, online)."""
    _boleh_menerima(oleh, komisi, data)
    hari = hari_ini(komisi)
    data = _bersihkan(data, komisi, hari)
    sengketa = Sengketa.objects.create(
        komisi=komisi,
        tanggal_permohonan_informasi=data.tanggal_permohonan_informasi,
        tanggal_tanggapan_ppid=data.tanggal_tanggapan_ppid,
        tanggal_keberatan=data.tanggal_keberatan,
        tanggal_tanggapan_atasan=data.tanggal_tanggapan_atasan,
        tanggal_diterima=data.tanggal_diterima,
        saluran=data.saluran,
        tujuan_penggunaan=data.tujuan_penggunaan,
        alasan="".join(data.alasan),
        petitum=data.petitum,
        kelengkapan=data.kelengkapan,
        tanggal_efektif_terakhir=data.tanggal_diterima,
    )
    _buat_pihak(sengketa, data)
    InformasiDiminta.objects.bulk_create(
        InformasiDiminta(sengketa=sengketa, urutan=i, uraian=teks)
        for i, teks in enumerate(data.informasi_diminta, start=1)
    )
    riwayat = RiwayatStatus.objects.create(
        sengketa=sengketa,
        transisi="terima",
        dari="",
        ke=StatusSengketa.DITERIMA,
        tanggal=data.tanggal_diterima,
        oleh=oleh,
        parameter={"saluran": data.saluran},
    )
    kal = Kalender.untuk(komisi)
    tenggat_sinkron(sengketa, kal)
    proses_mulai(sengketa)
    umumkan(Peristiwa(sengketa.pk, "terima", riwayat.pk))
    return HasilPermohonan(sengketa, peringatan_pengajuan(sengketa, kal))


def _buat_pihak(sengketa: Sengketa, data: DataPermohonan) -> None:
    p = data.pemohon
    pemohon = Pihak.objects.create(
        sengketa=sengketa,
        peran="pemohon",
        jenis=p.jenis,
        nama=p.nama,
        nomor_identitas=p.nomor_identitas,
        alamat=p.alamat,
        email=p.email,
        telepon=p.telepon,
        pengguna=p.pengguna,
    )
    badan = BadanPublik.objects.get(pk=data.badan_publik_id)
    Pihak.objects.create(
        sengketa=sengketa,
        peran="termohon",
        jenis="badan_publik",
        nama=badan.nama,
        alamat=badan.alamat,
        email=badan.ppid_email,
        telepon=badan.ppid_telepon,
        badan_publik=badan,
    )
    if data.kuasa_pemohon:
        k = data.kuasa_pemohon
        Kuasa.objects.create(
            pihak=pemohon,
            nama=v.teks("kuasa_pemohon.nama", k.nama, maks=250),
            nomor_surat_kuasa=k.nomor_surat_kuasa,
            tanggal_surat_kuasa=k.tanggal_surat_kuasa,
            alamat=k.alamat,
            email=k.email,
            telepon=k.telepon,
            pengguna=k.pengguna,
        )


MEDAN_BOLEH_DIUBAH = {
    "tujuan_penggunaan",
    "petitum",
    "saluran",
    "tanggal_permohonan_informasi",
    "tanggal_tanggapan_ppid",
    "tanggal_keberatan",
    "tanggal_tanggapan_atasan",
    "tanggal_diterima",
}


@transaction.atomic
def sengketa_ubah_permohonan(
    *, sengketa_id: int, oleh, perubahan: dict, kelengkapan: dict | None = None
) -> Sengketa:
    """Correct intake data and tick the checklist while the file is still being checked."""
    langkah = Langkah.mulai(sengketa_id=sengketa_id, nama="ubah_permohonan", oleh=oleh)
    s = langkah.sengketa
    if s.status not in (StatusSengketa.DITERIMA, StatusSengketa.MENUNGGU_KELENGKAPAN):
        raise TransisiTidakDiizinkan(transisi="ubah_permohonan", status=s.status)
    tidak_dikenal = set(perubahan) - MEDAN_BOLEH_DIUBAH
    if tidak_dikenal:
        raise tidak_valid(sorted(tidak_dikenal)[0], _("This field cannot be changed."))
    for medan, nilai in perubahan.items():
        if medan.startswith("tanggal_"):
            nilai = v.tanggal(medan, nilai, wajib=medan in _TANGGAL_WAJIB)
        elif medan == "saluran":
            nilai = v.pilihan(medan, nilai, Saluran)
        else:
            nilai = v.teks(medan, nilai, wajib=False)
        setattr(s, medan, nilai)
    if kelengkapan is not None:
        s.kelengkapan = {**s.kelengkapan, **_centang(kelengkapan)}
    _periksa_tanggal_kasus(s, langkah.kal)
    parameter = {k: str(val) for k, val in perubahan.items()}
    if kelengkapan is not None:
        parameter["kelengkapan"] = s.kelengkapan
    return langkah.selesai(parameter=parameter, ubah_status=False)


_TANGGAL_WAJIB = {"tanggal_permohonan_informasi", "tanggal_keberatan", "tanggal_diterima"}


def _periksa_tanggal_kasus(s: Sengketa, kal) -> None:
    data = DataPermohonan(
        pemohon=DataPihak(jenis="perorangan", nama="-"),
        badan_publik_id=0,
        informasi_diminta=[],
        alasan=[],
        tanggal_permohonan_informasi=s.tanggal_permohonan_informasi,
        tanggal_keberatan=s.tanggal_keberatan,
        tanggal_diterima=s.tanggal_diterima,
        tanggal_tanggapan_ppid=s.tanggal_tanggapan_ppid,
        tanggal_tanggapan_atasan=s.tanggal_tanggapan_atasan,
    )
    _periksa_tanggal(data, hari_ini(s.komisi))


@transaction.atomic
def sengketa_minta_kelengkapan(
    *, sengketa_id: int, oleh, kekurangan: list[str], tanggal: date | None = None, atas_nama=""
) -> Sengketa:
    langkah = mulai_langkah("minta_kelengkapan", sengketa_id, oleh, tanggal, atas_nama)
    kekurangan = v.daftar_teks("kekurangan", kekurangan, maks=500)
    langkah.sengketa.minta_kelengkapan(kekurangan=kekurangan, tanggal=langkah.tanggal)
    return langkah.selesai(parameter={"kekurangan": kekurangan})


@transaction.atomic
def sengketa_registrasi(
    *,
    sengketa_id: int,
    oleh,
    tanggal: date | None = None,
    pengecualian_kelengkapan: str = "",
    atas_nama: str = "",
    nomor_register: str = "",
) -> Sengketa:
    """`nomor_register`: only for a historical case entered from a paper register (the
    register import), whose number is kept exactly as it was issued."""
    langkah = mulai_langkah("registrasi", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    pengecualian = v.teks("pengecualian_kelengkapan", pengecualian_kelengkapan, wajib=False)
    nomor_lama = v.teks("nomor_register", nomor_register, wajib=False, maks=120)
    langkah.tolak_jika(aturan.kelengkapan_berkas(s, pengecualian))
    if nomor_lama:
        urut, nomor = nomor_register_lama(s.komisi, nomor_lama, langkah.tanggal)
    else:
        urut, nomor = nomor_register_baru(s.komisi, langkah.tanggal)
    s.registrasi(nomor=nomor, urut=urut, tanggal=langkah.tanggal, pengecualian=pengecualian)
    parameter = {"nomor_register": nomor, "pengecualian_kelengkapan": pengecualian}
    if nomor_lama:
        parameter["nomor_register_lama"] = True
    return langkah.selesai(parameter=parameter)


@transaction.atomic
def sengketa_tolak_registrasi(
    *, sengketa_id: int, oleh, tanggal: date | None = None, atas_nama: str = ""
) -> Sengketa:
    """By the registry, or by the daily sweep (oleh=None) once the completion period is over."""
    langkah = mulai_langkah("tolak_registrasi", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    langkah.tolak_jika(aturan.tenggat_kelengkapan_lewat(s, langkah.kal, langkah.tanggal))
    s.tolak_registrasi(tanggal=langkah.tanggal)
    return langkah.selesai()
