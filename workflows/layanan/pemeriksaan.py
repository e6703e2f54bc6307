"""The examination: appointing the majelis, the preliminary examination and its outcomes,
closing the examination, lapse and withdrawal (siklus-sengketa.md §3)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sengketa import aturan, izin
from sengketa.galat import tidak_valid
from sengketa.models import (
    BadanPublik,
    DasarPutusanSela,
    InformasiDiminta,
    KomisiInformasi,
    Penugasan,
    PeranPenugasan,
    RiwayatStatus,
    Sengketa,
    StatusSengketa,
)
from sengketa.peran import Peran

from ..kait import Peristiwa, umumkan
from ..rute import proses_mulai
from . import validasi as v
from .dasar import mulai_langkah
from .tenggat import tenggat_sinkron


def _label(pengguna) -> str:
    return pengguna.get_full_name() or pengguna.get_username()


def syarat_peran_staf(pengguna, peran: tuple[str, ...], komisi_id: int, medan: str) -> None:
    if not any(izin.punya_peran(pengguna, p, komisi_id) for p in peran):
        raise tidak_valid(
            medan, _("%(nama)s cannot be appointed to this role.") % {"nama": _label(pengguna)}
        )


def tugaskan(sengketa: Sengketa, pengguna, peran: str, tanggal: date) -> Penugasan:
    return Penugasan.objects.create(
        sengketa=sengketa, pengguna=pengguna, peran=peran, tanggal_mulai=tanggal
    )


@transaction.atomic
def sengketa_tetapkan_majelis(
    *,
    sengketa_id: int,
    oleh,
    ketua_majelis,
    anggota: list,
    panitera_pengganti,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    langkah = mulai_langkah("tetapkan_majelis", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    ketua = v.pengguna("ketua_majelis", ketua_majelis)
    if not isinstance(anggota, list | tuple):
        raise tidak_valid("anggota", _("Give the panel members as a list."))
    anggota = [v.pengguna("anggota", a) for a in anggota]
    pp = v.pengguna("panitera_pengganti", panitera_pengganti)
    majelis = [ketua, *anggota]
    if len({u.pk for u in majelis}) != len(majelis) or pp in majelis:
        raise tidak_valid("anggota", _("Each person may be appointed only once."))
    minimal = s.komisi.jumlah_majelis_minimal
    if len(majelis) < minimal or len(majelis) % 2 == 0:
        raise tidak_valid(
            "anggota",
            _("The panel needs an odd number of at least %(n)d commissioners.") % {"n": minimal},
        )
    # Each person is refused under the field that named them (the form and the API show it there).
    syarat_peran_staf(ketua, (Peran.KOMISIONER, Peran.KETUA), s.komisi_id, "ketua_majelis")
    for u in anggota:
        syarat_peran_staf(u, (Peran.KOMISIONER, Peran.KETUA), s.komisi_id, "anggota")
    syarat_peran_staf(
        pp, (Peran.PANITERA, Peran.PANITERA_PENGGANTI), s.komisi_id, "panitera_pengganti"
    )
    langkah.tolak_jika(aturan.tanpa_konflik(s, [*majelis, pp]))
    s.tetapkan_majelis(tanggal=langkah.tanggal)
    tugaskan(s, ketua, PeranPenugasan.KETUA_MAJELIS, langkah.tanggal)
    for u in anggota:
        tugaskan(s, u, PeranPenugasan.ANGGOTA_MAJELIS, langkah.tanggal)
    tugaskan(s, pp, PeranPenugasan.PANITERA_PENGGANTI, langkah.tanggal)
    return langkah.selesai(
        parameter={
            "ketua_majelis": ketua.get_username(),
            "anggota": [u.get_username() for u in anggota],
            "panitera_pengganti": pp.get_username(),
        }
    )


@transaction.atomic
def sengketa_catat_pemeriksaan_awal(
    *,
    sengketa_id: int,
    oleh,
    berwenang: bool,
    legal_standing_pemohon: bool,
    legal_standing_termohon: bool,
    dalam_jangka_waktu: bool,
    catatan: str = "",
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """Records the four findings of Perki 1/2013 Pasal 36: not a status change, but history."""
    langkah = mulai_langkah("catat_pemeriksaan_awal", sengketa_id, oleh, tanggal, atas_nama)
    temuan = {
        "berwenang": v.benar_salah("berwenang", berwenang),
        "legal_standing_pemohon": v.benar_salah("legal_standing_pemohon", legal_standing_pemohon),
        "legal_standing_termohon": v.benar_salah(
            "legal_standing_termohon", legal_standing_termohon
        ),
        "dalam_jangka_waktu": v.benar_salah("dalam_jangka_waktu", dalam_jangka_waktu),
    }
    catatan = v.teks("catatan", catatan, wajib=False)
    langkah.sengketa.catat_pemeriksaan_awal(**temuan, catatan=catatan)
    return langkah.selesai(parameter={**temuan, "catatan": catatan}, ubah_status=False)


@transaction.atomic
def sengketa_mulai_mediasi(
    *,
    sengketa_id: int,
    oleh,
    mediator,
    persetujuan_para_pihak: bool,
    mediator_pembantu=None,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    langkah = mulai_langkah("mulai_mediasi", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    persetujuan = v.benar_salah("persetujuan_para_pihak", persetujuan_para_pihak)
    med = v.pengguna("mediator", mediator)
    syarat_peran_staf(med, (Peran.KOMISIONER, Peran.KETUA), s.komisi_id, "mediator")
    pembantu = None
    if mediator_pembantu:
        pembantu = v.pengguna("mediator_pembantu", mediator_pembantu)
        if pembantu == med:
            raise tidak_valid("mediator_pembantu", _("Each person may be appointed only once."))
        syarat_peran_staf(pembantu, tuple(Peran), s.komisi_id, "mediator_pembantu")
    alasan = aturan.boleh_mediasi(s, persetujuan)
    alasan += aturan.tanpa_konflik(s, [u for u in (med, pembantu) if u])
    langkah.tolak_jika(alasan)
    s.mulai_mediasi(tanggal=langkah.tanggal)
    tugaskan(s, med, PeranPenugasan.MEDIATOR, langkah.tanggal)
    if pembantu:
        tugaskan(s, pembantu, PeranPenugasan.MEDIATOR_PEMBANTU, langkah.tanggal)
    return langkah.selesai(
        parameter={
            "mediator": med.get_username(),
            "mediator_pembantu": pembantu.get_username() if pembantu else None,
            "persetujuan_para_pihak": persetujuan,
        }
    )


@transaction.atomic
def sengketa_mulai_ajudikasi(
    *,
    sengketa_id: int,
    oleh,
    mediasi_ditolak: bool = False,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    langkah = mulai_langkah("mulai_ajudikasi", sengketa_id, oleh, tanggal, atas_nama)
    ditolak = v.benar_salah("mediasi_ditolak", mediasi_ditolak)
    langkah.tolak_jika(aturan.boleh_ajudikasi_langsung(langkah.sengketa, ditolak))
    langkah.sengketa.mulai_ajudikasi(tanggal=langkah.tanggal, mediasi_ditolak=ditolak)
    return langkah.selesai(parameter={"mediasi_ditolak": ditolak})


@transaction.atomic
def sengketa_putusan_sela(
    *,
    sengketa_id: int,
    oleh,
    dasar: str,
    catatan: str = "",
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    langkah = mulai_langkah("putusan_sela", sengketa_id, oleh, tanggal, atas_nama)
    dasar = v.pilihan("dasar", dasar, DasarPutusanSela)
    catatan = v.teks("catatan", catatan, wajib=False)
    langkah.tolak_jika(aturan.dasar_putusan_sela_tercatat(langkah.sengketa, dasar, catatan))
    langkah.sengketa.putusan_sela(dasar=dasar, catatan=catatan, tanggal=langkah.tanggal)
    return langkah.selesai(parameter={"dasar": dasar, "catatan": catatan})


@transaction.atomic
def sengketa_limpahkan(
    *,
    sengketa_id: int,
    oleh,
    komisi_tujuan: str,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """Transfer to the competent commission: it receives a new case in `diterima`, linked
    both ways, with the parties, the requested information and the pre-dispute dates."""
    langkah = mulai_langkah("limpahkan", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    tujuan = KomisiInformasi.objects.filter(kode=komisi_tujuan).exclude(pk=s.komisi_id).first()
    if tujuan is None:
        raise tidak_valid("komisi_tujuan", _("Choose another commission known to the system."))
    langkah.tolak_jika(aturan.tidak_berwenang_tercatat(s))
    s.limpahkan(komisi_tujuan=tujuan, tanggal=langkah.tanggal)
    s.dilimpahkan_ke = _salin_ke(s, tujuan, langkah.tanggal, oleh)
    return langkah.selesai(
        parameter={"komisi_tujuan": tujuan.kode, "sengketa_baru": s.dilimpahkan_ke_id}
    )


def _salin_ke(asal: Sengketa, tujuan: KomisiInformasi, tanggal: date, oleh) -> Sengketa:
    baru = Sengketa.objects.create(
        komisi=tujuan,
        tanggal_permohonan_informasi=asal.tanggal_permohonan_informasi,
        tanggal_tanggapan_ppid=asal.tanggal_tanggapan_ppid,
        tanggal_keberatan=asal.tanggal_keberatan,
        tanggal_tanggapan_atasan=asal.tanggal_tanggapan_atasan,
        tanggal_diterima=tanggal,
        saluran=asal.saluran,
        tujuan_penggunaan=asal.tujuan_penggunaan,
        alasan=asal.alasan,
        petitum=asal.petitum,
        kelengkapan=asal.kelengkapan,
        tanggal_efektif_terakhir=tanggal,
    )
    for pihak in asal.pihak.all():
        kuasa = list(pihak.kuasa.all())
        pihak.pk, pihak.sengketa = None, baru
        if pihak.badan_publik_id:
            pihak.badan_publik = _badan_di(tujuan, pihak.badan_publik)
        pihak.save()
        for k in kuasa:
            k.pk, k.pihak = None, pihak
            k.save()
    InformasiDiminta.objects.bulk_create(
        InformasiDiminta(sengketa=baru, urutan=i.urutan, uraian=i.uraian)
        for i in asal.informasi_diminta.all()
    )
    riwayat = RiwayatStatus.objects.create(
        sengketa=baru,
        transisi="terima",
        dari="",
        ke=StatusSengketa.DITERIMA,
        tanggal=tanggal,
        oleh=oleh,
        parameter={"saluran": "pelimpahan", "dilimpahkan_dari": asal.pk},
    )
    tenggat_sinkron(baru)
    proses_mulai(baru)
    umumkan(Peristiwa(baru.pk, "terima", riwayat.pk, {"dilimpahkan_dari": asal.pk}))
    return baru


def _badan_di(komisi: KomisiInformasi, badan: BadanPublik) -> BadanPublik:
    """The same public body in the receiving commission's list (created if it has none)."""
    sama, _dibuat = BadanPublik.objects.get_or_create(
        komisi=komisi,
        nama=badan.nama,
        defaults={"kategori": badan.kategori, "alamat": badan.alamat, "kota": badan.kota},
    )
    return sama


