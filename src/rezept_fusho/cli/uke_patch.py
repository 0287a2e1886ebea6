"""``rezept-fusho uke-patch FILE RESOLUTIONS.jsonl -o OUT``: apply resolutions to a UKE file.

Exit status: 0 written (problems the file already had are listed on stderr,
or on stdout as JSON Lines with ``--json``, marked pre-existing), 1 refused
(nothing written; every reason listed the same way), 2 a file cannot be read
or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rezept_fusho.cli.io import term_as_interrupt
from rezept_fusho.cli.uke_check import add_option_arguments, options_from
from rezept_fusho.uke.patch import load_resolutions, patch_file
from rezept_fusho.uke.problems import Problem, UkeError, UkeReadError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "uke-patch",
        help="write resolutions into a UKE file (HO, RE 資格確認区分, SN 枝番, 摘要 comments); refuses rather than "
        "half-writes",
        description="Rewrite the HO fields, the RE 資格確認区分, the SN 枝番 and insert the 摘要 comments of each "
        "receipt named by a resolution (matched on the RE レセプト番号). Every other byte is kept. Nothing is "
        "written when a resolution cannot be applied or the result would have a problem the file did not "
        "have (with --strict: any problem).",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("resolutions", metavar="RESOLUTIONS.jsonl")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the patched file (written atomically)"
    )
    parser.add_argument("--json", action="store_true", help="problems as JSON Lines on stdout")
    parser.add_argument(
        "--strict", action="store_true", help="refuse unless the result has no problem at all"
    )
    parser.add_argument(
        "--created-at",
        metavar="YYYYMMDDhhmmss",
        help="作成日時 for a receipt whose 請求情報 is empty, so the 資格確認区分 can be written after it",
    )
    add_option_arguments(parser)
    parser.set_defaults(func=run)


def _report(problems: Sequence[Problem], status: str, args: argparse.Namespace) -> None:
    for problem in problems:
        if args.json:
            sys.stdout.write(json.dumps({**problem.to_dict(), "status": status}, ensure_ascii=False) + "\n")
        else:
            print(f"rezept-fusho uke-patch: {status}: {problem}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    target = Path(args.output)
    if target.is_dir() or not target.parent.is_dir():
        print(
            f"rezept-fusho uke-patch: cannot write {args.output}: not a file in an existing directory",
            file=sys.stderr,
        )
        return 2
    try:
        options = options_from(args, created_at=args.created_at)
        with open(args.resolutions, "rb") as stream:
            resolutions = load_resolutions(stream)
        with term_as_interrupt():  # SIGTERM unwinds like Ctrl-C: nothing is left behind (exit 130)
            result = patch_file(args.file, resolutions, target, options, strict=args.strict)
    except ValueError as exc:
        print(f"rezept-fusho uke-patch: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"rezept-fusho uke-patch: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    except UkeReadError as exc:
        _report(exc.problems, "unreadable", args)
        return 2
    except UkeError as exc:
        _report(exc.problems, "refused", args)
        return 1
    _report(result.pre_existing, "pre-existing", args)
    print(
        f"rezept-fusho uke-patch: {len(result.patched)} receipt(s) patched -> {args.output}"
        + (
            f" ({len(result.pre_existing)} pre-existing problem(s) left as they were)"
            if result.pre_existing
            else ""
        ),
        file=sys.stderr,
    )
    return 0
