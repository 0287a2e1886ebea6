"""``uke-patch``: put resolutions into a vendor's UKE file, changing only what they decide.

For each receipt named by a resolution (matched on the RE レセプト番号):

- HO: 保険者番号・記号・番号 rewritten;
- RE: the 資格確認区分 of 請求情報 set (``1`` 不詳, ``2`` 旧資格, back to ``0`` for a
  current claim), for the kinds in ``UkeOptions.flag_kinds``;
- SN (負担者種別 1): its 枝番 set — empty when there is none, the record kept, as
  the reference software keeps it; one added when an 枝番 has no SN to go in;
- the resolution's comments inserted as CO (調剤: TK) records before the
  receipt's first 摘要 record — unless exactly those records already open it,
  so a file patched twice with the same resolutions is the file patched once.

Every other record keeps its bytes. A receipt ends at the next receipt (RE;
the IR before every 歯科 RE) or at the GO.

The patch refuses, writing nothing, when a resolution cannot be applied
(an error record, no receipt_number, a receipt named twice or not in the
file …) or when the result has a problem ``uke-check`` reports that the
original file did not have. Problems the file already had are reported as
such and left alone; ``strict`` refuses unless the result is clean. The
output goes to a temporary file beside the target, is checked, and only then
put in place (``rezept_fusho.atomic_file``): a refusal, an error or a kill never leaves
half a file, and on Linux no temporary file either.
"""

from __future__ import annotations

import array
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

import attrs
from pydantic import ValidationError

from rezept_fusho.atomic_file import AtomicFile
from rezept_fusho.models.resolution import Resolution
from rezept_fusho.rules.claim import qualification_flag
from rezept_fusho.uke.build.co import build_comments
from rezept_fusho.uke.build.ho import build_ho, ho_values
from rezept_fusho.uke.build.re import with_flag
from rezept_fusho.uke.build.sn import INSURANCE, build_sn
from rezept_fusho.uke.check import CheckStats, is_late_elderly, iter_problems
from rezept_fusho.uke.fields import decode_value
from rezept_fusho.uke.options import Kind, UkeOptions
from rezept_fusho.uke.problems import Problem, UkeError
from rezept_fusho.uke.reader import UkeReader
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs import header_claim_month, kind_of_header, layout_for
from rezept_fusho.uke.specs.common import BRANCH, PAYER_KIND, RECEIPT_KIND, RECEIPT_NUMBER
from rezept_fusho.uke.writer import replace_fields, write_records

__all__ = ["PatchResult", "load_resolutions", "patch_file", "patch_records", "receipt_key"]

#: Records that open a receipt, before its SN: a new SN of the 医療保険 goes right after them.
_HEAD = frozenset({"IR", "RE", "HO", "KO"})
#: Problems of the file as a whole, matched between the original and the result by their code alone.
_FILE_LEVEL = frozenset({"eof_mark_missing", "go_missing", "empty_file"})


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
        resolution, code = _resolution(data)
        if resolution is None:
            problems.append(Problem.of(code, line=number))
            continue
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


def _resolution(data: bytes) -> tuple[Resolution | None, str]:
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError):
        # RecursionError: a line of deeply nested brackets is not a resolution either.
        return None, "resolution_invalid"
    if isinstance(obj, dict) and "error" in obj:
        return None, "resolution_is_error"
    try:
        return Resolution.model_validate(obj), ""
    except ValidationError:
        return None, "resolution_invalid"


@attrs.define
class PatchResult:
    """What a patch did: the receipt kind, the receipts it changed, and the problems the file already had."""

    kind: Kind | None = None
    patched: set[str] = attrs.field(factory=set)
    pre_existing: list[Problem] = attrs.field(factory=list)
    #: For each output line, the line it came from in the original file (0 for a record the patch added).
    origins: array.array[int] = attrs.field(factory=lambda: array.array("L"))


