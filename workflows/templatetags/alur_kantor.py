"""Template tags of the back office's workflow parts, so that a section can be added to a
page with one include line and no change to the page's view (the case page is built by
workflows.kantor.views; the reassignment section brings its own data)."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def pengalihan_kasus(context) -> dict:
    """The reassignment section of the case page: `{% pengalihan_kasus as p %}` in a page
    whose context has `request` and `sengketa`."""
    from workflows.kantor.pengalihan import bagian_kasus

    return bagian_kasus(context["request"], context["sengketa"])


@register.filter
def boleh_buka(menu, nama_url: str) -> bool:
    """`{% if menu_kantor|boleh_buka:"ns:name" %}`: a menu rule for a URL of any namespace."""
    return bool(menu[nama_url]) if menu is not None else False


@register.simple_tag
def lampu(keadaan: str, label) -> str:
    """A deadline's light, `{% lampu keadaan label %}`: the mark of every list row and of the
    case page's deadlines. A tag rather than an included template, which cost a list page
    a template render per row."""
    if not keadaan:
        return ""
    return format_html('<span class="lampu lampu-{}">{}</span>', keadaan, label)
