"""Context builders: a document row and its case -> a frozen dataclass of formatted text.

The only place that reads the database for rendering; the renderers get plain strings.
"""

import io
import logging
import threading

from django.conf import settings
from django.urls import reverse

from sengketa.kalender import Kalender
from sengketa.models import (
    Alasan,
    Keanggotaan,
    KodeTenggat,
    Panggilan,
    Penugasan,
    PeranPenugasan,
    Sengketa,
    Sidang,
    StatusSidang,
    Tenggat,
)
from sengketa.penomoran import nomor_putusan
from sengketa.waktu import zona

from .format import angka_terbilang, pukul, tanggal_panjang, tanggal_tanpa_hari, tanggal_terbilang
from .models import Dokumen, JenisDokumen
from .render.data import (
    KetidakhadiranPemohon,
    KonteksAktaRegistrasi,
    KonteksBeritaAcara,
    KonteksGugur,
    KonteksKesepakatanMediasi,
    KonteksMediasiGagal,
    KonteksPanggilan,
    KonteksPelimpahan,
    KonteksPemberitahuanKekurangan,
    KonteksPencabutan,
    KonteksPenetapanMajelis,
    KonteksPenetapanMediator,
    KonteksPutusan,
    KonteksPutusanMediasi,
    KonteksPutusanSela,
    KonteksSalinanPermohonan,
    KonteksSalinanPutusan,
    KonteksTandaTerima,
    KonteksTidakDiregistrasi,
    KopSurat,
    Penanda,
    SidangTercatat,
    TandaTangan,
)
from .render.surat import KEHADIRAN_ID

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
AMAR_ID = {
    "dikabulkan_seluruhnya": "Mengabulkan permohonan Pemohon untuk seluruhnya.",
    "dikabulkan_sebagian": "Mengabulkan permohonan Pemohon untuk sebagian.",
    "ditolak": "Menolak permohonan Pemohon untuk seluruhnya.",
}
JENIS_PEMOHON_ID = {
    "perorangan": "Perorangan",
    "badan_hukum": "Badan Hukum",
    "kelompok_orang": "Kelompok Orang",
    "badan_publik": "Badan Publik",
}
SEBAB_GAGAL_ID = {
    "tidak_sepakat": "Para pihak tidak mencapai kesepakatan",
    "pihak_menarik_diri": "Salah satu pihak menarik diri dari mediasi",
    "waktu_habis": "Jangka waktu mediasi telah habis",
    "termohon_tidak_hadir": "Termohon tidak hadir dalam mediasi",
}
DASAR_SELA_ID = {
    "tidak_berwenang": "Komisi Informasi tidak berwenang memeriksa dan memutus permohonan a quo",
    "legal_standing_pemohon": "Pemohon tidak memiliki kedudukan hukum (legal standing) sebagai "
    "Pemohon Informasi Publik",
    "legal_standing_termohon": "Termohon bukan merupakan Badan Publik sebagaimana dimaksud "
    "Pasal 1 angka 3 Undang-Undang Nomor 14 Tahun 2008",
    "daluwarsa": "permohonan diajukan melewati jangka waktu sebagaimana dimaksud Pasal 37 ayat "
    "(2) Undang-Undang Nomor 14 Tahun 2008 (daluwarsa)",
    "prematur": "permohonan diajukan sebelum proses keberatan kepada atasan PPID selesai "
    "(prematur)",
    "itikad_tidak_baik": "permohonan tidak diajukan dengan itikad baik",
}
METODE_ID = {
    "pos": "pos",
    "kurir": "kurir",
    "email": "surat elektronik",
    "whatsapp": "WhatsApp",
    "langsung": "diserahkan langsung",
}


def nama_orang(pengguna) -> str:
    if pengguna is None:
        return "-"
    return pengguna.get_full_name() or pengguna.get_username()


log = logging.getLogger(__name__)

# The logo is printed about 20 mm high: 300 px is over 350 dpi there, and a small image keeps
# the per-letter cost (reportlab compresses it into every PDF) negligible.
LOGO_SISI_MAKS = 300
# An image whose header claims more pixels than this is not a logo (a decompression bomb).
LOGO_PIKSEL_MAKS = 25_000_000
_LOGO: dict[tuple, bytes] = {}
_LOGO_KUNCI = threading.Lock()


