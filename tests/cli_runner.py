"""The command as a user runs it: ``python -m rezept_fusho.cli`` in a subprocess, bytes in and out.

The one helper every subprocess test uses (``pytest -m "not slow"`` leaves them out).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def cli_command() -> list[str]:
    """``python -m rezept_fusho.cli`` when the package is runnable, else the entry point's body."""
    if importlib.util.find_spec("rezept_fusho.cli.__main__") is not None:
        return [sys.executable, "-m", "rezept_fusho.cli"]
    return [sys.executable, "-c", "import sys; from rezept_fusho.cli import main; sys.exit(main())"]


def run_cli(
    *args: str | Path,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``rezept-fusho ARGS…``; stdout and stderr are captured as bytes."""
    return subprocess.run(
        [*cli_command(), *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=None if env is None else dict(env),
        timeout=timeout,
        check=False,
    )


def run_cli_text(
    *args: str | Path, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """:func:`run_cli` with text (UTF-8) in and out."""
    result = run_cli(*args, stdin=None if stdin is None else stdin.encode("utf-8"), cwd=cwd)
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )
