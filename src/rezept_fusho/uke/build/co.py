"""CO comment records for the 摘要 lines of a resolution.

Each line becomes free-text comments (コメントコード 810000001) with 診療識別
``01`` and 負担区分 ``1`` (医科, 歯科; the 調剤 CO has neither field). A line
longer than the 文字データ limit is split over consecutive CO records at a
character boundary.

>>> split_text("あ" * 40, 76)
['ああああああああああああああああああああああああああああああああああああああ', 'ああ']
>>> from rezept_fusho.uke.options import UkeOptions
>>> from rezept_fusho.uke.specs import specs_for
>>> [r.raw for r in build_comments(specs_for("pharmacy", UkeOptions())["CO"], ["不詳"], UkeOptions())]
[b'CO,810000001,\\x95s\\x8f\\xda']
"""

from __future__ import annotations

from collections.abc import Iterable

from rezept_fusho.text.jis import NotJisX0208, to_kanji_mode
from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.problems import Problem, UkeError
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs.common import BURDEN, COMMENT_CATEGORY, COMMENT_CODE, COMMENT_TEXT
from rezept_fusho.uke.writer import new_record


def split_text(text: str, max_bytes: int) -> list[str]:
    """*text* (two-byte characters) cut into pieces of at most *max_bytes* bytes each."""
    per_piece = max_bytes // 2
    return [text[start : start + per_piece] for start in range(0, len(text), per_piece)]


def build_comments(spec: RecordSpec, lines: Iterable[str], options: UkeOptions) -> list[Record]:
    """CO records for *lines*, in order; an empty line gives none."""
    names = {field.name for field in spec.fields}
    fixed = {COMMENT_CODE: options.comment_code}
    if COMMENT_CATEGORY in names:
        fixed[COMMENT_CATEGORY] = options.comment_category
    if BURDEN in names:
        fixed[BURDEN] = options.burden_category
    records = []
    for number, line in enumerate(lines, start=1):
        try:
            text = to_kanji_mode(line, f"summary[{number - 1}]")
        except NotJisX0208:
            raise UkeError([Problem.of("not_jis_x0208", record="CO", field=COMMENT_TEXT)]) from None
        for piece in split_text(text, options.comment_max_bytes):
            records.append(new_record(spec, {**fixed, COMMENT_TEXT: piece}))
    return records
