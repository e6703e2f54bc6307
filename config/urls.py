from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    # The staff back office (workflows.kantor): task lists, case pages, deadlines, intake.
    path("kantor/", include("workflows.kantor.urls")),
    path("", include("dokumen.urls")),
    # The party portal and the public pages (portal): filing, my cases, calendar, rulings.
    path("", include("portal.urls")),
]
