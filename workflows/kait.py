"""After-commit hooks of the services: documents, notifications and task routing plug in here.

A service announces what happened (`umumkan`); the receivers run only after the transaction
commits (a worker must find the rows), each isolated: a failing receiver is logged and does
not undo a legal act that is already recorded.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Peristiwa:
    sengketa_id: int
    nama: str  # transition or action name of the spec, e.g. "registrasi", "jadwalkan_sidang"
    riwayat_id: int | None = None
    data: dict = field(default_factory=dict)


_penerima: list[Callable[[Peristiwa], None]] = []


def daftarkan(penerima: Callable[[Peristiwa], None]) -> Callable[[Peristiwa], None]:
    """Register a receiver (usable as a decorator). Registering twice is harmless."""
    if penerima not in _penerima:
        _penerima.append(penerima)
    return penerima


def cabut_pendaftaran(penerima: Callable[[Peristiwa], None]) -> None:
    if penerima in _penerima:
        _penerima.remove(penerima)


def umumkan(peristiwa: Peristiwa) -> None:
    for penerima in list(_penerima):
        transaction.on_commit(lambda p=penerima: p(peristiwa), robust=True)
