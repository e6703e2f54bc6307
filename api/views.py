"""REST API v1 (design/api-v1.md): HTTP in, services and selectors, HTTP out.

No rule of the procedure lives here. Visibility is `sengketa_terlihat(user)`: a case (or a
hearing, or a summons) the user may not see is a 404, never a 403, so that its existence
does not leak; what the user may *do* on a visible case is the services' 403 or 409.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from icalendar import Calendar, Event
from rest_framework import generics, status
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from dokumen.models import Dokumen, FormatDokumen, StatusDokumen
from dokumen.selectors import (
    adalah_staf,
    boleh_unduh,
    normalkan_kode,
    verifikasi_berkas,
    verifikasi_kode,
)
from dokumen.views import MIME, respons_unduhan
from sengketa import izin
from sengketa.kalender import Kalender
from sengketa.models import (
    BadanPublik,
    HariLibur,
    KomisiInformasi,
    Kuasa,
    Panggilan,
    Penangguhan,
    Penugasan,
    Pihak,
    RiwayatStatus,
    Sengketa,
    Sidang,
    StatusSidang,
    Tenggat,
)
from sengketa.peran import Peran
from sengketa.prefetch import isi_terkait
from sengketa.selectors import cari_sengketa, cari_terurut, jumlah_terlihat, sengketa_terlihat
from sengketa.waktu import hari_ini, zona
from workflows.layanan import (
    LAYANAN_TRANSISI,
    DataKuasa,
    DataPermohonan,
    DataPihak,
    sengketa_terima,
    sengketa_ubah_permohonan,
)
from workflows.layanan import sidang as layanan_sidang
from workflows.tembolok_jadwal import tembolok_jadwal

from . import masukan as m
from . import serializers as out
from .batas import LINGKUP_TOKEN, LINGKUP_VERIFIKASI, LINGKUP_VERIFIKASI_BERKAS, BatasLaju
from .galat import (
    ApiView,
    Galat400Serializer,
    Galat409Serializer,
    GalatApi,
    GalatSerializer,
    Halaman,
)
from .statistik import StatistikQuery, StatistikSerializer, periode_dari, statistik

GALAT = {
    400: OpenApiResponse(Galat400Serializer, description="Invalid input"),
    401: OpenApiResponse(GalatSerializer, description="Not authenticated"),
    403: OpenApiResponse(GalatSerializer, description="Role or assignment does not allow it"),
    404: OpenApiResponse(
        GalatSerializer, description="Unknown or not visible to this user (or no such page)"
    ),
    409: OpenApiResponse(Galat409Serializer, description="Not allowed now, and why"),
    429: OpenApiResponse(
        GalatSerializer, description="Too many requests; `Retry-After` says when to retry"
    ),
}


def _galat(*kode):
    return {k: GALAT[k] for k in kode}


def _valid(serializer_class, data, **kw):
    s = serializer_class(data=data, **kw)
    s.is_valid(raise_exception=True)
    return s.validated_data


def _komisi(kode: str, medan: str = "komisi") -> KomisiInformasi:
    komisi = KomisiInformasi.objects.filter(kode=kode).first()
    if komisi is None:
        raise ValidationError({medan: [_("Unknown commission.")]})
    return komisi


def sengketa_qs(pengguna):
    """The cases this user may see, with everything the case serializer reads."""
    return (
        sengketa_terlihat(pengguna)
        .select_related("komisi")
        .prefetch_related(
            "pihak__kuasa",
            "informasi_diminta",
            Prefetch("penugasan", queryset=Penugasan.objects.select_related("pengguna")),
            Prefetch("tenggat", queryset=Tenggat.objects.filter(aktif=True)),
            Prefetch("riwayat", queryset=RiwayatStatus.objects.select_related("oleh")),
        )
    )


def _sidang_qs(pengguna):
    return Sidang.objects.filter(sengketa__in=sengketa_terlihat(pengguna)).select_related(
        "sengketa__komisi"
    )


def _pdf_panggilan(awalan: str = "") -> Prefetch:
    """The issued PDF of each summons, as `dokumen_pdf` (PanggilanSerializer.dokumen)."""
    return Prefetch(
        f"{awalan}dokumen",
        queryset=Dokumen.objects.filter(
            format=FormatDokumen.PDF, status=StatusDokumen.SIAP
        ).order_by("-versi", "-id"),
        to_attr="dokumen_pdf",
    )


def _sidang_data(sidang_id: int, request, peringatan=None):
    sidang = (
        Sidang.objects.select_related("sengketa__komisi")
        .prefetch_related(
            "panggilan__sidang__sengketa__komisi", _pdf_panggilan("panggilan__"), "kehadiran"
        )
        .get(pk=sidang_id)
    )
    if peringatan is None:
        return out.SidangSerializer(sidang, context={"request": request}).data
    sidang.peringatan = [str(p) for p in peringatan]
    return out.SidangBaruSerializer(sidang, context={"request": request}).data


# -- authentication --------------------------------------------------------------------


class TokenView(GalatApi, ObtainAuthToken):
    """A username + address locked out by django-axes gets 429 with `Retry-After`, even with
    the right password (api.galat.respons_terkunci)."""

    serializer_class = m.TokenMasuk
    throttle_classes = [BatasLaju]
    throttle_scope = LINGKUP_TOKEN

    @extend_schema(
        tags=["auth"],
        auth=[],
        request={"application/json": {"type": "object", "properties": {
            "username": {"type": "string"}, "password": {"type": "string"}},
            "required": ["username", "password"]}},
        responses={200: {"type": "object", "properties": {"token": {"type": "string"}},
                         "required": ["token"]},
                   **_galat(400, 429)},
    )  # fmt: skip
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


# -- reference data --------------------------------------------------------------------


def _komisi_terlihat(pengguna):
    return KomisiInformasi.objects.filter(
        Q(pk__in=izin.komisi_pengguna(pengguna))
        | Q(pk__in=sengketa_terlihat(pengguna).values("komisi_id"))
    )


class KomisiView(ApiView):
    @extend_schema(
        tags=["referensi"], responses={200: out.KomisiSerializer(many=True), **_galat(401)}
    )
    def get(self, request):
        return Response(out.KomisiSerializer(_komisi_terlihat(request.user), many=True).data)


class BadanPublikView(GalatApi, generics.ListAPIView):
    """Staff see their commissions' public bodies; a party account sees every commission's
    (it needs them to file online, and the list of public bodies is public data)."""

    serializer_class = out.BadanPublikSerializer
    pagination_class = Halaman

    @extend_schema(
        tags=["referensi"],
        parameters=[
            OpenApiParameter("q", str, description="part of the name"),
            OpenApiParameter("komisi", str, description="commission code"),
        ],
        responses={200: out.BadanPublikSerializer(many=True), **_galat(400, 401, 404)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        pengguna = self.request.user
        qs = BadanPublik.objects.filter(aktif=True).select_related("komisi")
        if Peran.PIHAK not in izin.grup_peran(pengguna):
            qs = qs.filter(komisi__in=_komisi_terlihat(pengguna))
        param = _valid(m.DaftarSengketaQuery, self.request.query_params)
        if param.get("komisi"):
            qs = qs.filter(komisi__kode=param["komisi"])
        if param.get("q"):
            qs = qs.filter(nama__icontains=param["q"])
        return qs.order_by("nama", "id")


# -- cases -----------------------------------------------------------------------------


def _data_permohonan(d: dict) -> DataPermohonan:
    k = d.get("kuasa_pemohon")
    return DataPermohonan(
        pemohon=DataPihak(**d["pemohon"]),
        kuasa_pemohon=DataKuasa(**k) if k else None,
        badan_publik_id=d["termohon"]["badan_publik"],
        informasi_diminta=d["informasi_diminta"],
        alasan=d["alasan"],
        tujuan_penggunaan=d.get("tujuan_penggunaan", ""),
        petitum=d.get("petitum", ""),
        tanggal_permohonan_informasi=d["tanggal_permohonan_informasi"],
        tanggal_tanggapan_ppid=d.get("tanggal_tanggapan_ppid"),
        tanggal_keberatan=d["tanggal_keberatan"],
        tanggal_tanggapan_atasan=d.get("tanggal_tanggapan_atasan"),
        tanggal_diterima=d.get("tanggal_diterima"),
        kelengkapan=d.get("kelengkapan", {}),
        saluran=d.get("saluran", "langsung"),
    )


class SengketaListView(GalatApi, generics.GenericAPIView):
    serializer_class = out.SengketaRingkasSerializer
    pagination_class = Halaman

    def get_queryset(self):
        """The visible cases; what a list item shows beside the case is read for the page
        (`_tanggapan`)."""
        kolom = out.SengketaRingkasSerializer.KOLOM
        return sengketa_terlihat(self.request.user).select_related("komisi").only(*kolom)

    @extend_schema(
        tags=["sengketa"],
        parameters=[
            OpenApiParameter("status", str, description="state code"),
            OpenApiParameter("komisi", str, description="commission code"),
            OpenApiParameter("q", str, description="register number or party name"),
        ],
        responses={200: out.SengketaRingkasSerializer(many=True), **_galat(400, 401, 404)},
    )
    def get(self, request):
        param = _valid(m.DaftarSengketaQuery, request.query_params)
        urut = cari_terurut(
            request.user,
            param.get("q") or "",
            status=param.get("status") or "",
            komisi=param.get("komisi") or "",
        )
        if urut is not None:
            return self._halaman_cari(urut)
        qs = self.get_queryset()
        if param.get("status"):
            qs = qs.filter(status=param["status"])
        if param.get("komisi"):
            qs = qs.filter(komisi__kode=param["komisi"])
        if param.get("q"):
            qs = cari_sengketa(qs, param["q"])
        elif not param.get("status"):  # every case the user sees, of one commission or all
            self.paginator.jumlah = jumlah_terlihat(request.user, param.get("komisi") or "")
        halaman = self.paginate_queryset(qs.order_by("-tanggal_diterima", "-id"))
        return self._tanggapan(halaman)

    def _halaman_cari(self, urut):
        """A search's page: the index's rows give the page's cases in order and the exact
        count (one query), then the page's cases are read as every list reads them."""
        baris = self.paginate_queryset(urut)
        kasus = self.get_queryset().in_bulk([b.pk for b in baris])
        halaman = [kasus[b.pk] for b in baris if b.pk in kasus]  # unless deleted meanwhile
        return self._tanggapan(halaman)

    def _tanggapan(self, halaman: list[Sengketa]):
        """The page with what a list item shows beside the case, one query per relation
        whatever the page size: parties and their kuasa (the names, and whether this user
        acts for the applicant), the active assignments with the usernames, the running
        deadlines. Filled as prefetch_related would fill them, at less cost per case
        (sengketa.prefetch)."""
        ids = [s.pk for s in halaman]
        pihak = list(Pihak.objects.filter(sengketa_id__in=ids).order_by("peran", "id"))
        kuasa = Kuasa.objects.filter(pihak__in=[p.pk for p in pihak]).order_by("nama", "id")
        isi_terkait(halaman, "pihak", pihak)
        isi_terkait(pihak, "kuasa", kuasa)
        penugasan = Penugasan.objects.filter(sengketa_id__in=ids, aktif=True)
        isi_terkait(
            halaman, "penugasan", penugasan.select_related("pengguna").order_by("peran", "id")
        )
        isi_terkait(halaman, "tenggat", Tenggat.objects.filter(sengketa_id__in=ids, aktif=True))
        data = self.get_serializer(halaman, many=True).data
        return self.get_paginated_response(data)

    @extend_schema(
        tags=["sengketa"],
        request=m.PermohonanMasuk,
        responses={201: out.SengketaBaruSerializer, **_galat(400, 401, 403)},
    )
    def post(self, request):
        d = _valid(m.PermohonanMasuk, request.data)
        komisi = _komisi(d["komisi"])
        hasil = sengketa_terima(komisi=komisi, oleh=request.user, data=_data_permohonan(d))
        sengketa = sengketa_qs(request.user).get(pk=hasil.sengketa.pk)
        sengketa.peringatan = [str(p) for p in hasil.peringatan]
        data = out.SengketaBaruSerializer(sengketa, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)


