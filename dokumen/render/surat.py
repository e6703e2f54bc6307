"""The documents: each fills the hooks of `Surat` (title, body, signature); the format
renderers (pdf.py, docx.py) turn the blocks into pages. Wording follows dokumen.md and the
legal bases cited next to each rule."""

from .data import (
    Blok,
    Daftar,
    Judul,
    KonteksAktaRegistrasi,
    KonteksPanggilan,
    KonteksPemberitahuanKekurangan,
    KonteksPenetapanMajelis,
    KonteksTandaTerima,
    Naskah,
    Paragraf,
    Rincian,
    Ttd,
)


class Surat:
    """Base document: concrete documents override the hooks, never the assembly."""

    jenis = ""

    def judul(self, k) -> list[Blok]:
        raise NotImplementedError

    def isi(self, k) -> list[Blok]:
        raise NotImplementedError

    def penutup(self, k) -> list[Blok]:
        return [Ttd(k.tanda_tangan)]

    def naskah(self, k) -> Naskah:
        blok = (*self.judul(k), *self.isi(k), *self.penutup(k))
        return Naskah(kop=k.kop, penanda=k.penanda, judul_berkas=self.jenis, blok=blok)


class Panggilan(Surat):
    jenis = "panggilan"

    def judul(self, k: KonteksPanggilan) -> list[Blok]:
        return [
            Judul(
                "SURAT PANGGILAN SIDANG",
                (f"Nomor: {k.nomor_surat}", f"Panggilan ke-{k.panggilan_ke}"),
            )
        ]

    def isi(self, k: KonteksPanggilan) -> list[Blok]:
        return [
            Paragraf("Kepada Yth.", rata="left", spasi_sesudah=False),
            Paragraf(f"{k.kepada} ({k.sebagai})", tebal=True, rata="left", spasi_sesudah=False),
            Paragraf(k.alamat_kepada or "-", rata="left"),
            Paragraf(
                "Atas perintah Ketua Majelis Komisioner yang memeriksa sengketa informasi "
                f"publik register Nomor {k.nomor_register}, antara {k.para_pihak}, dengan ini "
                f"Saudara dipanggil untuk menghadiri sidang {k.jenis_sidang} pada:"
            ),
            Rincian(
                (
                    ("Hari/tanggal", k.hari_tanggal),
                    ("Pukul", f"{k.pukul} sampai dengan selesai"),
                    ("Tempat", k.tempat),
                    ("Agenda", k.agenda),
                )
            ),
            Paragraf("Dengan ketentuan:", rata="left", spasi_sesudah=False),
            Daftar(
                (
                    "Apabila Saudara berhalangan hadir, harap memberitahukan secara tertulis "
                    "kepada Kepaniteraan paling lambat 2 (dua) hari kerja sebelum sidang.",
                    "Kuasa yang menghadiri sidang wajib membawa dan menunjukkan surat kuasa "
                    "yang sah.",
                    "Apabila Pemohon tidak hadir 2 (dua) kali tanpa alasan yang sah meskipun "
                    "telah dipanggil secara patut, permohonan dinyatakan gugur (Pasal 30 "
                    "Peraturan Komisi Informasi Nomor 1 Tahun 2013).",
                    "Ketidakhadiran Termohon tidak menghentikan pemeriksaan sengketa "
                    "(Pasal 31 Peraturan Komisi Informasi Nomor 1 Tahun 2013).",
                    f"Keterangan lebih lanjut dapat diperoleh dari Panitera Pengganti "
                    f"{k.pp_nama}, telepon {k.pp_telepon or '-'}.",
                )
            ),
            Paragraf("Demikian surat panggilan ini disampaikan untuk dipenuhi."),
        ]


