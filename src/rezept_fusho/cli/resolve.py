"""``rezept-fusho resolve [FILE]``: claims (JSON Lines) → resolutions or error records."""

from __future__ import annotations

import argparse

from rezept_fusho.api import RESOLVE
from rezept_fusho.cli import lines


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
    return lines.run(args, RESOLVE, id_field="claim_id", command="resolve")
