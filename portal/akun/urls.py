"""URL patterns of portal.akun (joined into portal.urls under the 'portal' namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("akun/daftar/", views.DaftarView.as_view(), name="akun_daftar"),
    path("akun/verifikasi/kirim-ulang/", views.KirimUlangView.as_view(), name="akun_kirim_ulang"),
    path("akun/verifikasi/<str:token>/", views.verifikasi, name="akun_verifikasi"),
    path("akun/masuk/", views.MasukView.as_view(), name="akun_masuk"),
    path("akun/keluar/", views.KeluarView.as_view(), name="akun_keluar"),
    path("akun/profil/", views.ProfilView.as_view(), name="akun_profil"),
    path("akun/kata-sandi/", views.GantiSandiView.as_view(), name="akun_ganti_sandi"),
    path("akun/reset/", views.ResetView.as_view(), name="akun_reset"),
    path("akun/reset/terkirim/", views.ResetTerkirimView.as_view(), name="akun_reset_terkirim"),
    path(
        "akun/reset/<uidb64>/<token>/",
        views.ResetKonfirmasiView.as_view(),
        name="akun_reset_konfirmasi",
    ),
    path("akun/reset/selesai/", views.ResetSelesaiView.as_view(), name="akun_reset_selesai"),
]
