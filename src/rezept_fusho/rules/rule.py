"""The shape of a rule: a declared value with an id, a window and its sources.

Modelled on OpenFisca parameters and Catala's code-beside-the-law: every rule
the library applies is a :class:`Rule` declared next to the code that
implements it, with a half-open effective window ``[start, end)`` (``end`` is
``None`` while the rule is open-ended, never a sentinel date) and at least one
:class:`Citation`. The window is read on one axis — the 診療日 or the first
day of the 請求年月 — named by ``axis``.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Literal

import attrs

Axis = Literal["service_date", "claim_month"]

#: How sure the research is of a rule (docs/design.md, 確度).
Grade = Literal["confirmed", "secondary", "seed", "inferred", "unverified"]


@attrs.frozen
class Document:
    """A notice, law or manual that rules cite."""

    title: str
    issuer: str
    issued_on: date
    url: str
    number: str | None = None  # e.g. 保発0710第1号


@attrs.frozen
class Citation:
    """A place in a :class:`Document` that a rule implements."""

    document: Document
    section: str
    via: str | None = None  # the secondary source read, when the primary was not

    @functools.cached_property
    def source(self) -> str:
        """One line naming the document, its date and the section."""
        doc = self.document
        number = f" {doc.number}" if doc.number else ""
        return f"{doc.issuer}{number}「{doc.title}」({doc.issued_on.isoformat()}) {self.section}"


@attrs.frozen
class Window:
    """Half-open ``[start, end)``; ``end is None`` means still in force."""

    start: date
    end: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end <= self.start:
            raise ValueError("a window must end after it starts")

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def _non_empty(
    _instance: object, attribute: attrs.Attribute[tuple[Citation, ...]], value: tuple[Citation, ...]
) -> None:
    if not value:
        raise ValueError(f"{attribute.name} must not be empty")


@attrs.frozen
class Rule:
    """One rule of the notices, as the library applies it."""

    id: str
    title_ja: str
    title_en: str
    window: Window
    citations: tuple[Citation, ...] = attrs.field(validator=_non_empty)
    summary: str
    axis: Axis = "service_date"
    grade: Grade = "secondary"

    def in_force(self, day: date) -> bool:
        """True when the rule applies on *day* (read on this rule's axis)."""
        return self.window.contains(day)

    @functools.cached_property
    def source(self) -> str:
        """The first citation as one line: what a trace entry shows."""
        return self.citations[0].source

    @functools.cached_property
    def trace_entry(self) -> tuple[str, str]:
        """(id, source): what the trace records when the rule is used."""
        return self.id, self.source
