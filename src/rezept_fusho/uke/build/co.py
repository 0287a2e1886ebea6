"""CO (or 調剤 TK) comment records for the 摘要 comments of a resolution.

Written the way the reference software writes them (``reference-software.md``
§1.2): one record per comment, in order; the 診療識別 ``01`` on the first
record of the group only; 負担区分 ``1``; the コメントコード; the text data.
A text longer than the spec's 文字データ limit is continued in further records
under the **same** code, with the 診療識別 empty. A fixed-text code
(820000246 「不詳」) has empty text data: ``CO,01,1,820000246,``.

>>> split_text("あ" * 40, 76)
['ああああああああああああああああああああああああああああああああああああああ', 'ああ']
>>> from rezept_fusho.uke.options import UkeOptions
>>> from rezept_fusho.uke.specs import layout_for
>>> spec = layout_for("medical", None, UkeOptions()).specs["CO"]
>>> [r.raw for r in build_comments(spec, [("820000246", ""), ("830000501", "ア")], UkeOptions())]
[b'CO,01,1,820000246,', b'CO,,1,830000501,\\x83A']
"""

from __future__ import annotations

from collections.abc import Iterable

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs.common import BURDEN, COMMENT_CATEGORY, COMMENT_CODE, COMMENT_TEXT
from rezept_fusho.uke.writer import new_record


def split_text(text: str, max_bytes: int) -> list[str]:
    """*text* (two-byte characters) cut into pieces of at most *max_bytes* bytes each; [""] for no text."""
    per_piece = max_bytes // 2
    return [text[start : start + per_piece] for start in range(0, len(text), per_piece)] or [""]


def build_comments(
    spec: RecordSpec, comments: Iterable[tuple[str, str]], options: UkeOptions
) -> list[Record]:
    """Comment records for *comments* ((code, text data) pairs), in order; none for none."""
    names = {field.name for field in spec.fields}
    limit = spec.fields[spec.index(COMMENT_TEXT)].max_bytes
    category = options.comment_category
    records = []
    for code, text in comments:
        for piece in split_text(text, limit):
            values = {COMMENT_CODE: code, COMMENT_TEXT: piece}
            if COMMENT_CATEGORY in names:
                values[COMMENT_CATEGORY] = category
                values[BURDEN] = options.burden_category
                category = ""  # the group's first record only
            records.append(new_record(spec, values))
    return records
