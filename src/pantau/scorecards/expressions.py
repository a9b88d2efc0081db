"""Database expressions for the WIB calendar day of a timestamp, as text, computed inside the database.

Django's TruncDate/TruncMonth with a time zone call back into Python for every row on SQLite; at a
million reports that is most of compute-scorecards' time. Asia/Jakarta has kept UTC+7 without
daylight saving since 1964, so a fixed offset is exact for every report LAPOR! can hold.
"""

from django.db.models import CharField, Func


class WibDay(Func):
    """'YYYY-MM-DD' of a timestamp in WIB; NULL stays NULL."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="date(%(expressions)s, '+7 hours')", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection,
                           template="to_char(%(expressions)s AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD')", **extra)


class WibMonth(Func):
    """'YYYY-MM' of a timestamp in WIB."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="strftime('%%Y-%%m', %(expressions)s, '+7 hours')", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection,
                           template="to_char(%(expressions)s AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM')", **extra)
