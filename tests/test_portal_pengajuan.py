"""Online filing (portal.pengajuan): the applicant's journey from an empty form to a case in
`diterima` with its receipt, the filing window explained on the spot, drafts that survive,
a double submit that files once, and files nobody else can see."""

import io
import re
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from pypdf import PdfReader

from dokumen.models import Dokumen, StatusDokumen
from portal.models import DraftPermohonan, Lampiran, ProfilPihak
from portal.pengajuan import layanan
from sengketa.models import Saluran, Sengketa, StatusSengketa
from tests.factories import BadanPublikFactory, pengguna_dengan_peran

MULAI = reverse("portal:pengajuan_mulai")

# Minimal files of each accepted kind (recognised by their first bytes).
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200 + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_bytes(teks: str = "Surat keberatan") -> bytes:
    from docx import Document

    buf = io.BytesIO()
    doc = Document()
    doc.add_paragraph(teks)
    doc.save(buf)
    return buf.getvalue()


def berkas(nama: str, isi: bytes):
    f = io.BytesIO(isi)
    f.name = nama
    return f


def ubah_url(draft) -> str:
    return reverse("portal:pengajuan_ubah", args=[draft.pk])


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded files go to a temporary directory, never to the checkout's media/."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def jam(monkeypatch):
    """Freeze 'now' (timezone.now, hence every commission's today) at a UTC instant."""

    def atur(*args):
        saat = datetime(*args, tzinfo=UTC)
        monkeypatch.setattr(timezone, "now", lambda: saat)
        return saat

    return atur


@pytest.fixture
def pemohon(persona):
    user = persona.pemohon
    user.email = "siti@example.org"
    user.save()
    ProfilPihak.objects.create(
        pengguna=user,
        nama="Siti Aminah",
        nomor_identitas="6472010101900001",
        alamat="Jl. Juanda No. 5, Samarinda",
        telepon="081234567890",
    )
    return user


@pytest.fixture
def badan(kaltim):
    return BadanPublikFactory(komisi=kaltim, nama="Dinas Pekerjaan Umum Kota Samarinda")


@pytest.fixture
def masuk(client, pemohon):
    client.force_login(pemohon)
    return client


def isian(badan, **ubah) -> dict:
    """A complete form as an applicant fills it in (the 2024 chronology of tests.kasus)."""
    data = {
        "pemohon_jenis": "perorangan",
        "pemohon_nama": "Siti Aminah",
        "pemohon_nomor_identitas": "6472010101900001",
        "pemohon_alamat": "Jl. Juanda No. 5, Samarinda",
        "pemohon_telepon": "081234567890",
        "pemohon_email": "siti@example.org",
        "badan_publik": str(badan.pk),
        "informasi": ["Dokumen kontrak pengadaan jalan tahun 2023", "Laporan pengawasan proyek"],
        "tujuan_penggunaan": "Pengawasan anggaran oleh warga",
        "tanggal_permohonan_informasi": "2024-01-08",
        "tanggal_keberatan": "2024-01-29",
        "tanggal_tanggapan_atasan": "2024-02-20",
        "alasan": ["c", "e"],
        "petitum": "Memerintahkan Termohon memberikan informasi yang dimohon.",
        "aksi": "simpan",
    }
    data.update(ubah)
    return data


def buat_draft(client, komisi) -> DraftPermohonan:
    respons = client.post(MULAI, {"komisi": komisi.pk})
    assert respons.status_code == 302
    draft = DraftPermohonan.objects.latest("pk")
    assert respons["Location"] == ubah_url(draft)
    return draft


def teks_pdf(dok: Dokumen) -> str:
    with dok.berkas.open("rb") as f:
        halaman = PdfReader(io.BytesIO(f.read())).pages
    return " ".join(" ".join(h.extract_text().split()) for h in halaman)


def teks(respons) -> str:
    return respons.content.decode()


# -- the whole journey ----------------------------------------------------------------


