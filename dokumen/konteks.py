"""Context builders: a document row and its case -> a frozen dataclass of formatted text.

The only place that reads the database for rendering; the renderers get plain strings.
"""

from django.conf import settings
from django.urls import reverse

from sengketa.kalender import Kalender
from sengketa.models import (
    Alasan,
    Keanggotaan,
    KodeTenggat,
    Penugasan,
    PeranPenugasan,
    Sengketa,
    Tenggat,
)
from sengketa.waktu import zona

from .format import angka_terbilang, pukul, tanggal_panjang, tanggal_tanpa_hari, tanggal_terbilang
from .models import Dokumen, JenisDokumen
from .render.data import (
    KonteksAktaRegistrasi,
    KonteksPanggilan,
    KonteksPemberitahuanKekurangan,
    KonteksPenetapanMajelis,
    KonteksTandaTerima,
    KopSurat,
    Penanda,
    TandaTangan,
)

# Documents are always in Indonesian, whatever the reader's UI language: the legal wording
# lives here rather than in the (English-msgid) model choices.
ALASAN_ID = {
    Alasan.A: "penolakan atas permintaan informasi berdasarkan alasan pengecualian",
    Alasan.B: "tidak disediakannya informasi berkala",
    Alasan.C: "tidak ditanggapinya permintaan informasi",
    Alasan.D: "permintaan informasi ditanggapi tidak sebagaimana yang diminta",
    Alasan.E: "tidak dipenuhinya permintaan informasi",
    Alasan.F: "pengenaan biaya yang tidak wajar",
    Alasan.G: "penyampaian informasi yang melebihi waktu yang diatur",
}
KELENGKAPAN_ID = {
    "identitas": "Identitas Pemohon",
    "bukti_permohonan": "Bukti permohonan informasi kepada Badan Publik",
    "bukti_keberatan": "Bukti pengajuan keberatan kepada atasan PPID",
}
SALURAN_ID = {
    "langsung": "Datang langsung",
    "pos": "Pos",
    "email": "Surat elektronik",
    "daring": "Permohonan daring",
}
SIDANG_ID = {
    "pemeriksaan_awal": "Pemeriksaan Awal",
    "mediasi": "Mediasi",
    "pembuktian": "Pembuktian",
    "pemeriksaan_setempat": "Pemeriksaan Setempat",
    "kesimpulan": "Kesimpulan",
    "pembacaan_putusan_sela": "Pembacaan Putusan Sela",
    "pembacaan_putusan": "Pembacaan Putusan",
    "pembacaan_putusan_mediasi": "Pembacaan Putusan Mediasi",
}
PERAN_ID = {
    "pemohon": "Pemohon",
    "termohon": "Termohon",
    "kuasa_pemohon": "Kuasa Pemohon",
    "kuasa_termohon": "Kuasa Termohon",
}


def nama_orang(pengguna) -> str:
    if pengguna is None:
        return "-"
    return pengguna.get_full_name() or pengguna.get_username()


def kop_surat(komisi) -> KopSurat:
    return KopSurat(
        nama=komisi.nama,
        alamat=", ".join(filter(None, [komisi.alamat.replace("\n", ", "), komisi.kota])),
        telepon=komisi.telepon,
        email=komisi.email,
        situs_web=komisi.situs_web,
        kota=komisi.kota,
        ukuran_kertas=komisi.ukuran_kertas,
    )


