"""Import of an existing register (issue 7): column detection, reading XLSX/CSV, every
rejection reason of the dry run, historical cases entered through the services with their
dates, idempotent re-runs, the round trip export -> import -> export, the back-office
wizard and the management command.

Messages are asserted in English (`translation.override("en")`): the Indonesian wording
lives in the catalogue, which the lead merges separately."""

import csv
import io
from dataclasses import asdict
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from dokumen.models import Dokumen
from dokumen.render.buku_register import xlsx_buku_register
from sengketa.models import (
    BadanPublik,
    Penghitung,
    RiwayatStatus,
    Sengketa,
    Tenggat,
)
from sengketa.models import StatusSengketa as S
from sengketa.register import buku_register
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI, kasus
from workflows import layanan as L
from workflows.impor import nilai as N
from workflows.impor.baca import baca_berkas
from workflows.impor.jalankan import DIBUAT, jalankan_rencana
from workflows.impor.kolom import deteksi
from workflows.impor.rencana import BUAT, SUDAH_ADA, TOLAK, susun_rencana
from workflows.impor.tugas import jalankan_berkas
from workflows.models import Notifikasi

pytestmark = pytest.mark.django_db

PEMPROV = "Pemerintah Provinsi Kalimantan Timur"


@pytest.fixture(autouse=True)
def _inggris():
    with translation.override("en"):
        yield


def nama(u) -> str:
    return u.get_full_name()


def majelis(persona) -> str:
    a = persona.aktor
    return f"{nama(a.ketua_majelis)} (Ketua); {nama(a.anggota[0])}; {nama(a.anggota[1])}"


