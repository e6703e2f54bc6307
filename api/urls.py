"""REST API v1 (design/api-v1.md), mounted at /api/ by config/urls.py."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from workflows.layanan import LAYANAN_TRANSISI

from . import views as v

app_name = "api"

urlpatterns = [
    path("v1/auth/token/", v.TokenView.as_view(), name="token"),
    path("v1/komisi/", v.KomisiView.as_view(), name="komisi"),
    path("v1/badan-publik/", v.BadanPublikView.as_view(), name="badan-publik"),
    path("v1/sengketa/", v.SengketaListView.as_view(), name="sengketa-list"),
    path("v1/sengketa/<int:pk>/", v.SengketaDetailView.as_view(), name="sengketa-detail"),
    # One route per transition, so that the schema documents each body; unknown names 404.
    *[
        path(f"v1/sengketa/<int:pk>/transisi/{nama}/", v.view_transisi(nama), name=f"t-{nama}")
        for nama in LAYANAN_TRANSISI
    ],
    path(
        "v1/sengketa/<int:pk>/transisi/<str:nama>/",
        v.TransisiTakDikenalView.as_view(),
        name="transisi",
    ),
    path("v1/sengketa/<int:pk>/sidang/", v.SidangBaruView.as_view(), name="sidang-baru"),
    path("v1/sidang/<int:pk>/tunda/", v.SidangTundaView.as_view(), name="sidang-tunda"),
    path("v1/sidang/<int:pk>/selesai/", v.SidangSelesaiView.as_view(), name="sidang-selesai"),
    path(
        "v1/panggilan/<int:pk>/diterima/",
        v.PanggilanDiterimaView.as_view(),
        name="panggilan-diterima",
    ),
    path("v1/sengketa/<int:pk>/dokumen/", v.SengketaDokumenView.as_view(), name="sengketa-dokumen"),
    path("v1/dokumen/<int:pk>/unduh/", v.DokumenUnduhView.as_view(), name="dokumen-unduh"),
    path("v1/verifikasi/berkas/", v.VerifikasiBerkasView.as_view(), name="verifikasi-berkas"),
    path("v1/verifikasi/<str:kode>/", v.VerifikasiKodeView.as_view(), name="verifikasi"),
    path("v1/statistik/", v.StatistikView.as_view(), name="statistik"),
    path("v1/kalender/hari-kerja/", v.HariKerjaView.as_view(), name="hari-kerja"),
    path("v1/kalender/libur/", v.LiburView.as_view(), name="libur"),
    path("v1/jadwal/", v.JadwalView.as_view(), name="jadwal"),
    path("v1/jadwal.ics", v.JadwalIcsView.as_view(), name="jadwal-ics"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI served from our own static files (drf-spectacular-sidecar): no CDN. The split
    # view loads its start-up script as a file: the Content-Security-Policy forbids inline ones.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    # Last: whatever else ends in "/" is the API's JSON 404 (e.g. /api/v1/sengketa/abc/).
    re_path(r"^[\s\S]*/$", v.TakDikenalView.as_view(), name="tak-dikenal"),
]
