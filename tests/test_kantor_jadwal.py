"""Back office, hearings and assignments: the calendar (zone, commission, clashes, constant
queries), scheduling and closing hearings from the case page, the assignment panel."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sengketa.kalender import Kalender
from sengketa.models import KonflikKepentingan, Sidang, StatusSidang
from sengketa.models import StatusSengketa as S
from sengketa.waktu import hari_ini, zona
from tests.conftest import Persona
from tests.kasus import MULAI, kasus
from workflows.layanan.sidang import bentrok

pytestmark = pytest.mark.django_db

JADWAL = reverse("kantor:jadwal")


def masuk(client, pengguna):
    client.force_login(pengguna)
    return client


def halaman_kasus(pk: int) -> str:
    return reverse("kantor:sengketa", args=[pk])


def buat_sidang(sengketa, mulai, *, ruang="Ruang Sidang Utama", jam=2):
    """A scheduled hearing written straight to the table (the calendar only reads it)."""
    return Sidang.objects.create(
        sengketa=sengketa,
        jenis="pembuktian",
        mulai=mulai,
        selesai_rencana=mulai + timedelta(hours=jam),
        ruang=ruang,
    )


def pukul(komisi, hari, jam=9):
    return datetime.combine(hari, time(jam), tzinfo=zona(komisi.zona_waktu))


# -- calendar --------------------------------------------------------------------------


def test_kalender_minggu_ini_menampilkan_sidang_komisi_sendiri_dalam_zonanya(
    client, persona, pusat
):
    sk = kasus(persona, S.AJUDIKASI)
    hari = hari_ini(persona.komisi)
    sidang = buat_sidang(sk.sengketa, pukul(persona.komisi, hari, 10))
    lain = Persona(pusat, persona.komisi).skenario().terima(MULAI)
    sidang_lain = buat_sidang(lain.sengketa, pukul(pusat, hari, 10))

    respons = masuk(client, persona.panitera).get(JADWAL)
    assert respons.status_code == 200
    isi = respons.content.decode()
    assert f'data-sidang="{sidang.pk}"' in isi
    assert sk.sengketa.nomor_register in isi
    assert "10.00–12.00 WITA" in isi  # the wall-clock time of Samarinda, with its zone
    assert f'data-sidang="{sidang_lain.pk}"' not in isi
    assert f'href="{halaman_kasus(lain.id)}"' not in isi
    # The room filter keeps only that room's hearings.
    isi = client.get(JADWAL + "?ruang=Ruang+Lain").content.decode()
    assert f'data-sidang="{sidang.pk}"' not in isi
    # A month view lists it too; the other commission's staff see theirs, in WIB.
    assert f'data-sidang="{sidang.pk}"' in client.get(JADWAL + "?tampilan=bulan").content.decode()
    isi = masuk(client, persona.ketua_lain).get(JADWAL).content.decode()
    assert f'data-sidang="{sidang_lain.pk}"' in isi and "WIB" in isi
    assert f'data-sidang="{sidang.pk}"' not in isi


def test_kalender_menandai_bentrok_ruang_seperti_layanan(client, persona):
    a = kasus(persona, S.AJUDIKASI)
    b = persona.skenario().terima(MULAI, nama="Pemohon Lain")
    senin = MULAI + timedelta(days=5)  # Monday 11 March 2024
    satu = buat_sidang(a.sengketa, pukul(persona.komisi, senin, 9))
    dua = buat_sidang(b.sengketa, pukul(persona.komisi, senin, 10))
    jauh = buat_sidang(b.sengketa, pukul(persona.komisi, senin, 14))
    assert bentrok(a.sengketa, satu.mulai, satu.selesai_rencana, satu.ruang, kecuali=satu.pk)

    respons = masuk(client, persona.panitera).get(JADWAL + f"?tanggal={senin}")
    isi = respons.content.decode()
    for s in (satu, dua):
        assert f'class="acara bentrok" data-sidang="{s.pk}"' in isi
    assert f'class="acara" data-sidang="{jauh.pk}"' in isi
    assert 'data-bentrok="2"' in isi


def test_jumlah_query_kalender_sama_untuk_5_dan_50_sidang(client, persona):
    sk = kasus(persona, S.AJUDIKASI)
    lain = persona.skenario().terima(MULAI, nama="Pemohon Lain")
    senin = MULAI + timedelta(days=5)

    def tambah(dari, sampai):
        for i in range(dari, sampai):
            hari = senin + timedelta(days=i % 5)
            mulai = pukul(persona.komisi, hari, 7) + timedelta(minutes=15 * (i // 5))
            buat_sidang((sk, lain)[i % 2].sengketa, mulai, ruang=f"Ruang {i % 3}")

    def jumlah():
        with CaptureQueriesContext(connection) as q:
            respons = client.get(JADWAL + f"?tanggal={senin}")
        assert respons.status_code == 200
        return len(q), respons.context["jumlah"]

    masuk(client, persona.panitera)
    tambah(0, 5)
    sedikit, n = jumlah()
    assert n == 5
    tambah(5, 50)
    banyak, n = jumlah()
    assert n == 50
    assert banyak == sedikit


# -- scheduling and closing from the case page -----------------------------------------


def test_jadwalkan_dari_halaman_kasus_menolak_hari_minggu_lalu_membuat_di_hari_kerja(
    client, persona
):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    kal = Kalender.untuk(persona.komisi)
    hari = hari_ini(persona.komisi)
    minggu = hari + timedelta(days=(6 - hari.weekday()) or 7)
    kerja = kal.tambah(hari, 10)
    url = reverse("kantor:sidang_jadwalkan", args=[sk.id])
    masuk(client, persona.panitera)
    assert url in client.get(halaman_kasus(sk.id)).content.decode()
    sebelum = Sidang.objects.filter(sengketa_id=sk.id).count()

    def data(tanggal):
        return {
            "jadwalkan-jenis": "pemeriksaan_awal",
            "jadwalkan-tanggal": tanggal.isoformat(),
            "jadwalkan-jam": "09:30",
            "jadwalkan-ruang": "Ruang Sidang 2",
            "jadwalkan-agenda": "Pemeriksaan lanjutan",
        }

    ditolak = client.post(url, data(minggu), HTTP_ACCEPT_LANGUAGE="id")
    assert ditolak.status_code == 409
    isi = ditolak.content.decode()
    assert '<li data-kode="bukan_hari_kerja">' in isi
    assert minggu.isoformat() in isi
    assert 'value="Ruang Sidang 2"' in isi  # what was typed is kept
    assert Sidang.objects.filter(sengketa_id=sk.id).count() == sebelum

    respons = client.post(url, data(kerja))
    assert respons.status_code == 302
    assert respons["Location"] == halaman_kasus(sk.id)
    baru = Sidang.objects.filter(sengketa_id=sk.id).latest("pk")
    assert baru.mulai == pukul(persona.komisi, kerja, 9) + timedelta(minutes=30)
    assert (baru.ruang, baru.status) == ("Ruang Sidang 2", StatusSidang.DIJADWALKAN)
    assert baru.panggilan.exists()


def test_catat_kehadiran_dari_halaman_kasus_menyelesaikan_sidang(client, persona):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    sidang = sk.sengketa.sidang.create(
        jenis="pemeriksaan_awal",
        mulai=sk.pukul(sk.hk(MULAI, 10)),
        selesai_rencana=sk.pukul(sk.hk(MULAI, 10), 11),
        ruang="Ruang Sidang 3",
    )
    url = reverse("kantor:sidang_aksi", args=[sidang.pk, "selesai"])
    masuk(client, persona.pp)
    isi = client.get(halaman_kasus(sk.id)).content.decode()
    assert url in isi
    assert reverse("kantor:sidang_aksi", args=[sidang.pk, "tunda"]) in isi
    awalan = f"sidang-{sidang.pk}-selesai"
    data = {f"{awalan}-ringkasan": "Para pihak hadir"}
    pihak = list(sk.sengketa.pihak.all())
    # Without every party's attendance nothing is recorded.
    assert client.post(url, data).status_code == 400
    for p in pihak:
        data[f"{awalan}-hadir_{p.pk}"] = "hadir"
    respons = client.post(url, data)
    assert respons.status_code == 302
    sidang.refresh_from_db()
    assert sidang.status == StatusSidang.SELESAI
    assert sidang.ringkasan == "Para pihak hadir"
    assert sorted(sidang.kehadiran.values_list("pihak_id", flat=True)) == sorted(
        p.pk for p in pihak
    )


# -- assignments -----------------------------------------------------------------------


def test_panel_penugasan_beban_dan_konflik_kepentingan(client, persona):
    sibuk = kasus(persona, S.AJUDIKASI)  # komisioner[0] presides over it
    sk = kasus(persona, S.TEREGISTRASI)
    masuk(client, persona.ketua)
    isi = client.get(halaman_kasus(sk.id)).content.decode()
    assert 'class="daftar beban"' in isi
    baris = isi.split(f'data-pengguna="{persona.komisioner[0].username}"', 1)[1].split("</tr>")[0]
    assert "<td>1</td>" in baris  # one open case as presiding commissioner
    assert sibuk.id != sk.id

    respons = client.post(
        reverse("kantor:konflik", args=[sk.id]),
        {"konflik-pengguna": persona.komisioner[0].username, "konflik-uraian": "Saudara pemohon"},
    )
    assert respons.status_code == 302
    assert KonflikKepentingan.objects.filter(
        sengketa_id=sk.id, pengguna=persona.komisioner[0]
    ).exists()
    isi = client.get(halaman_kasus(sk.id)).content.decode()
    assert f'class="konflik" data-pengguna="{persona.komisioner[0].username}"' in isi
