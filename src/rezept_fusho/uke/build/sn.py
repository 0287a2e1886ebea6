"""SN 資格確認 carrying the 枝番 (負担者種別 1, 確認区分 01), as the reference software writes it.

ORCA writes an SN for every receipt with medical insurance from 診療年月
2021-09, its 枝番 empty when there is none — a 不詳 receipt keeps ``SN,1,01,,,,,,``
(``reference-software.md`` §1.4). So a patch never removes an SN: it sets the
枝番 of the existing one (empty for none) and adds one only when there is an 枝番
to carry. Never an 枝番 for 後期高齢者 or 公費.

>>> from rezept_fusho.uke.options import UkeOptions
>>> from rezept_fusho.uke.specs import layout_for
>>> spec = layout_for("medical", None, UkeOptions()).specs["SN"]
>>> build_sn(spec, "01", late_elderly=False).raw
b'SN,1,01,,,,01,,'
>>> build_sn(spec, None, late_elderly=False) is None
True
"""

from __future__ import annotations

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.problems import Problem, UkeError
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs.common import BRANCH, PAYER_KIND
from rezept_fusho.uke.writer import new_record

#: 負担者種別 1 = 医療保険 (2–5 are 第1–第4公費, which never carry an 枝番).
INSURANCE = "1"
#: 確認区分 01 = confirmed at the 保険医療機関・薬局窓口.
AT_COUNTER = "01"


def build_sn(spec: RecordSpec, branch: str | None, *, late_elderly: bool) -> Record | None:
    """A new SN record for *branch*, or None when there is no 枝番 to carry."""
    if branch is None:
        return None
    if late_elderly:
        raise UkeError([Problem.of("branch_for_late_elderly", record="SN", field=BRANCH)])
    return new_record(spec, {PAYER_KIND: INSURANCE, "確認区分": AT_COUNTER, BRANCH: branch})
