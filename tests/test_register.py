"""The register book (issue 7): the rows and columns of the spec for cases on every path,
struck-out numbers, a fixed number of queries, and the XLSX and PDF exports."""

import io
from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from dokumen.konteks import kop_surat
from dokumen.render.buku_register import pdf_buku_register, sel_pdf, xlsx_buku_register
from sengketa.models import BadanPublik
from sengketa.models import StatusSengketa as S
from sengketa.register import KOLOM, buku_register
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI, kasus
from workflows import layanan as L

pytestmark = pytest.mark.django_db

REGISTER = reverse("kantor:register")


def nama(u) -> str:
    return u.get_full_name()


def baris_dari(buku, sengketa_id):
    return next(b for b in buku.baris if b.sengketa_id == sengketa_id)


def terima_terdaftar(persona, tanggal, nama_pemohon, *, kuasa=None, register=True):
    """A cheap case: received (with a representative when given), registered, panel
    appointed."""
    sk = persona.skenario()
    if kuasa is None:
        sk.terima(tanggal, nama=nama_pemohon)
    else:
        data = L.DataPermohonan(
            pemohon=L.DataPihak(jenis="badan_hukum", nama=nama_pemohon),
            badan_publik_id=BadanPublik.objects.filter(komisi=persona.komisi).first().pk,
            informasi_diminta=["Daftar informasi publik"],
            alasan=["e"],
            tanggal_permohonan_informasi=tanggal,
            tanggal_keberatan=tanggal,
            tanggal_diterima=tanggal,
            kelengkapan=dict.fromkeys(
                ("identitas", "bukti_permohonan", "bukti_keberatan", "surat_kuasa"), True
            ),
            kuasa_pemohon=L.DataKuasa(nama=kuasa),
        )
        sk.sengketa = L.sengketa_terima(
            komisi=persona.komisi, oleh=persona.panitera, data=data
        ).sengketa
    if register:
        sk.registrasi(tanggal).tetapkan_majelis(tanggal)
    return sk


def test_baris_register_memuat_kolom_spesifikasi_untuk_setiap_jalur(persona):
    a = persona.aktor
    inkracht = kasus(persona, S.BERKEKUATAN_HUKUM_TETAP)
    mediasi = kasus(persona, S.SELESAI_MEDIASI)
    keberatan = kasus(persona, S.KEBERATAN_PENGADILAN)
    gugur = kasus(persona, S.GUGUR)
    sela = kasus(persona, S.TIDAK_DITERIMA)
    cabut = kasus(persona, S.DICABUT)  # withdrawn before registration: no number
    tolak = kasus(persona, S.TIDAK_DIREGISTRASI)

    buku = buku_register(persona.komisi, tahun=2024)

    assert [b.no for b in buku.baris] == list(range(1, 8))
    # Registered rows by their sequence, then the unregistered ones by receipt.
    terdaftar = [b.nomor_register for b in buku.baris if b.nomor_register]
    assert terdaftar == [f"{i:03d}/REG-PSI/KI-KALTIM/III/2024" for i in range(1, 6)]
    assert [b.nomor_register for b in buku.baris[5:]] == ["", ""]

    b = baris_dari(buku, inkracht.id)
    assert (b.tanggal_diterima, b.tanggal_registrasi) == (MULAI, MULAI)
    assert (b.jenis_pemohon, b.pemohon, b.kuasa) == ("Perorangan", "Budi Santoso", "")
    assert b.termohon == "Pemerintah Provinsi Kalimantan Timur"
    assert b.informasi == (
        "1. Dokumen kontrak pengadaan jalan tahun 2023\n2. Laporan realisasi anggaran"
    )
    assert b.alasan == "c. tidak ditanggapinya permintaan informasi"
    assert b.majelis == (
        f"{nama(a.ketua_majelis)} (Ketua); {nama(a.anggota[0])}; {nama(a.anggota[1])}"
    )
    assert (b.panitera_pengganti, b.mediator) == (nama(a.pp), nama(a.mediator))
    assert b.sidang.splitlines() == [
        "20 Maret 2024 (Pemeriksaan awal)",
        "26 Maret 2024 (Mediasi)",
        "18 April 2024 (Pembuktian)",
        "3 Mei 2024 (Pembacaan putusan)",
    ]
    assert (b.tahapan, b.jalur) == ("Berkekuatan hukum tetap", "Mediasi, lalu ajudikasi")
    assert b.hasil == "Dikabulkan seluruhnya; dilaksanakan dalam 10 hari kerja"
    assert b.tanggal_selesai == date(2024, 5, 3)
    assert b.penerimaan_salinan == "Pemohon: 7 Mei 2024\nTermohon: 7 Mei 2024"
    assert b.tanggal_inkracht == inkracht.sengketa.tanggal_inkracht
    assert (b.keberatan, b.dicoret, b.tercoret) == ("", "", False)
    assert b.teks("tanggal_selesai") == "3 Mei 2024"

    b = baris_dari(buku, mediasi.id)
    assert (b.tahapan, b.jalur) == ("Selesai melalui mediasi", "Mediasi")
    assert b.hasil == "Putusan mediasi; dilaksanakan dalam 14 hari kerja"
    assert b.tanggal_selesai == mediasi.sengketa.tanggal_selesai_mediasi

    b = baris_dari(buku, keberatan.id)
    assert b.tahapan == "Keberatan di pengadilan"
    assert b.keberatan == "Termohon: PTUN Samarinda, No. 12/G/KI/2024/PTUN.SMD, 14 Mei 2024"

    b = baris_dari(buku, gugur.id)
    assert (b.tahapan, b.hasil, b.jalur, b.mediator) == ("Gugur", "Gugur", "", "")
    assert b.sidang.splitlines() == [
        "20 Maret 2024 (Pemeriksaan awal, Pemohon tidak hadir)",
        "26 Maret 2024 (Pemeriksaan awal, Pemohon tidak hadir)",
    ]

    b = baris_dari(buku, sela.id)
    assert (b.tahapan, b.hasil) == ("Tidak dapat diterima", "Putusan sela: Daluwarsa")

    b = baris_dari(buku, cabut.id)
    assert (b.tahapan, b.jalur, b.majelis) == ("Dicabut", "Pencabutan", "")
    assert b.hasil == "Dicabut atas surat tanggal 6 Maret 2024: Informasi sudah diberikan"
    assert not b.tercoret  # nothing to strike: it was never registered

    b = baris_dari(buku, tolak.id)
    assert (b.tahapan, b.hasil, b.tanggal_registrasi) == (
        "Tidak diregistrasi",
        "Tidak diregistrasi",
        None,
    )


