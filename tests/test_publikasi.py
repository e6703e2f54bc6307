"""The redaction review and publication of decisions (dokumen.md "Publication").

A published rendition is the decision rendered again from its context with the individual
applicant masked everywhere, with its own hash and code; only registry staff or an admin of
the commission publish, only final decisions of record, only with the Pasal 17 confirmation.
"""

import hashlib
import io
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from dokumen import aturan_publikasi as aturan
from dokumen.layanan import dokumen_terbitkan_ulang
from dokumen.models import Dokumen, Publikasi, PublikasiSudahTerbit, StatusDokumen
from dokumen.publikasi import (
    CAP_PRATINJAU,
    publikasi_pratinjau,
    publikasi_tarik,
    publikasi_terbitkan,
)
from dokumen.render.data import KopSurat, Penanda, TandaTangan
from dokumen.samaran import (
    inisial,
    nama_publik,
    perlu_disamarkan,
    peta_dari,
    samarkan,
    samarkan_teks,
    usulan,
)
from dokumen.selectors import verifikasi_berkas, verifikasi_kode
from sengketa.galat import ParameterTidakValid, PrasyaratTidakTerpenuhi, TidakBerwenang
from sengketa.models import Kuasa, Sengketa
from sengketa.models import StatusSengketa as S
from workflows import layanan as L

NAMA = "Budi Santoso"
ALAMAT = "Jl. Juanda No. 5, Samarinda"
KUASA = "Siti Aminah"


# --- helpers ---


def putusan_pdf(sengketa) -> Dokumen:
    return Dokumen.objects.get(sengketa=sengketa, jenis="putusan", format="pdf", versi=1)


def samaran_baku(sengketa) -> list[dict]:
    return [{"asli": s.asli, "samaran": s.samaran} for s in usulan(sengketa)]


def terbitkan(dok: Dokumen, oleh, samaran=None) -> Publikasi:
    return publikasi_terbitkan(
        dokumen_id=dok.pk,
        oleh=oleh,
        samaran=samaran_baku(dok.sengketa) if samaran is None else samaran,
        tanpa_informasi_dikecualikan=True,
    )


def teks_pdf(data: bytes) -> str:
    return " ".join(" ".join(h.extract_text().split()) for h in PdfReader(io.BytesIO(data)).pages)


def isi(berkas) -> bytes:
    with berkas.open("rb") as f:
        return f.read()


@pytest.fixture
def diputus(bangun, django_capture_on_commit_callbacks):
    """A ruling read in an adjudication; the applicant (an individual) has a kuasa, and its
    name recurs in free text, upper-cased too, before the ruling is (re)rendered."""
    sk = bangun(S.DIPUTUS)
    s = sk.sengketa
    Kuasa.objects.create(
        pihak=s.pemohon, nama=KUASA, nomor_surat_kuasa="12/SK/2024", alamat="Jl. Mawar 1"
    )
    # Free text the registry typed (not a status field): the name appears in it twice.
    Sengketa.objects.filter(pk=s.pk).update(
        petitum=f"Memerintahkan Termohon memberikan informasi kepada {NAMA} ({NAMA.upper()})",
        isi_amar=f"Memerintahkan Termohon memberikan salinan kontrak kepada {NAMA}.",
    )
    return sk.segarkan()


# --- masking (pure) ---


def test_inisial_orang_dan_kelompok():
    assert inisial("Budi Santoso") == "B. S."
    assert inisial("  siti  aminah  ") == "S. A."
    assert inisial("123") == "Pemohon"


def test_samaran_utuh_kata_tanpa_peka_huruf_dan_terpanjang_dulu():
    peta = {"Budi Santoso": "B. S.", "Budi": "B.", "Jl. Juanda No. 5\nSamarinda": "(alamat)"}
    teks = "BUDI SANTOSO, Budiman dan Budi; alamat Jl. Juanda No. 5, Samarinda."
    assert samarkan_teks(teks, peta) == "B. S., Budiman dan B.; alamat (alamat)."


def test_samaran_tidak_menyamarkan_samaran_lagi():
    # "B. S." contains "S." but the map is applied in one pass.
    assert samarkan_teks("Budi Santoso", {"Budi Santoso": "B. S.", "S.": "X"}) == "B. S."