def xlsx(judul: list[str], baris: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(judul)
    for b in baris:
        ws.append(b)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rencanakan(isi: bytes, komisi, oleh, nama_berkas="register.xlsx", **kw):
    tabel = baca_berkas(isi, nama_berkas)
    return susun_rencana(tabel, deteksi(tabel.judul), komisi, oleh=oleh, **kw)


def per_baris(rencana) -> dict:
    return {b.nomor_baris: b for b in rencana.baris}


# --- columns and cells ---


def test_deteksi_kolom_dari_nama_judul_yang_umum():
    judul = [
        "No",
        "No. Register",
        "Tgl Register",
        "Tanggal Masuk",
        "Nama Pemohon",
        "Badan Publik",
        "Pokok Permohonan",
        "Alasan",
        "Status",
        "Putusan",
        "Tanggal Putusan",
        "Tanggal Keberatan",
        "Keberatan ke Pengadilan",
        "Majelis",
        "PP",
        "Kolom Lain",
    ]
    assert deteksi(judul) == {
        "nomor_register": 1,
        "tanggal_registrasi": 2,
        "tanggal_diterima": 3,
        "pemohon": 4,
        "termohon": 5,
        "informasi": 6,
        "alasan": 7,
        "tahapan": 8,
        "hasil": 9,
        "tanggal_selesai": 10,
        "tanggal_keberatan": 11,
        "keberatan": 12,
        "majelis": 13,
        "panitera_pengganti": 14,
    }


def test_baca_csv_windows_1252_titik_koma_dan_judul_di_baris_kedua():
    teks = (
        "Buku Register KI Kaltim 2024;;;\n"
        "No. Register;Pemohon;Termohon;Tanggal Diterima\n"
        "001/REG;Andi Ménéndez;Dinas A;06/03/2024\n"
        ";;;\n"
        '002/REG;"Budi; dkk";Dinas B;7 Maret 2024\n'
    ).encode("cp1252")
    tabel = baca_berkas(teks, "register.csv")
    assert tabel.judul == ["No. Register", "Pemohon", "Termohon", "Tanggal Diterima"]
    assert [n for n, _b in tabel.baris] == [3, 5]
    assert tabel.baris[0][1][1] == "Andi Ménéndez"
    assert tabel.baris[1][1][1] == "Budi; dkk"


def test_nilai_tanggal_nama_dan_sidang():
    assert N.tanggal("6 Maret 2024", "x") == date(2024, 3, 6)
    assert N.tanggal("Rabu, 6 Maret 2024", "x") == date(2024, 3, 6)
    assert N.tanggal("06/03/2024", "x") == date(2024, 3, 6)
    assert N.tanggal("2024-03-06", "x") == date(2024, 3, 6)
    assert N.tanggal("6 Agt 2024", "x") == date(2024, 8, 6)
    assert N.tanggal(45357, "x") == date(2024, 3, 6)  # an Excel serial date
    with pytest.raises(N.NilaiTidakValid, match="Unreadable date in column x: 31/02/2024"):
        N.tanggal("31/02/2024", "x")
    assert N.daftar_nama("Dr. Ani, S.H., M.H. (Ketua); Budi\nKetua Majelis: Cici") == [
        N.Nama("Dr. Ani, S.H., M.H.", "ketua"),
        N.Nama("Budi"),
        N.Nama("Cici", "ketua"),
    ]
    assert N.alasan("c, e") == ["c", "e"] == N.alasan("c. tidak ditanggapinya\ne. ...")
    sidang = N.sidang("20 Maret 2024 (Pemeriksaan awal, Pemohon tidak hadir)\n18/04/2024", "x")
    assert [(e.tanggal, e.jenis, e.kehadiran) for e in sidang] == [
        (date(2024, 3, 20), "pemeriksaan_awal", {"pemohon": "tidak_hadir_tanpa_alasan"}),
        (date(2024, 4, 18), None, {}),
    ]


# --- the dry run ---

JUDUL = [
    "No. Register", "Tanggal Diterima", "Tanggal Registrasi", "Pemohon", "Termohon",
    "Informasi yang Diminta", "Alasan", "Majelis Komisioner", "Panitera Pengganti", "Sidang",
    "Tahapan", "Hasil", "Tanggal Putusan", "Mediator",
]  # fmt: skip


def baris(persona, **isi) -> list:
    dasar = {
        "No. Register": "",
        "Tanggal Diterima": "06/03/2024",
        "Tanggal Registrasi": "",
        "Pemohon": "Budi",
        "Termohon": PEMPROV,
        "Informasi yang Diminta": "Dokumen kontrak",
        "Alasan": "c",
        "Majelis Komisioner": "",
        "Panitera Pengganti": "",
        "Sidang": "",
        "Tahapan": "Diterima",
        "Hasil": "",
        "Tanggal Putusan": "",
        "Mediator": "",
    }
    dasar.update(isi)
    return [dasar[j] for j in JUDUL]


def reg(nomor: str) -> dict:
    return {"No. Register": nomor, "Tanggal Registrasi": "06/03/2024"}


def diputus(persona, **isi) -> list:
    return baris(
        persona,
        **{
            "No. Register": "050/REG-PSI/KI-KALTIM/III/2024",
            "Tanggal Registrasi": "06/03/2024",
            "Majelis Komisioner": majelis(persona),
            "Panitera Pengganti": nama(persona.pp),
            "Sidang": "20/03/2024; 18/04/2024; 03/05/2024",
            "Tahapan": "Diputus",
            "Hasil": "Dikabulkan seluruhnya",
            "Tanggal Putusan": "03/05/2024",
            **isi,
        },
    )


def test_setiap_alasan_penolakan_dan_uji_coba_tidak_menyimpan(persona):
    p = persona
    isi = xlsx(
        JUDUL,
        [
            baris(p, Pemohon="Baik", Tahapan="Diterima"),  # 2
            baris(p, Pemohon=""),  # 3
            baris(p, Pemohon="C", **{"Tanggal Diterima": "32/13/2024"}),  # 4
            baris(
                p, Pemohon="D", Tahapan="Teregistrasi",
                **{"No. Register": "010/REG", "Tanggal Registrasi": "01/03/2024"},
            ),  # 5
            baris(p, Pemohon="E", Termohon="Dinas Antah Berantah"),  # 6
            diputus(p, Pemohon="F", Hasil="Entah"),  # 7
            baris(p, Pemohon="G", Tahapan="Teregistrasi", **reg("011/REG")),  # 8
            baris(p, Pemohon="H", Tahapan="Teregistrasi", **reg("011/REG")),  # 9
            baris(p, Pemohon="I", Tahapan="Sedang diproses"),  # 10
            diputus(p, Pemohon="J", **{"No. Register": "051/R", "Majelis Komisioner":
                                       "Siapa Saja (Ketua); X; Y"}),  # 11
            diputus(p, Pemohon="K", **{"No. Register": "052/R",
                                       "Sidang": "24/03/2024; 18/04/2024"}),  # 12: a Sunday
            baris(p, Pemohon="L", Tahapan="Dilimpahkan"),  # 13
            baris(p, Pemohon="M", Alasan="z"),  # 14
            diputus(p, Pemohon="N", **{"No. Register": "053/R", "Sidang": "20/03/2024"}),  # 15
            diputus(p, Pemohon="O", **{"No. Register": "054/R", "Tanggal Putusan": ""}),  # 16
            baris(p, Pemohon="P", Tahapan="Teregistrasi", **reg("012/REG")),  # 17
            baris(p, Pemohon="Q", Tahapan="Selesai melalui mediasi", **{
                "No. Register": "013/REG", "Tanggal Registrasi": "06/03/2024",
                "Majelis Komisioner": majelis(p), "Panitera Pengganti": nama(p.pp),
                "Mediator": nama(p.aktor.mediator), "Sidang": "20/03/2024; 26/03/2024",
                "Tanggal Putusan": "15/03/2024"}),  # 18
            baris(p, Pemohon="R", Tahapan="Dicabut", **reg("014/REG"), **{  # 19
                "Hasil": "Dicabut atas surat tanggal 7 Maret 2024: sudah dipenuhi",
                "Tanggal Putusan": "08/03/2024"}),
        ],
    )  # fmt: skip
    sebelum = (Sengketa.objects.count(), BadanPublik.objects.count(), RiwayatStatus.objects.count())

    rencana = per_baris(rencanakan(isi, persona.komisi, persona.panitera))

    assert {n for n, b in rencana.items() if b.keadaan == BUAT} == {2, 17, 19}
    cabut = rencana[19].langkah[-1]
    assert (cabut.jenis, cabut.tanggal, cabut.data["tanggal_surat"], cabut.data["alasan"]) == (
        "cabut",
        date(2024, 3, 8),
        date(2024, 3, 7),
        "sudah dipenuhi",
    )
    alasan = {n: " ".join(b.alasan) for n, b in rencana.items()}
    assert "Column Pemohon is empty." in alasan[3]
    assert "Unreadable date in column Tanggal Diterima: 32/13/2024." in alasan[4]
    assert "The date 1 Maret 2024 is before the application was received." in alasan[5]
    assert "Unknown respondent: Dinas Antah Berantah." in alasan[6]
    assert "Unknown outcome: Entah." in alasan[7]
    assert "Register number 011/REG appears more than once in the file (rows 8, 9)." in alasan[8]
    assert rencana[9].keadaan == TOLAK and "rows 8, 9" in alasan[9]
    assert "Unknown stage: Sedang diproses." in alasan[10]
    assert "No user of this commission named Siapa Saja may act as panel member." in alasan[11]
    assert "The hearing of 24 Maret 2024 is not on a working day" in alasan[12]
    assert "Transferred cases are not imported" in alasan[13]
    assert "Unknown reasons: z" in alasan[14]
    assert "after an adjudication hearing" in alasan[15]
    assert "needs the date of its ruling or final act" in alasan[16]
    assert (
        "Dates out of order: Mediation succeeded on 15 Maret 2024 comes before Start mediation"
        " on 20 Maret 2024." in alasan[18]
    )
    assert (
        Sengketa.objects.count(),
        BadanPublik.objects.count(),
        RiwayatStatus.objects.count(),
    ) == sebelum


def test_termohon_baru_dibuat_hanya_jika_diminta(persona):
    isi = xlsx(JUDUL, [baris(persona, Termohon="Desa Sukamaju")])
    ditolak = rencanakan(isi, persona.komisi, persona.panitera)
    assert ditolak.baris[0].keadaan == TOLAK
    rencana = rencanakan(isi, persona.komisi, persona.panitera, buat_badan_publik=True)
    assert rencana.baris[0].keadaan == BUAT
    assert rencana.badan_publik_baru == ["Desa Sukamaju"]
    assert not BadanPublik.objects.filter(nama="Desa Sukamaju").exists()

    jalankan_rencana(rencana, persona.komisi, persona.panitera)

    badan = BadanPublik.objects.get(nama="Desa Sukamaju")
    assert (badan.komisi, badan.kategori) == (persona.komisi, "lainnya")
    assert Sengketa.objects.get().termohon.badan_publik == badan


# --- the import ---


def test_impor_membuat_kasus_historis_dengan_riwayat_dan_tenggat(persona, kaltim):
    p = persona
    judul = [*JUDUL, "Penerimaan Salinan", "Tanggal BHT"]
    isi = xlsx(
        judul,
        [
            # A ruling, final, from a paper register: hearing types not written.
            [*diputus(p, **{"No. Register": "010/REG-PSI/KI-KALTIM/III/2024",
                            "Tahapan": "Inkracht", "Hasil": "Dikabulkan sebagian"}),
             "Pemohon: 07/05/2024; Termohon: 08/05/2024", date(2024, 6, 6)],
            # Lapsed: the applicant missed two hearings.
            [*baris(p, Pemohon="Gugur", **reg("011/REG-PSI/KI-KALTIM/III/2024"), **{
                "Majelis Komisioner": majelis(p), "Panitera Pengganti": nama(p.pp),
                "Sidang": "20 Maret 2024 (Pemeriksaan awal, Pemohon tidak hadir)\n"
                          "26 Maret 2024 (Pemeriksaan awal, Pemohon tidak hadir)",
                "Tahapan": "Gugur", "Tanggal Putusan": "26/03/2024"}), "", ""],
            # Settled by mediation, no performance period written.
            [*baris(p, Pemohon="Damai", **reg("012/REG-PSI/KI-KALTIM/III/2024"), **{
                "Majelis Komisioner": majelis(p), "Panitera Pengganti": nama(p.pp),
                "Sidang": "20/03/2024; 26/03/2024", "Tahapan": "Mediasi berhasil",
                "Hasil": "Putusan mediasi", "Tanggal Putusan": "26/03/2024",
                "Mediator": nama(p.aktor.mediator)}), "", ""],
            # Still incomplete, never registered.
            [*baris(p, Pemohon="Kurang", Tahapan="Menunggu kelengkapan"), "", ""],
        ],
    )  # fmt: skip
    rencana = rencanakan(isi, kaltim, p.panitera)
    assert [b.keadaan for b in rencana.baris] == [BUAT] * 4, [b.alasan for b in rencana.baris]
    assert any("14 working days are assumed" in w for w in rencana.baris[2].peringatan)

    hasil = jalankan_rencana(rencana, kaltim, p.panitera)

    assert [b.keadaan for b in hasil.baris] == [DIBUAT] * 4, [b.pesan for b in hasil.baris]
    s = Sengketa.objects.get(nomor_register="010/REG-PSI/KI-KALTIM/III/2024")
    assert s.status == S.BERKEKUATAN_HUKUM_TETAP
    assert (s.jalur, s.amar, s.nomor_urut_register) == ("A", "dikabulkan_sebagian", 10)
    assert (s.tanggal_registrasi, s.tanggal_putusan, s.tanggal_inkracht) == (
        MULAI,
        date(2024, 5, 3),
        date(2024, 6, 6),
    )
    langkah = list(
        s.riwayat.filter(ubah_status=True).values_list("transisi", "tanggal", "oleh", "atas_nama")
    )
    assert [(t, d) for t, d, _o, _a in langkah] == [
        ("terima", MULAI),
        ("registrasi", MULAI),
        ("tetapkan_majelis", MULAI),
        ("mulai_ajudikasi", date(2024, 3, 20)),
        ("tutup_pemeriksaan", date(2024, 4, 18)),
        ("bacakan_putusan", date(2024, 5, 3)),
        ("nyatakan_inkracht", date(2024, 6, 6)),
    ]
    oleh = {t: o for t, _d, o, _a in langkah}
    assert oleh["registrasi"] == p.panitera.pk  # the registry's step: the importer
    assert oleh["tetapkan_majelis"] == p.ketua.pk  # the chair appoints the panel
    assert oleh["bacakan_putusan"] == p.pp.pk  # the PP records the majelis' decisions
    assert all(a == f"Register import by {nama(p.panitera)}" for t, _d, _o, a in langkah[1:])
    assert [sd.jenis for sd in s.sidang.order_by("mulai")] == [
        "pemeriksaan_awal",
        "pembuktian",
        "pembacaan_putusan",
    ]
    # Deadlines on the 2024 calendar (kalender.md: 100 HK after 6 March 2024).
    tenggat = {t.kode: t for t in Tenggat.objects.filter(sengketa=s, pihak=None, sidang=None)}
    assert tenggat["penyelesaian"].tanggal == date(2024, 8, 15)
    assert tenggat["penyelesaian"].terpenuhi_pada == date(2024, 5, 3)
    keberatan = Tenggat.objects.filter(sengketa=s, kode="keberatan").order_by("pihak__peran")
    # 14 HK from the receipts of 7 and 8 May, over Ascension, Vesak and their cuti bersama.
    assert [t.tanggal for t in keberatan] == [date(2024, 5, 31), date(2024, 6, 3)]

    gugur = Sengketa.objects.get(nomor_register="011/REG-PSI/KI-KALTIM/III/2024")
    assert (gugur.status, gugur.tanggal_selesai) == (S.GUGUR, date(2024, 3, 26))
    damai = Sengketa.objects.get(nomor_register="012/REG-PSI/KI-KALTIM/III/2024")
    assert (damai.status, damai.jangka_waktu_pelaksanaan) == (S.SELESAI_MEDIASI, 14)
    kurang = Sengketa.objects.get(nomor_register="", pihak__nama="Kurang")
    assert kurang.status == S.MENUNGGU_KELENGKAPAN

    # The numbers were kept, and the counter moved past them: the next one is 013.
    assert Penghitung.objects.get(komisi=kaltim, seri="register", tahun=2024).terakhir == 12
    baru = p.skenario().terima(date(2024, 7, 1), nama="Baru").registrasi(date(2024, 7, 1))
    assert baru.sengketa.nomor_register == "013/REG-PSI/KI-KALTIM/VII/2024"
    # Historical cases issue no document and notify nobody.
    assert not Dokumen.objects.exists()
    assert not Notifikasi.objects.exists()


def test_impor_ulang_tidak_membuat_apa_pun_dua_kali(persona):
    isi = xlsx(
        JUDUL,
        [
            baris(persona, Pemohon="Satu"),
            baris(persona, Pemohon="Dua", Tahapan="Teregistrasi", **{
                "No. Register": "007/REG-PSI/KI-KALTIM/III/2024", "Tanggal Registrasi": "07/03/2024"
            }),
        ],
    )  # fmt: skip
    pertama = jalankan_rencana(
        rencanakan(isi, persona.komisi, persona.panitera), persona.komisi, persona.panitera
    )
    assert pertama.jumlah(DIBUAT) == 2

    ulang = rencanakan(isi, persona.komisi, persona.panitera)
    assert [b.keadaan for b in ulang.baris] == [SUDAH_ADA, SUDAH_ADA]
    assert (
        "Already imported: register number 007/REG-PSI/KI-KALTIM/III/2024"
        in (ulang.baris[1].alasan[0])
    )
    kedua = jalankan_rencana(ulang, persona.komisi, persona.panitera)
    assert kedua.jumlah(DIBUAT) == 0
    assert Sengketa.objects.filter(komisi=persona.komisi).count() == 2


# --- the round trip ---


def _staf_kembar(persona, komisi):
    """Commission B's people bear the names of A's: the register names people."""
    a = persona.aktor
    for u in (a.ketua_majelis, *a.anggota, a.mediator):
        kembar = pengguna_dengan_peran(komisi, "komisioner")
        kembar.first_name, kembar.last_name = u.first_name, u.last_name
        kembar.save()
    pp = pengguna_dengan_peran(komisi, "panitera_pengganti")
    pp.first_name, pp.last_name = a.pp.first_name, a.pp.last_name
    pp.save()


def _kasus_a(persona):
    """Cases of commission A on several paths, with historical dates."""
    kasus(persona, S.BERKEKUATAN_HUKUM_TETAP)  # mediation failed, then adjudication
    kasus(persona, S.SELESAI_MEDIASI)
    kasus(persona, S.KEBERATAN_PENGADILAN)
    kasus(persona, S.GUGUR)
    kasus(persona, S.TIDAK_DITERIMA)
    kasus(persona, S.TIDAK_DIREGISTRASI)
    # Adjudication directly (reason a cannot be mediated), read and taken to court, where
    # the ruling became final.
    sk = persona.skenario().terima(MULAI, alasan=("a", "e"), nama="Rina")
    sk.registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2)).pemeriksaan_awal(sk.hk(MULAI, 8))
    sk.sengketa = L.sengketa_mulai_ajudikasi(
        sengketa_id=sk.id, oleh=persona.pp, tanggal=sk.hk(MULAI, 8)
    )
    sk.tutup_pemeriksaan(sk.hk(MULAI, 15)).bacakan_putusan(sk.hk(MULAI, 25), amar="ditolak")
    d = sk.sengketa.tanggal_putusan
    sk.salinan_diterima(sk.hk(d, 1))
    sk.sengketa = L.sengketa_catat_keberatan(
        sengketa_id=sk.id, oleh=persona.panitera, pengadilan="PTUN Samarinda",
        nomor_perkara="20/G/KI/2024/PTUN.SMD", pihak=sk.sengketa.pemohon.pk, tanggal=sk.hk(d, 4),
    )  # fmt: skip
    sk.sengketa = L.sengketa_catat_putusan_pengadilan(
        sengketa_id=sk.id, oleh=persona.panitera, pengadilan="PTUN Samarinda",
        nomor="20/G/KI/2024/PTUN.SMD", hasil="Menguatkan putusan Komisi Informasi", final=True,
        tanggal=sk.hk(d, 40),
    )  # fmt: skip
    # Withdrawn during the examination: its number is struck out.
    sk = persona.skenario().terima(MULAI, nama="Sari").registrasi(MULAI)
    sk.tetapkan_majelis(MULAI)
    L.sengketa_cabut(
        sengketa_id=sk.id, oleh=persona.pp, tanggal_surat=date(2024, 3, 8),
        alasan="Informasi telah diterima", tanggal=date(2024, 3, 11),
    )  # fmt: skip
    # Received, incomplete, still waiting; and one withdrawn before registration.
    sk = persona.skenario().terima(date(2024, 4, 1), nama="Tono", lengkap=False)
    L.sengketa_minta_kelengkapan(
        sengketa_id=sk.id, oleh=persona.panitera, kekurangan=["identitas"],
        tanggal=date(2024, 4, 1),
    )  # fmt: skip
    sk = persona.skenario().terima(date(2024, 4, 2), nama="Umi")
    L.sengketa_cabut(
        sengketa_id=sk.id, oleh=persona.pemohon, tanggal_surat=date(2024, 4, 2),
        alasan="Tidak jadi", tanggal=date(2024, 4, 3),
    )  # fmt: skip


