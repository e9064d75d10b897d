"""The demo's open data: every donor of a pairing gets an IATI organisation identifier, so that
its published projects appear in the IATI files (where each recipient place's government, made
with the place, is the pairing's other side: accountable, receiving the money); the office
spreads a project's total budget over its years (most demo projects have a total only); and
the open data page's files are generated.
The identifiers are illustrative: well-formed credit codes (their check digit is right) made up
from the donor's administrative code, not the organizations' real ones."""

from counterpart.interchange import services as interchange
from counterpart.pairings import selectors as pairings
from counterpart.places import services as place_services
from counterpart.places.org_ids import usci_check_digit

ILLUSTRATIVE = "illustrative (a made-up credit code, not the organization's own)"


def demo_usci(region_code: str, serial: int) -> str:
    """'11' (a government body), the place's six-digit code, 'DM' and a serial: 17 characters,
    then the check digit."""
    body = f"11{region_code[:6]:0<6}DM{serial:07d}"
    return f"{body}{usci_check_digit(body)}"


def load_open_data(loader) -> None:
    actor = loader.actor
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
