"""Back office, administration: the holiday calendar with its preview of moved deadlines,
and the failed background tasks with their retry buttons."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from sengketa.models import HariLibur, Penangguhan, Tenggat
from workflows.models import Notifikasi, StatusNotifikasi

pytestmark = pytest.mark.django_db

LIBUR = reverse("kantor:libur")
GAGAL = reverse("kantor:tugas_gagal")
TERIMA = date(2026, 9, 1)  # tests/test_hari_libur.py: 100 HK end on 21 January 2027
HARI = date(2026, 10, 7)  # a Wednesday in the window: the end moves to 22 January 2027
DASAR = "Surat Edaran Ketua KI Provinsi Kalimantan Timur Nomor 5 Tahun 2026"


def masuk(client, pengguna):
    client.force_login(pengguna)
    return client


def penyelesaian(sk) -> date:
    return Tenggat.objects.get(
        sengketa_id=sk.id, kode="penyelesaian", pihak=None, sidang=None
    ).tanggal


def test_pratinjau_libur_menampilkan_tenggat_bergeser_dan_baru_disimpan_setelah_konfirmasi(
    client, persona
):
    sk = persona.skenario().terima(TERIMA).registrasi(TERIMA)
    assert penyelesaian(sk) == date(2027, 1, 21)
    masuk(client, persona.admin)
    assert client.get(LIBUR + "?tahun=2026").status_code == 200
    data = {
        "komisi": persona.komisi.pk,
        "libur-tanggal": HARI.isoformat(),
        "libur-jenis": "penutupan_kantor",
        "libur-keterangan": "Kantor ditutup: pemilihan kepala daerah",
        "libur-dasar": DASAR,
    }

    pratinjau = client.post(LIBUR, {**data, "langkah": "pratinjau"})
    assert pratinjau.status_code == 200
    isi = pratinjau.content.decode()
    assert sk.sengketa.nomor_register in isi
    assert "21 Januari 2027" in isi and "22 Januari 2027" in isi
    assert 'value="simpan"' in isi
    assert not HariLibur.objects.filter(tanggal=HARI).exists()
    assert penyelesaian(sk) == date(2027, 1, 21)

    simpan = client.post(LIBUR, {**data, "langkah": "simpan"})
    assert simpan.status_code == 302
    libur = HariLibur.objects.get(tanggal=HARI)
    assert (libur.komisi, libur.dasar) == (persona.komisi, DASAR)
    assert penyelesaian(sk) == date(2027, 1, 22)

    # Removing it: preview first, then the deadline comes back.
    hapus = reverse("kantor:libur_hapus", args=[libur.pk])
    isi = client.post(hapus, {"komisi": persona.komisi.pk, "langkah": "pratinjau"}).content
    assert "21 Januari 2027" in isi.decode()
    assert HariLibur.objects.filter(pk=libur.pk).exists()
    assert client.post(hapus, {"komisi": persona.komisi.pk, "langkah": "simpan"}).status_code == 302
    assert not HariLibur.objects.filter(pk=libur.pk).exists()
    assert penyelesaian(sk) == date(2027, 1, 21)


def test_penangguhan_dengan_pratinjau_lalu_disimpan(client, persona):
    sk = persona.skenario().terima(TERIMA).registrasi(TERIMA)
    url = reverse("kantor:penangguhan")
    data = {
        "komisi": persona.komisi.pk,
        "tangguh-mulai": "2026-10-05",
        "tangguh-selesai": "2026-10-09",
        "tangguh-dasar": DASAR,
    }
    masuk(client, persona.admin)
    assert "21 Januari 2027" in client.post(url, data).content.decode()
    assert not Penangguhan.objects.exists()
    assert client.post(url, {**data, "langkah": "simpan"}).status_code == 302
    assert Penangguhan.objects.filter(komisi=persona.komisi).count() == 1
    assert penyelesaian(sk) > date(2027, 1, 21)


def test_dasar_hukum_wajib_ditampilkan_di_medannya(client, persona):
    masuk(client, persona.admin)
    respons = client.post(
        LIBUR,
        {
            "komisi": persona.komisi.pk,
            "libur-tanggal": HARI.isoformat(),
            "libur-jenis": "penutupan_kantor",
            "libur-keterangan": "Kantor ditutup",
            "libur-dasar": "  ",
            "langkah": "simpan",
        },
    )
    assert respons.status_code == 400
    assert (
        "galat-medan"
        in respons.content.decode().split('data-medan="dasar"')[1].split("data-medan=")[0]
    )
    assert not HariLibur.objects.filter(tanggal=HARI).exists()


@pytest.mark.parametrize("siapa", ["panitera", "ketua", "ketua_lain"])
def test_bukan_admin_mendapat_403_di_halaman_libur(client, persona, siapa):
    masuk(client, getattr(persona, siapa))
    assert client.get(LIBUR).status_code == 403
    assert client.post(LIBUR, {"langkah": "simpan"}).status_code == 403


# -- failed background tasks -----------------------------------------------------------


def notifikasi_gagal(sk, kunci="uji:1"):
    return Notifikasi.objects.create(
        sengketa=sk.sengketa,
        jenis="panggilan",
        saluran="email",
        penerima="Budi Santoso",
        alamat="budi@example.org",
        subjek="Panggilan sidang",
        isi="Saudara dipanggil.",
        status=StatusNotifikasi.GAGAL,
        galat="SMTPServerDisconnected: Connection unexpectedly closed",
        kunci=kunci,
    )


def test_tugas_gagal_menampilkan_notifikasi_gagal_dan_kirim_ulang(client, persona, monkeypatch):
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", True)
    sk = persona.skenario().terima(TERIMA)
    n = notifikasi_gagal(sk)
    masuk(client, persona.panitera)
    isi = client.get(GAGAL).content.decode()
    assert f'data-notifikasi="{n.pk}"' in isi
    assert "SMTPServerDisconnected" in isi

    url = reverse("kantor:coba_lagi_notifikasi", args=[n.pk])
    assert client.post(url).status_code == 302
    n.refresh_from_db()
    assert n.status == StatusNotifikasi.TERKIRIM
    assert [m.to for m in mail.outbox] == [["budi@example.org"]]
    assert f'data-notifikasi="{n.pk}"' not in client.get(GAGAL).content.decode()
    # Sent once: a second click finds nothing to retry.
    assert client.post(url).status_code == 404


def test_tugas_gagal_hanya_admin_atau_panitera_komisinya(client, persona):
    sk = persona.skenario().terima(TERIMA)
    n = notifikasi_gagal(sk)
    assert masuk(client, persona.komisioner[0]).get(GAGAL).status_code == 403
    assert masuk(client, persona.admin).get(GAGAL).status_code == 200
    isi = masuk(client, persona.panitera_lain).get(GAGAL).content.decode()
    assert f'data-notifikasi="{n.pk}"' not in isi
    url = reverse("kantor:coba_lagi_notifikasi", args=[n.pk])
    assert client.post(url).status_code == 404