class SengketaDetailView(ApiView):
    def _kasus(self, request, pk):
        self.sengketa_id_galat = pk
        return sengketa_qs(request.user).get(pk=pk)

    @extend_schema(tags=["sengketa"], responses={200: out.SengketaSerializer, **_galat(401, 404)})
    def get(self, request, pk):
        sengketa = self._kasus(request, pk)
        return Response(out.SengketaSerializer(sengketa, context={"request": request}).data)

    @extend_schema(
        tags=["sengketa"],
        request=m.UbahPermohonanMasuk,
        responses={200: out.SengketaSerializer, **_galat(400, 401, 403, 404, 409)},
    )
    def patch(self, request, pk):
        self.nama_transisi = "ubah_permohonan"
        self._kasus(request, pk)
        d = dict(_valid(m.UbahPermohonanMasuk, request.data))
        kelengkapan = d.pop("kelengkapan", None)
        sengketa_ubah_permohonan(
            sengketa_id=pk, oleh=request.user, perubahan=d, kelengkapan=kelengkapan
        )
        return self.get(request, pk)


class TransisiView(ApiView):
    """POST one transition of the spec; subclassed per name so that each has its body in the
    OpenAPI schema (see urls.py)."""

    nama_transisi = ""

    def post(self, request, pk, nama=None):
        nama = nama or self.nama_transisi
        if nama not in LAYANAN_TRANSISI:
            raise Http404
        self.nama_transisi = nama
        self.sengketa_id_galat = pk
        if not sengketa_terlihat(request.user).filter(pk=pk).exists():
            raise Http404
        d = _valid(m.MASUKAN_TRANSISI[nama], request.data)
        LAYANAN_TRANSISI[nama](sengketa_id=pk, oleh=request.user, **d)
        sengketa = sengketa_qs(request.user).get(pk=pk)
        return Response(out.SengketaSerializer(sengketa, context={"request": request}).data)