def test_samarkan_rekursif_kecuali_kop_dan_penanda():
    kop = KopSurat(nama="Komisi Budi Santoso")
    penanda = Penanda(kode="ABC", url="https://x/verifikasi/ABC/")
    ttd = TandaTangan("Samarinda", "Pemohon", NAMA)
    nilai = {"kop": kop, "penanda": penanda, "baris": (("Nama", NAMA), ttd), "daftar": [NAMA]}
    peta = {NAMA: "B. S."}
    assert samarkan(nilai["baris"], peta) == (
        ("Nama", "B. S."),
        TandaTangan("Samarinda", "Pemohon", "B. S."),
    )
    assert samarkan(kop, peta) is kop and samarkan(penanda, peta) is penanda
    assert samarkan(nilai["daftar"], peta) == ["B. S."]


@pytest.mark.parametrize(
    ("peran", "jenis", "disamarkan"),
    [
        ("pemohon", "perorangan", True),
        ("pemohon", "kelompok_orang", True),
        ("pemohon", "badan_hukum", False),
        ("pemohon", "badan_publik", False),
        ("termohon", "badan_publik", False),
    ],
)
def test_hanya_pemohon_orang_yang_disamarkan(peran, jenis, disamarkan):
    pihak = SimpleNamespace(peran=peran, jenis=jenis, nama="Warga Loa Janan Bersatu")
    assert perlu_disamarkan(pihak) is disamarkan
    assert (nama_publik(pihak) == "W. L. J. B.") is disamarkan


def test_badan_publik_tidak_pernah_disamarkan(diputus):
    s = diputus.sengketa
    asli = {x.asli for x in usulan(s)}
    assert {NAMA, ALAMAT, KUASA} <= asli
    assert s.termohon.nama not in asli and s.termohon.alamat not in asli
    assert nama_publik(s.termohon) == s.termohon.nama
    assert nama_publik(s.pemohon) == "B. S."


# --- publishing ---


def test_terbit_menyamarkan_konsisten_di_seluruh_rendisi(diputus, persona):
    s = diputus.sengketa
    dok = putusan_pdf(s)
    pub = terbitkan(dok, persona.panitera)
    data = isi(pub.berkas)
    teks = teks_pdf(data)
    # The original is absent everywhere (identity, petitum, amar, kuasa), the mask present.
    for asli in (NAMA, NAMA.upper(), ALAMAT, KUASA, "Jl. Mawar 1"):
        assert asli not in teks, asli
    assert teks.count("B. S.") >= 4  # identity, petitum twice, amar
    assert "Nama : B. S." in teks and "S. A. berdasarkan Surat Kuasa" in teks
    assert "(alamat disamarkan)" in teks
    # The public body and the procedure stay as they are.
    assert s.termohon.nama in teks and s.nomor_register in teks
    # A separate rendition: its own hash and code, printed on every page.
    assert pub.sha256 == hashlib.sha256(data).hexdigest() != dok.sha256
    assert pub.kode_verifikasi != dok.kode_verifikasi
    assert f"Kode verifikasi: {pub.kode_verifikasi}" in teks
    assert dok.kode_verifikasi not in teks
    # The source document is untouched.
    dok.refresh_from_db()
    assert NAMA in teks_pdf(isi(dok.berkas))
    assert (pub.jenis, pub.hasil, pub.termohon) == ("putusan", s.amar, s.termohon.nama)
    assert pub.tanggal_putusan == s.tanggal_putusan and pub.ditinjau_oleh == persona.panitera