def test_nomor_yang_dicoret_ditandai_dicoret(persona):
    # Withdrawn after registration: the case keeps its number, struck out.
    sk = persona.skenario().terima(MULAI, nama="Citra").registrasi(MULAI)
    sk.sengketa = L.sengketa_cabut(
        sengketa_id=sk.id,
        oleh=persona.panitera,
        tanggal_surat=MULAI,
        alasan="Sudah dipenuhi",
        tanggal=MULAI,
    )
    # A registration undone by a correction: the old number is struck out (its own row)
    # and the case is registered again under a new one.
    kor = persona.skenario().terima(MULAI, nama="Dewi").registrasi(MULAI)
    nomor_lama = kor.sengketa.nomor_register
    L.sengketa_koreksi(
        sengketa_id=kor.id, oleh=persona.ketua, alasan="Salah registrasi", tanggal=MULAI
    )
    kor.registrasi(date(2024, 3, 7))

    buku = buku_register(persona.komisi, tahun=2024)

    dicabut = baris_dari(buku, sk.id)
    assert dicabut.tercoret and dicabut.dicoret == "Dicoret (pencabutan)"
    coretan = [b for b in buku.baris if b.nomor_register == nomor_lama]
    assert len(coretan) == 1 and coretan[0].tercoret
    assert coretan[0].dicoret == "Dicoret (koreksi registrasi, 6 Maret 2024: Salah registrasi)"
    assert (coretan[0].pemohon, coretan[0].tanggal_registrasi) == ("Dewi", MULAI)
    baru = [b for b in buku.baris if b.sengketa_id == kor.id and not b.tercoret]
    assert [b.nomor_register for b in baru] == ["003/REG-PSI/KI-KALTIM/III/2024"]
    assert [b.nomor_register for b in buku.baris] == [
        "001/REG-PSI/KI-KALTIM/III/2024",
        "002/REG-PSI/KI-KALTIM/III/2024",
        "003/REG-PSI/KI-KALTIM/III/2024",
    ]


