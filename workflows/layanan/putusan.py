"""The ruling and what follows it: copies, objections in court, finality (UU 14/2008 Pasal
47-50, Perki 1/2013 Pasal 58-60)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sengketa import aturan
from sengketa.galat import tidak_valid
from sengketa.models import (
    Amar,
    JenisPengadilan,
    KeberatanPengadilan,
    KodeTenggat,
    PenerimaanSalinan,
    PutusanPengadilan,
    Sengketa,
)
from sengketa.penomoran import nomor_putusan
from sengketa.waktu import hari_ini

from . import validasi as v
from .dasar import mulai_langkah


@transaction.atomic
def sengketa_bacakan_putusan(
    *,
    sengketa_id: int,
    oleh,
    amar: str,
    isi_amar: str,
    jangka_waktu_pelaksanaan: int,
    tanggal_musyawarah,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    langkah = mulai_langkah("bacakan_putusan", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    amar = v.pilihan("amar", amar, Amar)
    isi = v.teks("isi_amar", isi_amar)
    jangka = v.bilangan(
        "jangka_waktu_pelaksanaan", jangka_waktu_pelaksanaan, minimum=0, maksimum=365
    )
    musyawarah = v.tanggal("tanggal_musyawarah", tanggal_musyawarah)
    if musyawarah > langkah.tanggal or (
        s.tanggal_tutup_pemeriksaan and musyawarah < s.tanggal_tutup_pemeriksaan
    ):
        raise tidak_valid(
            "tanggal_musyawarah",
            _("The deliberation lies between the close of the examination and the reading."),
        )
    langkah.tolak_jika(aturan.sidang_pembacaan_pada(s, langkah.tanggal))
    s.bacakan_putusan(
        amar=amar,
        isi_amar=isi,
        jangka_waktu=jangka,
        tanggal_musyawarah=musyawarah,
        nomor_putusan=nomor_putusan(s),
        tanggal=langkah.tanggal,
    )
    return langkah.selesai(
        parameter={
            "amar": amar,
            "jangka_waktu_pelaksanaan": jangka,
            "tanggal_musyawarah": musyawarah.isoformat(),
            "nomor_putusan": s.nomor_putusan,
        }
    )


def _pihak_kasus(s: Sengketa, pihak) -> object:
    pihak_id = getattr(pihak, "pk", pihak)
    for p in s.pihak.all():
        if p.pk == pihak_id:
            return p
    raise tidak_valid("pihak", _("This party is not a party to the case."))


@transaction.atomic
def sengketa_catat_penerimaan_salinan(
    *,
    sengketa_id: int,
    oleh,
    pihak,
    tanggal_diterima,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """The party's objection window starts when it receives its copy (UU 14/2008 Pasal 48)."""
    langkah = mulai_langkah("catat_penerimaan_salinan", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    p = _pihak_kasus(s, pihak)
    diterima = v.tanggal("tanggal_diterima", tanggal_diterima)
    if diterima < s.tanggal_putusan or diterima > hari_ini(s.komisi):
        raise tidak_valid(
            "tanggal_diterima", _("The copy is received after the reading and not in the future.")
        )
    if s.penerimaan_salinan.filter(pihak=p, dibatalkan=False).exists():
        langkah.tolak_jika(
            [("salinan_sudah_dicatat", _("The receipt by this party is already recorded."))]
        )
    s.catat_penerimaan_salinan()
    PenerimaanSalinan.objects.create(sengketa=s, pihak=p, tanggal_diterima=diterima)
    return langkah.selesai(
        parameter={"pihak": p.pk, "tanggal_diterima": diterima.isoformat()}, ubah_status=False
    )


def _jenis_pengadilan(nama: str) -> str:
    kepala = nama.split()[0].upper() if nama.split() else ""
    return kepala if kepala in JenisPengadilan.values else JenisPengadilan.PN


@transaction.atomic
def sengketa_catat_keberatan(
    *,
    sengketa_id: int,
    oleh,
    pengadilan: str,
    nomor_perkara: str,
    pihak,
    tanggal: date | None = None,
    jenis_pengadilan: str | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """`tanggal` is the filing date. A late filing is recorded with `terlambat`, not refused:
    the court decides on its own admissibility."""
    langkah = mulai_langkah("catat_keberatan", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    p = _pihak_kasus(s, pihak)
    pengadilan = v.teks("pengadilan", pengadilan, maks=200)
    nomor = v.teks("nomor_perkara", nomor_perkara, maks=120)
    jenis = v.pilihan(
        "jenis_pengadilan", jenis_pengadilan or _jenis_pengadilan(pengadilan), JenisPengadilan
    )
    jendela = s.tenggat.filter(kode=KodeTenggat.KEBERATAN, pihak=p).first()
    terlambat = bool(jendela and langkah.tanggal > jendela.tanggal)
    s.catat_keberatan()
    KeberatanPengadilan.objects.create(
        sengketa=s,
        pihak=p,
        jenis_pengadilan=jenis,
        pengadilan=pengadilan,
        nomor_perkara=nomor,
        tanggal=langkah.tanggal,
        terlambat=terlambat,
    )
    return langkah.selesai(
        parameter={
            "pengadilan": pengadilan,
            "nomor_perkara": nomor,
            "pihak": p.pk,
            "terlambat": terlambat,
        }
    )


@transaction.atomic
def sengketa_nyatakan_inkracht(
    *, sengketa_id: int, oleh, tanggal: date | None = None, atas_nama: str = ""
) -> Sengketa:
    """By the registry, or by the daily sweep (oleh=None) once every window has closed."""
    langkah = mulai_langkah("nyatakan_inkracht", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    langkah.tolak_jika(aturan.jendela_keberatan_tertutup(s, langkah.tanggal))
    s.nyatakan_inkracht(tanggal=langkah.tanggal)
    return langkah.selesai()


@transaction.atomic
def sengketa_catat_putusan_pengadilan(
    *,
    sengketa_id: int,
    oleh,
    pengadilan: str,
    nomor: str,
    hasil: str,
    final: bool,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """A court ruling; a final one makes the case final, otherwise a kasasi may follow."""
    langkah = mulai_langkah("catat_putusan_pengadilan", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    data = {
        "pengadilan": v.teks("pengadilan", pengadilan, maks=200),
        "nomor": v.teks("nomor", nomor, maks=120),
        "hasil": v.teks("hasil", hasil),
        "final": v.benar_salah("final", final),
    }
    s.catat_putusan_pengadilan(final=data["final"], tanggal=langkah.tanggal)
    PutusanPengadilan.objects.create(sengketa=s, tanggal=langkah.tanggal, **data)
    return langkah.selesai(parameter=data)
