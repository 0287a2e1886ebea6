"""``-o``: checked before any work, written with the umask's mode (issue 10 items 6 and 11).

An output that cannot be written — a directory, a missing directory — is exit 2 with one line on
stderr before a single input line is read (the tests keep stdin open: a command that read first
would wait for it). A new file gets 0666 less the umask; a replaced file keeps its mode.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from tests.integration.conftest import cli_command, example_lines

from rezept_fusho.cli import main

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow

SITUATION = '{"situation_id": "s1", "service_date": "2025-07-10", "case": "outage", "visit": "first"}\n'


@pytest.mark.parametrize(
    "args",
    [["resolve", "-"], ["triage", "-"], ["guide", "--date", "2025-07-10"]],
    ids=["resolve", "triage", "guide"],
)
@pytest.mark.parametrize("where", ["directory", "missing"])
def test_an_unwritable_output_fails_first_with_exit_2(tmp_path: Path, args: list[str], where: str) -> None:
    target = tmp_path if where == "directory" else tmp_path / "missing" / "out"
    with subprocess.Popen(
        [*cli_command(), *args, "-o", str(target)],
        stdin=subprocess.PIPE,  # left open: a command that read its input first would wait here
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        try:
            assert process.wait(timeout=20) == 2
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail("the command read its input before checking its output")
        stdout, stderr = process.stdout.read(), process.stderr.read()
    assert stdout == b""
    message = stderr.decode()
    assert message.count("\n") == 1
    assert "Traceback" not in message
    expected = "Is a directory" if where == "directory" else "No such file or directory"
    assert message == f"rezept-fusho {args[0]}: cannot write {target}: {expected}\n"
    assert sorted(tmp_path.iterdir()) == []


def _run_with_umask(umask: int, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*cli_command(), *args], input=stdin, capture_output=True, timeout=60, check=False, umask=umask
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_output_file_honours_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    claims = "\n".join(example_lines()).encode()
    for name, args, stdin in (
        ("r.jsonl", ["resolve", "-q"], claims),
        ("t.jsonl", ["triage", "-q"], SITUATION.encode()),
        ("g.html", ["guide", "--date", "2025-07-10"], b""),
    ):
        result = _run_with_umask(umask, *args, "-o", str(tmp_path / name), stdin=stdin)
        assert result.returncode == 0, result.stderr
        assert _mode(tmp_path / name) == mode, name


def test_a_replaced_output_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    result = _run_with_umask(0o077, "resolve", "-q", "-o", str(target), stdin=example_lines()[0].encode())
    assert result.returncode == 0
    assert _mode(target) == 0o640
    assert json.loads(target.read_text())["claim_id"]


def test_the_output_is_opened_before_the_guide_is_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rezept_fusho.cli import guide

    def never(*_args: object) -> str:
        raise AssertionError("rendered before the output was checked")

    monkeypatch.setattr(guide, "render", never)
    assert main(["guide", "--date", "2025-07-10", "-o", str(tmp_path)]) == 2
    assert "Is a directory" in capsys.readouterr().err


def test_a_failure_to_put_the_file_in_place_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rezept_fusho.atomic_file import AtomicFile

    def refused(self: AtomicFile) -> None:
        self.discard()
        raise PermissionError(13, os.strerror(13))

    monkeypatch.setattr(AtomicFile, "commit", refused)
    source = tmp_path / "in.jsonl"
    source.write_text(example_lines()[0])
    assert main(["resolve", "-q", str(source), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert capsys.readouterr().err.endswith(
        "cannot write " + str(tmp_path / "out.jsonl") + ": Permission denied\n"
    )
