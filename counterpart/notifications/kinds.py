"""What a person can be told, and how by default. A notification keeps its kind and its
values; its words are made in the language of the one who reads it."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    label: str
    message: str  # with %(name)s placeholders filled from the notification's values
    default: str  # "now", "daily" or "off"
    # Many of a kind at once (a file's rows): one notification, with %(count)s and %(file)s
    many: str = ""
    many_link: str = ""  # the page that lists them all (a URL name)


KINDS = {
    "review_waiting": Kind(
        _("A submission waits for your approval"),
        _("%(record)s waits for your approval."),
        "now",
        many=_("%(count)s submissions from the file %(file)s wait for your approval."),
        many_link="reporting:reviews",
    ),
    "review_returned": Kind(
        _("Something you submitted was returned"),
        _("%(record)s was returned to you: %(comment)s"),
        "now",
    ),
    "review_approved": Kind(
        _("Something you submitted was approved"), _("%(record)s is approved."), "daily"
    ),
    "receipt_waiting": Kind(
        _("A disbursement to confirm"),
        _("%(amount)s from %(donor)s, dated %(date)s: confirm that it arrived."),
        "now",
        many=_("%(count)s disbursements from the file %(file)s: confirm that they arrived."),
        many_link="funding:list",
    ),
    "extension_requested": Kind(
        _("An extension to decide"),
        _("%(professional)s asks to serve at %(post)s until %(date)s."),
        "now",
    ),
    "period_due": Kind(
        _("A reporting period is due"),
        _("%(period)s: %(count)s indicators have no actuals; entry closes on %(date)s."),
        "daily",
    ),
    "commitment_idle": Kind(
        _("A commitment with no disbursement"),
        _("%(record)s was committed on %(date)s and nothing has been disbursed since."),
        "daily",
    ),
    "no_update": Kind(
        _("A project with no update this quarter"),
        _("%(record)s has had no update, figure or ledger entry this quarter."),
        "daily",
    ),
}
