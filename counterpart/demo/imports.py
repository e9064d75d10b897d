"""The demo's imports: Beijing's team has brought in a small ledger file (its entries wait for
review like any), and another whose second row has a date that is no date, so that the import
pages have a file of each kind to show. Illustrative: the seeds say nothing of spreadsheets."""

import datetime

from django.utils import timezone

from counterpart.accounts import selectors as accounts
from counterpart.interchange import selectors, services

HEADER = "Reference,Type,Value date,Donor,Recipient place,Sector,金额（万元）,Description"


def _rows(today: datetime.date, second_date: str) -> str:
    first = (today - datetime.timedelta(days=12)).isoformat()
    return "\n".join(
        [
            HEADER,
            f"BJ-DEMO-0001,2,{first},beijing,653201,12230,120,Township clinics (illustrative)",
            f"BJ-DEMO-0002,2,{second_date},beijing,653201,11220,80,School desks (illustrative)",
        ]
    )


def load_imports(loader) -> None:
    team = accounts.user_by_username(actor=loader.actor, username="beijing")
    if selectors.import_file_list(actor=team).exists():
        return
    today = timezone.localdate()
    refused = services.import_receive(
        actor=team,
        kind="ledger",
        filename="beijing-ledger-draft.csv",
        data=_rows(today, "2024-02-30").encode(),
    )
    services.import_check(actor=team, upload=refused)
    good = services.import_receive(
        actor=team,
        kind="ledger",
        filename="beijing-ledger.csv",
        data=_rows(today, (today - datetime.timedelta(days=11)).isoformat()).encode(),
    )
    services.import_check(actor=team, upload=good)
    services.import_apply(actor=team, upload=good)
    loader.mark([refused, good], "illustrative (a made-up spreadsheet)")
