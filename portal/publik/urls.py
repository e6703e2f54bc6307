"""URL patterns of portal.publik (joined into portal.urls under the 'portal' namespace).
Document verification (/verifikasi/) is served by dokumen.urls."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("jadwal/", views.jadwal, name="jadwal"),
    path("jadwal/<slug:kode>.ics", views.jadwal_ical, name="jadwal_ical"),
    path("putusan/", views.putusan, name="putusan"),
    path("putusan/<int:pk>/", views.putusan_detail, name="putusan_detail"),
    path("putusan/<int:pk>/unduh/", views.putusan_unduh, name="putusan_unduh"),
    path("lacak/", views.lacak, name="lacak"),
]
