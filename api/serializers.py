"""Output shapes of the API (design/api-v1.md). Read-only: they describe, never decide.

People (majelis, mediator, the actor of a history row) are given by **username**, the same
value the transition bodies take (`tetapkan_majelis`, `mulai_mediasi`).
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dokumen.models import StatusDokumen
from dokumen.samaran import nama_publik
from sengketa import aturan
from sengketa.kalender import Kalender
from sengketa.models import PeranPenugasan
from sengketa.selectors import transisi_tersedia
from sengketa.waktu import zona


def _waktu_lokal(komisi, saat):
    """A timestamp in the commission's own zone (+08:00 in Samarinda, +07:00 in Jakarta)."""
    return saat.astimezone(zona(komisi.zona_waktu)).isoformat() if saat else None


class KomisiSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    nama_singkat = serializers.CharField()
    tingkat = serializers.CharField()
    zona_waktu = serializers.CharField()


class BadanPublikSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    komisi = serializers.CharField(source="komisi.kode")
    nama = serializers.CharField()
    kategori = serializers.CharField()
    alamat = serializers.CharField()
    kota = serializers.CharField()


class PemohonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jenis = serializers.CharField()
    nama = serializers.CharField()


class TermohonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    badan_publik = serializers.IntegerField(source="badan_publik_id", allow_null=True)
    nama = serializers.CharField()


class MajelisSerializer(serializers.Serializer):
    ketua = serializers.CharField(allow_null=True)
    anggota = serializers.ListField(child=serializers.CharField())
    panitera_pengganti = serializers.CharField(allow_null=True)


class TenggatSerializer(serializers.Serializer):
    kode = serializers.CharField()
    tanggal = serializers.DateField()
    dasar = serializers.CharField()
    status = serializers.CharField()
    terpenuhi_pada = serializers.DateField(allow_null=True)
    mulai = serializers.DateField()
    panjang = serializers.IntegerField()
    satuan = serializers.CharField()
    pihak = serializers.IntegerField(source="pihak_id", allow_null=True)
    sidang = serializers.IntegerField(source="sidang_id", allow_null=True)


class RiwayatSerializer(serializers.Serializer):
    transisi = serializers.CharField()
    dari = serializers.CharField()
    ke = serializers.CharField()
    ubah_status = serializers.BooleanField()
    tanggal = serializers.DateField()
    oleh = serializers.SerializerMethodField()
    atas_nama = serializers.CharField()
    dicatat_pada = serializers.DateTimeField()
    parameter = serializers.JSONField()
    dikoreksi = serializers.BooleanField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_oleh(self, obj):
        return obj.oleh.get_username() if obj.oleh_id else None


def _penugasan_aktif(sengketa):
    return [p for p in sengketa.penugasan.all() if p.aktif]


