"""The daily sweep fires only what the spec gives to the system, at the right dates."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django_q.models import Schedule

from sengketa.models import Sengketa, Tenggat
from sengketa.waktu import hari_ini
from tests.kasus import kasus
from workflows import layanan as L
from workflows.sapuan import sapu_harian

pytestmark = pytest.mark.django_db


def test_sapuan_menolak_registrasi_setelah_tenggat_kelengkapan(persona):
    sk = kasus(persona, "menunggu_kelengkapan")  # notice 6 Mar 2024, due 19 Mar 2024
    batas = sk.sengketa.tenggat.get(kode="kelengkapan").tanggal
    laporan = {lap.komisi: lap for lap in sapu_harian()}["KIP-KALTIM"]
    s = Sengketa.objects.get(pk=sk.id)
    assert s.status == "tidak_diregistrasi"
    assert laporan.ditolak == [s.pk]
    langkah = s.riwayat.last()
    assert langkah.oleh is None and langkah.tanggal == batas + timedelta(days=1)


def test_sapuan_menyatakan_inkracht_setelah_semua_jendela_keberatan_lewat(persona):
    sk = kasus(persona, "diputus")
    menunggu = kasus(persona, "diputus")  # no copy received yet: stays decided
    terima = sk.hk(sk.sengketa.tanggal_putusan, 2)
    sk.salinan_diterima(terima)
    laporan = sapu_harian("KIP-KALTIM")[0]
    s = Sengketa.objects.get(pk=sk.id)
    assert s.status == "berkekuatan_hukum_tetap"
    assert s.tanggal_inkracht == sk.hk(terima, 14) + timedelta(days=1)
    assert Sengketa.objects.get(pk=menunggu.id).status == "diputus"
    assert laporan.inkracht == [s.pk]


def test_sapuan_tidak_menyentuh_tenggat_yang_belum_lewat(persona):
    sk = persona.skenario()
    hari = hari_ini(persona.komisi)
    sk.terima(sk.hk(hari, -1), lengkap=False)
    L.sengketa_minta_kelengkapan(
        sengketa_id=sk.id, oleh=persona.panitera, kekurangan=["identitas"], tanggal=hari
    )
    sapu_harian("KIP-KALTIM")
    assert Sengketa.objects.get(pk=sk.id).status == "menunggu_kelengkapan"


def test_sapuan_kering_tidak_menyimpan_apa_pun(persona):
    sk = kasus(persona, "menunggu_kelengkapan")
    laporan = sapu_harian("KIP-KALTIM", kering=True)[0]
    assert laporan.ditolak == [sk.id]
    assert Sengketa.objects.get(pk=sk.id).status == "menunggu_kelengkapan"


def test_sapuan_memperbarui_lampu_tenggat(persona):
    sk = kasus(persona, "teregistrasi")  # registered in 2024: its deadlines are long past
    Tenggat.objects.filter(sengketa_id=sk.id).update(status="aman")
    laporan = sapu_harian("KIP-KALTIM")[0]
    assert laporan.tenggat_diperbarui >= 2
    terbuka = Tenggat.objects.terbuka().filter(sengketa_id=sk.id)
    assert set(terbuka.values_list("status", flat=True)) == {"terlewat"}


def test_perintah_sapu_harian_dan_jadwal_harian_per_komisi(persona, capsys):
    kasus(persona, "menunggu_kelengkapan")
    call_command("sapu_harian", "--kering")
    keluaran = capsys.readouterr().out
    assert "[kering] KIP-KALTIM" in keluaran and "tidak diregistrasi" in keluaran
    call_command("pasang_jadwal")
    call_command("pasang_jadwal")
    jadwal = Schedule.objects.get(name="sapu_harian:KIP-KALTIM")
    assert Schedule.objects.filter(name__startswith="sapu_harian:").count() == 2
    lokal = jadwal.next_run.astimezone(ZoneInfo("Asia/Makassar"))
    assert (lokal.hour, lokal.minute) == (0, 5)
    assert jadwal.func == "workflows.sapuan.sapu_harian" and jadwal.schedule_type == "D"
