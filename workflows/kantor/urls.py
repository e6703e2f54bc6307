from django.urls import path
from django.views.generic import RedirectView

from . import views

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
]
