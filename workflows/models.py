"""The viewflow process of a case. viewflow routes work; the legal status stays on
`Sengketa.status` and is never copied here (design/architecture.md: one truth)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process


class ProsesSengketa(Process):
    """One run of the flow for a case. A case has one open process at a time; a correction
    out of a terminal status starts a new one (the finished one stays as history)."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="proses",
        verbose_name=_("dispute"),
    )

    class Meta:
        verbose_name = _("case process")
        verbose_name_plural = _("case processes")

    def __str__(self) -> str:
        return str(self.sengketa)
