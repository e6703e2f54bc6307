"""The public pages (no login): hearing calendar and its iCal feed, ruling directory, case
tracker, document verification. The gate: nothing unpublished is reachable."""

import hashlib
from datetime import datetime, time

import pytest
from icalendar import Calendar

from dokumen.layanan import dokumen_terbitkan_ulang
from dokumen.models import Dokumen, Publikasi
from dokumen.publikasi import publikasi_tarik, publikasi_terbitkan
from dokumen.samaran import usulan
from sengketa.kalender import Kalender
from sengketa.models import BadanPublik, Sidang, StatusSidang
from sengketa.models import StatusSengketa as S
from sengketa.waktu import hari_ini, zona
from tests.kasus import MULAI
from workflows import layanan as L
from workflows.layanan import sidang as layanan_sidang

NAMA = "Budi Santoso"


def terbitkan(dok: Dokumen, oleh) -> Publikasi:
    return publikasi_terbitkan(
        dokumen_id=dok.pk,
        oleh=oleh,
        samaran=[{"asli": s.asli, "samaran": s.samaran} for s in usulan(dok.sengketa)],
        tanpa_informasi_dikecualikan=True,
    )


def pdf(sengketa, jenis) -> Dokumen:
    return Dokumen.objects.get(sengketa=sengketa, jenis=jenis, format="pdf", versi=1)


def html(r) -> str:
    return r.content.decode()


def semua_url_publik(client, pub_pks, dok_pks) -> list[int]:
    """Status codes of every public URL that could serve a decision's file or page."""
    kode = []
    for pk in {*pub_pks, *dok_pks}:
        kode += [
            client.get(f"/putusan/{pk}/").status_code,
            client.get(f"/putusan/{pk}/unduh/").status_code,
        ]
    kode += [client.get(f"/dokumen/{pk}/unduh/").status_code for pk in dok_pks]
    return kode


@pytest.fixture
def diputus(bangun):
    return bangun(S.DIPUTUS)


# --- the gate of the ruling directory ---


def test_putusan_belum_terbit_tidak_terjangkau(diputus, client):
    dok_pks = list(Dokumen.objects.filter(sengketa=diputus.sengketa).values_list("pk", flat=True))
    r = client.get("/putusan/")
    assert r.status_code == 200 and r.context["halaman"].paginator.count == 0
    assert "data-publikasi" not in html(r)
    assert set(semua_url_publik(client, [], dok_pks)) == {404}


def test_putusan_terbit_bisa_dicari_dilihat_dan_diunduh(diputus, persona, client):
    s = diputus.sengketa
    dok = pdf(s, "putusan")
    pub = terbitkan(dok, persona.panitera)
    r = client.get("/putusan/")
    assert f'data-publikasi="{pub.pk}"' in html(r) and NAMA not in html(r)
    r = client.get(f"/putusan/{pub.pk}/")
    assert r.status_code == 200
    halaman = html(r)
    assert pub.sha256 in halaman and pub.kode_verifikasi in halaman and s.termohon.nama in halaman
    assert NAMA not in halaman and dok.kode_verifikasi not in halaman and dok.sha256 not in halaman
    r = client.get(f"/putusan/{pub.pk}/unduh/")
    data = b"".join(r.streaming_content)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert hashlib.sha256(data).hexdigest() == pub.sha256 != dok.sha256
    # The issued document itself stays closed to the public.
    assert client.get(f"/dokumen/{dok.pk}/unduh/").status_code == 404


def test_publikasi_ditarik_tidak_terjangkau(diputus, persona, client):
    dok = pdf(diputus.sengketa, "putusan")
    pub = terbitkan(dok, persona.panitera)
    publikasi_tarik(publikasi_id=pub.pk, oleh=persona.panitera, alasan="Salah samaran")
    assert client.get("/putusan/").context["halaman"].paginator.count == 0
    assert set(semua_url_publik(client, [pub.pk], [dok.pk])) == {404}


def test_sumber_digantikan_atau_dikoreksi_tidak_terjangkau(
    diputus, persona, client, django_capture_on_commit_callbacks
):
    dok = pdf(diputus.sengketa, "putusan")
    pub = terbitkan(dok, persona.panitera)
    with django_capture_on_commit_callbacks(execute=True):
        dokumen_terbitkan_ulang(dokumen_id=dok.pk, oleh=persona.panitera)
    assert set(semua_url_publik(client, [pub.pk], [])) == {404}
    baru = Dokumen.objects.get(sengketa=diputus.sengketa, jenis="putusan", format="pdf", versi=2)
    pub2 = terbitkan(baru, persona.panitera)
    assert client.get(f"/putusan/{pub2.pk}/").status_code == 200
    # Undoing the reading of the ruling cancels it: the decision is no longer final.
    with django_capture_on_commit_callbacks(execute=True):
        L.sengketa_koreksi(sengketa_id=diputus.id, oleh=persona.ketua, alasan="Amar keliru")
    assert set(semua_url_publik(client, [pub.pk, pub2.pk], [baru.pk])) == {404}
    assert client.get("/putusan/").context["halaman"].paginator.count == 0


# --- search ---


def _gugur_di(persona, badan, nama):
    sk = persona.skenario()
    sk.terima(MULAI, badan=badan, nama=nama).registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2))
    sk.sidang("pemeriksaan_awal", sk.hk(MULAI, 8), hadir=False, ruang="Ruang 2")
    sk.sidang("pemeriksaan_awal", sk.hk(MULAI, 12), hadir=False, ruang="Ruang 2")
    sk.sengketa = L.sengketa_gugurkan(sengketa_id=sk.id, oleh=sk.aktor.pp, tanggal=sk.hk(MULAI, 12))
    return sk


@pytest.fixture
def direktori(bangun, persona, django_capture_on_commit_callbacks):
    """Three published decisions: a ruling, a mediation ruling, and a lapse decree against
    another public body."""
    putusan = bangun(S.DIPUTUS)
    mediasi = bangun(S.SELESAI_MEDIASI)
    dinkes = BadanPublik.objects.create(
        komisi=persona.komisi, nama="Dinas Kesehatan Kota Samarinda", kategori="perangkat_daerah"
    )
    with django_capture_on_commit_callbacks(execute=True):
        gugur = _gugur_di(persona, dinkes, "Ani Lestari")
    return {
        "putusan": terbitkan(pdf(putusan.sengketa, "putusan"), persona.panitera),
        "mediasi": terbitkan(pdf(mediasi.sengketa, "putusan_mediasi"), persona.panitera),
        "gugur": terbitkan(pdf(gugur.sengketa, "penetapan_gugur"), persona.panitera),
    }


def hasil_cari(client, **q) -> set[int]:
    r = client.get("/putusan/", q)
    assert r.status_code == 200
    return {p.pk for p in r.context["halaman"]}


def test_cari_putusan_menurut_nomor_termohon_tahun_hasil_dan_jenis(direktori, client):
    p, m, g = direktori["putusan"], direktori["mediasi"], direktori["gugur"]
    assert hasil_cari(client) == {p.pk, m.pk, g.pk}
    assert hasil_cari(client, nomor=g.nomor_register) == {g.pk}
    assert hasil_cari(client, nomor=g.nomor_register.split("/")[0] + "/") >= {g.pk}
    assert hasil_cari(client, termohon="dinas kesehatan") == {g.pk}
    assert hasil_cari(client, termohon="Kalimantan Timur") == {p.pk, m.pk}
    assert hasil_cari(client, tahun=2024) == {p.pk, m.pk, g.pk}
    assert hasil_cari(client, tahun=2023) == set()
    assert hasil_cari(client, hasil="gugur") == {g.pk}
    assert hasil_cari(client, hasil=p.hasil) == {p.pk}
    assert hasil_cari(client, jenis="putusan_mediasi") == {m.pk}
    assert hasil_cari(client, komisi="KIP-KALTIM", jenis="putusan") == {p.pk}
    assert hasil_cari(client, komisi="KI-PUSAT") == set()
    assert "Ani Lestari" not in html(client.get("/putusan/"))


def test_cari_dengan_isian_salah_memberi_pesan(direktori, client):
    r = client.get("/putusan/", {"tahun": "dua ribu", "hasil": "menang"})
    assert r.status_code == 200
    assert set(r.context["form"].errors) == {"tahun", "hasil"}
    assert "medan-galat" in html(r)
    # A jenis that is not publishable is not a choice.
    r = client.get("/putusan/", {"jenis": "panggilan"})
    assert "jenis" in r.context["form"].errors


# --- hearing calendar ---


