"""JSON Schema (2020-12) of every public input and output model, by name.

Generated from the pydantic models, which stay the single source of truth;
the Japanese term of each field is its ``title``. Inputs are described as
they are validated, outputs as they are written. ``docs/schemas/<name>.json``
holds the checked-in copies; refresh them with::

    python -m rezept_fusho.schemas --write docs/schemas

>>> schema("qualification")["properties"]["insurer_number"]["title"]
'保険者番号'
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
from pydantic import BaseModel

from rezept_fusho.models.claim import Claim, Declaration, Options, Qualification
from rezept_fusho.models.resolution import ErrorRecord, Resolution
from rezept_fusho.reception.declaration import DeclarationCheck, DeclarationForm
from rezept_fusho.reception.models import Guidance, Situation

DIALECT = "https://json-schema.org/draft/2020-12/schema"

Mode = Literal["validation", "serialization"]


@attrs.frozen
class Entry:
    """A public model and which side of the contract it is on."""

    model: type[BaseModel]
    mode: Mode


#: Schema name → model, in the order ``schema --list`` prints them.
SCHEMAS: dict[str, Entry] = {
    "claim": Entry(Claim, "validation"),
    "qualification": Entry(Qualification, "validation"),
    "declaration": Entry(Declaration, "validation"),
    "options": Entry(Options, "validation"),
    "resolution": Entry(Resolution, "serialization"),
    "error-record": Entry(ErrorRecord, "serialization"),
    "situation": Entry(Situation, "validation"),
    "guidance": Entry(Guidance, "serialization"),
    "declaration-form": Entry(DeclarationForm, "validation"),
    "declaration-check": Entry(DeclarationCheck, "serialization"),
}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema document of the model called *name* (KeyError if none)."""
    entry = SCHEMAS[name]
    body = entry.model.model_json_schema(mode=entry.mode)
    return {"$schema": DIALECT, **body}


def render(name: str) -> str:
    """:func:`schema` as the text checked into ``docs/schemas/`` (stable key order, UTF-8)."""
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def write(directory: Path) -> list[Path]:
    """Write every schema to ``directory/<name>.json``; return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in SCHEMAS:
        path = directory / f"{name}.json"
        path.write_text(render(name), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rezept_fusho.schemas", description="Write every JSON Schema to DIR/<name>.json."
    )
    parser.add_argument("--write", metavar="DIR", required=True, type=Path, help="e.g. docs/schemas")
    args = parser.parse_args(argv)
    for path in write(args.write):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
