"""Statistics for people: the tables of the statistics service with their charts (the
dashboard, the public page), and the annual report (`laporan_tahunan`) as issued documents.

The annual report is two `Dokumen` rows (PDF and XLSX) of one version, rendered by the
ordinary document task (dokumen.tugas) in the background, hashed and verifiable like any
letter. A request while a version is still being made returns that version (never a second
one); a failed version is retried in place; a request after a version is issued makes the
next version, and the old one stays valid until the new one is ready (then `digantikan`).

Progress: the rows' status says pending / issued / failed; while pending, the task writes a
percentage to the cache (shared between web and workers only with a shared cache backend;
without one the page simply shows "in progress" until the status changes).
"""

import dataclasses
import logging
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from sengketa import izin
from sengketa import statistik as st
from sengketa.galat import ParameterTidakValid
from sengketa.kalender import NAMA_BULAN, format_tanggal
from sengketa.peran import Peran
from sengketa.waktu import hari_ini, tanggal_lokal

from .models import Dokumen, JenisDokumen, StatusDokumen
from .render import grafik as g
from .render.laporan_tahunan import (
    KonteksLaporan,
    TabelBergrafik,
    format_sel,
    pdf_laporan,
    semua_baris,
    xlsx_laporan,
)

log = logging.getLogger(__name__)

JENIS = JenisDokumen.LAPORAN_TAHUNAN
FORMAT_LAPORAN = ("pdf", "xlsx")
TAHUN_PERTAMA = 2010  # UU 14/2008 took effect on 30 April 2010 (Pasal 64)
KEMAJUAN_DETIK = 3600
# The service's tables in report order, each computed on its own so the task can report
# its progress between them.
FUNGSI_TABEL = (
    st.tabel_register,
    st.tabel_penyelesaian,
    st.tabel_durasi,
    st.tabel_pemohon,
    st.tabel_termohon,
    st.tabel_alasan,
    st.tabel_sidang,
    st.tabel_pengadilan,
    st.tabel_bulanan,
)
# Sections that name private persons: never on the public page (applicants who are
# individuals; the respondents are public bodies and their names are public).
BAGIAN_PRIBADI = {"pemohon": {"serial", "teratas"}}


# --- the tables with their charts ---


def _kolom(bagian, kode: str) -> int:
    return next((i for i, k in enumerate(bagian.kolom) if k.kode == kode), 0)


def _bagian(tabel, kode: str):
    return next((b for b in tabel.bagian if b.kode == kode), None)


def _deskripsi(judul: str, kategori, seri: tuple[g.Seri, ...]) -> str:
    """What a screen reader says: the figures in words (the table next to it has them too)."""
    if len(seri) == 1:
        isi = "; ".join(
            f"{k}: {g.format_angka(v) if v is not None else '–'}"
            for k, v in zip(kategori, seri[0].nilai, strict=False)
        )
        return f"{judul}. {isi}."
    jumlah = "; ".join(f"{s.nama}: {g.format_angka(sum(v or 0 for v in s.nilai))}" for s in seri)
    return _("%(judul)s, %(n)d categories. Totals: %(jumlah)s.") % {
        "judul": judul,
        "n": len(kategori),
        "jumlah": jumlah,
    }


def grafik_dari(jenis, judul, baris, kolom: tuple[tuple[str, int], ...], **lain) -> g.Grafik:
    """A chart of some rows of a section: one series per (name, column index)."""
    kategori = tuple(str(b.label) for b in baris)
    seri = tuple(g.Seri(str(nama), tuple(b.nilai[i] for b in baris)) for nama, i in kolom)
    return g.Grafik(
        jenis, str(judul), _deskripsi(str(judul), kategori, seri), kategori, seri, **lain
    )


def _satu_kolom(tabel, kode_bagian: str, judul, saring=lambda b: True, kolom="jumlah"):
    bagian = _bagian(tabel, kode_bagian)
    if bagian is None:
        return ()
    i = _kolom(bagian, kolom)
    baris = [b for b in bagian.baris if saring(b)]
    return (grafik_dari(g.BATANG, judul, baris, ((bagian.kolom[i].label, i),)),)


