"""Services of the document module: prepare the rows of a document, queue their rendering,
retry a failure, re-issue a new version, cancel what an undone step issued."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import Dokumen, StatusDokumen, kunci_dokumen
from .render import FORMAT

log = logging.getLogger(__name__)

TUGAS = "dokumen.tugas.buat_dokumen"


def dokumen_antrekan(dokumen_id: int) -> None:
    """Queue the rendering after the current transaction commits (a worker must find the row).

    `Q_CLUSTER["sync"]` is read here, at call time, so tests can switch it with the settings
    fixture (django-q2 reads its own copy once at import)."""
    from django_q.tasks import async_task

    sync = bool(settings.Q_CLUSTER.get("sync", False))
    transaction.on_commit(lambda: async_task(TUGAS, dokumen_id, group="dokumen", sync=sync))


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
            for f in formats:
                if f not in ada:
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
                    dokumen_antrekan(ada[f].pk)
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
    terakhir = (
        Dokumen.objects.filter(sengketa_id=lama.sengketa_id, jenis=jenis, format=lama.format)
        .filter(kunci__startswith=f"{lama.sengketa_id}:{jenis}:{subjek}:")
        .order_by("-versi")
        .first()
    )
    baru = dokumen_siapkan(
        sengketa=lama.sengketa,
        jenis=jenis,
        subjek=subjek,
        nomor=lama.nomor,
        versi=terakhir.versi + 1,
        riwayat=lama.riwayat,
        oleh=oleh,
        sidang=lama.sidang,
        panggilan=lama.panggilan,
        pihak=lama.pihak,
    )
    return next(d for d in baru if d.format == lama.format)


def dokumen_batalkan_untuk_riwayat(riwayat_id: int) -> int:
    """`koreksi` undid the step `riwayat_id`: what it issued is kept, marked `dibatalkan`.
    Only the status changes (the file and hash of an issued document never do)."""
    return (
        Dokumen.objects.filter(riwayat_id=riwayat_id)
        .exclude(status__in=(StatusDokumen.DIBATALKAN, StatusDokumen.DIGANTIKAN))
        .update(status=StatusDokumen.DIBATALKAN)
    )
