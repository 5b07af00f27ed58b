"""A part of the reading done in a forked copy of the process: same result, or done here."""

from __future__ import annotations

import os
import threading

import pytest

from featuredocs import parallel
from featuredocs.introspect.alongside import Alongside

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="fork is only used on Linux")


@needs_fork
def test_the_part_is_read_in_a_copy_and_its_extra_kept():
    here = os.getpid()
    alongside = Alongside(fork=True, extra=lambda: ("files", os.getpid()))
    result = alongside.start(lambda: {"read by": os.getpid(), "endpoints": ("/a/", "/b/")})
    done_here = sum(range(1000))  # this process goes on meanwhile
    found = result()
    assert found["endpoints"] == ("/a/", "/b/") and found["read by"] != here
    assert alongside.extras == [("files", found["read by"])]
    assert done_here == 499500


@needs_fork
def test_an_error_in_the_copy_is_raised_here():
    result = Alongside(fork=True).start(lambda: int("not a number"))
    with pytest.raises(ValueError, match="not a number"):
        result()


@needs_fork
def test_a_copy_that_dies_without_answering_leaves_the_part_to_this_process():
    here = os.getpid()

    def part() -> int:
        if os.getpid() != here:
            os._exit(3)  # killed, say, before it could answer
        return os.getpid()

    alongside = Alongside(fork=True, extra=lambda: "never sent")
    assert alongside.start(part)() == here
    assert alongside.extras == []


def test_without_a_fork_the_part_runs_here_when_its_result_is_asked_for():
    ran: list[int] = []
    result = Alongside(fork=False).start(lambda: ran.append(os.getpid()) or "done")
    assert ran == []  # in the order a reading done all here would have
    assert result() == "done" and ran == [os.getpid()]


def test_a_process_with_other_threads_is_not_forked():
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert Alongside(fork=True).start(os.getpid)() == os.getpid()
    finally:
        release.set()
        other.join()


@needs_fork
def test_the_copy_ends_when_the_reading_process_is_killed(tmp_path):
    """A reading stopped from outside (a timeout kills it) must not leave its copy running."""
    import signal
    import subprocess
    import sys
    import time

    noted = tmp_path / "copy.pid"
    script = (
        "import os, pathlib, time\n"
        "from featuredocs.introspect.alongside import Alongside\n"
        "def part():\n"
        f"    pathlib.Path({str(noted)!r}).write_text(str(os.getpid()))\n"
        "    time.sleep(120)\n"
        "Alongside(fork=True).start(part)()\n"
    )
    reading = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not noted.exists() or not noted.read_text():
            assert time.monotonic() < deadline, "the copy never started"
            time.sleep(0.05)
        copy = int(noted.read_text())
        assert _running(copy)
    finally:
        reading.send_signal(signal.SIGKILL)
        reading.wait()
    deadline = time.monotonic() + 10
    while _running(copy) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(copy)


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
