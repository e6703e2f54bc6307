"""Who may fire which transition on which case (siklus-sengketa.md §1 and §3).

Permission = role (a Django group) + membership of the case's commission, or an active
assignment to the case (ketua majelis, PP, mediator), or being the applicant or its kuasa.
`None` as the actor is the system itself (the daily sweep), allowed only where the spec says.
"""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .galat import TidakBerwenang
from .kueri_terkompilasi import KueriTerkompilasi
from .models import Keanggotaan, Penugasan, PeranPenugasan
from .models.status import STATUS_PEMERIKSAAN
from .peran import Peran

# Kinds of authority named in the spec's "who" column.
PANITERA = "panitera"  # registry staff of the commission, or the PP of this case
KETUA = "ketua"  # chair of the commission
KETUA_MAJELIS = "ketua_majelis"  # presiding commissioner of this case
PP = "pp"  # substitute registrar of this case
MEDIATOR = "mediator"  # mediator of this case
ADMIN = "admin"  # system administrator of the commission
PEMOHON = "pemohon"  # the applicant's own account or its kuasa's
SISTEM = "sistem"  # the daily sweep

WEWENANG = {
    "ubah_permohonan": (PANITERA,),
    "minta_kelengkapan": (PANITERA,),
    "registrasi": (PANITERA,),
    "tolak_registrasi": (PANITERA, SISTEM),
    "tetapkan_majelis": (KETUA,),
    "catat_pemeriksaan_awal": (KETUA_MAJELIS, PP),
    "mulai_mediasi": (KETUA_MAJELIS, PP),
    "mulai_ajudikasi": (KETUA_MAJELIS, PP),
    "putusan_sela": (KETUA_MAJELIS, PP),
    "limpahkan": (KETUA_MAJELIS, PP),
    "perpanjang_mediasi": (MEDIATOR, PP),
    "mediasi_berhasil": (MEDIATOR, PP),
    "mediasi_gagal": (MEDIATOR, PP),
    "tutup_pemeriksaan": (KETUA_MAJELIS, PP),
    "bacakan_putusan": (KETUA_MAJELIS, PP),
    "catat_penerimaan_salinan": (PANITERA,),
    "catat_keberatan": (PANITERA,),
    "nyatakan_inkracht": (PANITERA, SISTEM),
    "catat_putusan_pengadilan": (PANITERA,),
    "gugurkan": (KETUA_MAJELIS, PP),
    "koreksi": (KETUA, ADMIN),
    # Actions that are not status transitions.
    "jadwalkan_sidang": (PANITERA, KETUA_MAJELIS, MEDIATOR),
    "kelola_sidang": (PANITERA, KETUA_MAJELIS, MEDIATOR),
    "catat_panggilan": (PANITERA,),
    "nyatakan_konflik": (PANITERA, KETUA),
    "ajukan_penggantian": (PANITERA, PEMOHON),
    "putuskan_penggantian": (KETUA,),
}


def wewenang_cabut(status: str) -> tuple[str, ...]:
    """Before the examination the applicant (or the registry on its letter) withdraws; once
    the majelis examines the case, the withdrawal is confirmed by the ketua majelis or PP."""
    if status in STATUS_PEMERIKSAAN:
        return (KETUA_MAJELIS, PP)
    return (PEMOHON, PANITERA)


def grup_peran(pengguna) -> frozenset[str]:
    if not hasattr(pengguna, "_grup_peran"):
        pengguna._grup_peran = frozenset(n for (n,) in _nama_grup(pengguna.pk))
    return pengguna._grup_peran


def komisi_pengguna(pengguna) -> frozenset[int]:
    """Ids of the commissions this user works for (active memberships)."""
    if not hasattr(pengguna, "_komisi_ids"):
        pengguna._komisi_ids = frozenset(k for (k,) in _komisi_aktif(pengguna.pk))
    return pengguna._komisi_ids


