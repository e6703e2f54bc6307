"""The annual report (laporan_tahunan): requested from the back office, made in the
background by the document task (run in-process through the `sinkron` fixture), issued as
a hashed PDF and XLSX with the figures of the statistics service."""

import hashlib
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from dokumen import laporan
from dokumen.models import Dokumen, StatusDokumen
from dokumen.render.laporan_tahunan import nama_lembar
from sengketa.galat import ParameterTidakValid
from sengketa.models import StatusSengketa as S
from sengketa.statistik import Periode, hitung_semua
from tests.kasus import kasus

TAHUN = 2024  # tests/kasus.py builds its cases in March 2024


@pytest.fixture
def kasus_2024(persona, sinkron):
    """A ruling, a mediation, a lapse and a case still open: registered in 2024 (their own
    letters are not rendered: the report needs the case data only)."""
    return [kasus(persona, s) for s in (S.DIPUTUS, S.SELESAI_MEDIASI, S.GUGUR, S.TEREGISTRASI)]


@pytest.fixture
def minta(persona, sinkron, django_capture_on_commit_callbacks):
    """Request the report and run what the request queued (the background task)."""

    def _minta(oleh=None, tahun=TAHUN):
        with django_capture_on_commit_callbacks(execute=True):
            laporan.laporan_minta(komisi=persona.komisi, tahun=tahun, oleh=oleh or persona.panitera)
        return laporan.laporan_keadaan(persona.komisi, tahun)

    return _minta


def tabel_id(komisi):
    with translation.override("id"):
        return hitung_semua(komisi, Periode.tahun(TAHUN))


def label_baris(bagian, kode: str) -> str:
    return next(b.label for b in bagian.baris if b.kode == kode)


def teks_pdf(dok: Dokumen) -> list[str]:
    with dok.berkas.open("rb") as f:
        return [h.extract_text() for h in PdfReader(io.BytesIO(f.read())).pages]


def test_dokumen_laporan_tidak_terikat_pada_perkara():
    # The annual report is a Dokumen of the commission, not of a case.
    assert Dokumen._meta.get_field("sengketa").null, (
        "Dokumen.sengketa must be nullable (null=True, blank=True, and its migration)"
    )


def test_laporan_terbit_sebagai_pdf_dan_xlsx_yang_di_hash(persona, kasus_2024, minta):
    keadaan = minta()
    assert keadaan.status == StatusDokumen.SIAP and keadaan.persen == 100
    rows = list(laporan.laporan_dokumen(persona.komisi, TAHUN))
    assert sorted(d.format for d in rows) == ["pdf", "xlsx"]
    for dok in rows:
        assert dok.status == StatusDokumen.SIAP and dok.versi == 1
        assert dok.sengketa_id is None and dok.komisi == persona.komisi
        with dok.berkas.open("rb") as f:
            assert hashlib.sha256(f.read()).hexdigest() == dok.sha256
    assert len({d.kode_verifikasi for d in rows}) == 2


def test_pdf_memuat_setiap_tabel_dan_angkanya_dengan_kode_di_setiap_halaman(
    persona, kasus_2024, minta
):
    minta()
    pdf = laporan.laporan_dokumen(persona.komisi, TAHUN).get(format="pdf")
    halaman = teks_pdf(pdf)
    semua = "\n".join(halaman)
    tabel = tabel_id(persona.komisi)
    assert len(tabel) == 9
    for t in tabel.values():
        assert f"{t.nomor}. {t.judul}" in semua
    # A known figure: the registers of the year, on the line of its label.
    register = tabel["register"]["register"]
    diregistrasi = register.nilai("diregistrasi")
    assert diregistrasi == 4
    label = re.escape(label_baris(register, "diregistrasi"))
    assert re.search(rf"^{label}\s+{diregistrasi}$", semua, re.MULTILINE)
    selesai = re.escape(label_baris(register, "selesai"))
    assert re.search(rf"^{selesai}\s+{register.nilai('selesai')}$", semua, re.MULTILINE)
    # The letterhead and the verification code on every page (the base renderer's job).
    assert len(halaman) > 2
    for teks in halaman:
        assert f"Kode verifikasi: {pdf.kode_verifikasi}" in teks
        assert persona.komisi.nama.upper() in teks


