"""The reader: line endings, the EOF mark, clean errors, byte-identical read-then-write, fuzzing."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.uke import reader as reader_module
from rezept_fusho.uke.problems import UkeError, UkeReadError
from rezept_fusho.uke.reader import MAX_LINE, UkeReader, read_records
from rezept_fusho.uke.writer import write_records
from uke.helpers import GOLDEN


def roundtrip(data: bytes) -> bytes:
    reader = UkeReader(io.BytesIO(data))
    out = io.BytesIO()
    write_records(list(reader), out, eof_mark=reader.eof_mark)
    return out.getvalue()


def read_error(data: bytes) -> UkeReadError:
    with pytest.raises(UkeReadError) as info:
        list(read_records(io.BytesIO(data)))
    return info.value


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"IR,1\r\nGO,1\r\n\x1a",
        b"IR,1\r\nGO,1\r\n",
        b"IR,1\nGO,1\n",
        b"IR,1\r\nGO,1",
        b"IR,1\r\nGO,1\x1a",
        b"\x1a",
        b"\r\n\r\n",
        "RE,1,1112,202605,架空　太郎\r\n".encode("cp932"),
        "CO,01,1,810000001,①髙\r\n".encode("cp932"),  # 外字 read as is: the checker reports them
    ],
)
def test_read_then_write_is_byte_identical(data: bytes) -> None:
    assert roundtrip(data) == data


def test_golden_files_round_trip() -> None:
    for path in GOLDEN.glob("*.UKE"):
        assert roundtrip(path.read_bytes()) == path.read_bytes(), path.name


def test_records_carry_line_numbers_and_endings() -> None:
    reader = UkeReader(io.BytesIO(b"IR,1\r\nRE,2\nGO,3"))
    records = list(reader)
    assert [(r.line, r.record_id, r.eol) for r in records] == [
        (1, "IR", b"\r\n"),
        (2, "RE", b"\n"),
        (3, "GO", b""),
    ]
    assert not reader.eof_mark
    assert records[1].text(1) == "2"
    assert records[1].text(5) == ""
    assert "RE" in repr(records[1])


def test_undecodable_names_line_record_and_field() -> None:
    error = read_error(b"IR,1\r\nHO,0113,\x85\x40\r\n")
    problem = error.problems[0]
    assert (problem.code, problem.line, problem.record, problem.position) == ("undecodable", 2, "HO", 3)
    assert error.code == "undecodable"
    assert isinstance(error, UkeError)


def test_a_lead_byte_cut_by_a_comma_is_undecodable() -> None:
    problem = read_error(b"CO,\x82,\x82\xa0\r\n").problems[0]
    assert (problem.code, problem.position) == ("undecodable", 2)


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"IR,1\r\n\x1aGO\r\n", "data_after_eof", 2),
        (b"IR,1\r\n\x1a\r\n", "data_after_eof", 2),
        (b"IR,1\r\x1a", "bare_cr", 1),
        (b"IR,\r1\r\n", "bare_cr", 1),
        (b"IR," + b"1" * MAX_LINE + b"\r\n", "line_too_long", 1),
        (b"IR," + b"1" * MAX_LINE, "line_too_long", 1),
    ],
)
def test_unreadable(data: bytes, code: str, line: int) -> None:
    problem = read_error(data).problems[0]
    assert (problem.code, problem.line) == (code, line)


def test_control_characters_inside_a_line_are_read() -> None:
    # 0x1A inside a line decodes (a control character): the checker, not the reader, objects to it.
    assert [r.raw for r in read_records(io.BytesIO(b"IR,1\x1aGO\r\n"))] == [b"IR,1\x1aGO"]


@given(st.binary(max_size=300))
def test_fuzz_arbitrary_bytes_read_or_fail_cleanly(data: bytes) -> None:
    try:
        reader = UkeReader(io.BytesIO(data))
        records = list(reader)
    except UkeReadError as exc:
        problems = exc.problems
        assert problems
        assert all(p.line is not None for p in problems)
        return
    out = io.BytesIO()
    write_records(records, out, eof_mark=reader.eof_mark)
    assert out.getvalue() == data


@given(
    st.lists(
        st.sampled_from([b"IR,1", b"RE,1", b",", b"\x82\xa0", b"\x1a", b"\r", b"\n", b"\r\n", b"\x85", b"A"]),
        max_size=30,
    )
)
def test_fuzz_structured_bytes(parts: list[bytes]) -> None:
    test_fuzz_arbitrary_bytes_read_or_fail_cleanly.hypothesis.inner_test(b"".join(parts))  # type: ignore[attr-defined]


def test_a_line_one_byte_too_long_with_its_newline() -> None:
    assert read_error(b"1" * (MAX_LINE + 1) + b"\n").problems[0].code == "line_too_long"
    assert [r.raw for r in read_records(io.BytesIO(b"1" * MAX_LINE + b"\r\n"))] == [b"1" * MAX_LINE]


def test_lines_across_blocks() -> None:
    from rezept_fusho.uke.reader import BLOCK

    line = "CO,01,1,810000001,漢字漢字漢字".encode("cp932")
    data = b"\r\n".join([line] * (BLOCK // len(line) * 3)) + b"\r\n\x1a"
    assert roundtrip(data) == data
    bad = data[: BLOCK + 5] + b"\x85\x40" + data[BLOCK + 5 :]
    assert read_error(bad).problems[0].code == "undecodable"


def _lines_or_refusal(data: bytes) -> object:
    reader = UkeReader(io.BytesIO(data))
    try:
        lines = list(reader.lines_of())
    except UkeReadError as exc:
        return [(problem.code, problem.line) for problem in exc.problems], reader.lines
    return lines, reader.eof_mark, reader.lines


#: Pieces of a line, among them each thing the block check looks for: a bare CR, 0x1A, a byte
#: cp932 cannot decode, a line too long.
_PIECES = [b"RE,1", b",", "ヤマダ".encode("cp932"), b"\r", b"\x1a", b"\x85", b"\r\n", b"\n", b"A" * 300]


@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.sampled_from([7, 64, 4096]))
def test_the_block_check_reads_what_the_line_checks_read(pieces: list[bytes], block: int) -> None:
    # A block that passes reader._clean skips the checks of each line: they must agree, whatever
    # the block holds and wherever it is cut.
    data = b"".join(pieces)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader_module, "BLOCK", block)
        patch.setattr(reader_module, "MAX_LINE", 200)
        fast = _lines_or_refusal(data)
        patch.setattr(reader_module, "_clean", lambda *_: False)
        assert _lines_or_refusal(data) == fast
