"""The background task: render one document row, store it, hash it, mark it issued.

Delivery is at least once (django-q2): a task for a row that is already issued (or was
cancelled meanwhile) does nothing, and the row is identified by its id, so a retry can never
make a second document. A failure is recorded on the row and not raised: the legal act that
triggered it is already committed and must stay so; the case page offers a retry.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .konteks import konteks
from .models import STATUS_BELUM_TERBIT, Dokumen, StatusDokumen
from .render import render

log = logging.getLogger(__name__)
GALAT_MAKS = 4000


def _muat(dokumen_id: int) -> Dokumen:
    return Dokumen.objects.select_related(
        "komisi",
        "sengketa__komisi",
        "riwayat__oleh",
        "sidang",
        "pihak",
        "panggilan__sidang",
        "panggilan__pihak",
        "panggilan__kuasa",
    ).get(pk=dokumen_id)


def buat_dokumen(dokumen_id: int) -> str:
    dok = _muat(dokumen_id)
    if dok.status not in STATUS_BELUM_TERBIT:
        return dok.status
    try:
        isi = render(dok.jenis, dok.format, konteks(dok))
    except Exception as exc:  # any bug or bad data: record it, keep the case untouched
        log.exception("dokumen %s gagal dibuat", dokumen_id)
        _catat_gagal(dokumen_id, exc)
        return StatusDokumen.GAGAL
    return _simpan(dokumen_id, isi)


def _catat_gagal(dokumen_id: int, exc: Exception) -> None:
    with transaction.atomic():
        dok = Dokumen.objects.select_for_update().get(pk=dokumen_id)
        if dok.status in STATUS_BELUM_TERBIT:
            dok.status = StatusDokumen.GAGAL
            dok.galat = f"{type(exc).__name__}: {exc}"[:GALAT_MAKS]
            dok.percobaan += 1
            dok.save(update_fields=["status", "galat", "percobaan"])


def _simpan(dokumen_id: int, isi: bytes) -> str:
    with transaction.atomic():
        # Only the document row: locking the joined commission would block every insert
        # that points at it (a FOR UPDATE conflicts with the foreign-key checks).
        dok = (
            Dokumen.objects.select_for_update(of=("self",))
            .select_related("komisi")
            .get(pk=dokumen_id)
        )
        if dok.status not in STATUS_BELUM_TERBIT:
            return dok.status  # another delivery of this task won the race
        dok.percobaan += 1
        dok.diterbitkan_pada = timezone.now()
        dok.sha256 = hashlib.sha256(isi).hexdigest()
        dok.berkas.save(
            f"{dok.kode_verifikasi}-{dok.jenis}.{dok.format}", ContentFile(isi), save=False
        )
        dok.status = StatusDokumen.SIAP
        dok.galat = ""
        dok.save()
        if dok.versi > 1:
            _gantikan_versi_lama(dok)
    return StatusDokumen.SIAP


def _gantikan_versi_lama(dok: Dokumen) -> None:
    awalan = dok.kunci.rsplit(":", 2)[0]  # "<sengketa>:<jenis>:<subject>"
    Dokumen.objects.filter(
        kunci__startswith=f"{awalan}:",
        format=dok.format,
        versi__lt=dok.versi,
        status=StatusDokumen.SIAP,
    ).update(status=StatusDokumen.DIGANTIKAN)
