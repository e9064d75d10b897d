from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from counterpart.accounts import services
from counterpart.accounts.forms import (
    ApiTokenForm,
    ThrottledLoginForm,
    ThrottledPasswordChangeForm,
)
from counterpart.accounts.models import ApiToken
from counterpart.core.forms import show_service_errors


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ThrottledPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        user = services.password_change(
            actor=self.request.user,
            user=self.request.user,
            new_password=form.cleaned_data["new_password1"],
        )
        update_session_auth_hash(self.request, user)
        messages.success(
            self.request, _("Your password was changed; your API tokens were revoked.")
        )
        return redirect(self.success_url)


@login_required
def account_view(request):
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = services.api_token_create(
                actor=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            form = ApiTokenForm()
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "new_key": new_key,
            "tokens": request.user.api_tokens.filter(revoked_at__isnull=True),
        },
    )


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:account")
