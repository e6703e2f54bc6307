"""Schemathesis against the API's own OpenAPI schema (issue 5, design/api-v1.md).

The schema is read from the app itself (`/api/schema/` through the WSGI application, no
server), and every operation is called with a bounded number of generated requests
(`SCHEMATHESIS_CONTOH`, default 15) from a fixed seed, derandomized, with the Hypothesis
database off, as the registrar (panitera) of a commission that has cases in many states.
Every response must not be a 5xx and must match the schema: its status code and content
type are documented, and its body validates against the documented schema.

Data is built once for the module inside a transaction rolled back at the end (the pattern
of Django's `setUpTestData`); each operation's test runs in pytest-django's own transaction
on top of it, and each generated request in a savepoint of its own, so that the requests do
not depend on one another and a failure replays the same way. Purely random ids and names
would only ever meet 404s and "unknown" 400s, so the hooks below send about half of the
requests to real objects: real case, hearing, summons and document ids, commission codes,
usernames, party ids, and the bytes of an issued document.
"""

import os
from contextlib import contextmanager
from itertools import pairwise

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import TestCase, override_settings
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token

from config.wsgi import application

CONTOH = int(os.environ.get("SCHEMATHESIS_CONTOH", "15"))
BENIH = 20240306

KONFIGURASI = schemathesis.Config.from_dict(
    {
        "seed": BENIH,
        "generation": {
            "max-examples": CONTOH,
            "deterministic": True,
            "database": "none",
            # Our token (below) is the credential; no generated Authorization replaces it.
            "with-security-parameters": False,
        },
        # Both would multiply the requests well beyond the bound (and the time in CI).
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
    }
)

skema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, config=KONFIGURASI)

PERIKSA = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]

# Real values, filled by the `data` fixture and emptied after it.
NYATA: dict[str, list] = {}

ID_JALUR = {
    "/api/v1/sengketa/": "sengketa",
    "/api/v1/sidang/": "sidang",
    "/api/v1/panggilan/": "panggilan",
    "/api/v1/dokumen/": "dokumen",
    "/api/v1/verifikasi/": "kode",
}

# Body and query fields -> the kind of real value that may replace a generated one.
MEDAN_NYATA = {
    "komisi": "komisi",
    "komisi_tujuan": "komisi",
    "ketua_majelis": "pengguna",
    "panitera_pengganti": "pengguna",
    "mediator": "pengguna",
    "anggota": "anggota",
    "pihak": "pihak",
    "termohon": "termohon",
    "berkas": "berkas",
    "tanggal": "tanggal",
    "tanggal_diterima": "tanggal",
    "tanggal_surat": "tanggal",
    "tanggal_musyawarah": "tanggal",
    "dari": "tanggal",
    "sampai": "tanggal",
    "tahun": "tahun",
}


def _separuh_nyata(asli: dict, ganti: dict) -> st.SearchStrategy:
    """The generated value with its known fields replaced by real values, or as generated.
    (The real branch first: Hypothesis leans to a `one_of`'s first branch.)"""
    if not ganti:
        return st.just(asli)
    nyata = st.fixed_dictionaries(ganti).map(lambda g: {**asli, **g})
    return st.one_of(nyata, st.just(asli))


def _pilihan(nilai: dict, kunci) -> dict:
    return {k: st.sampled_from(NYATA[MEDAN_NYATA[k]]) for k in kunci if NYATA.get(MEDAN_NYATA[k])}


@skema.hook
def flatmap_path_parameters(context, path_parameters):
    if not path_parameters:
        return st.just(path_parameters)
    jenis = next((j for awal, j in ID_JALUR.items() if context.operation.path.startswith(awal)), "")
    nama = "kode" if jenis == "kode" else "id"
    if nama not in path_parameters or not NYATA.get(jenis):
        return st.just(path_parameters)
    return _separuh_nyata(path_parameters, {nama: st.sampled_from(NYATA[jenis])})


@skema.hook
def flatmap_query(context, query):
    if not isinstance(query, dict):
        return st.just(query)
    return _separuh_nyata(query, _pilihan(query, [k for k in query if k in MEDAN_NYATA]))


@skema.hook
def flatmap_body(context, body):
    if not isinstance(body, dict):
        return st.just(body)
    return _separuh_nyata(body, _pilihan(body, [k for k in body if k in MEDAN_NYATA]))


