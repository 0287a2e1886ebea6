"""Properties: spec round trips, 漢字 limits, and what patching keeps and guarantees."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.uke.build.co import build_comments
from rezept_fusho.uke.check import iter_problems
from rezept_fusho.uke.fields import Mode, field_codes, is_jis_x0208_bytes
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.patch import PatchResult, load_resolutions, patch_records
from rezept_fusho.uke.reader import read_records
from rezept_fusho.uke.specs import KINDS, specs_for
from rezept_fusho.uke.writer import encode_record
from uke.helpers import GO, IR, medical_re, resolution
from uke.strategies_uke import JIS_CHARS, value_for

OPTIONS = UkeOptions()
SPECS = [(kind, spec) for kind in KINDS for spec in specs_for(kind, OPTIONS).values()]


@given(st.sampled_from(SPECS), st.data())
def test_write_then_read_round_trips_every_spec(kind_spec: tuple[str, object], data: st.DataObject) -> None:
    _, spec = kind_spec
    values = {field.name: data.draw(value_for(field), label=field.name) for field in spec.fields[1:]}  # type: ignore[attr-defined]
    raw = encode_record(spec, values)  # type: ignore[arg-type]
    (record,) = read_records(io.BytesIO(raw + b"\r\n"))
    assert record.record_id == spec.record_id  # type: ignore[attr-defined]
    assert len(record.raw_fields) == len(spec.fields)  # type: ignore[attr-defined]
    for index, field in enumerate(spec.fields[1:], start=1):  # type: ignore[attr-defined]
        assert record.text(index) == values[field.name]
        assert field_codes(field, record.raw_fields[index]) == []
    assert spec.line_regex().fullmatch(record.raw)  # type: ignore[attr-defined]


summary_text = st.text(
    alphabet=st.one_of(st.sampled_from(JIS_CHARS), st.characters(min_codepoint=0x21, max_codepoint=0x7E)),
    max_size=200,
)


@given(st.lists(summary_text, max_size=4), st.integers(min_value=2, max_value=120), st.sampled_from(KINDS))
def test_kanji_fields_never_exceed_their_limit_or_leave_jis(lines: list[str], limit: int, kind: str) -> None:
    options = UkeOptions(comment_max_bytes=limit)
    spec = specs_for(kind, options)["CO"]  # type: ignore[arg-type]
    text_index = spec.index("文字データ")
    records = build_comments(spec, lines, options)
    assert len(records) == sum((len(line) + limit // 2 - 1) // (limit // 2) for line in lines)
    for record in records:
        raw = record.raw_fields[text_index]
        assert 0 < len(raw) <= limit
        assert is_jis_x0208_bytes(raw)
        assert field_codes(spec.fields[text_index], raw) == []


HO = "HO,01130012,1234567,89,1,10,,,,,,,,,"


def _one_sn_first(body: list[str]) -> list[str]:
    """A receipt has at most one SN per 負担者種別, right after its RE/HO records."""
    sn = [line for line in body if line.startswith("SN")]
    return sn[:1] + [line for line in body if not line.startswith("SN")]


receipt_body = st.lists(
    st.sampled_from(
        [
            "SY,8830417,20260501,1,,,,,",
            "SI,11,1,111000110,,291,1,,,,,",
            "IY,21,1,620000001,1,,1,,,,,",
            "CO,11,1,820000001,",
            "SN,1,01,,,,01,,",
        ]
    ),
    max_size=4,
).map(_one_sn_first)
fusho = st.fixed_dictionaries(
    {
        "basis": st.just("fusho"),
        "insurer_number": st.sampled_from(["77777777", "77777779"]),
        "symbol": st.none(),
        "number": st.just("777777777"),
        "summary": st.lists(summary_text.filter(bool).map(lambda t: "不詳" + t), min_size=1, max_size=3).map(
            lambda s: ["不詳", *s]
        ),
    }
)
current = st.fixed_dictionaries(
    {
        "insurer_number": st.sampled_from(["01130012", "133066", "39130000"]),
        "symbol": st.sampled_from([None, "12", "東京"]),
        "number": st.sampled_from(["1", "１２３"]),
        "branch": st.sampled_from([None, "00", "01"]),
    }
)


@given(st.lists(st.tuples(receipt_body, st.one_of(st.none(), fusho, current)), min_size=1, max_size=6))
def test_patch_keeps_untouched_receipts_and_passes_check(
    receipts: list[tuple[list[str], dict[str, object] | None]],
) -> None:
    blocks = [[medical_re(n), HO, *body] for n, (body, _) in enumerate(receipts, start=1)]
    data = (
        "".join(line + "\r\n" for line in [IR, *[line for block in blocks for line in block], GO]).encode(
            "cp932"
        )
        + b"\x1a"
    )
    objects = [
        resolution(str(n), **changes)
        for n, (_, changes) in enumerate(receipts, start=1)
        if changes is not None
    ]
    resolutions = load_resolutions([json.dumps(o, ensure_ascii=False).encode() for o in objects])
    out = io.BytesIO()
    for record in patch_records(read_records(io.BytesIO(data)), resolutions, OPTIONS, PatchResult()):
        out.write(record.to_bytes())
    out.write(b"\x1a")
    patched = out.getvalue()
    for n, (block, (_, changes)) in enumerate(zip(blocks, receipts, strict=True), start=1):
        if changes is None:
            assert "".join(line + "\r\n" for line in block).encode("cp932") in patched, n
    assert patched.startswith((IR + "\r\n").encode("cp932"))
    assert patched.endswith((GO + "\r\n\x1a").encode("cp932"))
    problems = list(iter_problems(io.BytesIO(patched)))
    assert [p.code for p in problems] == []
    again = io.BytesIO()
    for record in patch_records(read_records(io.BytesIO(patched)), resolutions, OPTIONS, PatchResult()):
        again.write(record.to_bytes())
    again.write(b"\x1a")
    assert again.getvalue() == patched  # idempotent: a second run changes nothing


def test_modes_cover_every_spec() -> None:
    modes = {field.mode for _, spec in SPECS for field in spec.fields}
    assert modes == set(Mode)
