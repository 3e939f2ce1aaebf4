# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Privacy at the border: the BSN becomes a keyed pseudonym before anything is stored,
personal values never reach an error report, quarantined input is encrypted."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Elements whose values identify a person; their values are masked in error reports.
PERSOONLIJK = {
    "Bsn", "Achternaam", "Voorvoegsel", "Voornamen", "Voorletters", "Geboortedatum",
    "Postcode", "Straatnaam", "Huisnummer", "Huisletter", "HuisnummerToevoeging",
    "Plaatsnaam", "Telefoonnummer", "Landnummer", "Emailadres", "Commentaar", "Naam",
    "Organisatie", "Nummer", "Partnernaam", "Geslachtsnaam", "Datum",
}  # fmt: skip
MASKER = "***"


def pseudoniem(bsn: str, *, key: str | None = None) -> str:
    """HMAC-SHA256 of the BSN with the pseudonymisation key (64 hex characters)."""
    secret = (key if key is not None else settings.PSEUDONYMISATION_KEY).encode()
    return hmac.new(secret, bsn.strip().encode(), hashlib.sha256).hexdigest()


def is_persoonlijk(element: str | None) -> bool:
    return bool(element) and any(part in PERSOONLIJK for part in (element or "").split("/"))


def maskeer_reden(reason: str) -> str:
    """Remove quoted values from a (schema) message: "The value '1234' ..." -> "***"."""
    return re.sub(r"'[^']*'", f"'{MASKER}'", reason)


def _afgeleid() -> Fernet:
    """The key earlier versions derived from SECRET_KEY (and development still uses)."""
    raw = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"jeugdsturing-quarantaine"
    ).derive(settings.SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(raw))


def _fernet() -> MultiFernet:
    """QUARANTINE_KEYS, newest first: the first encrypts, every one decrypts; the key
    derived from SECRET_KEY last, so files from before QUARANTINE_KEYS stay readable
    until they are re-encrypted (hersleutel) or purged."""
    try:
        sleutels = [Fernet(k) for k in settings.QUARANTINE_KEYS]
    except (ValueError, TypeError) as e:
        raise ImproperlyConfigured(
            "QUARANTINE_KEYS: elke sleutel is een Fernet-sleutel (32 bytes, base64); maak "
            "er een met `jeugdsturing sleutels maak`."
        ) from e
    return MultiFernet([*sleutels, _afgeleid()])


class Onleesbaar(Exception):
    """Quarantined content none of the current keys can decrypt."""


def versleutel(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def ontsleutel(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(token)
    except InvalidToken as e:
        raise Onleesbaar(
            "Dit bestand is versleuteld met een sleutel die niet meer in QUARANTINE_KEYS "
            "staat; het is niet te openen."
        ) from e


def hersleutel(token: bytes) -> bytes:
    """The same content under the newest key (MultiFernet.rotate)."""
    try:
        return _fernet().rotate(token)
    except InvalidToken as e:
        raise Onleesbaar("niet te ontsleutelen met de huidige sleutels") from e
