"""Messages reach people in Indonesian: state labels, typed errors, rule messages, and a
catalogue in which every msgid is translated (a new untranslated string fails CI)."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext

from sengketa import aturan, izin
from sengketa.galat import KonflikBersamaan, TidakBerwenang, TransisiTidakDiizinkan
from sengketa.models import Sengketa, StatusSengketa
from sengketa.models.tenggat import StatusTenggat

PO_ID = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "django.po"

LABEL_STATUS = {
    "diterima": "Diterima",
    "menunggu_kelengkapan": "Menunggu kelengkapan",
    "tidak_diregistrasi": "Tidak diregistrasi",
    "teregistrasi": "Teregistrasi",
    "pemeriksaan_awal": "Pemeriksaan awal",
    "mediasi": "Mediasi",
    "ajudikasi": "Ajudikasi",
    "musyawarah": "Musyawarah majelis",
    "diputus": "Diputus",
    "keberatan_pengadilan": "Keberatan di pengadilan",
    "berkekuatan_hukum_tetap": "Berkekuatan hukum tetap",
    "selesai_mediasi": "Selesai melalui mediasi",
    "tidak_diterima": "Tidak dapat diterima",
    "dilimpahkan": "Dilimpahkan",
    "dicabut": "Dicabut",
    "gugur": "Gugur",
}

LABEL_TENGGAT = {
    "aman": "Aman",
    "mendekati": "Mendekati",
    "hari_ini": "Hari ini",
    "terlewat": "Terlewat",
    "terpenuhi": "Terpenuhi",
}


def test_label_status_sengketa_sesuai_spesifikasi():
    with translation.override("id"):
        label = {kode: str(nama) for kode, nama in StatusSengketa.choices}
    assert label == LABEL_STATUS
    assert len(label) == 16


def test_label_status_tenggat_sesuai_spesifikasi():
    with translation.override("id"):
        label = {kode: str(nama) for kode, nama in StatusTenggat.choices}
    assert label == LABEL_TENGGAT


def test_label_status_tetap_bahasa_inggris_tanpa_terjemahan():
    with translation.override("en"):
        assert StatusSengketa.DICABUT.label == "Withdrawn"


def test_transisi_tidak_diizinkan_berbahasa_indonesia():
    with translation.override("id"):
        pesan = str(TransisiTidakDiizinkan(transisi="registrasi", status="dicabut"))
    assert pesan == "'registrasi' tidak dapat dilakukan selama sengketa berstatus 'dicabut'."


def test_tidak_berwenang_berbahasa_indonesia():
    # Built by the real check: the system (no user) may not register a case.
    with translation.override("id"), pytest.raises(TidakBerwenang) as galat:
        izin.pastikan_boleh(None, Sengketa(status=StatusSengketa.DITERIMA), "registrasi")
    pesan = str(galat.value)
    assert pesan == "Anda tidak berwenang melakukan 'registrasi' pada sengketa ini."
    assert galat.value.kode == "tidak_berwenang"


def test_konflik_bersamaan_berbahasa_indonesia():
    with translation.override("id"):
        assert "pengguna lain" in str(KonflikBersamaan())


def test_label_butir_kelengkapan_berbahasa_indonesia():
    with translation.override("id"):
        label = {butir: str(nama) for butir, nama in aturan.LABEL_BUTIR.items()}
    assert label == {
        "identitas": "identitas Pemohon",
        "bukti_permohonan": "bukti permohonan informasi",
        "bukti_keberatan": "bukti pengajuan keberatan",
        "surat_kuasa": "surat kuasa bagi kuasa Pemohon",
    }


def test_pesan_aturan_berbahasa_indonesia():
    sengketa = Sengketa(
        alasan="a",
        berwenang=None,
        legal_standing_pemohon=True,
        legal_standing_termohon=True,
        dalam_jangka_waktu=False,
    )
    with translation.override("id"):
        mediasi = dict(aturan.boleh_mediasi(sengketa, persetujuan=False))
        pelimpahan = dict(aturan.tidak_berwenang_tercatat(sengketa))
        putusan_sela = dict(aturan.dasar_putusan_sela_tercatat(sengketa, "itikad_tidak_baik", ""))
    assert mediasi["temuan_belum_dicatat"] == "Hasil pemeriksaan awal 'berwenang' belum dicatat."
    assert mediasi["temuan_negatif"] == (
        "Hasil pemeriksaan awal 'dalam_jangka_waktu' tidak terpenuhi."
    )
    assert "UU 14/2008 Pasal 40 ayat (2)" in mediasi["alasan_a_tidak_dapat_dimediasi"]
    assert mediasi["tanpa_persetujuan_para_pihak"] == (
        "Mediasi harus disetujui oleh kedua belah pihak."
    )
    assert pelimpahan["berwenang_tidak_negatif"].startswith("Sengketa hanya dapat dilimpahkan")
    assert "itikad tidak baik" in putusan_sela["catatan_wajib"]


def teks(nilai) -> tuple[str, ...]:
    """A message's id or string as a tuple: plural messages hold one text per form."""
    return tuple(nilai) if isinstance(nilai, list | tuple) else (nilai,)


def baca_katalog():
    with PO_ID.open("rb") as berkas:
        return read_po(berkas, locale="id", abort_invalid=True)


def test_setiap_msgid_diterjemahkan_tanpa_fuzzy():
    katalog = baca_katalog()
    pesan = [m for m in katalog if m.id]
    assert pesan, "katalog bahasa Indonesia kosong"
    belum = [m.id for m in pesan if not all(t and t.strip() for t in teks(m.string))]
    fuzzy = [m.id for m in pesan if m.fuzzy]
    assert belum == [], f"belum diterjemahkan: {belum}"
    assert fuzzy == [], f"masih fuzzy (periksa lalu hapus tandanya): {fuzzy}"
    assert not katalog.fuzzy


def test_placeholder_terjemahan_sama_dengan_aslinya():
    pola = re.compile(r"%\(\w+\)[sd]")

    def cocok(m, terjemahan: str) -> bool:
        ada = set(pola.findall(terjemahan))
        if m.pluralizable:
            # One Indonesian form serves both English forms (nplurals=1): it keeps what both
            # forms say and uses nothing the caller does not pass (gettext's own check also
            # holds it to the singular's names, e.g. viewflow's "Export the %(name)s").
            tunggal, banyak = m.id
            bersama = set(pola.findall(tunggal)) & set(pola.findall(banyak))
            return bersama <= ada <= set(pola.findall(tunggal + banyak))
        return ada == set(pola.findall(m.id))

    beda = [
        m.id
        for m in baca_katalog()
        if m.id
        for terjemahan in teks(m.string)
        if not cocok(m, terjemahan)
    ]
    assert beda == []


def test_rujukan_hukum_dalam_bentuk_indonesia():
    sisa = [m.id for m in baca_katalog() if m.id and "Article" in " ".join(teks(m.string))]
    assert sisa == []


def test_bentuk_jamak_memakai_satu_bentuk():
    # Indonesian has one plural form (nplurals=1): every count reads the same translation.
    jamak = [m for m in baca_katalog() if m.id and m.pluralizable]
    with translation.override("id"):
        for m in jamak:
            tunggal, banyak = m.id
            assert ngettext(tunggal, banyak, 1) == ngettext(tunggal, banyak, 3) == m.string[0]
