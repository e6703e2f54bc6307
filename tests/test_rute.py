"""The routing writes the task rows viewflow's activations would have written (the inbox, the
task pages and the process chart read them), in a few statements of its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from viewflow.workflow.models import Task

from sengketa.models import StatusSengketa
from tests.kasus import MULAI, kasus
from workflows import rute
from workflows.alur import TUGAS_PER_STATUS, AlurSengketa
from workflows.models import ProsesSengketa

pytestmark = pytest.mark.django_db

WAKTU = ("created", "assigned", "started", "finished")


def jejak(sengketa_id: int) -> list:
    """Every process of the case with its tasks in creation order: what each row holds,
    with primary keys as positions in the chain and timestamps as present or not (their
    order is checked on its own: viewflow's own start task is `started` before `created`,
    so only assigned <= started <= finished within a task)."""
    hasil = []
    for proses in ProsesSengketa.objects.filter(sengketa_id=sengketa_id).order_by("pk"):
        tugas = list(Task.objects.filter(process=proses).order_by("pk"))
        urutan = {t.pk: i for i, t in enumerate(tugas)}
        baris = []
        for t in tugas:
            waktu = [getattr(t, m) for m in WAKTU]
            ada = [w for w in waktu[1:] if w is not None]
            assert ada == sorted(ada), f"{t.flow_task}: {waktu}"
            baris.append(
                (
                    t.flow_task.name,
                    t.flow_task_type,
                    t.status,
                    str(t.token),
                    t.owner_id,
                    t.owner_permission,
                    t.owner_permission_content_type_id,
                    t.owner_permission_obj_pk,
                    t.data,
                    t.seed_content_type_id,
                    t.artifact_content_type_id,
                    t.external_task_id,
                    t.scheduled,
                    tuple(w is None for w in waktu),
                    sorted(urutan[p.pk] for p in t.previous.all()),
                )
            )
        dibuat = [t.created for t in tugas]
        assert dibuat == sorted(dibuat)
        hasil.append(
            (proses.flow_class, proses.status, proses.finished is None, proses.data, baris)
        )
    return hasil


@pytest.fixture
def lewat_viewflow(monkeypatch):
    """Route through viewflow's activations, as before the direct path existed."""

    def aktifkan():
        monkeypatch.setattr(rute, "jalur_langsung", lambda simpul: False)

    return aktifkan


@pytest.mark.parametrize("status", [s.value for s in StatusSengketa])
def test_baris_tugas_sama_dengan_viewflow(persona, lewat_viewflow, status):
    langsung = kasus(persona, status)
    lewat_viewflow()
    acuan = kasus(persona, status)
    assert jejak(langsung.id) == jejak(acuan.id)
    if status == StatusSengketa.DILIMPAHKAN:
        assert jejak(langsung.sengketa.dilimpahkan_ke.pk) == jejak(acuan.sengketa.dilimpahkan_ke.pk)


def test_tugas_milik_orang_lain_dan_sapuan_sistem_sama_dengan_viewflow(persona, lewat_viewflow):
    """A task reassigned to someone else (ASSIGNED or STARTED) and then done by the registrar,
    and the daily sweep closing a task without a user."""
    from workflows.sapuan import sapu_harian

    def jalankan():
        a = kasus(persona, "diterima")
        b = kasus(persona, "diterima")
        Task.objects.filter(pk=rute.tugas_terbuka(a.id).pk).update(
            owner=persona.aktor.pp, status="ASSIGNED"
        )
        Task.objects.filter(pk=rute.tugas_terbuka(b.id).pk).update(
            owner=persona.aktor.panitera, status="STARTED"
        )
        a.registrasi(MULAI)
        b.registrasi(MULAI)
        c = kasus(persona, "menunggu_kelengkapan")
        sapu_harian(persona.komisi.kode)
        return [jejak(x.id) for x in (a, b, c)]

    langsung = jalankan()
    lewat_viewflow()
    assert langsung == jalankan()


def test_setiap_simpul_tugas_alur_lewat_jalur_langsung():
    """The flow uses nothing the direct path does not write (an .Assign() owner, onCreate,
    boundary events...): if it ever does, this fails and routing falls back to viewflow."""
    for nama in TUGAS_PER_STATUS.values():
        assert rute.jalur_langsung(getattr(AlurSengketa, nama)), nama


def _kueri_rute(monkeypatch) -> list:
    """Queries of each routing step inside the services, in order."""
    from workflows.layanan import dasar

    dicatat = []

    def rute_tercatat(sengketa, oleh, tugas=None):
        with CaptureQueriesContext(connection) as q:
            rute.rute_setelah_transisi(sengketa, oleh, tugas)
        dicatat.append([x["sql"] for x in q.captured_queries])

    monkeypatch.setattr(dasar, "rute_setelah_transisi", rute_tercatat)
    return dicatat


def test_rute_tiga_kueri_tanpa_savepoint(persona, monkeypatch):
    """The open task was read with the flow's lock: closed, Switch and next task inserted,
    links inserted; at the End the process is finished in one more UPDATE."""
    sk = kasus(persona, "mediasi")
    dicatat = _kueri_rute(monkeypatch)
    sk.mediasi_berhasil(sk.hk(MULAI, 12))
    assert [len(q) for q in dicatat] == [4]
    assert not any("SAVEPOINT" in x for x in dicatat[0])

    dicatat.clear()
    sk = kasus(persona, "diterima")
    sk.registrasi(MULAI)
    assert [len(q) for q in dicatat] == [3]
    assert not any("SAVEPOINT" in x for x in dicatat[0])
