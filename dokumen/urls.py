"""Document downloads and public verification."""

from django.urls import path

from . import views

app_name = "dokumen"

urlpatterns = [
    path("verifikasi/", views.verifikasi_unggah, name="verifikasi_unggah"),
    path("verifikasi/<str:kode>/", views.verifikasi, name="verifikasi"),
    path("dokumen/<int:pk>/unduh/", views.unduh, name="unduh"),
]
