"""Checking an uploaded attachment before it is kept (online filing, portal.pengajuan).

A file is recognised by its first bytes, never by its name or by the type the browser
claims: a program or a web page renamed `surat.pdf` is refused, a JPEG photo named `.pdf`
is kept as the JPEG it is. Accepted: PDF, JPEG, PNG and, for the attachments whose form
says so (letters the applicant or the public body wrote), DOCX.

Nothing is ever decoded, rendered or extracted here: a DOCX is judged from its zip
directory alone (sizes, ratios, entry count, overlapping entries, nested archives, macros),
so a zip bomb costs the server a directory read. PDFs are not parsed either (no PDF library
at run time, and a parser is attack surface): a PDF must start with `%PDF-` and end with
`%%EOF`, which refuses truncated uploads. A password-protected PDF is accepted with a note
to the applicant, because most are only protected against printing and open normally; one
that needs a password to open is for the registry to ask again, as with a paper file.

Every refusal is an `UnggahanDitolak` with a stable `kode` (tests, templates) and a message
in the applicant's language naming the file and what to do about it.
"""

import hashlib
import struct
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .models import JenisLampiran

MB = 1024 * 1024

# Defaults of the limits; each can be set in settings (config/settings.py, from the env).
BAWAAN = {
    "UNGGAHAN_MAKS_BERKAS": 10 * MB,  # one file
    "UNGGAHAN_MAKS_PERKARA": 30 * MB,  # all files of one application
    "UNGGAHAN_MAKS_JUMLAH": 30,  # number of files of one application
    "UNGGAHAN_DOCX_MAKS_ISI": 100 * MB,  # a DOCX's declared uncompressed size, all entries
    "UNGGAHAN_DOCX_MAKS_RASIO": 100,  # uncompressed / compressed, per large entry
    "UNGGAHAN_DOCX_MAKS_ENTRI": 1000,  # entries in a DOCX's zip directory
}

