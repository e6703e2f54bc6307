"""The one shape every service has (design/style.md): lock the case, check the state, the
person and the effective date, change it in memory through the FSM, write the history row,
recompute the deadlines and save the changed fields with them, announce the step after
commit.
"""

import datetime as dt
from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, can_proceed

from sengketa import izin
from sengketa.galat import (
    KonflikBersamaan,
    PrasyaratTidakTerpenuhi,
    TransisiTidakDiizinkan,
    tidak_valid,
)
from sengketa.kalender import Kalender
from sengketa.kueri_terkompilasi import KueriTerkompilasi
from sengketa.models import RiwayatStatus, Sengketa
from sengketa.waktu import hari_ini

from ..kait import Peristiwa, umumkan
from ..rute import kunci_proses_dan_tugas, rute_setelah_transisi
from .tenggat import tenggat_sinkron

# Fields a step never records as "changed" (bookkeeping, or handled by the FSM itself; the
# nearest deadline is derived from the deadline rows, saved by tenggat_sinkron).
_TIDAK_DICATAT = {
    "id",
    "status",
    "diubah_pada",
    "dibuat_pada",
    "tanggal_efektif_terakhir",
    "tenggat_terdekat",
}


def _json(nilai):
    return nilai.isoformat() if isinstance(nilai, dt.date) else nilai


def potret(sengketa: Sengketa) -> dict:
    """The case's own field values, JSON-safe, to record what a step changed."""
    return {
        f.attname: _json(f.value_from_object(sengketa))
        for f in sengketa._meta.concrete_fields
        if f.attname not in _TIDAK_DICATAT
    }


def pulihkan_nilai(nilai_lama: dict) -> dict:
    """JSON values of `potret` back to Python values, field by field."""
    medan = {f.attname: f for f in Sengketa._meta.concrete_fields}
    return {nama: medan[nama].to_python(nilai) for nama, nilai in nilai_lama.items()}


# Lock the case row only (`of=self`), FOR NO KEY UPDATE: locking the joined commission too,
# or taking a full FOR UPDATE, made inserts of rows pointing at the case or the commission
# (deadlines, documents) wait on it and deadlock on PostgreSQL. Compiled once per process:
# every step of every case runs it (sengketa.kueri_terkompilasi).
_kunci_sengketa = KueriTerkompilasi(
    Sengketa,
    lambda pk: (
        Sengketa.objects.select_for_update(of=("self",), no_key=True)
        .select_related("komisi")
        .filter(pk=pk)
    ),
    model=True,
)


def kunci_sengketa(sengketa_id: int) -> Sengketa:
    """The case with its commission, its row locked (Sengketa.DoesNotExist if none)."""
    for sengketa in _kunci_sengketa(sengketa_id):
        return sengketa
    raise Sengketa.DoesNotExist(f"{Sengketa._meta.object_name} matching query does not exist.")


def tanggal_efektif(sengketa: Sengketa, tanggal: date | None) -> date:
    """Spec §3: default today in the commission's zone; never in the future, never before the
    previous step nor before the application was received."""
    hari = hari_ini(sengketa.komisi)
    if tanggal is None:
        return hari
    if not isinstance(tanggal, date) or isinstance(tanggal, dt.datetime):
        raise tidak_valid("tanggal", _("Enter a valid date."))
    if tanggal > hari:
        raise tidak_valid("tanggal", _("The effective date cannot be in the future."))
    batas = max(filter(None, [sengketa.tanggal_efektif_terakhir, sengketa.tanggal_diterima]))
    if tanggal < batas:
        raise tidak_valid(
            "tanggal",
            _("The effective date cannot be before %(batas)s, the date of the previous step.")
            % {"batas": batas.isoformat()},
        )
    return tanggal


