"""Pages of the online filing. They translate HTTP: what was typed goes to the draft, files to
the upload check, the submission to the one intake service (layanan.draft_ajukan)."""

from contextlib import suppress
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from dokumen.format import pukul, tanggal_panjang
from dokumen.models import Dokumen, JenisDokumen, StatusDokumen
from dokumen.selectors import boleh_unduh
from sengketa import izin
from sengketa.galat import KesalahanProsedur
from sengketa.kalender import Kalender, format_tanggal
from sengketa.models import Alasan, BadanPublik, Saluran
from sengketa.peran import Peran
from sengketa.waktu import hari_ini, singkatan_zona, tanggal_lokal
from workflows.layanan.permohonan import peringatan_pengajuan

from ..models import JenisLampiran, Lampiran
from ..unggahan import (
    PenjagaUkuran,
    batas,
    ekstensi_diizinkan,
    nama_format,
    nama_unduhan,
    ukuran_teks,
)
from . import layanan
from .forms import BANTUAN_ALASAN, BANTUAN_LAMPIRAN, KomisiForm, PengajuanForm, lampiran_wajib
from .jendela import jendela_pengajuan
from .selectors import boleh_unduh_lampiran, draft_milik, urut_lampiran

# Where each kind of button sends the applicant back to on the page.
JANGKAR = {"tambah_informasi": "informasi", "periksa_tenggat": "kronologi"}


def _url_masuk() -> str:
    try:
        return reverse("portal:akun_masuk")
    except NoReverseMatch:
        return settings.LOGIN_URL


def perlu_pihak(view):
    """Logged in with a party account (the intake service files only for such accounts)."""

    @wraps(view)
    def bungkus(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), _url_masuk())
        if Peran.PIHAK not in izin.grup_peran(request.user):
            return render(request, "portal/pengajuan/bukan_pihak.html", status=403)
        return view(request, *args, **kwargs)

    return bungkus


def _draft(request, pk: int):
    """The user's own draft; anybody else's does not exist (404, nothing leaks)."""
    draft = draft_milik(request.user).filter(pk=pk).first()
    if draft is None:
        raise Http404
    return draft


def _url_ubah(draft, jangkar: str = "") -> str:
    url = reverse("portal:pengajuan_ubah", args=[draft.pk])
    return f"{url}#{jangkar}" if jangkar else url


# -- start: choose the commission, continue a draft -----------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@perlu_pihak
def mulai(request):
    if request.method == "POST":
        form = KomisiForm(request.POST)
        if form.is_valid():
            draft = layanan.draft_buat(pengguna=request.user, komisi=form.cleaned_data["komisi"])
            return redirect(_url_ubah(draft))
    else:
        kode = request.GET.get("komisi") or settings.KOMISI_DEFAULT
        komisi = KomisiForm.base_fields["komisi"].queryset.filter(kode=kode).first()
        form = KomisiForm(initial={"komisi": komisi})
    semua = list(draft_milik(request.user))
    return render(
        request,
        "portal/pengajuan/mulai.html",
        {
            "form": form,
            "draf": [_ringkas(d) for d in semua if not d.sengketa_id],
            "diajukan": [_ringkas(d) for d in semua if d.sengketa_id],
        },
        status=400 if form.errors else 200,
    )


def _ringkas(draft) -> dict:
    """A draft in the list: when it was last saved (the commission's zone), against whom."""
    komisi = draft.komisi
    waktu = draft.diajukan_pada or draft.diubah_pada
    badan = BadanPublik.objects.filter(
        pk=_angka(draft.data.get("badan_publik")), komisi=komisi
    ).first()
    return {
        "draft": draft,
        "waktu": f"{format_tanggal(tanggal_lokal(komisi, waktu))}, {pukul(waktu, komisi)}",
        "badan": badan.nama if badan else "",
    }


def _angka(nilai) -> int:
    try:
        return int(nilai)
    except (TypeError, ValueError):
        return 0


# -- the form ---------------------------------------------------------------------------


