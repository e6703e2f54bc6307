"""One case as a party sees it: formatted text for the templates, from the prefetched case
(portal/perkara/selectors.py), without further queries."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from sengketa import izin
from sengketa.aturan import LABEL_BUTIR
from sengketa.kalender import format_tanggal
from sengketa.models import KodeTenggat, PeranPihak, Sengketa, StatusTenggat
from sengketa.models.status import STATUS_PEMERIKSAAN
from sengketa.waktu import singkatan_zona, zona

from . import status as kata
from .selectors import pihak_saya

# The deadlines that concern a party (spec §5), in its words: the registry's own deadlines
# (summons lead time, copies of the ruling, first hearing) are not the party's business.
TENGGAT_PEMOHON = {
    KodeTenggat.KELENGKAPAN: gettext_lazy("Hand in the missing documents"),
    KodeTenggat.MEDIASI: gettext_lazy("End of the mediation period"),
    KodeTenggat.PENYELESAIAN: gettext_lazy("The commission settles the dispute by"),
    KodeTenggat.KEBERATAN: gettext_lazy("Last day to object to the ruling in court"),
    KodeTenggat.PELAKSANAAN: gettext_lazy("The respondent carries out the ruling by"),
}
TENGGAT_TERMOHON = {
    **{k: v for k, v in TENGGAT_PEMOHON.items() if k != KodeTenggat.KELENGKAPAN},
    KodeTenggat.PELAKSANAAN: gettext_lazy("Carry out the ruling or the agreement by"),
}
# Only "mendekati", "hari_ini" and "terlewat" get a warning next to the date.
LABEL_KEADAAN = dict(StatusTenggat.choices)


@dataclass
class SidangBerikut:
    hari_tanggal: str
    pukul: str
    tempat: str
    tautan: str
    agenda: str


@dataclass
class BarisTenggat:
    label: str
    tanggal: str
    keadaan: str
    keadaan_label: str


@dataclass
class RingkasanPerkara:
    sengketa: Sengketa
    judul: str
    terdaftar: bool
    diterima: str
    komisi: str
    peran: str
    lawan: str
    status_judul: str
    status_penjelasan: str
    sidang: SidangBerikut | None
    tenggat: list[BarisTenggat] = field(default_factory=list)
    pemohon: bool = False


def tgl(d) -> str:
    return format_tanggal(d) if d else ""


def sidang_berikut(sengketa: Sengketa) -> SidangBerikut | None:
    daftar = getattr(sengketa, "sidang_mendatang", None) or []
    if not daftar:
        return None
    s = daftar[0]
    komisi = sengketa.komisi
    lokal = s.mulai.astimezone(zona(komisi.zona_waktu))
    tempat = ", ".join(filter(None, [s.ruang, s.tempat]))
    if s.daring and not tempat:
        tempat = _("Online")
    return SidangBerikut(
        hari_tanggal=format_tanggal(lokal.date()),
        pukul=f"{lokal:%H.%M} {singkatan_zona(komisi)}",
        tempat=tempat,
        tautan=s.tautan if s.daring else "",
        agenda=s.agenda if s.agenda and s.agenda != s.jenis else str(s.get_jenis_display()),
    )


def _label_peran(pihak, sebagai_kuasa: bool) -> str:
    if pihak.peran == PeranPihak.PEMOHON:
        return _("Applicant's representative") if sebagai_kuasa else _("Applicant")
    return _("Respondent's representative") if sebagai_kuasa else _("Respondent")


def _tenggat(sengketa, milik_ids: set[int], pemohon: bool) -> list[BarisTenggat]:
    label = TENGGAT_PEMOHON if pemohon else TENGGAT_TERMOHON
    baris = []
    for t in getattr(sengketa, "tenggat_terbuka", []):
        if t.kode not in label or (t.pihak_id and t.pihak_id not in milik_ids):
            continue
        keadaan = t.status if t.status in ("mendekati", "hari_ini", "terlewat") else ""
        baris.append(
            BarisTenggat(
                label=str(label[t.kode]),
                tanggal=tgl(t.tanggal),
                keadaan=keadaan,
                keadaan_label=str(LABEL_KEADAAN.get(keadaan, "")) if keadaan else "",
            )
        )
    return baris


def _kekurangan(sengketa) -> str:
    return ", ".join(str(LABEL_BUTIR.get(b, b)) for b in sengketa.kekurangan or [])


def _batas_kelengkapan(sengketa) -> str:
    for t in getattr(sengketa, "tenggat_terbuka", []):
        if t.kode == KodeTenggat.KELENGKAPAN:
            return tgl(t.tanggal)
    return ""


def ringkas(pengguna, sengketa: Sengketa) -> RingkasanPerkara:
    milik = pihak_saya(pengguna, sengketa)
    pemohon = any(p.peran == PeranPihak.PEMOHON for p, _k in milik)
    lawan_peran = PeranPihak.TERMOHON if pemohon else PeranPihak.PEMOHON
    lawan = sengketa.pihak_dengan_peran(lawan_peran)
    peran = ", ".join(_label_peran(p, k) for p, k in milik)
    status = sengketa.status
    return RingkasanPerkara(
        sengketa=sengketa,
        judul=sengketa.nomor_register,
        terdaftar=bool(sengketa.nomor_register),
        diterima=tgl(sengketa.tanggal_diterima),
        komisi=sengketa.komisi.nama,
        peran=peran,
        lawan=lawan.nama if lawan else "",
        status_judul=kata.judul(status),
        status_penjelasan=kata.penjelasan(
            status,
            pemohon=pemohon,
            kekurangan=_kekurangan(sengketa),
            batas=_batas_kelengkapan(sengketa),
        ),
        sidang=sidang_berikut(sengketa),
        tenggat=_tenggat(sengketa, {p.pk for p, _k in milik}, pemohon),
        pemohon=pemohon,
    )


def boleh_cabut(pengguna, sengketa: Sengketa) -> bool:
    """The applicant (or its kuasa) may withdraw online when the state and sengketa.izin allow
    it: before the examination starts. From then on the panel confirms a withdrawal. Only as
    the applicant: a registry clerk who also has a party account withdraws in the back office."""
    return (
        can_proceed(sengketa.cabut, check_conditions=False)
        and izin.adalah_pemohon(pengguna, sengketa)
        and izin.boleh(pengguna, sengketa, "cabut")
    )


def cabut_lewat_majelis(pengguna, sengketa: Sengketa) -> bool:
    """The applicant's case is under examination: withdrawing is asked of the panel."""
    return sengketa.status in STATUS_PEMERIKSAAN and izin.adalah_pemohon(pengguna, sengketa)