@transaction.atomic
def sengketa_tutup_pemeriksaan(
    *, sengketa_id: int, oleh, tanggal: date | None = None, atas_nama: str = ""
) -> Sengketa:
    langkah = mulai_langkah("tutup_pemeriksaan", sengketa_id, oleh, tanggal, atas_nama)
    langkah.tolak_jika(aturan.sidang_ajudikasi_selesai(langkah.sengketa, langkah.tanggal))
    langkah.sengketa.tutup_pemeriksaan(tanggal=langkah.tanggal)
    return langkah.selesai()


@transaction.atomic
def sengketa_gugurkan(
    *, sengketa_id: int, oleh, tanggal: date | None = None, atas_nama: str = ""
) -> Sengketa:
    """Perki 1/2013 Pasal 30: the applicant absent twice without reason, properly summoned."""
    langkah = mulai_langkah("gugurkan", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    langkah.tolak_jika(aturan.pemohon_dua_kali_absen(s, langkah.kal, langkah.tanggal))
    sidang = [x.pk for x in aturan.ketidakhadiran_pemohon_sah(s, langkah.kal, langkah.tanggal)]
    s.gugurkan(tanggal=langkah.tanggal)
    return langkah.selesai(parameter={"sidang_tidak_hadir": sidang})


@transaction.atomic
def sengketa_cabut(
    *,
    sengketa_id: int,
    oleh,
    tanggal_surat,
    alasan: str,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """Withdrawal on the applicant's written request; no consent of the respondent needed
    (Perki 1/2013 Pasal 14-15). A register number is struck out, never issued again."""
    langkah = mulai_langkah("cabut", sengketa_id, oleh, tanggal, atas_nama)
    tanggal_surat = v.tanggal("tanggal_surat", tanggal_surat)
    alasan = v.teks("alasan", alasan)
    if tanggal_surat > langkah.tanggal:
        raise tidak_valid("tanggal_surat", _("The letter cannot be dated after the withdrawal."))
    langkah.sengketa.cabut(tanggal_surat=tanggal_surat, alasan=alasan, tanggal=langkah.tanggal)
    return langkah.selesai(parameter={"tanggal_surat": tanggal_surat.isoformat(), "alasan": alasan})
