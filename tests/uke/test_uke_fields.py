"""Field modes, byte limits, the encoder and the record regex (the checker's fast path)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.uke.fields import (
    FieldSpec,
    Mode,
    decode_value,
    encode_value,
    field_codes,
    is_jis_x0208_bytes,
)
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs import KINDS, header_claim_month, kind_of_header, layout_for
from uke.strategies_uke import JIS_CHARS

TEXT = FieldSpec("記号", Mode.TEXT, 38)


@pytest.mark.parametrize(
    ("spec", "value", "codes"),
    [
        (FieldSpec("n", Mode.NUMERIC, 3), "12", []),
        (FieldSpec("n", Mode.NUMERIC, 3), "1a", ["not_numeric"]),
        (FieldSpec("n", Mode.NUMERIC, 3), "１", ["not_numeric"]),
        (FieldSpec("n", Mode.NUMERIC, 3), "1234", ["too_long"]),
        (FieldSpec("n", Mode.NUMERIC, 2, fixed=True), "1", ["wrong_length"]),
        (FieldSpec("n", Mode.NUMERIC, 2, fixed=True), "", []),
        (FieldSpec("n", Mode.NUMERIC, 2, required=True), "", ["missing_value"]),
        (FieldSpec("a", Mode.ALNUM, 4), "A-1 ", []),
        (FieldSpec("a", Mode.ALNUM, 4), "ｱ", ["not_alphanumeric"]),
        (FieldSpec("k", Mode.KANJI, 4), "不詳", []),
        (FieldSpec("k", Mode.KANJI, 4), "不詳不", ["too_long"]),
        (FieldSpec("k", Mode.KANJI, 4), "A", ["not_kanji"]),
        (FieldSpec("k", Mode.KANJI, 4), "①", ["not_jis_x0208"]),
        (FieldSpec("k", Mode.KANJI, 4), "髙", ["not_jis_x0208"]),
        (FieldSpec("k", Mode.KANJI, 4), "～−", []),
        (TEXT, "1234", []),
        (TEXT, "１２３４", []),
        (TEXT, "東京", []),
        (TEXT, "1２", ["mixed_width"]),
        (TEXT, "１2", ["mixed_width"]),
        (TEXT, "ｱ", ["mixed_width"]),
        (TEXT, "①", ["not_jis_x0208"]),
    ],
)
def test_field_codes(spec: FieldSpec, value: str, codes: list[str]) -> None:
    assert field_codes(spec, value.encode("cp932")) == codes


def test_encode_value_refuses_with_a_code() -> None:
    spec = FieldSpec("k", Mode.KANJI, 4)
    with pytest.raises(ValueError, match="not_jis_x0208"):
        encode_value(spec, "𠮷")
    with pytest.raises(ValueError, match="not_kanji"):
        encode_value(spec, "A")
    assert encode_value(spec, "〜") == b"\x81\x60"


def test_decode_value_prefers_jis_code_points() -> None:
    assert decode_value(b"\x81\x60\x81\x7c") == "〜−"
    assert decode_value("①".encode("cp932")) == "①"


def test_jis_x0208_bytes() -> None:
    assert is_jis_x0208_bytes("漢字".encode("cp932"))
    assert not is_jis_x0208_bytes(b"A")
    assert not is_jis_x0208_bytes("①".encode("cp932"))


def test_every_jis_x0208_character_is_a_kanji_field() -> None:
    spec = FieldSpec("k", Mode.KANJI, 2)
    pattern = FieldSpec("k", Mode.KANJI, 2).pattern()
    import re

    regex = re.compile(pattern)
    for char in JIS_CHARS:
        raw = char.encode("cp932")
        assert field_codes(spec, raw) == [], hex(ord(char))
        assert regex.fullmatch(raw)
    assert len(JIS_CHARS) == 6879


@given(st.binary(max_size=12))
def test_regex_fast_path_agrees_with_field_codes(raw: bytes) -> None:
    import re

    try:
        raw.decode("cp932")
    except UnicodeDecodeError:
        return  # the reader refuses these before any check
    if b"," in raw:
        return
    for mode in Mode:
        for spec in (
            FieldSpec("f", mode, 6),
            FieldSpec("f", mode, 6, fixed=True),
            FieldSpec("f", mode, 6, required=True),
        ):
            fast = re.fullmatch(spec.pattern(), raw) is not None and (not raw or _sjis(raw))
            assert fast == (field_codes(spec, raw) == []), (spec, raw)


def _sjis(raw: bytes) -> bool:
    try:
        raw.decode("shift_jis")
    except UnicodeDecodeError:
        return False
    return True


def test_record_spec_index() -> None:
    spec = layout_for("medical", None, UkeOptions()).specs["HO"]
    assert spec.index("保険者番号") == 1
    with pytest.raises(KeyError):
        spec.index("無い項目")


@pytest.mark.parametrize(
    ("header", "table", "kind"),
    [
        ("IR", "1", "medical"),
        ("IR", "3", "dental"),
        ("IR", "4", "pharmacy"),
        ("UK", "3", "dental"),
        ("YK", "4", "pharmacy"),
        ("RE", "", None),
    ],
)
def test_kind_of_header(header: str, table: str, kind: str | None) -> None:
    assert kind_of_header(header, table) == kind


def test_header_claim_month() -> None:
    header = layout_for("medical", None, UkeOptions()).specs["IR"]
    fields = b"IR,1,13,1,1234567,,A,202607,00,".split(b",")
    assert header_claim_month(header, fields) == date(2026, 7, 1)
    for bad in (b"202613", b"20260", b"\xef\xbc\x92\xef\xbc\x90", b""):
        assert header_claim_month(header, [*fields[:7], bad]) is None


def test_dental_comment_limit_follows_the_spec_version() -> None:
    options = UkeOptions()
    assert layout_for("dental", date(2026, 6, 1), options).comment_text_bytes == 76
    assert layout_for("dental", date(2026, 7, 1), options).comment_text_bytes == 400
    assert layout_for("dental", None, options).comment_text_bytes == 400
    assert layout_for("medical", date(2026, 7, 1), options).comment_text_bytes == 76
    assert layout_for("dental", date(2026, 7, 1), UkeOptions(comment_max_bytes=100)).comment_text_bytes == 100


def test_field_counts() -> None:
    options = UkeOptions()
    counts = {
        kind: {rid: len(spec.fields) for rid, spec in layout_for(kind, None, options).specs.items()}
        for kind in KINDS
    }
    assert counts["medical"] == {"IR": 10, "RE": 38, "HO": 15, "KO": 12, "SN": 9, "CO": 5, "GO": 4}
    assert counts["dental"] == {"UK": 10, "IR": 9, "RE": 27, "HO": 14, "KO": 10, "SN": 9, "CO": 11, "GO": 4}
    assert counts["pharmacy"] == {
        "YK": 9,
        "RE": 42,
        "HO": 14,
        "KO": 10,
        "SN": 9,
        "CO": 3,
        "TK": 3,
        "GO": 4,
    }


def test_layouts() -> None:
    options = UkeOptions()
    medical, dental, pharmacy = (layout_for(kind, None, options) for kind in KINDS)
    assert (medical.header_id, dental.header_id, pharmacy.header_id) == ("IR", "UK", "YK")
    assert dental.boundaries == {"IR", "RE", "GO"}
    assert medical.boundaries == {"RE", "GO"}
    assert (medical.comment_id, dental.comment_id, pharmacy.comment_id) == ("CO", "CO", "TK")
    assert (medical.claim_info, dental.claim_info, pharmacy.claim_info) == (
        "請求情報",
        "請求情報２",
        "請求情報",
    )
    assert (medical.flags, dental.flags, pharmacy.flags) == (True, False, False)
    assert pharmacy.summary_ids == {"TK", "KI", "ST"}
    assert dental.summary_ids >= {"SS", "CO"}
    co_style = layout_for("pharmacy", None, UkeOptions(pharmacy_comment_record="CO"))
    assert (co_style.comment_id, "SH" in co_style.summary_ids) == ("CO", True)


def test_options_are_validated() -> None:
    with pytest.raises(ValueError, match="comment_max_bytes"):
        UkeOptions(comment_max_bytes=1)
    with pytest.raises(ValueError, match="comment_category"):
        UkeOptions(comment_category="1")
    with pytest.raises(ValueError, match="burden_category"):
        UkeOptions(burden_category="10")
    with pytest.raises(ValueError, match="flag_kinds"):
        UkeOptions(flag_kinds=frozenset({"veterinary"}))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="created_at"):
        UkeOptions(created_at="2026120109000")
    with pytest.raises(ValueError, match="created_at"):
        UkeOptions(created_at="２０２６１２０１０９００００")
    with pytest.raises(ValueError, match="pharmacy_comment_record"):
        UkeOptions(pharmacy_comment_record="XX")  # type: ignore[arg-type]
    assert (
        layout_for("medical", None, UkeOptions(comment_max_bytes=100)).specs["CO"].fields[4].max_bytes == 100
    )
