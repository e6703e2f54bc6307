"""The register book (buku register, dokumen.md): one row per case of a commission for a year
or a date range, with every column of the spec as formatted Indonesian text.

The register book is a document of the commission, so its wording is Indonesian whatever
the reader's UI language (like the letters in dokumen/konteks.py). The same column keys
and cell formats are read back by the register import (workflows/impor), which is why the
multi-value cells have a fixed, parseable shape:

- hearings: one per line, "20 Maret 2024 (Pemeriksaan awal, Pemohon tidak hadir)";
- panel: "Nama Ketua (Ketua); Anggota 1; Anggota 2"; mediators "Nama; Nama (pembantu)";
- copy receipts: "Pemohon: 3 Juni 2024" per line; court objections
  "Termohon: PTUN Samarinda, No. 12/G/KI/2024/PTUN.SMD, 10 Juni 2024" per line, and court
  rulings "Putusan PTUN Samarinda No. ..., 1 Agustus 2024: hasil (final)".

The rows are read with a fixed number of queries whatever their number (prefetching).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from django.db.models import Prefetch, Q

from .kalender import format_tanggal
from .models import (
    InformasiDiminta,
    KeberatanPengadilan,
    Kehadiran,
    Kuasa,
    NomorDicoret,
    PenerimaanSalinan,
    Penugasan,
    PeranPenugasan,
    Pihak,
    PutusanPengadilan,
    RiwayatStatus,
    Sengketa,
    Sidang,
    StatusSengketa,
    StatusSidang,
)
from .penomoran import urutan_dari_nomor
from .waktu import tanggal_lokal

S = StatusSengketa

# --- Indonesian wording of the register (a document: not UI text) ---

STATUS_ID = {
    S.DITERIMA: "Diterima",
    S.MENUNGGU_KELENGKAPAN: "Menunggu kelengkapan",
    S.TIDAK_DIREGISTRASI: "Tidak diregistrasi",
    S.TEREGISTRASI: "Teregistrasi",
    S.PEMERIKSAAN_AWAL: "Pemeriksaan awal",
    S.MEDIASI: "Mediasi",
    S.AJUDIKASI: "Ajudikasi",
    S.MUSYAWARAH: "Musyawarah majelis",
    S.DIPUTUS: "Diputus",
    S.KEBERATAN_PENGADILAN: "Keberatan di pengadilan",
    S.BERKEKUATAN_HUKUM_TETAP: "Berkekuatan hukum tetap",
    S.SELESAI_MEDIASI: "Selesai melalui mediasi",
    S.TIDAK_DITERIMA: "Tidak dapat diterima",
    S.DILIMPAHKAN: "Dilimpahkan",
    S.DICABUT: "Dicabut",
    S.GUGUR: "Gugur",
}
JALUR_ID = {"M": "Mediasi", "A": "Ajudikasi", "M-A": "Mediasi, lalu ajudikasi"}
JALUR_PENCABUTAN = "Pencabutan"
JENIS_PEMOHON_ID = {
    "perorangan": "Perorangan",
    "badan_hukum": "Badan hukum",
    "kelompok_orang": "Kelompok orang",
    "badan_publik": "Badan publik",
}
ALASAN_ID = {
    "a": "penolakan atas permintaan informasi berdasarkan alasan pengecualian",
    "b": "tidak disediakannya informasi berkala",
    "c": "tidak ditanggapinya permintaan informasi",
    "d": "permintaan informasi ditanggapi tidak sebagaimana yang diminta",
    "e": "tidak dipenuhinya permintaan informasi",
    "f": "pengenaan biaya yang tidak wajar",
    "g": "penyampaian informasi yang melebihi waktu yang diatur",
}
SIDANG_ID = {
    "pemeriksaan_awal": "Pemeriksaan awal",
    "mediasi": "Mediasi",
    "pembuktian": "Pembuktian",
    "pemeriksaan_setempat": "Pemeriksaan setempat",
    "kesimpulan": "Kesimpulan",
    "pembacaan_putusan_sela": "Pembacaan putusan sela",
    "pembacaan_putusan": "Pembacaan putusan",
    "pembacaan_putusan_mediasi": "Pembacaan putusan mediasi",
}
AMAR_ID = {
    "dikabulkan_seluruhnya": "Dikabulkan seluruhnya",
    "dikabulkan_sebagian": "Dikabulkan sebagian",
    "ditolak": "Ditolak",
}
DASAR_SELA_ID = {
    "tidak_berwenang": "Komisi tidak berwenang",
    "legal_standing_pemohon": "Pemohon tidak memiliki kedudukan hukum",
    "legal_standing_termohon": "Termohon bukan badan publik",
    "daluwarsa": "Daluwarsa",
    "prematur": "Prematur",
    "itikad_tidak_baik": "Tidak beritikad baik",
}
PERAN_ID = {"pemohon": "Pemohon", "termohon": "Termohon"}
KEHADIRAN_CATATAN = {
    "tidak_hadir_tanpa_alasan": "tidak hadir",
    "tidak_hadir_dengan_alasan": "tidak hadir dengan alasan",
    "diwakili": "diwakili kuasa",
}
SIDANG_STATUS_CATATAN = {StatusSidang.DITUNDA: "ditunda", StatusSidang.DIJADWALKAN: "dijadwalkan"}
HASIL_MEDIASI = "Putusan mediasi"
HASIL_SELA = "Putusan sela"
HASIL_GUGUR = "Gugur"
HASIL_TIDAK_DIREGISTRASI = "Tidak diregistrasi"
PENANDA_KETUA = "(Ketua)"
PENANDA_PEMBANTU = "(pembantu)"
DICORET_PENCABUTAN = "Dicoret (pencabutan)"


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    lebar: int  # width in the spreadsheet, in characters
    tanggal: bool = False


KOLOM = (
    Kolom("no", "No.", 5),
    Kolom("nomor_register", "Nomor Register", 30),
    Kolom("tanggal_diterima", "Tanggal Diterima", 14, True),
    Kolom("tanggal_registrasi", "Tanggal Registrasi", 14, True),
    Kolom("jenis_pemohon", "Jenis Pemohon", 15),
    Kolom("pemohon", "Pemohon", 28),
    Kolom("kuasa", "Kuasa Pemohon", 24),
    Kolom("termohon", "Termohon", 32),
    Kolom("informasi", "Informasi yang Diminta", 45),
    Kolom("alasan", "Alasan Keberatan", 42),
    Kolom("majelis", "Majelis Komisioner", 34),
    Kolom("panitera_pengganti", "Panitera Pengganti", 24),
    Kolom("mediator", "Mediator", 24),
    Kolom("sidang", "Sidang", 44),
    Kolom("tahapan", "Tahapan", 22),
    Kolom("jalur", "Jalur", 20),
    Kolom("hasil", "Hasil", 36),
    Kolom("tanggal_selesai", "Tanggal Putusan/Penyelesaian", 16, True),
    Kolom("penerimaan_salinan", "Penerimaan Salinan Putusan", 28),
    Kolom("keberatan", "Keberatan ke Pengadilan", 40),
    Kolom("tanggal_inkracht", "Tanggal Berkekuatan Hukum Tetap", 16, True),
    Kolom("dicoret", "Dicoret", 26),
    # Beyond the spec's minimum: the import needs them to enter a case with its real dates.
    Kolom("tanggal_permohonan_informasi", "Tanggal Permohonan Informasi", 16, True),
    Kolom("tanggal_keberatan", "Tanggal Keberatan", 16, True),
)
KUNCI_KOLOM = tuple(k.kunci for k in KOLOM)


def tgl(d: date | None) -> str:
    return format_tanggal(d, dengan_hari=False) if d else ""


@dataclass(frozen=True)
class BarisRegister:
    """One row. Date columns are dates (real dates in the spreadsheet); `teks()` gives
    every column as the text printed in the PDF and shown on screen."""

    no: int
    nomor_register: str
    tanggal_diterima: date | None
    tanggal_registrasi: date | None
    jenis_pemohon: str
    pemohon: str
    kuasa: str
    termohon: str
    informasi: str
    alasan: str
    majelis: str
    panitera_pengganti: str
    mediator: str
    sidang: str
    tahapan: str
    jalur: str
    hasil: str
    tanggal_selesai: date | None
    penerimaan_salinan: str
    keberatan: str
    tanggal_inkracht: date | None
    dicoret: str  # empty, or the struck-out mark with its ground
    tanggal_permohonan_informasi: date | None
    tanggal_keberatan: date | None
    sengketa_id: int | None = None

    @property
    def tercoret(self) -> bool:
        return bool(self.dicoret)

    def nilai(self, kunci: str):
        return getattr(self, kunci)

    def teks(self, kunci: str) -> str:
        nilai = getattr(self, kunci)
        if isinstance(nilai, date):
            return tgl(nilai)
        return "" if nilai is None else str(nilai)

    def sel(self) -> tuple:
        """The values of KOLOM in order (dates as dates)."""
        return tuple(getattr(self, k) for k in KUNCI_KOLOM)


assert [f.name for f in fields(BarisRegister)][: len(KOLOM)] == list(KUNCI_KOLOM)


@dataclass(frozen=True)
class BukuRegister:
    komisi_nama: str
    periode: str  # "Tahun 2024" or "1 Januari 2024 s.d. 31 Maret 2024"
    mulai: date
    sampai: date
    baris: tuple[BarisRegister, ...]


def periode_teks(mulai: date, sampai: date) -> str:
    if (mulai.month, mulai.day, sampai.month, sampai.day) == (1, 1, 12, 31) and (
        mulai.year == sampai.year
    ):
        return f"Tahun {mulai.year}"
    return f"{tgl(mulai)} s.d. {tgl(sampai)}"


# --- cells ---


def _nama(pengguna) -> str:
    return pengguna.get_full_name() or pengguna.get_username()


def _daftar_bernomor(butir: list[str]) -> str:
    if len(butir) == 1:
        return butir[0]
    return "\n".join(f"{i}. {teks}" for i, teks in enumerate(butir, start=1))


def _alasan(s: Sengketa) -> str:
    return "\n".join(f"{a}. {ALASAN_ID.get(a, a)}" for a in s.daftar_alasan)


def _penugasan(s: Sengketa) -> dict[str, list[str]]:
    per_peran: dict[str, list[str]] = {}
    for p in s.penugasan.all():  # prefetched: active only, ordered by id
        per_peran.setdefault(p.peran, []).append(_nama(p.pengguna))
    return per_peran


def _majelis(per_peran: dict) -> str:
    ketua = [f"{n} {PENANDA_KETUA}" for n in per_peran.get(PeranPenugasan.KETUA_MAJELIS, [])]
    return "; ".join([*ketua, *per_peran.get(PeranPenugasan.ANGGOTA_MAJELIS, [])])


def _mediator(per_peran: dict) -> str:
    pembantu = [
        f"{n} {PENANDA_PEMBANTU}" for n in per_peran.get(PeranPenugasan.MEDIATOR_PEMBANTU, [])
    ]
    return "; ".join([*per_peran.get(PeranPenugasan.MEDIATOR, []), *pembantu])


def _sidang(s: Sengketa, peran_pihak: dict[int, str]) -> str:
    baris = []
    for sd in s.sidang.all():  # prefetched without cancelled hearings, ordered by start
        catatan = [SIDANG_ID.get(sd.jenis, sd.jenis)]
        if sd.status in SIDANG_STATUS_CATATAN:
            catatan.append(SIDANG_STATUS_CATATAN[sd.status])
        for k in sorted(sd.kehadiran.all(), key=lambda k: peran_pihak.get(k.pihak_id, "")):
            if k.status in KEHADIRAN_CATATAN and k.pihak_id in peran_pihak:
                peran = PERAN_ID[peran_pihak[k.pihak_id]]
                catatan.append(f"{peran} {KEHADIRAN_CATATAN[k.status]}")
        baris.append(f"{tgl(_tanggal_sidang(s, sd))} ({', '.join(catatan)})")
    return "\n".join(baris)


def _tanggal_sidang(s: Sengketa, sd: Sidang) -> date:
    return tanggal_lokal(s.komisi, sd.mulai)


def _jangka(s: Sengketa) -> str:
    if not s.jangka_waktu_pelaksanaan:
        return ""
    return f"; dilaksanakan dalam {s.jangka_waktu_pelaksanaan} hari kerja"


def _hasil(s: Sengketa) -> str:
    st = s.status
    if st in (S.DIPUTUS, S.KEBERATAN_PENGADILAN, S.BERKEKUATAN_HUKUM_TETAP) and s.amar:
        return AMAR_ID.get(s.amar, s.amar) + _jangka(s)
    if st == S.SELESAI_MEDIASI:
        return HASIL_MEDIASI + _jangka(s)
    if st == S.TIDAK_DITERIMA:
        return f"{HASIL_SELA}: {DASAR_SELA_ID.get(s.dasar_putusan_sela, s.dasar_putusan_sela)}"
    if st == S.DILIMPAHKAN:
        return f"Dilimpahkan ke {s.komisi_tujuan.nama if s.komisi_tujuan else '-'}"
    if st == S.DICABUT:
        surat = tgl(s.tanggal_surat_pencabutan)
        return f"Dicabut atas surat tanggal {surat}: {s.alasan_pencabutan}".rstrip(": ")
    if st == S.GUGUR:
        return HASIL_GUGUR
    if st == S.TIDAK_DIREGISTRASI:
        return HASIL_TIDAK_DIREGISTRASI
    return ""


def _salinan(s: Sengketa, peran_pihak: dict[int, str]) -> str:
    terima = sorted(s.penerimaan_salinan.all(), key=lambda p: (p.tanggal_diterima, p.pk))
    return "\n".join(
        f"{PERAN_ID.get(peran_pihak.get(p.pihak_id, ''), '-')}: {tgl(p.tanggal_diterima)}"
        for p in terima
    )


def _keberatan(s: Sengketa, peran_pihak: dict[int, str]) -> str:
    baris = []
    for k in s.keberatan_pengadilan.all():
        teks = (
            f"{PERAN_ID.get(peran_pihak.get(k.pihak_id, ''), '-')}: {k.pengadilan}, "
            f"No. {k.nomor_perkara}, {tgl(k.tanggal)}"
        )
        baris.append(teks + (" (terlambat)" if k.terlambat else ""))
    for p in s.putusan_pengadilan.all():
        teks = f"Putusan {p.pengadilan} No. {p.nomor}, {tgl(p.tanggal)}: {p.hasil}"
        baris.append(teks + (" (final)" if p.final else ""))
    return "\n".join(baris)


def _jalur(s: Sengketa) -> str:
    if s.status == S.DICABUT:
        return JALUR_PENCABUTAN
    return JALUR_ID.get(s.jalur, "")


def baris_sengketa(s: Sengketa, no: int = 0) -> BarisRegister:
    """The row of one case (its relations prefetched by `sengketa_register`)."""
    pihak = list(s.pihak.all())
    peran_pihak = {p.pk: p.peran for p in pihak}
    pemohon = next((p for p in pihak if p.peran == "pemohon"), None)
    termohon = next((p for p in pihak if p.peran == "termohon"), None)
    per_peran = _penugasan(s)
    return BarisRegister(
        no=no,
        nomor_register=s.nomor_register,
        tanggal_diterima=s.tanggal_diterima,
        tanggal_registrasi=s.tanggal_registrasi,
        jenis_pemohon=JENIS_PEMOHON_ID.get(pemohon.jenis, pemohon.jenis) if pemohon else "",
        pemohon=pemohon.nama if pemohon else "",
        kuasa="; ".join(k.nama for k in pemohon.kuasa.all()) if pemohon else "",
        termohon=termohon.nama if termohon else "",
        informasi=_daftar_bernomor([i.uraian for i in s.informasi_diminta.all()]),
        alasan=_alasan(s),
        majelis=_majelis(per_peran),
        panitera_pengganti="; ".join(per_peran.get(PeranPenugasan.PANITERA_PENGGANTI, [])),
        mediator=_mediator(per_peran),
        sidang=_sidang(s, peran_pihak),
        tahapan=STATUS_ID.get(s.status, s.status),
        jalur=_jalur(s),
        hasil=_hasil(s),
        tanggal_selesai=s.tanggal_selesai,
        penerimaan_salinan=_salinan(s, peran_pihak),
        keberatan=_keberatan(s, peran_pihak),
        tanggal_inkracht=s.tanggal_inkracht,
        dicoret=DICORET_PENCABUTAN if s.nomor_register_dicoret else "",
        tanggal_permohonan_informasi=s.tanggal_permohonan_informasi,
        tanggal_keberatan=s.tanggal_keberatan,
        sengketa_id=s.pk,
    )


def _baris_coretan(nd: NomorDicoret, tanggal_registrasi: date | None) -> BarisRegister:
    """A number struck out by a correction of the registration: its own struck row (the case
    itself appears again under its current number, if any)."""
    s = nd.sengketa
    pihak = {p.peran: p for p in s.pihak.all()}
    pemohon, termohon = pihak.get("pemohon"), pihak.get("termohon")
    kosong = dict.fromkeys(KUNCI_KOLOM, "")
    kosong.update(
        no=0,
        nomor_register=nd.nomor,
        tanggal_diterima=s.tanggal_diterima,
        tanggal_registrasi=tanggal_registrasi,
        jenis_pemohon=JENIS_PEMOHON_ID.get(pemohon.jenis, "") if pemohon else "",
        pemohon=pemohon.nama if pemohon else "",
        termohon=termohon.nama if termohon else "",
        tanggal_selesai=None,
        tanggal_inkracht=None,
        dicoret=f"Dicoret (koreksi registrasi, {tgl(nd.tanggal)}: {nd.alasan})",
        tanggal_permohonan_informasi=s.tanggal_permohonan_informasi,
        tanggal_keberatan=s.tanggal_keberatan,
    )
    return BarisRegister(**kosong, sengketa_id=s.pk)


def _prefetch_kasus() -> list:
    return [
        Prefetch(
            "pihak",
            queryset=Pihak.objects.order_by("peran", "id").prefetch_related(
                Prefetch("kuasa", queryset=Kuasa.objects.filter(aktif=True).order_by("id"))
            ),
        ),
        Prefetch("informasi_diminta", queryset=InformasiDiminta.objects.order_by("urutan")),
        Prefetch(
            "penugasan",
            queryset=Penugasan.objects.filter(aktif=True).select_related("pengguna").order_by("id"),
        ),
        Prefetch(
            "sidang",
            queryset=Sidang.objects.exclude(status=StatusSidang.BATAL)
            .order_by("mulai", "id")
            .prefetch_related(Prefetch("kehadiran", queryset=Kehadiran.objects.order_by("id"))),
        ),
        Prefetch("penerimaan_salinan", queryset=PenerimaanSalinan.objects.filter(dibatalkan=False)),
        Prefetch(
            "keberatan_pengadilan",
            queryset=KeberatanPengadilan.objects.filter(dibatalkan=False).order_by("tanggal", "id"),
        ),
        Prefetch(
            "putusan_pengadilan",
            queryset=PutusanPengadilan.objects.filter(dibatalkan=False).order_by("tanggal", "id"),
        ),
    ]


def _kunci_urut(baris: BarisRegister, template: str) -> tuple:
    """Registered rows by year and sequence of their number, then the unregistered ones by
    the date received."""
    if baris.nomor_register and baris.tanggal_registrasi:
        urut = urutan_dari_nomor(template, baris.nomor_register) or 0
        return (0, baris.tanggal_registrasi.year, urut, baris.tanggal_registrasi, baris.tercoret)
    return (1, baris.tanggal_diterima or date.min, 0, date.min, False)


def sengketa_register(komisi, mulai: date, sampai: date):
    """The cases of the period: registered in it, or (never registered) received in it."""
    dalam = Q(tanggal_registrasi__range=(mulai, sampai)) | Q(
        tanggal_registrasi__isnull=True, tanggal_diterima__range=(mulai, sampai)
    )
    return (
        Sengketa.objects.filter(dalam, komisi=komisi)
        .select_related("komisi", "komisi_tujuan")
        .prefetch_related(*_prefetch_kasus())
    )


def _coretan(komisi, mulai: date, sampai: date) -> list[tuple[NomorDicoret, date | None]]:
    """Numbers struck out by a correction whose (undone) registration lies in the period."""
    daftar = (
        NomorDicoret.objects.filter(komisi=komisi, tanggal__gte=mulai)
        .select_related("sengketa__komisi")
        .prefetch_related(
            Prefetch("sengketa__pihak", queryset=Pihak.objects.order_by("peran", "id")),
            Prefetch(
                "sengketa__riwayat",
                queryset=RiwayatStatus.objects.filter(transisi="registrasi", dikoreksi=True),
                to_attr="registrasi_dikoreksi",
            ),
        )
    )
    hasil = []
    for nd in daftar:
        tanggal = next(
            (
                r.tanggal
                for r in nd.sengketa.registrasi_dikoreksi
                if r.parameter.get("nomor_register") == nd.nomor
            ),
            None,
        )
        if mulai <= (tanggal or nd.tanggal) <= sampai:
            hasil.append((nd, tanggal))
    return hasil


def buku_register(
    komisi, *, tahun: int | None = None, mulai: date | None = None, sampai: date | None = None
) -> BukuRegister:
    """The register of `tahun`, or of the range `mulai`..`sampai` (inclusive)."""
    if tahun is not None:
        mulai, sampai = date(tahun, 1, 1), date(tahun, 12, 31)
    if mulai is None or sampai is None or sampai < mulai:
        raise ValueError("give a year or a date range")
    baris = [baris_sengketa(s) for s in sengketa_register(komisi, mulai, sampai)]
    baris += [_baris_coretan(nd, t) for nd, t in _coretan(komisi, mulai, sampai)]
    template = komisi.template_nomor_register
    baris.sort(key=lambda b: (*_kunci_urut(b, template), b.sengketa_id or 0))
    bernomor = tuple(replace(b, no=i) for i, b in enumerate(baris, start=1))
    return BukuRegister(
        komisi_nama=komisi.nama,
        periode=periode_teks(mulai, sampai),
        mulai=mulai,
        sampai=sampai,
        baris=bernomor,
    )
