"""Reads of the document module: public verification and who may download what."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sengketa.izin import grup_peran, komisi_pengguna
from sengketa.peran import PERAN_STAF

from .models import STATUS_TERBIT, Dokumen, JenisDokumen, StatusDokumen

STATUS_PUBLIK = {
    StatusDokumen.SIAP: "valid",
    StatusDokumen.DIGANTIKAN: "superseded",
    StatusDokumen.DIBATALKAN: "cancelled",
}

# dokumen.md "Who may download": the parties get their own summonses (addressed rows carry
# `pihak`) and, of their case, rulings, penetapan and agreements.
UNTUK_PARA_PIHAK = frozenset(
    {
        JenisDokumen.AKTA_REGISTRASI,
        JenisDokumen.PENETAPAN_MAJELIS,
        JenisDokumen.PENETAPAN_MEDIATOR,
        JenisDokumen.KESEPAKATAN_MEDIASI,
        JenisDokumen.PUTUSAN_MEDIASI,
        JenisDokumen.PERNYATAAN_MEDIASI_GAGAL,
        JenisDokumen.PUTUSAN_SELA,
        JenisDokumen.PUTUSAN,
        JenisDokumen.SALINAN_PUTUSAN,
        JenisDokumen.PENETAPAN_PENCABUTAN,
        JenisDokumen.AKTA_PEMBATALAN_REGISTRASI,
        JenisDokumen.PENETAPAN_GUGUR,
        JenisDokumen.PENETAPAN_PELIMPAHAN,
    }
)


@dataclass(frozen=True)
class HasilVerifikasi:
    valid: bool
    status: str  # "valid", "superseded", "cancelled"
    kode: str
    jenis: str
    jenis_label: str
    nomor: str
    komisi: str
    nomor_register: str
    sha256: str
    diterbitkan_pada: datetime | None
    versi: int


def _terbit():
    return (
        Dokumen.objects.filter(status__in=STATUS_TERBIT)
        .exclude(sha256="")
        .select_related("komisi", "sengketa")
    )


def _hasil(dok: Dokumen) -> HasilVerifikasi:
    return HasilVerifikasi(
        valid=dok.status == StatusDokumen.SIAP,
        status=STATUS_PUBLIK[dok.status],
        kode=dok.kode_verifikasi,
        jenis=dok.jenis,
        jenis_label=str(dok.get_jenis_display()),
        nomor=dok.nomor,
        komisi=dok.komisi.nama,
        nomor_register=dok.sengketa.nomor_register,
        sha256=dok.sha256,
        diterbitkan_pada=dok.diterbitkan_pada,
        versi=dok.versi,
    )


def normalkan_kode(kode: str) -> str:
    return "".join((kode or "").split()).upper()[:16]


def verifikasi_kode(kode: str) -> HasilVerifikasi | None:
    dok = _terbit().filter(kode_verifikasi=normalkan_kode(kode)).first()
    return _hasil(dok) if dok else None


def sha256_berkas(isi) -> str:
    """Hash of bytes or of an uploaded file, read in chunks."""
    if isinstance(isi, bytes | bytearray):
        return hashlib.sha256(isi).hexdigest()
    h = hashlib.sha256()
    for potong in isi.chunks():
        h.update(potong)
    return h.hexdigest()


def verifikasi_berkas(isi, *, kode: str | None = None) -> HasilVerifikasi | None:
    """Byte for byte: the file's SHA-256 must be that of an issued document (of `kode`,
    when given). One changed byte gives None."""
    qs = _terbit().filter(sha256=sha256_berkas(isi))
    if kode:
        qs = qs.filter(kode_verifikasi=normalkan_kode(kode))
    dok = qs.order_by("-id").first()
    return _hasil(dok) if dok else None


def adalah_staf(pengguna, komisi_id: int) -> bool:
    return (
        pengguna.is_authenticated
        and pengguna.is_active
        and komisi_id in komisi_pengguna(pengguna)
        and bool(grup_peran(pengguna) & {p.value for p in PERAN_STAF})
    )


def _mewakili(pengguna, pihak) -> bool:
    """The party's own account, an active kuasa's, or an officer of the public body."""
    if pihak.pengguna_id == pengguna.pk:
        return True
    if any(k.aktif and k.pengguna_id == pengguna.pk for k in pihak.kuasa.all()):
        return True
    return (
        bool(pihak.badan_publik_id) and pihak.badan_publik.petugas.filter(pk=pengguna.pk).exists()
    )


def boleh_unduh(pengguna, dok: Dokumen) -> bool:
    if not dok.terbit or not dok.berkas:
        return False
    if not pengguna.is_authenticated or not pengguna.is_active:
        return False
    if adalah_staf(pengguna, dok.komisi_id):
        return True
    if dok.status != StatusDokumen.SIAP:
        return False  # parties get the document of record only
    if dok.pihak_id:
        return _mewakili(pengguna, dok.pihak)
    if dok.jenis not in UNTUK_PARA_PIHAK:
        return False
    return any(_mewakili(pengguna, p) for p in dok.sengketa.pihak.all())
