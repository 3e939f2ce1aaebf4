# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Test data for unit tests, with factory_boy: small, self-contained objects instead of
the demo region. Objects with a lifecycle or a money rule are made through their service
(so a factory-made contract has its status history, a factory-made budget obeys the
frame): a factory never makes what the application could not."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import factory
from django.contrib.auth.models import User
from factory.django import DjangoModelFactory

from jeugdsturing.contracten import services as contracten
from jeugdsturing.contracten.models import Aanbieder, Begroting, Overeenkomst
from jeugdsturing.gebruikers.services import gebruiker_bewaar
from jeugdsturing.regio.models import Gemeente, Jeugdregio, Regio, Thema
from jeugdsturing.rollen import Rol


class JeugdregioFactory(DjangoModelFactory[Jeugdregio]):
    class Meta:
        model = Jeugdregio
        django_get_or_create = ("code",)

    # JZ43-JZ99 do not exist in the national list the demo loads (JZ01-JZ42).
    code = factory.Sequence(lambda n: f"JZ{43 + n % 57:02d}")
    naam = factory.LazyAttribute(lambda o: f"Testjeugdregio {o.code}")


class GemeenteFactory(DjangoModelFactory[Gemeente]):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    # 9000-9999: no real CBS gemeente code.
    code = factory.Sequence(lambda n: f"{9000 + n % 1000:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    provincie = "Testland"
    jeugdregio = factory.SubFactory(JeugdregioFactory)
    inwoners = 50_000
    jongeren_0_17 = 10_000


class RegioFactory(DjangoModelFactory[Regio]):
    class Meta:
        model = Regio
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"TEST-{n}")
    naam = factory.LazyAttribute(lambda o: f"Testregio {o.code}")

    @factory.post_generation
    def gemeenten(self, create: bool, extracted: list[Gemeente] | None, **kwargs: Any) -> None:
        if create:
            self.gemeenten.set(extracted if extracted is not None else [GemeenteFactory()])


class ThemaFactory(DjangoModelFactory[Thema]):
    class Meta:
        model = Thema
        django_get_or_create = ("regio", "code")

    regio = factory.SubFactory(RegioFactory)
    code = factory.Sequence(lambda n: f"T{n}")
    naam = factory.LazyAttribute(lambda o: f"Thema {o.code}")


class AanbiederFactory(DjangoModelFactory[Aanbieder]):
    class Meta:
        model = Aanbieder
        django_get_or_create = ("agb_code",)

    # 99xxxxxx: outside the demo's simulated providers (98xxxxxx).
    agb_code = factory.Sequence(lambda n: f"99{n % 1_000_000:06d}")
    naam = factory.Sequence(lambda n: f"Testaanbieder {n}")


class OvereenkomstFactory(factory.Factory[Overeenkomst]):
    """A contract in concept, made by contracten.services.overeenkomst_maak."""

    class Meta:
        model = Overeenkomst

    regio = factory.SubFactory(RegioFactory)
    nummer = factory.Sequence(lambda n: f"TEST-OK-{n}")
    aanbieder = factory.SubFactory(AanbiederFactory)
    ingangsdatum = date(2028, 1, 1)
    einddatum = date(2033, 12, 31)

    @classmethod
    def _create(cls, model_class: type[Overeenkomst], *args: Any, **kwargs: Any) -> Overeenkomst:
        return contracten.overeenkomst_maak(**kwargs)


class BegrotingFactory(factory.Factory[Begroting]):
    """A gemeente's budget for the whole assignment, set by begroting_zet (so it obeys
    the year's frame when one is set)."""

    class Meta:
        model = Begroting

    regio = factory.SubFactory(RegioFactory)
    gemeente = factory.LazyAttribute(lambda o: o.regio.gemeenten.first())
    jaar = 2028
    bedrag_eurocent = 100_000_00
    reden = "test"

    @classmethod
    def _create(cls, model_class: type[Begroting], *args: Any, **kwargs: Any) -> Begroting:
        return contracten.begroting_zet(**kwargs)


class GebruikerFactory(factory.Factory[User]):
    """A user with a profile, made by gebruiker_bewaar: a gemeente or provider role is
    bound to a gemeente of the region or to a provider."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"test-{n}")
    password = "test-Wachtwoord-1"
    rol = Rol.BELEID
    regio = factory.SubFactory(RegioFactory)
    gemeente = factory.LazyAttribute(
        lambda o: o.regio.gemeenten.first() if o.rol == Rol.GEMEENTE else None
    )
    aanbieder = factory.LazyAttribute(
        lambda o: AanbiederFactory() if o.rol == Rol.AANBIEDER else None
    )

    @classmethod
    def _create(cls, model_class: type[User], *args: Any, **kwargs: Any) -> User:
        return gebruiker_bewaar(**kwargs)


# Typed entry points for the tests (factory_boy's classes are untyped).


def gemeente(**kwargs: Any) -> Gemeente:
    return cast(Gemeente, GemeenteFactory(**kwargs))


def regio(**kwargs: Any) -> Regio:
    return cast(Regio, RegioFactory(**kwargs))


def thema(**kwargs: Any) -> Thema:
    return cast(Thema, ThemaFactory(**kwargs))


def aanbieder(**kwargs: Any) -> Aanbieder:
    return cast(Aanbieder, AanbiederFactory(**kwargs))


def overeenkomst(**kwargs: Any) -> Overeenkomst:
    return cast(Overeenkomst, OvereenkomstFactory(**kwargs))


def begroting(**kwargs: Any) -> Begroting:
    return cast(Begroting, BegrotingFactory(**kwargs))


def gebruiker(**kwargs: Any) -> User:
    return cast(User, GebruikerFactory(**kwargs))
