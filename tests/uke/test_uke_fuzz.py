"""Fuzzing the checker and the patcher: any input gives problems or a clean refusal, never a traceback.

Lines are drawn from every kind's records with any number of fields, values
made of a patient's name, address and phone number, broken ids and stray
bytes; no report may repeat those values. ``benchmarks/fuzz_uke.py`` runs the
same harness for longer and prints the counts.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rezept_fusho.uke.check import iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.patch import PatchResult, load_resolutions, patch_records
from rezept_fusho.uke.problems import MESSAGES, UkeError, UkeReadError
from rezept_fusho.uke.reader import UkeReader
from uke.fuzz_alphabet import COMMENT_TEXTS, ENDINGS, HEADERS, IDS, SECRETS, VALUES

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow


@st.composite
def uke_files(draw: st.DrawFn) -> bytes:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(HEADERS)) + "\r\n")
    for _ in range(draw(st.integers(0, 25))):
        fields = [draw(st.sampled_from(IDS)), *draw(st.lists(st.sampled_from(VALUES), max_size=40))]
        lines.append(",".join(fields) + draw(st.sampled_from(ENDINGS)))
    data = "".join(lines).encode("cp932")
    if draw(st.booleans()):
        data += b"\x1a"
    if draw(st.integers(0, 9)) == 0:
        data = b"IR,\x85\x40\r\n" + data  # an undecodable byte (0x85 is no cp932 lead byte)
    return data


def _no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@settings(max_examples=300)
@given(
    uke_files(),
    st.sampled_from([UkeOptions(), UkeOptions(flag_kinds=frozenset({"medical", "dental", "pharmacy"}))]),
)
def test_check_never_fails_and_never_echoes(data: bytes, options: UkeOptions) -> None:
    try:
        problems = list(iter_problems(io.BytesIO(data), options))
    except UkeReadError as exc:
        problems = list(exc.problems)
    for problem in problems:
        assert problem.code in MESSAGES
        _no_secret(str(problem))
        _no_secret(json.dumps(problem.to_dict(), ensure_ascii=False))


resolution_lines = st.lists(
    st.one_of(
        st.sampled_from(
            [
                b"",
                b"[" * 5000,
                b'{"error": {}}',
                b"null",
                b'{"receipt_number": "1"}',
                "ヤマダタロウ".encode(),
            ]
        ),
        st.builds(
            lambda number, flag, code, text: json.dumps(
                {
                    "claim_id": "f",
                    "basis": "fusho",
                    "insurer_number": "77777777",
                    "symbol": None,
                    "number": "777777777",
                    "branch": None,
                    "payer": None,
                    "comments": [{"code": code, "text": text}],
                    "summary": [],
                    "paper_margin_note": "不詳",
                    "qualification_flag": flag,
                    "warnings": [],
                    "trace": [],
                    "receipt_number": number,
                },
                ensure_ascii=False,
            ).encode(),
            st.sampled_from(["1", "2", "01", "9"]),
            st.sampled_from(["1", "2", None]),
            st.sampled_from(["820000246", "830000501", "810000001"]),
            st.sampled_from(COMMENT_TEXTS),
        ),
    ),
    max_size=4,
)


@settings(max_examples=300)
@given(uke_files(), resolution_lines)
def test_patch_never_fails_and_never_echoes(data: bytes, lines: list[bytes]) -> None:
    try:
        resolutions = load_resolutions(lines)
        out: list[Any] = list(
            patch_records(UkeReader(io.BytesIO(data)), resolutions, UkeOptions(), PatchResult())
        )
    except (UkeError, UkeReadError) as exc:
        for problem in exc.problems:
            assert problem.code in MESSAGES
            _no_secret(str(problem))
        return
    assert all(record.raw is not None for record in out)
