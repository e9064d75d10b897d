"""New placements join their posts' chains of terms (shared by hand placement and publishing)."""

import datetime
import heapq

from counterpart.core.bulk import insert_rows
from counterpart.talent.models import Placement


def save_in_chains(placements: list[Placement]) -> list[Placement]:
    """Save new placements in the order of their start. Each takes over a place that has come
    free: from its post's earliest-ending placement that ended before it begins and that no one
    takes over from yet. (A colleague who serves beside it holds another place and is no
    predecessor.) The chains are worked out in memory from one read of the posts' open ends; a
    day's placements are saved before the next day's choose, so a predecessor is a saved row."""
    posts = {placement.post_id for placement in placements}
    free_ends: dict[int, list[tuple[datetime.date, int]]] = {post: [] for post in posts}
    for pk, post, end in Placement.objects.filter(
        post_id__in=posts, withdrawn=False, successor__isnull=True
    ).values_list("pk", "post_id", "end_date"):
        free_ends[post].append((end, pk))
    for ends in free_ends.values():
        heapq.heapify(ends)
    by_day: dict[datetime.date, list[Placement]] = {}
    for placement in placements:
        by_day.setdefault(placement.start_date, []).append(placement)
    saved: list[Placement] = []
    for day in sorted(by_day):
        group = sorted(by_day[day], key=lambda p: p.post_id)
        for placement in group:
            ends = free_ends[placement.post_id]
            if ends and ends[0][0] < day:
                placement.predecessor_id = heapq.heappop(ends)[1]
        insert_rows(Placement, group)
        for placement in group:
            heapq.heappush(free_ends[placement.post_id], (placement.end_date, placement.pk))
        saved.extend(group)
    return saved
