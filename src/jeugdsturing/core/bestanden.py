# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Uploaded documents (a bid's attachments, an improvement plan, a decision behind an
approval): checked by content, not by the name they claim, with a Dutch error that
names the file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

# What a bidder may attach, recognised by content (not by the name it claims).
_MAGIE: list[tuple[bytes, str, str, tuple[str, ...]]] = [
    (b"%PDF-", "application/pdf", "PDF", (".pdf",)),
    (b"PK\x03\x04", "application/zip", "een zip- of Office-bestand",
     (".docx", ".xlsx", ".pptx", ".odt", ".ods")),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG", (".jpg", ".jpeg")),
]  # fmt: skip


_OFFICE = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}


@dataclass(frozen=True)
class Bijlage:
    """A checked attachment: its clean name, content type, size and hash."""

    naam: str
    content_type: str
    grootte: int
    sha256: str


def bijlage(naam: str, inhoud: bytes) -> Bijlage:
    """Check an uploaded document (not empty, at most the upload limit, a PDF, office
    document or image by its content) and clean its name (no path). ValidationError in
    Dutch, naming the file."""
    if not inhoud:
        raise ValidationError(f"{naam}: het bestand is leeg.")
    grens = settings.TENDER_MAX_FILE_MB * 1024 * 1024
    if len(inhoud) > grens:
        raise ValidationError(
            f"{naam}: {len(inhoud) / 1024 / 1024:.1f} MB is groter dan de grens van "
            f"{settings.TENDER_MAX_FILE_MB} MB."
        )
    schoon = naam.replace("\\", "/").rsplit("/", 1)[-1][:200]
    return Bijlage(schoon, bestandssoort(schoon, inhoud), len(inhoud),
                   hashlib.sha256(inhoud).hexdigest())  # fmt: skip


def bestandssoort(naam: str, inhoud: bytes) -> str:
    """The content type of an attachment, from its first bytes and its extension; a
    ValidationError naming the file when it is not a PDF, office document or image, or
    when its name and content disagree."""
    extensie = ("." + naam.rsplit(".", 1)[-1].lower()) if "." in naam else ""
    for magie, soort, leesbaar, extensies in _MAGIE:
        if inhoud.startswith(magie):
            if extensie not in extensies:
                raise ValidationError(
                    f"{naam}: de inhoud is {leesbaar}, maar de naam eindigt op "
                    f"'{extensie or '(geen extensie)'}'."
                )
            return _OFFICE.get(extensie, soort)
    raise ValidationError(
        f"{naam}: geen PDF, Office- of OpenDocument-bestand, PNG of JPEG "
        f"(begint met {inhoud[:8]!r})."
    )
