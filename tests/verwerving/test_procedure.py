# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender's rules with the database: deadlines, sealing, knock-outs, blind scoring,
consensus, ranking with a recorded lottery, selection, objections and the cascade."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jeugdsturing.verwerving import selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    AanbestedingStatus,
    Inschrijving,
    InschrijvingStatus,
    Loting,
    Toetsuitkomst,
    Vraag,
)
from jeugdsturing.verwerving.rangschikking import loting
from tests.verwerving.conftest import INSCHRIJVEN_TOT, NA, VOOR, VRAGEN_TOT, Tender, dien_in

pytestmark = pytest.mark.django_db
D = Decimal


def test_questions_close_at_their_deadline_and_are_published_anonymised(tender: Tender):
    a, (p1, p2, *_) = tender.aanbesteding, tender.aanbieders
    v1 = s.vraag_stel(aanbesteding=a, aanbieder=p1, tekst="Hoe groot is perceel A?", op=VOOR)
    v2 = s.vraag_stel(aanbesteding=a, aanbieder=p2, tekst="Mag een combinatie?", op=VOOR)
    with pytest.raises(ValidationError, match="termijn voor vragen is verstreken"):
        s.vraag_stel(
            aanbesteding=a, aanbieder=p1, tekst="Te laat", op=VRAGEN_TOT + timedelta(seconds=1)
        )
    s.vraag_beantwoord(vraag=v2, antwoord="Ja, met een penvoerder.")
    assert s.nota_publiceer(aanbesteding=a) == 1
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v1.nota_nummer, v2.nota_nummer, v2.volgnummer) == (None, 1, 1)
    s.vraag_beantwoord(vraag=v1, antwoord="Zie bijlage.")
    assert s.nota_publiceer(aanbesteding=a) == 2
    assert Vraag.objects.get(pk=v1.pk).volgnummer == 2
    with pytest.raises(ValidationError, match="geen beantwoorde vragen"):
        s.nota_publiceer(aanbesteding=a)


def test_no_bid_after_the_deadline_and_one_per_provider(tender: Tender):
    a, p = tender.aanbesteding, tender.aanbieders[0]
    dien_in(tender, p)
    with pytest.raises(ValidationError, match="al ingeschreven"):
        dien_in(tender, p)
    with pytest.raises(ValidationError, match="inschrijftermijn is verstreken"):
        s.inschrijving_dien_in(
            aanbesteding=a, aanbieder=tender.aanbieders[1], percelen=tender.percelen, visie="",
            antwoorden={}, capaciteit=[], uea={}, op=INSCHRIJVEN_TOT + timedelta(minutes=1),
        )  # fmt: skip


def test_a_combination_with_members_and_subcontractors(tender: Tender):
    penvoerder, lid, *_ = tender.aanbieders
    i = s.inschrijving_dien_in(
        aanbesteding=tender.aanbesteding, aanbieder=penvoerder, leden=[lid],
        onderaannemers=["Zorgboerderij De Hoeve"], percelen=tender.percelen, visie="v",
        antwoorden={}, capaciteit=[], uea={}, op=VOOR,
    )  # fmt: skip
    assert list(i.leden.all()) == [lid]
    assert i.onderaannemers == ["Zorgboerderij De Hoeve"]
    with pytest.raises(ValidationError, match="penvoerder staat ook als combinant"):
        s.inschrijving_dien_in(
            aanbesteding=tender.aanbesteding, aanbieder=lid, leden=[lid],
            percelen=tender.percelen, visie="v", antwoorden={}, capaciteit=[], uea={}, op=VOOR,
        )  # fmt: skip


