"""Bulk inserts: COPY on PostgreSQL, one `executemany` per batch elsewhere. The ORM's bulk_create
spent most of the pipeline's time compiling SQL per object (DESIGN.md: 10k rows/s vs 55k for
executemany on SQLite)."""

from datetime import datetime

from django.db import connection, models
from django.db.models import signals
from django.db.models.base import ModelState

from pantau.lib.pgcopy import copy_rows


def _converter(field: models.Field):
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return lambda v: ops.adapt_datetimefield_value(v) if v is not None else None
    if isinstance(field, models.JSONField):
        return lambda v: ops.adapt_json_value(v, field.encoder)
    return None


_FIELDS: dict = {}


def unsaved(model: type[models.Model], related: dict, **values) -> models.Model:
    """A new, unsaved instance from field values by attname (`source_id`, not `source`); fields not
    given get their defaults. `related`: related objects to remember (name -> instance), so that
    reading them costs no query.

    Built the way Django unpickles a model (`__new__`, then its attribute dict), several times
    cheaper than the constructor, which was a tenth of the pipeline's main-process time; a model
    with post_init receivers (which the constructor would call) goes through the constructor.
    """
    known = _FIELDS.get(model)
    if known is None:
        fields = model._meta.concrete_fields
        constant = {f.attname: f.get_default() for f in fields if not callable(f.default)}
        factories = [(f.attname, f.get_default) for f in fields if callable(f.default)]
        known = _FIELDS[model] = (constant, factories, frozenset(f.attname for f in fields))
    constant, factories, names = known
    if not values.keys() <= names:
        raise TypeError(f"{model.__name__} has no field {sorted(values.keys() - names)}")
    if signals.post_init.has_listeners(model):
        obj = model(**{name: values.get(name, default) for name, default in constant.items()},
                     **{name: values[name] if name in values else factory() for name, factory in factories})
    else:
        obj = model.__new__(model)
        attributes = obj.__dict__
        attributes.update(constant)
        for name, factory in factories:
            if name not in values:
                attributes[name] = factory()
        attributes.update(values)
        obj._state = ModelState()
    for name, instance in related.items():
        model._meta.get_field(name).set_cached_value(obj, instance)
    return obj


def insert(model: type[models.Model], objects: list, batch_size: int = 2000) -> None:
    """INSERT the objects' concrete fields (all but the id) with executemany; no ids come back."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    attnames = [f.attname for f in fields]
    converters = [(i, c) for i, c in enumerate(map(_converter, fields)) if c is not None]
    rows = []
    for obj in objects:
        row = [getattr(obj, name) for name in attnames]
        for i, convert in converters:
            row[i] = convert(row[i])
        rows.append(row)
    insert_rows(model, [f.column for f in fields], rows, batch_size)


def insert_rows(model: type[models.Model], columns: list[str], rows: list, batch_size: int = 2000) -> None:
    """INSERT plain rows (already in database form, datetimes adapted) into the model's table."""
    if not rows:
        return
    qn = connection.ops.quote_name
    table, names = qn(model._meta.db_table), ", ".join(map(qn, columns))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            copy_rows(cursor, f"{table} ({names})", rows)
            return
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        for i in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[i:i + batch_size])


def insert_returning_ids(model: type[models.Model], objects: list, batch_size: int = 500) -> None:
    """INSERT the objects with multi-row VALUES ... RETURNING the ids, set on the objects in order
    (what the ORM's bulk_create does on SQLite >= 3.35 and PostgreSQL, without compiling SQL per
    object); other databases go through bulk_create."""
    if not objects:
        return
    if not connection.features.can_return_rows_from_bulk_insert:
        model.objects.bulk_create(objects, batch_size=batch_size)
        return
    opts = model._meta
    fields = [f for f in opts.concrete_fields if not f.primary_key]
    prep = [(f.attname, f) for f in fields]
    qn = connection.ops.quote_name
    head = f"INSERT INTO {qn(opts.db_table)} ({', '.join(qn(f.column) for f in fields)}) VALUES "
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    tail = f" RETURNING {qn(opts.pk.column)}"
    with connection.cursor() as cursor:
        for i in range(0, len(objects), batch_size):
            chunk = objects[i:i + batch_size]
            params = [f.get_db_prep_save(getattr(obj, name), connection) for obj in chunk for name, f in prep]
            cursor.execute(head + ", ".join([row] * len(chunk)) + tail, params)
            # ids are given in the order the rows are inserted (VALUES order; SQLite's rowid and a
            # PostgreSQL sequence only grow), whatever order RETURNING lists them in
            for obj, pk in zip(chunk, sorted(r[0] for r in cursor.fetchall()), strict=True):
                obj.pk = pk
                obj._state.adding, obj._state.db = False, connection.alias


def rows_in(model: type[models.Model], select: list[str], column: str, values, equal: dict | None = None,
            order_by: str = "", chunk: int | None = 900) -> list[tuple]:
    """Rows of `select` columns whose `column` is one of `values` and whose `equal` columns have the
    given values, as `filter(column__in=values, **equal).values_list(*select)` gives them, without
    the ORM resolving each of thousands of values as an expression. `chunk`: values per query
    (None: one query, needed when `order_by` must hold over all rows)."""
    values = list(values)
    if not values:
        return []
    qn = connection.ops.quote_name
    head = f"SELECT {', '.join(map(qn, select))} FROM {qn(model._meta.db_table)} WHERE {qn(column)} "
    equal = equal or {}
    tail = "".join(f" AND {qn(name)} = %s" for name in equal) + (f" ORDER BY {qn(order_by)}" if order_by else "")
    params = list(equal.values())
    out: list[tuple] = []
    if connection.vendor == "postgresql":
        # One array parameter: no statement of hundreds of placeholders for the driver to split.
        with connection.cursor() as cursor:
            cursor.execute(head + "= ANY(%s)" + tail, [values, *params])
            return list(map(tuple, cursor.fetchall()))
    head += "IN ("
    step = chunk or len(values)
    with connection.cursor() as cursor:
        for i in range(0, len(values), step):
            part = values[i:i + step]
            cursor.execute(head + ", ".join(["%s"] * len(part)) + ")" + tail, [*part, *params])
            out.extend(map(tuple, cursor.fetchall()))
    return out


def adapt_datetime(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)
