"""All nine tables of the annual report for a commission with 100,000 cases, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python \\
        benchmarks/bench_statistik.py [--jumlah 100000] [--ulang 7] [--baru]

The script works in its own database `bench_statistik` on the server of DATABASE_URL
(created and migrated if missing). It fills it once with --jumlah cases of one commission
spread over 2017-2026, written with bulk_create (the services would take hours): every
status, with parties, history rows, hearings and attendance, court objections and rulings,
struck-out numbers; a later run reuses them (--baru rebuilds). Then it times
`hitung_semua` for one year and for all ten years (median of --ulang runs after a warm-up,
the calendar cached as in a running server), each table on its own, and beside them two
floors measured in the same run: a bare count of the commission's cases, and one aggregate
query reading the columns table 1 reads. Target: one year in under one second.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

NAMA_DB = "bench_statistik"
KODE = "BENCH-STAT"
TARGET_S = 1.0


def siapkan_database() -> None:
    """Point Django at bench_statistik on the same server, creating it if needed."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must point to PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/x")
    import psycopg

    bagian = urlsplit(url)
    admin = urlunsplit(bagian._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        ada = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [NAMA_DB]).fetchone()
        if not ada:
            conn.execute(f'CREATE DATABASE "{NAMA_DB}"')
    os.environ["DATABASE_URL"] = urlunsplit(bagian._replace(path=f"/{NAMA_DB}"))


siapkan_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402

from sengketa.libur import muat_csv  # noqa: E402
from sengketa.models import (  # noqa: E402
    Amar,
    BadanPublik,
    DasarPutusanSela,
    KategoriBadanPublik,
    KeberatanPengadilan,
    Kehadiran,
    KomisiInformasi,
    NomorDicoret,
    Pihak,
    PutusanPengadilan,
    RiwayatStatus,
    Sengketa,
    Sidang,
)
from sengketa.models import StatusSengketa as S  # noqa: E402
from sengketa.statistik import (  # noqa: E402
    Periode,
    hitung_semua,
    tabel_alasan,
    tabel_bulanan,
    tabel_durasi,
    tabel_pemohon,
    tabel_pengadilan,
    tabel_penyelesaian,
    tabel_register,
    tabel_sidang,
    tabel_termohon,
)
from sengketa.waktu import zona  # noqa: E402

AWAL, AKHIR = date(2017, 1, 2), date(2026, 10, 30)
HARI_INI = date(2026, 11, 20)
WITA = zona("Asia/Makassar")


