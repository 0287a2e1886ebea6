"""カナ氏名: full-width katakana, hiragana folded to katakana.

>>> to_katakana('やまだ\u3000タロウ')
'ヤマダ\u3000タロウ'
>>> to_katakana('山田') is None
True
"""

from __future__ import annotations

_HIRAGANA = range(0x3041, 0x3097)
_KATAKANA = range(0x30A1, 0x30FF)  # ァ … ヾ, with ・ and ー
_ALSO = frozenset("\u3000")


def to_katakana(text: str) -> str | None:
    """*text* (already full-width) in katakana, or None if it holds anything but kana."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code in _HIRAGANA:
            out.append(chr(code + 0x60))
        elif code in _KATAKANA or char in _ALSO:
            out.append(char)
        else:
            return None
    return "".join(out)
