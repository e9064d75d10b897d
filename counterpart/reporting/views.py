"""Review pages: what waits for the visitor, one record's review (its chain, history and the
actions open to the visitor), and a round's reporting rules, periods and reopenings."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from counterpart.accounts import permissions
from counterpart.core.forms import show_service_errors
from counterpart.core.lookups import chosen
from counterpart.core.pagination import page_of
from counterpart.core.said import words_of_all
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.reporting import selectors, services
from counterpart.reporting.choices import ReviewStatus
from counterpart.reporting.forms import CommentForm, FreezeExceptionForm, ReopenForm, RulesForm
from counterpart.reporting.registry import reviewed

SHOWS = {
    "waiting": gettext_lazy("Waiting for me"),
    "returned": gettext_lazy("Returned to me"),
    "all": gettext_lazy("All I can see"),
}


@login_required
def review_list_view(request):
    """The reviews one may see, in tabs; what waits for the visitor is approved or returned
    here many at once: the rows ticked, or every row the filters show."""
    actor = request.user
    show = request.GET.get("show", "waiting")
    show = show if show in SHOWS else "waiting"
    rounds = pairings.round_list(actor=actor)
    round_ = chosen(rounds, request.GET.get("round"))
    status = request.GET.get("status", "")
    if show == "waiting":
        reviews = selectors.waiting_for(actor)
    elif show == "returned":
        reviews = selectors.returned_to(actor)
    else:
        reviews = selectors.review_list(actor, status=status)
    if round_ is not None:
        reviews = reviews.filter(round=round_)
    reviews = reviews.select_related("round", "submitted_by", "content_type")
    form = CommentForm(request.POST or None)
    if request.method == "POST" and show == "waiting" and form.is_valid():
        chosen_reviews = list(
            reviews
            if request.POST.get("everything")
            else reviews.filter(
                pk__in=[pk for pk in request.POST.getlist("review") if pk.isdigit()]
            )
        )
        try:
            count = services.reviews_decide(
                actor=actor,
                reviews=chosen_reviews,
                action=request.POST.get("action", ""),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            show_service_errors(form, _renamed(error))
        else:
            messages.success(
                request,
                ngettext("%(count)s record decided.", "%(count)s records decided.", count)
                % {"count": count},
            )
            return redirect(request.get_full_path())
    page = page_of(request, reviews)
    return render(
        request,
        "reporting/review_list.html",
        {
            "page": page,
            "rows": list(
                zip(page.object_list, words_of_all(r.about for r in page.object_list), strict=True)
            ),
            "shows": SHOWS,
            "show": show,
            "rounds": rounds,
            "round": round_,
            "statuses": ReviewStatus.choices,
            "status": status,
            "form": form,
            "deciding": show == "waiting" and page.paginator.count > 0,
        },
    )


ACTIONS = {
    "submit": services.review_submit,
    "approve": services.review_approve,
    "return": services.review_return,
    "reopen": services.review_reopen,
}


@login_required
def review_view(request, pk: int):
    actor = request.user
    review = selectors.review_get(actor, pk)
    form = CommentForm(request.POST or None)
    action = request.POST.get("action")
    if request.method == "POST" and action in ACTIONS and form.is_valid():
        comment = form.cleaned_data["comment"]
        text = {"reason": comment} if action == "reopen" else {"comment": comment}
        try:
            ACTIONS[action](actor=actor, review=review, **text)
        except ValidationError as error:
            show_service_errors(form, _renamed(error))
        else:
            messages.success(request, _("Done."))
            return redirect("reporting:review", pk=review.pk)
    chain = selectors.chain_of(review.round)
    record = review.record
    may_edit = record is not None and reviewed(record).may_edit(actor, record)
    return render(
        request,
        "reporting/review.html",
        {
            "review": review,
            "chain": [(n, level, n <= review.level) for n, level in enumerate(chain, start=1)],
            "steps": review.steps.select_related("actor"),
            "form": form,
            "can": {
                "submit": may_edit and review.status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED),
                "approve": selectors.may_approve(actor, review)
                and review.submitted_by_id != actor.pk,
                "return": selectors.may_approve(actor, review),
                "reopen": may_edit
                and review.status == ReviewStatus.APPROVED
                and reviewed(record).reopenable,
            },
        },
    )


def _renamed(error: ValidationError) -> ValidationError:
    """The service names `reason` or `status`; on these pages both are about the comment. What
    concerns the whole choice stays with the form."""
    if hasattr(error, "error_dict"):
        if "__all__" in error.error_dict:
            return ValidationError(error.error_dict["__all__"])
        return ValidationError({"comment": error.messages})
    return error


@login_required
def round_rules_view(request, pk: int):
    actor = request.user
    permissions.require(permissions.reads_everything(actor))
    round_ = pairings.round_get(actor=actor, pk=pk)
    rules = selectors.rules_of(round_)
    chain = selectors.chain_of(round_)
    may_change = permissions.can_manage_programme(actor)
    periods = selectors.periods_of(round_)
    action = request.POST.get("action") if may_change else None
    rules_form = RulesForm(
        request.POST if action == "rules" else None,
        initial={
            "review_mode": rules.review_mode,
            "period_length": rules.period_length,
            "closes_after_days": rules.closes_after_days,
            "freeze_before": rules.freeze_before,
            "version": rules.version if rules.pk else None,
            **{f"role_{n}": level.role for n, level in enumerate(chain, start=1)},
            **{f"region_level_{n}": level.region_level for n, level in enumerate(chain, start=1)},
        },
    )
    reopen_form = ReopenForm(
        request.POST if action == "reopen" else None,
        periods=periods,
        organizations=places.organization_list(actor=actor).order_by("name_en"),
        regions=places.region_list(actor=actor).order_by("path"),
    )
    donors = places.organization_list(actor=actor).filter(
        pk__in=pairings.pairing_list(actor=actor, round=round_).values("donor")
    )
    freeze_form = FreezeExceptionForm(
        request.POST if action == "freeze" else None, donors=donors.order_by("name_en")
    )
    forms = {"rules": rules_form, "reopen": reopen_form, "freeze": freeze_form}
    if action in forms and forms[action].is_valid():
        try:
            _change(actor, round_, action, forms[action])
        except ValidationError as error:
            show_service_errors(forms[action], error)
        else:
            messages.success(request, _("Saved."))
            return redirect("reporting:rules", pk=round_.pk)
    today = timezone.localdate()
    return render(
        request,
        "reporting/rules.html",
        {
            "round": round_,
            "rules": rules,
            "chain": chain,
            "may_change": may_change,
            "forms": forms,
            "periods": [(p, p.closes_on(rules.closes_after_days)) for p in reversed(periods)],
            "today": today,
            "reopenings": page_of(request, selectors.reopenings_of(round_), param="reopened"),
            "exceptions": page_of(
                request,
                selectors.freeze_exceptions_of(round_),
                param="excepted",
            ),
        },
    )


def _change(actor, round_, action: str, form) -> None:
    data = form.cleaned_data
    if action == "rules":
        services.reporting_rules_set(
            actor=actor,
            round=round_,
            expected_version=data["version"],
            review_mode=data["review_mode"],
            period_length=data["period_length"],
            closes_after_days=data["closes_after_days"],
            freeze_before=data["freeze_before"],
            levels=form.levels(),
        )
    elif action == "reopen":
        services.period_reopen(
            actor=actor,
            round=round_,
            period_start=datetime.date.fromisoformat(data["period"]),
            organization=data["organization"],
            region=data["region"],
            until=data["until"],
            reason=data["reason"],
        )
    else:
        services.freeze_exception_grant(
            actor=actor,
            round=round_,
            donor=data["donor"],
            until=data["until"],
            reason=data["reason"],
        )
