"""One cell of a register -> one value. Registries write dates and labels in many ways
("6 Maret 2024", "06/03/2024", an Excel date, "Rabu, 6 Maret 2024"); the shapes of the
register export (sengketa/register.py) are all accepted, and the common variants too.

A cell that cannot be read raises `NilaiTidakValid` with an Indonesian message (gettext);
the planner turns it into a rejection of the row.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import translation
from django.utils.translation import gettext as _

from sengketa import register as R
from sengketa.models import (
    Amar,
    DasarPutusanSela,
    JenisPemohon,
    JenisSidang,
    StatusSengketa,
)


class NilaiTidakValid(ValueError):
    """A cell that cannot be read; `str()` is the message for people."""


def normal(teks) -> str:
    """Lower case, accents and punctuation off, single spaces: how labels and names are
    compared ("No. Register" == "no register", "PTUN  Samarinda" == "ptun samarinda")."""
    teks = unicodedata.normalize("NFKD", str(teks or "")).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", teks.lower()).split())


def teks(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, datetime | date):
        return R.tgl(nilai if isinstance(nilai, date) else nilai.date())
    return str(nilai).strip()


# --- dates ---

BULAN = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_HARI = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
_NAMA_BULAN = re.compile(
    rf"^(?:{_HARI},?\s+)?(?:tanggal\s+)?(\d{{1,2}})\s+([a-z]+)\.?\s+(\d{{4}})$", re.IGNORECASE
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
EXCEL_NOL = date(1899, 12, 30)


def _tanggal_teks(s: str) -> date:
    s = " ".join(s.replace("\u00a0", " ").split())
    if m := _ISO.match(s):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(s):
        tahun = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return date(tahun, int(m[2]), int(m[1]))
    if m := _NAMA_BULAN.match(s):
        bulan = BULAN.get(m[2].lower())
        if bulan:
            return date(int(m[3]), bulan, int(m[1]))
    raise ValueError(s)


def tanggal(nilai, kolom: str) -> date | None:
    """A date from a date cell, an Excel serial number, or text; None when empty."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    try:
        if isinstance(nilai, int | float) and not isinstance(nilai, bool):
            if not 20000 < nilai < 80000:  # 1954..2119: anything else is not a date
                raise ValueError(nilai)
            return EXCEL_NOL + timedelta(days=int(nilai))
        return _tanggal_teks(str(nilai).strip())
    except ValueError:
        raise NilaiTidakValid(
            _("Unreadable date in column %(kolom)s: %(nilai)s.") % {"kolom": kolom, "nilai": nilai}
        ) from None


# --- labels: the register's Indonesian wording, the codes, the app's labels, synonyms ---


def _kamus(pilihan, bahasa_id: dict, sinonim: dict) -> dict[str, str]:
    """normalised label -> code, from the register wording, the model choices in English
    and Indonesian (the app's translations), the codes themselves and common synonyms."""
    kamus = {normal(kode): kode for kode in pilihan.values}
    for kode, label in pilihan.choices:
        for bahasa in ("en", "id"):
            with translation.override(bahasa):
                kamus[normal(str(label))] = kode
    kamus.update({normal(label): kode for kode, label in bahasa_id.items()})
    kamus.update({normal(label): kode for label, kode in sinonim.items()})
    return kamus


