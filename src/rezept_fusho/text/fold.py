"""Folding input to its compact ASCII form: full-width digits → ASCII, spaces dropped.

Used for identifiers that arrive from forms and OCR with 全角 digits or stray
spaces (半角・全角). Only 0-9 are folded; other Unicode digits (Arabic-Indic
and the like) are left alone so that validation rejects them.
"""

from __future__ import annotations

_FULLWIDTH_DIGITS = {0xFF10 + i: 0x30 + i for i in range(10)}
_SPACES = {0x20: None, 0x3000: None, 0x09: None}
_TABLE = {**_FULLWIDTH_DIGITS, **_SPACES}
_TABLE_KEEP_SPACES = dict(_FULLWIDTH_DIGITS)


def fold_digits(value: str, *, drop_spaces: bool = True) -> str:
    """Fold 全角 digits to ASCII and, by default, drop half- and full-width spaces.

    >>> fold_digits('０１１３ ００１２')
    '01130012'
    """
    return value.translate(_TABLE if drop_spaces else _TABLE_KEEP_SPACES)
