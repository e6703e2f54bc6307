"""1,000 summons documents rendered by the real background worker (issue 4): `manage.py
qcluster` with 2 workers on the ORM broker, in its own process, against a file database.

    .venv/bin/python benchmarks/bench_antrean_panggilan.py [N] [--cepat] [--sqlite]

N (default 1,000; 200 with --cepat or BENCH_CEPAT=1; rounded up to a multiple of 4) summons
documents: N/4 hearings of one
registered case, two parties summoned to each, each letter in PDF and DOCX as
workflows.penerbitan issues them. The documents are created and queued the way the hook of
a scheduled hearing does it (dokumen.layanan.dokumen_siapkan inside one transaction; the
commit enqueues one task per document on the ORM broker), while the cluster is already
running. Measured: the wall time from the start of that transaction to the last document
issued. Then checked: none lost (every document
`siap`, its file on disk with the recorded SHA-256), none doubled (no second row, one
attempt per row, one file per row, one recorded success per task).

The floor, measured in the same run: the same N documents built and rendered synchronously
in this process (dokumen.tugas: context + renderer, no storage, no queue) divided by 2, the
best two workers could do on two cores. Target: <= 30 s for 1,000 on a 2-core machine.

CPU seconds, which do not depend on what else a shared machine runs: the cluster's process
group (workers, pusher, monitor, sentinel) plus the PostgreSQL backends serving it (the
database runs on the same cores), beside the floor's own process plus its backend. Their sum
over 2 cores is the wall time two idle cores would need.

Production-like: DEBUG off, PostgreSQL (a database of its own, `bench_antrean_panggilan`,
made afresh on the server of BENCH_DATABASE_URL or DATABASE_URL, default
postgres://postgres@127.0.0.1:5432). `--sqlite` (or no server answering) uses a SQLite
file instead, where the settings close the connection after each use (CONN_MAX_AGE 0) and
every write takes the database lock: slower, printed as such. Media files go to a temporary
directory, deleted afterwards.
"""

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as jam
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

BATAS_TUNGGU = 600  # seconds; a hung worker must not hang the benchmark
PEKERJA = 2
MULAI = date(2024, 3, 6)


NAMA_DB = "bench_antrean_panggilan"
URL_BAKU = "postgres://postgres@127.0.0.1:5432/postgres"
HAPUS_DB = f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)'


def _server_postgres():
    from urllib.parse import urlsplit

    server = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        server = URL_BAKU
    return urlsplit(server)