def view_transisi(nama: str):
    masukan = m.MASUKAN_TRANSISI[nama]

    def post(self, request, pk):
        return TransisiView.post(self, request, pk, nama)

    post = extend_schema(
        tags=["transisi"],
        operation_id=f"sengketa_transisi_{nama}",
        summary=nama,
        request=masukan,
        examples=[OpenApiExample(nama, value=m.CONTOH_TRANSISI[nama], request_only=True)],
        responses={200: out.SengketaSerializer, **_galat(400, 401, 403, 404, 409)},
    )(post)
    cls = type(f"Transisi_{nama}", (TransisiView,), {"nama_transisi": nama, "post": post})
    return cls.as_view()


class TransisiTakDikenalView(TransisiView):
    @extend_schema(exclude=True)
    def post(self, request, pk, nama=None):
        raise Http404


# -- hearings --------------------------------------------------------------------------


class SidangBaruView(ApiView):
    @extend_schema(
        tags=["sidang"],
        request=m.SidangMasuk,
        responses={201: out.SidangBaruSerializer, **_galat(400, 401, 403, 404, 409)},
    )
    def post(self, request, pk):
        self.sengketa_id_galat, self.nama_transisi = pk, "jadwalkan_sidang"
        if not sengketa_terlihat(request.user).filter(pk=pk).exists():
            raise Http404
        d = _valid(m.SidangMasuk, request.data)
        hasil = layanan_sidang.sidang_jadwalkan(sengketa_id=pk, oleh=request.user, **d)
        data = _sidang_data(hasil.sidang.pk, request, hasil.peringatan)
        return Response(data, status=status.HTTP_201_CREATED)


