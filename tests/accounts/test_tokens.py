from django.urls import reverse

from counterpart.accounts import services
from counterpart.accounts.models import ApiToken


def test_a_token_is_shown_once_and_stored_hashed(client, world):
    user = world.user("office")
    client.force_login(user)
    response = client.post(reverse("accounts:account"), {"name": "export script"})
    key = response.context["new_key"]
    assert key.startswith("cp_")
    token = ApiToken.objects.get(user=user)
    assert key not in (token.key_hash, token.prefix)
    assert key not in client.get(reverse("accounts:account")).content.decode()


def test_a_revoked_token_no_longer_authenticates(world):
    token, raw = services.api_token_create(actor=world.user("office"), name="t")
    assert services.api_token_authenticate(raw) == world.user("office")
    services.api_token_revoke(actor=world.user("office"), token=token)
    assert services.api_token_authenticate(raw) is None


def test_nobody_revokes_someone_elses_token(client, world):
    token, _raw = services.api_token_create(actor=world.user("office"), name="t")
    client.force_login(world.user("beijing_team"))
    response = client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