def test_perjalanan_pengajuan_daring_dari_draft_sampai_tanda_terima(
    masuk, pemohon, kaltim, badan, jam, sinkron, django_capture_on_commit_callbacks
):
    client = masuk
    jam(2024, 3, 6, 2, 15)  # 10.15 WITA
    assert client.get(MULAI).status_code == 200
    draft = buat_draft(client, kaltim)
    # The identity comes from the account's profile.
    assert draft.data["pemohon_nama"] == "Siti Aminah"
    assert draft.data["pemohon_email"] == "siti@example.org"
    assert 'value="6472010101900001"' in teks(client.get(ubah_url(draft)))

    # First sitting: half the form and two files, then "save and continue later".
    respons = client.post(
        ubah_url(draft),
        {
            **isian(badan, informasi=["Dokumen kontrak pengadaan jalan tahun 2023"]),
            "tanggal_keberatan": "",
            "aksi": "simpan_keluar",
            "lampiran_identitas": berkas("ktp.jpg", JPEG),
            "lampiran_bukti_permohonan": [berkas("permohonan.pdf", PDF), berkas("resi.png", PNG)],
        },
    )
    assert respons.status_code == 302 and respons["Location"] == MULAI
    draft.refresh_from_db()
    assert draft.data["tujuan_penggunaan"] == "Pengawasan anggaran oleh warga"
    assert sorted(draft.lampiran.values_list("nama_asli", flat=True)) == [
        "ktp.jpg", "permohonan.pdf", "resi.png",
    ]  # fmt: skip
    jpeg = draft.lampiran.get(nama_asli="ktp.jpg")
    assert (jpeg.tipe_konten, jpeg.ukuran, len(jpeg.sha256)) == ("image/jpeg", len(JPEG), 64)

    # Later: the draft is listed, and it comes back as it was left.
    daftar = teks(client.get(MULAI))
    assert ubah_url(draft) in daftar and badan.nama in daftar
    halaman = teks(client.get(ubah_url(draft)))
    assert "Pengawasan anggaran oleh warga" in halaman
    assert "Dokumen kontrak pengadaan jalan tahun 2023" in halaman
    assert "permohonan.pdf" in halaman and "ktp.jpg" in halaman

    # Add a second item (no JavaScript: a button), then remove an empty third one.
    respons = client.post(ubah_url(draft), {**isian(badan), "aksi": "tambah_informasi"})
    assert respons.status_code == 302
    draft.refresh_from_db()
    assert draft.data["informasi"][-1] == ""
    assert len(draft.data["informasi"]) == 3
    client.post(
        ubah_url(draft),
        {**isian(badan, informasi=[*isian(badan)["informasi"], ""]), "aksi": "hapus_informasi-2"},
    )
    draft.refresh_from_db()
    assert draft.data["informasi"] == isian(badan)["informasi"]

    # Submitting without the proof of the objection: refused, the attachment named.
    respons = client.post(ubah_url(draft), {**isian(badan), "aksi": "tinjau"})
    assert respons.status_code == 400
    assert 'href="#lampiran-bukti_keberatan"' in teks(respons)

    # The missing file (a Word letter, allowed for this attachment), then the review.
    respons = client.post(
        ubah_url(draft),
        {
            **isian(badan),
            "aksi": "tinjau",
            "lampiran_bukti_keberatan": berkas("keberatan.docx", docx_bytes()),
        },
    )
    tinjau = reverse("portal:pengajuan_tinjau", args=[draft.pk])
    assert respons.status_code == 302 and respons["Location"] == tinjau
    halaman = teks(client.get(tinjau))
    assert badan.nama in halaman and "keberatan.docx" in halaman

    # The statement must be ticked.
    assert client.post(tinjau, {}).status_code == 400
    assert not Sengketa.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(tinjau, {"pernyataan": "1"})
    tanda_terima = reverse("portal:pengajuan_tanda_terima", args=[draft.pk])
    assert respons.status_code == 302 and respons["Location"] == tanda_terima

    s = Sengketa.objects.get()
    assert s.status == StatusSengketa.DITERIMA
    assert s.saluran == Saluran.DARING
    assert s.komisi == kaltim and s.tanggal_diterima == date(2024, 3, 6)
    assert (s.pemohon.nama, s.pemohon.pengguna, s.pemohon.nomor_identitas) == (
        "Siti Aminah", pemohon, "6472010101900001",
    )  # fmt: skip
    assert s.termohon.badan_publik == badan
    assert [i.uraian for i in s.informasi_diminta.order_by("urutan")] == isian(badan)["informasi"]
    assert s.alasan == "ce"
    assert (s.tanggal_permohonan_informasi, s.tanggal_keberatan, s.tanggal_tanggapan_atasan) == (
        date(2024, 1, 8), date(2024, 1, 29), date(2024, 2, 20),
    )  # fmt: skip
    assert s.tujuan_penggunaan == "Pengawasan anggaran oleh warga"
    assert s.petitum.startswith("Memerintahkan Termohon")
    assert s.riwayat.get().transisi == "terima"
    draft.refresh_from_db()
    assert draft.sengketa == s and draft.diajukan_pada is not None
    assert Lampiran.objects.filter(sengketa=s).count() == 4

    # The receipt page: when (with the zone), how, who, against whom, which files.
    with translation.override("id"):
        saluran = str(Saluran.DARING.label)
    halaman = teks(client.get(tanda_terima, HTTP_ACCEPT_LANGUAGE="id"))
    for wajib in ("Rabu, 6 Maret 2024", "10.15 WITA", saluran, "Siti Aminah", badan.nama):
        assert wajib in halaman, wajib
    for nama in ("ktp.jpg", "permohonan.pdf", "resi.png", "keberatan.docx"):
        assert nama in halaman, nama

    # The tanda_terima document was issued, lists the files, and the applicant downloads it.
    dok = Dokumen.objects.get(sengketa=s, jenis="tanda_terima", format="pdf")
    assert dok.status == StatusDokumen.SIAP
    assert reverse("dokumen:unduh", args=[dok.pk]) in halaman
    isi = teks_pdf(dok)
    for wajib in ("ktp.jpg", "permohonan.pdf", "keberatan.docx", "Bukti pengajuan keberatan"):
        assert wajib in isi, wajib
    assert client.get(reverse("dokumen:unduh", args=[dok.pk])).status_code == 200


