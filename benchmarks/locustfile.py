"""Users of the load test (benchmarks/bench_beban.py runs this file with locust, headless).

Four kinds of user, each request named "<group>: <page>" so bench_beban.py can report
latency and errors per group:

- staf: registry staff, PPs and commissioners in the back office (inbox, queue, deadline
  dashboard, a case page), each with their own session;
- pihak: parties on the portal ("Perkara saya" and one of their cases);
- publik: anonymous visitors (the hearing calendar: its first page, a later page, a week and
  the iCal feed; the ruling directory and its search; the case tracker);
- api: API clients with a token (case list, a case, a search, pages of the hearing calendar);
- lantai: the floor, measured under the same load: the back-office login page (a small
  template through the whole middleware stack, no case data).

The sessions, tokens and case ids come from the JSON file named by BEBAN_DATA (written by
bench_beban.py); every request's group, name, time and outcome is appended to the CSV
named by BEBAN_HASIL, so the percentiles are computed per group from every request.
"""

import csv
import itertools
import json
import os
import random

from locust import HttpUser, between, events, task

DATA = json.loads(open(os.environ["BEBAN_DATA"], encoding="utf-8").read())  # noqa: SIM115
# Pages left out of this run (BEBAN_TANPA="jadwal,..."): a request whose name contains one of
# these words is not made (bench_beban.py --tanpa).
TANPA = [w for w in os.environ.get("BEBAN_TANPA", "").split(",") if w]
# Think time between two requests of one user, seconds (bench_beban.py --jeda).
JEDA = between(*(float(x) for x in os.environ.get("BEBAN_JEDA", "5,15").split(",")))
_urut = {k: itertools.count() for k in ("staf", "pihak", "api")}
_hasil = open(os.environ["BEBAN_HASIL"], "w", newline="", encoding="utf-8")  # noqa: SIM115
_tulis = csv.writer(_hasil)


@events.request.add_listener
def catat(request_type, name, response_time, response_length, exception, **_kw):
    _tulis.writerow([name.split(":", 1)[0], name, f"{response_time:.2f}", int(exception is None)])


@events.quitting.add_listener
def tutup(**_kw):
    _hasil.flush()
    _hasil.close()


def _get(client, url: str, name: str, **kw) -> None:
    if any(w in name for w in TANPA):
        return
    client.get(url, name=name, **kw)


def _ambil(jenis: str) -> dict:
    """Each simulated user gets its own identity (session or token), round robin."""
    daftar = DATA[jenis]
    return daftar[next(_urut[jenis]) % len(daftar)]


class Staf(HttpUser):
    weight = 3
    wait_time = JEDA

    def on_start(self):
        me = _ambil("staf")
        self.client.cookies.set(DATA["cookie"], me["sesi"])
        self.kasus = DATA["kasus_terbuka"]

    @task(3)
    def inbox(self):
        _get(self.client, "/kantor/tugas/", name="staf: inbox /kantor/tugas/")

    @task(1)
    def antrean(self):
        _get(self.client, "/kantor/antrean/", name="staf: queue /kantor/antrean/")

    @task(2)
    def tenggat(self):
        _get(self.client, "/kantor/tenggat/", name="staf: deadlines /kantor/tenggat/")

    @task(3)
    def kasus(self):
        pk = random.choice(self.kasus)
        _get(self.client, f"/kantor/sengketa/{pk}/", name="staf: case page /kantor/sengketa/<id>/")


class Pihak(HttpUser):
    weight = 2
    wait_time = JEDA

    def on_start(self):
        me = _ambil("pihak")
        self.client.cookies.set(DATA["cookie"], me["sesi"])
        self.kasus = me["kasus"]

    @task(2)
    def perkara_saya(self):
        _get(self.client, "/perkara/", name="pihak: my cases /perkara/")

    @task(2)
    def perkara(self):
        pk = random.choice(self.kasus)
        _get(self.client, f"/perkara/{pk}/", name="pihak: my case /perkara/<id>/")


class Publik(HttpUser):
    weight = 2
    wait_time = JEDA

    @task(2)
    def jadwal(self):
        _get(self.client, "/jadwal/", name="publik: hearing calendar /jadwal/")

    @task(1)
    def jadwal_halaman(self):
        # Visitors leafing through: a later page of the list, with the commission filter.
        _get(
            self.client,
            "/jadwal/",
            params={"komisi": DATA["komisi"], "halaman": random.randint(2, DATA["halaman_jadwal"])},
            name="publik: calendar page /jadwal/?halaman=",
        )

    @task(1)
    def jadwal_minggu(self):
        _get(
            self.client,
            "/jadwal/",
            params={"tampilan": "minggu", "minggu": random.choice(DATA["minggu"])},
            name="publik: calendar week /jadwal/?tampilan=minggu",
        )

    @task(1)
    def jadwal_ical(self):
        _get(
            self.client,
            f"/jadwal/{DATA['komisi']}.ics",
            name="publik: iCal feed /jadwal/<kode>.ics",
        )

    @task(2)
    def putusan(self):
        _get(self.client, "/putusan/", name="publik: rulings /putusan/")

    @task(1)
    def cari_putusan(self):
        q = random.choice(DATA["termohon"])
        _get(self.client, "/putusan/", params={"termohon": q}, name="publik: ruling search")

    @task(1)
    def lacak(self):
        nomor = random.choice(DATA["nomor_register"])
        _get(
            self.client,
            "/lacak/",
            params={"komisi": DATA["komisi"], "nomor": nomor},
            name="publik: tracker /lacak/",
        )


class Api(HttpUser):
    weight = 3
    wait_time = JEDA

    def on_start(self):
        me = _ambil("api")
        self.client.headers["Authorization"] = f"Token {me['token']}"
        self.kasus = DATA["kasus"]

    @task(3)
    def daftar(self):
        _get(self.client, "/api/v1/sengketa/", name="api: case list")

    @task(3)
    def detail(self):
        pk = random.choice(self.kasus)
        _get(self.client, f"/api/v1/sengketa/{pk}/", name="api: case")

    @task(2)
    def cari(self):
        q = random.choice(DATA["cari"])
        _get(self.client, "/api/v1/sengketa/", params={"q": q}, name="api: search ?q=")

    @task(1)
    def jadwal(self):
        _get(self.client, "/api/v1/jadwal/", name="api: hearings /api/v1/jadwal/")

    @task(1)
    def jadwal_halaman(self):
        _get(
            self.client,
            "/api/v1/jadwal/",
            params={"komisi": DATA["komisi"], "page": random.randint(2, DATA["halaman_api"])},
            name="api: hearings page /api/v1/jadwal/?page=",
        )


class Lantai(HttpUser):
    weight = 1
    wait_time = JEDA

    @task
    def masuk(self):
        _get(self.client, "/kantor/masuk/", name="lantai: login page /kantor/masuk/")
