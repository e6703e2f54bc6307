"""Hearing and assignment actions of the case page: the forms it shows next to each hearing
and in the assignment panel, and the POST views that call the services and show their
typed errors on the case page (refusal reasons, warnings, fields)."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from sengketa import izin
from sengketa.galat import KesalahanProsedur, ParameterTidakValid, TidakBerwenang
from sengketa.models import (
    KeputusanPenggantian,
    KonflikKepentingan,
    Panggilan,
    Penugasan,
    PeranPenugasan,
    PermohonanPenggantian,
    Sidang,
    StatusSengketa,
    StatusSidang,
)
from sengketa.models.status import STATUS_AKHIR, STATUS_PEMERIKSAAN
from sengketa.peran import Peran
from sengketa.selectors import sengketa_terlihat

from ..layanan import penugasan as layanan_penugasan
from ..layanan import sidang as layanan_sidang
from .forms import pilihan_staf, tampilkan_galat
from .formulir import (
    BatalSidangForm,
    JadwalSidangForm,
    KonflikForm,
    LanjutSidangForm,
    PanggilanDiterimaForm,
    PenggantianAjukanForm,
    PenggantianPutuskanForm,
    SelesaiSidangForm,
)
from .selectors import komisioner_aktif
from .views import LABEL_TINDAKAN, StafMixin, _sengketa_terlihat_atau_404, halaman_sengketa

PERAN_BEBAN = (
    PeranPenugasan.KETUA_MAJELIS,
    PeranPenugasan.ANGGOTA_MAJELIS,
    PeranPenugasan.MEDIATOR,
    PeranPenugasan.MEDIATOR_PEMBANTU,
)
LABEL_PERAN = dict(PeranPenugasan.choices)


def _bagian(kunci: str) -> str:
    """Which section of the case page shows the error of a refused form."""
    if kunci.startswith(("jadwalkan", "sidang-", "panggilan-")):
        return "sidang"
    if kunci.startswith(("konflik", "penggantian")):
        return "penugasan"
    return "aksi"


def _form(gagal, kunci, kelas, **kwargs):
    """The refused bound form when it is this one, else a fresh one."""
    if gagal and gagal[0] == kunci:
        return gagal[1]
    return kelas(prefix=kunci, **kwargs)


# -- hearings on the case page ---------------------------------------------------------


def formulir_sidang(request, sengketa, daftar: list[dict], gagal) -> dict:
    """Adds the action forms to each hearing row of views._sidang; returns the scheduling
    form (or None) for the top of the hearings section."""
    pengguna = request.user
    boleh_kelola = izin.boleh(pengguna, sengketa, "kelola_sidang")
    boleh_panggilan = izin.boleh(pengguna, sengketa, "catat_panggilan")
    sekarang = timezone.now()
    pihak = list(sengketa.pihak.all())
    for baris in daftar:
        s = baris["sidang"]
        baris["aksi"] = []
        if s.status != StatusSidang.DIJADWALKAN:
            continue
        if boleh_panggilan:
            for p, info in zip(s.panggilan.all(), baris["panggilan"], strict=True):
                if p.tanggal_diterima is None:
                    info["form"] = _form(gagal, f"panggilan-{p.pk}", PanggilanDiterimaForm)
                    info["pk"] = p.pk
        if not boleh_kelola:
            continue
        mulai = s.mulai <= sekarang
        komisi = {"komisi": sengketa.komisi}
        if mulai:
            baris["aksi"].append(
                (
                    "selesai",
                    _("Finish with attendance"),
                    _form(gagal, f"sidang-{s.pk}-selesai", SelesaiSidangForm, pihak=pihak),
                )
            )
            baris["aksi"].append(
                (
                    "tunda",
                    _("Adjourn"),
                    _form(gagal, f"sidang-{s.pk}-tunda", LanjutSidangForm, **komisi),
                )
            )
        pindah = _form(gagal, f"sidang-{s.pk}-pindahkan", LanjutSidangForm, **komisi)
        baris["aksi"].append(("pindahkan", _("Move"), pindah))
        baris["aksi"].append(
            ("batal", _("Cancel"), _form(gagal, f"sidang-{s.pk}-batal", BatalSidangForm))
        )
    if sengketa.status in STATUS_PEMERIKSAAN and izin.boleh(pengguna, sengketa, "jadwalkan_sidang"):
        return _form(gagal, "jadwalkan", JadwalSidangForm, komisi=sengketa.komisi)
    return None


def _sidang_terlihat_atau_404(pengguna, pk: int) -> Sidang:
    return get_object_or_404(
        Sidang.objects.filter(sengketa__in=sengketa_terlihat(pengguna)).select_related(
            "sengketa__komisi"
        ),
        pk=pk,
    )


def jalankan(request, pk: int, kunci: str, form, panggil, pesan: str):
    """Validate, call the service, and either go back to the case or show its refusal there."""

    def gagal(galat, status):
        return halaman_sengketa(request, pk, gagal=(kunci, form, galat), status=status)

    if not form.is_valid():
        return gagal(None, 400)
    try:
        hasil = panggil(form)
    except ParameterTidakValid as galat:
        tampilkan_galat(form, galat.galat)
        return gagal(galat, 400)
    except TidakBerwenang as galat:
        return gagal(galat, 403)
    except KesalahanProsedur as galat:
        return gagal(galat, 409)
    messages.success(request, pesan)
    for peringatan in getattr(hasil, "peringatan", ()):
        messages.warning(request, str(peringatan))
    return redirect("kantor:sengketa", pk=pk)


class JadwalkanSidangView(StafMixin, View):
    def post(self, request, pk: int):
        sengketa = _sengketa_terlihat_atau_404(request.user, pk)
        form = JadwalSidangForm(request.POST, prefix="jadwalkan", komisi=sengketa.komisi)
        return jalankan(
            request,
            pk,
            "jadwalkan",
            form,
            lambda f: layanan_sidang.sidang_jadwalkan(
                sengketa_id=pk, oleh=request.user, **f.parameter_layanan()
            ),
            selesai("jadwalkan_sidang"),
        )


AKSI_SIDANG = {
    "selesai": (SelesaiSidangForm, layanan_sidang.sidang_selesai),
    "tunda": (LanjutSidangForm, layanan_sidang.sidang_tunda),
    "pindahkan": (LanjutSidangForm, layanan_sidang.sidang_pindahkan),
    "batal": (BatalSidangForm, layanan_sidang.sidang_batal),
}
PESAN_AKSI = {
    "selesai": "selesai_sidang",
    "tunda": "tunda_sidang",
    "pindahkan": "pindahkan_sidang",
    "batal": "batal_sidang",
}


def selesai(tindakan: str) -> str:
    return _("Done: %(langkah)s.") % {"langkah": LABEL_TINDAKAN[tindakan]}


class AksiSidangView(StafMixin, View):
    def post(self, request, pk: int, aksi: str):
        if aksi not in AKSI_SIDANG:
            raise Http404
        sidang = _sidang_terlihat_atau_404(request.user, pk)
        sengketa = sidang.sengketa
        kelas, layanan = AKSI_SIDANG[aksi]
        kunci = f"sidang-{pk}-{aksi}"
        if kelas is SelesaiSidangForm:
            form = kelas(request.POST, prefix=kunci, pihak=sengketa.pihak.all())
        elif kelas is LanjutSidangForm:
            form = kelas(request.POST, prefix=kunci, komisi=sengketa.komisi)
        else:
            form = kelas(request.POST, prefix=kunci)

        def panggil(f):
            data = f.parameter_layanan() if hasattr(f, "parameter_layanan") else f.cleaned_data
            return layanan(sidang_id=pk, oleh=request.user, **data)

        return jalankan(request, sengketa.pk, kunci, form, panggil, selesai(PESAN_AKSI[aksi]))


class PanggilanDiterimaView(StafMixin, View):
    def post(self, request, pk: int):
        panggilan = get_object_or_404(
            Panggilan.objects.filter(sidang__sengketa__in=sengketa_terlihat(request.user)),
            pk=pk,
        )
        kunci = f"panggilan-{pk}"
        form = PanggilanDiterimaForm(request.POST, prefix=kunci)
        sengketa_id = Sidang.objects.values_list("sengketa_id", flat=True).get(
            pk=panggilan.sidang_id
        )
        return jalankan(
            request,
            sengketa_id,
            kunci,
            form,
            lambda f: layanan_sidang.panggilan_catat_diterima(
                panggilan_id=pk, oleh=request.user, **f.cleaned_data
            ),
            selesai("panggilan_diterima"),
        )


# -- assignments -----------------------------------------------------------------------


def beban_komisioner(komisi_id: int, sengketa_id: int) -> list[dict]:
    """Each commissioner of the commission with their active appointments on open cases,
    by role, and whether they declared a conflict in this case (three queries)."""
    pengguna = list(komisioner_aktif(komisi_id).order_by("first_name", "username"))
    ids = [u.pk for u in pengguna]
    beban: dict[int, dict[str, int]] = {}
    for baris in (
        Penugasan.objects.filter(aktif=True, pengguna_id__in=ids)
        .exclude(sengketa__status__in=STATUS_AKHIR)
        .values("pengguna_id", "peran")
        .annotate(n=Count("id"))
    ):
        beban.setdefault(baris["pengguna_id"], {})[baris["peran"]] = baris["n"]
    konflik = set(
        KonflikKepentingan.objects.filter(sengketa_id=sengketa_id, pengguna_id__in=ids).values_list(
            "pengguna_id", flat=True
        )
    )
    return [
        {
            "nama": u.get_full_name() or u.get_username(),
            "username": u.get_username(),
            "beban": [beban.get(u.pk, {}).get(p, 0) for p in PERAN_BEBAN],
            "jumlah": sum(beban.get(u.pk, {}).values()),
            "konflik": u.pk in konflik,
        }
        for u in pengguna
    ]


def panel_penugasan(request, sengketa, aksi_tersedia, gagal) -> dict:
    pengguna = request.user
    if not izin.komisi_pengguna(pengguna) & {sengketa.komisi_id}:
        return {}
    staf = pilihan_staf(
        sengketa.komisi_id,
        (Peran.KOMISIONER, Peran.KETUA, Peran.PANITERA, Peran.PANITERA_PENGGANTI),
    )
    konteks = {
        "beban": None,
        "peran_beban": [LABEL_PERAN[p] for p in PERAN_BEBAN],
        "konflik": list(
            KonflikKepentingan.objects.filter(sengketa=sengketa)
            .select_related("pengguna")
            .order_by("dinyatakan_pada", "pk")
        ),
        "form_konflik": _form(gagal, "konflik", KonflikForm, pilihan_pengguna=staf),
        "form_ajukan": None,
        "permohonan": [],
    }
    if {"tetapkan_majelis", "mulai_mediasi"} & set(aksi_tersedia):
        konteks["beban"] = beban_komisioner(sengketa.komisi_id, sengketa.pk)
    aktif = sengketa.penugasan_aktif
    if (
        sengketa.status in (StatusSengketa.TEREGISTRASI, StatusSengketa.PEMERIKSAAN_AWAL)
        and aktif
        and izin.boleh(pengguna, sengketa, "ajukan_penggantian")
    ):
        konteks["form_ajukan"] = _form(
            gagal,
            "penggantian",
            PenggantianAjukanForm,
            pilihan_pihak=[(p.pk, p.nama) for p in sengketa.pihak.all()],
            pilihan_penugasan=[
                (p.pk, f"{p.get_peran_display()}: {p.pengguna.get_full_name() or p.pengguna}")
                for p in aktif
            ],
        )
    boleh_putus = izin.boleh(pengguna, sengketa, "putuskan_penggantian")
    for p in (
        PermohonanPenggantian.objects.filter(sengketa=sengketa)
        .select_related("pemohon_penggantian", "penugasan__pengguna", "pengganti")
        .order_by("tanggal_permohonan", "pk")
    ):
        menunggu = p.keputusan == KeputusanPenggantian.MENUNGGU
        konteks["permohonan"].append(
            {
                "obj": p,
                "form": _form(
                    gagal, f"penggantian-{p.pk}", PenggantianPutuskanForm, pilihan_pengguna=staf
                )
                if menunggu and boleh_putus
                else None,
            }
        )
    return konteks


class KonflikView(StafMixin, View):
    def post(self, request, pk: int):
        sengketa = _sengketa_terlihat_atau_404(request.user, pk)
        staf = pilihan_staf(
            sengketa.komisi_id,
            (Peran.KOMISIONER, Peran.KETUA, Peran.PANITERA, Peran.PANITERA_PENGGANTI),
        )
        form = KonflikForm(request.POST, prefix="konflik", pilihan_pengguna=staf)
        return jalankan(
            request,
            pk,
            "konflik",
            form,
            lambda f: layanan_penugasan.konflik_nyatakan(
                sengketa_id=pk, oleh=request.user, **f.cleaned_data
            ),
            selesai("nyatakan_konflik"),
        )


class PenggantianAjukanView(StafMixin, View):
    def post(self, request, pk: int):
        sengketa = _sengketa_terlihat_atau_404(request.user, pk)
        aktif = Penugasan.objects.filter(sengketa=sengketa, aktif=True).select_related("pengguna")
        form = PenggantianAjukanForm(
            request.POST,
            prefix="penggantian",
            pilihan_pihak=[(p.pk, p.nama) for p in sengketa.pihak.all()],
            pilihan_penugasan=[(p.pk, str(p)) for p in aktif],
        )

        def panggil(f):
            d = f.cleaned_data
            return layanan_penugasan.penggantian_ajukan(
                sengketa_id=pk,
                oleh=request.user,
                pihak=d["pihak"],
                penugasan_id=d["penugasan"],
                alasan=d["alasan"],
                tanggal=d.get("tanggal"),
            )

        return jalankan(request, pk, "penggantian", form, panggil, selesai("ajukan_penggantian"))


class PenggantianPutuskanView(StafMixin, View):
    def post(self, request, pk: int):
        permohonan = get_object_or_404(
            PermohonanPenggantian.objects.filter(sengketa__in=sengketa_terlihat(request.user)),
            pk=pk,
        )
        sengketa = permohonan.sengketa
        kunci = f"penggantian-{pk}"
        staf = pilihan_staf(
            sengketa.komisi_id,
            (Peran.KOMISIONER, Peran.KETUA, Peran.PANITERA, Peran.PANITERA_PENGGANTI),
        )
        form = PenggantianPutuskanForm(request.POST, prefix=kunci, pilihan_pengguna=staf)

        def panggil(f):
            d = f.cleaned_data
            return layanan_penugasan.penggantian_putuskan(
                permohonan_id=pk,
                oleh=request.user,
                dikabulkan=d["dikabulkan"],
                pertimbangan=d["pertimbangan"],
                pengganti=d.get("pengganti") or None,
                tanggal=d.get("tanggal"),
            )

        return jalankan(request, sengketa.pk, kunci, form, panggil, selesai("putuskan_penggantian"))
