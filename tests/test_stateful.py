"""Random walks through the procedure (Hypothesis stateful testing) and examples of `koreksi`.

The machine fires random transitions (every name of `LAYANAN_TRANSISI`), hearing actions and
intake edits, with random actors (the right person most of the time, anybody otherwise,
including a stranger of the other commission and the system itself) and random effective
dates, and after every step checks what must always hold (siklus-sengketa.md §2, §3, §5, §6):

- a service either succeeds or raises a typed `KesalahanProsedur`, nothing else;
- only the people the spec names succeed, a terminal case accepts nothing but `koreksi`;
- the status is a spec code and the history replays to it;
- register numbers are unique, gap-free per commission and year, and a struck-out number is
  never issued again;
- the stored open deadlines equal their pure recomputation (`hitung_tenggat`).

Each example runs in its own savepoint, rolled back in `teardown`; the commissions, the
holidays and the people (tests.conftest.Persona) are built once per test. Most examples start
from one case already in a random status (tests.kasus), so that short walks reach the late
statuses too. Environment: JUMLAH_CONTOH examples (default 20), JUMLAH_LANGKAH steps per
example (default 30); TANPA_SUSUT=1 skips shrinking while debugging. `pytest -s` prints what
the walks did.

The examples at the end of the file show findings of these walks and of reading the code:
steps judged at their effective date, and what a correction must undo.
"""

import os
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from viewflow.workflow.models import Task

from sengketa.galat import (
    KesalahanProsedur,
    ParameterTidakValid,
    PrasyaratTidakTerpenuhi,
    TidakBerwenang,
    TransisiTidakDiizinkan,
)
from sengketa.kalender import Kalender
from sengketa.models import (
    SIDANG_AJUDIKASI,
    STATUS_AKHIR,
    Alasan,
    Amar,
    BadanPublik,
    DasarPutusanSela,
    JenisSidang,
    Keanggotaan,
    KomisiInformasi,
    NomorDicoret,
    Penghitung,
    Penugasan,
    RiwayatStatus,
    SebabMediasiGagal,
    Sengketa,
    SeriNomor,
    StatusKehadiran,
    StatusSengketa,
    Tenggat,
)
from sengketa.models.status import STATUS_PEMERIKSAAN
from sengketa.penomoran import format_nomor
from sengketa.tenggat import hitung_tenggat
from sengketa.waktu import hari_ini, zona
from tests.kasus import MULAI, kasus
from workflows import layanan as L
from workflows.alur import TUGAS_PER_STATUS
from workflows.layanan import LAYANAN_TRANSISI
from workflows.layanan import sidang as layanan_sidang
from workflows.rute import TUGAS_TERBUKA

JUMLAH_CONTOH = int(os.environ.get("JUMLAH_CONTOH") or 20)
JUMLAH_LANGKAH = int(os.environ.get("JUMLAH_LANGKAH") or 30)
MAKS_KASUS = 3
FASE = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]
if os.environ.get("TANPA_SUSUT"):
    FASE = FASE[:-1]

# The hearing a case in this status usually needs next.
SIDANG_COCOK = {
    StatusSengketa.PEMERIKSAAN_AWAL: "pemeriksaan_awal",
    StatusSengketa.MEDIASI: "mediasi",
    StatusSengketa.AJUDIKASI: "pembuktian",
    StatusSengketa.MUSYAWARAH: "pembacaan_putusan",
}
STATUS_BERKAS = (StatusSengketa.DITERIMA, StatusSengketa.MENUNGGU_KELENGKAPAN)
KODE_STATUS = frozenset(s.value for s in StatusSengketa)
NAMA_TRANSISI = sorted(LAYANAN_TRANSISI)
# Steps recorded in the history without changing the status.
TINDAKAN_TANPA_STATUS = {"catat_pemeriksaan_awal", "catat_penerimaan_salinan"}

# siklus-sengketa.md §3, column "who", written out independently of sengketa.izin.
# "panitera" includes the PP of the case (§1: the PP does everything panitera does).
SIAPA = {
    "minta_kelengkapan": {"panitera"},
    "registrasi": {"panitera"},
    "tolak_registrasi": {"panitera", "sistem"},
    "tetapkan_majelis": {"ketua"},
    "catat_pemeriksaan_awal": {"ketua_majelis", "pp"},
    "mulai_mediasi": {"ketua_majelis", "pp"},
    "mulai_ajudikasi": {"ketua_majelis", "pp"},
    "putusan_sela": {"ketua_majelis", "pp"},
    "limpahkan": {"ketua_majelis", "pp"},
    "perpanjang_mediasi": {"mediator", "pp"},
    "mediasi_berhasil": {"mediator", "pp"},
    "mediasi_gagal": {"mediator", "pp"},
    "tutup_pemeriksaan": {"ketua_majelis", "pp"},
    "bacakan_putusan": {"ketua_majelis", "pp"},
    "catat_penerimaan_salinan": {"panitera"},
    "catat_keberatan": {"panitera"},
    "nyatakan_inkracht": {"panitera", "sistem"},
    "catat_putusan_pengadilan": {"panitera"},
    "gugurkan": {"ketua_majelis", "pp"},
    "koreksi": {"ketua", "admin"},
    # Actions that are not status transitions (§4, and intake edits).
    "ubah_permohonan": {"panitera"},
    "jadwalkan_sidang": {"panitera", "ketua_majelis", "mediator"},
    "kelola_sidang": {"panitera", "ketua_majelis", "mediator"},
    "catat_panggilan": {"panitera"},
}


def siapa(nama: str, status: str) -> set[str]:
    if nama == "cabut":
        # Before the examination: the applicant, or the registry on its letter; during the
        # examination the withdrawal is confirmed by the ketua majelis or the PP.
        return {"ketua_majelis", "pp"} if status in STATUS_PEMERIKSAAN else {"pemohon", "panitera"}
    return SIAPA[nama]


# Set by the test before the machine runs: the people, built once per test.
_KONTEKS: dict = {}
# What the walks did (printed with `pytest -s`): successes and refusals per step, statuses.
_STATISTIK: Counter = Counter()

teks = st.sampled_from(["Sesuai berita acara", "Catatan majelis", "Alasan tertulis pemohon"])


