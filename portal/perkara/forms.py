"""The withdrawal request of the applicant (Perki 1/2013 Pasal 14-15)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CabutForm(forms.Form):
    alasan = forms.CharField(
        label=_("Reason for the withdrawal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: the public body has given the information."),
    )
    paham = forms.BooleanField(
        label=_("I understand that the withdrawal ends the case and cannot be undone."),
        error_messages={"required": _("Tick this box to confirm the withdrawal.")},
    )
    # The status the consequences were shown for: if the case moved on meanwhile (e.g. it was
    # registered), the applicant must read them again before anything happens.
    status = forms.CharField(widget=forms.HiddenInput)
