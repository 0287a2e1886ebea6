"""``uke-patch``: put resolutions into a vendor's UKE file, changing only what they decide.

For each receipt named by a resolution (matched on the RE レセプト番号) the
HO 保険者番号・記号・番号 are rewritten, the SN record of the 医療保険
(負担者種別 1) gains, loses or keeps its 枝番 as the resolution says, and the
resolution's 摘要 lines are inserted as CO records before the receipt's first
摘要 record (SI / IY / TO / CO for 医科) — unless exactly those CO records
already open the 摘要, so a file patched twice with the same resolutions is
the file patched once. Every other record keeps its bytes.

The patch refuses, writing nothing, when a resolution is an error record, has
no receipt_number, names a receipt twice or names one not in the file, or when
the result would not pass ``uke-check``. The output goes to a temporary file
beside the target, is checked, and only then renamed into place.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import attrs
from pydantic import ValidationError

from rezept_fusho.models.resolution import Resolution
from rezept_fusho.uke.build.co import build_comments
from rezept_fusho.uke.build.ho import build_ho, ho_values
from rezept_fusho.uke.build.sn import INSURANCE, build_sn
from rezept_fusho.uke.check import CheckStats, is_late_elderly, iter_problems
from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.problems import Problem, UkeError
from rezept_fusho.uke.reader import UkeReader
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs import Kind, file_specs, summary_records
from rezept_fusho.uke.specs.common import BRANCH, PAYER_KIND, RECEIPT_KIND, RECEIPT_NUMBER
from rezept_fusho.uke.writer import replace_fields, write_records

__all__ = ["PatchResult", "load_resolutions", "patch_file", "patch_records", "receipt_key"]

#: Records that open a receipt, before its SN: the SN of the 医療保険 goes right after them.
_HEAD = frozenset({"RE", "HO", "KO"})
#: SN fields that, when any is filled, make the SN more than an 枝番 carrier: then it is kept.
_SN_OTHER = ("保険者番号等", "記号", "番号", "受給者番号")


def receipt_key(number: str) -> str:
    """レセプト番号 without leading zeros (both sides are validated ASCII digits)."""
    return number.lstrip("0") or "0"


def load_resolutions(lines: Iterable[bytes]) -> dict[str, Resolution]:
    """Resolutions by receipt key, from JSON Lines; raises UkeError naming every bad line."""
    found: dict[str, Resolution] = {}
    problems = []
    for number, raw in enumerate(lines, start=1):
        data = raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
        if not data.strip():
            continue
        code = _resolution_code(data)
        if code is not None:
            problems.append(Problem.of(code, line=number))
            continue
        resolution = Resolution.model_validate_json(data)
        if resolution.receipt_number is None:
            problems.append(Problem.of("resolution_without_receipt_number", line=number))
            continue
        key = receipt_key(resolution.receipt_number)
        if key in found:
            problems.append(Problem.of("receipt_named_twice", line=number, field="receipt_number"))
            continue
        found[key] = resolution
    if problems:
        raise UkeError(problems)
    return found


def _resolution_code(data: bytes) -> str | None:
    try:
        obj = json.loads(data)
    except ValueError:
        return "resolution_invalid"
    if isinstance(obj, dict) and "error" in obj:
        return "resolution_is_error"
    try:
        resolution = Resolution.model_validate_json(data)
    except ValidationError:
        return "resolution_invalid"
    if resolution.receipt_number is not None and not _digits(resolution.receipt_number):
        return "resolution_invalid"
    return None


def _digits(text: str) -> bool:
    return 1 <= len(text) <= 6 and text.isascii() and all(char in "0123456789" for char in text)


@attrs.define
class PatchResult:
    """What a patch did: the receipt type and how many receipts it changed."""

    kind: Kind | None = None
    patched: set[str] = attrs.field(factory=set)


class _Patcher:
    def __init__(
        self, resolutions: Mapping[str, Resolution], options: UkeOptions, result: PatchResult
    ) -> None:
        self.resolutions = resolutions
        self.options = options
        self.result = result
        self.specs: Mapping[str, RecordSpec] = {}
        self.summary_ids: frozenset[str] = frozenset()

    def run(self, records: Iterable[Record]) -> Iterator[Record]:
        # A named receipt is held (RE up to the next RE or GO) until it can be patched as a whole.
        receipt: list[Record] | None = None
        resolution: Resolution | None = None
        for record in records:
            if not self.specs:
                self._choose(record.record_id, record.text(3))
            if record.record_id in {"RE", "GO"} and receipt is not None and resolution is not None:
                yield from self._patch(receipt, resolution)
                receipt = None
            if record.record_id == "RE":
                key = receipt_key(record.text(self.specs["RE"].index(RECEIPT_NUMBER)) or "0")
                resolution = self.resolutions.get(key)
                if resolution is not None:
                    if key in self.result.patched:
                        problem = Problem.of("receipt_number_repeated", line=record.line, record="RE")
                        raise UkeError([problem])
                    self.result.patched.add(key)
                    receipt = [record]
                    continue
            if receipt is not None:
                receipt.append(record)
            else:
                yield record
        if receipt is not None and resolution is not None:
            yield from self._patch(receipt, resolution)

    def _choose(self, header_id: str, score_table: str) -> None:
        kind, self.specs = file_specs(header_id, score_table, self.options)
        self.result.kind = kind
        self.summary_ids = summary_records(kind)

    def _patch(self, receipt: list[Record], resolution: Resolution) -> list[Record]:
        re_record = receipt[0]
        late = is_late_elderly(re_record.text(self.specs["RE"].index(RECEIPT_KIND)))
        ho_index = next((i for i, r in enumerate(receipt) if r.record_id == "HO"), None)
        if ho_index is None:
            raise UkeError([Problem.of("receipt_without_ho", line=re_record.line, record="RE")])
        try:
            values = ho_values(resolution.insurer_number, resolution.symbol, resolution.number)
            out = list(receipt)
            out[ho_index] = build_ho(self.specs["HO"], values, receipt[ho_index])
            out = self._branch(out, resolution.branch, late)
            comments = build_comments(self.specs["CO"], resolution.summary, self.options)
        except UkeError as exc:
            # Name the receipt: the builders do not know where their record goes.
            raise UkeError([attrs.evolve(p, line=re_record.line) for p in exc.problems]) from None
        at = next((i for i, r in enumerate(out) if r.record_id in self.summary_ids), len(out))
        if _same_records(out[at : at + len(comments)], comments):
            return out  # patched before with this resolution: patching again changes nothing
        return out[:at] + comments + out[at:]

    def _branch(self, out: list[Record], branch: str | None, late: bool) -> list[Record]:
        spec = self.specs["SN"]
        payer_kind = spec.index(PAYER_KIND)
        index = next(
            (i for i, r in enumerate(out) if r.record_id == "SN" and r.text(payer_kind) == INSURANCE), None
        )
        new = build_sn(spec, branch, late_elderly=late)
        if index is None:
            if new is None:
                return out
            head = next((i for i, r in enumerate(out) if r.record_id not in _HEAD), len(out))
            return [*out[:head], new, *out[head:]]
        existing = out[index]
        if new is None and not any(existing.text(spec.index(name)) for name in _SN_OTHER):
            # The SN carried nothing but the 枝番 the resolution drops.
            return out[:index] + out[index + 1 :]
        out[index] = replace_fields(existing, spec, {BRANCH: branch or ""})
        return out


def _same_records(held: list[Record], built: list[Record]) -> bool:
    return len(held) == len(built) and all(a.raw == b.raw for a, b in zip(held, built, strict=True))


def patch_records(
    records: Iterable[Record], resolutions: Mapping[str, Resolution], options: UkeOptions, result: PatchResult
) -> Iterator[Record]:
    """The records of a file with *resolutions* applied (a generator: one receipt held at a time)."""
    return _Patcher(resolutions, options, result).run(records)


def patch_file(
    source: str | os.PathLike[str],
    resolutions: Mapping[str, Resolution],
    target: str | os.PathLike[str],
    options: UkeOptions | None = None,
) -> PatchResult:
    """Patch *source* into *target* atomically; raises UkeError (nothing written) when refused."""
    options = options or UkeOptions()
    result = PatchResult()
    target_path = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target_path.name}.", suffix=".part", dir=target_path.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as stream:
            _write(stream, out, resolutions, options, result)
        missing = sorted(set(resolutions) - set(result.patched), key=lambda k: (len(k), k))
        if missing:
            # A レセプト番号 is not personal data: name it, so the vendor can find the resolution.
            raise UkeError(
                [
                    Problem.of("receipt_not_found", record="RE", field=f"{RECEIPT_NUMBER} {key}")
                    for key in missing
                ]
            )
        with open(tmp, "rb") as written:
            problems = list(iter_problems(written, options, CheckStats()))
        if problems:
            raise UkeError([Problem.of("result_fails_check"), *problems])
        os.replace(tmp, target_path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return result


def _write(
    stream: BinaryIO,
    out: BinaryIO,
    resolutions: Mapping[str, Resolution],
    options: UkeOptions,
    result: PatchResult,
) -> None:
    reader = UkeReader(stream)
    write_records(patch_records(reader, resolutions, options, result), out, eof_mark=False)
    if reader.eof_mark:
        out.write(b"\x1a")
