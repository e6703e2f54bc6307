"""The back-office menu shows each link only to the users who may open its page: for every
link of the menu and every kind of user, "shown" is exactly "not refused" (issue 3)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PenggunaFactory
from workflows.kantor.menu import Menu

pytestmark = pytest.mark.django_db

BASE = Path(settings.BASE_DIR) / "templates" / "kantor" / "base.html"


def nama_tautan_menu() -> list[str]:
    """Every URL name linked from the menu of base.html, as written there."""
    sumber = BASE.read_text()
    nav = sumber.split("<nav", 1)[1].split("</nav>", 1)[0]
    return re.findall(r"\{% url '([\w:]+)' %\}", nav)


def tautan_tampil(isi: str) -> set[str]:
    nav = isi.split("<nav", 1)[1].split("</nav>", 1)[0]
    return set(re.findall(r'href="([^"]+)"', nav))


ORANG = ["panitera", "ketua", "komisioner", "pp", "admin", "panitera_lain", "superuser"]


def orang(persona, siapa):
    if siapa == "komisioner":
        return persona.komisioner[0]
    if siapa == "superuser":
        return PenggunaFactory(is_superuser=True, is_staff=True)
    return getattr(persona, siapa)


def test_setiap_tautan_menu_dijaga():
    """A link added without its guard would be shown to everyone."""
    sumber = BASE.read_text()
    nav = sumber.split("<nav", 1)[1].split("</nav>", 1)[0]
    for baris in nav.splitlines():
        if "<a " in baris:
            assert re.search(r"\{% if menu_kantor\.\w+ %\}<a ", baris), baris


@pytest.mark.parametrize("siapa", ORANG)
def test_tautan_tampil_tepat_bila_halaman_bisa_dibuka(client, persona, siapa):
    pengguna = orang(persona, siapa)
    client.force_login(pengguna)
    status = {nama: client.get(reverse(nama)).status_code for nama in nama_tautan_menu()}
    assert all(kode in (200, 403) for kode in status.values()), status
    bisa = {nama for nama, kode in status.items() if kode == 200}
    assert bisa, f"{siapa} can open no page at all"
    # The menu as rendered on a page this user can open.
    halaman = client.get(reverse(sorted(bisa)[0]))
    tampil = tautan_tampil(halaman.content.decode())
    assert tampil == {reverse(nama) for nama in bisa}
    assert {nama for nama in status if Menu(pengguna)[nama]} == bisa


def test_komisioner_tidak_melihat_libur_dan_tugas_gagal(client, persona):
    client.force_login(persona.komisioner[0])
    isi = client.get(reverse("kantor:tugas")).content.decode()
    menu = isi.split("<nav", 1)[1].split("</nav>", 1)[0]
    for nama in ("kantor:libur", "kantor:tugas_gagal", "kantor:permohonan_baru"):
        assert f'href="{reverse(nama)}"' not in menu
        assert client.get(reverse(nama)).status_code == 403
    assert f'href="{reverse("kantor:antrean")}"' in menu


def test_admin_melihat_libur_dan_tugas_gagal_tetapi_bukan_permohonan(client, persona):
    client.force_login(persona.admin)
    menu = client.get(reverse("kantor:tugas")).content.decode().split("</nav>", 1)[0]
    assert f'href="{reverse("kantor:libur")}"' in menu
    assert f'href="{reverse("kantor:tugas_gagal")}"' in menu
    assert f'href="{reverse("kantor:permohonan_baru")}"' not in menu


def test_menu_dihitung_sekali_per_permintaan(client, persona, django_assert_max_num_queries):
    client.force_login(persona.komisioner[0])
    client.get(reverse("kantor:tugas"))  # warm the URL resolver's cache
    menu = Menu(persona.komisioner[0])
    assert menu["libur"] is False
    with django_assert_max_num_queries(0):
        assert menu["libur"] is False
        assert menu["kantor:libur"] is False
