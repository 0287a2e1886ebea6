"""Write a file all or nothing: the target is only ever replaced by a complete file.

    from rezept_fusho.atomic_file import AtomicFile

    with AtomicFile.open("out.jsonl") as out:   # a binary file
        out.write(data)
    # leaving the block normally puts the file in place; an exception leaves the target as it was

Without ``with``: ``pending = AtomicFile.open(path)``, write to ``pending.file``, then
``pending.commit()`` or ``pending.discard()`` — for a caller that decides only after writing.
:meth:`AtomicFile.open` fails (``OSError``) before anything is written when the target cannot be
written: a directory, a missing or read-only directory.

Where the data waits, and what a ``kill -9`` can leave behind:

- Linux, on a file system with ``O_TMPFILE`` (ext4, xfs, btrfs, tmpfs…): an unnamed file in the
  target's directory, linked into place at the end. It has no name until then, so a killed
  run leaves nothing. A new target is linked under its own name directly; an existing one is
  linked under a temporary name and renamed over it, so for that instant a
  ``.<name>.<pid>.<hex>.part`` file exists.
- Elsewhere (or where ``/proc`` is not mounted): that named ``.part`` file beside the target,
  holding an exclusive ``flock`` while its writer lives.

Opening a target first removes the ``.part`` files of earlier runs for it (:func:`remove_leftovers`):
only those whose process no longer exists on this machine and whose lock is free, so another
live run's file — on this machine, or on another one sharing the directory — stays.

A new file gets mode 0666 less the umask, like ``open()``; replacing a file keeps that file's
permission bits (not its owner, group or ACLs). The data is flushed to disk (``fsync``) before
the file is put in place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import attrs

from rezept_fusho import owner_pid

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, so leftovers there are never removed
    fcntl = None  # type: ignore[assignment]

#: ``O_TMPFILE`` where the platform has it; None makes every file a named ``.part`` (tests set it).
O_TMPFILE: int | None = getattr(os, "O_TMPFILE", None)
#: How an unnamed file is named for ``linkat`` (with ``AT_SYMLINK_FOLLOW``).
PROC_FD = "/proc/self/fd/{}"

_SUFFIX = ".part"
#: Characters of the target's name kept in a temporary name, so that it stays under NAME_MAX bytes.
_NAME_CHARS = 50
_TAIL = re.compile(r"([0-9]{1,10})\.[0-9a-f]{8}")
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_PATH", os.O_RDONLY) | getattr(os, "O_DIRECTORY", 0)


def _prefix(target: Path) -> str:
    return f".{target.name[:_NAME_CHARS]}."


def _part_name(target: Path) -> str:
    return f"{_prefix(target)}{os.getpid()}.{secrets.token_hex(4)}{_SUFFIX}"


@attrs.define(eq=False)
class AtomicFile:
    """A file being written in place of :attr:`target`: write to :attr:`file`, then commit or discard."""

    target: Path
    file: BinaryIO
    _part: Path | None  # the named temporary; None while the data is in an unnamed file
    _dir_fd: int | None  # the target's directory, for linking an unnamed file into it
    _finished: bool = False

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> AtomicFile:
        """Start writing *target*; raises ``OSError`` when it cannot be written."""
        path = Path(target)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        remove_leftovers(path)
        unnamed = _open_unnamed(path.parent)
        if unnamed is not None:
            fd, dir_fd = unnamed
            part = None
        else:
            part, dir_fd = path.parent / _part_name(path), None
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC | _BINARY, 0o666)
        _lock(fd)
        return cls(path, os.fdopen(fd, "wb"), part, dir_fd)

    def commit(self) -> None:
        """Put the complete file in place of the target (on failure the target is left as it was)."""
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            _keep_mode(self.file.fileno(), self.target)
            if self._part is None:
                self._link_into_place()
            else:
                os.replace(self._part, self.target)
                self._part = None
        finally:
            self.discard()

    def discard(self) -> None:
        """Drop what was written, leaving the target as it was; nothing happens a second time."""
        if self._finished:
            return
        self._finished = True
        with contextlib.suppress(OSError):  # a failed flush of data being dropped anyway
            self.file.close()
        if self._part is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._part)
        if self._dir_fd is not None:
            os.close(self._dir_fd)

    def read_back(self) -> BinaryIO:
        """What has been written so far, opened for reading from the start (for a check before commit)."""
        self.file.flush()
        if self._part is None:
            return open(PROC_FD.format(self.file.fileno()), "rb")
        return open(self._part, "rb")

    def _link_into_place(self) -> None:
        source = PROC_FD.format(self.file.fileno())
        try:
            os.link(source, self.target.name, dst_dir_fd=self._dir_fd, follow_symlinks=True)
            return
        except FileExistsError:
            pass  # replace it: link under a temporary name, then rename that over the target
        part = _part_name(self.target)
        os.link(source, part, dst_dir_fd=self._dir_fd, follow_symlinks=True)
        try:
            os.replace(part, self.target.name, src_dir_fd=self._dir_fd, dst_dir_fd=self._dir_fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(part, dir_fd=self._dir_fd)
            raise

    def __enter__(self) -> BinaryIO:
        return self.file

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _open_unnamed(directory: Path) -> tuple[int, int] | None:
    """An unnamed file in *directory* and the directory's descriptor, or None where there is none."""
    if O_TMPFILE is None:
        return None
    dir_fd = os.open(directory, _DIRECTORY | _CLOEXEC)
    try:
        fd = os.open(".", O_TMPFILE | os.O_WRONLY | _CLOEXEC, 0o666, dir_fd=dir_fd)
    except OSError as exc:
        os.close(dir_fd)
        # Not supported by this file system (EOPNOTSUPP) or kernel (EISDIR, EINVAL).
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None
        raise
    if not os.path.exists(PROC_FD.format(fd)):  # no /proc: it could never be linked
        os.close(fd)
        os.close(dir_fd)
        return None
    return fd, dir_fd


def _lock(fd: int) -> None:
    # Tells remove_leftovers that a live process owns the file, even from another machine.
    if fcntl is None:  # pragma: no cover - Windows
        return
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _keep_mode(fd: int, target: Path) -> None:
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # a new file: the umask decided its mode when it was created
    if stat.S_ISREG(mode) and hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(mode) & 0o777)


def remove_leftovers(target: str | os.PathLike[str]) -> list[str]:
    """Remove the ``.part`` files that killed runs left beside *target*; returns their names.

    A file goes only when the process named in it no longer exists on this machine and no
    process holds its lock. Anything unsure (no locks on this platform, a file this user may
    not open) stays.
    """
    path = Path(target)
    prefix = _prefix(path)
    removed: list[str] = []
    try:
        with os.scandir(path.parent) as entries:
            names = [entry.name for entry in entries if entry.is_file(follow_symlinks=False)]
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_SUFFIX)):
            continue
        tail = _TAIL.fullmatch(name[len(prefix) : -len(_SUFFIX)])
        pid = owner_pid.parse(tail.group(1)) if tail else None
        if pid is None or pid == os.getpid() or owner_pid.alive(pid):
            continue
        if _remove_if_unlocked(path.parent / name):
            removed.append(name)
    return removed


def _remove_if_unlocked(path: Path) -> bool:
    if fcntl is None:  # pragma: no cover - Windows
        return False
    # Write access first: over NFS an exclusive lock needs it; read-only as a fallback.
    for flags in (os.O_WRONLY, os.O_RDONLY):
        try:
            fd = os.open(path, flags | _NOFOLLOW | _CLOEXEC)
            break
        except OSError:
            continue
    else:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: its writer is alive
        os.unlink(path)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True
