"""What a line is, and the limits on one: blank lines, nesting, line length, echoed ids (issue 10).

- Blank is ASCII space, tab, CR and LF only; input splits on LF only. A line of U+3000, U+2028,
  VT, FF, FS or NEL is an ``invalid_json`` record, so every other line still gets one output.
- Nesting deeper than ``MAX_DEPTH`` is ``invalid_json`` with or without orjson.
- A line longer than ``--max-line-bytes`` (default 1 MiB) is a ``line_too_long`` record, read
  without ever holding more than the limit.
- An id longer than ``MAX_ID_LENGTH`` is an ``id_too_long`` record that does not echo it.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from tests.integration.conftest import cli_command, run_cli

import jsonl_lines
from rezept_fusho import jsonl
from rezept_fusho.api import resolve_object, triage_object
from rezept_fusho.cli import lines
from rezept_fusho.cli.io import MAX_LINE_BYTES, UNDECODABLE, decoded_lines
from rezept_fusho.jsonl import MAX_DEPTH, MAX_ID_LENGTH, TooLong

GOOD = {
    "claim_id": "good",
    "service_date": "2025-07-10",
    "current_qualification": {"insurer_number": "01130012", "number": "89"},
}
SITUATION = {"situation_id": "s1", "service_date": "2025-07-10", "case": "outage", "visit": "first"}


def _line(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def _records(stdout: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.decode("utf-8").split("\n") if line]


# Blank lines (item 8)

NOT_BLANK = ["\u3000", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u00a0", "\ufeff"]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["resolve", "triage"])
def test_a_line_of_unicode_space_is_a_record_not_a_blank(command: str) -> None:
    good = GOOD if command == "resolve" else SITUATION
    data = b"".join(char.encode("utf-8") + b"\n" for char in NOT_BLANK)
    data += b"\x85\n"  # NEL as a raw byte: not UTF-8 either
    data += b" \t \r\n\n\r\n" + _line(good)  # ASCII blanks: no output
    result = run_cli(command, "-q", stdin=data)
    records = _records(result.stdout)
    assert result.returncode == 1
    assert len(records) == len(NOT_BLANK) + 2
    assert [r["line"] for r in records[:-1]] == list(range(1, len(NOT_BLANK) + 2))
    assert {r["error"]["code"] for r in records[:-1]} == {"invalid_json"}
    assert records[-1].get("line") is None  # the good line, after three blank ones


@pytest.mark.slow
def test_input_is_split_on_lf_only() -> None:
    # U+2028, U+0085 and FF inside a line are part of it (str.splitlines would split there).
    claim = {**GOOD, "claim_id": "a\u2028b\x85c\x0cd"}
    data = _line(claim) + b'{"claim_id": "x\xe2\x80\xa8y"}\n'
    lines = list(decoded_lines(io.BytesIO(data)))
    assert len(lines) == 2
    result = run_cli("resolve", "-q", stdin=data)
    records = _records(result.stdout)
    assert [r["claim_id"] for r in records] == ["a\u2028b\x85c\x0cd", "x\u2028y"]


def test_numbered_skips_only_ascii_blank_lines() -> None:
    lines = ["", " ", "\t\r\n", "\u3000", "\x0c\n", "x"]
    assert [number for number, _ in jsonl.numbered(lines)] == [4, 5, 6]


# Nesting (item 9)


def _nested(depth: int) -> str:
    return '{"claim_id": "deep", "service_date": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


def _codes(lines: list[str]) -> list[str]:
    data = b"".join(chunk.data for chunk in jsonl.process_chunks(lines, resolve_object))
    return [json.loads(line)["error"]["code"] for line in data.splitlines()]


DEPTHS = [2, 10, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 500, *range(985, 1030, 3), 5000]


def test_the_result_is_the_same_with_and_without_orjson_at_every_depth(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [_nested(depth) for depth in DEPTHS]
    lines += ["[" * depth + "]" * depth for depth in DEPTHS]
    assert jsonl.orjson is not None, "the fast extra is installed in CI: both paths must run"
    fast = _codes(lines)
    monkeypatch.setattr(jsonl, "orjson", None)
    assert _codes(lines) == fast
    by_depth = dict(zip(DEPTHS, fast, strict=False))
    assert by_depth[MAX_DEPTH] == "invalid_date"  # parsed: the list is the wrong type for a date
    assert all(by_depth[depth] == "invalid_json" for depth in DEPTHS if depth > MAX_DEPTH)


def test_too_deep_says_so() -> None:
    record = json.loads(jsonl_lines.process_line(_nested(MAX_DEPTH + 1), 9, resolve_object).text)
    assert record == {"claim_id": None, "line": 9, "error": record["error"]}
    assert record["error"]["code"] == "invalid_json"
    assert f"{MAX_DEPTH}" in record["error"]["message"]
    assert " / " in record["error"]["message"]


def test_brackets_inside_strings_do_not_count() -> None:
    brackets = '[{\\"' * 200  # escaped quotes too: the string does not end early
    line = (
        json.dumps({**GOOD, "claim_id": "x"})[:-1] + f', "options": {{"past_summary_note": "{brackets}"}}}}'
    )
    json.loads(line)
    record = json.loads(jsonl_lines.process_line(line, 1, resolve_object).text)
    assert record["basis"] == "current"
    assert jsonl.loads("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


@pytest.mark.slow
def test_deep_nesting_on_the_command_line() -> None:
    data = "\n".join(_nested(depth) for depth in (MAX_DEPTH, 1000, 1023)).encode() + b"\n"
    records = _records(run_cli("resolve", "-q", stdin=data).stdout)
    assert [r["error"]["code"] for r in records] == ["invalid_date", "invalid_json", "invalid_json"]


# Line length (item 10)


class _CountingReader(io.BytesIO):
    """A stream that remembers the most bytes one read handed out."""

    largest = 0

    def readline(self, size: int | None = -1, /) -> bytes:
        data = super().readline(size)
        self.largest = max(self.largest, len(data))
        return data


def _lines(data: bytes, limit: int) -> tuple[list[object], int]:
    stream = _CountingReader(data)
    return list(decoded_lines(stream, limit)), stream.largest


def test_a_line_over_the_limit_is_too_long_and_never_held_whole() -> None:
    data = (
        b"a" * 10 + b"\n" + b"b" * 10 + b"\r\n" + b"c" * 11 + b"\n" + b"d" * 100_000 + b"\nok\n" + b"e" * 11
    )
    lines, largest = _lines(data, 10)
    assert lines == ["a" * 10 + "\n", "b" * 10 + "\r\n", TooLong(10), TooLong(10), "ok\n", TooLong(10)]
    assert largest <= 12  # the limit and a CR LF: never the 100,000-byte line


def test_the_limit_counts_bytes_not_characters() -> None:
    lines, _ = _lines("不詳".encode() + b"\n" + "不詳x".encode() + b"\n", 6)
    assert lines == ["不詳\n", TooLong(6)]


def test_a_bom_and_an_undecodable_line_still_work_under_the_limit() -> None:
    lines, _ = _lines(b"\xef\xbb\xbfab\n\xff\n", 10)
    assert lines == ["ab\n", UNDECODABLE]


@pytest.mark.slow
def test_line_too_long_record_and_the_rest_of_the_batch() -> None:
    data = _line(GOOD) + b'{"claim_id": "big", "x": "' + b"y" * 300 + b'"}\n' + _line(GOOD)
    result = run_cli("resolve", "--max-line-bytes", "200", stdin=data)
    records = _records(result.stdout)
    assert result.returncode == 1
    assert [r.get("line") for r in records] == [None, 2, None]
    assert records[1] == {
        "claim_id": None,
        "line": 2,
        "error": {
            "code": "line_too_long",
            "message": "行が長すぎます（200バイトまで） / the line is longer than 200 bytes",
            "field": None,
        },
    }
    assert b"3 records, 2 resolved, 1 errors" in result.stderr


@pytest.mark.slow
def test_the_default_limit_is_one_mebibyte() -> None:
    at_limit = b'{"claim_id": "' + b"x" * (MAX_LINE_BYTES - 16) + b'"}'
    assert len(at_limit) == MAX_LINE_BYTES
    result = run_cli("resolve", "-q", "--jobs", "2", stdin=at_limit + b"\n" + at_limit + b"x\n")
    codes = [r["error"]["code"] for r in _records(result.stdout)]
    assert codes == ["id_too_long", "line_too_long"]


@pytest.mark.slow
@pytest.mark.parametrize("value", ["0", "-1", "x", "１２", "1.5", str(1 << 31)])
def test_max_line_bytes_must_be_a_sensible_number(value: str) -> None:
    parser = argparse.ArgumentParser()
    lines.add_arguments(parser)
    assert parser.parse_args(["--max-line-bytes", "2097152"]).max_line_bytes == 2 << 20
    with pytest.raises(argparse.ArgumentTypeError):
        lines._line_bytes(value)
    result = run_cli("resolve", "--max-line-bytes", value)
    assert result.returncode == 2
    assert b"--max-line-bytes" in result.stderr


def test_a_too_long_line_in_process_and_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    record = json.loads(jsonl_lines.process_line(TooLong(10), 3, triage_object, "situation_id").text)
    assert record["situation_id"] is None
    assert record["error"]["code"] == "line_too_long"
    # A chunk also ends at CHUNK_CHARS characters of input, so long lines make small chunks.
    monkeypatch.setattr(jsonl, "CHUNK_CHARS", 200)  # a GOOD line has 123
    source = [json.dumps(GOOD), TooLong(5), json.dumps(GOOD), json.dumps(GOOD)]
    chunks = list(jsonl.process_chunks(source, resolve_object))
    assert [chunk.records for chunk in chunks] == [3, 1]
    assert list(jsonl.process_chunks([], resolve_object)) == []


def _chunks_of(size: int, total: int) -> Iterator[bytes]:
    for _ in range(total // size):
        yield b"x" * size


@pytest.mark.slow
def test_a_huge_line_does_not_take_the_memory() -> None:
    """A 256 MB line through a pipe: peak RSS stays near the one-claim size, not the line's."""
    wrapper = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    with subprocess.Popen(
        [sys.executable, "-c", wrapper, *cli_command(), "resolve", "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as process:
        assert process.stdin is not None
        process.stdin.write(_line(GOOD))
        for part in _chunks_of(1 << 20, 256 << 20):
            process.stdin.write(part)
        process.stdin.write(b"\n" + _line(GOOD))
        process.stdin.close()
        assert process.stdout is not None
        peak_kb = int(process.stdout.read())
    assert process.wait(timeout=60) == 0
    assert peak_kb < 150_000  # about 60 MB in practice; the line alone is 256 MB


# Echoed ids (item 3)


@pytest.mark.parametrize(
    ("handler", "body", "id_field"),
    [(resolve_object, GOOD, "claim_id"), (triage_object, SITUATION, "situation_id")],
)
def test_an_id_up_to_the_limit_round_trips_and_a_longer_one_is_not_echoed(
    handler: Any, body: dict[str, Any], id_field: str
) -> None:
    longest = "I" * (MAX_ID_LENGTH - 1) + "末"
    result = json.loads(
        jsonl_lines.process_line(json.dumps({**body, id_field: longest}), 1, handler, id_field).text
    )
    assert result[id_field] == longest
    assert "error" not in result
    record = json.loads(
        jsonl_lines.process_line(json.dumps({**body, id_field: longest + "x"}), 4, handler, id_field).text
    )
    assert record == {
        id_field: None,
        "line": 4,
        "error": {
            "code": "id_too_long",
            "message": f"{id_field}: IDが長すぎます（128文字まで） / the id is longer than 128 characters",
            "field": id_field,
        },
    }


@pytest.mark.slow
def test_a_huge_id_gives_a_small_record() -> None:
    line = _line({"claim_id": "z" * 5_000_000, "service_date": "bad"})
    result = run_cli("resolve", "-q", "--max-line-bytes", str(len(line)), stdin=line)
    assert result.returncode == 1
    assert len(result.stdout) < 300
    assert json.loads(result.stdout)["error"]["code"] == "id_too_long"


def test_every_other_error_record_echoes_a_bounded_id() -> None:
    record = json.loads(
        jsonl_lines.process_line(json.dumps({"claim_id": "c" * MAX_ID_LENGTH}), 1, resolve_object).text
    )
    assert record["claim_id"] == "c" * MAX_ID_LENGTH
    assert record["error"]["code"] == "missing_field"


def test_http_uses_the_same_limits() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rezept_fusho.server.app import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1")
    response = client.post("/v1/resolve", json={**GOOD, "claim_id": "x" * (MAX_ID_LENGTH + 1)})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "id_too_long"
    assert response.json()["claim_id"] is None
    deep = client.post(
        "/v1/resolve", content=_nested(MAX_DEPTH + 1).encode(), headers={"Content-Type": "application/json"}
    )
    assert deep.status_code == 400
    assert deep.json()["error"]["code"] == "invalid_json"
