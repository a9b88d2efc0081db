"""A second thread that does an import's database work, so that writing overlaps reading and checking."""

from __future__ import annotations

import sys
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import DEFAULT_DB_ALIAS, connections


class DatabaseThread:
    """Runs database work, in the order given, in one second thread on the caller's connection
    (and so inside the caller's transaction: all or nothing still holds).

    Why: while one batch's rows are written, the main thread reads and checks the next batch.
    psycopg (COPY, waiting for the server) and sqlite3 (sqlite3_step) release the GIL, so the
    database's work runs beside the Python work instead of after it.

    The GIL: the database thread takes the GIL back after each wait (a network write, a
    sqlite3_step), and with the main thread busy in Python it got it only after the 5 ms switch
    interval, so that the writes crawled and the main thread then waited for them (at 200k rows
    on PostgreSQL, the import was no faster than without the thread). For the thread's lifetime
    the switch interval is 0.2 ms: 15.5 s became 12.5 s. The setting is the process's; it is put
    back on leaving.

    Only where it pays (threaded=False runs each task at once, in the caller's thread): on
    SQLite the database thread's work is mostly binding values, which holds the GIL, and the
    import measured the same or slower with the thread (12.2 s against 11.9 s at 200k rows).

    Rules, so that two threads never use the connection at once:
    - while the thread is open, every query of the import goes through submit() or call();
    - the connection is handed over the way Django's LiveServerThread does it
      (inc_thread_sharing, then the thread's own `connections[alias]`);
    - the first failure fails every later task too (they would only run in an aborted
      transaction) and is raised again in the main thread: by result(), check() and on leaving
      the `with` block, so that the caller's transaction rolls back.
    """

    SWITCH_INTERVAL = 0.0002  # seconds

    def __init__(self, alias: str = DEFAULT_DB_ALIAS, *, threaded: bool = True):
        self.alias = alias
        self.connection = connections[alias]
        self.threaded = threaded
        self.failure: BaseException | None = None
        self.executor: ThreadPoolExecutor | None = None
        self.switch_interval = sys.getswitchinterval()

    def __enter__(self) -> DatabaseThread:
        if self.threaded:
            self.connection.inc_thread_sharing()
            self.executor = ThreadPoolExecutor(1, thread_name_prefix="import-db", initializer=self._adopt)
            self.switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self.SWITCH_INTERVAL, self.switch_interval))
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if self.threaded:
            try:
                self.executor.shutdown(wait=True, cancel_futures=kind is not None)
            finally:
                sys.setswitchinterval(self.switch_interval)
                self.connection.dec_thread_sharing()
        if kind is None:
            self.check()

    def _adopt(self) -> None:
        connections[self.alias] = self.connection

    def submit(self, function, *args) -> Future:
        """Queue `function(*args)` after the work already queued; its Future gives the result.
        (Not threaded: run it now; an exception is raised here.)"""
        if not self.threaded:
            done: Future = Future()
            done.set_result(function(*args))
            return done
        return self.executor.submit(self._run, function, args)

    def call(self, function, *args):
        """Run `function(*args)` in the thread after the queued work, and wait for its result."""
        return self.submit(function, *args).result()

    def check(self) -> None:
        """Raise the failure of earlier work, if any (writes are queued without waiting)."""
        if self.failure is not None:
            raise self.failure

    def _run(self, function, args):
        self.check()
        try:
            return function(*args)
        except BaseException as error:
            self.failure = error
            raise
