"""The Indonesian catalogue compiles without GNU gettext and the committed .mo is current.

The .mo files are compiled with Babel (`python3 dev.py messages`) and committed, so a machine
without gettext serves the same translations: these tests catch a .po edited without
recompiling.
"""

import io
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

LOCALE = Path(settings.BASE_DIR) / "locale"
KATALOG = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def baca_po(po: Path):
    with po.open("rb") as berkas:
        return read_po(berkas, locale=po.parent.parent.name, abort_invalid=True)


def _kunci(nilai):
    """Plural entries carry lists (singular, plural / one string per form): make them keys."""
    return tuple(nilai) if isinstance(nilai, list | tuple) else nilai


def isi_mo(data: bytes) -> dict:
    return {
        (pesan.context, _kunci(pesan.id)): _kunci(pesan.string)
        for pesan in read_mo(io.BytesIO(data))
    }


def kompilasi(po: Path) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, baca_po(po))
    return buffer.getvalue()


def test_ada_katalog_bahasa_indonesia():
    assert LOCALE / "id" / "LC_MESSAGES" / "django.po" in KATALOG


@pytest.mark.parametrize("po", KATALOG, ids=lambda p: str(p.relative_to(LOCALE)))
def test_po_terkompilasi_dengan_babel_tanpa_galat(po):
    katalog = baca_po(po)
    galat = [(pesan.id, e) for pesan, daftar in katalog.check() for e in daftar]
    assert galat == []
    assert katalog.num_plurals == 1  # Indonesian has no plural forms
    assert kompilasi(po)


@pytest.mark.parametrize("po", KATALOG, ids=lambda p: str(p.relative_to(LOCALE)))
def test_mo_yang_dikomit_sama_dengan_hasil_kompilasi(po):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} belum ada: jalankan python3 dev.py messages"
    assert isi_mo(mo.read_bytes()) == isi_mo(kompilasi(po)), (
        f"{mo} tidak sesuai dengan {po.name}: jalankan python3 dev.py messages"
    )


@pytest.mark.parametrize(
    ("asli", "terjemahan"),
    [
        ("information commission", "komisi informasi"),
        ("public body", "badan publik"),
        ("working days", "hari kerja"),
        ("settlement period (WD)", "jangka waktu penyelesaian sengketa (HK)"),
        ("register number template", "templat nomor register"),
        ("Regency/city", "Kabupaten/kota"),
        ("Background tasks", "Tugas latar belakang"),
    ],
)
def test_teks_tampil_dalam_bahasa_indonesia(asli, terjemahan):
    with translation.override("id"):
        assert gettext(asli) == terjemahan


def test_bahasa_bawaan_adalah_bahasa_indonesia():
    assert settings.LANGUAGE_CODE == "id"
    with translation.override("en"):
        assert gettext("information commission") == "information commission"
