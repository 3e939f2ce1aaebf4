# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The quarantine key (QUARANTINE_KEYS): separate from SECRET_KEY, several keys newest
first, re-encryption after a rotation, and a clear message for content no key opens."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten.privacy import Onleesbaar, ontsleutel, versleutel
from jeugdsturing.berichten.services import quarantaine_hersleutel
from tests.berichten.test_web import upload
from tests.conftest import login

OUD, NIEUW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_rotating_secret_key_leaves_the_quarantine_readable(settings):
    settings.QUARANTINE_KEYS = [OUD]
    token = versleutel(b"<bericht/>")
    settings.SECRET_KEY = "een-nieuwe-geheime-sleutel-" + "x" * 30
    assert ontsleutel(token) == b"<bericht/>"


def test_a_new_key_first_then_rekey_then_the_old_key_can_go(settings):
    settings.QUARANTINE_KEYS = [OUD]
    oud = versleutel(b"oud")
    settings.QUARANTINE_KEYS = [NIEUW, OUD]
    nieuw = versleutel(b"nieuw")
    assert (ontsleutel(oud), ontsleutel(nieuw)) == (b"oud", b"nieuw")
    settings.QUARANTINE_KEYS = [NIEUW]
    assert ontsleutel(nieuw) == b"nieuw"
    with pytest.raises(Onleesbaar, match="niet meer in QUARANTINE_KEYS"):
        ontsleutel(oud)


@pytest.mark.django_db
def test_rekey_command_and_a_download_no_key_opens(settings, xsd):
    settings.QUARANTINE_KEYS = [OUD]
    c = login("data-analist")
    upload(c, "/berichten/", ("fout.xml", b"<geen-ijw/>"))
    q = m.Quarantaine.objects.get()
    settings.QUARANTINE_KEYS = [NIEUW, OUD]
    call_command("ijw", "rekey")
    settings.QUARANTINE_KEYS = [NIEUW]
    assert c.get(f"/berichten/quarantaine/{q.pk}/bestand/").content == b"<geen-ijw/>"
    # A key that is gone: a message on the page, not a server error.
    settings.QUARANTINE_KEYS = [Fernet.generate_key().decode()]
    r = c.get(f"/berichten/quarantaine/{q.pk}/bestand/", follow=True)
    assert r.status_code == 200
    assert "niet meer in QUARANTINE_KEYS" in r.content.decode()
    assert quarantaine_hersleutel() == (0, 1)
