"""``rezept-fusho resolve [FILE]``: claims (JSON Lines) → resolutions or error records."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from rezept_fusho.cli.io import UsageError, decoded_lines, open_input, open_output
from rezept_fusho.jsonl import process_lines
from rezept_fusho.models.claim import Claim
from rezept_fusho.resolver import resolve


def resolve_object(obj: Mapping[str, Any]) -> BaseModel:
    return resolve(Claim.model_validate(obj))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "resolve",
        help="resolve claims: JSON Lines in, one resolution or error record per line out",
        description="Read claims as JSON Lines (FILE, or stdin when FILE is - or absent) and write one "
        "resolution or error record per non-blank line, in input order.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="JSON Lines input (default: stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        stream = open_input(args.file)
        with stream, open_output(args.output) as out:
            failed = False
            for result in process_lines(decoded_lines(stream), resolve_object):
                out.write(result.text.encode("utf-8") + b"\n")
                failed = failed or not result.ok
    except UsageError as exc:
        print(f"rezept-fusho resolve: {exc}", file=sys.stderr)
        return 2
    return 1 if failed else 0
