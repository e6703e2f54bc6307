import os

import pytest
from django.db import connection


def pytest_collection_modifyitems(config, items):
    """Tests that need PostgreSQL or Redis are skipped, with the reason shown, without them."""
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql"))
    skip_pg = pytest.mark.skip(reason="butuh PostgreSQL: set DATABASE_URL=postgres://...")
    skip_redis = pytest.mark.skip(reason="butuh Redis: set REDIS_URL=redis://...")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
        if "redis" in item.keywords and not os.environ.get("REDIS_URL"):
            item.add_marker(skip_redis)


@pytest.fixture(autouse=True)
def _hash_cepat(settings):
    """Password hashing is deliberately slow; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _batas_laju_bersih():
    """Rate-limit counters (DRF throttles, django cache) start at zero in every test: all
    test clients share one address, so counts would leak from test to test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def di_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def libur(db):
    """The official 2024-2026 holidays, as the app loads them."""
    from sengketa.libur import muat_csv

    muat_csv()


@pytest.fixture
def kaltim(db, libur):
    from tests.factories import BadanPublikFactory, KomisiFactory

    komisi = KomisiFactory()
    BadanPublikFactory(
        komisi=komisi, nama="Pemerintah Provinsi Kalimantan Timur", kategori="pemerintah_provinsi"
    )
    return komisi


@pytest.fixture
def pusat(db, libur):
    from tests.factories import BadanPublikFactory, KomisiFactory

    komisi = KomisiFactory(
        kode="KI-PUSAT",
        nama="Komisi Informasi Pusat",
        tingkat="pusat",
        zona_waktu="Asia/Jakarta",
        template_nomor_register="{seq:03}/{bulan_romawi}/KIP-PS/{tahun}",
        template_nomor_putusan="{seq:03}/{bulan_romawi}/KIP-PS-{jalur}/{tahun}",
    )
    BadanPublikFactory(komisi=komisi, nama="Kementerian Contoh", kategori="kementerian_lembaga")
    return komisi


class Persona:
    """The people of one commission: who may act, and a stranger from another commission."""

    def __init__(self, komisi, lain):
        from tests.factories import pengguna_dengan_peran as buat
        from workflows.skenario import Aktor

        self.komisi = komisi
        self.panitera = buat(komisi, "panitera")
        self.ketua = buat(komisi, "ketua", "komisioner")
        self.komisioner = [buat(komisi, "komisioner") for _ in range(5)]
        self.pp = buat(komisi, "panitera_pengganti")
        self.admin = buat(komisi, "admin")
        self.pemohon = buat(None, "pihak")
        self.pihak_lain = buat(None, "pihak")
        self.panitera_lain = buat(lain, "panitera")
        self.ketua_lain = buat(lain, "ketua", "komisioner")
        self.aktor = Aktor(
            panitera=self.panitera,
            ketua=self.ketua,
            ketua_majelis=self.komisioner[0],
            anggota=self.komisioner[1:3],
            pp=self.pp,
            mediator=self.komisioner[3],
            pemohon=self.pemohon,
        )

    def skenario(self):
        from workflows.skenario import Skenario

        return Skenario(self.komisi, self.aktor)


@pytest.fixture
def persona(kaltim, pusat):
    return Persona(kaltim, pusat)


@pytest.fixture
def sinkron(settings, tmp_path):
    """Background tasks run in-process (django-q2 `sync`), files go to a temporary
    MEDIA_ROOT, verification links to a fixed site."""
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": True}
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://sengketa.example.org"


@pytest.fixture
def bangun(sinkron, persona, django_capture_on_commit_callbacks):
    """Build a case in a status with the after-commit hooks (and so its documents) run."""
    from tests.kasus import kasus

    def _bangun(status):
        with django_capture_on_commit_callbacks(execute=True):
            return kasus(persona, status)

    return _bangun
