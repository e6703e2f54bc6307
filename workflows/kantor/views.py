"""Pages of the staff back office. Reads through selectors, writes through the services of
workflows.layanan; a view formats dates and labels for its template and nothing more."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from django_fsm import can_proceed

from sengketa import aturan
from sengketa.galat import (
    KesalahanProsedur,
    KonflikBersamaan,
    ParameterTidakValid,
    TidakBerwenang,
    TransisiTidakDiizinkan,
)
from sengketa.kalender import NAMA_HARI, Kalender, format_tanggal
from sengketa.models import (
    KodeTenggat,
    KomisiInformasi,
    Panggilan,
    Penugasan,
    RiwayatStatus,
    Sengketa,
    StatusSengketa,
    StatusTenggat,
)
from sengketa.peran import Peran
from sengketa.selectors import sengketa_terlihat, transisi_tersedia
from sengketa.waktu import singkatan_zona, zona

from ..layanan import LAYANAN_TRANSISI, sengketa_terima
from ..layanan.dasar import kunci_sengketa
from ..rute import kunci_proses
from . import selectors as sel
from .filters import TenggatFilter
from .forms import FORM_TRANSISI, LABEL_TRANSISI, PermohonanForm, tampilkan_galat

PER_HALAMAN = 25
LABEL_STATUS = dict(StatusSengketa.choices)
LABEL_TENGGAT = dict(KodeTenggat.choices)
LABEL_KEADAAN = dict(StatusTenggat.choices)
# Steps of the history that are actions, not transitions (catat_tindakan in the services).
LABEL_TINDAKAN = {
    "terima": gettext_lazy("Application received"),
    "ubah_permohonan": gettext_lazy("Application data corrected"),
    "jadwalkan_sidang": gettext_lazy("Hearing scheduled"),
    "tunda_sidang": gettext_lazy("Hearing adjourned"),
    "batal_sidang": gettext_lazy("Hearing cancelled"),
    "pindahkan_sidang": gettext_lazy("Hearing moved"),
    "selesai_sidang": gettext_lazy("Hearing held"),
    "panggilan_diterima": gettext_lazy("Summons received"),
    "nyatakan_konflik": gettext_lazy("Conflict of interest declared"),
    "ajukan_penggantian": gettext_lazy("Recusal requested"),
    "putuskan_penggantian": gettext_lazy("Recusal decided"),
    "tenggat_bergeser": gettext_lazy("Deadlines moved by a calendar change"),
}
LABEL_PEMEGANG = {
    "panitera": gettext_lazy("Registry or PP"),
    "ketua": gettext_lazy("Chair"),
    "ketua_majelis": gettext_lazy("Presiding commissioner"),
    "pp": gettext_lazy("PP"),
    "mediator": gettext_lazy("Mediator"),
}


def tgl(d: date | None, *, dengan_hari: bool = False) -> str:
    return format_tanggal(d, dengan_hari=dengan_hari) if d else ""


def waktu_lokal(komisi, saat) -> str:
    """'6 Maret 2024 09.15 WITA': a timestamp in the commission's own zone."""
    lokal = saat.astimezone(zona(komisi.zona_waktu))
    return f"{tgl(lokal.date())} {lokal:%H.%M} {singkatan_zona(komisi)}"


def para_pihak(sengketa: Sengketa) -> str:
    pemohon, termohon = sengketa.pemohon, sengketa.termohon
    nama = [p.nama for p in (pemohon, termohon) if p]
    return _(" v. ").join(nama)


def judul(sengketa: Sengketa) -> str:
    return sengketa.nomor_register or _("Application #%(id)s") % {"id": sengketa.pk}


