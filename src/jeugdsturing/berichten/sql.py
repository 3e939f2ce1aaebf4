# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Bulk reads and writes for the import, as plain SQL that SQLite and PostgreSQL both
accept: executemany INSERTs, INSERT ... ON CONFLICT DO UPDATE upserts, UPDATEs, and
lookups and deletes by IN lists. On PostgreSQL: binary COPY, lookups one value at a
time through their index from one array (_per_waarde), deletes by one array. Django's
bulk_create and QuerySets spend more time preparing objects and queries than the
database spends running them."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from datetime import date
from typing import Any

from django.db import connection, models


def _raw_cursor() -> closing[Any]:
    """The DB-API cursor itself, closed after use: no query logging or quoting by Django's
    debug wrapper. Placeholders are adapted per database (qmark for SQLite, format for
    psycopg).

    On PostgreSQL a cursor that binds its parameters on the server, where Django's
    connection makes client-side binding cursors (psycopg.ClientCursor): those merge
    every parameter into the query text in Python, so no query text is the same twice.
    Bound on the server, the text stays the same and psycopg prepares a query it has
    seen five times; lists go as the text of one array (_array; docs/performance.md)."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        import psycopg

        return closing(psycopg.Cursor(connection.connection))
    return closing(connection.connection.cursor())


def _een_van(values: Iterable[Any], per: int) -> Iterator[tuple[str, list[Any]]]:
    """(condition, parameters) that together say 'column is one of values', for a query
    text that ends in the column; nothing for no values. SQLite: 'IN (%s, %s, ...)' per
    chunk of at most `per`. PostgreSQL: '= ANY(%s::type[])' with one array, once: the
    query text stays the same whatever the number of values, so psycopg converts it once
    (converting a new text for every length was a quarter of the import's lookups;
    docs/performance.md)."""
    values = list(values)
    if connection.vendor == "postgresql":
        if values:
            literal, soort = _array(values)
            yield f"= ANY(%s::{soort}[])", [literal]
        return
    for start in range(0, len(values), per):
        chunk = values[start : start + per]
        yield "IN (" + ", ".join(["%s"] * len(chunk)) + ")", chunk


_VERBODEN = re.compile(r'["\\]')


def _array(values: Sequence[Any]) -> tuple[str, str]:
    """PostgreSQL: values of one type (str, int or date) as the text of an array and its
    element type. psycopg writes a list element by element in Python, with a regular
    expression each to decide on quotes (the import's lookups send a few million values;
    docs/performance.md); here each is quoted, in one join."""
    first = values[0]
    if isinstance(first, bool) or not isinstance(first, str | int | date):
        raise TypeError(f"geen array van {type(first).__name__}")
    if isinstance(first, int):
        return "{" + ",".join(str(int(v)) for v in values) + "}", "bigint"
    if isinstance(first, date):
        return "{" + ",".join(v.isoformat() for v in values) + "}", "date"
    tekst = '","'.join(values)
    if _VERBODEN.search(tekst):
        tekst = '","'.join(v.replace("\\", "\\\\").replace('"', '\\"') for v in values)
    return '{"' + tekst + '"}', "text"


def _sql(text: str) -> str:
    return text.replace("%s", "?") if connection.vendor == "sqlite" else text


def _columns(model: type[models.Model], fields: Sequence[str]) -> list[str]:
    by_attname = {f.attname: f.column for f in model._meta.concrete_fields}
    return [by_attname[f] for f in fields]


def invoegen(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT many rows (tuples in the order of fields)."""
    if not rows:
        return
    q = connection.ops.quote_name
    cols = ", ".join(q(c) for c in _columns(model, fields))
    if connection.vendor == "postgresql":
        with _raw_cursor() as cursor:
            _copy(cursor, q(model._meta.db_table), cols, rows)
        return
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {q(model._meta.db_table)} ({cols}) VALUES ({marks})"  # noqa: S608
    with _raw_cursor() as cursor:
        cursor.executemany(_sql(sql), [tuple(r) for r in rows])


