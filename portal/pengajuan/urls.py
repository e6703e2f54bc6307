"""URL patterns of portal.pengajuan (joined into portal.urls under the 'portal' namespace)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("pengajuan/", views.mulai, name="pengajuan_mulai"),
    path("pengajuan/<int:pk>/", views.ubah, name="pengajuan_ubah"),
    path("pengajuan/<int:pk>/tinjau/", views.tinjau, name="pengajuan_tinjau"),
    path("pengajuan/<int:pk>/tanda-terima/", views.tanda_terima, name="pengajuan_tanda_terima"),
    path("pengajuan/<int:pk>/hapus/", views.hapus, name="pengajuan_hapus"),
    path("pengajuan/lampiran/<int:pk>/", views.lampiran, name="pengajuan_lampiran"),
]