def logo_kop(komisi) -> bytes:
    """The commission's logo as small PNG bytes for the letterhead, or b"" without one.

    Cached per commission and file (name and size: a replaced logo is read again), like the
    rest of the letterhead. A missing or unreadable file is logged and the letter goes out
    without a logo: a broken image must never stop a summons or a ruling."""
    berkas = komisi.logo
    if not berkas or not berkas.name:
        return b""
    try:
        ukuran = berkas.storage.size(berkas.name)
    except (OSError, NotImplementedError):
        ukuran = None
    kunci = (komisi.pk, berkas.name, ukuran)
    if kunci in _LOGO:
        return _LOGO[kunci]
    hasil = b""
    if ukuran is None:
        log.warning("logo komisi %s tidak ditemukan: %s", komisi.kode, berkas.name)
    else:
        try:
            with berkas.storage.open(berkas.name, "rb") as f:
                hasil = _png_logo(f.read())
        except Exception:  # any unreadable image: no logo, never a failed document
            log.warning("logo komisi %s tidak dapat dibaca: %s", komisi.kode, berkas.name)
    with _LOGO_KUNCI:
        if len(_LOGO) > 64:
            _LOGO.clear()
        _LOGO[kunci] = hasil
    return hasil


def _png_logo(isi: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(isi)) as gambar:
        lebar, tinggi = gambar.size
        if lebar * tinggi > LOGO_PIKSEL_MAKS:
            raise ValueError(f"logo {lebar}x{tinggi} terlalu besar")
        gambar.load()
        mode = "RGBA" if gambar.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        gambar = gambar.convert(mode)
        gambar.thumbnail((LOGO_SISI_MAKS, LOGO_SISI_MAKS))
        keluar = io.BytesIO()
        gambar.save(keluar, format="PNG", optimize=True)
    return keluar.getvalue()


def kop_surat(komisi) -> KopSurat:
    return KopSurat(
        nama=komisi.nama,
        alamat=", ".join(filter(None, [komisi.alamat.replace("\n", ", "), komisi.kota])),
        telepon=komisi.telepon,
        email=komisi.email,
        situs_web=komisi.situs_web,
        kota=komisi.kota,
        ukuran_kertas=komisi.ukuran_kertas,
        logo=logo_kop(komisi),
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


# Attachments uploaded with an online filing (portal.Lampiran), in the order of the form.
LAMPIRAN_DARING_ID = {
    "identitas": "Identitas Pemohon",
    "bukti_permohonan": "Bukti permohonan informasi",
    "jawaban_permohonan": "Tanggapan PPID atas permohonan informasi",
    "bukti_keberatan": "Bukti pengajuan keberatan",
    "tanggapan_keberatan": "Tanggapan atasan PPID atas keberatan",
    "surat_kuasa": "Surat kuasa",
    "akta_badan_hukum": "Akta pendirian badan hukum",
    "lainnya": "Dokumen pendukung lainnya",
}


def _lampiran_daring(s: Sengketa) -> tuple[str, ...]:
    urutan = list(LAMPIRAN_DARING_ID)
    berkas = sorted(
        s.lampiran_portal.all(),
        key=lambda b: (urutan.index(b.jenis) if b.jenis in urutan else 99, b.pk),
    )
    return tuple(
        f"{LAMPIRAN_DARING_ID.get(b.jenis, b.jenis)}: {b.nama_asli} ({_ukuran(b.ukuran)})"
        for b in berkas
    )


def _ukuran(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1024))} KB"


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
        lampiran=tuple(KELENGKAPAN_ID.get(k, k) for k, ada in s.kelengkapan.items() if ada)
        + _lampiran_daring(s),
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


# --- rulings, minutes and mediation ---


def _satu(s: Sengketa, peran: str):
    return next(iter(_penugasan(s, peran)), None)


def _susunan(s: Sengketa) -> tuple[str, tuple[str, ...], str]:
    """Names of the active ketua majelis, anggota and PP."""
    return (
        nama_orang(_satu(s, PeranPenugasan.KETUA_MAJELIS)),
        tuple(nama_orang(u) for u in _penugasan(s, PeranPenugasan.ANGGOTA_MAJELIS)),
        nama_orang(_satu(s, PeranPenugasan.PANITERA_PENGGANTI)),
    )