def _grafik_register(t):
    return _satu_kolom(t, "register", t.judul, lambda b: b.tingkat == 0)


def _grafik_penyelesaian(t):
    """Outcomes: the adjudication rulings by amar ("granted in full" says it was one), the
    other ways a case ends as they are."""
    bagian = _bagian(t, "hasil")
    if bagian is None:
        return ()
    pilih, induk = [], ""
    for b in bagian.baris:
        induk = b.kode if b.tingkat == 0 else induk
        if (b.tingkat == 0 and b.kode != "putusan_ajudikasi") or (
            b.tingkat == 1 and induk == "putusan_ajudikasi"
        ):
            pilih.append(b)
    return (grafik_dari(g.BATANG, _("Outcomes"), pilih, ((bagian.kolom[0].label, 0),)),)


def _batas_atas(kode: str) -> int | None:
    angka = re.findall(r"\d+", kode)
    return int(angka[-1]) if angka else None


def _grafik_durasi(t):
    """The distribution of durations with the 100-WD line when the service gives one (a
    section `sebaran`, one row per band of working days); otherwise each outcome's average
    and median against the same line."""
    label = _("Limit of %(n)d WD") % {"n": st.BATAS_HK}
    sebaran = _bagian(t, "sebaran")
    if sebaran is not None and sebaran.baris:
        # The line stands after the last band whose upper bound is within the limit.
        posisi = sum(1 for b in sebaran.baris if (_batas_atas(b.kode) or 0) <= st.BATAS_HK)
        return (
            grafik_dari(
                g.KOLOM,
                _("Distribution of durations"),
                sebaran.baris,
                ((sebaran.kolom[0].label, 0),),
                acuan_kategori=posisi,
                label_acuan=label,
            ),
        )
    selesai = _bagian(t, "selesai")
    if selesai is None:
        return ()
    baris = [b for b in selesai.baris if b.nilai[_kolom(selesai, "jumlah")]]
    kolom = tuple(
        (selesai.kolom[_kolom(selesai, k)].label, _kolom(selesai, k))
        for k in ("rata_rata", "median")
    )
    judul = _("Duration by outcome (working days)")
    return (grafik_dari(g.BATANG, judul, baris, kolom, acuan_nilai=st.BATAS_HK, label_acuan=label),)


def _grafik_sidang(t):
    bagian = _bagian(t, "per_jenis")
    if bagian is None:
        return ()
    kolom = tuple(
        (k.label, i) for i, k in enumerate(bagian.kolom) if k.kode in ("selesai", "ditunda")
    )
    return (grafik_dari(g.BATANG, t.judul, bagian.baris, kolom or ((bagian.kolom[0].label, 0),)),)