def test_periode_tahun_dan_rentang_tanggal(persona):
    maret = persona.skenario().terima(date(2024, 3, 6), nama="Maret").registrasi(date(2024, 3, 6))
    juli = persona.skenario().terima(date(2024, 7, 3), nama="Juli")  # never registered
    # Received in December 2023, registered in January 2024: in the 2024 register.
    lintas = (
        persona.skenario().terima(date(2023, 12, 27), nama="Lintas").registrasi(date(2024, 1, 3))
    )

    tahun = buku_register(persona.komisi, tahun=2024)
    assert {b.sengketa_id for b in tahun.baris} == {maret.id, juli.id, lintas.id}
    assert tahun.periode == "Tahun 2024"
    assert buku_register(persona.komisi, tahun=2023).baris == ()

    rentang = buku_register(persona.komisi, mulai=date(2024, 3, 1), sampai=date(2024, 6, 30))
    assert [b.sengketa_id for b in rentang.baris] == [maret.id]
    assert rentang.periode == "1 Maret 2024 s.d. 30 Juni 2024"
    with pytest.raises(ValueError):
        buku_register(persona.komisi, mulai=date(2024, 3, 1), sampai=date(2024, 2, 1))


def _kueri_register(komisi) -> int:
    with CaptureQueriesContext(connection) as kueri:
        buku = buku_register(komisi, tahun=2024)
        for b in buku.baris:
            [b.teks(k.kunci) for k in KOLOM]
    return len(kueri), len(buku.baris)


def test_jumlah_kueri_tetap_berapa_pun_barisnya(persona):
    kasus(persona, S.KEBERATAN_PENGADILAN)  # hearings, attendance, receipts, objection
    kasus(persona, S.SELESAI_MEDIASI)
    for i in range(3):
        terima_terdaftar(persona, MULAI, f"Pemohon {i}", kuasa=f"Kuasa {i}")
    kueri_5, n_5 = _kueri_register(persona.komisi)
    for i in range(45):
        terima_terdaftar(persona, MULAI, f"Pemohon tambahan {i}", kuasa=f"Kuasa tambahan {i}")
    kueri_50, n_50 = _kueri_register(persona.komisi)

    assert (n_5, n_50) == (5, 50)
    assert kueri_5 == kueri_50
    assert kueri_50 <= 12


def _baca_xlsx(isi: bytes):
    return load_workbook(io.BytesIO(isi)).worksheets[0]


def test_xlsx_kepala_beku_tanggal_asli_dan_baris_dicoret(persona):
    sk = terima_terdaftar(persona, MULAI, "Eka", kuasa="Farida; Gilang")
    cabut = persona.skenario().terima(MULAI, nama="Hadi").registrasi(MULAI)
    L.sengketa_cabut(
        sengketa_id=cabut.id, oleh=persona.panitera, tanggal_surat=MULAI, alasan="x", tanggal=MULAI
    )
    buku = buku_register(persona.komisi, tahun=2024)

    ws = _baca_xlsx(xlsx_buku_register(buku))

    assert [c.value for c in ws[1]] == [k.judul for k in KOLOM]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width == KOLOM[1].lebar
    assert ws.max_row == 3
    baris = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    eka = baris[baris_dari(buku, sk.id).nomor_register]
    kolom = {k.kunci: i for i, k in enumerate(KOLOM)}
    assert eka[kolom["tanggal_diterima"]].value == datetime(2024, 3, 6)
    assert eka[kolom["tanggal_diterima"]].number_format == "DD/MM/YYYY"
    assert eka[kolom["pemohon"]].value == "Eka"
    assert eka[kolom["kuasa"]].value == "Farida; Gilang"
    assert eka[kolom["tahapan"]].value == "Pemeriksaan awal"
    assert eka[kolom["no"]].value == 1
    assert not any(c.font.strike for c in eka)
    dicoret = baris[baris_dari(buku, cabut.id).nomor_register]
    assert dicoret[kolom["dicoret"]].value == "Dicoret (pencabutan)"
    assert all(c.font.strike for c in dicoret)


def test_xlsx_teks_berawalan_sama_dengan_tetap_teks(persona):
    """A name typed as a formula must not become one in the registry's spreadsheet."""
    terima_terdaftar(persona, MULAI, '=HYPERLINK("http://contoh.invalid","klik")')
    ws = _baca_xlsx(xlsx_buku_register(buku_register(persona.komisi, tahun=2024)))
    sel = ws.cell(row=2, column=[k.kunci for k in KOLOM].index("pemohon") + 1)
    assert (sel.value, sel.data_type) == ('=HYPERLINK("http://contoh.invalid","klik")', "s")


