"""Documents through the API (design/api-v1.md "Documents"): the case's list shows only what
the user may see, downloads follow dokumen's own access rule (404 for anything else), the
public verification by code and by file, and the `dokumen` of each summons. Documents are
rendered in-process as in test_dokumen_terbit.py (django-q2 `sync`, on-commit run)."""

import hashlib
from datetime import datetime, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from api import masukan
from dokumen.models import Dokumen, StatusDokumen
from dokumen.selectors import UNTUK_PARA_PIHAK
from sengketa.models import StatusSengketa as S
from sengketa.waktu import zona
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI
from workflows.skenario import Aktor, Skenario


@pytest.fixture
def diperiksa(bangun):
    """pemeriksaan_awal: receipt, registration deed, panel decree, two summonses (x2 formats)."""
    return bangun(S.PEMERIKSAAN_AWAL)


@pytest.fixture
def petugas_termohon(diperiksa):
    """The respondent's PPID officer, with a party account."""
    pengguna = pengguna_dengan_peran(None, "pihak")
    diperiksa.sengketa.termohon.badan_publik.petugas.add(pengguna)
    return pengguna


@pytest.fixture
def klien():
    return APIClient()


def get(klien, pengguna, url):
    klien.force_authenticate(pengguna)
    return klien.get(url)


def panggilan(sengketa, pihak, fmt="pdf") -> Dokumen:
    return Dokumen.objects.get(sengketa=sengketa, jenis="panggilan", pihak=pihak, format=fmt)


def isi_respons(r) -> bytes:
    return b"".join(r.streaming_content)


def isi(d: Dokumen) -> bytes:
    with d.berkas.open("rb") as f:
        return f.read()


# --- list ---


def test_daftar_pemohon_hanya_yang_boleh(persona, diperiksa, klien):
    s = diperiksa.sengketa
    r = get(klien, persona.pemohon, f"/api/v1/sengketa/{s.id}/dokumen/")
    assert r.status_code == 200
    data = r.json()
    ids = {d["id"] for d in data}
    harap = {
        d.pk
        for d in Dokumen.objects.filter(sengketa=s, status=StatusDokumen.SIAP)
        if d.pihak_id == s.pemohon.pk or (d.pihak_id is None and d.jenis in UNTUK_PARA_PIHAK)
    }
    assert ids == harap
    assert {d["jenis"] for d in data} >= {"akta_registrasi", "penetapan_majelis", "panggilan"}
    # Never the respondent's summons.
    assert panggilan(s, s.termohon).pk not in ids
    assert panggilan(s, s.pemohon).pk in ids
    for d in data:
        assert set(d) >= {
            "id", "jenis", "format", "nomor", "versi", "status", "sha256",
            "kode_verifikasi", "dibuat_pada", "url_unduh",
        }  # fmt: skip
        assert d["status"] == "siap" and len(d["sha256"]) == 64
        assert d["url_unduh"].endswith(f"/api/v1/dokumen/{d['id']}/unduh/")


def test_daftar_staf_semua_dan_pihak_termohon_miliknya(persona, diperiksa, petugas_termohon, klien):
    s = diperiksa.sengketa
    r = get(klien, persona.panitera, f"/api/v1/sengketa/{s.id}/dokumen/")
    assert r.status_code == 200
    assert {d["id"] for d in r.json()} == set(
        Dokumen.objects.filter(sengketa=s).values_list("pk", flat=True)
    )
    r = get(klien, petugas_termohon, f"/api/v1/sengketa/{s.id}/dokumen/")
    ids = {d["id"] for d in r.json()}
    assert panggilan(s, s.termohon).pk in ids
    assert panggilan(s, s.pemohon).pk not in ids


def test_daftar_staf_melihat_yang_menunggu_tanpa_url(persona, diperiksa, klien):
    s = diperiksa.sengketa
    d = panggilan(s, s.pemohon, "docx")
    Dokumen.objects.filter(pk=d.pk).update(status=StatusDokumen.MENUNGGU)
    baris = {
        x["id"]: x for x in get(klien, persona.panitera, f"/api/v1/sengketa/{s.id}/dokumen/").json()
    }
    assert baris[d.pk]["status"] == "menunggu" and baris[d.pk]["url_unduh"] is None
    ids = {x["id"] for x in get(klien, persona.pemohon, f"/api/v1/sengketa/{s.id}/dokumen/").json()}
    assert d.pk not in ids


