"""Notifications (issue 3): e-mail through Django's mail framework, WhatsApp as a stub that
only logs until a provider is plugged in. Built from the services' announcements after
commit, recorded as `Notifikasi` rows, sent by a django-q2 task (idempotent by `kunci`)."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_q.tasks import async_task

from sengketa.models import Panggilan, Sengketa, Sidang
from sengketa.waktu import singkatan_zona, zona

from .kait import Peristiwa
from .models import Notifikasi, SaluranNotifikasi, StatusNotifikasi

log = logging.getLogger(__name__)


class Saluran:
    """A delivery channel. `kirim` raises on failure; the task records it."""

    kode = ""

    def kirim(self, notifikasi: Notifikasi) -> None:
        raise NotImplementedError


class SaluranEmail(Saluran):
    kode = SaluranNotifikasi.EMAIL

    def kirim(self, notifikasi: Notifikasi) -> None:
        pesan = EmailMultiAlternatives(
            notifikasi.subjek, notifikasi.isi, settings.DEFAULT_FROM_EMAIL, [notifikasi.alamat]
        )
        if notifikasi.isi_html:
            pesan.attach_alternative(notifikasi.isi_html, "text/html")
        pesan.send()


class SaluranWhatsApp(Saluran):
    """Placeholder: logs the message. A provider implements `kirim` without touching services."""

    kode = SaluranNotifikasi.WHATSAPP

    def kirim(self, notifikasi: Notifikasi) -> None:
        log.info("WhatsApp (belum tersambung) ke %s: %s", notifikasi.alamat, notifikasi.subjek)


SALURAN: dict[str, Saluran] = {s.kode: s for s in (SaluranEmail(), SaluranWhatsApp())}


@dataclass(frozen=True)
class Penerima:
    nama: str
    email: str


def mau_email(orang) -> bool:
    """A party or kuasa whose portal account turned e-mail notifications off gets none
    (issue 6). Read through the account's `profil_pihak`, so workflows imports no portal."""
    pengguna = orang.pengguna if orang.pengguna_id else None
    profil = getattr(pengguna, "profil_pihak", None)
    return profil is None or profil.notifikasi_email


def _penerima_pihak(sengketa: Sengketa) -> list[tuple[object, Penerima]]:
    hasil = []
    for pihak in sengketa.pihak.all():
        hasil.append((pihak, pihak))
        hasil += [(pihak, k) for k in pihak.kuasa.all() if k.aktif]
    return [(p, Penerima(o.nama, o.email)) for p, o in hasil if o.email and mau_email(o)]


def _waktu_sidang(sidang: Sidang) -> str:
    from sengketa.kalender import format_tanggal

    komisi = sidang.sengketa.komisi
    lokal = sidang.mulai.astimezone(zona(komisi.zona_waktu))
    return f"{format_tanggal(lokal.date())}, pukul {lokal:%H.%M} {singkatan_zona(komisi)}"


def _buat(
    jenis: str, kunci: str, sengketa: Sengketa, penerima: Penerima, templat: str, konteks: dict
):
    with translation.override(settings.LANGUAGE_CODE):
        konteks = {**konteks, "sengketa": sengketa, "penerima": penerima}
        subjek = render_to_string(f"email/{templat}_subjek.txt", konteks).strip()
        isi = render_to_string(f"email/{templat}.txt", konteks)
        html = render_to_string(f"email/{templat}.html", konteks)
    notifikasi, dibuat = Notifikasi.objects.get_or_create(
        kunci=kunci,
        defaults={
            "sengketa": sengketa, "jenis": jenis, "saluran": SaluranNotifikasi.EMAIL,
            "penerima": penerima.nama, "alamat": penerima.email, "subjek": subjek[:250],
            "isi": isi, "isi_html": html,
        },
    )  # fmt: skip
    if dibuat:
        transaction.on_commit(lambda: async_task("workflows.notifikasi.kirim", notifikasi.pk))
    return notifikasi


def _panggilan(peristiwa: Peristiwa, sidang_id: int) -> None:
    sidang = Sidang.objects.select_related("sengketa__komisi").get(pk=sidang_id)
    for surat in Panggilan.objects.filter(sidang=sidang).select_related("pihak", "kuasa"):
        tujuan = surat.kuasa or surat.pihak
        if not tujuan.email or not mau_email(tujuan):
            continue
        _buat(
            "panggilan", f"panggilan:{surat.pk}", sidang.sengketa,
            Penerima(tujuan.nama, tujuan.email), "panggilan",
            {"sidang": sidang, "surat": surat, "waktu": _waktu_sidang(sidang),
             "dipindah": peristiwa.nama != "jadwalkan_sidang"},
        )  # fmt: skip


