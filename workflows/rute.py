"""Keep the open task of a case equal to its status.

Every service that changes a status calls `rute_setelah_transisi` in its own transaction,
after saving the case: the open task is completed (assigned to the actor, started,
executed), the Switch of the flow picks the node of the new status, and that node's task is
opened — or the End node finishes the process for a terminal status. A correction out of a
terminal status starts a new process.

The rows are the ones viewflow's activations write (inbox, task pages and the process chart
read them), but written in three statements of our own (four at the End) instead of
viewflow's activation machinery, which took ten to sixteen and two savepoints: the Switch's
branch conditions of `workflows.alur` still choose the node, on the status the service has
just saved. Flows using what these statements do not write (an `.Assign()` owner, an
`onCreate` hook, boundary events, object permissions, task data or seeds, a node other than
a View or a plain End after the Switch), and a connected receiver of viewflow's task
signals, go through viewflow's activations as before (`_rute_viewflow`, also the reference
the tests compare the rows with).

Lock order is the flow's process row first, then the case row (`kunci_proses` or
`kunci_proses_dan_tugas` is called before the case is locked), as viewflow's own task
views do.
"""

from types import SimpleNamespace
from typing import NamedTuple

from django.db.models import Exists, OuterRef
from django.utils import timezone
from viewflow.workflow.context import Context
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.models import Process, Task
from viewflow.workflow.nodes.end import EndActivation
from viewflow.workflow.nodes.switch import SwitchActivation
from viewflow.workflow.nodes.view import ViewActivation
from viewflow.workflow.signals import flow_finished, task_finished, task_started
from viewflow.workflow.status import PROCESS, STATUS

from sengketa.kueri_terkompilasi import KueriTerkompilasi, sisipkan

from .models import ProsesSengketa

TUGAS_TERBUKA = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
_SELESAI = (PROCESS.DONE, PROCESS.CANCELED)


def _alur():
    from .alur import AlurSengketa

    return AlurSengketa


def proses_aktif(sengketa_id: int) -> ProsesSengketa | None:
    return (
        ProsesSengketa.objects.filter(sengketa_id=sengketa_id)
        .exclude(status__in=_SELESAI)
        .order_by("-pk")
        .first()
    )


