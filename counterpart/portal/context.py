from django.utils.functional import SimpleLazyObject

from counterpart.accounts import permissions
from counterpart.audit import selectors as audit
from counterpart.funding import selectors as funding
from counterpart.funding.scorecard import may_see_scorecard
from counterpart.interchange.kinds import kinds_for
from counterpart.notifications import selectors as notifications
from counterpart.portal.inbox import inbox_count
from counterpart.portal.navigation import navigation


def roles(request):
    """What the navigation needs to know about the signed-in user."""
    user = request.user
    return {
        "can_manage_programme": permissions.can_manage_programme(user),
        "can_read_audit": permissions.can_read_audit(user),
        "administers_people": permissions.administers_people(user),
        "can_see_ledger": funding.may_see_entries(user),
        "can_see_scorecard": may_see_scorecard(user),
        "can_import": SimpleLazyObject(lambda: bool(user.is_authenticated and kinds_for(user))),
        "user_memberships": permissions.memberships(user),
        "demo_data": audit.demo_data_present(),
        "menus": SimpleLazyObject(lambda: navigation(user, request.path)),
        # Counted only where a page shows it (the navigation, for the signed-in).
        "inbox_count": SimpleLazyObject(lambda: inbox_count(user)),
        "unread_count": SimpleLazyObject(
            lambda: notifications.notification_list(actor=user, unread=True).count()
        ),
    }
