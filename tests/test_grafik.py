"""Charts drawn on the server (dokumen/render/grafik.py): accessible SVG and reportlab
drawings from the same layout. No database."""

import xml.etree.ElementTree as ET

import pytest
from django.utils.translation import gettext
from reportlab.graphics.shapes import Drawing, Line, Rect

from dokumen.render import grafik as g

SVG = "{http://www.w3.org/2000/svg}"


def parse(teks: str) -> ET.Element:
    return ET.fromstring(teks)  # raises on anything that is not well-formed XML


def batang(nilai=(41, 14, 7, 0, 3), **kw) -> g.Grafik:
    kategori = ("Pemerintah kabupaten/kota", "Desa/kelurahan", "Sekolah", "Ormas", "Lainnya")
    return g.Grafik(
        g.BATANG,
        "Termohon menurut kategori",
        "Jumlah termohon per kategori badan publik.",
        kategori[: len(nilai)],
        (g.Seri("Jumlah", nilai),),
        **kw,
    )


def sebaran() -> g.Grafik:
    return g.Grafik(
        g.KOLOM,
        "Sebaran lama penyelesaian",
        "Perkara selesai per rentang hari kerja.",
        ("0–20", "21–40", "41–60", "61–80", "81–100", "101–120", "> 120"),
        (g.Seri("Perkara", (2, 5, 9, 4, 3, 1, 2)),),
        acuan_kategori=5,
        label_acuan="Batas 100 HK",
    )


def bulanan() -> g.Grafik:
    bulan = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
    return g.Grafik(
        g.GARIS,
        "Permohonan per bulan",
        "Diterima dan selesai per bulan.",
        bulan,
        (
            g.Seri("Diterima", (3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8)),
            g.Seri("Selesai", (0, 1, 1, 2, 3, 3, 4, 5, 3, 2, 1, 6)),
        ),
    )


def batang_svg(akar: ET.Element) -> list[ET.Element]:
    return [r for r in akar.iter(f"{SVG}rect") if r.get("data-nilai") is not None]


def test_svg_adalah_xml_yang_sah_dan_aksesibel():
    akar = parse(g.svg(batang(), "grafik-termohon"))
    assert akar.tag == f"{SVG}svg"
    assert akar.get("role") == "img"
    assert akar.get("aria-label") == "Termohon menurut kategori"
    assert akar.find(f"{SVG}title").text == "Termohon menurut kategori"
    desc = akar.find(f"{SVG}desc")
    assert desc.text == "Jumlah termohon per kategori badan publik."
    assert akar.get("aria-describedby") == desc.get("id") == "grafik-termohon-desc"
    assert akar.get("viewBox").startswith("0 0 ")


def test_panjang_batang_sebanding_dengan_nilai():
    akar = parse(g.svg(batang(), "g1"))
    lebar = {r.get("data-kategori"): float(r.get("width")) for r in batang_svg(akar)}
    assert lebar["Desa/kelurahan"] == pytest.approx(
        lebar["Pemerintah kabupaten/kota"] * 14 / 41, 0.02
    )
    assert lebar["Lainnya"] == pytest.approx(lebar["Sekolah"] * 3 / 7, 0.02)
    assert lebar["Ormas"] == 0
    # Each bar says its value to assistive technology.
    judul = [r.find(f"{SVG}title").text for r in batang_svg(akar)]
    assert "Desa/kelurahan: 14" in judul[1]


def test_tinggi_kolom_sebanding_dan_garis_100_hk_ada():
    akar = parse(g.svg(sebaran(), "g2"))
    kolom = batang_svg(akar)
    tinggi = [float(r.get("height")) for r in kolom]
    assert tinggi[2] == pytest.approx(tinggi[0] * 9 / 2, 0.02)
    acuan = [x for x in akar.iter(f"{SVG}line") if x.get("class") == "acuan"]
    assert len(acuan) == 1
    x = float(acuan[0].get("x1"))
    # Between the band ending at 100 WD and the one starting after it.
    kanan_81_100 = float(kolom[4].get("x")) + float(kolom[4].get("width"))
    kiri_101_120 = float(kolom[5].get("x"))
    assert kanan_81_100 < x < kiri_101_120
    assert any(t.text == "Batas 100 HK" for t in akar.iter(f"{SVG}text"))


