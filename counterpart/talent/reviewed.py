"""Posts go through review before professionals see them: registered with reporting when the
app is ready."""

from django.urls import reverse

from counterpart.accounts import permissions
from counterpart.core.said import said
from counterpart.pairings import selectors as pairings
from counterpart.reporting.registry import Scope, register
from counterpart.talent.models import Post
from counterpart.talent.phrases import POST


def _scope(post: Post) -> Scope:
    """The current round; the donor assisting the post's place (if one does)."""
    region = post.institution.region
    round_ = pairings.round_current(actor=None)
    pairing = pairings.pairing_assisting(region=region, round=round_)
    return Scope(
        round=round_,
        donor=pairing.donor if pairing is not None else None,
        region=region,
        title=said(POST, post=post, institution=post.institution),
        link=reverse("talent:post", args=[post.pk]),
    )


def _may_manage(actor, post: Post) -> bool:
    return permissions.can_manage_post(actor, post.institution)


def register_reviewed() -> None:
    register(Post, scope=_scope, may_edit=_may_manage)
