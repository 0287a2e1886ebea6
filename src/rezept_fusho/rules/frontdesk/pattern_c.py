"""Pattern C — the face-recognition card reader's 目視確認モード.

Seed 003: when face recognition and the PIN both fail, or the patient cannot
operate the reader, staff compare the card's photo with the patient by eye.
The mode can be started from the 資格確認端末 or from the card reader. The
card itself must be readable, so it needs the card at the clinic.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, VIA_SEED_003

RULE_VISUAL_MODE = Rule(
    id="FRONTDESK-PATTERN-C-VISUAL-MODE",
    title_ja="顔認証付きカードリーダの目視確認モード（端末側・カードリーダ側のどちらからも起動可）を使う",
    title_en="Use the card reader's 目視確認モード (started from the terminal or the reader)",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(HOHATSU_0710, "seed 003 Cパターン", via=VIA_SEED_003),),
    summary=__doc__ or "",
    grade="seed",
)

VISUAL_MODE = Method(
    id="visual_mode",
    pattern="C",
    rule=RULE_VISUAL_MODE,
    label_ja="顔認証付きカードリーダの目視確認モード",
    action_ja="資格確認端末またはカードリーダから目視確認モードを起動し、カードの顔写真と本人を見比べる",
    basis="current",
    needs=frozenset({"my_number_card"}),
    needs_system=True,
    settings=frozenset({"clinic"}),
)

METHODS: tuple[Method, ...] = (VISUAL_MODE,)
RULES: tuple[Rule, ...] = (RULE_VISUAL_MODE,)
