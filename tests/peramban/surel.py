"""The e-mail a journey reads (the account-verification link), in both modes of the journeys.

- Against pytest-django's live server the server runs inside the test process: Django's
  test mailbox (`mail.outbox`) holds what it sent.
- Against the production rehearsal (PERAMBAN_URL) the servers and workers are other
  processes: they are started with `EMAIL_BACKEND=tests.peramban.surel.SurelBerkas` and
  `PERAMBAN_SUREL=<folder>`, Django's file backend writing each message there, and the
  journey reads that folder. (A rehearsal sends no real mail to the made-up addresses of the
  journeys.)
"""

import email
import email.policy
import os
from dataclasses import dataclass
from pathlib import Path

from django.core.mail.backends import filebased

PEMISAH = b"\n" + b"-" * 79 + b"\n"  # what Django's file backend writes after each message


class SurelBerkas(filebased.EmailBackend):
    """Django's file backend writing to the folder named by PERAMBAN_SUREL (the settings have
    no EMAIL_FILE_PATH of their own: a rehearsal's setting, not the application's)."""

    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, file_path=file_path or os.environ["PERAMBAN_SUREL"], **kwargs)


@dataclass(frozen=True)
class Surat:
    kepada: tuple[str, ...]
    subjek: str
    isi: str  # the plain-text part


def _dari_berkas(folder: Path) -> list[Surat]:
    hasil = []
    for berkas in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime):
        for potong in berkas.read_bytes().split(PEMISAH):
            if not potong.strip():
                continue
            pesan = email.message_from_bytes(potong, policy=email.policy.default)
            teks = pesan.get_body(preferencelist=("plain",))
            hasil.append(
                Surat(
                    kepada=tuple(a.strip() for a in str(pesan["To"] or "").split(",")),
                    subjek=str(pesan["Subject"] or ""),
                    isi=teks.get_content() if teks is not None else "",
                )
            )
    return hasil


def _folder() -> Path | None:
    """The rehearsal's mail folder; None against the live server."""
    if not os.environ.get("PERAMBAN_URL"):
        return None
    folder = os.environ.get("PERAMBAN_SUREL")
    assert folder, (
        "PERAMBAN_URL tanpa PERAMBAN_SUREL: start the servers with "
        "EMAIL_BACKEND=tests.peramban.surel.SurelBerkas and PERAMBAN_SUREL=<folder>"
    )
    return Path(folder)


def kotak_surat() -> list[Surat]:
    """Every message sent so far (since the folder was emptied, in the rehearsal)."""
    folder = _folder()
    if folder is not None:
        return _dari_berkas(folder)
    from django.core import mail

    return [Surat(tuple(m.to), m.subject, m.body) for m in mail.outbox]


def kosongkan_kotak_surat() -> None:
    """The rehearsal's folder emptied (the test mailbox is emptied by pytest-django)."""
    folder = _folder()
    if folder is not None:
        for berkas in folder.glob("*.log"):
            berkas.unlink()