def test_a_combinant_confirms_itself_before_the_combination_counts(tender: Tender):
    """Naming a provider does not make it a partner: it confirms (or refuses) with its
    own login, until the deadline; only confirmed combinants count (award, OCDS)."""
    penvoerder, ja, nee, stil, *_ = tender.aanbieders
    i = s.inschrijving_dien_in(
        aanbesteding=tender.aanbesteding, aanbieder=penvoerder, leden=[ja, nee, stil],
        percelen=tender.percelen, visie="v", antwoorden={}, capaciteit=[], uea={}, op=VOOR,
    )  # fmt: skip
    combinanten = {c.aanbieder: c for c in i.combinanten.all()}
    assert {c.status for c in combinanten.values()} == {"gevraagd"}
    assert i.bevestigde_leden() == []
    s.combinant_beantwoord(combinant=combinanten[ja], akkoord=True, door=None, op=VOOR)
    s.combinant_beantwoord(combinant=combinanten[nee], akkoord=False, door=None, op=VOOR)
    with pytest.raises(ValidationError, match="al bevestigd"):
        s.combinant_beantwoord(combinant=combinanten[ja], akkoord=False, door=None, op=VOOR)
    with pytest.raises(ValidationError, match="inschrijftermijn is verstreken"):
        s.combinant_beantwoord(combinant=combinanten[stil], akkoord=True, door=None, op=NA)
    assert i.bevestigde_leden() == [ja]
    c = combinanten[ja]
    c.refresh_from_db()
    assert [w.naar for w in c.statuswijzigingen.order_by("pk")] == ["gevraagd", "bevestigd"]
    # Changing the bid keeps an answer given; a combinant no longer named drops out.
    s.inschrijving_wijzig(
        inschrijving=i, leden=[ja], percelen=tender.percelen, visie="v2", antwoorden={},
        capaciteit=[], uea={}, op=VOOR,
    )  # fmt: skip
    assert [(c.aanbieder, c.status) for c in i.combinanten.all()] == [(ja, "bevestigd")]


def test_a_combinant_answers_on_its_own_overview_page(tender: Tender):
    from django.contrib.auth.models import User
    from django.utils import timezone

    from jeugdsturing.gebruikers.services import gebruiker_bewaar
    from jeugdsturing.rollen import Rol
    from tests.conftest import login

    penvoerder, lid, ander, *_ = tender.aanbieders
    a = tender.aanbesteding
    a.inschrijven_tot = timezone.now() + timedelta(days=30)  # the pages use today's clock
    a.save(update_fields=["inschrijven_tot"])
    i = s.inschrijving_dien_in(
        aanbesteding=tender.aanbesteding, aanbieder=penvoerder, leden=[lid],
        percelen=tender.percelen, visie="v", antwoorden={}, capaciteit=[], uea={},
    )  # fmt: skip
    for naam, org in (("lid-test", lid), ("ander-test", ander)):
        gebruiker_bewaar(
            username=naam, password="een-lang-wachtwoord-2026", rol=Rol.AANBIEDER,
            regio=tender.aanbesteding.regio, gemeente=None, aanbieder=org, naam=naam,
        )  # fmt: skip
    c = i.combinanten.get()
    # Another provider cannot answer for the combinant.
    ander_c = login("ander-test", "een-lang-wachtwoord-2026")
    assert "Combinaties waarin u bent genoemd" not in ander_c.get("/verwerving/").content.decode()
    assert (
        ander_c.post(f"/verwerving/deelname/{c.pk}/", {"antwoord": "bevestig"}).status_code == 404
    )
    lid_c = login("lid-test", "een-lang-wachtwoord-2026")
    pagina = lid_c.get("/verwerving/").content.decode()
    assert "Combinaties waarin u bent genoemd" in pagina
    assert penvoerder.naam in pagina
    r = lid_c.post(f"/verwerving/deelname/{c.pk}/", {"antwoord": "bevestig"}, follow=True)
    assert f"deelname aan de combinatie van {penvoerder.naam} bevestigd" in r.content.decode()
    c.refresh_from_db()
    assert c.status == "bevestigd"
    assert c.beantwoord_door == User.objects.get(username="lid-test")


