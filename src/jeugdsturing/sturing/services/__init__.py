# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write of the steering app: keyword-only functions in one transaction each."""

from __future__ import annotations

from jeugdsturing.sturing.services.doelen import doelen_richt_in, indicatorwaarde_zet

__all__ = ["doelen_richt_in", "indicatorwaarde_zet"]
