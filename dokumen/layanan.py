"""Services of the document module: prepare the rows of a document, queue their rendering,
retry a failure, re-issue a new version, take a signed PDF back as the version of record,
cancel what an undone step issued."""

import contextlib
import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.unggahan import PDF, UnggahanDitolak, kenali, nama_aman, periksa_pdf, terlalu_besar
from sengketa.galat import PrasyaratTidakTerpenuhi, TidakBerwenang
from sengketa.izin import peran_penugasan, punya_peran
from sengketa.models import PeranPenugasan
from sengketa.peran import Peran

from .cap import BerkasTidakBisaDicap, cap_verifikasi
from .models import (
    JENIS_TERTANDA,
    Dokumen,
    FormatDokumen,
    Publikasi,
    StatusDokumen,
    kunci_dokumen,
)
from .publikasi import kode_baru
from .render import FORMAT

log = logging.getLogger(__name__)

TUGAS = "dokumen.tugas.buat_dokumen"


def dokumen_antrekan(*dokumen_ids: int) -> None:
    """Queue the rendering of these rows after the current transaction commits (a worker must
    find the rows).

    The tasks of one call go to the broker in one transaction of their own: on the ORM broker
    one commit (one flush of the database's log to disk) for the formats of a document
    instead of one per task. Sync mode (tests, development) runs each task right here, each
    in its own transaction as a worker would.

    `Q_CLUSTER["sync"]` is read here, at call time, so tests can switch it with the settings
    fixture (django-q2 reads its own copy once at import)."""
    from django_q.tasks import async_task

    sync = bool(settings.Q_CLUSTER.get("sync", False))

    def antrekan() -> None:
        with contextlib.nullcontext() if sync else transaction.atomic():
            for pk in dokumen_ids:
                async_task(TUGAS, pk, group="dokumen", sync=sync)

    transaction.on_commit(antrekan)


def dokumen_siapkan(
    *,
    sengketa,
    jenis: str,
    subjek: str,
    nomor: str | Callable[[], str] = "",
    versi: int = 1,
    riwayat=None,
    oleh=None,
    sidang=None,
    panggilan=None,
    pihak=None,
) -> list[Dokumen]:
    """The pending rows of one document, one per format of its type, created once.

    Idempotent through the unique `kunci`: a repeated announcement or a retried receiver
    finds the rows. `nomor` may be a callable so that a letter number is drawn only when
    the document is really new (and given back if the creation rolls back)."""
    formats = FORMAT[jenis]
    kunci = {f: kunci_dokumen(sengketa.pk, jenis, subjek, versi, f) for f in formats}
    try:
        with transaction.atomic():
            ada = {d.format: d for d in Dokumen.objects.filter(kunci__in=kunci.values())}
            if len(ada) == len(formats):
                return [ada[f] for f in formats]
            if callable(nomor):
                nomor = next((d.nomor for d in ada.values()), "") or nomor()
            baru = [f for f in formats if f not in ada]
            for f in baru:
                ada[f] = Dokumen.objects.create(
                    komisi_id=sengketa.komisi_id,
                    sengketa=sengketa,
                    jenis=jenis,
                    nomor=nomor,
                    versi=versi,
                    format=f,
                    kunci=kunci[f],
                    riwayat=riwayat,
                    diterbitkan_oleh=oleh,
                    sidang=sidang,
                    panggilan=panggilan,
                    pihak=pihak,
                )
            dokumen_antrekan(*(ada[f].pk for f in baru))
    except IntegrityError:
        # A concurrent delivery of the same announcement created them first.
        return list(Dokumen.objects.filter(kunci__in=kunci.values()))
    return [ada[f] for f in formats]


def dokumen_coba_lagi(dokumen_id: int) -> Dokumen:
    """The retry button of a failed document: back to the queue, same row, same key."""
    with transaction.atomic():
        dok = Dokumen.objects.select_for_update().get(pk=dokumen_id)
        if dok.status == StatusDokumen.GAGAL:
            dok.status = StatusDokumen.MENUNGGU
            dok.save(update_fields=["status"])
            dokumen_antrekan(dok.pk)
    return dok


def dokumen_terbitkan_ulang(*, dokumen_id: int, oleh=None) -> Dokumen:
    """A new version of an issued document; the old one becomes `digantikan` once the new
    one is ready (until then the old one stays valid)."""
    lama = Dokumen.objects.get(pk=dokumen_id)
    _sengketa, jenis, subjek, _versi, _fmt = lama.kunci.split(":")
    # The highest version of any format: a signed PDF uploaded back is a version of its own
    # (PDF only), and the next rendering must come after it in both formats.
    terakhir = _versi_terakhir(lama)
    baru = dokumen_siapkan(
        sengketa=lama.sengketa,
        jenis=jenis,
        subjek=subjek,
        nomor=lama.nomor,
        versi=terakhir + 1,
        riwayat=lama.riwayat,
        oleh=oleh,
        sidang=lama.sidang,
        panggilan=lama.panggilan,
        pihak=lama.pihak,
    )
    return next(d for d in baru if d.format == lama.format)


