"""What renderers consume: frozen dataclasses of already formatted text, and the neutral
blocks a document is made of. Nothing here touches the database, so renderers and their
tests run without one."""

from dataclasses import dataclass, field

# --- the parts every letter has ---


@dataclass(frozen=True)
class KopSurat:
    """Letterhead. Hashable: the DOCX base document is cached per letterhead."""

    nama: str
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    situs_web: str = ""
    kota: str = ""
    ukuran_kertas: str = "A4"  # "A4" or "F4" (215 x 330 mm)
    # The commission's logo as PNG bytes, already checked and scaled (dokumen.konteks), or
    # b"" for none. One bytes object per commission: its hash is computed once.
    logo: bytes = field(default=b"", repr=False)

    @property
    def kontak(self) -> str:
        bagian = [
            f"Telepon {self.telepon}" if self.telepon else "",
            f"Surel {self.email}" if self.email else "",
            f"Laman {self.situs_web}" if self.situs_web else "",
        ]
        return " · ".join(b for b in bagian if b)


@dataclass(frozen=True)
class Penanda:
    """Verification mark printed on every page: the short code and the public URL."""

    kode: str
    url: str


@dataclass(frozen=True)
class TandaTangan:
    tempat_tanggal: str  # "Samarinda, 6 Maret 2024"
    jabatan: str  # "Panitera Pengganti"
    nama: str
    atas_nama: str = ""  # "a.n. Ketua Majelis Komisioner"


# --- the documents of this slice ---


@dataclass(frozen=True)
class KonteksPanggilan:
    kop: KopSurat
    penanda: Penanda
    nomor_surat: str
    panggilan_ke: int
    kepada: str  # "Budi Santoso" or "Ani, kuasa dari Budi Santoso"
    sebagai: str  # "Pemohon", "Kuasa Termohon"
    alamat_kepada: str
    nomor_register: str
    para_pihak: str  # "X sebagai Pemohon terhadap Y sebagai Termohon"
    jenis_sidang: str  # "Pemeriksaan Awal"
    hari_tanggal: str  # "Rabu, 20 Maret 2024"
    pukul: str  # "09.00 WITA"
    tempat: str  # room and place, or the online link
    agenda: str
    pp_nama: str
    pp_telepon: str
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KonteksTandaTerima:
    kop: KopSurat
    penanda: Penanda
    nomor: str
    tanggal_diterima: str
    pukul: str
    saluran: str
    pemohon: str
    alamat_pemohon: str
    kuasa: str
    termohon: str
    informasi_diminta: tuple[str, ...]
    lampiran: tuple[str, ...]
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KonteksAktaRegistrasi:
    kop: KopSurat
    penanda: Penanda
    nomor_register: str
    tanggal_registrasi_terbilang: str
    tanggal_registrasi: str
    tanggal_diterima: str
    pemohon: str
    termohon: str
    informasi_diminta: tuple[str, ...]
    alasan: tuple[str, ...]
    tujuan_penggunaan: str
    petitum: str
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KonteksPenetapanMajelis:
    kop: KopSurat
    penanda: Penanda
    nomor: str
    nomor_register: str
    tanggal_registrasi: str
    para_pihak: str
    ketua_majelis: str
    anggota: tuple[str, ...]
    panitera_pengganti: str
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KonteksPemberitahuanKekurangan:
    kop: KopSurat
    penanda: Penanda
    nomor_surat: str
    kepada: str
    alamat_kepada: str
    tanggal_diterima: str
    termohon: str
    kekurangan: tuple[str, ...]
    batas_waktu: str  # "7 (tujuh) hari kerja"
    tanggal_batas: str  # "Jumat, 15 Maret 2024"
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class SidangTercatat:
    """A hearing held, as a ruling lists it."""

    jenis: str  # "Pemeriksaan Awal"
    hari_tanggal: str  # "Rabu, 20 Maret 2024"
    kehadiran: str  # "Pemohon hadir; Termohon diwakili oleh kuasanya"


