"""Helpers of the browser journeys: the accessibility and Content-Security-Policy checks, the
logins, the downloads, the documents rendered by the workers, and the Indonesian text a
person reads on the page."""

import io
import os
import time
from functools import cache

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.utils import translation
from pypdf import PdfReader

# axe-core impacts that fail a page (minor and moderate are reported by axe, not failed here).
DAMPAK_GAGAL = ("serious", "critical")
KATA_SANDI = "rahasia-uji-123"  # tests.factories.PenggunaFactory
# Against the rehearsal the django-q2 workers render the documents a page has ordered; a
# document takes well under a second, the rest is the shared machine's queue.
BATAS_PEKERJA_DETIK = 120


def server_luar() -> list[str]:
    """The base URLs of the running servers the journeys target (PERAMBAN_URL, comma-separated:
    the production rehearsal, scripts/gladi_peramban.sh); [] for pytest-django's live server."""
    teks = os.environ.get("PERAMBAN_URL", "")
    return [u.strip().rstrip("/") for u in teks.split(",") if u.strip()]


class HashCepat(PBKDF2PasswordHasher):
    """Against the rehearsal the accounts made by the tests must log in on servers that know
    only Django's default hashers (the tests' usual MD5 is not one of them). This is the same
    algorithm with fewer rounds: a stored hash names its own round count, so the servers verify
    it (and upgrade it at the first log-in), and making a dozen accounts per test stays cheap."""

    iterations = 1000


# -- Content-Security-Policy ----------------------------------------------------------------
# Chromium reports every violation twice: a console error ("... violates the following Content
# Security Policy directive ...", older versions "Refused to ...") and a
# `securitypolicyviolation` event in the page. Both are collected; the event is read by a
# script Playwright adds to every document (it is not itself subject to the page's policy).
SKRIP_CSP = """document.addEventListener("securitypolicyviolation", (e) => {
  window.__kkiPelanggaranCsp(`${e.effectiveDirective} memblokir ${e.blockedURI || "?"}`
    + ` (${e.sourceFile || document.URL}:${e.lineNumber})`
    + (e.sample ? ` «${e.sample}»` : ""));
});"""


def _pesan_csp(teks: str) -> bool:
    return "Content Security Policy" in teks or teks.startswith("Refused to")


class PengawasCsp:
    """The CSP violations of every page of one browser context, in the order they happened."""

    def __init__(self, konteks):
        self.temuan: list[str] = []
        self.dilaporkan = 0
        konteks.expose_binding("__kkiPelanggaranCsp", self._dari_peristiwa)
        konteks.add_init_script(SKRIP_CSP)
        konteks.on("console", self._dari_konsol)
        konteks._pengawas_csp = self

    def _dari_peristiwa(self, sumber, teks: str) -> None:
        self.temuan.append(f"{sumber['page'].url}: peristiwa {teks}")

    def _dari_konsol(self, pesan) -> None:
        if _pesan_csp(pesan.text):
            asal = pesan.page.url if pesan.page else "?"
            self.temuan.append(f"{asal}: konsol {pesan.text}")

    def baru(self) -> list[str]:
        """The violations not reported yet."""
        hasil = self.temuan[self.dilaporkan :]
        self.dilaporkan = len(self.temuan)
        return hasil


def periksa_csp(page) -> None:
    """Fail when a page of this browser context has violated its Content-Security-Policy since
    the last check (an inline script or style, a resource from elsewhere), listing each."""
    pengawas = page.context._pengawas_csp
    page.evaluate("() => 0")  # a round trip: the page's pending reports have arrived
    temuan = pengawas.baru()
    if temuan:
        raise AssertionError(
            f"Content-Security-Policy: {len(temuan)} pelanggaran\n"
            + "\n".join(f"- {t}" for t in temuan)
        )


@cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # reads the axe.min.js shipped in the package: no network


def periksa_aksesibilitas(page) -> None:
    """Run axe-core (WCAG 2.x A/AA and best practices) on the page as it is now; fail on
    every violation of impact serious or critical, listed rule by rule with the elements.
    Every journey page passes through here, so the CSP check runs here too (first: a page
    that broke its policy is broken whatever axe says)."""
    if hasattr(page.context, "_pengawas_csp"):
        periksa_csp(page)
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


def tunggu_dokumen(page, sengketa_id: int) -> None:
    """The documents a step of the journey ordered, ready on the page. Against the live server
    they were rendered in-process before the page was shown (`sinkron`): nothing to do. Against
    the rehearsal the django-q2 workers render them in the background while the page lists
    them as pending: wait until none of the case is pending, then reload, as a person would."""
    if not server_luar():
        return
    from dokumen.models import Dokumen, StatusDokumen

    antre = Dokumen.objects.filter(sengketa_id=sengketa_id, status=StatusDokumen.MENUNGGU)
    batas = time.monotonic() + BATAS_PEKERJA_DETIK
    while antre.exists():
        assert time.monotonic() < batas, (
            f"dokumen perkara {sengketa_id} masih menunggu setelah {BATAS_PEKERJA_DETIK} s: "
            "are the qcluster workers running?"
        )
        time.sleep(0.3)
    page.reload()


def tunggu_pekerja(*, periksa: bool = True) -> None:
    """Against the rehearsal, at the end of a test: every document and notification it caused
    has been handled by the workers (before the test's data is removed under them), and
    (`periksa`) none failed."""
    from dokumen.models import Dokumen, StatusDokumen
    from workflows.models import Notifikasi, StatusNotifikasi

    batas = time.monotonic() + BATAS_PEKERJA_DETIK
    while (
        Dokumen.objects.filter(status=StatusDokumen.MENUNGGU).exists()
        or Notifikasi.objects.filter(status=StatusNotifikasi.MENUNGGU).exists()
    ):
        assert time.monotonic() < batas, f"pekerja belum selesai setelah {BATAS_PEKERJA_DETIK} s"
        time.sleep(0.3)
    if not periksa:
        return
    gagal = [
        f"dokumen {pk} {jenis}: {galat[:200]}"
        for pk, jenis, galat in Dokumen.objects.filter(status=StatusDokumen.GAGAL).values_list(
            "pk", "jenis", "galat"
        )
    ] + [
        f"notifikasi {pk} ke {alamat}: {galat[:200]}"
        for pk, alamat, galat in Notifikasi.objects.filter(
            status=StatusNotifikasi.GAGAL
        ).values_list("pk", "alamat", "galat")
    ]
    assert not gagal, "gagal di pekerja:\n" + "\n".join(gagal)
