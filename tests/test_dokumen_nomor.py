"""Numbers of letters and penetapan come from each commission's own template, through
sengketa.penomoran (siklus-sengketa.md §6: "Letters (summons, penetapan) get their own
series"): two commissions with different templates, each document carrying its number."""

import re
from datetime import date

import pytest
from django.db import transaction

from dokumen.models import Dokumen
from sengketa.models import SeriNomor
from sengketa.models import StatusSengketa as S
from sengketa.penomoran import (
    SERI_PENETAPAN,
    SERI_SURAT,
    TEMPLATE_PENETAPAN_BAWAAN,
    format_nomor,
    nomor_penetapan_baru,
    nomor_surat_baru,
    nomor_tanda_terima,
    template_nomor,
    urutan_dari_nomor,
)
from tests.conftest import Persona
from tests.kasus import MULAI, kasus
from tests.test_dokumen_terbit import teks_pdf

TEMPLATE_KALTIM = "{seq:03}/{seri}/KI-KALTIM/{bulan_romawi}/{tahun}"
TEMPLATE_PUSAT = "{seri}.{seq:04}/KIP/{bulan}/{tahun}"


@pytest.fixture
def dua_komisi(bangun, persona, kaltim, pusat, django_capture_on_commit_callbacks):
    """A case in pemeriksaan_awal in each commission, each with its own letter template."""
    kaltim.template_nomor_surat = TEMPLATE_KALTIM
    kaltim.save()
    pusat.template_nomor_surat = TEMPLATE_PUSAT
    pusat.save()
    di_kaltim = bangun(S.PEMERIKSAAN_AWAL).sengketa
    with django_capture_on_commit_callbacks(execute=True):
        di_pusat = kasus(Persona(pusat, kaltim), S.PEMERIKSAAN_AWAL).sengketa
    return di_kaltim, di_pusat


def nomor(sengketa, jenis, **kw) -> str:
    return Dokumen.objects.filter(sengketa=sengketa, jenis=jenis, format="pdf", **kw).get().nomor


def test_setiap_komisi_memakai_templatenya_sendiri(dua_komisi):
    di_kaltim, di_pusat = dua_komisi
    # Penetapan: the decrees' own series, first of the year in each commission.
    assert nomor(di_kaltim, "penetapan_majelis") == "001/PEN/KI-KALTIM/III/2024"
    assert nomor(di_pusat, "penetapan_majelis") == "PEN.0001/KIP/3/2024"
    # The registry's other letters and the summonses: the letter series, their own marks.
    assert re.fullmatch(r"\d{3}/SRT/KI-KALTIM/III/2024", nomor(di_kaltim, "salinan_permohonan"))
    assert re.fullmatch(r"SRT\.\d{4}/KIP/3/2024", nomor(di_pusat, "salinan_permohonan"))
    for s, pola in (
        (di_kaltim, r"\d{3}/PANG/KI-KALTIM/III/2024"),
        (di_pusat, r"PANG\.\d{4}/KIP/3/2024"),
    ):
        panggilan = Dokumen.objects.filter(sengketa=s, jenis="panggilan", format="pdf")
        assert panggilan.count() == 2
        for d in panggilan:
            assert re.fullmatch(pola, d.nomor), d.nomor
            assert d.nomor == d.panggilan.nomor
    # Each document prints its own number.
    for s in (di_kaltim, di_pusat):
        for jenis in ("penetapan_majelis", "salinan_permohonan"):
            d = Dokumen.objects.get(sengketa=s, jenis=jenis, format="pdf")
            assert f"Nomor: {d.nomor}" in " ".join(teks_pdf(d)), (jenis, d.nomor)


def test_surat_dan_penetapan_berseri_sendiri(dua_komisi):
    di_kaltim, _di_pusat = dua_komisi
    surat = [
        int(d.nomor.split("/")[0])
        for d in Dokumen.objects.filter(
            sengketa=di_kaltim, format="pdf", jenis__in=("salinan_permohonan", "panggilan")
        )
    ]
    # One letter counter, gap-free, shared by the letters; the penetapan counts from 1 apart.
    assert sorted(surat) == [1, 2, 3]
    assert urutan_dari_nomor(TEMPLATE_KALTIM, nomor(di_kaltim, "penetapan_majelis")) == 1


def test_template_tanpa_seri_penetapan_tidak_memakai_tanda_panggilan(bangun):
    # The factory's letter template is KIP Kaltim's summons template: .../PANG/...
    s = bangun(S.PEMERIKSAAN_AWAL).sengketa
    assert "{seri" not in s.komisi.template_nomor_surat
    assert nomor(s, "penetapan_majelis") == f"001/PEN/{s.komisi.kode}/III/2024"
    for d in Dokumen.objects.filter(sengketa=s, jenis="panggilan", format="pdf"):
        assert "/PANG/KI-KALTIM/III/2024" in d.nomor


def test_template_nomor_satu_tempat(kaltim):
    kaltim.template_nomor_surat = TEMPLATE_KALTIM
    assert template_nomor(kaltim, SeriNomor.REGISTER) == kaltim.template_nomor_register
    assert template_nomor(kaltim, SeriNomor.SURAT) == TEMPLATE_KALTIM
    assert template_nomor(kaltim, SeriNomor.PENETAPAN) == TEMPLATE_KALTIM
    kaltim.template_nomor_surat = "{seq:03}/PANG/KI-KALTIM/{bulan_romawi}/{tahun}"
    assert template_nomor(kaltim, SeriNomor.PENETAPAN) == TEMPLATE_PENETAPAN_BAWAAN


def test_format_dan_urutan_dengan_seri():
    d = date(2024, 11, 4)
    assert format_nomor(TEMPLATE_PUSAT, seq=7, tanggal=d, kode="X", seri=SERI_SURAT) == (
        "SRT.0007/KIP/11/2024"
    )
    assert urutan_dari_nomor(TEMPLATE_PUSAT, "PEN.0012/KIP/11/2024") == 12
    assert urutan_dari_nomor(TEMPLATE_KALTIM, "015/PANG/KI-KALTIM/XI/2024") == 15


def test_penomoran_langsung_per_komisi(kaltim, pusat):
    kaltim.template_nomor_surat = TEMPLATE_KALTIM
    pusat.template_nomor_surat = TEMPLATE_PUSAT
    with transaction.atomic():
        assert nomor_penetapan_baru(kaltim, MULAI) == f"001/{SERI_PENETAPAN}/KI-KALTIM/III/2024"
        assert nomor_penetapan_baru(kaltim, MULAI) == "002/PEN/KI-KALTIM/III/2024"
        assert nomor_penetapan_baru(pusat, MULAI) == "PEN.0001/KIP/3/2024"
        assert nomor_surat_baru(pusat, MULAI) == "PANG.0001/KIP/3/2024"
        assert nomor_surat_baru(pusat, MULAI, seri=SERI_SURAT) == "SRT.0002/KIP/3/2024"
        # A new year starts every series again.
        assert nomor_penetapan_baru(kaltim, date(2025, 1, 6)) == "001/PEN/KI-KALTIM/I/2025"


def test_nomor_tanda_terima(bangun):
    s = bangun(S.DITERIMA).sengketa
    d = Dokumen.objects.get(sengketa=s, jenis="tanda_terima")
    assert d.nomor == nomor_tanda_terima(s) == f"TT-{s.pk:05d}/{s.komisi.kode}/2024"
