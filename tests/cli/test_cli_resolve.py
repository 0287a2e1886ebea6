"""``rezept-fusho resolve`` as a user runs it (subprocess): the JSON Lines contract of the issue.

One output line per non-blank input line, in input order, error records with
the right 1-based line numbers; exit 0 / 1 / 2. Traces to rules.md §10
T03, T10, T11 (examples/claims.jsonl) and the CLI contract.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import run_cli
from jsonl_lines import process_line
from rezept_fusho.api import resolve_object
from rezept_fusho.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "claims.jsonl"

GOOD = {
    "claim_id": "good-1",
    "service_date": "2025-07-10",
    "current_qualification": {"insurer_number": "01130012", "number": "89"},
}
FUSHO = {
    "claim_id": "good-2",
    "service_date": "2025-07-10",
    "declaration": {
        "kana_name": "ﾔﾏﾀﾞ ﾀﾛｳ",
        "insurance_kind": "national",
        "addresses": ["東京都新宿区1-1"],
        "contact": "03-0000-0000",
        "contacted_on": "2025-07-20",
    },
}


def _run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return run_cli(*args, stdin=stdin, cwd=cwd)


def _objects(stdout: bytes) -> list[dict[str, object]]:
    text = stdout.decode("utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def _line(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    lines = [
        _line(GOOD),  # 1
        b"",  # 2 blank
        b"{not json",  # 3
        b"[1, 2, 3]",  # 4
        b"   ",  # 5 blank (spaces)
        b'{"claim_id": "bad-bytes", "x": "\xff\xfe"}',  # 6 not UTF-8
        _line({**GOOD, "claim_id": "unknown-field", "colour": "red"}),  # 7
        _line(
            {
                **GOOD,
                "claim_id": "bad-check",
                "current_qualification": {"insurer_number": "01130013", "number": "1"},
            }
        ),  # 8
        b"\t",  # 9 blank (tab)
        _line(FUSHO),  # 10
    ]
    path = tmp_path_factory.mktemp("mixed") / "claims.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n\n")
    return path, _run("resolve", str(path))


def test_mixed_batch_exit_1_and_one_line_per_non_blank_line(mixed_batch) -> None:
    _path, result = mixed_batch
    assert result.returncode == 1
    out = _objects(result.stdout)
    assert len(out) == 7
    assert [o.get("line") for o in out] == [None, 3, 4, 6, 7, 8, None]


def test_mixed_batch_records_in_order(mixed_batch) -> None:
    _path, result = mixed_batch
    out = _objects(result.stdout)
    assert out[0]["claim_id"] == "good-1"
    assert out[0]["basis"] == "current"
    assert out[1] == {"claim_id": None, "line": 3, "error": out[1]["error"]}
    assert out[1]["error"]["code"] == "invalid_json"
    assert out[2]["error"]["code"] == "not_an_object"
    assert out[2]["claim_id"] is None
    assert out[3]["error"]["code"] == "invalid_json"
    assert out[4]["error"] == {
        "code": "unknown_field",
        "message": out[4]["error"]["message"],
        "field": "colour",
    }
    assert out[4]["claim_id"] == "unknown-field"
    assert out[5]["claim_id"] == "bad-check"
    assert out[5]["error"]["code"] == "invalid_checksum"
    assert out[5]["error"]["field"] == "current_qualification.insurer_number"
    assert out[6]["claim_id"] == "good-2"
    assert out[6]["basis"] == "fusho"
    assert out[6]["payer"] == "kokuho_rengokai"
    for record in out[1:6]:
        assert " / " in record["error"]["message"]  # Japanese / English


@pytest.mark.slow
def test_stdin_with_dash_and_without_file() -> None:
    data = _line(GOOD) + b"\n" + _line(FUSHO) + b"\n"
    with_dash = _run("resolve", "-", stdin=data)
    without = _run("resolve", stdin=data)
    assert with_dash.returncode == 0
    assert without.returncode == 0
    assert with_dash.stdout == without.stdout
    assert [o["claim_id"] for o in _objects(with_dash.stdout)] == ["good-1", "good-2"]


@pytest.mark.slow
def test_bom_and_crlf_input() -> None:
    data = b"\xef\xbb\xbf" + _line(GOOD) + b"\r\n\r\n" + _line(FUSHO) + b"\r\n"
    result = _run("resolve", stdin=data)
    assert result.returncode == 0, result.stdout
    assert [o["basis"] for o in _objects(result.stdout)] == ["current", "fusho"]


@pytest.mark.slow
def test_unknown_option_is_usage_error() -> None:
    result = _run("resolve", "--no-such-option", stdin=b"")
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"--no-such-option" in result.stderr


@pytest.mark.slow
def test_unreadable_file_is_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    result = _run("resolve", str(missing))
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"cannot read" in result.stderr
    directory = _run("resolve", str(tmp_path))
    assert directory.returncode == 2


@pytest.mark.slow
def test_output_file_written_atomically(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_line(GOOD) + b"\n" + b"{bad\n")
    out = tmp_path / "out.jsonl"
    result = _run("resolve", str(src), "-o", str(out))
    assert result.returncode == 1
    assert result.stdout == b""
    objects = _objects(out.read_bytes())
    assert [o.get("line") for o in objects] == [None, 2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


@pytest.mark.slow
def test_examples_file() -> None:
    result = _run("resolve", str(EXAMPLES))
    assert result.returncode == 0, result.stdout
    out = _objects(result.stdout)
    assert len(out) == 6
    assert {o["basis"] for o in out} == {"current", "past", "fusho"}
    by_id = {o["claim_id"]: o for o in out}
    assert by_id["T01-fusho-late-elderly"]["number"] == "77777777"
    assert by_id["T09-fusho-unknown-kind"]["insurer_number"] == "77777779"
    assert by_id["kokuho-6-digit"]["payer"] == "kokuho_rengokai"
    assert by_id["T10-past-kyu-shikaku"]["insurer_number"] == "06132013"


@pytest.mark.slow
def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rezept_fusho.cli", "resolve", str(EXAMPLES)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 6


# In-process runs of the same entry point (the subprocesses above are invisible to coverage).


def test_main_in_process_file_and_stdin(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + _line(GOOD) + b"\n\n\xff\n")
    assert main(["resolve", str(src)]) == 1
    out = _objects(capsysbinary.readouterr().out)
    assert [o.get("line") for o in out] == [None, 3]
    assert out[1]["error"]["code"] == "invalid_json"

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_line(FUSHO) + b"\n")))
    assert main(["resolve"]) == 0
    assert _objects(capsysbinary.readouterr().out)[0]["basis"] == "fusho"


def test_main_in_process_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_line(GOOD) + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["resolve", str(src), "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["basis"] == "current"
    assert capsys.readouterr().out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_main_in_process_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", str(tmp_path / "missing.jsonl")]) == 2
    assert "rezept-fusho resolve: cannot read" in capsys.readouterr().err
    src = tmp_path / "in.jsonl"
    src.write_bytes(_line(GOOD) + b"\n")
    assert main(["resolve", str(src), "-o", str(tmp_path / "no-such-dir" / "out.jsonl")]) == 2
    assert "cannot write" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["resolve", "--bogus"])
    assert exit_info.value.code == 2


def test_output_file_removed_partial_on_failure(tmp_path: Path) -> None:
    from rezept_fusho.cli import io as cli_io

    target = tmp_path / "out.jsonl"

    def interrupted_write() -> None:
        with cli_io.open_output(str(target)) as out:
            out.write(b"half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted_write()
    assert list(tmp_path.iterdir()) == []


def test_jobs_keep_input_order_and_quiet(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rezept_fusho import jsonl

    monkeypatch.setattr(jsonl, "CHUNK_SIZE", 3)
    lines = [_line({**GOOD, "claim_id": f"c{i}"}) if i % 4 else b"{bad" for i in range(20)]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["resolve", str(src), "--quiet"]) == 1
    serial = capsysbinary.readouterr()
    assert serial.err == b""
    assert main(["resolve", str(src), "-j", "2", "--progress"]) == 1
    parallel = capsysbinary.readouterr()
    assert parallel.out == serial.out
    assert [o.get("line") for o in _objects(parallel.out)][:5] == [1, None, None, None, 5]
    assert b"20 records, 15 resolved, 5 errors" in parallel.err
    with pytest.raises(SystemExit) as exit_info:
        main(["resolve", str(src), "-j", "-1"])
    assert exit_info.value.code == 2


def test_lone_surrogate_escape_is_one_record() -> None:
    result = process_line('{"claim_id": "\\ud800x"}', 4, resolve_object)
    output = json.loads(result.text)
    assert output["line"] == 4
    assert output["claim_id"] == "\ud800x"
    assert "error" in output


def test_lone_surrogate_gets_a_stable_code() -> None:
    result = process_line('{"claim_id": "\\ud800x", "service_date": "2025-07-10"}', 1, resolve_object)
    error = json.loads(result.text)["error"]
    assert error["code"] != "string_unicode"
    assert error["message"].split(" / ")[0] != error["message"].split(" / ")[-1]


def test_broken_pipe_stops_quietly(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import rezept_fusho.cli.resolve as resolve_command

    def reader_went_away(_args: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(resolve_command, "run", reader_went_away)
    assert main(["resolve", str(EXAMPLES)]) == 1
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.slow
def test_reader_closing_the_pipe_gets_no_traceback(tmp_path: Path) -> None:
    claims = tmp_path / "many.jsonl"
    line = EXAMPLES.read_text(encoding="utf-8").splitlines()[0]
    claims.write_text((line + "\n") * 20000, encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from rezept_fusho.cli import main; raise SystemExit(main())",
            "resolve",
            "-q",
            str(claims),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in stderr
