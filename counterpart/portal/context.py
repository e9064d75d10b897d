from django.utils.functional import SimpleLazyObject

from counterpart.accounts import permissions
from counterpart.audit import selectors as audit
from counterpart.notifications import selectors as notifications
from counterpart.portal.inbox import inbox_count
from counterpart.portal.navigation import navigation


def roles(request):
    """What every page's header needs to know about the signed-in user (the menus are
    `portal.navigation`'s)."""
    user = request.user
    return {
        "can_manage_programme": permissions.can_manage_programme(user),
        "user_memberships": permissions.memberships(user),
        "demo_data": audit.demo_data_present(),
        "menus": SimpleLazyObject(lambda: navigation(user, request.path)),
        # Counted only where a page shows it (the navigation, for the signed-in).
        "inbox_count": SimpleLazyObject(lambda: inbox_count(user)),
        "unread_count": SimpleLazyObject(
            lambda: notifications.notification_list(actor=user, unread=True).count()
        ),
    }