@pytest.mark.parametrize(
    ("siapa", "harap"), [(None, 401), ("pihak_lain", 404), ("panitera_lain", 404)]
)
def test_daftar_tak_terlihat(persona, diperiksa, klien, siapa, harap):
    pengguna = getattr(persona, siapa) if siapa else None
    r = get(klien, pengguna, f"/api/v1/sengketa/{diperiksa.sengketa.id}/dokumen/")
    assert r.status_code == harap


# --- download ---


def test_pemohon_unduh_panggilannya(persona, diperiksa, klien):
    s = diperiksa.sengketa
    d = panggilan(s, s.pemohon)
    r = get(klien, persona.pemohon, f"/api/v1/dokumen/{d.pk}/unduh/")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Cache-Control"] == "no-store"
    disposisi = r["Content-Disposition"]
    assert disposisi == f'attachment; filename="{d.nama_berkas}"'
    assert d.nama_berkas.endswith(".pdf") and "/" not in d.nama_berkas
    badan = isi_respons(r)
    assert hashlib.sha256(badan).hexdigest() == d.sha256
    # The DOCX with its own content type; whatever the client says it accepts.
    dx = panggilan(s, s.pemohon, "docx")
    klien.force_authenticate(persona.pemohon)
    r = klien.get(f"/api/v1/dokumen/{dx.pk}/unduh/", HTTP_ACCEPT="application/pdf")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument")


def test_unduh_404_untuk_yang_bukan_haknya(
    persona, diperiksa, klien, sinkron, django_capture_on_commit_callbacks
):
    s = diperiksa.sengketa
    # The other party's summons.
    lain = panggilan(s, s.termohon)
    assert get(klien, persona.pemohon, f"/api/v1/dokumen/{lain.pk}/unduh/").status_code == 404
    # Staff-only documents of the own case (the receipt is not among the parties' list).
    tanda = Dokumen.objects.filter(sengketa=s, jenis="tanda_terima").first()
    if tanda is not None and tanda.pihak_id is None:
        assert get(klien, persona.pemohon, f"/api/v1/dokumen/{tanda.pk}/unduh/").status_code == 404
    # Another case, another applicant: nothing of it, not even its list.
    a = diperiksa.aktor
    sk = Skenario(persona.komisi, Aktor(**{**a.__dict__, "pemohon": persona.pihak_lain}))
    with django_capture_on_commit_callbacks(execute=True):
        sk.terima(MULAI, nama="Siti Aminah").registrasi(MULAI)
    akta = Dokumen.objects.get(sengketa=sk.sengketa, jenis="akta_registrasi", format="pdf")
    assert get(klien, persona.pihak_lain, f"/api/v1/dokumen/{akta.pk}/unduh/").status_code == 200
    assert get(klien, persona.pemohon, f"/api/v1/dokumen/{akta.pk}/unduh/").status_code == 404
    assert get(klien, persona.pemohon, f"/api/v1/sengketa/{sk.id}/dokumen/").status_code == 404
    # Staff of another commission, and a document that does not exist.
    d = panggilan(s, s.pemohon)
    assert get(klien, persona.panitera_lain, f"/api/v1/dokumen/{d.pk}/unduh/").status_code == 404
    assert get(klien, persona.panitera, "/api/v1/dokumen/999999/unduh/").status_code == 404
    # Anonymous: 401 (design: not authenticated), never the file.
    r = get(klien, None, f"/api/v1/dokumen/{d.pk}/unduh/")
    assert r.status_code == 401 and r["WWW-Authenticate"] == "Token"


def test_pemohon_tidak_unduh_versi_yang_digantikan(persona, diperiksa, klien):
    s = diperiksa.sengketa
    d = panggilan(s, s.pemohon)
    Dokumen.objects.filter(pk=d.pk).update(status=StatusDokumen.DIGANTIKAN)
    assert get(klien, persona.pemohon, f"/api/v1/dokumen/{d.pk}/unduh/").status_code == 404
    assert get(klien, persona.panitera, f"/api/v1/dokumen/{d.pk}/unduh/").status_code == 200


# --- public verification ---


