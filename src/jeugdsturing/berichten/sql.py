"""Bulk writes for the import, as plain SQL that SQLite and PostgreSQL both accept:
executemany INSERTs and INSERT ... ON CONFLICT DO UPDATE upserts. Django's bulk_create
spends more time preparing objects than the database spends storing them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models


def _raw_cursor() -> Any:
    """The DB-API cursor itself: no query logging or quoting by Django's debug wrapper.
    Placeholders are adapted per database (qmark for SQLite, format for psycopg)."""
    connection.ensure_connection()
    return connection.connection.cursor()


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
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {q(model._meta.db_table)} ({cols}) VALUES ({marks})"  # noqa: S608
    cursor = _raw_cursor()
    try:
        cursor.executemany(_sql(sql), [tuple(r) for r in rows])
    finally:
        cursor.close()


def upsert(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    conflict: Sequence[str],
) -> None:
    """INSERT, or UPDATE every other field when the unique key `conflict` exists."""
    if not rows:
        return
    q = connection.ops.quote_name
    cols = _columns(model, fields)
    key_cols = _columns(model, conflict)
    key = set(key_cols)
    updates = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in cols if c not in key)
    sql = (
        f"INSERT INTO {q(model._meta.db_table)} ({', '.join(q(c) for c in cols)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(cols))}) "
        f"ON CONFLICT ({', '.join(q(c) for c in key_cols)}) DO UPDATE SET {updates}"
    )
    cursor = _raw_cursor()
    try:
        cursor.executemany(_sql(sql), [tuple(r) for r in rows])
    finally:
        cursor.close()


def invoegen_met_ids(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[int]:
    """INSERT rows and return their new primary keys, in order (one statement per chunk,
    as Django's own bulk_create does on both databases)."""
    ids: list[int] = []
    q = connection.ops.quote_name
    cols = ", ".join(q(c) for c in _columns(model, fields))
    pk = q(model._meta.pk.column)
    per = max(1, 900 // len(fields))  # stay under SQLite's bound-parameter limits
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per):
            chunk = rows[start : start + per]
            values = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(chunk))
            sql = f"INSERT INTO {q(model._meta.db_table)} ({cols}) VALUES {values} RETURNING {pk}"  # noqa: S608
            cursor.execute(sql, [v for r in chunk for v in r])
            ids.extend(int(r[0]) for r in cursor.fetchall())
    return ids