def _ttd_majelis(s: Sengketa, tempat_tanggal: str) -> tuple[TandaTangan, ...]:
    ketua, anggota, pp = _susunan(s)
    return (
        TandaTangan(tempat_tanggal, "Ketua Majelis Komisioner", ketua),
        *(TandaTangan("", "Anggota Majelis Komisioner", nama) for nama in anggota),
        TandaTangan("", "Panitera Pengganti", pp),
    )


def _tempat_tanggal(s: Sengketa, tanggal) -> str:
    return ", ".join(filter(None, [s.komisi.kota, tanggal_tanpa_hari(tanggal)]))


def _kuasa(pihak) -> list[str]:
    hasil = []
    for k in pihak.kuasa.all():
        if not k.aktif:
            continue
        dasar = f"Surat Kuasa Nomor {k.nomor_surat_kuasa}" if k.nomor_surat_kuasa else ""
        if dasar and k.tanggal_surat_kuasa:
            dasar += f" tanggal {tanggal_tanpa_hari(k.tanggal_surat_kuasa)}"
        hasil.append(f"{k.nama} berdasarkan {dasar}" if dasar else k.nama)
    return hasil


def _identitas(pihak) -> tuple[tuple[str, str], ...]:
    baris = [("Nama", pihak.nama)]
    if pihak.peran == "pemohon":
        baris.append(("Jenis Pemohon", JENIS_PEMOHON_ID.get(pihak.jenis, pihak.jenis)))
    baris.append(("Alamat", pihak.alamat or "-"))
    baris += [("Kuasa", k) for k in _kuasa(pihak)]
    return tuple(baris)


def _kronologi(s: Sengketa) -> tuple[str, ...]:
    t = tanggal_panjang
    butir = [
        f"Pada {t(s.tanggal_permohonan_informasi)}, Pemohon mengajukan permohonan informasi "
        "kepada Termohon."
    ]
    if s.tanggal_tanggapan_ppid:
        butir.append(
            f"Pada {t(s.tanggal_tanggapan_ppid)}, Pejabat Pengelola Informasi dan Dokumentasi "
            "(PPID) Termohon memberikan tanggapan atas permohonan informasi tersebut."
        )
    else:
        butir.append(
            "Pejabat Pengelola Informasi dan Dokumentasi (PPID) Termohon tidak memberikan "
            "tanggapan atas permohonan informasi tersebut."
        )
    butir.append(
        f"Pada {t(s.tanggal_keberatan)}, Pemohon mengajukan keberatan kepada atasan PPID Termohon."
    )
    if s.tanggal_tanggapan_atasan:
        butir.append(
            f"Pada {t(s.tanggal_tanggapan_atasan)}, atasan PPID Termohon memberikan tanggapan "
            "atas keberatan tersebut."
        )
    else:
        butir.append("Atasan PPID Termohon tidak memberikan tanggapan atas keberatan tersebut.")
    butir.append(
        f"Pada {t(s.tanggal_diterima)}, Pemohon mengajukan permohonan penyelesaian sengketa "
        f"informasi publik kepada {s.komisi.nama}."
    )
    return tuple(butir)


def _tanggal_sidang(sidang: Sidang, komisi):
    return sidang.mulai.astimezone(zona(komisi.zona_waktu)).date()


def _sidang_tercatat(s: Sengketa) -> tuple[SidangTercatat, ...]:
    hasil = []
    for sd in (
        Sidang.objects.filter(sengketa=s, status=StatusSidang.SELESAI)
        .prefetch_related("kehadiran__pihak")
        .order_by("mulai", "id")
    ):
        hadir = "; ".join(
            f"{PERAN_ID.get(k.pihak.peran, k.pihak.peran)} "
            f"{KEHADIRAN_ID.get(k.status, k.status).lower()}"
            for k in sorted(sd.kehadiran.all(), key=lambda k: k.pihak.peran)
        )
        hasil.append(
            SidangTercatat(
                jenis=SIDANG_ID.get(sd.jenis, sd.jenis),
                hari_tanggal=tanggal_panjang(_tanggal_sidang(sd, s.komisi)),
                kehadiran=hadir or "kehadiran tidak dicatat",
            )
        )
    return tuple(hasil)


