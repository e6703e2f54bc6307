"""Tables 1, 2 and 9: the register balance, how the finished cases ended, month by month.
The definitions and the shared scans are in kueri.py."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sengketa.kalender import NAMA_BULAN
from sengketa.models import Amar, DasarPutusanSela, Jalur, NomorDicoret
from sengketa.models import StatusSengketa as S

from .bentuk import JUMLAH, PERSEN, Bagian, Baris, Kolom, Tabel, persen
from .cakupan import cakupan
from .kueri import (
    STATUS_PUTUSAN_AJUDIKASI,
    dalam,
    hitungan_kasus,
    kelompok_bulan,
    kelompok_selesai,
)
from .periode import Periode


def _baris(kode: str, label: str, *nilai, tingkat: int = 0) -> Baris:
    return Baris(kode, str(label), tuple(nilai), tingkat)


# -- table 1 ------------------------------------------------------------------------------


def tabel_register(komisi, periode: Periode) -> Tabel:
    """Table 1. With M, S the first and last day of the period, and *registered* meaning
    the case has a registration date:

    - sisa_tahun_lalu: registered before M and not finished before M;
    - diterima: received in the period (of which: transferred from another commission);
    - diregistrasi: registered in the period;
    - tidak_diregistrasi: refused registration in the period;
    - dicabut_sebelum_registrasi: withdrawn in the period before being registered;
    - selesai: registered cases whose final act (ruling read, mediation ruling, interlocutory
      ruling, transfer, withdrawal, lapse) is in the period, whenever they were registered;
    - sisa_tahun_berikut: registered by S and not finished by S.

    So sisa_tahun_lalu + diregistrasi - selesai == sisa_tahun_berikut, and on the intake side
    belum_diregistrasi_awal + diterima - diregistrasi - tidak_diregistrasi
    - dicabut_sebelum_registrasi == belum_diregistrasi_akhir.
    """
    cak = cakupan(komisi)
    n = hitungan_kasus(cak, periode)
    dicoret_koreksi = NomorDicoret.objects.filter(cak.saring(), dalam("tanggal", periode)).count()
    beban = n["sisa_awal"] + n["diregistrasi"]
    tahunan = periode.tahun_penuh is not None
    register = (
        _baris(
            "sisa_tahun_lalu",
            _("Carried over from the previous year")
            if tahunan
            else _("Pending at the start of the period"),
            n["sisa_awal"],
        ),
        _baris("diregistrasi", _("Registrations"), n["diregistrasi"]),
        _baris("selesai", _("Finished"), n["selesai"]),
        _baris(
            "selesai_register_periode",
            _("of which registered in the period"),
            n["selesai"] - n["selesai_lama"],
            tingkat=1,
        ),
        _baris(
            "selesai_register_lama",
            _("of which registered before the period"),
            n["selesai_lama"],
            tingkat=1,
        ),
        _baris(
            "sisa_tahun_berikut",
            _("Carried over to the next year")
            if tahunan
            else _("Pending at the end of the period"),
            n["sisa_akhir"],
        ),
    )
    permohonan = (
        _baris(
            "belum_diregistrasi_awal",
            _("Applications not yet registered at the start"),
            n["antrean_awal"],
        ),
        _baris("diterima", _("Received"), n["diterima"]),
        _baris(
            "dilimpahkan_masuk",
            _("of which transferred from another commission"),
            n["dilimpahkan_masuk"],
            tingkat=1,
        ),
        _baris("diregistrasi", _("Registrations"), n["diregistrasi"]),
        _baris("tidak_diregistrasi", _("Not registered"), n["tidak_diregistrasi"]),
        _baris("dicabut_sebelum_registrasi", _("Withdrawn before registration"), n["dicabut_pra"]),
        _baris(
            "belum_diregistrasi_akhir",
            _("Applications not yet registered at the end"),
            n["antrean_akhir"],
        ),
    )
    dicoret = (
        _baris("karena_pencabutan", _("Withdrawal of a registered case"), n["dicoret_cabut"]),
        _baris("karena_koreksi", _("Correction of a registration"), dicoret_koreksi),
    )
    jumlah = (Kolom("jumlah", _("Count")),)
    return Tabel(
        nomor=1,
        kode="register",
        judul=_("Registers"),
        grafik="batang",
        bagian=(
            Bagian("register", _("Register balance"), jumlah, register),
            Bagian(
                "penyelesaian",
                _("Completion rate"),
                (Kolom("persen", _("Share"), PERSEN),),
                (
                    _baris(
                        "persen_selesai",
                        _("Finished, of the caseload (carried over plus registered)"),
                        persen(n["selesai"], beban),
                    ),
                ),
            ),
            Bagian("permohonan", _("Applications"), jumlah, permohonan),
            Bagian(
                "nomor_dicoret",
                _("Register numbers struck out"),
                jumlah,
                dicoret,
                _baris("jumlah", _("Total"), n["dicoret_cabut"] + dicoret_koreksi),
            ),
        ),
        catatan=_(
            "Finished: a registered case whose final act (ruling, mediation ruling, "
            "interlocutory ruling, transfer, withdrawal or lapse) falls in the period, "
            "whenever it was registered. Pending: registered and not yet finished. "
            "Steps undone by a correction are not counted."
        ),
    )


# -- table 2 ------------------------------------------------------------------------------

JALUR_KOLOM = (
    (Jalur.MEDIASI, "jalur_m"),
    (Jalur.AJUDIKASI, "jalur_a"),
    (Jalur.MEDIASI_AJUDIKASI, "jalur_ma"),
    ("", "jalur_belum"),
)


def tabel_penyelesaian(komisi, periode: Periode) -> Tabel:
    """Table 2: the cases table 1 counts as finished, by outcome and by path (jalur: M
    mediation, A adjudication, M-A mediation then adjudication; none when the case ended
    before either began)."""
    cak = cakupan(komisi)
    # The shared groups also carry the dates (for table 3): sum them down to the few
    # combinations of outcome and path first.
    ringkas: dict[tuple, int] = {}
    for _komisi, st, amar, dasar, jalur, _reg, _akhir, n in kelompok_selesai(cak, periode):
        k = (st, amar, dasar, jalur or "")
        ringkas[k] = ringkas.get(k, 0) + n
    kelompok = [
        {"status": st, "amar": amar, "dasar_putusan_sela": dasar, "jalur": jalur, "n": n}
        for (st, amar, dasar, jalur), n in ringkas.items()
    ]

    def hitung(syarat) -> tuple[int, ...]:
        per_jalur = [
            sum(g["n"] for g in kelompok if syarat(g) and (g["jalur"] or "") == j)
            for j, _k in JALUR_KOLOM
        ]
        return (sum(per_jalur), *per_jalur)

    def status_(*st):
        return lambda g: g["status"] in st

    baris = [
        _baris("putusan_mediasi", _("Mediation ruling"), *hitung(status_(S.SELESAI_MEDIASI))),
        _baris(
            "putusan_ajudikasi",
            _("Adjudication ruling"),
            *hitung(status_(*STATUS_PUTUSAN_AJUDIKASI)),
        ),
    ]
    for a in Amar:
        syarat = lambda g, a=a: g["status"] in STATUS_PUTUSAN_AJUDIKASI and g["amar"] == a  # noqa: E731
        baris.append(_baris(a.value, a.label, *hitung(syarat), tingkat=1))
    baris.append(
        _baris("putusan_sela", _("Interlocutory ruling"), *hitung(status_(S.TIDAK_DITERIMA)))
    )
    for d in DasarPutusanSela:
        syarat = lambda g, d=d: g["status"] == S.TIDAK_DITERIMA and g["dasar_putusan_sela"] == d  # noqa: E731
        baris.append(_baris(d.value, d.label, *hitung(syarat), tingkat=1))
    baris += [
        _baris("gugur", _("Lapsed"), *hitung(status_(S.GUGUR))),
        _baris("dicabut", _("Withdrawn"), *hitung(status_(S.DICABUT))),
        _baris("dilimpahkan", _("Transferred"), *hitung(status_(S.DILIMPAHKAN))),
    ]
    kolom = (
        Kolom("jumlah", _("Count")),
        Kolom("jalur_m", _("Mediation")),
        Kolom("jalur_a", _("Adjudication")),
        Kolom("jalur_ma", _("Mediation, then adjudication")),
        Kolom("jalur_belum", _("Before either")),
    )
    # The status each finished case is in now (a ruling may since have become final or
    # been objected to in court), by amar for adjudication rulings.
    sekarang: dict[tuple[str, str], int] = {}
    for g in kelompok:
        kunci = (g["status"], g["amar"] if g["status"] in STATUS_PUTUSAN_AJUDIKASI else "")
        sekarang[kunci] = sekarang.get(kunci, 0) + g["n"]
    urutan = {s.value: i for i, s in enumerate(S)}
    rincian = tuple(
        _baris(
            f"{st}.{amar}" if amar else st,
            f"{S(st).label} – {Amar(amar).label}" if amar else S(st).label,
            n,
        )
        for (st, amar), n in sorted(sekarang.items(), key=lambda x: (urutan[x[0][0]], x[0][1]))
    )
    total = sum(g["n"] for g in kelompok)
    return Tabel(
        nomor=2,
        kode="penyelesaian",
        judul=_("Finished cases by path and outcome"),
        grafik="batang",
        bagian=(
            Bagian(
                "hasil",
                _("By outcome and path"),
                kolom,
                tuple(baris),
                _baris("jumlah", _("Total"), *hitung(lambda g: True)),
            ),
            Bagian(
                "status_sekarang",
                _("Status now"),
                (Kolom("jumlah", _("Count")),),
                rincian,
                _baris("jumlah", _("Total"), total),
            ),
        ),
        catatan=_(
            "The cases of table 1 finished in the period. Adjudication rulings count once, "
            "whatever happened after them (objection in court, final and binding)."
        ),
    )


# -- table 9 ------------------------------------------------------------------------------


def tabel_bulanan(komisi, periode: Periode) -> Tabel:
    """Table 9: per month of the period, applications received, cases registered and cases
    finished (the same definitions as table 1)."""
    cak = cakupan(komisi)

    masuk: dict[int, int] = {}
    reg: dict[int, int] = {}
    tuntas: dict[int, int] = {}
    for g in kelompok_bulan(cak, periode):
        for hasil, bulan in ((masuk, g["b_diterima"]), (reg, g["b_registrasi"]),
                             (tuntas, g["b_selesai"])):  # fmt: skip
            if bulan is not None:
                hasil[bulan] = hasil.get(bulan, 0) + g["n"]
    baris = tuple(
        _baris(
            f"{y}-{m:02d}",
            f"{NAMA_BULAN[m - 1]} {y}",
            masuk.get(y * 12 + m, 0),
            reg.get(y * 12 + m, 0),
            tuntas.get(y * 12 + m, 0),
        )
        for y, m in periode.bulan_bulan()
    )
    total = _baris("jumlah", _("Total"), *(sum(b.nilai[i] for b in baris) for i in range(3)))
    return Tabel(
        nomor=9,
        kode="bulanan",
        judul=_("Monthly intake and completions"),
        grafik="garis",
        bagian=(
            Bagian(
                "bulanan",
                _("Per month"),
                (
                    Kolom("diterima", _("Received"), JUMLAH),
                    Kolom("diregistrasi", _("Registrations"), JUMLAH),
                    Kolom("selesai", _("Finished"), JUMLAH),
                ),
                baris,
                total,
            ),
        ),
    )
