"""A party never reaches another party's case, document, draft or attachment by any URL
(issue 6). The sweep reads the URL patterns of the portal and of the document downloads from
Django's resolver, so patterns added later (filing, public pages) are covered without
touching this file, and tries each with the ids of another party's objects."""

import dataclasses
import hashlib
import itertools
import uuid

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, PathConverter, UUIDConverter
from django.utils import timezone

from dokumen.models import Dokumen
from portal.models import DraftPermohonan, Lampiran, ProfilPihak
from sengketa.models import Kuasa, Panggilan, Pihak, RiwayatStatus, Sengketa, Sidang
from sengketa.models import StatusSengketa as S
from tests.factories import pengguna_dengan_peran
from tests.kasus import PEMBANGUN
from workflows.skenario import Skenario

pytestmark = pytest.mark.django_db

NAMESPACE = ("portal", "dokumen")

# Patterns whose parameter is no object id, or whose object is public by design: they may
# answer 200, but their pages are still searched for the other party's data below.
IZIN_PUBLIK = {
    "portal:akun_verifikasi": "a signed e-mail token, not an id; a forged one gets 400",
    "portal:akun_reset_konfirmasi": "Django's signed password-reset token, not an id",
    "portal:jadwal_ical": "the public hearing calendar of a commission, by its code",
    "dokumen:verifikasi": "public verification of an issued document by its code",
}
# What another party may get: nothing, or a way back to the login page.
STATUS_TOLAK = {400, 403, 404, 405}
STATUS_ALIH = {301, 302, 303, 307, 308}
URL_MASUK = ("/akun/masuk/", "/kantor/masuk/")

RAHASIA = {
    "nama": "Korban Rahasia Alfa",
    "nik": "9999888877776666",
    "alamat": "Jl. Rahasia Korban No. 13",
    "email": "korban.rahasia@example.org",
    "telepon": "081299990000",
    "draf": "DRAF-RAHASIA-XYZ",
    "lampiran": "lampiran-rahasia-korban.pdf",
    "kuasa": "Kuasa Rahasia Korban",
    "profil": "Profil Korban Rahasia",
}


# -- the URL patterns ----------------------------------------------------------------------


def _jalan(patterns, ns: str, konverter: dict):
    for p in patterns:
        kon = {**konverter, **getattr(p.pattern, "converters", {})}
        if isinstance(p, URLResolver):
            anak = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
            yield from _jalan(p.url_patterns, anak, kon)
        elif isinstance(p, URLPattern) and ns.split(":")[0] in NAMESPACE:
            nama = f"{ns}:{p.name}" if p.name else None
            param = list(p.pattern.regex.groupindex)
            yield nama, {k: kon.get(k) for k in param}


def pola_url() -> list[tuple[str | None, dict]]:
    return list(_jalan(get_resolver().url_patterns, "", {}))


def test_setiap_pola_portal_bernama_dan_tersapu():
    pola = dict(pola_url())
    # The sweep builds URLs by name: an unnamed pattern would escape it.
    assert None not in pola
    for nama in ("portal:perkara_detail", "portal:perkara_cabut", "dokumen:unduh"):
        assert pola.get(nama), nama
    assert "portal:perkara_saya" in pola and "portal:akun_profil" in pola
    # Every public exception names an existing pattern (no stale allow-list).
    assert set(IZIN_PUBLIK) <= set(pola)


# -- another party's world ---------------------------------------------------------------


def _rahasiakan(sengketa: Sengketa, nama: str) -> None:
    """The applicant's identity on this case: data no one else may ever see."""
    Pihak.objects.filter(sengketa=sengketa, peran="pemohon").update(
        nama=nama, nomor_identitas=RAHASIA["nik"], alamat=RAHASIA["alamat"],
        email=RAHASIA["email"], telepon=RAHASIA["telepon"],
    )  # fmt: skip


