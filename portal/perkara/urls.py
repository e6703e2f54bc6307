"""URL patterns of portal.perkara (joined into portal.urls under the 'portal' namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("perkara/", views.DaftarView.as_view(), name="perkara_saya"),
    path("perkara/<int:pk>/", views.DetailView.as_view(), name="perkara_detail"),
    path("perkara/<int:pk>/cabut/", views.CabutView.as_view(), name="perkara_cabut"),
]