@csrf_exempt
def ubah(request, pk: int):
    # The size guard must come before the body is read, hence before the CSRF check, which
    # reads it; the check then runs in _ubah (Django's documented pattern).
    if request.method == "POST":
        # If the body was already read, the per-file check of periksa_berkas still applies.
        with suppress(AttributeError):
            request.upload_handlers.insert(0, PenjagaUkuran(request))
    return _ubah(request, pk)


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
@perlu_pihak
def _ubah(request, pk: int):
    draft = _draft(request, pk)
    if draft.sengketa_id:
        return redirect("portal:pengajuan_tanda_terima", draft.pk)
    if request.method == "GET":
        return _tampilkan(request, draft, lengkap=request.GET.get("periksa") == "1")
    aksi = request.POST.get("aksi", "simpan")
    data = layanan.data_dari_post(request.POST)
    layanan.ubah_butir(data, aksi)
    if not layanan.draft_simpan(draft, data):
        return redirect("portal:pengajuan_tanda_terima", draft.pk)
    hasil = layanan.lampiran_unggah(
        draft_id=draft.pk,
        pengguna=request.user,
        berkas={j.value: request.FILES.getlist(f"lampiran_{j.value}") for j in JenisLampiran},
        terlalu_besar_list=getattr(request, "unggahan_terlalu_besar", ()),
    )
    _kabarkan_unggahan(request, hasil)
    if aksi.startswith("hapus_lampiran-"):
        _hapus_lampiran(request, aksi)
    if hasil.ditolak:
        lengkap = aksi == "tinjau"  # asked to submit: say everything that stands in the way
        return _tampilkan(request, draft, lengkap=lengkap, ditolak=hasil.ditolak, status=400)
    if aksi == "tinjau":
        form, kurang = layanan.form_lengkap(draft)
        if not form.errors and not kurang:
            return redirect("portal:pengajuan_tinjau", draft.pk)
        return _tampilkan(request, draft, lengkap=True, status=400)
    if aksi == "periksa_tenggat":
        return _tampilkan(request, draft)
    if aksi == "simpan_keluar":
        messages.success(request, _("The draft was saved. Continue it here whenever you like."))
        return redirect("portal:pengajuan_mulai")
    messages.success(request, _("The draft was saved. You can continue it later."))
    return redirect(_url_ubah(draft, _jangkar(aksi, data)))


def _jangkar(aksi: str, data: dict) -> str:
    if aksi == "tambah_informasi":
        return f"informasi-{len(data['informasi']) - 1}"
    if aksi.startswith(("hapus_informasi", "hapus_lampiran")):
        return "informasi" if aksi.startswith("hapus_informasi") else "lampiran"
    return JANGKAR.get(aksi, "")


def _kabarkan_unggahan(request, hasil) -> None:
    for lp in hasil.diterima:
        messages.success(
            request,
            _("“%(nama)s” was received as “%(jenis)s”.")
            % {"nama": lp.nama_asli, "jenis": lp.get_jenis_display()},
        )
    for catatan in hasil.catatan:
        messages.warning(request, catatan)


def _hapus_lampiran(request, aksi: str) -> None:
    try:
        lampiran_id = int(aksi.split("-", 1)[1])
    except ValueError:
        return
    lampiran = layanan.lampiran_hapus(lampiran_id=lampiran_id, pengguna=request.user)
    if lampiran is not None:
        messages.success(request, _("“%(nama)s” was removed.") % {"nama": lampiran.nama_asli})


def _tampilkan(request, draft, *, lengkap=False, ditolak=(), status=200):
    hari = hari_ini(draft.komisi)
    form = PengajuanForm(data=draft.data, komisi=draft.komisi, hari=hari, lengkap=lengkap)
    form.is_valid()
    lampiran = urut_lampiran(draft.lampiran.all())
    kurang = []
    if lengkap:
        ada = {lp.jenis for lp in lampiran}
        kurang = [j for j in lampiran_wajib(draft.data) if j not in ada]
    bagian_lampiran = _bagian_lampiran(draft, lampiran, kurang, ditolak)
    konteks = {
        "draft": draft,
        "komisi": draft.komisi,
        "form": form,
        "informasi": draft.data.get("informasi") or [""],
        "alasan": _alasan(form),
        "jendela": _jendela(draft.komisi, form, hari),
        "lampiran": bagian_lampiran,
        "ditolak": ditolak,
        "ringkasan_galat": _ringkasan_galat(form, kurang, ditolak),
        "batas_berkas": ukuran_teks(batas("UNGGAHAN_MAKS_BERKAS")),
        "batas_perkara": ukuran_teks(batas("UNGGAHAN_MAKS_PERKARA")),
        "terpakai": ukuran_teks(sum(lp.ukuran for lp in lampiran)),
        "batas_berkas_byte": batas("UNGGAHAN_MAKS_BERKAS"),
        "lengkap": lengkap,
    }
    return render(request, "portal/pengajuan/formulir.html", konteks, status=status)


