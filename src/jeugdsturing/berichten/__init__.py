# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""iJw 3.2 message traffic: strict parsing and validation (this package), then
pseudonymised storage, trajectories, import runs and quarantine (to follow)."""
