"""One rule, one place: a value of the notices is spelled in one module of ``src`` only.

Docstrings and comments may quote a value (they explain it); code may not
repeat it. A value is found in string constants (also inside longer strings,
such as a message) and in ``date(y, m, d)`` calls.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "rezept_fusho"

#: value → the modules that may spell it.
VALUES: dict[str, set[str]] = {
    "77777779": {"rules/claim/fusho_insurer_placeholder.py"},
    "777777777": {"rules/claim/fusho_number_placeholder.py"},
    "99999999": {"rules/claim/disaster_placeholder.py"},
    "77777777": {"rules/claim/fusho_insurer_placeholder.py", "rules/claim/fusho_number_placeholder.py"},
    "2026-07-31": {"rules/frontdesk/expired_card_temporary.py"},
}
#: The same dates in the other spellings (``date(2026, 7, 31)``, 「2026年7月31日」).
DATES = {"2026-07-31": date(2026, 7, 31)}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _spellings(value: str) -> list[str]:
    spellings = [value]
    if value in DATES:
        day = DATES[value]
        spellings.append(f"{day.year}年{day.month}月{day.day}日")
    return spellings


def modules_spelling(value: str) -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        name = path.relative_to(SRC).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                if any(spelling in node.value for spelling in _spellings(value)):
                    found.add(name)
            elif (
                value in DATES
                and isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "date"
                and [getattr(arg, "value", None) for arg in node.args] == list(DATES[value].timetuple()[:3])
            ):
                found.add(name)
    return found


@pytest.mark.parametrize("value", sorted(VALUES))
def test_a_value_of_the_notices_is_spelled_in_one_place(value: str) -> None:
    found = modules_spelling(value)
    assert found, f"{value} is spelled nowhere: is the scan broken?"
    assert found <= VALUES[value], f"{value} also spelled in {sorted(found - VALUES[value])}"


def test_the_scan_sees_code_and_skips_docstrings(tmp_path: Path) -> None:
    tree = ast.parse(
        '"""77777779"""\nX = "77777779"\ndef f():\n    """99999999"""\n    return date(2026, 7, 31)\n'
    )
    skip = _docstrings(tree)
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in skip]
    assert "77777779" in constants
    assert "99999999" not in constants


def test_no_server_module_imports_the_command_line() -> None:
    for path in (SRC / "server").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("rezept_fusho.cli"), path.name
            if isinstance(node, ast.Import):
                assert not any(alias.name.startswith("rezept_fusho.cli") for alias in node.names), path.name


def test_every_warning_code_is_documented_once() -> None:
    from rezept_fusho.warning_codes import WARNINGS

    contract = (SRC.parents[1] / "docs" / "contract.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9_]+)` \|", contract[contract.index("## 警告") :], re.M))
    assert documented == set(WARNINGS)
