"""Posts: the needs receiving institutions publish, their applicants and their chains."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.selectors import illustrative_among
from counterpart.core import exports
from counterpart.core.forms import show_service_errors
from counterpart.core.listing import listed
from counterpart.reporting import selectors as reporting
from counterpart.talent import exports as talent_exports
from counterpart.talent import selectors, services
from counterpart.talent.filters import PostFilter
from counterpart.talent.forms import PostCreateForm, PostEditForm, PostFieldsForm


def post_list_view(request):
    actor = request.user
    page = listed(request, selectors.post_list(actor=actor), PostFilter)
    if exports.wanted(request):
        return exports.export_response(request, page.rows, talent_exports.posts(), name="posts")
    return render(
        request,
        "talent/posts.html",
        {
            "page": page,
            "illustrative": illustrative_among("talent.post"),
            "can_create": actor.is_authenticated
            and selectors.institutions_for_posts(actor=actor).exists(),
        },
    )


@login_required
def post_create_view(request):
    actor = request.user
    institutions = selectors.institutions_for_posts(actor=actor)
    permissions.require(institutions.exists())
    form = PostCreateForm(request.POST or None, institutions=institutions)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if reporting.review_of(post) is None:
                messages.success(request, _("Post published."))
            else:  # under the round's review: no professional sees it yet
                messages.success(
                    request,
                    _("Post saved. Professionals see it once approved: submit it for review."),
                )
            return redirect("talent:post", pk=post.pk)
    return render(request, "talent/form.html", {"form": form, "title": _("Post a need")})


@login_required
def post_edit_view(request, pk: int):
    actor = request.user
    post = selectors.post_get(actor=actor, pk=pk)
    permissions.require(permissions.can_manage_post(actor, post.institution))
    fields = [*PostFieldsForm.base_fields, "status"]
    initial = {name: getattr(post, name) for name in fields}
    form = PostEditForm(request.POST or None, initial={**initial, "version": post.version})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        changes = {k: v for k, v in data.items() if v != initial[k]}
        try:
            services.post_update(actor=actor, post=post, expected_version=version, **changes)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Post saved."))
            return redirect("talent:post", pk=post.pk)
    return render(
        request, "talent/form.html", {"form": form, "title": _("Edit post"), "post": post}
    )


def post_detail_view(request, pk: int):
    """A post; its institution's team ranks the applicants here and follows its chain."""
    actor = request.user
    post = selectors.post_get(actor=actor, pk=pk)
    can_manage = permissions.can_manage_post(actor, post.institution)
    if request.method == "POST":
        permissions.require(can_manage)
        version = request.POST.get("version", "")
        version = int(version) if version.isdigit() else -1
        try:
            if request.POST.get("action") == "rule":
                services.post_ranking_reset(actor=actor, post=post, expected_version=version)
            else:
                order = [int(v) for v in request.POST.getlist("applicant") if v.isdigit()]
                services.post_ranking_set(
                    actor=actor, post=post, expected_version=version, professional_ids=order
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The order of applicants is saved."))
        return redirect("talent:post", pk=post.pk)
    context = {
        "post": post,
        "can_manage": can_manage,
        "taken": post.places - selectors.free_places([post])[post.pk],
        "chain": selectors.post_chain(actor=actor, post=post) if actor.is_authenticated else None,
    }
    if can_manage:
        context["applicants"] = selectors.applicant_rows(actor=actor, post=post)
        context["review"] = reporting.review_of(post)
    return render(request, "talent/post.html", context)
