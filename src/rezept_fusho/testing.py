"""Hypothesis strategies for property-testing an integration with rezept-fusho.

Needs the ``testing`` extra (``pip install 'rezept-fusho[testing]'``, which
brings Hypothesis). Every strategy draws **JSON-ready data** — the dicts a
vendor sends as one JSON Lines line or as an HTTP body — so it serves the
Python, command-line and HTTP ways alike; pass a dict to
``Claim.model_validate`` for the Python API.

Valid data:

- :func:`insurer_numbers` — real-looking 保険者番号 (known 法別番号, 都道府県
  01–47, correct 検証番号), 8-digit or 6-digit 国保.
- :func:`qualifications`, :func:`declarations` — the claim's parts;
  :func:`incomplete_declarations` — a 申立書 with only some items (billed
  with the warning ``declaration_item_missing``).
- :func:`claims` — whole claims that :func:`rezept_fusho.resolve` bills
  (``tier="current" | "past" | "fusho"``, or any; ``comment_style="master" |
  "free_text"``, or either).

Deliberately broken data, each way documented in :data:`BROKEN` with the
error ``code`` the error record carries:

- :func:`invalid_insurer_numbers` — refused as a real 保険者番号.
- :func:`broken_claims` — ``(claim, expected_code)`` pairs.

>>> from hypothesis import given
>>> from rezept_fusho import Claim, resolve
>>> @given(claims())
... def test_every_valid_claim_is_billed(claim):
...     assert resolve(Claim.model_validate(claim)).basis in {"current", "past", "fusho"}
>>> test_every_valid_claim_is_billed()
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from hypothesis import strategies as st

from rezept_fusho.models.types import PLACEHOLDER_NUMBERS
from rezept_fusho.numbers import insurer
from rezept_fusho.rules.claim import fusho_insurer_placeholder, payer, tier_fusho

__all__ = [
    "BROKEN",
    "broken_claims",
    "claims",
    "declarations",
    "incomplete_declarations",
    "insurer_numbers",
    "invalid_insurer_numbers",
    "qualifications",
]

Tier = Literal["current", "past", "fusho"]
CommentStyle = Literal["master", "free_text"]
InsurerKind = Literal["employee", "national", "late_elderly"]
_TIERS: tuple[Tier, ...] = ("current", "past", "fusho")
_STYLES: tuple[CommentStyle, ...] = ("master", "free_text")

#: Service dates every rule of the core is in force on (the 不詳 rules start with 請求年月 2023-09).
FIRST_SERVICE_DATE = date(2023, 10, 1)
LAST_SERVICE_DATE = date(2030, 12, 31)

_EMPLOYEE_LAWS = tuple(sorted(set(insurer.LAW_CODES) - payer.KOKUHO_RENGOKAI_LAW_CODES))
_KATAKANA = [chr(code) for code in range(ord("ア"), ord("ン") + 1)]
_HIRAGANA = [chr(code) for code in range(ord("あ"), ord("ん") + 1)]
#: Half-width kana as forms and OCR send them; the library converts them (ﾞ and ﾟ compose).
_HALFWIDTH_KANA = list("ｱｲｳｴｵｶｷｸｹｺﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ")
_KANJI = list("東京都大阪府北海道市区町村一二三丁目番地中央新宿山田鈴木佐藤健康保険組合協会株式会社")
_DIGITS = list("0123456789")
#: ASCII a form may send in an address or a name of a company; converted to full-width.
_ASCII = list("ABCXYZabcxyz-,.()/#&")


def _digits(count: int) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(_DIGITS), min_size=count, max_size=count)


def _with_check_digit(body: str) -> str:
    return body + insurer.calc_check_digit(body)


def insurer_numbers(kind: InsurerKind | None = None) -> st.SearchStrategy[str]:
    """Valid 保険者番号 (ASCII digits); *kind* picks 被用者保険, 国保 (6 digits) or 後期高齢者 (法別39)."""
    prefecture = st.integers(1, 47).map("{:02d}".format)
    employee = st.builds(
        lambda law, pref, serial: _with_check_digit(law + pref + serial),
        st.sampled_from(_EMPLOYEE_LAWS),
        prefecture,
        _digits(3),
    )
    national = st.builds(lambda pref, serial: _with_check_digit(pref + serial), prefecture, _digits(3))
    late_elderly = st.builds(
        lambda pref, serial: _with_check_digit("39" + pref + serial), prefecture, _digits(3)
    )
    by_kind = {"employee": employee, "national": national, "late_elderly": late_elderly}
    numbers = by_kind[kind] if kind is not None else st.one_of(*by_kind.values())
    return numbers.filter(lambda number: not insurer.is_placeholder(number))


def invalid_insurer_numbers() -> st.SearchStrategy[str]:
    """Strings a claim refuses as a 保険者番号: wrong 検証番号, wrong length, not digits, or a placeholder."""
    wrong_check = insurer_numbers().map(lambda n: n[:-1] + str((int(n[-1]) + 1) % 10))
    wrong_length = st.integers(1, 12).filter(lambda size: size not in (6, 8)).flatmap(_digits)
    not_digits = st.builds(
        lambda n, index, char: n[:index] + char + n[index + 1 :],
        insurer_numbers(),
        st.integers(0, 5),
        st.sampled_from(list("AZx-/#")),
    )
    placeholder = st.sampled_from(sorted(insurer.PLACEHOLDERS))
    return st.one_of(wrong_check, wrong_length, not_digits, placeholder)


def _card_text(min_size: int = 1) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from([*_DIGITS, "A", "B", "-"]), min_size=min_size, max_size=8).filter(
        lambda text: any(char in _DIGITS for char in text) and text not in PLACEHOLDER_NUMBERS
    )


def qualifications(kind: InsurerKind | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """A 被保険者資格 as JSON data: 保険者番号, 記号 (optional), 番号, 枝番 (optional)."""
    return st.fixed_dictionaries(
        {"insurer_number": insurer_numbers(kind), "number": _card_text()},
        optional={"symbol": _card_text(), "branch": _digits(2)},
    )


def _kanji_text() -> st.SearchStrategy[str]:
    return st.text(st.sampled_from([*_KANJI, *_KATAKANA, *_DIGITS, *_ASCII]), min_size=1, max_size=20).filter(
        lambda text: bool(text.strip())
    )


def _kana_name() -> st.SearchStrategy[str]:
    """カナ氏名 as a patient writes it: katakana, hiragana or half-width kana, family and given name."""
    part = st.one_of(
        st.text(st.sampled_from(_KATAKANA), min_size=1, max_size=6),
        st.text(st.sampled_from(_HIRAGANA), min_size=1, max_size=6),
        st.text(st.sampled_from(_HALFWIDTH_KANA), min_size=1, max_size=6),
    )
    return st.tuples(part, part, st.sampled_from([" ", "\u3000"])).map(lambda p: p[0] + p[2] + p[1])


def declarations(service_date: date | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """A complete 被保険者資格申立書 (everything a 不詳 claim needs) as JSON data.

    The contact date is on or after *service_date* when one is given.
    """
    earliest = service_date or FIRST_SERVICE_DATE
    return st.fixed_dictionaries(
        {
            "kana_name": _kana_name(),
            "insurance_kind": st.sampled_from(["employee", "national", "late_elderly", "unknown"]),
            "addresses": st.lists(_kanji_text(), min_size=1, max_size=3),
            "contact": _digits(10),
            "contacted_on": st.dates(earliest, earliest + timedelta(days=365)).map(date.isoformat),
        },
        optional={
            "insurer_name": _kanji_text(),
            "employer_name": _kanji_text(),
            "birth_date": st.dates(date(1910, 1, 1), earliest).map(date.isoformat),
        },
    )


#: The items a 申立書 may lack without stopping the claim (only the カナ氏名 is required).
OPTIONAL_ITEMS = tuple(name for name, *_ in tier_fusho.OPTIONAL_ITEMS)


def incomplete_declarations(service_date: date | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """A 被保険者資格申立書 lacking at least one of 住所, 連絡先 and the contact date (JSON data).

    Resolved with default options, it bills as 不詳 with the warning ``declaration_item_missing``;
    with ``options.require_complete_declaration`` it is the error ``declaration_incomplete``.
    """
    missing = st.sets(st.sampled_from(OPTIONAL_ITEMS), min_size=1)
    return st.builds(
        lambda declaration, drop: {key: value for key, value in declaration.items() if key not in drop},
        declarations(service_date),
        missing,
    )


def _claim(
    tier: Tier, claim_id: str, service_date: date, style: CommentStyle, draw: st.DrawFn
) -> dict[str, Any]:
    claim: dict[str, Any] = {"claim_id": claim_id, "service_date": service_date.isoformat()}
    claim["receipt_type"] = draw(st.sampled_from(["medical", "dental", "pharmacy"]))
    if draw(st.booleans()):
        claim["receipt_number"] = draw(st.integers(1, 999_999).map(str))
    if tier == "current":
        claim["current_qualification"] = draw(qualifications())
    elif tier == "past":
        claim["past_qualification"] = draw(qualifications())
    else:
        claim["declaration"] = draw(
            st.one_of(declarations(service_date), incomplete_declarations(service_date))
        )
        claim["options"] = {
            "insurer_placeholder": draw(st.sampled_from(sorted(fusho_insurer_placeholder.PLACEHOLDERS))),
            "payer_when_unknown": draw(st.sampled_from([None, "shiharai_kikin", "kokuho_rengokai"])),
        }
    if style != "master":
        claim.setdefault("options", {})["comment_style"] = style
    return claim


@st.composite
def _claims(draw: st.DrawFn, tier: Tier | None, style: CommentStyle | None) -> dict[str, Any]:
    chosen = tier if tier is not None else draw(st.sampled_from(_TIERS))
    chosen_style = style if style is not None else draw(st.sampled_from(_STYLES))
    service_date = draw(st.dates(FIRST_SERVICE_DATE, LAST_SERVICE_DATE))
    claim_id = draw(st.text(st.sampled_from([*_DIGITS, *"abcxyz-_"]), min_size=1, max_size=16))
    return _claim(chosen, claim_id, service_date, chosen_style, draw)


def claims(
    tier: Tier | None = None, comment_style: CommentStyle | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """Whole claims (JSON data) that resolve without error, on *tier* or any of the three.

    A 不詳 claim's 申立書 is complete or lacks some items; *comment_style* fixes
    ``options.comment_style`` (default: either).
    """
    return _claims(tier, comment_style)


#: The documented ways :func:`broken_claims` breaks a valid claim → the error code reported.
BROKEN: dict[str, str] = {
    "missing_service_date": "missing_field",
    "unknown_field": "unknown_field",
    "invalid_date": "invalid_date",
    "invalid_claim_month": "invalid_year_month",
    "claim_month_before_service": "claim_month_before_service",
    "invalid_receipt_type": "invalid_choice",
    "insurer_checksum": "invalid_checksum",
    "insurer_length": "invalid_length",
    "placeholder_insurer": "placeholder_insurer_number",
    "invalid_branch": "invalid_branch",
    "fusho_without_declaration": "declaration_required",
    "declaration_incomplete": "declaration_incomplete",
    "rule_not_in_force": "rule_not_in_force",
    "not_jis_x0208": "not_jis_x0208",
}


def _break(way: str, claim: dict[str, Any], draw: st.DrawFn) -> dict[str, Any]:
    qualification: dict[str, Any] = (
        claim.get("current_qualification") or claim.get("past_qualification") or {}
    )
    if way == "missing_service_date":
        del claim["service_date"]
    elif way == "unknown_field":
        claim[draw(st.sampled_from(["patient_name", "insurerNumber", "extra"]))] = "x"
    elif way == "invalid_date":
        claim["service_date"] = draw(
            st.sampled_from(["2025-02-30", "2025/07/10", "令和7年7月10日", "20250710"])
        )
    elif way == "invalid_claim_month":
        claim["claim_month"] = draw(st.sampled_from(["2025-13", "2025-7", "202507", "2025-07-01"]))
    elif way == "claim_month_before_service":
        service = date.fromisoformat(claim["service_date"])
        claim["claim_month"] = f"{service.year - 1:04d}-{service.month:02d}"
    elif way == "invalid_receipt_type":
        claim["receipt_type"] = draw(st.sampled_from(["医科", "visit", "MEDICAL"]))
    elif way == "insurer_checksum":
        number = draw(insurer_numbers())
        qualification["insurer_number"] = number[:-1] + str((int(number[-1]) + 1) % 10)
    elif way == "insurer_length":
        qualification["insurer_number"] = draw(_digits(draw(st.sampled_from([5, 7, 9]))))
    elif way == "placeholder_insurer":
        qualification["insurer_number"] = draw(st.sampled_from(_CHECKSUM_VALID_PLACEHOLDERS))
    elif way == "invalid_branch":
        qualification["branch"] = draw(st.sampled_from(["1", "001", "ab"]))
    elif way == "fusho_without_declaration":
        del claim["declaration"]
    elif way == "declaration_incomplete":
        item = draw(st.sampled_from(["kana_name", *OPTIONAL_ITEMS]))
        claim["declaration"].pop(item, None)
        if item != "kana_name":
            # Without the カナ氏名 there is no claim; any other item is required only on request.
            claim["options"]["require_complete_declaration"] = True
    elif way == "rule_not_in_force":
        claim["service_date"] = draw(st.dates(date(2020, 1, 1), date(2023, 7, 9))).isoformat()
    else:  # not_jis_x0208: a character no receipt can carry, in a 摘要 field
        claim["declaration"]["contact"] = draw(st.sampled_from(["☎0312345678", "𠮷田", "髙橋①"]))
    return claim


# 77777777 fails the 検証番号 before it is seen to be a placeholder: only these report placeholder_insurer_number.
_CHECKSUM_VALID_PLACEHOLDERS = sorted(p for p in insurer.PLACEHOLDERS if insurer.is_valid(p))
_NEEDS_QUALIFICATION = {"insurer_checksum", "insurer_length", "placeholder_insurer", "invalid_branch"}
_NEEDS_DECLARATION = {"fusho_without_declaration", "declaration_incomplete", "not_jis_x0208"}


@st.composite
def _broken(draw: st.DrawFn, ways: tuple[str, ...]) -> tuple[dict[str, Any], str]:
    way = draw(st.sampled_from(ways))
    tier: Tier | None = None
    if way in _NEEDS_QUALIFICATION:
        tier = draw(st.sampled_from(_TIERS[:2]))
    elif way in _NEEDS_DECLARATION:
        tier = "fusho"
    return _break(way, draw(_claims(tier, None)), draw), BROKEN[way]


def broken_claims(*ways: str) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """``(claim, expected_code)``: a valid claim broken in exactly one of *ways* (default: any of :data:`BROKEN`)."""
    unknown = set(ways) - set(BROKEN)
    if unknown:
        raise ValueError(f"unknown ways to break a claim: {sorted(unknown)}; see BROKEN")
    return _broken(ways or tuple(BROKEN))
