"""Full transition throughput through the real services beside a bare FSM transition + save
on the same model, measured in the same run (issue 8, "Scale and speed").

    .venv/bin/python benchmarks/bench_transisi.py [--kasus 150 | --cepat] [--tanpa-sqlite]
        [--profil] [--rute-viewflow] [--db NAME --jumlah N]

The full transition is the service of workflows.layanan: lock the flow's process row and the
case row, check the state, the person and the effective date, fire the FSM transition, save
the changed fields, write the history row, recompute and store the deadlines, complete the
open viewflow task and let the Switch open the next one (workflows/rute.py). The floor is
`Sengketa.objects.get()`, the same FSM method, `save()`, in one transaction: what django-fsm
alone costs.

Cases: a fresh commission of generated cases (benchmarks/generator.py) in the PostgreSQL
database of the page benchmark, next to its 100,000 cases; the mix is seven transitions
(registrasi, minta_kelengkapan, tetapkan_majelis, mediasi_berhasil, tutup_pemeriksaan,
catat_keberatan, catat_putusan_pengadilan), `--kasus` cases of each, each case used once.
Service and floor alternate case by case so that a busy machine slows both alike. The
after-commit announcements (documents queued) are off for the main figure and measured as
a separate one. Then the same mix on two processes at once (the machine class has 2 cores),
and the same single-process figures on SQLite (a subprocess with its own database file).

Per transition kind: the rate of each side, the ratio of wall times, the client's CPU
time per transition of each side (Python, without the database server's share) and the
queries of one warm transition (the second case of the kind: the first fills per-user
caches, as a person's first request does). `--rute-viewflow` routes the tasks through
viewflow's activations (the path before the direct one of workflows/rute.py) to compare.

Targets: service <= 5x the floor's time per transition; >= 100 transitions/s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generator as gen

TARGET_RASIO = 5.0
TARGET_PER_DETIK = 100.0
SQLITE = gen.AKAR / "var" / "bench" / "transisi.sqlite3"

# The open states the mix starts from, as a share of the bench commission's cases.
# Proportional to what the mix needs: four lists of diterima cases, two of the others, and
# ajudikasi cases of which about half have held an evidence hearing (tutup_pemeriksaan).
BOBOT = {
    "diterima": 40,
    "teregistrasi": 20,
    "mediasi": 20,
    "ajudikasi": 26,
    "diputus": 20,
    "keberatan_pengadilan": 20,
}


def daftar_kasus(komisi, status: str, **saring) -> list[int]:
    from sengketa.models import Sengketa

    qs = Sengketa.objects.filter(komisi=komisi, status=status, **saring).order_by("pk")
    return list(qs.values_list("pk", flat=True).distinct())


def campuran(komisi, orang, n: int) -> list[tuple[str, list[int], list[int], object, object]]:
    """(transition, cases for the service, cases for the floor, service call, floor call)."""
    from django.utils import timezone

    from sengketa.models import Penugasan, Pihak
    from workflows import layanan as L

    hari = timezone.localdate()
    pan, ketua = orang.panitera[0], orang.ketua
    peran = {
        (p.sengketa_id, p.peran): p.pengguna
        for p in Penugasan.objects.filter(sengketa__komisi=komisi, aktif=True).select_related(
            "pengguna"
        )
    }
    termohon = dict(
        Pihak.objects.filter(sengketa__komisi=komisi, peran="termohon").values_list(
            "sengketa_id", "pk"
        )
    )
    diterima = daftar_kasus(komisi, "diterima")
    ajudikasi_siap = daftar_kasus(
        komisi, "ajudikasi", sidang__jenis="pembuktian", sidang__status="selesai"
    )
    ajudikasi_lain = [x for x in daftar_kasus(komisi, "ajudikasi") if x not in set(ajudikasi_siap)]

    def bagi(daftar, k=2):
        return [daftar[i * n : (i + 1) * n] for i in range(k)]

    reg, reg_lantai, minta, minta_lantai = bagi(diterima, 4)
    mix = [
        (
            "registrasi",
            reg,
            reg_lantai,
            lambda pk: L.sengketa_registrasi(sengketa_id=pk, oleh=pan),
            lambda s: s.registrasi(nomor=f"LANTAI/{s.pk}", urut=s.pk, tanggal=hari),
        ),
        (
            "minta_kelengkapan",
            minta,
            minta_lantai,
            lambda pk: L.sengketa_minta_kelengkapan(
                sengketa_id=pk, oleh=pan, kekurangan=["bukti_keberatan"]
            ),
            lambda s: s.minta_kelengkapan(kekurangan=["bukti_keberatan"], tanggal=hari),
        ),
        (
            "tetapkan_majelis",
            *bagi(daftar_kasus(komisi, "teregistrasi")),
            lambda pk: L.sengketa_tetapkan_majelis(
                sengketa_id=pk,
                oleh=ketua,
                ketua_majelis=orang.komisioner[0],
                anggota=orang.komisioner[1:3],
                panitera_pengganti=orang.pp[0],
            ),
            lambda s: s.tetapkan_majelis(tanggal=hari),
        ),
        (
            "mediasi_berhasil",
            *bagi(daftar_kasus(komisi, "mediasi")),
            lambda pk: L.sengketa_mediasi_berhasil(
                sengketa_id=pk,
                oleh=peran[(pk, "mediator")],
                kesepakatan=["Informasi diberikan"],
                jangka_waktu_pelaksanaan=14,
            ),
            lambda s: s.mediasi_berhasil(
                kesepakatan=["Informasi diberikan"], jangka_waktu=14, tanggal=hari
            ),
        ),
        (
            "tutup_pemeriksaan",
            ajudikasi_siap[:n],
            ajudikasi_lain[:n],
            lambda pk: L.sengketa_tutup_pemeriksaan(
                sengketa_id=pk, oleh=peran[(pk, "panitera_pengganti")]
            ),
            lambda s: s.tutup_pemeriksaan(tanggal=hari),
        ),
        (
            "catat_keberatan",
            *bagi(daftar_kasus(komisi, "diputus")),
            lambda pk: L.sengketa_catat_keberatan(
                sengketa_id=pk,
                oleh=pan,
                pengadilan="PTUN Samarinda",
                nomor_perkara=f"{pk}/G/KI/2026/PTUN.SMD",
                pihak=termohon[pk],
            ),
            lambda s: s.catat_keberatan(),
        ),
        (
            "catat_putusan_pengadilan",
            *bagi(daftar_kasus(komisi, "keberatan_pengadilan")),
            lambda pk: L.sengketa_catat_putusan_pengadilan(
                sengketa_id=pk,
                oleh=pan,
                pengadilan="PTUN Samarinda",
                nomor=f"{pk}/P/2026",
                hasil="Menguatkan",
                final=True,
            ),
            lambda s: s.catat_putusan_pengadilan(final=True, tanggal=hari),
        ),
    ]
    for nama, a, b, *_f in mix:
        if len(a) < n or len(b) < n:
            raise SystemExit(f"not enough generated cases for {nama}: {len(a)}/{len(b)} of {n}")
    return mix


def lantai(pk: int, fsm) -> None:
    """The floor: the same FSM transition and save(), nothing else, in a transaction."""
    from django.db import transaction

    from sengketa.models import Sengketa

    with transaction.atomic():
        s = Sengketa.objects.get(pk=pk)
        fsm(s)
        s.save()


def siapkan_komisi_bench(m: int, cetak=print):
    """A fresh commission with enough open cases for a mix of m cases per transition on
    each side (each case is used once)."""
    from sengketa.models import KomisiInformasi

    kode = f"BENCH-TR-{KomisiInformasi.objects.count() + 1}"
    komisi = gen.siapkan_komisi(kode)
    # diterima: 4m of 40/146 of the cases -> 14.6m; 15 % more for the luck of the draw.
    jumlah = int(m * 14.6 * 1.15) + 100
    t = time.perf_counter()
    gen.isi(komisi, jumlah, bobot=BOBOT, cetak=lambda *_a: None, analisa=False)
    cetak(f"{kode}: {jumlah:,} generated open cases in {time.perf_counter() - t:.0f} s")
    return komisi, gen.orang_bench(kode)


def jalankan(mix, *, hook: bool, bagian: slice = slice(None)) -> dict:
    """Service and floor, alternating case by case. Per transition name: (timed cases,
    service s, floor s, service queries, floor queries, service CPU s, floor CPU s)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from workflows.kait import tanpa_pengumuman

    hasil = {}
    for nama, kasus, kasus_lantai, layanan, fsm in mix:
        kasus, kasus_lantai = kasus[bagian], kasus_lantai[bagian]

        def panggil(pk, layanan=layanan):
            if hook:
                layanan(pk)
            else:
                with tanpa_pengumuman():
                    layanan(pk)

        # Untimed: the first case of each kind warms up, the second is counted.
        panggil(kasus[0])
        lantai(kasus_lantai[0], fsm)
        with CaptureQueriesContext(connection) as q:
            panggil(kasus[1])
        with CaptureQueriesContext(connection) as q_lantai:
            lantai(kasus_lantai[1], fsm)
        t_layanan = t_lantai = c_layanan = c_lantai = 0.0
        for pk, pk_lantai in zip(kasus[2:], kasus_lantai[2:], strict=True):
            t, c = time.perf_counter(), time.process_time()
            panggil(pk)
            t_layanan += time.perf_counter() - t
            c_layanan += time.process_time() - c
            t, c = time.perf_counter(), time.process_time()
            lantai(pk_lantai, fsm)
            t_lantai += time.perf_counter() - t
            c_lantai += time.process_time() - c
        hasil[nama] = (
            len(kasus) - 2,
            t_layanan,
            t_lantai,
            len(q.captured_queries),
            len(q_lantai.captured_queries),
            c_layanan,
            c_lantai,
        )
    return hasil


