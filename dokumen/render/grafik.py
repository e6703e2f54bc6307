"""Charts drawn on the server: no JavaScript, no CDN, the same picture on screen and on paper.

One layout, two outputs. `tata_letak` turns a `Grafik` (categories and series of numbers)
into a few primitive shapes in a y-down coordinate space; `svg` writes them as an accessible
SVG string (role="img", a label, <title>/<desc>, the value of every bar in its own <title>)
for the dashboard and the public page, and `gambar` as a reportlab Drawing for the PDF.
Nothing here reads the database, so the charts are tested without one.

Three kinds, the ones the annual report needs:
- BATANG: horizontal bars, for categories with long names (outcomes, respondents, reasons);
- KOLOM: vertical columns with an optional reference line (the duration distribution and
  its 100-working-day line of UU 14/2008 Pasal 38(2));
- GARIS: lines over ordered categories (intake and completions per month).
"""

import math
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

BATANG, KOLOM, GARIS = "batang", "kolom", "garis"

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, and each dark
# enough on white for a thin line. Series 2 and 3 are also dashed, so colour is never the
# only difference.
WARNA = ("#0b5394", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
PUTUS = ("", "6 3", "2 3", "8 3 2 3")
WARNA_ACUAN = "#b3261e"
WARNA_SUMBU = "#5b6473"
WARNA_KISI = "#d8dde5"
WARNA_TEKS = "#1d2430"


@dataclass(frozen=True)
class Seri:
    nama: str
    nilai: tuple[float, ...]


@dataclass(frozen=True)
class Grafik:
    jenis: str  # BATANG, KOLOM or GARIS
    judul: str
    deskripsi: str  # one sentence for screen readers: what the chart compares
    kategori: tuple[str, ...]
    seri: tuple[Seri, ...]
    # A reference line (the 100-working-day limit). KOLOM: at a position on the category
    # axis, in category units (0 the left edge of the first, len(kategori) the right edge of
    # the last). BATANG: at a value on the value axis.
    acuan_kategori: float | None = None
    acuan_nilai: float | None = None
    label_acuan: str = ""

    @property
    def kosong(self) -> bool:
        return not self.kategori or not any(v for s in self.seri for v in s.nilai)


# --- primitive shapes (y grows downwards, as in SVG) ---


@dataclass(frozen=True)
class Kotak:
    x: float
    y: float
    w: float
    h: float
    warna: str
    nilai: float | None = None  # a bar's value (None: decoration such as a legend key)
    kategori: str = ""
    seri: str = ""


@dataclass(frozen=True)
class Teks:
    x: float
    y: float  # baseline
    teks: str
    ukuran: float
    jangkar: str = "start"  # "start", "middle", "end"
    tebal: bool = False
    warna: str = WARNA_TEKS


@dataclass(frozen=True)
class Garis:
    x1: float
    y1: float
    x2: float
    y2: float
    warna: str = WARNA_SUMBU
    tebal: float = 1
    putus: str = ""
    peran: str = ""  # "acuan" marks the reference line


@dataclass(frozen=True)
class Jalur:
    titik: tuple[tuple[float, float], ...]
    warna: str
    tebal: float = 2
    putus: str = ""
    seri: str = ""


@dataclass(frozen=True)
class Titik:
    x: float
    y: float
    r: float
    warna: str
    nilai: float
    kategori: str
    seri: str


@dataclass(frozen=True)
class Kanvas:
    lebar: float
    tinggi: float
    bentuk: tuple = field(default_factory=tuple)


# --- numbers and text ---


def format_angka(nilai: float) -> str:
    """Indonesian style: 1.234 and 56,5 (counts are integers, averages have one decimal)."""
    if float(nilai).is_integer():
        return f"{int(nilai):,}".replace(",", ".")
    return f"{nilai:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def skala(maks: float) -> tuple[float, float]:
    """(top of the axis, step between gridlines): 1, 2 or 5 times a power of ten, about five
    gridlines, integer steps (the figures are counts)."""
    if maks <= 0:
        return 1.0, 1.0
    kasar = maks / 5
    pangkat = 10 ** math.floor(math.log10(kasar))
    langkah = next(k * pangkat for k in (1, 2, 5, 10) if k * pangkat >= kasar)
    langkah = max(1.0, float(langkah))
    return langkah * math.ceil(maks / langkah), langkah


def lebar_teks(teks: str, ukuran: float) -> float:
    """An estimate (the browser picks the font); generous enough for DejaVu Sans."""
    return len(teks) * ukuran * 0.58


def potong(teks: str, ukuran: float, maks: float) -> str:
    if lebar_teks(teks, ukuran) <= maks:
        return teks
    n = max(1, int(maks / (ukuran * 0.58)) - 1)
    return teks[:n].rstrip() + "…"


def dua_baris(teks: str, ukuran: float, maks: float) -> list[str]:
    """A label on at most two lines, broken at a space; what still does not fit is cut
    (the full label is in the bar's <title> and in the table)."""
    if lebar_teks(teks, ukuran) <= maks or " " not in teks:
        return [potong(teks, ukuran, maks)]
    kata, pertama = teks.split(), ""
    while kata and lebar_teks(f"{pertama} {kata[0]}".strip(), ukuran) <= maks:
        pertama = f"{pertama} {kata.pop(0)}".strip()
    if not pertama:
        pertama = kata.pop(0)
    return [potong(pertama, ukuran, maks), potong(" ".join(kata), ukuran, maks)]


def _nilai_maks(g: Grafik) -> float:
    """The largest value, the reference line included (it must fall on the axis)."""
    nilai = [v or 0 for s in g.seri for v in s.nilai]
    return max([*nilai, g.acuan_nilai or 0])


def _nama(g: Grafik, s: Seri) -> str:
    """A bar's series is worth naming only when there are several."""
    return s.nama if len(g.seri) > 1 else ""


def _nilai(s: Seri, i: int) -> float:
    """A missing figure (the average of no cases) draws as nothing."""
    return (s.nilai[i] if i < len(s.nilai) else 0) or 0


# --- layout ---


def tata_letak(g: Grafik, lebar: float = 640, huruf: float = 12) -> Kanvas:
    if g.kosong:
        tinggi = huruf * 5
        pesan = _("No data for this period.")
        return Kanvas(
            lebar,
            tinggi,
            (
                Teks(lebar / 2, tinggi / 2 + huruf / 3, pesan, huruf, "middle", warna=WARNA_SUMBU),
                Garis(0, tinggi - 1, lebar, tinggi - 1, WARNA_KISI),
            ),
        )
    return {BATANG: _batang, KOLOM: _kolom, GARIS: _garis}[g.jenis](g, lebar, huruf)


def _legenda(g: Grafik, lebar: float, huruf: float) -> tuple[list, float]:
    """Colour keys in a row above the plot when there is more than one series."""
    if len(g.seri) < 2:
        return [], 0
    bentuk, x, y = [], 0.0, huruf
    for i, s in enumerate(g.seri):
        w = huruf * 2.6 + lebar_teks(s.nama, huruf)
        if x > 0 and x + w > lebar:
            x, y = 0.0, y + huruf * 1.6
        warna, tengah = WARNA[i % len(WARNA)], y - huruf / 3
        if g.jenis == GARIS:
            bentuk.append(
                Garis(x, tengah, x + huruf * 1.4, tengah, warna, 2, PUTUS[i % len(PUTUS)])
            )
        else:
            bentuk.append(Kotak(x, y - huruf * 0.8, huruf * 0.8, huruf * 0.8, warna))
        bentuk.append(Teks(x + huruf * 1.6 + 2, y, s.nama, huruf))
        x += w
    return bentuk, y + huruf * 0.8


def _batang(g: Grafik, lebar: float, huruf: float) -> Kanvas:
    bentuk, atas = _legenda(g, lebar, huruf)
    n_seri, kecil = len(g.seri), huruf * 0.85
    kolom_label = min(max(lebar_teks(k, huruf) for k in g.kategori) + huruf, lebar * 0.42)
    label = [dua_baris(k, huruf, kolom_label - huruf) for k in g.kategori]
    tebal, celah = huruf * 1.3, huruf * 0.7  # one bar; the gap between categories
    # A category is as tall as its bars, or as its label when that takes two lines.
    blok = max(n_seri * tebal, huruf * 2.4 if any(len(x) > 1 for x in label) else 0) + celah
    puncak, langkah = skala(_nilai_maks(g))
    x0 = kolom_label
    ruang = lebar - x0 - lebar_teks(format_angka(puncak), huruf) - huruf  # room for values
    y0 = atas + huruf * (2 if g.acuan_nilai is not None else 0.5)
    bawah = y0 + len(g.kategori) * blok
    v = 0.0
    while v <= puncak + 1e-9:  # gridlines, their values under the plot
        x = x0 + ruang * v / puncak
        bentuk.append(Garis(x, y0, x, bawah, WARNA_KISI))
        bentuk.append(
            Teks(x, bawah + huruf * 1.2, format_angka(v), kecil, "middle", warna=WARNA_SUMBU)
        )
        v += langkah
    for i, kat in enumerate(g.kategori):
        y = y0 + i * blok + celah / 2
        tengah = y + (blok - celah) / 2
        for n, baris in enumerate(label[i]):
            dy = huruf / 3 + (n - (len(label[i]) - 1) / 2) * huruf * 1.1
            bentuk.append(Teks(x0 - huruf * 0.5, tengah + dy, baris, huruf, "end"))
        y += (blok - celah - n_seri * tebal) / 2
        for j, s in enumerate(g.seri):
            nilai, yb = _nilai(s, i), y + j * tebal
            ada = i < len(s.nilai) and s.nilai[i] is not None
            w = ruang * nilai / puncak
            warna = WARNA[j % len(WARNA)]
            bentuk.append(Kotak(x0, yb + 1, w, tebal - 2, warna, nilai, kat, _nama(g, s)))
            teks = format_angka(nilai) if ada else "–"
            bentuk.append(Teks(x0 + w + 4, yb + tebal / 2 + huruf / 3, teks, kecil))
    bentuk.append(Garis(x0, y0, x0, bawah, WARNA_SUMBU))
    if g.acuan_nilai is not None:
        x = x0 + ruang * g.acuan_nilai / puncak
        bentuk += _garis_acuan(g, x, y0, bawah, huruf, ke_kiri=x > x0 + ruang / 2)
    return Kanvas(lebar, bawah + huruf * 1.8, tuple(bentuk))


def _garis_acuan(g: Grafik, x, y0, bawah, huruf, *, ke_kiri: bool) -> list:
    """The dashed red line of the limit, labelled above the plot."""
    garis = Garis(x, y0 - huruf * 0.6, x, bawah, WARNA_ACUAN, 2, "5 3", "acuan")
    label = Teks(
        x - 4 if ke_kiri else x + 4,
        y0 - huruf * 0.3,
        g.label_acuan,
        huruf * 0.9,
        "end" if ke_kiri else "start",
        tebal=True,
        warna=WARNA_ACUAN,
    )
    return [garis, label]


def _plot_vertikal(g: Grafik, lebar: float, huruf: float):
    """Legend, value axis with gridlines, category labels: what KOLOM and GARIS share."""
    bentuk, atas = _legenda(g, lebar, huruf)
    puncak, langkah = skala(_nilai_maks(g))
    kecil = huruf * 0.85
    x0 = lebar_teks(format_angka(puncak), kecil) + huruf
    x1 = lebar - huruf * 0.5
    y0 = atas + huruf * (2.2 if g.acuan_kategori is not None else 1)
    tinggi = huruf * 17
    v = 0.0
    while v <= puncak + 1e-9:
        y = y0 + tinggi - tinggi * v / puncak
        bentuk.append(Garis(x0, y, x1, y, WARNA_KISI))
        bentuk.append(Teks(x0 - 4, y + huruf / 3, format_angka(v), kecil, "end", warna=WARNA_SUMBU))
        v += langkah
    bentuk.append(Garis(x0, y0 + tinggi, x1, y0 + tinggi, WARNA_SUMBU))
    lebar_kat = (x1 - x0) / len(g.kategori)
    for i, kat in enumerate(g.kategori):
        teks = potong(kat, kecil, lebar_kat * 0.98)
        bentuk.append(
            Teks(x0 + lebar_kat * (i + 0.5), y0 + tinggi + huruf * 1.3, teks, kecil, "middle")
        )
    return bentuk, puncak, x0, y0, tinggi, lebar_kat


def _kolom(g: Grafik, lebar: float, huruf: float) -> Kanvas:
    bentuk, puncak, x0, y0, tinggi, lebar_kat = _plot_vertikal(g, lebar, huruf)
    tebal = lebar_kat * 0.7 / len(g.seri)
    for i, kat in enumerate(g.kategori):
        for j, s in enumerate(g.seri):
            nilai = _nilai(s, i)
            h = tinggi * nilai / puncak
            x, y = x0 + lebar_kat * (i + 0.15) + j * tebal, y0 + tinggi - h
            bentuk.append(Kotak(x, y, tebal, h, WARNA[j % len(WARNA)], nilai, kat, _nama(g, s)))
            if nilai:
                bentuk.append(
                    Teks(x + tebal / 2, y - 3, format_angka(nilai), huruf * 0.85, "middle")
                )
    if g.acuan_kategori is not None:
        x = x0 + lebar_kat * g.acuan_kategori
        ke_kiri = g.acuan_kategori > len(g.kategori) / 2
        bentuk += _garis_acuan(g, x, y0, y0 + tinggi, huruf, ke_kiri=ke_kiri)
    return Kanvas(lebar, y0 + tinggi + huruf * 2, tuple(bentuk))


def _garis(g: Grafik, lebar: float, huruf: float) -> Kanvas:
    bentuk, puncak, x0, y0, tinggi, lebar_kat = _plot_vertikal(g, lebar, huruf)
    for j, s in enumerate(g.seri):
        warna, titik = WARNA[j % len(WARNA)], []
        for i, kat in enumerate(g.kategori):
            nilai = _nilai(s, i)
            titik.append(
                Titik(x0 + lebar_kat * (i + 0.5), y0 + tinggi - tinggi * nilai / puncak,
                      huruf * 0.25, warna, nilai, kat, s.nama)
            )  # fmt: skip
        jalur = tuple((t.x, t.y) for t in titik)
        bentuk += [Jalur(jalur, warna, 2, PUTUS[j % len(PUTUS)], s.nama), *titik]
    return Kanvas(lebar, y0 + tinggi + huruf * 2, tuple(bentuk))


# --- SVG ---


def _a(nilai: float) -> str:
    return f"{nilai:.1f}".removesuffix(".0")


def _svg_bentuk(b) -> str:
    if isinstance(b, Kotak):
        atribut = (
            f'x="{_a(b.x)}" y="{_a(b.y)}" width="{_a(b.w)}" height="{_a(b.h)}" fill="{b.warna}"'
        )
        if b.nilai is None:
            return f"<rect {atribut}/>"
        judul = escape(f"{b.kategori}{' · ' + b.seri if b.seri else ''}: {format_angka(b.nilai)}")
        return (
            f'<rect {atribut} data-nilai="{b.nilai:g}" data-kategori={quoteattr(b.kategori)}>'
            f"<title>{judul}</title></rect>"
        )
    if isinstance(b, Teks):
        tebal = ' font-weight="700"' if b.tebal else ""
        return (
            f'<text x="{_a(b.x)}" y="{_a(b.y)}" font-size="{_a(b.ukuran)}" '
            f'text-anchor="{b.jangkar}" fill="{b.warna}"{tebal}>{escape(b.teks)}</text>'
        )
    if isinstance(b, Garis):
        putus = f' stroke-dasharray="{b.putus}"' if b.putus else ""
        kelas = f' class="{b.peran}"' if b.peran else ""
        return (
            f'<line x1="{_a(b.x1)}" y1="{_a(b.y1)}" x2="{_a(b.x2)}" y2="{_a(b.y2)}" '
            f'stroke="{b.warna}" stroke-width="{_a(b.tebal)}"{putus}{kelas}/>'
        )
    if isinstance(b, Jalur):
        titik = " ".join(f"{_a(x)},{_a(y)}" for x, y in b.titik)
        putus = f' stroke-dasharray="{b.putus}"' if b.putus else ""
        return (
            f'<polyline points="{titik}" fill="none" stroke="{b.warna}" '
            f'stroke-width="{_a(b.tebal)}"{putus} data-seri={quoteattr(b.seri)}/>'
        )
    judul = escape(f"{b.kategori} · {b.seri}: {format_angka(b.nilai)}")
    return (
        f'<circle cx="{_a(b.x)}" cy="{_a(b.y)}" r="{_a(b.r)}" fill="{b.warna}" '
        f'data-nilai="{b.nilai:g}"><title>{judul}</title></circle>'
    )


def svg(g: Grafik, id: str, lebar: float = 640) -> str:
    """An inline SVG element. `id` must be unique on the page (it names <title> and <desc>).

    The chart is an image with a name and a description for assistive technology; the
    numbers themselves are in the table printed next to it."""
    k = tata_letak(g, lebar)
    isi = "".join(_svg_bentuk(b) for b in k.bentuk)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" '
        f'viewBox="0 0 {_a(k.lebar)} {_a(k.tinggi)}" width="{_a(k.lebar)}" '
        f'height="{_a(k.tinggi)}" aria-label={quoteattr(g.judul)} '
        f'aria-describedby="{id}-desc" font-family="system-ui, \'DejaVu Sans\', sans-serif" '
        f'id="{id}"><title id="{id}-title">{escape(g.judul)}</title>'
        f'<desc id="{id}-desc">{escape(g.deskripsi)}</desc>{isi}</svg>'
    )


