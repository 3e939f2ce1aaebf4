# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The REST API under /api/v1/ (docs/api.md, ADR 0015): the same access policy and
Scope as the pages, for systems that read the region's figures."""
