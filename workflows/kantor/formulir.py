"""Forms of the hearing, assignment and holiday pages. Like forms.py they only turn what was
typed into values; the services decide (clashes, working days, conflicts, who may act)."""

from datetime import datetime, time

from django import forms
from django.utils.translation import gettext_lazy as _

from sengketa.models import JenisLibur, JenisSidang, MetodePanggilan, StatusKehadiran
from sengketa.waktu import zona

from .forms import YA_TIDAK, InputTanggal, medan_tanggal


class InputJam(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def medan_jam(label, *, required=True, **kw):
    return forms.TimeField(label=label, required=required, widget=InputJam(), **kw)


def saat_lokal(komisi, tanggal, jam) -> datetime | None:
    """A date and a wall-clock time typed in the commission's own zone, made aware."""
    if not tanggal or not jam:
        return None
    return datetime.combine(tanggal, jam, tzinfo=zona(komisi.zona_waktu))


class _FormKomisi(forms.Form):
    def __init__(self, *args, komisi=None, **kwargs):
        self.komisi = komisi
        super().__init__(*args, **kwargs)


# -- hearings --------------------------------------------------------------------------


class JadwalSidangForm(_FormKomisi):
    jenis = forms.ChoiceField(label=_("Type"), choices=JenisSidang.choices)
    tanggal = forms.DateField(label=_("Date"), widget=InputTanggal())
    jam = medan_jam(_("Time"), initial=time(9))
    jam_selesai = medan_jam(
        _("Planned end"), required=False, help_text=_("Leave empty for two hours.")
    )
    ruang = forms.CharField(label=_("Room"), max_length=120, required=False)
    tempat = forms.CharField(label=_("Place"), max_length=300, required=False)
    daring = forms.BooleanField(label=_("Online"), required=False)
    tautan = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    agenda = forms.CharField(label=_("Agenda"), max_length=300, required=False)

    def parameter_layanan(self) -> dict:
        d = self.cleaned_data
        return {
            "jenis": d["jenis"],
            "mulai": saat_lokal(self.komisi, d["tanggal"], d["jam"]),
            "selesai_rencana": saat_lokal(self.komisi, d["tanggal"], d.get("jam_selesai")),
            "ruang": d.get("ruang", ""),
            "tempat": d.get("tempat", ""),
            "daring": bool(d.get("daring")),
            "tautan": d.get("tautan", ""),
            "agenda": d.get("agenda", ""),
        }


class LanjutSidangForm(_FormKomisi):
    """Adjourn or move: why, and when the next hearing is."""

    alasan = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    tanggal = forms.DateField(label=_("Date of the next hearing"), widget=InputTanggal())
    jam = medan_jam(_("Time"), initial=time(9))
    ruang = forms.CharField(
        label=_("Room"), max_length=120, required=False, help_text=_("Empty: the same room.")
    )

    def parameter_layanan(self) -> dict:
        d = self.cleaned_data
        return {
            "alasan": d["alasan"],
            "mulai_berikutnya": saat_lokal(self.komisi, d["tanggal"], d["jam"]),
            "ruang": d.get("ruang") or None,
        }


class BatalSidangForm(forms.Form):
    alasan = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class SelesaiSidangForm(forms.Form):
    """Attendance of each party of the case, then a short summary."""

    ringkasan = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, pihak=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.pihak = list(pihak)
        for p in self.pihak:
            self.fields[f"hadir_{p.pk}"] = forms.ChoiceField(
                label=f"{p.nama} ({p.get_peran_display()})", choices=StatusKehadiran.choices
            )
        self.fields["ringkasan"] = self.fields.pop("ringkasan")

    def parameter_layanan(self) -> dict:
        return {
            "kehadiran": [
                {"pihak": p.pk, "status": self.cleaned_data[f"hadir_{p.pk}"]} for p in self.pihak
            ],
            "ringkasan": self.cleaned_data.get("ringkasan", ""),
        }


class PanggilanDiterimaForm(forms.Form):
    metode = forms.ChoiceField(label=_("Sent by"), choices=MetodePanggilan.choices)
    tanggal = forms.DateField(label=_("Received on"), widget=InputTanggal())
    tanggal_dikirim = medan_tanggal(_("Sent on"), help_text=_("Empty: the day it was received."))


# -- assignments -----------------------------------------------------------------------


class KonflikForm(forms.Form):
    pengguna = forms.ChoiceField(label=_("Person"))
    uraian = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}))
    tanggal = medan_tanggal(_("Declared on"), help_text=_("Leave empty for today."))

    def __init__(self, *args, pilihan_pengguna=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pengguna"].choices = [("", "—"), *pilihan_pengguna]


class PenggantianAjukanForm(forms.Form):
    pihak = forms.TypedChoiceField(label=_("Requesting party"), coerce=int)
    penugasan = forms.TypedChoiceField(label=_("Appointment concerned"), coerce=int)
    alasan = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    tanggal = medan_tanggal(_("Date of request"), help_text=_("Leave empty for today."))

    def __init__(self, *args, pilihan_pihak=(), pilihan_penugasan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pihak"].choices = [("", "—"), *pilihan_pihak]
        self.fields["penugasan"].choices = [("", "—"), *pilihan_penugasan]


class PenggantianPutuskanForm(forms.Form):
    dikabulkan = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[c for c in YA_TIDAK if c[0]],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        help_text=_("Yes: the request is granted."),
    )
    pertimbangan = forms.CharField(
        label=_("Considerations"), widget=forms.Textarea(attrs={"rows": 2})
    )
    pengganti = forms.ChoiceField(label=_("Replacement"), required=False)
    tanggal = medan_tanggal(_("Date of decision"), help_text=_("Leave empty for today."))

    def __init__(self, *args, pilihan_pengguna=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pengganti"].choices = [("", "—"), *pilihan_pengguna]


# -- the holiday calendar --------------------------------------------------------------


class LiburForm(forms.Form):
    tanggal = forms.DateField(label=_("Date"), widget=InputTanggal())
    jenis = forms.ChoiceField(
        label=_("Kind"),
        choices=[(j.value, j.label) for j in JenisLibur if j != JenisLibur.PENANGGUHAN],
    )
    keterangan = forms.CharField(label=_("Description"), max_length=250)
    dasar = forms.CharField(
        label=_("Legal basis"), max_length=300, help_text=_("Decree, SKB or circular.")
    )


class PenangguhanForm(forms.Form):
    mulai = forms.DateField(label=_("First day"), widget=InputTanggal())
    selesai = forms.DateField(label=_("Last day"), widget=InputTanggal())
    dasar = forms.CharField(label=_("Legal basis"), max_length=300)
    keterangan = forms.CharField(label=_("Description"), max_length=250, required=False)