def _alasan(form) -> list[dict]:
    dipilih = set(form["alasan"].value() or [])
    return [
        {
            "kode": a.value,
            "label": a.label,
            "bantuan": BANTUAN_ALASAN[a],
            "dipilih": a.value in dipilih,
        }
        for a in Alasan
    ]


def _jendela(komisi, form, hari):
    """The filing window, once the dates it depends on are given and valid."""
    d = getattr(form, "cleaned_data", {})
    if not d.get("tanggal_keberatan") or form.has_error("tanggal_tanggapan_atasan"):
        return None
    if form.has_error("tanggal_keberatan"):
        return None
    return jendela_pengajuan(
        komisi,
        tanggal_keberatan=d["tanggal_keberatan"],
        tanggal_tanggapan_atasan=d.get("tanggal_tanggapan_atasan"),
        hari=hari,
    )


def _bagian_lampiran(draft, lampiran, kurang, ditolak) -> list[dict]:
    wajib = set(lampiran_wajib(draft.data))
    return [
        {
            "jenis": j.value,
            "label": j.label,
            "bantuan": BANTUAN_LAMPIRAN[j],
            "wajib": j.value in wajib,
            "kurang": j.value in kurang,
            "accept": ekstensi_diizinkan(j.value),
            "format": nama_format(j.value),
            "berkas": [lp for lp in lampiran if lp.jenis == j.value],
        }
        for j in JenisLampiran
    ]


def _ringkasan_galat(form, kurang, ditolak) -> list[tuple[str, str]]:
    """(anchor, message) of every problem, for the summary at the top of the page."""
    hasil = []
    for bf in form:
        for pesan in bf.errors:
            jangkar = {
                "informasi": "informasi",
                "alasan": "alasan",
                "pemohon_jenis": "id_pemohon_jenis_0",
            }.get(bf.name, bf.auto_id)
            hasil.append((jangkar, f"{bf.label}: {pesan}"))
    for pesan in form.non_field_errors():
        hasil.append(("", pesan))
    for jenis in kurang:
        hasil.append(
            (
                f"lampiran-{jenis}",
                _("Attach: %(jenis)s.") % {"jenis": JenisLampiran(jenis).label},
            )
        )
    for galat in ditolak:
        hasil.append(("lampiran", str(galat)))
    return hasil


# -- review and submit ----------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@perlu_pihak
def tinjau(request, pk: int):
    draft = _draft(request, pk)
    if draft.sengketa_id:
        return redirect("portal:pengajuan_tanda_terima", draft.pk)
    form, kurang = layanan.form_lengkap(draft)
    if form.errors or kurang:
        messages.warning(request, _("Some information is still missing; see below."))
        return redirect(_url_ubah(draft) + "?periksa=1")
    galat_pernyataan = ""
    if request.method == "POST":
        if request.POST.get("pernyataan"):
            return _ajukan(request, draft)
        galat_pernyataan = _("Tick the statement to submit the application.")
    d = form.cleaned_data
    konteks = {
        "draft": draft,
        "komisi": draft.komisi,
        "d": d,
        "jenis_label": dict(form.fields["pemohon_jenis"].choices).get(d["pemohon_jenis"]),
        "tanggal": {k: format_tanggal(v) for k, v in d.items() if k.startswith("tanggal_") and v},
        "alasan": [(a.label, BANTUAN_ALASAN[a]) for a in Alasan if a.value in d["alasan"]],
        "jendela": _jendela(draft.komisi, form, hari_ini(draft.komisi)),
        "lampiran": urut_lampiran(draft.lampiran.all()),
        "galat_pernyataan": galat_pernyataan,
        "saran_lampiran": _saran_lampiran(draft, d),
    }
    return render(
        request, "portal/pengajuan/tinjau.html", konteks, status=400 if galat_pernyataan else 200
    )


