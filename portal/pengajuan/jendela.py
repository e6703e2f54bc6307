"""The 14-working-day filing window of UU 14/2008 Pasal 37(2), explained to the applicant
while the form is being filled in.

The date comes from the very rule the intake uses (`sengketa.tenggat`, deadline
`pengajuan`): 14 HK after the superior's answer or, without an answer, after the 30 HK the
superior had (Pasal 36(2)). Like at the desk it is a warning, never a refusal: the majelis
decides `dalam_jangka_waktu` at the preliminary examination (spec §5)."""

from dataclasses import dataclass, field
from datetime import date

from sengketa import tenggat
from sengketa.kalender import NAMA_HARI, Kalender, format_tanggal

PREMATUR = "prematur"  # the superior may still answer: filing now may be too early
TERBUKA = "terbuka"  # within the window
LEWAT = "lewat"  # the window has closed


@dataclass(frozen=True)
class Jendela:
    keadaan: str
    hari_ini: str
    mulai: str  # the day counting starts after
    batas: str  # the last day to file
    hk: int  # the window's length in working days
    dengan_tanggapan: bool  # counted from the superior's answer (else from its lapse)
    hk_tanggapan: int  # working days the superior had to answer
    tanggal_keberatan: str
    sisa_hk: int  # working days left after today (0 on the last day)
    libur: list[tuple[str, str]] = field(default_factory=list)  # holidays not counted
    akhir_pekan: int = 0  # Saturdays and Sundays not counted

    @property
    def prematur(self) -> bool:
        return self.keadaan == PREMATUR

    @property
    def lewat(self) -> bool:
        return self.keadaan == LEWAT


def jendela_pengajuan(
    komisi, *, tanggal_keberatan: date, tanggal_tanggapan_atasan: date | None, hari: date
) -> Jendela:
    """The window for an application filed on `hari` (today, in the commission's zone)."""
    kal = Kalender.untuk(komisi)
    # The same computation as the case's `pengajuan` deadline, on a case not yet filed.
    spes = tenggat.jendela_pengajuan(
        komisi,
        kal,
        tanggal_keberatan=tanggal_keberatan,
        tanggal_tanggapan_atasan=tanggal_tanggapan_atasan,
        tanggal_diterima=hari,
    )
    if tanggal_tanggapan_atasan is None and hari <= spes.mulai:
        keadaan = PREMATUR
    elif hari <= spes.tanggal:
        keadaan = TERBUKA
    else:
        keadaan = LEWAT
    libur, akhir_pekan = _dilewati(kal, spes.mulai, spes.panjang)
    return Jendela(
        keadaan=keadaan,
        hari_ini=format_tanggal(hari),
        mulai=format_tanggal(spes.mulai),
        batas=format_tanggal(spes.tanggal),
        hk=spes.panjang,
        dengan_tanggapan=tanggal_tanggapan_atasan is not None,
        hk_tanggapan=komisi.hk_tanggapan_atasan,
        tanggal_keberatan=format_tanggal(tanggal_keberatan),
        sisa_hk=max(0, kal.hitung(hari, spes.tanggal)) if hari <= spes.tanggal else 0,
        libur=libur,
        akhir_pekan=akhir_pekan,
    )


def _dilewati(kal: Kalender, mulai: date, n: int) -> tuple[list[tuple[str, str]], int]:
    """Holidays one by one with their reason; plain weekends only counted (as on the
    registry's deadline page)."""
    libur, akhir_pekan = [], 0
    for hari, alasan in kal.jelaskan(mulai, n).dilewati:
        if hari.weekday() >= 5 and alasan == NAMA_HARI[hari.weekday()]:
            akhir_pekan += 1
        else:
            libur.append((format_tanggal(hari), alasan))
    return libur, akhir_pekan
