"""Forms of the back office. They only turn what was typed into Python values (lines into
lists, yes/no into booleans); every rule of the procedure is the service's to check, and its
ParameterTidakValid is shown next to the field it names (`tampilkan_galat`)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from sengketa.aturan import LABEL_BUTIR
from sengketa.models import (
    Alasan,
    Amar,
    BadanPublik,
    DasarPutusanSela,
    JenisPemohon,
    KomisiInformasi,
    Saluran,
    SebabMediasiGagal,
)
from sengketa.peran import Peran

# Labels of the transitions of siklus-sengketa.md §3 for buttons and headings.
LABEL_TRANSISI = {
    "minta_kelengkapan": _("Request completion of the file"),
    "registrasi": _("Register the case"),
    "tolak_registrasi": _("Refuse registration"),
    "tetapkan_majelis": _("Appoint the panel"),
    "catat_pemeriksaan_awal": _("Record the preliminary examination"),
    "mulai_mediasi": _("Start mediation"),
    "mulai_ajudikasi": _("Start adjudication"),
    "putusan_sela": _("Interlocutory ruling"),
    "limpahkan": _("Transfer to another commission"),
    "perpanjang_mediasi": _("Extend mediation"),
    "mediasi_berhasil": _("Mediation succeeded"),
    "mediasi_gagal": _("Mediation failed"),
    "tutup_pemeriksaan": _("Close the examination"),
    "bacakan_putusan": _("Read the ruling"),
    "catat_penerimaan_salinan": _("Record receipt of the ruling copy"),
    "catat_keberatan": _("Record a court objection"),
    "nyatakan_inkracht": _("Declare final and binding"),
    "catat_putusan_pengadilan": _("Record the court's ruling"),
    "cabut": _("Withdraw"),
    "gugurkan": _("Declare lapsed"),
    "koreksi": _("Correct (undo the last step)"),
}

YA_TIDAK = [("", "—"), ("1", _("Yes")), ("0", _("No"))]


class InputTanggal(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def medan_tanggal(label, *, required=False, **kw):
    return forms.DateField(label=label, required=required, widget=InputTanggal(), **kw)


def medan_ya_tidak(label):
    return forms.TypedChoiceField(
        label=label,
        choices=YA_TIDAK,
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class Baris(forms.CharField):
    """A textarea whose non-empty lines become a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        teks = super().to_python(value) or ""
        return [b.strip() for b in teks.splitlines() if b.strip()]


def tampilkan_galat(form: forms.Form, galat: dict) -> None:
    """Put a service's {field: [messages]} on the form: next to the field when it has one
    (`pemohon.nama` -> `pemohon_nama`, `kelengkapan.identitas` -> `kelengkapan`), else on top."""
    for medan, pesan_daftar in galat.items():
        nama = medan.replace(".", "_")
        if nama not in form.fields:
            nama = medan.split(".")[0]
        if nama not in form.fields:
            nama = {"termohon": "badan_publik"}.get(nama, nama)
        for pesan in pesan_daftar:
            form.add_error(nama if nama in form.fields else None, str(pesan))


def _label_pengguna(u) -> str:
    return u.get_full_name() or u.get_username()


def pilihan_staf(komisi_id: int, peran: tuple[str, ...]) -> list[tuple[str, str]]:
    pengguna = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name__in=peran,
            keanggotaan_komisi__komisi_id=komisi_id,
            keanggotaan_komisi__aktif=True,
        )
        .distinct()
        .order_by("first_name", "username")
    )
    return [(u.get_username(), _label_pengguna(u)) for u in pengguna]


# -- transitions -----------------------------------------------------------------------


class TransisiForm(forms.Form):
    """Fields every transition takes. `versi` is the id of the last history row the user saw:
    a second submission of the same form finds a newer row and is refused (views)."""

    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tanggal = medan_tanggal(
        _("Effective date"), help_text=_("Leave empty for today (the commission's time zone).")
    )
    atas_nama = forms.CharField(
        label=_("On behalf of"), required=False, max_length=250, help_text=_("Optional.")
    )

    # Fields passed to the service besides tanggal and atas_nama.
    parameter: tuple[str, ...] = ()

    def __init__(self, *args, sengketa=None, **kwargs):
        self.sengketa = sengketa
        super().__init__(*args, **kwargs)
        # Keep the common fields last, after the transition's own ones.
        for nama in ("tanggal", "atas_nama"):
            self.fields[nama] = self.fields.pop(nama)

    def parameter_layanan(self) -> dict:
        # Missing values go through as None: the service names what is missing.
        data = {nama: self.cleaned_data.get(nama) for nama in self.parameter}
        for nama in ("tanggal", "atas_nama"):
            if self.cleaned_data.get(nama):
                data[nama] = self.cleaned_data[nama]
        return data


