"""Rulings, minutes and mediation documents issued by their steps: the text read back from
the PDF (pypdf) and the DOCX draft (python-docx) carries the spec's minimum contents."""

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from dokumen.format import angka_terbilang, tanggal_panjang, tanggal_terbilang
from dokumen.models import Dokumen, StatusDokumen
from sengketa.models import StatusSengketa as S
from tests.kasus import MULAI
from tests.test_dokumen_terbit import dok, isi, teks_docx, teks_pdf

NAMA_JAHAT = 'Ñoño <img src=/etc/passwd> <a href="javascript:alert(1)">x</a> & "q"'


def semua_siap(s):
    for d in Dokumen.objects.filter(sengketa=s):
        assert d.status == StatusDokumen.SIAP, (d.jenis, d.galat)


def nama(u) -> str:
    return u.get_full_name()


@pytest.fixture
def diputus(bangun):
    return bangun(S.DIPUTUS)


def test_putusan_pdf_dan_docx(diputus):
    sk, s = diputus, diputus.sengketa
    semua_siap(s)
    a = sk.aktor
    putusan = dok(s, "putusan")
    assert putusan.nomor == s.nomor_putusan
    wajib = [
        f"PUTUSAN Nomor {s.nomor_putusan}",
        "1. IDENTITAS",
        "2. DUDUK PERKARA",
        "3. PERTIMBANGAN HUKUM",
        "4. KESIMPULAN",
        "5. AMAR PUTUSAN",
        "[1.1]",
        "[2.1]",
        "[3.1]",
        "[4.1]",
        s.nomor_register,
        s.pemohon.nama,
        s.termohon.nama,
        # introduction: filing and registration dates
        tanggal_panjang(s.tanggal_diterima),
        tanggal_panjang(s.tanggal_registrasi),
        # chronology request -> keberatan -> dispute
        tanggal_panjang(s.tanggal_permohonan_informasi),
        tanggal_panjang(s.tanggal_keberatan),
        "mengajukan keberatan kepada atasan PPID",
        # reasons spelled out, petitum
        "huruf c: tidak ditanggapinya permintaan informasi",
        "Memerintahkan Termohon memberikan informasi yang diminta",
        # hearings held, with dates and attendance
        "Pembacaan Putusan",
        "Pembuktian",
        "Pemohon hadir",
        # preliminary findings
        "berwenang menerima, memeriksa, dan memutus",
        "kedudukan hukum (legal standing)",
        "Pasal 37 ayat (2)",
        # amar and performance period
        "Mengabulkan permohonan Pemohon untuk seluruhnya",
        s.isi_amar,
        angka_terbilang(10, "hari kerja"),
        "10 (sepuluh) hari kerja",
        # deliberation and reading dates spelled out
        tanggal_terbilang(s.tanggal_musyawarah),
        tanggal_terbilang(s.tanggal_putusan),
        # the draft keeps a place for a dissenting opinion (dokumen.md "if any")
        "Pendapat Berbeda (Dissenting Opinion)",
        # signature blocks
        nama(a.ketua_majelis),
        nama(a.anggota[0]),
        nama(a.anggota[1]),
        nama(a.pp),
        "Ketua Majelis Komisioner",
        "Anggota Majelis Komisioner",
        "Panitera Pengganti",
    ]
    pdf = " ".join(teks_pdf(putusan))
    for w in wajib:
        assert w in pdf, w
    sidang = s.sidang.filter(jenis="pembacaan_putusan").get()
    from dokumen.konteks import _tanggal_sidang

    assert tanggal_panjang(_tanggal_sidang(sidang, s.komisi)) in pdf
    docx = teks_docx(dok(s, "putusan", "docx"))
    for w in wajib:
        assert w in docx, ("docx", w)


def test_salinan_putusan_satu_per_pihak(diputus):
    s = diputus.sengketa
    salinan = Dokumen.objects.filter(sengketa=s, jenis="salinan_putusan")
    assert {d.pihak_id for d in salinan} == {p.pk for p in s.pihak.all()}
    assert all(d.format == "pdf" and d.nomor == s.nomor_putusan for d in salinan)
    for d in salinan:
        halaman = teks_pdf(d)
        for teks in halaman:
            assert "SALINAN" in teks  # stamped on every page
        semua = " ".join(halaman)
        assert f"Salinan untuk: {d.pihak.nama}" in semua
        assert "Disalin sesuai dengan aslinya" in semua
        assert f"PUTUSAN Nomor {s.nomor_putusan}" in semua
        assert nama(diputus.aktor.pp) in semua


