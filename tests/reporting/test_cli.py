"""`counterpart reporting`: the office's rules, reviews and reopenings from the shell."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from counterpart.reporting import selectors
from tests import factories as f


def test_rules_reviews_and_approval_from_the_shell(world, capsys):
    with pytest.raises(CommandError, match="Between 0"):
        call_command("reporting", "rules", "2010", "--close-after", "400")
    call_command(
        "reporting",
        "rules",
        "2010",
        "--review",
        "new",
        "--level",
        "donor_team",
        "--level",
        "programme_office",
    )
    assert "Programme office" in capsys.readouterr().out
    entry = f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230")
    review = selectors.review_of(entry)
    with pytest.raises(CommandError):  # the office waits for the donor's level
        call_command("reporting", "approve", str(review.pk))
    call_command("reporting", "reviews", "--status", "submitted")
    assert "1 reviews" in capsys.readouterr().out
    with pytest.raises(CommandError, match="no review"):
        call_command("reporting", "approve", "999999")


def test_reopen_from_the_shell(world, capsys):
    call_command("reporting", "rules", "2010", "--close-after", "10")
    until = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    call_command(
        "reporting",
        "reopen",
        "2010",
        "--period",
        "2021-02-01",
        "--until",
        until,
        "--reason",
        "late survey",
        "--organization",
        world.beijing.code,
    )
    assert "2021-01-01" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--region"):
        call_command(
            "reporting",
            "reopen",
            "2010",
            "--period",
            "2021-02-01",
            "--until",
            until,
            "--reason",
            "x",
            "--region",
            "nowhere",
        )
