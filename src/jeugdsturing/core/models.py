# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Models of the foundation: the one status history of every lifecycle."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Statuswijziging(models.Model):
    """One change of one status field of one object, never rewritten: from, to, who,
    when and why (core/levenscyclus.py writes it). An event that does not change the
    status (a contract extended, deadlines moved) has van == naar."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.BigIntegerField("object")
    veld = models.CharField("veld", max_length=50, default="status")
    van = models.CharField("van", max_length=30, blank=True)
    naar = models.CharField("naar", max_length=30)
    op = models.DateTimeField("op", default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reden = models.CharField("reden", max_length=1000)

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["op", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "veld", "op"], name="statuswijziging_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.van or '-'} -> {self.naar}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Een statuswijziging wordt niet herschreven (alleen toegevoegd).")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Een statuswijziging wordt niet verwijderd.")

    @property
    def van_tekst(self) -> str:
        return self._label(self.van)

    @property
    def naar_tekst(self) -> str:
        return self._label(self.naar)

    def _label(self, status: str) -> str:
        from jeugdsturing.core.levenscyclus import REGISTER

        model = self.content_type.model_class()
        lc = REGISTER.get(f"{model._meta.label}.{self.veld}") if model is not None else None
        return lc.label(status) if lc is not None else (status or "–")


class Installatie(models.Model):
    """This database's identity: a random key made when the database is created (its
    migrations run). Files derived from the data carry it, so that two databases that
    reach the same data version (a test database made again, a copy) never share them."""

    sleutel = models.UUIDField("sleutel", default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = "installatie"
        verbose_name_plural = "installaties"

    def __str__(self) -> str:
        return str(self.sleutel)
