"""Batches: streaming in chunks, --jobs in input order, progress, the summary line, codecs."""

from __future__ import annotations

import io
import json
import os
import re
import signal
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from tests.integration.conftest import example_lines, mixed_corpus, run_cli

import jsonl_lines
from rezept_fusho import jsonl
from rezept_fusho.api import resolve_object
from rezept_fusho.cli import lines

SUMMARY = re.compile(r"^rezept-fusho resolve: (\d+) records, (\d+) resolved, (\d+) errors, \d+\.\d\d s$")


@pytest.mark.slow
def test_jobs_two_writes_the_same_bytes_as_jobs_one(corpus_file: Path) -> None:
    one = run_cli("resolve", str(corpus_file))
    two = run_cli("resolve", "--jobs", "2", str(corpus_file))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    ids = [json.loads(line)["claim_id"] for line in one.stdout.splitlines()]
    assert ids[:3] == ["c0", "c1", "c2"]
    assert ids[19] is None  # the broken line is not JSON: no id to echo
    assert len(ids) == 4500


@pytest.mark.slow
def test_summary_goes_to_stderr_and_stdout_is_only_json_lines(corpus_file: Path) -> None:
    result = run_cli("resolve", str(corpus_file))
    for line in result.stdout.decode("utf-8").splitlines():
        json.loads(line)
    summary = result.stderr.decode("utf-8").strip()
    match = SUMMARY.match(summary)
    assert match, summary
    assert match.groups() == ("4500", "4275", "225")
    assert "\r" not in summary  # stderr is not a terminal here: no progress line


@pytest.mark.slow
def test_quiet_drops_the_summary() -> None:
    result = run_cli("resolve", "-q", stdin="\n".join(example_lines()).encode())
    assert result.returncode == 0
    assert result.stderr == b""


@pytest.mark.slow
def test_progress_can_be_forced(corpus_file: Path) -> None:
    result = run_cli("resolve", "--progress", str(corpus_file))
    assert SUMMARY.match(result.stderr.decode("utf-8").rsplit("\r", 1)[-1].strip())


@pytest.mark.slow
@pytest.mark.parametrize("value", ["-1", "x"])
def test_bad_jobs_is_a_usage_error(value: str) -> None:
    result = run_cli("resolve", "--jobs", value)
    assert result.returncode == 2
    assert b"--jobs" in result.stderr


def test_jobs_zero_means_one_per_core() -> None:
    parser = lines.argparse.ArgumentParser()
    lines.add_arguments(parser)
    assert parser.parse_args(["-j", "0"]).jobs == (os.cpu_count() or 1)


def test_progress_line_counts_rate_and_percent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source_path = tmp_path / "in.jsonl"
    source_path.write_bytes(b"x\n" * 50)
    out = io.StringIO()
    with source_path.open("rb") as source:
        source.read(50)
        progress = lines.Progress("resolve", out, source)
        progress.update(10)  # too soon after the start: nothing written
        assert out.getvalue() == ""
        monkeypatch.setattr(lines, "_PROGRESS_INTERVAL", 0.0)
        progress.update(25)
        progress.close()
    text = out.getvalue()
    assert re.match(r"\rrezept-fusho resolve: 25 records, [\d,]+/s, 50%", text)
    assert text.endswith("\r")


def test_progress_on_a_pipe_has_no_percent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "_PROGRESS_INTERVAL", 0.0)
    read, write = os.pipe()
    out = io.StringIO()
    with os.fdopen(read, "rb") as source, os.fdopen(write, "wb"):
        progress = lines.Progress("triage", out, source)
        progress.update(3)
    assert "%" not in out.getvalue()


def test_close_without_update_writes_nothing() -> None:
    out = io.StringIO()
    lines.Progress("resolve", out, io.BytesIO()).close()
    assert out.getvalue() == ""


def test_process_chunks_in_a_pool_keeps_input_order() -> None:
    text = mixed_corpus(60).splitlines()
    serial = b"".join(
        chunk.data for chunk in jsonl.process_chunks(text, resolve_object, jobs=1, chunk_size=7)
    )
    chunks = list(jsonl.process_chunks(text, resolve_object, jobs=2, chunk_size=7))
    assert b"".join(chunk.data for chunk in chunks) == serial
    assert sum(chunk.records for chunk in chunks) == 60
    assert sum(chunk.errors for chunk in chunks) == 3


