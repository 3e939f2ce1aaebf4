# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""HTML to PDF (WeasyPrint): the one way the project makes a PDF, so letters, minutes
and packs share fonts, page size and page numbers."""

from __future__ import annotations


def pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # imported here: loads Pango only when a PDF is made

    return bytes(HTML(string=html, base_url=base_url).write_pdf())