def test_xlsx_satu_lembar_per_tabel_dengan_angka_sebagai_angka(persona, kasus_2024, minta):
    minta()
    xlsx = laporan.laporan_dokumen(persona.komisi, TAHUN).get(format="xlsx")
    with xlsx.berkas.open("rb") as f:
        wb = load_workbook(io.BytesIO(f.read()))
    tabel = tabel_id(persona.komisi)
    dipakai: set[str] = set()
    for t in tabel.values():
        assert nama_lembar(f"{t.nomor}. {t.judul}", dipakai) in wb.sheetnames
    lembar = wb[wb.sheetnames[0]]
    isi = {r[0]: r[1:] for r in lembar.iter_rows(values_only=True) if r[0]}
    register = tabel["register"]["register"]
    assert isi[label_baris(register, "diregistrasi")][0] == register.nilai("diregistrasi")
    assert isinstance(isi[label_baris(register, "selesai")][0], int)
    assert any(xlsx.kode_verifikasi in str(k) for k in isi)


def test_laporan_dapat_diverifikasi_dengan_kode_dan_berkasnya(client, persona, kasus_2024, minta):
    minta()
    pdf = laporan.laporan_dokumen(persona.komisi, TAHUN).get(format="pdf")
    r = client.get(reverse("dokumen:verifikasi", args=[pdf.kode_verifikasi]))
    assert r.status_code == 200
    assert pdf.sha256 in r.content.decode()
    with pdf.berkas.open("rb") as f:
        r = client.post(reverse("dokumen:verifikasi_unggah"), {"berkas": f})
    assert r.status_code == 200 and pdf.sha256 in r.content.decode()


def test_permintaan_kedua_selama_berjalan_tidak_membuat_yang_kedua(persona, sinkron):
    # Without running the queued task, the first version stays pending.
    pertama = laporan.laporan_minta(komisi=persona.komisi, tahun=TAHUN, oleh=persona.panitera)
    kedua = laporan.laporan_minta(komisi=persona.komisi, tahun=TAHUN, oleh=persona.ketua)
    assert pertama.berjalan and kedua.berjalan
    assert [d.pk for d in kedua.dokumen] == [d.pk for d in pertama.dokumen]
    assert laporan.laporan_dokumen(persona.komisi, TAHUN).count() == 2


def test_permintaan_setelah_terbit_membuat_versi_baru_dan_menggantikan_yang_lama(
    persona, kasus_2024, minta
):
    lama = {d.format: d.pk for d in minta().dokumen}
    baru = minta(oleh=persona.ketua)
    assert baru.versi == 2 and baru.status == StatusDokumen.SIAP
    for pk in lama.values():
        assert Dokumen.objects.get(pk=pk).status == StatusDokumen.DIGANTIKAN
    assert {d.versi for d in baru.terbit} == {2}


def test_laporan_gagal_dicoba_lagi_pada_baris_yang_sama(persona, minta, monkeypatch):
    def rusak(dok):
        raise RuntimeError("statistik tidak tersedia")

    monkeypatch.setattr(laporan, "laporan_isi", rusak)
    gagal = minta()
    assert gagal.status == StatusDokumen.GAGAL
    assert all("statistik tidak tersedia" in d.galat for d in gagal.dokumen)
    monkeypatch.undo()
    ulang = minta()
    assert ulang.status == StatusDokumen.SIAP and ulang.versi == 1
    assert {d.pk for d in ulang.dokumen} == {d.pk for d in gagal.dokumen}


def test_tahun_di_luar_rentang_ditolak_dengan_pesan(persona, sinkron):
    for tahun in ("2009", "abc", "3000"):
        with pytest.raises(ParameterTidakValid) as galat:
            laporan.laporan_minta(komisi=persona.komisi, tahun=tahun, oleh=persona.panitera)
        assert "tahun" in galat.value.galat
    assert not laporan.laporan_dokumen(persona.komisi, TAHUN).exists()


# -- the back-office pages ----------------------------------------------------------------


