"""The dry run of a register import: every row becomes either a plan (the sequence of
service calls, with their effective dates, that reaches the row's final state) or a
rejection with its reasons in Indonesian. Nothing is written; `jalankan.py` executes the
plans through the services.

What a register does not record is filled in the least inventive way, and said so:
- the panel is appointed on the registration date; the preliminary findings are recorded
  on the first preliminary hearing (all positive, except the one an interlocutory ruling
  rests on); mediation or adjudication starts that day; a failed mediation ends on the
  last mediation session; the examination closes on the last adjudication hearing, which
  is also the deliberation date;
- the reading of a ruling is a hearing on the ruling date (added when not listed);
- a hearing whose type is not written gets one from its place in the case (shown);
- a summons is recorded as served in time only for hearings the applicant missed without
  reason (what a lapse, Perki 30, rests on);
- missing dates of the information request and the objection take the date received.

Rows whose facts the services cannot reach consistently are rejected rather than guessed:
no panel for a case that was examined, no adjudication hearing before a ruling, no copy
receipts before finality, dates out of order, unknown people or public bodies.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sengketa import izin
from sengketa.kalender import Kalender, format_tanggal
from sengketa.models import (
    STATUS_AKHIR,
    BadanPublik,
    InformasiDiminta,
    NomorDicoret,
    Pihak,
    Sengketa,
    StatusSengketa,
)
from sengketa.models.status import STATUS_PEMERIKSAAN
from sengketa.peran import Peran
from sengketa.register import JALUR_ID, PERAN_ID, SIDANG_ID, STATUS_ID
from sengketa.waktu import hari_ini

from . import nilai as N
from .baca import Tabel
from .kolom import MEDAN_PER_KUNCI, kolom_hilang

S = StatusSengketa
TAHAP_AJUDIKASI = (
    S.AJUDIKASI,
    S.MUSYAWARAH,
    S.DIPUTUS,
    S.KEBERATAN_PENGADILAN,
    S.BERKEKUATAN_HUKUM_TETAP,
)
TAHAP_PUTUSAN = (S.DIPUTUS, S.KEBERATAN_PENGADILAN, S.BERKEKUATAN_HUKUM_TETAP)
SIDANG_AJUDIKASI = ("pembuktian", "pemeriksaan_setempat", "kesimpulan")
TANPA_REGISTER = (S.DITERIMA, S.MENUNGGU_KELENGKAPAN, S.TIDAK_DIREGISTRASI)
JAM_SIDANG = (9, 11, 13, 15, 17)
JANGKA_MEDIASI_BAKU = 14

# Display labels of the steps (the transitions reuse the back office's wording).
LABEL_LANGKAH = {
    "terima": gettext_lazy("Application received"),
    "minta_kelengkapan": gettext_lazy("Request completion of the file"),
    "registrasi": gettext_lazy("Register the case"),
    "tolak_registrasi": gettext_lazy("Refuse registration"),
    "tetapkan_majelis": gettext_lazy("Appoint the panel"),
    "catat_pemeriksaan_awal": gettext_lazy("Record the preliminary examination"),
    "mulai_mediasi": gettext_lazy("Start mediation"),
    "mulai_ajudikasi": gettext_lazy("Start adjudication"),
    "putusan_sela": gettext_lazy("Interlocutory ruling"),
    "mediasi_berhasil": gettext_lazy("Mediation succeeded"),
    "mediasi_gagal": gettext_lazy("Mediation failed"),
    "tutup_pemeriksaan": gettext_lazy("Close the examination"),
    "bacakan_putusan": gettext_lazy("Read the ruling"),
    "catat_penerimaan_salinan": gettext_lazy("Record receipt of the ruling copy"),
    "catat_keberatan": gettext_lazy("Record a court objection"),
    "nyatakan_inkracht": gettext_lazy("Declare final and binding"),
    "catat_putusan_pengadilan": gettext_lazy("Record the court's ruling"),
    "cabut": gettext_lazy("Withdraw"),
    "gugurkan": gettext_lazy("Declare lapsed"),
    "sidang": gettext_lazy("Hearing held"),
}
# Steps that are not a service's Langkah (no effective-date floor applies to them).
BUKAN_LANGKAH = ("terima", "sidang")


class Tolak(Exception):
    def __init__(self, *alasan: str):
        super().__init__(" ".join(alasan))
        self.alasan = list(alasan)


def tgl(d: date | None) -> str:
    return format_tanggal(d, dengan_hari=False) if d else "-"


@dataclass
class Langkah:
    jenis: str  # a transition of siklus-sengketa.md §3, "terima" or "sidang"
    tanggal: date
    data: dict = field(default_factory=dict)
    aktor: object = None

    @property
    def label(self) -> str:
        teks = str(LABEL_LANGKAH.get(self.jenis, self.jenis))
        if self.jenis == "sidang":
            jenis = SIDANG_ID.get(self.data["jenis"], self.data["jenis"])
            tebak = _(", type assumed") if self.data.get("tebakan") else ""
            teks = f"{teks}: {jenis}{tebak}"
        return f"{teks} ({tgl(self.tanggal)})"


@dataclass
class DataBaris:
    """The cells of one row, read."""

    nomor_register: str = ""
    tanggal_diterima: date | None = None
    tanggal_registrasi: date | None = None
    jenis_pemohon: str = "perorangan"
    pemohon: str = ""
    kuasa: str = ""
    termohon: str = ""
    informasi: list = field(default_factory=list)
    alasan: list = field(default_factory=list)
    majelis: list = field(default_factory=list)
    pp: list = field(default_factory=list)
    mediator: list = field(default_factory=list)
    sidang: list = field(default_factory=list)
    status: str = ""
    jalur: str | None = None  # None: not written; "": none/pencabutan
    hasil: str = ""
    tanggal_selesai: date | None = None
    salinan: list = field(default_factory=list)
    keberatan: list = field(default_factory=list)
    putusan_pengadilan: list = field(default_factory=list)
    tanggal_inkracht: date | None = None
    dicoret: bool = False
    tanggal_permohonan_informasi: date | None = None
    tanggal_keberatan: date | None = None


@dataclass
class RencanaBaris:
    nomor_baris: int
    keadaan: str  # BUAT, TOLAK or SUDAH_ADA
    nomor_register: str = ""
    pemohon: str = ""
    termohon: str = ""
    status_akhir: str = ""
    langkah: list[Langkah] = field(default_factory=list)
    alasan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    badan_publik_baru: str = ""
    data: DataBaris | None = None

    @property
    def label_status(self) -> str:
        return STATUS_ID.get(self.status_akhir, self.status_akhir)


BUAT, TOLAK, SUDAH_ADA = "buat", "tolak", "sudah_ada"


@dataclass
class Rencana:
    baris: list[RencanaBaris]
    kolom_hilang: list[str]
    badan_publik_baru: list[str]

    def jumlah(self, keadaan: str) -> int:
        return sum(1 for b in self.baris if b.keadaan == keadaan)

    @property
    def dibuat(self) -> list[RencanaBaris]:
        return [b for b in self.baris if b.keadaan == BUAT]


# --- the commission's people, public bodies and existing cases ---


@dataclass
class KonteksImpor:
    komisi: object
    oleh: object
    buat_badan_publik: bool
    hari: date
    kal: Kalender
    badan: dict[str, BadanPublik]
    staf: dict[str, list]  # normalised full name or username -> users
    ketua: object
    nomor_ada: set[str]
    kunci_ada: set[tuple]

    @classmethod
    def untuk(cls, komisi, oleh=None, *, buat_badan_publik: bool = False) -> "KonteksImpor":
        User = get_user_model()
        pengguna = (
            User.objects.filter(
                is_active=True,
                keanggotaan_komisi__komisi=komisi,
                keanggotaan_komisi__aktif=True,
            )
            .prefetch_related("groups")
            .order_by("id")
            .distinct()
        )
        staf: dict[str, list] = defaultdict(list)
        ketua = None
        for u in pengguna:
            u._grup_impor = {g.name for g in u.groups.all()}
            for kunci in {N.normal(u.get_full_name()), N.normal(u.get_username())} - {""}:
                staf[kunci].append(u)
            if ketua is None and Peran.KETUA in u._grup_impor:
                ketua = u
        if oleh is not None and izin.punya_peran(oleh, Peran.KETUA, komisi.pk):
            ketua = oleh
        nomor_ada = set(
            Sengketa.objects.filter(komisi=komisi)
            .exclude(nomor_register="")
            .values_list("nomor_register", flat=True)
        ) | set(NomorDicoret.objects.filter(komisi=komisi).values_list("nomor", flat=True))
        return cls(
            komisi=komisi,
            oleh=oleh,
            buat_badan_publik=buat_badan_publik,
            hari=hari_ini(komisi),
            kal=Kalender.untuk(komisi),
            badan={N.normal(b.nama): b for b in BadanPublik.objects.filter(komisi=komisi)},
            staf=staf,
            ketua=ketua,
            nomor_ada={N.normal(n) for n in nomor_ada},
            kunci_ada=_kunci_tanpa_nomor(komisi),
        )

    def orang(self, nama: str, peran: tuple[str, ...], label_peran) -> object:
        calon = [u for u in self.staf.get(N.normal(nama), []) if u._grup_impor & set(peran)]
        if not calon:
            raise Tolak(
                _("No user of this commission named %(nama)s may act as %(peran)s.")
                % {"nama": nama, "peran": label_peran}
            )
        if len({u.pk for u in calon}) > 1:
            raise Tolak(
                _("The name %(nama)s matches several users of this commission.") % {"nama": nama}
            )
        return calon[0]


def _kunci_tanpa_nomor(komisi) -> set[tuple]:
    """(applicant, respondent, date received, requested information) of the commission's
    unregistered cases: how a re-run recognises an unregistered row it imported before (the
    information tells apart two filings of one serial applicant on the same day)."""
    per_kasus: dict[int, dict] = defaultdict(lambda: {"informasi": []})
    for sid, peran, nama, diterima in Pihak.objects.filter(
        sengketa__komisi=komisi, sengketa__nomor_register=""
    ).values_list("sengketa_id", "peran", "nama", "sengketa__tanggal_diterima"):
        per_kasus[sid][peran] = N.normal(nama)
        per_kasus[sid]["diterima"] = diterima
    for sid, uraian in (
        InformasiDiminta.objects.filter(sengketa_id__in=per_kasus)
        .order_by("sengketa_id", "urutan")
        .values_list("sengketa_id", "uraian")
    ):
        per_kasus[sid]["informasi"].append(uraian)
    return {
        (p.get("pemohon"), p.get("termohon"), p.get("diterima"), _normal_informasi(p["informasi"]))
        for p in per_kasus.values()
    }


def _normal_informasi(butir: list[str]) -> str:
    return " | ".join(N.normal(b) for b in butir)


def kunci_baris(d: DataBaris) -> tuple:
    return (
        N.normal(d.pemohon),
        N.normal(d.termohon),
        d.tanggal_diterima,
        _normal_informasi(d.informasi),
    )


# --- reading a row ---


def urai_baris(sel: list, pemetaan: dict[str, int | None], judul: list[str]) -> DataBaris:
    """Every cell of the row; all unreadable cells are reported together."""
    galat: list[str] = []
    d = DataBaris()

    def ambil(kunci: str):
        i = pemetaan.get(kunci)
        return sel[i] if i is not None and i < len(sel) else None

    def nama_kolom(kunci: str) -> str:
        i = pemetaan.get(kunci)
        return judul[i] if i is not None and i < len(judul) and judul[i] else kunci

    def baca(kunci: str, fungsi, *args):
        try:
            return fungsi(ambil(kunci), *args)
        except N.NilaiTidakValid as exc:
            galat.append(str(exc))
            return None

    d.nomor_register = N.teks(ambil("nomor_register"))
    for kunci in (
        "tanggal_diterima",
        "tanggal_registrasi",
        "tanggal_selesai",
        "tanggal_inkracht",
        "tanggal_permohonan_informasi",
        "tanggal_keberatan",
    ):
        setattr(d, kunci, baca(kunci, N.tanggal, nama_kolom(kunci)))
    d.pemohon = N.teks(ambil("pemohon"))
    d.termohon = N.teks(ambil("termohon"))
    d.kuasa = N.teks(ambil("kuasa"))
    d.informasi = N.daftar_informasi(ambil("informasi"))
    d.hasil = N.teks(ambil("hasil"))
    for kunci in MEDAN_PER_KUNCI:
        if MEDAN_PER_KUNCI[kunci].wajib and not N.teks(ambil(kunci)):
            galat.append(_("Column %(kolom)s is empty.") % {"kolom": nama_kolom(kunci)})

    jenis = N.teks(ambil("jenis_pemohon"))
    if jenis:
        d.jenis_pemohon = N.label("jenis_pemohon", jenis) or ""
        if d.jenis_pemohon in ("", "badan_publik"):
            galat.append(_("Unknown applicant type: %(nilai)s.") % {"nilai": jenis})
    alasan = N.teks(ambil("alasan"))
    d.alasan = N.alasan(alasan)
    if alasan and not d.alasan:
        galat.append(
            _("Unknown reasons: %(nilai)s (use the letters a to g of Article 35(1)).")
            % {"nilai": alasan}
        )
    tahapan = N.teks(ambil("tahapan"))
    d.status = N.label("status", tahapan) or ""
    if tahapan and not d.status:
        galat.append(_("Unknown stage: %(nilai)s.") % {"nilai": tahapan})
    jalur = N.teks(ambil("jalur"))
    if jalur:
        d.jalur = N.label("jalur", jalur)
        if d.jalur is None:
            galat.append(_("Unknown path: %(nilai)s.") % {"nilai": jalur})
    d.majelis = N.daftar_nama(ambil("majelis"))
    d.pp = N.daftar_nama(ambil("panitera_pengganti"))
    d.mediator = N.daftar_nama(ambil("mediator"))
    d.sidang = baca("sidang", N.sidang, nama_kolom("sidang")) or []
    d.salinan = baca("penerimaan_salinan", N.salinan, nama_kolom("penerimaan_salinan")) or []
    keberatan = baca("keberatan", N.keberatan, nama_kolom("keberatan"))
    d.keberatan, d.putusan_pengadilan = keberatan or ([], [])
    d.dicoret = N.dicoret(ambil("dicoret"))
    if galat:
        raise Tolak(*galat)
    return d


# --- the plan of one row ---


def _jalur(d: DataBaris) -> str:
    """M, A, M-A or "" (the case never left the preliminary examination)."""
    jenis_sidang = {e.jenis for e in d.sidang}
    ada_ajudikasi = bool(jenis_sidang & set(SIDANG_AJUDIKASI))
    if d.jalur:
        return d.jalur
    if d.status in (S.SELESAI_MEDIASI, S.MEDIASI):
        return "M"
    if d.mediator:
        return "M-A" if d.status in TAHAP_AJUDIKASI or ada_ajudikasi else "M"
    if d.status in TAHAP_AJUDIKASI or ada_ajudikasi:
        return "A"
    return ""


def _jenis_sidang(d: DataBaris, jalur: str) -> None:
    """Type of each hearing the register does not name, from its place in the case."""
    for i, e in enumerate(d.sidang):
        if e.jenis:
            continue
        e.tebakan = True
        if d.status in TAHAP_PUTUSAN and e.tanggal == d.tanggal_selesai:
            e.jenis = "pembacaan_putusan"
        elif i == 0 or not jalur:
            e.jenis = "pemeriksaan_awal"
        elif jalur == "M" or (jalur == "M-A" and i == 1):
            e.jenis = "mediasi"
        else:
            e.jenis = "pembuktian"


def _perlu(d: DataBaris, nilai, pesan) -> None:
    if not nilai:
        raise Tolak(str(pesan) % {"tahapan": STATUS_ID.get(d.status, d.status)})


class Penyusun:
    """Builds the steps of one row and checks them the way the services will."""

    def __init__(self, d: DataBaris, ctx: KonteksImpor):
        self.d, self.ctx = d, ctx
        self.langkah: list[Langkah] = []
        self.peringatan: list[str] = []
        self.pp = None

    def tambah(self, jenis: str, tanggal: date | None, aktor=None, **data) -> None:
        self.langkah.append(Langkah(jenis, tanggal, data, aktor or self.ctx.oleh))

    def susun(self) -> list[Langkah]:
        d = self.d
        self._praperiksa()
        self._terima()
        if d.status in (S.MENUNGGU_KELENGKAPAN, S.TIDAK_DIREGISTRASI):
            self._kelengkapan()
        elif d.status == S.DITERIMA:
            pass
        elif d.status == S.DICABUT and not d.nomor_register:
            self._cabut()
        else:
            self.tambah("registrasi", d.tanggal_registrasi, nomor_register=d.nomor_register)
            if d.status == S.DICABUT and not (d.majelis or d.sidang or d.mediator):
                self._cabut()  # withdrawn before the panel was appointed
            elif d.status != S.TEREGISTRASI:
                self._pemeriksaan()
            elif d.majelis or d.sidang or d.mediator:
                raise Tolak(
                    _("A panel or hearings do not fit the stage %(tahapan)s.")
                    % {"tahapan": STATUS_ID[d.status]}
                )
        langkah = self._gabung_sidang()
        self._periksa_urutan(langkah)
        return langkah

    # -- checks of the row as a whole --

    def _praperiksa(self) -> None:
        d = self.d
        if d.status == S.DILIMPAHKAN:
            raise Tolak(
                _(
                    "Transferred cases are not imported: the transfer would open a new case at"
                    " the receiving commission. Enter them by hand."
                )
            )
        if d.dicoret and d.status != S.DICABUT:
            raise Tolak(
                _(
                    "Numbers struck out by a correction are not imported; the case appears in"
                    " its own row."
                )
            )
        if d.status in TANPA_REGISTER:
            if d.nomor_register or d.tanggal_registrasi:
                raise Tolak(
                    _("A case at stage %(tahapan)s cannot have a register number.")
                    % {"tahapan": STATUS_ID[d.status]}
                )
        elif d.status != S.DICABUT or d.nomor_register:
            _perlu(d, d.nomor_register, _("A case at stage %(tahapan)s needs a register number."))
            _perlu(
                d,
                d.tanggal_registrasi,
                _("A case at stage %(tahapan)s needs its registration date."),
            )
        elif d.tanggal_registrasi:
            raise Tolak(_("A registration date without a register number."))
        if d.status in STATUS_AKHIR or d.status in TAHAP_PUTUSAN:
            _perlu(
                d,
                d.tanggal_selesai,
                _("A case at stage %(tahapan)s needs the date of its ruling or final act."),
            )

    def _terima(self) -> None:
        d, ctx = self.d, self.ctx
        badan = ctx.badan.get(N.normal(d.termohon))
        if badan is None and not ctx.buat_badan_publik:
            raise Tolak(
                _(
                    "Unknown respondent: %(nama)s. Add the public body first, or let the import"
                    " create it."
                )
                % {"nama": d.termohon}
            )
        if not (d.tanggal_permohonan_informasi and d.tanggal_keberatan):
            self.peringatan.append(
                _("No date of the information request or objection: the date received is used.")
            )
        lengkap = d.status not in (S.MENUNGGU_KELENGKAPAN, S.TIDAK_DIREGISTRASI)
        self.tambah(
            "terima",
            d.tanggal_diterima,
            badan_publik=badan,
            badan_publik_baru="" if badan else d.termohon,
            lengkap=lengkap,
        )

    def _kelengkapan(self) -> None:
        d, ctx = self.d, self.ctx
        self.tambah("minta_kelengkapan", d.tanggal_diterima)
        if d.status == S.TIDAK_DIREGISTRASI:
            batas = ctx.kal.tambah(d.tanggal_diterima, ctx.komisi.hk_kelengkapan)
            if d.tanggal_selesai <= batas:
                raise Tolak(
                    _(
                        "The completion period ran until %(batas)s; registration can only be"
                        " refused after it."
                    )
                    % {"batas": tgl(batas)}
                )
            self.tambah("tolak_registrasi", d.tanggal_selesai)

    def _cabut(self) -> None:
        d = self.d
        surat, alasan = N.pencabutan(d.hasil, "hasil")
        dalam_pemeriksaan = self.pp is not None and bool(
            self.langkah_status() in STATUS_PEMERIKSAAN
        )
        self.tambah(
            "cabut",
            d.tanggal_selesai,
            aktor=self.pp if dalam_pemeriksaan else None,
            tanggal_surat=surat or d.tanggal_selesai,
            alasan=alasan or _("Withdrawn by the applicant (from the imported register)."),
        )

    def langkah_status(self) -> str:
        return simulasi(self.langkah)[-1] if self.langkah else S.DITERIMA

    # -- the examination --

    def _orang(self) -> None:
        d, ctx, komisi = self.d, self.ctx, self.ctx.komisi
        _perlu(
            d, d.majelis and d.pp,
            _("A case at stage %(tahapan)s needs its panel and substitute registrar (PP)."),
        )  # fmt: skip
        if ctx.ketua is None:
            raise Tolak(_("No chair (ketua) account in this commission to appoint the panel."))
        if len(d.majelis) < komisi.jumlah_majelis_minimal or len(d.majelis) % 2 == 0:
            raise Tolak(
                _("The panel needs an odd number of at least %(n)d commissioners.")
                % {"n": komisi.jumlah_majelis_minimal}
            )
        komisioner = (Peran.KOMISIONER, Peran.KETUA)
        label_majelis = _("panel member")
        ketua = next((n for n in d.majelis if n.penanda == "ketua"), d.majelis[0])
        self.ketua_majelis = ctx.orang(ketua.nama, komisioner, label_majelis)
        self.anggota = [
            ctx.orang(n.nama, komisioner, label_majelis) for n in d.majelis if n is not ketua
        ]
        self.pp = ctx.orang(
            d.pp[0].nama, (Peran.PANITERA, Peran.PANITERA_PENGGANTI), _("substitute registrar")
        )

    def _pemeriksaan(self) -> None:
        d, ctx = self.d, self.ctx
        jalur = _jalur(d)
        _jenis_sidang(d, jalur)
        self._periksa_jalur(jalur)
        self._orang()
        self.tambah(
            "tetapkan_majelis",
            d.tanggal_registrasi,
            aktor=ctx.ketua,
            ketua_majelis=self.ketua_majelis,
            anggota=self.anggota,
            panitera_pengganti=self.pp,
        )
        pa = [e.tanggal for e in d.sidang if e.jenis == "pemeriksaan_awal"]
        temuan_tgl = pa[0] if pa else (d.sidang[0].tanggal if d.sidang else d.tanggal_registrasi)
        if d.status == S.TIDAK_DITERIMA:
            self._putusan_sela(temuan_tgl)
        elif jalur:
            self.tambah("catat_pemeriksaan_awal", temuan_tgl, aktor=self.pp, temuan={})
            if jalur in ("M", "M-A"):
                self._mediasi(jalur, temuan_tgl)
            else:
                mediasi_ditolak = "a" not in d.alasan
                self.tambah(
                    "mulai_ajudikasi", temuan_tgl, aktor=self.pp, mediasi_ditolak=mediasi_ditolak
                )
            if jalur in ("A", "M-A"):
                self._ajudikasi()
        if d.status == S.GUGUR:
            self._gugur()
        elif d.status == S.DICABUT:
            self._cabut()

    def _periksa_jalur(self, jalur: str) -> None:
        d = self.d
        cocok = {
            S.SELESAI_MEDIASI: ("M",),
            S.MEDIASI: ("M",),
            S.TIDAK_DITERIMA: ("",),
            S.PEMERIKSAAN_AWAL: ("",),
            S.TEREGISTRASI: ("",),
            **dict.fromkeys(TAHAP_AJUDIKASI, ("A", "M-A")),
        }.get(d.status)
        if cocok is not None and jalur not in cocok:
            raise Tolak(
                _("The path %(jalur)s does not fit the stage %(tahapan)s.")
                % {"jalur": JALUR_ID.get(jalur, "-"), "tahapan": STATUS_ID[d.status]}
            )
        if jalur in ("M", "M-A"):
            _perlu(d, d.mediator, _("A case at stage %(tahapan)s needs its mediator."))
            if "a" in d.alasan:
                raise Tolak(_("Reason a cannot be mediated (UU 14/2008 Article 40(2))."))

    def _putusan_sela(self, temuan_tgl: date) -> None:
        d = self.d
        dasar = N.cari_label("dasar", d.hasil)
        if dasar is None:
            raise Tolak(_("Unknown outcome: %(nilai)s.") % {"nilai": d.hasil or "-"})
        temuan = {
            "tidak_berwenang": "berwenang",
            "legal_standing_pemohon": "legal_standing_pemohon",
            "legal_standing_termohon": "legal_standing_termohon",
            "daluwarsa": "dalam_jangka_waktu",
            "prematur": "dalam_jangka_waktu",
        }.get(dasar)
        self.tambah(
            "catat_pemeriksaan_awal",
            temuan_tgl,
            aktor=self.pp,
            temuan={temuan: False} if temuan else {},
        )
        catatan = d.hasil if dasar == "itikad_tidak_baik" else ""
        self.tambah("putusan_sela", d.tanggal_selesai, aktor=self.pp, dasar=dasar, catatan=catatan)

    def _mediasi(self, jalur: str, mulai: date) -> None:
        d, ctx = self.d, self.ctx
        utama = next((n for n in d.mediator if n.penanda != "pembantu"), d.mediator[0])
        komisioner = (Peran.KOMISIONER, Peran.KETUA)
        mediator = ctx.orang(utama.nama, komisioner, _("mediator"))
        pembantu = next((n for n in d.mediator if n is not utama), None)
        self.tambah(
            "mulai_mediasi",
            mulai,
            aktor=self.pp,
            mediator=mediator,
            mediator_pembantu=ctx.orang(pembantu.nama, tuple(Peran), _("assistant mediator"))
            if pembantu
            else None,
        )
        sesi = [e.tanggal for e in d.sidang if e.jenis == "mediasi" and e.tanggal >= mulai]
        if jalur == "M-A":
            self.tambah("mediasi_gagal", sesi[-1] if sesi else mulai, aktor=self.pp)
        if d.status == S.SELESAI_MEDIASI:
            jangka = N.jangka_pelaksanaan(d.hasil)
            if jangka is None:
                jangka = JANGKA_MEDIASI_BAKU
                self.peringatan.append(
                    _("No performance period: %(n)d working days are assumed.") % {"n": jangka}
                )
            self.tambah(
                "mediasi_berhasil",
                d.tanggal_selesai,
                aktor=self.pp,
                kesepakatan=[d.hasil or _("Mediation agreement as recorded in the register.")],
                jangka=jangka,
            )

    def _ajudikasi(self) -> None:
        d = self.d
        if d.status not in (S.MUSYAWARAH, *TAHAP_PUTUSAN):
            return
        sidang = [e.tanggal for e in d.sidang if e.jenis in SIDANG_AJUDIKASI]
        if d.status in TAHAP_PUTUSAN:
            sidang = [t for t in sidang if t <= d.tanggal_selesai]
        if not sidang:
            raise Tolak(
                _(
                    "The examination can only be closed after an adjudication hearing (evidence,"
                    " site visit or conclusions); none is listed."
                )
            )
        tutup = sidang[-1]
        self.tambah("tutup_pemeriksaan", tutup, aktor=self.pp)
        if d.status in TAHAP_PUTUSAN:
            self._putusan(tutup)

    def _putusan(self, tutup: date) -> None:
        d = self.d
        amar = N.cari_label("amar", d.hasil)
        if amar is None:
            raise Tolak(_("Unknown outcome: %(nilai)s.") % {"nilai": d.hasil or "-"})
        if not any(
            e.jenis == "pembacaan_putusan" and e.tanggal == d.tanggal_selesai for e in d.sidang
        ):
            d.sidang.append(N.EntriSidang(d.tanggal_selesai, "pembacaan_putusan"))
            d.sidang.sort(key=lambda e: e.tanggal)
        self.tambah(
            "bacakan_putusan",
            d.tanggal_selesai,
            aktor=self.pp,
            amar=amar,
            isi_amar=d.hasil,
            jangka=N.jangka_pelaksanaan(d.hasil) or 0,
            tanggal_musyawarah=tutup,
        )
        self._setelah_putusan()

    def _setelah_putusan(self) -> None:
        d = self.d
        if d.status == S.DIPUTUS and (d.keberatan or d.putusan_pengadilan or d.tanggal_inkracht):
            raise Tolak(
                _("A court objection or finality does not fit the stage %(tahapan)s.")
                % {"tahapan": STATUS_ID[d.status]}
            )
        if d.status == S.KEBERATAN_PENGADILAN:
            _perlu(d, d.keberatan, _("A case at stage %(tahapan)s needs a court objection."))
            if any(p.final for p in d.putusan_pengadilan):
                raise Tolak(
                    _("A final court ruling does not fit the stage %(tahapan)s.")
                    % {"tahapan": STATUS_ID[d.status]}
                )
        setelah = [(t, 0, "catat_penerimaan_salinan", {"peran": p}) for p, t in d.salinan]
        setelah += [
            (
                k.tanggal,
                1,
                "catat_keberatan",
                {"peran": k.peran, "pengadilan": k.pengadilan, "nomor": k.nomor},
            )
            for k in d.keberatan
        ]
        putusan = list(d.putusan_pengadilan)
        if d.status == S.BERKEKUATAN_HUKUM_TETAP:
            _perlu(d, d.tanggal_inkracht, _("A case at stage %(tahapan)s needs its finality date."))
            if d.keberatan and not any(p.final for p in putusan):
                akhir = d.keberatan[-1]
                putusan.append(
                    N.PutusanPengadilan(
                        akhir.pengadilan,
                        akhir.nomor,
                        d.tanggal_inkracht,
                        _("Final and binding (from the imported register)."),
                        True,
                    )
                )
            elif not d.keberatan:
                self._jendela_tertutup()
        setelah += [
            (p.tanggal, 2, "catat_putusan_pengadilan",
             {"pengadilan": p.pengadilan, "nomor": p.nomor, "hasil": p.hasil, "final": p.final})
            for p in putusan
        ]  # fmt: skip
        if d.status == S.BERKEKUATAN_HUKUM_TETAP and not d.keberatan:
            setelah.append((d.tanggal_inkracht, 3, "nyatakan_inkracht", {}))
        for tanggal, _urut, jenis, data in sorted(setelah, key=lambda x: (x[0], x[1])):
            self.tambah(jenis, tanggal, **data)

    def _jendela_tertutup(self) -> None:
        d, ctx = self.d, self.ctx
        komisi = ctx.komisi
        terima = dict(d.salinan)
        if set(terima) != {"pemohon", "termohon"}:
            raise Tolak(_("Finality needs the copy receipts of both parties."))
        for peran, diterima in terima.items():
            if komisi.satuan_keberatan == "hk":
                batas = ctx.kal.tambah(diterima, komisi.panjang_keberatan)
            else:
                batas = ctx.kal.tambah_hari_kalender(
                    diterima,
                    komisi.panjang_keberatan,
                    geser_ke_hari_kerja=komisi.geser_ke_hari_kerja,
                )
            if d.tanggal_inkracht <= batas:
                raise Tolak(
                    _(
                        "The objection window of the %(pihak)s runs until %(batas)s, not before"
                        " the finality date."
                    )
                    % {"pihak": PERAN_ID[peran], "batas": tgl(batas)}
                )

    def _gugur(self) -> None:
        d = self.d
        absen = [
            e
            for e in d.sidang
            if e.kehadiran.get("pemohon") == "tidak_hadir_tanpa_alasan"
            and e.status == "selesai"
            and e.tanggal <= d.tanggal_selesai
        ]
        if len(absen) < 2:
            raise Tolak(
                _(
                    "A lapse needs two hearings the applicant missed without a valid reason;"
                    " %(n)d listed."
                )
                % {"n": len(absen)}
            )
        self.tambah("gugurkan", d.tanggal_selesai, aktor=self.pp)

    # -- hearings, order and dates --

    def _gabung_sidang(self) -> list[Langkah]:
        """Hearings among the steps: after the panel is appointed, each before the first step
        dated on or after it (a hearing is held, then what it decided is recorded)."""
        d = self.d
        if not d.sidang:
            return self.langkah
        awal = next(
            (i for i, lk in enumerate(self.langkah) if lk.jenis == "tetapkan_majelis"), None
        )
        if awal is None:
            raise Tolak(_("Hearings are listed but the case has no panel."))
        urutan_hari: Counter = Counter()
        jam = []
        for e in d.sidang:  # two hearings of a case on one day: 09.00, then 11.00, ...
            jam.append(JAM_SIDANG[min(urutan_hari[e.tanggal], len(JAM_SIDANG) - 1)])
            urutan_hari[e.tanggal] += 1
        sidang = []
        for i, e in enumerate(d.sidang):
            berikut = d.sidang[i + 1] if i + 1 < len(d.sidang) else None
            if e.status == "ditunda" and (
                berikut is None or berikut.jenis != e.jenis or berikut.tanggal <= e.tanggal
            ):
                raise Tolak(
                    _("An adjourned hearing needs the next hearing of the same type after it.")
                )
            if e.status == "dijadwalkan" and berikut is not None:
                raise Tolak(_("A scheduled hearing must be the last of the row."))
            kehadiran = dict(e.kehadiran)
            sidang.append(
                Langkah(
                    "sidang",
                    e.tanggal,
                    {
                        "jenis": e.jenis,
                        "jam": jam[i],
                        "status": e.status,
                        "kehadiran": kehadiran,
                        "lanjutan": i > 0 and d.sidang[i - 1].status == "ditunda",
                        "berikutnya": (berikut.tanggal, jam[i + 1]) if berikut else None,
                        "patut": kehadiran.get("pemohon") == "tidak_hadir_tanpa_alasan",
                        "tebakan": e.tebakan,
                    },
                    self.pp,
                )
            )
        hasil = self.langkah[: awal + 1]
        sisa = self.langkah[awal + 1 :]
        for lk in sisa:
            while sidang and sidang[0].tanggal <= lk.tanggal:
                hasil.append(sidang.pop(0))
            hasil.append(lk)
        return hasil + sidang

    def _periksa_urutan(self, langkah: list[Langkah]) -> None:
        d, ctx = self.d, self.ctx
        lantai, sebelum = d.tanggal_diterima, None
        for lk in langkah:
            if lk.tanggal > ctx.hari:
                raise Tolak(
                    _("The date %(tanggal)s is in the future.") % {"tanggal": tgl(lk.tanggal)}
                )
            if lk.tanggal < d.tanggal_diterima:
                raise Tolak(
                    _("The date %(tanggal)s is before the application was received.")
                    % {"tanggal": tgl(lk.tanggal)}
                )
            if lk.jenis == "sidang":
                if not ctx.kal.adalah_hari_kerja(lk.tanggal):
                    raise Tolak(
                        _("The hearing of %(tanggal)s is not on a working day (%(sebab)s).")
                        % {"tanggal": tgl(lk.tanggal), "sebab": ctx.kal.alasan_libur(lk.tanggal)}
                    )
                continue
            if lk.jenis not in BUKAN_LANGKAH and lk.tanggal < lantai:
                raise Tolak(
                    _(
                        "Dates out of order: %(langkah)s on %(tanggal)s comes before %(sebelum)s"
                        " on %(tanggal_sebelum)s."
                    )
                    % {
                        "langkah": LABEL_LANGKAH[lk.jenis],
                        "tanggal": tgl(lk.tanggal),
                        "sebelum": LABEL_LANGKAH[sebelum.jenis] if sebelum else "-",
                        "tanggal_sebelum": tgl(lantai),
                    }
                )
            if ubah_status(lk):
                lantai, sebelum = lk.tanggal, lk
        status = simulasi(langkah, tolak=True)
        if status[-1] != d.status:
            raise Tolak(
                _("The steps of this row do not reach the stage %(tahapan)s.")
                % {"tahapan": STATUS_ID.get(d.status, d.status)}
            )


def ubah_status(lk: Langkah) -> bool:
    """Whether the step is a status transition (it then raises the effective-date floor)."""
    tindakan = (*BUKAN_LANGKAH, "catat_pemeriksaan_awal", "catat_penerimaan_salinan")
    return lk.jenis not in tindakan


def _tidak_bisa(lk: Langkah, status: str) -> Tolak:
    return Tolak(
        _(
            "%(langkah)s cannot happen at stage %(tahapan)s: check the dates and the stage of"
            " this row."
        )
        % {"langkah": lk.label, "tahapan": STATUS_ID.get(status, status)}
    )


def simulasi(langkah: list[Langkah], *, tolak: bool = False) -> list[str]:
    """The status after each step, by the state machine of the model itself; with `tolak`,
    a step its status does not allow rejects the row (as the service would)."""
    status, hasil = S.DITERIMA, []
    for lk in langkah:
        if lk.jenis == "terima":
            hasil.append(status)
            continue
        if lk.jenis == "sidang":
            if status not in STATUS_PEMERIKSAAN and tolak:
                raise _tidak_bisa(lk, status)
            hasil.append(status)
            continue
        transisi = getattr(Sengketa, lk.jenis)._django_fsm.get_transition(status)
        if transisi is None:
            if tolak:
                raise _tidak_bisa(lk, status)
            hasil.append(status)
            continue
        if lk.jenis == "catat_putusan_pengadilan":
            status = S.BERKEKUATAN_HUKUM_TETAP if lk.data.get("final") else S.KEBERATAN_PENGADILAN
        elif transisi.target is not None:
            status = transisi.target
        hasil.append(status)
    return hasil


# --- the whole file ---


def susun_rencana(
    tabel: Tabel,
    pemetaan: dict[str, int | None],
    komisi,
    *,
    oleh=None,
    buat_badan_publik: bool = False,
) -> Rencana:
    hilang = kolom_hilang(pemetaan)
    if hilang:
        return Rencana(baris=[], kolom_hilang=hilang, badan_publik_baru=[])
    ctx = KonteksImpor.untuk(komisi, oleh, buat_badan_publik=buat_badan_publik)
    baris_nomor: dict[str, list[int]] = defaultdict(list)
    baris_kunci: dict[tuple, list[int]] = defaultdict(list)
    hasil = []
    for nomor_baris, sel in tabel.baris:
        rb = RencanaBaris(nomor_baris=nomor_baris, keadaan=TOLAK)
        hasil.append(rb)
        try:
            d = urai_baris(sel, pemetaan, tabel.judul)
        except Tolak as t:
            rb.alasan = t.alasan
            i = pemetaan.get("nomor_register")
            rb.nomor_register = N.teks(sel[i]) if i is not None and i < len(sel) else ""
            continue
        rb.data = d
        rb.nomor_register, rb.pemohon, rb.termohon, rb.status_akhir = (
            d.nomor_register, d.pemohon, d.termohon, d.status,
        )  # fmt: skip
        if d.nomor_register:
            baris_nomor[N.normal(d.nomor_register)].append(nomor_baris)
        else:
            baris_kunci[kunci_baris(d)].append(nomor_baris)
    for rb in hasil:
        d = rb.data
        if d is None:
            continue
        if _sudah_ada(rb, d, ctx):
            continue
        ganda = (
            baris_nomor[N.normal(d.nomor_register)]
            if d.nomor_register
            else baris_kunci[kunci_baris(d)]
        )
        if len(ganda) > 1:
            pesan = (
                _("Register number %(nomor)s appears more than once in the file (rows %(baris)s).")
                if d.nomor_register
                else _(
                    "The same application (applicant, respondent, date received, requested"
                    " information) appears more than once in the file (rows %(baris)s)."
                )
            )
            rb.alasan = [pesan % {"nomor": d.nomor_register, "baris": ", ".join(map(str, ganda))}]
            continue
        try:
            penyusun = Penyusun(d, ctx)
            rb.langkah = penyusun.susun()
            rb.peringatan = penyusun.peringatan
        except Tolak as t:
            rb.alasan = t.alasan
            continue
        rb.keadaan = BUAT
        rb.badan_publik_baru = rb.langkah[0].data["badan_publik_baru"]
        if rb.badan_publik_baru:
            rb.peringatan.append(
                _("The public body %(nama)s will be created (category: other).")
                % {"nama": rb.badan_publik_baru}
            )
    baru = sorted({rb.badan_publik_baru for rb in hasil if rb.badan_publik_baru}, key=N.normal)
    return Rencana(baris=hasil, kolom_hilang=[], badan_publik_baru=baru)


def _sudah_ada(rb: RencanaBaris, d: DataBaris, ctx: KonteksImpor) -> bool:
    if d.nomor_register and N.normal(d.nomor_register) in ctx.nomor_ada:
        rb.keadaan = SUDAH_ADA
        rb.alasan = [
            _("Already imported: register number %(nomor)s exists in this commission.")
            % {"nomor": d.nomor_register}
        ]
        return True
    if not d.nomor_register and kunci_baris(d) in ctx.kunci_ada:
        rb.keadaan = SUDAH_ADA
        rb.alasan = [_("Already imported: this application exists in this commission.")]
        return True
    return False


LABEL_KEADAAN_LAPORAN = {
    BUAT: gettext_lazy("WILL BE CREATED"),
    TOLAK: gettext_lazy("REJECTED"),
    SUDAH_ADA: gettext_lazy("ALREADY IMPORTED"),
}


def laporan(rencana: Rencana, *, rinci: bool = False) -> list[str]:
    """The dry run as lines of text (the management command prints them)."""
    if rencana.kolom_hilang:
        label = [str(MEDAN_PER_KUNCI[k].label) for k in rencana.kolom_hilang]
        return [_("Required fields have no column: %(medan)s.") % {"medan": ", ".join(label)}]
    baris = []
    for rb in rencana.baris:
        kepala = _("Row %(baris)d [%(keadaan)s]") % {
            "baris": rb.nomor_baris,
            "keadaan": LABEL_KEADAAN_LAPORAN[rb.keadaan],
        }
        pihak = " v. ".join(filter(None, [rb.pemohon, rb.termohon]))
        isi = " — ".join(filter(None, [rb.nomor_register, pihak]))
        if rb.keadaan == BUAT:
            isi += " → " + _("%(tahapan)s (%(n)d steps)") % {
                "tahapan": rb.label_status,
                "n": len(rb.langkah),
            }
        baris.append(f"{kepala} {isi}".rstrip())
        baris += [f"    ! {a}" for a in rb.alasan]
        baris += [f"    ~ {p}" for p in rb.peringatan]
        if rinci:
            baris += [f"    {i}. {lk.label}" for i, lk in enumerate(rb.langkah, start=1)]
    if rencana.badan_publik_baru:
        baris.append(
            _("New public bodies: %(nama)s.") % {"nama": "; ".join(rencana.badan_publik_baru)}
        )
    baris.append(
        _("%(buat)d to create, %(tolak)d rejected, %(ada)d already imported.")
        % {
            "buat": rencana.jumlah(BUAT),
            "tolak": rencana.jumlah(TOLAK),
            "ada": rencana.jumlah(SUDAH_ADA),
        }
    )
    return baris