def konteks_putusan(dok: Dokumen) -> KonteksPutusan:
    s = dok.sengketa
    ketua, anggota, pp = _susunan(s)
    dibaca = s.tanggal_putusan or dok.riwayat.tanggal
    musyawarah = s.tanggal_musyawarah or dibaca
    jangka = s.jangka_waktu_pelaksanaan
    return KonteksPutusan(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor_putusan=s.nomor_putusan or dok.nomor or s.nomor_register,
        nomor_register=s.nomor_register,
        pemohon=s.pemohon.nama,
        termohon=s.termohon.nama,
        identitas_pemohon=_identitas(s.pemohon),
        identitas_termohon=_identitas(s.termohon),
        tanggal_diterima=tanggal_panjang(s.tanggal_diterima),
        tanggal_registrasi=tanggal_panjang(s.tanggal_registrasi),
        kronologi=_kronologi(s),
        informasi_diminta=tuple(i.uraian for i in s.informasi_diminta.all()),
        alasan=tuple(f"huruf {a}: {ALASAN_ID.get(a, a)}" for a in s.daftar_alasan),
        tujuan_penggunaan=s.tujuan_penggunaan,
        petitum=s.petitum,
        sidang=_sidang_tercatat(s),
        berwenang=s.berwenang,
        legal_standing_pemohon=s.legal_standing_pemohon,
        legal_standing_termohon=s.legal_standing_termohon,
        dalam_jangka_waktu=s.dalam_jangka_waktu,
        catatan_pemeriksaan_awal=s.catatan_pemeriksaan_awal,
        amar_pokok=AMAR_ID.get(s.amar, s.amar),
        isi_amar=s.isi_amar,
        jangka_pelaksanaan=angka_terbilang(jangka, "hari kerja") if jangka else "",
        tanggal_musyawarah=tanggal_terbilang(musyawarah),
        tanggal_putusan=tanggal_terbilang(dibaca),
        ketua_majelis=ketua,
        anggota=anggota,
        panitera_pengganti=pp,
        kota=s.komisi.kota,
        tanggal_putusan_singkat=tanggal_tanpa_hari(dibaca),
    )


def konteks_salinan_putusan(dok: Dokumen) -> KonteksSalinanPutusan:
    s, pihak = dok.sengketa, dok.pihak
    pp = _satu(s, PeranPenugasan.PANITERA_PENGGANTI)
    kepada = f"{pihak.nama} ({PERAN_ID.get(pihak.peran, pihak.peran)})" if pihak else "-"
    return KonteksSalinanPutusan(
        putusan=konteks_putusan(dok),
        kepada=kepada,
        pengesahan=TandaTangan(
            tempat_tanggal=_tempat_tanggal(s, s.tanggal_putusan or dok.riwayat.tanggal),
            jabatan="Panitera Pengganti",
            nama=nama_orang(pp),
            atas_nama="Disalin sesuai dengan aslinya,",
        ),
    )


def _kehadiran_ba(sidang: Sidang) -> tuple[tuple[str, str], ...]:
    baris = []
    for k in sorted(sidang.kehadiran.all(), key=lambda k: k.pihak.peran):
        p = k.pihak
        nilai = KEHADIRAN_ID.get(k.status, k.status)
        if k.status == "diwakili":
            kuasa = _kuasa(p)
            if kuasa:
                nilai += ": " + "; ".join(kuasa)
        if k.keterangan:
            nilai += f" ({k.keterangan})"
        baris.append((f"{PERAN_ID.get(p.peran, p.peran)}: {p.nama}", nilai))
    return tuple(baris)