def test_halaman_meminta_laporan_dan_menampilkan_kemajuan(
    client, persona, kasus_2024, django_capture_on_commit_callbacks
):
    client.force_login(persona.panitera)
    url = reverse("kantor:laporan_tahunan")
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"komisi": persona.komisi.pk, "tahun": TAHUN})
    assert r.status_code == 302
    r = client.get(r["Location"])
    assert r.status_code == 200
    pdf = laporan.laporan_dokumen(persona.komisi, TAHUN).get(format="pdf")
    assert reverse("kantor:laporan_tahunan_unduh", args=[pdf.pk]) in r.content.decode()
    status = client.get(
        reverse("kantor:laporan_tahunan_status"), {"komisi": persona.komisi.pk, "tahun": TAHUN}
    ).json()
    assert status["status"] == "siap" and status["persen"] == 100 and status["versi"] == 1
    unduh = client.get(reverse("kantor:laporan_tahunan_unduh", args=[pdf.pk]))
    assert unduh.status_code == 200 and unduh["Content-Type"] == "application/pdf"
    assert hashlib.sha256(b"".join(unduh.streaming_content)).hexdigest() == pdf.sha256


def test_halaman_menunjukkan_persen_selama_berjalan(client, persona, sinkron):
    keadaan = laporan.laporan_minta(komisi=persona.komisi, tahun=TAHUN, oleh=persona.panitera)
    laporan.catat_kemajuan(keadaan.dokumen[0].pk, 40)
    laporan.catat_kemajuan(keadaan.dokumen[1].pk, 60)
    client.force_login(persona.ketua)
    data = client.get(
        reverse("kantor:laporan_tahunan_status"), {"komisi": persona.komisi.pk, "tahun": TAHUN}
    ).json()
    assert data["status"] == "menunggu" and data["persen"] == 50
    r = client.get(reverse("kantor:laporan_tahunan"), {"komisi": persona.komisi.pk, "tahun": TAHUN})
    assert '<progress class="kemajuan"' in r.content.decode() and 'value="50"' in r.content.decode()


def test_hanya_kepaniteraan_ketua_admin_yang_meminta(client, persona, sinkron):
    url = reverse("kantor:laporan_tahunan")
    data = {"komisi": persona.komisi.pk, "tahun": TAHUN}
    client.force_login(persona.komisioner[1])
    assert client.post(url, data).status_code == 403
    client.force_login(persona.panitera_lain)  # another commission's registrar
    assert client.post(url, data).status_code == 403
    client.force_login(persona.pemohon)
    assert client.post(url, data).status_code == 403
    assert not laporan.laporan_dokumen(persona.komisi, TAHUN).exists()


def test_unduhan_laporan_hanya_untuk_staf_komisinya(client, persona, kasus_2024, minta):
    pdf = laporan.laporan_dokumen(persona.komisi, TAHUN).none()
    minta()
    pdf = laporan.laporan_dokumen(persona.komisi, TAHUN).get(format="xlsx")
    url = reverse("kantor:laporan_tahunan_unduh", args=[pdf.pk])
    client.force_login(persona.panitera_lain)
    assert client.get(url).status_code == 404
    client.force_login(persona.pemohon)
    assert client.get(url).status_code == 403
    client.force_login(persona.komisioner[2])
    r = client.get(url)
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")


def test_sebaran_lama_penyelesaian_digambar_dengan_garis_100_hk():
    """When the service gives the distribution of durations, the chart is its histogram
    with the 100-WD line after the last band within the limit."""
    from dokumen.render import grafik as g
    from sengketa.statistik import Bagian, Baris, Kolom, Tabel

    pita = ("0-20", "21-40", "41-60", "61-80", "81-100", "101-120", "121-999")
    sebaran = Bagian(
        "sebaran",
        "Sebaran",
        (Kolom("jumlah", "Perkara"),),
        tuple(Baris(k, k, (n,)) for k, n in zip(pita, (2, 5, 9, 4, 3, 1, 2), strict=True)),
    )
    tabel = Tabel(3, "durasi", "Lama penyelesaian", "batang", (sebaran,))
    (grafik,) = laporan.bergrafik(tabel).grafik
    assert grafik.jenis == g.KOLOM and grafik.acuan_kategori == 5
    assert grafik.seri[0].nilai == (2, 5, 9, 4, 3, 1, 2)
