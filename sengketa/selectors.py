"""Read queries: what a person may see, and what they may do next."""

from django.db.models import Q, QuerySet
from django_fsm import can_proceed

from . import izin
from .models import Sengketa
from .peran import Peran

# Every transition name of the spec, in the order of the procedure (for menus and the API).
URUTAN_TRANSISI = (
    "minta_kelengkapan", "registrasi", "tolak_registrasi", "tetapkan_majelis",
    "catat_pemeriksaan_awal", "mulai_mediasi", "mulai_ajudikasi", "putusan_sela", "limpahkan",
    "perpanjang_mediasi", "mediasi_berhasil", "mediasi_gagal", "tutup_pemeriksaan",
    "bacakan_putusan", "catat_penerimaan_salinan", "catat_keberatan", "nyatakan_inkracht",
    "catat_putusan_pengadilan", "cabut", "gugurkan", "koreksi",
)  # fmt: skip


def sengketa_terlihat(pengguna) -> QuerySet[Sengketa]:
    """Staff see their commissions' cases; a party only the cases where it (or the public
    body it works for, or the party it represents) is a party (spec §1)."""
    if pengguna is None or not pengguna.is_authenticated or not pengguna.is_active:
        return Sengketa.objects.none()
    staf = set(izin.grup_peran(pengguna)) & {p.value for p in Peran if p != Peran.PIHAK}
    syarat = Q(pihak__pengguna=pengguna) | Q(
        pihak__kuasa__pengguna=pengguna, pihak__kuasa__aktif=True
    )
    syarat |= Q(pihak__badan_publik__petugas=pengguna)
    if staf:
        syarat |= Q(komisi_id__in=izin.komisi_pengguna(pengguna))
    return Sengketa.objects.filter(pk__in=Sengketa.objects.filter(syarat).values("pk"))


def transisi_tersedia(sengketa: Sengketa, pengguna) -> list[str]:
    """What this person may fire now: the state allows it and their role or assignment does.
    Preconditions are checked when they try (with the reasons), not here."""
    hasil = []
    for nama in URUTAN_TRANSISI:
        metode = getattr(sengketa, nama)
        if can_proceed(metode, check_conditions=False) and izin.boleh(pengguna, sengketa, nama):
            hasil.append(nama)
    return hasil
