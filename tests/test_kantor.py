"""The staff back office (workflows.kantor): who sees what, acting from the case page, the
intake form, the deadline dashboard, and lists that cost the same whatever their length."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from sengketa import aturan
from sengketa.kalender import Kalender
from sengketa.models import RiwayatStatus, Sengketa
from sengketa.models import StatusSengketa as S
from sengketa.waktu import hari_ini as hari_ini_komisi
from tests.factories import PenggunaFactory
from tests.kasus import MULAI, kasus
from workflows.kantor.selectors import tugas_terlihat, tugas_untuk
from workflows.layanan.permohonan import peringatan_pengajuan

pytestmark = pytest.mark.django_db

TUGAS = reverse("kantor:tugas")
ANTREAN = reverse("kantor:antrean")
TENGGAT = reverse("kantor:tenggat")
BARU = reverse("kantor:permohonan_baru")


def halaman_kasus(pk: int) -> str:
    return reverse("kantor:sengketa", args=[pk])


def url_transisi(pk: int, nama: str) -> str:
    return reverse("kantor:transisi", args=[pk, nama])


def masuk(client, pengguna):
    client.force_login(pengguna)
    return client


def versi_form(client, pk: int, nama: str) -> str:
    """The hidden version token of the transition form as the page renders it."""
    isi = client.get(halaman_kasus(pk)).content.decode()
    bagian = isi.split(f'action="{url_transisi(pk, nama)}"', 1)[1]
    return re.search(r'name="versi" value="(\d+)"', bagian).group(1)


def ada_tautan(respons, pk: int) -> bool:
    return f'href="{halaman_kasus(pk)}"' in respons.content.decode()


# -- access ----------------------------------------------------------------------------


def test_tamu_diarahkan_ke_halaman_masuk(client):
    respons = client.get(TUGAS)
    assert respons.status_code == 302
    assert respons["Location"].startswith(reverse("kantor:masuk"))


def test_masuk_dengan_kata_sandi_lalu_ke_tugas_saya(client, persona):
    assert client.get(reverse("kantor:masuk")).status_code == 200
    respons = client.post(
        reverse("kantor:masuk"),
        {"username": persona.panitera.username, "password": "rahasia-uji-123"},
    )
    assert respons.status_code == 302
    assert respons["Location"] == TUGAS


@pytest.mark.parametrize("siapa", ["pemohon", "orang_asing"])
def test_pihak_dan_orang_asing_tidak_melihat_apa_pun(client, persona, siapa):
    sk = kasus(persona, S.DITERIMA)
    pengguna = persona.pemohon if siapa == "pemohon" else PenggunaFactory()
    masuk(client, pengguna)
    for url in (TUGAS, ANTREAN, TENGGAT, BARU, halaman_kasus(sk.id)):
        assert client.get(url).status_code == 403, url
    respons = client.post(url_transisi(sk.id, "cabut"), {"alasan": "x", "tanggal_surat": MULAI})
    assert respons.status_code == 403
    assert tugas_terlihat(persona.pemohon).count() == 0
    assert tugas_untuk(persona.pemohon).count() == 0


def test_staf_komisi_lain_tidak_melihat_perkara_komisi_ini(client, persona):
    sk = kasus(persona, S.DITERIMA)
    masuk(client, persona.ketua_lain)
    for url in (TUGAS, ANTREAN, TENGGAT):
        respons = client.get(url)
        assert respons.status_code == 200
        assert not ada_tautan(respons, sk.id)
    assert client.get(halaman_kasus(sk.id)).status_code == 404
    respons = client.post(url_transisi(sk.id, "registrasi"), {"versi": 1})
    assert respons.status_code == 404
    masuk(client, persona.panitera_lain)
    assert client.get(halaman_kasus(sk.id)).status_code == 404
    assert not ada_tautan(client.get(ANTREAN), sk.id)


# -- inbox and queue -------------------------------------------------------------------


def test_antrean_menampilkan_perkara_baru_kepada_panitera_bukan_komisioner(client, persona):
    sk = kasus(persona, S.DITERIMA)
    assert ada_tautan(masuk(client, persona.panitera).get(ANTREAN), sk.id)
    assert not ada_tautan(masuk(client, persona.komisioner[0]).get(ANTREAN), sk.id)
    assert not ada_tautan(masuk(client, persona.ketua).get(ANTREAN), sk.id)
    # The inbox lists every open task of the commission's cases, the komisioner's too.
    assert ada_tautan(masuk(client, persona.komisioner[0]).get(TUGAS), sk.id)


def test_antrean_pemeriksaan_milik_ketua_majelis_dan_pp_saja(client, persona):
    sk = kasus(persona, S.AJUDIKASI)
    for pengguna in (persona.komisioner[0], persona.pp):  # ketua majelis, PP of the case
        assert ada_tautan(masuk(client, pengguna).get(ANTREAN), sk.id)
    for pengguna in (persona.komisioner[1], persona.komisioner[4], persona.ketua):
        assert not ada_tautan(masuk(client, pengguna).get(ANTREAN), sk.id)
    # The queue of a mediation belongs to its mediator (komisioner[3]) or the PP.
    mediasi = kasus(persona, S.MEDIASI)
    assert ada_tautan(masuk(client, persona.komisioner[3]).get(ANTREAN), mediasi.id)
    assert not ada_tautan(masuk(client, persona.komisioner[0]).get(ANTREAN), mediasi.id)


def test_baris_tugas_berisi_nomor_pihak_status_tugas_dan_tenggat(client, persona):
    sk = kasus(persona, S.TEREGISTRASI)
    isi = masuk(client, persona.ketua).get(ANTREAN + "?urut=diterima").content.decode()
    assert sk.sengketa.nomor_register in isi
    assert "Budi Santoso" in isi
    assert "lampu-terlewat" in isi  # registered in 2024: long overdue
    with translation.override("id"):
        assert escape(str(S.TEREGISTRASI.label)) in isi


# -- the case page ---------------------------------------------------------------------


def test_halaman_kasus_menjelaskan_tenggat_sidang_dan_riwayat(client, persona):
    sk = kasus(persona, S.AJUDIKASI)
    isi = masuk(client, persona.pp).get(halaman_kasus(sk.id)).content.decode()
    assert sk.sengketa.nomor_register in isi
    # kalender.md: 100 HK after Wednesday 6 March 2024 is Thursday 15 August 2024, Nyepi skipped.
    assert "Kamis, 15 Agustus 2024" in isi
    assert "Senin, 11 Maret 2024" in isi
    sidang = sk.sengketa.sidang.first()
    assert sidang.panggilan.first().nomor in isi
    assert isi.count("<tr") > 10  # deadlines, summonses, history rows
    assert url_transisi(sk.id, "tutup_pemeriksaan") in isi
    assert url_transisi(sk.id, "registrasi") not in isi


def test_panitera_meregistrasi_dari_halaman_kasus_tugas_pindah_ke_ketua(client, persona):
    sk = kasus(persona, S.DITERIMA)
    masuk(client, persona.panitera)
    versi = versi_form(client, sk.id, "registrasi")
    respons = client.post(url_transisi(sk.id, "registrasi"), {"versi": versi})
    assert respons.status_code == 302
    assert respons["Location"] == halaman_kasus(sk.id)
    assert Sengketa.objects.get(pk=sk.id).status == S.TEREGISTRASI
    assert not ada_tautan(client.get(ANTREAN), sk.id)
    assert ada_tautan(masuk(client, persona.ketua).get(ANTREAN), sk.id)
    assert (
        url_transisi(sk.id, "tetapkan_majelis") in client.get(halaman_kasus(sk.id)).content.decode()
    )


def test_kirim_ganda_ditolak_dengan_bersih(client, persona):
    sk = kasus(persona, S.DITERIMA)
    masuk(client, persona.panitera)
    data = {"versi": versi_form(client, sk.id, "registrasi")}
    assert client.post(url_transisi(sk.id, "registrasi"), data).status_code == 302
    kedua = client.post(url_transisi(sk.id, "registrasi"), data)
    assert kedua.status_code == 409
    assert 'data-kode="transisi_tidak_diizinkan"' in kedua.content.decode()
    assert RiwayatStatus.objects.filter(sengketa_id=sk.id, transisi="registrasi").count() == 1
    nomor = Sengketa.objects.get(pk=sk.id).nomor_register
    assert nomor.startswith("001/")


def test_kirim_ganda_langkah_tanpa_ubah_status_juga_ditolak(client, persona):
    """catat_pemeriksaan_awal stays in its status: only the version token stops a repeat."""
    sk = kasus(persona, S.TEREGISTRASI)
    sk.tetapkan_majelis(sk.hk(MULAI, 2))
    masuk(client, persona.pp)
    data = {
        "versi": versi_form(client, sk.id, "catat_pemeriksaan_awal"),
        "berwenang": "1",
        "legal_standing_pemohon": "1",
        "legal_standing_termohon": "1",
        "dalam_jangka_waktu": "0",
        "catatan": "Lewat waktu",
    }
    assert client.post(url_transisi(sk.id, "catat_pemeriksaan_awal"), data).status_code == 302
    kedua = client.post(url_transisi(sk.id, "catat_pemeriksaan_awal"), data)
    assert kedua.status_code == 409
    assert 'data-kode="konflik_bersamaan"' in kedua.content.decode()
    baris = RiwayatStatus.objects.filter(sengketa_id=sk.id, transisi="catat_pemeriksaan_awal")
    assert baris.count() == 1
    assert Sengketa.objects.get(pk=sk.id).dalam_jangka_waktu is False


def test_prasyarat_tidak_terpenuhi_tampil_dengan_alasan_berbahasa_indonesia(client, persona):
    sk = persona.skenario().terima(MULAI, lengkap=False)
    masuk(client, persona.panitera)
    data = {"versi": versi_form(client, sk.id, "registrasi")}
    respons = client.post(url_transisi(sk.id, "registrasi"), data, HTTP_ACCEPT_LANGUAGE="id")
    assert respons.status_code == 409
    isi = respons.content.decode()
    assert 'data-kode="prasyarat_tidak_terpenuhi"' in isi
    assert isi.count('<li data-kode="berkas_tidak_lengkap">') == 3
    with translation.override("id"):
        alasan = aturan.kelengkapan_berkas(Sengketa.objects.get(pk=sk.id), "")
        pesan = [escape(str(p)) for _kode, p in alasan]
    assert pesan[0].startswith("Berkas permohonan belum lengkap")
    assert all(p in isi for p in pesan)
    assert Sengketa.objects.get(pk=sk.id).status == S.DITERIMA


def test_parameter_tidak_valid_tampil_di_samping_medannya_dan_isian_tetap(client, persona):
    sk = kasus(persona, S.TEREGISTRASI)
    masuk(client, persona.ketua)
    data = {
        "versi": versi_form(client, sk.id, "tetapkan_majelis"),
        "ketua_majelis": persona.komisioner[0].username,
        "anggota": [persona.komisioner[1].username],  # an even panel
        "panitera_pengganti": persona.pp.username,
    }
    respons = client.post(url_transisi(sk.id, "tetapkan_majelis"), data)
    assert respons.status_code == 400
    isi = respons.content.decode()
    medan_anggota = isi.split('data-medan="anggota"', 1)[1].split('data-medan="', 1)[0]
    assert "galat-medan" in medan_anggota
    assert re.search(rf'value="{persona.komisioner[0].username}"\s+selected', isi)
    assert Sengketa.objects.get(pk=sk.id).status == S.TEREGISTRASI


# -- intake ----------------------------------------------------------------------------


def data_permohonan(kaltim, **lain):
    badan = kaltim.badan_publik.first()
    return {
        "komisi": kaltim.pk,
        "pemohon_jenis": "perorangan",
        "pemohon_nama": "Siti Aminah",
        "pemohon_nomor_identitas": "6472010101800002",
        "pemohon_alamat": "Jl. Pahlawan 1, Samarinda",
        "pemohon_email": "siti@example.org",
        "pemohon_telepon": "08123456789",
        "badan_publik": badan.pk,
        "informasi_diminta": "Kontrak pengadaan 2023\nLaporan realisasi anggaran\n",
        "tujuan_penggunaan": "Pengawasan anggaran",
        "alasan": ["c", "e"],
        "tanggal_permohonan_informasi": "2024-01-02",
        "tanggal_keberatan": "2024-01-22",
        "tanggal_diterima": "2024-06-03",
        "saluran": "langsung",
        "kelengkapan_identitas": "on",
        "kelengkapan_bukti_permohonan": "on",
        "kelengkapan_bukti_keberatan": "on",
        **lain,
    }


def test_formulir_permohonan_membuat_perkara_dan_memperingatkan_yang_terlambat(
    client, persona, kaltim
):
    masuk(client, persona.panitera)
    assert client.get(BARU).status_code == 200
    respons = client.post(BARU, data_permohonan(kaltim), HTTP_ACCEPT_LANGUAGE="id")
    assert respons.status_code == 302
    sengketa = Sengketa.objects.get(pihak__nama="Siti Aminah")
    assert respons["Location"] == halaman_kasus(sengketa.pk)
    assert sengketa.status == S.DITERIMA
    assert sengketa.alasan == "ce"
    assert sengketa.informasi_diminta.count() == 2
    assert sengketa.tanggal_diterima == date(2024, 6, 3)
    isi = client.get(respons["Location"], HTTP_ACCEPT_LANGUAGE="id").content.decode()
    with translation.override("id"):
        peringatan = peringatan_pengajuan(sengketa, Kalender.untuk(kaltim))
        assert peringatan
        assert escape(str(peringatan[0])) in isi
    assert "pesan-warning" in isi
    assert ada_tautan(client.get(ANTREAN), sengketa.pk)


@pytest.mark.parametrize(
    ("medan", "isian"),
    [
        ("pemohon_nama", {"pemohon_nama": ""}),
        ("tanggal_keberatan", {"tanggal_keberatan": "2023-12-01"}),  # before the request
        ("alasan", {"alasan": []}),
        ("informasi_diminta", {"informasi_diminta": "  \n"}),
    ],
)
def test_formulir_permohonan_galat_layanan_per_medan_dan_isian_tetap(
    client, persona, kaltim, medan, isian
):
    masuk(client, persona.panitera)
    respons = client.post(BARU, data_permohonan(kaltim, **isian))
    assert respons.status_code == 400
    isi = respons.content.decode()
    bagian = isi.split(f'data-medan="{medan}"', 1)[1].split('data-medan="', 1)[0]
    assert "galat-medan" in bagian
    assert isi.count("galat-medan") == 1
    assert "Jl. Pahlawan 1, Samarinda" in isi  # what was typed is kept
    assert not Sengketa.objects.exists()


def test_formulir_permohonan_hanya_untuk_panitera(client, persona):
    assert masuk(client, persona.ketua).get(BARU).status_code == 403


# -- deadline dashboard ----------------------------------------------------------------


def test_dasbor_tenggat_saring_terlewat_dan_hitung_lewat_100_hk(client, persona):
    lama = kasus(persona, S.PEMERIKSAAN_AWAL)  # registered in March 2024: far past 100 HK
    sk = persona.skenario()
    hari_ini = hari_ini_komisi(persona.komisi)
    baru = sk.terima(hari_ini).registrasi(hari_ini)
    masuk(client, persona.panitera)
    respons = client.get(TENGGAT)
    assert ada_tautan(respons, lama.id) and ada_tautan(respons, baru.id)
    assert respons.context["lewat_100hk"] == 1
    terlewat = client.get(TENGGAT + "?keadaan=terlewat")
    assert ada_tautan(terlewat, lama.id)
    # The form shows the filter chosen, each select inside its label.
    isi = terlewat.content.decode()
    assert '<option value="terlewat" selected>' in isi
    assert '<label>Keadaan tenggat <select id="id_keadaan" name="keadaan">' in isi
    assert not ada_tautan(terlewat, baru.id)
    komisioner = client.get(TENGGAT + f"?komisioner={persona.komisioner[0].pk}")
    assert ada_tautan(komisioner, lama.id) and not ada_tautan(komisioner, baru.id)
    status = client.get(TENGGAT + "?status=teregistrasi")
    assert ada_tautan(status, baru.id) and not ada_tautan(status, lama.id)
    assert client.get(TENGGAT + "?keadaan=bukan").status_code == 200


def test_dasbor_tenggat_pilihan_komisioner_hanya_komisi_sendiri(client, persona):
    from sengketa.models import Keanggotaan

    persona.komisioner[4].is_active = False
    persona.komisioner[4].save()
    masuk(client, persona.panitera)
    pilihan = dict(client.get(TENGGAT).context["saring"].filters["komisioner"].extra["choices"])
    aktif = [persona.ketua, *persona.komisioner[:4]]
    assert set(pilihan) == {u.pk for u in aktif}
    assert pilihan[persona.ketua.pk] == persona.ketua.get_full_name()
    urut = sorted(aktif, key=lambda u: (u.first_name.casefold(), u.username.casefold()))
    assert list(pilihan) == [u.pk for u in urut]
    # A registrar of two commissions sees both commissions' commissioners, each once.
    Keanggotaan.objects.create(
        pengguna=persona.panitera, komisi=persona.ketua_lain.keanggotaan_komisi.get().komisi
    )
    Keanggotaan.objects.create(
        pengguna=persona.komisioner[0], komisi=persona.ketua_lain.keanggotaan_komisi.get().komisi
    )
    masuk(client, persona.panitera)
    pilihan = client.get(TENGGAT).context["saring"].filters["komisioner"].extra["choices"]
    assert sorted(pk for pk, _ in pilihan) == sorted(u.pk for u in [*aktif, persona.ketua_lain])


# -- no N+1 ----------------------------------------------------------------------------


def jumlah_query(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)


def test_jumlah_query_daftar_tidak_tumbuh_dengan_jumlah_perkara(client, persona):
    def tambah(n):
        for i in range(n):
            sk = persona.skenario().terima(MULAI, nama=f"Pemohon {i}")
            if i % 2:
                sk.registrasi(MULAI)

    tambah(5)
    masuk(client, persona.panitera)
    urls = (TUGAS, ANTREAN, TENGGAT, TENGGAT + "?keadaan=terlewat", TUGAS + "?urut=diterima")
    sedikit = {url: jumlah_query(client, url) for url in urls}
    tambah(45)
    banyak = {url: jumlah_query(client, url) for url in urls}
    assert banyak == sedikit
    assert len(client.get(TUGAS).context["baris"]) == 25


# -- archive ---------------------------------------------------------------------------

ARSIP = reverse("kantor:arsip")


def test_arsip_berisi_tugas_yang_diselesaikan_sendiri_terbaru_dulu(client, persona):
    lama = kasus(persona, S.DITERIMA)
    baru = kasus(persona, S.DITERIMA)
    for sk in (lama, baru):
        masuk(client, persona.panitera)
        client.post(
            url_transisi(sk.id, "registrasi"), {"versi": versi_form(client, sk.id, "registrasi")}
        )
    respons = masuk(client, persona.panitera).get(ARSIP)
    baris = respons.context["baris"]
    assert [b["sengketa"].pk for b in baris] == [baru.id, lama.id]
    assert all(b["status"] == "Teregistrasi" for b in baris)
    # Someone else's archive holds none of them (the ketua only received the next task).
    assert masuk(client, persona.ketua).get(ARSIP).context["baris"] == []


def test_arsip_tidak_untuk_pihak_dan_jumlah_query_tetap(client, persona):
    masuk(client, persona.pemohon)
    assert client.get(ARSIP).status_code in (302, 403)
    masuk(client, persona.panitera)
    for i in range(2):
        persona.skenario().terima(MULAI, nama=f"A{i}").registrasi(MULAI)
    sedikit = jumlah_query(client, ARSIP)
    for i in range(8):
        persona.skenario().terima(MULAI, nama=f"B{i}").registrasi(MULAI)
    assert jumlah_query(client, ARSIP) == sedikit
