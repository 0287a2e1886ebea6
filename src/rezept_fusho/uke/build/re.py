"""RE 請求情報 with the 資格確認区分 set: the one change a resolution makes to the RE record.

The reference software writes 請求情報 as 作成年月日 (8) + 作成時分秒 (6) +
災害区分 (2) + 資格確認区分 (1): ``1`` 被保険者資格申立書, ``2`` 旧資格情報, ``0``
neither (``reference-software.md`` §1.3; before 2023-07 it wrote the first 16
only). The flag is set at the 17th character and nothing else is touched.
An empty 請求情報 takes the vendor's 作成日時 (``UkeOptions.created_at``) and
災害区分 ``00``. Any other content is the vendor's own, which this library will
not overwrite: :func:`with_flag` returns None and the patch refuses the receipt.

>>> with_flag("20250705101530000", "1", None)
'20250705101530001'
>>> with_flag("2019012414482500", "2", None)
'20190124144825002'
>>> with_flag("20250705101530001real time", "0", None)
'20250705101530000real time'
>>> with_flag("", "1", "20251201093000"), with_flag("", "1", None), with_flag("返戻", "1", None)
('20251201093000001', None, None)
>>> with_flag("", "0", None)
''
"""

from __future__ import annotations

import re

from rezept_fusho.rules.claim import qualification_flag

#: 作成日時 (14) + 災害区分 (2), then the flag and anything after it.
_LAYOUT = re.compile(r"[0-9]{16}(?:[0-9].*)?", re.DOTALL)
#: 災害区分 when there is no disaster.
NO_DISASTER = "00"
FLAG_INDEX = 16


def flag_of(claim_info: str) -> str | None:
    """The 資格確認区分 of a 請求情報 in the reference layout, or None when it holds none."""
    if len(claim_info) > FLAG_INDEX and _LAYOUT.fullmatch(claim_info):
        return claim_info[FLAG_INDEX]
    return None


def with_flag(claim_info: str, flag: str, created_at: str | None) -> str | None:
    """*claim_info* with its 資格確認区分 set to *flag*, or None when it cannot be written there.

    Flag ``0`` (a claim on neither) leaves an empty 請求情報 empty: there is nothing to reset.
    """
    if not claim_info:
        if flag == qualification_flag.NEITHER:
            return claim_info
        return None if created_at is None else created_at + NO_DISASTER + flag
    if not _LAYOUT.fullmatch(claim_info):
        return None
    return claim_info[:FLAG_INDEX] + flag + claim_info[FLAG_INDEX + 1 :]