def _copy(cursor: Any, table: str, cols: str, rows: Sequence[Sequence[Any]]) -> None:
    """PostgreSQL: rows in with COPY, one statement for all of them. executemany sends
    and binds every row as a statement of its own: on PostgreSQL the import spent most
    of its time there (docs/performance.md).

    In the binary format, with the columns' own types: psycopg writes a row in a
    quarter of the time it takes to write it as text (2.1 -> 0.5 µs for a Prestatie), and
    the server reads dates and numbers without parsing text."""
    types = _kolomtypen(cursor, table, cols)
    with cursor.copy(f"COPY {table} ({cols}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)


# (table, columns) -> type oids, looked up once per process: the migrations give every
# database the same types (a migration runs outside an import).
_TYPEN: dict[tuple[str, str], list[int]] = {}


def _kolomtypen(cursor: Any, table: str, cols: str) -> list[int]:
    key = (table, cols)
    types = _TYPEN.get(key)
    if types is None:
        cursor.execute(f"SELECT {cols} FROM {table} LIMIT 0")  # noqa: S608
        types = _TYPEN[key] = [d.type_code for d in cursor.description]
    return types


def upsert(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    conflict: Sequence[str],
    alleen_nieuw: bool = False,
    zelden: Sequence[str] = (),
) -> None:
    """INSERT, or UPDATE every other field when the unique key `conflict` exists (with
    alleen_nieuw: leave the existing row as it is).

    zelden: indexed fields that seldom change once their row exists. SQLite rewrites a
    row's entry in an index whenever an UPDATE sets one of the index's columns, even to
    the value it had; for an index on random values (a pseudonym) that puts every upsert
    on its own index page. On SQLite these fields are left out of DO UPDATE and set
    afterwards only in the rows where they differ. PostgreSQL compares the values itself
    (an update that changes no indexed value leaves the indexes alone)."""
    if not rows:
        return
    q = connection.ops.quote_name
    table = q(model._meta.db_table)
    cols = _columns(model, fields)
    col_list = ", ".join(q(c) for c in cols)
    key_cols = _columns(model, conflict)
    key = set(key_cols)
    apart = set(_columns(model, zelden)) if connection.vendor == "sqlite" else set()
    updates = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in cols if c not in key | apart)
    on_conflict = f"ON CONFLICT ({', '.join(q(c) for c in key_cols)}) " + (
        "DO NOTHING" if alleen_nieuw else f"DO UPDATE SET {updates}"
    )
    if connection.vendor == "postgresql":
        # COPY into a temporary table with the same columns (made once per connection,
        # emptied at commit), then one INSERT ... SELECT ... ON CONFLICT. The rows of one
        # call have distinct keys (the callers collect them in a dict by key).
        tmp = q(f"_import_{model._meta.db_table}_{zlib.crc32(col_list.encode()):08x}")
        with _raw_cursor() as cursor:
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {tmp} ON COMMIT DELETE ROWS AS "  # noqa: S608
                f"SELECT {col_list} FROM {table} WITH NO DATA"
            )
            _copy(cursor, tmp, col_list, rows)
            cursor.execute(
                f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM {tmp} {on_conflict}"  # noqa: S608
            )
            cursor.execute(f"DELETE FROM {tmp}")  # noqa: S608
        return
    sql = f"INSERT INTO {table} ({col_list}) VALUES ({', '.join(['%s'] * len(cols))}) {on_conflict}"  # noqa: S608
    with _raw_cursor() as cursor:
        cursor.executemany(_sql(sql), [tuple(r) for r in rows])
        if apart and not alleen_nieuw:
            z = [i for i, c in enumerate(cols) if c in apart]
            k = [cols.index(c) for c in key_cols]
            sets = ", ".join(f"{q(cols[i])} = ?" for i in z)
            where = " AND ".join(f"{q(c)} = ?" for c in key_cols)
            differ = " OR ".join(f"{q(cols[i])} IS NOT ?" for i in z)
            cursor.executemany(
                f"UPDATE {table} SET {sets} WHERE {where} AND ({differ})",  # noqa: S608
                [
                    tuple(r[i] for i in z) + tuple(r[i] for i in k) + tuple(r[i] for i in z)
                    for r in rows
                ],
            )


