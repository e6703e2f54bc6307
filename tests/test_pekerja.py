"""The real background worker (issue 3): `manage.py qcluster` runs as a separate process
against the test database and renders the documents a transition enqueued, on the ORM
broker (every leg) and on Redis (when REDIS_URL is set; skipped with the reason otherwise).

The worker is another process, so it must see what the test wrote: the test commits
(`transaction=True`). On PostgreSQL the worker opens the test database itself. SQLite's test
database lives in memory, out of another process's reach: for these tests it is copied (schema
and all) into a file, which this process then uses too, so both sides share one database.
Every wait is bounded, and the worker's whole process group is always stopped.
"""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connections
from django_q.conf import Conf
from django_q.models import OrmQ, Success

from dokumen.models import Dokumen, StatusDokumen
from sengketa.kalender import kalender_reset
from tests.kasus import MULAI, kasus
from workflows import layanan as L

pytestmark = pytest.mark.django_db(transaction=True)

BATAS_TUNGGU = 90  # seconds for the worker to render the documents (it polls every second)
FUNGSI = "dokumen.tugas.buat_dokumen"


def _url_postgres(d: dict) -> str:
    pengguna = quote(d.get("USER") or "", safe="")
    sandi = f":{quote(d['PASSWORD'], safe='')}" if d.get("PASSWORD") else ""
    akun = f"{pengguna}{sandi}@" if pengguna else ""
    port = f":{d['PORT']}" if d.get("PORT") else ""
    return f"postgres://{akun}{d.get('HOST') or 'localhost'}{port}/{d['NAME']}"


@pytest.fixture
def basis_data_bersama(tmp_path):
    """The DATABASE_URL of the test database as the worker must open it."""
    asli = connections["default"]
    if asli.vendor == "postgresql":
        yield _url_postgres(asli.settings_dict)
        return
    if asli.vendor != "sqlite":
        pytest.skip(f"pekerja nyata tidak diuji pada basis data {asli.vendor}")
    berkas = tmp_path / "pekerja.sqlite3"
    asli.ensure_connection()
    tujuan = sqlite3.connect(berkas)
    asli.connection.backup(tujuan)  # the migrated test schema, with its rows
    tujuan.close()
    bersama = asli.__class__({**asli.settings_dict, "NAME": str(berkas)}, alias="default")
    connections["default"] = bersama
    try:
        yield f"sqlite:///{berkas}"
    finally:
        bersama.close()
        connections["default"] = asli
        kalender_reset()  # calendars cached from the file's rows must not leak into later tests


@pytest.fixture
def persona(basis_data_bersama, persona):
    """The conftest's people, created only once the shared database is in place."""
    return persona


class Pekerja:
    """`manage.py qcluster` in its own process group, its output in a log file."""

    def __init__(self, tmp_path: Path, database_url: str, redis_url: str | None):
        self.log = tmp_path / "qcluster.log"
        self.media = tmp_path / "media"
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
        env.update(
            DATABASE_URL=database_url,
            MEDIA_ROOT=str(self.media),
            VAR_DIR=str(tmp_path / "var"),
            DJANGO_SETTINGS_MODULE="config.settings",
            Q_WORKERS="1",
            PYTHONUNBUFFERED="1",
        )
        if redis_url:
            env["REDIS_URL"] = redis_url
        self.env = env
        self.proses = None

    def mulai(self):
        self.keluaran = self.log.open("wb")
        self.proses = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=self.keluaran,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: the cluster's children stop with it
        )

    def berhenti(self):
        """SIGTERM to the cluster's main process (it stops its children and exits in a few
        seconds; a signal to the whole group at once hangs its shutdown), then SIGKILL to
        whatever is left of the group."""
        if self.proses is None:
            return
        if self.proses.poll() is None:
            self.proses.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proses.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proses.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proses.wait(timeout=5)
        self.keluaran.close()

    def catatan(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


@pytest.fixture
def pekerja(tmp_path, basis_data_bersama):
    daftar = []

    def _buat(redis_url=None) -> Pekerja:
        p = Pekerja(tmp_path, basis_data_bersama, redis_url)
        daftar.append(p)
        return p

    yield _buat
    for p in daftar:
        p.berhenti()


def registrasi_mengantrekan_dokumen(persona) -> list[Dokumen]:
    """A case is registered (a transition, through its service); its documents are queued."""
    sk = kasus(persona, "diterima")
    L.sengketa_registrasi(sengketa_id=sk.id, oleh=persona.panitera, tanggal=MULAI)
    dokumen = list(Dokumen.objects.filter(sengketa_id=sk.id, riwayat__transisi="registrasi"))
    assert dokumen, "registrasi issues documents (workflows.penerbitan)"
    assert {d.status for d in dokumen} == {StatusDokumen.MENUNGGU}
    return dokumen


def tunggu_selesai(pekerja: Pekerja, dokumen: list[Dokumen]) -> list[Dokumen]:
    ids = [d.pk for d in dokumen]
    batas = time.monotonic() + BATAS_TUNGGU
    while time.monotonic() < batas:
        kini = list(Dokumen.objects.filter(pk__in=ids))
        if all(d.status not in (StatusDokumen.MENUNGGU,) for d in kini):
            return kini
        if pekerja.proses.poll() is not None:
            pytest.fail(
                f"qcluster berhenti sendiri ({pekerja.proses.returncode}):\n{pekerja.catatan()}"
            )
        time.sleep(0.5)
    pytest.fail(f"dokumen belum diproses setelah {BATAS_TUNGGU} detik:\n{pekerja.catatan()}")


def periksa_hasil(pekerja: Pekerja, dokumen: list[Dokumen]) -> None:
    import hashlib

    selesai = tunggu_selesai(pekerja, dokumen)
    for d in selesai:
        assert d.status == StatusDokumen.SIAP, (d, d.galat, pekerja.catatan())
        berkas = pekerja.media / d.berkas.name
        assert berkas.is_file(), berkas
        assert hashlib.sha256(berkas.read_bytes()).hexdigest() == d.sha256
    # Done by the cluster (a recorded success), not in this process.
    sukses = Success.objects.filter(func=FUNGSI).values_list("args", flat=True)
    assert {d.pk for d in dokumen} <= {args[0] for args in sukses}


def test_pekerja_orm_memproses_dokumen_dari_transisi(persona, pekerja, monkeypatch):
    monkeypatch.setattr(Conf, "ORM", "default")  # the ORM broker even where REDIS_URL is set
    dokumen = registrasi_mengantrekan_dokumen(persona)
    antre = set(OrmQ.objects.values_list("key", flat=True))
    assert antre == {Conf.CLUSTER_NAME}
    assert OrmQ.objects.count() >= len(dokumen)
    p = pekerja(redis_url=None)
    p.mulai()
    periksa_hasil(p, dokumen)


@pytest.mark.redis
def test_pekerja_redis_memproses_dokumen_dari_transisi(persona, pekerja, monkeypatch):
    import redis

    url = os.environ["REDIS_URL"]
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as galat:
        pytest.skip(f"Redis di {url} tidak dapat dihubungi: {galat}")
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", url)
    from django_q.brokers import get_broker

    sebelum = get_broker().queue_size()
    dokumen = registrasi_mengantrekan_dokumen(persona)
    assert get_broker().queue_size() >= sebelum + len(dokumen)
    assert not OrmQ.objects.exists()  # nothing went to the ORM broker
    p = pekerja(redis_url=url)
    p.mulai()
    periksa_hasil(p, dokumen)
