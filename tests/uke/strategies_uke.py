"""Hypothesis strategies for UKE values: one valid value per field spec."""

from __future__ import annotations

from hypothesis import strategies as st

from rezept_fusho.uke.fields import FieldSpec, Mode


def _jis_chars() -> list[str]:
    chars = []
    for lead in [*range(0x81, 0xA0), *range(0xE0, 0xF0)]:
        for trail in [*range(0x40, 0x7F), *range(0x80, 0xFD)]:
            try:
                chars.append(bytes([lead, trail]).decode("shift_jis"))
            except UnicodeDecodeError:
                continue
    return chars


JIS_CHARS = _jis_chars()
DIGITS = "0123456789"
ALNUM = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != ",")

jis_text = st.text(alphabet=st.sampled_from(JIS_CHARS))


def value_for(spec: FieldSpec) -> st.SearchStrategy[str]:
    """A valid value of *spec* (empty allowed unless required)."""
    size = spec.max_bytes
    low = size if spec.fixed else (1 if spec.required else 0)
    if spec.mode is Mode.NUMERIC:
        value = st.text(alphabet=DIGITS, min_size=low, max_size=size)
    elif spec.mode is Mode.ALNUM:
        value = st.text(alphabet=ALNUM, min_size=low, max_size=size)
    else:
        kanji = st.text(alphabet=st.sampled_from(JIS_CHARS), min_size=(low + 1) // 2, max_size=size // 2)
        if spec.mode is Mode.KANJI:
            value = kanji
        else:
            value = st.one_of(st.text(alphabet=ALNUM, min_size=low, max_size=size), kanji)
    if spec.fixed and not spec.required:
        return st.one_of(st.just(""), value)
    return value
