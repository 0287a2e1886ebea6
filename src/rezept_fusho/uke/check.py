"""``uke-check``: every problem of a finished UKE file, with line, record, field and code.

The file is streamed once; memory does not grow with it. Each record with a
spec is first matched against one regex built from the spec (the fast path);
only a record that fails is taken apart field by field to say what is wrong.
Then each receipt — from its first record (RE; the IR before it in 歯科) to
the next receipt or the GO — is checked as a whole: the 保険者番号 shape and
検証番号 (placeholders exempt), the 公費負担者番号 検証番号, the 枝番 rules, and the
不詳 and 旧資格 consistency of HO, the comments and the RE 資格確認区分; at the
end, the GO totals of a single-volume 医科 or 歯科 file.

>>> import io
>>> data = "IR,1,13,1,1234567,,医院,202605,00,\\r\\nGO,0,0,99\\r\\n\\x1a".encode("cp932")
>>> list(iter_problems(io.BytesIO(data)))
[]
>>> [p.code for p in iter_problems(io.BytesIO(b"HO,1\\n"))]
['line_ending', 'header_not_first', 'field_count', 'wrong_length', 'eof_mark_missing', 'go_missing']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

import attrs

from rezept_fusho.numbers import insurer, public_payer, recipient
from rezept_fusho.rules.claim import (
    comment_codes,
    fusho_insurer_placeholder,
    fusho_number_placeholder,
    qualification_flag,
)
from rezept_fusho.uke.build.re import flag_of
from rezept_fusho.uke.fields import decode_value, field_codes
from rezept_fusho.uke.options import Kind, UkeOptions
from rezept_fusho.uke.problems import Problem
from rezept_fusho.uke.reader import CRLF, UkeReader
from rezept_fusho.uke.record import Record, record_id_of
from rezept_fusho.uke.specs import HEADER_IDS, Layout, header_claim_month, kind_of_header, layout_for
from rezept_fusho.uke.specs.common import (
    BRANCH,
    COMMENT_CODE,
    COMMENT_TEXT,
    INSURER,
    NUMBER,
    PAYER_KIND,
    POINTS,
    PUBLIC_PAYER,
    RECEIPT_KIND,
    RECIPIENT,
    SYMBOL,
    TOTAL_COUNT,
    TOTAL_POINTS,
    VOLUME,
)

__all__ = ["CheckStats", "check_file", "is_late_elderly", "iter_problems"]

# What the claim rules write, as the bytes of a field: the receipt checks compare bytes, not text.
_FUSHO_INSURERS = frozenset(number.encode("ascii") for number in fusho_insurer_placeholder.PLACEHOLDERS)
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _both_widths(numbers: tuple[str, ...]) -> frozenset[bytes]:
    # 番号 is 英数又は漢字: the placeholder may be written half- or full-width.
    return frozenset(
        form
        for number in numbers
        for form in (number.encode("ascii"), number.translate(_FULL_WIDTH_DIGITS).encode("cp932"))
    )


#: The 不詳 番号 by whether the receipt is a 後期高齢者 one.
_FUSHO_NUMBERS = {
    True: _both_widths(fusho_number_placeholder.LATE_ELDERLY_NUMBER.every_value),
    False: _both_widths(fusho_number_placeholder.NUMBER.every_value),
}
_ALL_FUSHO_NUMBERS = _FUSHO_NUMBERS[True] | _FUSHO_NUMBERS[False]
_FUSHO_FLAG, _PAST_FLAG = qualification_flag.FLAGS["fusho"], qualification_flag.FLAGS["past"]
_FREE = comment_codes.FREE_TEXT.code.encode("ascii")
_FUSHO_CODE = comment_codes.FUSHO.code.encode("ascii")
_FUSHO_TEXT = comment_codes.FUSHO.master_text.encode("cp932")
_KANA_CODE = comment_codes.KANA_NAME.code.encode("ascii")
_KANA_LABEL = "カナ氏名".encode("cp932")
_PAST_CODE = comment_codes.PAST.code.encode("ascii")
_PAST_TEXT = "旧資格".encode("cp932")
_RECORD_ID = re.compile(rb"[0-9A-Z]{2}")
_INSURER_SHAPE = re.compile(r"[0-9]{8}|  [0-9]{6}")
#: A count or a point total: its spec already reports a longer one (int() refuses 4,300 digits and more).
_DIGITS = re.compile(rb"[0-9]{1,10}")
#: Records that can carry a 摘要 comment (調剤 has TK beside CO).
_COMMENT_RECORDS = frozenset({"CO", "TK"})
#: The records _Checker._in_receipt acts on, besides a receipt's first 摘要 record (_head_ids).
_RECEIPT_IDS = frozenset({"RE", "SH", "HO", "KO", "SN", *_COMMENT_RECORDS})
#: Kinds whose GO totals are checked: the rule (件数 = HO + KO records; 点数 = each receipt's main
#: 合計点数) is the 歯科 spec's note and holds on every 医科 sample read; no 調剤 source confirms it.
_TOTALS_KINDS: frozenset[Kind] = frozenset({"medical", "dental"})
_SINGLE_VOLUME = (b"00", b"99")


def is_late_elderly(receipt_kind: str) -> bool:
    """後期高齢者 receipt: レセプト種別 with 3 as its second digit (13xx 医科, 33xx 歯科, 43xx 調剤)."""
    return len(receipt_kind) == 4 and receipt_kind[1] == "3"


@attrs.define
class CheckStats:
    """What one run saw: records, receipts, problems, and the receipt kind."""

    records: int = 0
    receipts: int = 0
    problems: int = 0
    kind: Kind | None = None


@attrs.define
class _Receipt:
    late: bool = False
    re: Record | None = None
    ho: Record | None = None
    first_ko: Record | None = None
    payers: int = 0  # HO and KO records: what GO 総件数 counts
    #: The head of the 摘要: the first 摘要 record (医科, 歯科), or the first TK or pre-処方 CO (調剤).
    head: Record | None = None
    dispensed: bool = False  # a 調剤 SH has been seen
    kana_comment: bool = False
    past_comment: bool = False


def _field(record: Record, index: int) -> bytes:
    fields = record.raw_fields
    return fields[index] if index < len(fields) else b""


def _number(raw: bytes) -> int | None:
    return int(raw) if _DIGITS.fullmatch(raw) else None


#: How many 保険者番号 results one run keeps: a file names few insurers many times.
_CACHE_SIZE = 4096


def _insurer_code(raw: bytes) -> str | None:
    """The problem code of a 保険者番号 field's bytes, or None."""
    value = raw.decode("cp932", "replace")
    if insurer.is_placeholder(value) or len(raw) != 8 or not raw.isascii():
        # Placeholders are exempt; other lengths and modes are field problems already.
        return None
    if not _INSURER_SHAPE.fullmatch(value):
        return "insurer_number_format"
    return None if insurer.is_valid(value) else "insurer_check_digit"


