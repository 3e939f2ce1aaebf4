# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from tests.berichten.conftest import xsd  # noqa: F401 (the official schemas, a fixture)
from tests.sturing.test_uitvraag import uitvraag  # noqa: F401 (an uitvraag sent out, a fixture)

ROLLEN = [
    "regiobeheerder", "contractmanager", "beleid", "data-analist", "financien",
    "aanbieder", "beoordelaar", "toegang", "gemeente", "raad",
]  # fmt: skip


class Api:
    """A client that calls the API with an API key of a demo user (the way a system
    does), made through the service as on the page."""

    def __init__(self, rol: str) -> None:
        from jeugdsturing.gebruikers.services import api_sleutel_maak

        self.user = User.objects.get(username=rol)
        self.sleutel, self.tekst = api_sleutel_maak(gebruiker=self.user, naam=f"test {rol}")
        self.client = Client()

    @property
    def kop(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tekst}"}

    def get(self, pad: str, **kop: str) -> Any:
        return self.client.get("/api/v1/" + pad, headers={**self.kop, **kop})

    def post(self, pad: str, data: Any, **kop: str) -> Any:
        return self.client.post("/api/v1/" + pad, data, headers={**self.kop, **kop})

    def json(self, pad: str) -> Any:
        r = self.get(pad)
        assert r.status_code == 200, (pad, r.status_code, r.content[:300])
        return r.json()

    def alles(self, pad: str) -> list[dict[str, Any]]:
        """Every row of a collection, following the next links."""
        uit: list[dict[str, Any]] = []
        url = "/api/v1/" + pad
        while url:
            r = self.client.get(url, headers=self.kop)
            assert r.status_code == 200, (url, r.content[:300])
            body = r.json()
            uit += body["resultaten"]
            url = body["_links"].get("next", {}).get("href", "").removeprefix("http://testserver")
        return uit