def konteks_berita_acara(dok: Dokumen) -> KonteksBeritaAcara:
    sidang, s = dok.sidang, dok.sengketa
    komisi = s.komisi
    ketua, anggota, pp = _susunan(s)
    if sidang.jenis == "mediasi":
        mediator = _penugasan(s, PeranPenugasan.MEDIATOR)
        pembantu = _penugasan(s, PeranPenugasan.MEDIATOR_PEMBANTU)
        majelis = tuple(f"{nama_orang(u)} sebagai Mediator" for u in mediator)
        majelis += tuple(f"{nama_orang(u)} sebagai Mediator Pembantu" for u in pembantu)
        pemimpin = (nama_orang(mediator[0]) if mediator else ketua, "Mediator")
    else:
        majelis = (f"{ketua} sebagai Ketua Majelis Komisioner",)
        majelis += tuple(f"{nama} sebagai Anggota Majelis Komisioner" for nama in anggota)
        pemimpin = (ketua, "Ketua Majelis Komisioner")
    tempat = ", ".join(filter(None, [sidang.ruang, sidang.tempat]))
    if sidang.daring:
        tempat = f"secara daring melalui {sidang.tautan}" + (f" ({tempat})" if tempat else "")
    penundaan = ""
    berikut = sidang.sidang_berikutnya
    if sidang.status == StatusSidang.DITUNDA and berikut:
        penundaan = (
            f"Sidang ditunda karena {sidang.alasan_tunda or '-'} dan dilanjutkan pada "
            f"{tanggal_panjang(_tanggal_sidang(berikut, komisi))}, "
            f"pukul {pukul(berikut.mulai, komisi)}."
        )
    tanggal = _tanggal_sidang(sidang, komisi)
    return KonteksBeritaAcara(
        kop=kop_surat(komisi),
        penanda=penanda(dok),
        nomor_register=s.nomor_register or "-",
        para_pihak=para_pihak(s),
        jenis_sidang=SIDANG_ID.get(sidang.jenis, sidang.jenis),
        hari_tanggal=tanggal_panjang(tanggal),
        pukul=pukul(sidang.mulai, komisi),
        tempat=tempat or "-",
        majelis=majelis,
        panitera_pengganti=pp,
        kehadiran=_kehadiran_ba(sidang),
        agenda=sidang.agenda or SIDANG_ID.get(sidang.jenis, sidang.jenis),
        ringkasan=sidang.ringkasan,
        penundaan=penundaan,
        tanda_tangan=(
            TandaTangan(_tempat_tanggal(s, tanggal), pemimpin[1], pemimpin[0]),
            TandaTangan("", "Panitera Pengganti", pp),
        ),
    )


def konteks_penetapan_mediator(dok: Dokumen) -> KonteksPenetapanMediator:
    s = dok.sengketa
    tanggal = s.tanggal_mulai_mediasi or dok.riwayat.tanggal
    pembantu = _satu(s, PeranPenugasan.MEDIATOR_PEMBANTU)
    ketua = _satu(s, PeranPenugasan.KETUA_MAJELIS)
    return KonteksPenetapanMediator(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor=dok.nomor,
        nomor_register=s.nomor_register,
        tanggal_registrasi=tanggal_tanpa_hari(s.tanggal_registrasi),
        para_pihak=para_pihak(s),
        mediator=nama_orang(_satu(s, PeranPenugasan.MEDIATOR)),
        mediator_pembantu=nama_orang(pembantu) if pembantu else "",
        tanggal_mulai=tanggal_panjang(tanggal),
        tanda_tangan=TandaTangan(
            _tempat_tanggal(s, tanggal), "Ketua Majelis Komisioner", nama_orang(ketua)
        ),
    )


def _jangka(s: Sengketa) -> str:
    return angka_terbilang(s.jangka_waktu_pelaksanaan or 0, "hari kerja")


def konteks_kesepakatan_mediasi(dok: Dokumen) -> KonteksKesepakatanMediasi:
    s = dok.sengketa
    tanggal = s.tanggal_selesai_mediasi or dok.riwayat.tanggal
    terakhir = (
        Sidang.objects.filter(sengketa=s, jenis="mediasi", status=StatusSidang.SELESAI)
        .order_by("-mulai")
        .first()
    )
    tempat = ", ".join(filter(None, [terakhir.ruang, terakhir.tempat])) if terakhir else ""
    mediator = nama_orang(_satu(s, PeranPenugasan.MEDIATOR))
    return KonteksKesepakatanMediasi(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor_register=s.nomor_register,
        hari_tanggal=tanggal_panjang(tanggal),
        tempat=tempat or s.komisi.nama,
        pemohon=s.pemohon.nama,
        alamat_pemohon=s.pemohon.alamat,
        termohon=s.termohon.nama,
        alamat_termohon=s.termohon.alamat,
        mediator=mediator,
        kesepakatan=tuple(str(b) for b in s.kesepakatan_mediasi),
        jangka_pelaksanaan=_jangka(s),
        tanda_tangan=(
            TandaTangan(_tempat_tanggal(s, tanggal), "Pemohon", s.pemohon.nama),
            TandaTangan("", "Termohon", s.termohon.nama),
            TandaTangan("", "Mediator", mediator),
        ),
    )


