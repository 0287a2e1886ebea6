"""The private directory where ``--jobs`` workers leave finished chunks, and the removal of dead runs' ones.

``TMPDIR/rezept-fusho-<pid>-<random>``, mode 0700, is removed when the run ends, on Ctrl-C and
on SIGTERM. A run killed outright (``kill -9``) cannot remove it, so every run that makes one
first removes this user's directories of that form whose process no longer exists.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator

from rezept_fusho import owner_pid

PREFIX = "rezept-fusho-"


@contextlib.contextmanager
def spill_directory() -> Iterator[str]:
    """A new private directory under TMPDIR, removed with what it holds when the block ends."""
    remove_dead()
    path = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-")
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def remove_dead(parent: str | None = None) -> list[str]:
    """Remove the spill directories in *parent* (default TMPDIR) left by dead runs; returns their names."""
    parent = tempfile.gettempdir() if parent is None else parent
    removed: list[str] = []
    try:
        with os.scandir(parent) as entries:
            candidates = [entry for entry in entries if entry.name.startswith(PREFIX)]
    except OSError:
        return removed
    for entry in candidates:
        pid_text, dash, rest = entry.name[len(PREFIX) :].partition("-")
        pid = owner_pid.parse(pid_text)
        if pid is None or not (dash and rest) or pid == os.getpid() or owner_pid.alive(pid):
            continue
        try:
            mine = (
                entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_uid == os.getuid()
            )
        except OSError:
            continue
        if mine:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.name)
    return removed