class _SidangAksi(ApiView):
    def _sidang(self, request, pk) -> Sidang:
        sidang = _sidang_qs(request.user).get(pk=pk)
        self.sengketa_id_galat = sidang.sengketa_id
        return sidang


class SidangTundaView(_SidangAksi):
    @extend_schema(
        tags=["sidang"],
        request=m.TundaMasuk,
        responses={201: out.SidangBaruSerializer, **_galat(400, 401, 403, 404, 409)},
        description="Adjourn an opened hearing; answers with the next hearing it schedules.",
    )
    def post(self, request, pk):
        self.nama_transisi = "tunda_sidang"
        self._sidang(request, pk)
        d = _valid(m.TundaMasuk, request.data)
        hasil = layanan_sidang.sidang_tunda(sidang_id=pk, oleh=request.user, **d)
        data = _sidang_data(hasil.sidang.pk, request, hasil.peringatan)
        return Response(data, status=status.HTTP_201_CREATED)


class SidangSelesaiView(_SidangAksi):
    @extend_schema(
        tags=["sidang"],
        request=m.SelesaiMasuk,
        responses={200: out.SidangSerializer, **_galat(400, 401, 403, 404, 409)},
    )
    def post(self, request, pk):
        self.nama_transisi = "selesai_sidang"
        self._sidang(request, pk)
        d = _valid(m.SelesaiMasuk, request.data)
        kehadiran = [dict(k) for k in d["kehadiran"]]
        layanan_sidang.sidang_selesai(
            sidang_id=pk, oleh=request.user, kehadiran=kehadiran, ringkasan=d.get("ringkasan", "")
        )
        return Response(_sidang_data(pk, request))


