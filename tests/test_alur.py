"""viewflow routes the work, the FSM status is the truth: after every step of every path the
case's one open task is the task of its status (a terminal status has none)."""

import pytest

from sengketa.models import StatusSengketa
from tests.kasus import kasus
from workflows import layanan as L
from workflows.alur import TERMINAL, TUGAS_PER_STATUS
from workflows.models import ProsesSengketa
from workflows.rute import TUGAS_TERBUKA, tugas_terbuka

pytestmark = pytest.mark.django_db


def cocok(sengketa):
    """The open task (if any) belongs to the case's current status; exactly one open."""
    sengketa.refresh_from_db()
    terbuka = [
        t for p in ProsesSengketa.objects.filter(sengketa=sengketa)
        for t in p.task_set.filter(status__in=TUGAS_TERBUKA, flow_task_type="HUMAN")
    ]  # fmt: skip
    if sengketa.status in TERMINAL:
        assert terbuka == []
        assert not ProsesSengketa.objects.filter(sengketa=sengketa).exclude(status="DONE").exists()
    else:
        assert [t.flow_task.name for t in terbuka] == [TUGAS_PER_STATUS[sengketa.status]]


def test_setiap_status_bukan_akhir_punya_tugas():
    assert set(TUGAS_PER_STATUS) | TERMINAL == {s.value for s in StatusSengketa}
    assert not set(TUGAS_PER_STATUS) & TERMINAL


@pytest.mark.parametrize("status", [s.value for s in StatusSengketa])
def test_tugas_terbuka_sesuai_status_di_setiap_jalur(persona, status):
    sk = kasus(persona, status)
    cocok(sk.sengketa)
    for s in (sk.sengketa, getattr(sk.sengketa, "dilimpahkan_ke", None)):
        if s is not None:
            cocok(s)


def test_setiap_langkah_jalur_lengkap_menjaga_tugas_sesuai_status(persona):
    sk = persona.skenario()
    langkah = [
        lambda d: sk.terima(d),
        lambda d: sk.registrasi(d),
        lambda d: sk.tetapkan_majelis(sk.hk(d, 2)),
        lambda d: sk.pemeriksaan_awal(sk.hk(d, 8)),
        lambda d: sk.mulai_mediasi(sk.hk(d, 8)),
        lambda d: sk.mediasi_gagal(sk.hk(d, 12)),
        lambda d: sk.tutup_pemeriksaan(sk.hk(d, 22)),
        lambda d: sk.bacakan_putusan(sk.hk(d, 32)),
        lambda d: sk.salinan_diterima(sk.hk(d, 34)),
        lambda d: sk.inkracht(sk.hk(d, 50)),
    ]
    from tests.kasus import MULAI

    for maju in langkah:
        maju(MULAI)
        cocok(sk.sengketa)
    assert sk.sengketa.status == "berkekuatan_hukum_tetap"


def test_tugas_ditutup_oleh_yang_melakukan_transisi(persona):
    sk = kasus(persona, "diterima")
    tugas = tugas_terbuka(sk.id)
    sk.registrasi(sk.sengketa.tanggal_diterima)
    tugas.refresh_from_db()
    assert tugas.status == "DONE" and tugas.owner == persona.panitera and tugas.assigned


def test_koreksi_dari_status_akhir_membuka_proses_baru(persona):
    sk = kasus(persona, "dicabut")
    cocok(sk.sengketa)
    s = L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="Surat pencabutan palsu")
    cocok(s)
    assert ProsesSengketa.objects.filter(sengketa=s).count() == 2


def test_sapuan_sistem_menutup_tugas_tanpa_pengguna(persona):
    from workflows.sapuan import sapu_harian

    sk = kasus(persona, "menunggu_kelengkapan")
    sapu_harian("KIP-KALTIM")
    cocok(sk.sengketa)
    assert sk.segarkan().sengketa.status == "tidak_diregistrasi"