class TandaTerima(Surat):
    jenis = "tanda_terima"

    def judul(self, k: KonteksTandaTerima) -> list[Blok]:
        return [
            Judul(
                "TANDA TERIMA PERMOHONAN PENYELESAIAN SENGKETA INFORMASI PUBLIK",
                (f"Nomor: {k.nomor}",),
            )
        ]

    def isi(self, k: KonteksTandaTerima) -> list[Blok]:
        baris = [
            ("Tanggal diterima", k.tanggal_diterima),
            ("Pukul", k.pukul),
            ("Diterima melalui", k.saluran),
            ("Pemohon", k.pemohon),
            ("Alamat Pemohon", k.alamat_pemohon or "-"),
        ]
        if k.kuasa:
            baris.append(("Kuasa Pemohon", k.kuasa))
        baris.append(("Termohon", k.termohon))
        return [
            Paragraf(
                "Kepaniteraan telah menerima permohonan penyelesaian sengketa informasi "
                "publik dengan keterangan sebagai berikut:"
            ),
            Rincian(tuple(baris)),
            Paragraf("Informasi yang diminta:", tebal=True, rata="left", spasi_sesudah=False),
            Daftar(k.informasi_diminta or ("-",)),
            Paragraf("Lampiran yang diterima:", tebal=True, rata="left", spasi_sesudah=False),
            Daftar(k.lampiran or ("Tidak ada lampiran",)),
            Paragraf(
                "Tanda terima ini bukan merupakan bukti registrasi. Permohonan akan diperiksa "
                "kelengkapannya sebelum dicatat dalam Buku Register."
            ),
        ]


class AktaRegistrasi(Surat):
    jenis = "akta_registrasi"

    def judul(self, k: KonteksAktaRegistrasi) -> list[Blok]:
        return [Judul("AKTA REGISTRASI", (f"Nomor Register: {k.nomor_register}",))]

    def isi(self, k: KonteksAktaRegistrasi) -> list[Blok]:
        return [
            Paragraf(
                f"Pada hari ini, {k.tanggal_registrasi_terbilang}, Kepaniteraan telah "
                "mencatat dalam Buku Register Sengketa Informasi Publik permohonan "
                "penyelesaian sengketa informasi publik sebagai berikut:"
            ),
            Rincian(
                (
                    ("Nomor register", k.nomor_register),
                    ("Tanggal registrasi", k.tanggal_registrasi),
                    ("Tanggal permohonan diterima", k.tanggal_diterima),
                    ("Pemohon", k.pemohon),
                    ("Termohon", k.termohon),
                )
            ),
            Paragraf("Informasi yang diminta:", tebal=True, rata="left", spasi_sesudah=False),
            Daftar(k.informasi_diminta or ("-",)),
            Paragraf(
                "Alasan pengajuan keberatan (Pasal 35 ayat (1) Undang-Undang Nomor 14 Tahun 2008):",
                tebal=True,
                rata="left",
                spasi_sesudah=False,
            ),
            Daftar(k.alasan or ("-",)),
            Rincian(
                (
                    ("Tujuan penggunaan informasi", k.tujuan_penggunaan or "-"),
                    ("Petitum", k.petitum or "-"),
                )
            ),
            Paragraf(
                "Demikian akta registrasi ini dibuat untuk dipergunakan sebagaimana mestinya."
            ),
        ]


