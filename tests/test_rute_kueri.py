"""The queries every step runs, compiled once per process (sengketa.kueri_terkompilasi),
return what the ORM returns for the same queryset."""

import pytest
from django.db import transaction
from django.db.transaction import TransactionManagementError

from sengketa.models import Sengketa
from tests.kasus import kasus
from workflows import rute
from workflows.layanan.dasar import kunci_sengketa

pytestmark = pytest.mark.django_db


def nilai(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def test_kunci_sengketa_sama_dengan_orm(persona, django_assert_num_queries):
    sk = kasus(persona, "mediasi")
    lain = kasus(persona, "diterima")
    with transaction.atomic():
        for s in (sk.sengketa, lain.sengketa, sk.sengketa):  # compiled once, run thrice
            orm = Sengketa.objects.select_related("komisi").get(pk=s.pk)
            with django_assert_num_queries(1):
                terkunci = kunci_sengketa(s.pk)
                assert nilai(terkunci.komisi) == nilai(orm.komisi)  # loaded with the case
            assert nilai(terkunci) == nilai(orm)
            assert not terkunci._state.adding and terkunci._state.db == "default"
        with pytest.raises(Sengketa.DoesNotExist):
            kunci_sengketa(0)


@pytest.mark.django_db(transaction=True)
def test_kunci_di_luar_transaksi_ditolak_seperti_orm(persona):
    sk = kasus(persona, "diterima")
    with transaction.atomic():
        kunci_sengketa(sk.id)
        rute.kunci_proses_dan_tugas(sk.id)
    with pytest.raises(TransactionManagementError):
        kunci_sengketa(sk.id)
    with pytest.raises(TransactionManagementError):
        rute.kunci_proses_dan_tugas(sk.id)


@pytest.mark.parametrize("status", ["diterima", "mediasi", "diputus", "selesai_mediasi"])
def test_tugas_terbuka_dibaca_bersama_kunci_sama_dengan_orm(persona, status):
    sk = kasus(persona, status)
    orm = rute.tugas_terbuka(sk.id)
    with transaction.atomic():
        terkunci = rute.kunci_proses_dan_tugas(sk.id)
    if orm is None:
        assert terkunci is None
        return
    assert terkunci == (
        orm.pk,
        orm.process_id,
        orm.status,
        orm.owner_id,
        orm.token,
        orm.flow_task,
    )
