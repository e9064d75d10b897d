"""New placements join their posts' chains of terms (shared by hand placement and publishing)."""

import datetime

from counterpart.talent.models import Placement


def save_in_chains(placements: list[Placement]) -> list[Placement]:
    """Save new placements in the order of their start. Each takes over a place that has come
    free: from its post's earliest-ending placement that ended before it begins and that no one
    takes over from yet. (A colleague who serves beside it holds another place and is no
    predecessor.) A day's placements are saved before the next day's choose, so a predecessor is
    always a saved row."""
    saved: list[Placement] = []
    by_day: dict[datetime.date, list[Placement]] = {}
    for placement in placements:
        by_day.setdefault(placement.start_date, []).append(placement)
    for day in sorted(by_day):
        group = sorted(by_day[day], key=lambda p: p.post_id)
        taken: set[int] = set()
        for placement in group:
            chosen = (
                Placement.objects.filter(
                    post_id=placement.post_id, withdrawn=False, end_date__lt=day
                )
                .filter(successor__isnull=True)
                .exclude(pk__in=taken)
                .order_by("end_date", "id")
                .first()
            )
            if chosen is not None:
                taken.add(chosen.pk)
                placement.predecessor = chosen
        saved.extend(Placement.objects.bulk_create(group))
    return saved
