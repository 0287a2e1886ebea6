"""``rezept-fusho uke-patch FILE RESOLUTIONS.jsonl -o OUT``: apply resolutions to a UKE file.

Exit status: 0 written, 1 refused (nothing written; every reason listed on
stderr, or on stdout as JSON Lines with ``--json``), 2 a file cannot be read
or written.
"""

from __future__ import annotations

import argparse
import json
import sys

from rezept_fusho.cli.uke_check import add_option_arguments, options_from
from rezept_fusho.uke.patch import load_resolutions, patch_file
from rezept_fusho.uke.problems import UkeError, UkeReadError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "uke-patch",
        help="write resolutions into a UKE file (HO, SN 枝番, CO 摘要); refuses rather than half-writes",
        description="Rewrite the HO fields, the SN 枝番 and insert the 摘要 CO records of each receipt named "
        "by a resolution (matched on the RE レセプト番号). Every other byte is kept. Nothing is written when a "
        "resolution cannot be applied or the result would not pass uke-check.",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("resolutions", metavar="RESOLUTIONS.jsonl")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the patched file (written atomically)"
    )
    parser.add_argument("--json", action="store_true", help="refusal reasons as JSON Lines on stdout")
    add_option_arguments(parser)
    parser.set_defaults(func=run)


def _report(exc: UkeError, args: argparse.Namespace) -> None:
    for problem in exc.problems:
        if args.json:
            sys.stdout.write(json.dumps(problem.to_dict(), ensure_ascii=False) + "\n")
        else:
            print(f"rezept-fusho uke-patch: {problem}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        options = options_from(args)
        with open(args.resolutions, "rb") as stream:
            resolutions = load_resolutions(stream)
        result = patch_file(args.file, resolutions, args.output, options)
    except ValueError as exc:
        print(f"rezept-fusho uke-patch: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"rezept-fusho uke-patch: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    except UkeReadError as exc:
        _report(exc, args)
        return 2
    except UkeError as exc:
        _report(exc, args)
        return 1
    print(
        f"rezept-fusho uke-patch: {len(result.patched)} receipt(s) patched -> {args.output}", file=sys.stderr
    )
    return 0
