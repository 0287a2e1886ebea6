"""``rezept-fusho check-insurer NUMBER…``: is each 保険者番号 valid, and what is it?"""

from __future__ import annotations

import argparse
import json
from typing import Any

from rezept_fusho.numbers import insurer
from rezept_fusho.numbers.exceptions import InvalidNumber
from rezept_fusho.rules.claim.payer import payer_for_insurer


def describe(raw: str) -> dict[str, Any]:
    """What the library knows of *raw* as a 保険者番号 (never raises)."""
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


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check-insurer",
        help="validate 保険者番号 (check digit, length, placeholders)",
        description="Validate each NUMBER; exit 1 when any is invalid. Placeholders are reported as such.",
    )
    parser.add_argument("numbers", nargs="+", metavar="NUMBER")
    parser.add_argument("--json", action="store_true", help="one JSON object per number")
    parser.set_defaults(func=run)


def _text(report: dict[str, Any]) -> str:
    if report["placeholder"]:
        return f"{report['number']}\tplaceholder\t{report['message']}"
    if not report["valid"]:
        return f"{report['input']}\t{report['code']}\t{report['message']}"
    law = report["law_code"] or "--"
    return (
        f"{report['number']}\tvalid\t法別{law} {report['law_name'] or '不明な法別'}"
        f"\t都道府県{report['prefecture']}\t{report['payer']}"
    )


def run(args: argparse.Namespace) -> int:
    reports = [describe(raw) for raw in args.numbers]
    for report in reports:
        print(json.dumps(report, ensure_ascii=False) if args.json else _text(report))
    return 0 if all(r["valid"] or r["placeholder"] for r in reports) else 1