def test_pdf_berisi_nomor_kepala_tiap_halaman_dan_coretan(persona):
    for i in range(14):
        terima_terdaftar(persona, MULAI, f"Pemohon {i}", register=True)
    cabut = persona.skenario().terima(MULAI, nama="Ditarik").registrasi(MULAI)
    L.sengketa_cabut(
        sengketa_id=cabut.id, oleh=persona.panitera, tanggal_surat=MULAI, alasan="x", tanggal=MULAI
    )
    buku = buku_register(persona.komisi, tahun=2024)

    pdf = PdfReader(io.BytesIO(pdf_buku_register(buku, kop_surat(persona.komisi))))

    halaman = [p.extract_text() for p in pdf.pages]
    total = len(halaman)
    assert total >= 2
    semua = "\n".join(halaman)
    for b in buku.baris:
        assert b.nomor_register in semua
    assert "KOMISI INFORMASI PROVINSI KALIMANTAN TIMUR" in halaman[0]
    assert "BUKU REGISTER SENGKETA INFORMASI PUBLIK" in halaman[0]
    for i, teks in enumerate(halaman, start=1):
        assert f"Halaman {i} dari {total}" in teks
        assert "Nomor Register / Tanggal" in teks  # the header row repeats on every page
    assert float(pdf.pages[0].mediabox.width) > float(pdf.pages[0].mediabox.height)
    assert "DICORET (PENCABUTAN)" in semua
    # The struck-out row is drawn struck through (each cell), the others are not.
    dicoret = baris_dari(buku, cabut.id)
    assert all(sel.coret for sel in sel_pdf(dicoret))
    assert not any(sel.coret for b in buku.baris if b is not dicoret for sel in sel_pdf(b))
    assert sel_pdf(dicoret)[1].teks().startswith(dicoret.nomor_register)


def test_pdf_register_kosong_tetap_terbit(kaltim):
    buku = buku_register(kaltim, tahun=2030)
    teks = PdfReader(io.BytesIO(pdf_buku_register(buku, kop_surat(kaltim)))).pages[0]
    assert "Tidak ada perkara dalam periode ini." in teks.extract_text()


# --- the back-office page ---


def test_halaman_register_pratinjau_dan_unduhan(client, persona):
    sk = persona.skenario().terima(MULAI, nama="Indah").registrasi(MULAI)
    client.force_login(persona.pp)

    halaman = client.get(REGISTER, {"tahun": 2024})
    assert halaman.status_code == 200
    isi = halaman.content.decode()
    assert sk.sengketa.nomor_register in isi and "Indah" in isi
    assert 'data-unduh="xlsx"' in isi

    xlsx = client.get(REGISTER, {"tahun": 2024, "unduh": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="buku-register-kip-kaltim-tahun-2024.xlsx"' in xlsx["Content-Disposition"]
    assert _baca_xlsx(xlsx.content)["B2"].value == sk.sengketa.nomor_register

    pdf = client.get(REGISTER, {"mulai": "2024-03-01", "sampai": "2024-03-31", "unduh": "pdf"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert sk.sengketa.nomor_register in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()

    salah = client.get(REGISTER, {"mulai": "2024-03-31", "sampai": "2024-03-01"})
    assert salah.status_code == 400


def test_register_hanya_untuk_staf_komisinya(client, persona):
    persona.skenario().terima(MULAI, nama="Rahasia").registrasi(MULAI)
    client.force_login(persona.panitera_lain)
    # Staff of another commission see their own register, never this one.
    assert "Rahasia" not in client.get(REGISTER, {"tahun": 2024}).content.decode()
    lain = client.get(REGISTER, {"tahun": 2024, "komisi": persona.komisi.pk, "unduh": "xlsx"})
    assert lain.status_code == 403
    client.force_login(persona.pemohon)
    assert client.get(REGISTER, {"tahun": 2024}).status_code == 403
    client.logout()
    assert client.get(REGISTER).status_code == 302


def test_menu_menautkan_register_untuk_staf(client, persona):
    client.force_login(persona.komisioner[4])
    isi = client.get(REGISTER).content.decode()
    assert f'href="{REGISTER}"' in isi
    # Not an importer: a commissioner sees no import link.
    assert reverse("kantor:impor") not in isi
    staf = pengguna_dengan_peran(persona.komisi, "panitera")
    client.force_login(staf)
    assert reverse("kantor:impor") in client.get(REGISTER).content.decode()