def konteks_putusan_mediasi(dok: Dokumen) -> KonteksPutusanMediasi:
    s = dok.sengketa
    tanggal = s.tanggal_selesai_mediasi or dok.riwayat.tanggal
    ketua, anggota, pp = _susunan(s)
    return KonteksPutusanMediasi(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor_putusan=dok.nomor or nomor_putusan(s),
        nomor_register=s.nomor_register,
        para_pihak=para_pihak(s),
        pemohon=s.pemohon.nama,
        termohon=s.termohon.nama,
        informasi_diminta=tuple(i.uraian for i in s.informasi_diminta.all()),
        kesepakatan=tuple(str(b) for b in s.kesepakatan_mediasi),
        jangka_pelaksanaan=_jangka(s),
        tanggal_kesepakatan=tanggal_panjang(tanggal),
        tanggal_putusan=tanggal_terbilang(tanggal),
        mediator=nama_orang(_satu(s, PeranPenugasan.MEDIATOR)),
        ketua_majelis=ketua,
        anggota=anggota,
        panitera_pengganti=pp,
        tanda_tangan=_ttd_majelis(s, _tempat_tanggal(s, tanggal)),
    )


def konteks_mediasi_gagal(dok: Dokumen) -> KonteksMediasiGagal:
    s = dok.sengketa
    tanggal = s.tanggal_selesai_mediasi or dok.riwayat.tanggal
    mediator = nama_orang(_satu(s, PeranPenugasan.MEDIATOR))
    return KonteksMediasiGagal(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor_register=s.nomor_register,
        para_pihak=para_pihak(s),
        hari_tanggal=tanggal_panjang(tanggal),
        sebab=SEBAB_GAGAL_ID.get(s.sebab_mediasi_gagal, s.sebab_mediasi_gagal or "-"),
        kesepakatan_sebagian=s.kesepakatan_sebagian,
        mediator=mediator,
        tanda_tangan=TandaTangan(_tempat_tanggal(s, tanggal), "Mediator", mediator),
    )


# --- decisions that end a case, and letters of the registry ---


AMAR_TIDAK_DITERIMA = "Menyatakan permohonan Pemohon tidak dapat diterima."


def _sela_pelimpahan(dok: Dokumen) -> bool:
    """The putusan sela of `limpahkan`: relative incompetence, the case goes elsewhere."""
    return bool(dok.riwayat and dok.riwayat.transisi == "limpahkan")


def _dasar_dan_amar_sela(dok: Dokumen) -> tuple[str, str, tuple[str, ...]]:
    s = dok.sengketa
    if not _sela_pelimpahan(dok):
        dasar = DASAR_SELA_ID.get(s.dasar_putusan_sela, s.dasar_putusan_sela)
        return dasar, s.catatan_putusan_sela, (AMAR_TIDAK_DITERIMA,)
    tujuan = s.komisi_tujuan.nama if s.komisi_tujuan else "Komisi Informasi yang berwenang"
    dasar = (
        f"{s.komisi.nama} tidak berwenang secara relatif memeriksa dan memutus permohonan "
        f"a quo, karena kewenangan tersebut ada pada {tujuan} (Pasal 27 ayat (2) sampai "
        "dengan ayat (4) Undang-Undang Nomor 14 Tahun 2008)"
    )
    amar = (
        f"Menyatakan {s.komisi.nama} tidak berwenang memeriksa dan memutus permohonan a quo.",
        f"Melimpahkan permohonan a quo beserta berkasnya kepada {tujuan} untuk diperiksa dan "
        "diputus sesuai dengan ketentuan peraturan perundang-undangan.",
    )
    return dasar, s.catatan_pemeriksaan_awal, amar


def konteks_putusan_sela(dok: Dokumen) -> KonteksPutusanSela:
    s = dok.sengketa
    tanggal = s.tanggal_selesai or dok.riwayat.tanggal
    ketua, anggota, pp = _susunan(s)
    dasar, catatan, amar = _dasar_dan_amar_sela(dok)
    return KonteksPutusanSela(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor_putusan=dok.nomor or s.nomor_register,
        nomor_register=s.nomor_register,
        para_pihak=para_pihak(s),
        identitas_pemohon=_identitas(s.pemohon),
        identitas_termohon=_identitas(s.termohon),
        tanggal_registrasi=tanggal_tanpa_hari(s.tanggal_registrasi),
        dasar=dasar,
        catatan=catatan,
        amar=amar,
        tanggal_putusan=tanggal_terbilang(tanggal),
        ketua_majelis=ketua,
        anggota=anggota,
        panitera_pengganti=pp,
        tanda_tangan=_ttd_majelis(s, _tempat_tanggal(s, tanggal)),
    )


