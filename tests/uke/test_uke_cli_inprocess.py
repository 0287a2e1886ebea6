"""The two commands called in-process through ``main`` (the subprocess tests cover what a user sees)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rezept_fusho.cli import main
from uke.helpers import CLAIM_INFO, FUSHO, GO, GOLDEN, IR, medical_re, resolution, uke


def test_uke_check_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok = tmp_path / "ok.UKE"
    ok.write_bytes(uke(IR, GO))
    assert main(["uke-check", str(ok)]) == 0
    assert main(["uke-check", "--json", str(GOLDEN / "medical_problems.UKE")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok:")
    assert json.loads(out[-1])["summary"]["problems"] == 25
    assert main(["uke-check", str(GOLDEN / "medical.UKE")]) == 1
    assert "insurer_number_format" in capsys.readouterr().out
    bad = tmp_path / "bad.UKE"
    bad.write_bytes(b"IR,\x85\x40\r\n")
    assert main(["uke-check", str(bad)]) == 2
    assert main(["uke-check", "--json", str(bad)]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["position"] == 2
    assert main(["uke-check", str(tmp_path / "none.UKE")]) == 2
    assert main(["uke-check", "--card-max-bytes", "1", str(ok)]) == 2


def test_uke_patch_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.UKE"
    source.write_bytes(uke(IR, medical_re(1, claim_info=CLAIM_INFO), "HO,01130012,,1,,,,,,,,,,,", GO))
    res = tmp_path / "r.jsonl"
    res.write_text(json.dumps(resolution("1", **FUSHO), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.UKE"
    assert main(["uke-patch", str(source), str(res), "-o", str(out)]) == 0
    missing = tmp_path / "m.jsonl"
    missing.write_text(json.dumps(resolution("5")), encoding="utf-8")
    assert main(["uke-patch", str(source), str(missing), "-o", str(tmp_path / "x")]) == 1
    assert main(["uke-patch", "--json", str(source), str(missing), "-o", str(tmp_path / "x")]) == 1
    assert json.loads(capsys.readouterr().out)["code"] == "receipt_not_found"
    assert main(["uke-patch", str(source), str(tmp_path / "none"), "-o", str(tmp_path / "x")]) == 2
    assert (
        main(["uke-patch", str(source), str(res), "-o", str(tmp_path / "x"), "--comment-max-bytes", "1"]) == 2
    )
    bad = tmp_path / "bad.UKE"
    bad.write_bytes(b"IR,\x85\x40\r\n")
    assert main(["uke-patch", str(bad), str(res), "-o", str(tmp_path / "x")]) == 2
    assert not (tmp_path / "x").exists()


def test_uke_check_reads_stdin_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    class _Stdin:
        buffer = io.BytesIO(uke(IR, GO))

    monkeypatch.setattr(sys, "stdin", _Stdin())
    assert main(["uke-check", "-"]) == 0
    assert capsys.readouterr().out.startswith("ok:")
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(b"IR,\x85\x40\r\n")})())
    assert main(["uke-check", "-"]) == 2
    assert "stdin" in capsys.readouterr().err


def test_flag_kinds_argument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok = tmp_path / "ok.UKE"
    ok.write_bytes(uke(IR, GO))
    assert main(["uke-check", "--flag-kinds", "medical, dental", str(ok)]) == 0
    assert main(["uke-check", "--flag-kinds", "none", str(ok)]) == 0
    with pytest.raises(SystemExit) as info:
        main(["uke-check", "--flag-kinds", "veterinary", str(ok)])
    assert info.value.code == 2
    assert "unknown receipt kinds" in capsys.readouterr().err


def test_uke_patch_refuses_a_directory_or_a_missing_parent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.UKE"
    source.write_bytes(uke(IR, GO))
    res = tmp_path / "r.jsonl"
    res.write_text("", encoding="utf-8")
    assert main(["uke-patch", str(source), str(res), "-o", str(tmp_path)]) == 2
    assert main(["uke-patch", str(source), str(res), "-o", str(tmp_path / "no" / "x.UKE")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert main(["uke-patch", str(source), str(res), "-o", str(tmp_path / "x.UKE"), "--created-at", "1"]) == 2
