"""``rezept-fusho uke-check FILE``: report every problem of a finished UKE file (``-`` reads stdin).

Exit status: 0 no problem, 1 problems found, 2 the file cannot be read.
Text output is one problem a line (``line:record:#position field<TAB>code<TAB>message``)
and a summary line; ``--json`` writes one JSON object per problem and a final
``{"summary": …}`` object (JSON Lines).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Any

from rezept_fusho.uke.check import CheckStats, iter_problems
from rezept_fusho.uke.options import KINDS, Kind, UkeOptions
from rezept_fusho.uke.problems import Problem, UkeReadError
from rezept_fusho.uke.specs import dental, medical


def _kinds(text: str) -> frozenset[Kind]:
    words = [word.strip() for word in text.split(",") if word.strip()] if text != "none" else []
    unknown = sorted(set(words) - set(KINDS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown receipt kinds {unknown}; use {','.join(KINDS)} or none")
    return frozenset(word for word in KINDS if word in words)


def add_option_arguments(parser: argparse.ArgumentParser) -> None:
    """The :class:`UkeOptions` a user may change (the unconfirmed format facts)."""
    defaults = UkeOptions()
    parser.add_argument(
        "--comment-max-bytes",
        type=int,
        default=None,
        metavar="N",
        help=(
            "CO/TK 文字データ byte limit (default: the spec's for the kind and 請求年月: "
            f"{medical.COMMENT_TEXT_BYTES}; 歯科 {dental.COMMENT_TEXT_BYTES_R08} "
            f"from {dental.R08_FIRST_CLAIM_MONTH:%Y-%m})"
        ),
    )
    parser.add_argument(
        "--card-max-bytes",
        type=int,
        default=defaults.card_max_bytes,
        metavar="N",
        help=f"記号・番号 byte limit (default {defaults.card_max_bytes})",
    )
    parser.add_argument(
        "--check-recipient-digit",
        action="store_true",
        help="also check the 検証番号 of 公費受給者番号 (not every programme uses it)",
    )
    parser.add_argument(
        "--flag-kinds",
        type=_kinds,
        default=defaults.flag_kinds,
        metavar="KINDS",
        help="receipt kinds whose RE 請求情報 carries the 資格確認区分: a comma list of medical, dental, pharmacy, "
        "or none (default: medical)",
    )
    parser.add_argument(
        "--pharmacy-comment-record",
        choices=("TK", "CO"),
        default=defaults.pharmacy_comment_record,
        help="the record a 調剤 receipt's 摘要 comments go in (default: TK)",
    )


def options_from(args: argparse.Namespace, **extra: Any) -> UkeOptions:
    return UkeOptions(
        comment_max_bytes=args.comment_max_bytes,
        card_max_bytes=args.card_max_bytes,
        check_recipient_digit=args.check_recipient_digit,
        flag_kinds=args.flag_kinds,
        pharmacy_comment_record=args.pharmacy_comment_record,
        **extra,
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "uke-check",
        help="check a UKE (レセ電) file: fields, check digits, 不詳 and 旧資格 consistency, GO totals",
        description="Report every problem of FILE (- for stdin) with line, record, field and a stable code. "
        "Exit 0 clean, 1 problems found, 2 unreadable.",
    )
    parser.add_argument("file", metavar="FILE", help="the UKE file, or - for stdin")
    parser.add_argument(
        "--json", action="store_true", help="JSON Lines: one object per problem, then a summary"
    )
    add_option_arguments(parser)
    parser.set_defaults(func=run)


def _emit(obj: dict[str, Any] | Problem, as_json: bool) -> None:
    if as_json:
        data = obj.to_dict() if isinstance(obj, Problem) else obj
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(f"{obj}\n")


def run(args: argparse.Namespace) -> int:
    try:
        options = options_from(args)
    except ValueError as exc:
        print(f"rezept-fusho uke-check: {exc}", file=sys.stderr)
        return 2
    stats = CheckStats()
    name = "stdin" if args.file == "-" else args.file
    try:
        with open(args.file, "rb") if args.file != "-" else _stdin() as stream:
            for problem in iter_problems(stream, options, stats):
                _emit(problem, args.json)
    except OSError as exc:
        print(f"rezept-fusho uke-check: cannot read {name}: {exc.strerror}", file=sys.stderr)
        return 2
    except UkeReadError as exc:
        for problem in exc.problems:
            print(f"rezept-fusho uke-check: {name}: {problem}", file=sys.stderr)
            if args.json:
                _emit({"error": problem.to_dict()}, True)
        return 2
    status = "problems" if stats.problems else "ok"
    summary = {
        "status": status,
        "kind": stats.kind,
        "receipts": stats.receipts,
        "records": stats.records,
        "problems": stats.problems,
    }
    if args.json:
        _emit({"summary": summary}, True)
    else:
        sys.stdout.write(
            f"{status}: {stats.problems} problem(s), {stats.receipts} receipt(s), {stats.records} record(s)\n"
        )
    return 1 if stats.problems else 0


def _stdin() -> contextlib.nullcontext[Any]:
    # stdin's bytes, in a with-block that does not close them.
    return contextlib.nullcontext(sys.stdin.buffer)
