"""Properties: spec round trips and comment limits (patching: ``test_uke_roundtrip.py``)."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.uke.build.co import build_comments
from rezept_fusho.uke.fields import Mode, field_codes, is_jis_x0208_bytes
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.reader import read_records
from rezept_fusho.uke.specs import KINDS, layout_for
from rezept_fusho.uke.writer import encode_record
from uke.strategies_uke import JIS_CHARS, value_for

OPTIONS = UkeOptions()
SPECS = [(kind, spec) for kind in KINDS for spec in layout_for(kind, None, OPTIONS).specs.values()]


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


comment_text = st.text(alphabet=st.sampled_from(JIS_CHARS), max_size=200)
codes = st.sampled_from(["810000001", "820000246", "830000501", "830000505", "820000245"])


@given(
    st.lists(st.tuples(codes, comment_text), max_size=4),
    st.integers(min_value=2, max_value=120),
    st.sampled_from(KINDS),
)
def test_comments_never_exceed_their_limit_or_leave_jis(
    comments: list[tuple[str, str]], limit: int, kind: str
) -> None:
    options = UkeOptions(comment_max_bytes=limit)
    spec = layout_for(kind, None, options).specs["CO"]  # type: ignore[arg-type]
    text_index = spec.index("文字データ")
    code_index = spec.index("コメントコード")
    records = build_comments(spec, comments, options)
    per_piece = limit // 2
    assert len(records) == sum(max(1, (len(text) + per_piece - 1) // per_piece) for _, text in comments)
    pieces = iter(records)
    for code, text in comments:
        rebuilt = ""
        for _ in range(max(1, (len(text) + per_piece - 1) // per_piece)):
            record = next(pieces)
            assert record.raw_fields[code_index].decode() == code  # a continuation keeps the code
            raw = record.raw_fields[text_index]
            assert len(raw) <= limit
            assert is_jis_x0208_bytes(raw)
            assert field_codes(spec.fields[text_index], raw) == []
            rebuilt += raw.decode("shift_jis")
        assert rebuilt == text
    if "診療識別" in [field.name for field in spec.fields]:
        categories = [record.raw_fields[1] for record in records]
        assert categories[:1] in ([], [b"01"])
        assert not any(categories[1:])


def test_modes_cover_every_spec() -> None:
    modes = {field.mode for _, spec in SPECS for field in spec.fields}
    assert modes == set(Mode)
