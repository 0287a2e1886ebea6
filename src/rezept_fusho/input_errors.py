"""Pydantic validation errors → one :class:`~rezept_fusho.errors.ClaimError`.

The first error of the input decides the record's code and field. Our own
field types raise errors whose type is already a stable code; pydantic's
built-in types are mapped here to codes of ours, so a pydantic upgrade never
changes what a vendor sees. Messages are ours too: pydantic's may quote input.

The field path is made of the models' own names and list indices, except for
an unknown key, which is the input's: a key someone typed a name, an address or
a phone number into. Such a key is reported only when it looks like an
identifier (ASCII letters, digits and ``_``, not starting with a digit, at most
:data:`MAX_KEY_LENGTH` characters); any other is :data:`UNKNOWN_KEY`.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from rezept_fusho.errors import ClaimError
from rezept_fusho.models.types import CODES, MAX_ID_LENGTH

_BUILTIN: dict[str, tuple[str, str, str]] = {
    "missing": ("missing_field", "必須項目がありません", "a required field is missing"),
    "extra_forbidden": ("unknown_field", "未知の項目です", "unknown field"),
    "literal_error": ("invalid_choice", "選択肢にない値です", "the value is not one of the allowed choices"),
    "string_pattern_mismatch": ("invalid_format", "形式が正しくありません", "the value has the wrong format"),
    "string_too_short": ("blank_value", "空の値は使えません", "the value must not be empty"),
    # Only the ids have a maximum length.
    "string_too_long": (
        "id_too_long",
        f"IDが長すぎます（{MAX_ID_LENGTH}文字まで）",
        f"the id is longer than {MAX_ID_LENGTH} characters",
    ),
}


def id_too_long(id_field: str) -> ClaimError:
    """The error of an id over :data:`~rezept_fusho.models.types.MAX_ID_LENGTH` (never echoing it)."""
    code, ja, en = _BUILTIN["string_too_long"]
    return ClaimError(code, id_field, ja, en)


_TYPE_ERROR = ("invalid_type", "型が正しくありません", "the value has the wrong type")
_INVALID = ("invalid_value", "値が正しくありません", "the value is not valid")

#: Longest key that is reported as it is (the contract's own names have at most 21 characters).
MAX_KEY_LENGTH = 32
#: What a key that does not look like an identifier is reported as.
UNKNOWN_KEY = "<unknown key>"
_IDENTIFIER = re.compile(rf"[A-Za-z_][A-Za-z0-9_]{{0,{MAX_KEY_LENGTH - 1}}}")


def _part(part: int | str) -> str:
    if isinstance(part, int) or _IDENTIFIER.fullmatch(part):
        return str(part)
    return UNKNOWN_KEY


def _path(loc: tuple[int | str, ...]) -> str | None:
    return ".".join(_part(part) for part in loc) or None


def to_claim_error(exc: ValidationError) -> ClaimError:
    """The first error of *exc*, as a ClaimError with our stable code."""
    first = exc.errors(include_url=False, include_input=False)[0]
    kind = first["type"]
    field = _path(tuple(first["loc"]))
    if kind in _BUILTIN:
        code, ja, en = _BUILTIN[kind]
        return ClaimError(code, field, ja, en)
    if kind in CODES:
        ja, _, en = str(first["msg"]).partition(" / ")
        return ClaimError(kind, field, ja, en)
    if kind.endswith("_type") or kind == "is_instance_of":
        return ClaimError(_TYPE_ERROR[0], field, _TYPE_ERROR[1], _TYPE_ERROR[2])
    return ClaimError(_INVALID[0], field, _INVALID[1], _INVALID[2])
