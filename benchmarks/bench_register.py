"""A 500-row register book (issue 4, issue 7) to XLSX and PDF, beside each library's floor
measured in the same run.

    .venv/bin/python benchmarks/bench_register.py [ROWS] [RUNS]

Pure renderer calls on prebuilt rows (no database: the selector's cost is a fixed number
of queries, tested in tests/test_register.py). The floors:
- XLSX: openpyxl (write-only) writing the same rows as plain values, no style at all;
- PDF: reportlab drawing the same text line by line on landscape pages with the same
  embedded font, no table layout, no wrapping, no letterhead.
So "x floor" is what the real layout costs: styles, wrapped cells, repeated headers,
page decoration. Peak memory is measured on a separate run of each (tracemalloc), with the
process's maximum RSS at the end.
"""

import io
import os
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from openpyxl import Workbook  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from dokumen.render.buku_register import pdf_buku_register, xlsx_buku_register  # noqa: E402
from dokumen.render.data import KopSurat  # noqa: E402
from dokumen.render.pdf import SANS, gaya  # noqa: E402
from sengketa.register import KOLOM, BarisRegister, BukuRegister, tgl  # noqa: E402

KOP = KopSurat(
    nama="Komisi Informasi Provinsi Kalimantan Timur",
    alamat="Jl. Kesuma Bangsa No. 1, Samarinda",
    telepon="0541 000000",
    email="sengketa@example.org",
    kota="Samarinda",
)
TAHAP = [
    ("Berkekuatan hukum tetap", "Mediasi, lalu ajudikasi", "Dikabulkan seluruhnya"),
    ("Selesai melalui mediasi", "Mediasi", "Putusan mediasi; dilaksanakan dalam 14 hari kerja"),
    ("Gugur", "", "Gugur"),
    ("Dicabut", "Pencabutan", "Dicabut atas surat tanggal 6 Maret 2024: sudah dipenuhi"),
    ("Pemeriksaan awal", "", ""),
]


def baris(i: int) -> BarisRegister:
    d = date(2024, 1, 2) + timedelta(days=i % 300)
    tahap, jalur, hasil = TAHAP[i % len(TAHAP)]
    return BarisRegister(
        no=i + 1,
        nomor_register=f"{i + 1:03d}/REG-PSI/KI-KALTIM/{['I', 'IV', 'VIII'][i % 3]}/2024",
        tanggal_diterima=d,
        tanggal_registrasi=d + timedelta(days=2),
        jenis_pemohon="Perorangan",
        pemohon=f"Pemohon Nomor {i}",
        kuasa="Kantor Hukum Adil, S.H., M.H." if i % 4 == 0 else "",
        termohon=f"Dinas Pekerjaan Umum Kabupaten Contoh {i % 40}",
        informasi="1. Dokumen kontrak pengadaan jalan tahun 2023\n2. Laporan realisasi anggaran",
        alasan="c. tidak ditanggapinya permintaan informasi\ne. tidak dipenuhinya permintaan",
        majelis="Dr. Nama Ketua, S.H. (Ketua); Anggota Satu, S.Sos.; Anggota Dua, M.Si.",
        panitera_pengganti="Siti Aminah, S.H.",
        mediator="Anggota Satu, S.Sos." if jalur.startswith("Mediasi") else "",
        sidang="\n".join(
            f"{tgl(d + timedelta(days=14 * k))} ({j})"
            for k, j in enumerate(["Pemeriksaan awal", "Mediasi", "Pembuktian"][: 1 + i % 3])
        ),
        tahapan=tahap,
        jalur=jalur,
        hasil=hasil,
        tanggal_selesai=d + timedelta(days=60) if hasil else None,
        penerimaan_salinan="Pemohon: 7 Mei 2024\nTermohon: 8 Mei 2024" if i % 5 == 0 else "",
        keberatan="",
        tanggal_inkracht=d + timedelta(days=90) if i % 5 == 0 else None,
        dicoret="Dicoret (pencabutan)" if tahap == "Dicabut" else "",
        tanggal_permohonan_informasi=d - timedelta(days=60),
        tanggal_keberatan=d - timedelta(days=30),
    )


def lantai_xlsx(buku: BukuRegister) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    ws.append([k.judul for k in KOLOM])
    for b in buku.baris:
        ws.append([b.teks(k.kunci) for k in KOLOM])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def lantai_pdf(buku: BukuRegister) -> bytes:
    buf = io.BytesIO()
    lebar, tinggi = landscape(A4)
    c = Canvas(buf, pagesize=(lebar, tinggi), initialFontName=SANS, initialFontSize=7)
    y = tinggi - 30
    for b in buku.baris:
        for teks in (b.teks(k.kunci) for k in KOLOM):
            for baris_teks in teks.splitlines() or [""]:
                if y < 30:
                    c.showPage()
                    y = tinggi - 30
                c.setFont(SANS, 7)
                c.drawString(30, y, baris_teks)
                y -= 8.6
    c.save()
    return buf.getvalue()


def puncak_mb(fn) -> float:
    """Peak of the memory Python allocates during one call (tracemalloc; measured apart from
    the timings, which it would slow down)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def median_s(fn, n: int) -> float:
    fn()  # warm caches (fonts, styles) as a running worker has them
    waktu = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu)


def main(jumlah: int = 500, n: int = 5) -> None:
    gaya()  # registers the fonts
    buku = BukuRegister("Komisi Informasi Provinsi Kalimantan Timur", "Tahun 2024",
                        date(2024, 1, 1), date(2024, 12, 31),
                        tuple(baris(i) for i in range(jumlah)))  # fmt: skip
    halaman = pdf_buku_register(buku, KOP).count(b"/Type /Page\n")
    hasil = {
        "xlsx floor": median_s(lambda: lantai_xlsx(buku), n),
        "xlsx register": median_s(lambda: xlsx_buku_register(buku), n),
        "pdf floor": median_s(lambda: lantai_pdf(buku), n),
        "pdf register": median_s(lambda: pdf_buku_register(buku, KOP), n),
    }
    print(f"{jumlah} rows, median of {n} runs")
    for nama, s in hasil.items():
        print(f"{nama:16s} {s * 1000:9.1f} ms")
    print(f"XLSX / floor     {hasil['xlsx register'] / hasil['xlsx floor']:5.2f}x")
    print(f"PDF  / floor     {hasil['pdf register'] / hasil['pdf floor']:5.2f}x  ({halaman} pages)")
    puncak = {
        "xlsx floor": puncak_mb(lambda: lantai_xlsx(buku)),
        "xlsx register": puncak_mb(lambda: xlsx_buku_register(buku)),
        "pdf floor": puncak_mb(lambda: lantai_pdf(buku)),
        "pdf register": puncak_mb(lambda: pdf_buku_register(buku, KOP)),
    }
    print("peak memory (tracemalloc, one run)")
    for nama, mb in puncak.items():
        print(f"{nama:16s} {mb:9.1f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process max RSS  {rss:9.1f} MB")


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 500,
        int(sys.argv[2]) if len(sys.argv) > 2 else 5,
    )