class SengketaRingkasSerializer(serializers.Serializer):
    """One case in the case list (`GET /api/v1/sengketa/`): who, where it stands, its running
    deadlines, its majelis and what this user may do now. What only the case itself needs
    (the history, the requested information, the intake checklist) is left to
    `GET /api/v1/sengketa/{id}/`: the history alone was most of a page's rendering (about
    17 rows a case). Expects the prefetches of `api.views.SengketaListView` (no query per
    row)."""

    # The case's columns a list item reads (the fields below, the permissions of `transisi`),
    # for the list to read only those: a case has some fifty, JSON among them.
    KOLOM = (
        "id", "komisi_id", "komisi__kode", "nomor_register", "nomor_register_dicoret", "status",
        "tanggal_permohonan_informasi", "tanggal_tanggapan_ppid", "tanggal_keberatan",
        "tanggal_tanggapan_atasan", "tanggal_diterima", "tanggal_registrasi", "saluran", "alasan",
    )  # fmt: skip

    id = serializers.IntegerField()
    komisi = serializers.CharField(source="komisi.kode")
    nomor_register = serializers.CharField()
    nomor_register_dicoret = serializers.BooleanField()
    status = serializers.CharField()
    status_label = serializers.CharField(source="label_status")
    tanggal_permohonan_informasi = serializers.DateField()
    tanggal_tanggapan_ppid = serializers.DateField(allow_null=True)
    tanggal_keberatan = serializers.DateField()
    tanggal_tanggapan_atasan = serializers.DateField(allow_null=True)
    tanggal_diterima = serializers.DateField()
    tanggal_registrasi = serializers.DateField(allow_null=True)
    saluran = serializers.CharField()
    pemohon = serializers.SerializerMethodField()
    termohon = serializers.SerializerMethodField()
    alasan = serializers.ListField(child=serializers.CharField(), source="daftar_alasan")
    majelis = serializers.SerializerMethodField()
    mediator = serializers.SerializerMethodField()
    tenggat = TenggatSerializer(many=True, source="tenggat.all")
    transisi = serializers.SerializerMethodField()

    # The two parties as plain dicts of the shapes of PemohonSerializer / TermohonSerializer:
    # a serializer built per row cost more than the rest of the row on a list page.
    @extend_schema_field(PemohonSerializer(allow_null=True))
    def get_pemohon(self, obj):
        p = obj.pemohon
        return {"id": p.id, "jenis": p.jenis, "nama": p.nama} if p else None

    @extend_schema_field(TermohonSerializer(allow_null=True))
    def get_termohon(self, obj):
        p = obj.termohon
        return {"id": p.id, "badan_publik": p.badan_publik_id, "nama": p.nama} if p else None

    @extend_schema_field(MajelisSerializer)
    def get_majelis(self, obj):
        aktif = _penugasan_aktif(obj)

        def nama(peran):
            return [p.pengguna.get_username() for p in aktif if p.peran == peran]

        ketua = nama(PeranPenugasan.KETUA_MAJELIS)
        pp = nama(PeranPenugasan.PANITERA_PENGGANTI)
        return {
            "ketua": ketua[0] if ketua else None,
            "anggota": nama(PeranPenugasan.ANGGOTA_MAJELIS),
            "panitera_pengganti": pp[0] if pp else None,
        }

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_mediator(self, obj):
        m = [p for p in _penugasan_aktif(obj) if p.peran == PeranPenugasan.MEDIATOR]
        return m[0].pengguna.get_username() if m else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_transisi(self, obj):
        # izin reads the prefetched assignments: no query per case on a list page.
        return transisi_tersedia(obj, self.context["request"].user)


class SengketaSerializer(SengketaRingkasSerializer):
    """One case (design/api-v1.md): the list's fields, its requested information, the intake
    checklist and the history. Expects the prefetches of `api.views.sengketa_qs`."""

    informasi_diminta = serializers.SerializerMethodField()
    tujuan_penggunaan = serializers.CharField()
    kelengkapan = serializers.JSONField()
    kekurangan = serializers.JSONField()
    riwayat = RiwayatSerializer(many=True, source="riwayat.all")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_informasi_diminta(self, obj):
        return [i.uraian for i in obj.informasi_diminta.all()]


class SengketaBaruSerializer(SengketaSerializer):
    peringatan = serializers.ListField(child=serializers.CharField())


# -- documents -------------------------------------------------------------------------


class DokumenSerializer(serializers.Serializer):
    """One issued (or pending) document of a case. `url_unduh` is null when this user may
    not download it (pending, failed, or not theirs): context `boleh_unduh(dokumen)`."""

    id = serializers.IntegerField()
    jenis = serializers.CharField()
    jenis_label = serializers.CharField(source="get_jenis_display")
    format = serializers.CharField()
    nomor = serializers.CharField()
    versi = serializers.IntegerField()
    status = serializers.ChoiceField(choices=StatusDokumen.choices)
    sha256 = serializers.CharField()
    kode_verifikasi = serializers.CharField()
    dibuat_pada = serializers.SerializerMethodField()
    diterbitkan_pada = serializers.SerializerMethodField()
    sidang = serializers.IntegerField(source="sidang_id", allow_null=True)
    panggilan = serializers.IntegerField(source="panggilan_id", allow_null=True)
    pihak = serializers.IntegerField(source="pihak_id", allow_null=True)
    url_unduh = serializers.SerializerMethodField()

    @extend_schema_field(serializers.DateTimeField())
    def get_dibuat_pada(self, obj):
        return _waktu_lokal(obj.komisi, obj.dibuat_pada)

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_diterbitkan_pada(self, obj):
        return _waktu_lokal(obj.komisi, obj.diterbitkan_pada)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_url_unduh(self, obj):
        if not self.context["boleh_unduh"](obj):
            return None
        return url_unduh(self.context.get("request"), obj.pk)


