from django.shortcuts import render

from counterpart.pairings import selectors as pairings
from counterpart.places.models import RegionLevel

CHART_LEVELS = [RegionLevel.PREFECTURE, RegionLevel.COUNTY, RegionLevel.DIVISION]


def home_view(request):
    """The programme at a glance: the current round's donors and the places each assists."""
    actor = request.user
    current = pairings.round_current(actor=actor)
    summaries = pairings.donor_summaries(actor=actor, round=current) if current else []
    chart = {
        "labels": [s.donor.name for s in summaries],
        "datasets": [
            {
                "label": str(level.label),
                "key": level.value,
                "data": [s.count_by_level().get(level.value, 0) for s in summaries],
            }
            for level in CHART_LEVELS
        ],
    }
    return render(
        request,
        "portal/home.html",
        {
            "round": current,
            "summaries": summaries,
            "chart": chart,
            "recipient_count": sum(len(s.pairings) for s in summaries),
        },
    )
