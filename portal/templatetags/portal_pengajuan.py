"""Template tags of the online filing for other pages (the registry's case page)."""

from django import template

from ..pengajuan.selectors import lampiran_portal as _lampiran_portal

register = template.Library()


@register.simple_tag
def lampiran_portal(sengketa, pengguna):
    """The files filed online with `sengketa`, for staff of its commission (else empty)."""
    return _lampiran_portal(sengketa, pengguna)
