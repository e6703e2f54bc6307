"""The party portal and the public pages, one namespace ('portal').

Each part keeps its own patterns (akun: accounts; pengajuan: online filing; perkara: "my
cases"; publik: hearing calendar, rulings, tracker, statistics); names are prefixed by part."""

from django.urls import path

from . import views
from .akun.urls import urlpatterns as akun
from .pengajuan.urls import urlpatterns as pengajuan
from .perkara.urls import urlpatterns as perkara
from .publik.urls import urlpatterns as publik
from .statistik.urls import urlpatterns as statistik

app_name = "portal"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    *akun,
    *pengajuan,
    *perkara,
    *publik,
    *statistik,
]
