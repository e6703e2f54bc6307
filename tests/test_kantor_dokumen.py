"""The documents section of the back office's case page (templates/kantor/_dokumen.html):
every issued document of the case, a row per version with its PDF and DOCX links, for the
staff of the case's commission; the browser journeys (tests/peramban) download from it."""

import pytest
from django.urls import reverse
from django.utils import translation

from dokumen.models import Dokumen, JenisDokumen, StatusDokumen
from sengketa.models import StatusSengketa as S
from tests.kasus import kasus

pytestmark = pytest.mark.django_db


def test_halaman_kasus_menampilkan_dokumen_terbit_dengan_tautan_unduh(client, persona, bangun):
    sk = bangun(S.PEMERIKSAAN_AWAL)
    client.force_login(persona.panitera)
    isi = client.get(reverse("kantor:sengketa", args=[sk.id])).content.decode()
    bagian = isi.split('id="dokumen"', 1)[1].split("</section>", 1)[0]
    panggilan = Dokumen.objects.filter(sengketa_id=sk.id, jenis=JenisDokumen.PANGGILAN)
    assert panggilan.exists()
    for d in panggilan:
        assert f'href="{reverse("dokumen:unduh", args=[d.pk])}"' in bagian
        assert d.pihak.nama in bagian
    # Each version's PDF and DOCX share one row.
    assert bagian.count('data-jenis-dokumen="panggilan"') == panggilan.count() // 2
    unduhan = client.get(reverse("dokumen:unduh", args=[panggilan.first().pk]))
    assert unduhan.status_code == 200


def test_dokumen_yang_belum_jadi_tampil_tanpa_tautan_dengan_keadaannya(
    client, persona, django_capture_on_commit_callbacks
):
    # The rows are announced after commit; without `sinkron` their rendering is only queued.
    with django_capture_on_commit_callbacks(execute=True):
        sk = kasus(persona, S.TEREGISTRASI)
    assert Dokumen.objects.filter(sengketa_id=sk.id, status=StatusDokumen.MENUNGGU).exists()
    client.force_login(persona.panitera)
    isi = client.get(reverse("kantor:sengketa", args=[sk.id])).content.decode()
    bagian = isi.split('id="dokumen"', 1)[1].split("</section>", 1)[0]
    assert "/unduh/" not in bagian
    assert 'data-jenis-dokumen="akta_registrasi"' in bagian
    with translation.override("id"):
        assert str(StatusDokumen.MENUNGGU.label) in bagian


def test_staf_komisi_lain_dan_pihak_tidak_melihat_bagian_dokumen(persona, bangun):
    from workflows.templatetags.dokumen_kantor import dokumen_kasus

    sk = bangun(S.TEREGISTRASI)
    assert dokumen_kasus(sk.sengketa, persona.panitera)
    assert dokumen_kasus(sk.sengketa, persona.panitera_lain) == []
    assert dokumen_kasus(sk.sengketa, persona.pemohon) == []
