"""`counterpart match`: the round from the command line, with its figures, then published."""

import io

import pytest
from django.core.management import CommandError, call_command

from counterpart.talent import services
from counterpart.talent.models import MatchRun, Placement
from tests import factories as f


def test_the_command_runs_prints_the_figures_and_publishes(world, talent):
    services.preferences_set(actor=f.system(), professional=talent.yu, posts=[talent.paediatrics])
    services.preferences_set(actor=f.system(), professional=talent.li, posts=[talent.paediatrics])
    out = io.StringIO()
    call_command("match", "--as-of", "2030-01-01", stdout=out)
    run = MatchRun.objects.get()
    assert run.statistics["placed"] == 1 and not Placement.objects.exists()
    call_command("match", "--publish", "--run", str(run.pk), stdout=out)
    assert Placement.objects.get().professional == talent.yu
    with pytest.raises(CommandError, match="already"):
        call_command("match", "--publish", "--run", str(run.pk), stdout=out)
    with pytest.raises(CommandError, match="--run: no match run 999"):
        call_command("match", "--publish", "--run", "999", stdout=out)
