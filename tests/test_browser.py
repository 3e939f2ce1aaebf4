# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Pages in a real browser: Debian's Chromium driven by Playwright.

Skipped where no Chromium is installed, unless REQUIRE_BROWSER=1 (CI sets it), in which
case a missing browser fails the run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from tests.conftest import DEMO_PASSWORD, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = ROOT / "var" / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@dataclass
class Browser:
    """A logged-out page on the live server, and the console errors it collects."""

    page: Any
    errors: list[str]


@pytest.fixture
def browser(live_server: Any, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    if CHROMIUM is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 maar chromium is niet geïnstalleerd")
        pytest.skip("chromium is niet geïnstalleerd")
    from playwright.sync_api import sync_playwright

    # The live server speaks plain HTTP. It is started once per session, with the
    # middleware built from the settings of that moment: build it again without the
    # redirect to HTTPS (on whenever DEBUG is off; tests/conftest.py turns it off).
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.handlers.wsgi import WSGIHandler

    live_server.thread.httpd.set_app(StaticFilesHandler(WSGIHandler()))
    call_command(
        "demo", "load", "--force", "--geen-berichtenverkeer", verbosity=0,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )  # fmt: skip
    # Playwright's sync API runs an event loop in this thread; the ORM is not used
    # from it while the browser runs (the live server has its own thread).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # A click on a link returns once the next page has started to arrive; text read at
    # that moment can be a half-parsed page (a table with only its header). Every text
    # read first waits until the page it belongs to has loaded.
    from playwright.sync_api import Locator

    # Counting and visibility do not wait either: they wait in the same way.
    def na_laden(lees: Any) -> Any:
        def gelezen(self: Any, *args: Any, **kwargs: Any) -> Any:
            self.page.wait_for_load_state()
            return lees(self, *args, **kwargs)

        return gelezen

    for naam in ("inner_text", "count", "is_visible"):
        monkeypatch.setattr(Locator, naam, na_laden(getattr(Locator, naam)))
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        context = browser.new_context(base_url=live_server.url, locale="nl-NL")
        pg = context.new_page()
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        yield Browser(pg, errors)
        context.close()
        browser.close()


def shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page: Any, user: str) -> None:
    """Through the login page, with the second factor where it is asked: the code the
    user's app would show (its device made here when the user has none yet)."""
    from django.contrib.auth.models import User
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto("/")
    assert "/inloggen/" in page.url
    page.get_by_label("Gebruikersnaam").fill(user)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if "/tweede-factor/" in page.url:
        device, _ = TOTPDevice.objects.get_or_create(
            user=User.objects.get(username=user), confirmed=True, defaults={"name": "app"}
        )
        # A code counts once per 30 seconds; a test logs in more often than that.
        device.last_t = -1
        device.throttling_failure_count = 0
        device.save()
        if "/instellen/" in page.url:
            page.goto("/tweede-factor/")
        page.get_by_label("Code", exact=True).fill(f"{totp(device.bin_key):06d}")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        assert "/tweede-factor/" not in page.url


def test_login_page_then_the_demo_region_for_the_team(browser):
    page = browser.page
    page.goto("/monitor/")
    assert "/inloggen/?next=/monitor/" in page.url
    assert page.locator("html").get_attribute("lang") == "nl"
    shot(page, "inloggen")
    page.get_by_label("Gebruikersnaam").fill("financien")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    assert (
        page.get_by_role("alert").inner_text().startswith("Gebruikersnaam of wachtwoord is onjuist")
    )

    login(page, "financien")
    assert page.get_by_role("heading", level=1).inner_text() == "Amsterdam-Amstelland"
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert nav.get_by_role("link").all_inner_texts() == [
        "Contracten en geld", "Monitor", "Sturing", "Signalen", "Toegang", "Zorgcontinuïteit",
        "Scenario's", "Rapportages",
    ]  # fmt: skip
    shot(page, "start-financien")

    nav.get_by_role("link", name="Contracten en geld").click()
    table = page.get_by_role("table")
    assert "296.015" in table.inner_text()
    headers = table.get_by_role("columnheader").all_inner_texts()
    # The demo's current contracts (2024-2027, at the simulation's scale), then seed 002.
    assert headers == ["Gemeente", *(str(j) for j in range(2024, 2034))]
    assert "Totaal regio" in table.inner_text()
    shot(page, "begroting")
    page.get_by_role("link", name="Realisatie en prognose").click()
    assert page.locator("figure svg").count() == 1
    shot(page, "realisatie")
    page.get_by_role("link", name="Lumpsums").click()
    page.get_by_label("Jaar", exact=True).first.select_option("2028")
    page.get_by_role("button", name="Toon").click()
    assert "€\u00a0296.015.000,00" in page.get_by_role("table").first.inner_text()
    perspectief = page.get_by_role("table", name="Meerjarig perspectief per gemeente")
    assert "249.370" in perspectief.inner_text()
    shot(page, "lumpsums")
    assert browser.errors == [], browser.errors  # e.g. CSP violations


