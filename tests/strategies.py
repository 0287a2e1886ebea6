"""Hypothesis strategies for our own property tests, built on the public ``rezept_fusho.testing``.

Insurer numbers come from the public module; what stays here is test-only
(claims that may be unbillable on purpose, values easy to spot in messages,
arbitrary JSON).

Every strategy builds plain JSON data — what a vendor writes on one line of
``rezept-fusho resolve`` input — not model instances. Names say what they make:

* ``valid_insurer_numbers`` / ``invalid_insurer_numbers``
* ``qualifications`` (a valid qualification object)
* ``declarations`` (a complete 申立書 for 不詳), ``distinctive_declarations`` (values easy to spot)
* ``claims`` (well-formed claims inside the rules' windows), ``json_values``
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from rezept_fusho import testing
from rezept_fusho.models.types import PLACEHOLDER_NUMBERS

DIGITS = "0123456789"
#: Placeholder 番号 (不詳, disaster).
PLACEHOLDER_CARD_NUMBERS = PLACEHOLDER_NUMBERS
#: First 診療日 of the current/past tiers (保発0710第1号).
TIERS_START = date(2023, 7, 10)
LAST_DAY = date(2030, 12, 31)

KANJI = "東京都大阪府新宿区北中央西一二三丁目番地山田鈴木花子太郎株式会社健康保険組合協会支部"
KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴパピプペポヴー"
HIRAGANA = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげご"
)
JIS_ASCII = "0123456789ABCXYZabcxyz-,.()/#&"
#: Characters with no JIS X 0208 form.
NOT_JIS = "①髙𠮷﨑㈱Ⅰ\t"


def valid_insurer_numbers(*, kokuho: bool | None = None) -> st.SearchStrategy[str]:
    """A valid, known-component, non-placeholder 保険者番号 (the public :mod:`rezept_fusho.testing` one)."""
    if kokuho is None:
        return testing.insurer_numbers()
    if kokuho:
        return testing.insurer_numbers("national")
    return st.one_of(testing.insurer_numbers("employee"), testing.insurer_numbers("late_elderly"))


def invalid_insurer_numbers() -> st.SearchStrategy[str]:
    """A 保険者番号 the model refuses: the public strategy, plus Unicode digits that only look like digits."""
    unicode_digit = valid_insurer_numbers().map(lambda number: number[:-1] + "٣")
    return st.one_of(testing.invalid_insurer_numbers(), unicode_digit)


def qualifications() -> st.SearchStrategy[dict[str, Any]]:
    """A valid qualification object (current or past): the public strategy."""
    return testing.qualifications()


def jis_text(min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
    """Non-blank text that converts to JIS X 0208 (kanji, kana, half-width kana, ASCII)."""
    alphabet = KANJI + KATAKANA + HIRAGANA + JIS_ASCII
    return st.text(alphabet=alphabet, min_size=min_size, max_size=max_size)


def dates(start: date, end: date) -> st.SearchStrategy[date]:
    return st.integers(0, (end - start).days).map(lambda days: start + timedelta(days=days))


def declarations() -> st.SearchStrategy[dict[str, Any]]:
    """A complete 被保険者資格申立書 (every item of the 摘要 given): the public strategy."""
    return testing.declarations(TIERS_START)


@st.composite
def distinctive_declarations(draw: st.DrawFn) -> dict[str, Any]:
    """A declaration whose kana name, addresses and contact are ≥ 4 characters and easy to spot.

    Now and then a value holds a character with no JIS X 0208 form, so the
    claim fails on exactly the personal data an error message must not echo.
    """
    spoil = st.sampled_from(["", "", "", *NOT_JIS])
    kana = "ケンショウ" + draw(st.text(alphabet=KATAKANA, min_size=2, max_size=6)) + draw(spoil)
    address = "検証県" + draw(jis_text(min_size=3, max_size=12)) + draw(spoil)
    contact = "ﾚﾝﾗｸ" + draw(st.text(alphabet=DIGITS, min_size=4, max_size=8)) + draw(spoil)
    declaration = draw(declarations())
    declaration.update(kana_name=kana, addresses=[address], contact=contact)
    if draw(st.booleans()):
        declaration.pop(draw(st.sampled_from(["addresses", "contact", "contacted_on"])))
    return declaration


@st.composite
def claims(
    draw: st.DrawFn,
    *,
    current: st.SearchStrategy[dict[str, Any] | None] | None = None,
    past: st.SearchStrategy[dict[str, Any] | None] | None = None,
    declaration: st.SearchStrategy[dict[str, Any] | None] | None = None,
) -> dict[str, Any]:
    """A well-formed claim: 診療日 inside the tiers' window, 請求年月 not before the 診療月."""
    service = draw(dates(TIERS_START, LAST_DAY))
    claim: dict[str, Any] = {
        "claim_id": draw(st.text(min_size=1, max_size=12)),
        "service_date": service.isoformat(),
        "receipt_type": draw(st.sampled_from(["medical", "dental", "pharmacy"])),
    }
    if draw(st.booleans()):
        months_later = draw(st.integers(0, 14))
        month_index = service.year * 12 + service.month - 1 + months_later
        claim["claim_month"] = f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    if draw(st.booleans()):
        claim["receipt_number"] = str(draw(st.integers(1, 999999)))
    none = st.none()
    for key, strategy in (
        ("current_qualification", current if current is not None else none | qualifications()),
        ("past_qualification", past if past is not None else none | qualifications()),
        ("declaration", declaration if declaration is not None else none | declarations()),
    ):
        value = draw(strategy)
        if value is not None:
            claim[key] = value
    options: dict[str, Any] = {}
    if draw(st.booleans()):
        options["insurer_placeholder"] = draw(st.sampled_from(["77777777", "77777779"]))
    if draw(st.booleans()):
        options["payer_when_unknown"] = draw(st.sampled_from(["shiharai_kikin", "kokuho_rengokai", None]))
    if draw(st.booleans()):
        options["comment_style"] = draw(st.sampled_from(["master", "free_text"]))
    if draw(st.integers(0, 4)) == 0:
        options["require_complete_declaration"] = draw(st.booleans())
    if draw(st.integers(0, 4)) == 0:
        options["past_summary_note"] = draw(jis_text())
    if options:
        claim["options"] = options
    return claim


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value (objects keyed partly by claim field names, to get past the first checks)."""
    keys = st.sampled_from(
        ["claim_id", "service_date", "declaration", "current_qualification", "options", "insurer_number"]
    ) | st.text(max_size=5)
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10)
    return st.recursive(
        scalars,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
        max_leaves=15,
    )