def test_round_trip_ekspor_impor_ekspor_baris_identik(persona, pusat):
    _kasus_a(persona)
    a = buku_register(persona.komisi, tahun=2024)
    assert len(a.baris) == 10
    _staf_kembar(persona, pusat)
    assert not Sengketa.objects.filter(komisi=pusat).exists()  # B is empty

    berkas = xlsx_buku_register(a)
    rencana = rencanakan(berkas, pusat, persona.panitera_lain, buat_badan_publik=True)
    assert [b.alasan for b in rencana.baris if b.keadaan != BUAT] == []
    hasil = jalankan_rencana(rencana, pusat, persona.panitera_lain)
    assert hasil.jumlah(DIBUAT) == 10, [b.pesan for b in hasil.baris]

    b = buku_register(pusat, tahun=2024)

    # Every column is equal: the numbers are kept, the people and public bodies bear the
    # same names. What legitimately differs lies outside the register's columns: the case
    # ids, B's letter and decree numbers, and the dates the register does not record
    # (panel appointment, deliberation), which the import takes from the nearest fact.
    def kolom(buku):
        return [{k: v for k, v in asdict(x).items() if k != "sengketa_id"} for x in buku.baris]

    assert kolom(b) == kolom(a)
    assert xlsx_buku_register(b) != b""
    # And a second import of the same file into B creates nothing.
    ulang = rencanakan(berkas, pusat, persona.panitera_lain, buat_badan_publik=True)
    assert {x.keadaan for x in ulang.baris} == {SUDAH_ADA}


