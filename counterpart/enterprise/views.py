"""Enterprise and markets: support to companies, the jobs they report, products sold in donor
markets, and their figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.core.pagination import page_of
from counterpart.core.tables import download
from counterpart.engine.money import parse_major
from counterpart.enterprise import selectors, services
from counterpart.enterprise.exports import REPORTS, SALES, SUPPORTS
from counterpart.enterprise.figures import enterprise_tables
from counterpart.enterprise.filters import SaleFilter, SupportFilter
from counterpart.enterprise.forms import EmploymentForm, SaleForm, SupportForm
from counterpart.funding import selectors as funding
from counterpart.pairings.selectors import pairings_run_by, pairings_worked_on
from counterpart.projects import selectors as projects
from counterpart.reporting.responses import after_saving


def enterprise_view(request):
    actor = request.user
    figures = selectors.enterprise_figures(actor=actor)
    tables = enterprise_tables(figures)
    csv = download(request, tables)
    if csv is not None:
        return csv
    share = round(100 * figures.formerly_poor / figures.employees, 1) if figures.employees else None
    context = {"figures": figures, "tables": tables, "share": share}
    if actor.is_authenticated:
        supports = selectors.support_list(actor=actor).order_by("-started_on", "-id")
        supports = listed(request, supports, SupportFilter, param="supports", prefix="s")
        reports = selectors.employment_report_list(actor=actor)
        sales = selectors.sale_list(actor=actor).order_by("-period_start", "-id")
        sales = listed(request, sales, SaleFilter, param="sales", prefix="p")
        if exports.wanted(request):
            chosen = request.GET.get("list")
            if chosen == "reports":
                return exports.export_response(request, reports, REPORTS, name="employment")
            if chosen == "sales":
                return exports.export_response(request, sales.rows, SALES, name="sales")
            return exports.export_response(request, supports.rows, SUPPORTS, name="supports")
        context["supports"] = supports
        context["reports"] = page_of(request, reports, param="reports")
        context["sales"] = sales
        context["can_support"] = pairings_run_by(actor=actor).exists()
        context["can_sell"] = pairings_worked_on(actor=actor).exists()
    return render(request, "enterprise/home.html", context)


@login_required
def support_create_view(request):
    actor = request.user
    pairings = pairings_run_by(actor=actor)
    permissions.require(pairings.exists())
    form = SupportForm(
        request.POST or None,
        pairings=pairings,
        companies=selectors.companies(actor=actor),
        projects=projects.project_list(actor=actor).filter(pairing__in=pairings),
    )
    if request.method == "POST" and form.is_valid():
        try:
            support = services.support_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Support recorded."))
            return redirect("enterprise:support", pk=support.pk)
    return render(request, "enterprise/form.html", {"form": form, "title": _("Record support")})


@login_required
def support_detail_view(request, pk: int):
    actor = request.user
    support = selectors.support_get(actor=actor, pk=pk)
    form = EmploymentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        wages = data.pop("wages")
        try:
            data["wages_paid_minor"] = parse_major(wages, "CNY") if wages else None
        except ValueError as error:
            form.add_error("wages", str(error))
        else:
            try:
                report = services.employment_report(actor=actor, support=support, **data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                return after_saving(
                    request,
                    report,
                    done=_("Employment reported."),
                    then="enterprise:support",
                    pk=support.pk,
                )
    return render(
        request,
        "enterprise/support.html",
        {
            "support": support,
            "reports": support.employment_reports.all(),
            "balance": funding.project_balance(actor=actor, project=support.project)
            if support.project
            else None,
            "form": form,
            "can_report": permissions.may_report_for(actor, support.pairing, support.company),
        },
    )


@login_required
def sale_create_view(request):
    actor = request.user
    pairings = pairings_worked_on(actor=actor)
    permissions.require(pairings.exists())
    form = SaleForm(
        request.POST or None,
        pairings=pairings,
        companies=selectors.companies(actor=actor),
        regions=selectors.donor_markets(actor=actor),
        currencies=funding.currency_list(actor=actor),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            data["value_minor"] = parse_major(data.pop("value"), data["currency"])
        except ValueError as error:
            form.add_error("value", str(error))
        else:
            try:
                sale = services.product_sale_record(actor=actor, **data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                return after_saving(request, sale, done=_("Sale recorded."), then="enterprise:home")
    return render(request, "enterprise/form.html", {"form": form, "title": _("Record a sale")})