def cetak_hasil(judul: str, hasil: dict) -> tuple[float, float]:
    print(f"\n{judul}")
    print(
        f"  {'transition':26s} {'service':>10s} {'floor':>10s} {'ratio':>6s} "
        f"{'CPU ms':>13s} {'queries':>9s}"
    )
    n_total = t_total = l_total = c_total = cl_total = 0
    for nama, (n, t, lt, q, ql, c, cl) in hasil.items():
        n_total, t_total, l_total = n_total + n, t_total + t, l_total + lt
        c_total, cl_total = c_total + c, cl_total + cl
        print(
            f"  {nama:26s} {n / t:8.1f}/s {n / lt:8.1f}/s {t / lt:5.1f}x "
            f"{1000 * c / n:5.1f} vs {1000 * cl / n:4.1f} {q:4d} vs {ql:d}"
        )
    per_detik, rasio = n_total / t_total, t_total / l_total
    hasil_target = "met" if rasio <= TARGET_RASIO else "MISSED"
    print(
        f"  {'all (' + str(n_total) + ')':26s} {per_detik:8.1f}/s {n_total / l_total:8.1f}/s "
        f"{rasio:5.1f}x {1000 * c_total / n_total:5.1f} vs {1000 * cl_total / n_total:4.1f}"
        f"  (target <= {TARGET_RASIO:.0f}x: {hasil_target})"
    )
    return per_detik, rasio


