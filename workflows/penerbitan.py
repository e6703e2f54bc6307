"""After-commit receiver: which step issues which document (siklus-sengketa.md §3 "docs").

Runs after the step committed (workflows.kait); it only creates the pending document rows
(idempotently, by key) and queues their rendering, so a slow or failing renderer never
touches the case. `koreksi` marks what the undone step issued as `dibatalkan`.
"""

from dokumen.layanan import dokumen_batalkan_untuk_riwayat, dokumen_siapkan
from dokumen.models import JenisDokumen as J
from sengketa.models import Panggilan, RiwayatStatus, Sengketa, Sidang
from sengketa.penomoran import (
    SERI_SURAT,
    TEMPLATE_PENETAPAN_BAWAAN,
    nomor_penetapan_baru,
    nomor_putusan,
    nomor_surat_baru,
    nomor_tanda_terima,
)

from .kait import Peristiwa, daftarkan

# Steps that issue documents about the case (subject: the history row of the step).
DOKUMEN_LANGKAH = {
    "terima": (J.TANDA_TERIMA,),
    "minta_kelengkapan": (J.PEMBERITAHUAN_KEKURANGAN,),
    "registrasi": (J.AKTA_REGISTRASI, J.SALINAN_PERMOHONAN),
    "tolak_registrasi": (J.PEMBERITAHUAN_TIDAK_DIREGISTRASI,),
    "tetapkan_majelis": (J.PENETAPAN_MAJELIS,),
    "mulai_mediasi": (J.PENETAPAN_MEDIATOR,),
    "mediasi_berhasil": (J.KESEPAKATAN_MEDIASI, J.PUTUSAN_MEDIASI),
    "mediasi_gagal": (J.PERNYATAAN_MEDIASI_GAGAL,),
    "bacakan_putusan": (J.PUTUSAN,),
    "putusan_sela": (J.PUTUSAN_SELA,),
    "cabut": (J.PENETAPAN_PENCABUTAN, J.AKTA_PEMBATALAN_REGISTRASI),
    "gugurkan": (J.PENETAPAN_GUGUR,),
    # dokumen.md: the majelis' finding that it lacks (relative) competence is a putusan sela,
    # and the transfer itself a penetapan.
    "limpahkan": (J.PUTUSAN_SELA, J.PENETAPAN_PELIMPAHAN),
}
# Issued only when the case had a register number (a withdrawal before registration
# strikes nothing out).
HANYA_TEREGISTRASI = {J.PENETAPAN_PENCABUTAN, J.AKTA_PEMBATALAN_REGISTRASI}
# Addressed to one party: (type -> role).
ALAMAT = {
    J.TANDA_TERIMA: "pemohon",
    J.PEMBERITAHUAN_KEKURANGAN: "pemohon",
    J.PEMBERITAHUAN_TIDAK_DIREGISTRASI: "pemohon",
    J.SALINAN_PERMOHONAN: "termohon",
}
# Documents issued once per party (a copy each), subject "r<riwayat>-<pihak>".
PER_PIHAK = {"bacakan_putusan": (J.SALINAN_PUTUSAN,)}
PENETAPAN = {
    J.PENETAPAN_MAJELIS,
    J.PENETAPAN_MEDIATOR,
    J.PENETAPAN_PENCABUTAN,
    J.PENETAPAN_GUGUR,
    J.PENETAPAN_PELIMPAHAN,
}
LANGKAH_SIDANG = ("jadwalkan_sidang", "tunda_sidang", "pindahkan_sidang")
# The bulk data generator (benchmarks/generator.py) numbers decrees like a commission whose
# letter template has no {seri}.
TEMPLATE_PENETAPAN = TEMPLATE_PENETAPAN_BAWAAN


