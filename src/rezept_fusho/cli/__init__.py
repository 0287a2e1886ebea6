"""The ``rezept-fusho`` command: one module per subcommand, registered here.

Exit status everywhere: 0 all good, 1 some record or check failed (every
other record still processed and written), 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from rezept_fusho import __version__
from rezept_fusho.cli import check_insurer, guide, resolve, rules, schema, serve, triage, uke_check, uke_patch

#: Subcommand modules, each with ``register(subparsers)``; add a line to add a command.
COMMANDS = (resolve, check_insurer, rules, triage, guide, schema, serve, uke_check, uke_patch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rezept-fusho",
        description="マイナ保険証で資格確認ができない場合の請求（現在の資格 → 旧資格 → 不詳）",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except BrokenPipeError:
        # The reader left (`| head`): stop quietly, and keep Python's exit-time flush from failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
