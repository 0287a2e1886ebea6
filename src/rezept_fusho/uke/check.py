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
['line_ending', 'header_not_first', 'field_count', 'wrong_length', 'eof_mark_missing', 'go_missing']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import BinaryIO

import attrs

from rezept_fusho.numbers import insurer, public_payer, recipient
from rezept_fusho.uke.fields import RecordSpec, field_codes
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.problems import Problem
from rezept_fusho.uke.reader import CRLF, UkeReader
from rezept_fusho.uke.record import Record, record_id_of
from rezept_fusho.uke.specs import HEADER_IDS, Kind, file_specs, kind_of_header, specs_for, summary_records
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
# The same, as the bytes of a field: the receipt checks compare bytes, not decoded text.
_FUSHO_INSURER_BYTES = frozenset(number.encode("ascii") for number in FUSHO_INSURERS)
_FUSHO_BYTES = FUSHO.encode("cp932")
_SEVENS = {width: {("7" * width).encode(), ("７" * width).encode("cp932")} for width in (8, 9)}
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
    line: int
    late: bool
    ho: Record | None = None
    first_summary: Record | None = None


@attrs.frozen
class _Index:
    """Positions of the fields the receipt checks read, for one receipt type."""

    kind: int
    insurer: int
    symbol: int
    number: int
    payer: int
    recipient: int
    payer_kind: int
    branch: int
    text: int

    @classmethod
    def of(cls, specs: Mapping[str, RecordSpec]) -> _Index:
        ho, ko, sn = specs["HO"], specs["KO"], specs["SN"]
        return cls(
            kind=specs["RE"].index(RECEIPT_KIND),
            insurer=ho.index(INSURER),
            symbol=ho.index(SYMBOL),
            number=ho.index(NUMBER),
            payer=ko.index(PUBLIC_PAYER),
            recipient=ko.index(RECIPIENT),
            payer_kind=sn.index(PAYER_KIND),
            branch=sn.index(BRANCH),
            text=specs["CO"].index(COMMENT_TEXT),
        )


#: Results of the 保険者番号 test by field bytes: a file names few insurers many times.
_INSURER_CACHE: dict[bytes, str | None] = {}
_CACHE_SIZE = 4096


def _insurer_code(raw: bytes) -> str | None:
    code = _INSURER_CACHE.get(raw, "")
    if code != "":
        return code
    value = raw.decode("cp932", "replace")
    if insurer.is_placeholder(value) or len(raw) != 8 or not raw.isascii():
        # Placeholders are exempt; other lengths and modes are field problems already.
        code = None
    elif not _INSURER_SHAPE.fullmatch(value):
        code = "insurer_number_format"
    else:
        code = None if insurer.is_valid(value) else "insurer_check_digit"
    if len(_INSURER_CACHE) < _CACHE_SIZE:
        _INSURER_CACHE[raw] = code
    return code