def _nomor(jenis: str, sengketa: Sengketa, riwayat: RiwayatStatus):
    """The document's number (every template and counter is in sengketa.penomoran), drawn
    only when the document is new."""
    if jenis == J.AKTA_REGISTRASI:
        return sengketa.nomor_register
    if jenis == J.TANDA_TERIMA:
        return nomor_tanda_terima(sengketa)
    if jenis in PENETAPAN:
        return lambda: nomor_penetapan_baru(sengketa.komisi, riwayat.tanggal)
    if jenis in (J.PUTUSAN, J.SALINAN_PUTUSAN):
        return sengketa.nomor_putusan
    if jenis in (J.PUTUSAN_MEDIASI, J.PUTUSAN_SELA):
        return nomor_putusan(sengketa)
    if jenis in (
        J.KESEPAKATAN_MEDIASI,
        J.PERNYATAAN_MEDIASI_GAGAL,
        J.BERITA_ACARA,
        J.AKTA_PEMBATALAN_REGISTRASI,
    ):
        return sengketa.nomor_register
    return lambda: nomor_surat_baru(sengketa.komisi, riwayat.tanggal, seri=SERI_SURAT)


def _terbitkan_langkah(p: Peristiwa) -> None:
    sengketa = Sengketa.objects.select_related("komisi").get(pk=p.sengketa_id)
    riwayat = RiwayatStatus.objects.get(pk=p.riwayat_id)
    for jenis in DOKUMEN_LANGKAH.get(p.nama, ()):
        if jenis in HANYA_TEREGISTRASI and not sengketa.nomor_register:
            continue
        peran = ALAMAT.get(jenis)
        dokumen_siapkan(
            sengketa=sengketa,
            jenis=jenis,
            subjek=f"r{riwayat.pk}",
            nomor=_nomor(jenis, sengketa, riwayat),
            riwayat=riwayat,
            oleh=riwayat.oleh,
            pihak=sengketa.pihak_dengan_peran(peran) if peran else None,
        )
    for jenis in PER_PIHAK.get(p.nama, ()):
        for pihak in sengketa.pihak.all():
            dokumen_siapkan(
                sengketa=sengketa,
                jenis=jenis,
                subjek=f"r{riwayat.pk}-{pihak.pk}",
                nomor=_nomor(jenis, sengketa, riwayat),
                riwayat=riwayat,
                oleh=riwayat.oleh,
                pihak=pihak,
            )


def _terbitkan_berita_acara(p: Peristiwa) -> None:
    """The minutes of a finished hearing (data {"sidang": id, "kehadiran": {...}})."""
    sidang = Sidang.objects.select_related("sengketa__komisi").get(pk=p.data["sidang"])
    riwayat = RiwayatStatus.objects.get(pk=p.riwayat_id) if p.riwayat_id else None
    dokumen_siapkan(
        sengketa=sidang.sengketa,
        jenis=J.BERITA_ACARA,
        subjek=f"s{sidang.pk}",
        nomor=sidang.sengketa.nomor_register,
        riwayat=riwayat,
        oleh=riwayat.oleh if riwayat else None,
        sidang=sidang,
    )


def _terbitkan_panggilan(p: Peristiwa) -> None:
    """One summons document per Panggilan row of the hearing just scheduled."""
    # jadwalkan_sidang names the new hearing "sidang"; an adjourned or moved hearing's
    # announcement names the old one "sidang" and the new one "sidang_berikutnya".
    sidang_id = p.data["sidang" if p.nama == "jadwalkan_sidang" else "sidang_berikutnya"]
    sidang = Sidang.objects.select_related("sengketa__komisi").get(pk=sidang_id)
    riwayat = RiwayatStatus.objects.get(pk=p.riwayat_id) if p.riwayat_id else None
    for panggilan in Panggilan.objects.filter(sidang=sidang).select_related("pihak"):
        dokumen_siapkan(
            sengketa=sidang.sengketa,
            jenis=J.PANGGILAN,
            subjek=f"p{panggilan.pk}",
            nomor=panggilan.nomor,
            riwayat=riwayat,
            oleh=riwayat.oleh if riwayat else None,
            sidang=sidang,
            panggilan=panggilan,
            pihak=panggilan.pihak,
        )


def terbitkan_dokumen(p: Peristiwa) -> None:
    if p.nama in DOKUMEN_LANGKAH or p.nama in PER_PIHAK:
        _terbitkan_langkah(p)
    elif p.nama == "selesai_sidang":
        _terbitkan_berita_acara(p)
    elif p.nama in LANGKAH_SIDANG:
        _terbitkan_panggilan(p)
    elif p.nama == "koreksi" and p.data.get("riwayat_diurungkan"):
        dokumen_batalkan_untuk_riwayat(p.data["riwayat_diurungkan"])


def daftarkan_penerbitan() -> None:
    daftarkan(terbitkan_dokumen)
