"""Schemathesis against the real server, driven by the app's own OpenAPI document: every operation with
generated valid and invalid input; no 5xx, every status, content type and body as documented, and no
schema-valid request rejected. Bounded and derandomized: the same cases on every run, about a minute."""
from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import checks

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.positive_data_acceptance,
]
EXAMPLES = 100


@pytest.fixture(scope="module")
def api_schema(live_server):
    return schemathesis.openapi.from_url(live_server.url + "/api/v1/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
    phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate(checks=CHECKS)


def test_every_api_route_is_documented(app):
    """Each /api/v1 endpoint answers at least one path of the document, so the fuzz reaches all of them."""
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    adapter = app.url_map.bind("localhost")
    documented = {adapter.match(re.sub(r"\{[^}]+\}", "x", path), method=method.upper())[0]
                  for path, ops in doc["paths"].items() for method in ops}
    routes = {r.endpoint for r in app.url_map.iter_rules() if r.rule.startswith("/api/v1/")}
    assert routes - documented == set()
