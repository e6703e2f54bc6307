"""Reads of the document module: public verification and who may download what."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from sengketa.izin import grup_peran, komisi_pengguna
from sengketa.peran import PERAN_STAF

from .aturan_publikasi import STATUS_FINAL
from .models import STATUS_TERBIT, Dokumen, JenisDokumen, Publikasi, StatusDokumen

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
    # Set when the code or file is the published (redacted) rendition of a document: the
    # other fields then describe that document, `kode` and `sha256` the rendition.
    publikasi: bool = False
    publikasi_id: int | None = None
    ditarik_pada: datetime | None = None
    # The file of record is the signed paper uploaded back by the registry, not a rendering.
    tertanda: bool = False


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
        nomor_register=dok.sengketa.nomor_register if dok.sengketa_id else "",
        sha256=dok.sha256,
        diterbitkan_pada=dok.diterbitkan_pada,
        versi=dok.versi,
        tertanda=dok.tertanda,
    )


def normalkan_kode(kode: str) -> str:
    """A typed or scanned code as stored (base32: A-Z, 2-7). Anything else a person may type
    (spaces, dashes) or an attacker may send (NUL bytes, which PostgreSQL refuses) drops out."""
    return "".join(c for c in (kode or "").upper() if c.isascii() and c.isalnum())[:16]


def verifikasi_kode(kode: str) -> HasilVerifikasi | None:
    kode = normalkan_kode(kode)
    dok = _terbit().filter(kode_verifikasi=kode).first()
    if dok:
        return _hasil(dok)
    pub = _publikasi().filter(kode_verifikasi=kode).first()
    return _hasil_publikasi(pub) if pub else None


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
    sha = sha256_berkas(isi)
    qs = _terbit().filter(sha256=sha)
    pubs = _publikasi().filter(sha256=sha)
    if kode:
        qs = qs.filter(kode_verifikasi=normalkan_kode(kode))
        pubs = pubs.filter(kode_verifikasi=normalkan_kode(kode))
    dok = qs.order_by("-id").first()
    if dok:
        return _hasil(dok)
    pub = pubs.order_by("-id").first()
    return _hasil_publikasi(pub) if pub else None


# --- the ruling directory (dokumen.md "Publication") ---


def _publikasi():
    return Publikasi.objects.select_related("komisi", "dokumen")


def _hasil_publikasi(pub: Publikasi) -> HasilVerifikasi:
    """A published rendition: valid while it is live and its document is of record; a
    withdrawal or a superseded or cancelled source makes it invalid, and says so."""
    dok = pub.dokumen
    status = STATUS_PUBLIK.get(dok.status, "cancelled")
    if not pub.aktif:
        status = "cancelled"
    return HasilVerifikasi(
        valid=status == "valid",
        status=status,
        kode=pub.kode_verifikasi,
        jenis=pub.jenis,
        jenis_label=str(pub.get_jenis_display()),
        nomor=pub.nomor,
        komisi=pub.komisi.nama,
        nomor_register=pub.nomor_register,
        sha256=pub.sha256,
        diterbitkan_pada=pub.diterbitkan_pada,
        versi=dok.versi,
        publikasi=True,
        publikasi_id=pub.pk if status == "valid" else None,
        ditarik_pada=pub.ditarik_pada,
    )


def publikasi_aktif():
    """The only publications any public URL may reach: live (not withdrawn), of a document
    still of record (`siap`: not superseded, not cancelled by a correction), in a case that
    still stands where the decision put it. Every public page starts from this queryset."""
    final = Q()
    for jenis, status in STATUS_FINAL.items():
        final |= Q(jenis=jenis, sengketa__status__in=status)
    return Publikasi.objects.filter(
        final, ditarik_pada__isnull=True, dokumen__status=StatusDokumen.SIAP
    ).select_related("komisi")


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
    return bool(pihak.badan_publik_id) and pihak.badan_publik_id in _badan_publik_petugas(pengguna)


def _badan_publik_petugas(pengguna) -> frozenset[int]:
    """The public bodies this account is a PPID officer of, read once per user object (a page
    listing many documents asks for each of them)."""
    ids = getattr(pengguna, "_badan_publik_petugas", None)
    if ids is None:
        ids = frozenset(pengguna.badan_publik_ditangani.values_list("pk", flat=True))
        pengguna._badan_publik_petugas = ids
    return ids


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
