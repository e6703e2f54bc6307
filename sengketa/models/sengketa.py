"""The dispute (sengketa informasi publik) and its state machine.

The transition methods only change fields in memory (django-fsm-2). Saving, locking,
permissions, history and deadlines belong to the one service per transition in
`workflows.layanan`; nothing else may call these methods.
"""

import functools

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import (
    RETURN_VALUE,
    ConcurrentTransitionMixin,
    FSMField,
    FSMFieldMixin,
    transition,
)

from .status import (
    STATUS_AKHIR,
    STATUS_AWAL,
    STATUS_BOLEH_CABUT,
    STATUS_PEMERIKSAAN,
    Alasan,
    Amar,
    DasarPutusanSela,
    Jalur,
    Saluran,
    SebabMediasiGagal,
    StatusSengketa,
)

S = StatusSengketa
SEMUA_STATUS = [s.value for s in StatusSengketa]
BUKAN_AWAL = [s for s in SEMUA_STATUS if s != STATUS_AWAL]
# The statuses of a case still running, sorted: the condition of a partial index, which a
# query repeats word for word so the planner can use it (a set has no stable order).
STATUS_BERJALAN = sorted(s for s in SEMUA_STATUS if s not in STATUS_AKHIR)

# The completeness checklist of Perki 1/2013 Pasal 13 and 17.
BUTIR_KELENGKAPAN = ("identitas", "bukti_permohonan", "bukti_keberatan")


_LABEL_STATUS = dict(StatusSengketa.choices)


@functools.cache
def _medan_status(model) -> tuple:
    """The FSM fields of `model` (ConcurrentTransitionMixin.state_fields, computed once)."""
    return tuple(f for f in model._meta.fields if isinstance(f, FSMFieldMixin))