class _Checker:
    def __init__(self, options: UkeOptions, stats: CheckStats) -> None:
        self.options = options
        self.stats = stats
        self.specs: Mapping[str, RecordSpec] = {}
        self.regexes: dict[str, re.Pattern[bytes]] = {}
        self.summary_ids: frozenset[str] = frozenset()
        self.at = _Index.of(specs_for("medical", options))
        self.out: list[Problem] = []
        self.go_seen = False

    def _choose(self, header_id: str, score_table: str) -> None:
        kind, self.specs = file_specs(header_id, score_table, self.options)
        self.stats.kind = kind
        self.summary_ids = summary_records(kind)
        self.regexes = {rid: spec.line_regex() for rid, spec in self.specs.items()}
        self.at = _Index.of(self.specs)

    def _add(
        self, code: str, record: Record | None = None, field: str | None = None, position: int | None = None
    ) -> None:
        line = record.line if record is not None else None
        rid = record.record_id if record is not None else None
        self.out.append(Problem.of(code, line=line, record=rid, field=field, position=position))

    def run(self, stream: BinaryIO) -> Iterator[Problem]:
        # Problems of a receipt are found as its records go by and when it ends; they are held until
        # then and given in line order (memory is bounded by one receipt, not by the file).
        out = self.out
        reader = UkeReader(stream)
        receipt: _Receipt | None = None
        records = 0
        regexes: Mapping[str, re.Pattern[bytes]] = {}
        known_ids: set[str] = set()
        for number, raw, eol in reader.lines_of():
            # Most lines need nothing but the regex: a Record is built only for those that do.
            records += 1
            rid = record_id_of(raw)
            if eol != CRLF:
                out.append(Problem.of("line_ending", line=number, record=rid))
            if records == 1:
                self._header(Record(number, raw, eol))
                regexes = self.regexes
            elif rid in HEADER_IDS and rid in regexes:
                out.append(Problem.of("header_repeated", line=number, record=rid))
            if self.go_seen:
                out.append(Problem.of("go_not_last", line=number, record=rid))
            regex = regexes.get(rid)
            if regex is not None:
                # The reader has decoded the line as cp932, and every cp932 cell of the rows the regex
                # admits for 漢字 is a JIS X 0208 cell (tests/uke/test_uke_fields.py): a match is valid.
                if not regex.fullmatch(raw):
                    self._fields(Record(number, raw, eol), self.specs[rid])
            elif rid not in known_ids:
                if _RECORD_ID.fullmatch(raw.split(b",", 1)[0]):
                    known_ids.add(rid)
                else:
                    out.append(Problem.of("invalid_record_id", line=number))
            if rid in _BOUNDARIES:
                receipt = self._boundary(receipt, Record(number, raw, eol))
                if out:
                    out.sort(key=_line_order)
                    yield from out
                    out.clear()
            elif receipt is not None:
                if receipt.first_summary is None and rid in self.summary_ids:
                    receipt.first_summary = Record(number, raw, eol)
                if regex is not None and rid in _RECEIPT_CHECKS:
                    self._in_receipt(receipt, Record(number, raw, eol))
            elif records > 1 and not self.go_seen and rid not in HEADER_IDS:
                out.append(Problem.of("record_outside_receipt", line=number, record=rid))
        self.stats.records = records
        self._end(receipt, records, reader)
        out.sort(key=_line_order)
        yield from out
        out.clear()

    def _header(self, record: Record) -> None:
        if kind_of_header(record.record_id, record.text(3)) is None:
            self._add("header_not_first", record)
        self._choose(record.record_id, record.text(3))

    def _boundary(self, receipt: _Receipt | None, record: Record) -> _Receipt | None:
        """RE or GO: the receipt before it ends; an RE starts the next one."""
        if receipt is not None:
            self._finish(receipt)
        if record.record_id == "GO":
            self.go_seen = True
            return None
        self.stats.receipts += 1
        kind = _field(record, self.at.kind)
        return _Receipt(record.line, is_late_elderly(kind.decode("ascii", "replace")))

    def _end(self, receipt: _Receipt | None, records: int, reader: UkeReader) -> None:
        if receipt is not None:
            self._finish(receipt)
        if records == 0:
            self._add("empty_file")
        elif not self.go_seen:
            self._add("go_missing")
        if not reader.eof_mark:
            self.out.append(Problem.of("eof_mark_missing", line=reader.lines or None))

    def _fields(self, record: Record, spec: RecordSpec) -> None:
        raw_fields = record.raw_fields
        if len(raw_fields) != len(spec.fields):
            self._add("field_count", record)
        for position, (field, raw) in enumerate(zip(spec.fields, raw_fields, strict=False), start=1):
            for code in field_codes(field, raw):
                self._add(code, record, field.name, position)

    def _in_receipt(self, receipt: _Receipt, record: Record) -> None:
        rid = record.record_id
        if rid == "HO":
            if receipt.ho is not None:
                self._add("duplicate_ho", record)
                return
            receipt.ho = record
            code = _insurer_code(record.raw_fields[self.at.insurer])
            if code is not None:
                self._add(code, record, INSURER, self.at.insurer + 1)
        elif rid == "KO":
            self._public(record)
        else:
            self._branch(receipt, record)

    def _public(self, record: Record) -> None:
        index = self.at.payer
        value = record.text(index)
        if len(value) == 8 and value.isascii() and not public_payer.is_valid(value):
            self._add("public_payer_check_digit", record, PUBLIC_PAYER, index + 1)
        index = self.at.recipient
        value = record.text(index)
        if (
            self.options.check_recipient_digit
            and len(value) == 7
            and recipient.is_valid(value)
            and not recipient.is_valid(value, check_digit=True)
        ):
            self._add("recipient_check_digit", record, RECIPIENT, index + 1)

    def _branch(self, receipt: _Receipt, record: Record) -> None:
        index = self.at.branch
        if not record.text(index):
            return
        payer_kind = record.text(self.at.payer_kind)
        if payer_kind in {"2", "3", "4", "5"}:
            self._add("branch_for_public", record, BRANCH, index + 1)
        elif receipt.late:
            self._add("branch_for_late_elderly", record, BRANCH, index + 1)

    def _finish(self, receipt: _Receipt) -> None:
        ho = receipt.ho
        summary = receipt.first_summary
        at = self.at
        fusho_summary: Record | None = None
        if (
            summary is not None
            and summary.record_id in _COMMENT_RECORDS
            and _field(summary, at.text).startswith(_FUSHO_BYTES)
        ):
            fusho_summary = summary
        if ho is None:
            if fusho_summary is not None:
                self._add("fusho_summary_without_placeholder", fusho_summary)
            return
        number = _field(ho, at.number)
        if _field(ho, at.insurer) in _FUSHO_INSURER_BYTES:
            if fusho_summary is None:
                self._add("fusho_summary_not_first", ho, INSURER, at.insurer + 1)
            if _field(ho, at.symbol):
                self._add("fusho_symbol_not_empty", ho, SYMBOL, at.symbol + 1)
            if number not in _SEVENS[8 if receipt.late else 9]:
                self._add("fusho_number", ho, NUMBER, at.number + 1)
            return
        if fusho_summary is not None:
            self._add("fusho_summary_without_placeholder", fusho_summary)
        if number in _SEVENS[8] or number in _SEVENS[9]:
            self._add("fusho_number_without_placeholder", ho, NUMBER, at.number + 1)


_RECEIPT_CHECKS = frozenset({"HO", "KO", "SN"})
_BOUNDARIES = frozenset({"RE", "GO"})


def _field(record: Record, index: int) -> bytes:
    fields = record.raw_fields
    return fields[index] if index < len(fields) else b""


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
