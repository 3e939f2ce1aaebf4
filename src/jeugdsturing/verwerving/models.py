"""The tender (aanbesteding) under the SAS light regime with a dialogue phase: planning,
questions and answers, sealed bids, knock-out requirements, committee scoring with
consensus, ranking with a recorded lottery, selection with a waiting room, objections.
Every score, decision and status change is kept (simple_history and append-only
tables); see docs/verwerving.md."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Regio, Thema


class AanbestedingStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    AANGEKONDIGD = "aangekondigd", "aangekondigd (vragen en inschrijven)"
    BEOORDELING = "beoordeling", "toetsing en beoordeling"
    SELECTIE = "selectie", "selectie bekendgemaakt (bezwaartermijn)"
    DIALOOG = "dialoog", "dialoog"
    EINDINSCHRIJVING = "eindinschrijving", "aanbod en eindinschrijving"
    VOORLOPIGE_GUNNING = "voorlopige_gunning", "voorlopige gunning (bezwaartermijn)"
    GEGUND = "gegund", "definitief gegund"
    INGETROKKEN = "ingetrokken", "ingetrokken"


S = AanbestedingStatus
# The lifecycle as data (core/levenscyclus.py); every change is appended to the one
# status history, core.Statuswijziging.
AANBESTEDING_OVERGANGEN: dict[str, frozenset[str]] = {
    S.CONCEPT: frozenset({S.AANGEKONDIGD, S.INGETROKKEN}),
    S.AANGEKONDIGD: frozenset({S.BEOORDELING, S.INGETROKKEN}),
    S.BEOORDELING: frozenset({S.SELECTIE, S.INGETROKKEN}),
    S.SELECTIE: frozenset({S.DIALOOG, S.INGETROKKEN}),
    S.DIALOOG: frozenset({S.EINDINSCHRIJVING, S.INGETROKKEN}),
    S.EINDINSCHRIJVING: frozenset({S.VOORLOPIGE_GUNNING, S.INGETROKKEN}),
    S.VOORLOPIGE_GUNNING: frozenset({S.GEGUND, S.EINDINSCHRIJVING, S.INGETROKKEN}),
    S.GEGUND: frozenset(),
    S.INGETROKKEN: frozenset(),
}


class Aanbesteding(models.Model):
    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="aanbestedingen")
    referentie = models.CharField("referentie", max_length=40, unique=True)
    naam = models.CharField("naam", max_length=200)
    omschrijving = models.TextField("omschrijving", blank=True)
    procedure = models.CharField(
        "procedure", max_length=100, default="sociale en andere specifieke diensten (SAS), "
        "verlicht regime, met dialoogfase",
    )  # fmt: skip
    max_partners = models.PositiveSmallIntegerField("maximaal te selecteren", default=20)
    wachtkamer = models.PositiveSmallIntegerField("plaatsen in de wachtkamer", default=2)
    selectie_per_perceel = models.BooleanField(
        "selectie per perceel",
        default=False,
        help_text="Per perceel een eigen maximum en wachtkamer (seed 000); anders één "
        "selectie over de hele aanbesteding (seed 002).",
    )
    schaal_min = models.DecimalField("schaal van", max_digits=5, decimal_places=2, default=0)
    schaal_max = models.DecimalField(
        "schaal tot en met", max_digits=5, decimal_places=2, default=10
    )
    minimum_totaal = models.DecimalField(
        "minimale totaalscore", max_digits=5, decimal_places=2, null=True, blank=True
    )
    beslisregel = models.CharField(
        "beslisregel bij gelijke stand", max_length=300,
        default="hoogste score op het zwaarst wegende criterium, dan het volgende; "
        "daarna loting",
    )  # fmt: skip
    vragen_tot = models.DateTimeField("vragen stellen tot")
    inschrijven_tot = models.DateTimeField("inschrijven tot")
    bezwaartermijn_dagen = models.PositiveSmallIntegerField(
        "bezwaartermijn (kalenderdagen)", default=20
    )
    geraamde_waarde_eurocent = models.BigIntegerField("geraamde waarde (eurocent)", null=True)
    status = models.CharField(
        max_length=20, choices=AanbestedingStatus.choices, default=AanbestedingStatus.CONCEPT
    )
    selectie_bekendgemaakt_op = models.DateField("selectie bekendgemaakt op", null=True)
    voorlopig_gegund_op = models.DateField("voorlopige gunning bekendgemaakt op", null=True)
    gegund_op = models.DateField("definitief gegund op", null=True)
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "aanbesteding"
        verbose_name_plural = "aanbestedingen"
        ordering = ["-inschrijven_tot"]

    def __str__(self) -> str:
        return f"{self.referentie} {self.naam}"


class Perceel(models.Model):
    """A lot (seed 000) or a theme (seed 002) bidders can choose."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="percelen"
    )
    code = models.CharField(max_length=20)
    naam = models.CharField(max_length=200)
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, null=True, blank=True)
    max_partners = models.PositiveSmallIntegerField(
        "maximaal te selecteren in dit perceel",
        null=True,
        blank=True,
        help_text="Alleen bij selectie per perceel; leeg: geen maximum.",
    )
    wachtkamer = models.PositiveSmallIntegerField("plaatsen in de wachtkamer", default=0)

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "code"], name="perceel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Mijlpaal(models.Model):
    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="mijlpalen"
    )
    fase = models.CharField(max_length=100)
    naam = models.CharField(max_length=200)
    datum = models.DateField()
    eind = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["aanbesteding", "datum", "pk"]

    def __str__(self) -> str:
        return f"{self.datum} {self.naam}"


