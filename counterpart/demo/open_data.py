"""The demo's open data: every donor of a pairing gets an IATI organisation identifier, so that
its published projects appear in the IATI files; every recipient place has its government, the
pairing's other side in them (accountable for the activity, receiving its money); the office
spreads a project's total budget over its years (most demo projects have a total only); and
the open data page's files are generated.
The identifiers are illustrative: well-formed credit codes (their check digit is right) made up
from the donor's administrative code, not the organizations' real ones."""

from counterpart.interchange import services as interchange
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.places import services as place_services
from counterpart.places.org_ids import usci_check_digit

ILLUSTRATIVE = "illustrative (a made-up credit code, not the organization's own)"
GOVERNMENT = "the place's government, named as such bodies are (public fact)"


def demo_usci(region_code: str, serial: int) -> str:
    """'11' (a government body), the place's six-digit code, 'DM' and a serial: 17 characters,
    then the check digit."""
    body = f"11{region_code[:6]:0<6}DM{serial:07d}"
    return f"{body}{usci_check_digit(body)}"


def government_names(region) -> tuple[str, str, str]:
    """(English, Chinese, Uyghur) names of a place's government: a prefecture's administrative
    office (地区行政公署), a corps division's own (师市合一), else a people's government."""
    if region.level == "division":
        return region.name_en, region.name_zh, region.name_ug
    if region.name_zh.endswith("地区"):
        return (
            f"{region.name_en} Administrative Office",
            f"{region.name_zh}行政公署",
            region.name_ug.replace("ۋىلايىتى", "ۋىلايەتلىك") + " مەمۇرىي مەھكىمە",
        )
    return (
        f"{region.name_en} People's Government",
        f"{region.name_zh}人民政府",
        f"{region.name_ug} خەلق ھۆكۈمىتى",
    )


def load_governments(actor, loader) -> None:
    governed = set(
        places.organization_list(actor=actor, kind="local_government").values_list(
            "region_id", flat=True
        )
    )
    recipients = {
        p.recipient_id: p.recipient
        for p in pairings.pairing_list(actor=actor).select_related("recipient")
    }
    for region in sorted(recipients.values(), key=lambda r: r.code):
        if region.pk in governed:
            continue
        name_en, name_zh, name_ug = government_names(region)
        government = place_services.organization_create(
            actor=actor,
            code=f"{region.code.lower()}-government",
            name_en=name_en,
            name_zh=name_zh,
            name_ug=name_ug,
            kind="local_government",
            region=region,
        )
        loader.mark(government, GOVERNMENT)


def load_open_data(loader) -> None:
    actor = loader.actor
    load_governments(actor, loader)
    donors = {
        p.donor_id: p.donor
        for p in pairings.pairing_list(actor=actor).select_related("donor__region")
    }
    for serial, donor in enumerate(sorted(donors.values(), key=lambda o: o.code), start=1):
        if donor.iati_ref:
            continue
        code = donor.region.code if donor.region.code.isdigit() else "000000"
        updated = place_services.organization_update(
            actor=actor,
            organization=donor,
            expected_version=donor.version,
            iati_ref=f"CN-USCI-{demo_usci(code, serial)}",
        )
        loader.mark(updated, ILLUSTRATIVE)
    interchange.open_data_settings_set(actor=actor, spread_budgets=True)
    interchange.open_data_publish(actor=actor)
