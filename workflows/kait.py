"""After-commit hooks of the services: documents, notifications and task routing plug in here.

A service announces what happened (`umumkan`); the receivers run only after the transaction
commits (a worker must find the rows), each isolated: a failing receiver is logged and does
not undo a legal act that is already recorded.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
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


# Set while historical cases are entered from a paper register (workflows.impor): their
# letters were issued on paper and the parties told at the time, so no receiver runs.
_senyap: ContextVar[bool] = ContextVar("kait_senyap", default=False)


@contextmanager
def tanpa_pengumuman() -> Iterator[None]:
    token = _senyap.set(True)
    try:
        yield
    finally:
        _senyap.reset(token)


def umumkan(peristiwa: Peristiwa) -> None:
    if _senyap.get():
        return
    for penerima in list(_penerima):
        transaction.on_commit(lambda p=penerima: p(peristiwa), robust=True)
