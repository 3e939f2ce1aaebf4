"""Models of the foundation."""

from __future__ import annotations
