"""A bounded load test: 50 concurrent users against a local gunicorn on the generated data
(issue 8, "Scale and speed").

    .venv/bin/python benchmarks/bench_beban.py [--jumlah N | --cepat] [--pengguna 50]
        [--detik 60] [--workers 4] [--redis redis://127.0.0.1:6379/13]

Starts gunicorn on 127.0.0.1 (a free port) with production-like settings (DEBUG off, its own
SECRET_KEY, ALLOWED_HOSTS, persistent database connections) against the PostgreSQL database
of benchmarks/generator.py, then runs locust headless (benchmarks/locustfile.py) for a fixed
time: staff in the back office, parties on the portal, anonymous visitors on the public
pages, API clients with tokens, and a floor (the login page) in the same run. With --redis
(or BEBAN_REDIS_URL) gunicorn shares one Redis cache as in production; without it each
worker has its own memory cache (the public hearing calendar is cached per worker). Prints p50
and p95 latency, requests per second and the error rate per group and per page, then stops
locust and gunicorn (by their process ids) and removes the sessions it created.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generator as gen

BIN = Path(sys.executable).parent
DIR = gen.AKAR / "var" / "bench" / "beban"
TARGET_GALAT = 0.01  # error rate per group


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sesi_untuk(user) -> str:
    """A logged-in session as django.contrib.auth.login() leaves it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    return s.session_key


