"""The demo data shows a case at every stage, made through the services, and loads twice
without creating anything twice."""

import pytest
from django.core.management import call_command

from sengketa.models import RiwayatStatus, Sengketa, Sidang

pytestmark = pytest.mark.django_db


def test_kasus_demo_mencakup_setiap_tahap_dan_idempoten(settings):
    settings.DEBUG = True
    call_command("muat_demo", verbosity=0)
    status = set(Sengketa.objects.values_list("status", flat=True))
    assert status >= {
        "diterima", "menunggu_kelengkapan", "teregistrasi", "pemeriksaan_awal", "mediasi",
        "ajudikasi", "musyawarah", "diputus", "berkekuatan_hukum_tetap", "selesai_mediasi",
        "dicabut", "tidak_diterima",
    }  # fmt: skip
    # Every case went through the services: its history replays to its status.
    for s in Sengketa.objects.all():
        langkah = list(s.riwayat.filter(ubah_status=True).order_by("id"))
        assert langkah[0].transisi == "terima" and langkah[-1].ke == s.status
    # Hearings coming up, so the calendar and the summons lists have something to show.
    assert Sidang.objects.filter(status="dijadwalkan").count() >= 4
    # The demo applicant follows its own cases; the demo PPID's body has cases too.
    assert Sengketa.objects.filter(pihak__pengguna__username="pemohon").exists()
    assert Sengketa.objects.filter(pihak__badan_publik__petugas__username="termohon").exists()
    jumlah = (Sengketa.objects.count(), RiwayatStatus.objects.count(), Sidang.objects.count())
    call_command("muat_demo", verbosity=0)
    assert (
        Sengketa.objects.count(),
        RiwayatStatus.objects.count(),
        Sidang.objects.count(),
    ) == jumlah
