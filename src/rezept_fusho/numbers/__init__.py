"""Identifier modules in the python-stdnum style: one module per number."""

from rezept_fusho.numbers.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidNumber,
)

__all__ = [
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "InvalidNumber",
]
