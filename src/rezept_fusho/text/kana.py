"""カナ氏名: full-width katakana, hiragana folded to katakana.

>>> to_katakana('やまだ\u3000タロウ')
'ヤマダ\u3000タロウ'
>>> to_katakana('山田') is None
True
"""

from __future__ import annotations

import re

#: Hiragana ぁ … ゖ, katakana ァ … ヾ (with ・ and ー), and the full-width space.
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fe\u3000]*")
#: The same without hiragana: nothing to fold.
_KATAKANA = re.compile("[\u30a1-\u30fe\u3000]*")
_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}


def to_katakana(text: str) -> str | None:
    """*text* (already full-width) in katakana, or None if it holds anything but kana."""
    if _KATAKANA.fullmatch(text):
        return text
    if not _KANA.fullmatch(text):
        return None
    return text.translate(_HIRAGANA_TO_KATAKANA)