@pytest.fixture
def jadwal(bangun, persona, django_capture_on_commit_callbacks, settings):
    """A case in the preliminary examination (a hearing held on 20 March 2024, 09.00 WITA),
    a hearing ahead at 10.00 WITA and a cancelled one. The server's zone is WIB on purpose:
    times must be the commission's."""
    settings.TIME_ZONE = "Asia/Jakarta"
    sk = bangun(S.PEMERIKSAAN_AWAL)
    komisi = persona.komisi
    kal = Kalender.untuk(komisi)
    tz = zona(komisi.zona_waktu)
    hari = kal.tambah(hari_ini(komisi), 6)
    with django_capture_on_commit_callbacks(execute=True):
        depan = layanan_sidang.sidang_jadwalkan(
            sengketa_id=sk.id,
            oleh=persona.pp,
            jenis="pembuktian",
            mulai=datetime.combine(hari, time(10), tzinfo=tz),
            ruang="Ruang Sidang Utama",
            agenda=f"Pemeriksaan saksi yang diajukan {NAMA}",
        ).sidang
        batal = layanan_sidang.sidang_jadwalkan(
            sengketa_id=sk.id,
            oleh=persona.pp,
            jenis="pembuktian",
            mulai=datetime.combine(kal.tambah(hari, 1), time(13), tzinfo=tz),
            daring=True,
            tautan="https://rapat.example.org/rahasia",
        ).sidang
        layanan_sidang.sidang_batal(sidang_id=batal.pk, oleh=persona.pp, alasan="Majelis sakit")
    lalu = Sidang.objects.get(sengketa=sk.sengketa, status=StatusSidang.SELESAI)
    return {"sk": sk, "depan": depan, "batal": batal, "lalu": lalu, "hari": hari}


def test_jadwal_mendatang_menyamarkan_pemohon(jadwal, client):
    s, depan = jadwal["sk"].sengketa, jadwal["depan"]
    r = client.get("/jadwal/", {"komisi": "KIP-KALTIM"})
    halaman = html(r)
    assert r.status_code == 200
    assert f'data-sidang="{depan.pk}"' in halaman
    assert f'data-sidang="{jadwal["batal"].pk}"' not in halaman  # cancelled
    assert f'data-sidang="{jadwal["lalu"].pk}"' not in halaman  # past
    assert s.nomor_register in halaman and s.termohon.nama in halaman
    assert "B. S." in halaman and NAMA not in halaman and "Santoso" not in halaman
    assert "10.00–12.00 WITA" in halaman and "Ruang Sidang Utama" in halaman
    assert "Pemeriksaan saksi yang diajukan B. S." in halaman
    assert "/jadwal/KIP-KALTIM.ics" in halaman
    # All commissions by default.
    assert f'data-sidang="{depan.pk}"' in html(client.get("/jadwal/"))
    assert f'data-sidang="{depan.pk}"' not in html(client.get("/jadwal/", {"komisi": "KI-PUSAT"}))


def test_jadwal_pekan_dengan_tautan_sebelum_dan_sesudah(jadwal, client):
    lalu = jadwal["lalu"]
    r = client.get("/jadwal/", {"komisi": "KIP-KALTIM", "minggu": "2024-03-20"})
    halaman = html(r)
    assert r.status_code == 200 and r.context["tampilan"] == "minggu"
    hari = {h.tanggal.isoformat(): h for h in r.context["hari"]}
    assert list(hari) == [f"2024-03-{d}" for d in range(18, 25)]
    assert [x.pk for x in hari["2024-03-20"].sidang] == [lalu.pk]
    assert hari["2024-03-20"].sidang[0].pukul == "09.00–11.00 WITA"
    assert f'data-sidang="{lalu.pk}"' in halaman and "B. S." in halaman and NAMA not in halaman
    assert "minggu=2024-03-11" in halaman and "minggu=2024-03-25" in halaman
    r = client.get("/jadwal/", {"minggu": "kemarin"})
    assert r.status_code == 200 and "galat-kotak" in html(r)


