"""Reading the uploaded file: XLSX through openpyxl in read-only mode, CSV with its encoding
and delimiter sniffed (registries export from Excel in Windows-1252 with ";" as often as
in UTF-8 with ","). The header is the first row, among the first ten, that has known
column names; every row after it keeps its number in the sheet for the report."""

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .kolom import skor_judul
from .nilai import teks

MAKS_BARIS = 20_000
BARIS_CARI_JUDUL = 10
PENGODEAN = ("utf-8-sig", "cp1252", "latin-1")


class BerkasTidakTerbaca(ValueError):
    """The file is not a readable XLSX or CSV; `str()` is the message for people."""


@dataclass(frozen=True)
class Tabel:
    judul: list[str]
    baris: list[tuple[int, list]]  # (row number in the sheet, cells)


def _potong_kosong(sel: list) -> list:
    while sel and (sel[-1] is None or (isinstance(sel[-1], str) and not sel[-1].strip())):
        sel = sel[:-1]
    return sel


def _tabel(semua: list[list]) -> Tabel:
    if not semua:
        raise BerkasTidakTerbaca(_("The file is empty."))
    awal = max(range(min(BARIS_CARI_JUDUL, len(semua))), key=lambda i: skor_judul(semua[i]))
    if skor_judul(semua[awal]) == 0:
        awal = next((i for i, b in enumerate(semua) if _potong_kosong(b)), 0)
    judul = [teks(j) for j in semua[awal]]
    baris = []
    for nomor, sel in enumerate(semua[awal + 1 :], start=awal + 2):
        sel = _potong_kosong(list(sel))
        if not any(teks(s) for s in sel):
            continue
        baris.append((nomor, sel + [None] * (len(judul) - len(sel))))
    if len(baris) > MAKS_BARIS:
        raise BerkasTidakTerbaca(
            _("The file has more than %(n)d rows; split it.") % {"n": MAKS_BARIS}
        )
    return Tabel(judul=judul, baris=baris)


def baca_xlsx(isi: bytes) -> Tabel:
    try:
        wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise BerkasTidakTerbaca(_("The file is not a readable XLSX workbook.")) from exc
    try:
        ws = wb.worksheets[0]
        semua = []
        for i, baris in enumerate(ws.iter_rows(values_only=True)):
            if i > MAKS_BARIS + BARIS_CARI_JUDUL:
                break
            semua.append(list(baris))
    finally:
        wb.close()
    return _tabel(semua)


def _dekode(isi: bytes) -> str:
    for pengodean in PENGODEAN:
        try:
            return isi.decode(pengodean)
        except UnicodeDecodeError:
            continue
    raise BerkasTidakTerbaca(_("The text encoding of the file is not recognised."))


def baca_csv(isi: bytes) -> Tabel:
    teks_csv = _dekode(isi)
    contoh = teks_csv[:20_000]
    try:
        dialek = csv.Sniffer().sniff(contoh, delimiters=",;\t|")
    except csv.Error:
        # One column, or a sample the sniffer cannot decide: the most frequent separator.
        pemisah = max(",;\t|", key=lambda p: contoh.split("\n", 1)[0].count(p))
        dialek = type("DialekImpor", (csv.excel,), {"delimiter": pemisah})
    try:
        semua = [list(b) for b in csv.reader(io.StringIO(teks_csv, newline=""), dialek)]
    except csv.Error as exc:
        raise BerkasTidakTerbaca(
            _("The CSV file is malformed: %(galat)s") % {"galat": exc}
        ) from exc
    return _tabel(semua)


def baca_berkas(isi: bytes, nama: str) -> Tabel:
    """By the file's own signature first (an XLSX is a zip), then by its extension."""
    if isi[:4] == b"PK\x03\x04" or Path(nama).suffix.lower() in (".xlsx", ".xlsm"):
        return baca_xlsx(isi)
    if Path(nama).suffix.lower() in (".csv", ".txt", ""):
        return baca_csv(isi)
    raise BerkasTidakTerbaca(_("Upload an XLSX or CSV file."))
