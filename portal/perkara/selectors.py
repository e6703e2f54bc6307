"""Reads of "Perkara saya": the cases of one portal account, and what it may download.

A party account sees a case when it is the party's own account, an active kuasa's, or an
officer (PPID) of the public body that is the party (siklus-sengketa.md §1). Lists are built
in a fixed number of queries whatever their length (a test counts them)."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from dokumen.models import Dokumen, StatusDokumen
from dokumen.selectors import UNTUK_PARA_PIHAK, boleh_unduh
from sengketa.models import Pihak, Sengketa, Sidang, StatusSidang, Tenggat


def q_pihak(pengguna, awalan: str = "") -> Q:
    """Rows of Pihak (through `awalan`) that this account acts for."""
    return (
        Q(**{f"{awalan}pengguna": pengguna})
        | Q(**{f"{awalan}kuasa__pengguna": pengguna, f"{awalan}kuasa__aktif": True})
        | Q(**{f"{awalan}badan_publik__petugas": pengguna})
    )


def perkara_saya(pengguna) -> QuerySet[Sengketa]:
    """The account's cases, newest first, with what the pages show prefetched."""
    if pengguna is None or not pengguna.is_authenticated or not pengguna.is_active:
        return Sengketa.objects.none()
    milik = Sengketa.objects.filter(q_pihak(pengguna, "pihak__")).values("pk")
    return (
        Sengketa.objects.filter(pk__in=milik)
        .select_related("komisi")
        .prefetch_related(
            Prefetch(
                "pihak",
                queryset=Pihak.objects.select_related("badan_publik").prefetch_related("kuasa"),
            ),
            Prefetch(
                "sidang",
                queryset=Sidang.objects.filter(
                    status=StatusSidang.DIJADWALKAN, mulai__gte=timezone.now()
                ).order_by("mulai", "id"),
                to_attr="sidang_mendatang",
            ),
            Prefetch("tenggat", queryset=Tenggat.objects.terbuka(), to_attr="tenggat_terbuka"),
            # sengketa.izin reads assignments from here (no query per case for `cabut`).
            "penugasan",
        )
        .order_by("-tanggal_diterima", "-id")
    )


def badan_publik_ditangani(pengguna) -> frozenset[int]:
    """Ids of the public bodies this account is an officer (PPID) of."""
    if not hasattr(pengguna, "_badan_ditangani"):
        pengguna._badan_ditangani = frozenset(
            pengguna.badan_publik_ditangani.values_list("pk", flat=True)
        )
    return pengguna._badan_ditangani


def pihak_saya(pengguna, sengketa: Sengketa) -> list[tuple[Pihak, bool]]:
    """The parties of this case the account acts for, each with True when as kuasa."""
    badan = badan_publik_ditangani(pengguna)
    hasil = []
    for pihak in sengketa.pihak.all():
        if pihak.pengguna_id == pengguna.pk or pihak.badan_publik_id in badan:
            hasil.append((pihak, False))
        elif any(k.aktif and k.pengguna_id == pengguna.pk for k in pihak.kuasa.all()):
            hasil.append((pihak, True))
    return hasil


def dokumen_saya(pengguna, sengketa: Sengketa) -> list[Dokumen]:
    """The case's documents this account may download, as dokumen.selectors.boleh_unduh
    decides. The query only narrows the candidates (issued, for the parties or addressed to
    one of its parties); boleh_unduh has the last word on each."""
    milik = [p.pk for p, _kuasa in pihak_saya(pengguna, sengketa)]
    kandidat = (
        Dokumen.objects.filter(sengketa=sengketa, status=StatusDokumen.SIAP)
        .exclude(berkas="")
        .filter(Q(pihak_id__in=milik) | Q(pihak__isnull=True, jenis__in=UNTUK_PARA_PIHAK))
        .select_related("pihak__badan_publik")
        .order_by("diterbitkan_pada", "id")
    )
    per_pihak = {p.pk: p for p in sengketa.pihak.all()}
    hasil = []
    for dok in kandidat:
        # The prefetched case and parties: boleh_unduh then reads kuasa without a query.
        dok.sengketa = sengketa
        if dok.pihak_id in per_pihak:
            dok.pihak = per_pihak[dok.pihak_id]
        if boleh_unduh(pengguna, dok):
            hasil.append(dok)
    return hasil
