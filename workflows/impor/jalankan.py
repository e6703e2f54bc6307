"""Executing the plans of a register import: each row in its own transaction, every step
through its service with the row's effective dates, so the history, the deadlines and the
numbers are what the services make of them.

- The register number of the file is kept exactly (`sengketa_registrasi(nomor_register=)`
  advances the year's counter past it, so numbers issued later never collide).
- Who acts: the services check permissions (sengketa/izin.py), and the system itself may
  only refuse registration and declare finality, so each step is done by the person the
  spec names: the importing registrar for the registry's steps, the commission's chair for
  the panel, the case's PP for the majelis' and the mediator's decisions (spec §1: the PP
  records them on their behalf). Every history row says "on behalf of: register import by
  <importer>".
- Nothing is announced (workflows.kait.tanpa_pengumuman): the letters of a historical
  case exist on paper and its parties were told at the time; no document is issued and
  no e-mail is sent for it.
- A row that fails is rolled back alone and reported; the others go on. A re-run skips
  what exists (rencana.py), and the unique register number guards a concurrent run.
"""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sengketa import izin
from sengketa.galat import KesalahanProsedur, TidakBerwenang
from sengketa.kalender import Kalender
from sengketa.models import BadanPublik, KategoriBadanPublik, Kuasa, Pihak, Sengketa
from sengketa.peran import Peran
from sengketa.register import SIDANG_ID
from sengketa.waktu import zona

from .. import layanan as L
from ..kait import tanpa_pengumuman
from ..layanan import sidang as layanan_sidang
from .rencana import BUAT, Langkah, Rencana, RencanaBaris

DIBUAT, GAGAL, DILEWATI = "dibuat", "gagal", "dilewati"
TEMUAN = ("berwenang", "legal_standing_pemohon", "legal_standing_termohon", "dalam_jangka_waktu")


@dataclass
class HasilBaris:
    nomor_baris: int
    keadaan: str  # DIBUAT, GAGAL or DILEWATI
    nomor_register: str = ""
    pesan: str = ""
    sengketa_id: int | None = None


@dataclass
class HasilImpor:
    baris: list[HasilBaris] = field(default_factory=list)

    def jumlah(self, keadaan: str) -> int:
        return sum(1 for b in self.baris if b.keadaan == keadaan)


def boleh_menjalankan(pengguna, komisi) -> bool:
    """The registry keeps the register book (spec §1): a registrar of the commission runs
    the import (an admin may prepare it and see the dry run)."""
    return izin.punya_peran(pengguna, Peran.PANITERA, komisi.pk)


class _Kasus:
    """The case being built by one row, and what its steps need from each other."""

    def __init__(self, rb: RencanaBaris, komisi, atas_nama: str):
        self.rb, self.komisi, self.atas_nama = rb, komisi, atas_nama
        self.sengketa: Sengketa | None = None
        self.sidang_berikutnya = None

    def pukul(self, lk: Langkah, jam: int | None = None) -> datetime:
        return datetime.combine(
            lk.tanggal, time(jam or lk.data["jam"]), tzinfo=zona(self.komisi.zona_waktu)
        )

    def pihak(self, peran: str) -> Pihak:
        return Pihak.objects.get(sengketa=self.sengketa, peran=peran)

    def layanan(self, nama: str, lk: Langkah, **kwargs) -> None:
        self.sengketa = L.LAYANAN_TRANSISI[nama](
            sengketa_id=self.sengketa.pk,
            oleh=lk.aktor,
            tanggal=lk.tanggal,
            atas_nama=self.atas_nama,
            **kwargs,
        )


