# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing: verwerving en sturing van specialistische jeugdhulp door een jeugdzorgregio."""

__version__ = "0.1.0"