def hari_kerja(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


class Pembuat:
    """One case at a time into lists; written in chunks with bulk_create."""

    def __init__(self, rng):
        self.rng = rng
        self.nama = [f"Pemohon {i:04d}" for i in range(3000)]
        self.serial = ["Perkumpulan Pengguna Informasi", "Lembaga Kajian Anggaran"]
        self.seq: dict[int, int] = {}

    def kasus(self) -> dict:
        rng = self.rng
        # More cases in later years: a commission's intake grows.
        tahun = min(AKHIR.year, 2017 + int(10 * rng.random() ** 0.8))
        awal = max(AWAL, date(tahun, 1, 2))
        akhir = min(AKHIR, date(tahun, 12, 20))
        d0 = hari_kerja(awal + timedelta(days=rng.randint(0, (akhir - awal).days)))
        k = {"diterima": d0, "alasan": "".join(sorted(rng.sample("abcdefg", rng.randint(1, 3))))}
        nasib = rng.choices(
            ["tidak_reg", "cabut_pra", "reg"], [5, 4, 91]
        )[0]  # fmt: skip
        if nasib == "tidak_reg":
            k |= {"status": S.TIDAK_DIREGISTRASI, "selesai": d0 + timedelta(days=12)}
        elif nasib == "cabut_pra":
            k |= {"status": S.DICABUT, "selesai": d0 + timedelta(days=rng.randint(1, 10))}
        else:
            self._register(k, d0)
        for medan in ("selesai", "inkracht"):
            if k.get(medan) and k[medan] > HARI_INI:
                k[medan] = None
        if k.get("selesai") is None and k.get("status") in (
            S.TIDAK_DIREGISTRASI, S.DICABUT,
        ):  # fmt: skip
            k["status"] = S.DITERIMA
        return k

    def _register(self, k, d0):
        rng = self.rng
        r = hari_kerja(d0 + timedelta(days=rng.randint(0, 5)))
        self.seq[r.year] = self.seq.get(r.year, 0) + 1
        k |= {"registrasi": r, "nomor": f"{self.seq[r.year]:05d}/REG/BENCH/{r.year}"}
        hasil = rng.choices(
            ["mediasi", "ajudikasi", "sela", "gugur", "dicabut", "dilimpahkan"],
            [35, 38, 8, 5, 11, 3],
        )[0]
        akhir = hari_kerja(r + timedelta(days=int(rng.triangular(15, 400, 70))))
        k["sidang"] = sorted(
            hari_kerja(r + timedelta(days=rng.randint(10, max(11, (akhir - r).days))))
            for _ in range(rng.randint(1, 4))
        )
        if akhir > HARI_INI:
            k |= {"status": rng.choice([S.PEMERIKSAAN_AWAL, S.MEDIASI, S.AJUDIKASI])}
            k["sidang"] = [d for d in k["sidang"] if d <= HARI_INI]
            return
        k["selesai"] = akhir
        if hasil == "mediasi":
            k |= {"status": S.SELESAI_MEDIASI, "jalur": "M"}
        elif hasil == "ajudikasi":
            k |= {"amar": rng.choice(Amar.values), "jalur": rng.choice(["A", "M-A"])}
            nasib = rng.choices(["diputus", "bht", "keberatan", "pengadilan"], [5, 80, 7, 8])[0]
            k["status"] = {
                "diputus": S.DIPUTUS, "bht": S.BERKEKUATAN_HUKUM_TETAP,
                "keberatan": S.KEBERATAN_PENGADILAN, "pengadilan": S.BERKEKUATAN_HUKUM_TETAP,
            }[nasib]  # fmt: skip
            if nasib == "bht":
                k["inkracht"] = akhir + timedelta(days=30)
            if nasib in ("keberatan", "pengadilan"):
                k["keberatan"] = akhir + timedelta(days=20)
            if nasib == "pengadilan":
                k["inkracht"] = akhir + timedelta(days=120)
        elif hasil == "sela":
            k |= {"status": S.TIDAK_DITERIMA, "dasar": rng.choice(DasarPutusanSela.values)}
        else:
            k["status"] = {"gugur": S.GUGUR, "dicabut": S.DICABUT, "dilimpahkan": S.DILIMPAHKAN}[
                hasil
            ]
            if hasil == "dicabut" and rng.random() < 0.5:
                k["jalur"] = "M"

    def pemohon(self) -> tuple[str, str]:
        x = self.rng.random()
        if x < 0.12:
            return self.rng.choice(self.serial), "badan_hukum"
        jenis = self.rng.choices(["perorangan", "badan_hukum", "kelompok_orang"], [70, 22, 8])[0]
        return self.rng.choice(self.nama), jenis


def _riwayat(s: Sengketa, k: dict) -> list[RiwayatStatus]:
    langkah = [("terima", "", S.DITERIMA, k["diterima"])]
    if k.get("registrasi"):
        r = k["registrasi"]
        langkah += [
            ("registrasi", S.DITERIMA, S.TEREGISTRASI, r),
            ("tetapkan_majelis", S.TEREGISTRASI, S.PEMERIKSAAN_AWAL, r + timedelta(days=3)),
        ]
    if k.get("selesai"):
        langkah.append(("akhir", langkah[-1][2], s.status, k["selesai"]))
    if k.get("inkracht"):
        langkah.append(("nyatakan_inkracht", S.DIPUTUS, S.BERKEKUATAN_HUKUM_TETAP, k["inkracht"]))
    return [
        RiwayatStatus(sengketa=s, transisi=t, dari=a, ke=b, tanggal=d) for t, a, b, d in langkah
    ]


def isi(komisi, jumlah: int, rng: random.Random) -> None:
    badan = list(BadanPublik.objects.filter(komisi=komisi))
    pembuat = Pembuat(rng)
    # Written in the order they were received, as a real commission's table grows (the rows
    # of one year then sit together, which the planner takes into account).
    semua = sorted((pembuat.kasus() for _ in range(jumlah)), key=lambda k: k["diterima"])
    potong = 5000
    for mulai in range(0, jumlah, potong):
        rencana = semua[mulai : mulai + potong]
        with transaction.atomic():
            kasus = Sengketa.objects.bulk_create(
                Sengketa(
                    komisi=komisi,
                    status=k.get("status", S.TEREGISTRASI if k.get("registrasi") else S.DITERIMA),
                    nomor_register=k.get("nomor", ""),
                    nomor_register_dicoret=k.get("status") == S.DICABUT and bool(k.get("nomor")),
                    jalur=k.get("jalur", ""),
                    tanggal_permohonan_informasi=k["diterima"] - timedelta(days=60),
                    tanggal_keberatan=k["diterima"] - timedelta(days=30),
                    tanggal_diterima=k["diterima"],
                    saluran="langsung",
                    alasan=k["alasan"],
                    tanggal_registrasi=k.get("registrasi"),
                    tanggal_selesai=k.get("selesai"),
                    tanggal_putusan=k.get("selesai") if k.get("amar") else None,
                    tanggal_inkracht=k.get("inkracht"),
                    amar=k.get("amar", ""),
                    dasar_putusan_sela=k.get("dasar", ""),
                )
                for k in rencana
            )
            pihak = []
            for s, _k in zip(kasus, rencana, strict=True):
                nama, jenis = pembuat.pemohon()
                b = rng.choice(badan)
                pihak.append(Pihak(sengketa=s, peran="pemohon", jenis=jenis, nama=nama))
                pihak.append(
                    Pihak(sengketa=s, peran="termohon", jenis="badan_publik", nama=b.nama,
                          badan_publik=b)
                )  # fmt: skip
            Pihak.objects.bulk_create(pihak, batch_size=5000)
            per_kasus = {p.sengketa_id: [] for p in pihak}
            for p in pihak:
                per_kasus[p.sengketa_id].append(p)
            RiwayatStatus.objects.bulk_create(
                (r for s, k in zip(kasus, rencana, strict=True) for r in _riwayat(s, k)),
                batch_size=5000,
            )
            sidang = []
            for s, k in zip(kasus, rencana, strict=True):
                for i, d in enumerate(k.get("sidang", ())):
                    jenis = "pemeriksaan_awal" if i == 0 else rng.choice(
                        ["mediasi", "pembuktian", "kesimpulan", "pembacaan_putusan"]
                    )  # fmt: skip
                    status = rng.choices(["selesai", "ditunda", "batal"], [85, 12, 3])[0]
                    mulai_ = datetime(d.year, d.month, d.day, 9, tzinfo=WITA)
                    sidang.append(
                        Sidang(sengketa=s, jenis=jenis, mulai=mulai_, status=status,
                               selesai_rencana=mulai_ + timedelta(hours=2))
                    )  # fmt: skip
            Sidang.objects.bulk_create(sidang, batch_size=5000)
            status_hadir = ["hadir", "diwakili", "tidak_hadir_dengan_alasan",
                            "tidak_hadir_tanpa_alasan"]  # fmt: skip
            Kehadiran.objects.bulk_create(
                (
                    Kehadiran(
                        sidang=x, pihak=p, status=rng.choices(status_hadir, [80, 10, 5, 5])[0]
                    )
                    for x in sidang
                    if x.status == "selesai"
                    for p in per_kasus[x.sengketa_id]
                ),
                batch_size=5000,
            )
            keberatan, putusan, coret = [], [], []
            for s, k in zip(kasus, rencana, strict=True):
                if k.get("keberatan"):
                    jenis = rng.choice(["PTUN", "PN"])
                    keberatan.append(
                        KeberatanPengadilan(
                            sengketa=s, pihak=per_kasus[s.pk][1], jenis_pengadilan=jenis,
                            pengadilan=f"{jenis} {rng.choice(['Samarinda', 'Balikpapan'])}",
                            nomor_perkara=f"{s.pk}/G/KI", tanggal=k["keberatan"],
                            terlambat=rng.random() < 0.1,
                        )
                    )  # fmt: skip
                if k.get("inkracht") and k.get("keberatan"):
                    putusan.append(
                        PutusanPengadilan(sengketa=s, pengadilan="PTUN Samarinda",
                                          nomor=f"{s.pk}/P", tanggal=k["inkracht"],
                                          hasil="Menguatkan", final=True)
                    )  # fmt: skip
                if k.get("nomor") and rng.random() < 0.01:
                    coret.append(
                        NomorDicoret(komisi=komisi, sengketa=s, nomor=f"X{k['nomor']}",
                                     tanggal=k["registrasi"], alasan="Koreksi")
                    )  # fmt: skip
            KeberatanPengadilan.objects.bulk_create(keberatan)
            PutusanPengadilan.objects.bulk_create(putusan)
            NomorDicoret.objects.bulk_create(coret)
        print(f"  {mulai + len(rencana):>7} cases written", flush=True)


def siapkan(jumlah: int, baru: bool) -> KomisiInformasi:
    call_command("migrate", verbosity=0)
    muat_csv()
    komisi, _ = KomisiInformasi.objects.get_or_create(
        kode=KODE, defaults={"nama": "Komisi Informasi Uji Beban", "tingkat": "provinsi"}
    )
    ada = Sengketa.objects.filter(komisi=komisi).count()
    if ada == jumlah and not baru:
        print(f"reusing {ada} cases of {KODE} in {NAMA_DB}")
        return komisi
    if ada:
        print(f"removing {ada} cases")
        with connection.cursor() as c:
            c.execute(
                "TRUNCATE sengketa_kehadiran, sengketa_sidang, sengketa_riwayatstatus, "
                "sengketa_keberatanpengadilan, sengketa_putusanpengadilan, "
                "sengketa_nomordicoret, sengketa_pihak, sengketa_sengketa CASCADE"
            )
    if not BadanPublik.objects.filter(komisi=komisi).exists():
        BadanPublik.objects.bulk_create(
            BadanPublik(komisi=komisi, nama=f"Badan Publik {i:02d}", kategori=k)
            for i, k in enumerate(KategoriBadanPublik.values * 6)
        )
    print(f"writing {jumlah} cases of {KODE} into {NAMA_DB} (bulk_create)")
    t = time.perf_counter()
    isi(komisi, jumlah, random.Random(100_000))
    with connection.cursor() as c:
        c.execute("ANALYZE")
    print(f"  written in {time.perf_counter() - t:.0f} s")
    return komisi


_PID: list[int] = []


def _cpu_server() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend (a local server)."""
    if not _PID:
        with connection.cursor() as c:
            c.execute("SELECT pg_backend_pid()")
            _PID.append(c.fetchone()[0])
    pid = _PID[0]
    try:
        kolom = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(kolom[11]) + int(kolom[12])) / os.sysconf("SC_CLK_TCK")


def ukur(fungsi, ulang: int) -> tuple[float, float, float | None]:
    """(median wall time, best wall time, median CPU time of client + server) in seconds.

    The CPU time does not depend on what else the machine runs; the wall time does."""
    fungsi()  # warm-up: the calendar and the plans are cached, as in a running server
    dinding, cpu = [], []
    for _ in range(ulang):
        s0, c0 = _cpu_server(), time.process_time()
        t = time.perf_counter()
        fungsi()
        dinding.append(time.perf_counter() - t)
        s1, c1 = _cpu_server(), time.process_time()
        cpu.append(None if s0 is None else (s1 - s0) + (c1 - c0))
    median_cpu = None if None in cpu else statistics.median(cpu)
    return statistics.median(dinding), min(dinding), median_cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jumlah", type=int, default=100_000)
    ap.add_argument("--ulang", type=int, default=7)
    ap.add_argument("--baru", action="store_true", help="rebuild the data set")
    a = ap.parse_args()
    komisi = siapkan(a.jumlah, a.baru)
    tahun = Periode.tahun(2025)
    semua = Periode(date(2017, 1, 1), date(2026, 12, 31))
    n = {
        "cases": Sengketa.objects.filter(komisi=komisi).count(),
        "parties": Pihak.objects.filter(sengketa__komisi=komisi).count(),
        "history rows": RiwayatStatus.objects.filter(sengketa__komisi=komisi).count(),
        "hearings": Sidang.objects.filter(sengketa__komisi=komisi).count(),
        "attendance rows": Kehadiran.objects.filter(sidang__sengketa__komisi=komisi).count(),
        "registered in 2025": Sengketa.objects.filter(
            komisi=komisi, tanggal_registrasi__year=2025
        ).count(),
    }
    print(", ".join(f"{v:,} {k}" for k, v in n.items()))

    def lantai_count():
        with connection.cursor() as c:
            c.execute("SELECT count(*) FROM sengketa_sengketa WHERE komisi_id = %s", [komisi.pk])
            c.fetchone()

    def lantai_agregat():
        Sengketa.objects.filter(komisi=komisi).aggregate(
            n=Count("pk"),
            reg=Count("pk", filter=Q(tanggal_registrasi__year=2025)),
            selesai=Count("pk", filter=Q(tanggal_selesai__year=2025)),
            diterima=Count("pk", filter=Q(tanggal_diterima__year=2025)),
        )

    pengukuran = {
        "count": ("floor: SELECT count(*) of the commission's cases", lantai_count),
        "agregat": ("floor: one aggregate query (4 counts)", lantai_agregat),
        "tahun": ("hitung_semua, year 2025", lambda: hitung_semua(komisi, tahun)),
        "semua": ("hitung_semua, 2017-2026", lambda: hitung_semua(komisi, semua)),
    }
    with connection.cursor() as c:
        # All the server's work in the one backend whose CPU time is read (a parallel plan's
        # workers are other processes); on two shared cores they would gain nothing anyway.
        c.execute("SET max_parallel_workers_per_gather = 0")
        c.execute("SELECT version()")
        versi = c.fetchone()[0].split(",")[0]
    semua_ukur = {kode: ukur(f, a.ulang) for kode, (_n, f) in pengukuran.items()}
    hasil = {kode: x[0] for kode, x in semua_ukur.items()}
    print(f"\n{a.ulang} runs after a warm-up, {versi}, load average {os.getloadavg()[0]:.1f}:")
    print(f"  {'':52s} {'median':>9s} {'best':>9s} {'CPU':>9s}")
    for kode, (nama, _f) in pengukuran.items():
        med, best, cpu = semua_ukur[kode]
        cpu_teks = f"{cpu * 1000:7.1f}ms" if cpu is not None else "      -  "
        print(f"  {nama:52s} {med * 1000:7.1f}ms {best * 1000:7.1f}ms {cpu_teks}")
    print("  per table, year 2025:")
    for f in (tabel_register, tabel_penyelesaian, tabel_durasi, tabel_pemohon, tabel_termohon,
              tabel_alasan, tabel_sidang, tabel_pengadilan, tabel_bulanan):  # fmt: skip
        med, best, cpu = ukur(lambda f=f: f(komisi, tahun), a.ulang)
        cpu_teks = f"{cpu * 1000:7.1f}ms" if cpu is not None else "      -  "
        print(f"    {f.__name__:50s} {med * 1000:7.1f}ms {best * 1000:7.1f}ms {cpu_teks}")
    t = hasil["tahun"]
    cpu = semua_ukur["tahun"][2]
    print(
        f"\none year: {t * 1000:.0f} ms median wall time"
        + (f", {cpu * 1000:.0f} ms CPU (client + server)" if cpu is not None else "")
        + f"; {t / hasil['count']:.0f}x the count floor, {t / hasil['agregat']:.1f}x the "
        f"aggregate floor; target < {TARGET_S:.0f} s: {'met' if t < TARGET_S else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
