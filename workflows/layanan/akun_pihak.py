"""Portal accounts linked to cases (issue 6): a kuasa's account to the party it represents,
after the registry checked the power of attorney; a PPID officer's account to its public
body, so the officer follows that body's cases as the respondent in "Perkara saya".

Only the registry (panitera) or the administrator of the commission may do it
(`izin.boleh_kelola_akun_pihak`). A link to a case locks the case like a transition and is
written to the case's history; a public body's officers are not a case, so their link has no
case history. Nothing here imports the portal: the account's profile is read through
`profil_pihak`.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sengketa import izin
from sengketa.galat import TidakBerwenang, tidak_valid
from sengketa.models import BadanPublik, Kuasa, PeranPihak, Pihak, Sengketa, StatusSengketa
from sengketa.waktu import hari_ini

from ..rute import kunci_proses
from .dasar import catat_tindakan, kunci_sengketa
from .permohonan import sengketa_ubah_permohonan

User = get_user_model()


def _pastikan_boleh(pengguna, komisi_id: int) -> None:
    if not izin.boleh_kelola_akun_pihak(pengguna, komisi_id):
        raise TidakBerwenang(
            _("Only the registry or the administrator of the commission links portal accounts.")
        )


def akun_portal(email: str):
    """The active, confirmed portal account of this e-mail address (case-blind), or None."""
    email = (email or "").strip()
    return (
        User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email), is_active=True)
        .filter(profil_pihak__email_terverifikasi_pada__isnull=False)
        .select_related("profil_pihak")
        .first()
    )


def _akun_atau_galat(email: str):
    pengguna = akun_portal(email)
    if pengguna is None:
        raise tidak_valid(
            "email",
            _(
                "No confirmed portal account uses this e-mail address. Ask the person to"
                " register in the portal and to open the confirmation link first."
            ),
        )
    return pengguna


def _bertindak_untuk_lawan(pengguna, sengketa: Sengketa, pihak: Pihak) -> bool:
    """The account already acts for the other party of this case (a conflict)."""
    badan = set(pengguna.badan_publik_ditangani.values_list("pk", flat=True))
    for lain in sengketa.pihak.all():
        if lain.pk == pihak.pk:
            continue
        if lain.pengguna_id == pengguna.pk or lain.badan_publik_id in badan:
            return True
        if any(k.aktif and k.pengguna_id == pengguna.pk for k in lain.kuasa.all()):
            return True
    return False


@transaction.atomic
def kuasa_tautkan(
    *, sengketa_id: int, oleh, pihak_id: int, email: str, nomor_surat_kuasa: str,
    tanggal_surat_kuasa, nama: str = "",
) -> Kuasa:  # fmt: skip
    """Link the account as an active kuasa of the party, with its power of attorney. An
    applicant's kuasa before registration also ticks `surat_kuasa` on the checklist, which
    the registry has just checked (Perki 1/2013 Pasal 13)."""
    kunci_proses(sengketa_id)
    sengketa = kunci_sengketa(sengketa_id)
    _pastikan_boleh(oleh, sengketa.komisi_id)
    pihak = sengketa.pihak.filter(pk=pihak_id).first()
    if pihak is None:
        raise tidak_valid("pihak", _("Choose a party of this case."))
    pengguna = _akun_atau_galat(email)
    nomor = (nomor_surat_kuasa or "").strip()
    if not nomor:
        raise tidak_valid("nomor_surat_kuasa", _("Enter the number of the power of attorney."))
    hari = hari_ini(sengketa.komisi)
    if tanggal_surat_kuasa is None or tanggal_surat_kuasa > hari:
        raise tidak_valid(
            "tanggal_surat_kuasa", _("Enter the date of the power of attorney (not in the future).")
        )
    if _bertindak_untuk_lawan(pengguna, sengketa, pihak):
        raise tidak_valid("email", _("This account already acts for the other party of this case."))
    profil = pengguna.profil_pihak
    # The registry may have typed the kuasa in with the application, before it had an
    # account: that row (same e-mail, no account yet) is completed rather than doubled.
    kuasa = (
        pihak.kuasa.filter(pengguna=pengguna).first()
        or pihak.kuasa.filter(pengguna__isnull=True, email__iexact=pengguna.email).first()
        or Kuasa(pihak=pihak)
    )
    kuasa.nama = (nama or "").strip() or kuasa.nama or profil.nama
    kuasa.email = kuasa.email or pengguna.email
    kuasa.alamat = kuasa.alamat or profil.alamat
    kuasa.telepon = kuasa.telepon or profil.telepon
    kuasa.nomor_surat_kuasa = nomor
    kuasa.tanggal_surat_kuasa = tanggal_surat_kuasa
    kuasa.pengguna = pengguna
    kuasa.aktif = True
    kuasa.save()
    belum_terdaftar = sengketa.status in (
        StatusSengketa.DITERIMA,
        StatusSengketa.MENUNGGU_KELENGKAPAN,
    )
    if (
        pihak.peran == PeranPihak.PEMOHON
        and belum_terdaftar
        and izin.boleh(oleh, sengketa, "ubah_permohonan")
    ):
        sengketa_ubah_permohonan(
            sengketa_id=sengketa.pk, oleh=oleh, perubahan={}, kelengkapan={"surat_kuasa": True}
        )
    catat_tindakan(
        sengketa,
        nama="tautkan_kuasa",
        oleh=oleh,
        tanggal=hari,
        parameter={
            "kuasa": kuasa.pk, "pihak": pihak.peran, "akun": pengguna.email,
            "nomor_surat_kuasa": nomor, "tanggal_surat_kuasa": tanggal_surat_kuasa.isoformat(),
        },
    )  # fmt: skip
    return kuasa


@transaction.atomic
def kuasa_nonaktifkan(*, kuasa_id: int, oleh) -> Kuasa:
    """The power of attorney ended: the account no longer sees the case."""
    kuasa = Kuasa.objects.select_related("pihak").get(pk=kuasa_id)
    kunci_proses(kuasa.pihak.sengketa_id)
    sengketa = kunci_sengketa(kuasa.pihak.sengketa_id)
    _pastikan_boleh(oleh, sengketa.komisi_id)
    if kuasa.aktif:
        kuasa.aktif = False
        kuasa.save(update_fields=["aktif"])
        catat_tindakan(
            sengketa,
            nama="nonaktifkan_kuasa",
            oleh=oleh,
            tanggal=hari_ini(sengketa.komisi),
            parameter={"kuasa": kuasa.pk, "pihak": kuasa.pihak.peran},
        )
    return kuasa


@transaction.atomic
def petugas_tautkan(*, badan_publik_id: int, oleh, email: str):
    """The account follows every case against this public body, as its officer."""
    badan = BadanPublik.objects.select_for_update().get(pk=badan_publik_id)
    _pastikan_boleh(oleh, badan.komisi_id)
    pengguna = _akun_atau_galat(email)
    badan.petugas.add(pengguna)
    return pengguna


@transaction.atomic
def petugas_lepas(*, badan_publik_id: int, oleh, pengguna_id: int) -> None:
    badan = BadanPublik.objects.select_for_update().get(pk=badan_publik_id)
    _pastikan_boleh(oleh, badan.komisi_id)
    badan.petugas.remove(pengguna_id)