def test_bids_are_sealed_until_the_deadline(tender: Tender):
    p1, p2 = tender.aanbieders[:2]
    i = dien_in(tender, p1)
    # 12:00 UTC is 14:00 in Amsterdam, as the user reads it
    with pytest.raises(selectors.Verzegeld, match="verzegeld tot 01-10-2026 14:00"):
        selectors.inschrijving_open(inschrijving=i, op=VOOR)
    assert selectors.inschrijving_open(inschrijving=i, aanbieder=p1, op=VOOR) == i  # its own bidder
    assert selectors.inschrijving_open(inschrijving=i, op=NA) == i
    with pytest.raises(PermissionDenied):
        selectors.inschrijving_open(inschrijving=i, aanbieder=p2, op=NA)  # never another bidder's


def test_an_unmet_requirement_excludes_with_its_reason_and_repair_brings_it_back(tender: Tender):
    i = dien_in(tender, tender.aanbieders[0])
    kwal = tender.eisen[1]
    s.eis_toets(inschrijving=i, eis=kwal, uitkomst=Toetsuitkomst.NIET_VOLDAAN,
                motivering="certificaat verlopen")  # fmt: skip
    i.refresh_from_db()
    assert i.status == InschrijvingStatus.UITGESLOTEN
    assert i.reden == "eis KWAL (Kwaliteitscertificaat) niet voldaan: certificaat verlopen"
    with pytest.raises(ValidationError, match="Motiveer"):
        s.eis_toets(inschrijving=i, eis=kwal, uitkomst=Toetsuitkomst.VOLDAAN, motivering=" ")
    s.eis_toets(inschrijving=i, eis=kwal, uitkomst=Toetsuitkomst.VOLDAAN,
                motivering="nieuw certificaat na herstelverzoek")  # fmt: skip
    i.refresh_from_db()
    assert (i.status, i.reden) == (InschrijvingStatus.INGEDIEND, "")


def _naar_beoordeling(t: Tender) -> None:
    s.aanbesteding_status_wijzig(
        aanbesteding=t.aanbesteding,
        naar=AanbestedingStatus.BEOORDELING,
        reden="termijn voorbij",
        op=NA,
    )
    t.aanbesteding.refresh_from_db()


def test_assessment_cannot_start_before_the_bid_deadline(tender: Tender):
    with pytest.raises(ValidationError, match="inschrijftermijn loopt tot"):
        s.aanbesteding_status_wijzig(
            aanbesteding=tender.aanbesteding,
            naar=AanbestedingStatus.BEOORDELING,
            reden="x",
            op=VOOR,
        )


def test_blind_scoring_until_all_assessors_submitted_then_consensus(tender: Tender):
    i = dien_in(tender, tender.aanbieders[0])
    _naar_beoordeling(tender)
    b1, b2 = tender.beoordelaars
    visie = tender.criteria[0]
    for b in (b1, b2):
        b.inschrijvingen.add(i)
    with pytest.raises(ValidationError, match="verklaring over belangenconflicten"):
        s.score_geef(beoordelaar=b1, inschrijving=i, criterium=visie, waarde=D(7), motivering="m")
    for b in (b1, b2):
        s.beoordelaar_verklaar(beoordelaar=b)
    with pytest.raises(ValidationError, match="buiten de schaal"):
        s.score_geef(beoordelaar=b1, inschrijving=i, criterium=visie, waarde=D(11), motivering="m")
    for c, w in zip(tender.criteria, (7, 6, 8), strict=True):
        s.score_geef(beoordelaar=b1, inschrijving=i, criterium=c, waarde=D(w), motivering="goed")
    s.scores_dien_in(beoordelaar=b1, inschrijving=i)
    # b1 sees only his own scores while b2 has not submitted
    assert {
        sc.beoordelaar_id for sc in selectors.zichtbare_scores(beoordelaar=b1, inschrijving=i)
    } == {b1.pk}
    with pytest.raises(ValidationError, match="nog niet alle beoordelaars"):
        s.consensus_stel_vast(inschrijving=i, criterium=visie, waarde=D(7), motivering="m")
    with pytest.raises(ValidationError, match="al ingediend"):
        s.score_geef(beoordelaar=b1, inschrijving=i, criterium=visie, waarde=D(9), motivering="m")
    s.score_geef(beoordelaar=b2, inschrijving=i, criterium=visie, waarde=D(5), motivering="m")
    with pytest.raises(ValidationError, match="Nog geen score op gebied, samenwerking"):
        s.scores_dien_in(beoordelaar=b2, inschrijving=i)
    for c, w in zip(tender.criteria, (5, 6, 6), strict=True):
        s.score_geef(beoordelaar=b2, inschrijving=i, criterium=c, waarde=D(w), motivering="matig")
    s.scores_dien_in(beoordelaar=b2, inschrijving=i)
    assert len(selectors.zichtbare_scores(beoordelaar=b1, inschrijving=i)) == 6
    cons = s.consensus_stel_vast(inschrijving=i, criterium=visie, waarde=D(6), motivering="midden")
    with pytest.raises(ValidationError, match="reden"):
        s.consensus_pas_aan(consensus=cons, waarde=D(7), reden="")
    cons = s.consensus_pas_aan(consensus=cons, waarde=D(7), reden="gesprek toonde uitvoerbaarheid")
    assert (cons.schriftelijk, cons.waarde) == (D(6), D(7))
    assert cons.history.count() == 2  # audit trail of the change