def publikasi_tarik_digantikan(dokumen_ids, *, pengganti: Dokumen) -> int:
    """Live publications of documents just superseded by `pengganti` leave the directory,
    recorded as withdrawn with the reason: the public pages stopped showing them the moment
    their source was superseded (dokumen.selectors.publikasi_aktif), and the new version
    is published only after a redaction review of its own (aturan_publikasi)."""
    return Publikasi.objects.filter(dokumen_id__in=dokumen_ids, ditarik_pada__isnull=True).update(
        ditarik_pada=pengganti.diterbitkan_pada or timezone.now(),
        ditarik_oleh=pengganti.diterbitkan_oleh,
        alasan_penarikan=_(
            "Replaced by version %(versi)s (verification code %(kode)s); the published "
            "rendition must be reviewed again."
        )
        % {"versi": pengganti.versi, "kode": pengganti.kode_verifikasi},
    )


def dokumen_batalkan_untuk_riwayat(riwayat_id: int) -> int:
    """`koreksi` undid the step `riwayat_id`: what it issued is kept, marked `dibatalkan`.
    Only the status changes (the file and hash of an issued document never do)."""
    return (
        Dokumen.objects.filter(riwayat_id=riwayat_id)
        .exclude(status__in=(StatusDokumen.DIBATALKAN, StatusDokumen.DIGANTIKAN))
        .update(status=StatusDokumen.DIBATALKAN)
    )


def _awalan(dok: Dokumen) -> str:
    """The key without version and format: "<sengketa>:<jenis>:<subject>"."""
    return dok.kunci.rsplit(":", 2)[0]


def _versi_terakhir(dok: Dokumen) -> int:
    return (
        Dokumen.objects.filter(
            sengketa_id=dok.sengketa_id, kunci__startswith=f"{_awalan(dok)}:"
        ).aggregate(n=Max("versi"))["n"]
        or dok.versi
    )


# --- the signed PDF uploaded back as the issued version of record (dokumen.md) ---

TERTANDA_MAKS = 25 * 1024 * 1024  # a scanned ruling of some dozens of pages
GALAT_JENIS_TERTANDA = gettext_lazy(
    "A signed copy is taken back only for rulings, penetapan, mediation agreements and "
    "hearing minutes."
)
GALAT_TIDAK_BERWENANG_TERTANDA = gettext_lazy(
    "Only the registry of the commission or the PP of this case uploads a signed copy."
)
GALAT_VERSI_TERTANDA = gettext_lazy(
    "A newer version of this document exists; upload the signed copy of that one."
)
GALAT_BELUM_TERBIT = gettext_lazy(
    "This document is not issued (it is still being produced, failed, or was cancelled by a "
    "correction): the signed copy can be uploaded once it is issued."
)
GALAT_BERSAMAAN = gettext_lazy(
    "Another version of this document was issued at the same moment; reload the case page."
)


def boleh_unggah_tertanda(pengguna, sengketa) -> bool:
    """The registry of the case's commission or the PP of this case ("panitera" in the
    spec's sense, sengketa.izin)."""
    if pengguna is None or not pengguna.is_authenticated or not pengguna.is_active:
        return False
    return punya_peran(pengguna, Peran.PANITERA, sengketa.komisi_id) or (
        PeranPenugasan.PANITERA_PENGGANTI in peran_penugasan(pengguna, sengketa)
    )


def baca_pdf_tertanda(berkas) -> bytes:
    """The uploaded file's bytes once its content is a whole PDF (its first bytes and its end,
    portal.unggahan's check); a refusal is an UnggahanDitolak naming the file."""
    nama = nama_aman(getattr(berkas, "name", ""))
    ukuran = berkas.size
    if ukuran > TERTANDA_MAKS:
        raise terlalu_besar(nama, TERTANDA_MAKS, ukuran)
    berkas.seek(0)
    if ukuran == 0 or kenali(berkas.read(64)) != PDF:
        raise UnggahanDitolak(
            "bukan_pdf",
            _(
                "“%(nama)s” is not a PDF file, whatever its name says. Scan the signed paper "
                "to PDF (or save the signed file as PDF) and upload that."
            )
            % {"nama": nama},
            nama,
        )
    periksa_pdf(berkas, nama, ukuran)
    berkas.seek(0)
    return berkas.read()


def _tolak_cap(kode: str, nama: str) -> UnggahanDitolak:
    pesan = {
        "terkunci": _(
            "“%(nama)s” is protected by a password. Save it again without the password, "
            "then upload it."
        ),
        "kosong": _("“%(nama)s” has no pages."),
        "terlalu_banyak": _("“%(nama)s” has too many pages for one document."),
    }.get(
        kode,
        _(
            "“%(nama)s” could not be read as a PDF (it may be damaged). Scan or save it again, "
            "then upload it."
        ),
    )
    return UnggahanDitolak(f"pdf_{kode}", pesan % {"nama": nama}, nama)


