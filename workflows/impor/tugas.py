"""The confirmed import runs as a background task (django-q2): a register of a hundred
historical cases takes minutes through the services, longer than a web request may last.

The uploaded file and the result live side by side in MEDIA_ROOT/impor/ under the random
token of the upload: `<token><ext>` (deleted when the task ends) and `<token>.hasil.json`
(read once by the result page, then deleted). No table is needed for either.
"""

import json
import logging
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from sengketa.galat import KesalahanProsedur
from sengketa.models import KomisiInformasi

from .baca import BerkasTidakTerbaca, baca_berkas
from .jalankan import HasilBaris, HasilImpor, jalankan_rencana
from .rencana import susun_rencana

log = logging.getLogger(__name__)
TUGAS = "workflows.impor.tugas.jalankan_berkas"


def folder_impor() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "impor"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def berkas_unggahan(token: str, ekstensi: str) -> Path:
    # The token is ours (hex) and the extension one of the allowed ones: no user path.
    return folder_impor() / f"{token}{ekstensi}"


def berkas_hasil(token: str) -> Path:
    return folder_impor() / f"{token}.hasil.json"


def tulis_hasil(token: str, nama: str, hasil: HasilImpor | None, galat: str = "") -> None:
    data = {
        "nama": nama,
        "galat": galat,
        "baris": [asdict(b) for b in hasil.baris] if hasil else [],
    }
    sementara = berkas_hasil(token).with_suffix(".tmp")
    sementara.write_text(json.dumps(data), encoding="utf-8")
    sementara.replace(berkas_hasil(token))  # the result page never reads half a file


def baca_hasil(token: str) -> tuple[str, str, HasilImpor] | None:
    """(file name, error, result) once the task has finished, else None."""
    try:
        data = json.loads(berkas_hasil(token).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data["nama"], data["galat"], HasilImpor([HasilBaris(**b) for b in data["baris"]])


def jalankan_berkas(
    token: str,
    ekstensi: str,
    nama: str,
    komisi_id: int,
    pengguna_id: int,
    pemetaan: dict,
    buat_badan_publik: bool,
) -> str:
    """Read the upload, plan again (the data may have changed since the dry run), import."""
    unggahan = berkas_unggahan(token, ekstensi)
    try:
        komisi = KomisiInformasi.objects.get(pk=komisi_id)
        pengguna = get_user_model().objects.get(pk=pengguna_id)
        tabel = baca_berkas(unggahan.read_bytes(), nama)
        rencana = susun_rencana(
            tabel, pemetaan, komisi, oleh=pengguna, buat_badan_publik=buat_badan_publik
        )
        hasil = jalankan_rencana(rencana, komisi, pengguna)
    except (OSError, BerkasTidakTerbaca, KesalahanProsedur) as galat:
        tulis_hasil(token, nama, None, str(galat))
        return "gagal"
    except Exception as galat:  # the page must learn that the task died
        log.exception("register import %s failed", token)
        tulis_hasil(token, nama, None, f"{type(galat).__name__}: {galat}")
        raise
    finally:
        unggahan.unlink(missing_ok=True)
    tulis_hasil(token, nama, hasil)
    return "selesai"
