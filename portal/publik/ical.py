"""The public hearing calendar of one commission as iCalendar (RFC 5545).

Times are written in the commission's own zone (TZID=Asia/Makassar and its VTIMEZONE), so a
calendar app shows 09.00 WITA as 09.00 in Samarinda and converts it elsewhere. The same rows
as the web page (portal.publik.selectors.sidang_publik): the applicant masked the same way.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from sengketa.models import StatusSidang

from .selectors import SidangPublik


def _keterangan(s: SidangPublik) -> str:
    baris = [
        _("Register number: %(nomor)s") % {"nomor": s.nomor_register},
        _("Applicant: %(nama)s") % {"nama": s.pemohon},
        _("Respondent: %(nama)s") % {"nama": s.termohon},
    ]
    if s.agenda:
        baris.append(_("Agenda: %(agenda)s") % {"agenda": s.agenda})
    if s.status != StatusSidang.DIJADWALKAN:
        baris.append(s.status_label)
    return "\n".join(baris)


def kalender_ical(komisi, daftar: list[SidangPublik], *, host: str) -> bytes:
    kal = Calendar()
    kal.add("prodid", "-//Kepaniteraan KI//Jadwal Sidang Publik//ID")
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    kal.add("x-wr-calname", _("Hearing calendar · %(komisi)s") % {"komisi": komisi.nama})
    kal.add("x-wr-timezone", komisi.zona_waktu)
    stempel = timezone.now()
    for s in daftar:
        e = Event()
        e.add("uid", f"sidang-{s.pk}@{host}")
        e.add("dtstamp", stempel)
        e.add("dtstart", s.mulai)
        e.add("dtend", s.selesai)
        e.add("summary", f"{s.jenis} {s.nomor_register}")
        e.add("description", _keterangan(s))
        e.add("location", s.tempat)
        e.add("status", "CONFIRMED")
        kal.add_component(e)
    kal.add_missing_timezones()
    return kal.to_ical()
