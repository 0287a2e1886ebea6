"""歯科 records. Only the HO difference is sourced ([S] uke-parser, the 歯科 explainer).

The header is ``UK`` or ``IR`` (:attr:`UkeOptions.dental_header`), both with the
医科 IR layout [I]; RE, KO, SN and GO are taken to be the 医科 ones [I]; CO has
歯式 and five 予備 after 文字データ (11 fields) [S] uke-parser.
"""

from __future__ import annotations

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs import medical
from rezept_fusho.uke.specs.common import (
    BURDEN,
    COMMENT_CATEGORY,
    alnum,
    comment_tail,
    header,
    numeric,
    record_id,
)


def co(options: UkeOptions) -> RecordSpec:
    return RecordSpec(
        "CO",
        "コメントレコード",
        (
            record_id("CO"),
            numeric(COMMENT_CATEGORY, 2, fixed=True),
            alnum(BURDEN, 1, fixed=True),
            *comment_tail(options),
            alnum("歯式", 100),
            *(alnum(f"予備{n}", 100) for n in range(1, 6)),
        ),
    )


def specs(options: UkeOptions) -> dict[str, RecordSpec]:
    base = medical.specs(options)
    del base["IR"]
    base[options.dental_header] = header(options.dental_header, "医療機関名称")
    base["HO"] = medical.ho(options, with_reserve=False)
    base["CO"] = co(options)
    return base


#: 摘要 records in a 歯科 receipt: 歯科診療行為 SS [S], then SI / IY / TO / CO.
SUMMARY_RECORDS = frozenset({"SS", "SI", "IY", "TO", "CO"})
