"""The statistics dashboard of the back office: who may see it, its filters, its charts and
the XLSX export of each table (same numbers as the statistics service)."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sengketa.models import Keanggotaan
from sengketa.models import StatusSengketa as S
from sengketa.statistik import Periode, hitung_semua
from tests.kasus import kasus

URL = "kantor:statistik"
TAHUN_2024 = {"mulai": "2024-01-01", "selesai": "2024-12-31"}


@pytest.fixture
def data(persona):
    """Two registers of March 2024: one ruled, one still open."""
    return [kasus(persona, S.DIPUTUS), kasus(persona, S.TEREGISTRASI)]


def sel(html: str, bagian: str, baris: str) -> list[str]:
    """The cells of one row of one section of the page."""
    tabel = re.search(rf'data-bagian="{re.escape(bagian)}".*?</table>', html, re.S)[0]
    tr = re.search(rf'data-baris="{re.escape(baris)}">(.*?)</tr>', tabel, re.S)[1]
    return re.findall(r"<td>(.*?)</td>", tr)


def test_tamu_diarahkan_ke_halaman_masuk(client, persona):
    r = client.get(reverse(URL))
    assert r.status_code == 302 and reverse("kantor:masuk") in r["Location"]


def test_pihak_tidak_boleh_melihat_dasbor(client, persona):
    client.force_login(persona.pemohon)
    assert client.get(reverse(URL)).status_code == 403
    url = reverse("kantor:statistik_xlsx", args=["register"])
    assert client.get(url).status_code == 403


def test_staf_komisi_lain_tidak_boleh_memilih_komisi_ini(client, persona):
    client.force_login(persona.panitera_lain)
    assert client.get(reverse(URL), {"komisi": persona.komisi.pk}).status_code == 403
    url = reverse("kantor:statistik_xlsx", args=["register"])
    assert client.get(url, {"komisi": persona.komisi.pk}).status_code == 403
    # Its own commission it does see.
    assert client.get(reverse(URL)).status_code == 200


@pytest.mark.parametrize("peran", ["panitera", "ketua", "pp", "admin"])
def test_setiap_staf_komisi_melihat_semua_tabel_dengan_grafik(client, persona, peran):
    client.force_login(getattr(persona, peran))
    r = client.get(reverse(URL))
    assert r.status_code == 200
    html = r.content.decode()
    for t in hitung_semua(persona.komisi, Periode.tahun(date.today().year)).values():
        assert f'id="tabel-{t.kode}"' in html
    # Server-drawn charts, with the figures also in a table next to them.
    assert html.count('role="img"') >= 9
    assert html.count("<table") >= 9
    assert "<script src" not in html


def test_saringan_periode_mengubah_angka(client, persona, data):
    client.force_login(persona.panitera)
    html = client.get(reverse(URL), TAHUN_2024).content.decode()
    assert sel(html, "register.register", "diregistrasi") == ["2"]
    assert sel(html, "register.register", "selesai") == ["1"]
    assert sel(html, "register.register", "sisa_tahun_berikut") == ["1"]
    html = client.get(reverse(URL), {"mulai": "2023-01-01", "selesai": "2023-12-31"}).content
    assert sel(html.decode(), "register.register", "diregistrasi") == ["0"]
    # A period across the turn of the year: the open case is still pending at its end.
    r = client.get(reverse(URL), {"mulai": "2024-03-01", "selesai": "2025-02-28"})
    assert sel(r.content.decode(), "register.register", "diregistrasi") == ["2"]


def test_periode_terbalik_ditolak_dengan_pesan(client, persona):
    client.force_login(persona.panitera)
    r = client.get(reverse(URL), {"mulai": "2024-12-31", "selesai": "2024-01-01"})
    assert r.status_code == 400
    html = r.content.decode()
    assert re.search(r'<span class="galat">[^<]+</span>', html)
    assert 'id="tabel-register"' not in html
    r = client.get(reverse(URL), {"mulai": "bukan-tanggal"})
    assert r.status_code == 400


def test_staf_dua_komisi_memilih_komisinya(client, persona, pusat, data):
    Keanggotaan.objects.create(komisi=pusat, pengguna=persona.panitera)
    client.force_login(persona.panitera)
    html = client.get(reverse(URL), {"komisi": pusat.pk, **TAHUN_2024}).content.decode()
    assert sel(html, "register.register", "diregistrasi") == ["0"]
    html = client.get(reverse(URL), {"komisi": persona.komisi.pk, **TAHUN_2024}).content.decode()
    assert sel(html, "register.register", "diregistrasi") == ["2"]


def buka_xlsx(respons):
    assert respons.status_code == 200
    assert respons["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert "attachment" in respons["Content-Disposition"]
    return load_workbook(io.BytesIO(respons.content))


def isi_lembar(ws) -> dict:
    return {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r[0] is not None}


def test_ekspor_satu_tabel_xlsx_sama_dengan_layanan(client, persona, data):
    client.force_login(persona.panitera)
    url = reverse("kantor:statistik_xlsx", args=["durasi"])
    wb = buka_xlsx(client.get(url, {"komisi": persona.komisi.pk, **TAHUN_2024}))
    assert len(wb.sheetnames) == 1
    ws = wb.active
    layanan = hitung_semua(persona.komisi, Periode.tahun(2024))["durasi"]
    assert ws["A1"].value == f"3. {layanan.judul}"
    isi = isi_lembar(ws)
    selesai = next(b for b in layanan.bagian if b.kode == "selesai")
    for b in selesai.baris:
        assert tuple(isi[b.label][: len(b.nilai)]) == b.nilai
    total = isi[selesai.total.label]
    assert total[0] == 1 and isinstance(total[0], int)
    assert ws.cell(1, 1).font.bold


def test_ekspor_semua_tabel_satu_lembar_per_tabel(client, persona, data):
    client.force_login(persona.ketua)
    url = reverse("kantor:statistik_xlsx", args=["semua"])
    wb = buka_xlsx(client.get(url, TAHUN_2024))
    layanan = hitung_semua(persona.komisi, Periode.tahun(2024))
    assert len(wb.sheetnames) == 9
    register = isi_lembar(wb.worksheets[0])
    bagian = layanan["register"]["register"]
    for b in bagian.baris:
        assert register[b.label][0] == b.nilai[0]
    # Header rows are styled: white bold text on the commission blue.
    kepala = next(r for r in wb.worksheets[0].iter_rows() if r[0].value == bagian.judul)
    assert kepala[0].font.bold and kepala[0].fill.fgColor.rgb.endswith("0B5394")


def test_ekspor_tabel_tak_dikenal_404(client, persona):
    client.force_login(persona.panitera)
    assert client.get(reverse("kantor:statistik_xlsx", args=["rahasia"])).status_code == 404


def test_formulir_laporan_tahunan_hanya_untuk_yang_boleh_memintanya(client, persona):
    client.force_login(persona.komisioner[1])
    html = client.get(reverse(URL)).content.decode()
    assert 'name="tahun"' not in html
    client.force_login(persona.panitera)
    html = client.get(reverse(URL)).content.decode()
    assert f'action="{reverse("kantor:laporan_tahunan")}"' in html


def test_menu_kantor_menautkan_statistik(client, persona):
    client.force_login(persona.pp)
    html = client.get(reverse("kantor:tugas")).content.decode()
    assert f'href="{reverse(URL)}"' in html
