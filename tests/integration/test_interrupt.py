"""An interrupted or killed batch never leaves a half-written output file.

SIGINT (Ctrl-C) and SIGTERM unwind: the temporary file is removed and the
status is 130; with ``--jobs`` the workers' spill directory (under TMPDIR) is
removed too. SIGKILL cannot be caught: the target is still never created or
truncated, but the ``.<name>.*.part`` temporary beside it may be left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from tests.integration.conftest import cli_command, mixed_corpus


def _start(tmp_path: Path, *extra: str, prior: str | None = None) -> tuple[subprocess.Popen[bytes], Path]:
    target = tmp_path / "out" / "out.jsonl"
    target.parent.mkdir()
    if prior is not None:
        target.write_text(prior, encoding="utf-8")
    (tmp_path / "spill").mkdir()
    process = subprocess.Popen(
        [*cli_command(), "resolve", "-o", str(target), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(tmp_path / "spill")},
    )
    assert process.stdin is not None
    # Enough for a few chunks, then the pipe stays open: the run is mid-way when the signal lands.
    process.stdin.write(mixed_corpus(5000).encode("utf-8"))
    process.stdin.flush()
    deadline = time.monotonic() + 20
    while not list(target.parent.glob(".out.jsonl.*.part")):
        assert time.monotonic() < deadline, "the temporary output file never appeared"
        time.sleep(0.02)
    time.sleep(0.3)
    return process, target


@pytest.mark.parametrize(
    ("signum", "jobs"), [(signal.SIGINT, "1"), (signal.SIGINT, "2"), (signal.SIGTERM, "2")]
)
def test_interrupt_leaves_no_file(tmp_path: Path, signum: signal.Signals, jobs: str) -> None:
    process, _ = _start(tmp_path, "--jobs", jobs)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130
    assert b"interrupted" in stderr
    assert b"Traceback" not in stderr
    assert list((tmp_path / "out").iterdir()) == []
    assert list((tmp_path / "spill").iterdir()) == []


def test_sigkill_leaves_at_most_the_temporary_file(tmp_path: Path) -> None:
    process, target = _start(tmp_path, prior="previous complete output\n")
    process.kill()
    process.communicate(timeout=20)
    assert process.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == "previous complete output\n"
    leftovers = [path.name for path in target.parent.iterdir() if path != target]
    assert len(leftovers) <= 1
    assert all(name.startswith(".out.jsonl.") and name.endswith(".part") for name in leftovers)


def test_a_finished_run_renames_into_place(tmp_path: Path) -> None:
    process, target = _start(tmp_path)
    assert process.stdin is not None
    process.stdin.close()
    process.wait(timeout=30)
    assert process.returncode == 1  # the corpus has broken lines
    assert len(target.read_bytes().splitlines()) == 5000
    assert [path.name for path in target.parent.iterdir()] == ["out.jsonl"]
    assert os.stat(target).st_size > 0