def _label_bulan(b) -> str:
    """'Jan 2024' from the row code '2024-01' (the axis has room for short names only)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})", b.kode)
    return f"{NAMA_BULAN[int(m[2]) - 1][:3]} {m[1]}" if m else str(b.label)


def _grafik_bulanan(t):
    bagian = _bagian(t, "bulanan")
    if bagian is None:
        return ()
    baris = [dataclasses.replace(b, label=_label_bulan(b)) for b in bagian.baris]
    if len({b.kode[:4] for b in bagian.baris}) == 1:  # one year: the month is enough
        baris = [dataclasses.replace(b, label=b.label[:3]) for b in baris]
    kolom = tuple((k.label, i) for i, k in enumerate(bagian.kolom))
    return (grafik_dari(g.GARIS, t.judul, baris, kolom),)


PEMBUAT_GRAFIK = {
    "register": _grafik_register,
    "penyelesaian": _grafik_penyelesaian,
    "durasi": _grafik_durasi,
    "pemohon": lambda t: _satu_kolom(t, "per_jenis", t.judul),
    "termohon": lambda t: _satu_kolom(t, "per_kategori", t.judul),
    "alasan": lambda t: _satu_kolom(t, "alasan", t.judul),
    "sidang": _grafik_sidang,
    "pengadilan": lambda t: _satu_kolom(t, "per_jenis", t.judul),
    "bulanan": _grafik_bulanan,
}


def _teks_biasa(tabel):
    """Every label as a plain string in the active language: some labels of the service
    are lazy translations, which neither reportlab, openpyxl nor a cache should meet."""
    r = dataclasses.replace

    def baris(b):
        return None if b is None else r(b, label=str(b.label))

    def bagian(x):
        return r(
            x,
            judul=str(x.judul),
            kolom=tuple(r(k, label=str(k.label)) for k in x.kolom),
            baris=tuple(baris(b) for b in x.baris),
            total=baris(x.total),
        )

    return r(
        tabel,
        judul=str(tabel.judul),
        catatan=str(tabel.catatan),
        bagian=tuple(bagian(x) for x in tabel.bagian),
    )


def bergrafik(tabel) -> TabelBergrafik:
    return TabelBergrafik(tabel, PEMBUAT_GRAFIK.get(tabel.kode, lambda t: ())(tabel))


def untuk_publik(tabel):
    """The table without the sections that name private persons."""
    buang = BAGIAN_PRIBADI.get(tabel.kode)
    if not buang:
        return tabel
    return dataclasses.replace(tabel, bagian=tuple(b for b in tabel.bagian if b.kode not in buang))


def tabel_statistik(komisi, periode, *, publik: bool = False, kemajuan=None):
    """Every table of statistik.md for a commission and a period, with its charts, in the
    active language. `kemajuan(i, n)` is told after each table."""
    cak = st.cakupan(komisi)  # one scope for all tables: its calendars are built once
    hasil = []
    for i, fungsi in enumerate(FUNGSI_TABEL, start=1):
        tabel = _teks_biasa(fungsi(cak, periode))
        hasil.append(bergrafik(untuk_publik(tabel) if publik else tabel))
        if kemajuan:
            kemajuan(i, len(FUNGSI_TABEL))
    return tuple(hasil)


def tampilan(daftar: tuple[TabelBergrafik, ...]) -> list[dict]:
    """Tables as a web page shows them: cells formatted, charts as inline SVG (whose text
    is escaped by grafik.svg, so it is marked safe here)."""
    hasil = []
    for t in daftar:
        tabel = t.tabel
        hasil.append(
            {
                "kode": tabel.kode,
                "nomor": tabel.nomor,
                "judul": tabel.judul,
                "catatan": tabel.catatan,
                "grafik": [
                    mark_safe(g.svg(x, f"grafik-{tabel.kode}-{i}"))
                    for i, x in enumerate(t.grafik, start=1)
                ],
                "bagian": [_bagian_tampil(b) for b in tabel.bagian],
            }
        )
    return hasil


def _bagian_tampil(bagian) -> dict:
    satuan = [k.satuan for k in bagian.kolom]
    return {
        "kode": bagian.kode,
        "judul": bagian.judul,
        "kolom": [k.label for k in bagian.kolom],
        "baris": [
            {
                "kode": b.kode,
                "label": b.label,
                "tingkat": b.tingkat,
                "total": b is bagian.total,
                "sel": [format_sel(v, s) for v, s in zip(b.nilai, satuan, strict=False)],
            }
            for b in semua_baris(bagian)
        ],
    }


# --- the annual report as documents ---


def boleh_minta_laporan(pengguna, komisi) -> bool:
    """The registry, the chair and the administrators of the commission issue its report."""
    return any(
        izin.punya_peran(pengguna, peran, komisi.pk)
        for peran in (Peran.PANITERA, Peran.KETUA, Peran.ADMIN)
    )


def _awalan(komisi_id: int, tahun: int) -> str:
    # The shape of the document keys ("<owner>:<jenis>:<subject>:<versi>:<format>"), with
    # the commission as owner: tugas._gantikan_versi_lama relies on it.
    return f"k{komisi_id}:{JENIS}:{tahun}:"


def kunci_laporan(komisi_id: int, tahun: int, versi: int, fmt: str) -> str:
    return f"{_awalan(komisi_id, tahun)}{versi}:{fmt}"


def tahun_laporan(dok: Dokumen) -> int:
    return int(dok.kunci.split(":")[2])


def laporan_dokumen(komisi, tahun: int):
    return Dokumen.objects.filter(
        komisi=komisi, jenis=JENIS, kunci__startswith=_awalan(komisi.pk, tahun)
    ).order_by("-versi", "format")


def kunci_kemajuan(dokumen_id: int) -> str:
    return f"laporan_tahunan:kemajuan:{dokumen_id}"


def catat_kemajuan(dokumen_id: int, persen: int) -> None:
    cache.set(kunci_kemajuan(dokumen_id), int(persen), KEMAJUAN_DETIK)


def kemajuan(dok: Dokumen) -> int:
    if dok.status in (StatusDokumen.SIAP, StatusDokumen.DIGANTIKAN, StatusDokumen.DIBATALKAN):
        return 100
    if dok.status == StatusDokumen.GAGAL:
        return 0
    return int(cache.get(kunci_kemajuan(dok.pk), 0))


@dataclass(frozen=True)
class KeadaanLaporan:
    """The report of a year as the page shows it: the newest version (being made, ready or
    failed) and the newest issued files (possibly of the previous version)."""

    tahun: int
    versi: int | None
    status: str | None  # menunggu, siap, gagal; None: never requested
    persen: int
    dokumen: tuple[Dokumen, ...]
    terbit: tuple[Dokumen, ...]

    @property
    def berjalan(self) -> bool:
        return self.status == StatusDokumen.MENUNGGU

    def sebagai_json(self) -> dict:
        return {
            "tahun": self.tahun,
            "versi": self.versi,
            "status": self.status,
            "persen": self.persen,
            "dokumen": [
                {"id": d.pk, "format": d.format, "status": d.status, "persen": kemajuan(d)}
                for d in self.dokumen
            ],
        }


def _status_gabungan(rows) -> str | None:
    status = {d.status for d in rows}
    if not status:
        return None
    if StatusDokumen.GAGAL in status:
        return StatusDokumen.GAGAL
    if StatusDokumen.MENUNGGU in status:
        return StatusDokumen.MENUNGGU
    return StatusDokumen.SIAP


def laporan_keadaan(komisi, tahun: int) -> KeadaanLaporan:
    semua = list(laporan_dokumen(komisi, tahun))
    versi = semua[0].versi if semua else None
    terbaru = tuple(d for d in semua if d.versi == versi)
    siap = [d for d in semua if d.status == StatusDokumen.SIAP]
    versi_siap = max((d.versi for d in siap), default=None)
    terbit = tuple(d for d in siap if d.versi == versi_siap)
    persen = round(sum(kemajuan(d) for d in terbaru) / len(terbaru)) if terbaru else 0
    return KeadaanLaporan(tahun, versi, _status_gabungan(terbaru), persen, terbaru, terbit)


def periksa_tahun(komisi, tahun) -> int:
    """A year that has begun, from the year the law took effect."""
    try:
        tahun = int(tahun)
    except (TypeError, ValueError):
        tahun = 0
    if not TAHUN_PERTAMA <= tahun <= hari_ini(komisi).year:
        pesan = _("Choose a year from %(awal)d to %(akhir)d.") % {
            "awal": TAHUN_PERTAMA,
            "akhir": hari_ini(komisi).year,
        }
        raise ParameterTidakValid({"tahun": [pesan]})
    return tahun


def laporan_minta(*, komisi, tahun, oleh) -> KeadaanLaporan:
    """Request the annual report of `tahun`: start it, retry it, or give the one in progress.

    Two requests at the same moment compute the same next version and the unique key lets
    only one create it; the other finds it."""
    from .layanan import dokumen_antrekan

    tahun = periksa_tahun(komisi, tahun)
    if not Dokumen._meta.get_field("sengketa").null:
        # The report belongs to no case: its rows need Dokumen.sengketa to be nullable.
        raise ImproperlyConfigured(
            "laporan_tahunan: Dokumen.sengketa must be null=True (migration of dokumen)"
        )
    terbaru = laporan_keadaan(komisi, tahun)
    if terbaru.berjalan:
        return terbaru
    if terbaru.status == StatusDokumen.GAGAL:
        _coba_lagi(terbaru.dokumen)
        return laporan_keadaan(komisi, tahun)
    versi = (terbaru.versi or 0) + 1
    try:
        with transaction.atomic():
            for fmt in FORMAT_LAPORAN:
                dok = Dokumen.objects.create(
                    komisi=komisi,
                    sengketa=None,
                    jenis=JENIS,
                    nomor=str(tahun),
                    versi=versi,
                    format=fmt,
                    kunci=kunci_laporan(komisi.pk, tahun, versi, fmt),
                    diterbitkan_oleh=oleh,
                )
                catat_kemajuan(dok.pk, 0)
                dokumen_antrekan(dok.pk)
    except IntegrityError:
        log.info("laporan tahunan %s %s: permintaan bersamaan", komisi.kode, tahun)
    return laporan_keadaan(komisi, tahun)


def _coba_lagi(dokumen) -> None:
    from .layanan import dokumen_coba_lagi

    for dok in dokumen:
        if dok.status == StatusDokumen.GAGAL:
            catat_kemajuan(dok.pk, 0)
            dokumen_coba_lagi(dok.pk)


# --- rendering (called by the document task) ---


def _catatan_umum(komisi, dibuat) -> tuple[str, ...]:
    return (
        _(
            "WD: working days of the commission's calendar (weekends, national holidays, "
            "collective leave where observed and the commission's own closures excluded)."
        ),
        _("The settlement period of Law 14 of 2008 Article 38(2) is %(n)d working days.")
        % {"n": komisi.hk_penyelesaian},
        _(
            "The figures are those of the case register on %(tanggal)s. A later correction "
            "of a case can change them; a new version of this report then supersedes this one."
        )
        % {"tanggal": dibuat},
    )


def konteks_laporan(dok: Dokumen, tabel: tuple[TabelBergrafik, ...]) -> KonteksLaporan:
    from .konteks import kop_surat, penanda

    komisi, tahun = dok.komisi, tahun_laporan(dok)
    dibuat = format_tanggal(tanggal_lokal(komisi, dok.dibuat_pada), dengan_hari=False)
    catatan = tuple(f"{t.judul_lengkap}: {t.tabel.catatan}" for t in tabel if t.tabel.catatan)
    return KonteksLaporan(
        kop=kop_surat(komisi),
        penanda=penanda(dok),
        judul=_("Annual report on the settlement of public information disputes"),
        komisi=komisi.nama,
        periode=_("Year %(tahun)d") % {"tahun": tahun},
        dibuat=_("Issued on %(tanggal)s (version %(versi)d)")
        % {"tanggal": dibuat, "versi": dok.versi},
        tabel=tabel,
        pengantar=(
            _(
                "This report sets out the public information disputes handled by %(komisi)s "
                "in %(tahun)d, as Law 14 of 2008 on Public Information Disclosure requires "
                "(Articles 26 and 28). Every figure comes from the register of cases; the "
                "verification code on each page identifies this edition."
            )
            % {"komisi": komisi.nama, "tahun": tahun},
        ),
        catatan=(*_catatan_umum(komisi, dibuat), *catatan),
        judul_catatan=_("Notes on definitions"),
        label_daftar_isi=_("Contents"),
    )


def laporan_isi(dok: Dokumen) -> bytes:
    """The bytes of one report row. Always in Indonesian (a document of the commission);
    progress goes from 5 to 90 while the tables are computed, 95 once rendered."""
    tahun = tahun_laporan(dok)
    catat_kemajuan(dok.pk, 5)

    def maju(i: int, n: int) -> None:
        catat_kemajuan(dok.pk, 5 + 85 * i // n)

    with translation.override("id"):
        tabel = tabel_statistik(dok.komisi, st.Periode.tahun(tahun), kemajuan=maju)
        k = konteks_laporan(dok, tabel)
        isi = pdf_laporan(k) if dok.format == "pdf" else xlsx_laporan(k, _("Verification code"))
    catat_kemajuan(dok.pk, 95)
    return isi