def test_pengajuan_ganda_hanya_membuat_satu_perkara(masuk, kaltim, badan, jam, sinkron):
    jam(2024, 3, 6, 2, 15)
    draft = siap_diajukan(masuk, kaltim, badan)
    tinjau = reverse("portal:pengajuan_tinjau", args=[draft.pk])
    pertama = masuk.post(tinjau, {"pernyataan": "1"})
    kedua = masuk.post(tinjau, {"pernyataan": "1"})
    assert pertama["Location"] == kedua["Location"]
    assert Sengketa.objects.count() == 1
    # The service itself, called again (a retried request that passed the view's check).
    ulang = layanan.draft_ajukan(draft_id=draft.pk, pengguna=draft.pengguna)
    assert ulang.baru is False and ulang.sengketa == Sengketa.objects.get()
    assert Sengketa.objects.count() == 1
    # A submitted draft is no longer editable: the form sends to the receipt.
    assert masuk.get(ubah_url(draft))["Location"].endswith("/tanda-terima/")


def siap_diajukan(client, komisi, badan, **ubah) -> DraftPermohonan:
    draft = buat_draft(client, komisi)
    respons = client.post(
        ubah_url(draft),
        {
            **isian(badan, **ubah),
            "aksi": "tinjau",
            "lampiran_identitas": berkas("ktp.jpg", JPEG),
            "lampiran_bukti_permohonan": berkas("permohonan.pdf", PDF),
            "lampiran_bukti_keberatan": berkas("keberatan.pdf", PDF + b"\n"),
        },
    )
    assert respons.status_code == 302, teks(respons)
    return draft


def test_formulir_lengkap_menyebut_setiap_kekurangan(masuk, kaltim, badan):
    draft = buat_draft(masuk, kaltim)
    respons = masuk.post(
        ubah_url(draft),
        {"aksi": "tinjau", "pemohon_nama": "Siti Aminah", "ada_kuasa": "on", "informasi": [""]},
    )
    assert respons.status_code == 400
    halaman = teks(respons)
    for jangkar in (
        "id_badan_publik",
        "informasi",
        "id_tanggal_keberatan",
        "alasan",
        "id_petitum",
        "id_kuasa_nama",
        "lampiran-identitas",
        "lampiran-surat_kuasa",
    ):
        assert f'href="#{jangkar}"' in halaman, jangkar
    # What was typed is still there.
    assert 'value="Siti Aminah"' in halaman
    assert not Sengketa.objects.exists()


def test_tanggal_tidak_urut_atau_masa_depan_ditolak_di_tempat(masuk, kaltim, badan, jam):
    jam(2024, 3, 6, 2, 15)
    draft = buat_draft(masuk, kaltim)
    masuk.post(
        ubah_url(draft),
        isian(badan, tanggal_keberatan="2024-01-01", tanggal_tanggapan_atasan="2024-04-01"),
    )
    halaman = teks(masuk.get(ubah_url(draft)))
    assert 'id="id_tanggal_keberatan_error"' in halaman
    assert 'id="id_tanggal_tanggapan_atasan_error"' in halaman
    # Kept as typed, so that the applicant corrects rather than retypes.
    draft.refresh_from_db()
    assert draft.data["tanggal_keberatan"] == "2024-01-01"


# -- the 14-HK window, explained with the 2024 holidays -------------------------------