class PenetapanMajelis(Surat):
    jenis = "penetapan_majelis"

    def judul(self, k: KonteksPenetapanMajelis) -> list[Blok]:
        return [
            Judul(
                "PENETAPAN",
                (
                    f"Nomor: {k.nomor}",
                    "TENTANG",
                    "PENUNJUKAN MAJELIS KOMISIONER DAN PANITERA PENGGANTI",
                    f"Register Nomor: {k.nomor_register}",
                ),
            )
        ]

    def isi(self, k: KonteksPenetapanMajelis) -> list[Blok]:
        susunan = [f"{k.ketua_majelis} sebagai Ketua Majelis Komisioner"]
        susunan += [f"{nama} sebagai Anggota Majelis Komisioner" for nama in k.anggota]
        susunan.append(f"{k.panitera_pengganti} sebagai Panitera Pengganti")
        return [
            Paragraf(f"KETUA {k.kop.nama.upper()}", tebal=True, rata="center"),
            Paragraf("Menimbang:", tebal=True, rata="left", spasi_sesudah=False),
            Daftar(
                (
                    f"bahwa permohonan penyelesaian sengketa informasi publik antara "
                    f"{k.para_pihak} telah diregistrasi pada tanggal {k.tanggal_registrasi} "
                    f"dengan Nomor Register {k.nomor_register};",
                    "bahwa untuk memeriksa dan memutus sengketa tersebut perlu ditunjuk "
                    "Majelis Komisioner dan Panitera Pengganti.",
                )
            ),
            Paragraf("Mengingat:", tebal=True, rata="left", spasi_sesudah=False),
            Daftar(
                (
                    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
                    "Peraturan Komisi Informasi Nomor 1 Tahun 2013 tentang Prosedur "
                    "Penyelesaian Sengketa Informasi Publik.",
                )
            ),
            Paragraf("MENETAPKAN:", tebal=True, rata="center"),
            Paragraf(
                "Menunjuk susunan Majelis Komisioner dan Panitera Pengganti untuk memeriksa "
                "dan memutus sengketa tersebut sebagai berikut:",
                spasi_sesudah=False,
            ),
            Daftar(tuple(susunan)),
        ]


class PemberitahuanKekurangan(Surat):
    jenis = "pemberitahuan_kekurangan"

    def judul(self, k: KonteksPemberitahuanKekurangan) -> list[Blok]:
        return [
            Judul(
                "PEMBERITAHUAN KEKURANGLENGKAPAN PERMOHONAN",
                (f"Nomor: {k.nomor_surat}",),
            )
        ]

    def isi(self, k: KonteksPemberitahuanKekurangan) -> list[Blok]:
        return [
            Paragraf("Kepada Yth.", rata="left", spasi_sesudah=False),
            Paragraf(f"{k.kepada} (Pemohon)", tebal=True, rata="left", spasi_sesudah=False),
            Paragraf(k.alamat_kepada or "-", rata="left"),
            Paragraf(
                "Berdasarkan pemeriksaan kelengkapan atas permohonan penyelesaian sengketa "
                f"informasi publik terhadap {k.termohon} yang Saudara ajukan dan kami terima "
                f"pada {k.tanggal_diterima}, permohonan tersebut belum lengkap. Kekurangannya:"
            ),
            Daftar(k.kekurangan or ("-",)),
            # Perki 1/2013 Pasal 17: the applicant completes the file within 7 working days.
            Paragraf(
                f"Saudara diminta melengkapi kekurangan tersebut dalam jangka waktu "
                f"{k.batas_waktu} sejak pemberitahuan ini, yaitu paling lambat "
                f"{k.tanggal_batas} (Pasal 17 Peraturan Komisi Informasi Nomor 1 Tahun 2013)."
            ),
            Paragraf(
                "Apabila sampai batas waktu tersebut kekurangan tidak dilengkapi, permohonan "
                "tidak diregistrasi dan Saudara dianggap tidak melanjutkan permohonan."
            ),
            Paragraf("Demikian pemberitahuan ini disampaikan untuk menjadi perhatian."),
        ]


SURAT = {
    s.jenis: s
    for s in (
        Panggilan(),
        TandaTerima(),
        AktaRegistrasi(),
        PenetapanMajelis(),
        PemberitahuanKekurangan(),
    )
}

# Formats per type: DOCX too where the majelis or registrar may edit before signing.
FORMAT = {
    "panggilan": ("pdf", "docx"),
    "tanda_terima": ("pdf",),
    "akta_registrasi": ("pdf",),
    "penetapan_majelis": ("pdf", "docx"),
    "pemberitahuan_kekurangan": ("pdf",),
}
