# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The performance dialogue pack: its sources, its five elements, its assembly, the
pure rules on its content and its output as page, PDF and Excel."""
