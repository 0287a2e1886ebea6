"""``rezept-fusho check-insurer`` as a user runs it: valid, invalid and placeholder numbers.

Traces to rules.md §10 T26 (77777777 / 99999999 bypass the check digit,
77777779 passes it) and uke-format.md §8 (real numbers).
"""

from __future__ import annotations

import json
import subprocess

import pytest

from cli_runner import run_cli_text
from rezept_fusho.api import describe_insurer as describe
from rezept_fusho.cli import main
from rezept_fusho.cli.check_insurer import _text

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli_text("check-insurer", *args)


def test_valid_numbers_exit_0_text() -> None:
    result = _run("01130012", "133066", "39130000")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].split("\t")[:2] == ["01130012", "valid"]
    assert "法別01 全国健康保険協会管掌健康保険" in lines[0]
    assert lines[0].endswith("shiharai_kikin")
    assert "法別-- 国民健康保険（市町村・国保組合）" in lines[1]
    assert lines[1].endswith("kokuho_rengokai")
    assert lines[2].endswith("kokuho_rengokai")


def test_invalid_number_exit_1_and_others_still_reported() -> None:
    result = _run("01130013", "77777777", "０１０４００１３")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:2] == ["01130013", "invalid_checksum"]
    assert lines[1].split("\t")[:2] == ["77777777", "placeholder"]
    assert lines[2].split("\t")[:2] == ["01040013", "valid"]


def test_placeholders_only_exit_0() -> None:
    result = _run("77777777", "77777779", "99999999")
    assert result.returncode == 0
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["placeholder"] * 3


def test_json_output() -> None:
    result = _run("--json", "54136015", "0113001", "12345678")
    assert result.returncode == 1
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert reports[0]["valid"] is True
    assert reports[0]["law_code"] == "54"
    assert reports[0]["law_name"] is None
    assert reports[0]["known_components"] is False
    assert reports[0]["uke_form"] == "54136015"
    assert reports[1]["code"] == "invalid_length"
    assert reports[1]["valid"] is False
    assert reports[2]["code"] == "invalid_checksum"


def test_no_number_is_usage_error() -> None:
    result = _run()
    assert result.returncode == 2
    assert result.stdout == ""


def test_describe_unknown_law_text_and_kokuho_form() -> None:
    report = describe("133066")
    assert report["uke_form"] == "  133066"
    assert report["law_code"] is None
    assert report["prefecture"] == "13"
    assert describe("٠١١٣٠٠１２")["code"] == "invalid_format"
    assert "不明な法別" in _text(describe("05130018"))


def test_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-insurer", "--json", "01130012", "999999"]) == 0
    reports = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert reports[0]["payer"] == "shiharai_kikin"
    assert reports[1] == {
        "input": "999999",
        "number": "999999",
        "valid": False,
        "placeholder": True,
        "code": "placeholder",
        "message": reports[1]["message"],
    }
    assert main(["check-insurer", "0113001３"]) == 1
    assert capsys.readouterr().out.startswith("0113001３\tinvalid_checksum\t")
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
