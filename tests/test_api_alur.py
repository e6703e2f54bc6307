"""Whole cases driven only through the REST API (design/api-v1.md), with historical dates
passed as `tanggal`: filing on 6 March 2024 to `berkekuatan_hukum_tetap`, and to
`selesai_mediasi`."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from rest_framework.test import APIClient

from sengketa.kalender import Kalender

MULAI = date(2024, 3, 6)
WITA = ZoneInfo("Asia/Makassar")

PERMOHONAN = {
    "komisi": "KIP-KALTIM",
    "pemohon": {
        "jenis": "perorangan",
        "nama": "Budi Santoso",
        "nomor_identitas": "6472010101800001",
        "alamat": "Jl. Juanda No. 5, Samarinda",
        "email": "budi@example.org",
        "telepon": "0812000000",
    },
    "kuasa_pemohon": None,
    "termohon": {"badan_publik": None},
    "informasi_diminta": "Dokumen kontrak pengadaan jalan tahun 2023",
    "tujuan_penggunaan": "Pengawasan anggaran daerah",
    "alasan": ["c"],
    "tanggal_permohonan_informasi": "2024-01-08",
    "tanggal_tanggapan_ppid": None,
    "tanggal_keberatan": "2024-01-29",
    "tanggal_tanggapan_atasan": None,
    "tanggal_diterima": "2024-03-06",
    "kelengkapan": {"identitas": True, "bukti_permohonan": True, "bukti_keberatan": True},
    "saluran": "langsung",
}


def permohonan(komisi_, /, **ubah):
    badan = komisi_.badan_publik.first()
    return {**PERMOHONAN, "termohon": {"badan_publik": badan.pk}, **ubah}


class Api:
    """An API client that acts as one persona after another."""

    def __init__(self, persona):
        self.p = persona
        self.client = APIClient()
        self.kal = Kalender.untuk(persona.komisi)
        self.id = None

    def hk(self, d, n):
        return self.kal.tambah(d, n)

    def sebagai(self, pengguna):
        self.client.force_authenticate(pengguna)
        return self

    def post(self, url, data=None, harap=200):
        r = self.client.post(url, data or {}, format="json")
        assert r.status_code == harap, r.json()
        return r.json()

    def transisi(self, nama, oleh, harap=200, **data):
        self.sebagai(oleh)
        for k, v in list(data.items()):
            if isinstance(v, date):
                data[k] = v.isoformat()
        return self.post(f"/api/v1/sengketa/{self.id}/transisi/{nama}/", data, harap)

    def ajukan(self):
        self.sebagai(self.p.panitera)
        kasus = self.post("/api/v1/sengketa/", permohonan(self.p.komisi), 201)
        self.id = kasus["id"]
        return kasus

    def sidang(self, jenis, hari):
        """Schedule, serve the summonses 5 HK ahead, hold it with everyone present."""
        self.sebagai(self.p.pp)
        mulai = datetime.combine(hari, time(9), tzinfo=WITA).isoformat()
        body = {"jenis": jenis, "mulai": mulai, "tempat": "Ruang Sidang KIP Kaltim"}
        sidang = self.post(f"/api/v1/sengketa/{self.id}/sidang/", body, 201)
        assert sidang["mulai"] == mulai
        assert {p["peran"] for p in sidang["panggilan"]} == {"pemohon", "termohon"}
        for p in sidang["panggilan"]:
            assert p["patut"] is False and p["diterima"] is None
            body = {"metode": "email", "tanggal": self.hk(hari, -5).isoformat()}
            diterima = self.post(f"/api/v1/panggilan/{p['id']}/diterima/", body)
            assert diterima["patut"] is True
        kehadiran = [{"pihak": p["pihak"], "status": "hadir"} for p in sidang["panggilan"]]
        body = {"kehadiran": kehadiran, "ringkasan": "Sidang berjalan."}
        selesai = self.post(f"/api/v1/sidang/{sidang['id']}/selesai/", body)
        assert selesai["status"] == "selesai"
        return sidang

    def sampai_mediasi(self):
        p = self.p
        kasus = self.ajukan()
        assert kasus["status"] == "diterima"
        assert kasus["komisi"] == "KIP-KALTIM"
        assert kasus["informasi_diminta"] == [PERMOHONAN["informasi_diminta"]]
        assert "registrasi" in kasus["transisi"]

        kasus = self.transisi("registrasi", p.panitera, tanggal=MULAI)
        assert kasus["status"] == "teregistrasi"
        assert kasus["status_label"] == "Teregistrasi"
        assert kasus["nomor_register"] == "001/REG-PSI/KI-KALTIM/III/2024"
        assert kasus["tanggal_registrasi"] == "2024-03-06"
        tenggat = {t["kode"]: t for t in kasus["tenggat"]}
        assert tenggat["penyelesaian"]["tanggal"] == "2024-08-15"
        assert tenggat["penyelesaian"]["dasar"] == "UU 14/2008 Pasal 38 ayat (2)"
        assert tenggat["penyelesaian"]["panjang"] == 100
        assert kasus["riwayat"][-1] == {
            **kasus["riwayat"][-1],
            "transisi": "registrasi",
            "dari": "diterima",
            "ke": "teregistrasi",
            "tanggal": "2024-03-06",
            "oleh": p.panitera.username,
        }

        kasus = self.transisi(
            "tetapkan_majelis",
            p.ketua,
            ketua_majelis=p.komisioner[0].username,
            anggota=[p.komisioner[1].username, p.komisioner[2].username],
            panitera_pengganti=p.pp.username,
            tanggal=self.hk(MULAI, 2),
        )
        assert kasus["status"] == "pemeriksaan_awal"
        assert kasus["majelis"] == {
            "ketua": p.komisioner[0].username,
            "anggota": [p.komisioner[1].username, p.komisioner[2].username],
            "panitera_pengganti": p.pp.username,
        }

        self.sidang("pemeriksaan_awal", self.hk(MULAI, 8))
        temuan = dict.fromkeys(
            ("berwenang", "legal_standing_pemohon", "legal_standing_termohon"), True
        )
        kasus = self.transisi(
            "catat_pemeriksaan_awal",
            p.pp,
            dalam_jangka_waktu=True,
            catatan="",
            tanggal=self.hk(MULAI, 8),
            **temuan,
        )
        assert kasus["status"] == "pemeriksaan_awal"
        assert kasus["riwayat"][-1]["transisi"] == "catat_pemeriksaan_awal"

        kasus = self.transisi(
            "mulai_mediasi",
            p.pp,
            mediator=p.komisioner[3].username,
            mediator_pembantu=None,
            persetujuan_para_pihak=True,
            tanggal=self.hk(MULAI, 8),
        )
        assert kasus["status"] == "mediasi"
        assert kasus["mediator"] == p.komisioner[3].username
        assert "mediasi" in {t["kode"] for t in kasus["tenggat"]}
        self.sidang("mediasi", self.hk(MULAI, 12))
        return kasus


@pytest.fixture
def api(persona):
    return Api(persona)


def test_perkara_sampai_berkekuatan_hukum_tetap(api, persona):
    p = persona
    api.sampai_mediasi()
    d = api.hk(MULAI, 12)
    kasus = api.transisi(
        "mediasi_gagal", p.komisioner[3], sebab="tidak_sepakat", kesepakatan_sebagian="", tanggal=d
    )
    assert kasus["status"] == "ajudikasi"

    # Closing the examination before any adjudication hearing: 409 with the reasons.
    galat = api.transisi("tutup_pemeriksaan", p.pp, harap=409, tanggal=d)
    assert galat["status"] == "ajudikasi"
    assert galat["transisi"] == "tutup_pemeriksaan"
    assert galat["alasan"] and {"kode", "pesan"} <= set(galat["alasan"][0])

    api.sidang("pembuktian", api.hk(d, 10))
    kasus = api.transisi("tutup_pemeriksaan", p.pp, tanggal=api.hk(d, 10))
    assert kasus["status"] == "musyawarah"

    baca = api.hk(d, 20)
    api.sidang("pembacaan_putusan", baca)
    kasus = api.transisi(
        "bacakan_putusan",
        p.komisioner[0],
        amar="dikabulkan_sebagian",
        isi_amar="Memerintahkan Termohon memberikan informasi yang diminta",
        jangka_waktu_pelaksanaan=14,
        tanggal_musyawarah=api.hk(baca, -2),
        tanggal=baca,
    )
    assert kasus["status"] == "diputus"
    assert kasus["nomor_register"] == "001/REG-PSI/KI-KALTIM/III/2024"
    assert "salinan" in {t["kode"] for t in kasus["tenggat"]}

    terima = api.hk(d, 22)
    for pihak in (kasus["pemohon"]["id"], kasus["termohon"]["id"]):
        kasus = api.transisi(
            "catat_penerimaan_salinan", p.panitera, pihak=pihak, tanggal_diterima=terima,
            tanggal=terima,
        )  # fmt: skip
    keberatan = [t for t in kasus["tenggat"] if t["kode"] == "keberatan"]
    assert len(keberatan) == 2
    assert all(t["tanggal"] == api.hk(terima, 14).isoformat() for t in keberatan)

    # Too early: the objection windows are still open.
    galat = api.transisi("nyatakan_inkracht", p.panitera, harap=409, tanggal=api.hk(terima, 5))
    assert galat["status"] == "diputus" and galat["transisi"] == "nyatakan_inkracht"

    kasus = api.transisi("nyatakan_inkracht", p.panitera, tanggal=api.hk(d, 40))
    assert kasus["status"] == "berkekuatan_hukum_tetap"
    assert kasus["status_label"] == "Berkekuatan hukum tetap"
    assert kasus["transisi"] == []  # the panitera has nothing left to do
    assert [r["ke"] for r in kasus["riwayat"] if r["ubah_status"]][-1] == "berkekuatan_hukum_tetap"
    tenggat = {t["kode"]: t for t in kasus["tenggat"]}
    assert "pelaksanaan" in tenggat

    # Filed at the desk, the case is linked to no party account: a party sees nothing of it.
    api.sebagai(p.pemohon)
    assert api.client.get(f"/api/v1/sengketa/{api.id}/").status_code == 404


def test_perkara_selesai_melalui_mediasi(api, persona):
    p = persona
    api.sampai_mediasi()
    kasus = api.transisi(
        "mediasi_berhasil",
        p.komisioner[3],
        kesepakatan=["Termohon memberikan salinan kontrak", "Pemohon menanggung biaya salinan"],
        jangka_waktu_pelaksanaan=14,
        tanggal=api.hk(MULAI, 12),
    )
    assert kasus["status"] == "selesai_mediasi"
    assert kasus["status_label"] == "Selesai melalui mediasi"
    pelaksanaan = {t["kode"]: t for t in kasus["tenggat"]}["pelaksanaan"]
    assert pelaksanaan["tanggal"] == api.hk(api.hk(MULAI, 12), 14).isoformat()
    tenggat = {t["kode"]: t for t in kasus["tenggat"]}
    assert "penyelesaian" not in tenggat or tenggat["penyelesaian"]["terpenuhi_pada"]


def test_tunda_sidang_menjadwalkan_sidang_berikutnya(api, persona):
    p = persona
    api.ajukan()
    api.transisi("registrasi", p.panitera, tanggal=MULAI)
    api.transisi(
        "tetapkan_majelis",
        p.ketua,
        ketua_majelis=p.komisioner[0].username,
        anggota=[p.komisioner[1].username, p.komisioner[2].username],
        panitera_pengganti=p.pp.username,
        tanggal=api.hk(MULAI, 2),
    )
    api.sebagai(p.pp)
    hari = api.hk(MULAI, 8)
    mulai = datetime.combine(hari, time(9), tzinfo=WITA).isoformat()
    sidang = api.post(
        f"/api/v1/sengketa/{api.id}/sidang/",
        {"jenis": "pemeriksaan_awal", "mulai": mulai, "ruang": "R1", "daring": False},
        201,
    )
    assert sidang["peringatan"] == []
    berikut = datetime.combine(api.hk(hari, 3), time(10), tzinfo=WITA).isoformat()
    baru = api.post(
        f"/api/v1/sidang/{sidang['id']}/tunda/",
        {"alasan": "Termohon meminta waktu", "mulai_berikutnya": berikut},
        201,
    )
    assert baru["mulai"] == berikut
    assert baru["id"] != sidang["id"]
    assert len(baru["panggilan"]) == 2
    # The adjourned hearing cannot be adjourned again: 409 with the case's status.
    galat = api.post(
        f"/api/v1/sidang/{sidang['id']}/tunda/",
        {"alasan": "lagi", "mulai_berikutnya": berikut},
        409,
    )
    assert galat["status"] == "pemeriksaan_awal"