class PanggilanDiterimaView(ApiView):
    @extend_schema(
        tags=["sidang"],
        request=m.PanggilanDiterimaMasuk,
        responses={200: out.PanggilanSerializer, **_galat(400, 401, 403, 404, 409)},
    )
    def post(self, request, pk):
        self.nama_transisi = "panggilan_diterima"
        panggilan = Panggilan.objects.select_related("sidang").get(
            pk=pk, sidang__sengketa__in=sengketa_terlihat(request.user)
        )
        self.sengketa_id_galat = panggilan.sidang.sengketa_id
        d = _valid(m.PanggilanDiterimaMasuk, request.data)
        layanan_sidang.panggilan_catat_diterima(panggilan_id=pk, oleh=request.user, **d)
        panggilan = (
            Panggilan.objects.select_related("sidang__sengketa__komisi")
            .prefetch_related(_pdf_panggilan())
            .get(pk=pk)
        )
        return Response(out.PanggilanSerializer(panggilan, context={"request": request}).data)


# -- public: calendar and hearing schedule ----------------------------------------------


class PublikView(ApiView):
    authentication_classes: list = []
    permission_classes = [AllowAny]


class TakDikenalView(PublikView):
    """Any other address under /api/ ending in a slash (`/api/v1/sengketa/abc/`): the API's
    JSON 404 for every method, not the site's HTML page. Addresses without the final slash
    still get Django's redirect to the slashed one first."""

    schema = None

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise Http404

    def options(self, request, *args, **kwargs):
        raise Http404


def _komisi_opsional(kode: str | None) -> KomisiInformasi | None:
    """A named commission, else the deployment's default one, else None (national days)."""
    if kode:
        return _komisi(kode)
    return KomisiInformasi.objects.filter(kode=settings.KOMISI_DEFAULT).first()


class HariKerjaView(PublikView):
    @extend_schema(
        tags=["kalender"],
        parameters=[
            OpenApiParameter("komisi", str),
            OpenApiParameter("dari", OpenApiTypes.DATE, required=True),
            OpenApiParameter("tambah", int, required=True, description="N HK; negative: before"),
        ],
        responses={200: out.HariKerjaSerializer, **_galat(400)},
    )
    def get(self, request):
        d = _valid(m.HariKerjaQuery, request.query_params)
        kal = Kalender.untuk(_komisi_opsional(d.get("komisi")))
        p = kal.jelaskan(d["dari"], d["tambah"])
        return Response(
            {
                "tanggal": p.hasil.isoformat(),
                "dari": p.mulai.isoformat(),
                "tambah": p.jumlah,
                "dilewati": [
                    {"tanggal": t.isoformat(), "keterangan": str(a)} for t, a in p.dilewati
                ],
            }
        )