def dokumen_unggah_tertanda(*, dokumen_id: int, berkas, oleh) -> Dokumen:
    """The signed paper of an issued decision or minutes, uploaded back as a PDF, becomes a
    new version of record: status `siap`, stamped with its own verification code and QR on
    every page (dokumen.cap), hashed as stored; every earlier version (PDF and DOCX draft)
    becomes `digantikan`. A live publication of an earlier version is withdrawn, saying so:
    the directory shows the decision again only after a redaction review of the new one.

    Raises TidakBerwenang, PrasyaratTidakTerpenuhi, or UnggahanDitolak (the file)."""
    from .konteks import url_verifikasi

    dok = Dokumen.objects.select_related("sengketa__komisi").get(pk=dokumen_id)
    if dok.jenis not in JENIS_TERTANDA or dok.sengketa_id is None:
        raise PrasyaratTidakTerpenuhi([("jenis_tertanda", GALAT_JENIS_TERTANDA)])
    if not boleh_unggah_tertanda(oleh, dok.sengketa):
        raise TidakBerwenang(GALAT_TIDAK_BERWENANG_TERTANDA)
    _pastikan_versi_terbit(dok)
    isi = baca_pdf_tertanda(berkas)
    kode = kode_baru()
    try:
        # The stamping reads the whole PDF: done before the lock, like a rendering.
        dicap = cap_verifikasi(isi, kode=kode, url=url_verifikasi(kode))
    except BerkasTidakBisaDicap as exc:
        raise _tolak_cap(exc.kode, nama_aman(getattr(berkas, "name", ""))) from None
    try:
        with transaction.atomic():
            return _simpan_tertanda(dok, dicap, kode, oleh)
    except IntegrityError as exc:
        raise PrasyaratTidakTerpenuhi([("bersamaan", GALAT_BERSAMAAN)]) from exc


def _pastikan_versi_terbit(dok: Dokumen, rows=None) -> list[Dokumen]:
    """The acted-on document is of the latest version, and that version is issued (nothing
    of it pending, failed or cancelled)."""
    semua = rows if rows is not None else list(_versi_semua(dok))
    terakhir = max(d.versi for d in semua)
    if dok.versi < terakhir:
        raise PrasyaratTidakTerpenuhi([("versi_lebih_baru", GALAT_VERSI_TERTANDA)])
    if any(d.status != StatusDokumen.SIAP for d in semua if d.versi == terakhir):
        raise PrasyaratTidakTerpenuhi([("belum_terbit", GALAT_BELUM_TERBIT)])
    return semua


def _versi_semua(dok: Dokumen):
    return Dokumen.objects.filter(
        sengketa_id=dok.sengketa_id, kunci__startswith=f"{_awalan(dok)}:"
    ).order_by("versi", "id")


def _simpan_tertanda(dok: Dokumen, isi: bytes, kode: str, oleh) -> Dokumen:
    # Every version of this document is locked: a concurrent upload or re-issue waits, and
    # the checks are repeated on what is now current.
    semua = list(_versi_semua(dok).select_for_update(of=("self",)))
    dok = next(d for d in semua if d.pk == dok.pk)
    _pastikan_versi_terbit(dok, semua)
    versi = max(d.versi for d in semua) + 1
    _sengketa, jenis, subjek, _versi, _fmt = dok.kunci.split(":")
    baru = Dokumen(
        komisi_id=dok.komisi_id,
        sengketa_id=dok.sengketa_id,
        sidang_id=dok.sidang_id,
        panggilan_id=dok.panggilan_id,
        pihak_id=dok.pihak_id,
        riwayat_id=dok.riwayat_id,
        jenis=dok.jenis,
        nomor=dok.nomor,
        versi=versi,
        format=FormatDokumen.PDF,
        kunci=kunci_dokumen(dok.sengketa_id, jenis, subjek, versi, FormatDokumen.PDF),
        kode_verifikasi=kode,
        sha256=hashlib.sha256(isi).hexdigest(),
        diterbitkan_pada=timezone.now(),
        diterbitkan_oleh=oleh,
        tertanda=True,
    )
    baru.berkas.save(f"{kode}-{jenis}-ttd.pdf", ContentFile(isi), save=False)
    baru.status = StatusDokumen.SIAP
    baru.save()
    lama = [d.pk for d in semua if d.status == StatusDokumen.SIAP]
    Dokumen.objects.filter(pk__in=lama).update(status=StatusDokumen.DIGANTIKAN)
    publikasi_tarik_digantikan(lama, pengganti=baru)
    log.info("dokumen %s: versi tertanda %s diunggah (%s)", dok.pk, versi, baru.pk)
    return baru