@contextmanager
def _tanpa_tutup_koneksi():
    """The WSGI handler closes "old" connections when a request starts and ends, which in a
    test's transaction would drop it; Django's own test client disconnects the same."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _isi_nyata(persona):
    from dokumen.models import Dokumen, StatusDokumen
    from sengketa.models import BadanPublik, KomisiInformasi, Panggilan, Pihak, Sengketa, Sidang

    staf = [*persona.komisioner, persona.pp, persona.ketua, persona.panitera_lain]
    terbit = Dokumen.objects.filter(status=StatusDokumen.SIAP).order_by("id")
    berkas = []
    for d in terbit[:2]:
        with d.berkas.open("rb") as f:
            berkas.append(f.read())
    NYATA.update(
        sengketa=list(Sengketa.objects.values_list("pk", flat=True)),
        sidang=list(Sidang.objects.values_list("pk", flat=True)),
        panggilan=list(Panggilan.objects.values_list("pk", flat=True)),
        dokumen=list(Dokumen.objects.values_list("pk", flat=True)),
        kode=list(Dokumen.objects.values_list("kode_verifikasi", flat=True)),
        komisi=list(KomisiInformasi.objects.values_list("kode", flat=True)),
        pengguna=[u.username for u in staf],
        anggota=[[a.username, b.username] for a, b in pairwise(staf)],
        pihak=list(Pihak.objects.values_list("pk", flat=True)),
        termohon=[{"badan_publik": pk} for pk in BadanPublik.objects.values_list("pk", flat=True)],
        berkas=[*berkas, b"%PDF-1.7 bukan dokumen terbitan"],
        tanggal=["2024-03-06", "2024-03-20", "2024-04-30", "2024-06-03", "2024-07-15"],
        tahun=[2024],
    )


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker, tmp_path_factory):
    """A commission with cases from `diterima` to `diputus`, with their hearings,
    summonses and issued documents; the Authorization header of its registrar."""
    from sengketa.libur import muat_csv
    from sengketa.models import StatusSengketa as S
    from tests.conftest import Persona
    from tests.factories import BadanPublikFactory, KomisiFactory
    from tests.kasus import kasus

    tetapan = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        Q_CLUSTER={"name": "uji-schemathesis", "sync": True, "orm": "default"},
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        SITE_URL="https://sengketa.example.org",
    )
    with django_db_blocker.unblock(), tetapan, _tanpa_tutup_koneksi():
        luar = transaction.atomic()
        luar.__enter__()
        try:
            muat_csv()
            kaltim = KomisiFactory()
            BadanPublikFactory(komisi=kaltim, nama="Pemerintah Provinsi Kalimantan Timur")
            pusat = KomisiFactory(kode="KI-PUSAT", nama="Komisi Informasi Pusat",
                                  tingkat="pusat", zona_waktu="Asia/Jakarta")  # fmt: skip
            BadanPublikFactory(komisi=pusat, nama="Kementerian Contoh")
            persona = Persona(kaltim, pusat)
            with TestCase.captureOnCommitCallbacks(execute=True):
                for status in (
                    S.DITERIMA,
                    S.MENUNGGU_KELENGKAPAN,
                    S.TEREGISTRASI,
                    S.PEMERIKSAAN_AWAL,
                    S.MEDIASI,
                    S.AJUDIKASI,
                    S.MUSYAWARAH,
                    S.DIPUTUS,
                ):
                    kasus(persona, status)
            _isi_nyata(persona)
            token = Token.objects.create(user=persona.panitera).key
            yield {"Authorization": f"Token {token}"}
        finally:
            NYATA.clear()
            transaction.set_rollback(True)
            luar.__exit__(None, None, None)


@pytest.fixture
def kepala(data, db):
    with _tanpa_tutup_koneksi():
        yield data


@skema.parametrize()
@settings(
    # The fixture (module data, this test's transaction) is the same for every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_sesuai_skema(case, kepala):
    cache.clear()  # the throttles count per client: every request starts afresh
    with transaction.atomic():
        case.call_and_validate(headers=kepala, checks=PERIKSA)
        transaction.set_rollback(True)


def test_skema_memuat_setiap_operasi():
    """The run covers the API: every operation of the schema is collected above, the
    transitions of the spec included (a route left out of the schema would be skipped)."""
    from workflows.layanan import LAYANAN_TRANSISI

    label = {op.ok().label for op in skema.get_all_operations()}
    for nama in LAYANAN_TRANSISI:
        assert f"POST /api/v1/sengketa/{{id}}/transisi/{nama}/" in label
    assert {"GET /api/v1/sengketa/", "POST /api/v1/verifikasi/berkas/"} <= label
    assert len(label) >= 40