def _terima(k: _Kasus, lk: Langkah) -> None:
    d = k.rb.data
    badan = lk.data["badan_publik"]
    if badan is None:
        badan, _dibuat = BadanPublik.objects.get_or_create(
            komisi=k.komisi,
            nama=lk.data["badan_publik_baru"],
            defaults={"kategori": KategoriBadanPublik.LAINNYA},
        )
    kuasa = [n.strip() for n in d.kuasa.split(";") if n.strip()]
    keberatan = d.tanggal_keberatan or d.tanggal_diterima
    lengkap = lk.data["lengkap"]
    data = L.DataPermohonan(
        pemohon=L.DataPihak(jenis=d.jenis_pemohon, nama=d.pemohon),
        badan_publik_id=badan.pk,
        informasi_diminta=d.informasi,
        alasan=d.alasan,
        tanggal_permohonan_informasi=d.tanggal_permohonan_informasi or keberatan,
        tanggal_keberatan=keberatan,
        tanggal_diterima=d.tanggal_diterima,
        kelengkapan={
            **dict.fromkeys(("identitas", "bukti_permohonan", "bukti_keberatan"), lengkap),
            **({"surat_kuasa": lengkap} if kuasa else {}),
        },
        kuasa_pemohon=L.DataKuasa(nama=kuasa[0]) if kuasa else None,
    )
    k.sengketa = L.sengketa_terima(komisi=k.komisi, oleh=lk.aktor, data=data).sengketa
    # The intake takes one representative; a register may name more (same applicant).
    pemohon = k.pihak("pemohon")
    for nama in kuasa[1:]:
        Kuasa.objects.create(pihak=pemohon, nama=nama)


def _sidang(k: _Kasus, lk: Langkah) -> None:
    d = lk.data
    if d["lanjutan"]:
        sidang = k.sidang_berikutnya
    else:
        sidang = layanan_sidang.sidang_jadwalkan(
            sengketa_id=k.sengketa.pk,
            oleh=lk.aktor,
            jenis=d["jenis"],
            mulai=k.pukul(lk),
            agenda=SIDANG_ID.get(d["jenis"], d["jenis"]),
        ).sidang
    if d["patut"]:
        # What a lapse rests on: the applicant was summoned in time (Perki 30).
        diterima = Kalender.untuk(k.komisi).tambah(lk.tanggal, -k.komisi.hk_panggilan_patut)
        for p in sidang.panggilan.filter(pihak__peran="pemohon"):
            layanan_sidang.panggilan_catat_diterima(
                panggilan_id=p.pk, oleh=lk.aktor, metode="pos", tanggal=diterima
            )
    if d["status"] == "selesai":
        kehadiran = [
            {"pihak": p.pk, "status": d["kehadiran"].get(p.peran, "hadir")}
            for p in Pihak.objects.filter(sengketa=k.sengketa)
        ]
        layanan_sidang.sidang_selesai(sidang_id=sidang.pk, oleh=lk.aktor, kehadiran=kehadiran)
    elif d["status"] == "ditunda":
        berikut = d["berikutnya"]
        k.sidang_berikutnya = layanan_sidang.sidang_tunda(
            sidang_id=sidang.pk,
            oleh=lk.aktor,
            alasan=_("Adjourned (from the imported register)."),
            mulai_berikutnya=k.pukul(Langkah("sidang", berikut[0]), berikut[1]),
        ).sidang
    k.sengketa = Sengketa.objects.get(pk=k.sengketa.pk)


def _temuan(k: _Kasus, lk: Langkah) -> None:
    k.layanan("catat_pemeriksaan_awal", lk, **(dict.fromkeys(TEMUAN, True) | lk.data["temuan"]))


def _salinan(k: _Kasus, lk: Langkah) -> None:
    k.layanan(
        "catat_penerimaan_salinan",
        lk,
        pihak=k.pihak(lk.data["peran"]).pk,
        tanggal_diterima=lk.tanggal,
    )


def _keberatan(k: _Kasus, lk: Langkah) -> None:
    k.layanan(
        "catat_keberatan",
        lk,
        pengadilan=lk.data["pengadilan"],
        nomor_perkara=lk.data["nomor"],
        pihak=k.pihak(lk.data["peran"]).pk,
    )


