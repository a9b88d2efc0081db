"""Bulk inserts with one `executemany` per batch: the ORM's bulk_create spent most of the pipeline's
time compiling SQL per object (DESIGN.md: 10k rows/s vs 55k for executemany on SQLite)."""

from datetime import datetime

from django.db import connection, models


def _converter(field: models.Field):
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return lambda v: ops.adapt_datetimefield_value(v) if v is not None else None
    if isinstance(field, models.JSONField):
        return lambda v: ops.adapt_json_value(v, field.encoder)
    return None


_FIELDS: dict = {}


def unsaved(model: type[models.Model], related: dict, **values) -> models.Model:
    """A new, unsaved instance from field values by attname (`source_id`, not `source`), through the
    model's positional constructor (several times cheaper than keyword arguments); fields not given
    get their defaults. `related`: related objects to remember (name -> instance), so that reading
    them costs no query."""
    known = _FIELDS.get(model)
    if known is None:
        fields = model._meta.concrete_fields
        known = _FIELDS[model] = ([(f.attname, f) for f in fields], frozenset(f.attname for f in fields))
    fields, names = known
    if not values.keys() <= names:
        raise TypeError(f"{model.__name__} has no field {sorted(values.keys() - names)}")
    obj = model(*[values[name] if name in values else f.get_default() for name, f in fields])
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
    sql = (f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(map(qn, columns))}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    with connection.cursor() as cursor:
        for i in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[i:i + batch_size])


def adapt_datetime(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)
