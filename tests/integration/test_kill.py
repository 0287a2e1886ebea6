"""``kill -9`` mid-run leaves no patient data behind where the platform allows it (issue 10 item 12).

On Linux the output waits in an unnamed ``O_TMPFILE`` file: a killed run leaves nothing beside the
target, which keeps its previous content. Where that is unavailable (forced here) a named
``.<name>.<pid>.<hex>.part`` is left, and the next run to the same target removes it — but never
the ``.part`` of a run still alive. With ``--jobs`` the workers end with the parent (no traceback,
no descriptor kept open) and the next run removes the dead parent's spill directory.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest
from tests.integration.conftest import cli_command, mixed_corpus, wait_for_output

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="O_TMPFILE, /proc and prctl: Linux"),
]

#: The command with the unnamed-file path switched off, as on a platform without O_TMPFILE.
NAMED_ONLY = [
    sys.executable,
    "-c",
    "import sys, rezept_fusho.atomic_file as a; a.O_TMPFILE = None; "
    "from rezept_fusho.cli import main; sys.exit(main())",
]


def _start(
    tmp_path: Path, *extra: str, command: list[str] | None = None, lines: int = 5000
) -> subprocess.Popen[bytes]:
    """A ``resolve -o out/out.jsonl`` mid-way: some chunks done, waiting for more input."""
    process = subprocess.Popen(
        [*(command or cli_command()), "resolve", "-o", str(tmp_path / "out" / "out.jsonl"), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(tmp_path / "spill")},
    )
    assert process.stdin is not None
    process.stdin.write(mixed_corpus(lines).encode("utf-8"))
    process.stdin.flush()
    wait_for_output(process, tmp_path / "out")
    time.sleep(0.3)
    return process


@pytest.fixture
def dirs(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    (tmp_path / "spill").mkdir()
    return tmp_path


def _names(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _finish(process: subprocess.Popen[bytes], timeout: float = 60) -> tuple[bytes, bytes]:
    assert process.stdin is not None
    process.stdin.close()
    process.stdin = None  # communicate() must not flush it again
    return process.communicate(timeout=timeout)


def test_kill_9_leaves_nothing_and_the_old_output_intact(dirs: Path) -> None:
    target = dirs / "out" / "out.jsonl"
    target.write_text("previous complete output\n")
    process = _start(dirs)
    process.kill()
    _finish(process)
    assert process.returncode == -signal.SIGKILL
    assert _names(dirs / "out") == ["out.jsonl"]
    assert target.read_text() == "previous complete output\n"


def _feed(stream: IO[bytes], data: bytes) -> None:
    with contextlib.suppress(OSError):  # the reader was killed
        stream.write(data)
        stream.close()


def test_kill_9_of_the_parent_alone_ends_its_workers_and_the_next_run_removes_its_spill(dirs: Path) -> None:
    # Input keeps coming, so the workers are busy with chunks when the parent dies.
    process = subprocess.Popen(
        [*cli_command(), "resolve", "-o", str(dirs / "out" / "out.jsonl"), "--jobs", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(dirs / "spill")},
    )
    assert process.stdin is not None
    feeder = threading.Thread(target=_feed, args=(process.stdin, mixed_corpus(60_000).encode()), daemon=True)
    feeder.start()
    deadline = time.monotonic() + 20
    while not _names(dirs / "spill"):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.5)
    workers = _children(process.pid)
    assert len(workers) >= 2
    try:
        os.kill(process.pid, signal.SIGKILL)  # the parent only: its workers are not signalled
        process.stdin = None
        _, stderr = process.communicate(timeout=20)
        deadline = time.monotonic() + 10
        while any(_running(worker) for worker in workers):
            assert time.monotonic() < deadline, "the workers outlived their parent"
            time.sleep(0.05)
    finally:
        for worker in workers:
            if _running(worker):
                os.kill(worker, signal.SIGKILL)
        feeder.join(timeout=20)
    assert b"Traceback" not in stderr  # an orphaned worker prints one when it finds the pipe gone
    assert _names(dirs / "out") == []
    (left,) = _names(dirs / "spill")
    assert left.startswith(f"rezept-fusho-{process.pid}-")

    again = _start(dirs, "--jobs", "2", lines=10)
    _finish(again)
    assert again.returncode == 0
    assert _names(dirs / "spill") == []
    assert _names(dirs / "out") == ["out.jsonl"]


def test_without_o_tmpfile_the_next_run_removes_the_dead_runs_part(dirs: Path) -> None:
    process = _start(dirs, command=NAMED_ONLY)
    process.kill()
    _finish(process)
    (left,) = _names(dirs / "out")
    assert left.startswith(f".out.jsonl.{process.pid}.")
    assert left.endswith(".part")

    again = _start(dirs, command=NAMED_ONLY, lines=10)
    _finish(again)
    assert _names(dirs / "out") == ["out.jsonl"]


def test_a_live_runs_part_is_never_removed(dirs: Path) -> None:
    first = _start(dirs, command=NAMED_ONLY, lines=10)
    (part,) = _names(dirs / "out")
    second = _start(dirs, lines=20)  # the same target, meanwhile (line 20 is broken)
    _finish(second)
    assert second.returncode == 1
    assert _names(dirs / "out") == sorted([part, "out.jsonl"])
    _finish(first)  # the first run then completes, and its output wins
    assert first.returncode == 0
    assert _names(dirs / "out") == ["out.jsonl"]
    assert len((dirs / "out" / "out.jsonl").read_bytes().splitlines()) == 10
