"""Services of the ruling directory: preview, publish and withdraw a redacted rendition.

The rendition is the document rendered again from its context with every string masked by
one map (dokumen.samaran), and with its own verification mark: a separate file with its own
SHA-256 and code, verifiable on /verifikasi/ like any issued document. The issued document
itself is never touched. Rules (what, when, who) live in dokumen.aturan_publikasi.
"""

import hashlib
from dataclasses import replace

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from sengketa.galat import ParameterTidakValid, PrasyaratTidakTerpenuhi, TidakBerwenang

from . import aturan_publikasi as aturan
from .konteks import konteks, url_verifikasi
from .models import Dokumen, Publikasi, kode_verifikasi_baru
from .render import RENDERER, SURAT
from .render.data import Penanda
from .samaran import Samaran, ganti_penanda, peta_dari, samarkan, usulan

CAP_PRATINJAU = "PRATINJAU - BELUM DITERBITKAN"
PANJANG_ALASAN_MAKS = 2000


def _muat(dokumen_id: int) -> Dokumen:
    # Everything the context builders read, as the rendering task loads it.
    return Dokumen.objects.select_related(
        "komisi", "sengketa__komisi", "riwayat__oleh", "sidang", "pihak"
    ).get(pk=dokumen_id)


def _pastikan_boleh(oleh, komisi_id: int) -> None:
    if oleh is None or not aturan.boleh_meninjau(oleh, komisi_id):
        raise TidakBerwenang(aturan.GALAT_TIDAK_BERWENANG)


def _pastikan_layak(dok: Dokumen) -> None:
    alasan = aturan.alasan_tidak_layak(dok)
    if alasan:
        raise PrasyaratTidakTerpenuhi([("tidak_layak_terbit", alasan)], transisi="publikasi")


def samaran_usulan(dok: Dokumen) -> list[Samaran]:
    """The review form's starting map: the case's individual applicant and kuasa."""
    return usulan(dok.sengketa)


def publikasi_render(dok: Dokumen, peta: dict[str, str], *, penanda: Penanda, cap="") -> bytes:
    """PDF bytes of the masked rendition (pure given the document's context)."""
    k = ganti_penanda(samarkan(konteks(dok), peta), penanda)
    naskah = SURAT[dok.jenis].naskah(k)
    if cap:
        naskah = replace(naskah, cap=cap)
    return RENDERER["pdf"].render(naskah)


def publikasi_pratinjau(*, dokumen_id: int, oleh, samaran: list) -> bytes:
    """The rendition as it would be published, stamped PRATINJAU and without a code of its
    own: for the reviewer's eyes, never verifiable, never stored."""
    dok = _muat(dokumen_id)
    _pastikan_boleh(oleh, dok.komisi_id)
    _pastikan_layak(dok)
    url = settings.SITE_URL.rstrip("/") + reverse("dokumen:verifikasi_unggah")
    return publikasi_render(
        dok, peta_dari(samaran), penanda=Penanda(kode="-", url=url), cap=CAP_PRATINJAU
    )


def kode_baru() -> str:
    """A verification code no document and no publication has (one namespace for both)."""
    while True:
        kode = kode_verifikasi_baru()
        if not (
            Dokumen.objects.filter(kode_verifikasi=kode).exists()
            or Publikasi.objects.filter(kode_verifikasi=kode).exists()
        ):
            return kode


def _baris_samaran(samaran: list) -> list[dict]:
    peta = peta_dari(samaran)
    keterangan = {
        " ".join((s.asli if isinstance(s, Samaran) else s.get("asli", "")).split()): (
            s.keterangan if isinstance(s, Samaran) else s.get("keterangan", "")
        )
        for s in samaran
    }
    return [
        {"asli": asli, "samaran": samar, "keterangan": keterangan.get(asli, "")}
        for asli, samar in peta.items()
    ]


def publikasi_terbitkan(
    *, dokumen_id: int, oleh, samaran: list, tanpa_informasi_dikecualikan: bool
) -> Publikasi:
    """Publish the redacted rendition of an issued decision after the redaction review.

    The rendering runs before the lock (it takes a moment and reads only the case); the
    checks are repeated under the lock, and the partial unique constraint settles a race
    between two reviewers: one publication per document is live."""
    dok = _muat(dokumen_id)
    _pastikan_boleh(oleh, dok.komisi_id)
    if not tanpa_informasi_dikecualikan:
        raise ParameterTidakValid({"tanpa_informasi_dikecualikan": [aturan.GALAT_KONFIRMASI]})
    _pastikan_layak(dok)
    kode = kode_baru()
    peta = peta_dari(samaran)
    isi = publikasi_render(dok, peta, penanda=Penanda(kode=kode, url=url_verifikasi(kode)))
    try:
        with transaction.atomic():
            Dokumen.objects.select_for_update(of=("self",)).get(pk=dok.pk)
            dok = _muat(dokumen_id)
            _pastikan_layak(dok)
            if Publikasi.objects.filter(dokumen=dok, ditarik_pada__isnull=True).exists():
                raise PrasyaratTidakTerpenuhi([("sudah_terbit", aturan.GALAT_SUDAH)])
            return _simpan(dok, oleh, kode, isi, _baris_samaran(samaran))
    except IntegrityError as exc:
        raise PrasyaratTidakTerpenuhi([("sudah_terbit", aturan.GALAT_SUDAH)]) from exc


def _simpan(dok: Dokumen, oleh, kode: str, isi: bytes, samaran: list[dict]) -> Publikasi:
    s = dok.sengketa
    pub = Publikasi(
        dokumen=dok,
        komisi_id=dok.komisi_id,
        sengketa=s,
        jenis=dok.jenis,
        nomor=dok.nomor,
        nomor_register=s.nomor_register,
        termohon=s.termohon.nama if s.termohon else "",
        tanggal_putusan=aturan.tanggal_putusan(dok),
        hasil=aturan.hasil_publikasi(dok),
        sha256=hashlib.sha256(isi).hexdigest(),
        kode_verifikasi=kode,
        samaran=samaran,
        tanpa_informasi_dikecualikan=True,
        ditinjau_oleh=oleh,
        diterbitkan_pada=timezone.now(),
    )
    pub.berkas.save(f"{kode}-{dok.jenis}-publik.pdf", ContentFile(isi), save=False)
    pub.save()
    return pub


@transaction.atomic
def publikasi_tarik(*, publikasi_id: int, oleh, alasan: str) -> Publikasi:
    """Take a publication off the directory (an error found, a court order...). The row and
    its file stay as history; its verification page says it was withdrawn."""
    pub = Publikasi.objects.select_for_update().get(pk=publikasi_id)
    _pastikan_boleh(oleh, pub.komisi_id)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ParameterTidakValid({"alasan": [aturan.GALAT_ALASAN_TARIK]})
    if not pub.aktif:
        raise PrasyaratTidakTerpenuhi([("sudah_ditarik", aturan.GALAT_SUDAH_DITARIK)])
    pub.ditarik_pada = timezone.now()
    pub.ditarik_oleh = oleh
    pub.alasan_penarikan = alasan[:PANJANG_ALASAN_MAKS]
    pub.save(update_fields=["ditarik_pada", "ditarik_oleh", "alasan_penarikan"])
    return pub
