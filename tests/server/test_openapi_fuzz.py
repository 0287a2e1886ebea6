"""Schemathesis against the service's own OpenAPI document.

Checked: no server error, documented status codes, content types and headers,
and every response body valid against its documented schema. Left out, by
design: ``positive_data_acceptance`` (a claim can be schema-valid yet not
billable, e.g. a 診療日 before the rules: that is a 422 error record) and
``negative_data_rejection`` (a batch answers 200 with one error record per
bad claim, like a JSON Lines batch, and an oversized batch is a 413).
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance  # noqa: E402

from rezept_fusho.server.app import create_app  # noqa: E402

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow

# schemathesis calls the ASGI app with ``Host: testserver``.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(allowed_hosts=["testserver"]))


@schema.parametrize()
@settings(max_examples=30, suppress_health_check=list(HealthCheck))
def test_api(case: schemathesis.Case) -> None:
    case.call_and_validate(excluded_checks=[positive_data_acceptance, negative_data_rejection])