class _Checker:
    def __init__(self, options: UkeOptions, stats: CheckStats) -> None:
        self.options = options
        self.stats = stats
        self.layout = layout_for("medical", None, options)
        self.out: list[Problem] = []
        self.go_seen = False
        self.header_volume = b""
        self.count = 0
        self.points = 0
        self.insurer_codes: dict[bytes, str | None] = {}

    def _insurer_code(self, raw: bytes) -> str | None:
        # One memo per run: results stay bounded, and no state outlives the file.
        try:
            return self.insurer_codes[raw]
        except KeyError:
            code = _insurer_code(raw)
            if len(self.insurer_codes) < _CACHE_SIZE:
                self.insurer_codes[raw] = code
            return code

    def _add(
        self, code: str, record: Record | None = None, field: str | None = None, position: int | None = None
    ) -> None:
        line = record.line if record is not None else None
        rid = record.record_id if record is not None else None
        self.out.append(Problem.of(code, line=line, record=rid, field=field, position=position))

    def _add_at(self, code: str, record: Record, spec_id: str, name: str) -> None:
        index = self.layout.specs[spec_id].index(name)
        self._add(code, record, name, index + 1)

    def run(self, stream: BinaryIO) -> Iterator[Problem]:
        # Problems of a receipt are found as its records go by and when it ends; they are held until
        # then and given in line order (memory is bounded by one receipt, not by the file).
        out = self.out
        reader = UkeReader(stream)
        receipt: _Receipt | None = None
        records = 0
        layout = self.layout
        # Both set from the file's header, on its first line.
        regexes: dict[str, re.Pattern[bytes]] = {}
        heads: frozenset[str] = frozenset()
        known_ids: set[str] = set()
        for number, raw, eol in reader.lines_of():
            # Most lines need nothing but the regex: a Record is built only for those that do.
            records += 1
            rid = record_id_of(raw)
            if eol != CRLF:
                out.append(Problem.of("line_ending", line=number, record=rid))
            if records == 1:
                layout = self._header(Record(number, raw, eol, rid))
                regexes = {rid: spec.line_regex() for rid, spec in layout.specs.items()}
                heads = _head_ids(layout)
            elif rid in HEADER_IDS and rid != layout.receipt_opener and rid in regexes:
                out.append(Problem.of("header_repeated", line=number, record=rid))
            if self.go_seen:
                out.append(Problem.of("go_not_last", line=number, record=rid))
            regex = regexes.get(rid)
            if regex is not None:
                # The reader has decoded the line as cp932, and every cp932 cell of the rows the regex
                # admits for 漢字 is a JIS X 0208 cell (tests/uke/test_uke_fields.py): a match is valid.
                if not regex.fullmatch(raw):
                    self._fields(Record(number, raw, eol, rid))
            elif rid not in known_ids:
                self._record_id(number, raw, rid, known_ids)
            if rid in ("GO", layout.receipt_opener) or (rid == "RE" and _has_re(receipt)):
                if receipt is not None:
                    self._finish(receipt)
                receipt = None
                if rid == "GO":
                    self._go(Record(number, raw, eol, rid))
                else:
                    receipt = _Receipt()
                    self.stats.receipts += 1
                if out:
                    out.sort(key=_line_order)
                    yield from out
                    out.clear()
            if receipt is not None:
                # Any other record (SY, SI, IY … once the 摘要 head is known) changes nothing there.
                if rid in _RECEIPT_IDS or (receipt.head is None and rid in heads):
                    self._in_receipt(receipt, Record(number, raw, eol, rid), regex is not None)
            elif records > 1 and not self.go_seen and rid not in HEADER_IDS:
                out.append(Problem.of("record_outside_receipt", line=number, record=rid))
        self.stats.records = records
        self._end(receipt, records, reader)
        out.sort(key=_line_order)
        yield from out
        out.clear()

    def _record_id(self, number: int, raw: bytes, rid: str, known_ids: set[str]) -> None:
        """A record id no spec of the file has: noted once when well formed, reported when not."""
        if _RECORD_ID.fullmatch(raw.split(b",", 1)[0]):
            known_ids.add(rid)
        else:
            self.out.append(Problem.of("invalid_record_id", line=number))

    def _header(self, record: Record) -> Layout:
        kind = kind_of_header(record.record_id, record.text(3))
        layout = layout_for(kind or "medical", None, self.options)
        if kind is None or record.record_id != layout.header_id:
            self._add("header_not_first", record)
        else:
            month = header_claim_month(layout.specs[layout.header_id], record.raw_fields)
            layout = layout_for(kind, month, self.options)
            self.header_volume = _field(record, layout.specs[layout.header_id].index(VOLUME))
        self.layout = layout
        self.stats.kind = layout.kind
        return layout

    def _end(self, receipt: _Receipt | None, records: int, reader: UkeReader) -> None:
        if receipt is not None:
            self._finish(receipt)
        if records == 0:
            self._add("empty_file")
        elif not self.go_seen:
            self._add("go_missing")
        if not reader.eof_mark:
            self.out.append(Problem.of("eof_mark_missing", line=reader.lines or None))

    def _fields(self, record: Record) -> None:
        spec = self.layout.specs[record.record_id]
        raw_fields = record.raw_fields
        if len(raw_fields) != len(spec.fields):
            self._add("field_count", record)
        for position, (field, raw) in enumerate(zip(spec.fields, raw_fields, strict=False), start=1):
            for code in field_codes(field, raw):
                self._add(code, record, field.name, position)

    def _in_receipt(self, receipt: _Receipt, record: Record, has_spec: bool) -> None:
        rid = record.record_id
        if rid == "RE" and receipt.re is None:
            receipt.re = record
            kind = _field(record, self.layout.specs["RE"].index(RECEIPT_KIND))
            receipt.late = is_late_elderly(kind.decode("ascii", "replace"))
        if receipt.head is None and self._is_head(receipt, rid):
            receipt.head = record
        if rid == "SH":
            receipt.dispensed = True
        if rid == "RE" or not has_spec:
            return
        if rid in _COMMENT_RECORDS:
            self._comment(receipt, record)
        elif rid == "HO":
            receipt.payers += 1
            if receipt.ho is not None:
                self._add("duplicate_ho", record)
                return
            receipt.ho = record
            code = self._insurer_code(_field(record, self.layout.specs["HO"].index(INSURER)))
            if code is not None:
                self._add_at(code, record, "HO", INSURER)
        elif rid == "KO":
            receipt.payers += 1
            receipt.first_ko = receipt.first_ko or record
            self._public(record)
        elif rid == "SN":
            self._branch(receipt, record)

    def _is_head(self, receipt: _Receipt, rid: str) -> bool:
        if self.layout.kind != "pharmacy":
            return rid in self.layout.summary_ids
        # 調剤: the receipt-level 摘要 is the TK records; a CO is receipt-level only before the first 処方.
        return rid == "TK" or (rid == "CO" and not receipt.dispensed)

    def _comment(self, receipt: _Receipt, record: Record) -> None:
        spec = self.layout.specs[record.record_id]
        code = _field(record, spec.index(COMMENT_CODE))
        text = _field(record, spec.index(COMMENT_TEXT))
        free = code == _FREE
        if code == _KANA_CODE or (free and text.startswith(_KANA_LABEL)):
            receipt.kana_comment = True
        elif code == _PAST_CODE or (free and text.startswith(_PAST_TEXT)):
            receipt.past_comment = True

    def _public(self, record: Record) -> None:
        spec = self.layout.specs["KO"]
        value = record.text(spec.index(PUBLIC_PAYER))
        if len(value) == 8 and value.isascii() and not public_payer.is_valid(value):
            self._add_at("public_payer_check_digit", record, "KO", PUBLIC_PAYER)
        value = record.text(spec.index(RECIPIENT))
        if (
            self.options.check_recipient_digit
            and len(value) == 7
            and recipient.is_valid(value)
            and not recipient.is_valid(value, check_digit=True)
        ):
            self._add_at("recipient_check_digit", record, "KO", RECIPIENT)

    def _branch(self, receipt: _Receipt, record: Record) -> None:
        spec = self.layout.specs["SN"]
        if not record.text(spec.index(BRANCH)):
            return
        if record.text(spec.index(PAYER_KIND)) in {"2", "3", "4", "5"}:
            self._add_at("branch_for_public", record, "SN", BRANCH)
        elif receipt.late:
            self._add_at("branch_for_late_elderly", record, "SN", BRANCH)

    def _finish(self, receipt: _Receipt) -> None:
        self._tally(receipt)
        ho = receipt.ho
        first = receipt.head
        fusho_first = (
            first is not None
            and first.record_id in _COMMENT_RECORDS
            and _is_fusho_comment(first, self.layout)
        )
        flag = self._flag(receipt)
        if ho is None:
            if fusho_first:
                assert first is not None
                self._add("fusho_summary_without_placeholder", first)
            return
        specs = self.layout.specs
        number = _field(ho, specs["HO"].index(NUMBER))
        if _field(ho, specs["HO"].index(INSURER)) in _FUSHO_INSURERS:
            if not fusho_first:
                self._add_at("fusho_summary_not_first", ho, "HO", INSURER)
            if not receipt.kana_comment:
                self._add_at("fusho_kana_name_missing", ho, "HO", INSURER)
            if _field(ho, specs["HO"].index(SYMBOL)):
                self._add_at("fusho_symbol_not_empty", ho, "HO", SYMBOL)
            if number not in _FUSHO_NUMBERS[receipt.late]:
                self._add_at("fusho_number", ho, "HO", NUMBER)
            if flag is not None and flag != _FUSHO_FLAG:
                self._flag_problem("fusho_flag_missing", receipt)
            return
        if fusho_first:
            assert first is not None
            self._add("fusho_summary_without_placeholder", first)
        if number in _ALL_FUSHO_NUMBERS:
            self._add_at("fusho_number_without_placeholder", ho, "HO", NUMBER)
        if flag == _FUSHO_FLAG:
            self._flag_problem("fusho_flag_with_real_insurer", receipt)
        elif flag == _PAST_FLAG and not receipt.past_comment:
            self._flag_problem("past_flag_without_comment", receipt)
        elif flag is not None and flag != _PAST_FLAG and receipt.past_comment:
            self._flag_problem("past_comment_without_flag", receipt)

    def _flag(self, receipt: _Receipt) -> str | None:
        """The receipt's 資格確認区分, when this kind carries one and 請求情報 is in the reference layout."""
        if not self.layout.flags or receipt.re is None:
            return None
        raw = _field(receipt.re, self.layout.specs["RE"].index(self.layout.claim_info))
        return flag_of(decode_value(raw))

    def _flag_problem(self, code: str, receipt: _Receipt) -> None:
        assert receipt.re is not None
        self._add_at(code, receipt.re, "RE", self.layout.claim_info)

    def _tally(self, receipt: _Receipt) -> None:
        self.count += receipt.payers
        main = receipt.ho or receipt.first_ko
        if main is not None:
            self.points += _number(_field(main, self.layout.specs[main.record_id].index(POINTS))) or 0

    def _go(self, record: Record) -> None:
        self.go_seen = True
        spec = self.layout.specs["GO"]
        single = (self.header_volume, _field(record, spec.index(VOLUME))) == _SINGLE_VOLUME
        if not single or self.layout.kind not in _TOTALS_KINDS:
            return
        count = _number(_field(record, spec.index(TOTAL_COUNT)))
        if count is not None and count != self.count:
            self._add_at("go_count_mismatch", record, "GO", TOTAL_COUNT)
        points = _number(_field(record, spec.index(TOTAL_POINTS)))
        if points is not None and points != self.points:
            self._add_at("go_points_mismatch", record, "GO", TOTAL_POINTS)


def _head_ids(layout: Layout) -> frozenset[str]:
    """The records that can open a receipt's 摘要 (_Checker._is_head); 調剤's TK and CO are receipt records."""
    return frozenset() if layout.kind == "pharmacy" else layout.summary_ids


def _has_re(receipt: _Receipt | None) -> bool:
    return receipt is not None and receipt.re is not None


def _is_fusho_comment(record: Record, layout: Layout) -> bool:
    """「不詳」 as a comment: the fixed-text code 820000246, or a free comment whose text is 「不詳…」."""
    spec = layout.specs[record.record_id]
    code = _field(record, spec.index(COMMENT_CODE))
    return code == _FUSHO_CODE or (
        code == _FREE and _field(record, spec.index(COMMENT_TEXT)).startswith(_FUSHO_TEXT)
    )


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
