"""Fill one commission with N realistic cases for the scale benchmarks (issue 8).

    .venv/bin/python benchmarks/generator.py --jumlah 100000 [--komisi BENCH-SKALA]
        [--db NAME] [--baru] [--periksa] [--cepat] [--ringan] [--sqlite PATH]

Works in its own PostgreSQL database (`--db`; by default bench_skala, bench_skala_cepat for
--cepat, bench_skala_ringan for --ringan; created and migrated if missing) on the server of
BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432). A database
holds one size: asking for another regenerates it (its cases are removed first).
`--sqlite PATH` writes to a SQLite file instead (small sizes only: the transition
benchmark's second figure).

Every case follows a real path of the procedure (siklus-sengketa.md) to one of the 16
states: the case row with the fields each transition sets, parties (a kuasa for some),
requested items, assignments (majelis, PP, mediator), hearings with their summonses and
attendance, receipts of the ruling, court objections and rulings, one history row per step
and per hearing action, the documents each step issues (metadata rows of `siap` documents,
all pointing at one tiny shared PDF), some publications in the ruling directory, the
viewflow process with the chain of done tasks and one open task of the status's node
(workflows/alur.py) or the End node, and the deadlines - computed by the real
`sengketa.tenggat.hitung_tenggat` from the rows written, so they equal what the services
store. The number counters (register, letters, decrees) are moved past the numbers used.

Rows are written with COPY (PostgreSQL) or executemany (SQLite) in batches, with ids
assigned here; the services would take days for 100,000 cases. `--periksa` then fires the
natural next transition of one case in each open state through the real services
(`periksa_transisi`), which is what proves the data is data the services accept.

Importable: the benchmarks call `siapkan_postgres`, `django_siap`, `pastikan_data`,
`orang_bench` and `periksa_transisi`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as jam
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

NAMA_DB = "bench_skala"
KODE = "BENCH-SKALA"
KODE_TUJUAN = "BENCH-PUSAT"  # where transferred cases went
JUMLAH_BAKU = 100_000
JUMLAH_CEPAT = 2_000
POTONG = 5_000  # cases per batch (one transaction each)
URL_BAKU = "postgres://postgres@127.0.0.1:5432/postgres"
BENIH = 20_261_122

# Share of the cases in each final state (per thousand): a commission ten years old, most
# cases closed, about one in five still open somewhere in the procedure.
BOBOT_STATUS = {
    "diterima": 20,
    "menunggu_kelengkapan": 15,
    "tidak_diregistrasi": 50,
    "teregistrasi": 15,
    "pemeriksaan_awal": 30,
    "mediasi": 30,
    "ajudikasi": 40,
    "musyawarah": 15,
    "diputus": 20,
    "keberatan_pengadilan": 15,
    "berkekuatan_hukum_tetap": 300,
    "selesai_mediasi": 220,
    "tidak_diterima": 60,
    "dilimpahkan": 20,
    "dicabut": 90,
    "gugur": 40,
}
AWAL_DATA = date(2017, 1, 2)


# -- environment (before django.setup) --------------------------------------------------


def url_server() -> str:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else URL_BAKU


def siapkan_postgres(nama: str = NAMA_DB) -> str | None:
    """Point Django at database `nama` on the PostgreSQL server, creating it if missing.
    Returns None (and changes nothing) when no server answers."""
    import psycopg

    bagian = urlsplit(url_server())
    admin = urlunsplit(bagian._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            ada = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone()
            if not ada:
                conn.execute(f'CREATE DATABASE "{nama}"')
    except psycopg.OperationalError as galat:
        print(f"PostgreSQL tidak tersedia / not available ({admin}): {galat}".strip())
        return None
    url = urlunsplit(bagian._replace(path=f"/{nama}"))
    os.environ["DATABASE_URL"] = url
    return url


def nama_db(db: str | None, *, cepat: bool = False, ringan: bool = False) -> str:
    """The bench database: `--db` when given, else one per kind of data set, so that a
    smoke run (--cepat) or a light one never replaces the standard 100,000 cases."""
    if db:
        return db
    cepat = cepat or bool(os.environ.get("BENCH_CEPAT"))
    return NAMA_DB + ("_ringan" if ringan else "") + ("_cepat" if cepat else "")


def siapkan_sqlite(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"


def lingkungan_bench() -> None:
    """Production-like settings for measuring: DEBUG off, files under var/bench/."""
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    # Served over plain http on this machine: no redirect to https, no Secure cookies.
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("SECURE_COOKIES", "0")
    os.environ.setdefault("MEDIA_ROOT", str(AKAR / "var" / "bench" / "media"))
    os.environ.setdefault("LOG_LEVEL", "WARNING")


def django_siap() -> None:
    lingkungan_bench()
    import django

    django.setup()


# -- names -----------------------------------------------------------------------------

DEPAN = (
    "Agus",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fitri",
    "Gita",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Oktavia",
    "Putri",
    "Rahmat",
    "Sari",
    "Teguh",
    "Umar",
    "Vina",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Andi",
    "Bambang",
    "Dian",
    "Fajar",
    "Hadi",
    "Irfan",
    "Lina",
    "Muhammad",
    "Nanda",
    "Rina",
    "Siti",
    "Taufik",
    "Yanti",
    "Reza",
    "Ayu",
    "Bayu",
)
BELAKANG = (
    "Santoso",
    "Hidayat",
    "Saputra",
    "Lestari",
    "Wijaya",
    "Kusuma",
    "Rahmawati",
    "Pratama",
    "Nugroho",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Lahang",
    "Hakim",
    "Firmansyah",
    "Oktaviani",
    "Setiadi",
    "Handayani",
    "Wibowo",
    "Susanto",
    "Gunawan",
    "Halim",
    "Syahputra",
    "Panjaitan",
    "Manurung",
    "Sitompul",
    "Tanjung",
    "Rusdi",
    "Salim",
    "Ramadhan",
)
LEMBAGA = (
    "Perkumpulan Pokja 30",
    "LBH Samarinda",
    "Yayasan Bumi Etam",
    "Kelompok Tani Sumber Rejeki",
    "Lembaga Kajian Anggaran Daerah",
    "Forum Transparansi Anggaran",
    "Jaringan Advokasi Tambang",
    "Koalisi Masyarakat Sipil Kaltim",
    "Perkumpulan Pengguna Informasi",
    "LSM Pantau Publik",
)
WILAYAH = (
    "Provinsi Kalimantan Timur",
    "Kota Samarinda",
    "Kota Balikpapan",
    "Kota Bontang",
    "Kabupaten Kutai Kartanegara",
    "Kabupaten Kutai Timur",
    "Kabupaten Kutai Barat",
    "Kabupaten Berau",
    "Kabupaten Paser",
    "Kabupaten Penajam Paser Utara",
    "Kabupaten Mahakam Ulu",
)
DINAS = (
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "perangkat_daerah"),
    ("Dinas Pendidikan dan Kebudayaan", "perangkat_daerah"),
    ("Dinas Kesehatan", "perangkat_daerah"),
    ("Dinas Lingkungan Hidup", "perangkat_daerah"),
    ("Dinas Energi dan Sumber Daya Mineral", "perangkat_daerah"),
    ("Dinas Perhubungan", "perangkat_daerah"),
    ("Badan Pengelola Keuangan dan Aset Daerah", "perangkat_daerah"),
    ("Badan Perencanaan Pembangunan Daerah", "perangkat_daerah"),
    ("Sekretariat Daerah", "perangkat_daerah"),
    ("Sekretariat DPRD", "perangkat_daerah"),
    ("Rumah Sakit Umum Daerah", "perangkat_daerah"),
    ("Perusahaan Daerah Air Minum", "bumn_bumd"),
)
INFORMASI = (
    "Dokumen kontrak pengadaan jalan tahun {t}",
    "Laporan realisasi anggaran tahun {t}",
    "Izin lingkungan dan AMDAL perusahaan tambang",
    "Daftar penerima bantuan sosial tahun {t}",
    "Rencana kerja dan anggaran dinas tahun {t}",
    "Laporan hasil pemeriksaan BPK tahun {t}",
    "Salinan SK pengangkatan pejabat",
    "Data penggunaan dana desa tahun {t}",
)
RUANG = (
    "Ruang Sidang Utama",
    "Ruang Sidang 2",
    "Ruang Sidang 3",
    "Ruang Mediasi 1",
    "Ruang Mediasi 2",
    "Ruang Sidang 4",
)
JAM_SIDANG = (8, 9, 10, 11, 13, 14, 15)
AGENDA = {
    "pemeriksaan_awal": "Pemeriksaan kewenangan, kedudukan hukum dan jangka waktu",
    "mediasi": "Sesi mediasi para pihak",
    "pembuktian": "Pemeriksaan bukti surat dan keterangan saksi",
    "kesimpulan": "Penyampaian kesimpulan para pihak",
    "pembacaan_putusan": "Pembacaan putusan",
}
PETITUM = "Memerintahkan Termohon memberikan informasi yang diminta"


# -- the people of the bench commission ------------------------------------------------

SANDI = "bench-skala-12345"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@dataclass
class Orang:
    """The users of the generated commission (usernames prefixed with the commission code)."""

    panitera: list
    ketua: object
    komisioner: list
    pp: list
    admin: object
    pihak: list  # portal accounts of applicants
    ppid: list  # portal accounts of public-body officers


def _awalan(kode: str) -> str:
    return kode.lower().replace("-", "_")


def buat_orang(komisi, jumlah_kasus: int) -> Orang:
    """Create (or find) the staff and party accounts; one password hash for all of them."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from sengketa.models import Keanggotaan
    from sengketa.peran import pastikan_grup_peran

    pastikan_grup_peran()
    User = get_user_model()
    grup = {g.name: g for g in Group.objects.all()}
    hash_sandi = make_password(SANDI)
    a = _awalan(komisi.kode)

    def staf(nama, depan, belakang, *peran, superuser=False):
        u, dibuat = User.objects.get_or_create(
            username=f"{a}_{nama}",
            defaults={
                "first_name": depan,
                "last_name": belakang,
                "email": f"{nama}@{a}.example",
                "password": hash_sandi,
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if dibuat:
            u.groups.add(*(grup[p] for p in peran))
            Keanggotaan.objects.get_or_create(komisi=komisi, pengguna=u)
        return u

    rng = random.Random(7)
    orang = Orang(
        panitera=[staf(f"panitera{i}", "Panitera", f"{i}", "panitera") for i in (1, 2, 3)],
        ketua=staf("ketua", "Muhammad Rizal", "Hakim", "ketua", "komisioner"),
        komisioner=[
            staf(f"komisioner{i}", rng.choice(DEPAN), rng.choice(BELAKANG), "komisioner")
            for i in range(1, 9)
        ],
        pp=[
            staf(f"pp{i}", rng.choice(DEPAN), rng.choice(BELAKANG), "panitera_pengganti")
            for i in range(1, 7)
        ],
        admin=staf("admin", "Admin", "Sistem", "admin", superuser=True),
        pihak=[],
        ppid=[],
    )
    # Party accounts: one applicant in twenty files online; a few file many times.
    jumlah_pihak = max(20, jumlah_kasus // 20)
    ada = set(User.objects.filter(username__startswith=f"{a}_").values_list("username", flat=True))
    baru = [
        User(
            username=f"{a}_pihak{i}",
            first_name=rng.choice(DEPAN),
            last_name=rng.choice(BELAKANG),
            email=f"pihak{i}@{a}.example",
            password=hash_sandi,
        )
        for i in range(1, jumlah_pihak + 1)
        if f"{a}_pihak{i}" not in ada
    ]
    baru += [
        User(
            username=f"{a}_ppid{i}",
            first_name="PPID",
            last_name=f"{i}",
            email=f"ppid{i}@{a}.example",
            password=hash_sandi,
        )
        for i in range(1, 21)
        if f"{a}_ppid{i}" not in ada
    ]
    if baru:
        User.objects.bulk_create(baru, batch_size=2000)
        pihak_grup = grup["pihak"]
        Through = User.groups.through
        dibuat = User.objects.filter(username__in=[u.username for u in baru]).values_list(
            "pk", flat=True
        )
        Through.objects.bulk_create(
            [Through(user_id=pk, group_id=pihak_grup.pk) for pk in dibuat], batch_size=5000
        )
    orang.pihak = list(
        User.objects.filter(username__startswith=f"{a}_pihak")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    orang.ppid = list(
        User.objects.filter(username__startswith=f"{a}_ppid")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return orang


def orang_bench(kode: str = KODE) -> Orang:
    """The people of an already generated commission."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    a = _awalan(kode)
    u = {
        x.username: x
        for x in User.objects.filter(username__startswith=f"{a}_")
        .exclude(username__startswith=f"{a}_pihak")
        .exclude(username__startswith=f"{a}_ppid")
    }
    return Orang(
        panitera=[u[f"{a}_panitera{i}"] for i in (1, 2, 3)],
        ketua=u[f"{a}_ketua"],
        komisioner=[u[f"{a}_komisioner{i}"] for i in range(1, 9)],
        pp=[u[f"{a}_pp{i}"] for i in range(1, 7)],
        admin=u[f"{a}_admin"],
        pihak=list(
            User.objects.filter(username__startswith=f"{a}_pihak")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
        ppid=list(
            User.objects.filter(username__startswith=f"{a}_ppid")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    )


# -- one case, step by step, in memory -------------------------------------------------


class Id:
    """Ids handed out here, starting after the table's largest."""

    def __init__(self, model):
        from django.db.models import Max

        self.berikut = (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    def __call__(self) -> int:
        n = self.berikut
        self.berikut += 1
        return n


@dataclass
class Baris:
    """Rows of one batch, per model, as dicts of attnames."""

    per_model: dict = field(default_factory=dict)

    def tambah(self, model, **nilai) -> dict:
        self.per_model.setdefault(model, []).append(nilai)
        return nilai


TUGAS = None  # alur.TUGAS_PER_STATUS, filled by `muat_konstanta`
AKHIR = None
ALUR = "workflows/alur.AlurSengketa"


def muat_konstanta() -> None:
    global TUGAS, AKHIR
    from sengketa.models import STATUS_AKHIR
    from workflows.alur import TUGAS_PER_STATUS

    TUGAS = {str(k): v for k, v in TUGAS_PER_STATUS.items()}
    AKHIR = {str(s) for s in STATUS_AKHIR}


class Kasus:
    """One case being built: its fields, and the rows of everything hanging from it."""

    def __init__(self, g: Generator, status_akhir: str, d0: date):
        self.g, self.rng, self.kal = g, g.rng, g.kal
        self.id = g.ids["sengketa"]()
        self.target = status_akhir
        self.status = "diterima"
        self.d = d0
        self.f: dict = {}
        self.urut_langkah = 0
        self.perubahan: list[tuple[datetime, int | None, str]] = []  # (when, by, new status)
        self.penugasan: dict[str, int] = {}
        self.sidang: list[dict] = []
        self.pihak: dict[str, dict] = {}
        self.kuasa: dict | None = None

    # -- helpers --
    def saat(self, d: date, menit: int = 0) -> datetime:
        """A moment of the working day d, in the commission's zone (as the services record)."""
        self.urut_langkah += 1
        dasar = datetime.combine(d, jam(10), tzinfo=self.g.zona)
        return dasar + timedelta(minutes=menit + self.urut_langkah)

    def maju(self, n: int) -> date:
        self.d = self.kal.tambah(self.d, n) if n else self.d
        return self.d

    def riwayat(self, transisi, ke, tanggal, oleh, *, ubah=True, parameter=None, nilai_lama=None):
        g = self.g
        rid = g.ids["riwayat"]()
        g.baris.tambah(
            g.M["riwayat"],
            id=rid,
            sengketa_id=self.id,
            transisi=transisi,
            ubah_status=ubah,
            dari="" if transisi == "terima" else self.status,
            ke=ke,
            tanggal=tanggal,
            oleh_id=oleh,
            atas_nama="",
            dicatat_pada=self.saat(tanggal),
            parameter=parameter or {},
            nilai_lama=nilai_lama or {},
            dikoreksi=False,
        )
        if ubah and transisi != "terima":
            self.perubahan.append((self.saat(tanggal), oleh, ke))
            self.f["tanggal_efektif_terakhir"] = tanggal
        self.status = ke
        g.dokumen_langkah(self, transisi, rid, tanggal, oleh)
        return rid

    def ubah(self, transisi, ke, oleh, parameter=None, **medan):
        lama = {k: _json(self.f.get(k)) for k in medan}
        self.f.update(medan)
        return self.riwayat(transisi, ke, self.d, oleh, parameter=parameter, nilai_lama=lama)

    def tindakan(self, transisi, tanggal, oleh, parameter):
        return self.riwayat(transisi, self.status, tanggal, oleh, ubah=False, parameter=parameter)

    # -- the steps of the procedure --
    def terima(self) -> None:
        g, rng = self.g, self.rng
        d0 = self.d
        keberatan = d0 - timedelta(days=rng.randint(30, 60))
        lengkap = self.target not in ("menunggu_kelengkapan", "tidak_diregistrasi")
        ada_kuasa = rng.random() < 0.08
        self.f.update(
            tanggal_permohonan_informasi=keberatan - timedelta(days=rng.randint(14, 40)),
            tanggal_keberatan=keberatan,
            tanggal_tanggapan_ppid=None,
            tanggal_tanggapan_atasan=(
                keberatan + timedelta(days=rng.randint(5, 25)) if rng.random() < 0.4 else None
            ),
            tanggal_diterima=d0,
            saluran=rng.choices(["langsung", "pos", "email", "daring"], [45, 10, 20, 25])[0],
            alasan="".join(sorted(rng.sample("abcdefg", rng.choice((1, 1, 2, 2, 3))))),
            tujuan_penggunaan="Pengawasan penggunaan anggaran daerah",
            petitum=PETITUM,
            kelengkapan={
                "identitas": True,
                "bukti_permohonan": True,
                "bukti_keberatan": lengkap,
                **({"surat_kuasa": True} if ada_kuasa else {}),
            },
            kekurangan=[],
            tanggal_efektif_terakhir=d0,
            dibuat_pada=self.saat(d0, -5),
        )
        if self.f["tanggal_tanggapan_atasan"] and self.f["tanggal_tanggapan_atasan"] > d0:
            self.f["tanggal_tanggapan_atasan"] = None
        if self.tanpa_a:
            self.f["alasan"] = self.f["alasan"].replace("a", "") or "c"
        # The applicant: a person (often), an organisation (sometimes), a serial filer.
        x = rng.random()
        if x < 0.12:
            nama, jenis = rng.choice(LEMBAGA), "badan_hukum"
        elif x < 0.18:
            nama, jenis = f"Kelompok Warga {rng.choice(WILAYAH).split(' ', 1)[1]}", "kelompok_orang"
        else:
            nama, jenis = f"{rng.choice(DEPAN)} {rng.choice(BELAKANG)}", "perorangan"
        akun = g.akun_pihak() if rng.random() < 0.05 else None
        self.pihak["pemohon"] = g.baris.tambah(
            g.M["pihak"],
            id=g.ids["pihak"](),
            sengketa_id=self.id,
            peran="pemohon",
            jenis=jenis,
            nama=nama,
            nomor_identitas=f"64{rng.randrange(10**13, 10**14)}",
            alamat=f"Jl. Juanda No. {rng.randint(1, 200)}, Samarinda",
            email=f"pemohon{self.id}@example.org",
            telepon="0812 0000 0000",
            badan_publik_id=None,
            pengguna_id=akun,
        )
        badan = g.badan_untuk()
        self.pihak["termohon"] = g.baris.tambah(
            g.M["pihak"],
            id=g.ids["pihak"](),
            sengketa_id=self.id,
            peran="termohon",
            jenis="badan_publik",
            nama=badan.nama,
            nomor_identitas="",
            alamat=badan.alamat,
            email=badan.ppid_email,
            telepon=badan.ppid_telepon,
            badan_publik_id=badan.pk,
            pengguna_id=None,
        )
        if ada_kuasa:
            self.kuasa = g.baris.tambah(
                g.M["kuasa"],
                id=g.ids["kuasa"](),
                pihak_id=self.pihak["pemohon"]["id"],
                nama=f"{rng.choice(DEPAN)} {rng.choice(BELAKANG)}, S.H.",
                nomor_surat_kuasa=f"SK-{self.id}",
                tanggal_surat_kuasa=d0 - timedelta(days=3),
                alamat="Jl. Pahlawan No. 3, Samarinda",
                email=f"kuasa{self.id}@example.org",
                telepon="0813 0000 0000",
                pengguna_id=None,
                aktif=True,
            )
        for i in range(1, rng.choice((1, 2, 2, 3)) + 1):
            g.baris.tambah(
                g.M["informasi"],
                id=g.ids["informasi"](),
                sengketa_id=self.id,
                urutan=i,
                uraian=rng.choice(INFORMASI).format(t=d0.year - 1),
            )
        self.riwayat(
            "terima", "diterima", d0, g.panitera(), parameter={"saluran": self.f["saluran"]}
        )

    def minta(self, n: int) -> None:
        self.maju(n)
        self.ubah(
            "minta_kelengkapan",
            "menunggu_kelengkapan",
            self.g.panitera(),
            parameter={"kekurangan": ["bukti_keberatan"]},
            kekurangan=["bukti_keberatan"],
            tanggal_kelengkapan_diminta=self.d,
        )

    def tolak(self, n: int) -> None:
        self.maju(n)
        self.ubah("tolak_registrasi", "tidak_diregistrasi", None, tanggal_selesai=self.d)

    def registrasi(self, n: int) -> None:
        self.maju(n)
        urut, nomor = self.g.nomor_register(self.d)
        self.f["kelengkapan"] = {**self.f["kelengkapan"], "bukti_keberatan": True}
        self.ubah(
            "registrasi",
            "teregistrasi",
            self.g.panitera(),
            parameter={"nomor_register": nomor, "pengecualian_kelengkapan": ""},
            nomor_register=nomor,
            nomor_urut_register=urut,
            tanggal_registrasi=self.d,
            kekurangan=[],
        )

    def tetapkan_majelis(self, n: int) -> None:
        self.maju(n)
        g = self.g
        km, a1, a2, med = g.majelis()
        pp = g.pp()
        for peran, uid in (
            ("ketua_majelis", km),
            ("anggota_majelis", a1),
            ("anggota_majelis", a2),
            ("panitera_pengganti", pp),
        ):
            self.tugaskan(peran, uid)
        self.penugasan["mediator_calon"] = med
        self.ubah(
            "tetapkan_majelis",
            "pemeriksaan_awal",
            g.orang.ketua.pk,
            parameter={"ketua_majelis": km, "anggota": [a1, a2], "panitera_pengganti": pp},
            tanggal_majelis_ditetapkan=self.d,
        )

    def tugaskan(self, peran: str, uid: int) -> None:
        g = self.g
        g.baris.tambah(
            g.M["penugasan"],
            id=g.ids["penugasan"](),
            sengketa_id=self.id,
            pengguna_id=uid,
            peran=peran,
            aktif=True,
            tanggal_mulai=self.d,
            tanggal_selesai=None,
            alasan_selesai="",
        )
        self.penugasan.setdefault(peran, uid)

    @property
    def pp_id(self):
        return self.penugasan.get("panitera_pengganti")

    def sidang_diadakan(self, jenis: str, n: int, *, hadir: bool = True) -> dict:
        """A hearing n HK after the cursor: scheduled, summonses served, held."""
        hari = self.maju(n)
        return self._sidang(jenis, hari, selesai=True, hadir=hadir)

    def sidang_terjadwal(self, jenis: str, hari: date) -> dict:
        """A hearing scheduled now (at the cursor) for a later day, not held yet."""
        return self._sidang(jenis, hari, selesai=False)

    def _sidang(self, jenis: str, hari: date, *, selesai: bool, hadir: bool = True) -> dict:
        g, rng = self.g, self.rng
        dijadwalkan = max(self.kal.tambah(hari, -7), self.f["tanggal_efektif_terakhir"])
        if not selesai:
            dijadwalkan = min(self.d, g.hari)
        mulai = datetime.combine(hari, jam(rng.choice(JAM_SIDANG)), tzinfo=g.zona)
        sid = g.ids["sidang"]()
        sidang = g.baris.tambah(
            g.M["sidang"],
            id=sid,
            sengketa_id=self.id,
            jenis=jenis,
            agenda=AGENDA.get(jenis, jenis),
            mulai=mulai,
            selesai_rencana=mulai + timedelta(hours=2),
            ruang=rng.choice(RUANG),
            tempat="Kantor Komisi Informasi",
            daring=False,
            tautan="",
            status="selesai" if selesai else "dijadwalkan",
            alasan_tunda="",
            sidang_berikutnya_id=None,
            ringkasan="",
            dibuat_pada=self.saat(dijadwalkan),
        )
        self.sidang.append(sidang)
        oleh = self.pp_id or g.panitera()
        tujuan = [
            (self.pihak["pemohon"], None, "pemohon"),
            (self.pihak["termohon"], None, "termohon"),
        ]
        if self.kuasa:
            tujuan.append((self.pihak["pemohon"], self.kuasa, "kuasa_pemohon"))
        ke = 1 + sum(1 for s in self.sidang[:-1] if s["status"] != "batal")
        diterima = self.kal.tambah(hari, -4)
        if diterima < dijadwalkan:
            diterima = dijadwalkan
        surat = []
        for pihak, kuasa, peran in tujuan:
            surat.append(
                g.baris.tambah(
                    g.M["panggilan"],
                    id=g.ids["panggilan"](),
                    sidang_id=sid,
                    pihak_id=pihak["id"],
                    kuasa_id=kuasa["id"] if kuasa else None,
                    peran=peran,
                    nomor=g.nomor_surat(dijadwalkan),
                    panggilan_ke=ke,
                    metode="email" if selesai else "",
                    tanggal_dikirim=diterima if selesai else None,
                    tanggal_diterima=diterima if selesai else None,
                )
            )
        rid = self.tindakan(
            "jadwalkan_sidang",
            dijadwalkan,
            oleh,
            {
                "sidang": sid,
                "jenis": jenis,
                "mulai": mulai.isoformat(),
                "panggilan": [p["id"] for p in surat],
            },
        )
        for p in surat:
            g.dokumen(
                self,
                "panggilan",
                f"p{p['id']}",
                p["nomor"],
                rid,
                dijadwalkan,
                oleh,
                sidang_id=sid,
                panggilan_id=p["id"],
                pihak_id=p["pihak_id"],
            )
        if not selesai:
            return sidang
        for p in surat:
            self.tindakan(
                "panggilan_diterima",
                diterima,
                oleh,
                {"panggilan": p["id"], "metode": "email", "tanggal": diterima.isoformat()},
            )
        kehadiran = {}
        for peran in ("pemohon", "termohon"):
            status = "hadir" if hadir or peran == "termohon" else "tidak_hadir_tanpa_alasan"
            pid = self.pihak[peran]["id"]
            kehadiran[str(pid)] = status
            g.baris.tambah(
                g.M["kehadiran"],
                id=g.ids["kehadiran"](),
                sidang_id=sid,
                pihak_id=pid,
                status=status,
                keterangan="",
            )
        rid = self.tindakan("selesai_sidang", hari, oleh, {"sidang": sid, "kehadiran": kehadiran})
        g.dokumen(
            self,
            "berita_acara",
            f"s{sid}",
            self.f.get("nomor_register", ""),
            rid,
            hari,
            oleh,
            sidang_id=sid,
        )
        return sidang

    def pemeriksaan_awal(self, **temuan) -> None:
        nilai = (
            dict.fromkeys(
                (
                    "berwenang",
                    "legal_standing_pemohon",
                    "legal_standing_termohon",
                    "dalam_jangka_waktu",
                ),
                True,
            )
            | temuan
        )
        self.f.update(nilai, catatan_pemeriksaan_awal="")
        self.riwayat(
            "catat_pemeriksaan_awal",
            self.status,
            self.d,
            self.pp_id,
            ubah=False,
            parameter={**nilai, "catatan": ""},
        )

    def mulai_mediasi(self, n: int) -> None:
        self.maju(n)
        med = self.penugasan["mediator_calon"]
        self.tugaskan("mediator", med)
        self.ubah(
            "mulai_mediasi",
            "mediasi",
            self.pp_id,
            parameter={"mediator": med, "mediator_pembantu": None, "persetujuan_para_pihak": True},
            tanggal_mulai_mediasi=self.d,
            jalur="M",
        )

    def perpanjang(self, n: int) -> None:
        self.maju(n)
        self.ubah(
            "perpanjang_mediasi",
            "mediasi",
            self.penugasan["mediator"],
            parameter={"hari": 7, "persetujuan_para_pihak": True},
            mediasi_diperpanjang_hk=7,
        )

    def mediasi_berhasil(self, n: int) -> None:
        self.maju(n)
        kesepakatan = ["Termohon memberikan salinan dokumen", "Pemohon menanggung biaya salinan"]
        self.ubah(
            "mediasi_berhasil",
            "selesai_mediasi",
            self.penugasan["mediator"],
            parameter={"kesepakatan": kesepakatan, "jangka_waktu_pelaksanaan": 14},
            kesepakatan_mediasi=kesepakatan,
            jangka_waktu_pelaksanaan=14,
            tanggal_selesai_mediasi=self.d,
            tanggal_selesai=self.d,
        )

    def mediasi_gagal(self, n: int) -> None:
        self.maju(n)
        self.ubah(
            "mediasi_gagal",
            "ajudikasi",
            self.penugasan["mediator"],
            parameter={"sebab": "tidak_sepakat", "kesepakatan_sebagian": ""},
            sebab_mediasi_gagal="tidak_sepakat",
            kesepakatan_sebagian="",
            tanggal_selesai_mediasi=self.d,
            tanggal_mulai_ajudikasi=self.d,
            jalur="M-A",
        )

    def mulai_ajudikasi(self, n: int) -> None:
        self.maju(n)
        ditolak = "a" not in self.f["alasan"]
        self.ubah(
            "mulai_ajudikasi",
            "ajudikasi",
            self.pp_id,
            parameter={"mediasi_ditolak": ditolak},
            tanggal_mulai_ajudikasi=self.d,
            mediasi_ditolak=ditolak,
            jalur="A",
        )

    def tutup(self, n: int) -> None:
        self.maju(n)
        self.ubah("tutup_pemeriksaan", "musyawarah", self.pp_id, tanggal_tutup_pemeriksaan=self.d)

    def bacakan(self) -> None:
        amar = self.rng.choices(
            ["dikabulkan_seluruhnya", "dikabulkan_sebagian", "ditolak"], [45, 30, 25]
        )[0]
        musyawarah = max(self.kal.tambah(self.d, -2), self.f["tanggal_tutup_pemeriksaan"])
        nomor = self.f["nomor_register"]  # the commission has no ruling template
        self.ubah(
            "bacakan_putusan",
            "diputus",
            self.penugasan["ketua_majelis"],
            parameter={
                "amar": amar,
                "jangka_waktu_pelaksanaan": 10,
                "tanggal_musyawarah": musyawarah.isoformat(),
                "nomor_putusan": nomor,
            },
            amar=amar,
            isi_amar=PETITUM,
            jangka_waktu_pelaksanaan=10,
            tanggal_musyawarah=musyawarah,
            nomor_putusan=nomor,
            tanggal_putusan=self.d,
            tanggal_selesai=self.d,
        )

    def salinan(self, n: int, peran=("pemohon", "termohon")) -> None:
        self.maju(n)
        for p in peran:
            pid = self.pihak[p]["id"]
            self.g.baris.tambah(
                self.g.M["salinan"],
                id=self.g.ids["salinan"](),
                sengketa_id=self.id,
                pihak_id=pid,
                tanggal_diterima=self.d,
                dibatalkan=False,
            )
            self.riwayat(
                "catat_penerimaan_salinan",
                self.status,
                self.d,
                self.g.panitera(),
                ubah=False,
                parameter={"pihak": pid, "tanggal_diterima": self.d.isoformat()},
            )

    def keberatan(self, n: int) -> None:
        self.maju(n)
        g = self.g
        pid = self.pihak["termohon"]["id"]
        pengadilan = self.rng.choice(["PTUN Samarinda", "PN Samarinda", "PN Balikpapan"])
        nomor = f"{self.id}/G/KI/{self.d.year}/{pengadilan.split()[0]}"
        g.baris.tambah(
            g.M["keberatan"],
            id=g.ids["keberatan"](),
            sengketa_id=self.id,
            pihak_id=pid,
            jenis_pengadilan=pengadilan.split()[0],
            pengadilan=pengadilan,
            nomor_perkara=nomor,
            tanggal=self.d,
            terlambat=False,
            dibatalkan=False,
        )
        self.ubah(
            "catat_keberatan",
            "keberatan_pengadilan",
            g.panitera(),
            parameter={
                "pengadilan": pengadilan,
                "nomor_perkara": nomor,
                "pihak": pid,
                "terlambat": False,
            },
        )

    def inkracht(self, n: int) -> None:
        self.maju(n)
        self.ubah(
            "nyatakan_inkracht",
            "berkekuatan_hukum_tetap",
            self.g.panitera(),
            tanggal_inkracht=self.d,
        )

    def putusan_pengadilan(self, n: int) -> None:
        self.maju(n)
        g = self.g
        data = {
            "pengadilan": "PTUN Samarinda",
            "nomor": f"{self.id}/P/{self.d.year}",
            "hasil": "Menguatkan putusan Komisi Informasi",
            "final": True,
        }
        g.baris.tambah(
            g.M["putusan_pengadilan"],
            id=g.ids["putusan_pengadilan"](),
            sengketa_id=self.id,
            tanggal=self.d,
            dibatalkan=False,
            **data,
        )
        self.ubah(
            "catat_putusan_pengadilan",
            "berkekuatan_hukum_tetap",
            g.panitera(),
            parameter=data,
            tanggal_inkracht=self.d,
        )

    def cabut(self, n: int) -> None:
        self.maju(n)
        oleh = self.pp_id if self.status in ("pemeriksaan_awal", "mediasi") else self.g.panitera()
        alasan = "Informasi telah diberikan oleh Termohon"
        self.ubah(
            "cabut",
            "dicabut",
            oleh,
            parameter={"tanggal_surat": self.d.isoformat(), "alasan": alasan},
            tanggal_surat_pencabutan=self.d,
            alasan_pencabutan=alasan,
            tanggal_selesai=self.d,
            nomor_register_dicoret=bool(self.f.get("nomor_register")),
        )

    def gugurkan(self, n: int) -> None:
        self.maju(n)
        absen = [s["id"] for s in self.sidang]
        self.ubah(
            "gugurkan",
            "gugur",
            self.pp_id,
            parameter={"sidang_tidak_hadir": absen},
            tanggal_selesai=self.d,
        )

    def putusan_sela(self, n: int, dasar: str) -> None:
        self.maju(n)
        self.ubah(
            "putusan_sela",
            "tidak_diterima",
            self.pp_id,
            parameter={"dasar": dasar, "catatan": ""},
            dasar_putusan_sela=dasar,
            catatan_putusan_sela="",
            tanggal_selesai=self.d,
        )

    def limpahkan(self, n: int) -> None:
        self.maju(n)
        self.ubah(
            "limpahkan",
            "dilimpahkan",
            self.pp_id,
            parameter={"komisi_tujuan": KODE_TUJUAN, "sengketa_baru": None},
            komisi_tujuan_id=self.g.komisi_tujuan.pk,
            tanggal_selesai=self.d,
        )


def _json(nilai):
    return nilai.isoformat() if isinstance(nilai, date) else nilai


# The path to each final state: (step, working days after the previous step, options).
def jalur(status: str, rng: random.Random) -> list[tuple]:
    r = rng.randint
    awal = [("terima", 0)]
    if rng.random() < 0.2:
        awal.append(("minta", r(0, 3)))
    reg = [*awal, ("registrasi", r(1, 6))]
    majelis = [*reg, ("tetapkan_majelis", r(1, 5))]
    pa = [*majelis, ("sidang", r(7, 12), "pemeriksaan_awal"), ("pemeriksaan_awal", 0)]
    mediasi = [*pa, ("mulai_mediasi", 0)]
    sesi = [("sidang", r(5, 9), "mediasi") for _ in range(rng.choice((1, 1, 2)))]
    if rng.random() < 0.3:
        ajudikasi = [*pa, ("mulai_ajudikasi", 0)]
    else:
        ajudikasi = [*mediasi, *sesi, ("mediasi_gagal", 0)]
    bukti = [("sidang", r(7, 15), "pembuktian")]
    if rng.random() < 0.3:
        bukti.append(("sidang", r(7, 12), "kesimpulan"))
    musyawarah = [*ajudikasi, *bukti, ("tutup", r(1, 5))]
    diputus = [*musyawarah, ("sidang", r(5, 12), "pembacaan_putusan"), ("bacakan", 0)]
    salinan = [*diputus, ("salinan", r(1, 3))]
    if status == "diterima":
        return [("terima", 0)]
    if status == "menunggu_kelengkapan":
        return [("terima", 0), ("minta", r(0, 3))]
    if status == "tidak_diregistrasi":
        return [("terima", 0), ("minta", r(0, 3)), ("tolak", r(8, 12))]
    if status == "teregistrasi":
        return reg
    if status == "pemeriksaan_awal":
        if rng.random() < 0.5:
            return [*majelis, ("jadwal", r(5, 15), "pemeriksaan_awal")]
        return pa
    if status == "mediasi":
        langkah = [*mediasi, *sesi[: rng.choice((0, 1))]]
        if rng.random() < 0.1:
            langkah.append(("perpanjang", r(1, 3)))
        return [*langkah, ("jadwal", r(3, 10), "mediasi")] if rng.random() < 0.5 else langkah
    if status == "ajudikasi":
        if rng.random() < 0.5:
            return [*ajudikasi, ("jadwal", r(5, 15), "pembuktian")]
        return [*ajudikasi, *bukti]
    if status == "musyawarah":
        return [*musyawarah, ("jadwal", r(5, 12), "pembacaan_putusan")]
    if status == "diputus":
        return diputus if rng.random() < 0.3 else [*diputus, ("salinan", r(1, 3), ("pemohon",))]
    if status == "keberatan_pengadilan":
        return [*salinan, ("keberatan", r(3, 12))]
    if status == "berkekuatan_hukum_tetap":
        if rng.random() < 0.12:
            return [*salinan, ("keberatan", r(3, 12)), ("putusan_pengadilan", r(40, 150))]
        return [*salinan, ("inkracht", r(15, 25))]
    if status == "selesai_mediasi":
        return [*mediasi, *sesi, ("mediasi_berhasil", 0)]
    if status == "tidak_diterima":
        dasar = rng.choice(["daluwarsa", "legal_standing_pemohon", "tidak_berwenang"])
        temuan = {"daluwarsa": "dalam_jangka_waktu", "tidak_berwenang": "berwenang"}.get(
            dasar, dasar
        )
        return [
            *majelis,
            ("sidang", r(7, 12), "pemeriksaan_awal"),
            ("pemeriksaan_awal", 0, {temuan: False}),
            ("putusan_sela", r(1, 3), dasar),
        ]
    if status == "dilimpahkan":
        return [
            *majelis,
            ("sidang", r(7, 12), "pemeriksaan_awal"),
            ("pemeriksaan_awal", 0, {"berwenang": False}),
            ("limpahkan", r(1, 3)),
        ]
    if status == "dicabut":
        sebelum = rng.choice([[("terima", 0)], reg, majelis, mediasi])
        return [*sebelum, ("cabut", r(1, 10))]
    if status == "gugur":
        return [
            *majelis,
            ("sidang", r(7, 10), "pemeriksaan_awal", False),
            ("sidang", r(7, 10), "pemeriksaan_awal", False),
            ("gugurkan", 0),
        ]
    raise ValueError(status)


def panjang_hk(langkah: list[tuple]) -> int:
    return sum(x[1] for x in langkah if x[0] != "jadwal")


class Generator:
    """Plans cases and writes them, one batch per transaction."""

    def __init__(self, komisi, orang: Orang, rng: random.Random):
        from django.utils import timezone
        from viewflow.workflow.models import Process, Task

        from dokumen.models import Dokumen, Publikasi
        from sengketa.kalender import Kalender
        from sengketa.models import (
            BadanPublik,
            InformasiDiminta,
            KeberatanPengadilan,
            Kehadiran,
            Kuasa,
            Panggilan,
            PenerimaanSalinan,
            Penugasan,
            Pihak,
            PutusanPengadilan,
            RiwayatStatus,
            Sengketa,
            Sidang,
            Tenggat,
        )
        from sengketa.waktu import hari_ini, zona
        from workflows.models import ProsesSengketa

        muat_konstanta()
        self.komisi, self.orang, self.rng = komisi, orang, rng
        self.kal = Kalender.untuk(komisi)
        self.hari = hari_ini(komisi)
        self.zona = zona(komisi.zona_waktu)
        self.kini = timezone.now()
        self.M = {
            "sengketa": Sengketa,
            "pihak": Pihak,
            "kuasa": Kuasa,
            "informasi": InformasiDiminta,
            "riwayat": RiwayatStatus,
            "penugasan": Penugasan,
            "sidang": Sidang,
            "panggilan": Panggilan,
            "kehadiran": Kehadiran,
            "salinan": PenerimaanSalinan,
            "keberatan": KeberatanPengadilan,
            "putusan_pengadilan": PutusanPengadilan,
            "dokumen": Dokumen,
            "publikasi": Publikasi,
            "proses": Process,
            "proses_sengketa": ProsesSengketa,
            "tugas": Task,
            "tugas_sebelum": Task.previous.through,
            "tenggat": Tenggat,
        }
        self.ids = {k: Id(m) for k, m in self.M.items() if k not in ("proses_sengketa",)}
        self.baris = Baris()
        self.badan = list(BadanPublik.objects.filter(komisi=komisi).order_by("pk"))
        self.komisi_tujuan = self._komisi_tujuan()
        self.penghitung: Counter = Counter()
        for p in komisi_penghitung(komisi):
            self.penghitung[(p.seri, p.tahun)] = p.terakhir
        self.putaran = 0
        self.ringan = False
        self.berkas = berkas_bersama()
        self.n_kode = self.komisi.pk << 32  # one range per commission

    def _komisi_tujuan(self):
        from sengketa.models import KomisiInformasi

        k, _ = KomisiInformasi.objects.get_or_create(
            kode=KODE_TUJUAN,
            defaults={
                "nama": "Komisi Informasi Pusat (uji skala)",
                "tingkat": "pusat",
                "zona_waktu": "Asia/Jakarta",
            },
        )
        return k

    # -- people and numbers --
    def panitera(self) -> int:
        return self.rng.choice(self.orang.panitera).pk

    def pp(self) -> int:
        return self.rng.choice(self.orang.pp).pk

    def majelis(self) -> tuple[int, int, int, int]:
        kom = self.orang.komisioner
        self.putaran += 1
        i = self.putaran
        pilih = [kom[(i + k * 3) % len(kom)].pk for k in range(3)]
        mediator = kom[(i + 1) % len(kom)].pk
        return (*pilih, mediator)

    def akun_pihak(self) -> int:
        # Zipf-like: a few accounts file many times, most once.
        n = len(self.orang.pihak)
        return self.orang.pihak[min(n - 1, int(n * self.rng.random() ** 3))]

    def badan_untuk(self):
        return self.badan[min(len(self.badan) - 1, int(len(self.badan) * self.rng.random() ** 1.5))]

    def _seq(self, seri: str, tahun: int) -> int:
        self.penghitung[(seri, tahun)] += 1
        return self.penghitung[(seri, tahun)]

    def nomor_register(self, d: date) -> tuple[int, str]:
        from sengketa.penomoran import format_nomor

        seq = self._seq("register", d.year)
        return seq, format_nomor(
            self.komisi.template_nomor_register, seq=seq, tanggal=d, kode=self.komisi.kode
        )

    def nomor_surat(self, d: date) -> str:
        from sengketa.penomoran import format_nomor

        seq = self._seq("surat", d.year)
        return format_nomor(
            self.komisi.template_nomor_surat, seq=seq, tanggal=d, kode=self.komisi.kode
        )

    def nomor_penetapan(self, d: date) -> str:
        from sengketa.penomoran import format_nomor
        from workflows.penerbitan import TEMPLATE_PENETAPAN

        return format_nomor(
            TEMPLATE_PENETAPAN, seq=self._seq("penetapan", d.year), tanggal=d, kode=self.komisi.kode
        )

    # -- documents --
    def dokumen_langkah(self, kasus: Kasus, transisi: str, rid: int, tanggal: date, oleh) -> None:
        """What workflows.penerbitan issues for this step (one row per format)."""
        from workflows import penerbitan as P

        for jenis in P.DOKUMEN_LANGKAH.get(transisi, ()):
            if jenis in P.HANYA_TEREGISTRASI and not kasus.f.get("nomor_register"):
                continue
            peran = P.ALAMAT.get(jenis)
            pihak = kasus.pihak[peran]["id"] if peran else None
            self.dokumen(
                kasus,
                str(jenis),
                f"r{rid}",
                self._nomor(kasus, str(jenis), tanggal),
                rid,
                tanggal,
                oleh,
                pihak_id=pihak,
            )
        for jenis in P.PER_PIHAK.get(transisi, ()):
            for peran in ("pemohon", "termohon"):
                pid = kasus.pihak[peran]["id"]
                self.dokumen(
                    kasus,
                    str(jenis),
                    f"r{rid}-{pid}",
                    kasus.f.get("nomor_putusan", ""),
                    rid,
                    tanggal,
                    oleh,
                    pihak_id=pid,
                )

    def _nomor(self, kasus: Kasus, jenis: str, tanggal: date) -> str:
        from workflows import penerbitan as P

        if jenis == "tanda_terima":
            return f"TT-{kasus.id:05d}/{self.komisi.kode}/{kasus.f['tanggal_diterima'].year}"
        if jenis in P.PENETAPAN:
            return self.nomor_penetapan(tanggal)
        if jenis in ("putusan", "salinan_putusan"):
            return kasus.f.get("nomor_putusan", "")
        if jenis in (
            "pemberitahuan_kekurangan",
            "pemberitahuan_tidak_diregistrasi",
            "salinan_permohonan",
        ):
            return self.nomor_surat(tanggal)
        return kasus.f.get("nomor_register", "")

    def dokumen(self, kasus, jenis, subjek, nomor, rid, tanggal, oleh, **fk) -> None:
        from dokumen.render import FORMAT

        if self.ringan:
            return

        terbit = datetime.combine(tanggal, jam(11), tzinfo=self.zona)
        for fmt in FORMAT[jenis]:
            kunci = f"{kasus.id}:{jenis}:{subjek}:1:{fmt}"
            did = self.ids["dokumen"]()
            self.baris.tambah(
                self.M["dokumen"],
                id=did,
                komisi_id=self.komisi.pk,
                sengketa_id=kasus.id,
                sidang_id=fk.get("sidang_id"),
                panggilan_id=fk.get("panggilan_id"),
                pihak_id=fk.get("pihak_id"),
                jenis=jenis,
                nomor=nomor or "",
                versi=1,
                status="siap",
                format=fmt,
                berkas=self.berkas[fmt],
                # A distinct hash per row, as real documents have; the file is one shared one.
                sha256=hashlib.sha256(kunci.encode()).hexdigest(),
                kode_verifikasi=self.kode_verifikasi(),
                diterbitkan_pada=terbit,
                diterbitkan_oleh_id=oleh,
                riwayat_id=rid,
                kunci=kunci,
                galat="",
                percobaan=1,
                dibuat_pada=terbit,
            )
            if fmt == "pdf" and jenis in self.jenis_publikasi and self.rng.random() < 0.4:
                kasus.publikasi = (did, jenis, nomor or "", tanggal)

    @property
    def jenis_publikasi(self):
        from dokumen.aturan_publikasi import STATUS_FINAL

        if not hasattr(self, "_jenis_publikasi"):
            self._jenis_publikasi = {str(j) for j in STATUS_FINAL}
        return self._jenis_publikasi

    def kode_verifikasi(self) -> str:
        """10 base32 characters like the real ones, unique by construction: a bijection
        (an odd multiplier modulo 2**50) of a counter, so millions of rows never collide."""
        self.n_kode += 1
        n = (self.n_kode * 0x2F0B_3A4D_9C1) % (1 << 50)
        return "".join(B32[(n >> (5 * (9 - i))) & 31] for i in range(10))

    # -- one case --
    def rencana(self, status: str, d0: date, jalan: list[tuple]) -> Kasus:
        k = Kasus(self, status, d0)
        k.publikasi = None
        # Exempted information (reason a) is never mediated (UU 14/2008 Pasal 40(2)).
        k.tanpa_a = any(x[0] == "mulai_mediasi" for x in jalan)
        for langkah in jalan:
            nama, n, *opsi = langkah
            if nama == "terima":
                k.terima()
            elif nama == "sidang":
                k.sidang_diadakan(opsi[0], n, hadir=opsi[1] if len(opsi) > 1 else True)
            elif nama == "jadwal":
                hari = self.kal.tambah(k.d, n)
                k.sidang_terjadwal(opsi[0], hari)
            elif nama == "pemeriksaan_awal":
                k.pemeriksaan_awal(**(opsi[0] if opsi else {}))
            elif nama == "salinan":
                k.salinan(n, *opsi)
            elif nama == "putusan_sela":
                k.putusan_sela(n, opsi[0])
            elif nama == "bacakan":
                k.bacakan()
            else:
                getattr(
                    k,
                    {
                        "minta": "minta",
                        "tolak": "tolak",
                        "tutup": "tutup",
                        "gugurkan": "gugurkan",
                    }.get(nama, nama),
                )(n)
        assert k.status == status, (k.status, status, jalan)
        self._tulis_kasus(k)
        return k

    def _tulis_kasus(self, k: Kasus) -> None:
        f = k.f
        self.baris.tambah(
            self.M["sengketa"],
            id=k.id,
            komisi_id=self.komisi.pk,
            status=k.status,
            diubah_pada=k.saat(f["tanggal_efektif_terakhir"]),
            **f,
        )
        if k.publikasi and k.status in AKHIR | {"diputus", "keberatan_pengadilan"}:
            self._publikasi(k)
        self._proses(k)

    def _publikasi(self, k: Kasus) -> None:
        from dokumen.aturan_publikasi import HASIL_TETAP, STATUS_FINAL

        did, jenis, nomor, tanggal = k.publikasi
        if k.status not in {str(s) for s in STATUS_FINAL[jenis]}:
            return
        hasil = HASIL_TETAP.get(jenis) or k.f.get("amar") or "ditolak"
        terbit = datetime.combine(self.kal.tambah(tanggal, 3), jam(14), tzinfo=self.zona)
        self.baris.tambah(
            self.M["publikasi"],
            id=self.ids["publikasi"](),
            dokumen_id=did,
            komisi_id=self.komisi.pk,
            sengketa_id=k.id,
            jenis=jenis,
            nomor=nomor,
            nomor_register=k.f.get("nomor_register", ""),
            termohon=k.pihak["termohon"]["nama"],
            tanggal_putusan=tanggal,
            hasil=str(hasil),
            berkas=self.berkas["pdf"],
            sha256=hashlib.sha256(f"pub{did}".encode()).hexdigest(),
            kode_verifikasi=self.kode_verifikasi(),
            samaran=[],
            tanpa_informasi_dikecualikan=True,
            ditinjau_oleh_id=self.orang.panitera[0].pk,
            diterbitkan_pada=terbit,
            ditarik_pada=None,
            ditarik_oleh_id=None,
            alasan_penarikan="",
        )

    def _proses(self, k: Kasus) -> None:
        """The viewflow process as the routing leaves it (workflows/rute.py): a chain of done
        tasks and the open task of the status's node, or the End node of a terminal one."""
        if self.ringan:
            return
        M, ids = self.M, self.ids
        pid = ids["proses"]()
        mulai = k.f["dibuat_pada"]
        selesai = k.perubahan[-1][0] if k.status in AKHIR else None
        M_tugas = M["tugas"]
        self.baris.tambah(
            M["proses"],
            id=pid,
            flow_class=ALUR,
            status="DONE" if selesai else "NEW",
            created=mulai,
            finished=selesai,
            data={},
            parent_task_id=None,
            seed_content_type_id=None,
            seed_object_id=None,
            artifact_content_type_id=None,
            artifact_object_id=None,
        )
        self.baris.tambah(M["proses_sengketa"], process_ptr_id=pid, sengketa_id=k.id)

        def tugas(node, jenis, status, saat, sebelum, **kw) -> dict:
            tid = ids["tugas"]()
            izin = f"workflows.can_{node}_prosessengketa" if jenis == "HUMAN" else None
            baris = self.baris.tambah(
                M_tugas,
                id=tid,
                process_id=pid,
                flow_task=f"{ALUR}.{node}",
                flow_task_type=jenis,
                status=status,
                created=saat,
                assigned=kw.get("assigned"),
                started=kw.get("started"),
                finished=kw.get("finished"),
                scheduled=None,
                token="start",
                external_task_id=None,
                owner_id=kw.get("owner_id"),
                owner_permission=izin,
                owner_permission_content_type_id=None,
                owner_permission_obj_pk=None,
                data={},
                seed_content_type_id=None,
                seed_object_id=None,
                artifact_content_type_id=None,
                artifact_object_id=None,
            )
            if sebelum:
                self.baris.tambah(
                    M["tugas_sebelum"],
                    id=ids["tugas_sebelum"](),
                    from_task_id=tid,
                    to_task_id=sebelum["id"],
                )
            return baris

        t = tugas("mulai", "START", "DONE", mulai, None, started=mulai, finished=mulai)
        t = tugas("rute", "SWITCH", "DONE", mulai, t, finished=mulai)
        terbuka = tugas(TUGAS["diterima"], "HUMAN", "NEW", mulai, t)
        for saat, oleh, ke in k.perubahan:
            # The actor completes the open task; the Switch opens the next node (rute.py).
            terbuka.update(status="DONE", owner_id=oleh, assigned=saat, started=saat, finished=saat)
            t = tugas("rute", "SWITCH", "DONE", saat, terbuka, finished=saat)
            if ke in AKHIR:
                tugas("selesai", "END", "DONE", saat, t, started=saat, finished=saat)
            else:
                terbuka = tugas(TUGAS[ke], "HUMAN", "NEW", saat, t)

    # -- batches --
    def rencanakan_semua(self, jumlah: int, bobot: dict | None = None) -> list[tuple]:
        """(start date, final state, path) of every case, oldest first: numbers follow the
        dates."""
        rng = self.rng
        bobot = bobot or BOBOT_STATUS
        status = rng.choices(list(bobot), list(bobot.values()), k=jumlah)
        rencana = []
        batas_awal = AWAL_DATA.toordinal()
        for s in status:
            langkah = jalur(s, rng)
            n = panjang_hk(langkah)
            if s in AKHIR:
                akhir = self.kal.tambah(self.hari, -(n + 5))
                # Intake grows over the years: more cases recently.
                d = date.fromordinal(
                    batas_awal + int((akhir.toordinal() - batas_awal) * rng.random() ** 0.7)
                )
            else:
                # Open: the last step is recent; some have waited long (overdue deadlines).
                tunggu = int(rng.expovariate(1 / 12))
                d = self.kal.tambah(self.hari, -(n + tunggu + 1))
            if not self.kal.adalah_hari_kerja(d):
                d = self.kal.tambah(d, 1)
            rencana.append((d, s, langkah))
        rencana.sort(key=lambda x: x[0])
        return rencana

    def tulis_potongan(self, rencana: list[tuple[date, str, list]], penulis) -> None:
        self.baris = Baris()
        awal = self.ids["sengketa"].berikut
        for d0, status, langkah in rencana:
            self.rencana(status, d0, langkah)
        urutan = [
            "sengketa",
            "pihak",
            "kuasa",
            "informasi",
            "riwayat",
            "penugasan",
            "sidang",
            "panggilan",
            "kehadiran",
            "salinan",
            "keberatan",
            "putusan_pengadilan",
            "dokumen",
            "publikasi",
            "proses",
            "proses_sengketa",
            "tugas",
            "tugas_sebelum",
        ]
        for kunci in urutan:
            model = self.M[kunci]
            if self.ringan and kunci not in RINGAN:
                continue
            if model in self.baris.per_model:
                penulis.tulis(model, self.baris.per_model[model])
        if not self.ringan:
            self.tulis_tenggat(awal, awal + len(rencana), penulis)

    def tulis_tenggat(self, dari: int, sampai: int, penulis) -> None:
        """Deadlines as the services store them: the real computation on the rows written."""
        from sengketa.models import Sengketa
        from sengketa.models.tenggat import berjalan
        from sengketa.tenggat import hitung_tenggat, status_tenggat

        kasus = (
            Sengketa.objects.filter(pk__gte=dari, pk__lt=sampai)
            .select_related("komisi")
            .prefetch_related(
                "sidang__panggilan", "pihak", "penerimaan_salinan", "keberatan_pengadilan"
            )
        )
        baris, punya_tenggat_berjalan = [], set()
        hk = self.komisi.hk_mendekati
        for s in kasus:
            for spes in hitung_tenggat(s, self.kal):
                if berjalan(spes.aktif, spes.terpenuhi_pada):
                    punya_tenggat_berjalan.add(s.pk)
                baris.append(
                    {
                        "id": self.ids["tenggat"](),
                        "sengketa_id": s.pk,
                        "kode": spes.kode,
                        "pihak_id": spes.pihak_id,
                        "sidang_id": spes.sidang_id,
                        "mulai": spes.mulai,
                        "panjang": spes.panjang,
                        "satuan": spes.satuan,
                        "tanggal": spes.tanggal,
                        "dasar": spes.dasar,
                        "terpenuhi_pada": spes.terpenuhi_pada,
                        "status": status_tenggat(
                            tanggal=spes.tanggal,
                            terpenuhi_pada=spes.terpenuhi_pada,
                            hari_ini=self.hari,
                            kal=self.kal,
                            hk_mendekati=hk,
                        ),
                        "aktif": spes.aktif,
                        "diubah_pada": self.kini,
                    }
                )
        penulis.tulis(self.M["tenggat"], baris)
        # Each case's nearest running deadline from the rows just written, as the services
        # keep it (the cases were written before their deadlines could be computed).
        from workflows.layanan.tenggat import segarkan_tenggat_terdekat

        segarkan_tenggat_terdekat(Sengketa.objects.filter(pk__in=sorted(punya_tenggat_berjalan)))

    def tulis_penghitung(self) -> None:
        from sengketa.models import Penghitung

        for (seri, tahun), n in self.penghitung.items():
            Penghitung.objects.update_or_create(
                komisi=self.komisi, seri=seri, tahun=tahun, defaults={"terakhir": n}
            )


def komisi_penghitung(komisi):
    from sengketa.models import Penghitung

    return list(Penghitung.objects.filter(komisi=komisi))


def berkas_bersama() -> dict[str, str]:
    """One tiny PDF and one tiny DOCX under MEDIA_ROOT that every generated document row
    points at (their metadata are what the pages read; the download then has a file)."""
    from django.conf import settings

    nama = {"pdf": "dokumen/bench/bersama.pdf", "docx": "dokumen/bench/bersama.docx"}
    akar = Path(settings.MEDIA_ROOT)
    pdf = akar / nama["pdf"]
    if not pdf.exists():
        from io import BytesIO

        from docx import Document
        from reportlab.pdfgen.canvas import Canvas

        pdf.parent.mkdir(parents=True, exist_ok=True)
        buf = BytesIO()
        c = Canvas(buf)
        c.drawString(72, 760, "Dokumen uji skala (benchmark)")
        c.save()
        pdf.write_bytes(buf.getvalue())
        d = Document()
        d.add_paragraph("Dokumen uji skala (benchmark)")
        d.save(str(akar / nama["docx"]))
    return nama


# -- writing rows ----------------------------------------------------------------------


class Penulis:
    """COPY on PostgreSQL, executemany elsewhere; every NOT NULL column gets a value."""

    def __init__(self):
        from django.db import connection

        self.conn = connection
        self.pg = connection.vendor == "postgresql"
        self._kolom: dict = {}
        self.jumlah: Counter = Counter()

    def kolom(self, model) -> list[tuple[str, str, object]]:
        """(attname, column, default) of the table's own columns (a multi-table child
        writes only its own). A NOT NULL column without a default must be given."""
        if model not in self._kolom:
            kolom = []
            for f in model._meta.local_concrete_fields:
                bawaan = f.get_default()
                if bawaan is None and not f.null:
                    bawaan = WAJIB
                kolom.append((f.attname, f.column, bawaan))
            self._kolom[model] = kolom
        return self._kolom[model]

    def tulis(self, model, baris: list[dict]) -> None:
        if not baris:
            return
        from django.db.models import JSONField

        kolom = self.kolom(model)
        tabel = model._meta.db_table
        nama_kolom = ", ".join(f'"{c}"' for _a, c, _b in kolom)
        dikenal = {a for a, _c, _b in kolom}
        asing = set(baris[0]) - dikenal
        wajib = {a for a, _c, b in kolom if b is WAJIB} - set(baris[0])
        if asing or wajib:
            raise KeyError(f"{tabel}: unknown {sorted(asing)}, missing {sorted(wajib)}")
        self.jumlah[tabel] += len(baris)
        pasangan = [(a, d) for a, _c, d in kolom]
        medan = {f.attname: f for f in model._meta.local_concrete_fields}
        json_i = [i for i, (a, _d) in enumerate(pasangan) if isinstance(medan[a], JSONField)]
        with self.conn.cursor() as c:
            if self.pg:
                with c.cursor.copy(f'COPY "{tabel}" ({nama_kolom}) FROM STDIN') as copy:
                    for b in baris:
                        v = [b.get(a, d) for a, d in pasangan]
                        for i in json_i:
                            v[i] = json.dumps(v[i])
                        copy.write_row(v)
            else:
                tanda = ", ".join(["%s"] * len(kolom))
                c.executemany(
                    f'INSERT INTO "{tabel}" ({nama_kolom}) VALUES ({tanda})',
                    [[_sqlite(b.get(a, d)) for a, d in pasangan] for b in baris],
                )

    def setel_urutan(self, model) -> None:
        if not self.pg:
            return
        tabel = model._meta.db_table
        pk = model._meta.pk.column
        with self.conn.cursor() as c:
            c.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{tabel}\"', '{pk}'), "
                f'COALESCE((SELECT MAX("{pk}") FROM "{tabel}"), 1))'
            )


WAJIB = object()  # a NOT NULL column without a default
# What a light data set keeps (--ringan): the cases and the rows the case search and the
# visibility rule read. For measuring the search at 1,000,000 cases without 40 GB of rows.
RINGAN = ("sengketa", "pihak", "kuasa", "informasi")


def _sqlite(nilai):
    if isinstance(nilai, dict | list):
        return json.dumps(nilai)
    if isinstance(nilai, datetime):
        return nilai.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(nilai, date):
        return nilai.isoformat()
    return nilai


# -- the commission --------------------------------------------------------------------


def siapkan_komisi(kode: str):
    from sengketa.libur import muat_csv
    from sengketa.models import BadanPublik, KomisiInformasi

    muat_csv()
    komisi, _ = KomisiInformasi.objects.get_or_create(
        kode=kode,
        defaults={
            "nama": f"Komisi Informasi Provinsi Uji Skala ({kode})",
            "nama_singkat": kode,
            "tingkat": "provinsi",
            "zona_waktu": "Asia/Makassar",
            "kota": "Samarinda",
            "alamat": "Jl. Kesuma Bangsa No. 1, Samarinda",
            "email": "sengketa@example.org",
        },
    )
    if not BadanPublik.objects.filter(komisi=komisi).exists():
        BadanPublik.objects.bulk_create(
            BadanPublik(
                komisi=komisi,
                nama=f"{dinas} {wilayah}",
                kategori=kategori,
                alamat=f"Jl. Gajah Mada No. {i + 1}, {wilayah.split(' ', 1)[1]}",
                kota=wilayah.split(" ", 1)[1],
                ppid_nama=f"PPID {dinas}",
                ppid_email=f"ppid{i}@{_awalan(kode)}.example",
                ppid_telepon="0541 000000",
            )
            for i, (wilayah, (dinas, kategori)) in enumerate((w, d) for w in WILAYAH for d in DINAS)
        )
    return komisi


def hubungkan_ppid(komisi, orang: Orang) -> None:
    """Officers (PPID) with a portal account on the first public bodies: they see those
    bodies' cases on the portal."""
    from sengketa.models import BadanPublik

    Through = BadanPublik.petugas.through
    badan = list(BadanPublik.objects.filter(komisi=komisi).order_by("pk")[: len(orang.ppid)])
    ada = set(Through.objects.filter(badanpublik__in=badan).values_list("user_id", flat=True))
    Through.objects.bulk_create(
        [
            Through(badanpublik_id=b.pk, user_id=u)
            for b, u in zip(badan, orang.ppid, strict=False)
            if u not in ada
        ]
    )


TABEL_KASUS = (
    "sengketa_tenggat",
    "sengketa_kehadiran",
    "sengketa_panggilan",
    "sengketa_sidang",
    "sengketa_riwayatstatus",
    "sengketa_penugasan",
    "sengketa_informasidiminta",
    "sengketa_kuasa",
    "sengketa_pihak",
    "sengketa_penerimaansalinan",
    "sengketa_keberatanpengadilan",
    "sengketa_putusanpengadilan",
    "sengketa_nomordicoret",
    "dokumen_publikasi",
    "dokumen_dokumen",
    "viewflow_task_previous",
    "viewflow_task",
    "workflows_prosessengketa",
    "viewflow_process",
    "sengketa_indekscari",
    "sengketa_sengketa",
    "sengketa_penghitung",
)


def kosongkan() -> None:
    """Remove every case of the bench database (it is ours alone): TRUNCATE on PostgreSQL."""
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute(f"TRUNCATE {', '.join(TABEL_KASUS)} CASCADE")
        else:
            for t in TABEL_KASUS:
                c.execute(f'DELETE FROM "{t}"')


@dataclass
class Ringkasan:
    komisi: object
    orang: Orang
    jumlah: int
    detik: float | None  # None: reused
    baris: dict


def isi(
    komisi,
    jumlah: int,
    *,
    benih: int = BENIH,
    bobot=None,
    analisa: bool = True,
    ringan: bool = False,
    cetak=print,
) -> dict:
    """Generate `jumlah` cases into `komisi`; returns the number of rows per table.
    `ringan`: the case rows and what the search reads only (RINGAN)."""
    from django.db import connection, transaction

    orang = buat_orang(komisi, jumlah)
    hubungkan_ppid(komisi, orang)
    rng = random.Random(benih + komisi.pk)
    g = Generator(komisi, orang, rng)
    g.ringan = ringan
    penulis = Penulis()
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SET synchronous_commit TO off")  # this session only: a bulk load
    rencana = g.rencanakan_semua(jumlah, bobot)
    mulai = time.perf_counter()
    for awal in range(0, jumlah, POTONG):
        with transaction.atomic():
            g.tulis_potongan(rencana[awal : awal + POTONG], penulis)
        selesai = min(jumlah, awal + POTONG)
        if selesai % 20_000 == 0 or selesai == jumlah:
            cetak(f"  {selesai:>9,} cases written ({time.perf_counter() - mulai:.0f} s)")
    with transaction.atomic():
        g.tulis_penghitung()
        for model in g.M.values():
            if model._meta.auto_field:
                penulis.setel_urutan(model)
    if analisa and connection.vendor == "postgresql":
        # VACUUM too: the cases were updated once after COPY (their nearest deadline), and
        # index-only scans need the visibility map a long-lived database has. (Not inside a
        # transaction, where PostgreSQL refuses it.)
        with connection.cursor() as c:
            c.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return dict(penulis.jumlah)


def pastikan_skema() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def pastikan_data(
    jumlah: int, kode: str = KODE, *, baru: bool = False, ringan: bool = False, cetak=print
) -> Ringkasan:
    """The commission `kode` with exactly `jumlah` generated cases: reused when present."""
    from sengketa.models import Sengketa

    pastikan_skema()
    komisi = siapkan_komisi(kode)
    ada = Sengketa.objects.filter(komisi=komisi).count()
    if ada == jumlah and not baru:
        cetak(f"reusing {ada:,} cases of {kode}")
        return Ringkasan(komisi, orang_bench(kode), ada, None, {})
    if ada:
        cetak(f"removing the {ada:,} cases of the bench database")
        kosongkan()
    cetak(f"generating {jumlah:,} cases of {kode} ...")
    t = time.perf_counter()
    baris = isi(komisi, jumlah, ringan=ringan, cetak=cetak)
    detik = time.perf_counter() - t
    total = sum(baris.values())
    cetak(
        f"generated {jumlah:,} cases, {total:,} rows in {detik:.0f} s "
        f"({jumlah / detik:,.0f} cases/s, {total / detik:,.0f} rows/s)"
    )
    return Ringkasan(komisi, orang_bench(kode), jumlah, detik, baris)


# -- proof: the services accept the generated cases ------------------------------------


def periksa_transisi(komisi, orang: Orang | None = None) -> list[tuple[str, str, str, bool, str]]:
    """Fire the natural next transition of one generated case per open state through the
    real services; check the new status and that the open task is the new status's node.
    Returns (from, transition, to, ok, note) per state. Changes the cases it uses."""
    from django.db import transaction

    from sengketa.galat import KesalahanProsedur
    from sengketa.models import Pihak, Sengketa
    from workflows import layanan as L
    from workflows.alur import TUGAS_PER_STATUS
    from workflows.kait import tanpa_pengumuman
    from workflows.rute import tugas_terbuka

    orang = orang or orang_bench(komisi.kode)
    hasil = []

    def kasus(status, **saring):
        return (
            Sengketa.objects.filter(komisi=komisi, status=status, **saring)
            .order_by("-tanggal_efektif_terakhir", "-pk")
            .first()
        )

    def pp(s):
        return s.penugasan.get(peran="panitera_pengganti", aktif=True).pengguna

    def peran(s, p):
        return s.penugasan.get(peran=p, aktif=True).pengguna

    rencana = {
        "diterima": (
            "registrasi",
            lambda s: L.sengketa_registrasi(sengketa_id=s.pk, oleh=orang.panitera[0]),
        ),
        "menunggu_kelengkapan": (
            "registrasi",
            lambda s: L.sengketa_registrasi(
                sengketa_id=s.pk,
                oleh=orang.panitera[0],
                pengecualian_kelengkapan="Termohon tidak memberi tanda terima keberatan",
            ),
        ),
        "teregistrasi": (
            "tetapkan_majelis",
            lambda s: L.sengketa_tetapkan_majelis(
                sengketa_id=s.pk,
                oleh=orang.ketua,
                ketua_majelis=orang.komisioner[0],
                anggota=orang.komisioner[1:3],
                panitera_pengganti=orang.pp[0],
            ),
        ),
        "pemeriksaan_awal": ("mulai_mediasi", lambda s: _pa_lalu_mediasi(L, s, pp(s), orang)),
        "mediasi": (
            "mediasi_berhasil",
            lambda s: L.sengketa_mediasi_berhasil(
                sengketa_id=s.pk,
                oleh=peran(s, "mediator"),
                kesepakatan=["Informasi diberikan"],
                jangka_waktu_pelaksanaan=14,
            ),
        ),
        "ajudikasi": (
            "tutup_pemeriksaan",
            lambda s: L.sengketa_tutup_pemeriksaan(sengketa_id=s.pk, oleh=pp(s)),
        ),
        "musyawarah": ("bacakan_putusan", lambda s: _bacakan(L, s, peran(s, "ketua_majelis"))),
        "diputus": (
            "catat_keberatan",
            lambda s: L.sengketa_catat_keberatan(
                sengketa_id=s.pk,
                oleh=orang.panitera[0],
                pengadilan="PTUN Samarinda",
                nomor_perkara="1/G/KI/2026/PTUN.SMD",
                pihak=Pihak.objects.get(sengketa=s, peran="termohon").pk,
            ),
        ),
        "keberatan_pengadilan": (
            "catat_putusan_pengadilan",
            lambda s: L.sengketa_catat_putusan_pengadilan(
                sengketa_id=s.pk,
                oleh=orang.panitera[0],
                pengadilan="PTUN Samarinda",
                nomor="2/P/2026",
                hasil="Menguatkan",
                final=True,
            ),
        ),
    }
    saring = {
        "pemeriksaan_awal": {"berwenang__isnull": True, "alasan__regex": "^[b-g]+$"},
        "ajudikasi": {"sidang__jenis": "pembuktian", "sidang__status": "selesai"},
        "musyawarah": {"sidang__jenis": "pembacaan_putusan", "sidang__mulai__lte": _kini()},
    }
    for status, (nama, aksi) in rencana.items():
        s = kasus(status, **saring.get(status, {}))
        if s is None:
            hasil.append((status, nama, "-", False, "no generated case in this state"))
            continue
        try:
            with tanpa_pengumuman(), transaction.atomic():
                baru = aksi(s)
        except KesalahanProsedur as galat:
            hasil.append((status, nama, s.status, False, f"refused: {galat}"))
            continue
        tugas = tugas_terbuka(s.pk)
        node = tugas.flow_task.name if tugas else "End"
        harap = TUGAS_PER_STATUS.get(baru.status, "End")
        ok = baru.status != status and node == harap
        hasil.append((status, nama, baru.status, ok, f"open task: {node}"))
    return hasil


def _kini():
    from django.utils import timezone

    return timezone.now()


def _pa_lalu_mediasi(L, s, pp, orang):
    L.sengketa_catat_pemeriksaan_awal(
        sengketa_id=s.pk,
        oleh=pp,
        berwenang=True,
        legal_standing_pemohon=True,
        legal_standing_termohon=True,
        dalam_jangka_waktu=True,
    )
    mediator = s.penugasan.filter(peran="ketua_majelis").first().pengguna
    bebas = [k for k in orang.komisioner if not s.penugasan.filter(pengguna=k).exists()]
    return L.sengketa_mulai_mediasi(
        sengketa_id=s.pk,
        oleh=pp,
        mediator=bebas[0] if bebas else mediator,
        persetujuan_para_pihak=True,
    )


def _bacakan(L, s, ketua_majelis):
    from sengketa.waktu import tanggal_lokal

    sidang = s.sidang.filter(jenis="pembacaan_putusan").order_by("-mulai").first()
    hari = tanggal_lokal(s.komisi, sidang.mulai)
    return L.sengketa_bacakan_putusan(
        sengketa_id=s.pk,
        oleh=ketua_majelis,
        amar="dikabulkan_sebagian",
        isi_amar=PETITUM,
        jangka_waktu_pelaksanaan=10,
        tanggal_musyawarah=max(hari, s.tanggal_tutup_pemeriksaan),
        tanggal=hari,
    )


def cetak_periksa(hasil) -> bool:
    print("next transition through the real service, one generated case per open state:")
    for dari, nama, ke, ok, catatan in hasil:
        print(f"  {'OK  ' if ok else 'FAIL'} {dari:22s} --{nama}--> {ke:24s} {catatan}")
    return all(ok for *_x, ok, _c in hasil)


def jumlah_dari_lingkungan(cepat: bool, jumlah: int | None) -> int:
    if jumlah:
        return jumlah
    if cepat or os.environ.get("BENCH_CEPAT"):
        return JUMLAH_CEPAT
    return int(os.environ.get("BENCH_JUMLAH") or JUMLAH_BAKU)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jumlah", type=int, help=f"cases (default {JUMLAH_BAKU:,}; env BENCH_JUMLAH)")
    ap.add_argument("--cepat", action="store_true", help=f"{JUMLAH_CEPAT:,} cases, a smoke run")
    ap.add_argument("--komisi", default=KODE, help="commission code")
    ap.add_argument("--db", help=f"PostgreSQL database (default {NAMA_DB}[_ringan][_cepat])")
    ap.add_argument("--sqlite", type=Path, help="write to this SQLite file instead")
    ap.add_argument("--baru", action="store_true", help="regenerate even if the size matches")
    ap.add_argument(
        "--ringan",
        action="store_true",
        help="light: cases, parties, kuasa and requested items only (for the 1,000,000 search)",
    )
    ap.add_argument(
        "--periksa",
        action="store_true",
        help="then fire one next transition per open state (changes those cases)",
    )
    a = ap.parse_args()
    if a.sqlite:
        siapkan_sqlite(a.sqlite)
    elif siapkan_postgres(nama_db(a.db, cepat=a.cepat, ringan=a.ringan)) is None:
        return 1
    django_siap()
    jumlah = jumlah_dari_lingkungan(a.cepat, a.jumlah)
    r = pastikan_data(jumlah, a.komisi, baru=a.baru, ringan=a.ringan)
    if r.baris:
        for tabel, n in sorted(r.baris.items(), key=lambda x: -x[1]):
            print(f"  {tabel:32s} {n:>12,}")
    if a.periksa and not a.ringan:
        return 0 if cetak_periksa(periksa_transisi(r.komisi, r.orang)) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
