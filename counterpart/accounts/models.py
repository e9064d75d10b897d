import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from counterpart.accounts.choices import Role
from counterpart.accounts.usernames import username_key


class User(AbstractUser):
    """Someone who signs in. What they may do comes from their memberships, not from flags."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    # The language of the e-mails and notifications the person gets.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )

    # The username as it reads (accounts/usernames.py): two that look alike are one name. Null
    # only for an account older than this rule whose name read as an older one's.
    username_key = models.CharField(  # noqa: DJ001
        _("username as it reads"), max_length=150, unique=True, null=True, editable=False
    )

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~Q(email=""), name="one_account_per_email"
            )
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    def clean(self):
        super().clean()
        self.username_key = username_key(self.username)
        others = User.objects.exclude(pk=self.pk)
        errors = {}
        if others.filter(username_key=self.username_key).exists():
            errors["username"] = _("This username, or one that reads the same, is taken.")
        if self.email and others.filter(email__iexact=self.email).exists():
            errors["email"] = _("An account with this e-mail address exists already.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, update_fields=None, **kwargs):
        self.username_key = username_key(self.username)
        if update_fields is not None and "username" in update_fields:
            update_fields = {*update_fields, "username_key"}
        super().save(*args, update_fields=update_fields, **kwargs)


class Membership(models.Model):
    """A user acts for an organization in a role."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "places.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role"], name="membership_unique"
            )
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organization}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the API. Only its hash is kept; the raw key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Made in a session that gave a second factor: only such a token works for an account
    # that must give one (it set one up, or its role requires one).
    second_factor = models.BooleanField(_("made with a second factor"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def new_key() -> str:
        return "cp_" + secrets.token_urlsafe(32)


class Invitation(models.Model):
    """A person asked by e-mail to join an organization in a role. The link in the e-mail holds
    a secret (only its hash is kept) that works once, until it expires."""

    email = models.EmailField(_("e-mail"))
    display_name = models.CharField(_("name"), max_length=150, blank=True)
    organization = models.ForeignKey(
        "places.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.role})"

    @property
    def pending(self) -> bool:
        return self.accepted_at is None and self.withdrawn_at is None


class UserSession(models.Model):
    """A signed-in browser, so that its person can see it and sign it out from elsewhere."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()
    address = models.CharField(_("address"), max_length=45, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("signed-in browser")
        verbose_name_plural = _("signed-in browsers")

    def __str__(self) -> str:
        return f"{self.user} · {self.started_at:%Y-%m-%d %H:%M}"


class SignInCount(models.Model):
    """Sign-in attempts counted against one person (and one person from one address): the
    throttle's counter, written only by accounts/throttle.py. The key is a hash: the names
    attackers try are not kept."""

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.BigIntegerField()  # seconds since 1970: numbers compare alike everywhere

    class Meta:
        verbose_name = _("sign-in count")
        verbose_name_plural = _("sign-in counts")

    def __str__(self) -> str:
        return f"{self.key[:12]} {self.count}"
