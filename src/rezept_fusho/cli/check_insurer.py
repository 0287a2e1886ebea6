"""``rezept-fusho check-insurer NUMBER…``: is each 保険者番号 valid, and what is it?"""

from __future__ import annotations

import argparse
import json
from typing import Any

from rezept_fusho.api import describe_insurer


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
    reports = [describe_insurer(raw) for raw in args.numbers]
    for report in reports:
        print(json.dumps(report, ensure_ascii=False) if args.json else _text(report))
    return 0 if all(r["valid"] or r["placeholder"] for r in reports) else 1
