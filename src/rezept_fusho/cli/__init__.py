"""The ``rezept-fusho`` command: one module per subcommand, registered here.

Exit status everywhere:

- 0 all good;
- 1 some record or check failed (every other record still processed and
  written), or the reader of stdout went away (``| head``);
- 2 usage error, unreadable input or unwritable output (found before any work);
- 3 an error no command expected: a bug, or the system failing (disk full). One
  line on stderr names the exception's type and where it was raised, and for an
  OS error its reason, never any other message (it may quote input); no ``-o``
  file is written;
- 130 interrupted (Ctrl-C, or SIGTERM in ``resolve`` and ``triage``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from rezept_fusho import __version__

#: Subcommand → the module that defines it with ``register(subparsers)``; add a line to add a command.
#: Only the module of the command being run is imported, which keeps a one-claim run's start-up short.
COMMANDS = {
    "resolve": "rezept_fusho.cli.resolve",
    "triage": "rezept_fusho.cli.triage",
    "guide": "rezept_fusho.cli.guide",
    "uke-check": "rezept_fusho.cli.uke_check",
    "uke-patch": "rezept_fusho.cli.uke_patch",
    "check-insurer": "rezept_fusho.cli.check_insurer",
    "rules": "rezept_fusho.cli.rules",
    "schema": "rezept_fusho.cli.schema",
    "serve": "rezept_fusho.cli.serve",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with just *only* (a name in :data:`COMMANDS`)."""
    parser = argparse.ArgumentParser(
        prog="rezept-fusho",
        description="マイナ保険証で資格確認ができない場合の請求（現在の資格 → 旧資格 → 不詳）",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module).register(subparsers)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    # The top-level options (-h, --version) take no value, so the first other word is the command.
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in COMMANDS else None


#: The exit status of an unexpected exception (see the module docstring).
INTERNAL_ERROR = 3


def _where(exc: BaseException) -> str:
    """``Type at file.py:line`` of the innermost frame: enough for a bug report, no data."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    return f"{type(exc).__name__} at {Path(frames[-1].filename).name}:{frames[-1].lineno}"


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    command = _command_in(words)
    name = f"rezept-fusho {command}" if command else "rezept-fusho"
    try:
        args = build_parser(command).parse_args(words)
        status: int = args.func(args)
    except BrokenPipeError:
        # The reader left (`| head`): stop quietly, and keep Python's exit-time flush from failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"\n{name}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # The last resort: one line, not a traceback a script would read as "some records failed".
        # An OS error's own text (disk full…) is safe to show; any other message may quote input.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "internal error"
        print(f"{name}: {reason} ({_where(exc)}); exit status {INTERNAL_ERROR}", file=sys.stderr)
        return INTERNAL_ERROR
    return status


if __name__ == "__main__":
    sys.exit(main())