@dataclass(frozen=True)
class KonteksPutusan:
    kop: KopSurat
    penanda: Penanda
    nomor_putusan: str
    nomor_register: str
    pemohon: str
    termohon: str
    identitas_pemohon: tuple[tuple[str, str], ...]
    identitas_termohon: tuple[tuple[str, str], ...]
    tanggal_diterima: str
    tanggal_registrasi: str
    kronologi: tuple[str, ...]  # request -> PPID answer -> keberatan -> atasan -> dispute
    informasi_diminta: tuple[str, ...]
    alasan: tuple[str, ...]  # "huruf c: tidak ditanggapinya permintaan informasi"
    tujuan_penggunaan: str
    petitum: str
    sidang: tuple[SidangTercatat, ...]
    # Preliminary findings as recorded: True, False or None (not recorded).
    berwenang: bool | None
    legal_standing_pemohon: bool | None
    legal_standing_termohon: bool | None
    dalam_jangka_waktu: bool | None
    catatan_pemeriksaan_awal: str
    amar_pokok: str  # "Mengabulkan permohonan Pemohon untuk seluruhnya."
    isi_amar: str
    jangka_pelaksanaan: str  # "10 (sepuluh) hari kerja", "" when none
    tanggal_musyawarah: str  # spelled out
    tanggal_putusan: str  # spelled out
    ketua_majelis: str
    anggota: tuple[str, ...]
    panitera_pengganti: str
    kota: str
    tanggal_putusan_singkat: str  # "6 Mei 2024"


@dataclass(frozen=True)
class KonteksSalinanPutusan:
    putusan: KonteksPutusan
    kepada: str  # "Budi Santoso (Pemohon)"
    pengesahan: TandaTangan  # the registrar certifying the copy

    @property
    def kop(self) -> KopSurat:
        return self.putusan.kop

    @property
    def penanda(self) -> Penanda:
        return self.putusan.penanda


@dataclass(frozen=True)
class KonteksBeritaAcara:
    kop: KopSurat
    penanda: Penanda
    nomor_register: str
    para_pihak: str
    jenis_sidang: str
    hari_tanggal: str
    pukul: str
    tempat: str
    majelis: tuple[str, ...]  # "Nama (Ketua Majelis Komisioner)"
    panitera_pengganti: str
    kehadiran: tuple[tuple[str, str], ...]  # ("Pemohon: Budi", "Hadir")
    agenda: str
    ringkasan: str
    penundaan: str  # adjournment and next date, "" when none
    tanda_tangan: tuple[TandaTangan, ...]


@dataclass(frozen=True)
class KonteksPenetapanMediator:
    kop: KopSurat
    penanda: Penanda
    nomor: str
    nomor_register: str
    tanggal_registrasi: str
    para_pihak: str
    mediator: str
    mediator_pembantu: str  # "" when none
    tanggal_mulai: str
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KonteksKesepakatanMediasi:
    kop: KopSurat
    penanda: Penanda
    nomor_register: str
    hari_tanggal: str
    tempat: str
    pemohon: str
    alamat_pemohon: str
    termohon: str
    alamat_termohon: str
    mediator: str
    kesepakatan: tuple[str, ...]
    jangka_pelaksanaan: str  # "14 (empat belas) hari kerja"
    tanda_tangan: tuple[TandaTangan, ...]  # parties and mediator


@dataclass(frozen=True)
class KonteksPutusanMediasi:
    kop: KopSurat
    penanda: Penanda
    nomor_putusan: str
    nomor_register: str
    para_pihak: str
    pemohon: str
    termohon: str
    informasi_diminta: tuple[str, ...]
    kesepakatan: tuple[str, ...]
    jangka_pelaksanaan: str
    tanggal_kesepakatan: str
    tanggal_putusan: str  # spelled out
    mediator: str
    ketua_majelis: str
    anggota: tuple[str, ...]
    panitera_pengganti: str
    tanda_tangan: tuple[TandaTangan, ...]


