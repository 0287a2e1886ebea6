"""The line runner in-process (the subprocess tests cover behaviour, these the branches)."""

from __future__ import annotations

import io
import os
import signal
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from tests.integration.conftest import example_lines, mixed_corpus

from rezept_fusho.api import resolve_object
from rezept_fusho.cli import lines, main
from rezept_fusho.cli.io import MAX_LINE_BYTES, UNDECODABLE, decoded_lines, term_as_interrupt


class _Args:
    def __init__(self, file: str | None, output: str | None, *, jobs: int = 1, progress: bool | None = None):
        self.file = file
        self.output = output
        self.jobs = jobs
        self.progress = progress
        self.quiet = False
        self.max_line_bytes = MAX_LINE_BYTES


def test_file_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(example_lines()) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    assert main(["resolve", str(source), "-o", str(target), "--progress"]) == 0
    assert len(target.read_bytes().splitlines()) == len(example_lines())
    assert "errors" in capsys.readouterr().err


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    data = b"\xef\xbb\xbf" + mixed_corpus(20).encode("utf-8") + b"\xff\xfe\n\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["resolve", "-", "--jobs", "2", "-q"]) == 1
    captured = capsysbinary.readouterr()
    assert len(captured.out.splitlines()) == 21
    assert b'"invalid_json"' in captured.out.splitlines()[-1]
    assert captured.err == b""


def test_unreadable_input_and_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    source = tmp_path / "in.jsonl"
    source.write_text(example_lines()[0], encoding="utf-8")
    assert main(["resolve", str(source), "-o", str(tmp_path / "no" / "such" / "dir.jsonl")]) == 2
    assert "cannot write" in capsys.readouterr().err


_calls = 0


def _interrupting(obj: Mapping[str, Any]) -> BaseModel:
    global _calls  # noqa: PLW0603 - a counter for one test
    _calls += 1
    if _calls == 3:
        raise KeyboardInterrupt
    return resolve_object(obj)


def test_keyboard_interrupt_returns_130_and_removes_the_temporary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(example_lines()), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    status = lines.run(_Args(str(source), str(target)), _interrupting, id_field="claim_id", command="resolve")
    assert status == 130
    assert "interrupted" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl"]


def test_sigterm_becomes_an_interrupt_on_the_main_thread() -> None:
    def terminated() -> None:
        with term_as_interrupt():
            os.kill(os.getpid(), signal.SIGTERM)  # the handler runs before the next statement
            pytest.fail("SIGTERM did not interrupt")

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        terminated()
    assert signal.getsignal(signal.SIGTERM) is before


def test_other_threads_leave_signals_alone() -> None:
    seen: list[object] = []

    def body() -> None:
        with term_as_interrupt():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)]


def test_undecodable_line_is_its_own_record() -> None:
    assert list(decoded_lines(io.BytesIO(b"\xef\xbb\xbfa\n\xff\n"))) == ["a\n", UNDECODABLE]


@pytest.mark.parametrize("value", ["-1", "x"])
def test_bad_jobs_value(value: str) -> None:
    with pytest.raises(lines.argparse.ArgumentTypeError):
        lines._jobs(value)