# --- reportlab ---


def gambar(g: Grafik, lebar: float, huruf: float = 8):
    """A reportlab Drawing `lebar` points wide (a flowable: it goes straight into a story)."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
    from reportlab.lib.colors import HexColor

    from .pdf import SANS, SANS_TEBAL, daftarkan_font

    daftarkan_font()
    k = tata_letak(g, lebar, huruf)
    t = k.tinggi
    d = Drawing(k.lebar, k.tinggi)

    def putus(p: str):
        return [float(x) for x in p.split()] if p else None

    for b in k.bentuk:
        if isinstance(b, Kotak):
            d.add(Rect(b.x, t - b.y - b.h, b.w, b.h, fillColor=HexColor(b.warna), strokeColor=None))
        elif isinstance(b, Teks):
            d.add(
                String(
                    b.x,
                    t - b.y,
                    b.teks,
                    fontName=SANS_TEBAL if b.tebal else SANS,
                    fontSize=b.ukuran,
                    fillColor=HexColor(b.warna),
                    textAnchor=b.jangkar,
                )
            )
        elif isinstance(b, Garis):
            d.add(
                Line(
                    b.x1,
                    t - b.y1,
                    b.x2,
                    t - b.y2,
                    strokeColor=HexColor(b.warna),
                    strokeWidth=b.tebal * 0.75,
                    strokeDashArray=putus(b.putus),
                )
            )
        elif isinstance(b, Jalur):
            titik = [c for x, y in b.titik for c in (x, t - y)]
            d.add(
                PolyLine(
                    titik,
                    strokeColor=HexColor(b.warna),
                    strokeWidth=b.tebal * 0.75,
                    strokeDashArray=putus(b.putus),
                )
            )
        else:
            d.add(Circle(b.x, t - b.y, b.r, fillColor=HexColor(b.warna), strokeColor=None))
    return d
