"""Filters of the deadline dashboard (django-filter)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from sengketa import izin
from sengketa.kueri_terkompilasi import KueriTerkompilasi
from sengketa.models import Penugasan, StatusSengketa, StatusTenggat
from sengketa.models.status import STATUS_AKHIR

from .selectors import keadaan_tenggat_terdekat, komisioner_aktif

KEADAAN_TENGGAT = [
    (s.value, s.label)
    for s in (StatusTenggat.MENDEKATI, StatusTenggat.HARI_INI, StatusTenggat.TERLEWAT)
]


class PilihanRingan(forms.Select):
    """A `<select>` written directly: Django draws each option through a template, which
    cost the dashboard more than its page of cases. Flat choices only, one value."""

    def render(self, name, value, attrs=None, renderer=None):
        dipilih = "" if value is None else str(value)
        opsi = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((v, " selected" if str(v) == dipilih else "", label) for v, label in self.choices),
        )
        atribut = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", atribut, opsi)


class TenggatFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(s.value, s.label) for s in StatusSengketa if s not in STATUS_AKHIR],
        widget=PilihanRingan,
    )
    komisioner = django_filters.ChoiceFilter(
        label=_("Commissioner"),
        choices=[],
        method="filter_komisioner",
        widget=PilihanRingan,
    )
    keadaan = django_filters.ChoiceFilter(
        label=_("Deadline state"),
        choices=KEADAAN_TENGGAT,
        method="filter_keadaan",
        widget=PilihanRingan,
    )

    def __init__(self, *args, pengguna=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the commissioners of the user's own commissions can be chosen. Read once, as
        # a list: a ModelChoiceFilter reads its choices through a server-side cursor (three
        # round trips) when the form is drawn.
        self.filters["komisioner"].extra["choices"] = pilihan_komisioner(
            izin.komisi_pengguna(pengguna)
        )

    def filter_komisioner(self, queryset, name, value):
        """Cases where the commissioner sits on the panel or mediates (active assignment)."""
        if not value:
            return queryset
        ditugaskan = Penugasan.objects.filter(pengguna_id=value, aktif=True)
        ditugaskan = ditugaskan.values("sengketa_id")
        return queryset.filter(pk__in=ditugaskan)

    def filter_keadaan(self, queryset, name, value):
        """Cases whose nearest running deadline shows this light."""
        if not value:
            return queryset
        return queryset.filter(keadaan_tenggat_terdekat(value))


def pilihan_komisioner(komisi: frozenset[int]) -> list[tuple[int, str]]:
    """The active commissioners and chairs of these commissions, by first name, as choices
    (a person in two of them once)."""
    orang = {}
    for komisi_id in sorted(komisi):
        for pk, depan, belakang, nama_pengguna in _komisioner_komisi(komisi_id):
            urut = (depan.casefold(), nama_pengguna.casefold())
            orang[pk] = (urut, f"{depan} {belakang}".strip() or nama_pengguna)
    return [(pk, label) for pk, (_urut, label) in sorted(orang.items(), key=lambda o: o[1][0])]


# Every view of the deadline dashboard draws the choices: compiled once per process
# (sengketa.kueri_terkompilasi), one query per commission of the user (nearly always one).
_komisioner_komisi = KueriTerkompilasi(
    get_user_model(),
    lambda komisi_id: (
        komisioner_aktif(komisi_id)
        .order_by()
        .values_list("pk", "first_name", "last_name", "username")
    ),
)