def test_rendisi_terbit_bisa_diverifikasi(diputus, persona, client):
    dok = putusan_pdf(diputus.sengketa)
    pub = terbitkan(dok, persona.panitera)
    hasil = verifikasi_kode(pub.kode_verifikasi.lower())
    assert hasil.valid and hasil.publikasi and hasil.sha256 == pub.sha256
    assert (hasil.nomor, hasil.jenis) == (dok.nomor, "putusan")
    data = isi(pub.berkas)
    assert verifikasi_berkas(data).kode == pub.kode_verifikasi
    assert verifikasi_berkas(data, kode=dok.kode_verifikasi) is None

    r = client.get(f"/verifikasi/{pub.kode_verifikasi}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert "Dokumen ini sah." in html and pub.sha256 in html
    assert 'class="publikasi-keterangan"' in html and dok.nomor in html
    assert f"/putusan/{pub.pk}/" in html
    assert NAMA not in html
    r = client.post(f"/verifikasi/{pub.kode_verifikasi}/", {"berkas": io.BytesIO(data)})
    assert r.context["cocok"].kode == pub.kode_verifikasi
    r = client.post("/verifikasi/", {"berkas": io.BytesIO(data)})
    assert r.context["cocok"].publikasi


def test_tanpa_konfirmasi_pasal_17_tidak_terbit(diputus, persona):
    dok = putusan_pdf(diputus.sengketa)
    with pytest.raises(ParameterTidakValid) as e:
        publikasi_terbitkan(
            dokumen_id=dok.pk,
            oleh=persona.panitera,
            samaran=samaran_baku(dok.sengketa),
            tanpa_informasi_dikecualikan=False,
        )
    assert "tanpa_informasi_dikecualikan" in e.value.galat
    assert not Publikasi.objects.exists()


def test_pratinjau_tidak_disimpan_dan_berstempel(diputus, persona):
    dok = putusan_pdf(diputus.sengketa)
    data = publikasi_pratinjau(
        dokumen_id=dok.pk, oleh=persona.panitera, samaran=samaran_baku(dok.sengketa)
    )
    teks = teks_pdf(data)
    assert CAP_PRATINJAU in teks and NAMA not in teks and "B. S." in teks
    assert not Publikasi.objects.exists()
    assert verifikasi_berkas(data) is None


def test_satu_publikasi_aktif_per_dokumen_dan_terbit_ulang_setelah_ditarik(diputus, persona):
    dok = putusan_pdf(diputus.sengketa)
    pertama = terbitkan(dok, persona.panitera)
    with pytest.raises(PrasyaratTidakTerpenuhi) as e:
        terbitkan(dok, persona.admin)
    assert e.value.kode_alasan == ["sudah_terbit"]

    with pytest.raises(ParameterTidakValid):
        publikasi_tarik(publikasi_id=pertama.pk, oleh=persona.panitera, alasan="  ")
    publikasi_tarik(publikasi_id=pertama.pk, oleh=persona.panitera, alasan="Nama saksi terlewat")
    pertama.refresh_from_db()
    assert pertama.ditarik_oleh == persona.panitera and not pertama.aktif
    with pytest.raises(PrasyaratTidakTerpenuhi):
        publikasi_tarik(publikasi_id=pertama.pk, oleh=persona.panitera, alasan="lagi")

    # The withdrawn one says so on its verification page; a corrected one may follow.
    lama = verifikasi_kode(pertama.kode_verifikasi)
    assert not lama.valid and lama.status == "cancelled" and lama.ditarik_pada
    samaran = [*samaran_baku(dok.sengketa), {"asli": "Samarinda", "samaran": "(kota)"}]
    kedua = terbitkan(dok, persona.admin, samaran)
    assert kedua.kode_verifikasi != pertama.kode_verifikasi and kedua.sha256 != pertama.sha256
    assert Publikasi.objects.filter(dokumen=dok).count() == 2


def test_berkas_publikasi_tidak_bisa_diubah_atau_dihapus(diputus, persona):
    pub = terbitkan(putusan_pdf(diputus.sengketa), persona.panitera)
    pub = Publikasi.objects.get(pk=pub.pk)
    pub.sha256 = "0" * 64
    with pytest.raises(PublikasiSudahTerbit):
        pub.save()
    with pytest.raises(PublikasiSudahTerbit):
        Publikasi.objects.get(pk=pub.pk).delete()


@pytest.mark.parametrize("siapa", ["ketua", "pp", "komisioner", "panitera_lain", "pemohon"])
def test_hanya_panitera_atau_admin_komisi_itu_yang_menerbitkan(diputus, persona, siapa):
    dok = putusan_pdf(diputus.sengketa)
    oleh = persona.komisioner[0] if siapa == "komisioner" else getattr(persona, siapa)
    with pytest.raises(TidakBerwenang):
        terbitkan(dok, oleh)
    with pytest.raises(TidakBerwenang):
        publikasi_pratinjau(dokumen_id=dok.pk, oleh=oleh, samaran=[])
    pub = terbitkan(dok, persona.admin)
    with pytest.raises(TidakBerwenang):
        publikasi_tarik(publikasi_id=pub.pk, oleh=oleh, alasan="x")


# --- what is publishable ---


def test_hanya_putusan_dan_penetapan_final_yang_layak(bangun, persona):
    sk = bangun(S.PEMERIKSAAN_AWAL)
    majelis = Dokumen.objects.get(sengketa=sk.sengketa, jenis="penetapan_majelis", format="pdf")
    assert aturan.alasan_tidak_layak(majelis) == str(aturan.GALAT_JENIS)
    with pytest.raises(PrasyaratTidakTerpenuhi):
        terbitkan(majelis, persona.panitera)
    assert not aturan.dokumen_layak([persona.komisi.pk]).exists()


def test_docx_dan_versi_lama_tidak_layak(diputus, persona, django_capture_on_commit_callbacks):
    s = diputus.sengketa
    docx = Dokumen.objects.get(sengketa=s, jenis="putusan", format="docx")
    assert aturan.alasan_tidak_layak(docx) == str(aturan.GALAT_FORMAT)
    lama = putusan_pdf(s)
    assert list(aturan.dokumen_layak([persona.komisi.pk])) == [lama]
    with django_capture_on_commit_callbacks(execute=True):
        baru = dokumen_terbitkan_ulang(dokumen_id=lama.pk, oleh=persona.panitera)
    lama.refresh_from_db()
    assert lama.status == StatusDokumen.DIGANTIKAN
    assert aturan.alasan_tidak_layak(lama) == str(aturan.GALAT_STATUS)
    assert list(aturan.dokumen_layak([persona.komisi.pk])) == [baru]


def test_putusan_yang_dikoreksi_tidak_final_lagi(
    diputus, persona, django_capture_on_commit_callbacks
):
    dok = putusan_pdf(diputus.sengketa)
    with django_capture_on_commit_callbacks(execute=True):
        L.sengketa_koreksi(sengketa_id=diputus.id, oleh=persona.ketua, alasan="Amar keliru")
    dok.refresh_from_db()
    assert dok.sengketa.status == S.MUSYAWARAH
    assert aturan.alasan_tidak_layak(dok) is not None
    with pytest.raises(PrasyaratTidakTerpenuhi):
        terbitkan(dok, persona.panitera)


@pytest.mark.parametrize(
    ("status", "jenis", "hasil"),
    [
        (S.SELESAI_MEDIASI, "putusan_mediasi", "mediasi"),
        (S.GUGUR, "penetapan_gugur", "gugur"),
        (S.TIDAK_DITERIMA, "putusan_sela", "tidak_diterima"),
        (S.DILIMPAHKAN, "putusan_sela", "dilimpahkan"),
        (S.DILIMPAHKAN, "penetapan_pelimpahan", "dilimpahkan"),
    ],
)
def test_putusan_lain_dan_penetapan_diterbitkan(bangun, persona, status, jenis, hasil):
    sk = bangun(status)
    dok = Dokumen.objects.get(sengketa=sk.sengketa, jenis=jenis, format="pdf")
    pub = terbitkan(dok, persona.panitera)
    teks = teks_pdf(isi(pub.berkas))
    assert (pub.hasil, pub.jenis) == (hasil, jenis)
    assert NAMA not in teks and "B. S." in teks


def test_peta_dari_mengabaikan_baris_kosong():
    assert peta_dari([{"asli": " ", "samaran": "x"}, {"asli": "Ani", "samaran": ""}]) == {}
    assert peta_dari([{"asli": "Ani  Lestari", "samaran": "A. L."}]) == {"Ani Lestari": "A. L."}


# --- the back office: queue, review, withdrawal ---


def data_tinjau(sengketa, *, konfirmasi: bool, langkah: str, tambahan=()) -> dict:
    baris = [*samaran_baku(sengketa), *tambahan]
    data = {
        "samaran-TOTAL_FORMS": str(len(baris)),
        "samaran-INITIAL_FORMS": "0",
        "samaran-MIN_NUM_FORMS": "0",
        "samaran-MAX_NUM_FORMS": "1000",
        "langkah": langkah,
    }
    for i, b in enumerate(baris):
        data[f"samaran-{i}-asli"] = b["asli"]
        data[f"samaran-{i}-samaran"] = b["samaran"]
    if konfirmasi:
        data["tanpa_informasi_dikecualikan"] = "on"
    return data


def test_panitera_meninjau_pratinjau_menerbitkan_dan_menarik(diputus, persona, client):
    s = diputus.sengketa
    dok = putusan_pdf(s)
    client.force_login(persona.panitera)
    r = client.get("/kantor/publikasi/")
    assert r.status_code == 200 and f'data-dokumen="{dok.pk}"' in r.content.decode()
    url = f"/kantor/publikasi/dokumen/{dok.pk}/"
    r = client.get(url)
    html = r.content.decode()
    assert r.status_code == 200
    assert f'value="{NAMA}"' in html and 'value="B. S."' in html and f'value="{KUASA}"' in html
    assert 'name="tanpa_informasi_dikecualikan"' in html

    r = client.post(url, data_tinjau(s, konfirmasi=False, langkah="pratinjau"))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert CAP_PRATINJAU in teks_pdf(b"".join(r)) and not Publikasi.objects.exists()

    r = client.post(url, data_tinjau(s, konfirmasi=False, langkah="terbitkan"))
    assert r.status_code == 400 and not Publikasi.objects.exists()
    assert "medan-galat" in r.content.decode()

    # A row with a mask but nothing to replace is refused, with the row kept.
    salah = {"asli": "", "samaran": "X"}
    r = client.post(url, data_tinjau(s, konfirmasi=True, langkah="terbitkan", tambahan=[salah]))
    assert r.status_code == 400 and not Publikasi.objects.exists()

    saksi = {"asli": "Pak Joko", "samaran": "Saksi 1"}
    r = client.post(url, data_tinjau(s, konfirmasi=True, langkah="terbitkan", tambahan=[saksi]))
    assert r.status_code == 302 and r["Location"] == "/kantor/publikasi/"
    pub = Publikasi.objects.get(dokumen=dok)
    assert {"asli": "Pak Joko", "samaran": "Saksi 1", "keterangan": ""} in pub.samaran
    assert client.get(url).status_code == 404  # no longer in the queue
    html = client.get("/kantor/publikasi/").content.decode()
    assert f'data-dokumen="{dok.pk}"' not in html and f'data-publikasi="{pub.pk}"' in html

    tarik = f"/kantor/publikasi/{pub.pk}/tarik/"
    assert client.get(tarik).status_code == 200
    assert client.post(tarik, {"alasan": ""}).status_code == 400
    r = client.post(tarik, {"alasan": "Alamat saksi tercantum"})
    assert r.status_code == 302
    pub.refresh_from_db()
    assert pub.ditarik_pada and pub.alasan_penarikan == "Alamat saksi tercantum"
    assert client.get(tarik).status_code == 404
    assert client.get(url).status_code == 200  # back in the queue for a corrected rendition


@pytest.mark.parametrize("siapa", ["ketua", "pp", "komisioner"])
def test_staf_lain_komisi_itu_ditolak(diputus, persona, client, siapa):
    dok = putusan_pdf(diputus.sengketa)
    pub = terbitkan(dok, persona.admin)
    client.force_login(persona.komisioner[1] if siapa == "komisioner" else getattr(persona, siapa))
    assert client.get("/kantor/publikasi/").status_code == 403
    assert client.get(f"/kantor/publikasi/dokumen/{dok.pk}/").status_code == 403
    assert client.post(f"/kantor/publikasi/{pub.pk}/tarik/", {"alasan": "x"}).status_code == 403
    pub.refresh_from_db()
    assert pub.aktif


def test_panitera_komisi_lain_tidak_melihat_dan_pihak_ditolak(diputus, persona, client):
    dok = putusan_pdf(diputus.sengketa)
    client.force_login(persona.panitera_lain)
    r = client.get("/kantor/publikasi/")
    assert r.status_code == 200 and f'data-dokumen="{dok.pk}"' not in r.content.decode()
    data = data_tinjau(diputus.sengketa, konfirmasi=True, langkah="terbitkan")
    assert client.get(f"/kantor/publikasi/dokumen/{dok.pk}/").status_code == 404
    assert client.post(f"/kantor/publikasi/dokumen/{dok.pk}/", data).status_code == 404
    pub = terbitkan(dok, persona.panitera)
    assert client.post(f"/kantor/publikasi/{pub.pk}/tarik/", {"alasan": "x"}).status_code == 404
    client.force_login(persona.pemohon)
    assert client.get("/kantor/publikasi/").status_code == 403
    client.logout()
    r = client.get(f"/kantor/publikasi/dokumen/{dok.pk}/")
    assert r.status_code == 302 and "/kantor/masuk/" in r["Location"]
    pub.refresh_from_db()
    assert pub.aktif and Publikasi.objects.count() == 1


def test_menu_publikasi_hanya_untuk_peninjau(persona, client):
    client.force_login(persona.panitera)
    assert 'href="/kantor/publikasi/"' in client.get("/kantor/tugas/").content.decode()
    client.force_login(persona.ketua)
    assert 'href="/kantor/publikasi/"' not in client.get("/kantor/tugas/").content.decode()