def jendela_halaman(client, draft, badan, **tanggal) -> str:
    respons = client.post(
        ubah_url(draft),
        {**isian(badan, **tanggal), "aksi": "periksa_tenggat"},
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert respons.status_code == 200
    return re.search(r'<div class="jendela.*?</div>', teks(respons), re.S).group(0)


def test_jendela_14_hk_lewat_dijelaskan_dengan_hari_libur_2024(masuk, kaltim, badan, jam, libur):
    jam(2024, 3, 6, 2, 15)
    draft = buat_draft(masuk, kaltim)
    # The superior answered on Wed 31 Jan 2024: 14 HK skip Isra Mikraj (8 Feb), the Imlek
    # collective leave (9 Feb), election day (14 Feb) and the weekends: Fri 23 Feb 2024.
    panel = jendela_halaman(masuk, draft, badan, tanggal_tanggapan_atasan="2024-01-31")
    assert "jendela-lewat" in panel
    assert "Jumat, 23 Februari 2024" in panel
    for libur_ in ("Isra Mikraj", "Cuti bersama Tahun Baru Imlek", "Pemungutan suara Pemilu 2024"):
        assert libur_ in panel, libur_
    assert "Rabu, 31 Januari 2024" in panel


def test_jendela_14_hk_masih_terbuka_menyebut_sisa_hari(masuk, kaltim, badan, jam, libur):
    jam(2024, 2, 20, 2, 0)  # Tuesday 20 Feb 2024
    draft = buat_draft(masuk, kaltim)
    panel = jendela_halaman(
        masuk, draft, badan, tanggal_tanggapan_atasan="2024-01-31", tanggal_tanggapan_ppid=""
    )
    assert "jendela-terbuka" in panel and "Jumat, 23 Februari 2024" in panel
    with translation.override("id"):  # 21, 22 and 23 February
        sisa = ngettext(
            "%(n)s working day left after today.", "%(n)s working days left after today.", 3
        ) % {"n": 3}
    assert sisa in panel


def test_jendela_tanpa_tanggapan_atasan_memperingatkan_prematur(masuk, kaltim, badan, jam, libur):
    jam(2024, 3, 6, 2, 15)
    draft = buat_draft(masuk, kaltim)
    # No answer to the objection of 29 Jan: the superior has 30 HK, until 18 Mar 2024 (the
    # same dates as the desk intake's `pengajuan` deadline, tests/test_permohonan.py).
    panel = jendela_halaman(masuk, draft, badan, tanggal_tanggapan_atasan="")
    assert "jendela-prematur" in panel
    assert "Senin, 18 Maret 2024" in panel and "Selasa, 16 April 2024" in panel


def test_pengajuan_terlambat_tetap_diterima_dengan_peringatan_di_tanda_terima(
    masuk, kaltim, badan, jam, sinkron
):
    jam(2024, 3, 6, 2, 15)
    draft = siap_diajukan(masuk, kaltim, badan, tanggal_tanggapan_atasan="2024-01-31")
    masuk.post(reverse("portal:pengajuan_tinjau", args=[draft.pk]), {"pernyataan": "1"})
    s = Sengketa.objects.get()
    assert s.status == StatusSengketa.DITERIMA
    halaman = teks(masuk.get(reverse("portal:pengajuan_tanda_terima", args=[draft.pk])))
    assert "peringatan-kotak" in halaman and "2024-02-23" in halaman


# -- who may see what -----------------------------------------------------------------


def test_orang_lain_tidak_bisa_melihat_draft_atau_lampirannya(
    masuk, persona, kaltim, badan, jam, sinkron
):
    jam(2024, 3, 6, 2, 15)
    draft = siap_diajukan(masuk, kaltim, badan)
    lampiran = draft.lampiran.get(nama_asli="ktp.jpg")
    unduh = reverse("portal:pengajuan_lampiran", args=[lampiran.pk])
    # The owner downloads its own file, with the name it sent.
    respons = masuk.get(unduh)
    assert respons.status_code == 200 and b"".join(respons.streaming_content).startswith(b"\xff")
    assert "ktp.jpg" in respons["Content-Disposition"]
    assert respons["X-Content-Type-Options"] == "nosniff"

    client = Client()  # somebody else's browser
    assert client.get(unduh).status_code == 404  # anonymous: nothing to see
    lain = persona.pihak_lain
    client.force_login(lain)
    for url in (
        ubah_url(draft),
        reverse("portal:pengajuan_tinjau", args=[draft.pk]),
        reverse("portal:pengajuan_hapus", args=[draft.pk]),
        unduh,
    ):
        assert client.get(url).status_code == 404, url
    # Staff do not see a draft before it is filed.
    client.force_login(persona.panitera)
    assert client.get(unduh).status_code == 404

    masuk.post(reverse("portal:pengajuan_tinjau", args=[draft.pk]), {"pernyataan": "1"})
    assert client.get(unduh).status_code == 200  # the registry of the case's commission
    client.force_login(persona.panitera_lain)
    assert client.get(unduh).status_code == 404  # another commission's registry
    client.force_login(lain)
    assert client.get(reverse("portal:pengajuan_tanda_terima", args=[draft.pk])).status_code == 404
    assert client.get(unduh).status_code == 404


def test_halaman_perkara_kantor_menampilkan_lampiran_daring(
    masuk, persona, kaltim, badan, jam, sinkron
):
    jam(2024, 3, 6, 2, 15)
    draft = siap_diajukan(masuk, kaltim, badan)
    masuk.post(reverse("portal:pengajuan_tinjau", args=[draft.pk]), {"pernyataan": "1"})
    s = Sengketa.objects.get()
    client = Client()
    client.force_login(persona.panitera)
    halaman = teks(client.get(reverse("kantor:sengketa", args=[s.pk])))
    assert 'id="lampiran-portal"' in halaman
    for lp in s.lampiran_portal.all():
        assert reverse("portal:pengajuan_lampiran", args=[lp.pk]) in halaman


def test_akun_bukan_pihak_dan_tamu_tidak_bisa_mengajukan(client, persona):
    respons = client.get(MULAI)
    assert respons.status_code == 302 and "next=" in respons["Location"]
    client.force_login(persona.panitera)
    assert client.get(MULAI).status_code == 403
    staf_tanpa_peran = pengguna_dengan_peran(None)
    client.force_login(staf_tanpa_peran)
    assert client.get(MULAI).status_code == 403


def test_draft_dapat_dihapus_beserta_berkasnya(
    masuk, kaltim, badan, django_capture_on_commit_callbacks
):
    draft = buat_draft(masuk, kaltim)
    masuk.post(ubah_url(draft), {**isian(badan), "lampiran_identitas": berkas("ktp.png", PNG)})
    lampiran = draft.lampiran.get()
    storage, nama = lampiran.berkas.storage, lampiran.berkas.name
    assert storage.exists(nama)
    hapus = reverse("portal:pengajuan_hapus", args=[draft.pk])
    assert masuk.get(hapus).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        respons = masuk.post(hapus)
    assert respons.status_code == 302 and respons["Location"] == MULAI
    assert not DraftPermohonan.objects.filter(pk=draft.pk).exists()
    assert not storage.exists(nama)


def test_lampiran_draft_dapat_dihapus_tanpa_kehilangan_isian(
    masuk, kaltim, badan, django_capture_on_commit_callbacks
):
    draft = buat_draft(masuk, kaltim)
    masuk.post(ubah_url(draft), {**isian(badan), "lampiran_identitas": berkas("ktp.png", PNG)})
    lampiran = draft.lampiran.get()
    with django_capture_on_commit_callbacks(execute=True):
        respons = masuk.post(
            ubah_url(draft),
            {**isian(badan, tujuan_penggunaan="Riset"), "aksi": f"hapus_lampiran-{lampiran.pk}"},
        )
    assert respons.status_code == 302
    draft.refresh_from_db()
    assert not draft.lampiran.exists()
    assert not lampiran.berkas.storage.exists(lampiran.berkas.name)
    assert draft.data["tujuan_penggunaan"] == "Riset"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_dua_pengajuan_serentak_hanya_satu_perkara(pemohon, kaltim, badan):
    """Two submissions of one draft at the same moment (two tabs, a double tap on a slow
    network): the row lock makes the second wait and find the case already filed."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.test_konkurensi import pengguna, serentak

    draft = layanan.draft_buat(pengguna=pemohon, komisi=kaltim)
    data = {k: v for k, v in isian(badan).items() if k != "aksi"}
    layanan.draft_simpan(draft, data)
    layanan.lampiran_unggah(
        draft_id=draft.pk,
        pengguna=pemohon,
        berkas={
            "identitas": [SimpleUploadedFile("ktp.jpg", JPEG)],
            "bukti_permohonan": [SimpleUploadedFile("permohonan.pdf", PDF)],
            "bukti_keberatan": [SimpleUploadedFile("keberatan.pdf", PDF + b"\n")],
        },
    )

    def ajukan():
        return layanan.draft_ajukan(draft_id=draft.pk, pengguna=pengguna(pemohon))

    hasil = serentak([ajukan, ajukan])
    assert all(isinstance(h, layanan.HasilAjukan) for h in hasil), hasil
    assert sorted(h.baru for h in hasil) == [False, True]
    assert Sengketa.objects.count() == 1
    assert hasil[0].sengketa.pk == hasil[1].sengketa.pk
