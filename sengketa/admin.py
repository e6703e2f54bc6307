"""Django admin for reference data. Cases are read-only here: every change of a case goes
through its service (workflows.layanan), and the holiday calendar through the service that
moves the running deadlines with it."""

from django.contrib import admin

from .models import (
    BadanPublik,
    HariLibur,
    Keanggotaan,
    KomisiInformasi,
    Penangguhan,
    RiwayatStatus,
    Sengketa,
    Tenggat,
)


@admin.register(KomisiInformasi)
class KomisiInformasiAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "tingkat", "zona_waktu")
    search_fields = ("kode", "nama")


@admin.register(BadanPublik)
class BadanPublikAdmin(admin.ModelAdmin):
    list_display = ("nama", "kategori", "komisi", "kota")
    list_filter = ("komisi", "kategori")
    search_fields = ("nama",)
    filter_horizontal = ("petugas",)


@admin.register(Keanggotaan)
class KeanggotaanAdmin(admin.ModelAdmin):
    list_display = ("pengguna", "komisi", "jabatan", "aktif")
    list_filter = ("komisi", "aktif")


class HanyaBaca(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RiwayatInline(admin.TabularInline):
    model = RiwayatStatus
    fields = ("tanggal", "transisi", "dari", "ke", "oleh", "atas_nama", "dicatat_pada")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class TenggatInline(admin.TabularInline):
    model = Tenggat
    fields = ("kode", "mulai", "panjang", "satuan", "tanggal", "dasar", "status", "terpenuhi_pada")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Sengketa)
class SengketaAdmin(HanyaBaca):
    list_display = ("__str__", "komisi", "status", "tanggal_diterima", "tanggal_registrasi")
    list_filter = ("komisi", "status")
    search_fields = ("nomor_register", "pihak__nama")
    inlines = (TenggatInline, RiwayatInline)


@admin.register(HariLibur)
class HariLiburAdmin(HanyaBaca):
    """Listed here; added and changed through the holiday service, which moves deadlines."""

    list_display = ("tanggal", "keterangan", "jenis", "komisi", "dikonfirmasi", "dasar")
    list_filter = ("jenis", "dikonfirmasi", "komisi")
    date_hierarchy = "tanggal"


@admin.register(Penangguhan)
class PenangguhanAdmin(HanyaBaca):
    list_display = ("komisi", "mulai", "selesai", "dasar")