class MesinSengketa(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.p = p = _KONTEKS["persona"]
        self.komisi = {k.pk: k for k in KomisiInformasi.objects.all()}
        self.kaltim, self.pusat = p.komisi, KomisiInformasi.objects.get(kode="KI-PUSAT")
        self.kal = {pk: Kalender.untuk(k) for pk, k in self.komisi.items()}
        self.badan = {pk: BadanPublik.objects.filter(komisi_id=pk).first() for pk in self.komisi}
        self.staf = {
            self.kaltim.pk: {"panitera": [p.panitera], "ketua": [p.ketua], "admin": [p.admin]},
            self.pusat.pk: {"panitera": [p.panitera_lain], "ketua": [p.ketua_lain], "admin": []},
        }
        self.semua_orang = [
            p.panitera,
            p.pp,
            p.ketua,
            *p.komisioner,
            p.pemohon,
            p.admin,
            p.pihak_lain,
            p.panitera_lain,
            p.ketua_lain,
            None,
        ]
        # Role groups and commissions per user, read once (they never change here).
        self.grup = {
            u.pk: set(u.groups.values_list("name", flat=True)) for u in self.semua_orang if u
        }
        self.anggota = defaultdict(set)
        for u_id, k_id in Keanggotaan.objects.filter(aktif=True).values_list(
            "pengguna_id", "komisi_id"
        ):
            self.anggota[u_id].add(k_id)
        self.kasus: list[int] = []
        self.status_kasus: dict[int, str] = {}  # refreshed by the invariant after each step
        # Register numbers: every number ever seen on a case, and the ones that went away.
        self.nomor_terlihat: dict[tuple[int, str], tuple[int, int, int]] = {}
        self.nomor_kasus: dict[int, tuple[int, str]] = {}
        self.nomor_hilang: set[tuple[int, str]] = set()

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # ---- helpers ------------------------------------------------------------------------

    def _muat(self, pk: int) -> Sengketa:
        return Sengketa.objects.select_related("komisi").get(pk=pk)

    def _pilih_kasus(self, data, status=None) -> Sengketa:
        """Any case; with `status`, mostly one of the cases in those statuses."""
        calon = self.kasus
        if status and data.draw(st.integers(0, 4), label="kasus_cocok") > 0:
            calon = [pk for pk in self.kasus if self.status_kasus.get(pk) in status] or calon
        return self._muat(data.draw(st.sampled_from(calon), label="kasus"))

    def _jenis_aktor(self, oleh, s: Sengketa) -> set[str]:
        """What this person is for this case, from groups, commission and assignments."""
        if oleh is None:
            return {"sistem"}
        jenis = set()
        if s.komisi_id in self.anggota[oleh.pk]:
            jenis |= self.grup[oleh.pk] & {"panitera", "ketua", "admin"}
        peran = set(
            Penugasan.objects.filter(sengketa=s, pengguna=oleh, aktif=True).values_list(
                "peran", flat=True
            )
        )
        if "ketua_majelis" in peran:
            jenis.add("ketua_majelis")
        if "mediator" in peran:
            jenis.add("mediator")
        if "panitera_pengganti" in peran:
            jenis |= {"pp", "panitera"}
        pemohon = s.pihak.filter(peran="pemohon").first()
        if pemohon and pemohon.pengguna_id == oleh.pk:
            jenis.add("pemohon")
        return jenis

    def _calon(self, s: Sengketa, jenis: set[str]) -> list:
        calon = []
        staf = self.staf[s.komisi_id]
        for j in sorted(jenis):
            if j in staf:
                calon += staf[j]
            elif j == "sistem":
                calon.append(None)
            elif j == "pemohon":
                pemohon = s.pihak.filter(peran="pemohon").first()
                if pemohon and pemohon.pengguna:
                    calon.append(pemohon.pengguna)
            else:
                peran = {"ketua_majelis": "ketua_majelis", "pp": "panitera_pengganti"}.get(j, j)
                calon += [
                    t.pengguna
                    for t in Penugasan.objects.filter(sengketa=s, peran=peran, aktif=True)
                    .select_related("pengguna")
                    .order_by("id")
                ]
        return calon

    def _aktor(self, data, s: Sengketa, nama: str):
        """Most of the time someone the spec allows; otherwise anybody (or the system)."""
        calon = self._calon(s, siapa(nama, s.status))
        if calon and data.draw(st.integers(0, 9), label="aktor_berwenang") < 8:
            return data.draw(st.sampled_from(calon), label="aktor")
        return data.draw(st.sampled_from(self.semua_orang), label="aktor")

    def _hari_ini(self, s: Sengketa) -> date:
        return hari_ini(s.komisi)

    def _batas(self, s: Sengketa) -> date:
        return max(filter(None, [s.tanggal_efektif_terakhir, s.tanggal_diterima]))

    def _tanggal(self, data, s: Sengketa) -> date | None:
        """Previous step + 0..20 days (capped at today); now and then invalid or omitted."""
        batas, hari = self._batas(s), self._hari_ini(s)
        jenis = data.draw(st.integers(0, 39), label="jenis_tanggal")
        if jenis == 0:
            return None  # today
        if jenis == 1:
            return batas - timedelta(days=data.draw(st.integers(1, 10), label="mundur"))
        if jenis == 2:
            return hari + timedelta(days=3)
        return min(batas + timedelta(days=data.draw(st.integers(0, 20), label="maju")), hari)

    def _hari_kerja(self, s: Sengketa, d: date) -> date:
        kal = self.kal[s.komisi_id]
        if not kal.adalah_hari_kerja(d):
            d = kal.tambah(d, 1)
        return d

    def _pukul(self, s: Sengketa, d: date, jam: int) -> datetime:
        return datetime.combine(d, time(jam), tzinfo=zona(s.komisi.zona_waktu))

    def _coba(self, fungsi, **kw):
        """A call that may be refused with a typed error; anything else fails the test."""
        try:
            hasil = fungsi(**kw)
        except KesalahanProsedur as galat:
            _STATISTIK[f"{fungsi.__name__}: {type(galat).__name__}"] += 1
            if hasattr(galat, "kode_alasan"):
                _STATISTIK[f"{fungsi.__name__}: {galat.kode_alasan}"] += 1
            return None
        _STATISTIK[f"{fungsi.__name__}: berhasil"] += 1
        return hasil

    def _cek_tindakan(self, oleh, s: Sengketa, nama: str) -> None:
        """An action (hearing, summons, intake edit) succeeded: the actor must be allowed."""
        jenis = self._jenis_aktor(oleh, s)
        assert jenis & siapa(nama, s.status), (nama, s.status, getattr(oleh, "username", None))

    # ---- rules --------------------------------------------------------------------------

    @initialize(data=st.data())
    def kasus_awal(self, data):
        """Start, mostly, from one case already in a random status (tests.kasus builds it
        through the services), so that short walks also reach the late statuses."""
        status = data.draw(st.sampled_from([None, *StatusSengketa.values]), label="status_awal")
        if status is not None:
            kasus(self.p, status)
            self.kasus += list(Sengketa.objects.order_by("id").values_list("pk", flat=True))

    @rule(data=st.data())
    def langkah(self, data):
        """One step. A single rule with its own weights, so every walk mixes all kinds."""
        jenis = data.draw(st.integers(0, 19), label="jenis_langkah")
        if not self.kasus or (jenis < 2 and len(self.kasus) < MAKS_KASUS):
            return self.terima(data)
        diperiksa = any(x in STATUS_PEMERIKSAAN for x in self.status_kasus.values())
        if jenis < 14 or (jenis < 18 and not diperiksa):
            return self.transisi(data)
        if jenis < 18:
            return self.sidang(data)
        return self.ubah_permohonan(data)

    def terima(self, data):
        _STATISTIK["aturan: terima"] += 1
        p = self.p
        komisi = self.pusat if data.draw(st.integers(0, 7), label="pusat") == 0 else self.kaltim
        panitera = self.staf[komisi.pk]["panitera"][0]
        oleh = data.draw(
            st.sampled_from([panitera, panitera, panitera, p.pemohon, p.panitera_lain, None]),
            label="oleh",
        )
        hari = hari_ini(komisi)
        diterima = min(
            date(2024, 1, 2) + timedelta(days=data.draw(st.integers(0, 500), label="hari")), hari
        )
        keberatan = diterima - timedelta(days=data.draw(st.integers(0, 60), label="keberatan"))
        permohonan = keberatan - timedelta(days=data.draw(st.integers(0, 40), label="permohonan"))
        atasan = None
        if data.draw(st.booleans(), label="ada_tanggapan_atasan"):
            atasan = keberatan + (diterima - keberatan) // 2
        alasan = sorted(
            data.draw(st.sets(st.sampled_from(Alasan.values), min_size=1, max_size=3), "alasan")
        )
        if data.draw(st.integers(0, 19), label="alasan_salah") == 0:
            alasan = ["z"]
        kelengkapan = {
            b: data.draw(st.integers(0, 4), label=b) > 0
            for b in ("identitas", "bukti_permohonan", "bukti_keberatan")
        }
        pengguna = p.pemohon if data.draw(st.booleans(), label="akun_pemohon") else None
        berkas = L.DataPermohonan(
            pemohon=L.DataPihak(jenis="perorangan", nama="Siti Aminah", pengguna=pengguna),
            badan_publik_id=self.badan[komisi.pk].pk,
            informasi_diminta=["Dokumen anggaran 2023"],
            alasan=alasan,
            tanggal_permohonan_informasi=permohonan,
            tanggal_keberatan=keberatan,
            tanggal_tanggapan_atasan=atasan,
            tanggal_diterima=diterima,
            tujuan_penggunaan="Pengawasan anggaran",
            kelengkapan=kelengkapan,
        )
        hasil = self._coba(L.sengketa_terima, komisi=komisi, oleh=oleh, data=berkas)
        if hasil is None:
            return
        s = hasil.sengketa
        if oleh is None or (oleh == p.panitera_lain and komisi == self.kaltim):
            raise AssertionError("a stranger or the system filed a case")
        assert s.status == StatusSengketa.DITERIMA
        self.kasus.append(s.pk)

    def transisi(self, data):
        _STATISTIK["aturan: transisi"] += 1
        s = self._pilih_kasus(data)
        # Mostly a step forward from the current status, sometimes any step the status allows
        # (withdrawal, correction...), sometimes any transition at all (mostly refused).
        tersedia = sorted({t.name for t in s.get_available_status_transitions()})
        maju = [n for n in tersedia if n not in ("cabut", "koreksi", "gugurkan")]
        pilihan = data.draw(st.integers(0, 9), label="pilihan_nama")
        daftar = maju if pilihan < 6 else tersedia if pilihan < 8 else NAMA_TRANSISI
        nama = data.draw(st.sampled_from(daftar or NAMA_TRANSISI), label="nama")
        oleh = self._aktor(data, s, nama)
        tanggal = self._tanggal(data, s)
        param = getattr(self, f"_param_{nama}")(data, s, tanggal, oleh)
        # A parameter builder may move the date (the reading goes to its hearing's day).
        self._jalankan(s, nama, oleh, param.pop("tanggal", tanggal), param)

    def ubah_permohonan(self, data):
        _STATISTIK["aturan: ubah_permohonan"] += 1
        s = self._pilih_kasus(data, STATUS_BERKAS)
        oleh = self._aktor(data, s, "ubah_permohonan")
        perubahan = {"tujuan_penggunaan": data.draw(teks, label="tujuan")}
        if data.draw(st.integers(0, 9), label="medan_salah") == 0:
            perubahan["status"] = "teregistrasi"
        kelengkapan = None
        if data.draw(st.booleans(), label="centang"):
            kelengkapan = dict.fromkeys(("identitas", "bukti_permohonan", "bukti_keberatan"), True)
        hasil = self._coba(
            L.sengketa_ubah_permohonan,
            sengketa_id=s.pk,
            oleh=oleh,
            perubahan=perubahan,
            kelengkapan=kelengkapan,
        )
        if hasil is not None:
            self._cek_tindakan(oleh, s, "ubah_permohonan")
            assert s.status in (StatusSengketa.DITERIMA, StatusSengketa.MENUNGGU_KELENGKAPAN)
            baru = self._muat(s.pk)
            assert baru.status == s.status
            assert baru.tujuan_penggunaan == perubahan["tujuan_penggunaan"]

    def sidang(self, data):
        """Schedule a hearing, serve (some of) its summonses, then hold, adjourn, cancel it or
        leave it scheduled. The applicant is often absent without reason."""
        _STATISTIK["aturan: sidang"] += 1
        s = self._pilih_kasus(data, STATUS_PEMERIKSAAN)
        hari = self._hari_kerja(
            s, self._batas(s) + timedelta(days=data.draw(st.integers(0, 20), label="hari"))
        )
        cocok = SIDANG_COCOK.get(s.status)
        if cocok and data.draw(st.integers(0, 4), label="jenis_cocok") > 1:
            jenis = cocok
        else:
            jenis = data.draw(st.sampled_from(JenisSidang.values), label="jenis")
        jam = data.draw(st.integers(8, 14), label="jam")
        ruang = data.draw(st.sampled_from(["Ruang 1", "Ruang 2", ""]), label="ruang")
        self._sidang(data, s, jenis, hari, jam, ruang)

    def _sidang(self, data, s: Sengketa, jenis: str, hari: date, jam: int, ruang: str):
        oleh = self._aktor(data, s, "jadwalkan_sidang")
        hasil = self._coba(
            layanan_sidang.sidang_jadwalkan,
            sengketa_id=s.pk,
            oleh=oleh,
            jenis=jenis,
            mulai=self._pukul(s, hari, jam),
            ruang=ruang,
        )
        if hasil is None:
            return None
        self._cek_tindakan(oleh, s, "jadwalkan_sidang")
        assert s.status in STATUS_PEMERIKSAAN
        sidang = hasil.sidang
        kal = self.kal[s.komisi_id]
        for panggilan in sidang.panggilan.order_by("id"):
            k = data.draw(st.integers(-1, 8), label="hk_sebelum")
            if k < 0:
                continue  # never served
            diterima = min(kal.tambah(hari, -k), self._hari_ini(s))
            oleh = self._aktor(data, s, "catat_panggilan")
            if self._coba(
                layanan_sidang.panggilan_catat_diterima,
                panggilan_id=panggilan.pk,
                oleh=oleh,
                metode="email",
                tanggal=diterima,
            ):
                self._cek_tindakan(oleh, s, "catat_panggilan")
        akhir = data.draw(
            st.sampled_from(["selesai", "selesai", "selesai", "biarkan", "tunda", "batal"]),
            label="akhir",
        )
        oleh = self._aktor(data, s, "kelola_sidang")
        if akhir == "selesai":
            kehadiran = []
            for pihak in s.pihak.order_by("id"):
                pilihan = list(StatusKehadiran.values)
                if pihak.peran == "pemohon":
                    pilihan += ["tidak_hadir_tanpa_alasan"] * 3
                status = data.draw(st.sampled_from(pilihan), label=f"hadir_{pihak.peran}")
                kehadiran.append({"pihak": pihak.pk, "status": status})
            berhasil = self._coba(
                layanan_sidang.sidang_selesai, sidang_id=sidang.pk, oleh=oleh, kehadiran=kehadiran
            )
        elif akhir == "tunda":
            berikut = kal.tambah(hari, data.draw(st.integers(1, 10), label="tunda_hk"))
            berhasil = self._coba(
                layanan_sidang.sidang_tunda,
                sidang_id=sidang.pk,
                oleh=oleh,
                alasan="Termohon meminta waktu",
                mulai_berikutnya=self._pukul(s, berikut, jam),
            )
        elif akhir == "batal":
            berhasil = self._coba(
                layanan_sidang.sidang_batal, sidang_id=sidang.pk, oleh=oleh, alasan="Majelis sakit"
            )
        else:
            return sidang
        if berhasil is not None:
            self._cek_tindakan(oleh, s, "kelola_sidang")
        return sidang

    # ---- one transition -----------------------------------------------------------------

    def _jalankan(self, s: Sengketa, nama: str, oleh, tanggal, param: dict) -> None:
        jenis_aktor = self._jenis_aktor(oleh, s)
        n_riwayat = s.riwayat.count()
        terakhir_id = s.riwayat.order_by("-id").values_list("id", flat=True).first()
        try:
            LAYANAN_TRANSISI[nama](sengketa_id=s.pk, oleh=oleh, tanggal=tanggal, **param)
        except KesalahanProsedur as galat:
            _STATISTIK[f"{nama}: {type(galat).__name__}"] += 1
            if isinstance(galat, ParameterTidakValid):
                _STATISTIK[f"{nama}: {type(galat).__name__} {sorted(galat.galat)}"] += 1
            sesudah = self._muat(s.pk)
            assert sesudah.status == s.status, "a refused step changed the status"
            assert sesudah.riwayat.count() == n_riwayat, "a refused step wrote history"
            if s.status in STATUS_AKHIR and nama != "koreksi":
                assert isinstance(galat, TransisiTidakDiizinkan), galat
            return
        sesudah = self._muat(s.pk)
        _STATISTIK[f"{nama}: berhasil"] += 1
        _STATISTIK[f"status tercapai: {sesudah.status}"] += 1
        label = (nama, s.status, getattr(oleh, "username", None))
        # Terminal states accept nothing but a correction.
        assert s.status not in STATUS_AKHIR or nama == "koreksi", label
        # Only the people of the spec's "who" column succeed.
        assert jenis_aktor & siapa(nama, s.status), label
        # Exactly one history row, for this step, by this actor, on this date.
        baru = list(s.riwayat.filter(id__gt=terakhir_id or 0).order_by("id"))
        assert [r.transisi for r in baru] == [nama], label
        r = baru[0]
        assert r.oleh_id == getattr(oleh, "pk", None)
        assert r.tanggal == (tanggal or self._hari_ini(s))
        # Spec §3: never in the future, never before the previous step.
        assert self._batas(s) <= r.tanggal <= self._hari_ini(s), (label, r.tanggal)
        assert r.ubah_status == (nama not in TINDAKAN_TANPA_STATUS)
        assert (r.dari, r.ke) == (s.status, sesudah.status)
        if nama in TINDAKAN_TANPA_STATUS:
            assert sesudah.status == s.status
        if nama == "koreksi":
            dibatalkan = RiwayatStatus.objects.get(pk=r.parameter["riwayat"])
            assert dibatalkan.dikoreksi and dibatalkan.ke == s.status
            assert sesudah.status == dibatalkan.dari
        if nama == "registrasi":
            assert sesudah.nomor_register and not s.nomor_register
        if sesudah.komisi_id != s.komisi_id:
            raise AssertionError("a case changed commission")
        for pk in Sengketa.objects.exclude(pk__in=self.kasus).values_list("pk", flat=True):
            self.kasus.append(pk)  # a transfer created the case at the other commission

    # ---- parameters, valid most of the time ----------------------------------------------

    def _param_minta_kelengkapan(self, data, s, tanggal, oleh):
        kekurangan = data.draw(
            st.sampled_from(
                [["bukti_keberatan"], ["identitas", "bukti_permohonan"], ["identitas"]] * 2
                + [[], None]
            ),
            label="kekurangan",
        )
        return {"kekurangan": kekurangan}

    def _param_registrasi(self, data, s, tanggal, oleh):
        pengecualian = data.draw(
            st.sampled_from(["", "", "Termohon tidak memberikan tanda terima keberatan"]),
            label="pengecualian",
        )
        return {"pengecualian_kelengkapan": pengecualian}

    def _param_tolak_registrasi(self, data, s, tanggal, oleh):
        return {}

    def _param_tetapkan_majelis(self, data, s, tanggal, oleh):
        p = self.p
        komisioner = [p.ketua, *p.komisioner]
        if s.komisi_id == self.pusat.pk and data.draw(st.booleans(), label="majelis_pusat"):
            komisioner = [p.ketua_lain, *p.komisioner]
        if data.draw(st.integers(0, 9), label="majelis_sah") < 8:
            majelis = data.draw(st.permutations(komisioner), label="majelis")[:3]
        else:  # any size, often even or too small
            majelis = data.draw(
                st.lists(
                    st.sampled_from(komisioner), min_size=1, max_size=5, unique_by=lambda u: u.pk
                ),
                label="majelis",
            )
        if data.draw(st.integers(0, 14), label="anggota_ganda") == 0:
            majelis = [*majelis, majelis[0]]
        pp = data.draw(
            st.sampled_from([p.pp] * 5 + [p.panitera, p.komisioner[4], p.panitera_lain]),
            label="pp",
        )
        return {"ketua_majelis": majelis[0], "anggota": majelis[1:], "panitera_pengganti": pp}

    def _param_catat_pemeriksaan_awal(self, data, s, tanggal, oleh):
        temuan = {
            nama: data.draw(st.integers(0, 7), label=nama) > 0
            for nama in (
                "berwenang",
                "legal_standing_pemohon",
                "legal_standing_termohon",
                "dalam_jangka_waktu",
            )
        }
        if data.draw(st.integers(0, 19), label="temuan_salah") == 0:
            temuan["berwenang"] = "ya"
        return {**temuan, "catatan": data.draw(teks, label="catatan")}

    def _param_mulai_mediasi(self, data, s, tanggal, oleh):
        p = self.p
        mediator = data.draw(
            st.sampled_from([*p.komisioner, p.ketua, p.panitera, p.ketua_lain]), label="mediator"
        )
        pembantu = data.draw(
            st.sampled_from([None] * 6 + [p.pp, p.komisioner[4], mediator]), label="pembantu"
        )
        return {
            "mediator": mediator,
            "mediator_pembantu": pembantu,
            "persetujuan_para_pihak": data.draw(st.integers(0, 5), label="setuju") > 0,
        }

    def _param_mulai_ajudikasi(self, data, s, tanggal, oleh):
        return {"mediasi_ditolak": data.draw(st.booleans(), label="mediasi_ditolak")}

    def _param_putusan_sela(self, data, s, tanggal, oleh):
        dasar = data.draw(st.sampled_from([*DasarPutusanSela.values, "ngawur"]), label="dasar")
        return {
            "dasar": dasar,
            "catatan": data.draw(st.sampled_from(["", "Pemohon beritikad buruk"])),
        }

    def _param_limpahkan(self, data, s, tanggal, oleh):
        tujuan = data.draw(
            st.sampled_from(["KI-PUSAT", "KI-PUSAT", "KIP-KALTIM", "KI-ENTAH"]), label="tujuan"
        )
        return {"komisi_tujuan": tujuan}

    def _param_perpanjang_mediasi(self, data, s, tanggal, oleh):
        return {
            "hari": data.draw(st.integers(0, 8), label="hari"),
            "persetujuan_para_pihak": data.draw(st.integers(0, 5), label="setuju") > 0,
        }

    def _param_mediasi_berhasil(self, data, s, tanggal, oleh):
        kesepakatan = data.draw(
            st.sampled_from([["Termohon memberikan salinan kontrak"], []]), label="kesepakatan"
        )
        return {
            "kesepakatan": kesepakatan,
            "jangka_waktu_pelaksanaan": data.draw(st.integers(0, 30), label="jangka"),
        }

    def _param_mediasi_gagal(self, data, s, tanggal, oleh):
        sebab = data.draw(st.sampled_from([*SebabMediasiGagal.values, "bosan"]), label="sebab")
        return {"sebab": sebab, "kesepakatan_sebagian": data.draw(st.sampled_from(["", "Butir 1"]))}

    def _tanggal_setelah_sidang(self, data, s, tanggal, jenis=None):
        """Often the date of the case's last finished hearing (of these kinds), if it is a
        valid effective date: time-bound preconditions are judged at the effective date."""
        sidang = s.sidang.filter(status="selesai").order_by("-mulai")
        if jenis:
            sidang = sidang.filter(jenis__in=jenis)
        terakhir = sidang.first()
        if terakhir is None or data.draw(st.integers(0, 2), label="tanggal_sidang") == 0:
            return {}
        hari = max(self._batas(s), terakhir.mulai.astimezone(zona(s.komisi.zona_waktu)).date())
        return {"tanggal": min(hari, self._hari_ini(s))}

    def _param_tutup_pemeriksaan(self, data, s, tanggal, oleh):
        return self._tanggal_setelah_sidang(data, s, tanggal, SIDANG_AJUDIKASI)

    def _param_bacakan_putusan(self, data, s, tanggal, oleh):
        if tanggal is not None and s.status == StatusSengketa.MUSYAWARAH:
            hari = self._hari_kerja(s, tanggal)
            if hari <= self._hari_ini(s) and data.draw(st.integers(0, 4), label="jadwal") > 0:
                # The reading needs its hearing on that date: schedule it first, mostly.
                self._sidang(data, s, "pembacaan_putusan", hari, 10, "Ruang Putusan")
                tanggal = hari
        musyawarah = (tanggal or self._hari_ini(s)) - timedelta(
            days=data.draw(st.integers(-1, 3), label="musyawarah")
        )
        if s.tanggal_tutup_pemeriksaan and data.draw(st.integers(0, 3), label="sah") > 0:
            musyawarah = max(musyawarah, s.tanggal_tutup_pemeriksaan)
        return {
            "tanggal": tanggal,
            "amar": data.draw(st.sampled_from([*Amar.values, "setengah"]), label="amar"),
            "isi_amar": "Memerintahkan Termohon memberikan informasi yang diminta",
            "jangka_waktu_pelaksanaan": data.draw(st.integers(0, 30), label="jangka"),
            "tanggal_musyawarah": musyawarah,
        }

    def _pihak(self, data, s) -> int:
        pihak = list(s.pihak.order_by("id").values_list("pk", flat=True))
        return data.draw(st.sampled_from([*pihak, *pihak, 0]), label="pihak")

    def _param_catat_penerimaan_salinan(self, data, s, tanggal, oleh):
        dasar = s.tanggal_putusan or s.tanggal_diterima
        diterima = min(
            dasar + timedelta(days=data.draw(st.integers(-1, 10), label="salinan")),
            self._hari_ini(s),
        )
        return {"pihak": self._pihak(data, s), "tanggal_diterima": diterima}

    def _param_catat_keberatan(self, data, s, tanggal, oleh):
        pengadilan = data.draw(
            st.sampled_from(["PTUN Samarinda", "PN Samarinda", "MA", ""]), label="pengadilan"
        )
        return {
            "pengadilan": pengadilan,
            "nomor_perkara": "12/G/KI/2024/PTUN.SMD",
            "pihak": self._pihak(data, s),
        }

    def _param_nyatakan_inkracht(self, data, s, tanggal, oleh):
        terima = [p.tanggal_diterima for p in s.penerimaan_salinan.all()]
        if not terima or data.draw(st.integers(0, 2), label="setelah_jendela") == 0:
            return {}
        kal = self.kal[s.komisi_id]
        hari = kal.tambah(max(terima), s.komisi.panjang_keberatan + 1)
        return {"tanggal": min(max(hari, self._batas(s)), self._hari_ini(s))}

    def _param_catat_putusan_pengadilan(self, data, s, tanggal, oleh):
        return {
            "pengadilan": "PTUN Samarinda",
            "nomor": "12/G/KI/2024/PTUN.SMD",
            "hasil": data.draw(st.sampled_from(["Menguatkan putusan KI", ""]), label="hasil"),
            "final": data.draw(st.booleans(), label="final"),
        }

    def _param_cabut(self, data, s, tanggal, oleh):
        surat = (tanggal or self._hari_ini(s)) - timedelta(
            days=data.draw(st.integers(-1, 5), label="surat")
        )
        alasan = data.draw(st.sampled_from(["Sudah diberi", "Sudah diberi", "Berdamai", ""]))
        return {"tanggal_surat": surat, "alasan": alasan}

    def _param_gugurkan(self, data, s, tanggal, oleh):
        return self._tanggal_setelah_sidang(data, s, tanggal)

    def _param_koreksi(self, data, s, tanggal, oleh):
        alasan = data.draw(st.sampled_from(["Salah input tanggal", "Salah pilih", "Keliru", ""]))
        return {"alasan": alasan}

    # ---- invariants ---------------------------------------------------------------------

    @invariant()
    def semua_kasus_konsisten(self):
        semua = list(
            Sengketa.objects.select_related("komisi")
            # What hitung_tenggat reads, fetched once for all cases.
            .prefetch_related("sidang__panggilan", "pihak", "penerimaan_salinan")
            .prefetch_related("keberatan_pengadilan")
            .order_by("id")
        )
        self.status_kasus = {s.pk: s.status for s in semua}
        riwayat, tenggat = defaultdict(list), defaultdict(dict)
        for sengketa_id, *baris in (
            RiwayatStatus.objects.filter(ubah_status=True)
            .values_list("sengketa_id", "transisi", "dari", "ke")
            .order_by("id")
        ):
            riwayat[sengketa_id].append(tuple(baris))
        for sengketa_id, *kunci, tanggal, terpenuhi in (
            Tenggat.objects.filter(aktif=True)
            .values_list(
                "sengketa_id", "kode", "pihak_id", "sidang_id", "tanggal", "terpenuhi_pada"
            )
            .order_by("id")
        ):
            tenggat[sengketa_id][tuple(kunci)] = (tanggal, terpenuhi)
        tugas = defaultdict(list)
        for sengketa_id, nama in (
            Task.objects.filter(status__in=TUGAS_TERBUKA, flow_task_type="HUMAN")
            .values_list("process__prosessengketa__sengketa_id", "flow_task")
            .order_by("id")
        ):
            tugas[sengketa_id].append(nama.name)
        for s in semua:
            self._cek_status_dan_riwayat(s, riwayat[s.pk])
            self._cek_tenggat(s, tenggat[s.pk])
            self._cek_tugas(s, tugas[s.pk])
        self._cek_nomor(semua)

    def _cek_tugas(self, s: Sengketa, terbuka: list[str]) -> None:
        """viewflow routes, the status rules: one open task, the one of the status."""
        harapan = [TUGAS_PER_STATUS[s.status]] if s.status in TUGAS_PER_STATUS else []
        assert terbuka == harapan, (s.pk, s.status, terbuka)

    def _cek_status_dan_riwayat(self, s: Sengketa, langkah: list[tuple]) -> None:
        assert s.status in KODE_STATUS, s.status
        tersedia = {t.name for t in s.get_available_status_transitions()}
        if s.status in STATUS_AKHIR:
            assert tersedia == {"koreksi"}, (s.status, tersedia)
        # The history (status transitions, in id order) replays to the current status.
        assert langkah and langkah[0] == ("terima", "", "diterima"), langkah[:1]
        status = "diterima"
        for transisi, dari, ke in langkah[1:]:
            assert dari == status, (s.pk, transisi, dari, status)
            status = ke
        assert status == s.status, (s.pk, status, s.status)

    def _cek_tenggat(self, s: Sengketa, tersimpan: dict) -> None:
        """The active deadline rows are exactly the recomputation: same keys, due dates and
        met-on dates."""
        hitung = {
            spes.kunci: (spes.tanggal, spes.terpenuhi_pada)
            for spes in hitung_tenggat(s, self.kal[s.komisi_id])
            if spes.aktif
        }
        assert tersimpan == hitung, (s.pk, s.status, tersimpan, hitung)

    def _cek_nomor(self, semua: list[Sengketa]) -> None:
        sekarang = Counter()
        for s in semua:
            kunci = (s.komisi_id, s.nomor_register) if s.nomor_register else None
            lama = self.nomor_kasus.get(s.pk)
            if lama and lama != kunci:
                self.nomor_hilang.add(lama)
            self.nomor_kasus[s.pk] = kunci
            assert s.nomor_register_dicoret == (
                s.status == StatusSengketa.DICABUT and bool(s.nomor_register)
            ), (s.status, s.nomor_register, s.nomor_register_dicoret)
            if kunci is None:
                assert s.nomor_urut_register is None and s.tanggal_registrasi is None
                continue
            sekarang[kunci] += 1
            assert kunci not in self.nomor_hilang, f"struck-out number {kunci} issued again"
            info = (s.tanggal_registrasi.year, s.nomor_urut_register, s.pk)
            assert self.nomor_terlihat.setdefault(kunci, info) == info, (kunci, info)
            assert s.nomor_register == format_nomor(
                s.komisi.template_nomor_register,
                seq=s.nomor_urut_register,
                tanggal=s.tanggal_registrasi,
                kode=s.komisi.kode,
            )
        assert all(n == 1 for n in sekarang.values()), sekarang
        dicoret = set(NomorDicoret.objects.values_list("komisi_id", "nomor"))
        # Numbers undone by a correction are in the struck-out list, never on a case again.
        assert self.nomor_hilang <= dicoret, (self.nomor_hilang, dicoret)
        assert not dicoret & set(sekarang), dicoret & set(sekarang)
        assert dicoret <= set(self.nomor_terlihat)
        # Gap-free per commission and year, current and struck-out numbers together.
        urutan = defaultdict(list)
        for (komisi_id, _nomor), (tahun, urut, _pk) in self.nomor_terlihat.items():
            urutan[komisi_id, tahun].append(urut)
        penghitung = {
            (k, t): n
            for k, t, n in Penghitung.objects.filter(seri=SeriNomor.REGISTER).values_list(
                "komisi_id", "tahun", "terakhir"
            )
        }
        for kunci, daftar in urutan.items():
            assert sorted(daftar) == list(range(1, len(daftar) + 1)), (kunci, sorted(daftar))
        assert {k: len(v) for k, v in urutan.items()} == {k: n for k, n in penghitung.items() if n}


@pytest.mark.django_db
def test_jalan_acak_menjaga_invarian(persona):
    _KONTEKS["persona"] = persona
    try:
        run_state_machine_as_test(
            MesinSengketa,
            settings=settings(
                max_examples=JUMLAH_CONTOH,
                stateful_step_count=JUMLAH_LANGKAH,
                deadline=None,
                phases=FASE,
                suppress_health_check=[
                    HealthCheck.too_slow,
                    HealthCheck.function_scoped_fixture,
                    HealthCheck.data_too_large,
                ],
            ),
        )
    finally:
        _KONTEKS.clear()
        print(*(f"{n:6d}  {k}" for k, n in sorted(_STATISTIK.items())), sep="\n")
        _STATISTIK.clear()


# ---- koreksi, by example ------------------------------------------------------------------


def sk_hk(persona, n: int) -> date:
    return Kalender.untuk(persona.komisi).tambah(MULAI, n)


def _koreksi(sk, oleh, alasan="Salah input"):
    sk.sengketa = L.sengketa_koreksi(sengketa_id=sk.id, oleh=oleh, alasan=alasan)
    return sk.segarkan()


@pytest.mark.django_db
def test_koreksi_registrasi_mencoret_nomor_yang_tidak_pernah_terbit_lagi(persona):
    sk = kasus(persona, StatusSengketa.TEREGISTRASI)
    nomor = sk.sengketa.nomor_register
    assert nomor == "001/REG-PSI/KI-KALTIM/III/2024"

    _koreksi(sk, persona.ketua, "Registrasi keliru")
    s = sk.sengketa
    assert s.status == StatusSengketa.DITERIMA
    assert (s.nomor_register, s.nomor_urut_register, s.tanggal_registrasi) == ("", None, None)
    dicoret = NomorDicoret.objects.get(sengketa=s)
    assert (dicoret.nomor, dicoret.komisi_id, dicoret.alasan) == (
        nomor,
        persona.komisi.pk,
        "Registrasi keliru",
    )

    sk.registrasi(MULAI)
    assert sk.sengketa.nomor_register == "002/REG-PSI/KI-KALTIM/III/2024"
    assert sk.sengketa.nomor_urut_register == 2
    lain = persona.skenario().terima(MULAI).registrasi(MULAI)
    assert lain.sengketa.nomor_register == "003/REG-PSI/KI-KALTIM/III/2024"
    assert Penghitung.objects.get(komisi=persona.komisi, seri="register", tahun=2024).terakhir == 3


@pytest.mark.django_db
def test_koreksi_tetapkan_majelis_mengakhiri_penugasan(persona):
    sk = persona.skenario().terima(MULAI).registrasi(MULAI).tetapkan_majelis(sk_hk(persona, 2))
    assert Penugasan.objects.filter(sengketa=sk.sengketa, aktif=True).count() == 4

    _koreksi(sk, persona.admin)
    assert sk.sengketa.status == StatusSengketa.TEREGISTRASI
    assert sk.sengketa.tanggal_majelis_ditetapkan is None
    penugasan = Penugasan.objects.filter(sengketa=sk.sengketa)
    assert penugasan.count() == 4
    assert not penugasan.filter(aktif=True).exists()
    assert set(penugasan.values_list("tanggal_selesai", flat=True)) == {hari_ini(persona.komisi)}
    # The former ketua majelis has no power over the case any more...
    with pytest.raises(TidakBerwenang):
        L.sengketa_cabut(
            sengketa_id=sk.id,
            oleh=persona.aktor.ketua_majelis,
            tanggal_surat=MULAI,
            alasan="x",
            tanggal=MULAI,
        )
    # ...and the same people can be appointed again.
    sk.tetapkan_majelis(sk_hk(persona, 3))
    assert Penugasan.objects.filter(sengketa=sk.sengketa, aktif=True).count() == 4


@pytest.mark.django_db
def test_koreksi_dari_status_akhir_memulihkan_keadaan_sebelumnya(persona):
    sk = persona.skenario().terima(MULAI).registrasi(MULAI)
    sebelum = Sengketa.objects.values().get(pk=sk.id)
    tanggal = sk_hk(persona, 1)
    sk.sengketa = L.sengketa_cabut(
        sengketa_id=sk.id,
        oleh=persona.pemohon,
        tanggal_surat=MULAI,
        alasan="Informasi sudah diberikan",
        tanggal=tanggal,
    )
    s = sk.segarkan().sengketa
    assert s.status == StatusSengketa.DICABUT and s.terminal
    assert s.nomor_register_dicoret and s.tanggal_selesai == tanggal
    assert {t.name for t in s.get_available_status_transitions()} == {"koreksi"}

    _koreksi(sk, persona.ketua, "Surat pencabutan palsu")
    sesudah = Sengketa.objects.values().get(pk=sk.id)
    berbeda = {k for k in sebelum if sebelum[k] != sesudah[k]}
    assert berbeda == {"diubah_pada"}, berbeda
    assert sk.sengketa.status == StatusSengketa.TEREGISTRASI
    riwayat = list(sk.sengketa.riwayat.filter(ubah_status=True).order_by("id"))
    assert [(r.transisi, r.dari, r.ke, r.dikoreksi) for r in riwayat] == [
        ("terima", "", "diterima", False),
        ("registrasi", "diterima", "teregistrasi", False),
        ("cabut", "teregistrasi", "dicabut", True),
        ("koreksi", "dicabut", "teregistrasi", False),
    ]
    # The number was never struck out for good: the case keeps it, nothing to strike.
    assert sk.sengketa.nomor_register == "001/REG-PSI/KI-KALTIM/III/2024"
    assert not NomorDicoret.objects.exists()


@pytest.mark.django_db
def test_koreksi_butuh_alasan_dan_peran_ketua_atau_admin(persona):
    sk = kasus(persona, StatusSengketa.TEREGISTRASI)
    for orang in (
        persona.panitera,
        persona.pp,
        persona.komisioner[0],
        persona.pemohon,
        persona.ketua_lain,
        None,
    ):
        with pytest.raises(TidakBerwenang):
            L.sengketa_koreksi(sengketa_id=sk.id, oleh=orang, alasan="Salah input")
    for alasan in ("", "   ", None):
        with pytest.raises(ParameterTidakValid) as galat:
            L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan=alasan)
        assert "alasan" in galat.value.galat
    assert sk.segarkan().sengketa.status == StatusSengketa.TEREGISTRASI
    assert sk.sengketa.riwayat.count() == 2

    _koreksi(sk, persona.admin)
    assert sk.sengketa.status == StatusSengketa.DITERIMA
    # Nothing is left to undo: `diterima` is the initial state.
    with pytest.raises(TransisiTidakDiizinkan):
        L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="Lagi")


