"""The background queue's own costs (issue 4, benchmarks/bench_antrean_panggilan.py): what a
worker, the monitor and the enqueueing do per document must not grow with what is stored,
and the cheaper paths keep the guarantees: every format queued once, a task that lost the
race to another delivery changes nothing, attempts counted from the row as it is now."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import Failure, OrmQ, Success, Task
from django_q.signing import SignedPackage

from dokumen import tugas
from dokumen.layanan import dokumen_siapkan
from dokumen.models import Dokumen, JenisDokumen, StatusDokumen
from sengketa.models import StatusSengketa as S
from tests.kasus import kasus

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_orm(monkeypatch, settings):
    """The ORM broker, tasks queued for a worker (not run in-process)."""
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": False}
    monkeypatch.setattr(Conf, "ORM", "default")
    monkeypatch.setattr(Conf, "REDIS", None)


@pytest.fixture
def tanda_terima(persona, settings, tmp_path):
    """A pending receipt (PDF) of a received case; its task not run yet."""
    settings.MEDIA_ROOT = tmp_path
    sk = kasus(persona, S.DITERIMA).sengketa
    return dokumen_siapkan(sengketa=sk, jenis=JenisDokumen.TANDA_TERIMA, subjek="u", nomor="1")[0]


def tugas_terantre() -> list[int]:
    return sorted(SignedPackage.loads(q.payload)["args"][0] for q in OrmQ.objects.all())


def test_setiap_format_surat_diantrekan_sekali_dalam_satu_transaksi(
    persona, broker_orm, django_capture_on_commit_callbacks, monkeypatch
):
    import django_q.tasks

    asli = django_q.tasks.async_task
    dalam_transaksi = []

    def async_task(*a, **k):
        dalam_transaksi.append(not transaction.get_autocommit())
        return asli(*a, **k)

    monkeypatch.setattr(django_q.tasks, "async_task", async_task)
    sk = kasus(persona, S.DITERIMA).sengketa
    OrmQ.objects.all().delete()
    pihak = sk.pihak_dengan_peran("pemohon")
    with django_capture_on_commit_callbacks(execute=True):
        surat = dokumen_siapkan(
            sengketa=sk, jenis=JenisDokumen.PANGGILAN, subjek="s1", nomor="9", pihak=pihak
        )
    assert {d.format for d in surat} == {"pdf", "docx"}
    assert tugas_terantre() == sorted(d.pk for d in surat)
    # Both tasks of the letter in one transaction: one commit on the ORM broker.
    assert dalam_transaksi == [True, True]
    # Announced again (a retried hook): the rows exist, nothing more is queued.
    with django_capture_on_commit_callbacks(execute=True):
        lagi = dokumen_siapkan(
            sengketa=sk, jenis=JenisDokumen.PANGGILAN, subjek="s1", nomor="9", pihak=pihak
        )
    assert [d.pk for d in lagi] == [d.pk for d in surat]
    assert tugas_terantre() == sorted(d.pk for d in surat)


def test_antrean_gagal_tidak_meninggalkan_separuh_surat(
    persona, broker_orm, django_capture_on_commit_callbacks, monkeypatch
):
    """The broker refuses the second task: neither is queued, both rows stay pending for the
    safety net (dokumen.tugas.antre_ulang_tertunda), and the legal act stays committed."""
    import django_q.tasks

    asli = django_q.tasks.async_task
    panggilan = []

    def async_task(*a, **k):
        panggilan.append(a)
        if len(panggilan) == 2:
            raise ConnectionError("broker hilang")
        return asli(*a, **k)

    monkeypatch.setattr(django_q.tasks, "async_task", async_task)
    sk = kasus(persona, S.DITERIMA).sengketa
    OrmQ.objects.all().delete()
    with (
        pytest.raises(ConnectionError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        surat = dokumen_siapkan(
            sengketa=sk,
            jenis=JenisDokumen.PANGGILAN,
            subjek="s2",
            nomor="10",
            pihak=sk.pihak_dengan_peran("pemohon"),
        )
    assert not OrmQ.objects.exists()
    rows = Dokumen.objects.filter(pk__in=[d.pk for d in surat])
    assert [d.status for d in rows] == [StatusDokumen.MENUNGGU] * 2


def test_tugas_yang_kalah_balapan_tidak_mengubah_apa_pun(tanda_terima):
    """A delivery loaded the row, rendered, and meanwhile another delivery issued it: the
    late one writes nothing (not the file, not the hash, not the attempts)."""
    terlambat = tugas._muat(tanda_terima.pk)
    isi = tugas._isi(terlambat)
    assert tugas.buat_dokumen(tanda_terima.pk) == StatusDokumen.SIAP
    terbit = Dokumen.objects.get(pk=tanda_terima.pk)
    assert tugas._simpan(terlambat, isi + b"%beda") == StatusDokumen.SIAP
    sekarang = Dokumen.objects.get(pk=tanda_terima.pk)
    assert (sekarang.berkas.name, sekarang.sha256, sekarang.percobaan) == (
        terbit.berkas.name,
        terbit.sha256,
        1,
    )


def test_percobaan_dihitung_dari_baris_saat_dikunci(tanda_terima):
    """A failure recorded after this delivery loaded the row still counts as an attempt."""
    dimuat = tugas._muat(tanda_terima.pk)
    isi = tugas._isi(dimuat)
    tugas._catat_gagal(tanda_terima.pk, RuntimeError("percobaan lain gagal"))
    assert tugas._simpan(dimuat, isi) == StatusDokumen.SIAP
    d = Dokumen.objects.get(pk=tanda_terima.pk)
    assert (d.status, d.percobaan, d.galat) == (StatusDokumen.SIAP, 2, "")
    with d.berkas.open("rb") as f:
        import hashlib

        assert hashlib.sha256(f.read()).hexdigest() == d.sha256


def _hasil(sukses: bool, umur: timedelta) -> Task:
    selesai = timezone.now() - umur
    return Task.objects.create(
        id=uuid4().hex,
        name=uuid4().hex,
        func=tugas.TUGAS,
        args=(1,),
        kwargs={},
        started=selesai,
        stopped=selesai,
        result="siap" if sukses else "galat",
        success=sukses,
        attempt_count=1,
    )


def test_monitor_tidak_membaca_semua_sukses_setiap_tugas():
    """Q_CLUSTER["save_limit"] = 0: recording a result costs the same few queries however
    many successes are stored (django-q2 prunes by locking and reading all of them)."""
    from django_q.brokers import get_broker
    from django_q.monitor import save_task

    assert Conf.SAVE_LIMIT == 0
    for _ in range(30):
        _hasil(True, timedelta(minutes=1))
    kini = timezone.now()
    paket = {
        "id": uuid4().hex,
        "name": "uji",
        "func": tugas.TUGAS,
        "args": (7,),
        "kwargs": {},
        "started": kini,
        "stopped": kini,
        "result": "siap",
        "success": True,
        "sync": True,  # keeps the test's connection (a monitor process would reopen its own)
    }
    with CaptureQueriesContext(connection) as q:
        save_task(paket, get_broker())
    assert Success.objects.filter(id=paket["id"]).exists()
    assert not [x for x in q.captured_queries if "FOR UPDATE" in x["sql"]]
    assert len(q.captured_queries) <= 3, [x["sql"] for x in q.captured_queries]


def test_sukses_lama_dibuang_kegagalan_tetap():
    lama = _hasil(True, timedelta(days=tugas.SUKSES_DISIMPAN_HARI + 1))
    baru = _hasil(True, timedelta(days=tugas.SUKSES_DISIMPAN_HARI - 1))
    gagal_lama = _hasil(False, timedelta(days=30))
    assert tugas.buang_sukses_lama() == 1
    assert not Task.objects.filter(pk=lama.pk).exists()
    assert Success.objects.filter(pk=baru.pk).exists()
    assert Failure.objects.filter(pk=gagal_lama.pk).exists()


def test_pasang_jadwal_membuang_sukses_lama_setiap_hari():
    from django.core.management import call_command
    from django_q.models import Schedule

    call_command("pasang_jadwal")
    call_command("pasang_jadwal")
    jadwal = Schedule.objects.get(name="buang_sukses_lama")
    assert jadwal.func == "dokumen.tugas.buang_sukses_lama"
    assert jadwal.schedule_type == Schedule.DAILY and jadwal.repeats == -1


def test_dokumen_dimuat_dengan_satu_query(bangun):
    """A worker loads a summons with everything its letter reads in one query (rows met
    twice, the commission, the hearing and the addressee, joined once and shared)."""
    s = bangun(S.PEMERIKSAAN_AWAL).sengketa
    surat = Dokumen.objects.filter(sengketa=s, jenis=JenisDokumen.PANGGILAN).first()
    with CaptureQueriesContext(connection) as q:
        d = tugas._muat(surat.pk)
        dibaca = (
            d.komisi.kode,
            d.sengketa.komisi.kota,
            d.panggilan.sidang.mulai,
            d.panggilan.pihak.nama,
            d.panggilan.kuasa,
            d.riwayat and d.riwayat.oleh,
            d.sidang.pk,
            d.pihak.pk,
        )
    assert len(q.captured_queries) == 1
    assert dibaca[0] == s.komisi.kode
    assert (d.panggilan.sidang, d.panggilan.pihak, d.komisi) == (d.sidang, d.pihak, s.komisi)