def test_an_assessor_scores_only_assigned_bids(tender: Tender):
    i = dien_in(tender, tender.aanbieders[0])
    _naar_beoordeling(tender)
    b1 = s.beoordelaar_verklaar(beoordelaar=tender.beoordelaars[0])
    with pytest.raises(PermissionDenied, match="niet aan u toegewezen"):
        s.score_geef(
            beoordelaar=b1,
            inschrijving=i,
            criterium=tender.criteria[0],
            waarde=D(7),
            motivering="m",
        )


def _beoordeel(t: Tender, scores: dict[int, tuple[int, int, int]]) -> dict[int, Inschrijving]:
    """Bids by provider index with their consensus scores (one assessor for brevity)."""
    bids: dict[int, Inschrijving] = {}
    for idx in scores:
        bids[idx] = dien_in(t, t.aanbieders[idx])
    _naar_beoordeling(t)
    b = s.beoordelaar_verklaar(beoordelaar=t.beoordelaars[0])
    for idx, waarden in scores.items():
        i = bids[idx]
        b.inschrijvingen.add(i)
        for c, w in zip(t.criteria, waarden, strict=True):
            s.score_geef(beoordelaar=b, inschrijving=i, criterium=c, waarde=D(w), motivering="m")
        s.scores_dien_in(beoordelaar=b, inschrijving=i)
        for c, w in zip(t.criteria, waarden, strict=True):
            s.consensus_stel_vast(inschrijving=i, criterium=c, waarde=D(w), motivering="m")
    return bids


def test_ranking_with_a_recorded_lottery_selection_waiting_room_and_cascade(tender: Tender):
    # 0 and 1 tie completely; 5 falls under the visie minimum; max 3 selected + 1 waiting
    bids = _beoordeel(
        tender, {0: (7, 7, 7), 1: (7, 7, 7), 2: (9, 8, 8), 3: (6, 6, 6), 4: (8, 6, 6), 5: (5, 9, 9)}
    )
    a = tender.aanbesteding
    with pytest.raises(ValidationError, match="loting nodig"):
        s.rangschikking_stel_vast(aanbesteding=a)
    with pytest.raises(ValidationError, match="twee getuigen"):
        s.rangschikking_stel_vast(aanbesteding=a, zaad="abc", getuigen=["notaris"])
    sel = s.rangschikking_stel_vast(aanbesteding=a, zaad="abc", getuigen=["notaris", "secretaris"])
    record = Loting.objects.get(aanbesteding=a)
    gelijk = sorted([bids[0].nummer, bids[1].nummer])
    assert record.inschrijvingen == gelijk
    assert tuple(record.volgorde) == loting(gelijk, "abc")  # anyone can redo the draw
    assert sel.geselecteerd[0] == bids[2].nummer
    status = {idx: Inschrijving.objects.get(pk=i.pk) for idx, i in bids.items()}
    assert status[5].status == InschrijvingStatus.AFGEWEZEN
    assert "visie 5,00 < 5,50" in status[5].reden
    assert status[3].status == InschrijvingStatus.NIET_GESELECTEERD
    assert [status[i].rang for i in (2, 4)] == [1, 2]
    # the lottery's loser of 0/1 waits in the waiting room
    wachtend = status[0] if status[0].status == InschrijvingStatus.WACHTKAMER else status[1]
    assert wachtend.rang == 4
    # a selected bidder drops out: the waiting bid moves up
    opgeschoven = s.uitval_verwerk(inschrijving=status[4], reden="fusie, trekt zich terug")
    assert opgeschoven is not None
    assert opgeschoven.pk == wachtend.pk
    assert opgeschoven.status == InschrijvingStatus.GESELECTEERD