# Both are read on every staff request: compiled once per process (kueri_terkompilasi).
_nama_grup = KueriTerkompilasi(
    Group, lambda pk: Group.objects.filter(user=pk).order_by().values_list("name")
)
_komisi_aktif = KueriTerkompilasi(
    Keanggotaan,
    lambda pk: (
        Keanggotaan.objects.filter(pengguna=pk, aktif=True).order_by().values_list("komisi_id")
    ),
)


def punya_peran(pengguna, peran: str, komisi_id: int) -> bool:
    return (
        pengguna is not None
        and pengguna.is_active
        and peran in grup_peran(pengguna)
        and komisi_id in komisi_pengguna(pengguna)
    )


def boleh_kelola_akun_pihak(pengguna, komisi_id: int) -> bool:
    """Linking portal accounts to parties and public bodies: the registry, which checks the
    power of attorney or the letter of appointment, or the commission's administrator."""
    return punya_peran(pengguna, Peran.PANITERA, komisi_id) or punya_peran(
        pengguna, Peran.ADMIN, komisi_id
    )


def peran_penugasan(pengguna, sengketa) -> frozenset[str]:
    """The user's active assignments on this case: from prefetched `penugasan` when a list
    page prefetched them (no query per case), else one query cached on the instance."""
    prefetch = getattr(sengketa, "_prefetched_objects_cache", {}).get("penugasan")
    if prefetch is not None:
        return frozenset(p.peran for p in prefetch if p.aktif and p.pengguna_id == pengguna.pk)
    cache = sengketa.__dict__.setdefault("_penugasan_cache", {})
    if pengguna.pk not in cache:
        cache[pengguna.pk] = frozenset(
            Penugasan.objects.filter(sengketa=sengketa, pengguna=pengguna, aktif=True).values_list(
                "peran", flat=True
            )
        )
    return cache[pengguna.pk]


def adalah_pemohon(pengguna, sengketa) -> bool:
    """The applicant's own portal account, or an active kuasa of the applicant."""
    for pihak in sengketa.pihak.all():
        if pihak.peran != "pemohon":
            continue
        if pihak.pengguna_id == pengguna.pk:
            return True
        if any(k.aktif and k.pengguna_id == pengguna.pk for k in pihak.kuasa.all()):
            return True
    return False


def _memenuhi(pengguna, sengketa, jenis: str) -> bool:
    if pengguna is None:
        return jenis == SISTEM
    if not pengguna.is_active:
        return False
    komisi_id = sengketa.komisi_id
    if jenis == PANITERA:
        return punya_peran(pengguna, Peran.PANITERA, komisi_id) or _memenuhi(pengguna, sengketa, PP)
    if jenis == KETUA:
        return punya_peran(pengguna, Peran.KETUA, komisi_id)
    if jenis == ADMIN:
        return punya_peran(pengguna, Peran.ADMIN, komisi_id)
    if jenis == KETUA_MAJELIS:
        return PeranPenugasan.KETUA_MAJELIS in peran_penugasan(pengguna, sengketa)
    if jenis == PP:
        return PeranPenugasan.PANITERA_PENGGANTI in peran_penugasan(pengguna, sengketa)
    if jenis == MEDIATOR:
        return PeranPenugasan.MEDIATOR in peran_penugasan(pengguna, sengketa)
    if jenis == PEMOHON:
        return adalah_pemohon(pengguna, sengketa)
    return False


def wewenang_untuk(nama: str, status: str) -> tuple[str, ...]:
    if nama == "cabut":
        return wewenang_cabut(status)
    return WEWENANG[nama]


def boleh(pengguna, sengketa, nama: str) -> bool:
    return any(_memenuhi(pengguna, sengketa, j) for j in wewenang_untuk(nama, sengketa.status))


def pastikan_boleh(pengguna, sengketa, nama: str) -> None:
    if not boleh(pengguna, sengketa, nama):
        raise TidakBerwenang(
            _("You are not allowed to do '%(nama)s' on this case.") % {"nama": nama}
        )


__all__ = ["boleh", "pastikan_boleh", "wewenang_untuk"]
