from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.places import selectors, services
from counterpart.places.filters import OrganizationFilter, RegionFilter
from counterpart.places.forms import OrganizationOfficeForm, OrganizationProfileForm


def region_list_view(request):
    actor = request.user
    page = listed(request, selectors.region_list(actor=actor), RegionFilter)
    rows = [(region, min(selectors.region_depth(region), 6)) for region in page.object_list]
    return render(request, "places/region_list.html", {"rows": rows, "page": page})


def region_detail_view(request, pk: int):
    actor = request.user
    region = selectors.region_get(actor=actor, pk=pk)
    return render(
        request,
        "places/region_detail.html",
        {
            "region": region,
            "ancestors": selectors.region_ancestors(region),
            "children": selectors.region_list(actor=actor, parent=region),
            "organizations": selectors.organization_list(actor=actor).filter(region=region),
        },
    )


def organization_list_view(request):
    organizations = selectors.organization_list(actor=request.user).order_by("name_en")
    page = listed(request, organizations, OrganizationFilter)
    return render(request, "places/organization_list.html", {"page": page})


def organization_detail_view(request, pk: int):
    actor = request.user
    organization = selectors.organization_get(actor=actor, pk=pk)
    return render(
        request,
        "places/organization_detail.html",
        {
            "organization": organization,
            "children": selectors.organization_list(actor=actor, parent=organization),
            "can_edit": permissions.can_edit_organization(actor, organization),
        },
    )


@login_required
def organization_edit_view(request, pk: int):
    actor = request.user
    organization = selectors.organization_get(actor=actor, pk=pk)
    permissions.require(permissions.can_edit_organization(actor, organization))
    form_class = (
        OrganizationOfficeForm
        if permissions.can_manage_programme(actor)
        else OrganizationProfileForm
    )
    initial = {name: getattr(organization, name) for name in form_class.base_fields}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        changes = {k: v for k, v in data.items() if v != initial[k]}
        try:
            services.organization_update(
                actor=actor, organization=organization, expected_version=version, **changes
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Profile saved."))
            return redirect("places:organization", pk=organization.pk)
    return render(
        request, "places/organization_form.html", {"form": form, "organization": organization}
    )