def _postgres(*perintah: str) -> None:
    from urllib.parse import urlunsplit

    import psycopg

    admin = urlunsplit(_server_postgres()._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        for sql in perintah:
            conn.execute(sql)


def postgres_baru() -> str | None:
    """The URL of a new, empty database of this benchmark's own (dropped first if it exists);
    None when no PostgreSQL server answers."""
    from urllib.parse import urlunsplit

    import psycopg

    try:
        _postgres(HAPUS_DB, f'CREATE DATABASE "{NAMA_DB}"')
    except psycopg.OperationalError as galat:
        print(f"PostgreSQL tidak tersedia, memakai SQLite: {galat}".strip())
        return None
    return urlunsplit(_server_postgres()._replace(path=f"/{NAMA_DB}"))


def lingkungan(tmp: Path, database_url: str) -> dict[str, str]:
    """The environment of both sides: this process and the cluster see one database."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        MEDIA_ROOT=str(tmp / "media"),
        VAR_DIR=str(tmp / "var"),
        SITE_URL="https://sengketa.example.org",
        DJANGO_SETTINGS_MODULE="config.settings",
        Q_WORKERS=str(PEKERJA),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def orang(komisi):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from sengketa.models import Keanggotaan
    from workflows.skenario import Aktor

    def buat(nama: str, *peran: str):
        u = get_user_model().objects.create_user(nama, first_name=nama.title(), last_name="Bench")
        for p in peran:
            u.groups.add(Group.objects.get_or_create(name=p)[0])
        Keanggotaan.objects.create(komisi=komisi, pengguna=u)
        return u

    komisioner = [buat(f"komisioner{i}", "komisioner") for i in range(4)]
    return Aktor(
        panitera=buat("panitera", "panitera"),
        ketua=buat("ketua", "ketua", "komisioner"),
        ketua_majelis=komisioner[0],
        anggota=komisioner[1:3],
        pp=buat("pp", "panitera_pengganti"),
        mediator=komisioner[3],
    )


def siapkan_kasus(jumlah_sidang: int):
    """One registered case with its panel, and `jumlah_sidang` hearings with a summons to
    each party (the rows the scheduling service writes; their documents come later)."""
    from django.db import transaction
    from django_q.models import OrmQ

    from sengketa.libur import muat_csv
    from sengketa.models import BadanPublik, KomisiInformasi, Panggilan, Sidang
    from sengketa.penomoran import nomor_surat_baru
    from sengketa.waktu import zona
    from workflows.skenario import Skenario

    muat_csv()
    komisi = KomisiInformasi.objects.create(
        kode="KIP-KALTIM",
        nama="Komisi Informasi Provinsi Kalimantan Timur",
        tingkat="provinsi",
        zona_waktu="Asia/Makassar",
        kota="Samarinda",
        alamat="Jl. Kesuma Bangsa No. 1",
        telepon="0541 000000",
        template_nomor_register="{seq:03}/REG-PSI/KI-KALTIM/{bulan_romawi}/{tahun}",
        template_nomor_surat="{seq:03}/{seri}/KI-KALTIM/{bulan_romawi}/{tahun}",
    )
    BadanPublik.objects.create(
        komisi=komisi, nama="Pemerintah Provinsi Kalimantan Timur", kategori="pemerintah_provinsi"
    )
    sk = Skenario(komisi, orang(komisi))
    sk.terima(MULAI).registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2))
    OrmQ.objects.all().delete()  # the steps' own documents are not part of the measure
    s = sk.segarkan().sengketa
    tz = zona(komisi.zona_waktu)
    pihak = list(s.pihak.all())
    with transaction.atomic():
        hari = sk.hk(MULAI, 8)
        sidang = []
        for i in range(jumlah_sidang):
            mulai = datetime.combine(hari, jam(9 + i % 6), tzinfo=tz)
            sidang.append(
                Sidang(
                    sengketa=s,
                    jenis="pembuktian",
                    agenda=f"Pemeriksaan bukti surat, bagian {i + 1}",
                    mulai=mulai,
                    selesai_rencana=mulai + timedelta(hours=1),
                    ruang="Ruang Sidang Utama",
                    tempat="Kantor Komisi",
                )
            )
            if i % 6 == 5:
                hari = sk.hk(hari, 1)
        Sidang.objects.bulk_create(sidang)
        Panggilan.objects.bulk_create(
            Panggilan(
                sidang=sd,
                pihak=p,
                peran=p.peran,
                nomor=nomor_surat_baru(komisi, sd.mulai.astimezone(tz).date()),
                panggilan_ke=1,
            )
            for sd in Sidang.objects.filter(sengketa=s).order_by("pk")
            for p in pihak
        )
    return s


def antrekan(s) -> list[int]:
    """What workflows.penerbitan does for a scheduled hearing, for every summons at once."""
    from django.db import transaction

    from dokumen.layanan import dokumen_siapkan
    from dokumen.models import JenisDokumen
    from sengketa.models import Panggilan

    ids = []
    with transaction.atomic():
        for p in Panggilan.objects.filter(sidang__sengketa=s).select_related("sidang", "pihak"):
            ids += [
                d.pk
                for d in dokumen_siapkan(
                    sengketa=s,
                    jenis=JenisDokumen.PANGGILAN,
                    subjek=f"p{p.pk}",
                    nomor=p.nomor,
                    sidang=p.sidang,
                    panggilan=p,
                    pihak=p.pihak,
                )
            ]
    return ids  # the commit above queued one task per document


class Kluster:
    def __init__(self, env: dict, log: Path):
        self.keluaran = log.open("wb")
        self.log = log
        self.proses = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=AKAR,
            env=env,
            stdout=self.keluaran,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def hidup(self) -> bool:
        return self.proses.poll() is None

    def berhenti(self) -> None:
        if self.hidup():
            self.proses.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proses.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proses.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proses.wait(timeout=5)
        self.keluaran.close()

    def catatan(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def tunggu(kondisi, kluster: Kluster, apa: str, jeda: float = 0.1) -> None:
    batas = time.monotonic() + BATAS_TUNGGU
    while not kondisi():
        if not kluster.hidup():
            sys.exit(f"qcluster berhenti sendiri saat menunggu {apa}:\n{kluster.catatan()}")
        if time.monotonic() > batas:
            sys.exit(f"{apa}: belum selesai setelah {BATAS_TUNGGU} detik\n{kluster.catatan()}")
        time.sleep(jeda)


def periksa(ids: list[int], media: Path) -> dict[str, int]:
    """Lost and doubled, counted from the rows, the files and the recorded successes."""
    from collections import Counter

    from django_q.models import Success

    from dokumen.models import Dokumen, JenisDokumen, StatusDokumen

    baris = list(Dokumen.objects.filter(pk__in=ids))
    hilang = sum(d.status != StatusDokumen.SIAP for d in baris) + (len(ids) - len(baris))
    rusak = 0
    for d in baris:
        berkas = media / d.berkas.name if d.berkas else None
        utuh = berkas and berkas.is_file()
        rusak += not (utuh and hashlib.sha256(berkas.read_bytes()).hexdigest() == d.sha256)
    sukses = Counter(
        a[0]
        for a in Success.objects.filter(func="dokumen.tugas.buat_dokumen").values_list(
            "args", flat=True
        )
    )
    return {
        "hilang (tidak siap)": hilang,
        "berkas hilang/beda hash": rusak,
        "baris ganda": Dokumen.objects.filter(jenis=JenisDokumen.PANGGILAN).count() - len(ids),
        "dirender > 1 kali": sum(d.percobaan != 1 for d in baris),
        "berkas ganda": len(list(media.rglob("*-panggilan.*"))) - len(ids),
        "tugas sukses > 1 kali": sum(n > 1 for n in sukses.values()),
    }


def latensi() -> tuple[float, float]:
    """Median and longest wait of a summons, queued to issued (django-q2 records when each
    task was queued, `started`, and when it finished, `stopped`)."""
    from statistics import median

    from django_q.models import Success

    detik = [
        (b - a).total_seconds()
        for a, b in Success.objects.filter(func="dokumen.tugas.buat_dokumen").values_list(
            "started", "stopped"
        )
    ]
    return (median(detik), max(detik)) if detik else (0.0, 0.0)


def lantai(ids: list[int]) -> tuple[float, float, float]:
    """Wall and CPU seconds to build and render the same documents in this process, one
    after another, and the CPU seconds of this process's PostgreSQL backend meanwhile (the
    CPU figures do not depend on what else the machine runs)."""
    from django.db import connection

    from dokumen.tugas import _isi, _muat

    _isi(_muat(ids[0]))  # warm: fonts, styles, base document, as a running worker has them
    backend = _pid_backend_sendiri() if connection.vendor == "postgresql" else None
    db_awal = _cpu_proses(backend) if backend else None
    t, c = time.perf_counter(), time.process_time()
    for pk in ids:
        _isi(_muat(pk))
    dinding, cpu = time.perf_counter() - t, time.process_time() - c
    db_akhir = _cpu_proses(backend) if backend else None
    db = db_akhir - db_awal if db_awal is not None and db_akhir is not None else 0.0
    return dinding, cpu, db


def _cpu_proses(pid: int | str) -> float | None:
    """utime + stime of one process, in seconds (Linux /proc); None once it is gone."""
    try:
        medan = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(medan[11]) + int(medan[12])) / os.sysconf("SC_CLK_TCK")


def _pid_backend_sendiri() -> int:
    from django.db import connection

    with connection.cursor() as c:
        c.execute("SELECT pg_backend_pid()")
        return c.fetchone()[0]


class CpuPostgres:
    """CPU of the PostgreSQL backends serving the other connections to this database (the
    cluster's), sampled while it works: a backend that closes (a recycled worker's) keeps
    what it had used at its last sample. Zero where the server's processes are not visible
    (another host, SQLite)."""

    def __init__(self):
        from django.db import connection

        self.aktif = connection.vendor == "postgresql"
        self.awal: dict[int, float] = {}
        self.akhir: dict[int, float] = {}
        self.berikut = 0.0
        if self.aktif:
            self.sampel(paksa=True)
            self.awal = dict(self.akhir)

    def sampel(self, paksa: bool = False) -> None:
        if not self.aktif or (not paksa and time.monotonic() < self.berikut):
            return
        from django.db import connection

        self.berikut = time.monotonic() + 0.5
        with connection.cursor() as c:
            c.execute(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            for (pid,) in c.fetchall():
                cpu = _cpu_proses(pid)
                if cpu is not None:
                    self.akhir[pid] = cpu

    def total(self) -> float:
        self.sampel(paksa=True)
        return sum(v - self.awal.get(pid, 0.0) for pid, v in self.akhir.items())


def cpu_grup(pgid: int) -> float | None:
    """CPU seconds used so far by the cluster's process group (Linux /proc): its live
    processes, and through their `cutime` the workers they reaped (django-q2 recycles them).
    None where /proc is not there."""
    tik, total = os.sysconf("SC_CLK_TCK"), 0
    try:
        daftar = [d for d in os.listdir("/proc") if d.isdigit()]
    except OSError:
        return None
    for pid in daftar:
        try:
            medan = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(medan[2]) == pgid:  # fields after "(comm)": state ppid pgrp ... utime stime ...
            total += sum(int(x) for x in medan[11:15])
    return total / tik


def main(n: int = 1000, sqlite: bool = False) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-antrean-"))
    url = None if sqlite else postgres_baru()
    env = lingkungan(tmp, url or f"sqlite:///{tmp / 'bench.sqlite3'}")
    os.environ.update(env)
    os.environ.pop("REDIS_URL", None)  # the ORM broker, as on a server without Redis
    import django

    django.setup()
    from django.core.management import call_command
    from django_q.models import Success
    from django_q.tasks import async_task

    from dokumen.models import Dokumen, StatusDokumen

    kluster = None
    beban = os.getloadavg()[0]
    try:
        t = time.perf_counter()
        call_command("migrate", verbosity=0)
        s = siapkan_kasus(-(-n // 4))
        print(f"persiapan: {time.perf_counter() - t:.1f} s ({env['DATABASE_URL'].split(':')[0]})")

        kluster = Kluster(env, tmp / "qcluster.log")
        async_task("math.floor", 1.5)  # answered once the cluster takes work
        tunggu(lambda: Success.objects.filter(func="math.floor").exists(), kluster, "kluster")
        cpu_awal = cpu_grup(kluster.proses.pid)
        pg = CpuPostgres()

        t0 = time.perf_counter()
        ids = antrekan(s)
        t_antre = time.perf_counter() - t0
        menunggu = Dokumen.objects.filter(
            pk__range=(min(ids), max(ids)), status=StatusDokumen.MENUNGGU
        )

        def semua_selesai() -> bool:
            pg.sampel()
            return not menunggu.exists()

        tunggu(semua_selesai, kluster, "dokumen", jeda=0.05)
        dinding = time.perf_counter() - t0
        cpu_akhir = cpu_grup(kluster.proses.pid)
        cpu_pg = pg.total()
        kluster.berhenti()
        kluster = None

        hasil = periksa(ids, Path(env["MEDIA_ROOT"]))
        tengah, terlama = latensi()
        sinkron, sinkron_cpu, sinkron_pg = lantai(ids)
    finally:
        if kluster:
            kluster.berhenti()
        shutil.rmtree(tmp, ignore_errors=True)
        if url:
            from django.db import connections

            connections.close_all()
            _postgres(HAPUS_DB)

    m = len(ids)
    print(f"{m} dokumen panggilan ({m // 2} surat x PDF+DOCX), {PEKERJA} pekerja, broker ORM")
    print(f"antre (1 transaksi, {m} tugas)  {t_antre:8.2f} s")
    print(f"WAKTU DINDING                 {dinding:8.2f} s  (target <= 30 s untuk 1.000)")
    print(f"lantai: sinkron {sinkron:7.2f} s / {PEKERJA} = {sinkron / PEKERJA:8.2f} s"
          f"  -> dinding / lantai {dinding / (sinkron / PEKERJA):.2f}x")  # fmt: skip
    if cpu_awal is not None and cpu_akhir is not None:
        # Independent of the machine's other load: what the same work costs on idle cores.
        cpu = cpu_akhir - cpu_awal
        print(f"CPU kluster {cpu:7.2f} s vs lantai CPU {sinkron_cpu:7.2f} s -> "
              f"{cpu / sinkron_cpu:.2f}x")  # fmt: skip
        if pg.aktif:
            print(f"CPU PostgreSQL kluster {cpu_pg:7.2f} s vs lantai {sinkron_pg:7.2f} s")
        semua, semua_lantai = cpu + cpu_pg, sinkron_cpu + sinkron_pg
        print(f"CPU total   {semua:7.2f} s vs lantai {semua_lantai:7.2f} s -> "
              f"{semua / semua_lantai:.2f}x; / {PEKERJA} inti = {semua / PEKERJA:.2f} s "
              "(dinding bila kedua inti bebas)")  # fmt: skip
    print(f"tunggu per panggilan: median {tengah:.1f} s, terlama {terlama:.1f} s")
    print(f"beban mesin (load average)    {beban:.1f} -> {os.getloadavg()[0]:.1f}, "
          f"{os.cpu_count()} inti")  # fmt: skip
    for nama, jumlah in hasil.items():
        print(f"{nama:30s}{jumlah:8d}")
    if any(hasil.values()):
        sys.exit("GAGAL: ada dokumen yang hilang atau ganda")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, help="summons documents (default 1,000)")
    ap.add_argument("--cepat", action="store_true", help="200 documents (env BENCH_CEPAT)")
    ap.add_argument("--sqlite", action="store_true", help="a SQLite file, not PostgreSQL")
    a = ap.parse_args()
    cepat = a.cepat or bool(os.environ.get("BENCH_CEPAT"))
    main(a.n or (200 if cepat else 1000), sqlite=a.sqlite)
