"""Helpers for running the command as a user does: a subprocess, bytes in and out."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from cli_runner import cli_command, run_cli

__all__ = ["cli_command", "run_cli"]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "claims.jsonl"


def example_lines() -> list[str]:
    return [line for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def mixed_corpus(count: int) -> str:
    """*count* lines cycling through the examples, every 20th line broken; claim ids unique."""
    examples = [json.loads(line) for line in example_lines()]
    lines = []
    for index in range(count):
        if index % 20 == 19:
            lines.append('{"claim_id": "broken", ')
            continue
        claim = dict(examples[index % len(examples)])
        claim["claim_id"] = f"c{index}"
        lines.append(json.dumps(claim, ensure_ascii=False))
    return "\n".join(lines) + "\n"


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.jsonl"
    path.write_text(mixed_corpus(4500), encoding="utf-8")
    return path


def output_is_open(pid: int, directory: Path) -> bool:
    """Whether process *pid* has its output open in *directory*: a named ``.part``, or (Linux) an
    unnamed ``O_TMPFILE`` file, which ``/proc/PID/fd`` shows as ``DIRECTORY/#INODE (deleted)``."""
    if any(directory.glob(".*.part")):
        return True
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return False
    return any(link.startswith(f"{directory}/#") for link in links)


def wait_for_output(process: subprocess.Popen[bytes], directory: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not output_is_open(process.pid, directory):
        assert process.poll() is None, "the command ended before opening its output"
        assert time.monotonic() < deadline, "the output file was never opened"
        time.sleep(0.02)
