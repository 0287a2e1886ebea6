"""uke-check and uke-patch run as a user runs them: exit status 0 / 1 / 2 and their output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from uke.helpers import CLAIM_INFO, FUSHO, GO, GOLDEN, IR, cli_command, medical_re, resolution, run_cli, uke

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow


def test_check_clean_file_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ok.UKE"
    path.write_bytes(uke(IR, GO))
    result = run_cli("uke-check", path)
    assert result.returncode == 0
    assert result.stdout.decode() == "ok: 0 problem(s), 0 receipt(s), 2 record(s)\n"
    result = run_cli("uke-check", "--json", path)
    assert json.loads(result.stdout)["summary"] == {
        "status": "ok",
        "kind": "medical",
        "receipts": 0,
        "records": 2,
        "problems": 0,
    }


def test_check_unreadable_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.UKE"
    path.write_bytes(b"IR,1\r\nHO,\x85\x40\r\n")
    result = run_cli("uke-check", path)
    assert result.returncode == 2
    assert "2:HO:#2\tundecodable" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    result = run_cli("uke-check", "--json", path)
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["code"] == "undecodable"
    result = run_cli("uke-check", tmp_path / "missing.UKE")
    assert result.returncode == 2
    assert "cannot read" in result.stderr.decode()
    result = run_cli("uke-check", "--comment-max-bytes", "0", path)
    assert result.returncode == 2


def test_check_options_from_the_command_line() -> None:
    result = run_cli(
        "uke-check",
        "--comment-max-bytes",
        "200",
        "--card-max-bytes",
        "40",
        "--check-recipient-digit",
        GOLDEN / "medical_problems.UKE",
    )
    assert result.returncode == 1
    assert "too_long" not in result.stdout.decode()


def test_patch_writes_and_refuses(tmp_path: Path) -> None:
    source = tmp_path / "in.UKE"
    source.write_bytes(uke(IR, medical_re(1, claim_info=CLAIM_INFO), "HO,01130012,,1,,,,,,,,,,,", GO))
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(resolution("1", **FUSHO), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.UKE"
    result = run_cli("uke-patch", source, good, "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    assert "1 receipt(s) patched" in result.stderr.decode()
    assert run_cli("uke-check", out).returncode == 0

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(resolution("9")) + "\n", encoding="utf-8")
    refused = tmp_path / "refused.UKE"
    result = run_cli("uke-patch", source, bad, "-o", refused)
    assert result.returncode == 1
    assert "receipt_not_found" in result.stderr.decode()
    assert not refused.exists()
    result = run_cli("uke-patch", "--json", source, bad, "-o", refused)
    assert json.loads(result.stdout.splitlines()[0])["code"] == "receipt_not_found"
    assert {p.name for p in tmp_path.iterdir()} == {"in.UKE", "good.jsonl", "out.UKE", "bad.jsonl"}


def test_patch_usage_errors_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "in.UKE"
    source.write_bytes(b"IR,\x85\x40\r\n")
    res = tmp_path / "r.jsonl"
    res.write_text(json.dumps(resolution("1")) + "\n", encoding="utf-8")
    assert run_cli("uke-patch", source, tmp_path / "none.jsonl", "-o", tmp_path / "o").returncode == 2
    result = run_cli("uke-patch", source, res, "-o", tmp_path / "o")
    assert result.returncode == 2
    assert "undecodable" in result.stderr.decode()
    assert run_cli("uke-patch", source, res, "-o", tmp_path / "o", "--card-max-bytes", "1").returncode == 2
    assert not (tmp_path / "o").exists()


def test_patch_created_at_strict_and_pre_existing(tmp_path: Path) -> None:
    source = tmp_path / "in.UKE"
    source.write_bytes(uke(IR, medical_re(1), "HO,01130012,,1,,,,,,,,,,,", GO, eof=False))
    res = tmp_path / "r.jsonl"
    res.write_text(json.dumps(resolution("1", **FUSHO), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.UKE"
    refused = run_cli("uke-patch", source, res, "-o", out)
    assert refused.returncode == 1
    assert "refused: 2:RE:#21請求情報\tclaim_info_unusable" in refused.stderr.decode()
    result = run_cli("uke-patch", source, res, "-o", out, "--created-at", "20261201090000")
    assert result.returncode == 0, result.stderr.decode()
    assert "pre-existing: 4\teof_mark_missing" in result.stderr.decode()
    assert "1 pre-existing problem(s) left as they were" in result.stderr.decode()
    result = run_cli("uke-patch", "--json", source, res, "-o", out, "--created-at", "20261201090000")
    assert json.loads(result.stdout.splitlines()[0])["status"] == "pre-existing"
    strict = run_cli(
        "uke-patch", "--strict", source, res, "-o", tmp_path / "s.UKE", "--created-at", "20261201090000"
    )
    assert strict.returncode == 1
    assert not (tmp_path / "s.UKE").exists()
    assert run_cli("uke-patch", source, res, "-o", out, "--created-at", "2026").returncode == 2
    assert run_cli("uke-patch", source, res, "-o", tmp_path).returncode == 2  # a directory: refused first


def test_check_reads_stdin_and_the_kind_options(tmp_path: Path) -> None:
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO[:16] + "1"), "HO,01130012,,1,,,,,,,,,,,", GO)
    result = subprocess.run([*cli_command(), "uke-check", "-"], input=data, capture_output=True, check=False)
    assert result.returncode == 1
    assert "fusho_flag_with_real_insurer" in result.stdout.decode()
    result = subprocess.run(
        [*cli_command(), "uke-check", "--flag-kinds", "none", "-"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout.decode()
    assert run_cli("uke-check", "--flag-kinds", "medical,veterinary", "-").returncode == 2


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="a FIFO as the source, O_TMPFILE")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_stopped_patch_leaves_nothing_behind(tmp_path: Path, sig: signal.Signals) -> None:
    # The source is a FIFO fed half a file, so the patch is certainly mid-way when the signal comes.
    source = tmp_path / "in.UKE"
    os.mkfifo(source)
    res = tmp_path / "r.jsonl"
    res.write_text(json.dumps(resolution("1", **FUSHO), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [
            *cli_command(),
            "uke-patch",
            source,
            res,
            "-o",
            out / "patched.UKE",
            "--created-at",
            "20261201090000",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    with open(source, "wb") as fifo:
        fifo.write(uke(IR, medical_re(1), "HO,01130012,,1,,,,,,,,,,,")[:-2])
        fifo.flush()
        time.sleep(0.5)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == (130 if sig != signal.SIGKILL else -signal.SIGKILL)
    assert b"Traceback" not in stderr
    assert list(out.iterdir()) == []  # no output, no temporary file