def test_council_sees_only_reports_and_can_log_out(browser):
    page = browser.page
    login(page, "raad")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert nav.get_by_role("link").all_inner_texts() == ["Rapportages"]
    page.goto("/monitor/")
    assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    page.goto("/")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert "/inloggen/" in page.url


def test_regiobeheerder_reaches_region_structure_and_audit(browser):
    page = browser.page
    login(page, "regiobeheerder")
    page.goto("/regio/")
    text = page.locator("main").inner_text()
    for gebied in (
        "Stadsdeel Centrum/Zuid",
        "Stadsdeel Zuidoost/stadsgebied Weesp",
        "Amstelveen en Aalsmeer",
    ):
        assert gebied in text
    shot(page, "regio")
    page.goto("/beheer/audit/")
    assert "systeem (commando)" in page.locator("main").inner_text()
    assert browser.errors == [], browser.errors


def test_monitor_dashboard_with_charts_and_drill_down(browser):
    from tests.monitor.conftest import agb_codes, maak_trajecten

    agb = agb_codes()
    maak_trajecten(agb)
    page = browser.page
    login(page, "data-analist")
    page.goto("/monitor/?van=2027-01-01&tot=2027-12-31&indicator=instroom")
    assert page.get_by_role("heading", level=1).inner_text() == "Monitor"
    kern = page.get_by_role("table", name="Kerncijfers")
    assert "73" in kern.get_by_role("row", name="Instroom (trajecten)").inner_text()
    # the trend per month and the comparison of providers are server-side SVG charts
    assert page.locator("figure.grafiek svg").count() == 2
    assert (
        "Instroom (trajecten) per aanbieder" in page.locator("figure.grafiek").nth(1).inner_text()
    )
    shot(page, "monitor")
    # a figure leads to the trajectories behind it
    tabel = page.get_by_role("table", name="Indicatoren per groep")
    tabel.get_by_role("row", name="Arkin Jong").get_by_role("link", name="3").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Trajecten achter")
    assert page.get_by_role("table", name="Trajecten").locator("tbody tr").count() == 3
    # the filter form narrows to one provider
    page.goto("/monitor/?van=2027-01-01&tot=2027-12-31")
    page.get_by_label("Aanbieder", exact=True).select_option(agb["ander"])
    page.get_by_role("button", name="Toon").click()
    page.wait_for_load_state()
    assert f"aanbieder={agb['ander']}" in page.url
    assert "Amstelzorg" not in page.get_by_role("table", name="Indicatoren per groep").inner_text()
    assert browser.errors == [], browser.errors


