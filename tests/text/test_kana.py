"""カナ氏名: hiragana folded to katakana, anything else refused (fusho_summary, contract: kana_name_not_kana)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.text.kana import to_katakana


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("やまだ\u3000タロウ", "ヤマダ\u3000タロウ"),
        ("ぁゔ", "ァヴ"),
        ("ヤマダ・ハナコ", "ヤマダ・ハナコ"),
        ("スズキー", "スズキー"),
        ("ヽヾ", "ヽヾ"),
        ("", ""),
    ],
)
def test_to_katakana(text: str, expected: str) -> None:
    assert to_katakana(text) == expected


@pytest.mark.parametrize("text", ["山田", "ヤマダ1", "ヤマダ ", "ＹＡＭＡＤＡ", "ゝ", "ヤマダ。"])
def test_non_kana_refused(text: str) -> None:
    assert to_katakana(text) is None


@given(st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3096)))
def test_hiragana_maps_to_katakana_one_to_one(text: str) -> None:
    result = to_katakana(text)
    assert result is not None
    assert len(result) == len(text)
    assert all(0x30A1 <= ord(char) <= 0x30F6 for char in result)


def _by_character(text: str) -> str | None:
    """The reference: each character in turn (hiragana → katakana, katakana and U+3000 kept, else None)."""
    out = []
    for char in text:
        if 0x3041 <= ord(char) <= 0x3096:
            out.append(chr(ord(char) + 0x60))
        elif 0x30A1 <= ord(char) <= 0x30FE or char == "\u3000":
            out.append(char)
        else:
            return None
    return "".join(out)


@given(st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x3100), max_size=12) | st.text())
def test_the_whole_string_agrees_with_a_character_walk(text: str) -> None:
    assert to_katakana(text) == _by_character(text)