class StafMixin(LoginRequiredMixin):
    """Logged-in staff of some commission; parties and strangers get 403 (they have the
    portal). Which cases a staff member sees is the selectors' business (their commissions)."""

    login_url = reverse_lazy("kantor:masuk")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not sel.adalah_staf(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MasukView(auth_views.LoginView):
    template_name = "kantor/masuk.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("kantor:tugas")

    def form_valid(self, form):
        # The password was right; with a second factor the code comes first (dua_faktor.py).
        from . import dua_faktor

        pengguna = form.get_user()
        if dua_faktor.punya_dua_faktor(pengguna):
            dua_faktor.tunda_masuk(self.request, pengguna, self.get_success_url())
            return redirect("kantor:masuk_kode")
        return super().form_valid(form)


class KeluarView(auth_views.LogoutView):
    next_page = reverse_lazy("kantor:masuk")


# -- task lists ------------------------------------------------------------------------


@dataclass
class BarisTugas:
    sengketa: Sengketa
    judul: str
    para_pihak: str
    status: str
    tugas: str
    pemegang: str
    tenggat: str
    tenggat_tanggal: str
    keadaan: str
    keadaan_label: str


def _kolom_daftar(s: Sengketa) -> dict:
    """What a row of the back-office lists shows of a case (annotated by
    selectors.untuk_baris): its number, parties, status, nearest deadline and its light."""
    return {
        "sengketa": s,
        "judul": judul(s),
        "para_pihak": _(" v. ").join(n for n in (s.nama_pemohon, s.nama_termohon) if n),
        "status": LABEL_STATUS.get(s.status, s.status),
        "tenggat": str(LABEL_TENGGAT.get(s.tenggat_kode, "")),
        "tenggat_tanggal": tgl(s.tenggat_terdekat),
        "keadaan": s.tenggat_status or "",
        "keadaan_label": str(LABEL_KEADAAN.get(s.tenggat_status, "")),
    }


def baris_tugas(halaman) -> list[BarisTugas]:
    """One row per case of the page, with its open task: the task of its status
    (alur.TUGAS_PER_STATUS), held by the role queue or by the person it was named for."""
    from ..alur import TUGAS_PER_STATUS, AlurSengketa

    baris = []
    for s in halaman:
        nama = TUGAS_PER_STATUS.get(s.status, "")
        simpul = getattr(AlurSengketa, nama, None)
        if s.tugas_pemilik:  # named by a reassignment (kantor.pengalihan)
            pemegang = s.tugas_pemilik
        else:
            jenis = sel.PEMEGANG_TUGAS.get(nama, ())
            pemegang = ", ".join(str(LABEL_PEMEGANG[j]) for j in jenis)
        baris.append(
            BarisTugas(
                tugas=str(simpul.task_title) if simpul else "",
                pemegang=pemegang,
                **_kolom_daftar(s),
            )
        )
    return baris


class PaginatorHitung(Paginator):
    """A paginator that counts another queryset of the same rows (`hitung`): the form of a
    query that reads a page from an index is not always the form that counts fastest."""

    def __init__(self, object_list, per_page, *, hitung):
        super().__init__(object_list, per_page)
        self._hitung = hitung

    @cached_property
    def count(self) -> int:
        return self._hitung.count()


class DaftarTugasView(StafMixin, TemplateView):
    """Inbox ("Tugas saya"): the running cases the user may see, each with its open task.
    Queue ("Antrean"): the ones whose task the user holds by role or assignment
    (selectors.antrean)."""

    template_name = "kantor/tugas.html"
    antrean = False

    def get_context_data(self, **kwargs):
        pengguna = self.request.user
        urut = self.request.GET.get("urut", "tenggat")
        if self.antrean:  # the same cases, in the form each query reads best
            antrean = sel.antrean(pengguna)
            qs, semua = antrean.halaman, antrean.hitung
        else:
            qs = semua = sel.kasus_bertugas(pengguna)
        halaman = PaginatorHitung(
            sel.untuk_baris(sel.urutkan(qs, urut)), PER_HALAMAN, hitung=semua
        ).get_page(self.request.GET.get("halaman"))
        return super().get_context_data(
            antrean=self.antrean,
            halaman=halaman,
            baris=baris_tugas(halaman),
            urut=urut if urut in sel.URUTAN else "tenggat",
            **kwargs,
        )


class ArsipTugasView(StafMixin, TemplateView):
    """Archive: the tasks this user completed, newest first (what did I do last week?)."""

    template_name = "kantor/arsip.html"

    def get_context_data(self, **kwargs):
        halaman = Paginator(sel.tugas_selesai_oleh(self.request.user), PER_HALAMAN).get_page(
            self.request.GET.get("halaman")
        )
        kasus = sel.sengketa_untuk_baris(t.sengketa_id for t in halaman)
        baris = []
        for t in halaman:
            s = kasus[t.sengketa_id]
            baris.append(
                {
                    "sengketa": s,
                    "judul": judul(s),
                    "para_pihak": para_pihak(s),
                    "tugas": str(t.flow_task.task_title),
                    "selesai": waktu_lokal(s.komisi, t.finished) if t.finished else "",
                    "status": LABEL_STATUS.get(s.status, ""),
                }
            )
        return super().get_context_data(halaman=halaman, baris=baris, **kwargs)


# -- the case page ---------------------------------------------------------------------


def _prefetch_kasus():
    return (
        "pihak__kuasa",
        Prefetch(
            "penugasan",
            queryset=Penugasan.objects.filter(aktif=True).select_related("pengguna"),
            to_attr="penugasan_aktif",
        ),
        "tenggat",
        Prefetch(
            "sidang__panggilan",
            queryset=Panggilan.objects.select_related("pihak", "kuasa"),
        ),
        "sidang__kehadiran__pihak",
        Prefetch("riwayat", queryset=RiwayatStatus.objects.select_related("oleh")),
    )


def versi_kasus(sengketa_id: int) -> int:
    """The id of the case's last history row: every step writes one."""
    return RiwayatStatus.objects.filter(sengketa_id=sengketa_id).aggregate(m=Max("id"))["m"] or 0


def _nama_pengguna(u) -> str:
    return (u.get_full_name() or u.get_username()) if u else ""


def _penugasan(sengketa) -> dict:
    per_peran: dict[str, list[str]] = {}
    for p in sengketa.penugasan_aktif:
        per_peran.setdefault(p.peran, []).append(_nama_pengguna(p.pengguna))
    return per_peran


def _tenggat(sengketa, kal) -> list[dict]:
    hasil = []
    for t in sorted(sengketa.tenggat.all(), key=lambda t: (t.tanggal, t.pk)):
        if not t.aktif:
            continue
        libur, akhir_pekan = [], 0
        if t.satuan == "hk":
            # Holidays one by one with their reason; plain weekends only counted.
            for d, alasan in kal.jelaskan(t.mulai, t.panjang).dilewati:
                if d.weekday() >= 5 and alasan == NAMA_HARI[d.weekday()]:
                    akhir_pekan += 1
                else:
                    libur.append((tgl(d, dengan_hari=True), alasan))
        hasil.append(
            {
                "kode": t.kode,
                "label": LABEL_TENGGAT.get(t.kode, t.kode),
                "tanggal": tgl(t.tanggal, dengan_hari=True),
                "mulai": tgl(t.mulai, dengan_hari=True),
                "panjang": abs(t.panjang),
                "sebelum": t.panjang < 0,
                "hari_kerja": t.satuan == "hk",
                "dasar": t.dasar,
                "status": t.status,
                "status_label": LABEL_KEADAAN.get(t.status, t.status),
                "terpenuhi_pada": tgl(t.terpenuhi_pada),
                "libur": libur,
                "akhir_pekan": akhir_pekan,
            }
        )
    return hasil


def _sidang(sengketa, kal) -> list[dict]:
    komisi = sengketa.komisi
    hasil = []
    for s in sengketa.sidang.all():
        lokal = s.mulai.astimezone(zona(komisi.zona_waktu))
        hasil.append(
            {
                "sidang": s,
                "waktu": f"{tgl(lokal.date(), dengan_hari=True)} {lokal:%H.%M} "
                f"{singkatan_zona(komisi)}",
                "panggilan": [
                    {
                        "nomor": p.nomor,
                        "kepada": p.kuasa.nama if p.kuasa else p.pihak.nama,
                        "peran": p.get_peran_display(),
                        "diterima": tgl(p.tanggal_diterima),
                        "metode": p.get_metode_display(),
                        "patut": aturan.panggilan_patut(p, kal, komisi),
                    }
                    for p in s.panggilan.all()
                ],
                "kehadiran": [(k.pihak.nama, k.get_status_display()) for k in s.kehadiran.all()],
            }
        )
    return hasil


def _riwayat(sengketa) -> list[dict]:
    return [
        {
            "tanggal": tgl(r.tanggal),
            "langkah": LABEL_TRANSISI.get(r.transisi) or LABEL_TINDAKAN.get(r.transisi, r.transisi),
            "kode": r.transisi,
            "dari": LABEL_STATUS.get(r.dari, r.dari),
            "ke": LABEL_STATUS.get(r.ke, r.ke),
            "ubah_status": r.ubah_status and r.dari != r.ke,
            "oleh": _nama_pengguna(r.oleh) or _("System"),
            "atas_nama": r.atas_nama,
            "dicatat_pada": waktu_lokal(sengketa.komisi, r.dicatat_pada),
            "dikoreksi": r.dikoreksi,
        }
        for r in sengketa.riwayat.all()
    ]


def _sengketa_terlihat_atau_404(pengguna, pk: int) -> Sengketa:
    return get_object_or_404(sengketa_terlihat(pengguna).select_related("komisi"), pk=pk)


def halaman_sengketa(request, pk: int, *, gagal=None, status: int = 200):
    """The case page. `gagal`: (transition name, bound form, error) of a refused POST."""
    sengketa = get_object_or_404(
        sengketa_terlihat(request.user)
        .select_related("komisi")
        .prefetch_related(*_prefetch_kasus()),
        pk=pk,
    )
    from . import aksi as aksi_kasus

    kal = Kalender.untuk(sengketa.komisi)
    versi = versi_kasus(sengketa.pk)
    aksi = []
    tersedia = list(transisi_tersedia(sengketa, request.user))
    for nama in tersedia:
        form = FORM_TRANSISI[nama](
            initial={"versi": versi}, sengketa=sengketa, auto_id=f"id_{nama}_%s"
        )
        if gagal and gagal[0] == nama:
            form = gagal[1]
        aksi.append({"nama": nama, "label": LABEL_TRANSISI[nama], "form": form})
    galat = gagal[2] if gagal else None
    sidang = _sidang(sengketa, kal)
    form_jadwal = aksi_kasus.formulir_sidang(request, sengketa, sidang, gagal)
    konteks = {
        "sengketa": sengketa,
        "judul": judul(sengketa),
        "para_pihak": para_pihak(sengketa),
        "status_label": LABEL_STATUS.get(sengketa.status, sengketa.status),
        "tanggal_diterima": tgl(sengketa.tanggal_diterima, dengan_hari=True),
        "tanggal_registrasi": tgl(sengketa.tanggal_registrasi, dengan_hari=True),
        "penugasan": _penugasan(sengketa),
        "tenggat": _tenggat(sengketa, kal),
        "sidang": sidang,
        "form_jadwal": form_jadwal,
        "zona": singkatan_zona(sengketa.komisi),
        "panel": aksi_kasus.panel_penugasan(request, sengketa, tersedia, gagal),
        "riwayat": _riwayat(sengketa),
        "aksi": aksi,
        "galat": galat,
        "galat_gagal": gagal[0] if gagal else "",
        "galat_bagian": aksi_kasus._bagian(gagal[0]) if gagal else "",
        "alasan_galat": getattr(galat, "alasan", None),
    }
    return render(request, "kantor/sengketa.html", konteks, status=status)


class SengketaView(StafMixin, View):
    def get(self, request, pk: int):
        return halaman_sengketa(request, pk)


def _pastikan_versi(sengketa_id: int, nama: str, versi: int | None) -> None:
    """Refuse a form built on an older state of the case: a second click, or another clerk
    acting in between. Locks the flow's row, then the case (rute.py's order), so two
    identical POSTs are serialised and the second sees the first's history row."""
    kunci_proses(sengketa_id)
    sengketa = kunci_sengketa(sengketa_id)
    if not can_proceed(getattr(sengketa, nama), check_conditions=False):
        raise TransisiTidakDiizinkan(transisi=nama, status=sengketa.status)
    if versi != versi_kasus(sengketa_id):
        raise KonflikBersamaan()


class TransisiView(StafMixin, View):
    """POST /kantor/sengketa/<id>/transisi/<nama>/: one service call, then back to the case."""

    def post(self, request, pk: int, nama: str):
        if nama not in LAYANAN_TRANSISI:
            raise Http404
        sengketa = _sengketa_terlihat_atau_404(request.user, pk)
        form = FORM_TRANSISI[nama](request.POST, sengketa=sengketa, auto_id=f"id_{nama}_%s")
        if not form.is_valid():
            return self.gagal(request, pk, nama, form, None, 400)
        try:
            with transaction.atomic():
                _pastikan_versi(pk, nama, form.cleaned_data.get("versi"))
                LAYANAN_TRANSISI[nama](
                    sengketa_id=pk, oleh=request.user, **form.parameter_layanan()
                )
        except ParameterTidakValid as galat:
            tampilkan_galat(form, galat.galat)
            return self.gagal(request, pk, nama, form, galat, 400)
        except TidakBerwenang as galat:
            return self.gagal(request, pk, nama, form, galat, 403)
        except KesalahanProsedur as galat:
            return self.gagal(request, pk, nama, form, galat, 409)
        messages.success(request, _("Done: %(langkah)s.") % {"langkah": LABEL_TRANSISI[nama]})
        return redirect("kantor:sengketa", pk=pk)

    def gagal(self, request, pk, nama, form, galat, status):
        # Keep what was typed, but on the case's current version so a retry can go through.
        data = form.data.copy()
        data["versi"] = versi_kasus(pk)
        form.data = data
        return halaman_sengketa(request, pk, gagal=(nama, form, galat), status=status)


# -- deadline dashboard ----------------------------------------------------------------


class TenggatView(StafMixin, TemplateView):
    template_name = "kantor/tenggat.html"

    def get_context_data(self, **kwargs):
        pengguna = self.request.user
        semua = sel.sengketa_terbuka_staf(pengguna)
        saring = TenggatFilter(self.request.GET or None, queryset=semua, pengguna=pengguna)
        halaman = Paginator(sel.untuk_baris(saring.qs), PER_HALAMAN).get_page(
            self.request.GET.get("halaman")
        )
        baris = [_kolom_daftar(s) for s in halaman]
        query = self.request.GET.copy()
        query.pop("halaman", None)
        return super().get_context_data(
            saring=saring,
            halaman=halaman,
            baris=baris,
            lewat_100hk=sel.jumlah_lewat_penyelesaian(semua),
            query=query.urlencode(),
            **kwargs,
        )


# -- intake ----------------------------------------------------------------------------


class PermohonanBaruView(StafMixin, FormView):
    """The registry takes in an application (desk, post, e-mail) for one of its commissions."""

    template_name = "kantor/permohonan.html"
    form_class = PermohonanForm

    @classmethod
    def boleh_akses(cls, pengguna) -> bool:
        """The registry of at least one commission (the menu asks this; dispatch applies it)."""
        return bool(sel.komisi_dengan_peran(pengguna, Peran.PANITERA))

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and sel.adalah_staf(request.user):
            if not self.boleh_akses(request.user):
                raise PermissionDenied
            ids = sel.komisi_dengan_peran(request.user, Peran.PANITERA)
            self.komisi_qs = KomisiInformasi.objects.filter(pk__in=ids)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "komisi_qs": self.komisi_qs}

    def get_initial(self):
        return {"komisi": self.komisi_qs.first(), "saluran": "langsung"}

    def form_valid(self, form):
        try:
            hasil = sengketa_terima(
                komisi=form.cleaned_data["komisi"],
                oleh=self.request.user,
                data=form.data_permohonan(),
            )
        except ParameterTidakValid as galat:
            tampilkan_galat(form, galat.galat)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        except KesalahanProsedur as galat:
            form.add_error(None, str(galat))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("The application was received."))
        for peringatan in hasil.peringatan:
            messages.warning(self.request, str(peringatan))
        return redirect(reverse("kantor:sengketa", args=[hasil.sengketa.pk]))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
