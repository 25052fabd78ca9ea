"""Work shared with a forked child that sees this process's memory as it was.

fork() lets the child read everything loaded so far without copying or pickling it; only
its result comes back, pickled through a pipe. A child that fails or dies gives None, and
the caller does that part itself, where errors surface normally: the outcome never depends
on the split.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
U = TypeVar("U")


def can_fork() -> bool:
    # Only Linux makes fork() safe and cheap by default (macOS and Windows start processes
    # afresh), and only in a single-threaded process (a lock held by another thread would
    # stay held in the child).
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def with_child(child: Callable[[], T], here: Callable[[], U]) -> tuple[U, T | None]:
    """here() in this process while a forked child runs child(); the child's result is
    None where it failed or died."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into the caller
        try:
            os.close(read_end)
            _serve(child, write_end)
        finally:
            os._exit(1)  # _serve leaves with its own status; this is for anything before it
    os.close(write_end)
    try:
        mine = here()
        theirs = _receive(read_end)
    except BaseException:
        # The child may be blocked writing a pipe nobody will read: stop it, then fail.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_end)
        _reap(pid)
    return mine, theirs


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # already reaped: the host process ignores SIGCHLD


def _serve(child: Callable[[], Any], write_end: int) -> None:
    status = 0
    try:
        with os.fdopen(write_end, "wb") as pipe:
            try:
                payload: tuple[bool, Any] = (True, child())
            except Exception:  # noqa: BLE001 - reported to the parent, which does the work
                payload, status = (False, traceback.format_exc()), 1
            pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(status)


def _receive(read_end: int) -> Any:
    with os.fdopen(read_end, "rb", closefd=False) as pipe:
        try:
            done, result = pickle.load(pipe)
        except Exception:  # noqa: BLE001 - a dead child's partial data: the work runs here
            return None
    return result if done else None
