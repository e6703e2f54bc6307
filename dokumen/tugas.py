"""The background task: render one document row, store it, hash it, mark it issued.

Delivery is at least once (django-q2): a task for a row that is already issued (or was
cancelled meanwhile) does nothing, and the row is identified by its id, so a retry can never
make a second document. A failure is recorded on the row and not raised: the legal act that
triggered it is already committed and must stay so; the case page offers a retry.

A task can also be lost: a worker killed (SIGKILL, out of memory, a power cut) holds the tasks
it had pulled, and the Redis broker never hands those out again (the ORM broker does, after
Q_CLUSTER["retry"] seconds); Redis restarted without persistence, or unreachable when the
step committed, loses queued ones. `antre_ulang_tertunda` is the safety net (issue 8): a
schedule (`manage.py pasang_jadwal`) queues again every document still pending after some
minutes; a duplicate delivery of a document that was merely slow does nothing.
"""

import hashlib
import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .konteks import konteks
from .models import STATUS_BELUM_TERBIT, Dokumen, JenisDokumen, StatusDokumen
from .render import render

log = logging.getLogger(__name__)
GALAT_MAKS = 4000
TUGAS = "dokumen.tugas.buat_dokumen"
# Pending longer than this (minutes) means the task was lost: far above a normal wait.
TERTUNDA_MENIT = 10
TERTUNDA_MAKS = 1000  # per run: a large backlog is queued again over several runs
SUKSES_DISIMPAN_HARI = 7  # the queue's successes, for looking back at what ran
KOLOM_TERBIT = ["status", "percobaan", "diterbitkan_pada", "sha256", "berkas", "galat"]


def _muat(dokumen_id: int) -> Dokumen:
    """The row with everything the context builders read, in one query.

    Rows met twice on the way are joined once and shared: a case document's commission is
    its case's, a summons' hearing and addressee are the document's own. A quarter fewer
    columns: the query's compilation is a large part of a document's cost outside
    rendering. A relation that differs after all is loaded when first read."""
    dok = Dokumen.objects.select_related(
        "sengketa__komisi", "riwayat__oleh", "sidang", "pihak", "panggilan__kuasa"
    ).get(pk=dokumen_id)
    if dok.sengketa is not None and dok.sengketa.komisi_id == dok.komisi_id:
        dok.komisi = dok.sengketa.komisi
    if (panggilan := dok.panggilan) is not None:
        if panggilan.sidang_id == dok.sidang_id:
            panggilan.sidang = dok.sidang
        if panggilan.pihak_id == dok.pihak_id:
            panggilan.pihak = dok.pihak
    return dok


def buat_dokumen(dokumen_id: int) -> str:
    dok = _muat(dokumen_id)
    if dok.status not in STATUS_BELUM_TERBIT:
        return dok.status
    try:
        isi = _isi(dok)
    except Exception as exc:  # any bug or bad data: record it, keep the case untouched
        log.exception("dokumen %s gagal dibuat", dokumen_id)
        _catat_gagal(dokumen_id, exc)
        return StatusDokumen.GAGAL
    return _simpan(dok, isi)


def _isi(dok: Dokumen) -> bytes:
    if dok.jenis == JenisDokumen.LAPORAN_TAHUNAN:
        # The annual report belongs to no case: it is built from the statistics.
        from .laporan import laporan_isi

        return laporan_isi(dok)
    return render(dok.jenis, dok.format, konteks(dok))


def _catat_gagal(dokumen_id: int, exc: Exception) -> None:
    with transaction.atomic():
        dok = Dokumen.objects.select_for_update().get(pk=dokumen_id)
        if dok.status in STATUS_BELUM_TERBIT:
            dok.status = StatusDokumen.GAGAL
            dok.galat = f"{type(exc).__name__}: {exc}"[:GALAT_MAKS]
            dok.percobaan += 1
            dok.save(update_fields=["status", "galat", "percobaan"])


