"""The documents: each fills the hooks of `Surat` (title, body, signature); the format
renderers (pdf.py, docx.py) turn the blocks into pages. Wording follows dokumen.md and the
legal bases cited next to each rule."""

from dataclasses import replace

from .data import (
    Blok,
    Daftar,
    Judul,
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
    Naskah,
    Paragraf,
    Rincian,
    TandaTangan,
    Ttd,
)

UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
PERKI = (
    "Peraturan Komisi Informasi Nomor 1 Tahun 2013 tentang Prosedur Penyelesaian Sengketa "
    "Informasi Publik"
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


def _sub(teks: str) -> Paragraf:
    return Paragraf(teks, tebal=True, rata="left", spasi_sesudah=False)


def _bagian(teks: str) -> Paragraf:
    return Paragraf(teks, tebal=True, rata="left")


class _Nomor:
    """Numbered paragraphs of a ruling: [2.1], [2.2], ... per section."""

    def __init__(self, bagian: int):
        self.bagian, self.n = bagian, 0

    def __call__(self, teks: str, **kw) -> Paragraf:
        self.n += 1
        return Paragraf(f"[{self.bagian}.{self.n}] {teks}", **kw)


def _temuan(nilai: bool | None, ya: str, tidak: str, hal: str) -> str:
    if nilai is None:
        return f"Hasil pemeriksaan awal mengenai {hal} belum dicatat; Majelis menilai: ..."
    return ya if nilai else tidak


def _majelis(ketua: str, anggota: tuple[str, ...]) -> str:
    teks = f"{ketua} selaku Ketua merangkap Anggota Majelis Komisioner"
    if anggota:
        teks += f", {' dan '.join(anggota)} masing-masing sebagai Anggota Majelis Komisioner"
    return teks


def _ttd_majelis(tempat_tanggal: str, ketua: str, anggota, pp: str) -> list[Blok]:
    blok: list[Blok] = [Ttd(TandaTangan(tempat_tanggal, "Ketua Majelis Komisioner", ketua))]
    blok += [Ttd(TandaTangan("", "Anggota Majelis Komisioner", nama)) for nama in anggota]
    blok.append(Ttd(TandaTangan("", "Panitera Pengganti", pp)))
    return blok


AMAR_PEMBUKA = "Memutuskan,"


class Putusan(Surat):
    """The adjudication ruling. The DOCX is the draft the majelis edits: the system fills in
    what it knows and leaves marked places ("...") for the merits."""

    jenis = "putusan"

    def judul(self, k: KonteksPutusan) -> list[Blok]:
        return [Judul("PUTUSAN", (f"Nomor {k.nomor_putusan}",))]

    def isi(self, k: KonteksPutusan) -> list[Blok]:
        return [
            Paragraf(k.kop.nama.upper(), tebal=True, rata="center"),
            *self.identitas(k),
            *self.duduk_perkara(k),
            *self.pertimbangan(k),
            *self.kesimpulan(k),
            *self.amar(k),
            *self.pengucapan(k),
        ]

    def identitas(self, k: KonteksPutusan) -> list[Blok]:
        n = _Nomor(1)
        return [
            _bagian("1. IDENTITAS"),
            n(
                f"{k.kop.nama} yang menerima, memeriksa, dan memutus Sengketa Informasi Publik "
                f"Nomor Register {k.nomor_register} yang diajukan oleh:"
            ),
            Rincian(k.identitas_pemohon),
            Paragraf("selanjutnya disebut sebagai Pemohon;"),
            n("terhadap"),
            Rincian(k.identitas_termohon),
            Paragraf("selanjutnya disebut sebagai Termohon;"),
            n(
                "Telah membaca surat permohonan Pemohon; telah mendengar keterangan para pihak; "
                "telah memeriksa bukti-bukti para pihak."
            ),
        ]

    def duduk_perkara(self, k: KonteksPutusan) -> list[Blok]:
        n = _Nomor(2)
        if k.sidang:
            sidang = Daftar(tuple(f"{s.jenis}, {s.hari_tanggal}: {s.kehadiran}" for s in k.sidang))
        else:
            sidang = Daftar(("-",))
        return [
            _bagian("2. DUDUK PERKARA"),
            _sub("A. Pendahuluan"),
            n(
                f"Pemohon telah mengajukan permohonan penyelesaian sengketa informasi publik "
                f"yang diterima di Kepaniteraan pada {k.tanggal_diterima} dan diregistrasi pada "
                f"{k.tanggal_registrasi} dengan Nomor Register {k.nomor_register}."
            ),
            _sub("B. Kronologi"),
            *(n(t) for t in k.kronologi),
            _sub("C. Informasi yang Dimohonkan dan Alasan Permohonan"),
            n("Informasi yang dimohonkan Pemohon:", spasi_sesudah=False),
            Daftar(k.informasi_diminta or ("-",)),
            n(
                "Alasan permohonan sebagaimana dimaksud Pasal 35 ayat (1) " + UU_KIP + ":",
                spasi_sesudah=False,
            ),
            Daftar(k.alasan or ("-",)),
            n(f"Tujuan penggunaan informasi: {k.tujuan_penggunaan or '-'}"),
            _sub("D. Petitum"),
            n(f"Pemohon memohon kepada Majelis Komisioner: {k.petitum or '-'}"),
            _sub("E. Persidangan"),
            n(
                "Majelis Komisioner telah menyelenggarakan sidang-sidang sebagai berikut:",
                spasi_sesudah=False,
            ),
            sidang,
            _sub("F. Bukti dan Keterangan Para Pihak"),
            n("Bukti surat Pemohon (P-1 dan seterusnya): ..."),
            n("Bukti surat Termohon (T-1 dan seterusnya): ..."),
            n("Keterangan dan kesimpulan para pihak: ..."),
        ]

    def pertimbangan(self, k: KonteksPutusan) -> list[Blok]:
        n = _Nomor(3)
        blok = [
            _bagian("3. PERTIMBANGAN HUKUM"),
            _sub("A. Kewenangan Komisi Informasi"),
            n(
                _temuan(
                    k.berwenang,
                    f"Berdasarkan hasil pemeriksaan awal, Majelis Komisioner berpendapat "
                    f"{k.kop.nama} berwenang menerima, memeriksa, dan memutus permohonan a quo "
                    "(Pasal 26 ayat (1) huruf a dan Pasal 27 " + UU_KIP + ").",
                    f"Berdasarkan hasil pemeriksaan awal, {k.kop.nama} tidak berwenang memeriksa "
                    "permohonan a quo.",
                    "kewenangan",
                )
            ),
            _sub("B. Kedudukan Hukum (Legal Standing)"),
            n(
                _temuan(
                    k.legal_standing_pemohon,
                    "Pemohon memiliki kedudukan hukum (legal standing) sebagai Pemohon "
                    "Informasi Publik sebagaimana dimaksud Pasal 1 angka 12 " + UU_KIP + ".",
                    "Pemohon tidak memiliki kedudukan hukum (legal standing) untuk mengajukan "
                    "permohonan a quo.",
                    "kedudukan hukum Pemohon",
                )
            ),
            n(
                _temuan(
                    k.legal_standing_termohon,
                    "Termohon merupakan Badan Publik sebagaimana dimaksud Pasal 1 angka 3 "
                    + UU_KIP
                    + ", sehingga memiliki kedudukan hukum sebagai Termohon.",
                    "Termohon bukan merupakan Badan Publik menurut " + UU_KIP + ".",
                    "kedudukan hukum Termohon",
                )
            ),
            _sub("C. Jangka Waktu Pengajuan Permohonan"),
            n(
                _temuan(
                    k.dalam_jangka_waktu,
                    "Permohonan diajukan dalam jangka waktu sebagaimana dimaksud Pasal 37 "
                    "ayat (2) " + UU_KIP + " dan Pasal 13 " + PERKI + ".",
                    "Permohonan diajukan melewati jangka waktu sebagaimana dimaksud Pasal 37 "
                    "ayat (2) " + UU_KIP + ".",
                    "jangka waktu pengajuan",
                )
            ),
        ]
        if k.catatan_pemeriksaan_awal:
            blok.append(n(f"Catatan pemeriksaan awal: {k.catatan_pemeriksaan_awal}"))
        blok += [
            _sub("D. Pokok Permohonan"),
            n(
                "[Pertimbangan Majelis Komisioner mengenai pokok permohonan diisi oleh "
                "Majelis Komisioner.] ..."
            ),
        ]
        return blok

    def kesimpulan(self, k: KonteksPutusan) -> list[Blok]:
        n = _Nomor(4)
        tidak = "tidak " if k.berwenang is False else ""
        return [
            _bagian("4. KESIMPULAN"),
            Paragraf("Berdasarkan seluruh uraian dan fakta tersebut di atas, Majelis berpendapat:"),
            n(f"{k.kop.nama} {tidak}berwenang untuk menerima, memeriksa, dan memutus permohonan."),
            n(
                "Pemohon "
                + ("tidak " if k.legal_standing_pemohon is False else "")
                + "memiliki kedudukan hukum (legal standing) untuk mengajukan permohonan."
            ),
            n(
                "Termohon "
                + ("tidak " if k.legal_standing_termohon is False else "")
                + "memiliki kedudukan hukum sebagai Badan Publik."
            ),
            n(
                "Permohonan diajukan "
                + ("melewati" if k.dalam_jangka_waktu is False else "dalam")
                + " jangka waktu yang ditentukan."
            ),
            n("[Kesimpulan Majelis Komisioner mengenai pokok permohonan.] ..."),
        ]

    def amar(self, k: KonteksPutusan) -> list[Blok]:
        butir = [k.amar_pokok]
        if k.isi_amar:
            butir.append(k.isi_amar)
        if k.jangka_pelaksanaan:
            butir.append(
                f"Memerintahkan Termohon untuk melaksanakan kewajiban sebagaimana tersebut di "
                f"atas paling lambat {k.jangka_pelaksanaan} sejak putusan ini berkekuatan "
                "hukum tetap."
            )
        return [
            _bagian("5. AMAR PUTUSAN"),
            Paragraf(AMAR_PEMBUKA, tebal=True, rata="left", spasi_sesudah=False),
            Daftar(tuple(butir)),
        ]

    def pengucapan(self, k: KonteksPutusan) -> list[Blok]:
        return [
            # dokumen.md: "dissenting opinion if any"; the draft keeps its place.
            _sub("Pendapat Berbeda (Dissenting Opinion)"),
            Paragraf(
                "[Diisi apabila terdapat Anggota Majelis Komisioner yang berbeda pendapat; "
                "hapus bagian ini apabila tidak ada.] ..."
            ),
            Paragraf(
                f"Demikian diputuskan dalam Rapat Musyawarah Majelis Komisioner pada hari "
                f"{k.tanggal_musyawarah} oleh {_majelis(k.ketua_majelis, k.anggota)}. "
                f"Putusan ini diucapkan dalam Sidang terbuka untuk umum pada hari "
                f"{k.tanggal_putusan} oleh Majelis Komisioner tersebut, didampingi oleh "
                f"{k.panitera_pengganti} sebagai Panitera Pengganti, serta dihadiri oleh "
                "para pihak."
            ),
        ]

    def penutup(self, k: KonteksPutusan) -> list[Blok]:
        tempat = ", ".join(filter(None, [k.kota, k.tanggal_putusan_singkat]))
        return _ttd_majelis(tempat, k.ketua_majelis, k.anggota, k.panitera_pengganti)


class SalinanPutusan(Surat):
    """One party's copy: the ruling, stamped SALINAN on every page, certified by the PP."""

    jenis = "salinan_putusan"

    def naskah(self, k: KonteksSalinanPutusan) -> Naskah:
        asli = Putusan().naskah(k.putusan)
        blok = (
            Paragraf(f"Salinan untuk: {k.kepada}", rata="left"),
            *asli.blok,
            Paragraf(
                "Salinan putusan ini dibuat sesuai dengan aslinya dan diberikan kepada "
                f"{k.kepada}.",
                tebal=True,
            ),
            Ttd(k.pengesahan),
        )
        return replace(asli, judul_berkas=self.jenis, blok=blok, cap="SALINAN")


KEHADIRAN_ID = {
    "hadir": "Hadir",
    "diwakili": "Diwakili oleh kuasa",
    "tidak_hadir_dengan_alasan": "Tidak hadir dengan alasan yang sah",
    "tidak_hadir_tanpa_alasan": "Tidak hadir tanpa alasan yang sah",
}


class BeritaAcara(Surat):
    jenis = "berita_acara"

    def judul(self, k: KonteksBeritaAcara) -> list[Blok]:
        return [
            Judul(
                "BERITA ACARA SIDANG",
                (k.jenis_sidang.upper(), f"Register Nomor: {k.nomor_register}"),
            )
        ]

    def isi(self, k: KonteksBeritaAcara) -> list[Blok]:
        blok = [
            Paragraf(
                f"Pada hari ini, {k.hari_tanggal}, pukul {k.pukul}, bertempat di {k.tempat}, "
                f"telah dilangsungkan sidang {k.jenis_sidang} sengketa informasi publik "
                f"Register Nomor {k.nomor_register} antara {k.para_pihak}."
            ),
            _sub("Susunan persidangan:"),
            Daftar((*k.majelis, f"{k.panitera_pengganti} sebagai Panitera Pengganti")),
            _sub("Kehadiran para pihak:"),
            Rincian(k.kehadiran or (("-", "-"),)),
            Rincian((("Agenda sidang", k.agenda or "-"),)),
            _sub("Jalannya sidang:"),
            Paragraf(k.ringkasan or "-"),
            _sub("Bukti yang diajukan dan penandaannya (P-1 dst., T-1 dst.):"),
            Paragraf("-"),
            # The system records no orders: the PP fills them in the DOCX before signing.
            _sub("Perintah Majelis Komisioner:"),
            Paragraf("-"),
        ]
        if k.penundaan:
            blok.append(Paragraf(k.penundaan))
        blok.append(
            Paragraf(
                "Demikian berita acara sidang ini dibuat dengan sebenarnya dan ditandatangani "
                "oleh Ketua Majelis Komisioner dan Panitera Pengganti."
            )
        )
        return blok

    def penutup(self, k: KonteksBeritaAcara) -> list[Blok]:
        return [Ttd(t) for t in k.tanda_tangan]


class PenetapanMediator(Surat):
    jenis = "penetapan_mediator"

    def judul(self, k: KonteksPenetapanMediator) -> list[Blok]:
        return [
            Judul(
                "PENETAPAN",
                (
                    f"Nomor: {k.nomor}",
                    "TENTANG",
                    "PENUNJUKAN MEDIATOR",
                    f"Register Nomor: {k.nomor_register}",
                ),
            )
        ]

    def isi(self, k: KonteksPenetapanMediator) -> list[Blok]:
        susunan = [f"{k.mediator} sebagai Mediator"]
        if k.mediator_pembantu:
            susunan.append(f"{k.mediator_pembantu} sebagai Mediator Pembantu")
        return [
            Paragraf("KETUA MAJELIS KOMISIONER", tebal=True, rata="center"),
            _sub("Menimbang:"),
            Daftar(
                (
                    f"bahwa sengketa informasi publik antara {k.para_pihak}, Register Nomor "
                    f"{k.nomor_register} tanggal {k.tanggal_registrasi}, telah melalui "
                    "pemeriksaan awal;",
                    "bahwa para pihak telah sepakat untuk menempuh penyelesaian melalui "
                    "mediasi, sehingga perlu ditunjuk Mediator.",
                )
            ),
            _sub("Mengingat:"),
            Daftar((f"{UU_KIP}, Pasal 38 dan Pasal 39;", f"{PERKI}.")),
            Paragraf("MENETAPKAN:", tebal=True, rata="center"),
            Paragraf(
                f"Menunjuk untuk menyelesaikan sengketa tersebut melalui mediasi, terhitung "
                f"sejak {k.tanggal_mulai}:",
                spasi_sesudah=False,
            ),
            Daftar(tuple(susunan)),
        ]


class KesepakatanMediasi(Surat):
    jenis = "kesepakatan_mediasi"

    def judul(self, k: KonteksKesepakatanMediasi) -> list[Blok]:
        return [Judul("KESEPAKATAN MEDIASI", (f"Register Nomor: {k.nomor_register}",))]

    def isi(self, k: KonteksKesepakatanMediasi) -> list[Blok]:
        return [
            Paragraf(
                f"Pada hari ini, {k.hari_tanggal}, bertempat di {k.tempat}, dalam proses mediasi "
                f"sengketa informasi publik Register Nomor {k.nomor_register} dengan Mediator "
                f"{k.mediator}, yang bertanda tangan di bawah ini:"
            ),
            Rincian((("Nama", k.pemohon), ("Alamat", k.alamat_pemohon or "-"))),
            Paragraf("selanjutnya disebut sebagai Pemohon;"),
            Rincian((("Nama", k.termohon), ("Alamat", k.alamat_termohon or "-"))),
            Paragraf("selanjutnya disebut sebagai Termohon;"),
            Paragraf("Para pihak sepakat untuk menyelesaikan sengketa dengan ketentuan:"),
            Daftar(k.kesepakatan or ("-",)),
            Paragraf(
                f"Kesepakatan ini dilaksanakan paling lambat {k.jangka_pelaksanaan} sejak "
                "ditandatangani, dan akan dikukuhkan dengan Putusan Mediasi yang bersifat "
                "final dan mengikat (Pasal 39 " + UU_KIP + ")."
            ),
        ]

    def penutup(self, k: KonteksKesepakatanMediasi) -> list[Blok]:
        return [Ttd(t) for t in k.tanda_tangan]


class PutusanMediasi(Surat):
    jenis = "putusan_mediasi"

    def judul(self, k: KonteksPutusanMediasi) -> list[Blok]:
        return [Judul("PUTUSAN MEDIASI", (f"Nomor {k.nomor_putusan}",))]

    def isi(self, k: KonteksPutusanMediasi) -> list[Blok]:
        return [
            Paragraf(k.kop.nama.upper(), tebal=True, rata="center"),
            Paragraf(
                f"{k.kop.nama} yang memeriksa sengketa informasi publik Register Nomor "
                f"{k.nomor_register} antara {k.para_pihak}, mengenai permohonan informasi:",
                spasi_sesudah=False,
            ),
            Daftar(k.informasi_diminta or ("-",)),
            Paragraf(
                f"Menimbang bahwa para pihak, dengan bantuan Mediator {k.mediator}, telah "
                f"mencapai kesepakatan pada {k.tanggal_kesepakatan} dan kesepakatan tersebut "
                "tidak bertentangan dengan peraturan perundang-undangan;"
            ),
            Paragraf("Mengingat Pasal 38 dan Pasal 39 " + UU_KIP + " serta " + PERKI + ";"),
            Paragraf("MEMUTUSKAN:", tebal=True, rata="center"),
            Paragraf("1. Mengukuhkan kesepakatan para pihak sebagai berikut:", spasi_sesudah=False),
            Daftar(k.kesepakatan or ("-",)),
            Paragraf(
                f"2. Memerintahkan para pihak untuk melaksanakan kesepakatan tersebut paling "
                f"lambat {k.jangka_pelaksanaan} sejak putusan ini dibacakan."
            ),
            Paragraf(
                "3. Menyatakan putusan ini bersifat final dan mengikat sebagaimana dimaksud "
                "Pasal 39 " + UU_KIP + "."
            ),
            Paragraf(
                f"Demikian diputuskan dan diucapkan dalam sidang terbuka untuk umum pada hari "
                f"{k.tanggal_putusan} oleh {_majelis(k.ketua_majelis, k.anggota)}, didampingi "
                f"oleh {k.panitera_pengganti} sebagai Panitera Pengganti."
            ),
        ]

    def penutup(self, k: KonteksPutusanMediasi) -> list[Blok]:
        return [Ttd(t) for t in k.tanda_tangan]


class PernyataanMediasiGagal(Surat):
    jenis = "pernyataan_mediasi_gagal"

    def judul(self, k: KonteksMediasiGagal) -> list[Blok]:
        return [Judul("PERNYATAAN MEDIASI GAGAL", (f"Register Nomor: {k.nomor_register}",))]

    def isi(self, k: KonteksMediasiGagal) -> list[Blok]:
        blok = [
            Paragraf(
                f"Pada hari ini, {k.hari_tanggal}, Mediator {k.mediator} menyatakan bahwa "
                f"mediasi sengketa informasi publik Register Nomor {k.nomor_register} antara "
                f"{k.para_pihak} tidak berhasil mencapai kesepakatan."
            ),
            Rincian((("Sebab", k.sebab),)),
        ]
        if k.kesepakatan_sebagian:
            blok += [
                _sub("Kesepakatan sebagian yang telah dicapai:"),
                Paragraf(k.kesepakatan_sebagian),
                Paragraf(
                    "Hal-hal yang belum disepakati diselesaikan melalui ajudikasi nonlitigasi."
                ),
            ]
        blok.append(
            Paragraf(
                "Dengan demikian, penyelesaian sengketa dilanjutkan melalui ajudikasi "
                "nonlitigasi oleh Majelis Komisioner (Pasal 42 " + UU_KIP + ")."
            )
        )
        return blok


def _kepada(kepada: str, sebagai: str, alamat: str) -> list[Blok]:
    return [
        Paragraf("Kepada Yth.", rata="left", spasi_sesudah=False),
        Paragraf(f"{kepada} ({sebagai})", tebal=True, rata="left", spasi_sesudah=False),
        Paragraf(alamat or "-", rata="left"),
    ]


def _judul_penetapan(nomor: str, tentang: str, register: str) -> list[Blok]:
    return [
        Judul("PENETAPAN", (f"Nomor: {nomor}", "TENTANG", tentang, f"Register Nomor: {register}"))
    ]


MENGINGAT = Daftar((f"{UU_KIP};", f"{PERKI}."))


class PutusanSela(Surat):
    jenis = "putusan_sela"

    def judul(self, k: KonteksPutusanSela) -> list[Blok]:
        return [Judul("PUTUSAN SELA", (f"Nomor {k.nomor_putusan}",))]

    def isi(self, k: KonteksPutusanSela) -> list[Blok]:
        n1, n2, n3 = _Nomor(1), _Nomor(2), _Nomor(3)
        blok = [
            Paragraf(k.kop.nama.upper(), tebal=True, rata="center"),
            _bagian("1. IDENTITAS"),
            n1(
                f"{k.kop.nama} yang memeriksa sengketa informasi publik Nomor Register "
                f"{k.nomor_register} tanggal {k.tanggal_registrasi} antara:"
            ),
            Rincian(k.identitas_pemohon),
            Paragraf("selanjutnya disebut sebagai Pemohon;"),
            n1("terhadap"),
            Rincian(k.identitas_termohon),
            Paragraf("selanjutnya disebut sebagai Termohon;"),
            _bagian("2. PERTIMBANGAN HUKUM"),
            n2(
                "Bahwa dalam pemeriksaan awal Majelis Komisioner memeriksa kewenangan Komisi "
                "Informasi, kedudukan hukum para pihak, dan jangka waktu pengajuan permohonan "
                "(Pasal 36 " + PERKI + ")."
            ),
            n2(f"Bahwa berdasarkan hasil pemeriksaan awal, {k.dasar}."),
        ]
        if k.catatan:
            blok.append(n2(f"Catatan pemeriksaan awal: {k.catatan}"))
        blok += [
            n2("Bahwa oleh karena itu pokok permohonan tidak perlu dipertimbangkan lebih lanjut."),
            _bagian("3. AMAR PUTUSAN"),
            Paragraf(AMAR_PEMBUKA, tebal=True, rata="left", spasi_sesudah=False),
            *(n3(butir) for butir in k.amar),
            Paragraf(
                f"Demikian diputuskan dan diucapkan dalam sidang terbuka untuk umum pada hari "
                f"{k.tanggal_putusan} oleh {_majelis(k.ketua_majelis, k.anggota)}, didampingi "
                f"oleh {k.panitera_pengganti} sebagai Panitera Pengganti."
            ),
        ]
        return blok

    def penutup(self, k: KonteksPutusanSela) -> list[Blok]:
        return [Ttd(t) for t in k.tanda_tangan]


class PenetapanPencabutan(Surat):
    jenis = "penetapan_pencabutan"

    def judul(self, k: KonteksPencabutan) -> list[Blok]:
        return _judul_penetapan(k.nomor, "PENCABUTAN PERMOHONAN", k.nomor_register)

    def isi(self, k: KonteksPencabutan) -> list[Blok]:
        return [
            _sub("Menimbang:"),
            Daftar(
                (
                    f"bahwa Pemohon dalam sengketa informasi publik antara {k.para_pihak}, "
                    f"Register Nomor {k.nomor_register}, dengan surat tertanggal {k.tanggal_surat} "
                    f"mengajukan pencabutan permohonan dengan alasan: {k.alasan};",
                    "bahwa pencabutan permohonan tidak memerlukan persetujuan Termohon "
                    "(Pasal 14 dan Pasal 15 " + PERKI + ").",
                )
            ),
            _sub("Mengingat:"),
            MENGINGAT,
            Paragraf("MENETAPKAN:", tebal=True, rata="center"),
            Daftar(
                (
                    "Mengabulkan pencabutan permohonan Pemohon.",
                    f"Memerintahkan Panitera untuk mencoret Nomor Register {k.nomor_register} "
                    "dari Buku Register Sengketa Informasi Publik.",
                    "Menyatakan pemeriksaan sengketa ini selesai.",
                )
            ),
            Paragraf(f"Ditetapkan pada {k.tanggal}."),
        ]


class AktaPembatalanRegistrasi(Surat):
    jenis = "akta_pembatalan_registrasi"

    def judul(self, k: KonteksPencabutan) -> list[Blok]:
        return [Judul("AKTA PEMBATALAN REGISTRASI", (f"Nomor Register: {k.nomor_register}",))]

    def isi(self, k: KonteksPencabutan) -> list[Blok]:
        return [
            Paragraf(
                f"Pada hari ini, {k.tanggal_terbilang}, Kepaniteraan {k.kop.nama} telah mencoret "
                f"Nomor Register {k.nomor_register} dari Buku Register Sengketa Informasi Publik, "
                f"atas sengketa antara {k.para_pihak}, karena permohonan dicabut oleh Pemohon."
            ),
            Rincian(
                (
                    ("Nomor register dicoret", k.nomor_register),
                    ("Tanggal pencoretan", k.tanggal),
                    ("Surat pencabutan", k.tanggal_surat),
                    ("Alasan pencabutan", k.alasan or "-"),
                )
            ),
            Paragraf(
                "Nomor register yang telah dicoret tidak dapat digunakan kembali (Pasal 15 "
                + PERKI
                + ")."
            ),
        ]


class PenetapanGugur(Surat):
    jenis = "penetapan_gugur"

    def judul(self, k: KonteksGugur) -> list[Blok]:
        return _judul_penetapan(k.nomor, "GUGURNYA PERMOHONAN", k.nomor_register)

    def isi(self, k: KonteksGugur) -> list[Blok]:
        absen = tuple(
            f"Sidang {a.jenis} pada {a.hari_tanggal}; {a.panggilan}" for a in k.ketidakhadiran
        )
        return [
            Paragraf("MAJELIS KOMISIONER", tebal=True, rata="center"),
            _sub("Menimbang:"),
            Paragraf(
                f"bahwa dalam sengketa informasi publik antara {k.para_pihak}, Register Nomor "
                f"{k.nomor_register}, Pemohon telah dipanggil secara patut tetapi tidak hadir "
                "tanpa alasan yang sah pada sidang-sidang berikut:",
                spasi_sesudah=False,
            ),
            Daftar(absen or ("-",)),
            _sub("Mengingat:"),
            Daftar(("Pasal 30 " + PERKI + ";", f"{UU_KIP}.")),
            Paragraf("MENETAPKAN:", tebal=True, rata="center"),
            Daftar(
                (
                    "Menyatakan permohonan Pemohon gugur.",
                    "Menyatakan pemeriksaan sengketa ini selesai.",
                )
            ),
            Paragraf(f"Ditetapkan pada {k.tanggal}."),
        ]

    def penutup(self, k: KonteksGugur) -> list[Blok]:
        return [Ttd(t) for t in k.tanda_tangan]


class PenetapanPelimpahan(Surat):
    jenis = "penetapan_pelimpahan"

    def judul(self, k: KonteksPelimpahan) -> list[Blok]:
        return _judul_penetapan(k.nomor, "PELIMPAHAN SENGKETA", k.nomor_register)

    def isi(self, k: KonteksPelimpahan) -> list[Blok]:
        return [
            Paragraf("MAJELIS KOMISIONER", tebal=True, rata="center"),
            _sub("Menimbang:"),
            Daftar(
                (
                    f"bahwa berdasarkan pemeriksaan awal atas sengketa informasi publik antara "
                    f"{k.para_pihak}, Register Nomor {k.nomor_register}, {k.kop.nama} tidak "
                    f"berwenang memeriksa sengketa tersebut: {k.alasan};",
                    f"bahwa sengketa tersebut merupakan kewenangan {k.komisi_tujuan}.",
                )
            ),
            _sub("Mengingat:"),
            MENGINGAT,
            Paragraf("MENETAPKAN:", tebal=True, rata="center"),
            Daftar(
                (
                    f"Melimpahkan sengketa informasi publik Register Nomor {k.nomor_register} "
                    f"beserta berkasnya kepada {k.komisi_tujuan}.",
                    f"Menyatakan pemeriksaan sengketa ini pada {k.kop.nama} selesai.",
                )
            ),
            Paragraf(f"Ditetapkan pada {k.tanggal}."),
        ]

    def penutup(self, k: KonteksPelimpahan) -> list[Blok]:
        return [Ttd(t) for t in k.tanda_tangan]


class PemberitahuanTidakDiregistrasi(Surat):
    jenis = "pemberitahuan_tidak_diregistrasi"

    def judul(self, k: KonteksTidakDiregistrasi) -> list[Blok]:
        return [Judul("PEMBERITAHUAN PERMOHONAN TIDAK DIREGISTRASI", (f"Nomor: {k.nomor_surat}",))]

    def isi(self, k: KonteksTidakDiregistrasi) -> list[Blok]:
        return [
            *_kepada(k.kepada, "Pemohon", k.alamat_kepada),
            Paragraf(
                "Permohonan penyelesaian sengketa informasi publik terhadap "
                f"{k.termohon} yang Saudara ajukan dan kami terima pada {k.tanggal_diterima} "
                f"telah diberitahukan kekuranglengkapannya pada {k.tanggal_pemberitahuan}, "
                "yaitu:",
                spasi_sesudah=False,
            ),
            Daftar(k.kekurangan or ("-",)),
            Paragraf(
                f"Sampai dengan batas waktu {k.batas_waktu}, yaitu {k.tanggal_batas}, "
                "kekurangan tersebut tidak dilengkapi. Berdasarkan Pasal 17 " + PERKI + ", "
                "permohonan Saudara tidak diregistrasi dan tidak dicatat dalam Buku Register."
            ),
            Paragraf(
                "Saudara tetap dapat mengajukan permohonan baru sepanjang masih memenuhi jangka "
                "waktu sebagaimana dimaksud Pasal 37 ayat (2) " + UU_KIP + "."
            ),
            Paragraf("Demikian pemberitahuan ini disampaikan untuk menjadi perhatian."),
        ]


class SalinanPermohonan(Surat):
    jenis = "salinan_permohonan"

    def judul(self, k: KonteksSalinanPermohonan) -> list[Blok]:
        return [
            Judul(
                "PENYAMPAIAN SALINAN PERMOHONAN PENYELESAIAN SENGKETA INFORMASI PUBLIK",
                (f"Nomor: {k.nomor_surat}",),
            )
        ]

    def isi(self, k: KonteksSalinanPermohonan) -> list[Blok]:
        return [
            *_kepada(k.kepada, "Termohon", k.alamat_kepada),
            Paragraf(
                "Bersama ini kami sampaikan salinan permohonan penyelesaian sengketa informasi "
                f"publik yang diajukan oleh {k.pemohon}, diterima pada {k.tanggal_diterima} dan "
                f"diregistrasi pada {k.tanggal_registrasi} dengan Nomor Register "
                f"{k.nomor_register} (Pasal 44 ayat (1) " + UU_KIP + "), dengan ringkasan:"
            ),
            _sub("Informasi yang diminta:"),
            Daftar(k.informasi_diminta or ("-",)),
            _sub("Alasan permohonan (Pasal 35 ayat (1) " + UU_KIP + "):"),
            Daftar(k.alasan or ("-",)),
            Rincian(
                (
                    ("Tujuan penggunaan informasi", k.tujuan_penggunaan or "-"),
                    ("Petitum", k.petitum or "-"),
                )
            ),
            Paragraf(
                "Saudara diminta mempersiapkan tanggapan dan dokumen pendukung untuk disampaikan "
                "dalam persidangan. Jadwal sidang akan diberitahukan melalui surat panggilan."
            ),
            Paragraf("Demikian disampaikan untuk menjadi perhatian."),
        ]


SURAT = {
    s.jenis: s
    for s in (
        Panggilan(),
        TandaTerima(),
        AktaRegistrasi(),
        PenetapanMajelis(),
        PemberitahuanKekurangan(),
        Putusan(),
        SalinanPutusan(),
        BeritaAcara(),
        PenetapanMediator(),
        KesepakatanMediasi(),
        PutusanMediasi(),
        PernyataanMediasiGagal(),
        PutusanSela(),
        PenetapanPencabutan(),
        AktaPembatalanRegistrasi(),
        PenetapanGugur(),
        PenetapanPelimpahan(),
        PemberitahuanTidakDiregistrasi(),
        SalinanPermohonan(),
    )
}

# Formats per type: DOCX too where the majelis or registrar may edit before signing.
FORMAT = {
    "panggilan": ("pdf", "docx"),
    "tanda_terima": ("pdf",),
    "akta_registrasi": ("pdf",),
    "penetapan_majelis": ("pdf", "docx"),
    "pemberitahuan_kekurangan": ("pdf",),
    "putusan": ("pdf", "docx"),
    "salinan_putusan": ("pdf",),
    "berita_acara": ("pdf", "docx"),
    "penetapan_mediator": ("pdf", "docx"),
    "kesepakatan_mediasi": ("pdf", "docx"),
    "putusan_mediasi": ("pdf", "docx"),
    "pernyataan_mediasi_gagal": ("pdf",),
    "putusan_sela": ("pdf", "docx"),
    "penetapan_pencabutan": ("pdf", "docx"),
    "akta_pembatalan_registrasi": ("pdf",),
    "penetapan_gugur": ("pdf", "docx"),
    "penetapan_pelimpahan": ("pdf", "docx"),
    "pemberitahuan_tidak_diregistrasi": ("pdf",),
    "salinan_permohonan": ("pdf",),
}
