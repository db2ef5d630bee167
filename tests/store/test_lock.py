"""One fieldgrid process per home: a second one is told the holder's pid instead of writing beside it, and
the lock goes away with its holder, however it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from fieldgrid.i18n import CATALOGUES
from fieldgrid.store import HomeLock, HomeLocked

HOLDER = r"""
import sys
from pathlib import Path
from fieldgrid.store import HomeLock

lock = HomeLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
sys.stdin.read()  # hold the home until the parent closes our stdin
lock.release()
print("released", flush=True)
"""


@contextmanager
def holder(home: Path) -> Iterator[subprocess.Popen[bytes]]:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(home)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout is not None
    try:
        assert child.stdout.readline() == b"locked\n"
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream and not stream.closed:
                stream.close()


def test_a_second_holder_is_told_the_pid(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with holder(home) as child:
        with pytest.raises(HomeLocked) as info:
            HomeLock(home).acquire()
        assert info.value.pid == child.pid
        assert info.value.key == "error.home.locked"
        assert info.value.params == {"home": str(home), "pid": child.pid}
        assert str(child.pid) in CATALOGUES["zh_CN"][info.value.key].format(**info.value.params)
        # Asking again changes nothing: a refused attempt must not disturb the holder's lock.
        with pytest.raises(HomeLocked):
            HomeLock(home).acquire()

        assert child.stdin is not None
        child.stdin.close()  # the holder lets go and exits normally
        assert child.stdout is not None
        assert child.stdout.read() == b"released\n"
        assert child.wait() == 0

    with HomeLock(home) as lock:
        assert (home / ".lock").read_text() == str(os.getpid())
        assert lock.path == home / ".lock"


def test_the_lock_is_released_when_the_holder_is_killed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with holder(home) as child:
        with pytest.raises(HomeLocked):
            HomeLock(home).acquire()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    # The pid file still names the dead process, but the OS lock died with it.
    lock = HomeLock(home).acquire()
    try:
        assert (home / ".lock").read_text() == str(os.getpid())
    finally:
        lock.release()


def test_the_lock_is_released_when_the_holder_exits_without_releasing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code = "import sys, pathlib, fieldgrid.store as s; s.HomeLock(pathlib.Path(sys.argv[1])).acquire()"
    subprocess.run([sys.executable, "-c", code, str(home)], check=True)
    HomeLock(home).acquire().release()


def test_two_locks_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    first = HomeLock(tmp_path).acquire()
    with pytest.raises(HomeLocked) as info:
        HomeLock(tmp_path).acquire()
    assert info.value.pid == os.getpid()
    first.release()
    first.release()  # releasing twice is harmless
    HomeLock(tmp_path).acquire().release()


def test_the_home_is_created(tmp_path: Path) -> None:
    home = tmp_path / "a" / "b"
    with HomeLock(home):
        assert home.is_dir()


def test_an_unreadable_pid_file_still_refuses(tmp_path: Path) -> None:
    first = HomeLock(tmp_path).acquire()
    try:
        (tmp_path / ".lock").write_text("not a pid")
        with pytest.raises(HomeLocked) as info:
            HomeLock(tmp_path).acquire()
        assert info.value.pid is None and info.value.params["pid"] == "?"
    finally:
        first.release()