def test_berita_acara_sidang(bangun):
    sk = bangun(S.GUGUR)  # two preliminary hearings, the applicant absent without reason
    s = sk.sengketa
    ba = Dokumen.objects.filter(sengketa=s, jenis="berita_acara", format="pdf")
    assert ba.count() == s.sidang.filter(status="selesai").count() == 2
    d = ba.first()
    for fmt, teks in (
        ("pdf", " ".join(teks_pdf(d))),
        ("docx", teks_docx(dok(s, "berita_acara", "docx", sidang=d.sidang))),
    ):
        for w in (
            "BERITA ACARA SIDANG",
            s.nomor_register,
            "09.00 WITA",
            "Ruang Sidang Utama",
            f"{nama(sk.aktor.ketua_majelis)} sebagai Ketua Majelis Komisioner",
            f"{nama(sk.aktor.anggota[0])} sebagai Anggota Majelis Komisioner",
            f"{nama(sk.aktor.pp)} sebagai Panitera Pengganti",
            f"Pemohon: {s.pemohon.nama}",
            "Tidak hadir tanpa alasan yang sah",
            f"Termohon: {s.termohon.nama}",
            "Hadir",
            "Agenda sidang",
            "Bukti yang diajukan dan penandaannya (P-1 dst., T-1 dst.)",
            "Perintah Majelis Komisioner",
        ):
            assert w in teks, (fmt, w)


def test_dokumen_mediasi_berhasil(bangun):
    sk = bangun(S.SELESAI_MEDIASI)
    s = sk.sengketa
    semua_siap(s)
    mediator = nama(sk.aktor.mediator)
    pen = " ".join(teks_pdf(dok(s, "penetapan_mediator")))
    for w in ("PENETAPAN", "PENUNJUKAN MEDIATOR", f"{mediator} sebagai Mediator", s.nomor_register):
        assert w in pen, w
    assert mediator in teks_docx(dok(s, "penetapan_mediator", "docx"))
    for fmt in ("pdf", "docx"):
        d = dok(s, "kesepakatan_mediasi", fmt)
        teks = " ".join(teks_pdf(d)) if fmt == "pdf" else teks_docx(d)
        for w in (
            "KESEPAKATAN MEDIASI",
            s.nomor_register,
            tanggal_panjang(s.tanggal_selesai_mediasi),
            s.pemohon.nama,
            s.termohon.nama,
            "1. Termohon memberikan salinan kontrak",
            "2. Pemohon menanggung biaya salinan",
            "14 (empat belas) hari kerja",
            "Mediator",
        ):
            assert w in teks, (fmt, w)
        d = dok(s, "putusan_mediasi", fmt)
        teks = " ".join(teks_pdf(d)) if fmt == "pdf" else teks_docx(d)
        for w in (
            f"PUTUSAN MEDIASI Nomor {d.nomor}",
            "Termohon memberikan salinan kontrak",
            "14 (empat belas) hari kerja",
            "final dan mengikat",
            "Pasal 39",
            tanggal_terbilang(s.tanggal_selesai_mediasi),
            nama(sk.aktor.ketua_majelis),
        ):
            assert w in teks, (fmt, w)


def test_pernyataan_mediasi_gagal(bangun):
    s = bangun(S.AJUDIKASI).sengketa
    teks = " ".join(teks_pdf(dok(s, "pernyataan_mediasi_gagal")))
    for w in (
        "PERNYATAAN MEDIASI GAGAL",
        s.nomor_register,
        "Para pihak tidak mencapai kesepakatan",
        "ajudikasi nonlitigasi",
    ):
        assert w in teks, w


def test_teks_pengguna_di_putusan_tercetak_apa_adanya(
    sinkron, persona, django_capture_on_commit_callbacks
):
    sk = persona.skenario()
    with django_capture_on_commit_callbacks(execute=True):
        sk.terima(MULAI, nama=NAMA_JAHAT).registrasi(MULAI)
        sk.tetapkan_majelis(sk.hk(MULAI, 2)).pemeriksaan_awal(sk.hk(MULAI, 8))
        sk.mulai_mediasi(sk.hk(MULAI, 8)).mediasi_gagal(sk.hk(MULAI, 12))
        d = sk.hk(MULAI, 12)
        sk.tutup_pemeriksaan(sk.hk(d, 10)).bacakan_putusan(sk.hk(d, 20))
    s = sk.segarkan().sengketa
    semua_siap(s)
    assert NAMA_JAHAT in " ".join(teks_pdf(dok(s, "putusan")))
    assert NAMA_JAHAT in teks_docx(dok(s, "putusan", "docx"))
    assert NAMA_JAHAT in " ".join(teks_pdf(dok(s, "salinan_putusan", pihak=s.pemohon)))


