"""Back-office lists at 100,000 cases, each beside the Django admin changelist of the same
model on the same data, measured in the same run (issue 8, "Scale and speed").

    .venv/bin/python benchmarks/bench_halaman.py [--jumlah N | --cepat] [--ulang 15]
        [--hanya kantor ...]

On PostgreSQL, in the generator's database (benchmarks/generator.py; generated first when
missing or of another size). Every page is requested in-process through django.test.Client
as a logged-in user, with DEBUG off, warm (two requests first), `--ulang` times, the pages
in turns (one request of each per round, so a burst of load from elsewhere falls on a page
and its peer alike); median and p95 of the wall time of the whole request (middleware,
session, queries, template), and the median CPU time of the request (this process and,
with the server on this machine, the database backend: the work, which load from elsewhere
does not stretch):

- the admin changelist of Sengketa (superuser) filtered to the commission, and its search
  (?q=): the peers (the unfiltered changelist is printed too);
- the inbox /kantor/tugas/ and the queue /kantor/antrean/ (registrar; the queue also as a
  substitute registrar, PP), the deadline dashboard /kantor/tenggat/ (registrar);
- the API case list /api/v1/sengketa/ (token) and its search ?q= (register number, a
  party's name, the respondent public body): the search of sengketa.selectors.cari_sengketa,
  trigram-indexed on PostgreSQL.

Targets: each list <= 0.5x the admin's median; the query count of a page the same for page
sizes 25 and 100 (the page size is switched for that check only); search p95 <= 100 ms
(the issue sets it at 1,000,000 cases: run with --jumlah 1000000 for that figure).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generator as gen

TARGET_RASIO = 0.5
TARGET_CARI_MS = 100.0


def cpu_server() -> float | None:
    """CPU time (ms) the database backend of this process's connection has used so far, from
    /proc/<pid>/schedstat (nanoseconds; the server on this machine). None when unreadable
    (a remote server, no connection yet)."""
    from django.db import connection

    if connection.connection is None:
        return None
    try:
        pid = connection.connection.info.backend_pid
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0]) / 1e6
    except (OSError, AttributeError, ValueError):
        return None


def ukur_bergiliran(halaman: list, ulang: int) -> tuple[dict, dict]:
    """Wall and CPU times (ms) of `ulang` GETs of every page after two warm-up ones, taken
    in turns (one request of each page per round): a burst of load from elsewhere on a
    shared machine then falls on every page and its peer alike. Every answer must be 200.

    The CPU time is the work of the request, which load from elsewhere does not stretch:
    this process's (Python: Django, templates, the driver) plus, when the database server
    runs on this machine, its backend's for the queries (a request whose connection changed
    underway counts its client side only)."""
    for nama, klien, url, extra, _b in halaman:
        for _ in range(2):
            r = klien.get(url, **extra)
            if r.status_code != 200:
                raise AssertionError(f"{nama} {url}: HTTP {r.status_code}")
    waktu = {h[0]: [] for h in halaman}
    cpu = {h[0]: [] for h in halaman}
    for _ in range(ulang):
        for nama, klien, url, extra, _b in halaman:
            s0 = cpu_server()
            t, c = time.perf_counter(), time.process_time()
            r = klien.get(url, **extra)
            klien_cpu = (time.process_time() - c) * 1000
            waktu[nama].append((time.perf_counter() - t) * 1000)
            s1 = cpu_server()
            server = s1 - s0 if s0 is not None and s1 is not None and s1 >= s0 else 0.0
            cpu[nama].append(klien_cpu + server)
            assert r.status_code == 200, (url, r.status_code)
    return waktu, cpu


def p95(waktu: list[float]) -> float:
    urut = sorted(waktu)
    return urut[min(len(urut) - 1, round(0.95 * (len(urut) - 1)))]


@contextmanager
def ukuran_halaman(n: int):
    """Switch every list's page size for the query-count check (restored after)."""
    from api.galat import Halaman
    from sengketa.admin import SengketaAdmin
    from workflows.kantor import views as kantor

    lama = (kantor.PER_HALAMAN, Halaman.page_size, SengketaAdmin.list_per_page)
    kantor.PER_HALAMAN = Halaman.page_size = SengketaAdmin.list_per_page = n
    try:
        yield
    finally:
        kantor.PER_HALAMAN, Halaman.page_size, SengketaAdmin.list_per_page = lama


