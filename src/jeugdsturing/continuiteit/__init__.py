# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Care continuity at the change of contracts (docs/zorgcontinuiteit.md): which children
are in care with a provider that will not be contracted, their continuity plan, the
continuity budget and the follow-up of the transition from the message traffic."""