class LiburView(PublikView):
    @extend_schema(
        tags=["kalender"],
        parameters=[OpenApiParameter("komisi", str), OpenApiParameter("tahun", int)],
        responses={200: out.LiburSerializer(many=True), **_galat(400)},
    )
    def get(self, request):
        d = _valid(m.LiburQuery, request.query_params)
        komisi = _komisi_opsional(d.get("komisi"))
        tahun = d.get("tahun") or (hari_ini(komisi) if komisi else timezone.localdate()).year
        syarat = Q(komisi__isnull=True) | (Q(komisi=komisi) if komisi else Q(pk__in=[]))
        baris = HariLibur.objects.filter(syarat, tanggal__year=tahun).order_by("tanggal", "id")
        data = out.LiburSerializer(baris, many=True, context={"komisi": komisi}).data
        if komisi:
            for p in Penangguhan.objects.filter(
                komisi=komisi, mulai__year__lte=tahun, selesai__year__gte=tahun
            ):
                data.append(
                    {
                        "tanggal": p.mulai.isoformat(),
                        "sampai": p.selesai.isoformat(),
                        "jenis": "penangguhan",
                        "jenis_label": str(_("Suspension of proceedings")),
                        "keterangan": p.keterangan,
                        "dasar": p.dasar,
                        "dikonfirmasi": True,
                        "nasional": False,
                        "berlaku": True,
                    }
                )
        return Response(data)


MAKS_HARI_JADWAL = 366
# The iCalendar body cannot be paged: at most this many hearings, in time order (a window
# of a year at a busy commission would otherwise be megabytes built on every request).
MAKS_SIDANG_ICS = 1000


def _jadwal(request) -> QuerySet[Sidang]:
    """The hearings of the asked window, in time order, for a page or the iCal body."""
    d = _valid(m.JadwalQuery, request.query_params)
    komisi = _komisi(d["komisi"]) if d.get("komisi") else None
    tz = zona(komisi.zona_waktu) if komisi else timezone.get_current_timezone()
    dari = d.get("dari") or timezone.now().astimezone(tz).date()
    sampai = d.get("sampai") or dari + timedelta(days=30)
    if sampai < dari:
        raise ValidationError({"sampai": [_("This date cannot be before %(medan)s.") % {
            "medan": "dari"}]})  # fmt: skip
    if (sampai - dari).days > MAKS_HARI_JADWAL:
        raise ValidationError(
            {"sampai": [_("At most %(maks)d days.") % {"maks": MAKS_HARI_JADWAL}]}
        )
    qs = Sidang.objects.filter(
        mulai__gte=datetime.combine(dari, time.min, tzinfo=tz),
        mulai__lt=datetime.combine(sampai + timedelta(days=1), time.min, tzinfo=tz),
    ).exclude(status=StatusSidang.BATAL)
    if komisi:
        qs = qs.filter(sengketa__komisi=komisi)
    # The parties ordered by their own columns: Pihak's default ordering sorts through the
    # case, a join with every case of the commission for one page.
    pihak = Prefetch("sengketa__pihak", queryset=Pihak.objects.order_by("sengketa_id", "peran"))
    return qs.select_related("sengketa__komisi").prefetch_related(pihak).order_by("mulai", "id")


