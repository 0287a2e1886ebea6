"""Golden files: hand-built 医科, 歯科 and 調剤 UKE files, their uke-check reports and patch outputs.

Regenerate after a reviewed change with ``UPDATE_GOLDEN=1`` (then read the diff before committing).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from uke.helpers import GOLDEN, run_cli

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
INPUTS = ["medical", "dental", "pharmacy", "medical_problems"]
PATCHED = ["medical", "dental", "pharmacy"]


def _compare(path: Path, actual: bytes) -> None:
    if UPDATE:
        path.write_bytes(actual)
    assert actual == path.read_bytes(), f"{path.name} differs; UPDATE_GOLDEN=1 to regenerate"


@pytest.mark.parametrize("name", INPUTS)
def test_check_report_text(name: str) -> None:
    result = run_cli("uke-check", GOLDEN / f"{name}.UKE")
    assert result.returncode == 1, result.stderr
    _compare(GOLDEN / f"{name}.check.txt", result.stdout)


@pytest.mark.parametrize("name", INPUTS)
def test_check_report_json(name: str) -> None:
    result = run_cli("uke-check", "--json", GOLDEN / f"{name}.UKE")
    assert result.returncode == 1
    objects = [json.loads(line) for line in result.stdout.decode().splitlines()]
    summary = objects[-1]["summary"]
    assert summary["status"] == "problems"
    assert summary["problems"] == len(objects) - 1
    text_lines = (GOLDEN / f"{name}.check.txt").read_bytes().decode().splitlines()
    assert [o["code"] for o in objects[:-1]] == [line.split("\t")[1] for line in text_lines[:-1]]


@pytest.mark.parametrize("name", PATCHED)
def test_patch_output(name: str, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.UKE"
    result = run_cli("uke-patch", GOLDEN / f"{name}.UKE", GOLDEN / f"{name}.resolutions.jsonl", "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    _compare(GOLDEN / f"{name}.patched.UKE", out.read_bytes())
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left


@pytest.mark.parametrize("name", PATCHED)
def test_patched_file_is_clean(name: str) -> None:
    result = run_cli("uke-check", GOLDEN / f"{name}.patched.UKE")
    assert result.returncode == 0, result.stdout.decode()
    assert result.stdout.decode().startswith("ok: 0 problem(s)")


def test_golden_inputs_are_cp932_crlf_with_eof_mark() -> None:
    for name in PATCHED:
        data = (GOLDEN / f"{name}.UKE").read_bytes()
        assert data.endswith(b"\r\n\x1a")
        data.decode("cp932")
