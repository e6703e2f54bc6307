"""Summons rendering against each library's floor, measured in the same run.

    .venv/bin/python benchmarks/bench_dokumen.py [N]

Pure renderer calls on a prebuilt context (no database). The floor is a one-paragraph
document; for reportlab it is given twice: with the built-in Helvetica (nothing embedded)
and with the DejaVu font every document must embed (design/stack.md), which is the fair
floor for a letter. Targets: PDF <= 4x floor, DOCX <= 2.5x floor.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from docx import Document  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from dokumen.render import render  # noqa: E402
from dokumen.render.data import KonteksPanggilan, KopSurat, Penanda, TandaTangan  # noqa: E402
from dokumen.render.pdf import SERIF, gaya  # noqa: E402


def konteks(i: int) -> KonteksPanggilan:
    kode = f"BENCH{i:05d}"
    return KonteksPanggilan(
        kop=KopSurat(
            nama="Komisi Informasi Provinsi Kalimantan Timur",
            alamat="Jl. Kesuma Bangsa No. 1, Samarinda",
            telepon="0541 000000",
            email="sengketa@example.org",
            situs_web="https://ki.example.org",
            kota="Samarinda",
        ),
        penanda=Penanda(kode, f"https://sengketa.example.org/verifikasi/{kode}/"),
        nomor_surat=f"{i:03d}/PANG/KIP-KALTIM/III/2024",
        panggilan_ke=1,
        kepada="Budi Santoso",
        sebagai="Pemohon",
        alamat_kepada="Jl. Juanda No. 5, Samarinda",
        nomor_register="006/REG-PSI/KI-KALTIM/III/2024",
        para_pihak="Budi Santoso sebagai Pemohon terhadap Pemerintah Provinsi Kalimantan "
        "Timur sebagai Termohon",
        jenis_sidang="Pemeriksaan Awal",
        hari_tanggal="Rabu, 20 Maret 2024",
        pukul="09.00 WITA",
        tempat="Ruang Sidang Utama, Kantor Komisi",
        agenda="Pemeriksaan kewenangan, kedudukan hukum dan jangka waktu",
        pp_nama="Siti Aminah",
        pp_telepon="0812 0000 0000",
        tanda_tangan=TandaTangan("Samarinda, 6 Maret 2024", "Panitera Pengganti", "Siti Aminah"),
    )


def lantai_pdf(font: str) -> bytes:
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Paragraph("Satu paragraf.", ParagraphStyle("p", fontName=font))])
    return buf.getvalue()


def lantai_docx() -> bytes:
    doc = Document()
    doc.add_paragraph("Satu paragraf.")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def median_ms(fn, n: int) -> float:
    fn(0)  # warm caches (fonts, styles, base document) as a running worker has them
    waktu = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu) * 1000


def main(n: int = 200) -> None:
    gaya()  # registers the fonts
    ctx = [konteks(i) for i in range(n)]
    hasil = {
        "pdf floor (Helvetica)": median_ms(lambda i: lantai_pdf("Helvetica"), n),
        "pdf floor (DejaVu)": median_ms(lambda i: lantai_pdf(SERIF), n),
        "pdf summons": median_ms(lambda i: render("panggilan", "pdf", ctx[i]), n),
        "docx floor": median_ms(lambda i: lantai_docx(), n),
        "docx summons": median_ms(lambda i: render("panggilan", "docx", ctx[i]), n),
    }
    for nama, ms in hasil.items():
        print(f"{nama:24s} {ms:8.2f} ms (median of {n})")
    pdf_dejavu = hasil["pdf summons"] / hasil["pdf floor (DejaVu)"]
    pdf_helv = hasil["pdf summons"] / hasil["pdf floor (Helvetica)"]
    docx = hasil["docx summons"] / hasil["docx floor"]
    print(f"PDF  / floor (DejaVu)    {pdf_dejavu:5.2f}x  (target <= 4x)")
    print(f"PDF  / floor (Helvetica) {pdf_helv:5.2f}x")
    print(f"DOCX / floor             {docx:5.2f}x  (target <= 2.5x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