class Langkah:
    """One step on one locked case. Use `Langkah.mulai(...)` inside `transaction.atomic`."""

    def __init__(
        self,
        sengketa: Sengketa,
        *,
        nama: str,
        oleh,
        tanggal: date,
        atas_nama: str,
        tugas=None,
    ):
        self.sengketa = sengketa
        self.nama = nama
        self.oleh = oleh
        self.tanggal = tanggal
        self.atas_nama = atas_nama
        self.status_awal = sengketa.status
        self.sebelum = potret(sengketa)
        self._kal = None
        self.tugas = tugas  # the open viewflow task, read with the flow's lock

    @classmethod
    def mulai(
        cls,
        *,
        sengketa_id: int,
        nama: str,
        oleh,
        tanggal: date | None = None,
        atas_nama: str = "",
    ) -> "Langkah":
        """Lock and check. When `nama` is an FSM transition of the model, the current status
        must allow it; actions that are no transition (ubah_permohonan) skip that check."""
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("services run inside transaction.atomic")
        tugas = kunci_proses_dan_tugas(sengketa_id)  # the flow's row first, then the case
        sengketa = kunci_sengketa(sengketa_id)
        metode = getattr(sengketa, nama, None)
        if hasattr(metode, "_django_fsm") and not can_proceed(metode, check_conditions=False):
            raise TransisiTidakDiizinkan(transisi=nama, status=sengketa.status)
        izin.pastikan_boleh(oleh, sengketa, nama)
        tanggal = tanggal_efektif(sengketa, tanggal)
        return cls(
            sengketa, nama=nama, oleh=oleh, tanggal=tanggal, atas_nama=atas_nama, tugas=tugas
        )

    @property
    def kal(self) -> Kalender:
        if self._kal is None:
            self._kal = Kalender.untuk(self.sengketa.komisi)
        return self._kal

    def tolak_jika(self, alasan: list) -> None:
        if alasan:
            raise PrasyaratTidakTerpenuhi(alasan, transisi=self.nama, status=self.status_awal)

    def selesai(
        self, *, parameter: dict | None = None, ubah_status: bool = True, data: dict | None = None
    ) -> Sengketa:
        sengketa = self.sengketa
        if ubah_status:
            sengketa.tanggal_efektif_terakhir = self.tanggal
        sesudah = potret(sengketa)
        berubah = [k for k, v in sesudah.items() if self.sebelum[k] != v]
        simpan = [*berubah, "diubah_pada"]
        if ubah_status:
            simpan += ["status", "tanggal_efektif_terakhir"]
        riwayat = RiwayatStatus.objects.create(
            sengketa=sengketa,
            transisi=self.nama,
            ubah_status=ubah_status,
            dari=self.status_awal,
            ke=sengketa.status,
            tanggal=self.tanggal,
            oleh=self.oleh,
            atas_nama=self.atas_nama,
            parameter=parameter or {},
            nilai_lama={k: self.sebelum[k] for k in berubah},
        )
        try:
            # The changed fields saved with the recomputed deadlines: the case's nearest
            # deadline goes in the same UPDATE, not one of its own.
            tenggat_sinkron(sengketa, self.kal, simpan=simpan)
        except ConcurrentTransition as exc:
            raise KonflikBersamaan() from exc
        if ubah_status:
            rute_setelah_transisi(sengketa, self.oleh, self.tugas)
        umumkan(Peristiwa(sengketa.pk, self.nama, riwayat.pk, data or {}))
        return sengketa


def mulai_langkah(
    nama: str, sengketa_id: int, oleh, tanggal: date | None, atas_nama: str
) -> Langkah:
    """`Langkah.mulai` in the order every transition service passes its arguments."""
    return Langkah.mulai(
        sengketa_id=sengketa_id, nama=nama, oleh=oleh, tanggal=tanggal, atas_nama=atas_nama
    )


def catat_tindakan(
    sengketa: Sengketa, *, nama: str, oleh, tanggal: date, parameter: dict, atas_nama: str = ""
) -> RiwayatStatus:
    """History row for an action on a case that changes no case field (hearings, summonses,
    assignments); the caller holds the case lock."""
    riwayat = RiwayatStatus.objects.create(
        sengketa=sengketa,
        transisi=nama,
        ubah_status=False,
        dari=sengketa.status,
        ke=sengketa.status,
        tanggal=tanggal,
        oleh=oleh,
        atas_nama=atas_nama,
        parameter=parameter,
    )
    umumkan(Peristiwa(sengketa.pk, nama, riwayat.pk, parameter))
    return riwayat
