"""Real-browser journeys (issue 8): Playwright's sync API driving Debian's Chromium against
pytest-django's live server, or against running servers (the production rehearsal).

- The browser is Debian's `/usr/bin/chromium` (`apt-get install chromium`); Playwright's own
  download (`playwright install`) is never used. Without it, or when it cannot start, every
  test here is skipped with the reason shown.
- Playwright's sync API keeps an asyncio loop running in the main thread while it is started,
  and Django refuses ORM calls from such a thread: DJANGO_ALLOW_ASYNC_UNSAFE is set for as
  long as the browser lives (this package only), then restored.
- The live server answers from another thread, so the data a test creates must be committed:
  every test here is transactional (`live_server` asks for it), and the background tasks run
  in-process (`sinkron`: the documents exist when the page that announces them is shown).
- A failing test leaves a screenshot of each of its pages in tests/peramban/artefak/.
- Every page must keep to its Content-Security-Policy (alat.periksa_csp): checked with the
  accessibility on each journey page, and once more for all the pages when a test ends.

Against running servers (scripts/gladi_peramban.sh: two gunicorn servers and two django-q2
clusters on PostgreSQL and Redis, DEBUG=0) set PERAMBAN_URL to their base URLs,
comma-separated; each browser context takes the next one in turn, so the people of one
journey work on different servers. The test process then runs with the servers' own
environment (DATABASE_URL, SECRET_KEY, REDIS_URL, MEDIA_ROOT): the journeys' data are made by
the same fixtures, directly in the rehearsal's database, and the test's teardown empties that
database as it empties the test database (so PERAMBAN_DB must name it: nothing else is ever
emptied). What differs:
- the documents and notifications the pages order are made by the rehearsal's workers (only
  those of the fixtures' own service calls are rendered in-process, `sinkron`): the journeys
  wait for them (alat.tunggu_dokumen), each test ends when the workers are done, and a
  document or notification that failed fails the test;
- the accounts get a password hash the servers can check (alat.HashCepat);
- mail is read from the servers' mail folder (surel.py);
- the cache the fixtures clear is the servers' Redis: only the application's keys (prefix
  `kki:`) are removed, never the django-q2 queue beside them.
"""

import itertools
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.peramban.alat import PengawasCsp, periksa_csp, server_luar, tunggu_pekerja
from tests.peramban.surel import kosongkan_kotak_surat

CHROMIUM = os.environ.get("PERAMBAN_CHROMIUM", "/usr/bin/chromium")
ARGUMEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DI_SINI = Path(__file__).parent
ARTEFAK = DI_SINI / "artefak"
BATAS_WAKTU_MS = 15_000  # one step; a journey that waits longer is broken, not slow
SERVER_LUAR = server_luar()
_GILIRAN = itertools.cycle(SERVER_LUAR)  # one turn for the whole run: the load is shared


def _alasan_lewati() -> str:
    """Why the browser tests cannot run here ('' when they can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "peramban: paket playwright tidak terpasang (pip install '.[dev]')"
    if not (shutil.which(CHROMIUM) or os.access(CHROMIUM, os.X_OK)):
        return f"peramban: {CHROMIUM} tidak ada (apt-get install -y chromium)"
    return ""


def pytest_collection_modifyitems(config, items):
    """Every test of this folder is marked `peramban` (select or leave them out with
    `-m peramban` / `-m "not peramban"`), and skipped with its reason without a browser."""
    ini = [i for i in items if Path(str(i.path)).is_relative_to(DI_SINI)]
    if not ini:
        return
    alasan = _alasan_lewati()
    for item in ini:
        item.add_marker(pytest.mark.peramban)
        if alasan:
            item.add_marker(pytest.mark.skip(reason=alasan))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    laporan = yield
    setattr(item, f"laporan_{laporan.when}", laporan)
    return laporan


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for the whole package (starting it costs about a second)."""
    lama = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import Error, sync_playwright

    pw = sync_playwright().start()
    try:
        peramban = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGUMEN)
    except Error as galat:
        pw.stop()
        _pulihkan(lama)
        baris = str(galat).strip().splitlines() or [""]
        pytest.skip(f"peramban: {CHROMIUM} tidak dapat dijalankan: {baris[0]}")
    yield peramban
    peramban.close()
    pw.stop()
    _pulihkan(lama)


def _pulihkan(lama: str | None) -> None:
    if lama is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = lama


