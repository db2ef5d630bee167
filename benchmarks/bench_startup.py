"""Cold start of ``fieldgrid`` to its first painted frame, against a bare Textual app showing an empty
DataTable, both measured here in the same run (target: ≤ 1.3×).

Each sample is a fresh ``python`` process on a fresh 80×24 pseudo-terminal, timed from spawn until
Textual's ``Ready`` event, which is posted right after the first frame has been drawn (the child writes
the wall-clock time then, and exits).  Shutting down is not part of start-up, so it is not timed.
fieldgrid runs through its real command line on a demo home of one unit (created once, before timing).

    python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import importlib.util
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

EXIT_ON_READY = """
import os, time
from textual.app import App
def _ready(self, event):
    with open(os.environ["BENCH_READY_FILE"], "w") as fh:
        fh.write(repr(time.time()))
    self.exit()
App.on_ready = _ready
"""

FLOOR = (
    EXIT_ON_READY
    + """
from textual.app import App, ComposeResult
from textual.widgets import DataTable
class Bare(App):
    def compose(self) -> ComposeResult:
        yield DataTable()
Bare().run()
"""
)

FIELDGRID = (
    EXIT_ON_READY
    + """
import sys
from fieldgrid.cli import main
sys.exit(main(["--home", sys.argv[1]]))
"""
)


PACKAGE = Path(importlib.util.find_spec("fieldgrid").origin).parent  # type: ignore[arg-type, union-attr]


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO: the child closed the terminal
        pass


def sample(code: str, *args: str) -> float:
    """Seconds from spawning ``python -c code`` on a new 80×24 terminal to its first frame."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    reader = threading.Thread(target=_drain, args=(master,), daemon=True)
    reader.start()
    ready_file = Path(tempfile.mkdtemp()) / "ready"
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24", "BENCH_READY_FILE": str(ready_file)}
    start = time.time()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdin=slave, stdout=slave, stderr=slave, env=env)
    code_ = proc.wait(timeout=60)
    os.close(slave)
    reader.join(timeout=5)
    os.close(master)
    if code_ != 0 or not ready_file.exists():
        raise SystemExit(f"the app exited with {code_} before its first frame")
    elapsed = float(ready_file.read_text()) - start
    ready_file.unlink()
    ready_file.parent.rmdir()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "demo"
        subprocess.run(
            [sys.executable, "-m", "fieldgrid", "--home", str(home), "demo", "--no-open"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Warm the OS file cache and bytecode for both before timing; then interleave the samples so
        # machine noise falls on both alike.  Textual's bytecode was written when pip installed it, as an
        # installed fieldgrid's is; an editable checkout under PYTHONDONTWRITEBYTECODE would otherwise be
        # compiled from source in every sample, so compile it here (py_compile writes despite that setting).
        compileall.compile_dir(PACKAGE, quiet=1)
        sample(FLOOR)
        sample(FIELDGRID, str(home))
        floor, ours = [], []
        for _ in range(args.runs):
            floor.append(sample(FLOOR))
            ours.append(sample(FIELDGRID, str(home)))
    f, o = statistics.median(floor), statistics.median(ours)
    print(f"cold start to first frame, median of {args.runs}:")
    print(f"  floor  bare Textual app + empty DataTable   {f * 1000:7.0f} ms")
    print(f"  fieldgrid on the demo unit                  {o * 1000:7.0f} ms")
    print(f"  ratio  {o / f:.2f}x   (target <= 1.30x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
