"""Reads of the online filing: whose drafts, who may download an attachment."""

from sengketa import izin
from sengketa.peran import PERAN_STAF

from ..models import DraftPermohonan, JenisLampiran, Lampiran

URUTAN_JENIS = {j.value: i for i, j in enumerate(JenisLampiran)}


def draft_milik(pengguna):
    return DraftPermohonan.objects.filter(pengguna=pengguna).select_related("komisi", "sengketa")


def staf_komisi(pengguna, komisi_id: int) -> bool:
    """Staff (any role but `pihak`) of the commission, through an active membership."""
    return (
        pengguna.is_authenticated
        and pengguna.is_active
        and komisi_id in izin.komisi_pengguna(pengguna)
        and bool(izin.grup_peran(pengguna) & {p.value for p in PERAN_STAF})
    )


def boleh_unduh_lampiran(pengguna, lampiran: Lampiran) -> bool:
    """The uploader, for its own drafts and cases; once filed, the staff of the case's
    commission. Nobody else: not the respondent, not another applicant."""
    if not pengguna.is_authenticated or not pengguna.is_active:
        return False
    if lampiran.draft.pengguna_id == pengguna.pk:
        return True
    return lampiran.sengketa_id is not None and staf_komisi(pengguna, lampiran.sengketa.komisi_id)


def urut_lampiran(daftar) -> list[Lampiran]:
    """In the order of the form (identity, proofs, answers, ...), then as uploaded."""
    return sorted(daftar, key=lambda lp: (URUTAN_JENIS.get(lp.jenis, 99), lp.diunggah_pada, lp.pk))


def lampiran_portal(sengketa, pengguna) -> list[Lampiran]:
    """The files filed online with a case, for the registry's case page."""
    if sengketa is None or not staf_komisi(pengguna, sengketa.komisi_id):
        return []
    return urut_lampiran(Lampiran.objects.filter(sengketa=sengketa))