def test_a_tender_set_up_by_the_team_and_a_bid_with_an_upload(browser):
    from datetime import timedelta

    from django.utils import timezone

    page = browser.page
    login(page, "contractmanager")
    page.goto("/verwerving/")
    page.get_by_role("link", name="Nieuwe aanbesteding").click()
    nu = timezone.localtime()
    page.get_by_label("Referentie").fill("BROWSER-1")
    page.get_by_label("Naam").fill("Jeugdhulp met verblijf 2028")
    page.get_by_label("Vragen stellen tot").fill(
        (nu + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    )
    page.get_by_label("Inschrijven tot").fill((nu + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Maak aan").click()
    page.wait_for_load_state()
    assert "Aanbesteding BROWSER-1 aangemaakt (concept)." in page.locator("main").inner_text()
    for knop in ("Neem de thema's van de regio over",
                 "Neem de standaardcriteria over (inkoopstrategie Amsterdam-Amstelland)",
                 "Neem de standaardeisen over (inkoopstrategie Amsterdam-Amstelland, 5.6.1 en 5.6.2)"):  # fmt: skip
        page.get_by_role("button", name=knop).click()
        page.wait_for_load_state()
    assert page.get_by_role("table", name="Criteria").locator("tbody tr").count() >= 3
    shot(page, "verwerving-inrichting")
    page.goto("/verwerving/BROWSER-1/")
    page.get_by_label("Naar fase").select_option("aangekondigd")
    page.get_by_label("Reden").fill("gepubliceerd op TenderNed")
    page.get_by_role("button", name="Wijzig fase").click()
    page.wait_for_load_state()
    assert "concept → aangekondigd" in page.locator("main").inner_text()
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "aanbieder")
    page.goto("/verwerving/BROWSER-1/")
    page.get_by_role("link", name="Schrijf in").click()
    page.wait_for_load_state()
    form = page.get_by_role("form", name="Inschrijving")
    form.locator("input[name=percelen]").first.check()
    for vak in form.locator("textarea[id^=antwoord-]").all():
        vak.fill("Dichtbij, in het gezin, met het netwerk.")
    for vakje in form.locator("input[id^=verklaar-]").all():
        vakje.check()
    form.get_by_label("Ondertekend UEA (PDF)").set_input_files(
        files=[{"name": "uea.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n%%EOF\n"}]
    )
    form.locator("input[name=cap0-expertise]").fill("verblijf")
    form.locator("select[name=cap0-gebied]").select_option("AMS-N")
    form.locator("input[name=cap0-min]").fill("2")
    form.locator("input[name=cap0-max]").fill("8")
    form.get_by_role("button", name="Dien inschrijving in").click()
    page.wait_for_load_state()
    assert "ontvangen op" in page.locator("main").inner_text()
    assert "uea.pdf" in page.get_by_role("table", name="Bijlagen").inner_text()
    shot(page, "verwerving-inschrijving")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "contractmanager")
    page.goto("/verwerving/AJH-2026/dekking/")
    assert page.locator("figure.grafiek svg").count() == 1
    assert "tekort" in page.get_by_role("table", name="Dekking per expertise").inner_text()
    shot(page, "verwerving-dekking")
    assert browser.errors == [], browser.errors


def test_the_performance_dialogue_from_pack_to_agreement(browser):
    """The team prepares the June packs, the provider opens its own and adds its
    interpretation, the team records the dialogue with an agreement, and the October
    pack shows the agreement."""
    page = browser.page
    login(page, "contractmanager")
    page.goto("/sturing/")
    page.get_by_role("link", name="Prestatiedialoog").click()
    page.get_by_label("Stuurmoment", exact=True).select_option("2027-06")
    page.get_by_role("button", name="Toon").click()
    rij = page.get_by_role("row").filter(has_text="Amstelzorg")
    rij.get_by_role("button", name="Maak").click()
    assert "versie 1 gemaakt" in page.get_by_role("main").inner_text()
    page.get_by_role("row").filter(has_text="Amstelzorg").get_by_role(
        "button", name="Verzend versie 1"
    ).click()
    assert "versie 1 verzonden" in page.get_by_role("main").inner_text()
    shot(page, "prestatiedialoog-juni")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "aanbieder")
    page.goto("/sturing/pakketten/?moment=2027-06")
    assert page.get_by_role("row").filter(has_text="Horizon Jeugd").count() == 0
    page.get_by_role("link", name="Amstelzorg").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Prestatiedialoog juni 2027: Amstelzorg"
    )
    samenvatting = page.get_by_role("table", name="Oordeel per stuurelement")
    assert samenvatting.get_by_role("row").count() == 6  # header and five elements
    page.get_by_label("Uw duiding bij tijdige en volledige informatie").fill(
        "De stopberichten liepen achter door ons nieuwe cliëntsysteem."
    )
    page.get_by_role("form", name="Duiding bij Tijdige en volledige informatie").get_by_role(
        "button", name="Duiding opslaan"
    ).click()
    assert "nieuwe cliëntsysteem" in page.locator("#element-2").inner_text()
    shot(page, "prestatiedialoog-aanbieder")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "contractmanager")
    page.goto("/sturing/pakketten/?moment=2027-06")
    page.get_by_role("link", name="Amstelzorg").click()
    assert "nieuwe cliëntsysteem" in page.locator("#element-2").inner_text()
    page.get_by_role("link", name="Overleg vastleggen").click()
    page.get_by_label("Datum van het overleg").fill("2027-06-15")
    page.get_by_label("Aanwezigen").fill("Regio en Amstelzorg")
    page.get_by_label("2. Tijdige en volledige informatie").fill("Stopberichten besproken.")
    page.get_by_role("button", name="Overleg vastleggen").click()
    page.get_by_label("Stuurelement", exact=True).select_option("2")
    page.get_by_label("Afspraak", exact=True).fill("Stopberichten weer binnen 5 werkdagen.")
    page.get_by_label("Eigenaar").fill("Amstelzorg")
    page.get_by_label("Uiterlijk").fill("2027-09-30")
    page.get_by_role("button", name="Afspraak toevoegen").click()
    assert (
        "Stopberichten weer binnen 5 werkdagen."
        in page.get_by_role("table", name="Afspraken").inner_text()
    )
    shot(page, "prestatiedialoog-overleg")

    page.goto("/sturing/pakketten/?moment=2027-10")
    page.get_by_role("row").filter(has_text="Amstelzorg").get_by_role("button", name="Maak").click()
    page.get_by_role("link", name="Amstelzorg").click()
    afspraken = page.get_by_role("table", name="Afspraken bij Tijdige en volledige informatie")
    assert "Stopberichten weer binnen 5 werkdagen." in afspraken.inner_text()
    assert "30 september 2027" in afspraken.inner_text()
    shot(page, "prestatiedialoog-oktober")
    assert browser.errors == [], browser.errors


