"""Keep the open task of a case equal to its status.

Every service that changes a status calls `rute_setelah_transisi` in its own transaction,
after saving the case: the open task is completed (assigned to the actor, started,
executed), which runs the Switch and opens the task of the new status — or ends the
process for a terminal status. A correction out of a terminal status starts a new process.
Lock order is the flow's process row first, then the case row (`kunci_proses` is called
before the case is locked), as viewflow's own task views do.
"""

from django.utils import timezone
from viewflow.workflow.context import Context
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from .models import ProsesSengketa

TUGAS_TERBUKA = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


def _alur():
    from .alur import AlurSengketa

    return AlurSengketa


def proses_aktif(sengketa_id: int) -> ProsesSengketa | None:
    return (
        ProsesSengketa.objects.filter(sengketa_id=sengketa_id)
        .exclude(status__in=(PROCESS.DONE, PROCESS.CANCELED))
        .order_by("-pk")
        .first()
    )


def kunci_proses(sengketa_id: int) -> None:
    """Lock the case's open process rows before the case row (see the module docstring)."""
    list(
        ProsesSengketa.objects.select_for_update()
        .filter(sengketa_id=sengketa_id)
        .exclude(status__in=(PROCESS.DONE, PROCESS.CANCELED))
        .values_list("pk", flat=True)
    )


def proses_mulai(sengketa) -> ProsesSengketa:
    """Start the flow for a case (intake, transfer, a correction out of a terminal status)."""
    with Context(propagate_exception=True):
        return _alur().mulai.run(sengketa=sengketa)


def tugas_terbuka(sengketa_id: int):
    proses = proses_aktif(sengketa_id)
    if proses is None:
        return None
    return proses.task_set.filter(status__in=TUGAS_TERBUKA, flow_task_type="HUMAN").first()


def rute_setelah_transisi(sengketa, oleh) -> None:
    """Close the open task as done by `oleh` (None: the system) and open the next one.

    Called by the services (workflows.layanan.dasar.Langkah) after `kunci_proses` locked the
    case's open process rows in this same transaction: viewflow's own flow lock (a savepoint
    and a second SELECT ... FOR UPDATE of the same row) would add nothing, so it is not
    taken again. The open task and its process come in one query."""
    tugas = (
        Task.objects.filter(
            process__prosessengketa__sengketa_id=sengketa.pk,
            status__in=TUGAS_TERBUKA,
            flow_task_type="HUMAN",
        )
        .exclude(process__status__in=(PROCESS.DONE, PROCESS.CANCELED))
        .select_related("process__prosessengketa")
        .order_by("-process_id", "-created")
        .first()
    )
    if tugas is None:
        if proses_aktif(sengketa.pk) is None:
            proses_mulai(sengketa)
        return
    tugas.process = tugas.process.prosessengketa  # the activation works on the flow's process
    with Context(propagate_exception=True):
        if tugas.owner_id != getattr(oleh, "pk", None) or tugas.status == STATUS.NEW:
            # Whoever fires the transition did the task; viewflow does not fill `assigned`.
            # Written with the task's own save when it completes below.
            tugas.owner, tugas.status, tugas.assigned = oleh, STATUS.ASSIGNED, timezone.now()
        aktivasi = tugas.flow_task.activation_class(tugas)
        if tugas.status == STATUS.ASSIGNED:
            aktivasi.start(None)
        aktivasi.execute()