class MintaKelengkapanForm(TransisiForm):
    kekurangan = Baris(
        label=_("Missing items"),
        required=False,
        help_text=_("One item per line, e.g. bukti_keberatan."),
    )
    parameter = ("kekurangan",)


class RegistrasiForm(TransisiForm):
    pengecualian_kelengkapan = forms.CharField(
        label=_("Completeness waiver (Perki 1/2013 Article 18)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    parameter = ("pengecualian_kelengkapan",)


class TetapkanMajelisForm(TransisiForm):
    ketua_majelis = forms.ChoiceField(label=_("Presiding commissioner"), required=False)
    anggota = forms.MultipleChoiceField(
        label=_("Panel members"), required=False, widget=forms.CheckboxSelectMultiple
    )
    panitera_pengganti = forms.ChoiceField(label=_("Substitute registrar (PP)"), required=False)
    parameter = ("ketua_majelis", "anggota", "panitera_pengganti")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        komisioner = pilihan_staf(self.sengketa.komisi_id, (Peran.KOMISIONER, Peran.KETUA))
        self.fields["ketua_majelis"].choices = [("", "—"), *komisioner]
        self.fields["anggota"].choices = komisioner
        self.fields["panitera_pengganti"].choices = [
            ("", "—"),
            *pilihan_staf(self.sengketa.komisi_id, (Peran.PANITERA, Peran.PANITERA_PENGGANTI)),
        ]


class CatatPemeriksaanAwalForm(TransisiForm):
    berwenang = medan_ya_tidak(_("The commission is competent"))
    legal_standing_pemohon = medan_ya_tidak(_("The applicant has standing"))
    legal_standing_termohon = medan_ya_tidak(_("The respondent is a public body"))
    dalam_jangka_waktu = medan_ya_tidak(_("Filed within time"))
    catatan = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    parameter = (
        "berwenang",
        "legal_standing_pemohon",
        "legal_standing_termohon",
        "dalam_jangka_waktu",
        "catatan",
    )


class MulaiMediasiForm(TransisiForm):
    mediator = forms.ChoiceField(label=_("Mediator"), required=False)
    mediator_pembantu = forms.ChoiceField(label=_("Assistant mediator"), required=False)
    persetujuan_para_pihak = forms.BooleanField(label=_("Both parties agreed"), required=False)
    parameter = ("mediator", "mediator_pembantu", "persetujuan_para_pihak")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        komisioner = pilihan_staf(self.sengketa.komisi_id, (Peran.KOMISIONER, Peran.KETUA))
        self.fields["mediator"].choices = [("", "—"), *komisioner]
        self.fields["mediator_pembantu"].choices = [("", "—"), *komisioner]


class MulaiAjudikasiForm(TransisiForm):
    mediasi_ditolak = forms.BooleanField(label=_("A party declined mediation"), required=False)
    parameter = ("mediasi_ditolak",)


class PutusanSelaForm(TransisiForm):
    dasar = forms.ChoiceField(
        label=_("Ground"), choices=[("", "—"), *DasarPutusanSela.choices], required=False
    )
    catatan = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    parameter = ("dasar", "catatan")


class LimpahkanForm(TransisiForm):
    komisi_tujuan = forms.ChoiceField(label=_("Receiving commission"), required=False)
    parameter = ("komisi_tujuan",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lain = KomisiInformasi.objects.exclude(pk=self.sengketa.komisi_id).order_by("nama")
        self.fields["komisi_tujuan"].choices = [("", "—"), *((k.kode, k.nama) for k in lain)]


class PerpanjangMediasiForm(TransisiForm):
    hari = forms.IntegerField(label=_("Working days"), required=False, min_value=1)
    persetujuan_para_pihak = forms.BooleanField(label=_("Both parties agreed"), required=False)
    parameter = ("hari", "persetujuan_para_pihak")


class MediasiBerhasilForm(TransisiForm):
    kesepakatan = Baris(label=_("Agreement points"), required=False, help_text=_("One per line."))
    jangka_waktu_pelaksanaan = forms.IntegerField(
        label=_("Performance period (working days)"), required=False, min_value=0
    )
    parameter = ("kesepakatan", "jangka_waktu_pelaksanaan")


class MediasiGagalForm(TransisiForm):
    sebab = forms.ChoiceField(
        label=_("Why it failed"), choices=[("", "—"), *SebabMediasiGagal.choices], required=False
    )
    kesepakatan_sebagian = forms.CharField(
        label=_("Partial agreement"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    parameter = ("sebab", "kesepakatan_sebagian")


class BacakanPutusanForm(TransisiForm):
    amar = forms.ChoiceField(
        label=_("Operative part"), choices=[("", "—"), *Amar.choices], required=False
    )
    isi_amar = forms.CharField(
        label=_("Text of the operative part"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    jangka_waktu_pelaksanaan = forms.IntegerField(
        label=_("Performance period (working days)"), required=False, min_value=0
    )
    tanggal_musyawarah = medan_tanggal(_("Deliberation date"))
    parameter = ("amar", "isi_amar", "jangka_waktu_pelaksanaan", "tanggal_musyawarah")


class _PihakForm(TransisiForm):
    pihak = forms.TypedChoiceField(label=_("Party"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pihak"].choices = [
            ("", "—"),
            *((p.pk, str(p)) for p in self.sengketa.pihak.all()),
        ]


class CatatPenerimaanSalinanForm(_PihakForm):
    tanggal_diterima = medan_tanggal(_("Copy received on"))
    parameter = ("pihak", "tanggal_diterima")


class CatatKeberatanForm(_PihakForm):
    pengadilan = forms.CharField(label=_("Court"), required=False, max_length=200)
    nomor_perkara = forms.CharField(label=_("Court case number"), required=False, max_length=200)
    parameter = ("pengadilan", "nomor_perkara", "pihak")


class CatatPutusanPengadilanForm(TransisiForm):
    pengadilan = forms.CharField(label=_("Court"), required=False, max_length=200)
    nomor = forms.CharField(label=_("Ruling number"), required=False, max_length=200)
    hasil = forms.CharField(
        label=_("Result"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    final = forms.BooleanField(label=_("Final (no further appeal)"), required=False)
    parameter = ("pengadilan", "nomor", "hasil", "final")


class CabutForm(TransisiForm):
    tanggal_surat = medan_tanggal(_("Date of the withdrawal letter"))
    alasan = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    parameter = ("tanggal_surat", "alasan")


class KoreksiForm(TransisiForm):
    alasan = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    parameter = ("alasan",)


FORM_TRANSISI = {
    "minta_kelengkapan": MintaKelengkapanForm,
    "registrasi": RegistrasiForm,
    "tolak_registrasi": TransisiForm,
    "tetapkan_majelis": TetapkanMajelisForm,
    "catat_pemeriksaan_awal": CatatPemeriksaanAwalForm,
    "mulai_mediasi": MulaiMediasiForm,
    "mulai_ajudikasi": MulaiAjudikasiForm,
    "putusan_sela": PutusanSelaForm,
    "limpahkan": LimpahkanForm,
    "perpanjang_mediasi": PerpanjangMediasiForm,
    "mediasi_berhasil": MediasiBerhasilForm,
    "mediasi_gagal": MediasiGagalForm,
    "tutup_pemeriksaan": TransisiForm,
    "bacakan_putusan": BacakanPutusanForm,
    "catat_penerimaan_salinan": CatatPenerimaanSalinanForm,
    "catat_keberatan": CatatKeberatanForm,
    "nyatakan_inkracht": TransisiForm,
    "catat_putusan_pengadilan": CatatPutusanPengadilanForm,
    "cabut": CabutForm,
    "gugurkan": TransisiForm,
    "koreksi": KoreksiForm,
}


# -- intake ----------------------------------------------------------------------------


class PermohonanForm(forms.Form):
    """A new application as the registry takes it in (api-v1.md `POST /sengketa/`)."""

    komisi = forms.ModelChoiceField(
        label=_("Commission"), queryset=KomisiInformasi.objects.none(), empty_label=None
    )
    pemohon_jenis = forms.ChoiceField(
        label=_("Applicant type"),
        choices=[(j.value, j.label) for j in JenisPemohon if j != JenisPemohon.BADAN_PUBLIK],
    )
    pemohon_nama = forms.CharField(label=_("Applicant name"), max_length=250, required=False)
    pemohon_nomor_identitas = forms.CharField(
        label=_("Identity number"), max_length=60, required=False
    )
    pemohon_alamat = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    pemohon_email = forms.EmailField(label=_("E-mail"), required=False)
    pemohon_telepon = forms.CharField(label=_("Telephone"), max_length=60, required=False)
    badan_publik = forms.ModelChoiceField(
        label=_("Respondent (public body)"), queryset=BadanPublik.objects.none(), required=False
    )
    informasi_diminta = Baris(
        label=_("Requested information"), required=False, help_text=_("One item per line.")
    )
    tujuan_penggunaan = forms.CharField(
        label=_("Purpose of use"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    alasan = forms.MultipleChoiceField(
        label=_("Reasons (UU 14/2008 Article 35(1))"),
        choices=Alasan.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tanggal_permohonan_informasi = medan_tanggal(_("Date of the information request"))
    tanggal_tanggapan_ppid = medan_tanggal(_("Date of the PPID's answer"))
    tanggal_keberatan = medan_tanggal(_("Date of the objection (keberatan)"))
    tanggal_tanggapan_atasan = medan_tanggal(_("Date of the superior's answer"))
    tanggal_diterima = medan_tanggal(
        _("Date received"), help_text=_("Leave empty for today (the commission's time zone).")
    )
    saluran = forms.ChoiceField(label=_("Channel"), choices=Saluran.choices)
    # The completeness checklist (Perki 1/2013 Pasal 13), labelled as the rules name it.
    kelengkapan_identitas = forms.BooleanField(label=LABEL_BUTIR["identitas"], required=False)
    kelengkapan_bukti_permohonan = forms.BooleanField(
        label=LABEL_BUTIR["bukti_permohonan"], required=False
    )
    kelengkapan_bukti_keberatan = forms.BooleanField(
        label=LABEL_BUTIR["bukti_keberatan"], required=False
    )
    BUTIR = ("identitas", "bukti_permohonan", "bukti_keberatan")

    def __init__(self, *args, komisi_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["komisi"].queryset = komisi_qs
        self.fields["badan_publik"].queryset = BadanPublik.objects.filter(
            komisi__in=komisi_qs, aktif=True
        ).select_related("komisi")
        if len(komisi_qs) > 1:
            self.fields["badan_publik"].label_from_instance = lambda b: f"{b.nama} ({b.komisi})"

    def data_permohonan(self):
        from ..layanan import DataPermohonan, DataPihak

        d = self.cleaned_data
        badan = d.get("badan_publik")
        return DataPermohonan(
            pemohon=DataPihak(
                jenis=d["pemohon_jenis"],
                nama=d.get("pemohon_nama", ""),
                nomor_identitas=d.get("pemohon_nomor_identitas", ""),
                alamat=d.get("pemohon_alamat", ""),
                email=d.get("pemohon_email", ""),
                telepon=d.get("pemohon_telepon", ""),
            ),
            badan_publik_id=badan.pk if badan else 0,
            informasi_diminta=d.get("informasi_diminta") or [],
            alasan=list(d.get("alasan") or []),
            tanggal_permohonan_informasi=d.get("tanggal_permohonan_informasi"),
            tanggal_keberatan=d.get("tanggal_keberatan"),
            tanggal_diterima=d.get("tanggal_diterima"),
            tanggal_tanggapan_ppid=d.get("tanggal_tanggapan_ppid"),
            tanggal_tanggapan_atasan=d.get("tanggal_tanggapan_atasan"),
            tujuan_penggunaan=d.get("tujuan_penggunaan", ""),
            saluran=d["saluran"],
            kelengkapan={b: bool(d.get(f"kelengkapan_{b}")) for b in self.BUTIR},
        )

    def clean(self):
        d = super().clean()
        badan, komisi = d.get("badan_publik"), d.get("komisi")
        if badan and komisi and badan.komisi_id != komisi.pk:
            self.add_error("badan_publik", _("Unknown public body for this commission."))
        return d