def test_garis_acuan_pada_batang_di_nilai_100():
    grafik = batang((40, 70), acuan_nilai=100, label_acuan="Batas 100 HK")
    akar = parse(g.svg(grafik, "g3"))
    r = batang_svg(akar)
    x0, w40 = float(r[0].get("x")), float(r[0].get("width"))
    acuan = next(x for x in akar.iter(f"{SVG}line") if x.get("class") == "acuan")
    # The axis reaches 100 although no bar does; the line stands where 100 is.
    assert float(acuan.get("x1")) - x0 == pytest.approx(w40 * 100 / 40, 0.02)


def test_grafik_garis_satu_polyline_per_seri_dengan_titik_bernilai():
    akar = parse(g.svg(bulanan(), "g4"))
    garis = list(akar.iter(f"{SVG}polyline"))
    assert [p.get("data-seri") for p in garis] == ["Diterima", "Selesai"]
    assert len(garis[0].get("points").split()) == 12
    titik = list(akar.iter(f"{SVG}circle"))
    assert [float(c.get("data-nilai")) for c in titik[:12]] == [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]
    # A legend names both series (colour is not the only key: the second line is dashed).
    teks = {t.text for t in akar.iter(f"{SVG}text")}
    assert {"Diterima", "Selesai"} <= teks
    assert garis[1].get("stroke-dasharray")


@pytest.mark.parametrize(
    "grafik",
    [
        batang((0, 0, 0)),
        g.Grafik(g.BATANG, "Kosong", "Tidak ada data.", (), ()),
        g.Grafik(g.GARIS, "Kosong", "Tidak ada data.", ("Jan",), (g.Seri("A", ()),)),
    ],
)
def test_data_kosong_menjadi_pesan_bukan_galat(grafik):
    akar = parse(g.svg(grafik, "kosong"))
    assert batang_svg(akar) == []
    assert [t.text for t in akar.iter(f"{SVG}text")] == [gettext("No data for this period.")]
    assert isinstance(g.gambar(grafik, 400), Drawing)


def test_teks_pengguna_di_escape():
    grafik = g.Grafik(
        g.BATANG,
        'Judul <script>"x"</script>',
        "a & b",
        ("<b>Dinas</b> & co",),
        (g.Seri("S", (1,)),),
    )
    teks = g.svg(grafik, "esc")
    akar = parse(teks)
    assert "<script>" not in teks
    assert akar.get("aria-label") == 'Judul <script>"x"</script>'
    assert batang_svg(akar)[0].get("data-kategori") == "<b>Dinas</b> & co"


def test_nilai_kosong_ditulis_tanda_pisah_bukan_nol():
    grafik = g.Grafik(g.BATANG, "Rata-rata", "d", ("A", "B"), (g.Seri("Rata-rata", (12.5, None)),))
    akar = parse(g.svg(grafik, "n"))
    teks = [t.text for t in akar.iter(f"{SVG}text")]
    assert "12,5" in teks and "–" in teks


def test_gambar_reportlab_memakai_geometri_yang_sama():
    grafik = sebaran()
    d = g.gambar(grafik, 465)
    assert isinstance(d, Drawing)
    assert d.width == pytest.approx(465)
    kanvas = g.tata_letak(grafik, 465, 8)
    kotak = [b for b in kanvas.bentuk if isinstance(b, g.Kotak) and b.nilai is not None]
    rect = [x for x in d.contents if isinstance(x, Rect)]
    assert [round(r.height, 3) for r in rect] == [round(k.h, 3) for k in kotak]
    # y flipped: a bar standing on the axis starts at the same height in both.
    assert len({round(r.y, 3) for r in rect if r.height}) == 1
    merah = [x for x in d.contents if isinstance(x, Line) and x.strokeDashArray]
    assert len(merah) == 1


def test_skala_bulat_dan_angka_indonesia():
    assert g.skala(41) == (50, 10)
    assert g.skala(9) == (10, 2)
    assert g.skala(0) == (1, 1)
    assert g.format_angka(1234) == "1.234"
    assert g.format_angka(56.5) == "56,5"
    assert g.format_angka(4100.25) == "4.100,2"