def kunci_proses(sengketa_id: int) -> None:
    """Lock the case's open process rows before the case row (see the module docstring)."""
    list(
        ProsesSengketa.objects.select_for_update()
        .filter(sengketa_id=sengketa_id)
        .exclude(status__in=_SELESAI)
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


# -- the open task, read with the lock -----------------------------------------------------


class TugasTerbuka(NamedTuple):
    """What the routing needs of the open human task (no model instances to build)."""

    pk: int
    process_id: int
    status: str
    owner_id: int | None
    token: object
    flow_task: object  # the node


# The case's open process rows locked, with their open human tasks (one in practice),
# newest first. The row locked is the flow's own (workflows_prosessengketa): the one
# viewflow's lock (AlurSengketa.lock_impl) and `kunci_proses` lock too.
_kunci_tugas_terbuka = KueriTerkompilasi(
    ProsesSengketa,
    lambda sengketa_id: (
        ProsesSengketa.objects.select_for_update(of=("self",))
        .filter(
            sengketa_id=sengketa_id,
            task__status__in=TUGAS_TERBUKA,
            task__flow_task_type="HUMAN",
        )
        .exclude(status__in=_SELESAI)
        .order_by("-pk", "-task__created")
        .values_list(
            "task__id", "pk", "task__status", "task__owner_id", "task__token", "task__flow_task"
        )
    ),
)


def kunci_proses_dan_tugas(sengketa_id: int) -> TugasTerbuka | None:
    """`kunci_proses` that also returns the open human task, read in the same statement
    (None: no open task; the open process, if any, is then locked by `kunci_proses`).

    The task is the statement's snapshot: had the statement waited for the lock, another
    transaction may have changed the task in between (reassigned it, completed it), so
    `rute_setelah_transisi` writes it only if it still holds what was read here, and reads
    it again otherwise (under the lock, then, nothing can change it)."""
    terbuka = _kunci_tugas_terbuka(sengketa_id)
    if not terbuka:
        kunci_proses(sengketa_id)
        return None
    return TugasTerbuka(*terbuka[0])


# -- routing -------------------------------------------------------------------------------


def rute_setelah_transisi(sengketa, oleh, tugas: TugasTerbuka | None = None) -> None:
    """Close the open task as done by `oleh` (None: the system) and open the next one.

    Called by the services (workflows.layanan.dasar.Langkah) after the case's open process
    rows were locked in this same transaction, `tugas` being the open task read with that
    lock (`kunci_proses_dan_tugas`): viewflow's own flow lock (a savepoint and a second
    SELECT ... FOR UPDATE of the same row) would add nothing, so it is not taken again."""
    langsung = tugas is not None and jalur_langsung(tugas.flow_task)
    if langsung and _rute_langsung(tugas, sengketa.status, oleh):
        return
    terbuka = _kunci_tugas_terbuka(sengketa.pk)  # under the lock already held: fresh
    if not terbuka:
        if proses_aktif(sengketa.pk) is None:
            proses_mulai(sengketa)
        return
    tugas = TugasTerbuka(*terbuka[0])
    if not jalur_langsung(tugas.flow_task):
        _rute_viewflow(tugas, oleh)
    elif not _rute_langsung(tugas, sengketa.status, oleh):
        raise FlowRuntimeError(f"task {tugas.pk} changed under the flow's lock")


def _rute_viewflow(terbuka: TugasTerbuka, oleh) -> None:
    """The same step through viewflow's activations (execute: complete, Switch, next node)."""
    tugas = Task.objects.select_related("process__prosessengketa").get(pk=terbuka.pk)
    tugas.process = tugas.process.prosessengketa  # the flow's own process, as activations use
    with Context(propagate_exception=True):
        if tugas.owner_id != getattr(oleh, "pk", None) or tugas.status == STATUS.NEW:
            # Whoever fires the transition did the task; viewflow does not fill `assigned`.
            # Written with the task's own save when it completes below.
            tugas.owner, tugas.status, tugas.assigned = oleh, STATUS.ASSIGNED, timezone.now()
        aktivasi = tugas.flow_task.activation_class(tugas)
        if tugas.status == STATUS.ASSIGNED:
            aktivasi.start(None)
        aktivasi.execute()


# -- the direct path -----------------------------------------------------------------------

_SINYAL = (task_started, task_finished, flow_finished)


def _view_polos(simpul) -> bool:
    """A View node whose new task is exactly what `_tugas_baru` writes."""
    return (
        simpul.activation_class is ViewActivation
        and not simpul._owner  # .Assign(): an owner chosen when the task is created
        and simpul._on_create is None
        and not simpul._owner_permission_obj
        and not callable(simpul._owner_permission)
        and not simpul._boundary_events
    )


def _simpul_langsung(simpul) -> bool:
    """A plain View going to a Switch whose branches are plain Views or a plain End (what the
    activation classes do decides, not the node classes' names). Decided once per node."""
    hasil = getattr(simpul, "_jalur_langsung", None)
    if hasil is None:
        switch = getattr(simpul, "_next", None)
        hasil = (
            _view_polos(simpul)
            and simpul._task_data is None
            and simpul._task_seed is None
            and getattr(switch, "activation_class", None) is SwitchActivation
            and not switch._boundary_events
            and all(
                _view_polos(tujuan)
                or (tujuan.activation_class is EndActivation and not tujuan._boundary_events)
                for tujuan, _syarat in switch._branches
            )
        )
        simpul._jalur_langsung = hasil
    return hasil


def jalur_langsung(simpul) -> bool:
    """Whether the step out of `simpul` (the open task's node) can be written by
    `_rute_langsung`: the node qualifies and no receiver listens to viewflow's task
    signals (the direct path sends none; viewflow's activations do)."""
    return _simpul_langsung(simpul) and not any(s.receivers for s in _SINYAL)


def _cabang(switch, proses_id: int, status: str):
    """The node the Switch activates: its own branch conditions, in viewflow's order (the
    last default before the first true condition, as SwitchActivation.activate), asked with
    the status the service has just saved (`workflows.alur.status_kini` reads it there)."""
    proses = SimpleNamespace(pk=proses_id)
    aktivasi = SimpleNamespace(process=proses, flow_task=switch, _status_kini=status)
    pilihan = None
    for simpul, syarat in switch._branches:
        if syarat is None:
            pilihan = simpul
        elif syarat(aktivasi):
            pilihan = simpul
            break
    if pilihan is None:
        raise FlowRuntimeError(f"No next task available for {switch.name}")
    return pilihan


def _tugas_baru(simpul, proses_id: int, token, **medan) -> Task:
    """A task row as viewflow's `Activation.create` / `ViewActivation.create` build it."""
    tugas = Task(
        process_id=proses_id,
        flow_task=simpul,
        flow_task_type=simpul.task_type,  # Task.save() fills it; bulk_create does not
        token=token,
        data={},
        created=timezone.now(),
        **medan,
    )
    if simpul.activation_class is ViewActivation:
        tugas.owner_permission = simpul.calc_owner_permission(None)
    return tugas


def _rute_langsung(tugas: TugasTerbuka, status: str, oleh) -> bool:
    """The open task done, the Switch's task done, the next node's task opened, with their
    `previous` links: one UPDATE and two two-row INSERTs (their SQL built once, see
    sengketa.kueri_terkompilasi), and at the End the process finished in one UPDATE that
    leaves it open if another task of it is still unfinished, as EndActivation does.
    False, with nothing written, when the task no longer holds the status and owner it was
    read with (see `kunci_proses_dan_tugas`)."""
    switch = tugas.flow_task._next
    tujuan = _cabang(switch, tugas.process_id, status)

    # Whoever fires the transition did the task: what ViewActivation's assign (viewflow
    # does not fill `assigned` itself), start and complete would have written.
    saat = timezone.now()
    ubah = {"status": STATUS.DONE, "finished": saat}
    if tugas.owner_id != getattr(oleh, "pk", None) or tugas.status == STATUS.NEW:
        ubah.update(owner=oleh, assigned=saat, started=saat)
    elif tugas.status == STATUS.ASSIGNED:
        ubah["started"] = saat
    seperti_dibaca = {"pk": tugas.pk, "status": tugas.status, "owner_id": tugas.owner_id}
    if not Task.objects.filter(**seperti_dibaca).update(**ubah):
        return False

    t_switch = _tugas_baru(switch, tugas.process_id, tugas.token, status=STATUS.DONE)
    t_switch.finished = t_switch.created
    akhir = tujuan.activation_class is EndActivation
    if akhir:
        t_baru = _tugas_baru(tujuan, tugas.process_id, t_switch.token, status=STATUS.DONE)
        t_baru.started = t_baru.finished = t_baru.created
    else:
        t_baru = _tugas_baru(tujuan, tugas.process_id, t_switch.token)
    sisipkan([t_switch, t_baru])
    Sebelum = Task.previous.through  # the rows `task.previous.add` writes
    sisipkan(
        [
            Sebelum(from_task_id=t_switch.pk, to_task_id=tugas.pk),
            Sebelum(from_task_id=t_baru.pk, to_task_id=t_switch.pk),
        ]
    )
    if akhir:
        (
            Process.objects.filter(pk=tugas.process_id)
            .exclude(Exists(Task.objects.filter(process=OuterRef("pk"), finished__isnull=True)))
            .update(status=PROCESS.DONE, finished=t_baru.finished)
        )
    return True