_SEQUENCES: dict[tuple[str, str], str] = {}  # (table, key column) -> its sequence


def invoegen_met_ids(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[int]:
    """INSERT rows and return their new primary keys, ascending in the order of rows. Call
    it inside a transaction that writes (the import's): one executemany, no RETURNING.
    SQLite gives the rows of one executemany consecutive keys, since the transaction holds
    the database's only write lock, so they end at last_insert_rowid(); PostgreSQL hands
    out the keys first from the column's sequence. Multi-row INSERT ... RETURNING in
    chunks of 69 rows (what bulk_create does) cost three times as much."""
    if not rows:
        return []
    table = model._meta.db_table
    pk = model._meta.pk.column
    with _raw_cursor() as cursor:
        if connection.vendor == "postgresql":
            # The sequence by name, looked up once: pg_get_serial_sequence in the query
            # ran for every row (a catalog lookup; 14 against 1.5 ms for 5000 keys).
            sequence = _SEQUENCES.get((table, pk))
            if sequence is None:
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, pk])
                sequence = _SEQUENCES[(table, pk)] = str(cursor.fetchone()[0])
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                [sequence, len(rows)],
            )
            ids = sorted(int(r[0]) for r in cursor.fetchall())
            invoegen(
                model,
                [model._meta.pk.attname, *fields],
                [(i, *r) for i, r in zip(ids, rows, strict=True)],
            )
            return ids
        invoegen(model, fields, rows)
        cursor.execute("SELECT last_insert_rowid()")
        last = int(cursor.fetchone()[0])
    return list(range(last - len(rows) + 1, last + 1))


def selecteer(
    model: type[models.Model],
    fields: Sequence[str],
    *,
    gelijk: dict[str, Any],
    in_veld: str,
    waarden: Iterable[Any],
    per: int = 500,
) -> Iterator[tuple[Any, ...]]:
    """SELECT fields WHERE every gelijk field equals its value and in_veld is one of
    waarden (SQLite: IN lists of at most `per`; PostgreSQL: one lookup per value, see
    _per_waarde). Plain SQL: for the many lookups of an import, building the query
    through the ORM costs more than running it."""
    q = connection.ops.quote_name
    cols = ", ".join(q(c) for c in _columns(model, fields))
    eq_cols = _columns(model, list(gelijk))
    in_col = _columns(model, [in_veld])[0]
    where = "".join(f"{q(c)} = %s AND " for c in eq_cols)
    table = q(model._meta.db_table)
    params = list(gelijk.values())
    if connection.vendor == "postgresql":
        waarden = list(waarden)
        if not waarden:
            return
        literal, soort = _array(waarden)
        with _raw_cursor() as cursor:
            cursor.execute(
                _per_waarde(
                    f"SELECT {cols} FROM {table} WHERE {where}{q(in_col)} = k.k0",  # noqa: S608
                    [soort],
                    cols=", ".join(f"t.{q(c)}" for c in _columns(model, fields)),
                ),
                [literal, *params],
            )
            yield from cursor.fetchall()
        return
    head = f"SELECT {cols} FROM {table} WHERE {where}{q(in_col)} "  # noqa: S608
    with _raw_cursor() as cursor:
        for condition, values in _een_van(waarden, per):
            cursor.execute(_sql(head + condition), params + values)
            yield from cursor.fetchall()


