"""Table 8: what happened to adjudication rulings after they were read - objections filed
in court, court rulings recorded, and rulings that became final (inkracht) with or without
an objection. Records cancelled by a correction (`dibatalkan`) never count."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from sengketa.models import JenisPengadilan, KeberatanPengadilan, PutusanPengadilan

from .bentuk import JUMLAH, PERSEN, Bagian, Baris, Kolom, Tabel, persen
from .cakupan import cakupan
from .kueri import dalam, hitungan_kasus
from .periode import Periode


def tabel_pengadilan(komisi, periode: Periode) -> Tabel:
    cak = cakupan(komisi)
    keberatan = list(
        KeberatanPengadilan.objects.filter(
            cak.saring("sengketa__komisi"), dalam("tanggal", periode), dibatalkan=False
        )
        .order_by()
        .values("jenis_pengadilan", "pengadilan")
        .annotate(n=Count("pk"), terlambat=Count("pk", filter=Q(terlambat=True)))
    )
    hitungan = hitungan_kasus(cak, periode)
    inkracht = {"tanpa": hitungan["inkracht_tanpa"], "dengan": hitungan["inkracht_dengan"]}
    putusan = PutusanPengadilan.objects.filter(
        cak.saring("sengketa__komisi"), dalam("tanggal", periode), dibatalkan=False
    ).aggregate(
        n_final=Count("pk", filter=Q(final=True)),
        n_belum=Count("pk", filter=Q(final=False)),
    )

    def jumlah(syarat) -> tuple[int, int]:
        pilih = [k for k in keberatan if syarat(k)]
        return sum(k["n"] for k in pilih), sum(k["terlambat"] for k in pilih)

    kolom = (Kolom("jumlah", _("Objections"), JUMLAH), Kolom("terlambat", _("Filed late"), JUMLAH))
    per_jenis = tuple(
        Baris(j.value, j.label, jumlah(lambda k, j=j: k["jenis_pengadilan"] == j))
        for j in JenisPengadilan
    )
    per_pengadilan: dict[str, list[int]] = {}
    for k in keberatan:
        nilai = per_pengadilan.setdefault(k["pengadilan"], [0, 0])
        nilai[0] += k["n"]
        nilai[1] += k["terlambat"]
    total = Baris("jumlah", _("Total"), jumlah(lambda k: True))
    n_inkracht = inkracht["tanpa"] + inkracht["dengan"]
    kolom_inkracht = (Kolom("jumlah", _("Rulings"), JUMLAH), Kolom("persen", _("Share"), PERSEN))
    return Tabel(
        nomor=8,
        kode="pengadilan",
        judul=_("Court objections and final rulings"),
        grafik="batang",
        bagian=(
            Bagian("per_jenis", _("Objections filed, by court"), kolom, per_jenis, total),
            Bagian(
                "per_pengadilan",
                _("Objections filed, by court name"),
                kolom,
                tuple(
                    Baris(nama, nama, tuple(nilai))
                    for nama, nilai in sorted(
                        per_pengadilan.items(), key=lambda x: (-x[1][0], x[0])
                    )
                ),
                total,
            ),
            Bagian(
                "inkracht",
                _("Rulings that became final and binding"),
                kolom_inkracht,
                (
                    Baris(
                        "tanpa_keberatan",
                        _("Without an objection"),
                        (inkracht["tanpa"], persen(inkracht["tanpa"], n_inkracht)),
                    ),
                    Baris(
                        "setelah_keberatan",
                        _("After an objection in court"),
                        (inkracht["dengan"], persen(inkracht["dengan"], n_inkracht)),
                    ),
                ),
                Baris("jumlah", _("Total"), (n_inkracht, persen(n_inkracht, n_inkracht))),
            ),
            Bagian(
                "putusan_pengadilan",
                _("Court rulings recorded"),
                (Kolom("jumlah", _("Rulings"), JUMLAH),),
                (
                    Baris("final", _("Final"), (putusan["n_final"],)),
                    Baris("belum_final", _("Open to cassation"), (putusan["n_belum"],)),
                ),
                Baris("jumlah", _("Total"), (putusan["n_final"] + putusan["n_belum"],)),
            ),
        ),
        catatan=_(
            "Objections and court rulings by their date; final rulings by the date they "
            "became final. Records cancelled by a correction are left out."
        ),
    )