@pytest.fixture
def korban(persona, sinkron, django_capture_on_commit_callbacks):
    """A party with a case just received, one under examination (documents, summonses), a
    kuasa, a draft filing with an attachment and a profile."""
    pengguna = pengguna_dengan_peran(None, "pihak", username="korban@contoh.id")
    ProfilPihak.objects.create(
        pengguna=pengguna, nama=RAHASIA["profil"], nomor_identitas=RAHASIA["nik"],
        alamat=RAHASIA["alamat"], email_terverifikasi_pada=timezone.now(),
    )  # fmt: skip
    aktor = dataclasses.replace(persona.aktor, pemohon=pengguna)
    with django_capture_on_commit_callbacks(execute=True):
        baru = PEMBANGUN[S.DITERIMA](Skenario(persona.komisi, aktor)).sengketa
        diperiksa = PEMBANGUN[S.PEMERIKSAAN_AWAL](Skenario(persona.komisi, aktor)).sengketa
    _rahasiakan(baru, RAHASIA["nama"])
    _rahasiakan(diperiksa, "Pemohon Terdaftar")
    Kuasa.objects.create(pihak=diperiksa.pemohon, nama=RAHASIA["kuasa"], email=RAHASIA["email"])
    draft = DraftPermohonan.objects.create(
        pengguna=pengguna, komisi=persona.komisi, data={"catatan": RAHASIA["draf"]}
    )
    isi = b"%PDF-1.4 lampiran rahasia korban"
    lampiran = Lampiran(
        draft=draft, jenis="identitas", nama_asli=RAHASIA["lampiran"],
        tipe_konten="application/pdf", ukuran=len(isi), sha256=hashlib.sha256(isi).hexdigest(),
    )  # fmt: skip
    lampiran.berkas.save("x", ContentFile(isi), save=True)
    assert Dokumen.objects.filter(sengketa=diperiksa, pihak__isnull=False).exists()
    return pengguna, [baru, diperiksa], draft


def _id_korban(kasus, draft) -> list[int]:
    ids = {s.pk for s in kasus} | {draft.pk}
    for model, saring in (
        (Dokumen, {"sengketa__in": kasus}),
        (Sidang, {"sengketa__in": kasus}),
        (Panggilan, {"sidang__sengketa__in": kasus}),
        (Pihak, {"sengketa__in": kasus}),
        (Kuasa, {"pihak__sengketa__in": kasus}),
        (Lampiran, {"draft": draft}),
        (RiwayatStatus, {"sengketa__in": kasus}),
    ):
        ids |= set(model.objects.filter(**saring).values_list("pk", flat=True))
    return sorted(ids)


def _penanda(kasus) -> tuple[list[str], set[str]]:
    """Strings and file hashes that belong to the victim only."""
    teks = list(RAHASIA.values())
    teks += [f'href="{reverse("portal:perkara_detail", args=[s.pk])}' for s in kasus]
    dok = Dokumen.objects.filter(sengketa__in=kasus)
    teks += [f'href="{reverse("dokumen:unduh", args=[d.pk])}"' for d in dok]
    hash_ = {d.sha256 for d in dok if d.sha256} | set(
        Lampiran.objects.values_list("sha256", flat=True)
    )
    return teks, hash_


def _nilai(konverter, ids, kasus) -> list:
    if isinstance(konverter, IntConverter):
        return ids
    if isinstance(konverter, UUIDConverter):
        return [uuid.uuid4()]
    kode = list(
        Dokumen.objects.filter(sengketa__in=kasus).values_list("kode_verifikasi", flat=True)[:2]
    )
    nilai = ["x", *map(str, ids), *kode, kasus[0].komisi.kode]
    if isinstance(konverter, PathConverter):
        nilai += [s.nomor_register for s in kasus if s.nomor_register]
    return nilai


def _url(nama, param, ids, kasus):
    pilihan = [[(k, v) for v in _nilai(kon, ids, kasus)] for k, kon in param.items()]
    for kombinasi in itertools.islice(itertools.product(*pilihan), 400):
        yield reverse(nama, kwargs=dict(kombinasi))


def _isi(r) -> bytes:
    return b"".join(r.streaming_content) if r.streaming else r.content


def _bocor(r, teks, hash_) -> str | None:
    isi = _isi(r)
    if hashlib.sha256(isi).hexdigest() in hash_:
        return "a file of the other party"
    tampak = isi.decode("utf-8", "replace")
    return next((t for t in teks if t in tampak), None)


def _snapshot(kasus, draft) -> dict:
    return {
        "status": list(Sengketa.objects.filter(pk__in=[s.pk for s in kasus]).values_list("status")),
        "riwayat": RiwayatStatus.objects.count(),
        "dokumen": Dokumen.objects.count(),
        "draft": list(DraftPermohonan.objects.filter(pk=draft.pk).values()),
        "lampiran": list(Lampiran.objects.values_list("pk", "sha256")),
        "kuasa": list(Kuasa.objects.values_list("pk", "aktif", "pengguna_id")),
        "pihak": list(Pihak.objects.values_list("pk", "pengguna_id", "nama")),
    }