# --- the back-office wizard and the command ---

IMPOR = reverse("kantor:impor")


def _unggah(client, isi: bytes, nama_berkas="register.xlsx"):
    berkas = io.BytesIO(isi)
    berkas.name = nama_berkas
    return client.post(IMPOR, {"berkas": berkas})


def test_wizard_unggah_kolom_uji_coba_konfirmasi(client, persona, sinkron, settings):
    isi = xlsx(
        ["No. Register", "Tgl Masuk", "Tgl Register", "Nama Pemohon", "Badan Publik",
         "Pokok Permohonan", "Alasan", "Status"],
        [["", "06/03/2024", "", "Wati", PEMPROV, "Data", "c", "Diterima"],
         ["", "06/03/2024", "", "Yudi", "Tidak Dikenal", "Data", "c", "Diterima"]],
    )  # fmt: skip
    client.force_login(persona.panitera)
    assert client.get(IMPOR).status_code == 200
    unggah = _unggah(client, isi)
    assert unggah.status_code == 302
    folder = settings.MEDIA_ROOT / "impor"
    assert len(list(folder.iterdir())) == 1

    pemetaan = client.get(reverse("kantor:impor_pemetaan"))
    form = pemetaan.context["form"]
    assert form.initial["kolom_pemohon"] == "3" and form.initial["kolom_termohon"] == "4"
    data = {k: v for k, v in form.initial.items() if k.startswith("kolom_")}
    # The user drops the Status mapping: a required field -> the form says so.
    tanpa_status = client.post(reverse("kantor:impor_pemetaan"), {**data, "kolom_tahapan": ""})
    assert tanpa_status.status_code == 400
    kembar = client.post(reverse("kantor:impor_pemetaan"), {**data, "kolom_informasi": "3"})
    assert kembar.status_code == 400
    assert client.post(reverse("kantor:impor_pemetaan"), data).status_code == 302

    pratinjau = client.get(reverse("kantor:impor_pratinjau"))
    teks = pratinjau.content.decode()
    assert 'data-dibuat="1" data-ditolak="1" data-sudah-ada="0"' in teks
    assert "Termohon tidak dikenal: Tidak Dikenal." in teks
    assert not Sengketa.objects.exists()

    # The import runs as a task (in-process here); the result page shows what it did.
    jalankan = client.post(reverse("kantor:impor_jalankan"))
    assert jalankan.status_code == 302 and jalankan.url == reverse("kantor:impor_hasil")
    assert Sengketa.objects.get().pemohon.nama == "Wati"
    hasil = client.get(reverse("kantor:impor_hasil"))
    assert hasil.status_code == 200
    assert 'data-dibuat="1" data-gagal="0" data-dilewati="1"' in hasil.content.decode()
    assert list(folder.iterdir()) == []  # the uploaded file and the result are gone
    assert client.get(reverse("kantor:impor_pratinjau")).status_code == 302


