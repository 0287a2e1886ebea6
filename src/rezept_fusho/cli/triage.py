"""``rezept-fusho triage [FILE]``: front-desk situations (JSON Lines) → guidance or error records."""

from __future__ import annotations

import argparse

from rezept_fusho.api import TRIAGE
from rezept_fusho.cli import lines


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "triage",
        help="front desk: failed card check → paths, window payment, likely claim (JSON Lines)",
        description="Read front-desk situations as JSON Lines (FILE, or stdin when FILE is - or absent) and "
        "write one guidance or error record per non-blank line, in input order.",
    )
    lines.add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return lines.run(args, TRIAGE, id_field="situation_id", command="triage")