PDF, JPEG, PNG, DOCX = "pdf", "jpeg", "png", "docx"
TIPE_KONTEN = {
    PDF: "application/pdf",
    JPEG: "image/jpeg",
    PNG: "image/png",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EKSTENSI = {PDF: (".pdf",), JPEG: (".jpg", ".jpeg"), PNG: (".png",), DOCX: (".docx",)}

# Letters written by the applicant or by the public body may come as Word files; identity
# papers, powers of attorney and deeds must be scans or photos of the signed, stamped paper.
BOLEH_DOCX = frozenset(
    {
        JenisLampiran.BUKTI_PERMOHONAN,
        JenisLampiran.JAWABAN_PERMOHONAN,
        JenisLampiran.BUKTI_KEBERATAN,
        JenisLampiran.TANGGAPAN_KEBERATAN,
        JenisLampiran.LAINNYA,
    }
)

# Only the compressed entries bigger than this are held to the ratio cap: small XML parts
# compress very well and are harmless.
RASIO_MULAI = MB
# Archives inside an archive: never expected in a letter, the classic way to hide a bomb.
# (Embedded Office objects in word/embeddings/ are zips too; they are ordinary, and their
# declared sizes count toward the total like any other entry.)
ARSIP_BERSARANG = (".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".jar", ".cab")
UKURAN_HEADER_LOKAL = 30  # fixed part of a zip local file header


def batas(nama: str) -> int:
    return int(getattr(settings, nama, BAWAAN[nama]))


def format_diizinkan(jenis: str) -> tuple[str, ...]:
    return (PDF, JPEG, PNG, DOCX) if jenis in BOLEH_DOCX else (PDF, JPEG, PNG)


def ekstensi_diizinkan(jenis: str) -> str:
    """'.pdf,.jpg,.jpeg,.png': for the file input's `accept` (a hint to the phone only)."""
    return ",".join(e for f in format_diizinkan(jenis) for e in EKSTENSI[f])


def nama_format(jenis: str) -> str:
    return ", ".join(f.upper() for f in format_diizinkan(jenis))


def ukuran_teks(n: int) -> str:
    return str(filesizeformat(n)).replace("\xa0", " ")


class UnggahanDitolak(Exception):
    def __init__(self, kode: str, pesan: str, nama: str = ""):
        self.kode = kode
        self.pesan = pesan
        self.nama = nama
        super().__init__(pesan)

    def __str__(self) -> str:
        return self.pesan


@dataclass(frozen=True)
class BerkasDiperiksa:
    """What is kept about an accepted file."""

    nama: str
    format: str
    tipe_konten: str
    ukuran: int
    sha256: str
    catatan: str = ""  # a note for the applicant (e.g. a password-protected PDF)


def nama_aman(nama: str) -> str:
    """The name as the applicant sent it, without path, control characters or excess."""
    nama = (nama or "").replace("\\", "/").rsplit("/", 1)[-1]
    nama = "".join(c for c in nama if unicodedata.category(c)[0] != "C").strip()
    if len(nama) > 200:
        dasar, titik, ekstensi = nama.rpartition(".")
        nama = f"{dasar[: 190 - len(ekstensi)]}.{ekstensi}" if titik else nama[:200]
    return nama or "berkas"


# -- recognising the content ----------------------------------------------------------


def kenali(awal: bytes) -> str:
    """What the first bytes say the file is: an accepted format, or a known refused one
    (so that the message can say what to do), or '' for anything else."""
    if awal.startswith(b"%PDF-"):
        return PDF
    if awal.startswith(b"\xff\xd8\xff"):
        return JPEG
    if awal.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if awal.startswith(b"PK\x03\x04"):
        return "zip"
    if awal.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc_lama"  # Word 97-2003 (.doc) or an encrypted Office file
    if awal[4:8] == b"ftyp" and awal[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"hevc"):
        return "heic"
    if awal.startswith(b"RIFF") and awal[8:12] == b"WEBP":
        return "webp"
    if awal.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if awal.startswith((b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")):
        return "program"
    kepala = awal.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kepala.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<svg")):
        return "html"
    if kepala.startswith(b"<?xml"):
        return "html" if b"<svg" in kepala or b"<html" in kepala else ""
    return ""


def _baca(berkas, mulai: int = 0, n: int = -1) -> bytes:
    berkas.seek(mulai)
    return berkas.read(n)


def _sha256_dan_cari(berkas, pola: bytes | None) -> tuple[str, bool]:
    """The file's SHA-256 in one pass, and whether `pola` occurs anywhere in it."""
    h, ada, ekor = hashlib.sha256(), False, b""
    for potong in berkas.chunks():  # from the start, in 64 KB pieces
        h.update(potong)
        if pola and not ada:
            ada = pola in ekor + potong
            ekor = potong[-len(pola) :]
    return h.hexdigest(), ada


# -- refusals ---------------------------------------------------------------------------


def _tolak_format(jenis_berkas: str, nama: str, jenis: str) -> UnggahanDitolak:
    diizinkan = nama_format(jenis)
    pesan = {
        "zip": _(
            "“%(nama)s” is a compressed archive (ZIP), not a document. Upload each document "
            "separately as %(format)s."
        ),
        "office_lain": _(
            "“%(nama)s” is an Excel or PowerPoint file. Open it and save it as PDF, then "
            "upload the PDF. Accepted here: %(format)s."
        ),
        "doc_lama": _(
            "“%(nama)s” is an old Word file (.doc) or a password-protected Office file. Open "
            "it and save it as PDF (or remove the password), then upload it again. "
            "Accepted here: %(format)s."
        ),
        "heic": _(
            "“%(nama)s” is an HEIC photo (the iPhone's own format), which not every computer "
            "can open. Set the camera to “Most Compatible” or send the photo as JPEG, or take "
            "a screenshot of it. Accepted here: %(format)s."
        ),
        "webp": _(
            "“%(nama)s” is a WebP image. Save it as JPEG or PNG (a screenshot also works). "
            "Accepted here: %(format)s."
        ),
        "gif": _(
            "“%(nama)s” is a GIF image. Save it as JPEG or PNG (a screenshot also works). "
            "Accepted here: %(format)s."
        ),
        "program": _(
            "“%(nama)s” is a program or script, not a document, and is never accepted. "
            "Accepted here: %(format)s."
        ),
        "html": _(
            "“%(nama)s” is a web page or SVG image, not a document. If it is a page from a "
            "website or an e-mail, print it to PDF (Share or Print > Save as PDF). "
            "Accepted here: %(format)s."
        ),
        "docx": _(
            "“%(nama)s” is a Word file, which is not accepted for this attachment: it must be "
            "a scan or a photo of the signed paper. Accepted here: %(format)s."
        ),
    }.get(
        jenis_berkas,
        _(
            "“%(nama)s” is not a PDF, JPEG or PNG file, whatever its name says. Accepted "
            "here: %(format)s."
        ),
    )
    kode = "docx_tidak_diizinkan" if jenis_berkas == DOCX else "format_tidak_diterima"
    return UnggahanDitolak(kode, pesan % {"nama": nama, "format": diizinkan}, nama)


def periksa_ukuran(nama: str, ukuran: int, terpakai: int, jumlah: int) -> None:
    """Per file, per application (bytes already kept) and number of files."""
    if ukuran == 0:
        raise UnggahanDitolak(
            "kosong",
            _(
                "“%(nama)s” is empty (0 bytes): nothing was received. Choose the file again; "
                "if it is a photo, take it again."
            )
            % {"nama": nama},
            nama,
        )
    maks = batas("UNGGAHAN_MAKS_BERKAS")
    if ukuran > maks:
        raise terlalu_besar(nama, maks, ukuran)
    maks_total = batas("UNGGAHAN_MAKS_PERKARA")
    if terpakai + ukuran > maks_total:
        raise UnggahanDitolak(
            "melebihi_total",
            _(
                "“%(nama)s” (%(ukuran)s) was not added: with it the attachments of this "
                "application would take %(total)s, more than the limit of %(batas)s. Remove a "
                "file you do not need, or make the scan smaller (lower resolution, black and "
                "white)."
            )
            % {
                "nama": nama,
                "ukuran": ukuran_teks(ukuran),
                "total": ukuran_teks(terpakai + ukuran),
                "batas": ukuran_teks(maks_total),
            },
            nama,
        )
    maks_jumlah = batas("UNGGAHAN_MAKS_JUMLAH")
    if jumlah >= maks_jumlah:
        raise UnggahanDitolak(
            "terlalu_banyak",
            _(
                "“%(nama)s” was not added: an application has at most %(jumlah)d files. "
                "Combine the pages of one document into a single PDF."
            )
            % {"nama": nama, "jumlah": maks_jumlah},
            nama,
        )


def terlalu_besar(nama: str, maks: int, ukuran: int | None = None) -> UnggahanDitolak:
    if ukuran is None:
        pesan = _(
            "“%(nama)s” is larger than %(batas)s, the limit per file, and was not received. "
            "Make it smaller (lower resolution, black and white, or fewer pages per file)."
        ) % {"nama": nama, "batas": ukuran_teks(maks)}
    else:
        pesan = _(
            "“%(nama)s” is %(ukuran)s, more than %(batas)s, the limit per file. Make it "
            "smaller (lower resolution, black and white, or fewer pages per file)."
        ) % {"nama": nama, "ukuran": ukuran_teks(ukuran), "batas": ukuran_teks(maks)}
    return UnggahanDitolak("terlalu_besar", pesan, nama)


# -- PDF and DOCX -----------------------------------------------------------------------


def periksa_pdf(berkas, nama: str, ukuran: int) -> None:
    # A PDF ends with %%EOF (readers tolerate some trailing bytes): a cut-off upload does not.
    ekor = _baca(berkas, max(0, ukuran - 2048))
    if b"%%EOF" not in ekor:
        raise UnggahanDitolak(
            "pdf_rusak",
            _(
                "“%(nama)s” is an incomplete or damaged PDF (its end is missing), perhaps "
                "because the upload or the download was cut off. Open it to check it, then "
                "upload it again."
            )
            % {"nama": nama},
            nama,
        )


def _tolak_docx(kode: str, nama: str, sebab: str) -> UnggahanDitolak:
    return UnggahanDitolak(
        kode,
        _(
            "The Word file “%(nama)s” cannot be accepted: %(sebab)s Save it as PDF (File > "
            "Save as > PDF) and upload the PDF."
        )
        % {"nama": nama, "sebab": sebab},
        nama,
    )


def _entri_tumpang_tindih(entri: list[zipfile.ZipInfo]) -> bool:
    """Entries whose stored data overlap: how the smallest zip bombs reuse one payload."""
    akhir_sebelumnya = -1
    for info in sorted(entri, key=lambda i: i.header_offset):
        if info.header_offset < akhir_sebelumnya:
            return True
        akhir_sebelumnya = (
            info.header_offset
            + UKURAN_HEADER_LOKAL
            + len(info.orig_filename.encode("utf-8", "surrogateescape"))
            + info.compress_size
        )
    return False


def _periksa_docx(berkas, nama: str) -> None:
    """A Word document, judged from the zip's central directory; nothing is decompressed."""
    try:
        berkas.seek(0)
        with zipfile.ZipFile(berkas) as arsip:
            entri = arsip.infolist()
    except (zipfile.BadZipFile, struct.error, ValueError, OSError, EOFError):
        raise _tolak_docx(
            "docx_rusak", nama, _("it is damaged or not really a Word document.")
        ) from None
    nama_entri = {i.filename for i in entri}
    if not {"[Content_Types].xml", "word/document.xml"} <= nama_entri:
        raise _tolak_docx("docx_rusak", nama, _("it is a ZIP archive, not a Word document."))
    if len(entri) > batas("UNGGAHAN_DOCX_MAKS_ENTRI"):
        raise _tolak_docx("docx_bom", nama, _("it is made of an unusually large number of parts."))
    if any(i.flag_bits & 0x1 for i in entri):
        raise _tolak_docx("docx_rusak", nama, _("parts of it are encrypted."))
    if any(i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for i in entri):
        raise _tolak_docx("docx_rusak", nama, _("it uses an unusual compression."))
    if any(n.lower().endswith("vbaproject.bin") for n in nama_entri):
        raise _tolak_docx("docx_makro", nama, _("it contains macros (a program)."))
    if any(n.lower().endswith(ARSIP_BERSARANG) for n in nama_entri):
        raise _tolak_docx("docx_bom", nama, _("it hides another compressed archive inside."))
    total = sum(i.file_size for i in entri)
    if total > batas("UNGGAHAN_DOCX_MAKS_ISI") or _rasio_berlebihan(entri):
        raise _tolak_docx(
            "docx_bom",
            nama,
            _("once opened it would expand to far more than its size (a “zip bomb”)."),
        )
    if _entri_tumpang_tindih(entri):
        raise _tolak_docx("docx_bom", nama, _("its parts overlap (a “zip bomb”)."))


def _rasio_berlebihan(entri: list[zipfile.ZipInfo]) -> bool:
    maks = batas("UNGGAHAN_DOCX_MAKS_RASIO")
    for i in entri:
        if i.file_size <= RASIO_MULAI:
            continue
        if i.compress_size == 0 or i.file_size / i.compress_size > maks:
            return True
    return False


# -- the one entry point ----------------------------------------------------------------


def periksa_berkas(berkas, *, jenis: str, terpakai: int = 0, jumlah: int = 0) -> BerkasDiperiksa:
    """Check one uploaded file for the attachment type `jenis`.

    `terpakai`: bytes the application already keeps; `jumlah`: files it already keeps.
    Raises UnggahanDitolak; the file is left at position 0 for saving."""
    nama = nama_aman(getattr(berkas, "name", ""))
    ukuran = berkas.size
    periksa_ukuran(nama, ukuran, terpakai, jumlah)
    jenis_berkas = kenali(_baca(berkas, 0, 64))
    if jenis_berkas == "zip":
        jenis_berkas = DOCX if nama.lower().endswith(".docx") else _jenis_zip(berkas)
    if jenis_berkas not in format_diizinkan(jenis):
        raise _tolak_format(jenis_berkas, nama, jenis)
    catatan = ""
    if jenis_berkas == PDF:
        periksa_pdf(berkas, nama, ukuran)
    elif jenis_berkas == DOCX:
        _periksa_docx(berkas, nama)
    sha256, terenkripsi = _sha256_dan_cari(berkas, b"/Encrypt" if jenis_berkas == PDF else None)
    if jenis_berkas == PDF and terenkripsi:
        catatan = _(
            "“%(nama)s” is password-protected. It was kept; if it needs a password to open, "
            "the registry cannot read it: upload a copy without the password."
        ) % {"nama": nama}
    berkas.seek(0)
    return BerkasDiperiksa(nama, jenis_berkas, TIPE_KONTEN[jenis_berkas], ukuran, sha256, catatan)


def _jenis_zip(berkas) -> str:
    """A zip named otherwise (e.g. `surat.pdf`) is still judged as the Word file it may be;
    an Excel or PowerPoint file gets its own advice."""
    try:
        berkas.seek(0)
        with zipfile.ZipFile(berkas) as arsip:
            isi = set(arsip.namelist())
    except (zipfile.BadZipFile, struct.error, ValueError, OSError, EOFError):
        return "zip"
    if "word/document.xml" in isi:
        return DOCX
    if "xl/workbook.xml" in isi or "ppt/presentation.xml" in isi:
        return "office_lain"
    return "zip"


def nama_unduhan(nama_asli: str, tipe_konten: str) -> str:
    """The original name, with the extension of what the file really is (a JPEG sent as
    `ktp.pdf` downloads as `ktp.pdf.jpg`, so that it opens)."""
    for fmt, tipe in TIPE_KONTEN.items():
        if tipe == tipe_konten and not nama_asli.lower().endswith(EKSTENSI[fmt]):
            return f"{nama_asli}{EKSTENSI[fmt][0]}"
    return nama_asli


# -- stopping an oversized file while it is being received ----------------------------


class PenjagaUkuran(FileUploadHandler):
    """Placed first among the upload handlers of the filing page: a file is dropped as soon
    as it passes the per-file limit, so a 2 GB upload is never written to disk. What was
    dropped is listed in `request.unggahan_terlalu_besar` for the page to explain."""

    def __init__(self, request=None):
        super().__init__(request)
        self.maks = batas("UNGGAHAN_MAKS_BERKAS")
        self.terlalu_besar: list[tuple[str, str]] = []
        if request is not None:
            request.unggahan_terlalu_besar = self.terlalu_besar

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.maks:
            self.terlalu_besar.append((self.field_name, nama_aman(self.file_name)))
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None
