"""The online application form (dokumen.md / referensi-hukum.md §8.1), as one long page that
works on a phone. Every field is optional while the draft is being written (`lengkap=False`):
what the applicant typed is kept even when it is not valid yet. `lengkap=True` is the check
before submission; the service (`sengketa_terima`) stays the authority on the case itself."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from sengketa.models import Alasan, BadanPublik, JenisPemohon, KomisiInformasi, Saluran
from workflows.layanan import DataKuasa, DataPermohonan, DataPihak

from ..models import JenisLampiran

MAKS_BUTIR = 50
MAKS_PANJANG_BUTIR = 2000  # as the service (validasi.daftar_teks)

# UU 14/2008 Pasal 35(1), in the words of someone who has never read it.
BANTUAN_ALASAN = {
    Alasan.A: _(
        "The public body refused to give the information, saying it is exempted (secret) "
        "under Article 17 of the law."
    ),
    Alasan.B: _(
        "The public body does not publish information it must publish regularly, such as its "
        "budget, financial report or activity report."
    ),
    Alasan.C: _(
        "You received no answer to your request within 10 working days (17 if the public "
        "body told you it needed more time)."
    ),
    Alasan.D: _(
        "You received an answer, but not the information you asked for (another document, "
        "another period, or only part of it without explanation)."
    ),
    Alasan.E: _(
        "The public body agreed to give the information but has not given it, or has not "
        "given all of it."
    ),
    Alasan.F: _(
        "You were asked to pay more than the real cost of copying and sending the information."
    ),
    Alasan.G: _(
        "You received the information, but later than the law allows (10 working days, 17 if "
        "extended)."
    ),
}

BANTUAN_LAMPIRAN = {
    JenisLampiran.IDENTITAS: _(
        "A photo or scan of the applicant's KTP, SIM or passport. For a legal entity or a "
        "group: the identity card of the person acting for it."
    ),
    JenisLampiran.BUKTI_PERMOHONAN: _(
        "Your copy of the request letter or form, with the receipt or registration number if "
        "you received one. A screenshot of the e-mail or message you sent also works."
    ),
    JenisLampiran.JAWABAN_PERMOHONAN: _("The PPID's answer to your request, if you received one."),
    JenisLampiran.BUKTI_KEBERATAN: _(
        "Your copy of the objection (keberatan) letter to the superior of the PPID, with the "
        "receipt if you received one."
    ),
    JenisLampiran.TANGGAPAN_KEBERATAN: _(
        "The superior's answer to your objection, if you received one."
    ),
    JenisLampiran.SURAT_KUASA: _(
        "Required when someone represents you: the signed power of attorney."
    ),
    JenisLampiran.AKTA_BADAN_HUKUM: _(
        "Required for a legal entity: its deed of establishment, ratified by the Ministry of Law."
    ),
    JenisLampiran.LAINNYA: _("Anything else that supports your application."),
}


def lampiran_wajib(data: dict) -> list[str]:
    """Attachment types a complete application needs (Perki 1/2013 Pasal 13; spec §3
    `registrasi`): identity and the two proofs always; the power of attorney with a kuasa;
    the deed for a legal entity."""
    wajib = [
        JenisLampiran.IDENTITAS,
        JenisLampiran.BUKTI_PERMOHONAN,
        JenisLampiran.BUKTI_KEBERATAN,
    ]
    if data.get("ada_kuasa"):
        wajib.append(JenisLampiran.SURAT_KUASA)
    if data.get("pemohon_jenis") == JenisPemohon.BADAN_HUKUM:
        wajib.append(JenisLampiran.AKTA_BADAN_HUKUM)
    return wajib


class InputTanggal(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _tanggal(label, bantuan):
    return forms.DateField(label=label, required=False, widget=InputTanggal(), help_text=bantuan)


def _teks(label, *, maks=None, baris=0, bantuan="", **attrs):
    widget = forms.Textarea(attrs={"rows": baris, **attrs}) if baris else forms.TextInput(attrs)
    return forms.CharField(
        label=label, required=False, max_length=maks, widget=widget, help_text=bantuan
    )


class WidgetDaftar(forms.Widget):
    """Several inputs of the same name (the template draws them): a list, blanks kept."""

    def value_from_datadict(self, data, files, name):
        nilai = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if isinstance(nilai, str):
            nilai = [nilai]
        return [str(v) for v in nilai or []]

    def value_omitted_from_data(self, data, files, name):
        return False


class DaftarTeks(forms.Field):
    widget = WidgetDaftar

    def to_python(self, value):
        return [v.strip() for v in value or [] if v and v.strip()]

    def validate(self, value):
        if len(value) > MAKS_BUTIR:
            raise forms.ValidationError(
                _("At most %(maks)d items.") % {"maks": MAKS_BUTIR}, code="terlalu_banyak"
            )
        for i, butir in enumerate(value, start=1):
            if len(butir) > MAKS_PANJANG_BUTIR:
                raise forms.ValidationError(
                    _("Item %(nomor)d is longer than %(maks)d characters; split it in two.")
                    % {"nomor": i, "maks": MAKS_PANJANG_BUTIR},
                    code="terlalu_panjang",
                )


class KomisiForm(forms.Form):
    komisi = forms.ModelChoiceField(
        label=_("Information Commission"),
        queryset=KomisiInformasi.objects.order_by("nama"),
        empty_label=None,
        help_text=_(
            "The commission of the public body's region: the central commission (KI Pusat) "
            "for ministries and national bodies, the provincial commission for the province's "
            "own bodies and, where there is none for the district, also for the district's."
        ),
    )


class PengajuanForm(forms.Form):
    pemohon_jenis = forms.ChoiceField(
        label=_("Applicant type"),
        choices=[(j.value, j.label) for j in JenisPemohon if j != JenisPemohon.BADAN_PUBLIK],
        required=False,
        initial=JenisPemohon.PERORANGAN,
        widget=forms.RadioSelect,
    )
    pemohon_nama = _teks(
        _("Full name"),
        maks=250,
        bantuan=_("As on the identity card; for a legal entity or a group, its name."),
        autocomplete="name",
    )
    pemohon_nomor_identitas = _teks(
        _("Identity number"),
        maks=60,
        bantuan=_("NIK of the KTP, or the number of the SIM or passport."),
        inputmode="numeric",
    )
    pemohon_alamat = _teks(
        _("Address"), baris=2, bantuan=_("Letters from the commission are sent here.")
    )
    pemohon_telepon = _teks(
        _("Telephone / WhatsApp"),
        maks=60,
        bantuan=_(
            "A telephone number or an e-mail address below (or both): the registry calls or "
            "writes there if something is missing."
        ),
        autocomplete="tel",
        type="tel",
    )
    pemohon_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    ada_kuasa = forms.BooleanField(
        label=_("Someone represents me (a kuasa with a power of attorney)"), required=False
    )
    kuasa_nama = _teks(_("Name of the representative"), maks=250)
    kuasa_nomor_surat_kuasa = _teks(_("Number of the power of attorney"), maks=120)
    kuasa_tanggal_surat_kuasa = _tanggal(_("Date of the power of attorney"), "")
    kuasa_alamat = _teks(_("Address of the representative"), baris=2)
    kuasa_telepon = _teks(_("Telephone of the representative"), maks=60, type="tel")
    kuasa_email = forms.EmailField(label=_("E-mail of the representative"), required=False)
    badan_publik = forms.ModelChoiceField(
        label=_("Respondent (public body)"),
        queryset=BadanPublik.objects.none(),
        required=False,
        help_text=_("The public body you asked for the information."),
    )
    informasi = DaftarTeks(
        label=_("Requested information"),
        required=False,
        help_text=_(
            "One item per box, as precisely as in your request: which document, about what, "
            "for which period."
        ),
    )
    tujuan_penggunaan = _teks(
        _("Purpose of use"),
        baris=3,
        bantuan=_("What you want to use the information for (as in your request)."),
    )
    tanggal_permohonan_informasi = _tanggal(
        _("Date of the information request"),
        _("The day you sent or handed in your request to the public body."),
    )
    tanggal_tanggapan_ppid = _tanggal(
        _("Date of the PPID's answer"), _("Leave empty if you received no answer.")
    )
    tanggal_keberatan = _tanggal(
        _("Date of the objection (keberatan)"),
        _("The day you filed your objection with the superior of the PPID."),
    )
    tanggal_tanggapan_atasan = _tanggal(
        _("Date of the superior's answer"),
        _("Leave empty if the superior of the PPID did not answer your objection."),
    )
    alasan = forms.MultipleChoiceField(
        label=_("Reasons for the dispute"),
        choices=Alasan.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every reason that applies (Law 14/2008 Article 35(1))."),
    )
    petitum = _teks(
        _("What you ask the Commission to decide"),
        baris=3,
        bantuan=_(
            "For example: “Order the public body to give me the information I requested, "
            "free of charge, within 10 working days.”"
        ),
    )

    WAJIB = (
        "pemohon_jenis",
        "pemohon_nama",
        "pemohon_nomor_identitas",
        "pemohon_alamat",
        "badan_publik",
        "informasi",
        "tujuan_penggunaan",
        "tanggal_permohonan_informasi",
        "tanggal_keberatan",
        "alasan",
        "petitum",
    )

    def __init__(self, *args, komisi, hari: date, lengkap: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.komisi, self.hari, self.lengkap = komisi, hari, lengkap
        self.fields["badan_publik"].queryset = BadanPublik.objects.filter(
            komisi=komisi, aktif=True
        ).order_by("nama")
        # Marks what a complete application needs (the rest is labelled optional); of the
        # telephone and the e-mail one is enough.
        for nama in (*self.WAJIB, "pemohon_telepon", "pemohon_email"):
            self.fields[nama].wajib = True

    def clean(self):
        d = super().clean()
        self._periksa_tanggal(d)
        if self.lengkap:
            self._periksa_lengkap(d)
        return d

    def _periksa_tanggal(self, d) -> None:
        """Real dates, none in the future, in the order the procedure happens in."""
        medan = (
            "tanggal_permohonan_informasi",
            "tanggal_tanggapan_ppid",
            "tanggal_keberatan",
            "tanggal_tanggapan_atasan",
            "kuasa_tanggal_surat_kuasa",
        )
        for nama in medan:
            if d.get(nama) and d[nama] > self.hari:
                self.add_error(nama, _("This date is in the future."))
        urutan = (
            ("tanggal_tanggapan_ppid", "tanggal_permohonan_informasi", _("the request")),
            ("tanggal_keberatan", "tanggal_permohonan_informasi", _("the request")),
            ("tanggal_tanggapan_atasan", "tanggal_keberatan", _("the objection")),
        )
        for nama, sebelum, label in urutan:
            if d.get(nama) and d.get(sebelum) and d[nama] < d[sebelum]:
                self.add_error(
                    nama, _("This date cannot be before the date of %(apa)s.") % {"apa": label}
                )

    def _periksa_lengkap(self, d) -> None:
        for nama in self.WAJIB:
            if nama not in self.errors and not d.get(nama):
                self.add_error(nama, PESAN_WAJIB.get(nama, _("This field is required.")))
        if not d.get("pemohon_telepon") and not d.get("pemohon_email"):
            self.add_error(
                "pemohon_telepon", _("Give a telephone number or an e-mail address to reach you.")
            )
        if d.get("ada_kuasa") and not d.get("kuasa_nama"):
            self.add_error("kuasa_nama", _("Give the name of your representative."))

    def data_permohonan(self) -> DataPermohonan:
        """The cleaned form as the intake service takes it (online channel)."""
        d = self.cleaned_data
        kuasa = None
        if d.get("ada_kuasa"):
            kuasa = DataKuasa(
                nama=d.get("kuasa_nama", ""),
                nomor_surat_kuasa=d.get("kuasa_nomor_surat_kuasa", ""),
                tanggal_surat_kuasa=d.get("kuasa_tanggal_surat_kuasa"),
                alamat=d.get("kuasa_alamat", ""),
                email=d.get("kuasa_email", ""),
                telepon=d.get("kuasa_telepon", ""),
            )
        badan = d.get("badan_publik")
        return DataPermohonan(
            pemohon=DataPihak(
                jenis=d.get("pemohon_jenis") or JenisPemohon.PERORANGAN,
                nama=d.get("pemohon_nama", ""),
                nomor_identitas=d.get("pemohon_nomor_identitas", ""),
                alamat=d.get("pemohon_alamat", ""),
                email=d.get("pemohon_email", ""),
                telepon=d.get("pemohon_telepon", ""),
            ),
            badan_publik_id=badan.pk if badan else 0,
            informasi_diminta=d.get("informasi") or [],
            alasan=sorted(d.get("alasan") or []),
            tanggal_permohonan_informasi=d.get("tanggal_permohonan_informasi"),
            tanggal_keberatan=d.get("tanggal_keberatan"),
            tanggal_tanggapan_ppid=d.get("tanggal_tanggapan_ppid"),
            tanggal_tanggapan_atasan=d.get("tanggal_tanggapan_atasan"),
            tujuan_penggunaan=d.get("tujuan_penggunaan", ""),
            petitum=d.get("petitum", ""),
            saluran=Saluran.DARING,
            kuasa_pemohon=kuasa,
        )


PESAN_WAJIB = {
    "pemohon_nama": _("Give the applicant's name."),
    "pemohon_nomor_identitas": _("Give the number of the identity card."),
    "pemohon_alamat": _("Give an address where letters reach you."),
    "badan_publik": _("Choose the public body you asked for the information."),
    "informasi": _("Name at least one piece of information you asked for."),
    "tujuan_penggunaan": _("Say what you want to use the information for."),
    "tanggal_permohonan_informasi": _("Give the date of your information request."),
    "tanggal_keberatan": _(
        "Give the date of your objection. The Commission can only take a dispute after an "
        "objection to the superior of the PPID (Law 14/2008 Article 37)."
    ),
    "alasan": _("Tick at least one reason."),
    "petitum": _("Say what you ask the Commission to decide."),
}

# Fields kept in the draft (DraftPermohonan.data), as typed.
MEDAN_TEKS = tuple(
    n for n, f in PengajuanForm.base_fields.items() if n not in ("informasi", "alasan", "ada_kuasa")
)
