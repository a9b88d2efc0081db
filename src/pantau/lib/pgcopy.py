"""PostgreSQL's COPY for bulk writes: one stream, rows formatted in C by psycopg.

Used by the importer, the deadline recomputation and the opinion pipeline, where executemany sent
one statement per row (a third of the pipeline's main-process time, and much of the server's).
"""

from __future__ import annotations

from collections.abc import Iterable


def copy_rows(cursor, target: str, rows: Iterable[tuple]) -> None:
    """COPY `rows` into `target` (a quoted table name, optionally with "(column, ...)") through a
    Django cursor on a PostgreSQL connection, inside the caller's transaction."""
    with cursor.cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
