"""``rezept-fusho rules [--date D] [--json]``: the rule registry, optionally as of a date."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rezept_fusho.api import rules_in_force
from rezept_fusho.models.types import parse_iso_date
from rezept_fusho.rules.registry import RULES
from rezept_fusho.rules.rule import Rule


def rule_object(rule: Rule) -> dict[str, Any]:
    """The rule as JSON data: id, titles, window, axis, grade and citations."""
    return {
        "id": rule.id,
        "title_ja": rule.title_ja,
        "title_en": rule.title_en,
        "window": {
            "start": rule.window.start.isoformat(),
            "end": rule.window.end.isoformat() if rule.window.end else None,
        },
        "axis": rule.axis,
        "grade": rule.grade,
        "citations": [
            {
                "document": c.document.title,
                "number": c.document.number,
                "issuer": c.document.issuer,
                "issued_on": c.document.issued_on.isoformat(),
                "section": c.section,
                "url": c.document.url,
                "via": c.via,
            }
            for c in rule.citations
        ],
    }


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the rules, their windows and sources",
        description="List the rule registry; with --date only the rules in force on that date "
        "(each read on its own axis: 診療日 or 請求年月).",
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="only rules in force on this date")
    parser.add_argument("--json", action="store_true", help="one JSON object per rule")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rules = RULES
    if args.date is not None:
        day = parse_iso_date(args.date)
        if day is None:
            print("rezept-fusho rules: --date must be YYYY-MM-DD", file=sys.stderr)
            return 2
        rules = rules_in_force(day)
    for rule in rules:
        if args.json:
            print(json.dumps(rule_object(rule), ensure_ascii=False))
        else:
            end = rule.window.end.isoformat() if rule.window.end else ""
            print(f"{rule.id}\t[{rule.window.start.isoformat()}, {end})\t{rule.title_ja}")
    return 0