class Vraag(models.Model):
    """A question of a registered party. Only the asker and the team see it until the
    anonymised answer is published in the Nota van Inlichtingen."""

    aanbesteding = models.ForeignKey(Aanbesteding, on_delete=models.CASCADE, related_name="vragen")
    gesteld_door = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField()
    publicatietekst = models.TextField(
        "vraag zoals gepubliceerd",
        blank=True,
        help_text="De vraag zonder wat de vragensteller herkenbaar maakt; leeg: de eigen tekst.",
    )
    gesteld_op = models.DateTimeField()
    antwoord = models.TextField(blank=True)
    beantwoord_op = models.DateTimeField(null=True)
    nota_nummer = models.PositiveSmallIntegerField("Nota van Inlichtingen nr.", null=True)
    volgnummer = models.PositiveSmallIntegerField("vraagnummer in de nota", null=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["aanbesteding", "gesteld_op", "pk"]

    def __str__(self) -> str:
        return f"vraag {self.pk} ({self.aanbesteding.referentie})"

    @property
    def gepubliceerde_tekst(self) -> str:
        """What the Nota van Inlichtingen and OCDS show: the team's anonymised wording,
        or the asker's own."""
        return self.publicatietekst or self.tekst


class InschrijvingStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    INGEDIEND = "ingediend", "ingediend"
    UITGESLOTEN = "uitgesloten", "uitgesloten (eis niet voldaan)"
    AFGEWEZEN = "afgewezen", "afgewezen (onder minimum)"
    GESELECTEERD = "geselecteerd", "geselecteerd"
    WACHTKAMER = "wachtkamer", "wachtkamer"
    NIET_GESELECTEERD = "niet_geselecteerd", "niet geselecteerd (buiten de ranking)"
    TERUGGETROKKEN = "teruggetrokken", "teruggetrokken / uitgevallen"
    GEGUND = "gegund", "gegund"


IS = InschrijvingStatus
# A bid is submitted (a concept exists only in tests), checked (a requirement not met
# excludes it, a repaired one brings it back), ranked (selected, waiting room, not
# selected, or rejected under the minimum), and then may drop out (the first of the
# waiting room moves up), refuse its offer, or be awarded.
INSCHRIJVING_OVERGANGEN: dict[str, frozenset[str]] = {
    IS.CONCEPT: frozenset({IS.INGEDIEND}),
    IS.INGEDIEND: frozenset(
        {IS.UITGESLOTEN, IS.GESELECTEERD, IS.WACHTKAMER, IS.NIET_GESELECTEERD, IS.AFGEWEZEN}
    ),
    IS.UITGESLOTEN: frozenset({IS.INGEDIEND}),
    IS.AFGEWEZEN: frozenset(),
    IS.GESELECTEERD: frozenset({IS.TERUGGETROKKEN, IS.GEGUND}),
    IS.WACHTKAMER: frozenset({IS.GESELECTEERD}),
    IS.NIET_GESELECTEERD: frozenset(),
    IS.TERUGGETROKKEN: frozenset(),
    IS.GEGUND: frozenset(),
}
# A bid's place in one lot (selection per lot): selected or waiting, until it drops out
# or moves up.
PERCEELPLAATS_OVERGANGEN: dict[str, frozenset[str]] = {
    **{s: frozenset() for s in IS},
    IS.GESELECTEERD: frozenset({IS.TERUGGETROKKEN}),
    IS.WACHTKAMER: frozenset({IS.GESELECTEERD, IS.TERUGGETROKKEN}),
}


class Inschrijving(models.Model):
    """A bid: a single provider, or a combination through its penvoerder. Sealed: its
    content is opened only after the bid deadline (services.inschrijving_openen)."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="inschrijvingen"
    )
    nummer = models.PositiveIntegerField("inschrijvingsnummer")
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="inschrijvingen",
        verbose_name="inschrijver (of penvoerder)",
    )  # fmt: skip
    leden = models.ManyToManyField(
        Aanbieder, blank=True, related_name="inschrijvingen_als_lid", verbose_name="combinanten"
    )
    onderaannemers = models.JSONField("onderaannemers", default=list, blank=True)
    percelen = models.ManyToManyField(Perceel, related_name="inschrijvingen")
    visie = models.TextField("visiedocument", blank=True)
    antwoorden = models.JSONField("antwoorden op de visievragen", default=dict, blank=True)
    capaciteit = models.JSONField("capaciteitsverklaring", default=list, blank=True)
    uea = models.JSONField("UEA-verklaringen", default=dict, blank=True)
    ingediend_op = models.DateTimeField(null=True)
    status = models.CharField(
        max_length=20, choices=InschrijvingStatus.choices, default=InschrijvingStatus.CONCEPT
    )
    reden = models.CharField("reden (uitsluiting, afwijzing, uitval)", max_length=500, blank=True)
    totaal = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    rang = models.PositiveSmallIntegerField(null=True)
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        ordering = ["aanbesteding", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "nummer"], name="inschrijving_nummer"),
            models.UniqueConstraint(
                fields=["aanbesteding", "aanbieder"], name="inschrijving_per_aanbieder"
            ),
        ]

    def __str__(self) -> str:
        return f"inschrijving {self.nummer} ({self.aanbieder.naam})"


class Eis(models.Model):
    """A knock-out requirement (uitsluitingsgrond, geschiktheidseis)."""

    aanbesteding = models.ForeignKey(Aanbesteding, on_delete=models.CASCADE, related_name="eisen")
    code = models.CharField(max_length=20)
    omschrijving = models.CharField(max_length=500)
    soort = models.CharField(max_length=30, default="geschiktheid")  # uitsluiting | geschiktheid

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [models.UniqueConstraint(fields=["aanbesteding", "code"], name="eis_uniek")]

    def __str__(self) -> str:
        return f"{self.code} {self.omschrijving}"


class Toetsuitkomst(models.TextChoices):
    VOLDAAN = "voldaan", "voldaan"
    NIET_VOLDAAN = "niet_voldaan", "niet voldaan"
    HERSTEL = "herstel", "herstel gevraagd"


class Eistoets(models.Model):
    inschrijving = models.ForeignKey(Inschrijving, on_delete=models.CASCADE, related_name="toetsen")
    eis = models.ForeignKey(Eis, on_delete=models.PROTECT, related_name="toetsen")
    uitkomst = models.CharField(max_length=20, choices=Toetsuitkomst.choices)
    motivering = models.TextField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    op = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inschrijving", "eis"], name="eistoets_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.inschrijving} {self.eis.code}: {self.uitkomst}"


class Criterium(models.Model):
    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(max_length=20)
    naam = models.CharField(max_length=300)
    weging = models.DecimalField(
        max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    minimum = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    beschrijving_schaal = models.JSONField("beschrijving van de schaalwaarden", default=dict)

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "code"], name="criterium_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam} ({self.weging})"


class Beoordelaar(models.Model):
    """A member of the assessment committee for one tender, with the declaration of
    interests; assessors score only the bids assigned to them."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="beoordelaars"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    verklaring_op = models.DateTimeField("verklaring geen belangenconflict", null=True)
    belangen = models.TextField("gemelde belangen", blank=True)
    inschrijvingen = models.ManyToManyField(Inschrijving, blank=True, related_name="beoordelaars")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "gebruiker"], name="beoordelaar_uniek")
        ]

    def __str__(self) -> str:
        return f"beoordelaar {self.gebruiker} ({self.aanbesteding.referentie})"


