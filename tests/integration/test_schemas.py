"""The JSON Schemas: checked-in copies match the models; titles speak Japanese; documents validate."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.integration.conftest import example_lines, run_cli

from rezept_fusho import jsonl, schemas
from rezept_fusho.api import resolve_object
from rezept_fusho.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "schemas"
FIX = "refresh with: python -m rezept_fusho.schemas --write docs/schemas"


@pytest.mark.parametrize("name", list(schemas.SCHEMAS))
def test_checked_in_schema_matches_the_model(name: str) -> None:
    path = DOCS / f"{name}.json"
    assert path.exists(), f"docs/schemas/{name}.json is missing; {FIX}"
    assert path.read_text(encoding="utf-8") == schemas.render(name), f"{path.name} drifted; {FIX}"


def test_no_stale_schema_files() -> None:
    assert sorted(path.stem for path in DOCS.glob("*.json")) == sorted(schemas.SCHEMAS)


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{where}.{key}", value
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, where)


@pytest.mark.parametrize("name", list(schemas.SCHEMAS))
def test_every_field_names_its_japanese_term(name: str) -> None:
    document = schemas.schema(name)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for where, prop in _properties(document):
        text = prop.get("title", "") + prop.get("description", "")
        assert re.search(r"[^\x00-\x7f]", text), f"{name}{where} has no Japanese title or description"


def test_documents_validate_against_their_schemas() -> None:
    jsonschema_rs = pytest.importorskip("jsonschema_rs")  # comes with schemathesis (the test extra)
    claim = jsonschema_rs.Draft202012Validator(schemas.schema("claim"))
    resolution = jsonschema_rs.Draft202012Validator(schemas.schema("resolution"))
    error_record = jsonschema_rs.Draft202012Validator(schemas.schema("error-record"))
    for line in example_lines():
        claim.validate(json.loads(line))
    output = b"".join(chunk.data for chunk in jsonl.process_chunks([*example_lines(), "{"], resolve_object))
    *results, error = (json.loads(line) for line in output.splitlines())
    for result in results:
        resolution.validate(result)
    error_record.validate(error)


def test_write_refreshes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert schemas.main(["--write", str(tmp_path / "out")]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == len(schemas.SCHEMAS)
    assert (tmp_path / "out" / "claim.json").read_text(encoding="utf-8") == schemas.render("claim")


@pytest.mark.slow
def test_schema_command_prints_one_schema() -> None:
    result = run_cli("schema", "claim")
    assert result.returncode == 0
    assert json.loads(result.stdout) == schemas.schema("claim")


@pytest.mark.slow
def test_schema_command_lists_and_refuses_unknown_names() -> None:
    listed = run_cli("schema", "--list")
    assert listed.returncode == 0
    assert listed.stdout.decode().splitlines()[0] == "claim\tinput\tClaim"
    unknown = run_cli("schema", "nope")
    assert unknown.returncode == 2
    assert b"unknown schema 'nope'" in unknown.stderr
    assert run_cli("schema").returncode == 2


def test_schema_command_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "guidance"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Guidance"
    assert main(["schema", "--list"]) == 0
    assert "situation\tinput\tSituation" in capsys.readouterr().out
    assert main(["schema", "nope"]) == 2
    assert main(["schema"]) == 2
    assert "no NAME given" in capsys.readouterr().err
