"""Tables 4, 5 and 6: who files, against whom, on which grounds - for the registers of the
period (the cases with a registration date in it; a register citing several grounds counts
under each)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sengketa.models import Alasan, JenisPemohon, KategoriBadanPublik, PeranPihak

from .bentuk import JUMLAH, PERSEN, Bagian, Baris, Kolom, Tabel, persen
from .cakupan import cakupan
from .kueri import hitungan_kasus, kelompok_pihak
from .periode import Periode

TERATAS = 10
AMBANG_SERIAL = 5


def _jumlah_per(baris, kunci: str) -> dict[str, int]:
    hasil: dict[str, int] = {}
    for b in baris:
        hasil[b[kunci]] = hasil.get(b[kunci], 0) + b["n"]
    return hasil


def _urut_nama(baris) -> list[tuple[str, str, int]]:
    """(key, name, registers) per party, most registers first, then by name."""
    nama: dict[str, list] = {}
    for b in baris:
        x = nama.setdefault(b["kunci"], [b["nama_"], 0])
        x[0] = min(x[0], b["nama_"])
        x[1] += b["n"]
    return sorted(((k, v[0], v[1]) for k, v in nama.items()), key=lambda x: (-x[2], x[0]))


def _daftar(baris, total: int) -> tuple[Baris, ...]:
    return tuple(
        Baris(f"{i}", nama, (n, persen(n, total)))
        for i, (_kunci, nama, n) in enumerate(baris, start=1)
    )


def _kolom_daftar() -> tuple[Kolom, ...]:
    return (Kolom("jumlah", _("Registers"), JUMLAH), Kolom("persen", _("Share"), PERSEN))


def tabel_pemohon(
    komisi, periode: Periode, *, teratas: int = TERATAS, ambang_serial: int = AMBANG_SERIAL
) -> Tabel:
    """Table 4: applicants by type; serial filers (at least `ambang_serial` registers in the
    period) listed on their own; the top `teratas` of the other applicants."""
    cak = cakupan(komisi)
    baris = [b for b in kelompok_pihak(cak, periode) if b["peran"] == PeranPihak.PEMOHON]
    per_jenis = _jumlah_per(baris, "jenis")
    total = sum(per_jenis.values())
    jenis = [j for j in JenisPemohon if j != JenisPemohon.BADAN_PUBLIK or per_jenis.get(j)]
    nama = _urut_nama(baris)
    serial = [x for x in nama if x[2] >= ambang_serial]
    lain = [x for x in nama if x[2] < ambang_serial][:teratas]
    oleh_serial = sum(x[2] for x in serial)
    kolom = _kolom_daftar()
    return Tabel(
        nomor=4,
        kode="pemohon",
        judul=_("Applicants"),
        grafik="lingkaran",
        bagian=(
            Bagian(
                "per_jenis",
                _("By type"),
                kolom,
                tuple(
                    Baris(
                        j.value, j.label, (per_jenis.get(j, 0), persen(per_jenis.get(j, 0), total))
                    )
                    for j in jenis
                ),
                Baris("jumlah", _("Total"), (total, persen(total, total))),
            ),
            Bagian(
                "serial",
                _("Serial filers (at least %(n)d registers)") % {"n": ambang_serial},
                kolom,
                _daftar(serial, total),
                Baris("jumlah", _("Total"), (oleh_serial, persen(oleh_serial, total))),
            ),
            Bagian(
                "teratas", _("Top applicants (serial filers aside)"), kolom, _daftar(lain, total)
            ),
        ),
        catatan=_(
            "Applicants of the cases registered in the period. One applicant is one name, "
            "whatever its spelling in capitals."
        ),
    )


def tabel_termohon(komisi, periode: Periode, *, teratas: int = TERATAS) -> Tabel:
    """Table 5: respondents by category of public body, and the top respondents."""
    cak = cakupan(komisi)
    baris = [b for b in kelompok_pihak(cak, periode) if b["peran"] == PeranPihak.TERMOHON]
    per_kategori = _jumlah_per(baris, "kategori")
    total = sum(per_kategori.values())
    kolom = _kolom_daftar()
    return Tabel(
        nomor=5,
        kode="termohon",
        judul=_("Respondents"),
        grafik="batang",
        bagian=(
            Bagian(
                "per_kategori",
                _("By category"),
                kolom,
                tuple(
                    Baris(
                        k.value,
                        k.label,
                        (per_kategori.get(k, 0), persen(per_kategori.get(k, 0), total)),
                    )
                    for k in KategoriBadanPublik
                ),
                Baris("jumlah", _("Total"), (total, persen(total, total))),
            ),
            Bagian(
                "teratas",
                _("Top respondents"),
                kolom,
                _daftar(_urut_nama(baris)[:teratas], total),
            ),
        ),
        catatan=_(
            "Respondents of the cases registered in the period; a public body without a "
            "category counts as 'other'."
        ),
    )


def tabel_alasan(komisi, periode: Periode) -> Tabel:
    """Table 6: the grounds of Pasal 35(1) a-g cited by the period's registers."""
    cak = cakupan(komisi)
    hitungan = hitungan_kasus(cak, periode)
    n = {"jumlah": hitungan["diregistrasi"]} | {
        a.value: hitungan[f"alasan_{a.value}"] for a in Alasan
    }
    return Tabel(
        nomor=6,
        kode="alasan",
        judul=_("Grounds of the objection (UU 14/2008 Article 35(1))"),
        grafik="batang",
        bagian=(
            Bagian(
                "alasan",
                _("Registers citing each ground"),
                (Kolom("jumlah", _("Registers"), JUMLAH), Kolom("persen", _("Share"), PERSEN)),
                tuple(
                    Baris(a.value, a.label, (n[a.value], persen(n[a.value], n["jumlah"])))
                    for a in Alasan
                ),
                Baris("jumlah", _("Registers of the period"), (n["jumlah"], None)),
            ),
        ),
        catatan=_("A register citing several grounds counts under each."),
    )
