"""`manage.py muat_demo`: reference data, and demo users and cases on development machines.

What it loads, in one transaction, each step idempotent:

1. the role groups (sengketa.peran);
2. the commissions of fixtures/komisi.json, created by `kode` only when missing;
3. the public bodies of fixtures/badan_publik_*.json, created by (commission, name) only
   when missing;
4. the national holidays of fixtures/hari-libur-2024-2026.csv (sengketa.libur.muat_csv,
   which also brings a national row of a CSV date back in line with the CSV);
5. demo users per role, only with DEBUG on or with --paksa;
6. demo cases, when `workflows.demo` exists (it provides `buat_kasus_demo(stdout)`).

Steps 2 and 3 never update an existing row, so what an admin edited survives a re-run
(that is why the JSON is read here instead of `loaddata`, which overwrites by pk). Existing
users are not reset either: only their missing groups, memberships and links are added.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sengketa.models import BadanPublik, KategoriBadanPublik, Keanggotaan, KomisiInformasi
from sengketa.peran import Peran, pastikan_grup_peran

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
BERKAS_KOMISI = "komisi.json"
BERKAS_BADAN_PUBLIK = ("badan_publik_kaltim.json", "badan_publik_pusat.json")
BERKAS_LIBUR = "hari-libur-2024-2026.csv"

KALTIM = "KIP-KALTIM"
PUSAT = "KI-PUSAT"
BADAN_PUBLIK_TERMOHON = "Pemerintah Provinsi Kalimantan Timur"
KATA_SANDI_DEMO = "demo12345"
MODUL_KASUS_DEMO = "workflows.demo"


@dataclass(frozen=True)
class PenggunaDemo:
    username: str
    first_name: str
    last_name: str
    email: str
    grup: tuple[str, ...]
    # (commission code, position) pairs; empty for parties, who are not commission staff.
    keanggotaan: tuple[tuple[str, str], ...] = ()
    superuser: bool = False


def _staf(kode_komisi: str, jabatan: str) -> tuple[tuple[str, str], ...]:
    return ((kode_komisi, jabatan),)


PENGGUNA_DEMO: tuple[PenggunaDemo, ...] = (
    PenggunaDemo(
        "panitera",
        "Agus",
        "Setiadi",
        "panitera@kipkaltim.example",
        (Peran.PANITERA,),
        _staf(KALTIM, "Panitera"),
    ),
    PenggunaDemo(
        "pp",
        "Fitri",
        "Handayani",
        "pp@kipkaltim.example",
        (Peran.PANITERA_PENGGANTI,),
        _staf(KALTIM, "Panitera Pengganti"),
    ),
    PenggunaDemo(
        "ketua",
        "Muhammad Rizal",
        "Hakim",
        "ketua@kipkaltim.example",
        (Peran.KETUA, Peran.KOMISIONER),
        _staf(KALTIM, "Ketua"),
    ),
    PenggunaDemo(
        "komisioner1",
        "Siti",
        "Rahmawati",
        "komisioner1@kipkaltim.example",
        (Peran.KOMISIONER,),
        _staf(KALTIM, "Komisioner"),
    ),
    PenggunaDemo(
        "komisioner2",
        "Andi",
        "Firmansyah",
        "komisioner2@kipkaltim.example",
        (Peran.KOMISIONER,),
        _staf(KALTIM, "Komisioner"),
    ),
    PenggunaDemo(
        "komisioner3",
        "Rina",
        "Oktaviani",
        "komisioner3@kipkaltim.example",
        (Peran.KOMISIONER,),
        _staf(KALTIM, "Komisioner"),
    ),
    PenggunaDemo(
        "komisioner4",
        "Yosef",
        "Lahang",
        "komisioner4@kipkaltim.example",
        (Peran.KOMISIONER,),
        _staf(KALTIM, "Komisioner"),
    ),
    PenggunaDemo(
        "komisioner5",
        "Nurul",
        "Hidayah",
        "komisioner5@kipkaltim.example",
        (Peran.KOMISIONER,),
        _staf(KALTIM, "Komisioner"),
    ),
    PenggunaDemo(
        "pemohon",
        "Budi",
        "Santoso",
        "pemohon@warga.example",
        (Peran.PIHAK,),
    ),
    PenggunaDemo(
        "termohon",
        "Ahmad",
        "Fauzi",
        "ppid@kaltimprov.example",
        (Peran.PIHAK,),
    ),
    PenggunaDemo(
        "admin",
        "Administrator",
        "Sistem",
        "admin@kipkaltim.example",
        (Peran.ADMIN,),
        ((KALTIM, "Administrator Sistem"), (PUSAT, "Administrator Sistem")),
        superuser=True,
    ),
)


class Hitungan:
    """Created vs already present, per kind of row, for the summary lines."""

    def __init__(self) -> None:
        self.baris: dict[str, list[int]] = {}

    def catat(self, jenis: str, dibuat: bool) -> None:
        angka = self.baris.setdefault(jenis, [0, 0])
        angka[0 if dibuat else 1] += 1

    def tambah(self, jenis: str, dibuat: int, sudah_ada: int) -> None:
        angka = self.baris.setdefault(jenis, [0, 0])
        angka[0] += dibuat
        angka[1] += sudah_ada

    def teks(self, jenis: str) -> str:
        dibuat, sudah_ada = self.baris.get(jenis, [0, 0])
        return f"{jenis}: {dibuat} dibuat, {sudah_ada} sudah ada"


def _baca_json(nama: str):
    path = FIXTURES / nama
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as e:
        raise CommandError(f"Berkas data acuan tidak ditemukan: {path}") from e
    except json.JSONDecodeError as e:
        raise CommandError(f"Berkas {path} bukan JSON yang sah: {e}") from e


class Command(BaseCommand):
    help = (
        "Muat data acuan (grup peran, komisi, badan publik, hari libur 2024-2026) dan, bila "
        "DEBUG aktif atau dengan --paksa, pengguna dan perkara demo. Aman dijalankan berulang: "
        "hanya membuat yang belum ada; komisi, badan publik dan pengguna yang sudah ada tidak "
        "diubah."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--paksa",
            action="store_true",
            help="Buat pengguna demo walaupun DEBUG tidak aktif (jangan di produksi).",
        )
        parser.add_argument(
            "--tanpa-pengguna",
            action="store_true",
            help="Lewati pengguna demo (dan perkara demo); hanya data acuan.",
        )
        parser.add_argument(
            "--tanpa-kasus",
            action="store_true",
            help="Lewati perkara demo (workflows.demo).",
        )

    def handle(self, *args, **opsi):
        hitungan = Hitungan()
        with transaction.atomic():
            self._grup_peran(hitungan)
            komisi = self._komisi(hitungan)
            self._badan_publik(komisi, hitungan)
            self._hari_libur()

            pengguna_dimuat = False
            if opsi["tanpa_pengguna"]:
                self.stdout.write("Pengguna demo dilewati (--tanpa-pengguna).")
            elif not settings.DEBUG and not opsi["paksa"]:
                self.stdout.write(
                    self.style.WARNING(
                        "Pengguna demo dilewati: DEBUG tidak aktif. Gunakan --paksa untuk tetap "
                        "membuatnya (kata sandinya diketahui umum, jangan di produksi)."
                    )
                )
            else:
                self._pengguna(komisi, hitungan)
                pengguna_dimuat = True

            if pengguna_dimuat and not opsi["tanpa_kasus"]:
                self._kasus_demo()
            elif not pengguna_dimuat:
                self.stdout.write("Perkara demo dilewati (tidak ada pengguna demo).")
            else:
                self.stdout.write("Perkara demo dilewati (--tanpa-kasus).")

        self.stdout.write(self.style.SUCCESS("Selesai."))

    # 1. Role groups -----------------------------------------------------------------------

    def _grup_peran(self, hitungan: Hitungan) -> None:
        nama = [p.value for p in Peran]
        sebelum = Group.objects.filter(name__in=nama).count()
        pastikan_grup_peran()
        sesudah = Group.objects.filter(name__in=nama).count()
        hitungan.tambah("Grup peran", sesudah - sebelum, sebelum)
        self.stdout.write(hitungan.teks("Grup peran"))

    # 2. Commissions -----------------------------------------------------------------------

    def _komisi(self, hitungan: Hitungan) -> dict[str, KomisiInformasi]:
        hasil: dict[str, KomisiInformasi] = {}
        for entri in _baca_json(BERKAS_KOMISI):
            if entri.get("model") != "sengketa.komisiinformasi":
                raise CommandError(f"{BERKAS_KOMISI}: model tak dikenal {entri.get('model')!r}")
            kolom = dict(entri["fields"])
            kode = kolom.pop("kode")
            komisi = KomisiInformasi.objects.filter(kode=kode).first()
            dibuat = komisi is None
            if dibuat:
                # No explicit pk: on PostgreSQL an explicit pk does not advance the sequence,
                # so the next commission added through the admin would collide with it.
                komisi = KomisiInformasi(kode=kode, **kolom)
                _validasi(komisi, f"{BERKAS_KOMISI} ({kode})")
                komisi.save()
            hitungan.catat("Komisi", dibuat)
            hasil[kode] = komisi
        self.stdout.write(hitungan.teks("Komisi"))
        return hasil

    # 3. Public bodies ---------------------------------------------------------------------

    def _badan_publik(self, komisi: dict[str, KomisiInformasi], hitungan: Hitungan) -> None:
        kategori_sah = set(KategoriBadanPublik.values)
        for nama_berkas in BERKAS_BADAN_PUBLIK:
            data = _baca_json(nama_berkas)
            kode = data["komisi"]
            milik = komisi.get(kode) or KomisiInformasi.objects.filter(kode=kode).first()
            if milik is None:
                raise CommandError(f"{nama_berkas}: komisi {kode!r} tidak ada.")
            ada = set(BadanPublik.objects.filter(komisi=milik).values_list("nama", flat=True))
            for baris in data["badan_publik"]:
                if baris["kategori"] not in kategori_sah:
                    raise CommandError(
                        f"{nama_berkas}: kategori tak dikenal {baris['kategori']!r} "
                        f"untuk {baris['nama']!r}."
                    )
                if baris["nama"] in ada:
                    hitungan.catat("Badan publik", dibuat=False)
                    continue
                badan = BadanPublik(
                    komisi=milik,
                    nama=baris["nama"],
                    kategori=baris["kategori"],
                    alamat=baris.get("alamat", ""),
                    kota=baris.get("kota", ""),
                )
                _validasi(badan, f"{nama_berkas} ({baris['nama']})")
                badan.save()
                ada.add(badan.nama)
                hitungan.catat("Badan publik", dibuat=True)
        self.stdout.write(hitungan.teks("Badan publik"))

    # 4. Holidays --------------------------------------------------------------------------

    def _hari_libur(self) -> None:
        from sengketa.libur import muat_csv

        hasil = muat_csv(FIXTURES / BERKAS_LIBUR)
        teks = f"Hari libur: {hasil.dibuat} dibuat, {hasil.tetap} sudah ada"
        if hasil.diubah:
            teks += f", {hasil.diubah} diselaraskan dengan {BERKAS_LIBUR}"
        self.stdout.write(teks)

    # 5. Demo users ------------------------------------------------------------------------

    def _pengguna(self, komisi: dict[str, KomisiInformasi], hitungan: Hitungan) -> None:
        User = get_user_model()
        grup = {g.name: g for g in Group.objects.filter(name__in=[p.value for p in Peran])}
        termohon_bp = BadanPublik.objects.filter(
            komisi=komisi[KALTIM], nama=BADAN_PUBLIK_TERMOHON
        ).first()
        if termohon_bp is None:
            raise CommandError(f"Badan publik {BADAN_PUBLIK_TERMOHON!r} tidak ada di {KALTIM}.")

        for data in PENGGUNA_DEMO:
            user = User.objects.filter(username=data.username).first()
            dibuat = user is None
            if dibuat:
                user = User(
                    username=data.username,
                    first_name=data.first_name,
                    last_name=data.last_name,
                    email=data.email,
                    is_staff=data.superuser,
                    is_superuser=data.superuser,
                )
                user.set_password(KATA_SANDI_DEMO)
                user.save()
            hitungan.catat("Pengguna demo", dibuat)

            # Ensure, never reset: only what is missing is added.
            punya = set(user.groups.values_list("name", flat=True))
            kurang = [grup[g] for g in data.grup if g not in punya]
            if kurang:
                user.groups.add(*kurang)
            for kode, jabatan in data.keanggotaan:
                _, baru = Keanggotaan.objects.get_or_create(
                    komisi=komisi[kode], pengguna=user, defaults={"jabatan": jabatan}
                )
                hitungan.catat("Keanggotaan", baru)
            if data.username == "pemohon":
                self._profil_portal(user)
            if data.username == "termohon":
                baru = not termohon_bp.petugas.filter(pk=user.pk).exists()
                if baru:
                    termohon_bp.petugas.add(user)
                hitungan.catat("Petugas badan publik", baru)

        for jenis in ("Pengguna demo", "Keanggotaan", "Petugas badan publik"):
            self.stdout.write(hitungan.teks(jenis))
        if hitungan.baris["Pengguna demo"][0]:
            self.stdout.write(f"Kata sandi pengguna demo yang baru dibuat: {KATA_SANDI_DEMO}")

    def _profil_portal(self, user) -> None:
        """The demo applicant fills its online filings from a portal profile (verified)."""
        if not apps.is_installed("portal"):
            return
        ProfilPihak = apps.get_model("portal", "ProfilPihak")
        ProfilPihak.objects.get_or_create(
            pengguna=user,
            defaults={
                "nama": user.get_full_name(),
                "nomor_identitas": "6472010101800001",
                "alamat": "Jl. Pahlawan No. 10, Samarinda",
                "telepon": "0812-5555-0101",
                "email_terverifikasi_pada": timezone.now(),
            },
        )

    # 6. Demo cases ------------------------------------------------------------------------

    def _kasus_demo(self) -> None:
        if importlib.util.find_spec(MODUL_KASUS_DEMO) is None:
            self.stdout.write(f"Perkara demo dilewati ({MODUL_KASUS_DEMO} belum ada).")
            return
        modul = importlib.import_module(MODUL_KASUS_DEMO)
        modul.buat_kasus_demo(self.stdout)


def _validasi(obj, sumber: str) -> None:
    try:
        obj.full_clean()
    except ValidationError as e:
        raise CommandError(f"Data tidak sah di {sumber}: {e.message_dict}") from e
