"""The seven cases in which the card check fails, plus the patient with no card — and their methods.

保発0710第1号 1 and seed 003 list the cases: (1)「資格(無効)」/「資格情報なし」
shown; (2) the card cannot be used (face damaged, IC chip broken, 利用者証明用
電子証明書 expired); (3) power cut, facility network fault or wide-area
outage; (4) the card reader or the 資格確認端末 broken; (5) the card lost in
a disaster; (6) neither face recognition nor the PIN works; (7) the patient
cannot operate the reader (wheelchair users, elderly or disabled patients).
A patient with no マイナンバーカード is checked with a valid 保険証 or a
資格確認書.

Which patterns serve which case is the table :data:`CASES`, in order of
preference. Seed 003's own case→pattern chart is an image the research could
not read; the table follows the seed's text (B for outages and disasters, C
for face/PIN and reader trouble, A wherever the patient can still show
something) and is graded ``inferred`` where that reading is the library's.
Pattern D is chosen by the setting (home visit, online care), not the case:
:data:`SETTING_METHODS`. A valid 保険証 or 資格確認書 works in every case:
:data:`documents.METHODS <rezept_fusho.rules.frontdesk.documents.METHODS>`.
"""

from __future__ import annotations

from datetime import date

import attrs

from rezept_fusho.rules.frontdesk import pattern_a, pattern_b, pattern_c, pattern_d
from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.frontdesk.vocabulary import Case, Setting
from rezept_fusho.rules.rule import Citation, Grade, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, VIA_SEED_003, VIA_WICNET_3

_SUMMARY = __doc__ or ""
_A = pattern_a


@attrs.frozen
class CaseEntry:
    rule: Rule
    methods: tuple[Method, ...]

    @property
    def label(self) -> str:
        """The case alone: the case rules' titles read 「case → patterns」."""
        return self.rule.title_ja.split(" → ")[0]


def _rule(case_id: str, title_ja: str, title_en: str, section: str, grade: Grade = "inferred") -> Rule:
    return Rule(
        id=f"FRONTDESK-CASE-{case_id}",
        title_ja=title_ja,
        title_en=title_en,
        window=Window(date(2023, 7, 10)),
        citations=(
            Citation(HOHATSU_0710, section, via=VIA_WICNET_3),
            Citation(HOHATSU_0710, "seed 003 マイナ保険証で資格確認が出来ない主なケース", via=VIA_SEED_003),
        ),
        summary=_SUMMARY,
        grade=grade,
    )


CASES: dict[Case, CaseEntry] = {
    "qualification_invalid": CaseEntry(
        _rule(
            "QUALIFICATION-INVALID",
            "「資格(無効)」「資格情報なし」と表示される → Aパターン",
            "「資格(無効)」 or 「資格情報なし」 shown → pattern A",
            "1(1)",
        ),
        (_A.PORTAL, _A.NOTICE, _A.ORAL_RETURN, _A.DECLARATION),
    ),
    "card_unusable": CaseEntry(
        _rule(
            "CARD-UNUSABLE",
            "カードが使用できない（券面汚損・ICチップ破損・電子証明書の有効期限切れ） → Aパターン",
            "The card cannot be used (damaged, chip broken, certificate expired) → pattern A",
            "1(2)",
        ),
        (_A.PORTAL, _A.NOTICE, _A.ORAL_RETURN, _A.DECLARATION),
    ),
    "outage": CaseEntry(
        _rule(
            "OUTAGE",
            "停電・施設の通信障害・広範囲のネットワーク障害 → Aパターン・Bパターン（システム障害時モード）",
            "Power cut or network outage → patterns A and B (システム障害時モード)",
            "1(2)",
        ),
        (_A.PORTAL, _A.NOTICE, _A.ORAL_RETURN, pattern_b.OUTAGE_MODE, _A.DECLARATION),
    ),
    "equipment_failure": CaseEntry(
        _rule(
            "EQUIPMENT-FAILURE",
            "顔認証付きカードリーダ・資格確認端末の故障 → Aパターン・Bパターン（システム障害時モード）",
            "Card reader or terminal broken → patterns A and B (システム障害時モード)",
            "1(2)",
        ),
        (_A.PORTAL, _A.NOTICE, _A.ORAL_RETURN, pattern_b.OUTAGE_MODE, _A.DECLARATION),
    ),
    "card_lost_disaster": CaseEntry(
        _rule(
            "CARD-LOST-DISASTER",
            "災害等でマイナンバーカードを紛失 → Bパターン（災害時モード）・Aパターン",
            "Card lost in a disaster → pattern B (災害時モード), then A",
            "seed 003 ケース5",
        ),
        (pattern_b.DISASTER_MODE, _A.PORTAL, _A.ORAL_RETURN),
    ),
    "identity_check_impossible": CaseEntry(
        _rule(
            "IDENTITY-CHECK-IMPOSSIBLE",
            "顔認証・暗証番号のどちらでも本人確認ができない → Cパターン・Aパターン",
            "Neither face recognition nor the PIN works → patterns C and A",
            "seed 003 ケース6",
        ),
        (pattern_c.VISUAL_MODE, _A.PORTAL, _A.NOTICE, _A.ORAL_RETURN, _A.DECLARATION),
    ),
    "reader_difficult": CaseEntry(
        _rule(
            "READER-DIFFICULT",
            "車いす利用者・高齢者・障がい者などでカードリーダの操作が困難 → Cパターン・Aパターン",
            "The patient cannot operate the reader → patterns C and A",
            "seed 003 ケース7",
        ),
        (pattern_c.VISUAL_MODE, _A.PORTAL, _A.NOTICE, _A.ORAL_RETURN, _A.DECLARATION),
    ),
    "no_card": CaseEntry(
        _rule(
            "NO-CARD",
            "マイナンバーカードを持っていない → 有効期限内の健康保険証または資格確認書",
            "No マイナンバーカード → a valid 保険証 or a 資格確認書",
            "2(1)",
            grade="seed",
        ),
        (),
    ),
}

#: Pattern D: for home visits and online care, before the case's methods.
SETTING_METHODS: dict[Setting, tuple[Method, ...]] = {
    "clinic": (),
    "home": pattern_d.METHODS,
    "online": pattern_d.METHODS,
}

RULES: tuple[Rule, ...] = tuple(entry.rule for entry in CASES.values())
