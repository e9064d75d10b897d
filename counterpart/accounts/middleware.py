"""What every signed-in request passes: its browser's last sight is noted (so the account page
lists it), and where the settings require a second factor for a role, no page opens until the
session has given one."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from counterpart.accounts import permissions, services

# Pages that stay open to a session that still owes its second factor.
OPEN_WITHOUT_SECOND_FACTOR = ("accounts:two_factor", "accounts:logout", "set_language")


class SignedInRequests:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and request.session.session_key:
            services.session_seen(session_key=request.session.session_key)
            if permissions.needs_second_factor(user) and not user.is_verified():
                open_paths = [reverse(name) for name in OPEN_WITHOUT_SECOND_FACTOR]
                if request.path not in open_paths and not request.path.startswith(
                    (settings.STATIC_URL, "/" + settings.STATIC_URL)
                ):
                    return redirect("accounts:two_factor")
        return self.get_response(request)