class Sengketa(ConcurrentTransitionMixin, models.Model):
    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi",
        models.PROTECT,
        related_name="sengketa",
        verbose_name=_("commission"),
    )
    status = FSMField(
        _("status"), default=STATUS_AWAL, choices=StatusSengketa.choices, protected=True
    )

    # Register (spec §6). The number stays on a withdrawn case, marked struck out.
    nomor_register = models.CharField(_("register number"), max_length=120, blank=True)
    nomor_urut_register = models.PositiveIntegerField(_("register sequence"), null=True, blank=True)
    nomor_register_dicoret = models.BooleanField(_("register number struck out"), default=False)
    nomor_putusan = models.CharField(_("ruling number"), max_length=120, blank=True)
    jalur = models.CharField(_("path"), max_length=3, choices=Jalur.choices, blank=True)

    # Pre-dispute chain (UU 14/2008 Pasal 22, 35-37).
    tanggal_permohonan_informasi = models.DateField(_("date of the information request"))
    tanggal_tanggapan_ppid = models.DateField(_("date of the PPID's answer"), null=True, blank=True)
    tanggal_keberatan = models.DateField(_("date of the objection (keberatan)"))
    tanggal_tanggapan_atasan = models.DateField(
        _("date of the superior's answer"), null=True, blank=True
    )

    # Intake.
    tanggal_diterima = models.DateField(_("date received"))
    saluran = models.CharField(_("channel"), max_length=10, choices=Saluran.choices)
    tujuan_penggunaan = models.TextField(_("purpose of use"), blank=True)
    alasan = models.CharField(
        _("reasons"), max_length=7, help_text=_("Letters of UU 14/2008 Article 35(1), e.g. 'ce'.")
    )
    petitum = models.TextField(_("petitum"), blank=True)
    kelengkapan = models.JSONField(_("completeness checklist"), default=dict, blank=True)
    kekurangan = models.JSONField(_("missing items"), default=list, blank=True)
    pengecualian_kelengkapan = models.TextField(
        _("completeness waiver (Perki 1/2013 Article 18)"), blank=True
    )

    # Milestones (effective dates of the transitions).
    tanggal_kelengkapan_diminta = models.DateField(
        _("date completion was requested"), null=True, blank=True
    )
    tanggal_registrasi = models.DateField(_("registration date"), null=True, blank=True)
    tanggal_majelis_ditetapkan = models.DateField(_("date panel appointed"), null=True, blank=True)
    tanggal_mulai_mediasi = models.DateField(_("mediation start"), null=True, blank=True)
    tanggal_mulai_ajudikasi = models.DateField(_("adjudication start"), null=True, blank=True)
    tanggal_selesai_mediasi = models.DateField(_("mediation end"), null=True, blank=True)
    tanggal_tutup_pemeriksaan = models.DateField(_("examination closed on"), null=True, blank=True)
    tanggal_putusan = models.DateField(_("ruling read on"), null=True, blank=True)
    tanggal_inkracht = models.DateField(_("final and binding since"), null=True, blank=True)
    tanggal_selesai = models.DateField(
        _("date of the final act"),
        null=True,
        blank=True,
        help_text=_("Ruling, mediation ruling, interlocutory ruling, transfer, withdrawal, lapse."),
    )
    tanggal_efektif_terakhir = models.DateField(
        _("effective date of the last step"), null=True, blank=True
    )

    # Preliminary examination (Perki 1/2013 Pasal 36): None = not examined yet.
    berwenang = models.BooleanField(_("commission competent"), null=True, blank=True)
    legal_standing_pemohon = models.BooleanField(_("applicant has standing"), null=True, blank=True)
    legal_standing_termohon = models.BooleanField(
        _("respondent is a public body"), null=True, blank=True
    )
    dalam_jangka_waktu = models.BooleanField(_("filed within time"), null=True, blank=True)
    catatan_pemeriksaan_awal = models.TextField(_("preliminary examination notes"), blank=True)
    mediasi_ditolak = models.BooleanField(_("a party declined mediation"), default=False)

    # Mediation.
    mediasi_diperpanjang_hk = models.PositiveSmallIntegerField(
        _("mediation extension (WD)"), default=0
    )
    kesepakatan_mediasi = models.JSONField(_("mediation agreement"), default=list, blank=True)
    sebab_mediasi_gagal = models.CharField(
        _("why mediation failed"), max_length=25, choices=SebabMediasiGagal.choices, blank=True
    )
    kesepakatan_sebagian = models.TextField(_("partial agreement"), blank=True)

    # Rulings.
    dasar_putusan_sela = models.CharField(
        _("ground of the interlocutory ruling"),
        max_length=30,
        choices=DasarPutusanSela.choices,
        blank=True,
    )
    catatan_putusan_sela = models.TextField(_("interlocutory ruling notes"), blank=True)
    amar = models.CharField(_("operative part"), max_length=25, choices=Amar.choices, blank=True)
    isi_amar = models.TextField(_("text of the operative part"), blank=True)
    jangka_waktu_pelaksanaan = models.PositiveSmallIntegerField(
        _("performance period (WD)"), null=True, blank=True
    )
    tanggal_musyawarah = models.DateField(_("deliberation date"), null=True, blank=True)

    # Withdrawal (Perki 1/2013 Pasal 14-15).
    tanggal_surat_pencabutan = models.DateField(
        _("date of the withdrawal letter"), null=True, blank=True
    )
    alasan_pencabutan = models.TextField(_("reason for withdrawal"), blank=True)

    # Transfer to the competent commission (relative competence).
    komisi_tujuan = models.ForeignKey(
        "sengketa.KomisiInformasi",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("transferred to commission"),
    )
    dilimpahkan_ke = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="dilimpahkan_dari",
        verbose_name=_("case at the receiving commission"),
    )

    # The due date of the case's nearest running deadline (the earliest `Tenggat` still open,
    # TenggatQuerySet.terbuka), null when none runs. Derived, never edited: written only by
    # workflows.layanan.tenggat.tenggat_sinkron in the same transaction as the deadline rows,
    # so the back-office lists sort and page by an index instead of a subquery per case.
    tenggat_terdekat = models.DateField(
        _("nearest open deadline"), null=True, blank=True, editable=False
    )

    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)
    diubah_pada = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-tanggal_diterima", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["komisi", "nomor_register"],
                condition=~Q(nomor_register=""),
                name="nomor_register_unik_per_komisi",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_keberatan__gte=models.F("tanggal_permohonan_informasi")),
                name="keberatan_setelah_permohonan",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_diterima__gte=models.F("tanggal_keberatan")),
                name="diterima_setelah_keberatan",
            ),
        ]
        indexes = [
            models.Index(fields=["komisi", "status"]),
            # The statistics (sengketa.statistik) select a commission's cases by these dates.
            models.Index(fields=["komisi", "tanggal_diterima"], name="sengketa_komisi_diterima"),
            models.Index(
                fields=["komisi", "tanggal_registrasi"], name="sengketa_komisi_registrasi"
            ),
            models.Index(fields=["komisi", "tanggal_selesai"], name="sengketa_komisi_selesai"),
            # The default ordering of every case list (API, admin, portal): read newest first
            # from the index instead of sorting the whole register for each page.
            models.Index(fields=["-tanggal_diterima", "-id"], name="sengketa_urutan_terbaru"),
            # The back-office lists of running cases and their tasks (workflows.kantor.
            # selectors), in their two orders: a page is read from the index in order and a
            # commission's count from the index alone (status included for the queue's rule).
            # Running cases only: a closed case may keep a running deadline (its performance
            # period) but is never listed there.
            models.Index(
                fields=["komisi", "tenggat_terdekat", "id"],
                include=["status"],
                condition=Q(status__in=STATUS_BERJALAN),
                name="sengketa_berjalan_tenggat",
            ),
            models.Index(
                fields=["komisi", "tanggal_diterima", "id"],
                include=["status"],
                condition=Q(status__in=STATUS_BERJALAN),
                name="sengketa_berjalan_diterima",
            ),
            # The queue's count for an appointed person (workflows.kantor.selectors.antrean):
            # the running cases in the order of their key, merged with that person's
            # appointments in the same order instead of hashing either.
            models.Index(
                fields=["komisi", "id"],
                include=["status"],
                condition=Q(status__in=STATUS_BERJALAN),
                name="sengketa_berjalan_id",
            ),
        ]

    def __str__(self) -> str:
        return self.nomor_register or _("Application #%(id)s") % {"id": self.pk}

    @property
    def state_fields(self):
        # ConcurrentTransitionMixin reads the state fields from every instance it builds,
        # by testing each of the model's fifty fields: a page of 25 cases paid for it
        # 1,250 times. The model's fields are fixed once the app registry is ready.
        return _medan_status(type(self))

    # Convenience readers (no rules here: those live in sengketa.aturan).

    @property
    def label_status(self) -> str:
        """get_status_display(), without rebuilding the choices at each call (the case
        list asks it for every case)."""
        return str(_LABEL_STATUS.get(self.status, self.status))

    @property
    def daftar_alasan(self) -> list[str]:
        return sorted(self.alasan)

    @property
    def terminal(self) -> bool:
        return self.status in STATUS_AKHIR

    def pihak_dengan_peran(self, peran: str):
        return next((p for p in self.pihak.all() if p.peran == peran), None)

    @property
    def pemohon(self):
        return self.pihak_dengan_peran("pemohon")

    @property
    def termohon(self):
        return self.pihak_dengan_peran("termohon")

    # ---- Transitions (siklus-sengketa.md §3). Fields in memory only. ----

    @transition(field=status, source=S.DITERIMA, target=S.MENUNGGU_KELENGKAPAN)
    def minta_kelengkapan(self, *, kekurangan: list[str], tanggal) -> None:
        self.kekurangan = list(kekurangan)
        self.tanggal_kelengkapan_diminta = tanggal

    @transition(field=status, source=[S.DITERIMA, S.MENUNGGU_KELENGKAPAN], target=S.TEREGISTRASI)
    def registrasi(self, *, nomor: str, urut: int, tanggal, pengecualian: str = "") -> None:
        self.nomor_register = nomor
        self.nomor_urut_register = urut
        self.nomor_register_dicoret = False
        self.tanggal_registrasi = tanggal
        self.kekurangan = []
        if pengecualian:
            self.pengecualian_kelengkapan = pengecualian

    @transition(field=status, source=S.MENUNGGU_KELENGKAPAN, target=S.TIDAK_DIREGISTRASI)
    def tolak_registrasi(self, *, tanggal) -> None:
        self.tanggal_selesai = tanggal

    @transition(field=status, source=S.TEREGISTRASI, target=S.PEMERIKSAAN_AWAL)
    def tetapkan_majelis(self, *, tanggal) -> None:
        self.tanggal_majelis_ditetapkan = tanggal

    @transition(field=status, source=S.PEMERIKSAAN_AWAL, target=None)
    def catat_pemeriksaan_awal(
        self,
        *,
        berwenang: bool,
        legal_standing_pemohon: bool,
        legal_standing_termohon: bool,
        dalam_jangka_waktu: bool,
        catatan: str = "",
    ) -> None:
        self.berwenang = berwenang
        self.legal_standing_pemohon = legal_standing_pemohon
        self.legal_standing_termohon = legal_standing_termohon
        self.dalam_jangka_waktu = dalam_jangka_waktu
        self.catatan_pemeriksaan_awal = catatan

    @transition(field=status, source=S.PEMERIKSAAN_AWAL, target=S.MEDIASI)
    def mulai_mediasi(self, *, tanggal) -> None:
        self.tanggal_mulai_mediasi = tanggal
        self.jalur = Jalur.MEDIASI

    @transition(field=status, source=S.PEMERIKSAAN_AWAL, target=S.AJUDIKASI)
    def mulai_ajudikasi(self, *, tanggal, mediasi_ditolak: bool) -> None:
        self.tanggal_mulai_ajudikasi = tanggal
        self.mediasi_ditolak = mediasi_ditolak
        self.jalur = Jalur.AJUDIKASI

    @transition(field=status, source=S.PEMERIKSAAN_AWAL, target=S.TIDAK_DITERIMA)
    def putusan_sela(self, *, dasar: str, catatan: str, tanggal) -> None:
        self.dasar_putusan_sela = dasar
        self.catatan_putusan_sela = catatan
        self.tanggal_selesai = tanggal

    @transition(field=status, source=S.PEMERIKSAAN_AWAL, target=S.DILIMPAHKAN)
    def limpahkan(self, *, komisi_tujuan, tanggal) -> None:
        self.komisi_tujuan = komisi_tujuan
        self.tanggal_selesai = tanggal

    @transition(field=status, source=S.MEDIASI, target=S.MEDIASI)
    def perpanjang_mediasi(self, *, hari: int) -> None:
        self.mediasi_diperpanjang_hk = hari

    @transition(field=status, source=S.MEDIASI, target=S.SELESAI_MEDIASI)
    def mediasi_berhasil(self, *, kesepakatan: list[str], jangka_waktu: int, tanggal) -> None:
        self.kesepakatan_mediasi = list(kesepakatan)
        self.jangka_waktu_pelaksanaan = jangka_waktu
        self.tanggal_selesai_mediasi = tanggal
        self.tanggal_selesai = tanggal

    @transition(field=status, source=S.MEDIASI, target=S.AJUDIKASI)
    def mediasi_gagal(self, *, sebab: str, kesepakatan_sebagian: str, tanggal) -> None:
        self.sebab_mediasi_gagal = sebab
        self.kesepakatan_sebagian = kesepakatan_sebagian
        self.tanggal_selesai_mediasi = tanggal
        self.tanggal_mulai_ajudikasi = tanggal
        self.jalur = Jalur.MEDIASI_AJUDIKASI

    @transition(field=status, source=S.AJUDIKASI, target=S.MUSYAWARAH)
    def tutup_pemeriksaan(self, *, tanggal) -> None:
        self.tanggal_tutup_pemeriksaan = tanggal

    @transition(field=status, source=S.MUSYAWARAH, target=S.DIPUTUS)
    def bacakan_putusan(
        self,
        *,
        amar: str,
        isi_amar: str,
        jangka_waktu: int,
        tanggal_musyawarah,
        nomor_putusan: str,
        tanggal,
    ) -> None:
        self.amar = amar
        self.isi_amar = isi_amar
        self.jangka_waktu_pelaksanaan = jangka_waktu
        self.tanggal_musyawarah = tanggal_musyawarah
        self.nomor_putusan = nomor_putusan
        self.tanggal_putusan = tanggal
        self.tanggal_selesai = tanggal

    @transition(field=status, source=S.DIPUTUS, target=None)
    def catat_penerimaan_salinan(self) -> None:
        """The receipt itself is a row (PenerimaanSalinan); the state only has to allow it."""

    @transition(
        field=status, source=[S.DIPUTUS, S.KEBERATAN_PENGADILAN], target=S.KEBERATAN_PENGADILAN
    )
    def catat_keberatan(self) -> None:
        """The objection is a row (KeberatanPengadilan). A second party may object too."""

    @transition(field=status, source=S.DIPUTUS, target=S.BERKEKUATAN_HUKUM_TETAP)
    def nyatakan_inkracht(self, *, tanggal) -> None:
        self.tanggal_inkracht = tanggal

    @transition(
        field=status,
        source=S.KEBERATAN_PENGADILAN,
        target=RETURN_VALUE(S.KEBERATAN_PENGADILAN, S.BERKEKUATAN_HUKUM_TETAP),
    )
    def catat_putusan_pengadilan(self, *, final: bool, tanggal) -> str:
        if not final:
            return S.KEBERATAN_PENGADILAN
        self.tanggal_inkracht = tanggal
        return S.BERKEKUATAN_HUKUM_TETAP

    @transition(field=status, source=list(STATUS_BOLEH_CABUT), target=S.DICABUT)
    def cabut(self, *, tanggal_surat, alasan: str, tanggal) -> None:
        self.tanggal_surat_pencabutan = tanggal_surat
        self.alasan_pencabutan = alasan
        self.tanggal_selesai = tanggal
        # Perki 1/2013 Pasal 15: a registered number is struck out, never reused.
        self.nomor_register_dicoret = bool(self.nomor_register)

    @transition(field=status, source=list(STATUS_PEMERIKSAAN), target=S.GUGUR)
    def gugurkan(self, *, tanggal) -> None:
        self.tanggal_selesai = tanggal

    @transition(field=status, source=BUKAN_AWAL, target=RETURN_VALUE(*SEMUA_STATUS))
    def koreksi(self, *, kembali_ke: str, nilai_lama: dict) -> str:
        """Undo the last transition: restore the fields it changed, return its source state."""
        for nama, nilai in nilai_lama.items():
            setattr(self, nama, nilai)
        return kembali_ke


class InformasiDiminta(models.Model):
    """One item of the requested information (prepares per-item tracking in rulings)."""

    sengketa = models.ForeignKey(
        Sengketa, models.CASCADE, related_name="informasi_diminta", verbose_name=_("dispute")
    )
    urutan = models.PositiveSmallIntegerField(_("order"))
    uraian = models.TextField(_("description"))

    class Meta:
        verbose_name = _("requested information item")
        verbose_name_plural = _("requested information")
        ordering = ["sengketa", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["sengketa", "urutan"], name="informasi_urutan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.urutan}. {self.uraian[:60]}"


ALASAN_VALID = frozenset(a.value for a in Alasan)