def test_orakel_siapa_mencakup_setiap_transisi():
    """The machine's "who" oracle covers every transition and names the spec's roles only."""
    jenis = set().union(*SIAPA.values()) | {"pemohon"}
    assert jenis == {
        "panitera",
        "sistem",
        "ketua",
        "admin",
        "ketua_majelis",
        "pp",
        "mediator",
        "pemohon",
    }
    assert set(SIAPA) >= set(LAYANAN_TRANSISI) - {"cabut"}


# ---- findings: steps judged at their effective date, corrections of rulings ---------------


@pytest.mark.django_db
def test_gugurkan_dinilai_pada_tanggal_efektif(persona):
    """Spec §3: time-dependent preconditions are judged at the effective date. Absences at
    hearings held after that date cannot make the case lapse on that date."""
    sk = persona.skenario().terima(MULAI).registrasi(MULAI).tetapkan_majelis(sk_hk(persona, 2))
    sk.sidang("pemeriksaan_awal", sk_hk(persona, 8), hadir=False)
    sk.sidang("pemeriksaan_awal", sk_hk(persona, 12), hadir=False)
    with pytest.raises(KesalahanProsedur):
        L.sengketa_gugurkan(sengketa_id=sk.id, oleh=persona.pp, tanggal=sk_hk(persona, 3))
    # On the day of the second absence it lapses.
    L.sengketa_gugurkan(sengketa_id=sk.id, oleh=persona.pp, tanggal=sk_hk(persona, 12))
    assert sk.segarkan().sengketa.status == StatusSengketa.GUGUR


