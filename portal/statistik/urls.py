"""URL patterns of portal.statistik (joined into portal.urls under the 'portal' namespace)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("statistik/", views.statistik, name="statistik"),
]
