"""JIS X 0208 漢字-mode text (uke-format.md §1.2; anchors.md D1–D2; contract: 摘要 conversions and refusals).

Half-width kana, ASCII and the Windows (cp932) code points become full-width
JIS X 0208; characters without a form (①, 髙, 𠮷, 﨑, control characters) are
refused with the field name and a 1-based position, never echoing the text.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.errors import ClaimError, kanji_field
from rezept_fusho.text.jis import _TABLE, NotJisX0208, is_jis_x0208, kanji_bytes, to_kanji_mode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｶﾞ", "ガ"),
        ("ﾊﾟﾋﾟﾌﾟ", "パピプ"),
        ("ｳﾞ", "ヴ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ\u3000タロウ"),
        ("ｰ･｡｢｣", "ー・。「」"),
        ("abcXYZ019", "ａｂｃＸＹＺ０１９"),
        ("1-2-3", "１\u2212２\u2212３"),
        ("~", "\u301c"),
        (",", "，"),
        ("¥", "￥"),
        ("\\", "＼"),
        ("'\"`", "\u2019\u201d\uff40"),
        ("!#$%&()*+./:;<=>?@[]^_{|}", "！＃＄％＆（）＊＋．／：；＜＝＞？＠［］＾＿｛｜｝"),
        ("～", "\u301c"),
        ("－", "\u2212"),
        ("∥", "\u2016"),
        ("￠￡￢", "\u00a2\u00a3\u00ac"),
        ("—", "\u2015"),
        ("‾", "￣"),
        ("東京都新宿区西新宿２−８−１", "東京都新宿区西新宿２−８−１"),
        ("ａ\u3000Ａ", "ａ\u3000Ａ"),
        ("", ""),
    ],
)
def test_conversions(text: str, expected: str) -> None:
    assert to_kanji_mode(text, "f") == expected
    assert is_jis_x0208(expected)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("①", 1),
        ("山髙", 2),
        ("𠮷野家", 1),
        ("山﨑", 2),
        ("ab\x07", 3),
        ("東京\t都", 3),
        ("東京\n都", 3),
        ("東京\r", 3),
        ("\x00", 1),
        ("😀", 1),
        ("é", 1),
        ("Ⅰ", 1),  # NEC special (cp932 only)
        ("㈱", 1),
    ],
)
def test_refusals_name_field_and_position(text: str, position: int) -> None:
    with pytest.raises(NotJisX0208) as info:
        to_kanji_mode(text, "declaration.addresses.0")
    error = info.value
    assert error.code == "not_jis_x0208"
    assert error.field == "declaration.addresses.0"
    assert error.position == position
    assert str(error).startswith("declaration.addresses.0: ")
    assert f"{position}文字目" in error.message_ja
    assert f"character {position} " in error.message_en


def test_refusal_never_echoes_the_text() -> None:
    text = "東京都新宿区西新宿①丁目"
    with pytest.raises(NotJisX0208) as info:
        to_kanji_mode(text, "declaration.addresses.0")
    message = f"{info.value} {info.value.message_ja} {info.value.message_en}"
    for fragment in ("東京都", "新宿", "①", "丁目"):
        assert fragment not in message


def test_position_counts_input_characters() -> None:
    with pytest.raises(NotJisX0208) as info:
        to_kanji_mode("ｶﾞ①", "f")
    assert info.value.position == 3


@pytest.mark.parametrize(("text", "expected"), [("ﾟ", "゜"), ("ﾞ", "゛"), ("ｱﾞ", "ア゛"), ("ｳﾞｶﾞ", "ヴガ")])
def test_lone_voiced_marks_become_full_width_marks(text: str, expected: str) -> None:
    assert to_kanji_mode(text, "f") == expected


def test_kanji_field_wraps_as_claim_error() -> None:
    assert kanji_field("ｱ", "x") == "ア"
    with pytest.raises(ClaimError) as info:
        kanji_field("①", "declaration.contact")
    assert info.value.code == "not_jis_x0208"
    assert info.value.field == "declaration.contact"
    assert info.value.message.startswith("declaration.contact: 1文字目")
    assert " / character 1 is not in JIS X 0208" in info.value.message


def test_claim_error_message_without_field() -> None:
    error = ClaimError("c", None, "ja", "en")
    assert error.message == "ja / en"
    assert str(error) == "ja / en"


def test_is_jis_x0208_and_kanji_bytes() -> None:
    assert is_jis_x0208("東京ア　")
    assert not is_jis_x0208("A")
    assert not is_jis_x0208("①")
    assert is_jis_x0208("")
    assert kanji_bytes("東京") == 4


@given(st.text(max_size=30))
def test_every_output_is_double_byte_jis(text: str) -> None:
    try:
        converted = to_kanji_mode(text, "f")
    except NotJisX0208 as error:
        position = error.position
        converted = None
    if converted is None:
        assert 1 <= position <= max(len(text), 1)
        return
    assert not any(char.isascii() for char in converted)
    encoded = converted.encode("shift_jis")
    assert len(encoded) == 2 * len(converted)
    assert kanji_bytes(converted) == len(encoded)


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30))
def test_printable_ascii_always_converts_one_to_one(text: str) -> None:
    converted = to_kanji_mode(text, "f")
    assert len(converted) == len(text)
    assert "," not in converted
    assert "-" not in converted


@given(st.text(alphabet=st.characters(min_codepoint=0xFF66, max_codepoint=0xFF9D), max_size=20))
def test_half_width_kana_letters_convert(text: str) -> None:
    converted = to_kanji_mode(text, "f")
    assert len(converted) == len(text)
    assert all("\u30a1" <= char <= "\u30fc" for char in converted)


def _walk(text: str) -> str | int:
    """An independent reference: NFKC on half-width kana (a kana and its ﾞ/ﾟ as one when they
    compose), the Windows/ASCII table elsewhere; the converted text, or the 1-based bad position."""
    out, index = [], 0
    while index < len(text):
        char, pair = text[index], text[index : index + 2]
        if "\uff61" <= char <= "\uff9f":
            composed = unicodedata.normalize("NFKC", pair)
            if len(pair) == 2 and pair[1] in "ﾞﾟ" and len(composed) == 1:
                converted, width = composed, 2
            else:
                converted, width = {"ﾞ": "゛", "ﾟ": "゜"}.get(char) or unicodedata.normalize("NFKC", char), 1
        else:
            converted, width = _TABLE.get(ord(char), char), 1
        if not is_jis_x0208(converted):
            return index + 1
        out.append(converted)
        index += width
    return "".join(out)


_KANA_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xFF61, max_codepoint=0xFF9F),
        st.sampled_from(["ﾞ", "ﾟ", "ﾜ", "ｦ", "ｳ", "ｶ", "ﾊ", " ", "-", "①", "東", "a"]),
    ),
    max_size=30,
)


@given(st.one_of(_KANA_HEAVY, st.text(max_size=30)))
def test_conversion_agrees_with_a_reference_walk(text: str) -> None:
    # to_kanji_mode converts the whole string at once (pairs by regex, then a table); the reference goes char by char.
    expected = _walk(text)
    if isinstance(expected, str):
        assert to_kanji_mode(text, "f") == expected
        return
    with pytest.raises(NotJisX0208) as info:
        to_kanji_mode(text, "f")
    assert info.value.position == expected


@pytest.mark.parametrize(("text", "position"), [("ﾜﾞ", 1), ("ｱｦﾞ", 2), ("ｶﾞﾜﾞ", 3), ("ﾞﾞ①", 3)])
def test_composed_kana_outside_jis_x0208_are_refused_at_their_position(text: str, position: int) -> None:
    # ﾜﾞ and ｦﾞ compose to ヷ and ヺ, which JIS X 0208 lacks.
    with pytest.raises(NotJisX0208) as info:
        to_kanji_mode(text, "f")
    assert info.value.position == position
