"""The back-office menu shows a link only to the users who may open its page (issue 3).

The rule of a page is asked of the page's own view, so there is one place for it: the menu
resolves the link's URL name to its view class and calls the view's `boleh_akses(pengguna)`
(a static or class method that its `dispatch` uses too). A view without one is open to every
staff member when it is a `StafMixin` view (that is the mixin's rule), else to any logged-in
user.

In templates (context processor `menu_kantor`, settings.TEMPLATES):

    {% if menu_kantor.libur %}<a href="{% url 'kantor:libur' %}">...</a>{% endif %}

A bare name is in the `kantor` namespace; another namespace goes through the `boleh_buka`
filter of `alur_kantor`: `{% if menu_kantor|boleh_buka:"portal:beranda" %}`. Each answer is
computed once per request, only for the links a page actually shows.
"""

from functools import cache

from django.urls import resolve, reverse

from . import selectors as sel


@cache
def _kelas_view(nama_url: str):
    """The view class behind a URL name without arguments (the URLconf does not change)."""
    fungsi = resolve(reverse(nama_url)).func
    return getattr(fungsi, "view_class", None)


def boleh_buka(pengguna, nama_url: str) -> bool:
    """May this user open the page of `nama_url` (what its view's dispatch decides)?"""
    from .views import StafMixin

    if not (pengguna.is_authenticated and pengguna.is_active):
        return False
    kelas = _kelas_view(nama_url)
    aturan = getattr(kelas, "boleh_akses", None)
    if kelas is not None and issubclass(kelas, StafMixin) and not sel.adalah_staf(pengguna):
        return False
    return aturan(pengguna) if aturan else True


class Menu:
    """`menu_kantor.<url name>` in a template: True when the user may open that page."""

    def __init__(self, pengguna):
        self.pengguna = pengguna
        self._jawaban: dict[str, bool] = {}

    def __getitem__(self, nama: str) -> bool:
        nama_url = nama if ":" in nama else f"kantor:{nama}"
        if nama_url not in self._jawaban:
            self._jawaban[nama_url] = boleh_buka(self.pengguna, nama_url)
        return self._jawaban[nama_url]


def menu_kantor(request) -> dict:
    """Context processor: one `Menu` per request, shared by every template it renders."""
    menu = getattr(request, "_menu_kantor", None)
    if menu is None:
        from django.contrib.auth.models import AnonymousUser

        menu = Menu(getattr(request, "user", None) or AnonymousUser())
        request._menu_kantor = menu
    return {"menu_kantor": menu}
