"""Table 7: hearings of the period by type and outcome, and attendance per side.

A hearing belongs to the period when it was set to start on one of the period's days in
its commission's time zone. An adjourned hearing is one row (status `ditunda`) and the
hearing it was adjourned to another, so both are counted, each under its own status.
"""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from sengketa.models import (
    JenisSidang,
    Kehadiran,
    PeranPihak,
    Sidang,
    StatusKehadiran,
    StatusSidang,
)

from .bentuk import JUMLAH, Bagian, Baris, Kolom, Tabel
from .cakupan import cakupan
from .periode import Periode


def tabel_sidang(komisi, periode: Periode) -> Tabel:
    cak = cakupan(komisi)
    syarat = cak.saat_dalam("mulai", periode, "sengketa__komisi")
    # Two GROUP BYs: hearings by type and status; attendance rows by side and status. (One
    # query with a LEFT JOIN of the attendance would count the hearings distinct and sort
    # far more rows.)
    per_jenis: dict[tuple[str, str], int] = {
        (b["jenis"], b["status"]): b["n"]
        for b in Sidang.objects.filter(syarat)
        .order_by()
        .values("jenis", "status")
        .annotate(n=Count("pk"))
    }
    hadir: dict[tuple[str, str], int] = {
        (b["pihak__peran"], b["status"]): b["n"]
        for b in Kehadiran.objects.filter(
            cak.saat_dalam("sidang__mulai", periode, "sidang__sengketa__komisi")
        )
        .order_by()
        .values("pihak__peran", "status")
        .annotate(n=Count("pk"))
    }
    status_sidang = (
        StatusSidang.SELESAI,
        StatusSidang.DITUNDA,
        StatusSidang.BATAL,
        StatusSidang.DIJADWALKAN,
    )
    label_status = {
        StatusSidang.SELESAI: _("Held"),
        StatusSidang.DITUNDA: _("Adjourned"),
        StatusSidang.BATAL: _("Cancelled or moved"),
        StatusSidang.DIJADWALKAN: _("Not yet recorded"),
    }
    kolom = (
        Kolom("jumlah", _("Hearings"), JUMLAH),
        *(Kolom(s.value, label_status[s], JUMLAH) for s in status_sidang),
    )

    def baris_jenis(kode: str, label: str, jenis) -> Baris:
        nilai = [sum(per_jenis.get((j, s), 0) for j in jenis) for s in status_sidang]
        return Baris(kode, label, (sum(nilai), *nilai))

    semua_jenis = [j.value for j in JenisSidang]
    status_hadir = list(StatusKehadiran)
    kolom_hadir = (
        Kolom("jumlah", _("Recorded"), JUMLAH),
        *(Kolom(s.value, s.label, JUMLAH) for s in status_hadir),
        Kolom("tidak_hadir", _("Absent"), JUMLAH),
    )
    absen = (StatusKehadiran.TIDAK_HADIR_DENGAN_ALASAN, StatusKehadiran.TIDAK_HADIR_TANPA_ALASAN)

    def baris_pihak(kode: str, label: str, peran) -> Baris:
        nilai = [sum(hadir.get((p, s), 0) for p in peran) for s in status_hadir]
        tidak = sum(hadir.get((p, s), 0) for p in peran for s in absen)
        return Baris(kode, label, (sum(nilai), *nilai, tidak))

    return Tabel(
        nomor=7,
        kode="sidang",
        judul=_("Hearings"),
        grafik="batang",
        bagian=(
            Bagian(
                "per_jenis",
                _("By type"),
                kolom,
                tuple(baris_jenis(j.value, j.label, [j.value]) for j in JenisSidang),
                baris_jenis("jumlah", _("Total"), semua_jenis),
            ),
            Bagian(
                "kehadiran",
                _("Attendance per side"),
                kolom_hadir,
                (
                    baris_pihak(PeranPihak.PEMOHON.value, PeranPihak.PEMOHON.label, ["pemohon"]),
                    baris_pihak(PeranPihak.TERMOHON.value, PeranPihak.TERMOHON.label, ["termohon"]),
                ),
                baris_pihak("jumlah", _("Total"), ["pemohon", "termohon"]),
            ),
        ),
        catatan=_(
            "Hearings set for a day of the period, in the commission's time zone. An "
            "adjourned hearing and the hearing it was adjourned to count separately."
        ),
    )
