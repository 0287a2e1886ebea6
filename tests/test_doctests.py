"""Every docstring example in the package runs (the module docstrings are documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import rezept_fusho

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(rezept_fusho.__path__, prefix="rezept_fusho.")
    if not info.name.startswith("rezept_fusho.server")  # optional extra; tested on its own
    and not info.name.endswith("__main__")  # importing it runs the command
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