class JadwalView(PublikView):
    """Paged like every list of the API (`page`, then `count`, `next`, `previous`,
    `results`); a page is cached briefly (workflows.tembolok_jadwal)."""

    pagination_class = Halaman

    @extend_schema(
        tags=["jadwal"],
        parameters=[
            OpenApiParameter("komisi", str),
            OpenApiParameter("dari", OpenApiTypes.DATE, description="default: today"),
            OpenApiParameter("sampai", OpenApiTypes.DATE, description="default: dari + 30 days"),
        ],
        responses={200: out.JadwalSerializer(many=True), **_galat(400, 404)},
    )
    def get(self, request):
        # The page's links are absolute: the key is the whole address as asked.
        return Response(tembolok_jadwal(("api", request.build_absolute_uri()), self._halaman))

    def _halaman(self) -> dict:
        paginator = self.pagination_class()
        baris = paginator.paginate_queryset(_jadwal(self.request), self.request, view=self)
        data = paginator.get_paginated_response(out.JadwalSerializer(baris, many=True).data).data
        return {**data, "results": list(data["results"])}  # plain values for the cache


class JadwalIcsView(PublikView):
    @extend_schema(
        tags=["jadwal"],
        description=f"At most {MAKS_SIDANG_ICS} hearings, in time order: for more, ask for"
        " a shorter window (`dari`, `sampai`).",
        parameters=[
            OpenApiParameter("komisi", str),
            OpenApiParameter("dari", OpenApiTypes.DATE),
            OpenApiParameter("sampai", OpenApiTypes.DATE),
        ],
        responses={(200, "text/calendar"): OpenApiTypes.STR, **_galat(400)},
    )
    def get(self, request):
        isi = tembolok_jadwal(
            ("api.ics", request.get_host(), request.get_full_path()), lambda: self._ical(request)
        )
        respons = HttpResponse(isi, content_type="text/calendar; charset=utf-8")
        respons["Content-Disposition"] = 'attachment; filename="jadwal-sidang.ics"'
        return respons

    def _ical(self, request) -> bytes:
        kal = Calendar()
        kal.add("prodid", "-//Kepaniteraan KI//Jadwal Sidang//ID")
        kal.add("version", "2.0")
        kal.add("x-wr-calname", "Jadwal Sidang Komisi Informasi")
        host = request.get_host()
        sidang = _jadwal(request)[:MAKS_SIDANG_ICS]
        for baris in out.JadwalSerializer(sidang, many=True).data:
            e = Event()
            e.add("uid", f"sidang-{baris['id']}@{host}")
            e.add("dtstamp", timezone.now())
            e.add("dtstart", datetime.fromisoformat(baris["mulai"]))
            e.add("dtend", datetime.fromisoformat(baris["selesai_rencana"]))
            e.add("summary", f"{baris['jenis_label']} {baris['nomor_register']}".strip())
            e.add("description", f"{baris['pemohon']} — {baris['termohon']}")
            e.add("location", ", ".join(x for x in (baris["ruang"], baris["tempat"]) if x))
            e.add("status", "CANCELLED" if baris["status"] == "batal" else "CONFIRMED")
            kal.add_component(e)
        return kal.to_ical()


# -- documents -------------------------------------------------------------------------


def _dokumen_qs():
    # Everything `dokumen.selectors.boleh_unduh` reads, so that it asks no more per row.
    return Dokumen.objects.select_related(
        "komisi", "sengketa", "pihak__badan_publik"
    ).prefetch_related("pihak__kuasa", "sengketa__pihak__kuasa", "sengketa__pihak__badan_publik")


class SengketaDokumenView(ApiView):
    @extend_schema(
        tags=["dokumen"],
        responses={200: out.DokumenSerializer(many=True), **_galat(401, 404)},
        description=(
            "The case's documents this user may see: the commission's staff all of them "
            "(pending and failed ones too); a party its own summonses and the case's rulings "
            "and decrees, current versions only (dokumen.md, 'Who may download'). "
            "`url_unduh` is null when there is no file this user may download."
        ),
    )
    def get(self, request, pk):
        sengketa = sengketa_terlihat(request.user).get(pk=pk)
        pengguna = request.user
        daftar = list(_dokumen_qs().filter(sengketa=sengketa).order_by("id"))
        boleh = {d.pk for d in daftar if boleh_unduh(pengguna, d)}
        if not adalah_staf(pengguna, sengketa.komisi_id):
            daftar = [d for d in daftar if d.pk in boleh]
        konteks = {"request": request, "boleh_unduh": lambda d: d.pk in boleh}
        return Response(out.DokumenSerializer(daftar, many=True, context=konteks).data)


