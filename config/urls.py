from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from workflows.kantor.dua_faktor import lindungi_admin

# The admin logs in through the back office (password, then the second factor if any).
lindungi_admin(admin.site)
# A database outage outside a view is a 503 in Indonesian too (config/keamanan.py).
handler500 = "config.keamanan.galat_server"


def favikon(request):
    # Browsers ask for /favicon.ico whatever the page links; answer it instead of a 404 per visit.
    return redirect(static("portal/favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favikon),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    # The staff back office (workflows.kantor): task lists, case pages, deadlines, intake.
    path("kantor/", include("workflows.kantor.urls")),
    path("", include("dokumen.urls")),
    # The party portal and the public pages (portal): filing, my cases, calendar, rulings.
    path("", include("portal.urls")),
]
