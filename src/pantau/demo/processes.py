"""Run the demo's web server and job worker as child processes and stop both cleanly.

Ctrl-C reaches the children too (same process group); SIGTERM to the parent is turned into the same
shutdown. When one child dies (e.g. the port is taken) the other is stopped as well."""

import signal
import subprocess
import sys
import time

STOP_GRACE = 10  # seconds a child gets to finish after SIGTERM before it is killed


def server_command(host: str, port: int) -> list[str]:
    """gunicorn with whitenoise (static files from the apps, no collectstatic needed)."""
    import gunicorn

    cmd = [sys.executable, "-m", "gunicorn", "pantau.wsgi:application", "--bind", f"{host}:{port}",
           "--workers", "2", "--access-logfile", "-", "--graceful-timeout", "5"]
    if gunicorn.version_info >= (24,):
        cmd.append("--no-control-socket")  # a demo needs no socket in the user's home folder
    return cmd


def worker_command() -> list[str]:
    return [sys.executable, "-m", "pantau", "worker", "--workers", "1"]  # our worker: logs once


class _Terminated(Exception):
    pass


def _raise_terminated(signum, frame):
    raise _Terminated


def supervise(commands: dict[str, list[str]], log) -> int:
    """Start every command, wait until one exits or we are interrupted, stop the rest.
    Returns 0 after Ctrl-C/SIGTERM, else the exit code of the child that stopped first."""
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    children: dict[str, subprocess.Popen] = {}
    code = 0
    try:
        for name, cmd in commands.items():
            children[name] = subprocess.Popen(cmd)
        while True:
            for name, child in children.items():
                if child.poll() is not None:
                    log(f"{name} stopped (exit status {child.returncode}); stopping the rest")
                    return child.returncode or 1
            time.sleep(0.5)
    except (KeyboardInterrupt, _Terminated):
        log("stopping…")
        return code
    finally:
        _stop(children.values())
        signal.signal(signal.SIGTERM, previous)


def _stop(children) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + STOP_GRACE
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
