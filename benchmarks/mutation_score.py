"""変異テストのスコア: ``mutmut run`` の結果を読み、生き残った変異を分けて数える (issue 10).

    pip install -e '.[test,server,fast,mutation]'
    mutmut run                        # pyproject の [tool.mutmut]: rules/, numbers/, uke/check.py
    python benchmarks/mutation_score.py

The score counts every mutant the tests could see. Two kinds are set apart, and
listed, not hidden:

- **message**: the mutant changes only string literals (a message's wording,
  a docstring-like label); the contract fixes codes, not prose.
- **import-time**: the mutant is in a function that runs only while the module
  is imported (:data:`IMPORT_TIME`). mutmut forks each mutant from a process
  that has already imported the package, so such a mutant can never be run;
  a wrong table there fails the contract tests at import.

Every other survivor is printed with its diff, for a reader to judge (an
equivalent mutant, or a missing test).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import io
import json
import sys
import tokenize
from pathlib import Path

#: mutmut's exit codes (mutmut 3): the test run's, or its own for what it did not run.
KILLED = frozenset({1, 3, -11, -9})  # a test failed, or the mutant crashed the run
SURVIVED = 0
TIMEOUT = frozenset({-24, 36})

#: Functions that run only at import (why each, in one line).
IMPORT_TIME = {
    "rezept_fusho.rules.frontdesk.cases.x__rule": "builds the CASES table",
    "rezept_fusho.rules.registry.x__index": "builds the rule index (refuses duplicate ids)",
    "rezept_fusho.uke.check.x__both_widths": "builds the 不詳 番号 byte sets",
}


def _function_of(key: str) -> str:
    return key.rsplit("__mutmut_", 1)[0]


def _sources(path: Path) -> dict[str, str]:
    """Each function's source in a mutmut-mutated module, by its mangled name."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    return {
        node.name: ast.get_source_segment(text, node) or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def _tokens(source: str, strings: bool) -> list[str]:
    out = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT):
            continue
        out.append("<str>" if token.type == tokenize.STRING and not strings else token.string)
    return out[2:]  # without "def <name>"


def classify(root: Path) -> dict[str, list[tuple[str, str]]]:
    """Mutants by outcome: killed, timeout, not_run, message, import_time, survived (key, diff)."""
    found: dict[str, list[tuple[str, str]]] = {
        kind: [] for kind in ("killed", "timeout", "not_run", "message", "import_time", "survived")
    }
    for meta in sorted(root.rglob("*.py.meta")):
        codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        sources: dict[str, str] | None = None
        for key, code in sorted(codes.items()):
            if code in KILLED:
                found["killed"].append((key, ""))
            elif code in TIMEOUT:
                found["timeout"].append((key, ""))
            elif code != SURVIVED:  # 33, 34 or None: no test covers it, or it was skipped
                found["not_run"].append((key, ""))
            elif _function_of(key) in IMPORT_TIME:
                found["import_time"].append((key, ""))
            else:
                sources = sources if sources is not None else _sources(meta.with_suffix(""))
                name = key.rsplit(".", 1)[1]
                original = sources.get(_function_of(name) + "__mutmut_orig", "")
                mutant = sources.get(name, "")
                same_shape = _tokens(original, strings=False) == _tokens(mutant, strings=False)
                diff = "\n".join(
                    line
                    for line in difflib.unified_diff(
                        original.splitlines(), mutant.splitlines(), lineterm="", n=0
                    )
                    if line[:1] in "+-" and line[:3] not in ("+++", "---") and not line[1:].startswith("def ")
                )
                found["message" if same_shape else "survived"].append((key, diff))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=Path, default=Path("mutants"), help="mutmut's directory")
    parser.add_argument("--quiet", action="store_true", help="counts only, no diffs")
    args = parser.parse_args(argv)
    if not args.mutants.is_dir():
        print(f"{args.mutants}: no mutmut results (run `mutmut run` first)", file=sys.stderr)
        return 2
    found = classify(args.mutants)
    counted = len(found["killed"]) + len(found["timeout"]) + len(found["survived"])
    caught = len(found["killed"]) + len(found["timeout"])
    for kind, items in found.items():
        print(f"{kind:12} {len(items):6}")
    score = 100.0 * caught / counted if counted else 100.0
    print(f"score        {score:6.1f} %  ((killed + timeout) / (killed + timeout + survived))")
    if not args.quiet:
        for key, diff in found["survived"]:
            print(f"\n### {key}\n{diff}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
