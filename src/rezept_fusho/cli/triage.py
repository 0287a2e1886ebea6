"""``rezept-fusho triage [FILE]``: front-desk situations (JSON Lines) → guidance or error records."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from rezept_fusho.cli import lines
from rezept_fusho.reception import Situation, triage


def triage_object(obj: Mapping[str, Any]) -> BaseModel:
    """The handler: one parsed situation object → its guidance (raises on bad input)."""
    return triage(Situation.model_validate(obj))


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
    return lines.run(args, triage_object, id_field="situation_id", command="triage")