S = StatusSengketa
SINONIM_STATUS = {
    "inkracht": S.BERKEKUATAN_HUKUM_TETAP,
    "bht": S.BERKEKUATAN_HUKUM_TETAP,
    "berkekuatan hukum tetap": S.BERKEKUATAN_HUKUM_TETAP,
    "putus": S.DIPUTUS,
    "sudah diputus": S.DIPUTUS,
    "mediasi berhasil": S.SELESAI_MEDIASI,
    "selesai mediasi": S.SELESAI_MEDIASI,
    "berhasil mediasi": S.SELESAI_MEDIASI,
    "cabut": S.DICABUT,
    "pencabutan": S.DICABUT,
    "putusan sela": S.TIDAK_DITERIMA,
    "tidak diterima": S.TIDAK_DITERIMA,
    "keberatan": S.KEBERATAN_PENGADILAN,
    "keberatan pengadilan": S.KEBERATAN_PENGADILAN,
    "musyawarah": S.MUSYAWARAH,
    "registrasi": S.TEREGISTRASI,
    "terdaftar": S.TEREGISTRASI,
    "belum lengkap": S.MENUNGGU_KELENGKAPAN,
    "tidak teregistrasi": S.TIDAK_DIREGISTRASI,
}
SINONIM_JALUR = {
    "M": "M",
    "A": "A",
    "M-A": "M-A",
    "mediasi ajudikasi": "M-A",
    "mediasi gagal ajudikasi": "M-A",
    "mediasi kemudian ajudikasi": "M-A",
    "ajudikasi non litigasi": "A",
    "pencabutan": "",
    "dicabut": "",
}
SINONIM_JENIS_PEMOHON = {
    "individu": "perorangan",
    "perseorangan": "perorangan",
    "orang perorangan": "perorangan",
    "badan hukum": "badan_hukum",
    "lembaga": "badan_hukum",
    "kelompok": "kelompok_orang",
}
SINONIM_AMAR = {
    "mengabulkan seluruhnya": Amar.DIKABULKAN_SELURUHNYA,
    "dikabulkan": Amar.DIKABULKAN_SELURUHNYA,
    "dikabulkan seluruhnya": Amar.DIKABULKAN_SELURUHNYA,
    "mengabulkan sebagian": Amar.DIKABULKAN_SEBAGIAN,
    "menolak": Amar.DITOLAK,
}
SINONIM_DASAR = {
    "tidak berwenang": "tidak_berwenang",
    "kadaluwarsa": "daluwarsa",
    "kedaluwarsa": "daluwarsa",
    "itikad tidak baik": "itikad_tidak_baik",
    "legal standing pemohon": "legal_standing_pemohon",
    "legal standing termohon": "legal_standing_termohon",
}
SINONIM_SIDANG = {
    "pa": JenisSidang.PEMERIKSAAN_AWAL,
    "pemeriksaan pendahuluan": JenisSidang.PEMERIKSAAN_AWAL,
    "ajudikasi": JenisSidang.PEMBUKTIAN,
    "pemeriksaan lanjutan": JenisSidang.PEMBUKTIAN,
    "putusan": JenisSidang.PEMBACAAN_PUTUSAN,
    "pembacaan putusan": JenisSidang.PEMBACAAN_PUTUSAN,
    "putusan sela": JenisSidang.PEMBACAAN_PUTUSAN_SELA,
    "putusan mediasi": JenisSidang.PEMBACAAN_PUTUSAN_MEDIASI,
    "kesimpulan": JenisSidang.KESIMPULAN,
}


class _Jalur:
    values = ("M", "A", "M-A")
    choices = ()


_KAMUS: dict[str, dict[str, str]] = {}


def kamus(nama: str) -> dict[str, str]:
    """Built once per process (the translations are loaded by then)."""
    if nama not in _KAMUS:
        _KAMUS[nama] = {
            "status": lambda: _kamus(StatusSengketa, R.STATUS_ID, SINONIM_STATUS),
            "jalur": lambda: _kamus(_Jalur, R.JALUR_ID, SINONIM_JALUR),
            "jenis_pemohon": lambda: _kamus(
                JenisPemohon, R.JENIS_PEMOHON_ID, SINONIM_JENIS_PEMOHON
            ),
            "amar": lambda: _kamus(Amar, R.AMAR_ID, SINONIM_AMAR),
            "dasar": lambda: _kamus(DasarPutusanSela, R.DASAR_SELA_ID, SINONIM_DASAR),
            "sidang": lambda: _kamus(JenisSidang, R.SIDANG_ID, SINONIM_SIDANG),
        }[nama]()
    return _KAMUS[nama]


def label(nama: str, nilai) -> str | None:
    """The code of a label, or None when it is not known."""
    return kamus(nama).get(normal(nilai))


def cari_label(nama: str, teks_bebas: str) -> str | None:
    """The longest known label contained in a free text ("Dikabulkan sebagian; ...")."""
    isi = f" {normal(teks_bebas)} "
    terbaik = None
    for kunci, kode in kamus(nama).items():
        if kunci and f" {kunci} " in isi and (terbaik is None or len(kunci) > len(terbaik[0])):
            terbaik = (kunci, kode)
    return terbaik[1] if terbaik else None


# --- reasons (Pasal 35(1)) ---

_HURUF_SAJA = re.compile(r"^[a-g](?:\s*[,;/&]?\s*(?:dan\s+)?[a-g])*$", re.IGNORECASE)
_HURUF_AWAL = re.compile(r"^\s*(?:huruf\s+)?([a-g])\s*(?:[.)]|$)", re.IGNORECASE)


