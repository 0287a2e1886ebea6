"""An interrupted or killed batch never leaves a half-written output file.

SIGINT (Ctrl-C) and SIGTERM unwind: the temporary file is removed and the
status is 130; with ``--jobs`` the workers' spill directory (under TMPDIR) is
removed too. SIGKILL, which cannot be caught: ``test_kill.py``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from tests.integration.conftest import cli_command, mixed_corpus, wait_for_output

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow


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
    wait_for_output(process, target.parent)
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


def test_a_finished_run_renames_into_place(tmp_path: Path) -> None:
    process, target = _start(tmp_path)
    assert process.stdin is not None
    process.stdin.close()
    process.wait(timeout=30)
    assert process.returncode == 1  # the corpus has broken lines
    assert len(target.read_bytes().splitlines()) == 5000
    assert [path.name for path in target.parent.iterdir()] == ["out.jsonl"]
    assert os.stat(target).st_size > 0
