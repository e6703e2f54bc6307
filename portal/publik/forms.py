"""The public pages' query forms: validated input, clear Indonesian messages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dokumen.aturan_publikasi import JENIS_PUBLIKASI
from dokumen.models import HasilPublikasi, JenisDokumen
from sengketa.models import KomisiInformasi

TAHUN_PERTAMA = 2010  # the Information Commissions started hearing disputes in 2010


def pilihan_komisi(kosong=None) -> list[tuple[str, str]]:
    daftar = [(k.kode, k.nama) for k in KomisiInformasi.objects.order_by("nama")]
    return [("", kosong), *daftar] if kosong else daftar


class CariPutusanForm(forms.Form):
    nomor = forms.CharField(label=_("Register or ruling number"), max_length=120, required=False)
    termohon = forms.CharField(label=_("Respondent (public body)"), max_length=250, required=False)
    tahun = forms.IntegerField(label=_("Year"), required=False)
    hasil = forms.ChoiceField(label=_("Outcome"), required=False)
    jenis = forms.ChoiceField(label=_("Type"), required=False)
    komisi = forms.ChoiceField(label=_("Commission"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hasil"].choices = [("", _("All outcomes")), *HasilPublikasi.choices]
        label = dict(JenisDokumen.choices)
        self.fields["jenis"].choices = [
            ("", _("All types")),
            *((j.value, label[j]) for j in JENIS_PUBLIKASI),
        ]
        self.fields["komisi"].choices = pilihan_komisi(_("All commissions"))
        # The upper bound is this year, read per request (never at import time).
        self.fields["tahun"] = forms.IntegerField(
            label=_("Year"),
            required=False,
            min_value=TAHUN_PERTAMA,
            max_value=timezone.localdate().year,
        )


class LacakForm(forms.Form):
    komisi = forms.ChoiceField(label=_("Commission"))
    nomor = forms.CharField(
        label=_("Register number"),
        max_length=120,
        help_text=_("As written on the registration deed, e.g. 001/REG-PSI/KI-KALTIM/III/2024."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["komisi"].choices = pilihan_komisi()