if SERVER_LUAR:

    @pytest.fixture(scope="session")
    def django_db_setup():
        """The servers' database as it is (migrated by the rehearsal), no test database; only
        when PERAMBAN_DB names it, since the tests empty it after each journey."""
        from django.conf import settings

        nama = settings.DATABASES["default"]["NAME"]
        if os.environ.get("PERAMBAN_DB") != str(nama):
            pytest.exit(
                f"PERAMBAN_URL is set: the journeys would empty the database {nama!r}. Run them "
                "with the servers' environment and PERAMBAN_DB=<that database's name> "
                "(scripts/gladi_peramban.sh does).",
                returncode=4,
            )

    @pytest.fixture
    def alamat_server():
        """The next server for each browser context: the people of one journey work on
        different servers."""
        kosongkan_kotak_surat()
        return lambda: next(_GILIRAN)

    @pytest.fixture(autouse=True)
    def _hash_cepat(settings):
        settings.PASSWORD_HASHERS = ["tests.peramban.alat.HashCepat"]

    @pytest.fixture(autouse=True)
    def _batas_laju_bersih():
        """The application's cache keys only (rate limits, the calendar's generation): the
        django-q2 queue in the same Redis database belongs to the running workers."""
        from django.core.cache import cache

        if hasattr(cache, "_cache") and hasattr(cache._cache, "get_client"):
            klien = cache._cache.get_client(None, write=True)
            kunci = list(klien.scan_iter(match=f"{cache.key_prefix}:*"))
            if kunci:
                klien.delete(*kunci)
        else:
            cache.clear()

    @pytest.fixture
    def sinkron(settings):
        """The tasks of the fixtures' own service calls run in-process; files go to the
        servers' MEDIA_ROOT and links carry their SITE_URL (unlike the live-server mode)."""
        settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": True}

else:

    @pytest.fixture
    def alamat_server(live_server):
        return lambda: live_server.url


@pytest.fixture
def buka(request, browser, alamat_server, sinkron):
    """`buka(pengguna=None)`: a new page in its own browser context (its own cookies), in
    Indonesian and in the commission's time zone, logged in as `pengguna` when given (the
    session is made server-side: only the journey's own logins go through the form).
    Each context watches its pages' Content-Security-Policy violations (checked by
    `periksa_aksesibilitas` on the way, and for every page at the end of the test).
    On failure each page opened is saved as tests/peramban/artefak/<test>[-n].png."""
    from django.conf import settings
    from django.test import Client

    halaman = []

    def _buka(pengguna=None):
        alamat = alamat_server()
        konteks = browser.new_context(
            base_url=alamat,
            locale="id-ID",
            timezone_id="Asia/Makassar",
            accept_downloads=True,
            viewport={"width": 1280, "height": 900},
        )
        konteks.set_default_timeout(BATAS_WAKTU_MS)
        PengawasCsp(konteks)
        if pengguna is not None:
            klien = Client()
            klien.force_login(pengguna)
            sesi = klien.cookies[settings.SESSION_COOKIE_NAME].value
            konteks.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": sesi, "url": alamat}]
            )
        p = konteks.new_page()
        halaman.append(p)
        return p

    yield _buka
    laporan = getattr(request.node, "laporan_call", None)
    if laporan is not None and laporan.failed:
        ARTEFAK.mkdir(exist_ok=True)
        nama = re.sub(r"[^\w.-]+", "_", request.node.name)
        for i, p in enumerate(halaman):
            akhiran = f"-{i + 1}" if len(halaman) > 1 else ""
            berkas = ARTEFAK / f"{nama}{akhiran}.png"
            try:
                p.screenshot(path=berkas, full_page=True)
                print(f"tangkapan layar: {berkas} ({p.url})")
            except Exception as galat:  # a crashed page must not hide the test's own failure
                print(f"tangkapan layar gagal: {galat}")
    # A test that passed may still have broken the policy after its last check, or left work
    # for the rehearsal's workers: both fail it here (an error in teardown, listed). After a
    # failure only the wait: the workers must be done before the data go.
    lulus = laporan is not None and laporan.passed
    try:
        if lulus:
            for p in halaman:
                periksa_csp(p)
        if SERVER_LUAR:
            tunggu_pekerja(periksa=lulus)
    finally:
        for p in halaman:
            p.context.close()


@pytest.fixture
def page(buka):
    """An anonymous page (a visitor of the public pages)."""
    return buka()
