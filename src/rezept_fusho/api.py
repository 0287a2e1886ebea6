"""The library core the command line and the HTTP service both call: one JSON object in, one model out.

Each function takes what one JSON Lines line or one HTTP body holds and
returns the typed result, raising pydantic's ``ValidationError`` or a
:class:`~rezept_fusho.errors.ClaimError` for input that cannot be handled;
:func:`rezept_fusho.jsonl.outcome` turns either into the error record.
:func:`resolve_json` and :func:`triage_json` give the same results as JSON
bytes without building the output model: the batch path (:data:`RESOLVE`,
:data:`TRIAGE`), the same bytes as the model's.

>>> resolve_object({"claim_id": "c1", "service_date": "2025-07-10",
...     "current_qualification": {"insurer_number": "01130012", "number": "1"}}).basis
'current'
>>> describe_insurer("77777779")["code"], describe_insurer("01130013")["code"]
('placeholder', 'invalid_checksum')
>>> [rule.id for rule in rules_in_force(date(2023, 7, 9))]
['LATE-ELDERLY-AGE-75', 'PAYER-BY-INSURER-NUMBER', 'BRANCH-NONE-LATE-ELDERLY']
>>> check_declaration({"service_date": "2025-07-10", "kana_name": "ﾔﾏﾀﾞ"}).resolution.summary[1]
'被保険者資格申立書（カナ氏名）；ヤマダ'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from rezept_fusho.jsonl import Fast
from rezept_fusho.models.claim import Claim
from rezept_fusho.models.resolution import Resolution
from rezept_fusho.numbers import insurer
from rezept_fusho.numbers.exceptions import InvalidNumber
from rezept_fusho.reception import Guidance, Situation, triage
from rezept_fusho.reception.triage import triage_data
from rezept_fusho.render import guidance_json, resolution_json
from rezept_fusho.resolver import resolve, resolve_data
from rezept_fusho.rules.claim.payer import payer_for_insurer
from rezept_fusho.rules.rule import Rule

if TYPE_CHECKING:
    from rezept_fusho.reception.declaration import DeclarationCheck

__all__ = [
    "RESOLVE",
    "TRIAGE",
    "check_declaration",
    "describe_insurer",
    "resolve_json",
    "resolve_object",
    "rules_in_force",
    "triage_json",
    "triage_object",
]


def resolve_object(obj: Mapping[str, Any]) -> Resolution:
    """One parsed claim object → its resolution."""
    return resolve(Claim.model_validate(obj))


def resolve_json(obj: Mapping[str, Any]) -> bytes:
    """One parsed claim object → its resolution's JSON (:func:`resolve_object`'s, rendered without the model)."""
    return resolution_json(resolve_data(Claim.model_validate(obj)))


def triage_object(obj: Mapping[str, Any]) -> Guidance:
    """One parsed front-desk situation → its guidance."""
    return triage(Situation.model_validate(obj))


def check_declaration(obj: Mapping[str, Any]) -> DeclarationCheck:
    """The 申立書 as typed at the window (one parsed form object) → the claim it makes, checked item by item.

    See :mod:`rezept_fusho.reception.declaration`; ValidationError for an unknown
    key or a value that is not a string.
    """
    # Imported on first use: it brings the UKE record layouts, which resolve and triage never need.
    from rezept_fusho.reception.declaration import DeclarationForm, check  # noqa: PLC0415

    return check(DeclarationForm.model_validate(obj))


def triage_json(obj: Mapping[str, Any]) -> bytes:
    """One parsed front-desk situation → its guidance's JSON (:func:`triage_object`'s, rendered without the model)."""
    return guidance_json(triage_data(Situation.model_validate(obj)))


#: What ``resolve`` and ``triage`` run on each line, and ``POST /v1/resolve`` on each claim.
RESOLVE = Fast(resolve_object, resolve_json)
TRIAGE = Fast(triage_object, triage_json)


def describe_insurer(raw: str) -> dict[str, Any]:
    """What the library knows of *raw* as a 保険者番号 (never raises): ``check-insurer --json``'s object."""
    report: dict[str, Any] = {
        "input": raw,
        "number": None,
        "valid": False,
        "placeholder": False,
        "code": None,
        "message": None,
    }
    if insurer.is_placeholder(raw):
        report.update(
            number=insurer.compact(raw),
            placeholder=True,
            code="placeholder",
            message="不詳・災害時の仮番号です（検証番号の検査対象外） / a placeholder: "
            "not a real insurer, exempt from the check digit",
        )
        return report
    try:
        number = insurer.validate(raw)
    except InvalidNumber as exc:
        report.update(code=exc.code, message=exc.message)
        return report
    law = insurer.law_code(number)
    report.update(
        number=number,
        valid=True,
        law_code=law,
        law_name=insurer.LAW_CODES.get(law, None) if law else "国民健康保険（市町村・国保組合）",
        prefecture=insurer.prefecture_code(number),
        known_components=insurer.is_valid(number, strict=True),
        payer=payer_for_insurer(number),
        uke_form=insurer.format(number),
    )
    return report


def rules_in_force(day: date) -> tuple[Rule, ...]:
    """The rules of the registry in force on *day*, each read on its own axis (診療日 or 請求年月)."""
    from rezept_fusho.rules import registry  # noqa: PLC0415 - the whole registry, on first use

    return tuple(registry.in_force(day))
