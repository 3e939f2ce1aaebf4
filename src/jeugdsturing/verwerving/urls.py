from __future__ import annotations

from django.urls import path

from jeugdsturing.verwerving import views

app_name = "verwerving"

urlpatterns = [
    path("<str:referentie>/", views.aanbesteding, name="aanbesteding"),
    path("<str:referentie>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("<str:referentie>/actie/", views.actie, name="actie"),
    path("<str:referentie>/vraag/", views.vraag, name="vraag"),
    path("<str:referentie>/toetsing/", views.toetsing, name="toetsing"),
    path("<str:referentie>/ocds.json", views.ocds_export, name="ocds"),
    path("<str:referentie>/brief/<int:nummer>.pdf", views.brief, name="brief"),
    path("<str:referentie>/nota/<int:nummer>.pdf", views.nota, name="nota"),
    path("<str:referentie>/proces-verbaal.pdf", views.proces_verbaal, name="proces_verbaal"),
]