def test_a_worker_spills_its_chunk_to_a_file_the_parent_collects_and_removes(tmp_path: Path) -> None:
    # What a pool worker runs, run here so its lines are measured (workers are other processes).
    chunk = list(jsonl.numbered(mixed_corpus(30).splitlines()))
    spilled = jsonl.process_chunk_to_file(chunk, resolve_object, "claim_id", str(tmp_path))
    assert Path(spilled.path).parent == tmp_path
    collected = jsonl._collect(spilled)
    assert collected == jsonl.process_chunk(chunk, resolve_object, "claim_id")
    assert list(tmp_path.iterdir()) == []


def test_process_chunks_needs_a_job() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(jsonl.process_chunks([], resolve_object, jobs=0))


def test_line_api_matches_chunks() -> None:
    text = mixed_corpus(25).splitlines()
    by_line = "".join(result.text + "\n" for result in jsonl_lines.process_lines(text, resolve_object))
    by_chunk = b"".join(chunk.data for chunk in jsonl.process_chunks(text, resolve_object))
    assert by_line.encode("utf-8") == by_chunk
    first = jsonl_lines.process(json.loads(text[0]), 1, resolve_object)
    assert first.ok
    assert not jsonl_lines.process([1], 2, resolve_object).ok


EDGE_LINES = [
    "NaN",  # the standard library reads it (a float), orjson does not: still not_an_object
    '{"claim_id": "big", "service_date": 123456789012345678901234567890}',
    '{"claim_id": "\\ud800", "service_date": "2025-07-10", "current_qualification": '
    '{"insurer_number": "01130012", "number": "1"}}',
    '{"claim_id": "\\ud800"}',
    "[" * 5000 + "]" * 5000,
    '{"claim_id": "ｶﾅ"}',
    '{"claim_id": "early", "service_date": "2025-07-10", "claim_month": "2025-06", '
    '"current_qualification": {"insurer_number": "01130012", "number": "1"}}',
]


def _render(lines_: list[str]) -> bytes:
    return b"".join(chunk.data for chunk in jsonl.process_chunks(lines_, resolve_object))


def test_output_is_the_same_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = [*example_lines(), *EDGE_LINES]
    fast = _render(corpus)
    monkeypatch.setattr(jsonl, "orjson", None)
    assert _render(corpus) == fast
    records = [json.loads(line) for line in fast.splitlines()]
    assert records[len(example_lines())]["error"]["code"] == "not_an_object"
    assert records[-3]["error"]["code"] == "invalid_json"
    assert records[-1]["error"]["code"] == "claim_month_before_service"
    lone = records[len(example_lines()) + 2]
    assert lone["claim_id"] == "\ud800"  # echoed in the error record, escaped
    fast.decode("utf-8")  # a lone surrogate is written escaped, so the output stays UTF-8


class _Echo(BaseModel):
    receipt_number: str | None = None
    note: str


def _echo(obj: Mapping[str, Any]) -> BaseModel:
    return _Echo.model_validate(obj)


def test_result_object_drops_a_null_receipt_number() -> None:
    assert jsonl.result_object(_echo({"note": "a"})) == {"note": "a"}
    assert jsonl.result_object(_echo({"note": "a", "receipt_number": "1"})) == {
        "receipt_number": "1",
        "note": "a",
    }


def test_dumps_is_compact_utf8_text() -> None:
    assert jsonl.dumps({"a": "不詳", "b": None}) == '{"a":"不詳","b":null}'


def test_workers_ignore_ctrl_c_and_die_on_sigterm(monkeypatch: pytest.MonkeyPatch) -> None:
    parents: list[int] = []
    # Not in this process: it would tie the test runner's life to its parent's (test_kill.py checks it).
    monkeypatch.setattr(jsonl, "_end_with_parent", parents.append)
    saved = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        jsonl._worker_init(4242)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        assert parents == [4242]
    finally:
        signal.signal(signal.SIGINT, saved[0])
        signal.signal(signal.SIGTERM, saved[1])