@pytest.mark.django_db
def test_tutup_pemeriksaan_dinilai_pada_tanggal_efektif(persona):
    """The examination closes only after an adjudication hearing held on or before that date."""
    sk = persona.skenario().sampai_ajudikasi(MULAI)
    mulai = sk.sengketa.tanggal_efektif_terakhir
    sk.sidang("pembuktian", sk_hk(persona, 30))
    with pytest.raises(KesalahanProsedur):
        L.sengketa_tutup_pemeriksaan(sengketa_id=sk.id, oleh=persona.pp, tanggal=mulai)
    L.sengketa_tutup_pemeriksaan(sengketa_id=sk.id, oleh=persona.pp, tanggal=sk_hk(persona, 30))


@pytest.mark.django_db
def test_koreksi_putusan_tidak_mewariskan_penerimaan_salinan_lama(persona):
    """After a ruling is undone and read again, the receipts of the undone ruling's copies do
    not count for the new one: every party receives the new copy, and the objection windows
    start from then (UU 14/2008 Pasal 48)."""
    sk = kasus(persona, StatusSengketa.DIPUTUS)
    dibaca = sk.sengketa.tanggal_putusan
    sk.salinan_diterima(sk.hk(dibaca, 1))
    _koreksi(sk, persona.ketua, "Amar keliru")
    assert sk.sengketa.status == StatusSengketa.MUSYAWARAH
    baru = sk.hk(dibaca, 5)
    sk.bacakan_putusan(baru, amar="dikabulkan_sebagian")
    assert sk.segarkan().sengketa.tanggal_putusan == baru
    # No receipt in force may predate the ruling it is a copy of; the undone ruling's
    # receipts are kept for the record, marked cancelled.
    berlaku = sk.sengketa.penerimaan_salinan.filter(dibatalkan=False)
    assert all(p.tanggal_diterima >= baru for p in berlaku)
    assert sk.sengketa.penerimaan_salinan.filter(dibatalkan=True).count() == 2
    sk.salinan_diterima(sk.hk(baru, 1))
    for t in sk.sengketa.tenggat.filter(kode="keberatan", aktif=True):
        assert t.mulai == sk.hk(baru, 1)


