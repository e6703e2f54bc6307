"""The documents section of the back office's case page (issue 3: "hearings with summonses
...; documents"), added with one include line like the other sections of that page: the
letters, penetapan and rulings the case has issued, each version on one row with its PDF and
DOCX, for the staff of the case's commission (dokumen.selectors.boleh_unduh decides the
download itself)."""

from django import template

from dokumen.models import Dokumen
from dokumen.selectors import adalah_staf
from sengketa.kalender import format_tanggal
from sengketa.waktu import tanggal_lokal

register = template.Library()


@register.simple_tag
def dokumen_kasus(sengketa, pengguna) -> list[dict]:
    """One row per document version (type, number, addressee, version), oldest first; its
    renditions in `format` with `siap` true when the file can be downloaded. Two queries."""
    if sengketa is None or not adalah_staf(pengguna, sengketa.komisi_id):
        return []
    baris: dict[tuple, dict] = {}
    for d in Dokumen.objects.filter(sengketa=sengketa).select_related("pihak").order_by("id"):
        kunci = (d.jenis, d.nomor, d.pihak_id, d.versi)
        terbit = d.diterbitkan_pada
        b = baris.setdefault(
            kunci,
            {
                "jenis": d.get_jenis_display(),
                "nomor": d.nomor,
                "kepada": d.pihak.nama if d.pihak_id else "",
                "versi": d.versi,
                "status": d.status,
                "status_label": d.get_status_display(),
                "tanggal": format_tanggal(tanggal_lokal(sengketa.komisi, terbit), dengan_hari=False)
                if terbit
                else "",
                "format": [],
            },
        )
        b["format"].append({"dok": d, "siap": d.terbit and bool(d.berkas)})
    return list(baris.values())