def test_halaman_hasil_menunggu_tugas_yang_berjalan(client, persona, sinkron, settings):
    """With a real worker the task ends later: the page waits, then shows the result."""
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": False}
    isi = xlsx(JUDUL, [baris(persona, Pemohon="Xena")])
    client.force_login(persona.panitera)
    _unggah(client, isi)
    client.post(reverse("kantor:impor_pemetaan"), {
        f"kolom_{k}": str(v) for k, v in deteksi(JUDUL).items()
    })  # fmt: skip
    from unittest import mock

    with mock.patch("django_q.tasks.async_task") as antre:
        client.post(reverse("kantor:impor_jalankan"))
    menunggu = client.get(reverse("kantor:impor_hasil"))
    assert 'data-berjalan="1"' in menunggu.content.decode()
    # The dry run is out of reach while the task runs: it leads to the result page.
    assert client.get(reverse("kantor:impor_pratinjau")).url == reverse("kantor:impor_hasil")

    _nama, *argumen = antre.call_args.args
    jalankan_berkas(*argumen)  # what the worker does
    selesai = client.get(reverse("kantor:impor_hasil")).content.decode()
    assert 'data-dibuat="1"' in selesai
    assert Sengketa.objects.get().pemohon.nama == "Xena"


def test_wizard_admin_menyiapkan_panitera_menjalankan(client, persona, sinkron, settings):
    isi = xlsx(JUDUL, [baris(persona, Pemohon="Zaki")])
    client.force_login(persona.admin)
    assert _unggah(client, isi).status_code == 302
    client.post(reverse("kantor:impor_pemetaan"), {
        f"kolom_{k}": str(v) for k, v in deteksi(JUDUL).items()
    })  # fmt: skip
    teks = client.get(reverse("kantor:impor_pratinjau")).content.decode()
    assert 'data-dibuat="1"' in teks and "impor/jalankan" not in teks
    assert client.post(reverse("kantor:impor_jalankan")).status_code == 403
    assert not Sengketa.objects.exists()
    assert client.post(reverse("kantor:impor_batal")).status_code == 302
    assert list((settings.MEDIA_ROOT / "impor").iterdir()) == []

    for orang in (persona.komisioner[0], persona.pemohon):
        client.force_login(orang)
        assert client.get(IMPOR).status_code == 403


