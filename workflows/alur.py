"""The flow of a case (viewflow): one human task per non-terminal status, opened by a Switch
that reads the status fresh from the database. The task is the registry's to-do item; the
transition itself is always done by the service of workflows.layanan, which then closes the
task and lets the Switch open the next one (workflows.rute).
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow
from viewflow.workflow.lock import SelectForUpdateLock

from sengketa.models import Sengketa, StatusSengketa

from .models import ProsesSengketa
from .views import TugasSengketaView

S = StatusSengketa

# Which task waits while the case is in a status, and who holds it (issue 3: routing).
TUGAS_PER_STATUS = {
    S.DITERIMA: "periksa_berkas",
    S.MENUNGGU_KELENGKAPAN: "tunggu_kelengkapan",
    S.TEREGISTRASI: "tetapkan_majelis",
    S.PEMERIKSAAN_AWAL: "pemeriksaan_awal",
    S.MEDIASI: "mediasi",
    S.AJUDIKASI: "ajudikasi",
    S.MUSYAWARAH: "musyawarah",
    S.DIPUTUS: "pasca_putusan",
    S.KEBERATAN_PENGADILAN: "keberatan_pengadilan",
}


def status_kini(activation) -> str:
    """The case's status, read once per Switch activation: the Switch asks every branch in
    turn (up to ten), and the status cannot change in between (the case row is locked).
    The direct routing of workflows.rute sets it to the status the service has just saved,
    so that the branches are asked without a query."""
    kini = getattr(activation, "_status_kini", None)
    if kini is None:
        kini = Sengketa.objects.values_list("status", flat=True).get(
            pk=activation.process.sengketa_id
        )
        activation._status_kini = kini
    return kini


def _tugas(judul):
    return (
        flow.View(TugasSengketaView.as_view())
        .Annotation(title=judul)
        .Permission(auto_create=True)
        .Next(this.rute)
    )


class AlurSengketa(flow.Flow):
    process_class = ProsesSengketa
    process_title = _("Information dispute")
    # A real lock, waiting rather than retrying (stack.md: ~0.7 s vs ~6.5 s for 10 conflicts).
    lock_impl = SelectForUpdateLock(nowait=False)

    mulai = flow.StartHandle(this.mulai_proses).Next(this.rute)

    rute = (
        flow.Switch()
        .Case(this.periksa_berkas, lambda a: status_kini(a) == S.DITERIMA)
        .Case(this.tunggu_kelengkapan, lambda a: status_kini(a) == S.MENUNGGU_KELENGKAPAN)
        .Case(this.tetapkan_majelis, lambda a: status_kini(a) == S.TEREGISTRASI)
        .Case(this.pemeriksaan_awal, lambda a: status_kini(a) == S.PEMERIKSAAN_AWAL)
        .Case(this.mediasi, lambda a: status_kini(a) == S.MEDIASI)
        .Case(this.ajudikasi, lambda a: status_kini(a) == S.AJUDIKASI)
        .Case(this.musyawarah, lambda a: status_kini(a) == S.MUSYAWARAH)
        .Case(this.pasca_putusan, lambda a: status_kini(a) == S.DIPUTUS)
        .Case(this.keberatan_pengadilan, lambda a: status_kini(a) == S.KEBERATAN_PENGADILAN)
        # No default branch: an unmapped status raises and rolls the transition back.
        .Case(this.selesai, lambda a: status_kini(a) in TERMINAL)
    )

    periksa_berkas = _tugas(_("Check the application file"))
    tunggu_kelengkapan = _tugas(_("Await the completed file"))
    tetapkan_majelis = _tugas(_("Appoint the panel"))
    pemeriksaan_awal = _tugas(_("Preliminary examination"))
    mediasi = _tugas(_("Mediation"))
    ajudikasi = _tugas(_("Adjudication"))
    musyawarah = _tugas(_("Deliberation and ruling"))
    pasca_putusan = _tugas(_("Copies and objection window"))
    keberatan_pengadilan = _tugas(_("Objection in court"))

    selesai = flow.End()

    def mulai_proses(self, activation, sengketa):
        activation.process.sengketa = sengketa
        return activation.process


TERMINAL = frozenset(s.value for s in S) - set(TUGAS_PER_STATUS)