# --- decisions that end a case, and letters of the registry ---


def test_putusan_sela(bangun):
    sk = bangun(S.TIDAK_DITERIMA)  # dasar "daluwarsa"
    s = sk.sengketa
    semua_siap(s)
    for fmt in ("pdf", "docx"):
        d = dok(s, "putusan_sela", fmt)
        teks = " ".join(teks_pdf(d)) if fmt == "pdf" else teks_docx(d)
        for w in (
            f"PUTUSAN SELA Nomor {d.nomor}",
            s.nomor_register,
            s.pemohon.nama,
            s.termohon.nama,
            "melewati jangka waktu",
            "daluwarsa",
            "Menyatakan permohonan Pemohon tidak dapat diterima",
            tanggal_terbilang(s.tanggal_selesai),
            nama(sk.aktor.ketua_majelis),
            nama(sk.aktor.pp),
        ):
            assert w in teks, (fmt, w)


def test_pencabutan_setelah_registrasi(bangun, persona, django_capture_on_commit_callbacks):
    from workflows import layanan as L

    sk = bangun(S.PEMERIKSAAN_AWAL)
    with django_capture_on_commit_callbacks(execute=True):
        L.sengketa_cabut(
            sengketa_id=sk.id,
            oleh=sk.aktor.pp,
            tanggal_surat=sk.hk(MULAI, 3),
            alasan="Informasi sudah diberikan",
            tanggal=sk.hk(MULAI, 4),
        )
    s = sk.segarkan().sengketa
    semua_siap(s)
    pen = " ".join(teks_pdf(dok(s, "penetapan_pencabutan")))
    for w in (
        "PENCABUTAN PERMOHONAN",
        "Mengabulkan pencabutan permohonan Pemohon",
        f"mencoret Nomor Register {s.nomor_register}",
        "Informasi sudah diberikan",
        nama(sk.aktor.ketua_majelis),
    ):
        assert w in pen, w
    assert "/PEN/" in dok(s, "penetapan_pencabutan").nomor
    akta = " ".join(teks_pdf(dok(s, "akta_pembatalan_registrasi")))
    for w in (
        "AKTA PEMBATALAN REGISTRASI",
        s.nomor_register,
        tanggal_terbilang(s.tanggal_selesai),
        "tidak dapat digunakan kembali",
    ):
        assert w in akta, w


def test_pencabutan_sebelum_registrasi_tanpa_penetapan(bangun):
    s = bangun(S.DICABUT).sengketa
    assert not s.nomor_register
    jenis = set(Dokumen.objects.filter(sengketa=s).values_list("jenis", flat=True))
    assert not jenis & {"penetapan_pencabutan", "akta_pembatalan_registrasi"}


def test_penetapan_gugur(bangun):
    sk = bangun(S.GUGUR)
    s = sk.sengketa
    d = dok(s, "penetapan_gugur")
    assert d.status == StatusDokumen.SIAP, d.galat
    teks = " ".join(teks_pdf(d))
    from dokumen.konteks import _tanggal_sidang

    sidang = list(s.sidang.order_by("mulai"))
    assert len(sidang) == 2
    for sd in sidang:
        assert tanggal_panjang(_tanggal_sidang(sd, s.komisi)) in teks
        p = sd.panggilan.get(pihak=s.pemohon)
        assert f"panggilan Nomor {p.nomor}" in teks
    for w in ("GUGURNYA PERMOHONAN", "Menyatakan permohonan Pemohon gugur", "Pasal 30"):
        assert w in teks, w
    assert "gugur" in teks_docx(dok(s, "penetapan_gugur", "docx"))


def test_penetapan_pelimpahan(bangun, persona):
    s = bangun(S.DILIMPAHKAN).sengketa
    teks = " ".join(teks_pdf(dok(s, "penetapan_pelimpahan")))
    for w in ("PELIMPAHAN SENGKETA", s.komisi_tujuan.nama, "Melimpahkan", s.nomor_register):
        assert w in teks, w


