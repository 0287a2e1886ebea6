"""The top-level command: lazy registration of subcommands, --help and --version."""

from __future__ import annotations

import pytest

from rezept_fusho import __version__
from rezept_fusho.cli import COMMANDS, _command_in, build_parser, main


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["bogus"])
    assert info.value.code == 2
    assert "resolve" in capsys.readouterr().err  # every command was registered to say what is valid


@pytest.mark.parametrize(
    ("argv", "expected"),
    [(["resolve", "x.jsonl"], "resolve"), (["--version"], None), (["bogus"], None), ([], None)],
)
def test_command_in(argv: list[str], expected: str | None) -> None:
    assert _command_in(argv) == expected


def test_only_the_named_command_is_registered() -> None:
    parser = build_parser("rules")
    assert parser.parse_args(["rules"]).command == "rules"
    with pytest.raises(SystemExit):
        parser.parse_args(["resolve"])
