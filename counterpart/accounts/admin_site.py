from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from counterpart.accounts import permissions


class OfficeAdminSite(admin.AdminSite):
    """The admin as an inspection tool for programme-office superusers. It has no sign-in of its
    own: its login sends to the application's, which is throttled."""

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(user.is_active and user.is_superuser and permissions.is_programme_office(user))

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:  # signed in, but not the office: nothing to try
            raise PermissionDenied
        wanted = request.GET.get("next") or reverse("admin:index")
        return redirect_to_login(wanted, reverse("accounts:login"))
