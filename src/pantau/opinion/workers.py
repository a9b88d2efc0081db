"""Worker processes for the pure per-item stage of the mention pipeline (prepare.py).

One pool per process, started on first use and kept (its workers load the topic queries and the
models once, then serve every later batch); "spawn" processes, so that neither the database
connections nor the threads of the parent (the huey consumer, a web server) are copied into them.
A worker only computes: it never opens the database. As with any "spawn" pool, a script that
ingests must guard its entry point with `if __name__ == "__main__":` (manage.py does); if the workers
cannot start or die, the pipeline prepares in process for the rest of the process's life.
"""

import atexit
import gc
import logging
import os
import pickle
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from django.conf import settings

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: tuple[int, ProcessPoolExecutor] | None = None
_broken = False
_contexts: dict = {}  # in a worker: the compiled Context of each (topics, enrichers) spec


def default_workers() -> int:
    """settings.PANTAU_OPINION_WORKERS; -1 (the default): one per core; 0 or 1: no pool."""
    value = int(getattr(settings, "PANTAU_OPINION_WORKERS", -1))
    return (os.cpu_count() or 1) if value < 0 else value


def cpu_seconds() -> float:
    """CPU time the pool's worker processes have used so far (Linux /proc; 0 elsewhere)."""
    total = 0.0
    with _lock:
        processes = list(getattr(_pool[1], "_processes", {}) or {}) if _pool else []
    for pid in processes:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    return total


def _start(data_dir: str, settings_module: str) -> None:
    os.environ["PANTAU_DATA_DIR"] = data_dir  # the same models and data folder as the parent
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()


def pool(workers: int) -> ProcessPoolExecutor:
    """The process's pool, started with `workers` processes by its first user (later pipelines
    asking for another number share it rather than cancel each other's tasks)."""
    global _pool
    with _lock:
        if _pool is None:
            executor = ProcessPoolExecutor(
                max_workers=workers, mp_context=get_context("spawn"), initializer=_start,
                initargs=(str(settings.DATA_DIR), os.environ.get("DJANGO_SETTINGS_MODULE", "pantau.settings")))
            _pool = (workers, executor)
        return _pool[1]


def usable() -> bool:
    """Whether a pool may be used: not after it broke, and not in a daemonic process (huey's
    "process" workers), which may not have children."""
    import multiprocessing

    return not _broken and not multiprocessing.current_process().daemon


def shutdown(broken: bool = False) -> None:
    """Stop the pool (`broken`: and use none again in this process)."""
    global _pool, _broken
    with _lock:
        _broken = _broken or broken
        if _pool is not None:
            _pool[1].shutdown(wait=not broken, cancel_futures=True)
            _pool = None


atexit.register(shutdown)


def _prepare_in_worker(rows: list[tuple], spec: tuple) -> list:
    from .prepare import Context, prepare

    context = _contexts.get(spec)
    if context is None:
        _contexts.clear()
        context = _contexts[spec] = Context(list(spec[0]), list(spec[1]))
    return pickle.dumps(prepare(rows, context), protocol=pickle.HIGHEST_PROTOCOL)


def result(future: Future) -> list:
    """The prepared items of a finished task. They come pickled and are unpickled here with the
    cyclic garbage collector paused: thousands of small tuples at once otherwise set off full
    collections of the whole (large) heap, which cost more than the unpickling itself (measured
    28 us per item with, 2 without). Plain tuples of strings and numbers make no cyclic garbage."""
    blob = future.result()
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(blob)
    finally:
        if paused:
            gc.enable()


def submit(workers: int, rows: list[tuple], spec: tuple, chunk: int) -> list[Future]:
    """Start preparing the rows in the pool, `chunk` rows per task; futures in order."""
    executor = pool(workers)  # BrokenProcessPool if it cannot start: the pipeline falls back
    return [executor.submit(_prepare_in_worker, rows[i:i + chunk], spec)
            for i in range(0, len(rows), chunk)]
