"""Backup and restore (issue 8, docs/operasi.md): a small data set with issued documents is
backed up with scripts/cadangan.py (pg_dump -Fc + tar of the media), restored into a new
database and a new media directory, and the two snapshots are identical: case states, history,
deadlines, document rows and the SHA-256 of every file. A change on the restored side is
found (the comparison can fail). PostgreSQL only: pg_dump/pg_restore need it."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from sengketa.models import StatusSengketa as S
from tests.kasus import kasus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _modul():
    spec = importlib.util.spec_from_file_location(
        "cadangan", settings.BASE_DIR / "scripts" / "cadangan.py"
    )
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


cadangan = _modul()


def url_db(nama: str) -> str:
    d = connection.settings_dict
    akun = quote(d.get("USER") or "", safe="")
    if d.get("PASSWORD"):
        akun += ":" + quote(d["PASSWORD"], safe="")
    port = f":{d['PORT']}" if d.get("PORT") else ""
    return f"postgres://{akun}@{d.get('HOST') or 'localhost'}{port}/{nama}"


def potret(db_url: str, media) -> dict:
    """scripts/cadangan.py potret in its own process, on that database and media directory."""
    env = {**os.environ, "DATABASE_URL": db_url, "MEDIA_ROOT": str(media)}
    hasil = subprocess.run(
        [sys.executable, "scripts/cadangan.py", "potret"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stderr
    return json.loads(hasil.stdout)


@pytest.fixture
def db_pulih():
    nama = f"{connection.settings_dict['NAME']}_pulih"
    url = url_db(nama)

    def hapus():
        subprocess.run(
            ["psql", "--no-psqlrc", "-q", url_db("postgres"), "-c",
             f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'],
            check=True, capture_output=True,
        )  # fmt: skip

    hapus()
    yield url
    hapus()


@pytest.mark.skipif(not shutil.which("pg_restore"), reason="butuh pg_dump/pg_restore")
def test_cadangan_dipulihkan_identik(
    persona, sinkron, tmp_path_factory, db_pulih, django_capture_on_commit_callbacks
):
    tmp_path = tmp_path_factory.mktemp("latihan")  # beside MEDIA_ROOT, not inside it
    with django_capture_on_commit_callbacks(execute=True):
        for status in (S.DITERIMA, S.TEREGISTRASI, S.MEDIASI, S.DIPUTUS):
            kasus(persona, status)
    media = settings.MEDIA_ROOT
    sumber = potret(url_db(connection.settings_dict["NAME"]), media)
    assert sumber["masalah"] == []
    assert sumber["ringkasan"]["dokumen_per_status"].get("siap", 0) >= 10
    assert len(sumber["media"]) == sum(sumber["ringkasan"]["dokumen_per_status"].values())

    cadangan.cadangkan(url_db(connection.settings_dict["NAME"]), media, tmp_path / "cadangan")
    media_pulih = tmp_path / "media-pulih"
    cadangan.pulihkan(tmp_path / "cadangan", db_pulih, media_pulih)
    pulih = potret(db_pulih, media_pulih)

    assert cadangan.bandingkan(sumber, pulih) == []
    assert pulih["ringkasan"] == sumber["ringkasan"]
    assert pulih["tabel"]["sengketa_riwayatstatus"] == sumber["tabel"]["sengketa_riwayatstatus"]

    # The comparison sees a changed history row and a changed file on the restored side.
    subprocess.run(
        ["psql", "--no-psqlrc", "-q", db_pulih, "-c",
         "UPDATE sengketa_riwayatstatus SET atas_nama = 'diubah' "
         "WHERE id = (SELECT min(id) FROM sengketa_riwayatstatus)"],
        check=True, capture_output=True,
    )  # fmt: skip
    satu = next(p for p in sorted(media_pulih.rglob("*.pdf")))
    satu.write_bytes(satu.read_bytes() + b"\n")
    beda = cadangan.bandingkan(sumber, potret(db_pulih, media_pulih))
    assert any(b.startswith("tabel sengketa_riwayatstatus: 1 berbeda") for b in beda), beda
    assert any(b.startswith("berkas media: 1 berbeda") for b in beda), beda
    assert any("SHA-256" in b for b in beda), beda


@pytest.mark.skipif(not shutil.which("pg_restore"), reason="butuh pg_dump/pg_restore")
def test_cadangan_rusak_ditolak_sebelum_dipulihkan(persona, sinkron, tmp_path_factory, db_pulih):
    tmp_path = tmp_path_factory.mktemp("latihan")
    cadangan.cadangkan(
        url_db(connection.settings_dict["NAME"]), settings.MEDIA_ROOT, tmp_path / "c"
    )
    arsip = tmp_path / "c" / "media.tar.gz"
    arsip.write_bytes(arsip.read_bytes()[:-10])
    with pytest.raises(SystemExit, match="rusak"):
        cadangan.pulihkan(tmp_path / "c", db_pulih, tmp_path / "m")