@dataclass(frozen=True)
class KonteksMediasiGagal:
    kop: KopSurat
    penanda: Penanda
    nomor_register: str
    para_pihak: str
    hari_tanggal: str
    sebab: str
    kesepakatan_sebagian: str  # "" when none
    mediator: str
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KonteksPutusanSela:
    kop: KopSurat
    penanda: Penanda
    nomor_putusan: str
    nomor_register: str
    para_pihak: str
    identitas_pemohon: tuple[tuple[str, str], ...]
    identitas_termohon: tuple[tuple[str, str], ...]
    tanggal_registrasi: str
    dasar: str  # the finding that failed, worded
    catatan: str
    tanggal_putusan: str  # spelled out
    ketua_majelis: str
    anggota: tuple[str, ...]
    panitera_pengganti: str
    tanda_tangan: tuple[TandaTangan, ...]
    # The amar's points: "not admissible", or the lack of competence and the transfer
    # (limpahkan) to the competent commission.
    amar: tuple[str, ...] = ("Menyatakan permohonan Pemohon tidak dapat diterima.",)


@dataclass(frozen=True)
class KonteksPencabutan:
    """Withdrawal: the decree granting it and the deed striking the register number out."""

    kop: KopSurat
    penanda: Penanda
    nomor: str
    nomor_register: str
    para_pihak: str
    tanggal_surat: str
    alasan: str
    tanggal: str  # "Rabu, 6 Maret 2024"
    tanggal_terbilang: str
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KetidakhadiranPemohon:
    jenis: str
    hari_tanggal: str
    panggilan: str  # how and when the summons was served


@dataclass(frozen=True)
class KonteksGugur:
    kop: KopSurat
    penanda: Penanda
    nomor: str
    nomor_register: str
    para_pihak: str
    ketidakhadiran: tuple[KetidakhadiranPemohon, ...]
    tanggal: str
    tanda_tangan: tuple[TandaTangan, ...]


@dataclass(frozen=True)
class KonteksPelimpahan:
    kop: KopSurat
    penanda: Penanda
    nomor: str
    nomor_register: str
    para_pihak: str
    komisi_tujuan: str
    alasan: str
    tanggal: str
    tanda_tangan: tuple[TandaTangan, ...]


@dataclass(frozen=True)
class KonteksTidakDiregistrasi:
    kop: KopSurat
    penanda: Penanda
    nomor_surat: str
    kepada: str
    alamat_kepada: str
    tanggal_diterima: str
    termohon: str
    kekurangan: tuple[str, ...]
    tanggal_pemberitahuan: str
    batas_waktu: str  # "7 (tujuh) hari kerja"
    tanggal_batas: str
    tanda_tangan: TandaTangan


@dataclass(frozen=True)
class KonteksSalinanPermohonan:
    kop: KopSurat
    penanda: Penanda
    nomor_surat: str
    kepada: str
    alamat_kepada: str
    nomor_register: str
    tanggal_registrasi: str
    tanggal_diterima: str
    pemohon: str
    informasi_diminta: tuple[str, ...]
    alasan: tuple[str, ...]
    tujuan_penggunaan: str
    petitum: str
    tanda_tangan: TandaTangan


# --- neutral blocks: one document definition, two output formats ---


@dataclass(frozen=True)
class Judul:
    teks: str
    sub: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraf:
    teks: str
    tebal: bool = False
    rata: str = "justify"  # "justify", "left", "center"
    spasi_sesudah: bool = True


@dataclass(frozen=True)
class Daftar:
    butir: tuple[str, ...]
    bernomor: bool = True


@dataclass(frozen=True)
class Rincian:
    """Label : value lines (day, date, time, place...)."""

    baris: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Ttd:
    tanda_tangan: TandaTangan


Blok = Judul | Paragraf | Daftar | Rincian | Ttd


@dataclass(frozen=True)
class Naskah:
    """A document ready for a format renderer."""

    kop: KopSurat
    penanda: Penanda
    judul_berkas: str
    blok: tuple[Blok, ...] = field(default_factory=tuple)
    cap: str = ""  # a stamp printed on every page, e.g. "SALINAN"
