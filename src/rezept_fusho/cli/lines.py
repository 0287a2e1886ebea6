"""The runner shared by the line-oriented commands (``resolve``, ``triage``).

A command gives its handler — a module-level function from one parsed JSON
object to a pydantic model — and the name of its id field; the runner reads
FILE or stdin, writes one result or error record per non-blank line in input
order, and returns the exit status (0 all resolved, 1 some error record, 2
usage error).
"""

from __future__ import annotations

import argparse
import sys

from rezept_fusho.cli.io import UsageError, decoded_lines, open_input, open_output
from rezept_fusho.jsonl import Handler, process_lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="JSON Lines input (default: stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout")


def run(args: argparse.Namespace, handler: Handler, *, id_field: str, command: str) -> int:
    try:
        stream = open_input(args.file)
        with stream, open_output(args.output) as out:
            failed = False
            for result in process_lines(decoded_lines(stream), handler, id_field):
                out.write(result.text.encode("utf-8") + b"\n")
                failed = failed or not result.ok
    except UsageError as exc:
        print(f"rezept-fusho {command}: {exc}", file=sys.stderr)
        return 2
    return 1 if failed else 0
