"""Rules of the ruling directory (dokumen.md "Publication"): what may be published, when,
and by whom. The services (publikasi.py) and the back-office queue ask these questions; the
public pages only ever read what the services published.

- Only decisions: putusan, putusan sela, putusan mediasi and the penetapan that end a case
  (pencabutan, gugur, pelimpahan). Summonses, minutes, copies and letters never.
- Only the PDF of record: issued (`siap`), the latest version (not superseded, no newer
  version being issued), not cancelled by a correction.
- Only once the decision is final in the procedure: the case stands in the status the
  decision put it in (a putusan once read, Perki 1/2013 Pasal 59; a putusan mediasi once
  the case is settled, ...). A `koreksi` that undoes the step also cancels the document.
- Only after a registrar's redaction review (panitera or admin of the commission).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sengketa.izin import punya_peran
from sengketa.models import StatusSengketa as S
from sengketa.peran import Peran

from .models import Dokumen, FormatDokumen, HasilPublikasi, JenisDokumen, StatusDokumen

# The statuses in which each publishable decision is final (siklus-sengketa.md §2-3).
STATUS_FINAL = {
    JenisDokumen.PUTUSAN: (S.DIPUTUS, S.KEBERATAN_PENGADILAN, S.BERKEKUATAN_HUKUM_TETAP),
    # An interlocutory ruling ends a case as inadmissible, or sends it to the competent
    # commission (`limpahkan` issues one beside the transfer decree).
    JenisDokumen.PUTUSAN_SELA: (S.TIDAK_DITERIMA, S.DILIMPAHKAN),
    JenisDokumen.PUTUSAN_MEDIASI: (S.SELESAI_MEDIASI,),
    JenisDokumen.PENETAPAN_PENCABUTAN: (S.DICABUT,),
    JenisDokumen.PENETAPAN_GUGUR: (S.GUGUR,),
    JenisDokumen.PENETAPAN_PELIMPAHAN: (S.DILIMPAHKAN,),
}
JENIS_PUBLIKASI = tuple(STATUS_FINAL)

HASIL_TETAP = {
    JenisDokumen.PUTUSAN_SELA: HasilPublikasi.TIDAK_DITERIMA,
    JenisDokumen.PUTUSAN_MEDIASI: HasilPublikasi.MEDIASI,
    JenisDokumen.PENETAPAN_PENCABUTAN: HasilPublikasi.DICABUT,
    JenisDokumen.PENETAPAN_GUGUR: HasilPublikasi.GUGUR,
    JenisDokumen.PENETAPAN_PELIMPAHAN: HasilPublikasi.DILIMPAHKAN,
}

GALAT_JENIS = _("Only rulings, interlocutory rulings, mediation rulings and decrees are published.")
GALAT_FORMAT = _("Only the PDF of record is published.")
GALAT_STATUS = _("Only an issued document that was not superseded or cancelled is published.")
GALAT_VERSI = _("A newer version of this document exists; publish that one.")
GALAT_BELUM_FINAL = _("The decision is not final yet in the procedure.")
GALAT_SUDAH = _("This document is already published.")
GALAT_KONFIRMASI = _(
    "Confirm that the rendition contains no information excepted under Law 14 of 2008 Article 17."
)
GALAT_TIDAK_BERWENANG = _("Only the registry or an administrator of the commission publishes.")
GALAT_ALASAN_TARIK = _("State the reason for the withdrawal.")
GALAT_SUDAH_DITARIK = _("This publication was already withdrawn.")


def boleh_meninjau(pengguna, komisi_id: int) -> bool:
    """The registrar (panitera) or the system administrator of that commission."""
    return punya_peran(pengguna, Peran.PANITERA, komisi_id) or punya_peran(
        pengguna, Peran.ADMIN, komisi_id
    )


def _versi_lebih_baru() -> Exists:
    # Same case, type, subject and format (the key without its version), a higher version
    # that is not cancelled: the publishable version is the newest.
    return Exists(
        Dokumen.objects.filter(
            sengketa_id=OuterRef("sengketa_id"),
            jenis=OuterRef("jenis"),
            format=OuterRef("format"),
            versi__gt=OuterRef("versi"),
        ).exclude(status=StatusDokumen.DIBATALKAN)
    )


def dokumen_layak(komisi_ids) -> QuerySet[Dokumen]:
    """Documents of these commissions that may be published now (published or not)."""
    final = Q()
    for jenis, status in STATUS_FINAL.items():
        final |= Q(jenis=jenis, sengketa__status__in=status)
    return (
        Dokumen.objects.filter(
            final,
            komisi_id__in=komisi_ids,
            format=FormatDokumen.PDF,
            status=StatusDokumen.SIAP,
        )
        .exclude(sha256="")
        .exclude(_versi_lebih_baru())
    )


def alasan_tidak_layak(dok: Dokumen) -> str | None:
    """Why this document may not be published now (a message for people), or None."""
    if dok.jenis not in STATUS_FINAL:
        return str(GALAT_JENIS)
    if dok.format != FormatDokumen.PDF:
        return str(GALAT_FORMAT)
    if dok.status != StatusDokumen.SIAP or not dok.sha256:
        return str(GALAT_STATUS)
    if dok.sengketa.status not in STATUS_FINAL[dok.jenis]:
        return str(GALAT_BELUM_FINAL)
    if Dokumen.objects.filter(pk=dok.pk).filter(_versi_lebih_baru()).exists():
        return str(GALAT_VERSI)
    return None


def hasil_publikasi(dok: Dokumen) -> str:
    """The directory's outcome category of a decision."""
    if dok.jenis == JenisDokumen.PUTUSAN:
        return dok.sengketa.amar or HasilPublikasi.DITOLAK
    if dok.jenis == JenisDokumen.PUTUSAN_SELA and dok.sengketa.status == S.DILIMPAHKAN:
        return HasilPublikasi.DILIMPAHKAN
    return HASIL_TETAP[dok.jenis]


def tanggal_putusan(dok: Dokumen):
    """The date of the decision: read (putusan), settled (mediasi) or the final act."""
    s = dok.sengketa
    if dok.jenis == JenisDokumen.PUTUSAN and s.tanggal_putusan:
        return s.tanggal_putusan
    if dok.jenis == JenisDokumen.PUTUSAN_MEDIASI and s.tanggal_selesai_mediasi:
        return s.tanggal_selesai_mediasi
    if s.tanggal_selesai:
        return s.tanggal_selesai
    return dok.riwayat.tanggal if dok.riwayat else dok.diterbitkan_pada.date()