def jumlah_query(klien, url: str, n: int, **extra) -> tuple[int, int]:
    """(queries, rows shown) of one GET with page size n."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with ukuran_halaman(n), CaptureQueriesContext(connection) as q:
        r = klien.get(url, **extra)
    assert r.status_code == 200, (url, r.status_code)
    return len(q.captured_queries), baris_tampil(r)


def baris_tampil(r) -> int:
    if r.get("Content-Type", "").startswith("application/json"):
        return len(r.json().get("results", []))
    isi = r.content.decode()
    # Data rows of the page's table: the admin marks each with a checkbox cell, ours are
    # plain <tr> rows inside <tbody>.
    if 'class="action-checkbox"' in isi:
        return isi.count('class="action-checkbox"')
    tbody = isi.split("<tbody", 1)[-1].split("</tbody>", 1)[0]
    return tbody.count("<tr")


def istilah_cari(komisi) -> dict[str, str]:
    """Search terms taken from the data: a register number, an applicant's surname, a
    respondent public body."""
    from sengketa.models import Pihak, Sengketa

    nomor = (
        Sengketa.objects.filter(komisi=komisi)
        .exclude(nomor_register="")
        .order_by("-tanggal_registrasi")
        .values_list("nomor_register", flat=True)[500]
    )
    badan = Pihak.objects.filter(sengketa__komisi=komisi, peran="termohon").values_list(
        "nama", flat=True
    )[1000]
    return {
        "register number": nomor,
        "applicant name": "Rahmawati",
        "respondent": badan.split(" ", 1)[1] if " " in badan else badan,
        "respondent (typed in lower case)": "dinas kesehatan kabupaten berau",
    }


def print_peta_visibilitas(connection) -> None:
    """How much of the searched tables the visibility map covers, and when they were last
    vacuumed: an unvacuumed table (autovacuum is off on the bench server, on in production)
    makes the planner avoid index-only scans and reads the heap for every match. And the
    server's memory settings (docs/deploy.md): the stock 128 MB of shared buffers do not
    hold a million cases, and the figures depend on it."""
    with connection.cursor() as c:
        nilai = []
        for nama in ("shared_buffers", "effective_cache_size", "random_page_cost", "jit"):
            c.execute(f"SHOW {nama}")
            nilai.append(f"{nama} {c.fetchone()[0]}")
        print(f"  server: {', '.join(nilai)}")
        c.execute(
            "SELECT c.relname, c.relpages, c.relallvisible,"
            " GREATEST(s.last_vacuum, s.last_autovacuum)"
            " FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid"
            " WHERE c.relname IN ('sengketa_sengketa', 'sengketa_pihak', 'sengketa_indekscari')"
            " ORDER BY 1"
        )
        for tabel, halaman, terlihat, vakum in c.fetchall():
            persen = 100 * terlihat / halaman if halaman else 0
            print(f"  {tabel}: {terlihat:,} of {halaman:,} pages all-visible ({persen:.0f} %),"
                  f" last VACUUM {vakum or 'never'}")  # fmt: skip


def _acuan(h) -> str:
    """The admin page a page is compared with."""
    return "admin changelist" if h[4] == "admin" else h[4]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jumlah", type=int, help="cases (default 100,000; env BENCH_JUMLAH)")
    ap.add_argument("--cepat", action="store_true", help=f"{gen.JUMLAH_CEPAT:,} cases")
    ap.add_argument("--ulang", type=int, default=15, help="timed requests per page")
    ap.add_argument("--db", help="PostgreSQL database (default: generator.nama_db)")
    ap.add_argument(
        "--ringan",
        action="store_true",
        help="only the API list and the search, on a light data set of their own (cases and"
        " parties, database bench_skala_ringan): the search at 1,000,000 cases",
    )
    ap.add_argument(
        "--hanya",
        nargs="+",
        metavar="KATA",
        help="only the pages whose label contains one of these words (e.g. kantor, API,"
        " search), with the admin pages they are compared with",
    )
    a = ap.parse_args()
    if gen.siapkan_postgres(gen.nama_db(a.db, cepat=a.cepat, ringan=a.ringan)) is None:
        print("DILEWATI / SKIPPED: bench_halaman needs PostgreSQL (BENCH_DATABASE_URL)")
        return 0
    gen.django_siap()
    from django.db import connection
    from django.test import Client
    from rest_framework.authtoken.models import Token

    jumlah = gen.jumlah_dari_lingkungan(a.cepat, a.jumlah)
    r = gen.pastikan_data(jumlah, ringan=a.ringan)
    komisi, orang = r.komisi, r.orang
    ulang = a.ulang

    def klien(user):
        c = Client()
        c.force_login(user)
        return c

    panitera, pp = orang.panitera[0], orang.pp[0]
    admin = klien(orang.admin)
    staf = klien(panitera)
    staf_pp = klien(pp)
    api = Client()
    token = {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=panitera)[0].key}"}

    # The admin filtered to the commission: the same cases the staff pages list (the bench
    # database may hold other commissions, e.g. those of bench_transisi.py).
    adm = f"/admin/sengketa/sengketa/?komisi__id__exact={komisi.pk}"
    halaman = [
        # (label, client, url, extra, the admin page it is compared with)
        ("admin changelist", admin, adm, {}, None),
        ("admin changelist, all commissions", admin, "/admin/sengketa/sengketa/", {}, None),
        ("inbox /kantor/tugas/", staf, "/kantor/tugas/", {}, "admin"),
        ("queue /kantor/antrean/ (registrar)", staf, "/kantor/antrean/", {}, "admin"),
        ("queue /kantor/antrean/ (PP)", staf_pp, "/kantor/antrean/", {}, "admin"),
        ("deadlines /kantor/tenggat/", staf, "/kantor/tenggat/", {}, "admin"),
        ("API /api/v1/sengketa/", api, "/api/v1/sengketa/", token, "admin"),
    ]
    if a.ringan:  # no tasks, hearings or deadlines in a light data set
        halaman = [h for h in halaman if h[2].startswith(("/admin", "/api"))]
    cari = istilah_cari(komisi)
    from urllib.parse import quote

    for nama, q in cari.items():
        halaman.append((f"admin search: {nama}", admin, f"{adm}&q={quote(q)}", {}, None))
        halaman.append((f"API search: {nama}", api, f"/api/v1/sengketa/?q={quote(q)}", token,
                        f"admin search: {nama}"))  # fmt: skip
    if a.hanya:
        dipilih = {h[0] for h in halaman if any(k.lower() in h[0].lower() for k in a.hanya)}
        dipilih |= {_acuan(h) for h in halaman if h[0] in dipilih and h[4]}
        halaman = [h for h in halaman if h[0] in dipilih]
        cari = {k: v for k, v in cari.items() if any(k in h[0] for h in halaman)}

    print(
        f"\n{jumlah:,} cases of {komisi.kode}; PostgreSQL {connection.pg_version}; "
        f"{ulang} timed requests per page after 2 warm-up ones, in-process, DEBUG off"
    )
    for nama, q in cari.items():
        print(f"  search term, {nama}: {q!r}")
    print_peta_visibilitas(connection)
    hasil, cpu = ukur_bergiliran(halaman, ulang)
    median = {k: statistics.median(v) for k, v in hasil.items()}
    median_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"\n{'page':46s} {'median':>9s} {'p95':>9s} {'cpu':>8s}  vs admin, wall (cpu) "
          f"(target <= {TARGET_RASIO}x of the wall median; pages measured in turns; cpu:"
          f" this process + the database backend)")  # fmt: skip
    gagal = []
    for h in halaman:
        nama = h[0]
        baris = (
            f"{nama:46s} {median[nama]:7.1f}ms {p95(hasil[nama]):7.1f}ms {median_cpu[nama]:6.1f}ms"
        )
        if h[4]:
            acuan = _acuan(h)
            rasio = median[nama] / median[acuan]
            rasio_cpu = median_cpu[nama] / median_cpu[acuan]
            ok = rasio <= TARGET_RASIO
            baris += f"  {rasio:5.2f}x ({rasio_cpu:4.2f}x) {acuan}: {'met' if ok else 'MISSED'}"
            if not ok:
                gagal.append(nama)
        print(baris)

    print("\nqueries per request, page size 25 vs 100 (target: equal)")
    for nama, c, url, extra, _banding in halaman:
        if "search" in nama and "register" not in nama and "applicant" not in nama:
            continue
        q25, n25 = jumlah_query(c, url, 25, **extra)
        q100, n100 = jumlah_query(c, url, 100, **extra)
        ok = q25 == q100
        if not ok:
            gagal.append(f"{nama} (queries)")
        print(f"  {nama:46s} {q25:3d} queries ({n25:3d} rows) vs {q100:3d} ({n100:3d} rows): "
              f"{'equal' if ok else 'DIFFERENT'}")  # fmt: skip

    if cari:
        print("\nthe search alone (sengketa.selectors.cari_sengketa on what the registrar "
              "sees): count + the first page's ids, without the API's rendering")  # fmt: skip
    from sengketa.selectors import cari_sengketa, sengketa_terlihat

    for nama, q in cari.items():

        def satu(q=q):
            qs = cari_sengketa(sengketa_terlihat(panitera), q)
            return qs.count(), list(qs.values_list("pk", flat=True)[:25])

        satu()
        waktu = []
        for _ in range(ulang):
            t = time.perf_counter()
            n, _ids = satu()
            waktu.append((time.perf_counter() - t) * 1000)
        print(f"  {nama:44s} {n:7,} found  median {statistics.median(waktu):6.1f} ms"
              f"  p95 {p95(waktu):6.1f} ms")  # fmt: skip

    cari_api = [k for k in hasil if k.startswith("API search")]
    terburuk = max((p95(hasil[k]) for k in cari_api), default=None)
    if terburuk is None:
        print("missed: " + "; ".join(gagal) if gagal else "")
        return 0
    print(f"\nsearch p95 (worst of {len(cari_api)} terms) at {jumlah:,} cases: {terburuk:.1f} ms "
          f"(target <= {TARGET_CARI_MS:.0f} ms at 1,000,000: "
          f"{'met' if terburuk <= TARGET_CARI_MS else 'MISSED'} at this size)")  # fmt: skip
    if gagal:
        print("missed: " + "; ".join(gagal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
