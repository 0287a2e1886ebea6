"""The package root: its public names, and the registry loaded on first use."""

from __future__ import annotations

import pytest

import rezept_fusho
from rezept_fusho.rules.registry import RULES


def test_rules_is_the_registry() -> None:
    assert rezept_fusho.RULES is RULES


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = rezept_fusho.nope  # type: ignore[attr-defined]


def test_public_names_exist() -> None:
    for name in rezept_fusho.__all__:
        assert getattr(rezept_fusho, name) is not None