class _Patcher:
    def __init__(
        self, resolutions: Mapping[str, Resolution], options: UkeOptions, result: PatchResult
    ) -> None:
        self.resolutions = resolutions
        self.options = options
        self.result = result
        self.layout = layout_for("medical", None, options)

    def run(self, records: Iterable[Record]) -> Iterator[Record]:
        # One receipt is held at a time, from its first record to the next boundary, then written.
        held: list[Record] = []
        first = True
        for record in records:
            rid = record.record_id
            if first:
                first = False
                self._choose(record)
                if rid == self.layout.header_id:
                    yield record
                    continue
            opens = rid in ("GO", self.layout.receipt_opener) or (rid == "RE" and _re_index(held) is not None)
            if opens:
                yield from self._receipt(held)
                held = []
            held.append(record)
        yield from self._receipt(held)

    def _choose(self, header: Record) -> None:
        kind = kind_of_header(header.record_id, header.text(3)) or "medical"
        layout = layout_for(kind, None, self.options)
        if header.record_id == layout.header_id:
            month = header_claim_month(layout.specs[layout.header_id], header.raw_fields)
            layout = layout_for(kind, month, self.options)
        self.layout = layout
        self.result.kind = kind

    def _receipt(self, held: list[Record]) -> list[Record]:
        index = _re_index(held)
        if index is None:
            return held
        re_record = held[index]
        key = receipt_key(re_record.text(self.layout.specs["RE"].index(RECEIPT_NUMBER)) or "0")
        resolution = self.resolutions.get(key)
        if resolution is None:
            return held
        if key in self.result.patched:
            raise UkeError([Problem.of("receipt_number_repeated", line=re_record.line, record="RE")])
        self.result.patched.add(key)
        try:
            return self._patch(held, index, resolution)
        except UkeError as exc:
            # Name the receipt: the builders do not know where their record goes.
            raise UkeError([attrs.evolve(p, line=re_record.line) for p in exc.problems]) from None

    def _patch(self, receipt: list[Record], re_index: int, resolution: Resolution) -> list[Record]:
        specs = self.layout.specs
        re_record = receipt[re_index]
        late = is_late_elderly(re_record.text(specs["RE"].index(RECEIPT_KIND)))
        ho_index = next((i for i, r in enumerate(receipt) if r.record_id == "HO"), None)
        if ho_index is None:
            raise UkeError([Problem.of("receipt_without_ho", line=re_record.line, record="RE")])
        out = list(receipt)
        values = ho_values(resolution.insurer_number, resolution.symbol, resolution.number)
        out[ho_index] = build_ho(specs["HO"], values, receipt[ho_index])
        out[re_index] = self._flag(re_record, resolution)
        out = self._branch(out, resolution.branch, late)
        pairs = [(comment.code, comment.text) for comment in resolution.comments]
        comments = build_comments(specs[self.layout.comment_id], pairs, self.options)
        at = next(
            (i for i, r in enumerate(out) if i > re_index and r.record_id in self.layout.summary_ids),
            len(out),
        )
        if _same_records(out[at : at + len(comments)], comments):
            return out  # patched before with this resolution: patching again changes nothing
        return out[:at] + comments + out[at:]

    def _flag(self, re_record: Record, resolution: Resolution) -> Record:
        if not self.layout.flags:
            return re_record
        spec = self.layout.specs["RE"]
        name = self.layout.claim_info
        flag = resolution.qualification_flag or qualification_flag.NEITHER
        fields = re_record.raw_fields
        index = spec.index(name)
        current = decode_value(fields[index]) if index < len(fields) else ""
        updated = with_flag(current, flag, self.options.created_at)
        if updated is None:
            problem = Problem.of("claim_info_unusable", record="RE", field=name, position=index + 1)
            raise UkeError([problem])
        if updated == current:
            return re_record
        return replace_fields(re_record, spec, {name: updated})

    def _branch(self, out: list[Record], branch: str | None, late: bool) -> list[Record]:
        spec = self.layout.specs["SN"]
        payer_kind = spec.index(PAYER_KIND)
        index = next(
            (i for i, r in enumerate(out) if r.record_id == "SN" and r.text(payer_kind) == INSURANCE), None
        )
        if index is None:
            new = build_sn(spec, branch, late_elderly=late)
            if new is None:
                return out
            head = next((i for i, r in enumerate(out) if r.record_id not in _HEAD), len(out))
            return [*out[:head], new, *out[head:]]
        if branch is not None and late:
            raise UkeError([Problem.of("branch_for_late_elderly", record="SN", field=BRANCH)])
        existing = out[index]
        if existing.text(spec.index(BRANCH)) != (branch or ""):
            out[index] = replace_fields(existing, spec, {BRANCH: branch or ""})
        return out