def test_ical_terbaca_dengan_waktu_zona_komisi(jadwal, client):
    s, depan = jadwal["sk"].sengketa, jadwal["depan"]
    r = client.get("/jadwal/KIP-KALTIM.ics")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/calendar")
    kal = Calendar.from_ical(r.content)
    acara = kal.walk("VEVENT")
    assert [str(e["uid"]) for e in acara] == [f"sidang-{depan.pk}@testserver"]
    e = acara[0]
    mulai = e["dtstart"].dt
    assert (mulai.hour, mulai.minute, str(mulai.tzinfo)) == (10, 0, "Asia/Makassar")
    assert mulai.date() == jadwal["hari"] and mulai == depan.mulai
    assert e["dtend"].dt == depan.selesai_rencana
    assert s.nomor_register in str(e["summary"])
    assert "B. S." in str(e["description"]) and NAMA not in r.content.decode()
    assert [str(z["tzid"]) for z in kal.walk("VTIMEZONE")] == ["Asia/Makassar"]
    assert client.get("/jadwal/TIDAK-ADA.ics").status_code == 404


def test_jadwal_daring_tanpa_tautan_rapat(jadwal, persona, client):
    depan = jadwal["depan"]
    Sidang.objects.filter(pk=depan.pk).update(daring=True, tautan="https://rapat.example.org/x")
    halaman = html(client.get("/jadwal/"))
    assert "rapat.example.org" not in halaman
    assert "rapat.example.org" not in client.get("/jadwal/KIP-KALTIM.ics").content.decode()


# --- case tracker ---


def test_lacak_status_dan_tanggal_sidang_tanpa_nama_atau_dokumen(jadwal, client):
    s = jadwal["sk"].sengketa
    r = client.get("/lacak/", {"komisi": "KIP-KALTIM", "nomor": s.nomor_register.lower()})
    halaman = html(r)
    assert r.status_code == 200
    hasil = r.context["hasil"]
    assert hasil.status == S.PEMERIKSAAN_AWAL and hasil.penjelasan
    assert {x.pk for x in hasil.sidang} == {jadwal["lalu"].pk, jadwal["depan"].pk}
    assert "Rabu, 20 Maret 2024" in halaman and "09.00–11.00 WITA" in halaman
    for rahasia in (NAMA, "B. S.", s.termohon.nama, "/dokumen/", "/verifikasi/", "saksi"):
        assert rahasia not in halaman.split('<main id="isi">')[1], rahasia


def test_lacak_nomor_tidak_dikenal_dan_isian_kurang(jadwal, client):
    r = client.get("/lacak/", {"komisi": "KIP-KALTIM", "nomor": "999/REG-PSI/X/2024"})
    assert r.status_code == 404 and "galat-kotak" in html(r)
    # Two commissions on the system: the commission must be chosen.
    r = client.get("/lacak/", {"nomor": jadwal["sk"].sengketa.nomor_register})
    assert r.status_code == 200 and "komisi" in r.context["form"].errors
    r = client.get("/lacak/", {"komisi": "KI-PUSAT", "nomor": jadwal["sk"].sengketa.nomor_register})
    assert r.status_code == 404
    assert client.get("/lacak/").status_code == 200


def test_lacak_permohonan_belum_teregistrasi_tidak_ditemukan(bangun, client):
    sk = bangun(S.MENUNGGU_KELENGKAPAN)
    assert sk.sengketa.nomor_register == ""
    r = client.get("/lacak/", {"komisi": "KIP-KALTIM", "nomor": "-"})
    assert r.status_code == 404


# --- the portal look and links ---


def test_halaman_publik_dalam_tampilan_portal(db, client):
    for url in ("/jadwal/", "/putusan/", "/lacak/", "/verifikasi/"):
        r = client.get(url)
        halaman = html(r)
        assert r.status_code == 200, url
        assert 'href="#isi"' in halaman and "/static/portal/portal.css" in halaman, url
        for tautan in ('href="/jadwal/"', 'href="/putusan/"', 'href="/lacak/"'):
            assert tautan in halaman, (url, tautan)
    assert 'name="robots" content="noindex"' in html(client.get("/verifikasi/"))


def test_verifikasi_dengan_mengetik_kode(diputus, client):
    dok = pdf(diputus.sengketa, "putusan")
    r = client.get("/verifikasi/", {"kode": f" {dok.kode_verifikasi.lower()} "})
    assert r.status_code == 302 and r["Location"] == f"/verifikasi/{dok.kode_verifikasi}/"


def test_beranda_menautkan_halaman_publik(db, client):
    halaman = html(client.get("/"))
    assert 'href="/putusan/"' in halaman.split('<main id="isi">')[1]
