"""The hearing calendar: a week or a month of one commission's hearings, in its own zone,
with clashes marked. Built in a fixed number of queries whatever the number of hearings."""

import calendar
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from sengketa import izin
from sengketa.kalender import NAMA_HARI, format_tanggal
from sengketa.models import KomisiInformasi, Penugasan, Sidang, StatusSidang
from sengketa.waktu import hari_ini, singkatan_zona, zona

from .views import StafMixin, judul


def bentrok_dalam(sidang: list[Sidang], petugas: dict[int, set[int]]) -> dict[int, list[str]]:
    """The clashes among these hearings, by hearing id: the rule of
    workflows.layanan.sidang.bentrok (scheduled hearings overlapping in time that share the
    room, or a majelis member, mediator or PP, or the case), applied in one pass over
    hearings already loaded instead of one query per hearing."""
    terjadwal = sorted(
        (s for s in sidang if s.status == StatusSidang.DIJADWALKAN), key=lambda s: s.mulai
    )
    hasil: dict[int, list[str]] = {}
    for i, a in enumerate(terjadwal):
        for b in terjadwal[i + 1 :]:
            if b.mulai >= a.selesai_rencana:
                break
            if a.ruang and b.ruang and a.ruang.casefold() == b.ruang.casefold():
                alasan = _("Same room as %(lain)s")
            elif a.sengketa_id == b.sengketa_id:
                alasan = _("Same case as %(lain)s")
            elif petugas.get(a.sengketa_id, set()) & petugas.get(b.sengketa_id, set()):
                alasan = _("Same panel, mediator or PP as %(lain)s")
            else:
                continue
            hasil.setdefault(a.pk, []).append(alasan % {"lain": judul(b.sengketa)})
            hasil.setdefault(b.pk, []).append(alasan % {"lain": judul(a.sengketa)})
    return hasil


def rentang(tampilan: str, pusat: date) -> tuple[date, date]:
    """[first day, day after the last] of the week (Monday first) or month around `pusat`."""
    if tampilan == "bulan":
        awal = pusat.replace(day=1)
        return awal, awal + timedelta(days=calendar.monthrange(awal.year, awal.month)[1])
    awal = pusat - timedelta(days=pusat.weekday())
    return awal, awal + timedelta(days=7)


class KalenderSidangView(StafMixin, TemplateView):
    template_name = "kantor/jadwal.html"

    def get_context_data(self, **kwargs):
        pengguna, get = self.request.user, self.request.GET
        daftar_komisi = list(
            KomisiInformasi.objects.filter(pk__in=izin.komisi_pengguna(pengguna)).order_by("nama")
        )
        if not daftar_komisi:
            raise PermissionDenied
        komisi = next((k for k in daftar_komisi if str(k.pk) == get.get("komisi")), None)
        komisi = komisi or daftar_komisi[0]
        tampilan = "bulan" if get.get("tampilan") == "bulan" else "minggu"
        pusat = parse_date(get.get("tanggal") or "") if _tanggal_sah(get.get("tanggal")) else None
        pusat = pusat or hari_ini(komisi)
        awal, akhir = rentang(tampilan, pusat)
        tz = zona(komisi.zona_waktu)
        dari, sampai = datetime.combine(awal, time(0), tz), datetime.combine(akhir, time(0), tz)
        ruang = (get.get("ruang") or "").strip()

        semua = list(
            Sidang.objects.filter(
                sengketa__komisi=komisi, mulai__lt=sampai, selesai_rencana__gt=dari
            )
            .exclude(status=StatusSidang.BATAL)
            .select_related("sengketa")
            .order_by("mulai", "pk")
        )
        petugas: dict[int, set[int]] = {}
        for sid, uid in Penugasan.objects.filter(
            aktif=True, sengketa_id__in={s.sengketa_id for s in semua}
        ).values_list("sengketa_id", "pengguna_id"):
            petugas.setdefault(sid, set()).add(uid)
        bentrok = bentrok_dalam(semua, petugas)
        singkat = singkatan_zona(komisi)

        hari: dict[date, list[dict]] = {}
        for s in semua:
            if ruang and s.ruang.casefold() != ruang.casefold():
                continue
            mulai, selesai = s.mulai.astimezone(tz), s.selesai_rencana.astimezone(tz)
            if not awal <= mulai.date() < akhir:
                continue
            hari.setdefault(mulai.date(), []).append(
                {
                    "sidang": s,
                    "judul": judul(s.sengketa),
                    "waktu": f"{mulai:%H.%M}–{selesai:%H.%M} {singkat}",
                    "jenis": s.get_jenis_display(),
                    "status": s.get_status_display(),
                    "bentrok": bentrok.get(s.pk, []),
                }
            )
        jumlah_hari = (akhir - awal).days
        sel = [
            {
                "tanggal": d,
                "label": format_tanggal(d, dengan_hari=False),
                "hari": NAMA_HARI[d.weekday()],
                "sidang": hari.get(d, []),
                "hari_ini": d == hari_ini(komisi),
            }
            for d in (awal + timedelta(days=i) for i in range(jumlah_hari))
        ]
        if tampilan == "minggu":
            sebelum, sesudah = awal - timedelta(days=7), akhir
        else:
            sebelum, sesudah = (awal - timedelta(days=1)).replace(day=1), akhir
        ruang_daftar = (
            Sidang.objects.filter(sengketa__komisi=komisi)
            .exclude(ruang="")
            .order_by("ruang")
            .values_list("ruang", flat=True)
            .distinct()
        )
        return super().get_context_data(
            daftar_komisi=daftar_komisi,
            komisi=komisi,
            tampilan=tampilan,
            judul_rentang=f"{format_tanggal(awal, dengan_hari=False)} – "
            f"{format_tanggal(akhir - timedelta(days=1), dengan_hari=False)}",
            kosong_awal=range(awal.weekday()) if tampilan == "bulan" else range(0),
            hari=sel,
            nama_hari=NAMA_HARI,
            jumlah=sum(len(h["sidang"]) for h in sel),
            jumlah_bentrok=sum(1 for h in sel for s in h["sidang"] if s["bentrok"]),
            zona=singkat,
            ruang=ruang,
            ruang_daftar=list(ruang_daftar),
            sebelum=sebelum.isoformat(),
            sesudah=sesudah.isoformat(),
            pusat=pusat.isoformat(),
            **kwargs,
        )


def _tanggal_sah(teks: str | None) -> bool:
    try:
        return bool(teks) and parse_date(teks) is not None
    except ValueError:
        return False
