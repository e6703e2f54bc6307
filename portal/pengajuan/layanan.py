"""Writes of the online filing: a draft is created, saved as typed, given attachments, and
submitted once through the one intake service (`workflows.layanan.sengketa_terima`)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sengketa.galat import KesalahanProsedur, ParameterTidakValid
from sengketa.models import Sengketa
from sengketa.waktu import hari_ini
from workflows.layanan import sengketa_terima

from ..models import DraftPermohonan, JenisLampiran, Lampiran
from ..unggahan import UnggahanDitolak, batas, periksa_berkas, terlalu_besar
from .forms import MAKS_BUTIR, MEDAN_TEKS, PengajuanForm, lampiran_wajib

MAKS_TEKS = 10_000  # per field kept in a draft; the service caps texts at the same length


def data_awal(pengguna) -> dict:
    """A new draft starts from the account's profile (the case freezes its own copy)."""
    profil = getattr(pengguna, "profil_pihak", None)
    data = {"pemohon_email": pengguna.email or "", "informasi": [""]}
    if profil is not None:
        data.update(
            pemohon_jenis=profil.jenis,
            pemohon_nama=profil.nama,
            pemohon_nomor_identitas=profil.nomor_identitas,
            pemohon_alamat=profil.alamat,
            pemohon_telepon=profil.telepon or profil.whatsapp,
        )
    else:
        data["pemohon_nama"] = pengguna.get_full_name()
    return data


def draft_buat(*, pengguna, komisi) -> DraftPermohonan:
    data = data_awal(pengguna)
    return DraftPermohonan.objects.create(pengguna=pengguna, komisi=komisi, data=data)


def data_dari_post(post) -> dict:
    """What was typed, kept as typed (valid or not yet), so that nothing is lost."""
    data = {nama: post.get(nama, "").strip()[:MAKS_TEKS] for nama in MEDAN_TEKS}
    data["informasi"] = [b.strip()[:MAKS_TEKS] for b in post.getlist("informasi")][: MAKS_BUTIR + 5]
    data["alasan"] = [a for a in post.getlist("alasan") if len(a) == 1]
    if post.get("ada_kuasa"):
        data["ada_kuasa"] = "on"
    return data


def draft_simpan(draft: DraftPermohonan, data: dict) -> bool:
    """Keep what was typed; False when the draft was submitted meanwhile (another tab):
    a filed application's draft is frozen."""
    diubah = DraftPermohonan.objects.filter(pk=draft.pk, sengketa__isnull=True).update(
        data=data, diubah_pada=timezone.now()
    )
    draft.data = data
    return bool(diubah)


def ubah_butir(data: dict, aksi: str) -> None:
    """The "add item" and "remove item" buttons of the requested information (no JS)."""
    butir = [b for b in data.get("informasi", []) if b] or []
    if aksi == "tambah_informasi":
        butir.append("")
    elif aksi.startswith("hapus_informasi-"):
        semula = data.get("informasi", [])
        try:
            i = int(aksi.split("-", 1)[1])
        except ValueError:
            i = -1
        butir = [b for j, b in enumerate(semula) if j != i and b]
    data["informasi"] = butir or [""]


# -- attachments ------------------------------------------------------------------------


@dataclass
class HasilUnggah:
    diterima: list[Lampiran] = field(default_factory=list)
    ditolak: list[UnggahanDitolak] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)


@transaction.atomic
def lampiran_unggah(*, draft_id: int, pengguna, berkas: dict, terlalu_besar_list=()) -> HasilUnggah:
    """Check and keep the files of one request: {jenis: [UploadedFile]}. Each file is judged
    on its own; the others, and the rest of the form, are kept whatever happens to it.

    The draft row is locked so that two tabs cannot together pass the per-case limit."""
    draft = (
        DraftPermohonan.objects.select_for_update()
        .filter(pk=draft_id, pengguna=pengguna, sengketa__isnull=True)
        .first()
    )
    hasil = HasilUnggah()
    if draft is None:  # submitted meanwhile: nothing more is added to a filed application
        return hasil
    for _medan, nama in terlalu_besar_list:
        hasil.ditolak.append(terlalu_besar(nama, batas("UNGGAHAN_MAKS_BERKAS")))
    ada = list(draft.lampiran.all())
    terpakai = sum(lp.ukuran for lp in ada)
    for jenis, daftar in berkas.items():
        for f in daftar:
            try:
                diperiksa = periksa_berkas(f, jenis=jenis, terpakai=terpakai, jumlah=len(ada))
                _tolak_duplikat(ada, diperiksa, jenis)
            except UnggahanDitolak as galat:
                hasil.ditolak.append(galat)
                continue
            lampiran = Lampiran(
                draft=draft,
                jenis=jenis,
                nama_asli=diperiksa.nama,
                tipe_konten=diperiksa.tipe_konten,
                ukuran=diperiksa.ukuran,
                sha256=diperiksa.sha256,
            )
            lampiran.berkas.save(diperiksa.nama, f, save=True)
            ada.append(lampiran)
            terpakai += diperiksa.ukuran
            hasil.diterima.append(lampiran)
            if diperiksa.catatan:
                hasil.catatan.append(diperiksa.catatan)
    if hasil.diterima:
        draft.save(update_fields=["diubah_pada"])
    return hasil


