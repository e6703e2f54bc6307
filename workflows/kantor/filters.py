"""Filters of the deadline dashboard (django-filter)."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from sengketa import izin
from sengketa.models import Penugasan, StatusSengketa, StatusTenggat
from sengketa.models.status import STATUS_AKHIR
from sengketa.peran import Peran

KEADAAN_TENGGAT = [
    (s.value, s.label)
    for s in (StatusTenggat.MENDEKATI, StatusTenggat.HARI_INI, StatusTenggat.TERLEWAT)
]


class TenggatFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(s.value, s.label) for s in StatusSengketa if s not in STATUS_AKHIR],
    )
    komisioner = django_filters.ModelChoiceFilter(
        label=_("Commissioner"),
        queryset=get_user_model().objects.none(),
        method="filter_komisioner",
    )
    keadaan = django_filters.ChoiceFilter(
        label=_("Deadline state"),
        choices=KEADAAN_TENGGAT,
        field_name="tenggat_status",
    )

    def __init__(self, *args, pengguna=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the commissioners of the user's own commissions can be chosen.
        self.filters["komisioner"].queryset = (
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
        self.filters["komisioner"].field.label_from_instance = lambda u: (
            u.get_full_name() or u.get_username()
        )

    def filter_komisioner(self, queryset, name, value):
        """Cases where the commissioner sits on the panel or mediates (active assignment)."""
        if not value:
            return queryset
        ditugaskan = Penugasan.objects.filter(pengguna=value, aktif=True).values("sengketa_id")
        return queryset.filter(pk__in=ditugaskan)
