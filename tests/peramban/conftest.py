"""Real-browser journeys (issue 8): Playwright's sync API driving Debian's Chromium against
pytest-django's live server.

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
"""

import os
import re
import shutil
from pathlib import Path

import pytest

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


@pytest.fixture
def buka(request, browser, live_server, sinkron):
    """`buka(pengguna=None)`: a new page in its own browser context (its own cookies), in
    Indonesian and in the commission's time zone, logged in as `pengguna` when given (the
    session is made server-side: only the journey's own logins go through the form).
    On failure each page opened is saved as tests/peramban/artefak/<test>[-n].png."""
    from django.conf import settings
    from django.test import Client

    halaman = []

    def _buka(pengguna=None):
        konteks = browser.new_context(
            base_url=live_server.url,
            locale="id-ID",
            timezone_id="Asia/Makassar",
            accept_downloads=True,
            viewport={"width": 1280, "height": 900},
        )
        konteks.set_default_timeout(BATAS_WAKTU_MS)
        if pengguna is not None:
            klien = Client()
            klien.force_login(pengguna)
            sesi = klien.cookies[settings.SESSION_COOKIE_NAME].value
            konteks.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": sesi, "url": live_server.url}]
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
    for p in halaman:
        p.context.close()


@pytest.fixture
def page(buka):
    """An anonymous page (a visitor of the public pages)."""
    return buka()
