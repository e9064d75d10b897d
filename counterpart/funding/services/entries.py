"""What a caller asks the ledger to record, and whose money it counts as."""

import datetime
from dataclasses import dataclass

from counterpart.pairings.models import Pairing
from counterpart.places.models import Organization, Region
from counterpart.projects.models import Project, Sector


@dataclass
class Entry:
    """What a caller asks the ledger to record."""

    kind: str
    pairing: Pairing
    amount_minor: int
    currency: str
    value_date: datetime.date
    project: Project | None = None
    provider: Organization | None = None  # the pairing's donor when not given
    receiver: Organization | None = None
    region: Region | None = None  # the project's or the pairing's place when not given
    sector: str | Sector | None = None  # DAC code; None follows the project's sectors
    description: str = ""
    reason: str = ""
    reference: str = ""  # the provider's own number: recorded once per provider

    @property
    def provider_id(self) -> int:
        return self.provider.pk if self.provider else self.pairing.donor_id