def rute_lewat_viewflow() -> None:
    """Route every task through viewflow's activations (the reference path)."""
    from workflows import rute

    rute.jalur_langsung = lambda simpul: False


def _anak(mix, bagian, antre):
    from django.db import connection

    connection.close()  # a fresh connection in this process
    t = time.perf_counter()
    hasil = jalankan(mix, hook=False, bagian=bagian)
    antre.put(
        (
            sum(v[0] for v in hasil.values()),
            sum(v[1] for v in hasil.values()),
            time.perf_counter() - t,
        )
    )


def dua_proses(mix) -> float:
    """The same mix on two processes at once, on disjoint halves of the cases: services
    (and floors, alternating) of both in the wall time of the slower one."""
    import multiprocessing as mp

    from django.db import connection

    connection.close()
    ctx = mp.get_context("fork")
    antre = ctx.Queue()
    n = min(len(m[1]) for m in mix)
    bagian = [slice(0, n // 2), slice(n // 2, n)]
    t = time.perf_counter()
    anak = [ctx.Process(target=_anak, args=(mix, b, antre)) for b in bagian]
    for p in anak:
        p.start()
    hasil = [antre.get() for _ in anak]
    for p in anak:
        p.join()
    dinding = time.perf_counter() - t
    n_total = sum(h[0] for h in hasil)
    layanan = max(h[1] for h in hasil)
    print(
        "\ntwo processes at once (disjoint halves of the same cases, service and floor "
        "alternating in each):"
    )
    print(
        f"  {n_total} service transitions; service time of the slower process "
        f"{layanan:.1f} s -> {n_total / layanan:.1f} transitions/s on 2 cores "
        f"(wall {dinding:.1f} s incl. floors and start-up)"
    )
    return n_total / layanan


def profil(mix) -> None:
    import cProfile
    import pstats

    from workflows.kait import tanpa_pengumuman

    pr = cProfile.Profile()
    for _nama, kasus, _l, layanan, _f in mix:
        for pk in kasus[:20]:
            pr.enable()
            with tanpa_pengumuman():
                layanan(pk)
            pr.disable()
    pstats.Stats(pr).sort_stats("cumulative").print_stats(40)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kasus", type=int, help="cases per transition (default 150)")
    ap.add_argument("--cepat", action="store_true", help="30 cases per transition")
    ap.add_argument("--jumlah", type=int, help="size of the main data set (page benchmark's)")
    ap.add_argument("--db", help="PostgreSQL database (default: generator.nama_db)")
    ap.add_argument("--tanpa-sqlite", action="store_true", help="skip the SQLite figure")
    ap.add_argument("--hanya-sqlite", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--profil", action="store_true", help="cProfile of the services, top 40")
    ap.add_argument(
        "--rute-viewflow",
        action="store_true",
        help="route tasks through viewflow's activations (the path before workflows/rute.py's)",
    )
    a = ap.parse_args()
    cepat = a.cepat or bool(os.environ.get("BENCH_CEPAT"))
    n = a.kasus or (30 if cepat else 150)

    if a.hanya_sqlite:
        gen.siapkan_sqlite(SQLITE)
        gen.django_siap()
        if a.rute_viewflow:
            rute_lewat_viewflow()
        gen.pastikan_skema()
        komisi, orang = siapkan_komisi_bench(n)
        from django.db import connection

        print(f"SQLite {connection.Database.sqlite_version} (WAL, IMMEDIATE transactions)")
        cetak_hasil(
            f"SQLite, one process, {n - 2} of each:",
            jalankan(campuran(komisi, orang, n), hook=False),
        )
        return 0

    if gen.siapkan_postgres(gen.nama_db(a.db, cepat=cepat)) is None:
        print("DILEWATI / SKIPPED: bench_transisi needs PostgreSQL (BENCH_DATABASE_URL)")
        return 0
    gen.django_siap()
    from django.db import connection

    if a.rute_viewflow:
        rute_lewat_viewflow()
        print("tasks routed through viewflow's activations (--rute-viewflow)")
    r = gen.pastikan_data(gen.jumlah_dari_lingkungan(cepat, a.jumlah))
    print("generated cases take their next transition through the services:")
    if not gen.cetak_periksa(gen.periksa_transisi(r.komisi, r.orang)):
        print("FAILED: a generated case was refused by its service")
        return 1
    komisi, orang = siapkan_komisi_bench(n * 3)
    semua = campuran(komisi, orang, 3 * n)

    def potong(i):  # the i-th n cases of each list: each figure uses its own cases
        return [(m[0], m[1][i * n : (i + 1) * n], m[2][i * n : (i + 1) * n], *m[3:]) for m in semua]

    mix = potong(0)
    print(
        f"PostgreSQL {connection.pg_version}, database with {r.jumlah:,} cases of {r.komisi.kode}"
    )
    if a.profil:  # on cases of its own, then stop: profiled cases are used up
        profil(potong(2))
        return 0
    per_detik, rasio = cetak_hasil(
        f"PostgreSQL, one process, {n - 2} of each (announcements off):", jalankan(mix, hook=False)
    )
    cetak_hasil(
        "PostgreSQL, one process, with the after-commit announcements (documents "
        "queued to the django-q ORM broker):",
        jalankan(potong(1), hook=True),
    )
    per_detik_2 = dua_proses(potong(2))
    print(
        f"\ntarget >= {TARGET_PER_DETIK:.0f} transitions/s on 2 cores: "
        f"{'met' if per_detik_2 >= TARGET_PER_DETIK else 'MISSED'} ({per_detik_2:.1f}/s; "
        f"one process {per_detik:.1f}/s); ratio {rasio:.1f}x (target <= {TARGET_RASIO:.0f}x): "
        f"{'met' if rasio <= TARGET_RASIO else 'MISSED'}"
    )
    if not a.tanpa_sqlite:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        perintah = [sys.executable, __file__, "--hanya-sqlite", "--kasus", str(n)]
        subprocess.run(perintah + ["--rute-viewflow"] * a.rute_viewflow, env=env, check=False)
    # A missed target is printed, not an error: the script fails only when something broke.
    return 0


if __name__ == "__main__":
    sys.exit(main())