# -- the sweep -------------------------------------------------------------------------------


def _periksa(client, nama, url, metode, siapa, teks, hash_, masalah, *, ber_id=True):
    """Never the other party's data; and on a pattern that takes an id (not public by
    design): a refusal, or for a visitor a redirect to a login page."""
    r = getattr(client, metode)(url)
    bocor = _bocor(r, teks, hash_)
    if bocor:
        masalah.append(f"{siapa} {metode.upper()} {url} ({nama}): shows {bocor!r}")
    if r.status_code in STATUS_ALIH:
        tujuan = r["Location"]
        ketat = ber_id and nama not in IZIN_PUBLIK
        if siapa == "tamu" and ketat and not tujuan.startswith(URL_MASUK):
            masalah.append(f"tamu {metode.upper()} {url} ({nama}): redirected to {tujuan}")
        if tujuan.startswith("/"):
            bocor = _bocor(client.get(tujuan), teks, hash_)
            if bocor:
                masalah.append(f"{siapa} {url} -> {tujuan}: shows {bocor!r}")
        return
    if ber_id and nama not in IZIN_PUBLIK and r.status_code not in STATUS_TOLAK:
        masalah.append(f"{siapa} {metode.upper()} {url} ({nama}): HTTP {r.status_code}")


def test_sapuan_tidak_ada_url_yang_membuka_milik_pihak_lain(persona, korban):
    _pemilik, kasus, draft = korban
    penyerang = pengguna_dengan_peran(None, "pihak", username="penyerang@contoh.id")
    ProfilPihak.objects.create(
        pengguna=penyerang, nama="Penyerang", email_terverifikasi_pada=timezone.now()
    )
    ids = _id_korban(kasus, draft)
    teks, hash_ = _penanda(kasus)
    sebelum = _snapshot(kasus, draft)
    masalah: list[str] = []
    jumlah = 0
    for nama, param in pola_url():
        for siapa in ("pihak_lain", "tamu"):
            client = Client()
            if not param:
                if siapa == "pihak_lain":
                    client.force_login(penyerang)
                url = reverse(nama)
                _periksa(client, nama, url, "get", siapa, teks, hash_, masalah, ber_id=False)
                continue
            for url in _url(nama, param, ids, kasus):
                for metode in ("get", "post"):
                    if siapa == "pihak_lain":
                        client.force_login(penyerang)  # a POST may have logged it out
                    _periksa(client, nama, url, metode, siapa, teks, hash_, masalah)
                    jumlah += 1
    assert not masalah, "\n".join(masalah[:40])
    assert jumlah > 100  # the sweep really ran over the id patterns
    # Nothing of the other party changed either (no withdrawal, no deleted draft...).
    assert _snapshot(kasus, draft) == sebelum


def test_pemilik_sendiri_melihat_penanda_kontrol_positif(persona, korban):
    """The detector works: the owner's own pages show what the sweep looks for."""
    pemilik, kasus, _draft = korban
    teks, hash_ = _penanda(kasus)
    client = Client()
    client.force_login(pemilik)
    for s in kasus:
        r = client.get(reverse("portal:perkara_detail", args=[s.pk]))
        assert r.status_code == 200 and _bocor(r, teks, hash_)
    dok = Dokumen.objects.filter(sengketa=kasus[1], pihak=kasus[1].pemohon).first()
    r = client.get(reverse("dokumen:unduh", args=[dok.pk]))
    assert r.status_code == 200 and _bocor(r, teks, hash_) == "a file of the other party"


def test_pihak_lain_dengan_perkaranya_sendiri_tetap_tidak_melihat(client, persona, korban):
    """A party with cases of its own, at the same commission: its list shows its case only."""
    _pemilik, kasus, _draft = korban
    milik = PEMBANGUN[S.DITERIMA](persona.skenario()).sengketa
    client.force_login(persona.pemohon)
    r = client.get(reverse("portal:perkara_saya"))
    assert [x.sengketa.pk for x in r.context["daftar"]] == [milik.pk]
    teks, hash_ = _penanda(kasus)
    assert _bocor(r, teks, hash_) is None
    for s in kasus:
        assert client.get(reverse("portal:perkara_detail", args=[s.pk])).status_code == 404
        assert client.post(reverse("portal:perkara_cabut", args=[s.pk])).status_code == 404
    for d in Dokumen.objects.filter(sengketa__in=kasus):
        assert client.get(reverse("dokumen:unduh", args=[d.pk])).status_code == 404