def test_verifikasi_kode_publik(diperiksa, klien):
    s = diperiksa.sengketa
    d = panggilan(s, s.pemohon)
    r = klien.get(f"/api/v1/verifikasi/{d.kode_verifikasi.lower()}/")
    assert r.status_code == 200
    data = r.json()
    assert data["valid"] is True and data["status"] == "valid"
    assert data["jenis"] == "panggilan" and data["nomor"] == d.nomor
    assert data["komisi"] == s.komisi.nama
    assert data["nomor_register"] == s.nomor_register
    assert data["sha256"] == d.sha256 and data["diterbitkan_pada"]
    assert r["Cache-Control"] == "no-store"
    assert klien.get("/api/v1/verifikasi/TIDAKADA00/").status_code == 404


def test_verifikasi_berkas_satu_byte_berubah_404(diperiksa, klien):
    s = diperiksa.sengketa
    d = panggilan(s, s.pemohon)
    asli = isi(d)
    r = klien.post(
        "/api/v1/verifikasi/berkas/",
        {"berkas": SimpleUploadedFile("p.pdf", asli, "application/pdf")},
        format="multipart",
    )
    assert r.status_code == 200, r.content
    assert r.json()["kode_verifikasi"] == d.kode_verifikasi and r.json()["valid"] is True
    ubah = bytearray(asli)
    ubah[len(ubah) // 2] ^= 0x01
    r = klien.post(
        "/api/v1/verifikasi/berkas/",
        {"berkas": SimpleUploadedFile("p.pdf", bytes(ubah), "application/pdf")},
        format="multipart",
    )
    assert r.status_code == 404


def test_verifikasi_berkas_masukan_salah(db, klien, monkeypatch):
    r = klien.post("/api/v1/verifikasi/berkas/", {}, format="multipart")
    assert r.status_code == 400 and "berkas" in r.json()["errors"]
    monkeypatch.setattr(masukan, "UNGGAH_MAKS", 1000)
    # The Indonesian text once the lead merges /tmp/terjemahan-api.tsv into locale/.
    pesan = masukan.pesan_terlalu_besar()
    assert "20 MB" in pesan
    # Over the limit, read and refused by the serializer.
    r = klien.post(
        "/api/v1/verifikasi/berkas/",
        {"berkas": SimpleUploadedFile("a.pdf", b"x" * 2000, "application/pdf")},
        format="multipart",
    )
    assert r.status_code == 400 and r.json()["errors"] == {"berkas": [pesan]}
    # Far over the limit: refused on Content-Length, before the body is parsed.
    r = klien.post(
        "/api/v1/verifikasi/berkas/",
        {"berkas": SimpleUploadedFile("a.pdf", b"x" * 200_000, "application/pdf")},
        format="multipart",
    )
    assert r.status_code == 400 and r.json()["errors"] == {"berkas": [pesan]}


# --- the summons' document in the hearing responses ---


def test_dokumen_panggilan_di_respons_sidang(
    persona, sinkron, klien, django_capture_on_commit_callbacks
):
    sk = persona.skenario()
    with django_capture_on_commit_callbacks(execute=True):
        sk.terima(MULAI).registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2))
    hari = sk.hk(MULAI, 8)
    mulai = datetime.combine(hari, time(9), tzinfo=zona(persona.komisi.zona_waktu)).isoformat()
    klien.force_authenticate(persona.pp)
    with django_capture_on_commit_callbacks(execute=True):
        r = klien.post(
            f"/api/v1/sengketa/{sk.id}/sidang/",
            {"jenis": "pemeriksaan_awal", "mulai": mulai, "tempat": "Ruang Sidang"},
            format="json",
        )
        assert r.status_code == 201, r.json()
        # Rendered after the commit: pending while the response is built.
        assert all(p["dokumen"] is None for p in r.json()["panggilan"])
    p = r.json()["panggilan"][0]
    body = {"metode": "email", "tanggal": sk.hk(hari, -5).isoformat()}
    r = klien.post(f"/api/v1/panggilan/{p['id']}/diterima/", body, format="json")
    assert r.status_code == 200, r.json()
    d = Dokumen.objects.get(panggilan_id=p["id"], format="pdf", status=StatusDokumen.SIAP)
    dok = r.json()["dokumen"]
    assert dok["id"] == d.pk and dok["kode_verifikasi"] == d.kode_verifikasi
    assert dok["url_unduh"].endswith(f"/api/v1/dokumen/{d.pk}/unduh/")
    assert klien.get(dok["url_unduh"]).status_code == 200
