# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The API keeps its contract: the OpenAPI document is valid and equal to the copy in
docs/, and schemathesis, calling the live application with every role's key, finds no
server error and no answer that differs from the document (status, content type,
headers, body)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from jeugdsturing.api.documentatie import als_tekst, document
from tests.api.conftest import ROLLEN, Api
from tests.conftest import ROOT

KOPIE = ROOT / "docs" / "openapi.json"


def test_the_openapi_document_is_valid_and_equal_to_the_copy_in_docs():
    validate(document())
    assert document()["openapi"].startswith("3.0")
    assert KOPIE.read_text(encoding="utf-8") == als_tekst(), (
        "draai: jeugdsturing openapi > docs/openapi.json"
    )


def test_the_document_is_served_and_names_who_may_call(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/vnd.oai.openapi+json"
    doc = json.loads(r.content)
    op = doc["paths"]["/api/v1/importen"]["post"]
    assert "Wie mag: data-analist." in op["description"]
    assert doc["components"]["securitySchemes"]["apiSleutel"]["scheme"] == "bearer"
    fout = op["responses"]["400"]["content"]["application/problem+json"]
    assert fout["schema"]["$ref"] == "#/components/schemas/Probleem"


@pytest.mark.django_db
def test_the_documentation_page_is_dutch_and_open(client):
    html = client.get("/api/v1/").content.decode()
    assert "De API van jeugdsturing" in html
    assert "Wie mag:" in html
    assert "data-analist" in html
    assert "GET /api/v1/indicatoren" in html
    assert "in de adresregel" in html


# The document as the application makes it (the test above keeps it equal to the one
# served); the calls go to the application in this process (the test's database).
schema = schemathesis.openapi.from_dict(document())
CONTROLES = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


BEURTEN: dict[str, int] = {}


@pytest.fixture
def sleutels(db) -> dict[str, Api]:
    return {rol: Api(rol) for rol in ROLLEN}


@pytest.fixture
def app() -> Iterator[WSGIHandler]:
    """The application as a WSGI server runs it, made after the test settings (plain
    HTTP: the middleware reads them once). As Django's test client does, the end of a
    request does not close the database connection, which on PostgreSQL holds the test's
    transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_keeps_the_contract_for_every_role(case, sleutels, app):
    """Schemathesis' phases (the examples, boundary values of every parameter, then
    generated ones) make hundreds of cases per operation. The first goes out with every
    role's key; after that the roles take turns, so that each role meets every kind of
    input across the operations (and the run stays short)."""
    n = BEURTEN.get(case.operation.label, 0)
    BEURTEN[case.operation.label] = n + 1
    rollen = ROLLEN if n == 0 else [ROLLEN[n % len(ROLLEN)]]
    for rol in rollen:
        kop = {"Authorization": f"Bearer {sleutels[rol].tekst}"}
        response = case.call(app=app, headers=kop)
        case.validate_response(response, checks=CONTROLES)
        assert response.headers.get("api-version", [""])[0] == "1.0.0", rol