def test_a_signal_opens_a_case_the_provider_plans_and_the_team_judges(browser):
    """Escalation (docs/escalatie.md): the team opens a case from the signals of a weak
    provider and records the conversation, the provider submits its improvement plan
    with a document, the team approves it and later records its judgement."""
    from jeugdsturing.contracten.models import Aanbieder
    from jeugdsturing.escalatie.services import signalen_werk_bij, standaard_inrichten
    from jeugdsturing.regio.models import Regio
    from tests.escalatie.conftest import PEIL, maak_trajecten

    regio = Regio.objects.get(code="JZ13")
    amstelzorg = Aanbieder.objects.get(naam="Amstelzorg")
    andere = list(Aanbieder.objects.exclude(pk=amstelzorg.pk).order_by("agb_code")[:5])
    maak_trajecten([*andere, amstelzorg])  # Amstelzorg, the demo provider's, is the weak one
    standaard_inrichten(regio)
    signalen_werk_bij(regio=regio, peil=PEIL)

    page = browser.page
    login(page, "contractmanager")
    page.get_by_role("link", name="Signalen", exact=True).click()
    page.wait_for_url("**/escalatie/")
    signalen = page.get_by_role("table", name="Signalen")
    assert signalen.get_by_role("row").filter(has_text="Amstelzorg").count() == 2
    assert page.get_by_role("figure").filter(has_text="Weinig uitstroom volgens plan").count() == 1
    for vak in signalen.get_by_role("checkbox").all():
        vak.check()
    page.get_by_label("Titel van het verbetertraject").fill("Amstelzorg: uitstroom en duur")
    page.get_by_role("button", name="Verbetertraject openen met de gekozen signalen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Amstelzorg: uitstroom en duur"
    page.get_by_label("Datum").fill("2028-01-10")
    page.get_by_label("Wat is besproken en afgesproken").fill("Cijfers besproken; plan volgt.")
    page.get_by_role("button", name="Gesprek vastleggen").click()
    assert "Gesprek vastgelegd." in page.get_by_role("main").inner_text()
    adres = page.url
    shot(page, "escalatie-gesprek")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "aanbieder")
    page.get_by_role("link", name="Signalen", exact=True).click()
    page.get_by_role("link", name="Amstelzorg: uitstroom en duur").click()
    page.get_by_label("Het plan: wat verbetert u, en hoe").fill("Elke lange casus in review.")
    page.get_by_label("Streefwaarde voor uitstroom volgens plan (%)").fill("55")
    page.get_by_label("te halen op").fill("2028-06-30")
    page.get_by_label("Actie 1: wie").fill("Teamleider")
    page.get_by_label("Actie 1: wat").fill("Casusreview van trajecten langer dan een jaar")
    page.get_by_label("Actie 1: hoe").fill("Elke twee weken met de toegang")
    page.get_by_label("Actie 1: wanneer").fill("2028-02-29")
    page.get_by_label("Het plan als document (pdf of Word, niet verplicht)").set_input_files(
        {"name": "verbeterplan.pdf", "mimeType": "application/pdf",
         "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"}
    )  # fmt: skip
    page.get_by_role("button", name="Verbeterplan indienen").click()
    assert "Verbeterplan ingediend." in page.get_by_role("main").inner_text()
    assert page.get_by_role("link", name="verbeterplan.pdf").count() == 1
    shot(page, "escalatie-plan")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "contractmanager")
    page.goto(adres)
    page.get_by_label("Besluit", exact=True).select_option("goedkeuren")
    page.get_by_label("Toelichting", exact=True).fill("Concreet en toetsbaar.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    assert "goedgekeurd (bindend)" in page.get_by_role("main").inner_text()
    page.get_by_label("Beoordeling van de resultaten").fill("De uitstroom is verbeterd.")
    page.get_by_role("button", name="Naar beoordeling").click()
    page.get_by_label("Oordeel", exact=True).select_option("doorverwijzen")
    page.get_by_label("Toelichting", exact=True).fill("Op koers; verwijzen zoals afgesproken.")
    page.get_by_role("button", name="Oordeel vastleggen").click()
    main = page.get_by_role("main").inner_text()
    assert "Oordeel: doorverwijzen zoals bij de start van het contract" in main
    assert main.count("(opgelost)") == 2  # both signals resolved with the case
    shot(page, "escalatie-oordeel")
    assert browser.errors == [], browser.errors


def test_the_team_publishes_a_half_year_report_and_the_council_reads_it(browser):
    page = browser.page
    login(page, "regiobeheerder")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportages").click()
    formulier = page.get_by_role("form", name="Nieuwe rapportage")
    formulier.get_by_label("Jaar", exact=True).fill("2027")
    formulier.get_by_label("Halfjaar").select_option("1")
    formulier.get_by_role("button", name="Concept maken").click()
    titel = "Raadsrapportage jeugdhulp Amsterdam-Amstelland, eerste halfjaar 2027"
    assert page.get_by_role("heading", level=1).inner_text() == titel
    assert "Stand: concept" in page.locator("main").inner_text()
    for knop in ("Vaststellen", "Publiceren"):
        page.get_by_label("Reden").fill("besluit van het college van 14 juli 2027")
        page.get_by_role("button", name=knop).click()
        page.wait_for_load_state()
    assert "Stand: gepubliceerd" in page.locator("main").inner_text()
    assert page.get_by_role("table", name="Kerncijfers").is_visible()
    shot(page, "raadsrapportage")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()

    login(page, "raad")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert nav.get_by_role("link").all_inner_texts() == ["Rapportages"]
    nav.get_by_role("link", name="Rapportages").click()
    page.get_by_role("link", name=titel).click()
    assert page.get_by_role("heading", level=1).inner_text() == titel
    assert page.get_by_role("table", name="Financiële voortgang").is_visible()
    assert page.get_by_role("form", name="Stand wijzigen").count() == 0
    assert browser.errors == [], browser.errors
    # and no other page with data (each refusal is a 403, which the console reports)
    for pad in ("/monitor/", "/contracten/", "/sturing/", "/scenario/", "/escalatie/"):
        page.goto(pad)
        assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang", pad


def test_a_tariff_is_changed_on_the_contract_page_with_history(browser):
    from jeugdsturing.contracten.models import Overeenkomst

    ok = (
        Overeenkomst.objects.filter(regio__code="JZ13", plafonds__isnull=False)
        .distinct()
        .order_by("nummer")
        .first()
    )
    assert ok is not None
    product = ok.producten.select_related("product").first().product  # type: ignore[union-attr]
    page = browser.page
    login(page, "contractmanager")
    page.goto(f"/contracten/overeenkomsten/{ok.pk}/")
    page.get_by_text("Tarief wijzigen").click()
    formulier = page.get_by_role("form", name="Nieuw tarief")
    formulier.get_by_label("Product").select_option(product.code)
    formulier.get_by_label("Tarief per eenheid (euro)").fill("97,25")
    formulier.get_by_label("Geldig van").fill("2027-09-01")
    formulier.get_by_label("Reden").fill("herijking na de reële prijs")
    formulier.get_by_role("button", name="Tarief vastleggen").click()
    page.wait_for_load_state()
    assert (
        f"Nieuw tarief voor {product.code} vastgelegd"
        in page.get_by_role("status").first.inner_text()
    )
    geschiedenis = page.get_by_role(
        "table", name="Geschiedenis van tarieven en plafonds"
    ).inner_text()
    assert "herijking na de reële prijs" in geschiedenis
    assert "€\u00a097,25" in geschiedenis
    assert "afgesloten door nieuw tarief vanaf 1 september 2027" in geschiedenis
    shot(page, "tarief-gewijzigd")
    assert browser.errors == [], browser.errors


def test_an_assessor_signs_the_declaration_and_scores_a_new_tender_to_consensus(browser):
    from datetime import UTC, datetime
    from decimal import Decimal

    from django.contrib.auth.models import User

    from jeugdsturing.gebruikers.services import gebruiker_bewaar
    from jeugdsturing.regio.models import Regio
    from jeugdsturing.rollen import Rol
    from jeugdsturing.verwerving import services as s
    from jeugdsturing.verwerving.models import (
        Aanbesteding,
        AanbestedingStatus,
        Consensus,
        Criterium,
        Perceel,
    )
    from tests.verwerving.conftest import nieuwe_aanbieders

    # A new tender whose bid deadline has passed, one bid, two assessors: the demo
    # assessor (in the browser) and a colleague who has scored already.
    regio = Regio.objects.get(code="JZ13")
    a = Aanbesteding.objects.create(
        regio=regio, referentie="BROWSER-2", naam="Ambulante jeugdhulp 2029",
        vragen_tot=datetime(2026, 9, 1, 12, tzinfo=UTC),
        inschrijven_tot=datetime(2026, 10, 1, 12, tzinfo=UTC),
    )  # fmt: skip
    thema = regio.themas.order_by("volgorde").first()
    perceel = Perceel.objects.create(aanbesteding=a, code="P1", naam="Perceel 1", thema=thema)
    criteria = [
        Criterium.objects.create(aanbesteding=a, code="visie", naam="Visie", weging=60),
        Criterium.objects.create(aanbesteding=a, code="samenwerking", naam="Samenwerking", weging=40),
    ]  # fmt: skip
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.AANGEKONDIGD, reden="publicatie")  # fmt: skip
    a.refresh_from_db()
    i = s.inschrijving_dien_in(
        aanbesteding=a, aanbieder=nieuwe_aanbieders(1)[0], percelen=[perceel],
        visie="Dichtbij", antwoorden={}, capaciteit=[], uea={"uitsluitingsgronden": "geen"},
        op=datetime(2026, 8, 15, 9, tzinfo=UTC),
    )  # fmt: skip
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.BEOORDELING,
                                 reden="termijn voorbij", op=datetime(2026, 10, 2, 9, tzinfo=UTC))  # fmt: skip
    a.refresh_from_db()
    ik = s.beoordelaar_benoem(aanbesteding=a, gebruiker=User.objects.get(username="beoordelaar"))
    collega = s.beoordelaar_benoem(aanbesteding=a, gebruiker=gebruiker_bewaar(
        username="collega", password=None, rol=Rol.BEOORDELAAR, regio=regio,
    ))  # fmt: skip
    for b in (ik, collega):
        s.beoordelaar_wijs_toe(beoordelaar=b, inschrijving=i)
    s.beoordelaar_verklaar(beoordelaar=collega)
    for c, w in zip(criteria, ("6", "8"), strict=True):
        s.score_geef(beoordelaar=collega, inschrijving=i, criterium=c, waarde=Decimal(w),
                     motivering="schriftelijk van de collega")  # fmt: skip
    s.scores_dien_in(beoordelaar=collega, inschrijving=i)

    page = browser.page
    login(page, "beoordelaar")
    page.goto("/verwerving/BROWSER-2/beoordelen/")
    main = page.locator("main")
    assert "U kunt pas scoren als u deze verklaring hebt getekend." in main.inner_text()
    verklaring = page.get_by_role("form", name="Verklaring tekenen")
    verklaring.get_by_label("Ik teken deze verklaring naar waarheid").check()
    verklaring.get_by_role("button", name="Verklaring tekenen").click()
    page.wait_for_load_state()
    assert "Getekend op" in main.inner_text()
    assert "Geen belangen gemeld." in main.inner_text()
    sectie = page.get_by_role("region", name=f"Inschrijving {i.nummer}")
    for c, w in zip(criteria, ("7", "8,5"), strict=True):
        sectie.get_by_label("Criterium").select_option(label=c.code)
        sectie.get_by_label("Score", exact=True).fill(w)
        sectie.get_by_label("Motivering").fill(f"onderbouwing {c.naam.lower()}")
        sectie.get_by_role("button", name="Opslaan").click()
        page.wait_for_load_state()
        sectie = page.get_by_role("region", name=f"Inschrijving {i.nummer}")
    scores = sectie.get_by_role("table").inner_text()
    assert "onderbouwing visie" in scores
    assert "8,5" in scores
    assert "schriftelijk van de collega" not in main.inner_text()  # blind until all are in
    sectie.get_by_role("button", name="Alles indienen").click()
    page.wait_for_load_state()
    assert "Alle beoordelaars hebben ingediend" in main.inner_text()
    shot(page, "verwerving-beoordelen")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "contractmanager")
    page.goto("/verwerving/BROWSER-2/consensus/")
    tabel = page.get_by_role("table", name=f"Consensus inschrijving {i.nummer}")
    assert "schriftelijk van de collega" in tabel.inner_text()
    assert "6,50" in tabel.inner_text()  # the mean of 6 and 7 for visie
    for c, w in zip(criteria, ("7", "8,5"), strict=True):
        regel = page.get_by_role("table", name=f"Consensus inschrijving {i.nummer}").locator(
            "tr", has_text=c.naam
        )
        regel.get_by_label("Score", exact=True).fill(w)
        regel.get_by_label("motivering").fill(f"commissie: {c.naam.lower()}")
        regel.get_by_role("button", name="Stel vast").click()
        page.wait_for_load_state()
        assert f"consensusscore {w} vastgesteld" in page.locator("main").inner_text()
    assert Consensus.objects.filter(inschrijving=i).count() == 2
    assert Consensus.objects.get(inschrijving=i, criterium=criteria[1]).waarde == Decimal("8.5")
    shot(page, "verwerving-consensus")
    assert browser.errors == [], browser.errors