class AbaikanAccept(DefaultContentNegotiation):
    """A file download answers with the file whatever the client accepts (no 406); errors
    are still rendered as JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class DokumenUnduhView(ApiView):
    content_negotiation_class = AbaikanAccept

    @extend_schema(
        tags=["dokumen"],
        responses={
            (200, MIME["pdf"]): OpenApiTypes.BINARY,
            (200, MIME["docx"]): OpenApiTypes.BINARY,
            **_galat(401, 404),
        },
        description="The file, as an attachment. 404 for anything this user may not download.",
    )
    def get(self, request, pk):
        # One answer for "does not exist" and "not yours" (dokumen.views.unduh's rule).
        return respons_unduhan(request.user, _dokumen_qs().filter(pk=pk).first())


class VerifikasiKodeView(PublikView):
    throttle_classes = [BatasLaju]
    throttle_scope = LINGKUP_VERIFIKASI

    @extend_schema(
        tags=["verifikasi"],
        responses={200: out.VerifikasiSerializer, **_galat(404, 429)},
        description="Public: the issued document with this verification code.",
    )
    def get(self, request, kode):
        # Codes are base32 letters and digits: anything else (a NUL byte, say) is unknown
        # without asking the database.
        bersih = normalkan_kode(kode)
        hasil = verifikasi_kode(bersih) if bersih.isascii() and bersih.isalnum() else None
        if hasil is None:
            raise Http404
        respons = Response(out.VerifikasiSerializer(hasil).data)
        respons["Cache-Control"] = "no-store"
        return respons


class VerifikasiBerkasView(PublikView):
    parser_classes = [MultiPartParser]
    throttle_classes = [BatasLaju]
    throttle_scope = LINGKUP_VERIFIKASI_BERKAS

    @extend_schema(
        tags=["verifikasi"],
        request=m.VerifikasiBerkasMasuk,
        responses={200: out.VerifikasiSerializer, **_galat(400, 404, 429)},
        description=(
            "Public: is this exact file (byte for byte, by SHA-256) an issued document? "
            f"At most {m.UNGGAH_MAKS_MB} MB."
        ),
    )
    def post(self, request):
        try:
            panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            panjang = 0
        if panjang > m.UNGGAH_MAKS + 64 * 1024:  # refused before the body is read
            raise ValidationError({"berkas": [m.pesan_terlalu_besar()]})
        d = _valid(m.VerifikasiBerkasMasuk, request.data)
        hasil = verifikasi_berkas(d["berkas"])
        if hasil is None:
            raise Http404
        respons = Response(out.VerifikasiSerializer(hasil).data)
        respons["Cache-Control"] = "no-store"
        return respons


# -- statistics ------------------------------------------------------------------------


class StatistikView(ApiView):
    @extend_schema(
        tags=["statistik"],
        parameters=[
            OpenApiParameter("komisi", str, required=True, description="commission code"),
            OpenApiParameter("tahun", int, description="calendar year; default: this year"),
            OpenApiParameter(
                "dari", OpenApiTypes.DATE, description="instead of tahun: first day of a range"
            ),
            OpenApiParameter("sampai", OpenApiTypes.DATE, description="last day of the range"),
        ],
        responses={200: StatistikSerializer, **_galat(400, 401, 403)},
        description=(
            "The tables 1-9 of the annual report (domain/statistik.md) for a calendar year or "
            "any range of days, for the commission's staff."
        ),
    )
    def get(self, request):
        d = _valid(StatistikQuery, request.query_params)
        komisi = _komisi(d["komisi"])
        if not adalah_staf(request.user, komisi.pk):
            raise PermissionDenied(_("Only the commission's staff may see its statistics."))
        periode = periode_dari(d, hari_ini(komisi))
        return Response(StatistikSerializer(statistik(komisi, periode)).data)