def _langsung(nama: str, **tetap):
    """A step whose data are the service's own parameters."""

    def jalankan(k: _Kasus, lk: Langkah) -> None:
        k.layanan(nama, lk, **tetap, **lk.data)

    return jalankan


def _dengan(nama: str, ubah: dict, **tetap):
    """A step whose data keys are renamed to the service's parameters."""

    def jalankan(k: _Kasus, lk: Langkah) -> None:
        k.layanan(nama, lk, **tetap, **{ubah.get(a, a): v for a, v in lk.data.items()})

    return jalankan


PELAKSANA = {
    "terima": _terima,
    "sidang": _sidang,
    "minta_kelengkapan": lambda k, lk: k.layanan(
        "minta_kelengkapan",
        lk,
        kekurangan=[_("Missing items not recorded in the imported register.")],
    ),
    "registrasi": _langsung("registrasi"),
    "tolak_registrasi": _langsung("tolak_registrasi"),
    "tetapkan_majelis": _langsung("tetapkan_majelis"),
    "catat_pemeriksaan_awal": _temuan,
    "mulai_mediasi": _langsung("mulai_mediasi", persetujuan_para_pihak=True),
    "mulai_ajudikasi": _langsung("mulai_ajudikasi"),
    "putusan_sela": _langsung("putusan_sela"),
    "mediasi_gagal": _langsung("mediasi_gagal", sebab="tidak_sepakat"),
    "mediasi_berhasil": _dengan("mediasi_berhasil", {"jangka": "jangka_waktu_pelaksanaan"}),
    "tutup_pemeriksaan": _langsung("tutup_pemeriksaan"),
    "bacakan_putusan": _dengan("bacakan_putusan", {"jangka": "jangka_waktu_pelaksanaan"}),
    "catat_penerimaan_salinan": _salinan,
    "catat_keberatan": _keberatan,
    "catat_putusan_pengadilan": _langsung("catat_putusan_pengadilan"),
    "nyatakan_inkracht": _langsung("nyatakan_inkracht"),
    "cabut": _langsung("cabut"),
    "gugurkan": _langsung("gugurkan"),
}


def _jalankan_baris(rb: RencanaBaris, komisi, atas_nama: str) -> Sengketa:
    k = _Kasus(rb, komisi, atas_nama)
    with transaction.atomic():
        for lk in rb.langkah:
            PELAKSANA[lk.jenis](k, lk)
    return k.sengketa


def jalankan_rencana(rencana: Rencana, komisi, oleh) -> HasilImpor:
    """Create the cases of the rows the dry run accepted; report every row."""
    if not boleh_menjalankan(oleh, komisi):
        raise TidakBerwenang(_("The import is run by a registrar (panitera) of the commission."))
    atas_nama = _("Register import by %(nama)s") % {
        "nama": oleh.get_full_name() or oleh.get_username()
    }
    hasil = HasilImpor()
    with tanpa_pengumuman():
        for rb in rencana.baris:
            if rb.keadaan != BUAT:
                pesan = " ".join(rb.alasan)
                hasil.baris.append(HasilBaris(rb.nomor_baris, DILEWATI, rb.nomor_register, pesan))
                continue
            try:
                s = _jalankan_baris(rb, komisi, atas_nama[:250])
            except KesalahanProsedur as galat:
                hasil.baris.append(HasilBaris(rb.nomor_baris, GAGAL, rb.nomor_register, str(galat)))
                continue
            except IntegrityError:
                pesan = _("Already imported: this application exists in this commission.")
                hasil.baris.append(HasilBaris(rb.nomor_baris, GAGAL, rb.nomor_register, pesan))
                continue
            hasil.baris.append(HasilBaris(rb.nomor_baris, DIBUAT, s.nomor_register, "", s.pk))
    return hasil