def test_a_budget_change_above_the_frame_is_approved_and_applied(browser):
    from jeugdsturing.contracten.models import Begroting, Begrotingskader

    def totaal(jaar: int) -> int:
        return sum(
            Begroting.objects.filter(regio__code="JZ13", jaar=jaar, thema__isnull=True)
            .values_list("bedrag_eurocent", flat=True)
        )  # fmt: skip

    kader = Begrotingskader.objects.get(regio__code="JZ13", jaar=2029).totaal_eurocent
    amstelveen = Begroting.objects.get(
        regio__code="JZ13", jaar=2029, thema__isnull=True, gemeente__naam="Amstelveen"
    ).bedrag_eurocent
    # Half a million above the frame.
    nieuw = amstelveen + (kader - totaal(2029)) + 500_000_00
    bedrag = f"{nieuw // 100:,}".replace(",", ".")

    page = browser.page
    login(page, "financien")
    page.goto("/contracten/begroting/?jaar=2029")
    page.get_by_label("Gemeente").select_option(label="Amstelveen")
    page.get_by_label("Bedrag (euro)").fill(bedrag)
    page.get_by_label("Reden", exact=True).fill("meer jeugdigen met verblijf")
    page.get_by_role("button", name="Wijzigen").click()
    page.wait_for_load_state()
    melding = page.get_by_role("status").first.inner_text()
    assert "Niet gewijzigd" in melding
    assert "goedkeuring" in melding

    formulier = page.get_by_role("form", name="Goedkeuring vastleggen")
    formulier.get_by_label("Onderwerp en reden").fill("Amstelveen 2029: meer verblijf")
    formulier.get_by_label("Besluit (kenmerk)").fill("DB-2029-04")
    formulier.get_by_label("Genomen door").fill("dagelijks bestuur van de regio")
    formulier.get_by_label("Datum besluit").fill("2026-11-30")
    formulier.get_by_label("Toegestane overschrijding (euro)").fill("€ 1.000.000,00")
    formulier.get_by_label("Besluit (PDF of Word)").set_input_files(
        files=[{"name": "besluit-db-2029-04.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.7\n% besluit\n%%EOF\n"}]
    )  # fmt: skip
    formulier.get_by_role("button", name="Goedkeuring vastleggen").click()
    page.wait_for_load_state()
    assert "Goedkeuring 'DB-2029-04' vastgelegd" in page.get_by_role("status").first.inner_text()
    goedkeuringen = page.get_by_role("table", name="Vastgelegde goedkeuringen").inner_text()
    assert "besluit-db-2029-04.pdf" in goedkeuringen
    assert "30 november 2026" in goedkeuringen

    page.get_by_label("Gemeente").select_option(label="Amstelveen")
    page.get_by_label("Bedrag (euro)").fill(bedrag)
    page.get_by_label("Reden", exact=True).fill("meer jeugdigen met verblijf")
    page.get_by_label("Goedkeuring", exact=True).select_option(index=1)
    page.get_by_role("button", name="Wijzigen").click()
    page.wait_for_load_state()
    assert "De begroting is gewijzigd." in page.get_by_role("status").first.inner_text()
    assert totaal(2029) == kader + 500_000_00
    rij = page.locator("tbody tr", has_text="Amstelveen").first.inner_text()
    assert f"€\u00a0{bedrag},00" in rij
    shot(page, "begroting-goedgekeurd")
    assert browser.errors == [], browser.errors


