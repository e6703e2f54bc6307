from django.urls import path
from django.views.generic import RedirectView

from . import aksi, gagal, jadwal, libur, views

app_name = "kantor"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="kantor:tugas"), name="index"),
    path("masuk/", views.MasukView.as_view(), name="masuk"),
    path("keluar/", views.KeluarView.as_view(), name="keluar"),
    path("tugas/", views.DaftarTugasView.as_view(), name="tugas"),
    path("antrean/", views.DaftarTugasView.as_view(antrean=True), name="antrean"),
    path("tenggat/", views.TenggatView.as_view(), name="tenggat"),
    path("permohonan/baru/", views.PermohonanBaruView.as_view(), name="permohonan_baru"),
    path("sengketa/<int:pk>/", views.SengketaView.as_view(), name="sengketa"),
    path(
        "sengketa/<int:pk>/transisi/<slug:nama>/",
        views.TransisiView.as_view(),
        name="transisi",
    ),
    # Hearings: the calendar and the actions of the case page.
    path("jadwal/", jadwal.KalenderSidangView.as_view(), name="jadwal"),
    path(
        "sengketa/<int:pk>/sidang/jadwalkan/",
        aksi.JadwalkanSidangView.as_view(),
        name="sidang_jadwalkan",
    ),
    path("sidang/<int:pk>/<slug:aksi>/", aksi.AksiSidangView.as_view(), name="sidang_aksi"),
    path(
        "panggilan/<int:pk>/diterima/",
        aksi.PanggilanDiterimaView.as_view(),
        name="panggilan_diterima",
    ),
    # Assignments: conflicts of interest and recusal.
    path("sengketa/<int:pk>/konflik/", aksi.KonflikView.as_view(), name="konflik"),
    path(
        "sengketa/<int:pk>/penggantian/",
        aksi.PenggantianAjukanView.as_view(),
        name="penggantian_ajukan",
    ),
    path(
        "penggantian/<int:pk>/putuskan/",
        aksi.PenggantianPutuskanView.as_view(),
        name="penggantian_putuskan",
    ),
    # The holiday calendar of a commission.
    path("libur/", libur.LiburView.as_view(), name="libur"),
    path("libur/<int:pk>/ubah/", libur.LiburUbahView.as_view(), name="libur_ubah"),
    path("libur/<int:pk>/hapus/", libur.LiburHapusView.as_view(), name="libur_hapus"),
    path("libur/penangguhan/", libur.PenangguhanView.as_view(), name="penangguhan"),
    # Failed background work.
    path("tugas-gagal/", gagal.TugasGagalView.as_view(), name="tugas_gagal"),
    path(
        "tugas-gagal/notifikasi/<int:pk>/",
        gagal.CobaLagiNotifikasiView.as_view(),
        name="coba_lagi_notifikasi",
    ),
    path(
        "tugas-gagal/dokumen/<int:pk>/",
        gagal.CobaLagiDokumenView.as_view(),
        name="coba_lagi_dokumen",
    ),
    path(
        "tugas-gagal/antrean/<str:pk>/",
        gagal.CobaLagiAntreanView.as_view(),
        name="coba_lagi_antrean",
    ),
]