def url_unduh(request, pk: int) -> str:
    alamat = reverse("api:dokumen-unduh", kwargs={"pk": pk})
    return request.build_absolute_uri(alamat) if request is not None else alamat


class DokumenPanggilanSerializer(serializers.Serializer):
    """The PDF of a summons once issued (null while it is pending)."""

    id = serializers.IntegerField()
    versi = serializers.IntegerField()
    kode_verifikasi = serializers.CharField()
    url_unduh = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField())
    def get_url_unduh(self, obj):
        return url_unduh(self.context.get("request"), obj.pk)


STATUS_VERIFIKASI = ("valid", "superseded", "cancelled")


class VerifikasiSerializer(serializers.Serializer):
    """Public: is this an issued document? From `dokumen.selectors.HasilVerifikasi`."""

    valid = serializers.BooleanField(help_text="true only for the current version of record")
    status = serializers.ChoiceField(
        choices=STATUS_VERIFIKASI, help_text="valid, superseded (re-issued) or cancelled"
    )
    kode_verifikasi = serializers.CharField(source="kode")
    jenis = serializers.CharField()
    jenis_label = serializers.CharField()
    nomor = serializers.CharField()
    versi = serializers.IntegerField()
    komisi = serializers.CharField(help_text="name of the issuing commission")
    nomor_register = serializers.CharField()
    sha256 = serializers.CharField()
    diterbitkan_pada = serializers.DateTimeField(allow_null=True)
    tertanda = serializers.BooleanField(
        help_text="true when the file of record is the signed copy uploaded by the registry"
    )


class KehadiranSerializer(serializers.Serializer):
    pihak = serializers.IntegerField(source="pihak_id")
    status = serializers.CharField()
    keterangan = serializers.CharField()


def _kalender(context, komisi):
    simpanan = context.setdefault("_kalender", {})
    if komisi.pk not in simpanan:
        simpanan[komisi.pk] = Kalender.untuk(komisi)
    return simpanan[komisi.pk]


class PanggilanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sidang = serializers.IntegerField(source="sidang_id")
    pihak = serializers.IntegerField(source="pihak_id")
    kuasa = serializers.IntegerField(source="kuasa_id", allow_null=True)
    peran = serializers.CharField()
    nomor = serializers.CharField()
    panggilan_ke = serializers.IntegerField()
    metode = serializers.CharField()
    tanggal_dikirim = serializers.DateField(allow_null=True)
    diterima = serializers.DateField(source="tanggal_diterima", allow_null=True)
    patut = serializers.SerializerMethodField()
    dokumen = serializers.SerializerMethodField()

    @extend_schema_field(serializers.BooleanField())
    def get_patut(self, obj):
        komisi = obj.sidang.sengketa.komisi
        return aturan.panggilan_patut(obj, _kalender(self.context, komisi), komisi)

    @extend_schema_field(DokumenPanggilanSerializer(allow_null=True))
    def get_dokumen(self, obj):
        # `dokumen_pdf` is prefetched by the views (the issued PDF, newest version first).
        terbit = getattr(obj, "dokumen_pdf", None)
        if terbit is None:
            terbit = obj.dokumen.filter(format="pdf", status=StatusDokumen.SIAP).order_by("-versi")
        d = next(iter(terbit), None)
        return DokumenPanggilanSerializer(d, context=self.context).data if d else None


class SidangSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sengketa = serializers.IntegerField(source="sengketa_id")
    nomor_register = serializers.CharField(source="sengketa.nomor_register")
    jenis = serializers.CharField()
    jenis_label = serializers.CharField(source="get_jenis_display")
    agenda = serializers.CharField()
    mulai = serializers.SerializerMethodField()
    selesai_rencana = serializers.SerializerMethodField()
    ruang = serializers.CharField()
    tempat = serializers.CharField()
    daring = serializers.BooleanField()
    tautan = serializers.CharField()
    status = serializers.CharField()
    alasan_tunda = serializers.CharField()
    sidang_berikutnya = serializers.IntegerField(source="sidang_berikutnya_id", allow_null=True)
    ringkasan = serializers.CharField()
    panggilan = PanggilanSerializer(many=True, source="panggilan.all")
    kehadiran = KehadiranSerializer(many=True, source="kehadiran.all")

    @extend_schema_field(serializers.DateTimeField())
    def get_mulai(self, obj):
        return _waktu_lokal(obj.sengketa.komisi, obj.mulai)

    @extend_schema_field(serializers.DateTimeField())
    def get_selesai_rencana(self, obj):
        return _waktu_lokal(obj.sengketa.komisi, obj.selesai_rencana)


class SidangBaruSerializer(SidangSerializer):
    peringatan = serializers.ListField(child=serializers.CharField())


class JadwalSerializer(serializers.Serializer):
    """A hearing on the public calendar: no personal data of individual applicants."""

    id = serializers.IntegerField()
    komisi = serializers.CharField(source="sengketa.komisi.kode")
    nomor_register = serializers.CharField(source="sengketa.nomor_register")
    jenis = serializers.CharField()
    jenis_label = serializers.CharField(source="get_jenis_display")
    mulai = serializers.SerializerMethodField()
    selesai_rencana = serializers.SerializerMethodField()
    tempat = serializers.CharField()
    ruang = serializers.CharField()
    daring = serializers.BooleanField()
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    pemohon = serializers.SerializerMethodField()
    termohon = serializers.SerializerMethodField()

    @extend_schema_field(serializers.DateTimeField())
    def get_mulai(self, obj):
        return _waktu_lokal(obj.sengketa.komisi, obj.mulai)

    @extend_schema_field(serializers.DateTimeField())
    def get_selesai_rencana(self, obj):
        return _waktu_lokal(obj.sengketa.komisi, obj.selesai_rencana)

    @extend_schema_field(serializers.CharField())
    def get_pemohon(self, obj):
        # The same rule as the public web calendar and the ruling directory (dokumen.samaran).
        return nama_publik(obj.sengketa.pemohon)

    @extend_schema_field(serializers.CharField())
    def get_termohon(self, obj):
        p = obj.sengketa.termohon
        return p.nama if p else ""


class HariKerjaSerializer(serializers.Serializer):
    class DilewatiSerializer(serializers.Serializer):
        tanggal = serializers.DateField()
        keterangan = serializers.CharField()

    tanggal = serializers.DateField()
    dari = serializers.DateField()
    tambah = serializers.IntegerField()
    dilewati = DilewatiSerializer(many=True)


class LiburSerializer(serializers.Serializer):
    tanggal = serializers.DateField()
    jenis = serializers.CharField()
    jenis_label = serializers.CharField(source="get_jenis_display")
    keterangan = serializers.CharField()
    dasar = serializers.CharField()
    dikonfirmasi = serializers.BooleanField()
    nasional = serializers.SerializerMethodField()
    berlaku = serializers.SerializerMethodField()

    @extend_schema_field(serializers.BooleanField())
    def get_nasional(self, obj):
        return obj.komisi_id is None

    @extend_schema_field(serializers.BooleanField())
    def get_berlaku(self, obj):
        komisi = self.context.get("komisi")
        return not (obj.jenis == "cuti_bersama" and komisi and not komisi.cuti_bersama_libur)