def test_the_team_plans_the_transition_after_the_award_and_follows_it(browser, tmp_path, settings):
    """Zorgcontinuïteit (docs/zorgcontinuiteit.md): after the demo tender's award the team
    runs the analysis, applies bulk rules, changes one case by hand, reserves the budget
    and, after the first messages of 2028, sees the transition month by month with the
    one gap in care."""
    from datetime import date

    from tests.continuiteit.conftest import AMBULANT, Zorgverkeer, zonder

    settings.IJW_XSD_DIR = str(ROOT.parent / "shared" / "ijw" / "xsd")
    verkeer = Zorgverkeer(tmp_path)
    ambulant = [
        verkeer.zorg(k, zonder(), AMBULANT, date(2027, 3, 1), date(2028, 2, 29), date(2027, 3, 15))
        for k in (1, 2, 3)
    ]
    verkeer.importeer()

    page = browser.page
    login(page, "contractmanager")
    page.get_by_role("link", name="Zorgcontinuïteit", exact=True).click()
    page.wait_for_url("**/zorgcontinuiteit/")
    page.get_by_label("Naam").fill("Overgang naar de kernpartners 2028")
    assert page.get_by_label("Ingangsdatum nieuwe overeenkomsten").input_value() == "2028-01-01"
    page.get_by_label("Gegevens bekend op (peildatum)").fill("2027-10-01")
    page.get_by_role("button", name="Analyse maken").click()
    assert "Analyse gemaakt: 3 getroffen trajecten." in page.get_by_role("main").inner_text()
    per_gemeente = page.get_by_role("table", name="Per gemeente")
    assert "Amstelveen" in per_gemeente.inner_text()
    shot(page, "zorgcontinuiteit-analyse")

    page.get_by_role("link", name="Bulkregels").click()
    page.get_by_label("Naam").fill("Ambulant: warme overdracht binnen 6 maanden")
    page.get_by_label("Besluit").select_option("overdragen")
    page.get_by_label("Aantal maanden").fill("6")
    page.get_by_label("Reden").fill("warme overdracht aan een kernpartner")
    page.get_by_role("button", name="Regel toevoegen").click()
    assert "Regel toegevoegd." in page.get_by_role("main").inner_text()
    page.get_by_role("button", name="Regels toepassen").click()
    assert "Regels toegepast: 3 gevallen gepland" in page.get_by_role("main").inner_text()
    shot(page, "zorgcontinuiteit-bulkregels")

    page.get_by_role("link", name="Trajecten en plan").click()
    gevallen = page.get_by_role("table", name="Getroffen trajecten")
    assert gevallen.locator("tbody tr").count() == 3
    gevallen.locator("tbody tr").first.get_by_role("link").click()
    page.get_by_label("Besluit").select_option("doorlopen")
    page.get_by_label("Tot (doorlopen, beëindigen) of uiterlijk op (overdragen)").fill("2028-02-29")
    page.get_by_label("Reden", exact=True).fill("examenjaar: afronden bij de eigen hulpverlener")
    page.get_by_role("button", name="Plan vastleggen").click()
    tekst = page.get_by_role("main").inner_text()
    assert "Het plan is vastgelegd." in tekst
    assert "(per geval vastgesteld)" in tekst
    assert "29 februari 2028" in tekst

    page.get_by_role("link", name="Continuïteitsbudget").click()
    page.get_by_role("button", name="Volgens plan reserveren in de begroting").click()
    assert "Gereserveerd in de begroting" in page.get_by_role("main").inner_text()
    assert "Amstelveen" in page.get_by_role("table", name="Continuïteitsbudget").inner_text()

    # The first messages of 2028: two transfers, one of them with 25 days without care.
    from jeugdsturing.continuiteit.models import Geval

    overdragen = [
        (kind, nummer, van, begin, Geval.objects.get(toewijzingnummer=str(nummer)).partner)
        for kind, (nummer, van, begin) in zip((1, 2, 3), ambulant, strict=True)
    ]
    overdragen = [o for o in overdragen if o[4] is not None]  # one continues (by hand)
    plan = [(date(2028, 1, 31), date(2028, 2, 1)), (date(2028, 1, 31), date(2028, 2, 26))]
    for (kind, nummer, van, begin, partner), (stop, start) in zip(overdragen, plan, strict=True):
        verkeer.stop(kind, zonder(), AMBULANT, nummer, van, begin, stop, reden="38")
        verkeer.zorg(kind, partner.agb_code, AMBULANT, start, date(2028, 12, 31), start)
    verkeer.importeer(vandaag=date(2028, 3, 31))

    page.get_by_role("link", name="Verloop per maand").click()
    assert page.locator("figure.grafiek svg").count() == 1
    maanden = page.get_by_role("table", name="Verloop per maand").inner_text()
    assert "februari 2028" in maanden
    signalen = page.get_by_role("table", name="Signalen zorg onderbroken").inner_text()
    assert "25" in signalen
    stand = page.get_by_role("table", name="Stand van de opvolging").inner_text()
    assert "Overgedragen met een onderbreking in de zorg" in stand
    assert "Overgedragen zonder onderbreking" in stand
    shot(page, "zorgcontinuiteit-verloop")
    assert browser.errors == [], browser.errors