def test_wizard_menolak_berkas_yang_bukan_register(client, persona, sinkron):
    client.force_login(persona.panitera)
    salah = _unggah(client, b"bukan xlsx", "register.xlsx")
    assert salah.status_code == 400
    assert "Berkas bukan buku kerja XLSX yang dapat dibaca." in salah.content.decode()
    assert _unggah(client, b"%PDF-1.4", "register.pdf").status_code == 400


def test_perintah_impor_register_kering_lalu_sungguhan(persona, tmp_path):
    isi = io.StringIO()
    w = csv.writer(isi, delimiter=";")
    w.writerow(JUDUL)
    w.writerow(baris(persona, Pemohon="Umar"))
    w.writerow(baris(persona, Pemohon="Vina", Termohon="Tidak Dikenal"))
    berkas = tmp_path / "register.csv"
    berkas.write_text(isi.getvalue(), encoding="utf-8")

    keluaran = io.StringIO()
    call_command("impor_register", str(berkas), "--komisi", "KIP-KALTIM", "--kering",
                 stdout=keluaran)  # fmt: skip
    laporan = keluaran.getvalue()
    assert "Row 2 [WILL BE CREATED] Umar v. " + PEMPROV in laporan
    assert "Row 3 [REJECTED]" in laporan and "Unknown respondent: Tidak Dikenal." in laporan
    assert "1 to create, 1 rejected, 0 already imported." in laporan
    assert not Sengketa.objects.exists()

    call_command("impor_register", str(berkas), "--komisi", "KIP-KALTIM", stdout=io.StringIO())
    assert Sengketa.objects.get().pemohon.nama == "Umar"
    assert Sengketa.objects.get().riwayat.first().oleh == persona.panitera


def test_registrasi_dengan_nomor_lama_menolak_nomor_terpakai_atau_tanpa_urutan(persona):
    """The service keeps a number from a paper register only when it is new and has a
    sequence; a struck-out number is never issued again either."""
    from sengketa.galat import ParameterTidakValid
    from sengketa.models import NomorDicoret

    pertama = persona.skenario().terima(MULAI, nama="Ada").registrasi(MULAI)
    NomorDicoret.objects.create(
        komisi=persona.komisi, sengketa=pertama.sengketa, nomor="099/LAMA/2024",
        tanggal=MULAI, alasan="Salah",
    )  # fmt: skip
    for nomor, pesan in [
        (pertama.sengketa.nomor_register, "is already used"),
        ("099/LAMA/2024", "is already used"),
        ("REG/KI-KALTIM", "has no sequence number"),
    ]:
        sk = persona.skenario().terima(MULAI, nama=f"Baru {nomor}")
        with pytest.raises(ParameterTidakValid, match=pesan):
            L.sengketa_registrasi(
                sengketa_id=sk.id, oleh=persona.panitera, tanggal=MULAI, nomor_register=nomor
            )
        assert Sengketa.objects.get(pk=sk.id).status == S.DITERIMA
