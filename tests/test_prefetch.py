"""sengketa.prefetch.isi_terkait leaves a page of cases what prefetch_related leaves them:
the rows without a query, the back-reference without a query, and a chained query that
still reads only that case's rows."""

import pytest
from django.db.models import Prefetch, prefetch_related_objects

from sengketa.models import Pihak, Sengketa, Tenggat
from sengketa.models.status import StatusSengketa as S
from sengketa.prefetch import isi_terkait
from tests.kasus import kasus

pytestmark = pytest.mark.django_db


def _halaman(persona, jumlah=3):
    for status in (S.TEREGISTRASI, S.DITERIMA, S.MEDIASI):
        kasus(persona, status)
    return list(Sengketa.objects.order_by("pk")[:jumlah])


def _isi(halaman):
    ids = [s.pk for s in halaman]
    pihak = list(Pihak.objects.filter(sengketa_id__in=ids).order_by("peran", "id"))
    isi_terkait(halaman, "pihak", pihak)
    isi_terkait(halaman, "tenggat", Tenggat.objects.filter(sengketa_id__in=ids, aktif=True))
    return pihak


def test_sama_dengan_prefetch_related_tanpa_query(persona, django_assert_num_queries):
    halaman = _halaman(persona)
    acuan = list(Sengketa.objects.order_by("pk")[: len(halaman)])
    prefetch_related_objects(
        acuan, "pihak", Prefetch("tenggat", queryset=Tenggat.objects.filter(aktif=True))
    )
    _isi(halaman)
    with django_assert_num_queries(0):
        for s, a in zip(halaman, acuan, strict=True):
            assert list(s.pihak.all()) == list(a.pihak.all())
            assert list(s.tenggat.all()) == list(a.tenggat.all())
            assert s.pihak.count() == a.pihak.count() == 2
            assert s.tenggat.exists() == a.tenggat.exists()
            assert s.pemohon == a.pemohon and s.termohon == a.termohon
            # Each row points back at its own case, without reading it.
            assert all(p.sengketa is s for p in s.pihak.all())


def test_query_berantai_hanya_untuk_perkaranya(persona, django_assert_num_queries):
    halaman = _halaman(persona)
    _isi(halaman)
    for s in halaman:
        with django_assert_num_queries(1):
            pemohon = list(s.pihak.filter(peran="pemohon"))
        assert pemohon == [s.pemohon]
        milik = list(Pihak.objects.filter(sengketa=s).order_by("-id"))
        with django_assert_num_queries(1):
            assert list(s.pihak.order_by("-id")) == milik
    # Given no rows, the relation answers empty without a query; a chained query still
    # reads the database, for this case only.
    s = halaman[0]
    isi_terkait([s], "tenggat", [])
    with django_assert_num_queries(0):
        assert list(s.tenggat.all()) == [] and not s.tenggat.exists()
    aktif = list(Tenggat.objects.filter(sengketa=s, aktif=True))
    assert aktif, "a registered case has running deadlines"
    with django_assert_num_queries(1):
        assert list(s.tenggat.filter(aktif=True)) == aktif


def test_bukan_relasi_balik_ditolak(persona):
    halaman = _halaman(persona, 1)
    with pytest.raises(ValueError, match="komisi"):
        isi_terkait(halaman, "komisi", [])
    assert isi_terkait([], "pihak", []) is None
