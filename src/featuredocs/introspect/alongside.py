"""One part of the reading done in a forked copy of this process, the rest here.

Once the project is set up, its URLconf is read independently of its models, commands,
settings and sources. When the process that started this one waits for the facts with a
core to spare (a run whose pages are mostly cached), a copy forked after the setup reads
the URLconf while this process reads the rest: the setup is paid once, and the facts
arrive sooner. The copy sends its part back pickled and exits without tearing down.

Anything that keeps the copy from answering (it died, or what it sent cannot be read)
makes this process read that part itself: a fork changes when the facts arrive, never
what they are.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from featuredocs import parallel

T = TypeVar("T")


class Alongside:
    """Runs parts of the reading beside this process (``fork``) or here, later.

    ``extra`` is called in the copy once its part is done, and what it returns is kept in
    :attr:`extras`: what the copy saw that this process did not (the files it read).
    """

    def __init__(self, fork: bool = False, extra: Callable[[], Any] | None = None) -> None:
        self.fork = fork
        self._extra = extra
        self.extras: list[Any] = []

    def start(self, part: Callable[[], T]) -> Callable[[], T]:
        """Start ``part``; call what is returned for its result. Without a fork, ``part``
        runs then, here, so what it does happens in the order it would sequentially."""
        # A fork copies only the thread that forks: locks held by the project's other
        # threads (logging, a connection pool) would stay held in the copy forever.
        if not (self.fork and parallel.can_fork() and threading.active_count() == 1):
            return part
        reading, writing = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            os.close(reading)
            _die_with(parent)
            _answer(part, self._extra, writing)
        os.close(writing)

        def result() -> T:
            with os.fdopen(reading, "rb") as stream:
                data = stream.read()
            os.waitpid(pid, 0)
            try:
                done, value, extra = pickle.loads(data)
            except Exception:  # the copy died, or sent what cannot be read back
                return part()
            if not done:
                raise value
            self.extras.append(extra)
            return value

        return result


def _answer(part: Callable[[], Any], extra: Callable[[], Any] | None, writing: int) -> None:
    """In the copy: run ``part``, send its result (or its error) and exit at once."""
    status = 0
    try:
        try:
            payload = (True, part(), extra() if extra is not None else None)
        except BaseException as error:  # raised again where the result is asked for
            payload = (False, error, None)
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            data = b""  # read as a copy that did not answer
        with os.fdopen(writing, "wb") as stream:
            stream.write(data)
    except BaseException:
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing of buffers this process owns


def _die_with(parent: int) -> None:
    """Have the kernel end the copy when ``parent`` ends: a reading stopped from outside
    (its time is up, or a user interrupts it) must not leave the copy running."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h