def _simpan(dok: Dokumen, isi: bytes) -> str:
    """Store the rendered file and mark the row issued, under the row's lock.

    `dok` was loaded with its relations before rendering; what another delivery of this task
    may have changed since (status, attempts) is read again under the lock, and only the
    columns written here are saved."""
    sha256 = hashlib.sha256(isi).hexdigest()
    with transaction.atomic():
        # Only the document row: locking a joined row (the commission) would block every
        # insert that points at it (a FOR UPDATE conflicts with the foreign-key checks).
        status, percobaan = (
            Dokumen.objects.select_for_update()
            .filter(pk=dok.pk)
            .values_list("status", "percobaan")
            .get()
        )
        if status not in STATUS_BELUM_TERBIT:
            return status  # another delivery of this task won the race
        dok.status, dok.percobaan = status, percobaan + 1
        dok.diterbitkan_pada = timezone.now()
        dok.sha256 = sha256
        nama = f"{dok.kode_verifikasi}-{dok.jenis}.{dok.format}"
        _buang_sisa(dok, nama)
        dok.berkas.save(nama, ContentFile(isi), save=False)
        dok.status = StatusDokumen.SIAP
        dok.galat = ""
        dok.save(update_fields=KOLOM_TERBIT)
        if dok.versi > 1:
            _gantikan_versi_lama(dok)
    return StatusDokumen.SIAP


def _buang_sisa(dok: Dokumen, nama: str) -> None:
    """A file already at this row's name is the leftover of an attempt killed between writing
    it and committing (this row is locked and not issued, so nobody else writes it): remove it,
    or the storage would give the new file another name and leave an orphan behind."""
    jalur = dok.berkas.field.generate_filename(dok, nama)
    if dok.berkas.storage.exists(jalur):
        log.warning("dokumen %s: sisa berkas percobaan terputus dihapus: %s", dok.pk, jalur)
        dok.berkas.storage.delete(jalur)


def antre_ulang_tertunda(menit: int = TERTUNDA_MENIT) -> int:
    """Queue again the documents pending for more than `menit` minutes (their task was lost).
    Run by a django-q2 schedule every few minutes; returns how many were queued."""
    from django_q.tasks import async_task

    batas = timezone.now() - timedelta(minutes=menit)
    ids = list(
        Dokumen.objects.filter(status=StatusDokumen.MENUNGGU, dibuat_pada__lte=batas)
        .order_by("pk")
        .values_list("pk", flat=True)[:TERTUNDA_MAKS]
    )
    for pk in ids:
        async_task(TUGAS, pk, group="dokumen")
    if ids:
        log.warning("%d dokumen tertunda diantrekan ulang", len(ids))
    return len(ids)


def buang_sukses_lama(hari: int = SUKSES_DISIMPAN_HARI) -> int:
    """Delete the queue's recorded successes older than `hari` days; failures stay until
    someone deals with them. Run by a daily django-q2 schedule (`manage.py pasang_jadwal`):
    Q_CLUSTER["save_limit"] is 0 because django-q2's own pruning reads every stored success
    after each task. Returns how many were deleted."""
    from django_q.models import Success

    batas = timezone.now() - timedelta(days=hari)
    jumlah, _ = Success.objects.filter(stopped__lt=batas).delete()
    return jumlah


def _gantikan_versi_lama(dok: Dokumen) -> None:
    from .layanan import publikasi_tarik_digantikan

    awalan = dok.kunci.rsplit(":", 2)[0]  # "<sengketa>:<jenis>:<subject>"
    lama = list(
        Dokumen.objects.filter(
            kunci__startswith=f"{awalan}:",
            format=dok.format,
            versi__lt=dok.versi,
            status=StatusDokumen.SIAP,
        ).values_list("pk", flat=True)
    )
    Dokumen.objects.filter(pk__in=lama).update(status=StatusDokumen.DIGANTIKAN)
    publikasi_tarik_digantikan(lama, pengganti=dok)
