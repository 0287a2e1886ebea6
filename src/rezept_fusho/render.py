"""The batch's JSON bytes of a resolution or a guidance, made from plain values with orjson.

The reference for every byte is the typed model dumped as JSON (what
:func:`rezept_fusho.jsonl.result_object` gives for :func:`rezept_fusho.resolve`'s
:class:`~rezept_fusho.models.resolution.Resolution`); these functions give the
same bytes without building the model, which costs more than all the rules of a
claim (``tests/integration/test_fast_path.py`` compares both on every kind of
claim). A trace is the same few rule sequences over and over: each sequence's
bytes are kept (an :class:`orjson.Fragment`, at most :data:`CACHE_SIZE` of them).
Nothing that comes from a claim is kept: a trace names rules and their sources.

They raise :class:`NotRendered` when they cannot give the reference's bytes —
orjson is not installed, or a string holds a lone surrogate (orjson refuses it;
the reference escapes it) — and the caller takes the model's path instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rezept_fusho.models.resolution import ResolutionData

if TYPE_CHECKING:
    from rezept_fusho.reception.models import GuidanceData

try:
    import orjson
except ImportError:  # pragma: no cover - CI has the fast extra; tests set orjson = None instead
    orjson = None  # type: ignore[assignment]

__all__ = ["CACHE_SIZE", "NotRendered", "guidance_json", "resolution_json"]

#: Rule sequences (traces) whose bytes are kept, at most.
CACHE_SIZE = 4096


class NotRendered(Exception):
    """These values cannot be rendered here with the reference's bytes: use the model's path."""


_TRACES: dict[tuple[tuple[str, str], ...], Any] = {}


def _trace(trace: list[tuple[str, str]]) -> Any:
    key = tuple(trace)
    fragment = _TRACES.get(key)
    if fragment is None:
        fragment = orjson.Fragment(orjson.dumps([{"rule": rule, "source": source} for rule, source in key]))
        if len(_TRACES) < CACHE_SIZE:
            _TRACES[key] = fragment
    return fragment


def _warnings(warnings: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"code": code, "message": message} for code, message in warnings]


def _dumps(obj: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(obj)
    except orjson.JSONEncodeError:
        raise NotRendered from None


def resolution_json(data: ResolutionData) -> bytes:
    """The JSON bytes of the resolution *data* (``receipt_number`` left out when null)."""
    if orjson is None:
        raise NotRendered
    obj = {
        "claim_id": data.claim_id,
        "basis": data.basis,
        "insurer_number": data.insurer_number,
        "symbol": data.symbol,
        "number": data.number,
        "branch": data.branch,
        "payer": data.payer,
        "comments": [{"code": code, "text": text} for code, text in data.comments],
        "summary": data.summary,
        "paper_margin_note": data.paper_margin_note,
        "qualification_flag": data.qualification_flag,
        "warnings": _warnings(data.warnings),
        "trace": _trace(data.trace),
    }
    if data.receipt_number is not None:
        obj["receipt_number"] = data.receipt_number
    return _dumps(obj)


def guidance_json(data: GuidanceData) -> bytes:
    """The JSON bytes of the guidance *data*."""
    if orjson is None:
        raise NotRendered
    return _dumps(
        {
            "situation_id": data.situation_id,
            "case_title": data.case_title,
            "paths": data.paths,
            "chosen": data.chosen,
            "ask_patient": data.ask_patient,
            "window_payment": data.window_payment,
            "likely_claim_basis": data.likely_claim_basis,
            "collect_now": data.collect_now,
            "warnings": _warnings(data.warnings),
            "trace": _trace(data.trace),
        }
    )