def siapkan_data(komisi, orang, pengguna: int) -> tuple[dict, list[str]]:
    """Sessions, tokens and ids for locustfile.py; returns (data, session keys made)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from portal.publik import selectors as kalender_publik
    from portal.publik.views import PER_HALAMAN
    from sengketa.models import Pihak, Sengketa, Sidang
    from sengketa.models.status import STATUS_AKHIR
    from sengketa.waktu import hari_ini

    staf = [*orang.panitera, *orang.pp, orang.ketua, *orang.komisioner]
    kunci = []
    data_staf = []
    for i in range(pengguna):
        k = sesi_untuk(staf[i % len(staf)])
        kunci.append(k)
        data_staf.append({"sesi": k})
    per_akun = defaultdict(list)
    for uid, sid in Pihak.objects.filter(
        sengketa__komisi=komisi, pengguna__isnull=False
    ).values_list("pengguna_id", "sengketa_id"):
        per_akun[uid].append(sid)
    User = get_user_model()
    # Typical accounts, not the busiest: a serial filer's list is a page of its own.
    akun = random.Random(8).sample(sorted(per_akun), min(pengguna, len(per_akun)))
    data_pihak = []
    for u in User.objects.filter(pk__in=akun):
        k = sesi_untuk(u)
        kunci.append(k)
        data_pihak.append({"sesi": k, "kasus": per_akun[u.pk]})
    token = [{"token": Token.objects.get_or_create(user=u)[0].key} for u in staf]
    semua = Sengketa.objects.filter(komisi=komisi)
    terbuka = list(
        semua.exclude(status__in=STATUS_AKHIR).order_by("?").values_list("pk", flat=True)[:500]
    )
    acak = list(semua.order_by("?").values_list("pk", flat=True)[:500])
    # The hearing calendar: how many pages a visitor may leaf through (the first ten at
    # most: deeper pages are rare), and the weeks around today.
    mendatang = kalender_publik.sidang_mendatang(komisi=komisi, daftar_komisi=[komisi]).count()
    senin = kalender_publik.awal_minggu(hari_ini(komisi))
    api_30_hari = Sidang.objects.filter(
        sengketa__komisi=komisi,
        mulai__gte=timezone.now() - timedelta(days=1),
        mulai__lt=timezone.now() + timedelta(days=31),
    ).count()
    nomor = list(
        kalender_publik.sengketa_publik()
        .filter(komisi=komisi)
        .order_by("?")
        .values_list("nomor_register", flat=True)[:200]
    )
    data = {
        "cookie": settings.SESSION_COOKIE_NAME,
        "komisi": komisi.kode,
        "staf": data_staf,
        "pihak": data_pihak,
        "api": token,
        "kasus_terbuka": terbuka,
        "kasus": acak,
        "nomor_register": nomor,
        "halaman_jadwal": max(2, min(10, -(-mendatang // PER_HALAMAN))),
        "halaman_api": max(2, min(10, -(-api_30_hari // settings.REST_FRAMEWORK["PAGE_SIZE"]))),
        "minggu": [(senin + timedelta(weeks=i)).isoformat() for i in range(-1, 4)],
        "termohon": ["Dinas Kesehatan", "Kabupaten Berau", "Sekretariat DPRD", "Kota Bontang"],
        "cari": ["Rahmawati", "Santoso", "Dinas Pendidikan", "Kutai Timur", *nomor[:5]],
    }
    return data, kunci


def tunggu_siap(url: str, batas: float = 90) -> None:
    akhir = time.time() + batas
    while time.time() < akhir:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {url} within {batas:.0f} s")


def hentikan(proses: subprocess.Popen, nama: str) -> None:
    """SIGTERM to the process we started (gunicorn's master stops its workers), then wait."""
    if proses.poll() is not None:
        return
    proses.send_signal(signal.SIGTERM)
    try:
        proses.wait(timeout=30)
    except subprocess.TimeoutExpired:
        print(f"{nama} did not stop on SIGTERM in 30 s: SIGKILL to pid {proses.pid}")
        proses.kill()
        proses.wait()


def persen(waktu: list[float], p: float) -> float:
    urut = sorted(waktu)
    return urut[min(len(urut) - 1, round(p * (len(urut) - 1)))]


def laporan(hasil_csv: Path, detik: float) -> bool:
    grup: dict[str, list] = defaultdict(list)
    halaman: dict[str, list] = defaultdict(list)
    with hasil_csv.open(encoding="utf-8") as f:
        for g, nama, ms, ok in csv.reader(f):
            grup[g].append((float(ms), ok == "1"))
            halaman[nama].append((float(ms), ok == "1"))

    def baris(label, xs):
        waktu = [m for m, _ok in xs]
        galat = sum(1 for _m, ok in xs if not ok) / len(xs)
        p50, p95 = statistics.median(waktu), persen(waktu, 0.95)
        print(
            f"  {label:46s} {len(xs):6d} {len(xs) / detik:6.1f}/s"
            f" {p50:8.0f} {p95:8.0f} {galat:7.2%}"
        )
        return galat

    kepala = f"  {'':46s} {'reqs':>6s} {'rate':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'errors':>7s}"
    print("\nper group:")
    print(kepala)
    ok = True
    for g in sorted(grup):
        ok &= baris(g, grup[g]) <= TARGET_GALAT
    semua = [x for xs in grup.values() for x in xs]
    baris("all", semua)
    print("\nper page:")
    print(kepala)
    for nama in sorted(halaman):
        baris(nama, halaman[nama])
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jumlah", type=int, help="cases (default 100,000; env BENCH_JUMLAH)")
    ap.add_argument("--cepat", action="store_true", help="2,000 cases, 10 users, 15 s")
    ap.add_argument("--pengguna", type=int, help="concurrent users (default 50)")
    ap.add_argument("--detik", type=int, help="duration in seconds (default 90)")
    ap.add_argument("--workers", type=int, default=int(os.environ.get("BEBAN_WORKERS", 4)))
    ap.add_argument("--db", help="PostgreSQL database (default: generator.nama_db)")
    ap.add_argument(
        "--redis",
        default=os.environ.get("BEBAN_REDIS_URL", ""),
        help="Redis URL for gunicorn's cache, as production's REDIS_URL (default: none, each"
        " worker its own memory cache; env BEBAN_REDIS_URL)",
    )
    ap.add_argument(
        "--tanpa", default="", help="leave out pages whose name contains these words, e.g. jadwal"
    )
    ap.add_argument(
        "--jeda",
        help="think time of each user between requests, min,max seconds (default 5,15: people"
        " reading pages; 0.5,1.5 is a stress run)",
    )
    a = ap.parse_args()
    cepat = a.cepat or bool(os.environ.get("BENCH_CEPAT"))
    pengguna = a.pengguna or (10 if cepat else 50)
    a.jeda = a.jeda or ("0.5,1.5" if cepat else "5,15")
    detik = a.detik or (15 if cepat else 90)
    url_db = gen.siapkan_postgres(gen.nama_db(a.db, cepat=cepat))
    if url_db is None:
        print("DILEWATI / SKIPPED: bench_beban needs PostgreSQL (BENCH_DATABASE_URL)")
        return 0
    # One key for this process (it signs the sessions) and for gunicorn (it reads them).
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    # Plain http on 127.0.0.1 (no TLS proxy in front): no redirect to https, and cookies
    # without the Secure flag and its __Host- name, in this process and in gunicorn alike.
    os.environ["SECURE_SSL_REDIRECT"] = os.environ["SECURE_COOKIES"] = "0"
    gen.django_siap()
    from django.contrib.sessions.models import Session

    r = gen.pastikan_data(gen.jumlah_dari_lingkungan(cepat, a.jumlah))
    data, kunci = siapkan_data(r.komisi, r.orang, pengguna)
    DIR.mkdir(parents=True, exist_ok=True)
    berkas_data, berkas_hasil = DIR / "data.json", DIR / "permintaan.csv"
    berkas_data.write_text(json.dumps(data), encoding="utf-8")
    port = port_bebas()
    host = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": url_db,
        "DEBUG": "0",
        "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
        "BEBAN_DATA": str(berkas_data),
        "BEBAN_HASIL": str(berkas_hasil),
        "BEBAN_TANPA": a.tanpa,
        "BEBAN_JEDA": a.jeda,
        "REDIS_URL": a.redis,
    }
    log = (DIR / "gunicorn.log").open("w")
    gunicorn = subprocess.Popen(
        [str(BIN / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(a.workers), "--timeout", "120", "--graceful-timeout", "10"],
        cwd=gen.AKAR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        tunggu_siap(f"{host}/kantor/masuk/")
        print(f"gunicorn pid {gunicorn.pid} on {host}, {a.workers} sync workers, DEBUG off; "
              f"{r.jumlah:,} cases of {r.komisi.kode}; cache: "
              + (f"Redis {a.redis}" if a.redis else "memory, per worker"))  # fmt: skip
        print(f"locust: {pengguna} users (staff 3 : party 2 : public 2 : API 3 : floor 1), "
              f"spawned at 25/s, {detik} s, think time {a.jeda.replace(',', '-')} s"
              + (f"; pages left out: {a.tanpa}" if a.tanpa else ""))  # fmt: skip
        locust = subprocess.Popen(
            [str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
             "--headless", "-u", str(pengguna), "-r", "25", "-t", f"{detik}s", "--host", host,
             "--only-summary", "--stop-timeout", "5", "--loglevel", "WARNING"],
            cwd=gen.AKAR, env=env, stdout=subprocess.DEVNULL, stderr=(DIR / "locust.log").open("w"),
        )  # fmt: skip
        try:
            locust.wait(timeout=detik + 120)
        finally:
            hentikan(locust, "locust")
    finally:
        hentikan(gunicorn, "gunicorn")
        log.close()
        Session.objects.filter(session_key__in=kunci).delete()
    ok = laporan(berkas_hasil, detik)
    print(f"\nerror rate per group <= {TARGET_GALAT:.0%}: {'met' if ok else 'MISSED'}; "
          f"logs in {DIR.relative_to(gen.AKAR)}/")  # fmt: skip
    return 0 if ok else 1  # errors are a failure; slow pages are figures


if __name__ == "__main__":
    sys.exit(main())
