"""Hearings, summonses and attendance (siklus-sengketa.md §4)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sengketa import izin
from sengketa.galat import PrasyaratTidakTerpenuhi, TransisiTidakDiizinkan, tidak_valid
from sengketa.kalender import Kalender
from sengketa.models import (
    JenisSidang,
    Kehadiran,
    KomisiInformasi,
    MetodePanggilan,
    Panggilan,
    Penugasan,
    Sengketa,
    Sidang,
    StatusKehadiran,
    StatusSidang,
)
from sengketa.models.status import STATUS_PEMERIKSAAN
from sengketa.penomoran import nomor_surat_baru
from sengketa.waktu import hari_ini, tanggal_lokal

from ..rute import kunci_proses
from . import validasi as v
from .dasar import catat_tindakan, kunci_sengketa
from .tenggat import tenggat_sinkron

DURASI_BAKU = timedelta(hours=2)
STATUS_TERJADWAL = (StatusSidang.DIJADWALKAN,)


@dataclass
class HasilJadwal:
    sidang: Sidang
    peringatan: list = field(default_factory=list)


def _kunci_kasus(sengketa_id: int) -> Sengketa:
    kunci_proses(sengketa_id)
    return kunci_sengketa(sengketa_id)


def _waktu(medan: str, nilai) -> datetime:
    if isinstance(nilai, str):
        from django.utils.dateparse import parse_datetime

        try:
            nilai = parse_datetime(nilai)
        except ValueError:
            nilai = None
    if not isinstance(nilai, datetime) or timezone.is_naive(nilai):
        raise tidak_valid(medan, _("Enter a date and time with its time zone."))
    return nilai


def _petugas_kasus(sengketa: Sengketa) -> set[int]:
    return set(
        Penugasan.objects.filter(sengketa=sengketa, aktif=True).values_list(
            "pengguna_id", flat=True
        )
    )


def bentrok(sengketa: Sengketa, mulai: datetime, selesai: datetime, ruang: str, kecuali=None):
    """Hearings that overlap in time and share the room or any majelis member, mediator or PP."""
    tumpang = Sidang.objects.filter(
        sengketa__komisi=sengketa.komisi,
        status__in=STATUS_TERJADWAL,
        mulai__lt=selesai,
        selesai_rencana__gt=mulai,
    ).exclude(pk=kecuali)
    petugas = _petugas_kasus(sengketa)
    hasil = []
    for lain in tumpang.select_related("sengketa"):
        if ruang and lain.ruang and lain.ruang.casefold() == ruang.casefold():
            hasil.append(
                (
                    "bentrok_ruang",
                    _("Room %(ruang)s is taken by %(sidang)s.") % {"ruang": ruang, "sidang": lain},
                )
            )
        elif lain.sengketa_id != sengketa.pk and petugas & _petugas_kasus(lain.sengketa):
            hasil.append(
                (
                    "bentrok_petugas",
                    _(
                        "A member of this case's panel, mediator or PP sits in %(perkara)s"
                        " at that time."
                    )
                    % {"perkara": lain.sengketa},
                )
            )
        elif lain.sengketa_id == sengketa.pk:
            hasil.append(("bentrok_perkara", _("This case already has a hearing at that time.")))
    return hasil


def _periksa_jadwal(s: Sengketa, mulai: datetime, selesai: datetime, ruang: str, kal, kecuali=None):
    # Two clerks scheduling at once must not both pass the clash check: serialise scheduling
    # per commission (NO KEY UPDATE still lets rows pointing at the commission be inserted).
    KomisiInformasi.objects.select_for_update(no_key=True).filter(pk=s.komisi_id).exists()
    hari = tanggal_lokal(s.komisi, mulai)
    alasan = []
    if not kal.adalah_hari_kerja(hari):
        alasan.append(
            (
                "bukan_hari_kerja",
                _("%(tanggal)s is not a working day (%(sebab)s).")
                % {"tanggal": hari.isoformat(), "sebab": kal.alasan_libur(hari)},
            )
        )
    alasan += bentrok(s, mulai, selesai, ruang, kecuali)
    if alasan:
        raise PrasyaratTidakTerpenuhi(alasan, transisi="jadwalkan_sidang", status=s.status)
    peringatan = []
    batas = kal.tambah(hari, -s.komisi.hk_panggilan_patut)
    if hari >= hari_ini(s.komisi) and hari_ini(s.komisi) > batas:
        # Past hearings of paper cases are recorded without lead-time warnings.
        peringatan.append(
            _(
                "The summons can no longer be served %(n)d working days ahead (by %(batas)s):"
                " it will not be 'patut'."
            )
            % {"n": s.komisi.hk_panggilan_patut, "batas": batas.isoformat()}
        )
    return peringatan


def _terbitkan_panggilan(sidang: Sidang, s: Sengketa, tanggal) -> list[Panggilan]:
    """One summons per party and per active kuasa, each with its own letter number."""
    surat = []
    for pihak in s.pihak.all():
        tujuan = [(None, pihak.peran)] + [
            (k, f"kuasa_{pihak.peran}") for k in pihak.kuasa.all() if k.aktif
        ]
        ke = Panggilan.objects.filter(sidang__sengketa=s, pihak=pihak, kuasa=None).count() + 1
        for kuasa, peran in tujuan:
            surat.append(
                Panggilan.objects.create(
                    sidang=sidang,
                    pihak=pihak,
                    kuasa=kuasa,
                    peran=peran,
                    nomor=nomor_surat_baru(s.komisi, tanggal),
                    panggilan_ke=ke,
                )
            )
    return surat


def _buat_sidang(
    s: Sengketa, *, jenis, mulai, selesai_rencana, ruang, tempat, daring, tautan, agenda, kal
):
    peringatan = _periksa_jadwal(s, mulai, selesai_rencana, ruang, kal)
    sidang = Sidang.objects.create(
        sengketa=s,
        jenis=jenis,
        mulai=mulai,
        selesai_rencana=selesai_rencana,
        ruang=ruang,
        tempat=tempat,
        daring=daring,
        tautan=tautan,
        agenda=agenda,
    )
    surat = _terbitkan_panggilan(sidang, s, min(hari_ini(s.komisi), tanggal_lokal(s.komisi, mulai)))
    return sidang, surat, peringatan


@transaction.atomic
def sidang_jadwalkan(
    *,
    sengketa_id: int,
    oleh,
    jenis: str,
    mulai,
    selesai_rencana=None,
    ruang: str = "",
    tempat: str = "",
    daring: bool = False,
    tautan: str = "",
    agenda: str = "",
) -> HasilJadwal:
    s = _kunci_kasus(sengketa_id)
    if s.status not in STATUS_PEMERIKSAAN:
        raise TransisiTidakDiizinkan(transisi="jadwalkan_sidang", status=s.status)
    izin.pastikan_boleh(oleh, s, "jadwalkan_sidang")
    jenis = v.pilihan("jenis", jenis, JenisSidang)
    mulai = _waktu("mulai", mulai)
    selesai_rencana = (
        _waktu("selesai_rencana", selesai_rencana) if selesai_rencana else mulai + DURASI_BAKU
    )
    if selesai_rencana <= mulai:
        raise tidak_valid("selesai_rencana", _("The hearing must end after it starts."))
    if tanggal_lokal(s.komisi, mulai) < s.tanggal_diterima:
        raise tidak_valid("mulai", _("A hearing cannot precede the application."))
    kal = Kalender.untuk(s.komisi)
    sidang, surat, peringatan = _buat_sidang(
        s,
        jenis=jenis,
        mulai=mulai,
        selesai_rencana=selesai_rencana,
        ruang=v.teks("ruang", ruang, wajib=False, maks=120),
        tempat=v.teks("tempat", tempat, wajib=False, maks=300),
        daring=v.benar_salah("daring", daring),
        tautan=v.teks("tautan", tautan, wajib=False, maks=200),
        agenda=v.teks("agenda", agenda, wajib=False, maks=300),
        kal=kal,
    )
    catat_tindakan(
        s,
        nama="jadwalkan_sidang",
        oleh=oleh,
        tanggal=hari_ini(s.komisi),
        parameter={
            "sidang": sidang.pk,
            "jenis": jenis,
            "mulai": mulai.isoformat(),
            "panggilan": [p.pk for p in surat],
        },
    )
    tenggat_sinkron(s, kal)
    return HasilJadwal(sidang, peringatan)


def _kunci_sidang(sidang_id: int, oleh, nama: str) -> tuple[Sidang, Sengketa]:
    sengketa_id = Sidang.objects.values_list("sengketa_id", flat=True).get(pk=sidang_id)
    s = _kunci_kasus(sengketa_id)
    sidang = Sidang.objects.select_for_update().get(pk=sidang_id)
    izin.pastikan_boleh(oleh, s, nama)
    return sidang, s


def _harus_terjadwal(sidang: Sidang, s: Sengketa, nama: str) -> None:
    if sidang.status != StatusSidang.DIJADWALKAN:
        raise PrasyaratTidakTerpenuhi(
            [("sidang_tidak_terjadwal", _("Only a scheduled hearing can be changed."))],
            transisi=nama,
            status=s.status,
        )


@transaction.atomic
def sidang_tunda(*, sidang_id: int, oleh, alasan: str, mulai_berikutnya, ruang=None) -> HasilJadwal:
    """Adjourn: the hearing is marked `ditunda` and the next one is scheduled, with summonses."""
    sidang, s = _kunci_sidang(sidang_id, oleh, "kelola_sidang")
    _harus_terjadwal(sidang, s, "tunda_sidang")
    if sidang.mulai > timezone.now():
        # An adjourned hearing was opened (it counts as held for the deadlines); one that has
        # not started yet is moved instead (sidang_pindahkan).
        raise tidak_valid(
            "mulai_berikutnya",
            _("A hearing is adjourned once it has opened; move a future hearing instead."),
        )
    return _lanjutkan(
        sidang, s, oleh, StatusSidang.DITUNDA, "tunda_sidang", alasan, mulai_berikutnya, ruang
    )


@transaction.atomic
def sidang_pindahkan(
    *, sidang_id: int, oleh, alasan: str, mulai_berikutnya, ruang=None
) -> HasilJadwal:
    """Move a hearing that has not been held: it is cancelled with the reason and a new one
    is scheduled with new summonses (the parties must be summoned again for the new date)."""
    sidang, s = _kunci_sidang(sidang_id, oleh, "kelola_sidang")
    _harus_terjadwal(sidang, s, "pindahkan_sidang")
    return _lanjutkan(
        sidang, s, oleh, StatusSidang.BATAL, "pindahkan_sidang", alasan, mulai_berikutnya, ruang
    )


def _lanjutkan(sidang, s, oleh, status_lama, nama, alasan, mulai_berikutnya, ruang) -> HasilJadwal:
    alasan = v.teks("alasan", alasan, maks=2000)
    mulai = _waktu("mulai_berikutnya", mulai_berikutnya)
    if mulai <= sidang.mulai:
        raise tidak_valid("mulai_berikutnya", _("The next hearing must come after this one."))
    sidang.status, sidang.alasan_tunda = status_lama, alasan
    sidang.save(update_fields=["status", "alasan_tunda"])
    kal = Kalender.untuk(s.komisi)
    berikut, _surat, peringatan = _buat_sidang(
        s,
        jenis=sidang.jenis,
        mulai=mulai,
        selesai_rencana=mulai + (sidang.selesai_rencana - sidang.mulai),
        ruang=sidang.ruang if ruang is None else ruang,
        tempat=sidang.tempat,
        daring=sidang.daring,
        tautan=sidang.tautan,
        agenda=sidang.agenda,
        kal=kal,
    )
    sidang.sidang_berikutnya = berikut
    sidang.save(update_fields=["sidang_berikutnya"])
    catat_tindakan(
        s,
        nama=nama,
        oleh=oleh,
        tanggal=min(hari_ini(s.komisi), tanggal_lokal(s.komisi, sidang.mulai)),
        parameter={"sidang": sidang.pk, "alasan": alasan, "sidang_berikutnya": berikut.pk},
    )
    tenggat_sinkron(s, kal)
    return HasilJadwal(berikut, peringatan)


@transaction.atomic
def sidang_selesai(*, sidang_id: int, oleh, kehadiran: list, ringkasan: str = "") -> Sidang:
    """Close a hearing with the attendance of each party (the minutes are issued after)."""
    sidang, s = _kunci_sidang(sidang_id, oleh, "kelola_sidang")
    _harus_terjadwal(sidang, s, "selesai_sidang")
    if sidang.mulai > timezone.now():
        raise tidak_valid("kehadiran", _("A hearing can be closed only after it has started."))
    ringkasan = v.teks("ringkasan", ringkasan, wajib=False)
    pihak = {p.pk: p for p in s.pihak.all()}
    catatan = _kehadiran(kehadiran, pihak)
    Kehadiran.objects.bulk_create(
        Kehadiran(sidang=sidang, pihak=pihak[pid], status=st, keterangan=ket)
        for pid, st, ket in catatan
    )
    sidang.status, sidang.ringkasan = StatusSidang.SELESAI, ringkasan
    sidang.save(update_fields=["status", "ringkasan"])
    catat_tindakan(
        s,
        nama="selesai_sidang",
        oleh=oleh,
        tanggal=tanggal_lokal(s.komisi, sidang.mulai),
        parameter={"sidang": sidang.pk, "kehadiran": {str(p): st for p, st, _k in catatan}},
    )
    tenggat_sinkron(s)
    return sidang


def _kehadiran(kehadiran, pihak: dict) -> list[tuple[int, str, str]]:
    if not isinstance(kehadiran, list):
        raise tidak_valid("kehadiran", _("Give the attendance as a list."))
    hasil, dilihat = [], set()
    for baris in kehadiran:
        pid = baris.get("pihak") if isinstance(baris, dict) else None
        if pid not in pihak or pid in dilihat:
            raise tidak_valid("kehadiran", _("Each party of the case appears once."))
        dilihat.add(pid)
        status = v.pilihan("kehadiran", baris.get("status"), StatusKehadiran)
        hasil.append(
            (pid, status, v.teks("keterangan", baris.get("keterangan", ""), wajib=False, maks=300))
        )
    if dilihat != set(pihak):
        raise tidak_valid("kehadiran", _("Record the attendance of every party."))
    return hasil


@transaction.atomic
def sidang_batal(*, sidang_id: int, oleh, alasan: str) -> Sidang:
    sidang, s = _kunci_sidang(sidang_id, oleh, "kelola_sidang")
    _harus_terjadwal(sidang, s, "batal_sidang")
    alasan = v.teks("alasan", alasan, maks=2000)
    sidang.status, sidang.alasan_tunda = StatusSidang.BATAL, alasan
    sidang.save(update_fields=["status", "alasan_tunda"])
    catat_tindakan(
        s,
        nama="batal_sidang",
        oleh=oleh,
        tanggal=hari_ini(s.komisi),
        parameter={"sidang": sidang.pk, "alasan": alasan},
    )
    tenggat_sinkron(s)
    return sidang


@transaction.atomic
def panggilan_catat_diterima(
    *, panggilan_id: int, oleh, metode: str, tanggal, tanggal_dikirim=None
) -> Panggilan:
    """How the summons went out and when it was received (which decides whether it is patut)."""
    sengketa_id = Panggilan.objects.values_list("sidang__sengketa_id", flat=True).get(
        pk=panggilan_id
    )
    s = _kunci_kasus(sengketa_id)
    izin.pastikan_boleh(oleh, s, "catat_panggilan")
    panggilan = Panggilan.objects.select_for_update().select_related("sidang").get(pk=panggilan_id)
    metode = v.pilihan("metode", metode, MetodePanggilan)
    diterima = v.tanggal("tanggal", tanggal)
    dikirim = v.tanggal("tanggal_dikirim", tanggal_dikirim, wajib=False) or diterima
    if diterima > hari_ini(s.komisi) or dikirim > diterima:
        raise tidak_valid(
            "tanggal", _("The summons is received after it is sent and not in the future.")
        )
    panggilan.metode, panggilan.tanggal_diterima, panggilan.tanggal_dikirim = (
        metode,
        diterima,
        dikirim,
    )
    panggilan.save(update_fields=["metode", "tanggal_diterima", "tanggal_dikirim"])
    catat_tindakan(
        s,
        nama="panggilan_diterima",
        oleh=oleh,
        tanggal=diterima,
        parameter={"panggilan": panggilan.pk, "metode": metode, "tanggal": diterima.isoformat()},
    )
    tenggat_sinkron(s)
    return panggilan
