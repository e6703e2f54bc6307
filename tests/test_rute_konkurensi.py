"""The open task a step reads with the flow's lock, on PostgreSQL (skipped on SQLite, where
writers are serialised by the IMMEDIATE transaction mode).

The lock statement of a step (`kunci_proses_dan_tugas`) returns the open task as its
snapshot saw it: when the statement had to wait for the lock, the transaction that held it
may have changed the task. The step must then close the task as it is now, not as it was.
"""

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone
from viewflow.workflow.models import Task

from tests.kasus import MULAI, kasus
from tests.test_konkurensi import BATAS_WAKTU, pengguna
from workflows import rute
from workflows.layanan import sengketa_registrasi

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_langkah_menunggu_kunci_menutup_tugas_yang_kini_terbuka(persona):
    """Another transaction holds the flow's lock and replaces the open task (cancels it and
    opens a new one, as viewflow's undo/revive does) while a registration waits: the
    registration closes the new task, the cancelled one stays cancelled, one task is open."""
    sk = kasus(persona, "diterima")
    lama = rute.tugas_terbuka(sk.id)
    terkunci, hasil = threading.Event(), {}

    def pemegang_kunci():
        try:
            with transaction.atomic():
                rute.kunci_proses(sk.id)
                terkunci.set()
                # Long enough for the registration's lock statement to start and wait.
                threading.Event().wait(0.5)
                Task.objects.filter(pk=lama.pk).update(status="CANCELED", finished=timezone.now())
                baru = Task.objects.create(
                    process_id=lama.process_id,
                    flow_task=lama.flow_task,
                    token=lama.token,
                    owner_permission=lama.owner_permission,
                )
                baru.previous.add(*lama.previous.all())
                hasil["baru"] = baru.pk
        finally:
            connection.close()

    def registrasi():
        try:
            terkunci.wait(BATAS_WAKTU)
            sengketa_registrasi(
                sengketa_id=sk.id, oleh=pengguna(persona.aktor.panitera), tanggal=MULAI
            )
        except Exception as galat:  # checked below
            hasil["galat"] = galat
        finally:
            connection.close()

    benang = [threading.Thread(target=f) for f in (pemegang_kunci, registrasi)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(BATAS_WAKTU)
    assert not any(b.is_alive() for b in benang), "a thread hung (deadlock?)"
    assert "galat" not in hasil, hasil.get("galat")

    lama.refresh_from_db()
    ditutup = Task.objects.get(pk=hasil["baru"])
    assert lama.status == "CANCELED"
    assert ditutup.status == "DONE" and ditutup.owner_id == persona.aktor.panitera.pk
    terbuka = rute.tugas_terbuka(sk.id)
    assert terbuka.flow_task.name == "tetapkan_majelis"
    assert [t.pk for t in terbuka.previous.get().previous.all()] == [ditutup.pk]
