"""``rezept-fusho guide --date YYYY-MM-DD -o guide.html``: the printable front-desk guide as of a day."""

from __future__ import annotations

import argparse
import sys
from typing import get_args

from rezept_fusho.cli.io import UsageError, open_output
from rezept_fusho.guide import FIRST_DAY, render
from rezept_fusho.models.types import parse_iso_date
from rezept_fusho.rules.frontdesk import expired_card_temporary
from rezept_fusho.rules.frontdesk.expired_card_temporary import DEFAULT_END, TemporaryEnd
from rezept_fusho.text.dates import ja_date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "guide",
        help="render the one-page A4 front-desk and billing guide (HTML) as of a date",
        description="Render, from the rule registry, the guide for the window and the billing clerk (case → "
        "what to accept → window payment → after 10割 → 申立書 → claim) in force on DATE, as HTML that "
        "fits a screen and prints on one A4 page.",
    )
    parser.add_argument(
        "--date",
        required=True,
        metavar="YYYY-MM-DD",
        help=f"the day the guide is valid for (from {FIRST_DAY.isoformat()}, 保発0710第1号)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout")
    parser.add_argument(
        "--temporary-end",
        choices=get_args(TemporaryEnd),
        default=DEFAULT_END,
        help="end of the temporary handling of expired 保険証, as each notice set it: "
        + "; ".join(
            f"{value.value.isoformat()} ({value.citation.document.issuer}"
            + (", no formal notice found" if value.grade == "unverified" else "")
            + ")"
            for value in expired_card_temporary.END.values
        )
        + f" (default {DEFAULT_END})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    day = parse_iso_date(args.date)
    if day is None:
        print("rezept-fusho guide: --date must be a real date written YYYY-MM-DD", file=sys.stderr)
        return 2
    if day < FIRST_DAY:  # as triage refuses the service date: no front-desk rule applies yet
        print(
            f"rezept-fusho guide: --date {day.isoformat()} は保発0710第1号（{ja_date(FIRST_DAY)}）より前で、"
            f"受付のルールがありません / is before 保発0710第1号 ({FIRST_DAY.isoformat()}), "
            "the first day of the front-desk rules",
            file=sys.stderr,
        )
        return 2
    try:
        with open_output(args.output) as out:  # opened first: an unwritable -o fails before the work
            out.write(render(day, args.temporary_end).encode("utf-8"))
    except UsageError as exc:
        print(f"rezept-fusho guide: {exc}", file=sys.stderr)
        return 2
    return 0