def test_limpahkan_juga_menerbitkan_putusan_sela(bangun, persona):
    """dokumen.md: `putusan_sela` is issued by `putusan_sela` / `limpahkan`: the finding of
    (relative) incompetence, with an amar that transfers rather than declares inadmissible."""
    sk = bangun(S.DILIMPAHKAN)
    s = sk.sengketa
    semua_siap(s)
    tujuan = s.komisi_tujuan.nama
    sela, pelimpahan = dok(s, "putusan_sela"), dok(s, "penetapan_pelimpahan")
    assert sela.riwayat_id == pelimpahan.riwayat_id  # one step, both decisions
    assert sela.riwayat.transisi == "limpahkan"
    assert sela.nomor == s.nomor_register  # KIP Kaltim: rulings reuse the register number
    for fmt in ("pdf", "docx"):
        d = dok(s, "putusan_sela", fmt)
        teks = " ".join(teks_pdf(d)) if fmt == "pdf" else teks_docx(d)
        for w in (
            f"PUTUSAN SELA Nomor {d.nomor}",
            s.nomor_register,
            s.pemohon.nama,
            s.termohon.nama,
            "tidak berwenang secara relatif",
            f"Menyatakan {s.komisi.nama} tidak berwenang memeriksa dan memutus",
            f"Melimpahkan permohonan a quo beserta berkasnya kepada {tujuan}",
            tanggal_terbilang(s.tanggal_selesai),
            nama(sk.aktor.ketua_majelis),
            nama(sk.aktor.pp),
        ):
            assert w in teks, (fmt, w)
        assert "tidak dapat diterima" not in teks


def test_pemberitahuan_tidak_diregistrasi(bangun):
    s = bangun(S.TIDAK_DIREGISTRASI).sengketa
    d = dok(s, "pemberitahuan_tidak_diregistrasi")
    assert d.pihak == s.pemohon
    teks = " ".join(teks_pdf(d))
    for w in (
        "TIDAK DIREGISTRASI",
        s.pemohon.nama,
        "Bukti pengajuan keberatan",
        "7 (tujuh) hari kerja",
        "Pasal 17",
        tanggal_panjang(s.tenggat.get(kode="kelengkapan").tanggal),
    ):
        assert w in teks, w


def test_salinan_permohonan_untuk_termohon(bangun):
    s = bangun(S.TEREGISTRASI).sengketa
    d = dok(s, "salinan_permohonan")
    assert d.pihak == s.termohon
    teks = " ".join(teks_pdf(d))
    for w in (
        "PENYAMPAIAN SALINAN PERMOHONAN",
        f"{s.termohon.nama} (Termohon)",
        s.pemohon.nama,
        s.nomor_register,
        "Pasal 44 ayat (1)",
        "Dokumen kontrak pengadaan jalan tahun 2023",
        "huruf c: tidak ditanggapinya permintaan informasi",
    ):
        assert w in teks, w


# --- every page of every kind of document carries a readable QR; rulings are the parties' ---


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")),
    reason="butuh zbarimg (zbar-tools) dan pdftoppm (poppler-utils) untuk membaca QR",
)
def test_qr_setiap_halaman_setiap_jenis_dokumen(diputus, tmp_path):
    """One document of each type a decided case holds (receipt, deed, copy of the
    application, decree, summons, minutes, statement of failed mediation, ruling, copies):
    every page's QR decodes to that document's own verification URL."""
    s = diputus.sengketa
    satu_per_jenis = {}
    for d in Dokumen.objects.filter(sengketa=s, format="pdf").order_by("id"):
        satu_per_jenis.setdefault(d.jenis, d)
    assert len(satu_per_jenis) >= 9, sorted(satu_per_jenis)
    for jenis, d in satu_per_jenis.items():
        pdf = tmp_path / f"{jenis}.pdf"
        pdf.write_bytes(isi(d))
        subprocess.run(["pdftoppm", "-r", "110", "-png", pdf, tmp_path / jenis], check=True)
        gambar = sorted(tmp_path.glob(f"{jenis}-*.png"))
        assert len(gambar) == len(PdfReader(pdf).pages), jenis
        for g in gambar:
            kode = subprocess.run(
                ["zbarimg", "-q", "--raw", g], capture_output=True, text=True, check=False
            ).stdout.split()
            assert kode == [f"https://sengketa.example.org/verifikasi/{d.kode_verifikasi}/"], (
                jenis,
                g.name,
            )


def test_putusan_hanya_untuk_para_pihak_perkaranya(diputus, persona, client):
    putusan = dok(diputus.sengketa, "putusan")
    client.force_login(persona.pemohon)
    r = client.get(f"/dokumen/{putusan.pk}/unduh/")
    assert r.status_code == 200 and b"".join(r.streaming_content) == isi(putusan)
    client.force_login(persona.pihak_lain)  # not a party of this case
    assert client.get(f"/dokumen/{putusan.pk}/unduh/").status_code == 404
    client.logout()  # the public: only a published rendition, never the issued file
    assert client.get(f"/dokumen/{putusan.pk}/unduh/").status_code == 404
