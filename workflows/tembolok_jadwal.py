"""The short-lived cache of the public hearing calendar (the web page and its iCal feed, the
API's `/api/v1/jadwal/` and `jadwal.ics`).

The calendar is the busiest public page and hearings change rarely, so a rendering is kept
for UMUR_DETIK seconds. A cancelled or moved hearing must not stay on the public pages that
long: every key carries a *generation*, and every step announced on a case (workflows.kait:
scheduling, moving, adjourning, closing or cancelling a hearing, and the transitions) starts a
new generation once its transaction has committed. The old entries are then never read again
and expire by themselves; no key has to be listed or deleted.

With Redis (production, settings.CACHES) every web process sees the new generation at once.
With the per-process memory cache of development, another process keeps serving its entries
until they expire (UMUR_DETIK). Changes made without an announcement (an import from a paper
register, a publication that changes how a name is masked, the admin site) also wait for the
expiry.
"""

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils import translation

from .kait import Peristiwa

UMUR_DETIK = 60
_KUNCI_GENERASI = "jadwal_publik:generasi"

T = TypeVar("T")


def _generasi() -> int:
    g = cache.get(_KUNCI_GENERASI)
    if g is None:
        # Started from the clock, not from 1: if the counter is evicted, a restarted count
        # cannot meet the keys of an earlier generation that are still alive.
        cache.add(_KUNCI_GENERASI, time.time_ns(), timeout=None)
        g = cache.get(_KUNCI_GENERASI, 0)
    return g


def _kunci(bagian: tuple) -> str:
    """One key per rendering: generation, language (labels and dates are translated) and
    whatever the caller says the rendering depends on (filters, page, host)."""
    teks = "\x1f".join(str(b) for b in (translation.get_language(), *bagian))
    return f"jadwal_publik:{_generasi()}:{hashlib.sha256(teks.encode()).hexdigest()}"


def tembolok_jadwal(bagian: tuple, buat: Callable[[], T], *, simpan_jika=None) -> T:
    """The cached value for these parts, else `buat()` (stored unless `simpan_jika` says no,
    e.g. a page showing an input error)."""
    kunci = _kunci(bagian)
    nilai = cache.get(kunci)
    if nilai is None:
        nilai = buat()
        if simpan_jika is None or simpan_jika(nilai):
            cache.set(kunci, nilai, UMUR_DETIK)
    return nilai


def generasi_baru() -> None:
    try:
        cache.incr(_KUNCI_GENERASI)
    except ValueError:  # no counter yet (or evicted): any fresh start is a new generation
        cache.add(_KUNCI_GENERASI, time.time_ns(), timeout=None)


def terima_peristiwa(peristiwa: Peristiwa) -> None:
    """Receiver of workflows.kait (after commit). Every step, not only the hearing actions:
    a transition can change what the calendar shows too (a correction, a withdrawal), and
    steps are rare next to the public's reads, so a new generation costs one re-rendering."""
    generasi_baru()