def _putusan(peristiwa: Peristiwa) -> None:
    sengketa = Sengketa.objects.select_related("komisi").get(pk=peristiwa.sengketa_id)
    for pihak, penerima in _penerima_pihak(sengketa):
        _buat(
            "putusan_tersedia", f"putusan:{sengketa.pk}:{peristiwa.riwayat_id}:{penerima.email}",
            sengketa, penerima, "putusan", {"pihak": pihak},
        )  # fmt: skip


def terima_peristiwa(peristiwa: Peristiwa) -> None:
    """Receiver of workflows.kait: runs after the service's transaction committed."""
    with transaction.atomic():
        if peristiwa.nama == "jadwalkan_sidang":
            _panggilan(peristiwa, peristiwa.data["sidang"])
        elif peristiwa.nama in ("tunda_sidang", "pindahkan_sidang"):
            _panggilan(peristiwa, peristiwa.data["sidang_berikutnya"])
        elif peristiwa.nama in ("bacakan_putusan", "mediasi_berhasil"):
            _putusan(peristiwa)


def kirim(notifikasi_id: int) -> str:
    """django-q2 task. Delivery is at least once, so a sent notification is never resent."""
    with transaction.atomic():
        n = Notifikasi.objects.select_for_update().get(pk=notifikasi_id)
        if n.status == StatusNotifikasi.TERKIRIM:
            return n.status
        try:
            SALURAN[n.saluran].kirim(n)
        except Exception as galat:
            n.status, n.galat = StatusNotifikasi.GAGAL, f"{type(galat).__name__}: {galat}"
        else:
            n.status, n.galat, n.dikirim_pada = StatusNotifikasi.TERKIRIM, "", timezone.now()
        n.save(update_fields=["status", "galat", "dikirim_pada"])
        return n.status


def _penerima_staf(sengketa: Sengketa) -> list[Penerima]:
    staf = sengketa.penugasan.filter(aktif=True).select_related("pengguna")
    return [
        Penerima(p.pengguna.get_full_name() or p.pengguna.get_username(), p.pengguna.email)
        for p in staf
        if p.pengguna.email
    ]


def pengingat_sidang(komisi, hari) -> int:
    """Reminders 2 HK and 1 HK before each scheduled hearing, to the parties and the majelis
    (issue 3). Called by the daily sweep; `kunci` makes a second sweep of the day a no-op."""
    from sengketa.kalender import Kalender
    from sengketa.waktu import tanggal_lokal

    kal = Kalender.untuk(komisi)
    sasaran = {kal.tambah(hari, 1): 1, kal.tambah(hari, 2): 2}
    jumlah = 0
    terjadwal = Sidang.objects.filter(
        sengketa__komisi=komisi, status="dijadwalkan", mulai__date__gte=hari
    ).select_related("sengketa__komisi")
    for sidang in terjadwal:
        sisa = sasaran.get(tanggal_lokal(komisi, sidang.mulai))
        if sisa is None:
            continue
        s = sidang.sengketa
        tujuan = [r for _p, r in _penerima_pihak(s)] + _penerima_staf(s)
        for r in tujuan:
            _buat(
                "pengingat_sidang", f"pengingat:{sidang.pk}:{sisa}:{r.email}", s, r,
                "pengingat", {"sidang": sidang, "waktu": _waktu_sidang(sidang), "sisa": sisa},
            )  # fmt: skip
            jumlah += 1
    return jumlah


def _staf_panitera(komisi) -> list[Penerima]:
    from django.contrib.auth import get_user_model

    pengguna = get_user_model().objects.filter(
        groups__name="panitera", keanggotaan_komisi__komisi=komisi,
        keanggotaan_komisi__aktif=True, is_active=True,
    ).exclude(email="")  # fmt: skip
    return [Penerima(u.get_full_name() or u.get_username(), u.email) for u in pengguna]


def peringatan_tenggat(komisi, tenggat: list) -> int:
    """Staff are told when a deadline of their case turns 'mendekati' or 'hari_ini' (the
    daily sweep passes the rows whose light just changed): the case's majelis, PP and
    mediator, or the registry while no one is assigned yet."""
    jumlah = 0
    for t in tenggat:
        if t.status not in ("mendekati", "hari_ini"):
            continue
        s = t.sengketa
        for r in _penerima_staf(s) or _staf_panitera(komisi):
            _buat(
                "tenggat_mendekati", f"tenggat:{t.pk}:{t.status}:{t.tanggal}:{r.email}", s, r,
                "tenggat", {"tenggat": t},
            )  # fmt: skip
            jumlah += 1
    return jumlah
