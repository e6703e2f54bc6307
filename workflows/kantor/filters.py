"""Filters of the deadline dashboard (django-filter)."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from sengketa import izin
from sengketa.models import Penugasan, StatusSengketa, StatusTenggat
from sengketa.models.status import STATUS_AKHIR
from sengketa.peran import Peran

from .selectors import keadaan_tenggat_terdekat

KEADAAN_TENGGAT = [
    (s.value, s.label)
    for s in (StatusTenggat.MENDEKATI, StatusTenggat.HARI_INI, StatusTenggat.TERLEWAT)
]


class TenggatFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(s.value, s.label) for s in StatusSengketa if s not in STATUS_AKHIR],
    )
    komisioner = django_filters.ChoiceFilter(
        label=_("Commissioner"),
        choices=[],
        method="filter_komisioner",
    )
    keadaan = django_filters.ChoiceFilter(
        label=_("Deadline state"),
        choices=KEADAAN_TENGGAT,
        method="filter_keadaan",
    )

    def __init__(self, *args, pengguna=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the commissioners of the user's own commissions can be chosen. Read once, as
        # a list: a ModelChoiceFilter reads its choices through a server-side cursor (three
        # round trips) when the form is drawn.
        orang = (
            get_user_model()
            .objects.filter(
                is_active=True,
                groups__name__in=(Peran.KOMISIONER, Peran.KETUA),
                keanggotaan_komisi__komisi_id__in=izin.komisi_pengguna(pengguna),
                keanggotaan_komisi__aktif=True,
            )
            .distinct()
            .order_by("first_name", "username")
        )
        self.filters["komisioner"].extra["choices"] = [
            (u.pk, u.get_full_name() or u.get_username()) for u in orang
        ]

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
