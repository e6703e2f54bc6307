"""The failed-tasks page (workflows.kantor.gagal): django-q2 failures are shown and retried
only by the staff of the commission whose work failed; a superuser sees all of them."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from django_q.models import Failure

from dokumen.layanan import dokumen_siapkan
from tests.factories import PenggunaFactory
from tests.kasus import MULAI
from workflows.kantor import gagal as halaman_gagal
from workflows.models import Notifikasi
from workflows.skenario import Aktor, Skenario

pytestmark = pytest.mark.django_db

GAGAL = reverse("kantor:tugas_gagal")


def coba_lagi(pk: str) -> str:
    return reverse("kantor:coba_lagi_antrean", args=[pk])


def kegagalan(func: str, *args, **kwargs) -> Failure:
    saat = timezone.now()
    return Failure.objects.create(
        id=uuid.uuid4().hex,
        name=f"uji-{func.rsplit('.', 1)[-1]}",
        func=func,
        args=args,
        kwargs=kwargs,
        result="RuntimeError: gagal",
        started=saat,
        stopped=saat,
        success=False,
    )


@pytest.fixture
def kegagalan_dua_komisi(persona, pusat):
    """Failures of each commission's work, and two of nobody's."""
    kaltim = persona.skenario().terima(MULAI).sengketa
    aktor_pusat = Aktor(
        panitera=persona.panitera_lain,
        ketua=persona.ketua_lain,
        ketua_majelis=None,
        anggota=[],
        pp=None,
        mediator=None,
    )
    di_pusat = Skenario(pusat, aktor_pusat).terima(MULAI).sengketa
    dok_kaltim = dokumen_siapkan(sengketa=kaltim, jenis="tanda_terima", subjek="uji")[0]
    dok_pusat = dokumen_siapkan(sengketa=di_pusat, jenis="tanda_terima", subjek="uji")[0]
    notifikasi = Notifikasi.objects.create(
        sengketa=kaltim,
        jenis="panggilan",
        saluran="email",
        penerima="Budi",
        alamat="budi@example.org",
        subjek="Panggilan",
        isi="-",
        kunci="uji-gagal",
    )
    return {
        "dok_kaltim": kegagalan("dokumen.tugas.buat_dokumen", dok_kaltim.pk),
        "dok_kaltim_kw": kegagalan("dokumen.tugas.buat_dokumen", dokumen_id=dok_kaltim.pk),
        "notif_kaltim": kegagalan("workflows.notifikasi.kirim", notifikasi.pk),
        "sapu_kaltim": kegagalan("workflows.sapuan.sapu_harian", persona.komisi.kode),
        "dok_pusat": kegagalan("dokumen.tugas.buat_dokumen", dok_pusat.pk),
        "sapu_pusat": kegagalan("workflows.sapuan.sapu_harian", pusat.kode),
        "sapu_semua": kegagalan("workflows.sapuan.sapu_harian"),
        "asing": kegagalan("modul.lain.tugas", 1),
        "dokumen_hilang": kegagalan("dokumen.tugas.buat_dokumen", 999_999),
    }


def terlihat(client, pengguna, semua: dict) -> set[str]:
    client.force_login(pengguna)
    respons = client.get(GAGAL)
    assert respons.status_code == 200
    isi = respons.content.decode()
    return {nama for nama, f in semua.items() if f'data-antrean="{f.pk}"' in isi}


KALTIM = {"dok_kaltim", "dok_kaltim_kw", "notif_kaltim", "sapu_kaltim"}


def test_staf_hanya_melihat_kegagalan_komisinya(client, persona, kegagalan_dua_komisi):
    semua = kegagalan_dua_komisi
    assert terlihat(client, persona.panitera, semua) == KALTIM
    assert terlihat(client, persona.admin, semua) == KALTIM
    assert terlihat(client, persona.panitera_lain, semua) == {"dok_pusat", "sapu_pusat"}


def test_superuser_melihat_semua_kegagalan(client, kegagalan_dua_komisi):
    root = PenggunaFactory(is_superuser=True, is_staff=True)
    assert terlihat(client, root, kegagalan_dua_komisi) == set(kegagalan_dua_komisi)


def test_komisioner_tidak_boleh_membuka(client, persona, kegagalan_dua_komisi):
    client.force_login(persona.komisioner[0])
    assert client.get(GAGAL).status_code == 403
    assert client.post(coba_lagi(kegagalan_dua_komisi["dok_kaltim"].pk)).status_code == 403


def test_coba_lagi_hanya_kegagalan_komisinya(client, persona, kegagalan_dua_komisi, monkeypatch):
    antre = []
    monkeypatch.setattr(halaman_gagal, "async_task", lambda *a, **kw: antre.append((a, kw)))
    semua = kegagalan_dua_komisi
    client.force_login(persona.panitera)
    for nama in ("dok_pusat", "asing", "sapu_semua", "dokumen_hilang"):
        assert client.post(coba_lagi(semua[nama].pk)).status_code == 404, nama
    assert antre == []
    assert Failure.objects.count() == len(semua)
    f = semua["dok_kaltim"]
    assert client.post(coba_lagi(f.pk)).status_code == 302
    assert antre == [(("dokumen.tugas.buat_dokumen", *f.args), {"group": None})]
    assert not Failure.objects.filter(pk=f.pk).exists()
    # A second click finds nothing to retry.
    assert client.post(coba_lagi(f.pk)).status_code == 404
    assert len(antre) == 1


def test_superuser_mencoba_lagi_tugas_tanpa_komisi(client, kegagalan_dua_komisi, monkeypatch):
    antre = []
    monkeypatch.setattr(halaman_gagal, "async_task", lambda *a, **kw: antre.append((a, kw)))
    client.force_login(PenggunaFactory(is_superuser=True, is_staff=True))
    f = kegagalan_dua_komisi["asing"]
    assert client.post(coba_lagi(f.pk)).status_code == 302
    assert antre == [(("modul.lain.tugas", 1), {"group": None})]


def test_komisi_kegagalan_satu_query_per_jenis_tugas(
    kegagalan_dua_komisi, django_assert_num_queries
):
    daftar = list(Failure.objects.all())
    # dokumen, notifikasi, komisi: one query each, however many failures of each kind.
    with django_assert_num_queries(3):
        milik = halaman_gagal.komisi_kegagalan(daftar)
    assert milik[kegagalan_dua_komisi["asing"].pk] is None
    assert milik[kegagalan_dua_komisi["dokumen_hilang"].pk] is None