def alasan(nilai) -> list[str]:
    """ "c, e" / "ce" / "c. tidak ditanggapinya ...\\ne. ..." -> ["c", "e"]; [] if unknown."""
    s = teks(nilai)
    if not s:
        return []
    if _HURUF_SAJA.match(s.strip()):
        return sorted(set(re.findall(r"[a-g]", s.lower())))
    huruf = set()
    for bagian in re.split(r"[\n;]+", s):
        if m := _HURUF_AWAL.match(bagian):
            huruf.add(m[1].lower())
        elif bagian.strip():
            # The wording of the reason without its letter ("tidak ditanggapinya ...").
            kode = next((k for k, v in R.ALASAN_ID.items() if normal(v) == normal(bagian)), None)
            if kode is None:
                return []
            huruf.add(kode)
    return sorted(huruf)


# --- lists of people ---


@dataclass(frozen=True)
class Nama:
    nama: str
    penanda: str = ""  # "ketua", "pembantu" or ""


_PENANDA = re.compile(r"\s*\((ketua|ketua majelis|pembantu|mediator pembantu)\)\s*$", re.I)
_AWALAN = re.compile(r"^\s*(ketua majelis|ketua|anggota|mediator pembantu|pembantu)\s*:\s*", re.I)


def daftar_nama(nilai) -> list[Nama]:
    """ "A (Ketua); B; C" or one name per line; "Ketua: A" works too. Commas are kept: they
    belong to academic titles ("Dr. Nama, S.H., M.H.")."""
    hasil = []
    for bagian in re.split(r"[\n;]+", teks(nilai)):
        bagian = bagian.strip()
        if not bagian:
            continue
        penanda = ""
        if m := _PENANDA.search(bagian):
            penanda = "pembantu" if "pembantu" in m[1].lower() else "ketua"
            bagian = bagian[: m.start()].strip()
        if m := _AWALAN.match(bagian):
            kata = m[1].lower()
            penanda = (
                "ketua" if kata.startswith("ketua") else ("pembantu" if "pembantu" in kata else "")
            )
            bagian = bagian[m.end() :].strip()
        if bagian:
            hasil.append(Nama(bagian, penanda))
    return hasil


def daftar_informasi(nilai) -> list[str]:
    """One item per line, their "1." numbering off."""
    butir = [re.sub(r"^\s*\d+\s*[.)]\s*", "", b).strip() for b in teks(nilai).splitlines()]
    return [b for b in butir if b]


# --- hearings ---


@dataclass
class EntriSidang:
    tanggal: date
    jenis: str | None  # None: not written, inferred by the planner
    status: str = "selesai"  # "selesai", "ditunda", "dijadwalkan"
    kehadiran: dict = field(default_factory=dict)  # {"pemohon": "tidak_hadir_tanpa_alasan"}
    tebakan: bool = False  # the type was not written: the planner inferred it


_ENTRI = re.compile(r"^(?P<tanggal>[^()]+?)\s*(?:[(\[](?P<catatan>[^)\]]*)[)\]])?\s*$")
_KEHADIRAN = {
    "tidak hadir dengan alasan": "tidak_hadir_dengan_alasan",
    "tidak hadir tanpa alasan": "tidak_hadir_tanpa_alasan",
    "tidak hadir": "tidak_hadir_tanpa_alasan",
    "diwakili kuasa": "diwakili",
    "diwakili": "diwakili",
    "hadir": "hadir",
}


def sidang(nilai, kolom: str) -> list[EntriSidang]:
    """One hearing per line (or separated by ";" when the cell has one line):
    "20 Maret 2024 (Pemeriksaan awal, Pemohon tidak hadir)", or a bare date."""
    s = teks(nilai) if not isinstance(nilai, date | datetime) else R.tgl(tanggal(nilai, kolom))
    bagian = s.splitlines() if "\n" in s else s.split(";")
    hasil = []
    for b in (x.strip() for x in bagian):
        if not b:
            continue
        m = _ENTRI.match(b)
        if not m:
            raise NilaiTidakValid(
                _("Unreadable hearing in column %(kolom)s: %(nilai)s.")
                % {"kolom": kolom, "nilai": b}
            )
        entri = EntriSidang(tanggal=tanggal(m["tanggal"], kolom), jenis=None)
        for catatan in (c.strip() for c in (m["catatan"] or "").split(",")):
            _catatan_sidang(entri, catatan, kolom)
        hasil.append(entri)
    return sorted(hasil, key=lambda e: e.tanggal)


