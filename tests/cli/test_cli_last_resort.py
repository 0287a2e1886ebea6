"""The last-resort handler of ``main`` (issue 10 item 7).

An exception no command expected is one line on stderr — its type and where it was raised, an OS
error's reason, never its message — and exit status 3, which no other outcome uses; never a
traceback and exit 1, which a script reads as "some records failed". Ctrl-C stays 130 and a
reader that goes away (``| head``) stays a quiet 1.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.integration.conftest import EXAMPLES

from rezept_fusho.cli import COMMANDS, INTERNAL_ERROR, main

SECRET = "山田太郎 東京都新宿区西新宿2-8-1 03-1234-5678"


def _raise(exc: BaseException) -> object:
    def command(_args: object) -> int:
        raise exc

    return command


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_ends_an_unexpected_exception_with_one_line_and_exit_3(
    name: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import importlib

    module = importlib.import_module(COMMANDS[name])
    monkeypatch.setattr(module, "run", _raise(RuntimeError(SECRET)))
    argv = {
        "guide": ["guide", "--date", "2025-07-10"],
        "uke-check": ["uke-check", "x.UKE"],
        "uke-patch": ["uke-patch", "x.UKE", "r.jsonl", "-o", "y.UKE"],
        "check-insurer": ["check-insurer", "01130012"],
        "schema": ["schema", "claim"],
    }.get(name, [name])
    assert main(argv) == INTERNAL_ERROR == 3
    captured = capfd.readouterr()
    assert captured.out == ""
    assert re.fullmatch(
        rf"rezept-fusho {name}: internal error \(RuntimeError at test_cli_last_resort\.py:[0-9]+\); exit status 3\n",
        captured.err,
    )


def test_an_os_error_says_why_but_not_which_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import rezept_fusho.cli.resolve as resolve_command

    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"/data/{SECRET}.jsonl")
    monkeypatch.setattr(resolve_command, "run", _raise(full))
    assert main(["resolve"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("rezept-fusho resolve: No space left on device (OSError at ")
    assert "山田" not in err


def test_an_exception_while_building_the_parser_is_caught_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rezept_fusho import cli

    def broken(_only: str | None = None) -> object:
        raise ImportError(SECRET)

    monkeypatch.setattr(cli, "build_parser", broken)
    assert main(["rules"]) == 3
    assert capsys.readouterr().err.startswith("rezept-fusho rules: internal error (ImportError at ")
    assert main([]) == 3
    assert capsys.readouterr().err.startswith("rezept-fusho: internal error (ImportError at ")


def test_an_exception_without_a_traceback_is_named() -> None:
    from rezept_fusho import cli

    assert cli._where(ValueError(SECRET)) == "ValueError"


def test_ctrl_c_in_any_command_is_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import rezept_fusho.cli.rules as rules_command

    monkeypatch.setattr(rules_command, "run", _raise(KeyboardInterrupt()))
    assert main(["rules"]) == 130
    assert capsys.readouterr().err == "\nrezept-fusho rules: interrupted\n"


@pytest.mark.slow
def test_a_real_process_gets_no_traceback(tmp_path: Path) -> None:
    # A failure deep inside the batch (here: every chunk fails to serialise) in a real process.
    code = (
        "import sys; from rezept_fusho import jsonl\n"
        "def broken(*args): raise MemoryError\n"
        "jsonl.process_chunk = broken\n"
        "from rezept_fusho.cli import main; sys.exit(main())"
    )
    target = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", code, "resolve", str(EXAMPLES), "-o", str(target)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert result.stdout == b""
    assert result.stderr.decode().startswith("rezept-fusho resolve: internal error (MemoryError at ")
    assert result.stderr.count(b"\n") == 1
    assert list(tmp_path.iterdir()) == []  # no -o file, not even half of one
