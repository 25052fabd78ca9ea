"""Work shared with a forked child that sees this process's memory as it was.

fork() lets the child read everything loaded so far without copying or pickling it; only
its result comes back, pickled through a pipe. A child that fails or dies gives None, and
the caller does that part itself, where errors surface normally: the outcome never depends
on the split. A Partner is a child that also trades messages with its parent while it works
(split.py: each process parses its own share of the files, then they trade what the rules
need); where it fails, receive() says so with ChildLost.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from claimcheck.errors import ClaimcheckError

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
    with Partner(lambda channel: child()) as partner:
        mine = here()
        try:
            theirs: T | None = partner.receive()
        except ChildLost:
            theirs = None
    return mine, theirs


class ChildLost(ClaimcheckError):
    """The partner process failed, died, or sent what was not a message."""


_SENT, _FAILED = "message", "failed"  # the kinds of message a child sends


class Partner:
    """A forked child that runs work(channel), talking with this process over two pipes.

    Use it as a context manager: leaving it stops the child, and reaps it (after a clean exit,
    at the next fork or at exit: see _reap_later); a process the child started dies with it
    (Linux's parent-death signal). The child's last message is
    work()'s result; receive() raises ChildLost where the child failed or died instead, and
    the caller does that work itself.
    """

    def __init__(self, work: Callable[[Channel], Any]) -> None:
        _reap_exited()
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        _widen(child_writes)
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never return into the caller
            try:
                _die_with(parent)
                os.close(parent_reads)
                os.close(parent_writes)
                _serve(work, Channel(child_reads, child_writes))
            finally:
                os._exit(1)  # _serve leaves with its own status; this is for anything before it
        os.close(child_reads)
        os.close(child_writes)
        self.channel = Channel(parent_reads, parent_writes)

    def send(self, message: Any) -> None:
        try:
            self.channel.send(message)
        except OSError as error:  # EPIPE: the child is gone
            raise ChildLost(str(error)) from None

    def receive(self) -> Any:
        try:
            kind, message = self.channel.receive()
        except Exception as error:  # noqa: BLE001 - a dead child's partial data
            raise ChildLost(repr(error)) from None
        if kind == _FAILED:
            raise ChildLost(message)
        return message

    def __enter__(self) -> Partner:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.channel.close()
        with contextlib.suppress(OSError):  # done already, or blocked on a pipe nobody reads
            os.kill(self.pid, signal.SIGKILL)
        if exc_type is None:
            _reap_later(self.pid)
        else:
            _reap(self.pid)


class Channel:
    """Pickled messages over a pipe each way."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self.reader = os.fdopen(read_fd, "rb")
        self.writer = os.fdopen(write_fd, "wb")

    def send(self, message: Any, kind: str = _SENT) -> None:
        pickle.dump((kind, message), self.writer, protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.flush()

    def receive(self) -> tuple[str, Any]:
        kind, message = pickle.load(self.reader)
        return kind, message

    def receive_message(self) -> Any:
        return self.receive()[1]

    def close(self) -> None:
        for stream in (self.writer, self.reader):
            with contextlib.suppress(OSError):
                stream.close()


def _serve(work: Callable[[Channel], Any], channel: Channel) -> None:
    status = 0
    try:
        try:
            channel.send(work(channel))
        except Exception:  # noqa: BLE001 - reported to the parent, which does the work
            status = 1
            import traceback  # here, not before the fork: only a failing child needs it

            with contextlib.suppress(OSError):
                channel.send(traceback.format_exc(), kind=_FAILED)
        channel.close()
    finally:
        os._exit(status)


def _widen(pipe: int) -> None:
    """Let the pipe hold 1 MiB, where Linux allows it (64 KiB by default): a child's message
    up to that size is written without waiting for its parent to read (split.py's child
    sends the sources its claims cite, 11k ids at 100k claims, before its own next step)."""
    import fcntl  # here: a Unix module, and only a fork (Linux) gets here

    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies, so that no work (a child's
    own child checking rules, say) outlives the run that wanted it."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # already reaped: the host process ignores SIGCHLD


# Children that sent their last message and are exiting. Waiting for one to end costs 10-50
# ms at 100k claims (the kernel frees its memory first), between the last findings and the
# report; so it is reaped before the next fork, or when the interpreter exits (a CLI run
# leaves with os._exit, and its children are the init process's to reap).
_EXITING: list[int] = []


def _reap_later(pid: int) -> None:
    _EXITING.append(pid)


def _reap_exited() -> None:
    while _EXITING:
        _reap(_EXITING.pop())


atexit.register(_reap_exited)