def konteks_pencabutan(dok: Dokumen) -> KonteksPencabutan:
    s = dok.sengketa
    tanggal = s.tanggal_selesai or dok.riwayat.tanggal
    ketua = _satu(s, PeranPenugasan.KETUA_MAJELIS)
    pp = _satu(s, PeranPenugasan.PANITERA_PENGGANTI)
    tempat = _tempat_tanggal(s, tanggal)
    if dok.jenis == JenisDokumen.PENETAPAN_PENCABUTAN and ketua:
        ttd = TandaTangan(tempat, "Ketua Majelis Komisioner", nama_orang(ketua))
    elif dok.jenis == JenisDokumen.PENETAPAN_PENCABUTAN:
        ttd = TandaTangan(tempat, f"Ketua {s.komisi.nama}", "( ........................ )")
    else:
        ttd = TandaTangan(
            tempat,
            "Panitera Pengganti" if pp else "Panitera",
            nama_orang(pp) if pp else "( ........................ )",
        )
    return KonteksPencabutan(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor=dok.nomor,
        nomor_register=s.nomor_register,
        para_pihak=para_pihak(s),
        tanggal_surat=(
            tanggal_tanpa_hari(s.tanggal_surat_pencabutan) if s.tanggal_surat_pencabutan else "-"
        ),
        alasan=s.alasan_pencabutan,
        tanggal=tanggal_panjang(tanggal),
        tanggal_terbilang=tanggal_terbilang(tanggal),
        tanda_tangan=ttd,
    )


def _ketidakhadiran(s: Sengketa, sidang_ids) -> tuple[KetidakhadiranPemohon, ...]:
    hasil = []
    pemohon = s.pemohon
    for sd in Sidang.objects.filter(sengketa=s, pk__in=sidang_ids).order_by("mulai", "id"):
        diterima = [
            f"panggilan Nomor {p.nomor} diterima pada {tanggal_tanpa_hari(p.tanggal_diterima)}"
            + (f" melalui {METODE_ID.get(p.metode, p.metode)}" if p.metode else "")
            for p in Panggilan.objects.filter(sidang=sd, pihak=pemohon).order_by("id")
            if p.tanggal_diterima
        ]
        hasil.append(
            KetidakhadiranPemohon(
                jenis=SIDANG_ID.get(sd.jenis, sd.jenis),
                hari_tanggal=tanggal_panjang(_tanggal_sidang(sd, s.komisi)),
                panggilan="; ".join(diterima) or "panggilan telah disampaikan secara patut",
            )
        )
    return tuple(hasil)


def konteks_gugur(dok: Dokumen) -> KonteksGugur:
    s = dok.sengketa
    tanggal = s.tanggal_selesai or dok.riwayat.tanggal
    sidang_ids = (dok.riwayat.parameter or {}).get("sidang_tidak_hadir", []) if dok.riwayat else []
    return KonteksGugur(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor=dok.nomor,
        nomor_register=s.nomor_register,
        para_pihak=para_pihak(s),
        ketidakhadiran=_ketidakhadiran(s, sidang_ids),
        tanggal=tanggal_panjang(tanggal),
        tanda_tangan=_ttd_majelis(s, _tempat_tanggal(s, tanggal)),
    )


def konteks_pelimpahan(dok: Dokumen) -> KonteksPelimpahan:
    s = dok.sengketa
    tanggal = s.tanggal_selesai or dok.riwayat.tanggal
    return KonteksPelimpahan(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor=dok.nomor,
        nomor_register=s.nomor_register,
        para_pihak=para_pihak(s),
        komisi_tujuan=s.komisi_tujuan.nama if s.komisi_tujuan else "-",
        alasan=s.catatan_pemeriksaan_awal
        or "Termohon berada di luar wilayah kewenangan Komisi Informasi ini",
        tanggal=tanggal_panjang(tanggal),
        tanda_tangan=_ttd_majelis(s, _tempat_tanggal(s, tanggal)),
    )


