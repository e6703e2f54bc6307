"""Preconditions of the procedure (siklus-sengketa.md §3, §4), one function per rule.

Each returns a list of (code, message) for what is not met; empty means the rule holds.
They read the case as it is locked by the service and judge time at the effective date.
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

from .models import (
    BUTIR_KELENGKAPAN,
    SIDANG_AJUDIKASI,
    JenisSidang,
    Kehadiran,
    KodeTenggat,
    KonflikKepentingan,
    Panggilan,
    StatusKehadiran,
    StatusSidang,
)
from .waktu import tanggal_lokal

TEMUAN = ("berwenang", "legal_standing_pemohon", "legal_standing_termohon", "dalam_jangka_waktu")

# Perki 1/2013 Pasal 18: a missing proof may be waived when the public body did not serve it.
BUTIR_BOLEH_DIKECUALIKAN = ("bukti_permohonan", "bukti_keberatan")

# Which finding an interlocutory ruling rests on.
TEMUAN_PUTUSAN_SELA = {
    "tidak_berwenang": "berwenang",
    "legal_standing_pemohon": "legal_standing_pemohon",
    "legal_standing_termohon": "legal_standing_termohon",
    "daluwarsa": "dalam_jangka_waktu",
    "prematur": "dalam_jangka_waktu",
}

LABEL_BUTIR = {
    "identitas": _("identity of the applicant"),
    "bukti_permohonan": _("proof of the information request"),
    "bukti_keberatan": _("proof of the objection (keberatan)"),
    "surat_kuasa": _("power of attorney of the representative"),
}

Alasan = list[tuple[str, object]]


def butir_kelengkapan_wajib(sengketa) -> tuple[str, ...]:
    ada_kuasa = any(
        k.aktif for p in sengketa.pihak.all() if p.peran == "pemohon" for k in p.kuasa.all()
    )
    return (*BUTIR_KELENGKAPAN, "surat_kuasa") if ada_kuasa else BUTIR_KELENGKAPAN


def kelengkapan_berkas(sengketa, pengecualian: str) -> Alasan:
    kurang = [b for b in butir_kelengkapan_wajib(sengketa) if not sengketa.kelengkapan.get(b)]
    if pengecualian.strip():
        kurang = [b for b in kurang if b not in BUTIR_BOLEH_DIKECUALIKAN]
    return [
        (
            "berkas_tidak_lengkap",
            _("The file is incomplete: %(butir)s is missing.") % {"butir": LABEL_BUTIR[b]},
        )
        for b in kurang
    ]


def tenggat_kelengkapan_lewat(sengketa, kal, tanggal: date) -> Alasan:
    batas = kal.tambah(sengketa.tanggal_kelengkapan_diminta, sengketa.komisi.hk_kelengkapan)
    if tanggal > batas:
        return []
    return [
        (
            "tenggat_kelengkapan_belum_lewat",
            _("The applicant may still complete the file until %(batas)s.")
            % {"batas": batas.isoformat()},
        )
    ]


def tanpa_konflik(sengketa, pengguna_list) -> Alasan:
    konflik = KonflikKepentingan.objects.filter(sengketa=sengketa, pengguna__in=pengguna_list)
    return [
        (
            "konflik_kepentingan",
            _("%(nama)s has declared a conflict of interest in this case.")
            % {"nama": k.pengguna.get_full_name() or k.pengguna.get_username()},
        )
        for k in konflik.select_related("pengguna")
    ]


def temuan_lengkap_dan_positif(sengketa) -> Alasan:
    hasil = []
    for nama in TEMUAN:
        nilai = getattr(sengketa, nama)
        if nilai is None:
            hasil.append(
                (
                    "temuan_belum_dicatat",
                    _("The preliminary finding '%(nama)s' has not been recorded.") % {"nama": nama},
                )
            )
        elif not nilai:
            hasil.append(
                (
                    "temuan_negatif",
                    _("The preliminary finding '%(nama)s' is negative.") % {"nama": nama},
                )
            )
    return hasil


def boleh_mediasi(sengketa, persetujuan: bool) -> Alasan:
    hasil = temuan_lengkap_dan_positif(sengketa)
    if "a" in sengketa.alasan:
        # UU 14/2008 Pasal 40 ayat (2): exempted information cannot be mediated.
        hasil.append(
            (
                "alasan_a_tidak_dapat_dimediasi",
                _(
                    "A refusal on the grounds of exempted information (reason a) cannot be mediated"
                    " (UU 14/2008 Article 40(2))."
                ),
            )
        )
    if not persetujuan:
        hasil.append(("tanpa_persetujuan_para_pihak", _("Both parties must agree to mediation.")))
    return hasil


def boleh_ajudikasi_langsung(sengketa, mediasi_ditolak: bool) -> Alasan:
    hasil = temuan_lengkap_dan_positif(sengketa)
    if "a" not in sengketa.alasan and not mediasi_ditolak:
        hasil.append(
            (
                "mediasi_wajib_ditawarkan",
                _(
                    "Adjudication starts directly only for reason a or when a party declined"
                    " mediation (Perki 1/2013 Article 29)."
                ),
            )
        )
    return hasil


def dasar_putusan_sela_tercatat(sengketa, dasar: str, catatan: str) -> Alasan:
    if dasar == "itikad_tidak_baik":
        if catatan.strip():
            return []
        return [("catatan_wajib", _("A ruling for bad faith needs a reasoned note."))]
    if getattr(sengketa, TEMUAN_PUTUSAN_SELA[dasar]) is False:
        return []
    return [
        (
            "temuan_tidak_mendukung",
            _("The finding this ruling rests on must first be recorded as negative."),
        )
    ]


def tidak_berwenang_tercatat(sengketa) -> Alasan:
    if sengketa.berwenang is False:
        return []
    return [
        (
            "berwenang_tidak_negatif",
            _("A case is transferred only after the finding 'berwenang' is recorded as negative."),
        )
    ]


def sidang_ajudikasi_selesai(sengketa, tanggal: date) -> Alasan:
    """An adjudication hearing finished on or before the effective date of the closing."""
    selesai = sengketa.sidang.filter(jenis__in=SIDANG_AJUDIKASI, status=StatusSidang.SELESAI)
    if any(tanggal_lokal(sengketa.komisi, s.mulai) <= tanggal for s in selesai):
        return []
    return [
        (
            "belum_ada_sidang_ajudikasi",
            _("At least one adjudication hearing (evidence or later) must be finished."),
        )
    ]


def sidang_pembacaan_pada(sengketa, tanggal: date) -> Alasan:
    for sidang in sengketa.sidang.filter(jenis=JenisSidang.PEMBACAAN_PUTUSAN).exclude(
        status=StatusSidang.BATAL
    ):
        if tanggal_lokal(sengketa.komisi, sidang.mulai) == tanggal:
            return []
    return [
        (
            "tanpa_sidang_pembacaan",
            _("There is no hearing for reading the ruling on %(tanggal)s.")
            % {"tanggal": tanggal.isoformat()},
        )
    ]


def panggilan_patut(panggilan: Panggilan, kal, komisi) -> bool:
    """Served at least N HK before the hearing (N is the commission's setting, default 3)."""
    if panggilan.tanggal_diterima is None:
        return False
    hari_sidang = tanggal_lokal(komisi, panggilan.sidang.mulai)
    return panggilan.tanggal_diterima <= kal.tambah(hari_sidang, -komisi.hk_panggilan_patut)


def ketidakhadiran_pemohon_sah(sengketa, kal, tanggal: date) -> list:
    """Finished hearings up to `tanggal` the applicant missed without reason after a proper
    summons (Perki 30). Judged at the effective date, like every time-bound precondition."""
    pemohon = sengketa.pemohon
    absen = Kehadiran.objects.filter(
        sidang__sengketa=sengketa,
        sidang__status=StatusSidang.SELESAI,
        pihak=pemohon,
        status=StatusKehadiran.TIDAK_HADIR_TANPA_ALASAN,
    ).select_related("sidang")
    hasil = []
    for kehadiran in absen:
        if tanggal_lokal(sengketa.komisi, kehadiran.sidang.mulai) > tanggal:
            continue
        surat = Panggilan.objects.filter(sidang=kehadiran.sidang, pihak=pemohon).select_related(
            "sidang"
        )
        if any(panggilan_patut(p, kal, sengketa.komisi) for p in surat):
            hasil.append(kehadiran.sidang)
    return hasil


def pemohon_dua_kali_absen(sengketa, kal, tanggal: date) -> Alasan:
    if len(ketidakhadiran_pemohon_sah(sengketa, kal, tanggal)) >= 2:
        return []
    return [
        (
            "ketidakhadiran_kurang",
            _(
                "The applicant must have been absent without a valid reason from at least two"
                " properly summoned hearings (Perki 1/2013 Article 30)."
            ),
        )
    ]


def jendela_keberatan_tertutup(sengketa, tanggal: date) -> Alasan:
    """Every party received its copy, every window passed on `tanggal`, nobody objected."""
    hasil = []
    pihak = list(sengketa.pihak.all())
    penerimaan = {p.pihak_id for p in sengketa.penerimaan_salinan.all() if not p.dibatalkan}
    for p in pihak:
        if p.pk not in penerimaan:
            hasil.append(
                (
                    "salinan_belum_diterima",
                    _("The receipt of the ruling copy by %(nama)s is not recorded.")
                    % {"nama": p.nama},
                )
            )
    for t in sengketa.tenggat.filter(kode=KodeTenggat.KEBERATAN, aktif=True):
        if tanggal <= t.tanggal:
            hasil.append(
                (
                    "jendela_keberatan_terbuka",
                    _("The objection window runs until %(batas)s.")
                    % {"batas": t.tanggal.isoformat()},
                )
            )
    if sengketa.keberatan_pengadilan.filter(dibatalkan=False).exists():
        hasil.append(("ada_keberatan", _("An objection was filed in court.")))
    return hasil
