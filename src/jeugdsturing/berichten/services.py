"""Applying an accepted message: one transaction per message, then the trajectories
it touches are recomputed from their facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.db.models import Q

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten.feiten import Inhoud, Product
from jeugdsturing.berichten.trajecten import (
    StartStand,
    StopStand,
    ToewijzingStand,
    Versie,
    traject_stand,
)
from jeugdsturing.berichten.validatie import Header

GebiedVoor = Callable[[str, str | None], str]  # (gemeente, postcode) -> gebied code or ""
ACCEPTATIE = "0200"  # WJ001: no remark on this class


def sleutel_toewijzing(gemeente: str, nummer: str) -> str:
    return f"T|{gemeente}|{nummer}"


def sleutel_taakgericht(
    gemeente: str, aanbieder: str, client: str, product: Product | None, begindatum: date
) -> str:
    cat, code = (product.categorie, product.code) if product else ("", "")
    return f"K|{gemeente}|{aanbieder}|{client}|{cat}|{code}|{begindatum.isoformat()}"


def bericht_verwerk(
    *,
    run: m.ImportRun,
    header: Header,
    inhoud: Inhoud,
    sha256: str,
    bestand: str,
    gebied_voor: GebiedVoor,
) -> m.Bericht:
    """Store one accepted message and its facts, atomically. Raises IntegrityError
    when the message was stored meanwhile (a duplicate)."""
    with transaction.atomic():
        bericht = m.Bericht.objects.create(
            berichttype=header.berichttype.code,
            identificatie=header.identificatie,
            dagtekening=header.dagtekening,
            afzender=header.afzender,
            ontvanger=header.ontvanger,
            gemeente=header.gemeente,
            aanbieder=header.aanbieder,
            referentie=header.referentie or "",
            sha256=sha256,
            bestand=bestand[-300:],
            regels=inhoud.regels,
            import_run=run,
        )
        sleutels = _feiten_opslaan(bericht, header, inhoud, gebied_voor)
        for sleutel in sorted(sleutels):
            traject_herbereken(sleutel=sleutel, gebied_voor=gebied_voor)
    return bericht


def _feiten_opslaan(
    bericht: m.Bericht, header: Header, inhoud: Inhoud, gebied_voor: GebiedVoor
) -> set[str]:
    gemeente, aanbieder, dag = header.gemeente, header.aanbieder, header.dagtekening
    basis = {"gemeente": gemeente, "aanbieder": aanbieder, "bericht": bericht, "dagtekening": dag}
    sleutels: set[str] = set()
    client = inhoud.client

    if inhoud.toewijzingen and client is not None:
        _client_gebied(gemeente, client.pseudoniem, gebied_voor(gemeente, client.postcode), dag)
        for t in inhoud.toewijzingen:
            verwijderd = t.reden_wijziging == "13"
            values = {
                "aanbieder": aanbieder,
                "bericht": bericht,
                "dagtekening": dag,
                "client": client.pseudoniem,
                "geboortejaar": client.geboortejaar,
                "categorie": t.product.categorie if t.product else "",
                "productcode": t.product.code if t.product else "",
                "toewijzingsdatum": t.toewijzingsdatum,
                "ingangsdatum": t.ingangsdatum,
                "einddatum": t.einddatum,
                "reden_wijziging": t.reden_wijziging or "",
                "volume": t.omvang.volume if t.omvang else None,
                "eenheid": t.omvang.eenheid if t.omvang else "",
                "frequentie": t.omvang.frequentie if t.omvang else "",
                "budget": t.budget,
                "referentie_aanbieder": t.referentie_aanbieder or "",
                "verwijderd": verwijderd,
            }
            current = (
                m.Toewijzing.objects.select_for_update()
                .filter(gemeente=gemeente, nummer=t.nummer)
                .first()
            )
            if current is None:
                m.Toewijzing.objects.create(gemeente=gemeente, nummer=t.nummer, **values)
            elif (dag, bericht.pk) >= (current.dagtekening, current.bericht_id):
                # Only a newer message changes the current state; an older one that
                # arrives late is kept as a version.
                for k, v in values.items():
                    setattr(current, k, v)
                current.save()
            m.ToewijzingVersie.objects.create(
                **basis,
                nummer=t.nummer,
                ingangsdatum=t.ingangsdatum,
                einddatum=t.einddatum,
                reden_wijziging=t.reden_wijziging or "",
                volume=t.omvang.volume if t.omvang else None,
                eenheid=t.omvang.eenheid if t.omvang else "",
                frequentie=t.omvang.frequentie if t.omvang else "",
            )
            sleutels.add(sleutel_toewijzing(gemeente, t.nummer))

    for model, regels in ((m.StartRegel, inhoud.starts), (m.StopRegel, inhoud.stops)):
        for r in regels:
            assert client is not None  # noqa: S101  (JW305/JW307 always have a client)
            key = {
                "gemeente": gemeente,
                "aanbieder": aanbieder,
                "client": client.pseudoniem,
                "toewijzingnummer": r.toewijzingnummer or "",
                "categorie": r.product.categorie if r.product else "",
                "productcode": r.product.code if r.product else "",
                "begindatum": r.begindatum,
            }
            existing = model.objects.select_for_update().filter(**key).first()
            if r.status == "3":
                if existing is not None:
                    existing.delete()
            else:
                velden: dict[str, object] = {
                    "bericht": bericht,
                    "dagtekening": dag,
                    "toewijzing_ingangsdatum": r.toewijzing_ingangsdatum,
                }
                if model is m.StopRegel:
                    velden |= {"einddatum": r.einddatum, "reden": r.reden}  # type: ignore[union-attr]
                if existing is None:
                    model.objects.create(**key, **velden)
                elif (dag, bericht.pk) >= (existing.dagtekening, existing.bericht_id):
                    for k, v in velden.items():
                        setattr(existing, k, v)
                    existing.save()
            if r.toewijzingnummer:
                sleutels.add(sleutel_toewijzing(gemeente, r.toewijzingnummer))
            else:
                sleutels.add(
                    sleutel_taakgericht(
                        gemeente, aanbieder, client.pseudoniem, r.product, r.begindatum
                    )
                )

    for v in inhoud.verzoeken:
        assert client is not None  # noqa: S101
        m.Verzoek.objects.update_or_create(
            gemeente=gemeente,
            aanbieder=aanbieder,
            referentie=v.referentie,
            defaults={
                "bericht": bericht,
                "dagtekening": dag,
                "client": client.pseudoniem,
                "categorie": v.product.categorie if v.product else "",
                "productcode": v.product.code if v.product else "",
                "toewijzing_ingangsdatum": v.toewijzing_ingangsdatum,
                "toewijzing_einddatum": v.toewijzing_einddatum,
                "verwijzer_type": v.verwijzer_type,
            },
        )
        # A request that arrives after its assignment still completes the trajectory.
        for nummer in m.Toewijzing.objects.filter(
            gemeente=gemeente, aanbieder=aanbieder, referentie_aanbieder=v.referentie
        ).values_list("nummer", flat=True):
            sleutels.add(sleutel_toewijzing(gemeente, nummer))

    if inhoud.wijzigingsverzoek is not None and client is not None:
        w = inhoud.wijzigingsverzoek
        m.Wijzigingsverzoek.objects.bulk_create(
            [
                m.Wijzigingsverzoek(
                    **basis,
                    client=client.pseudoniem,
                    referentie=w.referentie,
                    reden=w.reden,
                    soort=r.soort,
                    toewijzingnummer=r.toewijzingnummer or "",
                    categorie=r.product.categorie if r.product else "",
                    productcode=r.product.code if r.product else "",
                    gewenste_ingangsdatum=r.gewenste_ingangsdatum,
                    einddatum=r.einddatum,
                )
                for r in w.regels
            ]
        )

    if inhoud.antwoord is not None:
        a = inhoud.antwoord
        m.Antwoord.objects.create(
            **basis,
            referentie=a.referentie,
            antwoord=a.antwoord,
            reden_afwijzing=a.reden_afwijzing or "",
        )

    if header.berichttype.code == "JW323" and inhoud.declaratie is not None:
        nummer = inhoud.declaratie.nummer
        afwijzingen = dict(
            m.PrestatieAfwijzing.objects.filter(
                gemeente=gemeente,
                aanbieder=aanbieder,
                referentie__in=[p.referentie for _, p in inhoud.prestaties],
            ).values_list("referentie", "retourcodes")
        )
        m.Prestatie.objects.bulk_create(
            [
                m.Prestatie(
                    **basis,
                    client=c.pseudoniem,
                    declaratienummer=nummer,
                    referentie=p.referentie,
                    toewijzingnummer=p.toewijzingnummer,
                    categorie=p.product.categorie,
                    productcode=p.product.code,
                    begindatum=p.begindatum,
                    einddatum=p.einddatum,
                    volume=p.volume,
                    eenheid=p.eenheid,
                    tarief=p.tarief,
                    bedrag=p.bedrag,
                    afgewezen=p.referentie in afwijzingen,
                    retourcodes=afwijzingen.get(p.referentie, ""),
                )
                for c, p in inhoud.prestaties
            ]
        )

    if header.berichttype.code == "JW325" and inhoud.declaratie is not None:
        d = inhoud.declaratie
        m.DeclaratieAntwoord.objects.create(
            **basis,
            declaratie_identificatie=header.referentie or "",
            declaratienummer=d.nummer,
            totaal_ingediend=d.totaal_ingediend,
            totaal_toegekend=d.totaal_toegekend or 0,
        )
        for _, p in inhoud.prestaties:
            afgewezen = [c for c in p.retourcodes if c != ACCEPTATIE]
            if not afgewezen:
                continue
            codes = ",".join(afgewezen)
            m.PrestatieAfwijzing.objects.create(**basis, referentie=p.referentie, retourcodes=codes)
            m.Prestatie.objects.filter(
                gemeente=gemeente, aanbieder=aanbieder, referentie=p.referentie
            ).update(afgewezen=True, retourcodes=codes)

    if inhoud.retourcodes:
        m.Retourcode.objects.bulk_create(
            [
                m.Retourcode(bericht=bericht, element=r.element, code=r.code)
                for r in inhoud.retourcodes
            ]
        )
    return sleutels


def _client_gebied(gemeente: str, client: str, gebied: str, dag: date) -> None:
    current = m.ClientGebied.objects.filter(gemeente=gemeente, client=client).first()
    if current is None:
        m.ClientGebied.objects.create(
            gemeente=gemeente, client=client, gebied=gebied, peildatum=dag
        )
    elif dag >= current.peildatum and (gebied or not current.gebied):
        current.gebied, current.peildatum = gebied, dag
        current.save(update_fields=["gebied", "peildatum"])


def traject_herbereken(*, sleutel: str, gebied_voor: GebiedVoor) -> m.Traject | None:
    """Recompute one trajectory from all its facts (apply step of trajecten.traject_stand)."""
    soort, gemeente, *rest = sleutel.split("|")
    toewijzing = None
    versies: list[Versie] = []
    if soort == "T":
        (nummer,) = rest
        t = m.Toewijzing.objects.filter(gemeente=gemeente, nummer=nummer).first()
        if t is not None:
            toewijzing = ToewijzingStand(
                t.toewijzingsdatum, t.ingangsdatum, t.einddatum, t.verwijderd, t.categorie,
                t.productcode, t.aanbieder, t.client, t.geboortejaar, t.referentie_aanbieder,
            )  # fmt: skip
            versies = [
                Versie(v.dagtekening, v.bericht_id, v.einddatum, v.reden_wijziging)
                for v in m.ToewijzingVersie.objects.filter(gemeente=gemeente, nummer=nummer)
            ]
        filt = Q(gemeente=gemeente, toewijzingnummer=nummer)
    else:
        aanbieder, client, cat, code, begin = rest
        filt = Q(
            gemeente=gemeente, aanbieder=aanbieder, client=client, toewijzingnummer="",
            categorie=cat, productcode=code, begindatum=date.fromisoformat(begin),
        )  # fmt: skip
    starts = [
        StartStand(s.begindatum, s.dagtekening, s.aanbieder, s.client, s.categorie, s.productcode)
        for s in m.StartRegel.objects.filter(filt)
    ]
    stops = [
        StopStand(
            s.begindatum,
            s.einddatum,
            s.reden,
            s.dagtekening,
            s.aanbieder,
            s.client,
            s.categorie,
            s.productcode,
        )
        for s in m.StopRegel.objects.filter(filt)
    ]
    stand = traject_stand(toewijzing, versies, starts, stops)
    if stand is None:
        m.Traject.objects.filter(sleutel=sleutel).delete()
        return None
    gebied = (
        m.ClientGebied.objects.filter(gemeente=gemeente, client=stand.client)
        .values_list("gebied", flat=True)
        .first()
    ) or gebied_voor(gemeente, None)
    verzoek = None
    if toewijzing is not None and toewijzing.referentie_aanbieder:
        verzoek = m.Verzoek.objects.filter(
            gemeente=gemeente, aanbieder=stand.aanbieder, referentie=toewijzing.referentie_aanbieder
        ).first()
    traject, _ = m.Traject.objects.update_or_create(
        sleutel=sleutel,
        defaults={
            "gemeente": gemeente,
            "aanbieder": stand.aanbieder,
            "client": stand.client,
            "geboortejaar": stand.geboortejaar,
            "gebied": gebied,
            "taakgericht": soort == "K",
            "toewijzingnummer": rest[0] if soort == "T" else "",
            "categorie": stand.categorie,
            "productcode": stand.productcode,
            "verzoekdatum": verzoek.dagtekening if verzoek else None,
            "verwijzer_type": verzoek.verwijzer_type if verzoek else "",
            "toewijzingsdatum": stand.toewijzingsdatum,
            "toewijzing_ingangsdatum": stand.toewijzing_ingangsdatum,
            "toewijzing_einddatum": stand.toewijzing_einddatum,
            "begindatum": stand.begindatum,
            "einddatum": stand.einddatum,
            "reden_beeindiging": stand.reden_beeindiging,
            "start_gemeld_op": stand.start_gemeld_op,
            "stop_gemeld_op": stand.stop_gemeld_op,
            "verlengingen": stand.verlengingen,
            "status": stand.status,
        },
    )
    return traject