def _per_waarde(subquery: str, soorten: Sequence[str], *, cols: str) -> str:
    """PostgreSQL: a query that runs `subquery` once for each row of arrays (its columns
    k.k0, k.k1, ...: the first parameters, then those of the subquery), through the index
    its conditions name. Joined as a set (JOIN unnest(...)), the planner judged a hash
    join over a sequential scan of the whole table cheaper than 5000 lookups in an
    index that is in memory, and while a table grows its statistics lag: the duplicate
    lookup of the import took 82 ms a batch on average, up to 338 ms, against 4 ms this
    way (docs/performance.md). LATERAL with OFFSET 0 keeps the subquery from being
    merged into a join; it then runs per row, and for an equality on the leading columns
    of an index an index scan is what it costs least."""
    arrays = ", ".join(f"%s::{soort}[]" for soort in soorten)
    k = ", ".join(f"k{i}" for i in range(len(soorten)))
    return (
        f"SELECT {cols} FROM unnest({arrays}) AS k({k}) "  # noqa: S608
        f"CROSS JOIN LATERAL ({subquery} OFFSET 0) t"
    )


def bestaand(
    model: type[models.Model], fields: Sequence[str], sleutels: Iterable[tuple[Any, ...]]
) -> set[tuple[Any, ...]]:
    """Which of these keys (values of fields, text) have a row. PostgreSQL: one query,
    the keys as one array per field joined to the table (one lookup per sender and
    message type was 109 round trips per batch in the benchmark); SQLite: grouped by
    all fields but the last, with IN lists of the last."""
    sleutels = set(sleutels)
    if not sleutels:
        return set()
    q = connection.ops.quote_name
    cols = [q(c) for c in _columns(model, fields)]
    if connection.vendor == "postgresql":
        kolommen = list(zip(*sleutels, strict=True))
        where = " AND ".join(f"{c} = k.k{i}" for i, c in enumerate(cols))
        query = _per_waarde(
            f"SELECT {', '.join(cols)} FROM {q(model._meta.db_table)} WHERE {where} LIMIT 1",  # noqa: S608
            ["text"] * len(cols),
            cols=", ".join(f"t.{c}" for c in cols),
        )
        with _raw_cursor() as cursor:
            cursor.execute(query, [_array(kol)[0] for kol in kolommen])
            return {tuple(r) for r in cursor.fetchall()}
    groepen: dict[tuple[Any, ...], set[Any]] = {}
    for sleutel in sleutels:
        groepen.setdefault(sleutel[:-1], set()).add(sleutel[-1])
    *vast, laatste = fields
    return {
        (*groep, waarde)
        for groep, waarden in groepen.items()
        for (waarde,) in selecteer(
            model, (laatste,), gelijk=dict(zip(vast, groep, strict=True)), in_veld=laatste,
            waarden=waarden,
        )
    }  # fmt: skip


def bijwerken(
    model: type[models.Model],
    fields: Sequence[str],
    key: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    """UPDATE fields WHERE key for many rows (each row: field values, then key values)."""
    if not rows:
        return
    q = connection.ops.quote_name
    sets = ", ".join(f"{q(c)} = %s" for c in _columns(model, fields))
    where = " AND ".join(f"{q(c)} = %s" for c in _columns(model, key))
    sql = f"UPDATE {q(model._meta.db_table)} SET {sets} WHERE {where}"  # noqa: S608
    with _raw_cursor() as cursor:
        cursor.executemany(_sql(sql), [tuple(r) for r in rows])


def verwijderen(
    model: type[models.Model], veld: str, waarden: Iterable[Any], per: int = 500
) -> None:
    """DELETE the rows whose field `veld` is one of waarden."""
    q = connection.ops.quote_name
    col = _columns(model, [veld])[0]
    head = f"DELETE FROM {q(model._meta.db_table)} WHERE {q(col)} "  # noqa: S608
    with _raw_cursor() as cursor:
        for condition, values in _een_van(waarden, per):
            cursor.execute(_sql(head + condition), values)
