# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The data-analist's pages: upload with the same report as the CLI, history, quarantine."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from jeugdsturing.berichten import models as m
from tests.berichten.test_import import BAD, example
from tests.conftest import login

pytestmark = pytest.mark.django_db


def upload(c: Client, url: str, *files: tuple[str, bytes]):
    return c.post(
        url,
        {"bestanden": [SimpleUploadedFile(n, d, content_type="application/xml") for n, d in files]},
        follow=True,
    )


def test_upload_gives_the_report_and_lands_in_the_history(xsd):
    c = login("data-analist")
    response = upload(
        c, "/berichten/", ("start.xml", example("JW305")), ("fout.xml", BAD["unknown code"][0])
    )
    html = response.content.decode()
    run = m.ImportRun.objects.get()
    assert response.redirect_chain[-1][0] == f"/berichten/import/{run.pk}/"
    assert run.gebruiker is not None
    assert (run.bron, run.gebruiker.username, run.geaccepteerd, run.afgekeurd) == (
        "web",
        "data-analist",
        1,
        1,
    )
    assert "code komt niet voor in codelijst JZ588" in html
    assert "Client/StopProducten/StopProduct/RedenBeeindiging" in html
    assert "JW305 Start Jeugdhulp" in html  # the type with its Dutch name
    # The file as the user named it, never the server's temporary path.
    assert "fout.xml" in html
    assert "jeugdsturing-upload-" not in html
    assert "/tmp/" not in html  # noqa: S108 (what must not show)
    assert f'href="/berichten/import/{run.pk}/"' in c.get("/berichten/").content.decode()
    # Sorting and paging by hand-edited parameters never gives an error page.
    for q in ("sorteer=-line", "sorteer=value", "sorteer=%3C", "pagina=9", "type=JW999"):
        assert c.get(f"/berichten/import/{run.pk}/?{q}").status_code == 200, q


def test_quarantine_shows_reasons_gives_the_original_and_takes_a_corrected_file(xsd):
    c = login("data-analist")
    bad = BAD["invalid date"][0]
    upload(c, "/berichten/", ("fout.xml", bad))
    q = m.Quarantaine.objects.get()
    assert "fout.xml" in c.get("/berichten/quarantaine/").content.decode()
    detail = c.get(f"/berichten/quarantaine/{q.pk}/").content.decode()
    assert "2027-06-31" in detail
    assert "geen geldige datum" in detail
    download = c.get(f"/berichten/quarantaine/{q.pk}/bestand/")
    assert download.content == bad
    assert download["Cache-Control"] == "no-store"
    fixed = bad.replace(b"2027-06-31", b"2026-04-03")
    upload(c, f"/berichten/quarantaine/{q.pk}/", ("verbeterd.xml", fixed))
    q.refresh_from_db()
    assert q.opgelost_door is not None
    assert q.opgelost_door.berichttype == "JW305"
    assert "De quarantaine is leeg." in c.get("/berichten/quarantaine/").content.decode()


@pytest.mark.parametrize(
    "rol",
    [
        "regiobeheerder",
        "contractmanager",
        "beleid",
        "financien",
        "aanbieder",
        "gemeente",
        "raad",
        "beoordelaar",
    ],
)
def test_only_the_data_analist_sees_imports_and_quarantine(xsd, rol):
    upload(login("data-analist"), "/berichten/", ("fout.xml", BAD["unknown code"][0]))
    q = m.Quarantaine.objects.get()
    c = login(rol)
    for url in (
        "/berichten/",
        "/berichten/quarantaine/",
        f"/berichten/quarantaine/{q.pk}/",
        f"/berichten/quarantaine/{q.pk}/bestand/",
    ):
        assert c.get(url).status_code == 403, url


def test_only_xml_and_zip_are_taken():
    response = upload(login("data-analist"), "/berichten/", ("notities.txt", b"hallo"))
    assert "alleen .xml- of .zip-bestanden" in response.content.decode()
    assert m.ImportRun.objects.count() == 0


def test_an_upload_waits_in_the_queue_and_the_worker_imports_it(xsd, settings, monkeypatch):
    """With the database backend (the default outside tests) the request only queues the
    import: its page says so and refreshes itself; `db_worker` carries the imports out
    one after the other (two uploads at once queue, they do not collide), the run's page
    then shows the result, and the uploaded files are gone."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    c = login("data-analist")
    zorg = example("JW305")
    ander = example("JW301")
    for naam, data in (("start.xml", zorg), ("toewijzing.xml", ander)):
        response = c.post(
            "/berichten/",
            {"bestanden": [SimpleUploadedFile(naam, data, content_type="application/xml")]},
        )
        assert response.status_code == 302
    runs = list(m.ImportRun.objects.order_by("pk"))
    assert [r.status for r in runs] == ["wachtrij", "wachtrij"]
    assert m.Bericht.objects.count() == 0
    pagina = c.get(f"/berichten/import/{runs[0].pk}/").content.decode()
    assert "staat in de wachtrij" in pagina
    assert 'http-equiv="refresh"' in pagina
    assert len(list(settings.UPLOAD_DIR.iterdir())) == 2

    # The worker closes stale connections between tasks; inside this test's transaction
    # Django counts the connection as stale (autocommit is off) and PostgreSQL's would be
    # closed under the test. Here the worker shares the test's connection instead.
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    for run in runs:
        run.refresh_from_db()
        assert (run.status, run.geaccepteerd, run.verwerkt, run.totaal) == ("voltooid", 1, 1, 1)
        assert run.statuswijzigingen.count() == 3  # queued, started, completed
    assert m.Bericht.objects.count() == 2
    pagina = c.get(f"/berichten/import/{runs[1].pk}/").content.decode()
    assert 'http-equiv="refresh"' not in pagina
    assert "JW301 Toewijzing Jeugdhulp" in pagina
    assert list(settings.UPLOAD_DIR.iterdir()) == []
