"""Read queries: what a person may see, and what they may do next."""

from django.db.models import Q, QuerySet
from django_fsm import can_proceed

from . import izin
from .models import Pihak, Sengketa
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
    # The cases where the account acts for a party, as one UNION of three indexed lookups
    # (it is small): an OR across the joins to the parties, kuasa and officers had to be
    # checked row by row for every case of the commission (5x slower at 100,000 cases).
    pihak = Pihak.objects.order_by().values("sengketa_id")
    sebagai_pihak = pihak.filter(pengguna=pengguna).union(
        pihak.filter(kuasa__pengguna=pengguna, kuasa__aktif=True),
        pihak.filter(badan_publik__petugas=pengguna),
    )
    syarat = Q(pk__in=sebagai_pihak)
    if staf:
        syarat |= Q(komisi_id__in=izin.komisi_pengguna(pengguna))
    return Sengketa.objects.filter(syarat)


def cari_sengketa(qs: QuerySet[Sengketa], teks: str) -> QuerySet[Sengketa]:
    """The cases of `qs` whose register number, or the name of one of their parties (the
    applicant, the respondent public body), contains `teks`, case-insensitively.

    Each side is one indexable lookup, joined by a UNION rather than an OR across a join (an
    OR over two tables can only be answered by reading every row of both). On PostgreSQL the
    trigram indexes of migration 0004_indeks_trigram serve `UPPER(col) LIKE '%...%'`, which is
    what `icontains` sends, so a search costs the matches, not the size of the register."""
    teks = teks.strip()
    if not teks:
        return qs
    nomor = Sengketa.objects.filter(nomor_register__icontains=teks).order_by().values("pk")
    pihak = Pihak.objects.filter(nama__icontains=teks).order_by().values("sengketa_id")
    return qs.filter(pk__in=nomor.union(pihak))


def transisi_tersedia(sengketa: Sengketa, pengguna) -> list[str]:
    """What this person may fire now: the state allows it and their role or assignment does.
    Preconditions are checked when they try (with the reasons), not here."""
    hasil = []
    for nama in URUTAN_TRANSISI:
        metode = getattr(sengketa, nama)
        if can_proceed(metode, check_conditions=False) and izin.boleh(pengguna, sengketa, nama):
            hasil.append(nama)
    return hasil
