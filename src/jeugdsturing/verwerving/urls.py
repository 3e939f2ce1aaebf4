from __future__ import annotations

from django.urls import path

from jeugdsturing.verwerving import views

app_name = "verwerving"

urlpatterns = [
    path("<str:referentie>/", views.aanbesteding, name="aanbesteding"),
    path("<str:referentie>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("<str:referentie>/ocds.json", views.ocds_export, name="ocds"),
]
