"""Helpers for the UKE tests: the golden directory and the command run as a user runs it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def cli_command() -> list[str]:
    """``python -m rezept_fusho.cli`` when the package is runnable, else the entry point's body."""
    if importlib.util.find_spec("rezept_fusho.cli.__main__") is not None:
        return [sys.executable, "-m", "rezept_fusho.cli"]
    return [sys.executable, "-c", "import sys; from rezept_fusho.cli import main; sys.exit(main())"]


def run_cli(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*cli_command(), *map(str, args)], capture_output=True, timeout=timeout, check=False
    )
