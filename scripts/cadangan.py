#!/usr/bin/env python3
"""Backup, restore and the proof that nothing was lost (docs/operasi.md, issue 8).

    cadangan.py cadangkan --db URL --media DIR --ke DIR      pg_dump -Fc + tar of the media
    cadangan.py pulihkan --dari DIR --db URL --media DIR     new database + pg_restore + untar
    cadangan.py potret [--keluar FILE]                       snapshot of DATABASE_URL+MEDIA_ROOT
    cadangan.py bandingkan A.json B.json                     differences; exit 1 if any

`potret` reads the database of DATABASE_URL and the files under MEDIA_ROOT through the
project's settings: for every table a digest of every row (so the snapshot holds no personal
data in clear), the sequences, the SHA-256 of every file a row points to and of every file in
the media directory, and what is inconsistent already (a document whose file is missing or
whose hash differs from the one recorded when it was issued). The readable part: cases per
status, history rows, documents per status. `bandingkan` compares two snapshots.

scripts/cadangan_latihan.sh runs the whole rehearsal on demo data; tests/test_cadangan.py runs
it on a small data set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CONTOH_MAKS = 5  # differences listed per table


# -- backup and restore (no Django needed) ----------------------------------------------------


def sha256_berkas(jalur: Path) -> str:
    h = hashlib.sha256()
    with jalur.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _tanpa_sandi(teks: str) -> str:
    """A database URL as it may appear in a log: the password masked."""
    return re.sub(r"(://[^:/@\s]+):[^@\s]+@", r"\1:***@", teks)


def jalankan(args: list[str], **kw) -> None:
    print("+", _tanpa_sandi(" ".join(args)), flush=True)
    subprocess.run(args, check=True, **kw)


def cadangkan(db_url: str, media: Path, ke: Path) -> dict:
    """`pg_dump -Fc` of the database and a tar of the media directory, with their hashes in
    MANIFEST.json (checked again before a restore)."""
    ke.mkdir(parents=True, exist_ok=True)
    dump, arsip = ke / "basis-data.dump", ke / "media.tar.gz"
    jalankan(["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={dump}", db_url])
    with tarfile.open(arsip, "w:gz") as tar:
        tar.add(media, arcname=".")
    manifest = {
        "dibuat": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "berkas": {p.name: sha256_berkas(p) for p in (dump, arsip)},
    }
    (ke / "MANIFEST.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def _url_db(db_url: str, nama: str) -> str:
    bagian = urlsplit(db_url)
    return urlunsplit(bagian._replace(path=f"/{nama}"))


def pulihkan(dari: Path, db_url: str, media: Path) -> None:
    """Into a NEW database (created here from template0; refused if it exists) and an empty
    media directory: check the manifest, pg_restore, untar."""
    manifest = json.loads((dari / "MANIFEST.json").read_text())
    for nama, digest in manifest["berkas"].items():
        if sha256_berkas(dari / nama) != digest:
            raise SystemExit(f"{nama}: hash tidak cocok dengan MANIFEST.json, cadangan rusak")
    if media.exists() and any(media.iterdir()):
        raise SystemExit(f"{media} tidak kosong: pulihkan ke direktori baru")
    nama_db = urlsplit(db_url).path.lstrip("/")
    jalankan(
        [
            "psql",
            "--no-psqlrc",
            "-v",
            "ON_ERROR_STOP=1",
            _url_db(db_url, "postgres"),
            "-c",
            f'CREATE DATABASE "{nama_db}" TEMPLATE template0',
        ]
    )
    jalankan(
        ["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", f"--dbname={db_url}",
         str(dari / "basis-data.dump")]
    )  # fmt: skip
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(dari / "media.tar.gz", "r:gz") as tar:
        tar.extractall(media, filter="data")


# -- the snapshot (Django) --------------------------------------------------------------------


def _json(nilai):
    if isinstance(nilai, dt.datetime | dt.date | dt.time):
        return nilai.isoformat()
    if isinstance(nilai, decimal.Decimal | uuid.UUID):
        return str(nilai)
    if isinstance(nilai, bytes | memoryview):
        return hashlib.sha256(bytes(nilai)).hexdigest()
    return nilai


def _ringkas(nilai) -> str:
    teks = json.dumps(nilai, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(teks.encode()).hexdigest()[:32]


def potret() -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.db import connection, models

    media = Path(settings.MEDIA_ROOT)
    tabel, berkas, masalah = {}, {}, []
    for model in apps.get_models():
        meta = model._meta
        if not meta.managed or meta.proxy:
            continue
        medan = list(meta.concrete_fields)
        nama_medan = [f.attname for f in medan]
        baris = {}
        for nilai in model._base_manager.order_by("pk").values_list(*nama_medan).iterator():
            data = dict(zip(nama_medan, (_json(v) for v in nilai), strict=True))
            baris[str(data[meta.pk.attname])] = _ringkas(data)
        tabel[meta.db_table] = baris
        medan_berkas = [f for f in medan if isinstance(f, models.FileField)]
        for f in medan_berkas:
            punya_hash = "sha256" in nama_medan
            kolom = ["pk", f.attname, *(["sha256"] if punya_hash else [])]
            for pk, nama, *hash_tercatat in model._base_manager.values_list(*kolom).iterator():
                if not nama:
                    continue
                jalur = media / nama
                digest = sha256_berkas(jalur) if jalur.is_file() else "HILANG"
                berkas[f"{meta.db_table}:{pk}:{f.attname}"] = digest
                if digest == "HILANG":
                    masalah.append(f"{meta.db_table} {pk}: berkas {nama} hilang")
                elif hash_tercatat and hash_tercatat[0] and hash_tercatat[0] != digest:
                    masalah.append(f"{meta.db_table} {pk}: SHA-256 berkas {nama} tidak cocok")
    isi_media = {
        str(p.relative_to(media)): sha256_berkas(p) for p in sorted(media.rglob("*")) if p.is_file()
    }
    urutan = {}
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences")
            urutan = dict(c.fetchall())
    return {
        "basis_data": connection.vendor,
        "tabel": tabel,
        "urutan": urutan,
        "berkas": berkas,
        "media": isi_media,
        "masalah": masalah,
        "ringkasan": _ringkasan(),
    }


def _ringkasan() -> dict:
    from dokumen.models import Dokumen
    from sengketa.models import RiwayatStatus, Sengketa

    return {
        "perkara_per_status": dict(Counter(Sengketa.objects.values_list("status", flat=True))),
        "riwayat": RiwayatStatus.objects.count(),
        "dokumen_per_status": dict(Counter(Dokumen.objects.values_list("status", flat=True))),
    }


# -- the comparison ---------------------------------------------------------------------------


def _beda_kamus(label: str, a: dict, b: dict) -> list[str]:
    hasil = []
    hilang = sorted(set(a) - set(b))
    tambah = sorted(set(b) - set(a))
    ubah = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    for jenis, daftar in (("hilang", hilang), ("tambahan", tambah), ("berbeda", ubah)):
        if daftar:
            contoh = ", ".join(daftar[:CONTOH_MAKS])
            hasil.append(f"{label}: {len(daftar)} {jenis} (mis. {contoh})")
    return hasil


def bandingkan(a: dict, b: dict) -> list[str]:
    """Every difference between two snapshots, and any inconsistency within either."""
    beda = []
    for nama in sorted(set(a["tabel"]) | set(b["tabel"])):
        beda += _beda_kamus(f"tabel {nama}", a["tabel"].get(nama, {}), b["tabel"].get(nama, {}))
    beda += _beda_kamus("urutan (sequence)", a["urutan"], b["urutan"])
    beda += _beda_kamus("berkas baris", a["berkas"], b["berkas"])
    beda += _beda_kamus("berkas media", a["media"], b["media"])
    beda += [f"sumber: {m}" for m in a["masalah"]] + [f"pulihan: {m}" for m in b["masalah"]]
    return beda


# -- command line -----------------------------------------------------------------------------


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="perintah", required=True)
    c = sub.add_parser("cadangkan", help="pg_dump + tar media")
    c.add_argument("--db", required=True)
    c.add_argument("--media", required=True, type=Path)
    c.add_argument("--ke", required=True, type=Path)
    r = sub.add_parser("pulihkan", help="new database + pg_restore + untar media")
    r.add_argument("--dari", required=True, type=Path)
    r.add_argument("--db", required=True)
    r.add_argument("--media", required=True, type=Path)
    s = sub.add_parser("potret", help="snapshot of DATABASE_URL and MEDIA_ROOT")
    s.add_argument("--keluar", type=Path)
    b = sub.add_parser("bandingkan", help="compare two snapshots")
    b.add_argument("a", type=Path)
    b.add_argument("b", type=Path)
    args = p.parse_args(argv)

    if args.perintah == "cadangkan":
        print(json.dumps(cadangkan(args.db, args.media, args.ke), indent=2))
    elif args.perintah == "pulihkan":
        pulihkan(args.dari, args.db, args.media)
    elif args.perintah == "potret":
        hasil = potret()
        teks = json.dumps(hasil, sort_keys=True)
        if args.keluar:
            args.keluar.write_text(teks)
        else:
            print(teks)
        print(json.dumps(hasil["ringkasan"], sort_keys=True), file=sys.stderr)
    elif args.perintah == "bandingkan":
        a, b = (json.loads(x.read_text()) for x in (args.a, args.b))
        beda = bandingkan(a, b)
        jumlah_baris = sum(len(v) for v in a["tabel"].values())
        if beda:
            print("BERBEDA / DIFFERENT:")
            print("\n".join(f"  - {x}" for x in beda))
            return 1
        print(
            f"IDENTIK / IDENTICAL: {len(a['tabel'])} tabel, {jumlah_baris} baris, "
            f"{len(a['berkas'])} berkas baris, {len(a['media'])} berkas media, "
            f"{len(a['urutan'])} urutan; ringkasan {json.dumps(a['ringkasan'], sort_keys=True)}"
        )
    return 0


if __name__ == "__main__":
    if shutil.which("pg_dump") is None and len(sys.argv) > 1 and sys.argv[1] != "bandingkan":
        print("PERINGATAN: pg_dump tidak ditemukan (apt-get install postgresql-client)")
    sys.exit(main())