def _tolak_duplikat(ada: list[Lampiran], diperiksa, jenis: str) -> None:
    for lp in ada:
        if lp.sha256 == diperiksa.sha256 and lp.jenis == jenis:
            raise UnggahanDitolak(
                "duplikat",
                _("“%(nama)s” is already attached as “%(jenis)s” (as “%(ada)s”).")
                % {
                    "nama": diperiksa.nama,
                    "jenis": JenisLampiran(jenis).label,
                    "ada": lp.nama_asli,
                },
                diperiksa.nama,
            )


@transaction.atomic
def lampiran_hapus(*, lampiran_id: int, pengguna) -> Lampiran | None:
    """An attachment of a draft not yet submitted: the row, then (after commit) its file."""
    lampiran = (
        Lampiran.objects.select_related("draft")
        .filter(pk=lampiran_id, draft__pengguna=pengguna, draft__sengketa__isnull=True)
        .first()
    )
    if lampiran is None:
        return None
    berkas = lampiran.berkas
    lampiran.delete()
    transaction.on_commit(lambda: berkas.storage.delete(berkas.name))
    return lampiran


@transaction.atomic
def draft_hapus(*, draft_id: int, pengguna) -> bool:
    draft = DraftPermohonan.objects.filter(
        pk=draft_id, pengguna=pengguna, sengketa__isnull=True
    ).first()
    if draft is None:
        return False
    nama = [(lp.berkas.storage, lp.berkas.name) for lp in draft.lampiran.all()]
    draft.delete()
    transaction.on_commit(lambda: [storage.delete(n) for storage, n in nama])
    return True


# -- submission -------------------------------------------------------------------------


class PengajuanBelumLengkap(KesalahanProsedur):
    """The draft is not ready: `form` carries the errors per field, `kurang` the attachment
    types still missing."""

    kode = "pengajuan_belum_lengkap"

    def __init__(self, form: PengajuanForm, kurang: list[str]):
        self.form, self.kurang = form, kurang
        super().__init__(_("The application is not complete yet."))


def form_lengkap(draft: DraftPermohonan) -> tuple[PengajuanForm, list[str]]:
    """The draft checked as for submission, and the attachment types it still lacks."""
    form = PengajuanForm(
        data=draft.data, komisi=draft.komisi, hari=hari_ini(draft.komisi), lengkap=True
    )
    form.is_valid()
    ada = {lp.jenis for lp in draft.lampiran.all()}
    return form, [j for j in lampiran_wajib(draft.data) if j not in ada]


@dataclass(frozen=True)
class HasilAjukan:
    sengketa: Sengketa
    peringatan: list[str]
    baru: bool


@transaction.atomic
def draft_ajukan(*, draft_id: int, pengguna) -> HasilAjukan:
    """Submit once. The draft row is locked and re-read: a second click, a second tab or a
    retried request finds the case already filed and gets it back instead of a new one."""
    draft = (
        DraftPermohonan.objects.select_for_update()
        .select_related("komisi")
        .get(pk=draft_id, pengguna=pengguna)
    )
    if draft.sengketa_id:
        return HasilAjukan(draft.sengketa, [], baru=False)
    form, kurang = form_lengkap(draft)
    if form.errors or kurang:
        raise PengajuanBelumLengkap(form, kurang)
    try:
        hasil = sengketa_terima(komisi=draft.komisi, oleh=pengguna, data=form.data_permohonan())
    except ParameterTidakValid as galat:
        _galat_ke_form(form, galat.galat)
        raise PengajuanBelumLengkap(form, []) from galat
    Lampiran.objects.filter(draft=draft).update(sengketa=hasil.sengketa)
    draft.sengketa = hasil.sengketa
    draft.diajukan_pada = timezone.now()
    draft.save(update_fields=["sengketa", "diajukan_pada", "diubah_pada"])
    return HasilAjukan(hasil.sengketa, [str(p) for p in hasil.peringatan], baru=True)


# The service names its fields as the API does; the form's names differ in two places.
NAMA_MEDAN_LAYANAN = {
    "informasi_diminta": "informasi",
    "termohon.badan_publik": "badan_publik",
    "kuasa_pemohon.nama": "kuasa_nama",
}


def _galat_ke_form(form: PengajuanForm, galat: dict) -> None:
    for medan, pesan_daftar in galat.items():
        nama = NAMA_MEDAN_LAYANAN.get(medan, medan.replace(".", "_"))
        for pesan in pesan_daftar:
            form.add_error(nama if nama in form.fields else None, str(pesan))
