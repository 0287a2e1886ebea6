"""``rezept-fusho resolve [FILE]``: claims (JSON Lines) → resolutions or error records."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from rezept_fusho.cli import lines
from rezept_fusho.models.claim import Claim
from rezept_fusho.resolver import resolve


def resolve_object(obj: Mapping[str, Any]) -> BaseModel:
    """The handler: one parsed claim object → its resolution (raises on bad input)."""
    return resolve(Claim.model_validate(obj))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "resolve",
        help="resolve claims: JSON Lines in, one resolution or error record per line out",
        description="Read claims as JSON Lines (FILE, or stdin when FILE is - or absent) and write one "
        "resolution or error record per non-blank line, in input order.",
    )
    lines.add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return lines.run(args, resolve_object, id_field="claim_id", command="resolve")