def _re_index(records: list[Record]) -> int | None:
    return next((i for i, r in enumerate(records) if r.record_id == "RE"), None)


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
    *,
    strict: bool = False,
) -> PatchResult:
    """Patch *source* into *target* atomically; raises UkeError (nothing written) when refused.

    Refused when a resolution cannot be applied, or when the result has a problem the
    source did not have (with *strict*: any problem at all). The problems the source
    already had are in :attr:`PatchResult.pre_existing`.
    """
    options = options or UkeOptions()
    result = PatchResult()
    # Opened first: a target that cannot be written fails before any work. Linux keeps the
    # output unnamed until it is linked into place, so a killed run leaves nothing behind.
    pending = AtomicFile.open(target)
    try:
        with open(source, "rb") as stream:
            _write(stream, pending.file, resolutions, options, result)
        missing = sorted(set(resolutions) - set(result.patched), key=lambda k: (len(k), k))
        if missing:
            # A レセプト番号 is not personal data: name it, so the vendor can find the resolution.
            raise UkeError(
                [
                    Problem.of("receipt_not_found", record="RE", field=f"{RECEIPT_NUMBER} {key}")
                    for key in missing
                ]
            )
        with pending.read_back() as written:
            problems = list(iter_problems(written, options, CheckStats()))
        if problems and not strict:
            with open(source, "rb") as original:
                before = list(iter_problems(original, options, CheckStats()))
            problems, result.pre_existing = _split(problems, before, result.origins)
        if problems:
            raise UkeError([Problem.of("result_fails_check"), *problems])
        pending.commit()
    except BaseException:
        pending.discard()
        raise
    return result


def _key(problem: Problem, line: int | None) -> tuple[object, ...]:
    if problem.code in _FILE_LEVEL:
        return (problem.code,)
    return (line, problem.code, problem.record, problem.field, problem.position)


def _split(
    after: list[Problem], before: list[Problem], origins: array.array[int]
) -> tuple[list[Problem], list[Problem]]:
    """(problems the patch added, problems of the original it kept — as the original's lines say them).

    A problem of the result is matched to the original through its line's origin; one at a
    record the patch added, or with no match in the original, is added by the patch.
    """
    known = {_key(problem, problem.line): problem for problem in before}
    added: list[Problem] = []
    kept: dict[tuple[object, ...], Problem] = {}
    for problem in after:
        origin = (
            origins[problem.line - 1] if problem.line is not None and problem.line <= len(origins) else None
        )
        key = _key(problem, origin)
        if origin == 0 or key not in known:
            added.append(problem)
        else:
            kept[key] = known[key]
    return added, list(kept.values())


def _write(
    stream: BinaryIO,
    out: BinaryIO,
    resolutions: Mapping[str, Resolution],
    options: UkeOptions,
    result: PatchResult,
) -> None:
    reader = UkeReader(stream)
    origins = result.origins

    def traced(records: Iterable[Record]) -> Iterator[Record]:
        for record in records:
            origins.append(record.line)
            yield record

    write_records(traced(patch_records(reader, resolutions, options, result)), out, eof_mark=False)
    if reader.eof_mark:
        out.write(b"\x1a")
