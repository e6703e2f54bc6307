"""Helpers of the browser journeys: the accessibility check, the logins, the downloads, and
the Indonesian text a person reads on the page."""

import io
from functools import cache

from django.utils import translation
from pypdf import PdfReader

# axe-core impacts that fail a page (minor and moderate are reported by axe, not failed here).
DAMPAK_GAGAL = ("serious", "critical")
KATA_SANDI = "rahasia-uji-123"  # tests.factories.PenggunaFactory


@cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # reads the axe.min.js shipped in the package: no network


def periksa_aksesibilitas(page) -> None:
    """Run axe-core (WCAG 2.x A/AA and best practices) on the page as it is now; fail on
    every violation of impact serious or critical, listed rule by rule with the elements."""
    hasil = _axe().run(page).response
    buruk = [v for v in hasil["violations"] if v["impact"] in DAMPAK_GAGAL]
    if not buruk:
        return
    baris = [f"axe-core: {len(buruk)} pelanggaran serius/kritis di {page.url}"]
    for v in buruk:
        baris.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for n in v["nodes"][:8]:
            sasaran = " ".join(str(t) for t in n["target"])
            ringkas = " ".join((n.get("failureSummary") or "").split())
            baris.append(f"    {sasaran}: {ringkas[:300]}")
        if len(v["nodes"]) > 8:
            baris.append(f"    ... dan {len(v['nodes']) - 8} elemen lain")
    raise AssertionError("\n".join(baris))


def id_(teks) -> str:
    """A (lazy) message as an Indonesian reader sees it."""
    with translation.override("id"):
        return str(teks)


def masuk_kantor(page, pengguna) -> None:
    """Log in to the back office through its form."""
    page.goto("/kantor/masuk/")
    periksa_aksesibilitas(page)
    page.fill("#id_username", pengguna.username)
    page.fill("#id_password", KATA_SANDI)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/kantor/tugas/")


def url_kasus(pk: int, *bagian: str) -> str:
    """/kantor/sengketa/<pk>/[bagian/...]: the case page and its form actions."""
    return "/".join([f"/kantor/sengketa/{pk}", *bagian]) + "/"


def buka_aksi(page, action: str):
    """Open the <details> of the case page holding the form that posts to `action`, as a
    person would (its summary); the form."""
    form = page.locator(f'form[action="{action}"]')
    form.locator("xpath=ancestor::details[1]/summary").click()
    return form


def kirim(tombol) -> None:
    """Press a submit button and wait for the page the server answers with (a redirect back
    to the same URL included): what follows reads the new page, never the old one."""
    with tombol.page.expect_navigation():
        tombol.click()


def unduh(page, tautan) -> bytes:
    """Click a download link; the bytes the browser saved."""
    with page.expect_download() as info:
        tautan.click()
    unduhan = info.value
    path = unduhan.path()
    assert unduhan.failure() is None, unduhan.failure()
    with open(path, "rb") as f:
        return f.read()


def teks_pdf(isi: bytes) -> str:
    halaman = PdfReader(io.BytesIO(isi)).pages
    return " ".join(" ".join(h.extract_text().split()) for h in halaman)
