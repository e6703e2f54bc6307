"""Statements every step of every case runs, their SQL built once per process.

A service step runs a handful of statements of a fixed shape: the locks, whose only change
from case to case is one value (the case's pk), and the INSERTs of the routing. Building
and compiling such a statement costs the ORM 0.5-1 ms of CPU each time, several times what
running it costs: on the transition benchmark it was the largest part of a step's time
after the deadlines.

`KueriTerkompilasi` keeps the SQL the ORM compiled, with the compiler that knows how to
read its rows (the converters of each column and, for model instances, the related objects
of select_related), and runs it again with another value in place of `PENANDA`; the
queryset stays the one definition of the query. It reads rows the way Django's
ModelIterable does (`from_db` and the related populators), so tests compare its results
with the ORM's (tests/test_rute_kueri.py): a Django upgrade changing those internals shows
there first. `sisipkan` is bulk_create with the INSERT's text kept per number of rows.
"""

from collections.abc import Callable
from typing import Any

from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.query import get_related_populators
from django.db.transaction import TransactionManagementError

PENANDA = -7_314_159  # the value the query is built with; no real parameter has it


class KueriTerkompilasi:
    """`bangun(PENANDA)` is the queryset over `kelas`: a values_list query, or with
    `model=True` a query of model instances (select_related followed, no annotations or
    prefetches)."""

    def __init__(self, kelas, bangun: Callable[[Any], QuerySet], *, model: bool = False):
        self._kelas = kelas
        self._bangun = bangun
        self._model = model
        self._per_alias: dict[str, tuple] = {}

    def _kompilasi(self, alias: str) -> tuple:
        qs = self._bangun(PENANDA)
        kompilator = qs.query.get_compiler(alias)
        sql, param = kompilator.as_sql()
        tempat = [i for i, p in enumerate(param) if p == PENANDA]
        if not tempat:  # the value was written into the SQL: it cannot be replaced
            raise RuntimeError(f"no parameter to replace in {sql}")
        baca = None
        if self._model:
            info, pilih = kompilator.klass_info, kompilator.select
            awal, akhir = info["select_fields"][0], info["select_fields"][-1] + 1
            kolom = [p[0].target.attname for p in pilih[awal:akhir]]
            terkait = get_related_populators(info, pilih, alias)
            baca = (info["model"], kolom, awal, akhir, terkait)
        return kompilator, sql, list(param), tempat, baca, qs.query.select_for_update

    def __call__(self, nilai) -> list:
        alias = router.db_for_write(self._kelas)
        tersimpan = self._per_alias.get(alias)
        if tersimpan is None:
            tersimpan = self._per_alias[alias] = self._kompilasi(alias)
        kompilator, sql, param, tempat, baca, kunci = tersimpan
        koneksi = connections[alias]
        if kunci and koneksi.get_autocommit():  # as the ORM refuses it, each time
            raise TransactionManagementError(
                "select_for_update cannot be used outside of a transaction."
            )
        param = param.copy()
        for i in tempat:
            param[i] = nilai
        with koneksi.cursor() as kursor:
            kursor.execute(sql, param)
            baris = kompilator.results_iter(results=[kursor.fetchall()])
        if baca is None:
            return [tuple(b) for b in baris]
        model, kolom, awal, akhir, terkait = baca
        hasil = []
        for b in baris:
            obj = model.from_db(alias, kolom, b[awal:akhir])
            for populator in terkait:
                populator.populate(b, obj)
            hasil.append(obj)
        return hasil


# The INSERT statements of `sisipkan`, per (database, model, number of rows).
_SQL_SISIPAN: dict[tuple, tuple[str, list]] = {}


def sisipkan(objek: list) -> None:
    """INSERT new rows of one model in one statement and set their pks, as bulk_create does
    (each field's pre_save and get_db_prep_save give the values), with the SQL built once
    per number of rows: bulk_create builds it each time, at several times the CPU of
    running it. Databases that cannot return the pks of a multi-row INSERT, and fields with
    a placeholder of their own, go through bulk_create."""
    model = type(objek[0])
    alias = router.db_for_write(model)
    koneksi = connections[alias]
    kunci = (alias, model, len(objek))
    tersimpan = _SQL_SISIPAN.get(kunci)
    if tersimpan is None:
        medan = [f for f in model._meta.concrete_fields if not f.primary_key]
        if not koneksi.features.can_return_rows_from_bulk_insert or any(
            hasattr(f, "get_placeholder") for f in medan
        ):
            tersimpan = (None, medan)
        else:
            q = koneksi.ops.quote_name
            baris = "(" + ", ".join(["%s"] * len(medan)) + ")"
            kembali, _ = koneksi.ops.return_insert_columns([model._meta.pk])
            sql = (
                f"INSERT INTO {q(model._meta.db_table)} ({', '.join(q(f.column) for f in medan)})"
                f" VALUES {', '.join([baris] * len(objek))} {kembali}"
            )
            tersimpan = (sql, medan)
        _SQL_SISIPAN[kunci] = tersimpan
    sql, medan = tersimpan
    if sql is None:
        model._default_manager.using(alias).bulk_create(objek)
        return
    param = [f.get_db_prep_save(f.pre_save(obj, True), koneksi) for obj in objek for f in medan]
    with koneksi.cursor() as kursor:
        kursor.execute(sql, param)
        pk = koneksi.ops.fetch_returned_insert_rows(kursor)
    for obj, (nilai,) in zip(objek, pk, strict=True):
        obj.pk = nilai
        obj._state.adding, obj._state.db = False, alias