def _saran_lampiran(draft, d) -> list[str]:
    """Answers the applicant says it received but did not attach: a hint, not a condition."""
    ada = {lp.jenis for lp in draft.lampiran.all()}
    saran = []
    if d.get("tanggal_tanggapan_ppid") and JenisLampiran.JAWABAN_PERMOHONAN not in ada:
        saran.append(JenisLampiran.JAWABAN_PERMOHONAN.label)
    if d.get("tanggal_tanggapan_atasan") and JenisLampiran.TANGGAPAN_KEBERATAN not in ada:
        saran.append(JenisLampiran.TANGGAPAN_KEBERATAN.label)
    return saran


def _ajukan(request, draft):
    try:
        hasil = layanan.draft_ajukan(draft_id=draft.pk, pengguna=request.user)
    except layanan.PengajuanBelumLengkap:
        messages.error(request, _("The application could not be submitted; see below."))
        return redirect(_url_ubah(draft) + "?periksa=1")
    except KesalahanProsedur as galat:
        messages.error(request, str(galat))
        return redirect(_url_ubah(draft))
    if hasil.baru:
        messages.success(request, _("Your application was received."))
    return redirect("portal:pengajuan_tanda_terima", draft.pk)


# -- the receipt --------------------------------------------------------------------------


@never_cache
@require_GET
@perlu_pihak
def tanda_terima(request, pk: int):
    draft = _draft(request, pk)
    if not draft.sengketa_id:
        return redirect(_url_ubah(draft))
    s = draft.sengketa
    komisi = draft.komisi
    dok = (
        Dokumen.objects.filter(sengketa=s, jenis=JenisDokumen.TANDA_TERIMA, format="pdf")
        .select_related("sengketa", "pihak")
        .order_by("-versi")
        .first()
    )
    pemohon = s.pemohon
    konteks = {
        "draft": draft,
        "sengketa": s,
        "komisi": komisi,
        "tanggal": tanggal_panjang(tanggal_lokal(komisi, draft.diajukan_pada)),
        "pukul": pukul(draft.diajukan_pada, komisi),
        "zona": singkatan_zona(komisi),
        "saluran": Saluran(s.saluran).label,
        "pemohon": pemohon,
        "kuasa": [k for k in pemohon.kuasa.all() if k.aktif],
        "termohon": s.termohon,
        "informasi": [i.uraian for i in s.informasi_diminta.all()],
        "lampiran": urut_lampiran(s.lampiran_portal.all()),
        "dokumen": dok,
        "dokumen_siap": dok is not None and boleh_unduh(request.user, dok),
        "dokumen_gagal": dok is not None and dok.status == StatusDokumen.GAGAL,
        "peringatan": [str(p) for p in peringatan_pengajuan(s, Kalender.untuk(komisi))],
    }
    return render(request, "portal/pengajuan/tanda_terima.html", konteks)


# -- deleting a draft ---------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@perlu_pihak
def hapus(request, pk: int):
    draft = _draft(request, pk)
    if draft.sengketa_id:
        raise Http404
    if request.method == "POST":
        layanan.draft_hapus(draft_id=draft.pk, pengguna=request.user)
        messages.success(request, _("The draft was deleted."))
        return redirect("portal:pengajuan_mulai")
    return render(request, "portal/pengajuan/hapus.html", {"draft": draft})


# -- attachment download ------------------------------------------------------------------


@require_GET
def lampiran(request, pk: int):
    # One answer for "does not exist" and "not yours": nothing leaks about other files.
    lp = Lampiran.objects.select_related("draft", "sengketa").filter(pk=pk).first()
    if lp is None or not boleh_unduh_lampiran(request.user, lp):
        raise Http404
    respons = FileResponse(
        lp.berkas.open("rb"),
        as_attachment=True,
        filename=nama_unduhan(lp.nama_asli, lp.tipe_konten),
        content_type=lp.tipe_konten,
    )
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Cache-Control"] = "private, no-store"
    return respons
