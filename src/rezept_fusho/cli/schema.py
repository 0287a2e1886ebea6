"""``rezept-fusho schema NAME``: the JSON Schema (2020-12) of a public input or output model."""

from __future__ import annotations

import argparse
import sys

from rezept_fusho import schemas


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of an input or output model",
        description="Print the JSON Schema (2020-12) of NAME, generated from the models; "
        "--list names them. Field titles are the Japanese terms.",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help=", ".join(schemas.SCHEMAS))
    parser.add_argument("--list", action="store_true", help="list the schema names and their models")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        for name, entry in schemas.SCHEMAS.items():
            side = "input" if entry.mode == "validation" else "output"
            print(f"{name}\t{side}\t{entry.model.__name__}")
        return 0
    if args.name not in schemas.SCHEMAS:
        known = ", ".join(schemas.SCHEMAS)
        given = "no NAME given" if args.name is None else f"unknown schema {args.name!r}"
        print(f"rezept-fusho schema: {given}; one of: {known}", file=sys.stderr)
        return 2
    sys.stdout.write(schemas.render(args.name))
    return 0