class Score(models.Model):
    """One assessor's own score for one criterion of one bid (kept after consensus)."""

    beoordelaar = models.ForeignKey(Beoordelaar, on_delete=models.PROTECT, related_name="scores")
    inschrijving = models.ForeignKey(Inschrijving, on_delete=models.CASCADE, related_name="scores")
    criterium = models.ForeignKey(Criterium, on_delete=models.PROTECT, related_name="scores")
    waarde = models.DecimalField(max_digits=5, decimal_places=2)
    motivering = models.TextField()
    ingediend_op = models.DateTimeField(null=True)  # null: draft, still editable
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["beoordelaar", "inschrijving", "criterium"], name="score_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.beoordelaar} {self.inschrijving} {self.criterium.code}: {self.waarde}"


class Consensus(models.Model):
    """The committee's score for one criterion of one bid, with its motivation. The
    oral explanation (toelichtingsgesprek) may change it only with a recorded reason;
    the written score stays."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="consensus"
    )
    criterium = models.ForeignKey(Criterium, on_delete=models.PROTECT, related_name="consensus")
    schriftelijk = models.DecimalField("score schriftelijk", max_digits=5, decimal_places=2)
    waarde = models.DecimalField("definitieve score", max_digits=5, decimal_places=2)
    motivering = models.TextField()
    aanpassingsreden = models.TextField("reden aanpassing na toelichtingsgesprek", blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inschrijving", "criterium"], name="consensus_uniek")
        ]

    def __str__(self) -> str:
        return f"consensus {self.inschrijving} {self.criterium.code}: {self.waarde}"


class Loting(models.Model):
    """The record of a lottery: which bids were tied, the seed, the witnesses, the time,
    and the order drawn (reproducible from the seed, rangschikking.loting)."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="lotingen"
    )
    inschrijvingen = models.JSONField("gelijk geëindigde inschrijvingen (nummers)")
    zaad = models.CharField("zaad (seed)", max_length=128)
    getuigen = models.JSONField("getuigen")
    uitgevoerd_op = models.DateTimeField()
    uitgevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    volgorde = models.JSONField("getrokken volgorde")

    class Meta:
        ordering = ["aanbesteding", "uitgevoerd_op"]

    def __str__(self) -> str:
        return f"loting {self.aanbesteding.referentie} {self.uitgevoerd_op:%Y-%m-%d}"


class Bezwaar(models.Model):
    """An objection against a selection or award decision; an open one holds the next
    step of the tender."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="bezwaren"
    )
    ingediend_op = models.DateField()
    tegen = models.CharField(max_length=30, default="selectie")  # selectie | gunning
    tekst = models.TextField()
    afgehandeld_op = models.DateField(null=True)
    uitkomst = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inschrijving", "ingediend_op"]

    def __str__(self) -> str:
        return f"bezwaar {self.inschrijving} ({self.tegen})"


class Aanbod(models.Model):
    """The distribution's result: a partner's share of one gemeente's budget for one
    theme in one year (eurocent), offered in the final phase."""

    inschrijving = models.ForeignKey(Inschrijving, on_delete=models.CASCADE, related_name="aanbod")
    jaar = models.PositiveSmallIntegerField()
    gemeente = models.ForeignKey("regio.Gemeente", on_delete=models.PROTECT, related_name="+")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    bedrag_eurocent = models.BigIntegerField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["inschrijving", "jaar", "gemeente", "thema"], name="aanbod_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"aanbod {self.inschrijving} {self.jaar} {self.gemeente_id}/{self.thema_id}"


class Eindbod(models.Model):
    """A partner's answer to its offer: accepted or refused (a refusal reopens that
    volume for the others)."""

    inschrijving = models.OneToOneField(
        Inschrijving, on_delete=models.CASCADE, related_name="eindbod"
    )
    aanvaard = models.BooleanField()
    op = models.DateField()
    toelichting = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"eindbod {self.inschrijving}: {'aanvaard' if self.aanvaard else 'geweigerd'}"


# --- dialogue ---------------------------------------------------------------------------


class Dialoogonderwerp(models.Model):
    """A topic of the dialogue (seed 000 4.2.3; seed 002: dekking, verdeling, samenwerking)."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="dialoogonderwerpen"
    )
    code = models.CharField(max_length=20)
    naam = models.CharField(max_length=300)
    bron = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "code"], name="dialoogonderwerp_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Dialoogronde(models.Model):
    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="dialoogrondes"
    )
    nummer = models.PositiveSmallIntegerField()
    naam = models.CharField(max_length=200)
    van = models.DateField()
    tot = models.DateField()

    class Meta:
        ordering = ["aanbesteding", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "nummer"], name="dialoogronde_uniek")
        ]

    def __str__(self) -> str:
        return f"ronde {self.nummer} {self.naam}"


class Dialoogsessie(models.Model):
    ronde = models.ForeignKey(Dialoogronde, on_delete=models.CASCADE, related_name="sessies")
    datum = models.DateField()
    onderwerpen = models.ManyToManyField(Dialoogonderwerp, related_name="sessies")
    deelnemers = models.ManyToManyField(Inschrijving, related_name="dialoogsessies")
    verslag = models.TextField("verslag")
    history = HistoricalRecords(m2m_fields=[onderwerpen, deelnemers])

    class Meta:
        ordering = ["ronde", "datum", "pk"]

    def __str__(self) -> str:
        return f"sessie {self.datum} ({self.ronde})"


