"""Temporary names that carry the id of the process that made them, and whether it still runs.

Output files (:mod:`rezept_fusho.atomic_file`) and ``--jobs`` spill directories
(:mod:`rezept_fusho.spill_dir`) put their creator's pid in their name, so that a later run
can tell what a killed run left behind from the work of a run still going.
"""

from __future__ import annotations

import os
import re

_PID = re.compile(r"[0-9]{1,10}")
#: Whether ``os.kill(pid, 0)`` only asks: on Windows it would end the process.
_KILL_ZERO_ASKS = os.name == "posix"


def parse(text: str) -> int | None:
    """The pid written as *text* (ASCII digits only), or None."""
    return int(text) if _PID.fullmatch(text) else None


def alive(pid: int) -> bool:
    """False only when no process *pid* exists on this machine; True when it does or when unsure.

    Unsure counts as alive: the callers delete what belongs to dead processes, and must never
    delete a live one's file.
    """
    if not _KILL_ZERO_ASKS:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # PermissionError: another user's process
    return True