def test_objection_period_holds_the_dialogue(tender: Tender):
    bids = _beoordeel(
        tender, {0: (8, 8, 8), 1: (6, 6, 6), 2: (7, 7, 7), 3: (9, 9, 9), 4: (7, 6, 6)}
    )
    a = tender.aanbesteding
    s.rangschikking_stel_vast(aanbesteding=a)
    s.selectie_maak_bekend(aanbesteding=a, op=date(2026, 12, 1))
    a.refresh_from_db()
    assert selectors.einde_bezwaartermijn(a) == date(2026, 12, 21)  # 20 calendar days
    bezwaar = s.bezwaar_dien_in(inschrijving=bids[1], tekst="score onjuist", op=date(2026, 12, 10))
    with pytest.raises(ValidationError, match="bezwaartermijn is verstreken"):
        s.bezwaar_dien_in(inschrijving=bids[1], tekst="te laat", op=date(2026, 12, 22))
    from datetime import UTC, datetime

    with pytest.raises(ValidationError, match="loopt tot en met 21 december 2026"):
        s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.DIALOOG, reden="start",
                                     op=datetime(2026, 12, 21, 12, tzinfo=UTC))  # fmt: skip
    with pytest.raises(ValidationError, match="1 bezwaren tegen de selectie open"):
        s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.DIALOOG, reden="start",
                                     op=datetime(2026, 12, 22, 12, tzinfo=UTC))  # fmt: skip
    s.bezwaar_handel_af(bezwaar=bezwaar, uitkomst="ongegrond", op=date(2026, 12, 23))
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.DIALOOG, reden="start",
                                 op=datetime(2026, 12, 24, 12, tzinfo=UTC))  # fmt: skip
    a.refresh_from_db()
    assert a.status == AanbestedingStatus.DIALOOG
    assert [w.naar for w in a.statuswijzigingen.all()] == [
        "aangekondigd", "beoordeling", "selectie", "dialoog",
    ]  # fmt: skip


def test_lifecycle_refuses_skipping_a_phase(tender: Tender):
    with pytest.raises(ValidationError, match="niet toegestaan"):
        s.aanbesteding_status_wijzig(
            aanbesteding=tender.aanbesteding, naar=AanbestedingStatus.GEGUND, reden="x"
        )


def test_submitting_scores_records_each_score_in_the_history(tender: Tender):
    """Each submitted score gets its own history record (a QuerySet.update() left none)."""
    from jeugdsturing.verwerving.models import Score

    i = dien_in(tender, tender.aanbieders[0])
    _naar_beoordeling(tender)
    b = tender.beoordelaars[0]
    b.inschrijvingen.add(i)
    s.beoordelaar_verklaar(beoordelaar=b)
    for c in tender.criteria:
        s.score_geef(beoordelaar=b, inschrijving=i, criterium=c, waarde=D(6), motivering="m")
    s.scores_dien_in(beoordelaar=b, inschrijving=i)
    scores = list(Score.objects.filter(beoordelaar=b, inschrijving=i))
    assert len(scores) == len(tender.criteria)
    for sc in scores:
        laatste = sc.history.first()
        assert laatste.ingediend_op is not None
        assert laatste.history_change_reason == "ingediend"
