"""The deadline sync reads a case's inputs in its own statements (workflows.layanan.tenggat:
the hearings with their summonses in one, the receipts, parties and court objections in
one); the deadlines it computes from them must be exactly those hitung_tenggat computes from
the ORM's instance, in the same order, for a case in every status and after a correction
that cancels receipts.
"""

import pytest

from sengketa.kalender import Kalender
from sengketa.models import PenerimaanSalinan, Sengketa, Tenggat
from sengketa.models import StatusSengketa as S
from sengketa.tenggat import hitung_tenggat
from tests.kasus import PEMBANGUN, kasus
from workflows import layanan as L
from workflows.layanan import tenggat as layanan_tenggat

pytestmark = pytest.mark.django_db


def sama_dengan_orm(pk: int) -> list:
    s = Sengketa.objects.select_related("komisi").get(pk=pk)
    kal = Kalender.untuk(s.komisi)
    dibaca = hitung_tenggat(layanan_tenggat._masukan(s), kal)
    assert dibaca == hitung_tenggat(Sengketa.objects.select_related("komisi").get(pk=pk), kal)
    return dibaca


def tersimpan_sesuai(pk: int) -> None:
    """The stored running rows are the recomputation's (the sync wrote what it computed)."""
    spes = {x.kunci: (x.tanggal, x.aktif, x.terpenuhi_pada) for x in sama_dengan_orm(pk)}
    baris = {
        (t.kode, t.pihak_id, t.sidang_id): (t.tanggal, t.aktif, t.terpenuhi_pada)
        for t in Tenggat.objects.filter(sengketa_id=pk)
        if (t.kode, t.pihak_id, t.sidang_id) in spes or t.aktif
    }
    assert baris == spes


@pytest.mark.parametrize("status", list(PEMBANGUN))
def test_masukan_sama_dengan_orm_di_setiap_status(persona, status):
    kasus(persona, status)
    for pk in Sengketa.objects.values_list("pk", flat=True):
        tersimpan_sesuai(pk)


def test_keberatan_dan_salinan_dibaca(persona):
    sk = kasus(persona, S.KEBERATAN_PENGADILAN)
    kode = {x.kode for x in sama_dengan_orm(sk.id)}
    assert {"salinan", "keberatan", "panggilan"} <= kode


def test_penerimaan_dibatalkan_tidak_dihitung(persona):
    sk = kasus(persona, S.DIPUTUS)
    d = sk.sengketa.tanggal_putusan
    sk.salinan_diterima(sk.hk(d, 2))
    assert any(x.kode == "keberatan" for x in sama_dengan_orm(sk.id))
    L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="Putusan salah dibacakan")
    assert PenerimaanSalinan.objects.filter(sengketa_id=sk.id, dibatalkan=True).exists()
    assert not any(x.kode == "keberatan" for x in sama_dengan_orm(sk.id))
    tersimpan_sesuai(sk.id)