class AfspraakStatus(models.TextChoices):
    OPEN = "open", "open"
    IN_UITWERKING = "in_uitwerking", "in uitwerking"
    VASTGESTELD = "vastgesteld", "vastgesteld"
    VERVALLEN = "vervallen", "vervallen"


AFSPRAAK_OVERGANGEN: dict[str, frozenset[str]] = {
    AfspraakStatus.OPEN: frozenset({AfspraakStatus.IN_UITWERKING, AfspraakStatus.VERVALLEN}),
    AfspraakStatus.IN_UITWERKING: frozenset({AfspraakStatus.VASTGESTELD, AfspraakStatus.VERVALLEN}),
    AfspraakStatus.VASTGESTELD: frozenset(),
    AfspraakStatus.VERVALLEN: frozenset(),
}


class Afspraak(models.Model):
    """An agreement in the register per topic, with its status and history."""

    onderwerp = models.ForeignKey(
        Dialoogonderwerp, on_delete=models.CASCADE, related_name="afspraken"
    )
    sessie = models.ForeignKey(
        Dialoogsessie, on_delete=models.SET_NULL, null=True, blank=True, related_name="afspraken"
    )
    tekst = models.TextField()
    status = models.CharField(
        max_length=20, choices=AfspraakStatus.choices, default=AfspraakStatus.OPEN
    )
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        ordering = ["onderwerp", "pk"]

    def __str__(self) -> str:
        return f"afspraak {self.onderwerp.code}: {self.tekst[:40]}"


# --- evidence and expected demand ------------------------------------------------------


class Perceelplaats(models.Model):
    """With selection per lot: a bid's place in one lot it bid on (its rank among that
    lot's eligible bids) and the outcome there."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="plaatsen"
    )
    perceel = models.ForeignKey(Perceel, on_delete=models.CASCADE, related_name="plaatsen")
    rang = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=InschrijvingStatus.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["perceel", "rang"]
        constraints = [
            models.UniqueConstraint(fields=["inschrijving", "perceel"], name="perceelplaats_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.perceel.code} rang {self.rang}: {self.get_status_display()}"


class Bewijsstuk(models.Model):
    """A file a bidder attaches to its bid: the UEA, evidence for a requirement, the
    vision document. Kept in the database with its SHA-256 so that the bid and its
    evidence are stored (and backed up) in one transaction; sealed like the bid until
    the bid deadline (services.bewijsstuk_open)."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="bewijsstukken"
    )
    eis = models.ForeignKey(
        Eis, on_delete=models.PROTECT, null=True, blank=True, related_name="bewijsstukken"
    )
    soort = models.CharField(max_length=20, default="bewijs")  # uea | bewijs | visie
    naam = models.CharField("bestandsnaam", max_length=200)
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField()
    geupload_op = models.DateTimeField()

    class Meta:
        ordering = ["inschrijving", "geupload_op", "pk"]
        verbose_name_plural = "bewijsstukken"

    def __str__(self) -> str:
        return f"{self.naam} ({self.inschrijving})"


class Vraagraming(models.Model):
    """The expected demand (clients) per expertise and area for the coverage check:
    entered by the team, or taken from the monitor where the region has data."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="vraagramingen"
    )
    expertise = models.CharField(max_length=100)
    gebied = models.CharField(max_length=100)
    aantal = models.PositiveIntegerField("verwachte cliënten")
    bron = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["aanbesteding", "expertise", "gebied"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbesteding", "expertise", "gebied"], name="vraagraming_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expertise}/{self.gebied}: {self.aantal}"


# --- lifecycles (core/levenscyclus.py) ---------------------------------------------------

AANBESTEDING_LEVENSCYCLUS = levenscyclus(
    Aanbesteding, AANBESTEDING_OVERGANGEN, begin={AanbestedingStatus.CONCEPT}
)
INSCHRIJVING_LEVENSCYCLUS = levenscyclus(
    Inschrijving, INSCHRIJVING_OVERGANGEN, begin={IS.CONCEPT, IS.INGEDIEND}
)
PERCEELPLAATS_LEVENSCYCLUS = levenscyclus(
    Perceelplaats,
    PERCEELPLAATS_OVERGANGEN,
    begin={IS.GESELECTEERD, IS.WACHTKAMER, IS.NIET_GESELECTEERD},
)
AFSPRAAK_LEVENSCYCLUS = levenscyclus(Afspraak, AFSPRAAK_OVERGANGEN, begin={AfspraakStatus.OPEN})
