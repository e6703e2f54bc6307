from django.urls import path
from django.views.generic import RedirectView

from . import aksi, akun_pihak, dua_faktor, gagal, jadwal, libur, pengalihan, views
from . import dokumen_tertanda as dokumen_tertanda_views
from . import impor as impor_views
from . import publikasi as publikasi_views
from . import register as register_views
from . import statistik as statistik_views

app_name = "kantor"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="kantor:tugas"), name="index"),
    path("masuk/", views.MasukView.as_view(), name="masuk"),
    path("keluar/", views.KeluarView.as_view(), name="keluar"),
    # Two-factor authentication: the code after the password, and its set-up page.
    path("masuk/kode/", dua_faktor.MasukKodeView.as_view(), name="masuk_kode"),
    path("dua-faktor/", dua_faktor.DuaFaktorView.as_view(), name="dua_faktor"),
    path("tugas/", views.DaftarTugasView.as_view(), name="tugas"),
    path("antrean/", views.DaftarTugasView.as_view(antrean=True), name="antrean"),
    path("arsip/", views.ArsipTugasView.as_view(), name="arsip"),
    path("tenggat/", views.TenggatView.as_view(), name="tenggat"),
    path("permohonan/baru/", views.PermohonanBaruView.as_view(), name="permohonan_baru"),
    path("sengketa/<int:pk>/", views.SengketaView.as_view(), name="sengketa"),
    path(
        "sengketa/<int:pk>/transisi/<slug:nama>/",
        views.TransisiView.as_view(),
        name="transisi",
    ),
    # Hearings: the calendar and the actions of the case page.
    path("jadwal/", jadwal.KalenderSidangView.as_view(), name="jadwal"),
    path(
        "sengketa/<int:pk>/sidang/jadwalkan/",
        aksi.JadwalkanSidangView.as_view(),
        name="sidang_jadwalkan",
    ),
    path("sidang/<int:pk>/<slug:aksi>/", aksi.AksiSidangView.as_view(), name="sidang_aksi"),
    path(
        "panggilan/<int:pk>/diterima/",
        aksi.PanggilanDiterimaView.as_view(),
        name="panggilan_diterima",
    ),
    # Assignments: conflicts of interest and recusal.
    path("sengketa/<int:pk>/konflik/", aksi.KonflikView.as_view(), name="konflik"),
    path(
        "sengketa/<int:pk>/penggantian/",
        aksi.PenggantianAjukanView.as_view(),
        name="penggantian_ajukan",
    ),
    path(
        "penggantian/<int:pk>/putuskan/",
        aksi.PenggantianPutuskanView.as_view(),
        name="penggantian_putuskan",
    ),
    # Portal accounts: a kuasa's account on a case, a PPID officer's on a public body.
    path("sengketa/<int:pk>/kuasa/", akun_pihak.KuasaView.as_view(), name="akun_pihak_kuasa"),
    path(
        "kuasa/<int:pk>/nonaktifkan/",
        akun_pihak.KuasaNonaktifView.as_view(),
        name="akun_pihak_kuasa_nonaktif",
    ),
    path(
        "badan-publik/<int:pk>/petugas/",
        akun_pihak.PetugasView.as_view(),
        name="akun_pihak_petugas",
    ),
    # The holiday calendar of a commission.
    path("libur/", libur.LiburView.as_view(), name="libur"),
    path("libur/<int:pk>/ubah/", libur.LiburUbahView.as_view(), name="libur_ubah"),
    path("libur/<int:pk>/hapus/", libur.LiburHapusView.as_view(), name="libur_hapus"),
    path("libur/penangguhan/", libur.PenangguhanView.as_view(), name="penangguhan"),
    # The redaction review of the ruling directory (dokumen.md "Publication").
    path("publikasi/", publikasi_views.PublikasiView.as_view(), name="publikasi"),
    path(
        "publikasi/dokumen/<int:pk>/",
        publikasi_views.PublikasiTinjauView.as_view(),
        name="publikasi_tinjau",
    ),
    path(
        "publikasi/<int:pk>/tarik/",
        publikasi_views.PublikasiTarikView.as_view(),
        name="publikasi_tarik",
    ),
    # Reassignment of open tasks: one task of a case, or all tasks of a person who leaves.
    path(
        "sengketa/<int:pk>/pengalihan/",
        pengalihan.PengalihanView.as_view(),
        name="pengalihan",
    ),
    path("pengalihan/", pengalihan.PengalihanMassalView.as_view(), name="pengalihan_massal"),
    # Statistics: the dashboard, its XLSX exports, the annual report.
    path("statistik/", statistik_views.StatistikView.as_view(), name="statistik"),
    path(
        "statistik/xlsx/<slug:kode>/",
        statistik_views.StatistikXlsxView.as_view(),
        name="statistik_xlsx",
    ),
    path(
        "statistik/laporan/", statistik_views.LaporanTahunanView.as_view(), name="laporan_tahunan"
    ),
    path(
        "statistik/laporan/status/",
        statistik_views.LaporanStatusView.as_view(),
        name="laporan_tahunan_status",
    ),
    path(
        "statistik/laporan/<int:pk>/unduh/",
        statistik_views.LaporanUnduhView.as_view(),
        name="laporan_tahunan_unduh",
    ),
    # The register book and the import of an existing register (issue 7).
    path("register/", register_views.RegisterView.as_view(), name="register"),
    path("impor/", impor_views.ImporView.as_view(), name="impor"),
    path("impor/kolom/", impor_views.ImporPemetaanView.as_view(), name="impor_pemetaan"),
    path("impor/pratinjau/", impor_views.ImporPratinjauView.as_view(), name="impor_pratinjau"),
    path("impor/jalankan/", impor_views.ImporJalankanView.as_view(), name="impor_jalankan"),
    path("impor/hasil/", impor_views.ImporHasilView.as_view(), name="impor_hasil"),
    path("impor/batal/", impor_views.ImporBatalView.as_view(), name="impor_batal"),
    # Documents of the case page: the signed PDF of record, a failed rendering again.
    path(
        "dokumen/<int:pk>/tertanda/",
        dokumen_tertanda_views.DokumenTertandaView.as_view(),
        name="dokumen_tertanda",
    ),
    path(
        "dokumen/<int:pk>/coba-lagi/",
        dokumen_tertanda_views.DokumenCobaLagiView.as_view(),
        name="dokumen_coba_lagi",
    ),
    # Failed background work.
    path("tugas-gagal/", gagal.TugasGagalView.as_view(), name="tugas_gagal"),
    path(
        "tugas-gagal/notifikasi/<int:pk>/",
        gagal.CobaLagiNotifikasiView.as_view(),
        name="coba_lagi_notifikasi",
    ),
    path(
        "tugas-gagal/dokumen/<int:pk>/",
        gagal.CobaLagiDokumenView.as_view(),
        name="coba_lagi_dokumen",
    ),
    path(
        "tugas-gagal/antrean/<str:pk>/",
        gagal.CobaLagiAntreanView.as_view(),
        name="coba_lagi_antrean",
    ),
]
