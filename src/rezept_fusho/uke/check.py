"""``uke-check``: every problem of a finished UKE file, with line, record, field and code.

The file is streamed once; memory does not grow with it. Each record with a
spec is first matched against one regex built from the spec (the fast path);
only a record that fails is taken apart field by field to say what is wrong.
Then each receipt (RE up to the next RE or GO) is checked as a whole: the
保険者番号 shape and 検証番号 (placeholders exempt), the 公費負担者番号 検証番号,
the 不詳 consistency and the 枝番 rules.

>>> import io
>>> data = "IR,1,13,1,1234567,,医院,202605,00,\\r\\nGO,0,0,99\\r\\n\\x1a".encode("cp932")
>>> list(iter_problems(io.BytesIO(data)))
[]
>>> [p.code for p in iter_problems(io.BytesIO(b"HO,1\\n"))]
['line_ending', 'header_not_first', 'field_count', 'wrong_length', 'go_missing', 'eof_mark_missing']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import BinaryIO

import attrs

from rezept_fusho.numbers import insurer, public_payer, recipient
from rezept_fusho.text.fold import fold_digits
from rezept_fusho.uke.fields import RecordSpec, field_codes
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.problems import Problem
from rezept_fusho.uke.reader import CRLF, UkeReader
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs import HEADER_IDS, Kind, file_specs, kind_of_header, summary_records
from rezept_fusho.uke.specs.common import (
    BRANCH,
    COMMENT_TEXT,
    INSURER,
    NUMBER,
    PAYER_KIND,
    PUBLIC_PAYER,
    RECEIPT_KIND,
    RECIPIENT,
    SYMBOL,
)

__all__ = ["FUSHO_INSURERS", "CheckStats", "check_file", "is_late_elderly", "iter_problems"]

#: The 不詳 保険者番号 (disaster-claim 99999999 is a placeholder too, but not a 不詳 claim).
FUSHO_INSURERS = frozenset({"77777777", "77777779"})
FUSHO = "不詳"
_RECORD_ID = re.compile(rb"[0-9A-Z]{2}")
_INSURER_SHAPE = re.compile(r"[0-9]{8}|  [0-9]{6}")
_COMMENT_RECORDS = frozenset({"CO", "TK"})


def is_late_elderly(receipt_kind: str) -> bool:
    """後期高齢者 receipt: レセプト種別 with 3 as its second digit (13xx 医科, 33xx 歯科, 43xx 調剤)."""
    return len(receipt_kind) == 4 and receipt_kind[1] == "3"


@attrs.define
class CheckStats:
    """What one run saw: records, receipts, problems, and the receipt type."""

    records: int = 0
    receipts: int = 0
    problems: int = 0
    kind: Kind | None = None


@attrs.define
class _Receipt:
    late: bool
    ho: Record | None = None
    first_summary: Record | None = None


class _Checker:
    def __init__(self, options: UkeOptions, stats: CheckStats) -> None:
        self.options = options
        self.stats = stats
        self.specs: Mapping[str, RecordSpec] = {}
        self.regexes: dict[str, re.Pattern[bytes]] = {}
        self.summary_ids: frozenset[str] = frozenset()

    def _choose(self, header_id: str, score_table: str) -> None:
        kind, self.specs = file_specs(header_id, score_table, self.options)
        self.stats.kind = kind
        self.summary_ids = summary_records(kind)
        self.regexes = {rid: spec.line_regex() for rid, spec in self.specs.items()}

    def run(self, stream: BinaryIO) -> Iterator[Problem]:
        # Receipt-level problems are found when the receipt ends; hold each receipt's problems and
        # give them in line order (memory is bounded by one receipt, not by the file).
        pending: list[Problem] = []
        for problem in self._run(stream):
            if problem.code == "receipt_end":
                pending.sort(key=_line_order)
                yield from pending
                pending.clear()
            else:
                pending.append(problem)
        pending.sort(key=_line_order)
        yield from pending

    def _run(self, stream: BinaryIO) -> Iterator[Problem]:
        reader = UkeReader(stream)
        receipt: _Receipt | None = None
        go_seen = False
        for record in reader:
            self.stats.records += 1
            rid = record.record_id
            if record.eol != CRLF:
                yield Problem.of("line_ending", line=record.line, record=rid)
            if self.stats.records == 1:
                if kind_of_header(rid, record.text(3)) is None:
                    yield Problem.of("header_not_first", line=record.line, record=rid)
                self._choose(rid, record.text(3))
            elif rid in HEADER_IDS and rid in self.specs:
                yield Problem.of("header_repeated", line=record.line, record=rid)
            if go_seen:
                yield Problem.of("go_not_last", line=record.line, record=rid)
            spec = self.specs.get(rid)
            if spec is not None:
                yield from self._fields(record, spec)
            elif not _RECORD_ID.fullmatch(record.raw_fields[0]):
                yield Problem.of("invalid_record_id", line=record.line)
            if rid == "RE":
                if receipt is not None:
                    yield from self._finish(receipt)
                yield _RECEIPT_END
                self.stats.receipts += 1
                receipt = _Receipt(late=is_late_elderly(record.text(self.specs["RE"].index(RECEIPT_KIND))))
            elif rid == "GO":
                if receipt is not None:
                    yield from self._finish(receipt)
                receipt = None
                go_seen = True
            elif receipt is not None:
                yield from self._in_receipt(receipt, record, spec)
            elif self.stats.records > 1 and not go_seen and rid not in HEADER_IDS:
                yield Problem.of("record_outside_receipt", line=record.line, record=rid)
        if receipt is not None:
            yield from self._finish(receipt)
        if self.stats.records == 0:
            yield Problem.of("empty_file")
        elif not go_seen:
            yield Problem.of("go_missing")
        if not reader.eof_mark:
            yield Problem.of("eof_mark_missing", line=reader.lines or None)

    def _fields(self, record: Record, spec: RecordSpec) -> Iterator[Problem]:
        # The reader has decoded the line as cp932, and every cp932 cell in the rows the regex admits
        # for 漢字 is a JIS X 0208 cell (tests/uke/test_uke_fields.py), so a match is a valid record.
        if self.regexes[spec.record_id].fullmatch(record.raw):
            return
        raw_fields = record.raw_fields
        if len(raw_fields) != len(spec.fields):
            yield Problem.of("field_count", line=record.line, record=spec.record_id)
        for position, (field, raw) in enumerate(zip(spec.fields, raw_fields, strict=False), start=1):
            for code in field_codes(field, raw):
                yield Problem.of(
                    code, line=record.line, record=spec.record_id, field=field.name, position=position
                )

    def _in_receipt(self, receipt: _Receipt, record: Record, spec: RecordSpec | None) -> Iterator[Problem]:
        rid = record.record_id
        if receipt.first_summary is None and rid in self.summary_ids:
            receipt.first_summary = record
        if spec is None:
            return
        if rid == "HO":
            if receipt.ho is not None:
                yield Problem.of("duplicate_ho", line=record.line, record=rid)
            else:
                receipt.ho = record
                yield from self._insurer(record, spec)
        elif rid == "KO":
            yield from self._public(record, spec)
        elif rid == "SN":
            yield from self._branch(receipt, record, spec)

    def _insurer(self, record: Record, spec: RecordSpec) -> Iterator[Problem]:
        index = spec.index(INSURER)
        value = record.text(index)
        if insurer.is_placeholder(value) or len(value) != 8 or not value.isascii():
            # Placeholders are exempt; other lengths and modes are field problems already.
            return
        if not _INSURER_SHAPE.fullmatch(value):
            code = "insurer_number_format"
        elif not insurer.is_valid(value):
            code = "insurer_check_digit"
        else:
            return
        yield Problem.of(code, line=record.line, record="HO", field=INSURER, position=index + 1)

    def _public(self, record: Record, spec: RecordSpec) -> Iterator[Problem]:
        index = spec.index(PUBLIC_PAYER)
        value = record.text(index)
        if len(value) == 8 and value.isascii() and not public_payer.is_valid(value):
            yield Problem.of(
                "public_payer_check_digit",
                line=record.line,
                record="KO",
                field=PUBLIC_PAYER,
                position=index + 1,
            )
        index = spec.index(RECIPIENT)
        value = record.text(index)
        if (
            self.options.check_recipient_digit
            and len(value) == 7
            and recipient.is_valid(value)
            and not recipient.is_valid(value, check_digit=True)
        ):
            yield Problem.of(
                "recipient_check_digit", line=record.line, record="KO", field=RECIPIENT, position=index + 1
            )

    def _branch(self, receipt: _Receipt, record: Record, spec: RecordSpec) -> Iterator[Problem]:
        index = spec.index(BRANCH)
        if not record.text(index):
            return
        payer_kind = record.text(spec.index(PAYER_KIND))
        code = None
        if payer_kind in {"2", "3", "4", "5"}:
            code = "branch_for_public"
        elif receipt.late:
            code = "branch_for_late_elderly"
        if code is not None:
            yield Problem.of(code, line=record.line, record="SN", field=BRANCH, position=index + 1)

    def _finish(self, receipt: _Receipt) -> Iterator[Problem]:
        ho = receipt.ho
        summary = receipt.first_summary
        fusho_summary: Record | None = None
        if (
            summary is not None
            and summary.record_id in _COMMENT_RECORDS
            and summary.text(self.specs["CO"].index(COMMENT_TEXT)).startswith(FUSHO)
        ):
            fusho_summary = summary
        if ho is None:
            if fusho_summary is not None:
                yield Problem.of(
                    "fusho_summary_without_placeholder",
                    line=fusho_summary.line,
                    record=fusho_summary.record_id,
                )
            return
        spec = self.specs["HO"]
        fusho = ho.text(spec.index(INSURER)) in FUSHO_INSURERS
        number = fold_digits(ho.text(spec.index(NUMBER)))
        expected = "7" * (8 if receipt.late else 9)
        if fusho:
            if fusho_summary is None:
                yield Problem.of(
                    "fusho_summary_not_first", line=ho.line, record="HO", field=INSURER, position=2
                )
            if ho.text(spec.index(SYMBOL)):
                yield Problem.of(
                    "fusho_symbol_not_empty", line=ho.line, record="HO", field=SYMBOL, position=3
                )
            if number != expected:
                yield Problem.of("fusho_number", line=ho.line, record="HO", field=NUMBER, position=4)
            return
        if fusho_summary is not None:
            yield Problem.of(
                "fusho_summary_without_placeholder", line=fusho_summary.line, record=fusho_summary.record_id
            )
        if number in {"7" * 8, "7" * 9}:
            yield Problem.of(
                "fusho_number_without_placeholder", line=ho.line, record="HO", field=NUMBER, position=4
            )


_RECEIPT_END = Problem("receipt_end")


def _line_order(problem: Problem) -> int:
    return problem.line if problem.line is not None else 1 << 62


def iter_problems(
    stream: BinaryIO, options: UkeOptions | None = None, stats: CheckStats | None = None
) -> Iterator[Problem]:
    """Problems of the UKE file *stream*, in file order; raises UkeReadError if it is unreadable."""
    stats = stats if stats is not None else CheckStats()
    checker = _Checker(options or UkeOptions(), stats)
    for problem in checker.run(stream):
        stats.problems += 1
        yield problem


def check_file(path: str, options: UkeOptions | None = None) -> list[Problem]:
    """All problems of the file at *path* (a convenience for small files and tests)."""
    with open(path, "rb") as stream:
        return list(iter_problems(stream, options))
