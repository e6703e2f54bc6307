"""Concurrency on PostgreSQL (skipped on SQLite, where select_for_update is a no-op and the
IMMEDIATE transaction mode serialises writers anyway).

Every thread has its own database connection (Django's connections are per thread) and closes
it when done; the data is committed before the threads start (transaction=True), and a
`threading.Barrier` makes the threads start together.

- 20 registrations of 20 cases of one commission at once: 20 distinct register numbers,
  consecutive 1..20 whatever the order (spec §6: gap-free, safe under concurrency).
- 10 attempts of the same transition on one case at once: exactly one succeeds, the others
  get a typed 409 error (TransisiTidakDiizinkan or KonflikBersamaan), one history row.
- A transition and an intake edit on the same case at the same moment: both changes survive
  (the services lock the row and save only the fields they changed).
- Two hearings in one room at one time, scheduled at once: one is refused as a clash.
- Findings: a step on one case waits for a step on another case of the same commission (the
  lock also takes the commission row), and that lock deadlocks with the foreign-key checks
  of rows inserted for the case (after-commit documents): an untyped database error.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction

from sengketa.galat import (
    KesalahanProsedur,
    KonflikBersamaan,
    PrasyaratTidakTerpenuhi,
    TransisiTidakDiizinkan,
)
from sengketa.models import (
    NomorDicoret,
    Penghitung,
    RiwayatStatus,
    Sengketa,
    Sidang,
    StatusSengketa,
)
from tests.kasus import MULAI
from workflows import layanan as L
from workflows.layanan import dasar
from workflows.layanan import sidang as sidang_layanan

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

BATAS_WAKTU = 60  # seconds a thread may take before the test gives up on it


def serentak(tugas: list) -> list:
    """Run the callables in threads that start together; return (result or exception) per
    callable, in order. Each thread closes its own connection."""
    hasil: list = [None] * len(tugas)
    pagar = threading.Barrier(len(tugas))

    def jalan(i, fungsi):
        try:
            pagar.wait(timeout=BATAS_WAKTU)
            hasil[i] = fungsi()
        except Exception as galat:  # collected and checked by the test
            hasil[i] = galat
        finally:
            connection.close()

    benang = [
        threading.Thread(target=jalan, args=(i, f), name=f"uji-{i}") for i, f in enumerate(tugas)
    ]
    for b in benang:
        b.start()
    for b in benang:
        b.join(BATAS_WAKTU)
    assert not any(b.is_alive() for b in benang), "a thread hung (deadlock?)"
    return hasil


def pengguna(u):
    """A fresh instance per thread: no permission caches shared between threads."""
    return get_user_model().objects.get(pk=u.pk)


def _kasus_diterima(persona, n: int) -> list[int]:
    ids = []
    for i in range(n):
        sk = persona.skenario().terima(MULAI + timedelta(days=i % 3), nama=f"Pemohon {i}")
        ids.append(sk.id)
    return ids


def test_dua_puluh_registrasi_serentak_mendapat_nomor_berurutan_tanpa_celah(persona):
    ids = _kasus_diterima(persona, 20)
    tanggal = MULAI + timedelta(days=5)

    def registrasi(pk):
        return lambda: L.sengketa_registrasi(
            sengketa_id=pk, oleh=pengguna(persona.panitera), tanggal=tanggal
        )

    hasil = serentak([registrasi(pk) for pk in ids])

    galat = [h for h in hasil if isinstance(h, BaseException)]
    assert not galat, galat
    kasus = list(Sengketa.objects.filter(pk__in=ids))
    assert all(s.status == StatusSengketa.TEREGISTRASI for s in kasus)
    assert sorted(s.nomor_urut_register for s in kasus) == list(range(1, 21))
    assert len({s.nomor_register for s in kasus}) == 20
    assert {s.nomor_register for s in kasus} == {
        f"{n:03}/REG-PSI/KI-KALTIM/III/2024" for n in range(1, 21)
    }
    penghitung = Penghitung.objects.get(komisi=persona.komisi, seri="register", tahun=2024)
    assert penghitung.terakhir == 20
    assert not NomorDicoret.objects.exists()
    assert RiwayatStatus.objects.filter(transisi="registrasi").count() == 20


@pytest.mark.parametrize(
    ("nama", "layanan", "param"),
    [
        ("registrasi", L.sengketa_registrasi, {}),
        ("minta_kelengkapan", L.sengketa_minta_kelengkapan, {"kekurangan": ["identitas"]}),
    ],
)
def test_sepuluh_percobaan_transisi_yang_sama_hanya_satu_berhasil(persona, nama, layanan, param):
    (pk,) = _kasus_diterima(persona, 1)

    def coba():
        return layanan(sengketa_id=pk, oleh=pengguna(persona.panitera), tanggal=MULAI, **param)

    hasil = serentak([coba] * 10)

    berhasil = [h for h in hasil if isinstance(h, Sengketa)]
    ditolak = [h for h in hasil if isinstance(h, KesalahanProsedur)]
    lain = [h for h in hasil if not isinstance(h, Sengketa | KesalahanProsedur)]
    assert not lain, lain
    assert len(berhasil) == 1
    assert len(ditolak) == 9
    assert all(isinstance(g, TransisiTidakDiizinkan | KonflikBersamaan) for g in ditolak), ditolak
    s = Sengketa.objects.get(pk=pk)
    assert s.status == berhasil[0].status
    assert RiwayatStatus.objects.filter(sengketa_id=pk, transisi=nama).count() == 1
    assert RiwayatStatus.objects.filter(sengketa_id=pk).count() == 2  # terima + this one
    if nama == "registrasi":
        # The refused attempts drew no number: the next registration gets 002.
        assert s.nomor_register == "001/REG-PSI/KI-KALTIM/III/2024"
        assert Penghitung.objects.get(komisi=persona.komisi, seri="register").terakhir == 1


class Tahan:
    """Hold the first caller of a hook, in one named thread, for a while inside its
    transaction (after the service locked and saved the case, before the commit), and say
    when it got there."""

    def __init__(self, asli, benang: str, detik: float = 0.5):
        self.asli, self.benang, self.detik = asli, benang, detik
        self.masuk = threading.Event()
        self.lepas_pada = None

    def __call__(self, *args, **kw):
        if threading.current_thread().name == self.benang and not self.masuk.is_set():
            self.masuk.set()
            time.sleep(self.detik)
            self.lepas_pada = time.monotonic()
        return self.asli(*args, **kw)


@pytest.mark.parametrize("yang_lambat", ["minta_kelengkapan", "ubah_permohonan"])
def test_transisi_dan_ubah_permohonan_bersamaan_tidak_kehilangan_perubahan(
    persona, monkeypatch, yang_lambat
):
    """One thread asks for the missing documents (a transition) while the other edits the
    intake data of the same case. Whichever holds the lock first is held up after saving; the
    other must wait for its commit, read the fresh row, and both changes must survive."""
    (pk,) = _kasus_diterima(persona, 1)
    tujuan = "Bahan penelitian skripsi tentang pengadaan"
    benang = "uji-0" if yang_lambat == "minta_kelengkapan" else "uji-1"
    # Called by Langkah.selesai after the history row (it saves the case with the deadlines),
    # still inside the service's transaction.
    tahan = Tahan(dasar.tenggat_sinkron, benang)
    monkeypatch.setattr(dasar, "tenggat_sinkron", tahan)
    selesai = {}

    def minta_kelengkapan():
        if yang_lambat == "ubah_permohonan":
            assert tahan.masuk.wait(BATAS_WAKTU)
        hasil = L.sengketa_minta_kelengkapan(
            sengketa_id=pk,
            oleh=pengguna(persona.panitera),
            kekurangan=["surat_kuasa"],
            tanggal=MULAI,
        )
        selesai["minta_kelengkapan"] = time.monotonic()
        return hasil

    def ubah_permohonan():
        if yang_lambat == "minta_kelengkapan":
            assert tahan.masuk.wait(BATAS_WAKTU)
        hasil = L.sengketa_ubah_permohonan(
            sengketa_id=pk,
            oleh=pengguna(persona.panitera),
            perubahan={"tujuan_penggunaan": tujuan, "petitum": "Membuka dokumen kontrak"},
            kelengkapan={"surat_kuasa": False},
        )
        selesai["ubah_permohonan"] = time.monotonic()
        return hasil

    hasil = serentak([minta_kelengkapan, ubah_permohonan])

    assert all(isinstance(h, Sengketa) for h in hasil), hasil
    s = Sengketa.objects.get(pk=pk)
    # Both changes are there: nothing was overwritten with a stale copy of the row.
    assert s.status == StatusSengketa.MENUNGGU_KELENGKAPAN
    assert s.kekurangan == ["surat_kuasa"]
    assert s.tanggal_kelengkapan_diminta == MULAI
    assert s.tujuan_penggunaan == tujuan
    assert s.petitum == "Membuka dokumen kontrak"
    assert s.kelengkapan["surat_kuasa"] is False
    assert s.kelengkapan["identitas"] is True
    lain = "ubah_permohonan" if yang_lambat == "minta_kelengkapan" else "minta_kelengkapan"
    urutan = [r.transisi for r in s.riwayat.order_by("id")]
    assert urutan == ["terima", yang_lambat, lain]
    # The other thread really waited for the lock holder to commit.
    assert selesai[lain] >= tahan.lepas_pada


def test_dua_kasus_satu_komisi_tidak_saling_menunggu(persona, monkeypatch):
    """Spec §2: every change runs "with a row lock on the case". A step on one case must not
    wait for a step on another case of the same commission to commit."""
    pk1, pk2 = _kasus_diterima(persona, 2)
    tanggal = MULAI + timedelta(days=5)
    tahan = Tahan(dasar.tenggat_sinkron, "uji-0", detik=1.0)
    monkeypatch.setattr(dasar, "tenggat_sinkron", tahan)
    selesai = {}

    def lambat():
        return L.sengketa_minta_kelengkapan(
            sengketa_id=pk1, oleh=pengguna(persona.panitera), kekurangan=["x"], tanggal=tanggal
        )

    def cepat():
        assert tahan.masuk.wait(BATAS_WAKTU)
        hasil = L.sengketa_minta_kelengkapan(
            sengketa_id=pk2, oleh=pengguna(persona.panitera), kekurangan=["x"], tanggal=tanggal
        )
        selesai["cepat"] = time.monotonic()
        return hasil

    hasil = serentak([lambat, cepat])

    assert all(isinstance(h, Sengketa) for h in hasil), hasil
    assert selesai["cepat"] < tahan.lepas_pada, (
        "the step on the second case waited for the first case's transaction: the lock "
        "covers more than the case row"
    )


def test_dua_jadwal_sidang_serentak_di_ruang_yang_sama_hanya_satu(persona, monkeypatch):
    """Two hearings of two cases in the same room at the same time, scheduled at the same
    moment: exactly one is accepted, the other is refused as a clash (spec §4)."""
    kasus = []
    for nama in ("Pemohon A", "Pemohon B"):
        sk = persona.skenario().terima(MULAI, nama=nama).registrasi(MULAI)
        kasus.append(sk.tetapkan_majelis(sk.hk(MULAI, 2)))
    hari = kasus[0].hk(MULAI, 10)
    # The first thread is held after its clash check and insert, before its commit.
    tahan = Tahan(sidang_layanan.catat_tindakan, "uji-0")
    monkeypatch.setattr(sidang_layanan, "catat_tindakan", tahan)

    def jadwalkan(i):
        def f():
            if i == 1:
                assert tahan.masuk.wait(BATAS_WAKTU)
            return sidang_layanan.sidang_jadwalkan(
                sengketa_id=kasus[i].id,
                oleh=pengguna(persona.panitera),
                jenis="pemeriksaan_awal",
                mulai=kasus[i].pukul(hari, 9),
                ruang="Ruang Sidang Utama",
            )

        return f

    hasil = serentak([jadwalkan(0), jadwalkan(1)])

    diterima = [h for h in hasil if isinstance(h, sidang_layanan.HasilJadwal)]
    ditolak = [h for h in hasil if isinstance(h, PrasyaratTidakTerpenuhi)]
    assert (len(diterima), len(ditolak)) == (1, 1), hasil
    assert Sidang.objects.filter(ruang="Ruang Sidang Utama").count() == 1


def _menunggu_kunci(detik: float) -> bool:
    """True once another session of this database waits for a lock (polled)."""
    akhir = time.monotonic() + detik
    with connection.cursor() as c:
        while time.monotonic() < akhir:
            c.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            if c.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def test_langkah_tidak_deadlock_dengan_pemeriksaan_kunci_asing(persona):
    """A row inserted with a foreign key to the commission and to the case (a Dokumen or a
    Notifikasi written by the after-commit receivers, a HariLibur and the recomputed
    deadlines...) makes PostgreSQL check both keys with SELECT ... FOR KEY SHARE, commission
    first. A service step running at that moment must not deadlock with it: it either waits
    or goes on, and never fails with an untyped database error (HTTP 500 instead of 409).

    The checks are issued here by hand, in the order PostgreSQL's foreign-key triggers use,
    so that the interleaving seen in the parallel tests happens every time."""
    (pk,) = _kasus_diterima(persona, 1)
    komisi_id = persona.komisi.pk
    siap = threading.Event()

    def pemeriksaan_kunci_asing():
        with transaction.atomic(), connection.cursor() as c:
            c.execute(
                "SELECT 1 FROM sengketa_komisiinformasi WHERE id = %s FOR KEY SHARE", [komisi_id]
            )
            siap.set()
            _menunggu_kunci(3)  # the service has locked the case and waits (or not)
            c.execute("SELECT 1 FROM sengketa_sengketa WHERE id = %s FOR KEY SHARE", [pk])
        return "ok"

    def langkah():
        assert siap.wait(BATAS_WAKTU)
        return L.sengketa_minta_kelengkapan(
            sengketa_id=pk, oleh=pengguna(persona.panitera), kekurangan=["x"], tanggal=MULAI
        )

    hasil = serentak([pemeriksaan_kunci_asing, langkah])

    assert not [h for h in hasil if isinstance(h, DatabaseError)], hasil
    assert hasil[0] == "ok"
    assert isinstance(hasil[1], Sengketa | KesalahanProsedur), hasil