def konteks_tidak_diregistrasi(dok: Dokumen) -> KonteksTidakDiregistrasi:
    s, komisi = dok.sengketa, dok.sengketa.komisi
    diminta = s.tanggal_kelengkapan_diminta or s.tanggal_diterima
    tenggat = (
        Tenggat.objects.filter(sengketa=s, kode=KodeTenggat.KELENGKAPAN).order_by("-id").first()
    )
    batas = (
        tenggat.tanggal
        if tenggat
        else Kalender.untuk(komisi).tambah(diminta, komisi.hk_kelengkapan)
    )
    tanggal = s.tanggal_selesai or dok.riwayat.tanggal
    return KonteksTidakDiregistrasi(
        kop=kop_surat(komisi),
        penanda=penanda(dok),
        nomor_surat=dok.nomor,
        kepada=s.pemohon.nama,
        alamat_kepada=s.pemohon.alamat,
        tanggal_diterima=tanggal_panjang(s.tanggal_diterima),
        termohon=s.termohon.nama,
        kekurangan=tuple(KELENGKAPAN_ID.get(k, k) for k in s.kekurangan),
        tanggal_pemberitahuan=tanggal_panjang(diminta),
        batas_waktu=angka_terbilang(komisi.hk_kelengkapan, "hari kerja"),
        tanggal_batas=tanggal_panjang(batas),
        tanda_tangan=TandaTangan(_tempat_tanggal(s, tanggal), "Panitera", _penandatangan(dok)),
    )


def _penandatangan(dok: Dokumen) -> str:
    """The registry staff who recorded the step (the daily sweep signs nobody)."""
    oleh = dok.riwayat.oleh if dok.riwayat else None
    return nama_orang(oleh) if oleh else "( ........................ )"


def konteks_salinan_permohonan(dok: Dokumen) -> KonteksSalinanPermohonan:
    s = dok.sengketa
    termohon = s.termohon
    tanggal = s.tanggal_registrasi or dok.riwayat.tanggal
    return KonteksSalinanPermohonan(
        kop=kop_surat(s.komisi),
        penanda=penanda(dok),
        nomor_surat=dok.nomor,
        kepada=termohon.nama,
        alamat_kepada=termohon.alamat,
        nomor_register=s.nomor_register,
        tanggal_registrasi=tanggal_panjang(tanggal),
        tanggal_diterima=tanggal_panjang(s.tanggal_diterima),
        pemohon=s.pemohon.nama,
        informasi_diminta=tuple(i.uraian for i in s.informasi_diminta.all()),
        alasan=tuple(f"huruf {a}: {ALASAN_ID.get(a, a)}" for a in s.daftar_alasan),
        tujuan_penggunaan=s.tujuan_penggunaan,
        petitum=s.petitum,
        tanda_tangan=TandaTangan(_tempat_tanggal(s, tanggal), "Panitera", _penandatangan(dok)),
    )


PEMBANGUN = {
    JenisDokumen.PANGGILAN: konteks_panggilan,
    JenisDokumen.TANDA_TERIMA: konteks_tanda_terima,
    JenisDokumen.AKTA_REGISTRASI: konteks_akta_registrasi,
    JenisDokumen.PENETAPAN_MAJELIS: konteks_penetapan_majelis,
    JenisDokumen.PEMBERITAHUAN_KEKURANGAN: konteks_pemberitahuan_kekurangan,
    JenisDokumen.PUTUSAN: konteks_putusan,
    JenisDokumen.SALINAN_PUTUSAN: konteks_salinan_putusan,
    JenisDokumen.BERITA_ACARA: konteks_berita_acara,
    JenisDokumen.PENETAPAN_MEDIATOR: konteks_penetapan_mediator,
    JenisDokumen.KESEPAKATAN_MEDIASI: konteks_kesepakatan_mediasi,
    JenisDokumen.PUTUSAN_MEDIASI: konteks_putusan_mediasi,
    JenisDokumen.PERNYATAAN_MEDIASI_GAGAL: konteks_mediasi_gagal,
    JenisDokumen.PUTUSAN_SELA: konteks_putusan_sela,
    JenisDokumen.PENETAPAN_PENCABUTAN: konteks_pencabutan,
    JenisDokumen.AKTA_PEMBATALAN_REGISTRASI: konteks_pencabutan,
    JenisDokumen.PENETAPAN_GUGUR: konteks_gugur,
    JenisDokumen.PENETAPAN_PELIMPAHAN: konteks_pelimpahan,
    JenisDokumen.PEMBERITAHUAN_TIDAK_DIREGISTRASI: konteks_tidak_diregistrasi,
    JenisDokumen.SALINAN_PERMOHONAN: konteks_salinan_permohonan,
}


def konteks(dok: Dokumen):
    return PEMBANGUN[dok.jenis](dok)