def url_verifikasi(kode: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("dokumen:verifikasi", args=[kode])


def penanda(dok: Dokumen) -> Penanda:
    return Penanda(kode=dok.kode_verifikasi, url=url_verifikasi(dok.kode_verifikasi))


def para_pihak(s: Sengketa) -> str:
    return f"{s.pemohon.nama} sebagai Pemohon terhadap {s.termohon.nama} sebagai Termohon"


def _penugasan(s: Sengketa, peran: str) -> list:
    return [
        p.pengguna
        for p in Penugasan.objects.filter(sengketa=s, peran=peran, aktif=True)
        .select_related("pengguna")
        .order_by("id")
    ]


def _keanggotaan(pengguna, komisi) -> Keanggotaan | None:
    if pengguna is None:
        return None
    return Keanggotaan.objects.filter(pengguna=pengguna, komisi=komisi).first()


def _ttd(dok: Dokumen, jabatan_baku: str, pengguna=None, tanggal=None) -> TandaTangan:
    s = dok.sengketa
    pengguna = pengguna or (dok.riwayat.oleh if dok.riwayat else None)
    tanggal = tanggal or (dok.riwayat.tanggal if dok.riwayat else s.tanggal_diterima)
    anggota = _keanggotaan(pengguna, s.komisi)
    return TandaTangan(
        tempat_tanggal=", ".join(filter(None, [s.komisi.kota, tanggal_tanpa_hari(tanggal)])),
        jabatan=(anggota.jabatan if anggota and anggota.jabatan else jabatan_baku),
        nama=nama_orang(pengguna),
    )


def konteks_panggilan(dok: Dokumen) -> KonteksPanggilan:
    p, s = dok.panggilan, dok.sengketa
    sidang, komisi = p.sidang, s.komisi
    kepada = f"{p.kuasa.nama}, kuasa dari {p.pihak.nama}" if p.kuasa else p.pihak.nama
    alamat = (p.kuasa.alamat if p.kuasa else p.pihak.alamat) or ""
    tempat = ", ".join(filter(None, [sidang.ruang, sidang.tempat]))
    if sidang.daring:
        tempat = f"Secara daring melalui {sidang.tautan}" + (f" ({tempat})" if tempat else "")
    pp = next(iter(_penugasan(s, PeranPenugasan.PANITERA_PENGGANTI)), None)
    pp_anggota = _keanggotaan(pp, komisi)
    return KonteksPanggilan(
        kop=kop_surat(komisi),
        penanda=penanda(dok),
        nomor_surat=p.nomor,
        panggilan_ke=p.panggilan_ke,
        kepada=kepada,
        sebagai=PERAN_ID.get(p.peran, p.peran),
        alamat_kepada=alamat,
        nomor_register=s.nomor_register or "-",
        para_pihak=para_pihak(s),
        jenis_sidang=SIDANG_ID.get(sidang.jenis, sidang.jenis),
        hari_tanggal=tanggal_panjang(sidang.mulai.astimezone(zona(komisi.zona_waktu)).date()),
        pukul=pukul(sidang.mulai, komisi),
        tempat=tempat or "-",
        agenda=sidang.agenda or SIDANG_ID.get(sidang.jenis, sidang.jenis),
        pp_nama=nama_orang(pp),
        pp_telepon=(pp_anggota.telepon if pp_anggota else "") or komisi.telepon,
        tanda_tangan=_ttd(dok, "Panitera Pengganti" if pp else "Panitera", pengguna=pp),
    )


def konteks_tanda_terima(dok: Dokumen) -> KonteksTandaTerima:
    s, r = dok.sengketa, dok.riwayat
    pemohon = s.pemohon
    kuasa = ", ".join(k.nama for k in pemohon.kuasa.all() if k.aktif)
    dicatat = r.dicatat_pada.astimezone(zona(s.komisi.zona_waktu)) if r else None
    # The time is only known when the application was entered on the day it arrived.
    jam = (
        pukul(r.dicatat_pada, s.komisi) if dicatat and dicatat.date() == s.tanggal_diterima else "-"
    )
    return KonteksTandaTerima(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor=dok.nomor,
        tanggal_diterima=tanggal_panjang(s.tanggal_diterima),
        pukul=jam,
        saluran=SALURAN_ID.get(s.saluran, s.saluran),
        pemohon=pemohon.nama,
        alamat_pemohon=pemohon.alamat,
        kuasa=kuasa,
        termohon=s.termohon.nama,
        informasi_diminta=tuple(i.uraian for i in s.informasi_diminta.all()),
        lampiran=tuple(KELENGKAPAN_ID.get(k, k) for k, ada in s.kelengkapan.items() if ada),
        tanda_tangan=_ttd(dok, "Petugas Kepaniteraan", tanggal=s.tanggal_diterima),
    )


def konteks_akta_registrasi(dok: Dokumen) -> KonteksAktaRegistrasi:
    s = dok.sengketa
    tanggal = s.tanggal_registrasi or dok.riwayat.tanggal
    return KonteksAktaRegistrasi(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor_register=s.nomor_register,
        tanggal_registrasi_terbilang=tanggal_terbilang(tanggal),
        tanggal_registrasi=tanggal_panjang(tanggal),
        tanggal_diterima=tanggal_panjang(s.tanggal_diterima),
        pemohon=s.pemohon.nama,
        termohon=s.termohon.nama,
        informasi_diminta=tuple(i.uraian for i in s.informasi_diminta.all()),
        alasan=tuple(f"huruf {a}: {ALASAN_ID.get(a, a)}" for a in s.daftar_alasan),
        tujuan_penggunaan=s.tujuan_penggunaan,
        petitum=s.petitum,
        tanda_tangan=_ttd(dok, "Panitera"),
    )


def konteks_penetapan_majelis(dok: Dokumen) -> KonteksPenetapanMajelis:
    s = dok.sengketa
    ketua = _penugasan(s, PeranPenugasan.KETUA_MAJELIS)
    pp = _penugasan(s, PeranPenugasan.PANITERA_PENGGANTI)
    return KonteksPenetapanMajelis(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor=dok.nomor,
        nomor_register=s.nomor_register,
        tanggal_registrasi=tanggal_tanpa_hari(s.tanggal_registrasi),
        para_pihak=para_pihak(s),
        ketua_majelis=nama_orang(ketua[0] if ketua else None),
        anggota=tuple(nama_orang(u) for u in _penugasan(s, PeranPenugasan.ANGGOTA_MAJELIS)),
        panitera_pengganti=nama_orang(pp[0] if pp else None),
        tanda_tangan=_ttd(dok, f"Ketua {s.komisi.nama}"),
    )


def konteks_pemberitahuan_kekurangan(dok: Dokumen) -> KonteksPemberitahuanKekurangan:
    s, komisi = dok.sengketa, dok.sengketa.komisi
    diminta = s.tanggal_kelengkapan_diminta or dok.riwayat.tanggal
    tenggat = (
        Tenggat.objects.filter(sengketa=s, kode=KodeTenggat.KELENGKAPAN).order_by("-id").first()
    )
    batas = (
        tenggat.tanggal
        if tenggat
        else Kalender.untuk(komisi).tambah(diminta, komisi.hk_kelengkapan)
    )
    pemohon = s.pemohon
    return KonteksPemberitahuanKekurangan(
        kop=kop_surat(komisi),
        penanda=penanda(dok),
        nomor_surat=dok.nomor,
        kepada=pemohon.nama,
        alamat_kepada=pemohon.alamat,
        tanggal_diterima=tanggal_panjang(s.tanggal_diterima),
        termohon=s.termohon.nama,
        kekurangan=tuple(KELENGKAPAN_ID.get(k, k) for k in s.kekurangan),
        batas_waktu=angka_terbilang(komisi.hk_kelengkapan, "hari kerja"),
        tanggal_batas=tanggal_panjang(batas),
        tanda_tangan=_ttd(dok, "Panitera", tanggal=diminta),
    )


PEMBANGUN = {
    JenisDokumen.PANGGILAN: konteks_panggilan,
    JenisDokumen.TANDA_TERIMA: konteks_tanda_terima,
    JenisDokumen.AKTA_REGISTRASI: konteks_akta_registrasi,
    JenisDokumen.PENETAPAN_MAJELIS: konteks_penetapan_majelis,
    JenisDokumen.PEMBERITAHUAN_KEKURANGAN: konteks_pemberitahuan_kekurangan,
}


def konteks(dok: Dokumen):
    return PEMBANGUN[dok.jenis](dok)