def _catatan_sidang(entri: EntriSidang, catatan: str, kolom: str) -> None:
    n = normal(catatan)
    if not n:
        return
    if n in ("ditunda", "dijadwalkan", "selesai"):
        entri.status = n
        return
    for peran in ("pemohon", "termohon"):
        if n.startswith(peran + " "):
            kehadiran = _KEHADIRAN.get(n[len(peran) + 1 :])
            if kehadiran:
                entri.kehadiran[peran] = kehadiran
                return
    jenis = label("sidang", catatan)
    if jenis and entri.jenis is None:
        entri.jenis = jenis
        return
    raise NilaiTidakValid(
        _("Unknown hearing note in column %(kolom)s: %(nilai)s.")
        % {"kolom": kolom, "nilai": catatan}
    )


# --- after the ruling ---

_PERAN = {"pemohon": "pemohon", "termohon": "termohon"}
_SALINAN = re.compile(r"^(?P<peran>pemohon|termohon)\s*:\s*(?P<tanggal>.+)$", re.I)
_KEBERATAN = re.compile(
    r"^(?P<peran>pemohon|termohon)\s*:\s*(?P<pengadilan>.+?),\s*(?:no\.?|nomor)\s*(?P<nomor>.+?),"
    r"\s*(?P<tanggal>[^,(]+?)\s*(?P<terlambat>\(terlambat\))?$",
    re.I,
)
_PUTUSAN_PENGADILAN = re.compile(
    r"^putusan\s+(?P<pengadilan>.+?)\s+(?:no\.?|nomor)\s*(?P<nomor>.+?),\s*(?P<tanggal>[^:]+?)\s*:"
    r"\s*(?P<hasil>.*?)\s*(?P<final>\(final\))?$",
    re.I,
)


@dataclass(frozen=True)
class Keberatan:
    peran: str
    pengadilan: str
    nomor: str
    tanggal: date


@dataclass(frozen=True)
class PutusanPengadilan:
    pengadilan: str
    nomor: str
    tanggal: date
    hasil: str
    final: bool


def salinan(nilai, kolom: str) -> list[tuple[str, date]]:
    """ "Pemohon: 3 Juni 2024" per line -> [("pemohon", date)]."""
    hasil = []
    for b in re.split(r"[\n;]+", teks(nilai)):
        if not b.strip():
            continue
        m = _SALINAN.match(b.strip())
        if not m:
            raise NilaiTidakValid(
                _("Unreadable copy receipt in column %(kolom)s: %(nilai)s.")
                % {"kolom": kolom, "nilai": b.strip()}
            )
        hasil.append((_PERAN[m["peran"].lower()], tanggal(m["tanggal"], kolom)))
    return hasil


def keberatan(nilai, kolom: str) -> tuple[list[Keberatan], list[PutusanPengadilan]]:
    objek, putusan = [], []
    for b in (x.strip() for x in teks(nilai).splitlines()):
        if not b:
            continue
        if m := _PUTUSAN_PENGADILAN.match(b):
            putusan.append(
                PutusanPengadilan(
                    m["pengadilan"].strip(),
                    m["nomor"].strip(),
                    tanggal(m["tanggal"], kolom),
                    m["hasil"].strip(),
                    bool(m["final"]),
                )
            )
        elif m := _KEBERATAN.match(b):
            objek.append(
                Keberatan(
                    _PERAN[m["peran"].lower()],
                    m["pengadilan"].strip(),
                    m["nomor"].strip(),
                    tanggal(m["tanggal"], kolom),
                )
            )
        else:
            raise NilaiTidakValid(
                _("Unreadable court objection in column %(kolom)s: %(nilai)s.")
                % {"kolom": kolom, "nilai": b}
            )
    return objek, putusan


_JANGKA = re.compile(r"(\d+)\s*(?:\([^)]*\)\s*)?(?:hari kerja|hk\b|working days)", re.I)
_CABUT = re.compile(r"surat\s+(?:tanggal\s+)?(?P<tanggal>\d{1,2}\s+\w+\s+\d{4}|[\d/.\-]+)", re.I)


def jangka_pelaksanaan(hasil: str) -> int | None:
    m = _JANGKA.search(hasil or "")
    return int(m[1]) if m else None


def pencabutan(hasil: str, kolom: str) -> tuple[date | None, str]:
    """ "Dicabut atas surat tanggal 6 Maret 2024: alasan" -> (letter date, reason)."""
    s = teks(hasil)
    surat = None
    if m := _CABUT.search(s):
        surat = tanggal(m["tanggal"], kolom)
    alasan_cabut = s.split(":", 1)[1].strip() if ":" in s else ""
    return surat, alasan_cabut


def dicoret(nilai) -> bool:
    n = normal(teks(nilai))
    return bool(n) and n not in ("tidak", "no", "n", "0", "false", "belum")