@pytest.mark.django_db
def test_koreksi_pelimpahan_tidak_meninggalkan_salinan_kasus(persona):
    """Undoing a transfer must not leave the copy at the receiving commission running as a
    live case that nothing links to (a second transfer would then make a second copy)."""
    sk = kasus(persona, StatusSengketa.DILIMPAHKAN)
    salinan = sk.sengketa.dilimpahkan_ke
    assert salinan is not None and salinan.status == StatusSengketa.DITERIMA
    # Each commission decides on its own cases: first the receiving one withdraws the copy.
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        _koreksi(sk, persona.ketua, "Pelimpahan keliru")
    assert galat.value.kode_alasan == ["pelimpahan_masih_berjalan"]
    L.sengketa_cabut(
        sengketa_id=salinan.pk, oleh=persona.panitera_lain, tanggal_surat=salinan.tanggal_diterima,
        alasan="Dikembalikan ke komisi asal", tanggal=salinan.tanggal_diterima,
    )  # fmt: skip
    _koreksi(sk, persona.ketua, "Pelimpahan keliru")
    assert sk.sengketa.status == StatusSengketa.PEMERIKSAAN_AWAL
    aktif = Sengketa.objects.filter(komisi__kode="KI-PUSAT").exclude(status__in=STATUS_AKHIR)
    terlantar = [s for s in aktif if not Sengketa.objects.filter(dilimpahkan_ke=s).exists()]
    assert terlantar == [], [(s.pk, s.status) for s in terlantar]
