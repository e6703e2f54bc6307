"""Notifications go out after commit, never for a rolled-back step, and never twice."""

import pytest
from django.core import mail
from django.db import transaction
from django_q.conf import Conf

from sengketa.waktu import hari_ini
from tests.kasus import kasus
from workflows.layanan.sidang import sidang_jadwalkan
from workflows.models import Notifikasi
from workflows.notifikasi import kirim

pytestmark = pytest.mark.django_db


@pytest.fixture
def q_sinkron(monkeypatch):
    monkeypatch.setattr(Conf, "SYNC", True)


def jadwalkan(sk):
    hari = sk.hk(hari_ini(sk.komisi), 6)
    return sidang_jadwalkan(
        sengketa_id=sk.id, oleh=sk.aktor.pp, jenis="pemeriksaan_awal", mulai=sk.pukul(hari),
        ruang="Ruang Sidang Utama", tempat="Kantor KIP Kalimantan Timur",
    ).sidang  # fmt: skip


def test_panggilan_dikirim_lewat_email_setelah_commit(
    persona, q_sinkron, django_capture_on_commit_callbacks
):
    sk = kasus(persona, "pemeriksaan_awal")
    with django_capture_on_commit_callbacks(execute=True):
        sidang = jadwalkan(sk)
    notifikasi = Notifikasi.objects.get(jenis="panggilan")
    assert notifikasi.status == "terkirim" and notifikasi.alamat == "budi@example.org"
    assert len(mail.outbox) == 1
    pesan = mail.outbox[0]
    assert pesan.to == ["budi@example.org"] and sidang.panggilan.first().nomor in pesan.body
    assert sk.sengketa.nomor_register in pesan.subject


def test_tidak_ada_notifikasi_bila_transaksi_dibatalkan(
    persona, q_sinkron, django_capture_on_commit_callbacks
):
    sk = kasus(persona, "pemeriksaan_awal")
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                jadwalkan(sk)
                raise RuntimeError("batal")
        except RuntimeError:
            pass
    assert not Notifikasi.objects.exists() and mail.outbox == []


def test_tugas_kirim_diulang_tidak_mengirim_dua_kali(
    persona, q_sinkron, django_capture_on_commit_callbacks
):
    sk = kasus(persona, "pemeriksaan_awal")
    with django_capture_on_commit_callbacks(execute=True):
        jadwalkan(sk)
    notifikasi = Notifikasi.objects.get()
    assert kirim(notifikasi.pk) == "terkirim"
    assert len(mail.outbox) == 1


def test_kegagalan_pengiriman_dicatat(
    persona, q_sinkron, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.test_notifikasi.BackendRusak"
    sk = kasus(persona, "pemeriksaan_awal")
    with django_capture_on_commit_callbacks(execute=True):
        jadwalkan(sk)
    notifikasi = Notifikasi.objects.get()
    assert notifikasi.status == "gagal" and "SMTP mati" in notifikasi.galat


class BackendRusak:
    def __init__(self, *a, **kw):
        pass

    def send_messages(self, pesan):
        raise ConnectionError("SMTP mati")


def test_pengingat_sidang_2_dan_1_hk_sebelumnya_sekali_saja(
    persona, q_sinkron, django_capture_on_commit_callbacks
):
    from workflows.sapuan import sapu_harian

    sk = kasus(persona, "pemeriksaan_awal")
    hari = hari_ini(persona.komisi)
    for n, jam in ((1, 9), (2, 13), (4, 9)):
        sidang_jadwalkan(
            sengketa_id=sk.id, oleh=sk.aktor.pp, jenis="pemeriksaan_awal",
            mulai=sk.pukul(sk.hk(hari, n), jam), ruang="Ruang Sidang Utama",
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        laporan = sapu_harian("KIP-KALTIM")[0]
        sapu_harian("KIP-KALTIM")
    # Two hearings (in 1 and 2 HK), none for the one in 4 HK; each to the applicant (the
    # respondent has no e-mail here) and the majelis and PP: 2 x (1 + 4).
    assert laporan.pengingat == 10
    pengingat = Notifikasi.objects.filter(jenis="pengingat_sidang")
    assert pengingat.count() == 10
    assert pengingat.filter(alamat=persona.aktor.pp.email).count() == 2


def test_staf_diberi_tahu_saat_tenggat_menjadi_mendekati(
    persona, q_sinkron, django_capture_on_commit_callbacks
):
    from sengketa.models import Tenggat
    from workflows.sapuan import sapu_harian

    sk = persona.skenario()
    hari = hari_ini(persona.komisi)
    sk.terima(sk.hk(hari, -7)).registrasi(sk.hk(hari, -6))  # no majelis yet: the registry
    Tenggat.objects.filter(sengketa_id=sk.id).update(status="aman")
    with django_capture_on_commit_callbacks(execute=True):
        laporan = sapu_harian("KIP-KALTIM")[0]
        sapu_harian("KIP-KALTIM")  # the light does not change again: nobody is told twice
    # mulai_penyelesaian (14 HK after registration) is 8 HK away: within 10, "mendekati".
    peringatan = Notifikasi.objects.filter(jenis="tenggat_mendekati")
    assert laporan.peringatan_tenggat == peringatan.count() == 1
    assert peringatan.get().alamat == persona.panitera.email
    assert "Mulai" in peringatan.get().subjek or "mulai" in peringatan.get().subjek.lower()
