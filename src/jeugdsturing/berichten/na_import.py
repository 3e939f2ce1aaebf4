# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What other apps hear after an import: `import_voltooid` is sent once a run has
committed (sender: the ImportRun; kwargs: accepted). The apps above the message layer
connect to it (the escalation app evaluates its signal rules and links intake to
trajectories), so this layer imports none of them."""

from __future__ import annotations

from django.dispatch import Signal

import_voltooid = Signal()
